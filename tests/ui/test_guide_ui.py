"""Help > Guide (F1) at the section of the screen in front of the user, Help > Print the
guide… as a PDF, and every menu entry the guide names present in the program's menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from mcim_desk.services.guide import load_guide


def menus(window) -> dict[str, set[str]]:  # noqa: ANN001
    """Menu title -> its entries, as a user reads them (no & marks)."""
    out: dict[str, set[str]] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            out[menu.title().replace("&", "")] = {a.text().replace("&", "") for a in menu.actions() if a.text()}
    return out


def test_every_menu_entry_the_guide_names_exists(make_window) -> None:  # noqa: ANN001
    window = make_window("en")
    try:
        for lang in ("en", "fr"):
            window.set_language(lang)
            shown = menus(window)
            named = load_guide(lang).menu_references()
            assert len(named) >= 15
            for menu, entry in named:
                assert entry in shown.get(menu, set()), (lang, menu, entry, shown.get(menu))
    finally:
        window.set_language("en")


def test_f1_opens_the_guide_at_the_screen_in_front(qtbot, make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.guide_view import GuideWindow
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window("en")
    [questionnaire] = window.findChildren(QuestionnairePage)
    window.tabs.setCurrentWidget(questionnaire)
    qtbot.keyClick(window.list_panel.view, Qt.Key.Key_F1)
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible()
    assert guide.section == "questionnaire"
    assert guide.windowTitle() == "MCIM Desk — user guide"
    assert "Entering a questionnaire" in guide.browser.toPlainText()
    assert guide.browser.verticalScrollBar().value() > 0  # scrolled down to the section

    from mcim_desk.ui.search_page import SearchPage

    [search] = window.findChildren(SearchPage)
    window.activateWindow()
    window.tabs.setCurrentWidget(search)
    qtbot.keyClick(window.list_panel.view, Qt.Key.Key_F1)
    assert window.findChild(GuideWindow) is guide and guide.section == "search"
    guide.close()


def test_print_the_guide_in_french(qtbot, make_window, tmp_path: Path) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    window = make_window("en")
    try:
        window.set_language("fr")
        out = tmp_path / "guide.pdf"
        window.dialogs.file_answers.append(str(out))
        [action] = [a for a in window.help_menu.actions() if a.objectName() == "print_guide_action"]
        action.trigger()
        assert out.is_file()
        reader = PdfReader(str(out))
        text = "".join(page.extract_text() for page in reader.pages)
        for section in load_guide("fr").sections:
            assert section.title in text
        title, sections = reader.outline[0], reader.outline[1]  # the title, its sections beneath
        assert title.title == "MCIM Desk — guide d’utilisation"
        assert [item.title for item in sections] == [s.title for s in load_guide("fr").sections]
        assert reader.metadata.title == "MCIM Desk — guide d’utilisation"
        kind, title, text = window.dialogs.shown[-1]
        assert (kind, title) == ("written", "Guide écrit") and str(out) in text
    finally:
        window.set_language("en")
