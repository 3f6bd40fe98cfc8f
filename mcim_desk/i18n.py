"""Language: the preference, and Qt translators (ours from resources/i18n, Qt's own qtbase_).

Labels that live in data (forms, reference lists) carry both languages; everything else goes
through Qt's translation system (``self.tr`` / ``QCoreApplication.translate``, or
:func:`mcim_desk.translation.translate` where Qt may not be loaded: the command line).

Light on purpose: Qt is imported only by what needs it, so that a command of ``mcim-desk``
can learn its language without loading Qt.
"""

from __future__ import annotations

import logging
import os
import re
import sys

from .paths import data_dir, resource_path

log = logging.getLogger(__name__)
LANGUAGES = ("fr", "en")
LANG_ENV = "MCIM_DESK_LANG"
_installed: list = []  # the QTranslators installed
_in_use = ["en"]  # the language of the translators installed last


def language_in_use() -> str:
    """The language messages are shown in now (the one :func:`install_translators` set), for
    messages that quote a label from data, which carries both languages."""
    return _in_use[0]


def set_language_in_use(lang: str) -> None:
    _in_use[0] = lang if lang in LANGUAGES else "en"


def settings():  # noqa: ANN201 - QSettings
    """Preferences live beside the data (one INI file), so a data folder is self-contained."""
    from PySide6.QtCore import QSettings

    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


# A value QSettings writes as it is (no quotes, escapes or @Variant): language codes, time
# zone names. Anything else is read by QSettings itself.
_PLAIN_VALUE = re.compile(r"[A-Za-z0-9_/+\-.]*")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_]+")


def stored_setting(key: str) -> str:
    """``settings().value(key, "", str)`` for a plain key, read without loading Qt when Qt is
    not loaded and the file holds it plainly (one ``key=value`` line of the [General]
    section); QSettings reads anything else."""
    if _PLAIN_KEY.fullmatch(key) and "PySide6.QtCore" not in sys.modules:  # else QSettings may
        try:  # hold a value not yet written to the file
            text = (data_dir() / "settings.ini").read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None:
            found = _plain_ini_value(text, key)
            if found is not None:
                return found
    return settings().value(key, "", str)


def _plain_ini_value(text: str, key: str) -> str | None:
    """The value of ``key`` in [General] when the file is plainly written, "" when the key is
    absent; None when QSettings must say (quoted or escaped values, repeated keys, comments,
    continued lines)."""
    section, values = "General", []
    for raw in text.split("\n"):  # Qt's line ends only (str.splitlines also splits on U+0085...)
        line = raw.strip(" \t\r")
        if not line:
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                return None
            section = line[1:-1]
            continue
        if section != "General":
            continue
        name, equals, value = line.partition("=")
        if not equals or line[0] in ";#" or line.endswith("\\"):  # comments, continued lines
            return None
        if name.strip(" \t") == key:
            values.append(value.strip(" \t"))
    if len(values) > 1 or (values and not _PLAIN_VALUE.fullmatch(values[0])):
        return None
    return values[0] if values else ""


def preferred_language() -> str:
    env = os.environ.get(LANG_ENV)
    if env in LANGUAGES:
        return env
    stored = stored_setting("language")
    if stored in LANGUAGES:
        return stored
    from PySide6.QtCore import QLocale

    system = QLocale.system().name()[:2]
    return system if system in LANGUAGES else "en"


def remember_language(lang: str) -> None:
    s = settings()
    s.setValue("language", lang)
    s.sync()


def install_translators(lang: str) -> bool:
    """Swap the application's translators for ``lang``; False if a catalogue failed to load.

    English is the source language of our strings, so it needs only Qt's own catalogue.
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from .translation import stop_light

    stop_light()
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    set_language_in_use(lang)
    # Qt's widgets format dates and name file types in the default locale: the program's language
    system = QLocale.system()
    QLocale.setDefault(system if system.name()[:2] == _in_use[0] else QLocale(_in_use[0]))
    ok = True
    catalogues = [(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if lang != "en":
        catalogues.append((f"mcim_desk_{lang}", str(resource_path("resources", "i18n"))))
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):  # load() returns False instead of raising
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation catalogue %s not found in %s", name, folder)
            ok = ok and name.startswith("qtbase_")  # Qt's own is optional when frozen lean
    return ok
