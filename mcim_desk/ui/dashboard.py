"""The dashboard, the first page: follow-ups overdue, due today and this week (in your time
zone), the coming interviews with both local times, the survey round's deadline (editable),
and the study's progress by mechanism status ("8 of 30"), filterable by region and type.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .bus import RefreshWhenShown
from .colours import border_style, colour
from .context import UiContext
from .widgets_common import CallbackCommand, error_label, plain_item

REFRESH_MS = 5 * 60 * 1000  # "today" moves on even when nothing is edited
SECTIONS = ("overdue", "today", "this_week", "interviews")


class DashboardPage(QWidget):
    """``mechanism_requested(id)`` asks the window to show a mechanism (double-click)."""

    mechanism_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = None
        self.setObjectName("dashboard")

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.round_label = QLabel(self)
        self.round_label.setObjectName("round_label")
        self.round_label.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline = QLineEdit(self)
        self.deadline.setObjectName("round_deadline")
        self.deadline.setMaximumWidth(130)
        self.deadline.editingFinished.connect(self._commit_deadline)
        self.deadline_label = QLabel(self)
        self.deadline_label.setBuddy(self.deadline)
        self.region = QComboBox(self)
        self.region.setObjectName("dashboard_region")
        self.type_box = QComboBox(self)
        self.type_box.setObjectName("dashboard_type")
        self.region_label, self.type_label = QLabel(self), QLabel(self)
        self.region_label.setBuddy(self.region)
        self.type_label.setBuddy(self.type_box)
        for box in (self.region, self.type_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        self.region.currentIndexChanged.connect(lambda _i: self.reload())
        self.type_box.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export_calendar")
        self.export_button.clicked.connect(self.export_calendar)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.round_label)
        top.addWidget(self.deadline_label)
        top.addWidget(self.deadline)
        filters = QHBoxLayout()
        filters.addWidget(self.type_label)
        filters.addWidget(self.type_box)
        filters.addWidget(self.region_label)
        filters.addWidget(self.region, 1)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        self.error = error_label(self, "dashboard_error")

        # what is due
        self.due_box = QGroupBox(self)
        self.tree = QTreeWidget(self.due_box)
        self.tree.setObjectName("dashboard_due")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0px; }")  # rows as airy as the tables
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 130), (2, 150)):  # long names and kinds must leave the notes room
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.header().resizeSection(column, width)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._go(item))
        self.tree.itemSelectionChanged.connect(self._due_selection)
        self.groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for key in SECTIONS:
            group = QTreeWidgetItem(self.tree)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFirstColumnSpanned(True)
            self.groups[key] = group
        self.done_button = QPushButton(self.due_box)
        self.done_button.setObjectName("dashboard_done")
        self.done_button.clicked.connect(self.mark_done)
        self.go_button = QPushButton(self.due_box)
        self.go_button.setObjectName("dashboard_go")
        self.go_button.clicked.connect(lambda: self._go(self.tree.currentItem()))
        due_buttons = QHBoxLayout()
        due_buttons.addWidget(self.done_button)
        due_buttons.addWidget(self.go_button)
        due_buttons.addStretch(1)
        due_layout = QVBoxLayout(self.due_box)
        due_layout.addWidget(self.tree)
        due_layout.addLayout(due_buttons)

        # progress
        self.progress_box = QGroupBox(self)
        self.progress = QTableWidget(0, 3, self.progress_box)
        self.progress.setObjectName("dashboard_progress")
        self.progress.verticalHeader().hide()
        self.progress.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progress.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.progress.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progress.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.progress.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.progress.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.progress.itemSelectionChanged.connect(self._stage_selected)
        self.stage_members = QLabel(self.progress_box)
        self.stage_members.setObjectName("stage_members")
        self.stage_members.setWordWrap(True)
        self.stage_members.setTextFormat(Qt.TextFormat.PlainText)
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.addWidget(self.progress)
        progress_layout.addWidget(self.stage_members)

        splitter = QSplitter(self)
        splitter.addWidget(self.due_box)
        splitter.addWidget(self.progress_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence("Ctrl+D"), self.tree, self.mark_done)
        # Tab follows the layout (the region box was made before the type box)
        self.setTabOrder(self.deadline, self.type_box)
        self.setTabOrder(self.type_box, self.region)
        self.setTabOrder(self.region, self.export_button)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(lambda: self.reload() if self.isVisible() else None)
        self.timer.start()
        self.refresher = RefreshWhenShown(
            self, ctx.bus, ("followup", "interview", "response", "answer", "mechanism"), self._refresh
        )
        self.labels: list = []
        self.retranslate()
        self.fill_filters()
        self.reload()

    # -- filters ----------------------------------------------------------------------------

    def fill_filters(self) -> None:
        from ..services.catalogue import reference_labels

        self.labels = reference_labels(self.ctx.db, "mechanism_type", "region")
        lang = self.ctx.lang
        with QSignalBlocker(self.type_box):
            keep = self.type_box.currentData()
            self.type_box.clear()
            self.type_box.addItem(self.tr("All types"), "")
            for label in self.labels:
                if label.kind == "mechanism_type":
                    self.type_box.addItem(label.text(lang), label.name)
            self.type_box.setCurrentIndex(max(0, self.type_box.findData(keep or "")))
        self._fill_regions()

    def _fill_regions(self) -> None:
        lang, type_key = self.ctx.lang, self.type_box.currentData() or ""
        with QSignalBlocker(self.region):
            keep = self.region.currentData()
            self.region.clear()
            self.region.addItem(self.tr("All regions"), "")
            for label in self.labels:
                if label.kind == "region" and (not type_key or label.name.split("_", 1)[0] == type_key):
                    self.region.addItem(label.text(lang), label.name)
            self.region.setCurrentIndex(max(0, self.region.findData(keep or "")))

    def _type_changed(self) -> None:
        self._fill_regions()
        self.reload()

    def set_filters(self, *, type_: str | None = None, region: str | None = None) -> None:
        if type_ is not None:
            self.type_box.setCurrentIndex(max(0, self.type_box.findData(type_)))
        if region is not None:
            self.region.setCurrentIndex(max(0, self.region.findData(region)))
        self.reload()

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        from ..services import progress, rounds

        zone = self.ctx.prefs.time_zone
        self.data = progress.dashboard(self.ctx.db, zone, region=self.region.currentData() or None,
                                        type_=self.type_box.currentData() or None)
        if self.data.round is None:  # a fresh database: the study's round, so its deadline shows
            rounds.current_round(self.ctx.db)
            self.data = progress.dashboard(self.ctx.db, zone, region=self.region.currentData() or None,
                                           type_=self.type_box.currentData() or None)
        self._show_round()
        self._fill_due()
        self._fill_progress()

    def _show_round(self) -> None:
        current = self.data.round if self.data else None
        if current is None:
            self.round_label.setText(self.tr("No survey round yet."))
            self.deadline.setEnabled(False)
            return
        self.round_label.setText(self.tr("Survey round {name}").format(name=current.name))
        self.deadline.setEnabled(True)
        if not self.deadline.hasFocus():
            self.deadline.setText(current.deadline.isoformat() if current.deadline else "")

    def _fill_due(self) -> None:
        from ..services.followups import kind_label
        from .followups_page import due_text

        data, zone, lang = self.data, self.ctx.prefs.time_zone, self.ctx.lang
        keep = self._current_key()
        captions = {
            "overdue": self.tr("Overdue ({n})"),
            "today": self.tr("Due today ({n})"),
            "this_week": self.tr("This week ({n})"),
            "interviews": self.tr("Coming interviews ({n})"),
        }
        lists = {"overdue": data.overdue, "today": data.today, "this_week": data.this_week}
        for key, group in self.groups.items():
            for child in group.takeChildren():
                del child
            entries = lists.get(key, data.interviews)
            group.setText(0, captions[key].format(n=len(entries)))
            if key == "overdue" and entries:
                group.setForeground(0, colour("error", self.tree))
            for entry in entries:
                item = QTreeWidgetItem(group)
                if key == "interviews":
                    item.setText(0, due_text(entry.planned_start_utc, zone))
                    item.setText(1, entry.acronym(lang))
                    item.setText(2, self.tr("Interview"))
                    item.setText(3, " · ".join(p for p in (entry.both_times(zone), entry.speaker()) if p))
                    item.setData(0, Qt.ItemDataRole.UserRole, ("interview", entry.id, entry.mechanism_id))
                else:
                    item.setText(0, due_text(entry.due_utc, zone))
                    item.setText(1, entry.acronym(lang))
                    item.setText(2, kind_label(entry.kind))
                    about = entry.notes or (entry.answer_path or "")
                    item.setText(3, about.replace("\n", " "))
                    item.setToolTip(3, entry.notes or "")
                    item.setData(0, Qt.ItemDataRole.UserRole, ("followup", entry.id, entry.mechanism_id))
            group.setExpanded(True)
        self._fit_mechanisms()
        self._select_key(keep)
        self._due_selection()

    def _fit_mechanisms(self) -> None:
        """The mechanism column widens to the longest acronym listed (French ones run to
        "Processus de Khartoum"), within reason; a longer one is elided, whole in its tooltip."""
        metrics, header = self.tree.fontMetrics(), self.tree.header()
        widths = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount()):
                item = group.child(c)
                item.setToolTip(1, item.text(1))
                widths.append(metrics.horizontalAdvance(item.text(1)))
        wanted = min(220, max(widths, default=0) + 24)
        if header.sectionSize(1) < wanted:
            header.resizeSection(1, wanted)

    def _current_key(self) -> tuple | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _select_key(self, key: tuple | None) -> None:
        if key is None:
            return
        for group in self.groups.values():
            for i in range(group.childCount()):
                if group.child(i).data(0, Qt.ItemDataRole.UserRole) == key:
                    self.tree.setCurrentItem(group.child(i))
                    return

    def entries(self, section: str) -> list[str]:
        """The ids listed under a section ("overdue", "today", "this_week", "interviews")."""
        group = self.groups[section]
        return [group.child(i).data(0, Qt.ItemDataRole.UserRole)[1] for i in range(group.childCount())]

    def _due_selection(self) -> None:
        key = self._current_key()
        self.done_button.setEnabled(bool(key) and key[0] == "followup")
        self.go_button.setEnabled(bool(key))

    def _fill_progress(self) -> None:
        from ..services.followups import stage_label

        data = self.data
        keep = self.progress.currentRow()
        with QSignalBlocker(self.progress):
            self.progress.setRowCount(len(data.progress))
            for r, row in enumerate(data.progress):
                self.progress.setItem(r, 0, plain_item(stage_label(row.stage), row.stage))
                self.progress.setItem(r, 1, plain_item(row.text(), row.stage))
                # the bar sits in a transparent holder that centres it in the cell's height
                holder = QWidget(self.progress)
                holder.setObjectName("progress_cell")
                bar = QProgressBar(holder)
                bar.setRange(0, max(1, row.total))
                bar.setValue(row.count)
                bar.setTextVisible(False)
                bar.setMaximumHeight(14)
                bar.setAccessibleName(row.text())
                cell = QVBoxLayout(holder)
                cell.setContentsMargins(4, 0, 4, 0)
                cell.addWidget(bar, 0, Qt.AlignmentFlag.AlignVCenter)
                self.progress.setCellWidget(r, 2, holder)
        self.progress.selectRow(keep if 0 <= keep < len(data.progress) else 0)
        self._stage_selected()

    def progress_text(self, stage: str) -> str:
        """The count shown for a stage ("8 of 30")."""
        for r in range(self.progress.rowCount()):
            if self.progress.item(r, 0).data(Qt.ItemDataRole.UserRole) == stage:
                return self.progress.item(r, 1).text()
        return ""

    def _stage_selected(self) -> None:
        from ..services.followups import stage_label

        row = self.progress.currentRow()
        if self.data is None or not 0 <= row < len(self.data.progress):
            self.stage_members.setText("")
            return
        stage = self.data.progress[row]
        names = {m.mechanism_id: m.acronym_fr if self.ctx.lang == "fr" else m.acronym_en
                 for m in self.data.mechanisms}
        members = ", ".join(names[m] for m in stage.mechanism_ids if m in names)
        self.stage_members.setText(self.tr("{stage}: {members}").format(
            stage=stage_label(stage.stage), members=members or self.tr("none")))

    # -- actions ----------------------------------------------------------------------------

    def mark_done(self) -> None:
        from .followups_page import set_status_undoable

        key = self._current_key()
        if not key or key[0] != "followup":
            return
        set_status_undoable(self.ctx, key[1], "done", self._failed)
        self.reload()

    def _go(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if key:
            self.mechanism_requested.emit(key[2])

    def _commit_deadline(self) -> None:
        from ..domain import interviews as rules
        from ..services import rounds
        from ..services.catalogue import ValidationError
        from ..services.interviews import input_message

        current = self.data.round if self.data else None
        if current is None:
            return
        text = self.deadline.text().strip()
        try:
            new = rules.parse_date(text) if text else None
        except rules.InputError as exc:
            self._failed(ValidationError(input_message(exc), "deadline"))
            self.deadline.setStyleSheet(border_style(self.deadline))
            return
        self.deadline.setStyleSheet("")
        self.error.hide()
        if new == current.deadline:
            return
        db, actor, zone = self.ctx.db, self.ctx.actor, self.ctx.prefs.time_zone
        old = current.deadline

        def apply(value) -> None:  # noqa: ANN001
            rounds.set_round_deadline(db, current.id, value, actor, zone=zone)
            self.ctx.bus.notify("followup", [])
            self.reload()

        apply(new)
        self.ctx.undo.push(CallbackCommand(self.tr("Change the survey deadline"), lambda: apply(old),
                                           lambda: apply(new), self._failed))

    def export_calendar(self) -> str | None:
        """Write planned interviews and open follow-ups as an .ics file."""
        from ..exchange.icalendar_export import write_calendar
        from ..services import progress

        path = self.ctx.dialogs.save_file(self.tr("Export to a calendar"), "mcim-desk.ics",
                                          self.tr("iCalendar files (*.ics)"), "calendar")
        if not path:
            return None
        if not path.lower().endswith(".ics"):
            path += ".ics"
        db, zone, lang = self.ctx.db, self.ctx.prefs.time_zone, self.ctx.lang

        def work():  # noqa: ANN202 - on a worker thread: icalendar takes ~0.4 ms per line
            data = progress.calendar_data(db, zone, lang)
            write_calendar(data, path)
            return data

        def done(data) -> None:  # noqa: ANN001 - CalendarData
            self.export_button.setEnabled(True)
            from .file_written import announce_written

            announce_written(self.ctx.dialogs, self.tr("Calendar written"), [path], self.tr(
                "{events} interview(s) and {todos} follow-up(s). Import the file in Outlook or "
                "Thunderbird; importing a later export updates the same entries.").format(
                    events=len(data.interviews), todos=len(data.followups)))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            self.ctx.dialogs.error(self.tr("Calendar not written"),
                                   self.tr("{path}: {error}").format(path=path, error=error))

        self.export_button.setEnabled(False)
        self.ctx.runner.run(work, done, failed)
        return path

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()

    # -- refresh, language ------------------------------------------------------------------

    def _refresh(self) -> None:
        self.fill_filters()
        self.reload()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dashboard"))
        self.deadline_label.setText(self.tr("&Deadline:"))
        self.deadline.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.type_label.setText(self.tr("&Type:"))
        self.region_label.setText(self.tr("Re&gion:"))
        self.export_button.setText(self.tr("E&xport to a calendar…"))
        self.due_box.setTitle(self.tr("To do (your time, {zone})").format(zone=self.ctx.prefs.time_zone))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Mechanism"), self.tr("What"), self.tr("Notes")])
        self.done_button.setText(self.tr("Mark as &done"))
        self.done_button.setToolTip(self.tr("Ctrl+D"))
        self.go_button.setText(self.tr("Show the &mechanism"))
        self.progress_box.setTitle(self.tr("Progress of the study"))
        self.progress.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Mechanisms"), ""])
        from . import access

        access.name_from_buddies(self)
        access.view(self.tree, self.tr("To do"))
        access.view(self.progress, self.tr("Progress of the study"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresher.request(now=True)
        super().changeEvent(event)
