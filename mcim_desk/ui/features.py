"""Where each feature hangs itself on the main window: pages beside the mechanism card,
entries in the File and Reports menus. Keep this light: it runs before the first paint, so
every import of a feature's widgets happens inside the factory, when the page is built.

Each feature adds one ``_install_<feature>(window)`` function and one line in
``install_features``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from .main_window import MainWindow


def install_features(window: MainWindow) -> None:
    _install_databases(window)
    _install_questionnaire(window)
    _install_forms(window)
    _install_reports(window)
    _install_interviews(window)
    _install_exchange(window)
    _install_pdf_forms(window)
    _install_search(window)
    _install_guide(window)
    _install_help(window)


def _menu_action(window: MainWindow, menu: str, name: str, text: Callable[[], str],
                 slot: Callable[[], None], shortcut: object = None) -> QAction:
    """One menu entry: named (tests and scripts find it), titled again on a language change
    (``text`` returns a literal QCoreApplication.translate call, so lupdate sees it)."""
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())

    def retitle(*_args: object) -> None:
        action.setText(text())

    window.language_changed.connect(retitle)
    retitle()
    window.add_menu_action(menu, action)
    return action


def _install_databases(window: MainWindow) -> None:
    """File > Open a database… (Ctrl+O) and File > Recent databases (recent_databases.py)."""
    from .recent_databases import install

    install(window)


def _install_questionnaire(window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication

    def build(ctx):  # noqa: ANN001, ANN202
        from .questionnaire_page import QuestionnairePage

        return QuestionnairePage(ctx)

    window.add_page(build, lambda: QCoreApplication.translate("QuestionnaireMenu", "Questionnaire"))


def _install_forms(window: MainWindow) -> None:
    """File > Add a form (XLSForm)…: a new form or a new version of one, checked first."""
    from PySide6.QtCore import QCoreApplication

    def add_form() -> None:
        if window.ctx is not None:
            from .forms_dialog import add_form_from_file

            add_form_from_file(window.ctx)

    _menu_action(window, "file", "add_form_action",
                 lambda: QCoreApplication.translate("FormsMenu", "Add a &form (XLSForm)…"), add_form)


def _install_reports(window: MainWindow) -> None:
    """Reports > Print a report… (Ctrl+P), File > Create a demo database…, and the banner of
    a demonstration database."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QKeySequence

    def print_report() -> None:
        if window.ctx is None:
            return
        from .reports_dialog import ReportsDialog

        ReportsDialog(window.ctx, window, mechanism_id=window.list_panel.current_id()).open()

    def create_demo() -> None:
        if window.ctx is not None:
            from .reports_dialog import create_demo_database

            create_demo_database(window.ctx, window)

    def show_banner() -> None:
        from ..services.reports import is_demo

        if window.ctx is not None and is_demo(window.ctx.db):
            from .reports_dialog import DemoBanner

            banner = DemoBanner(window)
            window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
            banner.show()

    _menu_action(window, "reports", "print_report_action",
                 lambda: QCoreApplication.translate("ReportsMenu", "&Print a report…"), print_report,
                 QKeySequence.StandardKey.Print)
    _menu_action(window, "file", "create_demo_action",
                 lambda: QCoreApplication.translate("ReportsMenu", "Create a &demo database…"),
                 create_demo)
    window.database_opened.connect(show_banner)


def _install_interviews(window: MainWindow) -> None:
    """The dashboard (the first page), Interviews, Follow-ups and Quotes pages; File > Export
    to a calendar…, Edit > Codebook…; "Ask for clarification…" and "Code selection…" on the
    questionnaire's answers."""
    from PySide6.QtCore import QCoreApplication

    def show_card(mechanism_id: str) -> None:
        window.list_panel.select(mechanism_id)
        if window.card is not None:
            window.tabs.setCurrentWidget(window.card)

    def questionnaire_pages() -> list:
        from .questionnaire_page import QuestionnairePage

        return window.findChildren(QuestionnairePage)

    def show_passage(mechanism_id: str, _response_id: str, path: str) -> None:
        window.list_panel.select(mechanism_id)
        for page in questionnaire_pages():
            window.tabs.setCurrentWidget(page)
            page.form.focus_question(path)

    def dashboard(ctx):  # noqa: ANN001, ANN202
        from .dashboard import DashboardPage

        page = DashboardPage(ctx)
        page.mechanism_requested.connect(show_card)
        return page

    def interviews(ctx):  # noqa: ANN001, ANN202
        from .interviews_page import InterviewsPage

        return InterviewsPage(ctx)

    def followups(ctx):  # noqa: ANN001, ANN202
        from .followups_page import FollowUpsPage

        return FollowUpsPage(ctx)

    def quotes(ctx):  # noqa: ANN001, ANN202
        from .quote_browser import QuoteBrowser

        page = QuoteBrowser(ctx)
        page.passage_requested.connect(show_passage)
        return page

    window.add_page(dashboard, lambda: QCoreApplication.translate("InterviewsMenu", "Dashboard"), position=0)
    window.add_page(interviews, lambda: QCoreApplication.translate("InterviewsMenu", "Interviews"))
    window.add_page(followups, lambda: QCoreApplication.translate("InterviewsMenu", "Follow-ups"))
    window.add_page(quotes, lambda: QCoreApplication.translate("InterviewsMenu", "Quotes"))

    def export_calendar() -> None:
        from .dashboard import DashboardPage

        for page in window.findChildren(DashboardPage):
            page.export_calendar()

    def open_codebook() -> None:
        if window.ctx is not None:
            from .codebook_dialog import CodebookDialog

            CodebookDialog(window.ctx, window).open()

    def attach_to_questionnaires() -> None:
        from .followups_page import attach_answer_tools

        for page in questionnaire_pages():
            attach_answer_tools(window.ctx, page.form, page)

    _menu_action(window, "file", "export_calendar_action",
                 lambda: QCoreApplication.translate("InterviewsMenu", "Export to a &calendar…"),
                 export_calendar)
    _menu_action(window, "edit", "codebook_action",
                 lambda: QCoreApplication.translate("InterviewsMenu", "&Codebook…"), open_codebook)
    window.database_opened.connect(attach_to_questionnaires)


