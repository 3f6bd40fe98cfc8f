"""``translate()``: a program string in the language in use, with or without Qt loaded.

The window installs Qt's translators (i18n.install_translators) and ``translate`` is then
``QCoreApplication.translate``. A command of ``mcim-desk`` that has no use for Qt (a report,
a search...) reads the same compiled catalogue with :mod:`mcim_desk.qm` instead: importing
PySide6's QtCore costs a fresh process about 0.1 s, and its import hook (shiboken's
``__feature__`` check, which reads the source of every module imported after it) as much
again over the SQLAlchemy and reportlab imports that follow.

Should anything import QtCore later in such a command (a module that calls
``QCoreApplication.translate`` itself), Qt's translators for the same language are installed
as QtCore is imported, before the module gets to it: every message is in the same language
whichever way it is looked up.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

# (language, catalogue or None for English) while the command line reads the catalogue itself
_light: list = [None]


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """As ``QCoreApplication.translate(context, source, disambiguation, n)``."""
    light = _light[0]
    if light is not None:
        text = translate_with(light[1], context, source, disambiguation, n)
        if text is not None:
            return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, source, disambiguation, n)


def translate_with(catalogue, context: str, source: str, disambiguation: str | None = None,  # noqa: ANN001
                   n: int = -1) -> str | None:
    """What ``QCoreApplication.translate`` gives with ``catalogue`` (a QmCatalogue, or None
    for English) as its only translator; None where only Qt can say (a ``%Ln`` count)."""
    from .qm import replace_percent_n

    # Qt takes each text as a C string: it ends at its first NUL character.
    context, source = context.partition("\x00")[0], source.partition("\x00")[0]
    if disambiguation:
        disambiguation = disambiguation.partition("\x00")[0]
    found = catalogue.translate(context, source, disambiguation, n) if catalogue else None
    return replace_percent_n(source if found is None else found, n)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - lupdate knows this name
    """Marks ``source`` for the catalogue; translated later with ``translate(context, ...)``."""
    return source


def catalogue_path(lang: str):  # noqa: ANN201 - Path
    from .paths import resource_path

    return resource_path("resources", "i18n", f"mcim_desk_{lang}.qm")


def use_language(lang: str) -> bool:
    """The command line's language: our catalogue read without Qt when Qt is not loaded
    (else Qt's translators, as the window installs them). False if a catalogue failed to
    load (the messages are then in English, as with Qt)."""
    from . import i18n

    lang = lang if lang in i18n.LANGUAGES else "en"
    if "PySide6.QtCore" in sys.modules:
        return _install_qt(lang)
    catalogue = None
    ok = True
    if lang != "en":
        from .qm import CatalogueError, QmCatalogue

        path = catalogue_path(lang)
        try:
            catalogue = QmCatalogue.load(path)
        except (OSError, CatalogueError):
            log.warning("translation catalogue %s not found or unreadable", path)
            ok = False
    _light[0] = (lang, catalogue)
    i18n.set_language_in_use(lang)
    if not any(isinstance(finder, _QtTranslatorsOnImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _QtTranslatorsOnImport())
    return ok


def stop_light() -> None:
    """Qt's translators serve from now on (i18n.install_translators calls this)."""
    _light[0] = None
    for finder in [f for f in sys.meta_path if isinstance(f, _QtTranslatorsOnImport)]:
        sys.meta_path.remove(finder)


def _install_qt(lang: str) -> bool:
    from PySide6.QtCore import QCoreApplication

    from .i18n import install_translators

    if QCoreApplication.instance() is None:
        QCoreApplication(["mcim-desk"])
    return install_translators(lang)


class _QtTranslatorsOnImport:
    """Installs Qt's translators for the command line's language as soon as QtCore is
    imported (by whatever needs it), so that ``QCoreApplication.translate`` agrees with
    ``translate``. A meta path finder (importlib.abc's protocol, without importing it)."""

    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201 - importlib's protocol
        if name != "PySide6.QtCore":
            return None
        import importlib.util

        sys.meta_path.remove(self)  # once; and the real finders find the real module
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _ThenInstall(spec.loader)
        return spec


class _ThenInstall:
    """The real loader of QtCore, then Qt's translators (importlib.abc.Loader's protocol)."""

    def __init__(self, loader) -> None:  # noqa: ANN001 - the real loader
        self.loader = loader

    def create_module(self, spec):  # noqa: ANN001, ANN201
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:  # noqa: ANN001
        self.loader.exec_module(module)
        light = _light[0]
        if light is not None:
            _install_qt(light[0])
