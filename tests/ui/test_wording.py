"""What the screenshots showed wrong, checked on the real widgets: clipped or repeated texts,
technical words where users read, French punctuation."""

from __future__ import annotations


def _select(window, key: str) -> str:  # noqa: ANN001
    mechanism = next(r.id for r in window.list_panel.visible_rows() if r.key == key)
    window.list_panel.select(mechanism)
    return mechanism


def test_empty_questionnaire_page_text_is_whole_and_said_once(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window()
    page = window.findChild(QuestionnairePage)
    window.tabs.setCurrentWidget(page)
    _select(window, "almaty_process")
    assert page.stack.currentWidget() is page.start
    label = page.start_text
    qtbot.waitUntil(lambda: label.width() > 100)
    assert label.height() >= label.heightForWidth(label.width())  # no line cut at the top or bottom
    assert label.width() > 400  # the text spans the page, it is not squeezed into a column
    assert label.text() != page.status.text()


def test_reports_dialog_fits_a_screen(make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.reports_dialog import ReportsDialog

    window = make_window()
    dialog = ReportsDialog(window.ctx, window)
    assert dialog.sizeHint().width() <= 900


def test_spreadsheet_dialog_speaks_plainly(make_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    from mcim_desk.ui.exchange_dialogs import SpreadsheetDialog

    dialog = SpreadsheetDialog("en", make_window())
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert not any("section_2/q4" in t or "KoboToolbox" in t for t in texts)
    assert any("KoboToolbox" in label.toolTip() for label in dialog.findChildren(QLabel))


def test_french_codebook_undo_is_not_read_as_cancel(make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.codebook_dialog import CodebookDialog

    window = make_window()
    window.set_language("fr")
    dialog = CodebookDialog(window.ctx, window)
    assert dialog.undo_button.text() == "Défaire la dernière &modification"  # « Annuler » reads as Cancel
    from PySide6.QtWidgets import QAbstractButton

    texts = [b.text() for b in dialog.findChildren(QAbstractButton) if "&" in b.text()]
    keys = [t[t.index("&") + 1].casefold() for t in texts]
    assert len(keys) == len(set(keys)), texts  # every button keeps its own Alt+letter


def test_quotes_use_the_language_quotation_marks(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.quote_browser import QuoteBrowser

    window = make_window()
    window.set_language("fr")
    browser = window.findChild(QuoteBrowser)
    assert browser.tr("“{text}”").format(text="x") == "«\u00a0x\u00a0»"
    window.set_language("en")
    assert browser.tr("“{text}”").format(text="x") == "“x”"


def test_contact_and_preferences_fields_are_wide_enough(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.mechanism_card import ContactDialog
    from mcim_desk.ui.preferences_dialog import PreferencesDialog

    window = make_window()
    contact = ContactDialog({"chair": "Chair"}, None, "m", window)
    contact.show()
    email = contact.edits["email"]
    email.setText("demo.abu_dhabi_dialogue@example.org")
    qtbot.waitUntil(lambda: email.width() > 0)
    assert email.width() >= email.fontMetrics().horizontalAdvance(email.text()) + 8
    prefs = PreferencesDialog(window.prefs, window)
    prefs.show()
    prefs.profile.setText("عبد الرحمن بن عبد العزيز الفلاني")
    qtbot.waitUntil(lambda: prefs.profile.width() > 0)
    assert prefs.profile.width() >= prefs.profile.fontMetrics().horizontalAdvance(prefs.profile.text()) + 8


def test_followups_page_leaves_room_for_the_notes(make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.followups_page import FollowUpsPage

    window = make_window()
    page = window.findChild(FollowUpsPage)
    window.tabs.setCurrentWidget(page)
    _select(window, "rabat_process")
    assert page.table.isColumnHidden(2)  # one mechanism: named in the heading
    page.all_mechanisms.setChecked(True)
    assert not page.table.isColumnHidden(2)


def test_french_acronyms_fit_their_column_whatever_was_filtered(make_window) -> None:  # noqa: ANN001
    # "Processus de Prag…": the column was fitted to the rows then shown (a filter, the rows
    # scrolled into view), so a language switch under a filter left the long acronyms cut
    from PySide6.QtCore import Qt

    from mcim_desk.ui.mechanism_list import MechanismTableModel

    window = make_window()
    panel = window.list_panel
    panel.type_box.setCurrentIndex(panel.type_box.findData("global"))  # two short acronyms
    window.set_language("fr")
    panel.type_box.setCurrentIndex(0)
    view, column = panel.view, MechanismTableModel.ACRONYM
    longest = max((r.acronym_fr for r in panel.visible_rows()), key=view.fontMetrics().horizontalAdvance)
    assert longest == "Processus de Khartoum"
    assert view.columnWidth(column) >= view.fontMetrics().horizontalAdvance(longest) + 8
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.proxy.index(r, column).data() == "Processus de Prague")
    tip = panel.proxy.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Processus de Prague — Prague Process\n")  # whole, in both languages


def test_french_quote_list_headers_are_whole(make_window, qtbot) -> None:  # noqa: ANN001
    # "Personne cit…" and "tiquettes / code" in the screenshots
    from PySide6.QtCore import Qt

    from mcim_desk.ui.quote_browser import QuoteBrowser

    window = make_window()
    window.set_language("fr")
    table = window.findChild(QuoteBrowser).table
    header, metrics = table.horizontalHeader(), table.horizontalHeader().fontMetrics()
    def texts() -> list[str]:
        return [table.model().headerData(s, Qt.Orientation.Horizontal) for s in range(header.count())]

    qtbot.waitUntil(lambda: "Étiquettes / codes" in texts())  # retitled on the LanguageChange event
    assert "Personne citée" in texts()
    for section, text in enumerate(texts()[:-1]):  # the last one stretches
        assert header.sectionSize(section) >= metrics.horizontalAdvance(text) + 12, text


def test_a_french_plan_message_is_not_cut_nor_said_twice(make_window, qtbot) -> None:  # noqa: ANN001
    from mcim_desk.ui.interviews_page import InterviewsPage

    window = make_window()
    window.set_language("fr")
    _select(window, "abu_dhabi_dialogue")
    page = window.findChild(InterviewsPage)
    window.tabs.setCurrentWidget(page)
    dialog = page.plan_dialog()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.zone.setText("Asia/Dubai")
    dialog.start.setText("10:00")
    dialog.end.setText("11:00")
    dialog.date.setText("next tuesday")
    preview = dialog.preview
    assert "n’est pas une date" in preview.text()
    qtbot.waitUntil(lambda: preview.height() >= preview.heightForWidth(preview.width()))
    from PySide6.QtWidgets import QDialogButtonBox

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert "n’est pas une date" in dialog.error.text() and preview.text() == ""


def test_history_names_the_sent_date_in_words(make_window) -> None:  # noqa: ANN001
    # the French history showed the column name « sent_at » and a UTC time
    from datetime import datetime

    from mcim_desk.services.responses import HistoryEntry
    from mcim_desk.ui.questionnaire_page import HistoryDialog

    window = make_window()
    window.set_language("fr")
    entry = HistoryEntry(datetime(2018, 9, 17, 8, 21), "secrétariat", "update", "sent_at", None, "2018-09-17 08:21:00")
    dialog = HistoryDialog([entry], window, lang="fr", zone="Europe/Geneva")
    cells = [dialog.table.item(0, c).text() for c in range(6)]
    assert cells[3] == "Questionnaire envoyé" and cells[5] == "2018-09-17 10:21"


def test_a_section_count_never_wraps_alone(make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.questionnaire_page import QuestionnairePage

    window = make_window()
    window.set_language("fr")
    page = window.findChild(QuestionnairePage)
    window.tabs.setCurrentWidget(page)
    _select(window, "rabat_process")
    page.start_entry()
    items = [page.form.sections.item(r).text() for r in range(page.form.sections.count())]
    counted = [t for t in items if t.endswith(")")]
    assert counted and all("\u00a0(" in t and "  (" not in t for t in counted), items


def test_dashboard_shows_french_acronyms_whole(make_window, qtbot) -> None:  # noqa: ANN001
    # "Processus de Colo…" in the French dashboard's list of what is due
    from datetime import datetime

    from mcim_desk.services import followups
    from mcim_desk.ui.dashboard import DashboardPage

    window = make_window()
    colombo = next(r for r in window.list_panel.visible_rows() if r.acronym_fr == "Processus de Colombo")
    followups.create_followup(window.ctx.db, kind="reminder", mechanism_id=colombo.id,
                              due_utc=datetime(2018, 11, 2, 8), owner="t", actor="t")
    window.ctx.bus.notify("followup", [])
    window.set_language("fr")
    page = window.findChild(DashboardPage)
    window.tabs.setCurrentWidget(page)
    page.reload()
    tree = page.tree
    items = [tree.topLevelItem(g).child(c) for g in range(tree.topLevelItemCount())
             for c in range(tree.topLevelItem(g).childCount())]
    shown = [i for i in items if i.text(1) == "Processus de Colombo"]
    assert shown and shown[0].toolTip(1) == "Processus de Colombo"
    assert tree.header().sectionSize(1) >= tree.fontMetrics().horizontalAdvance("Processus de Colombo") + 16
