"""Help > Guide (F1): the user guide in the window's language, opened at the section of the
screen in front of the user; Help > Print the guide…: the same as a PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

# The page (by class name) in front of the user -> the guide's section about it.
SECTION_OF_PAGE = {
    "DashboardPage": "followups",
    "MechanismCardView": "first-start",
    "QuestionnairePage": "questionnaire",
    "InterviewsPage": "interviews",
    "FollowUpsPage": "followups",
    "QuoteBrowser": "interviews",
    "SearchPage": "search",
    "CallWorkspace": "interviews",
    "ReportsDialog": "reports",
}


def section_for(window: MainWindow) -> str:
    """The section for what the user is looking at: the active window if it is one of the
    program's own (a call workspace...), else the main window's current page."""
    active = QApplication.activeWindow()
    for widget in (active, window.tabs.currentWidget()):
        if widget is not None and widget is not window:
            section = SECTION_OF_PAGE.get(type(widget).__name__)
            if section:
                return section
    return "first-start"


class GuideWindow(QWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guide_window")
        self.lang = lang
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_browser")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(880, 700)  # the guide's screenshots are 820 pixels wide at most
        self.section = ""
        self.load(lang)

    def load(self, lang: str) -> None:
        from ..domain.guide import to_html
        from ..services.guide import guide_file, load_guide

        self.lang = lang
        guide = load_guide(lang)
        self.browser.setSearchPaths([str(guide_file(lang).parent)])  # its images/ folder
        self.setWindowTitle(guide.title)
        self.browser.setHtml(to_html(guide))

    def show_section(self, section_id: str) -> None:
        self.section = section_id
        self.browser.scrollToAnchor(section_id)


def open_guide(window: MainWindow) -> GuideWindow:
    section = section_for(window)
    guide = window.findChild(GuideWindow)  # one guide window, kept once opened
    if guide is None:
        guide = GuideWindow(window.prefs.language, window)
    elif guide.lang != window.prefs.language:
        guide.load(window.prefs.language)
    guide.show()
    guide.raise_()
    guide.show_section(section)
    return guide


def print_guide(window: MainWindow) -> None:
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    lang = window.prefs.language
    chosen = window.dialogs.save_file(
        QCoreApplication.translate("Guide", "Print the guide"),
        QCoreApplication.translate("Guide", "guide-mcim-desk-{lang}.pdf").format(lang=lang),
        QCoreApplication.translate("Guide", "PDF files (*.pdf)"), "guide")
    if not chosen:
        return
    from ..services.guide import print_guide as write

    def done(path: Path) -> None:
        from .file_written import announce_written

        announce_written(window.dialogs, QCoreApplication.translate("Guide", "Guide written"), [path])

    def failed(exc: BaseException) -> None:
        window.dialogs.error(
            QCoreApplication.translate("Guide", "Guide not printed"),
            QCoreApplication.translate("Guide", "The guide could not be written to {path}: {problem}").format(
                path=chosen, problem=getattr(exc, "strerror", None) or exc))

    window.runner.run(lambda: write(lang, Path(chosen)), done, failed)
