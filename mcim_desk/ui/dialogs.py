"""Message and file boxes behind one small service, so dialogs can be driven in tests."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class DialogService:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, text: str, choices: list[str], default: int = 0) -> int | None:
        """One of several named answers, and Cancel: the index chosen, None when cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                          self.parent)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons[default])
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def save_file(self, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return path or None

    def open_file(self, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", filters)
        return path or None


class ScriptedDialogs(DialogService):
    """Answers prepared in advance and a record of what was shown (tests, the self-test)."""

    def __init__(self) -> None:
        super().__init__(None)
        self.shown: list[tuple[str, str, str]] = []
        self.confirm_answers: list[bool] = []
        self.file_answers: list[str | None] = []
        self.choice_answers: list[int | None] = []

    def error(self, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def warning(self, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def info(self, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def choose(self, title: str, text: str, choices: list[str], default: int = 0) -> int | None:
        self.shown.append(("choose", title, text))
        return self.choice_answers.pop(0) if self.choice_answers else None

    def save_file(self, title: str, suggested: str, filters: str) -> str | None:
        return self.file_answers.pop(0) if self.file_answers else None

    def open_file(self, title: str, filters: str) -> str | None:
        return self.file_answers.pop(0) if self.file_answers else None
