"""Qt's own dialogs speak the program's language: the widget file dialog (Linux without a
portal, offscreen) had « Look in: », « Files of type: » and « Folder » in a French window, and
a cut « Dernière modifica » header."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTreeView


def _dialog(qtbot, folder: Path):  # noqa: ANN001, ANN202
    from mcim_desk.ui.qt_file_dialog import FileDialog

    dialog = FileDialog(None, "t", str(folder), "PDF (*.pdf)", save=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_widget_file_dialog_is_french_after_the_language_switch(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "dossier"
    (folder / "sous-dossier").mkdir(parents=True)
    (folder / "rapport.pdf").write_bytes(b"%PDF-1.4\n")
    window = make_window()
    window.set_language("fr")
    dialog = _dialog(qtbot, folder)
    assert dialog.findChild(QLabel, "lookInLabel").text() == "&Voir dans\u00a0:"
    assert dialog.findChild(QLabel, "fileTypeLabel").text() == "Fichiers de &type\u00a0:"
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    headers = [model.headerData(s, Qt.Orientation.Horizontal) for s in range(view.header().count())]
    assert headers == ["Nom", "Taille", "Type", "Modifié le"]
    metrics = view.header().fontMetrics()
    for section, text in enumerate(headers):  # no header is cut
        assert view.header().sectionSize(section) >= metrics.horizontalAdvance(text) + 20, text
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)  # the folder is read in a thread
    assert model.index(0, 2, view.rootIndex()).data() == "Dossier"
    qtbot.waitUntil(lambda: view.header().sectionSize(2) >= view.sizeHintForColumn(2))  # "document PDF" whole
    window.set_language("en")
    english = _dialog(qtbot, folder)
    assert english.findChild(QLabel, "lookInLabel").text() == "&Look in:"


def test_every_word_our_catalogue_adds_to_qt_is_translated(make_window) -> None:  # noqa: ANN001
    from mcim_desk.ui.qt_file_dialog import qt_complements

    window = make_window()
    window.set_language("fr")
    french = qt_complements()
    assert all(text != source for _ctx, source, _d, text in french), french
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Voir dans\u00a0:"
