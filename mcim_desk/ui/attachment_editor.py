"""The editor of an image, audio, video or file question: the file attached (its name and
size, a thumbnail for an image) and four buttons, Attach…, Open, Save as… and Remove.

Attach… (or a file dropped on the editor) checks and stores the chosen file (:func:`mcim_desk.services.attachments.store_file`),
then emits ``committed(file name)``: the answer is saved as every answer is (autosave, one
undoable command). Remove emits ``committed(None)``; Undo brings the file back (a stored file
is kept). Open writes a copy into the process's private temporary folder and hands it to the
desktop's program for its type (``opener``); Save as… writes a copy where the user says.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImageReader, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..forms.definition import Question

if TYPE_CHECKING:
    from ..services.attachments import AttachedFile
    from .context import UiContext

THUMBNAIL = 96  # pixels, the longer side


def open_with_system(path: Path) -> bool:
    """Open a file with the desktop's program for its type; False when none did."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentEditor(QWidget):
    """See the module's description. ``bind`` gives it the database and the response."""

    committed = Signal(object)

    def __init__(self, question: Question, path: str, parent: QWidget | None = None,
                 opener: Callable[[Path], bool] = open_with_system) -> None:
        super().__init__(parent)
        self.question, self.path = question, path
        self.opener = opener
        self.ctx: UiContext | None = None
        self.response_id: str | None = None
        self.value: str | None = None
        self.file: AttachedFile | None = None
        self.thumbnail = QLabel(self)
        self.thumbnail.setObjectName("attachment_thumbnail")
        self.thumbnail.hide()
        self.info = QLabel(self)
        self.info.setObjectName("attachment_info")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attach_button = QPushButton(self)
        self.attach_button.setObjectName("attachment_attach")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("attachment_open")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("attachment_save")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("attachment_remove")
        self.attach_button.clicked.connect(lambda: self.attach())
        self.open_button.clicked.connect(self.open_file)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.info)
        column.addLayout(buttons)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.setFocusProxy(self.attach_button)
        self.setAcceptDrops(True)  # a file dropped here is attached, as Attach… would
        self.retranslate()

    def bind(self, ctx: UiContext, response_id: str) -> None:
        self.ctx, self.response_id = ctx, response_id
        self._show()

    # -- value ------------------------------------------------------------------------------

    def set_value(self, value: str | None) -> None:
        if value == self.value and (value is None or self.file is not None):
            return
        self.value = value
        self._show()

    def _show(self) -> None:
        from ..services import attachments

        self.file = None
        if self.value and self.ctx is not None and self.response_id is not None:
            self.file = attachments.file_info(self.ctx.db, self.response_id, self.value)
        self._thumbnail()
        self.retranslate()

    def _thumbnail(self) -> None:
        from ..services import attachments

        self.thumbnail.clear()
        self.thumbnail.hide()
        if self.file is None or not self.file.is_image or self.ctx is None:
            return
        try:
            data = attachments.read_bytes(self.ctx.db, self.response_id, self.value)
        except attachments.AttachmentError:
            return
        # decoded at thumbnail size (a 20 MB photograph is never decoded whole), turned as the
        # camera says
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        buffer.close()
        buffer.deleteLater()
        if image.isNull():
            return  # a format Qt cannot draw (HEIC): the name and size say enough
        self.thumbnail.setPixmap(QPixmap.fromImage(image))
        self.thumbnail.show()

    # -- dropping a file --------------------------------------------------------------------

    @staticmethod
    def _dropped_file(mime) -> str | None:  # noqa: ANN001 - a QMimeData
        urls = mime.urls() if mime is not None and mime.hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            return urls[0].toLocalFile()
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        if self.ctx is not None and self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        path = self._dropped_file(event.mimeData())
        if path is None or self.ctx is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach(path)

    # -- actions ----------------------------------------------------------------------------

    def attach(self, source: str | Path | None = None) -> None:
        """Store a file (``source``, or one chosen in a file box) and commit its name."""
        from ..files import StorageError
        from ..services import attachments

        if self.ctx is None or self.response_id is None:
            return
        if source is None:
            source = self.ctx.dialogs.open_file(
                self.tr("Attach a file to: {question}").format(question=self._caption()), self._filters())
            if not source:
                return
        try:
            stored = attachments.store_file(self.ctx.db, self.response_id, self.path, source)
        except (attachments.AttachmentError, StorageError) as exc:
            self.ctx.dialogs.error(self.tr("File not attached"), str(exc))
            return
        if stored.file_name == self.value:
            return
        self.committed.emit(stored.file_name)

    def open_file(self) -> None:
        from ..files import StorageError
        from ..services import attachments

        if self.file is None or self.ctx is None:
            return
        try:
            copy = attachments.temporary_copy(self.ctx.db, self.response_id, self.file.file_name)
        except (attachments.AttachmentError, StorageError) as exc:
            self.ctx.dialogs.error(self.tr("File not opened"), str(exc))
            return
        if not self.opener(copy):
            self.ctx.dialogs.error(self.tr("File not opened"), self.tr(
                "No program on this computer opened “{file}”. Save it with Save as… and open it "
                "from there.").format(file=self.file.file_name))

    def save_as(self, target: str | Path | None = None) -> None:
        from ..files import StorageError
        from ..services import attachments

        if self.file is None or self.ctx is None:
            return
        if target is None:
            target = self.ctx.dialogs.save_file(self.tr("Save the file as"), self.file.original_name,
                                                self.tr("All files (*)"))
            if not target:
                return
        try:
            attachments.save_copy(self.ctx.db, self.response_id, self.file.file_name, target)
        except (attachments.AttachmentError, StorageError, OSError) as exc:
            self.ctx.dialogs.error(self.tr("File not saved"), str(exc))

    def remove(self) -> None:
        if self.value is not None:
            self.committed.emit(None)

    # -- text -------------------------------------------------------------------------------

    def _caption(self) -> str:
        from ..forms.captions import shorten

        lang = self.ctx.lang if self.ctx is not None else "en"
        return shorten(self.question.label(lang), 80)

    def _filters(self) -> str:
        patterns = {
            "image": "*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff *.heic *.heif *.avif",
            "audio": "*.mp3 *.wav *.m4a *.aac *.ogg *.oga *.opus *.flac *.amr *.webm *.3gp",
            "video": "*.mp4 *.m4v *.mov *.webm *.mkv *.avi *.mpg *.mpeg *.ogv *.3gp",
        }
        everything = self.tr("All files (*)")
        if self.question.type in patterns:
            kind = {"image": self.tr("Images"), "audio": self.tr("Sound recordings"),
                    "video": self.tr("Videos")}[self.question.type]
            return f"{kind} ({patterns[self.question.type]});;{everything}"
        accept = [item.strip() for item in (self.question.accept or "").split(",") if item.strip().startswith(".")]
        if accept:
            return self.tr("Files this question takes") + f" ({' '.join('*' + a for a in accept)});;{everything}"
        return everything

    def retranslate(self) -> None:
        from ..services.attachments import size_text

        if self.value is None:
            self.info.setText(self.tr("No file attached."))
        elif self.file is None:
            self.info.setText(self.tr("{file} — this file is not in this database (an answer imported "
                                      "without its file).").format(file=self.value))
        else:
            self.info.setText(self.tr("{file} ({size}, {type})").format(
                file=self.file.file_name, size=size_text(self.file.size), type=self.file.media_type))
        self.attach_button.setText(self.tr("Attach…") if self.value is None else self.tr("Replace…"))
        self.open_button.setText(self.tr("Open"))
        self.save_button.setText(self.tr("Save as…"))
        self.remove_button.setText(self.tr("Remove"))
        held = self.file is not None
        self.open_button.setEnabled(held)
        self.save_button.setEnabled(held)
        self.remove_button.setEnabled(self.value is not None)
        caption = self._caption()
        name = self.value or ""
        self.attach_button.setAccessibleName(self.tr("Attach a file to: {question}").format(question=caption))
        self.open_button.setAccessibleName(self.tr("Open the file {file}").format(file=name))
        self.save_button.setAccessibleName(self.tr("Save the file {file} as…").format(file=name))
        self.remove_button.setAccessibleName(self.tr("Remove the file from: {question}").format(question=caption))
        self.thumbnail.setAccessibleName(self.tr("Picture of {file}").format(file=name))
        self.info.setAccessibleName(self.info.text())


__all__ = ["AttachmentEditor", "open_with_system"]
