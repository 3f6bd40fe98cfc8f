"""Language: the preference, and Qt translators (ours from resources/i18n, Qt's own qtbase_).

Labels that live in data (forms, reference lists) carry both languages; everything else goes
through Qt's translation system (``self.tr`` / ``QCoreApplication.translate``).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .paths import data_dir, resource_path

log = logging.getLogger(__name__)
LANGUAGES = ("fr", "en")
LANG_ENV = "MCIM_DESK_LANG"
_installed: list[QTranslator] = []
_in_use = ["en"]  # the language of the translators installed last


def language_in_use() -> str:
    """The language messages are shown in now (the one :func:`install_translators` set), for
    messages that quote a label from data, which carries both languages."""
    return _in_use[0]


def settings() -> QSettings:
    """Preferences live beside the data (one INI file), so a data folder is self-contained."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def preferred_language() -> str:
    env = os.environ.get(LANG_ENV)
    if env in LANGUAGES:
        return env
    stored = settings().value("language", "", str)
    if stored in LANGUAGES:
        return stored
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
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _in_use[0] = lang if lang in LANGUAGES else "en"
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

