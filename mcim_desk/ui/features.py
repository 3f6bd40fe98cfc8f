"""Where each feature hangs itself on the main window: pages beside the mechanism card,
entries in the File and Reports menus. Keep this light: it runs before the first paint, so
every import of a feature's widgets happens inside the factory, when the page is built.

Each feature adds one ``_install_<feature>(window)`` function and one line in
``install_features``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .main_window import MainWindow


def install_features(window: MainWindow) -> None:
    _install_questionnaire(window)
    _install_forms(window)
    _install_reports(window)
    _install_interviews(window)
    _install_exchange(window)
    _install_pdf_forms(window)


def _install_questionnaire(window: MainWindow) -> None:
    def build(ctx):  # noqa: ANN001, ANN202
        from .questionnaire_page import QuestionnairePage

        return QuestionnairePage(ctx)

    window.add_page(build, lambda: window.tr("Questionnaire"))


def _install_forms(window: MainWindow) -> None:
    """File > Add a form (XLSForm)…: a new form or a new version of one, checked first."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction

    action = QAction(window)
    action.setObjectName("add_form_action")

    def retranslate(*_args: object) -> None:
        action.setText(QCoreApplication.translate("FormsMenu", "Add a &form (XLSForm)…"))

    def add_form() -> None:
        if window.ctx is not None:
            from .forms_dialog import add_form_from_file

            add_form_from_file(window.ctx)

    action.triggered.connect(add_form)
    window.language_changed.connect(retranslate)
    retranslate()
    window.add_menu_action("file", action)


def _install_reports(window: MainWindow) -> None:
    """Reports > Print a report… (Ctrl+P), File > Create a demo database…, and the banner of
    a demonstration database."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QAction, QKeySequence

    print_action = QAction(window)
    print_action.setObjectName("print_report_action")
    print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    demo_action = QAction(window)
    demo_action.setObjectName("create_demo_action")

    def retranslate(*_args: object) -> None:
        print_action.setText(QCoreApplication.translate("ReportsMenu", "&Print a report…"))
        demo_action.setText(QCoreApplication.translate("ReportsMenu", "Create a &demo database…"))

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

    print_action.triggered.connect(print_report)
    demo_action.triggered.connect(create_demo)
    window.language_changed.connect(retranslate)
    window.database_opened.connect(show_banner)
    retranslate()
    window.add_menu_action("reports", print_action)
    window.add_menu_action("file", demo_action)


def _install_interviews(window: MainWindow) -> None:
    """The dashboard (the first page), Interviews, Follow-ups and Quotes pages; File > Export
    to a calendar…, Edit > Codebook…; "Ask for clarification…" and "Code selection…" on the
    questionnaire's answers."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction

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

    export_action = QAction(window)
    export_action.setObjectName("export_calendar_action")
    codebook_action = QAction(window)
    codebook_action.setObjectName("codebook_action")

    def retranslate(*_args: object) -> None:
        export_action.setText(QCoreApplication.translate("InterviewsMenu", "Export to a &calendar…"))
        codebook_action.setText(QCoreApplication.translate("InterviewsMenu", "&Codebook…"))

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

    export_action.triggered.connect(export_calendar)
    codebook_action.triggered.connect(open_codebook)
    window.language_changed.connect(retranslate)
    window.database_opened.connect(attach_to_questionnaires)
    retranslate()
    window.add_menu_action("file", export_action)
    window.add_menu_action("edit", codebook_action)


def _install_exchange(window: MainWindow) -> None:
    """File > Export a bundle… (Ctrl+Shift+E), Import a bundle… (Ctrl+Shift+I), Export
    spreadsheets…, Resolve conflicts…; the dialogs are imported when an entry is chosen."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction, QKeySequence

    entries = (
        ("export_bundle_action", "export_bundle", "Ctrl+Shift+E"),
        ("import_bundle_action", "import_bundle", "Ctrl+Shift+I"),
        ("export_spreadsheets_action", "export_spreadsheets", None),
        ("resolve_conflicts_action", "resolve_conflicts", None),
    )
    actions = {}
    for name, function, shortcut in entries:
        action = QAction(window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))

        def run(_checked: bool = False, function: str = function) -> None:
            from . import exchange_dialogs

            getattr(exchange_dialogs, function)(window)

        action.triggered.connect(run)
        window.add_menu_action("file", action)
        actions[name] = action

    def retranslate(*_args: object) -> None:
        actions["export_bundle_action"].setText(QCoreApplication.translate("ExchangeMenu", "Export a bu&ndle…"))
        actions["import_bundle_action"].setText(QCoreApplication.translate("ExchangeMenu", "&Import a bundle…"))
        actions["export_spreadsheets_action"].setText(QCoreApplication.translate("ExchangeMenu", "Export &spreadsheets…"))
        actions["resolve_conflicts_action"].setText(QCoreApplication.translate("ExchangeMenu", "Resolve con&flicts…"))

    window.language_changed.connect(retranslate)
    retranslate()


def _install_pdf_forms(window: MainWindow) -> None:
    """File > Questionnaire as fillable PDF…, Import a filled questionnaire (PDF)…, and a
    .pdf dropped on the window opening the same review (issue 7)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QAction

    make_action = QAction(window)
    make_action.setObjectName("questionnaire_pdf_action")
    import_action = QAction(window)
    import_action.setObjectName("import_pdf_action")

    def retranslate(*_args: object) -> None:
        make_action.setText(QCoreApplication.translate("PdfFormsMenu", "Questionnaire as fillable P&DF…"))
        import_action.setText(QCoreApplication.translate("PdfFormsMenu", "Import a filled &questionnaire (PDF)…"))

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

    make_action.triggered.connect(make_pdf)
    import_action.triggered.connect(import_pdf)
    window.language_changed.connect(retranslate)
    retranslate()
    window.add_menu_action("file", make_action)
    window.add_menu_action("file", import_action)
    window.setAcceptDrops(True)
    drops = PdfDrops(window)  # owned by the window (its parent)
    drops.setObjectName("pdf_drop_filter")
    window.installEventFilter(drops)