def _install_exchange(window: MainWindow) -> None:
    """File > Export a bundle… (Ctrl+Shift+E), Import a bundle… (Ctrl+Shift+I), Export
    spreadsheets…, Resolve conflicts…, Import Kobo / ODK JSON…; the dialogs are imported
    when an entry is chosen."""
    from PySide6.QtCore import QCoreApplication

    def run(function: str) -> Callable[[], None]:
        def call() -> None:
            from . import exchange_dialogs

            getattr(exchange_dialogs, function)(window)

        return call

    _menu_action(window, "file", "export_bundle_action",
                 lambda: QCoreApplication.translate("ExchangeMenu", "Export a bu&ndle…"),
                 run("export_bundle"), "Ctrl+Shift+E")
    _menu_action(window, "file", "import_bundle_action",
                 lambda: QCoreApplication.translate("ExchangeMenu", "&Import a bundle…"),
                 run("import_bundle"), "Ctrl+Shift+I")
    _menu_action(window, "file", "export_spreadsheets_action",
                 lambda: QCoreApplication.translate("ExchangeMenu", "Export &spreadsheets…"),
                 run("export_spreadsheets"))
    _menu_action(window, "file", "resolve_conflicts_action",
                 lambda: QCoreApplication.translate("ExchangeMenu", "Resol&ve conflicts…"),
                 run("resolve_conflicts"))

    def import_json() -> None:
        from .submissions_import import import_submissions_json

        import_submissions_json(window)

    _menu_action(window, "file", "import_submissions_action",
                 lambda: QCoreApplication.translate("ExchangeMenu", "Import Kobo / ODK &JSON…"),
                 import_json)


def _install_pdf_forms(window: MainWindow) -> None:
    """File > Questionnaire as fillable PDF…, Import a filled questionnaire (PDF)…, and a
    .pdf dropped on the window opening the same review (issue 7)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    def make_pdf() -> None:
        from .pdf_import import export_questionnaire_pdf

        export_questionnaire_pdf(window)

    def import_pdf() -> None:
        from .pdf_import import import_questionnaire_pdf

        import_questionnaire_pdf(window)

    drag_events = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)

    class PdfDrops(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() in drag_events and window.ctx is not None:
                from .pdf_import import handle_drop  # imported at the first drag only

                return handle_drop(window, event)
            return False

    _menu_action(window, "file", "questionnaire_pdf_action",
                 lambda: QCoreApplication.translate("PdfFormsMenu", "Questionnaire as fillable &PDF…"),
                 make_pdf)
    _menu_action(window, "file", "import_pdf_action",
                 lambda: QCoreApplication.translate("PdfFormsMenu", "I&mport a filled questionnaire (PDF)…"),
                 import_pdf)
    window.setAcceptDrops(True)
    drops = PdfDrops(window)  # owned by the window (its parent)
    drops.setObjectName("pdf_drop_filter")
    window.installEventFilter(drops)


def _install_help(window: MainWindow) -> None:
    """Help > Keyboard shortcuts (Ctrl+F1; F1 is the guide): the keys of every page, menus or not."""
    from PySide6.QtCore import QCoreApplication

    def show() -> None:
        from .shortcuts_dialog import KeyboardShortcutsDialog

        KeyboardShortcutsDialog(window).open()

    _menu_action(window, "help", "shortcuts_action",
                 lambda: QCoreApplication.translate("HelpMenu", "&Keyboard shortcuts"), show, "Ctrl+F1")


def _install_search(window: MainWindow) -> None:
    """The Search page and View > Search… (Ctrl+F, from any window of the program); Enter on
    a result opens it at its place (search_open.py)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QKeySequence

    def build(ctx):  # noqa: ANN001, ANN202
        from .search_open import open_hit
        from .search_page import SearchPage

        page = SearchPage(ctx)
        page.hit_activated.connect(lambda hit: open_hit(window, hit))
        return page

    def show_search() -> None:
        from .search_page import SearchPage

        pages = window.findChildren(SearchPage)
        if not pages:
            return
        window.show()
        window.raise_()
        window.activateWindow()
        window.tabs.setCurrentWidget(pages[0])
        pages[0].focus_box()

    window.add_page(build, lambda: QCoreApplication.translate("SearchMenu", "Search"))
    action = _menu_action(window, "view", "search_action",
                          lambda: QCoreApplication.translate("SearchMenu", "&Search…"), show_search,
                          QKeySequence.StandardKey.Find)
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)


def _install_guide(window: MainWindow) -> None:
    """Help > Guide (F1, at the section of the screen in front of the user) and Help > Print
    the guide… (a PDF in the window's language)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QKeySequence

    def show_guide() -> None:
        from .guide_view import open_guide

        open_guide(window)

    def print_guide() -> None:
        from .guide_view import print_guide as write

        write(window)

    guide = _menu_action(window, "help", "guide_action",
                         lambda: QCoreApplication.translate("GuideMenu", "&Guide"), show_guide,
                         QKeySequence.StandardKey.HelpContents)
    guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    _menu_action(window, "help", "print_guide_action",
                 lambda: QCoreApplication.translate("GuideMenu", "&Print the guide…"), print_guide)
