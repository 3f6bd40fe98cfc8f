"""Opening a search result at its place, with what the main window already offers: the
questionnaire scrolled to the question (the words selected), the call workspace at the note,
the quote or coded passage selected in the Quotes page, the follow-up in Follow-ups, the
contact's or mechanism's card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ..services.search import SearchHit
    from .main_window import MainWindow


def _page(window: MainWindow, cls: type) -> QWidget | None:
    pages = window.findChildren(cls)
    return pages[0] if pages else None


def _select_mechanism(window: MainWindow, mechanism_id: str) -> None:
    if not window.list_panel.select(mechanism_id):
        window.list_panel.set_filters("", "", "")  # the list's filter hid it
        window.list_panel.select(mechanism_id)


def _select_words(editor: QWidget | None, hit: SearchHit) -> None:
    from .widgets_common import select_range

    if editor is not None and hit.snippet.first >= 0:
        select_range(editor, hit.snippet.first, hit.snippet.first_end)


def _editor(form, hit: SearchHit) -> QWidget | None:  # noqa: ANN001 - a FormView
    widget = form.widgets.get(hit.path or "")
    if widget is None:
        return None
    return widget.notes if hit.field == "note" else widget.text_editor()


def open_hit(window: MainWindow, hit: SearchHit) -> QWidget | None:
    """Show ``hit`` where it lives; returns the widget that shows it (tests look there)."""
    ctx = window.ctx
    if ctx is None:
        return None
    if hit.kind in ("quote", "coding"):
        from .quote_browser import QuoteBrowser

        page = _page(window, QuoteBrowser)
        if page is None:
            return None
        window.tabs.setCurrentWidget(page)
        page.set_filters(kind=hit.kind, mechanism_id="", question="", tag="")
        for row, item in enumerate(page.items):
            if item.id == hit.record_id:
                page.table.selectRow(row)
                page.table.setFocus()
        return page
    if hit.kind == "call_note" or (hit.kind in ("answer", "note") and hit.interview_id):
        from .call_workspace import open_workspace

        workspace = open_workspace(ctx, hit.interview_id, window)
        if hit.kind == "call_note":
            _select_words(workspace.notes_edit, hit)
        elif hit.path:
            workspace.form.focus_question(hit.path)
            _select_words(_editor(workspace.form, hit), hit)
        return workspace
    _select_mechanism(window, hit.mechanism_id)
    if hit.kind in ("answer", "note"):
        from .questionnaire_page import QuestionnairePage

        page = _page(window, QuestionnairePage)
        if page is None:
            return None
        window.tabs.setCurrentWidget(page)
        if hit.path:
            page.form.focus_question(hit.path)
            _select_words(_editor(page.form, hit), hit)
        return page
    if hit.kind == "followup":
        from .followups_page import FollowUpsPage

        page = _page(window, FollowUpsPage)
        if page is None:
            return None
        window.tabs.setCurrentWidget(page)
        page.reload(select=hit.record_id)
        return page
    if window.card is not None:  # a contact or a mechanism: its card
        window.tabs.setCurrentWidget(window.card)
    return window.card
