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


def test_the_guide_window_shows_its_screenshots(qtbot, make_window) -> None:  # noqa: ANN001
    """Every screenshot of the guide is an image in the window's document, loaded from the
    guide's folder and drawn at its size (the document is taller than its text alone)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QPixmap, QTextDocument

    from mcim_desk.ui.guide_view import GuideWindow

    for lang in ("fr", "en"):
        guide = GuideWindow(lang)
        qtbot.addWidget(guide)
        document = guide.browser.document()
        shown = []
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    shown.append(fmt.toImageFormat().name())
                it += 1
            block = block.next()
        assert shown == load_guide(lang).images(), lang
        guide.show()
        qtbot.waitExposed(guide)
        for name in shown:  # what the document drew (it loaded each through the browser)
            loaded = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
            image = loaded.toImage() if isinstance(loaded, QPixmap) else loaded
            assert isinstance(image, QImage) and image.width() >= 200, (lang, name, type(loaded))
        text_only = QTextDocument()
        text_only.setPlainText(document.toPlainText())
        text_only.setTextWidth(document.textWidth())
        text_only.setDefaultFont(document.defaultFont())
        assert document.size().height() > text_only.size().height() + 100 * len(shown)
        guide.close()


def test_the_printed_guide_holds_its_screenshots(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from mcim_desk.services.guide import print_guide

    for lang in ("fr", "en"):
        out = print_guide(lang, tmp_path / f"guide-{lang}.pdf")
        reader = PdfReader(str(out))
        images = 0
        for page in reader.pages:
            resources = page.get("/Resources") or {}
            xobjects = resources.get("/XObject") or {}
            images += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
        assert images == len(load_guide(lang).images()) >= 8, lang
