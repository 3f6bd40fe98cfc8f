"""Every screen read by a screen reader and driven by the keyboard: walks the pages and
dialogs of mcim_desk.devtools.screens (the ones the screenshot command renders) and fails on
an interactive widget without an accessible name, on a table or list that keeps Tab, and on a
menu with a duplicated or missing mnemonic."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenuBar, QTableWidget, QToolButton, QVBoxLayout, QWidget

from mcim_desk.devtools.accessibility import menu_problems, spoken_name, widget_problems
from mcim_desk.devtools.screens import SCENES, SceneUnavailable, Studio, make_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    folder = tmp_path_factory.mktemp("demo")
    os.environ["MCIM_DESK_DATA"] = str(folder / "data")
    return make_demo(folder / "demo.sqlite3")


def test_the_checker_finds_what_it_looks_for(qtbot) -> None:  # noqa: ANN001
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    table = QTableWidget(2, 2, root)
    arrow = QToolButton(root)
    arrow.setText("↑")
    layout.addWidget(table)
    layout.addWidget(arrow)
    root.show()
    found = widget_problems(root)
    assert any(p.startswith("keeps Tab: QTableWidget") for p in found)
    assert any(p.startswith("no accessible name: QTableWidget") for p in found)
    assert any(p.startswith("no accessible name: QToolButton") for p in found)
    arrow.setAccessibleName("Move entry 1 up")
    assert spoken_name(arrow) == "Move entry 1 up"
    bar = QMenuBar()
    qtbot.addWidget(bar)
    menu = bar.addMenu("&File")
    menu.addAction("&Quit")
    menu.addAction("Import a filled &questionnaire")
    menu.addAction("English")
    assert menu_problems(bar) == [
        "mnemonic &q twice in File: '&Quit' and 'Import a filled &questionnaire'",
        "no mnemonic in File: 'English'",
    ]


def test_every_screen_is_named_and_lets_tab_go(qtbot, demo: Path, tmp_path: Path) -> None:  # noqa: ANN001
    studio = Studio(demo, tmp_path / "en", "en")
    problems: dict[str, list[str]] = {}
    walked = 0
    try:
        for scene in SCENES:
            try:
                widget = scene.build(studio)
            except SceneUnavailable:
                studio.dismiss()
                continue
            walked += 1
            for problem in widget_problems(widget):
                problems.setdefault(problem, []).append(scene.name)
            studio.dismiss()
        problems.update({p: ["menus"] for p in menu_problems(studio.window.menuBar())})
    finally:
        studio.close()
    assert walked >= 35
    assert problems == {}, "\n".join(f"{p}  (on {', '.join(sorted(set(s)))})" for p, s in problems.items())


def test_french_menus_have_one_mnemonic_each(qtbot, demo: Path, tmp_path: Path) -> None:  # noqa: ANN001
    studio = Studio(demo, tmp_path / "fr", "fr")
    try:
        assert studio.window.file_menu.title() == "&Fichier"
        assert menu_problems(studio.window.menuBar()) == []
    finally:
        studio.close()


def test_tab_leaves_the_mechanism_table(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    view = window.list_panel.view
    view.setFocus()
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus()  # Tab goes on to the pages instead of the next cell
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Backtab)
    assert view.hasFocus()


def test_ctrl_page_down_moves_sections_only_inside_the_form(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window()
    window.list_panel.select(next(r.id for r in window.list_panel.visible_rows() if r.key == "rabat_process"))
    page = window.findChild(QuestionnairePage)
    window.tabs.setCurrentWidget(page)
    page.start_entry()
    form = page.form
    form.sections.setCurrentRow(0)
    form.focus_first()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is page and form.sections.currentRow() == 1  # next section
    window.list_panel.view.setFocus()
    qtbot.keyClick(window.list_panel.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    # outside the form the questionnaire leaves the keys alone (the tabs, the list have them)
    assert form.sections.currentRow() == 1


def _next_stop(widget):  # noqa: ANN001, ANN202
    """The next widget Tab can stop at (labels and frames sit in the chain too)."""
    following = widget.nextInFocusChain()
    while not following.focusPolicy() & Qt.FocusPolicy.TabFocus:
        following = following.nextInFocusChain()
    return following


def _previous_stop(widget):  # noqa: ANN001, ANN202
    previous = widget.previousInFocusChain()
    while not previous.focusPolicy() & Qt.FocusPolicy.TabFocus:
        previous = previous.previousInFocusChain()
    return previous


def test_tab_follows_the_layout(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.dashboard import DashboardPage
    from mcim_desk.ui.interviews_page import InterviewsPage
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window()
    dashboard = window.findChild(DashboardPage)
    assert _next_stop(dashboard.type_box) is dashboard.region  # type, then region, as laid out
    interviews = window.findChild(InterviewsPage)
    chain = [interviews.plan_button]
    while len(chain) < 4:
        chain.append(_next_stop(chain[-1]))
    assert chain == [interviews.plan_button, interviews.workspace_button, interviews.reschedule_button,
                     interviews.table]  # the buttons above the table come first

    page = window.findChild(QuestionnairePage)
    window.tabs.setCurrentWidget(page)
    window.list_panel.select(next(r.id for r in window.list_panel.visible_rows() if r.key == "rabat_process"))
    page.start_entry()
    form = page.form
    repeat = form.repeats["section_4/q25"]
    for _ in range(2):
        qtbot.mouseClick(repeat.add_button, Qt.MouseButton.LeftButton)
    last = form.widgets["section_4/q25[2]/nature"].editor
    first = form.widgets["section_4/q25[1]/category"].editor
    assert _next_stop(last) is repeat.add_button  # the last entry's last field, then "Add"
    assert _next_stop(repeat.add_button) is form.widgets["section_4/q26"].editor
    assert _previous_stop(first).parentWidget() is repeat.instance_frames[1]  # its ↑/↓/Remove


def test_help_lists_the_keyboard_shortcuts_of_every_page(make_window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAction

    from mcim_desk.ui.shortcuts_dialog import KeyboardShortcutsDialog

    window = make_window()
    window.set_language("fr")
    action = window.findChild(QAction, "shortcuts_action")
    assert action in window.help_menu.actions() and action.shortcut().toString() == "Ctrl+F1"
    assert action.text() == "&Raccourcis clavier"
    action.trigger()
    dialog = window.findChild(KeyboardShortcutsDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Raccourcis clavier"
    rows = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text()) for r in range(dialog.table.rowCount())}
    assert ("Ctrl+Maj+N", "Planifier un entretien") in rows  # a page's own key, in French
    assert ("Ctrl+D", "Marquer le suivi sélectionné comme fait") in rows
    assert ("Ctrl+Maj+T", "Démarrer ou mettre en pause le chronomètre de l’appel") in rows
    assert widget_problems(dialog) == []


def test_the_dashboard_is_reached_by_tab_from_the_search_box(make_window, qtbot) -> None:  # noqa: ANN001
    """The issue's measure: 400 Tabs from the search box stayed in the mechanism table."""
    from PySide6.QtWidgets import QApplication

    from mcim_desk.ui.dashboard import DashboardPage

    window = make_window()
    dashboard = window.findChild(DashboardPage)
    window.tabs.setCurrentWidget(dashboard)
    window.list_panel.search.setFocus()
    visited = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        visited.append(focus)
        if dashboard.isAncestorOf(focus):
            break
    assert dashboard.isAncestorOf(visited[-1]), [type(w).__name__ for w in visited]
    assert len(visited) < 12
