"""Preferences: data file, follow-ups, theme, date format, stages (applied on OK), mail, backups."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QInputDialog,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import Tracker
from jobtracker.ui.forms.ui_preferences_dialog import Ui_PreferencesDialog
from jobtracker.ui.mail.mail_scan import MailContext
from jobtracker.ui.preferences.backups_page import BackupsPage
from jobtracker.ui.preferences.mail_accounts_page import MailAccountsPage
from jobtracker.ui.preferences.move_applications_dialog import MoveApplicationsDialog
from jobtracker.ui.settings import Settings
from jobtracker.ui.undo_commands import (
    AddStage,
    Editor,
    RecolorStage,
    RemoveStage,
    RenameStage,
    ReorderStages,
    RetireStage,
    StageEdit,
)
from jobtracker.ui.widgets.formatting import literal
from jobtracker.vocabulary import StageKind


def _swatch(color: str | None) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(color or "#8E8E93"))
    return QIcon(pixmap)


@dataclass
class _StageDraft:
    key: int  # the stage's id; negative for a stage added in this dialog
    name: str
    color: str | None
    kind: StageKind = StageKind.OPEN


class PreferencesDialog(QDialog):
    """Settings and stage edits are kept on OK (stage edits as one undoable step)."""

    def __init__(self, tracker: Tracker, settings: Settings,
                 parent: QWidget | None = None, *,
                 mail_context: MailContext | None = None, editor: Editor | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        # Mail accounts are data like the stages: saved as each account dialog is accepted.
        self.mail_page = MailAccountsPage(tracker, mail_context or MailContext(), self)
        self.mail_tab_index = self.ui.tabs.addTab(self.mail_page, self.tr("Mail"))
        self.backups_page = BackupsPage(tracker.db.path, settings, self)
        self.backups_tab_index = self.ui.tabs.addTab(self.backups_page, self.tr("Backups"))
        self._tracker = tracker
        self._settings = settings
        # Without the window's editor the edits still apply on OK, only not undoably there.
        self._editor = editor or Editor(tracker, self)
        self.stages_changed = False
        # The stage list as edited so far, and the edits that make it, applied on OK.
        self._stages = [_StageDraft(stage.id, stage.name, stage.color, stage.kind)
                        for stage in tracker.stages()]
        self._next_key = 0
        self.stage_edits: list[StageEdit] = []
        # Per draft key, how many applications a removal staged here moves into it.
        self._moved_into: dict[int, int] = {}
        ui = self.ui
        ui.dataFileEdit.setText(str(tracker.db.path))
        ui.dataFileEdit.setAccessibleName(self.tr("Data file"))
        ui.openFolderButton.clicked.connect(self._open_folder)
        ui.followUpDaysSpin.setValue(settings.follow_up_days())
        ui.noReplyDaysSpin.setValue(settings.no_reply_days())
        # Per-stage follow-up delays (by stage id), kept on OK like the other settings.
        self.stage_follow_up: dict[int, int] = {
            stage.id: settings.stage_follow_up_days(stage.id) for stage in tracker.stages()}
        ui.stageFollowUpSpin.valueChanged.connect(self._stage_follow_up_changed)
        for value, label in (("system", self.tr("Follow system")), ("light", self.tr("Light")),
                             ("dark", self.tr("Dark"))):
            ui.themeCombo.addItem(label, value)
        ui.themeCombo.setCurrentIndex(ui.themeCombo.findData(settings.theme()))
        for value, label in (("iso", self.tr("ISO (2026-11-28)")),
                             ("short", self.tr("Short, as in your region")),
                             ("long", self.tr("Long, as in your region"))):
            ui.dateFormatCombo.addItem(label, value)
        ui.dateFormatCombo.setCurrentIndex(ui.dateFormatCombo.findData(settings.date_format()))
        for error in (ui.dataFileError, ui.followUpDaysError, ui.themeError, ui.dateFormatError):
            error.hide()
        # One label column across the three boxes of General, so their fields line up.
        labels = (ui.dataFileLabel, ui.followUpDaysLabel, ui.noReplyDaysLabel, ui.themeLabel,
                  ui.dateFormatLabel)
        widest = max(form_label.sizeHint().width() for form_label in labels)
        for form_label in labels:
            form_label.setMinimumWidth(widest)
        ui.addStageButton.clicked.connect(self._add_stage)
        ui.renameStageButton.clicked.connect(self._rename_stage)
        ui.colorStageButton.clicked.connect(self._color_stage)
        ui.removeStageButton.clicked.connect(self._remove_stage)
        ui.upStageButton.clicked.connect(lambda: self._move_stage(-1))
        ui.downStageButton.clicked.connect(lambda: self._move_stage(1))
        ui.stagesList.currentItemChanged.connect(lambda *_: self._show_stage_follow_up())
        self._fill_stages()
        self._show_stage_follow_up()

    def _fill_stages(self, select: int | None = None) -> None:
        ui = self.ui
        ui.stagesList.clear()
        for draft in self._stages:
            item = QListWidgetItem(_swatch(draft.color), draft.name)
            item.setData(Qt.ItemDataRole.UserRole, draft.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, draft.key)
            ui.stagesList.addItem(item)
            if draft.key == select:
                ui.stagesList.setCurrentItem(item)

    def _current_stage_id(self) -> int | None:
        # The draft's key: a stage's id, or a negative number for one added in this dialog.
        item = self.ui.stagesList.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole + 1)) if item else None

    def _show_stage_follow_up(self) -> None:
        stage_id = self._current_stage_id()
        spin = self.ui.stageFollowUpSpin
        spin.setEnabled(stage_id is not None)
        spin.blockSignals(True)
        spin.setValue(self.stage_follow_up.get(stage_id, 0) if stage_id is not None else 0)
        spin.blockSignals(False)

    def _stage_follow_up_changed(self, days: int) -> None:
        stage_id = self._current_stage_id()
        if stage_id is not None:
            self.stage_follow_up[stage_id] = days

    def _current_draft(self) -> _StageDraft | None:
        key = self._current_stage_id()
        return next((draft for draft in self._stages if draft.key == key), None)

    def _name_refused(self, name: str, own: _StageDraft | None) -> bool:
        # Checked here so the user hears about a clash now, not only when pressing OK.
        clash = any(draft.name.casefold() == name.casefold() and draft is not own
                    for draft in self._stages)
        if clash:
            QMessageBox.warning(self, self.tr("Stages"), literal(self.tr(
                "A stage named “%1” already exists.").replace("%1", name)))
        return clash

    def _add_stage(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add Stage"), self.tr("&Name:"))
        name = name.strip()
        if not ok or not name or self._name_refused(name, None):
            return
        current = self._current_draft()
        self._next_key -= 1
        draft = _StageDraft(self._next_key, name, None)
        index = self._stages.index(current) + 1 if current else len(self._stages)
        self._stages.insert(index, draft)
        self.stage_edits.append(AddStage(name, after=current.name if current else None))
        self._fill_stages(draft.key)

    def _rename_stage(self) -> None:
        draft = self._current_draft()
        if draft is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename Stage"), self.tr("New &name:"),
                                        text=draft.name)
        name = name.strip()
        if not ok or not name or name == draft.name or self._name_refused(name, draft):
            return
        self.stage_edits.append(RenameStage(draft.name, name))
        draft.name = name
        self._fill_stages(draft.key)

    def _color_stage(self) -> None:
        draft = self._current_draft()
        if draft is None:
            return
        color = QColorDialog.getColor(QColor(draft.color or "#8E8E93"), self,
                                      self.tr("Stage Colour"))
        if color.isValid():
            draft.color = color.name().upper()
            self.stage_edits.append(RecolorStage(draft.name, draft.color))
            self._fill_stages(draft.key)

    def _remove_stage(self) -> None:
        draft = self._current_draft()
        if draft is None:
            return
        if draft.kind == StageKind.OPEN and sum(d.kind == StageKind.OPEN
                                                for d in self._stages) == 1:
            QMessageBox.information(self, self.tr("Remove Stage"), literal(self.tr(
                "“%1” is the only open stage, and new applications start in one.").replace(
                "%1", draft.name)))
            return
        # Applications moved into it by an earlier removal in this dialog count too.
        moved_in = self._moved_into.get(draft.key, 0)
        history = current = moved_in
        if draft.key >= 0:
            # By id: the draft may carry a new name not saved yet.
            saved_name = {s.id: s.name for s in self._tracker.stages()}[draft.key]
            history += self._tracker.stage_history_count(saved_name)
            current += self._tracker.stage_application_count(saved_name)
        edit: StageEdit = RemoveStage(draft.name)
        if history:
            # History is kept for good and names the stage: it is retired, not deleted,
            # and the applications in it now go where the user says.
            move_to = None
            if current:
                target = self._ask_move_to(draft, current)
                if target is None:
                    return
                move_to = target.name
                self._moved_into[target.key] = self._moved_into.get(target.key, 0) + current
            edit = RetireStage(draft.name, move_to)
        index = self._stages.index(draft)
        self._stages.remove(draft)
        self.stage_edits.append(edit)
        self.stage_follow_up.pop(draft.key, None)
        neighbour = self._stages[min(index, len(self._stages) - 1)]
        self._fill_stages(neighbour.key)

    def _ask_move_to(self, draft: _StageDraft, count: int) -> _StageDraft | None:
        """The stage the user picks for ``draft``'s applications, or None on Cancel."""
        others = [d for d in self._stages if d is not draft]
        index = self._stages.index(draft)
        # The next stage of the same kind (else the one before it) is the likely home.
        nearest = self._stages[index + 1:] + self._stages[:index][::-1]
        same = [d for d in nearest if d.kind == draft.kind]
        default = same[0] if same else others[0]
        dialog = MoveApplicationsDialog(draft.name, count, [d.name for d in others],
                                        default.name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return next((d for d in others if d.name == dialog.chosen()), None)

    def _move_stage(self, step: int) -> None:
        draft = self._current_draft()
        if draft is None:
            return
        index = self._stages.index(draft)
        target = index + step
        if not 0 <= target < len(self._stages):
            return
        self._stages[index], self._stages[target] = self._stages[target], draft
        self.stage_edits.append(ReorderStages(tuple(d.name for d in self._stages)))
        self._fill_stages(draft.key)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._tracker.db.path.parent)))

    def accept(self) -> None:
        ui = self.ui
        try:
            self._editor.edit_stages(self.stage_edits)
        except JobTrackerError as error:
            # Nothing was applied (the edits go all or none): stay open to let it be fixed.
            QMessageBox.warning(self, self.tr("Stages"), literal(str(error)))  # quotes names
            ui.tabs.setCurrentWidget(ui.stagesTab)
            return
        self.stages_changed = bool(self.stage_edits)
        # Stages added here get their ids only now; their follow-up delays follow them.
        ids = {stage.name.casefold(): stage.id for stage in self._tracker.stages()}
        for draft in self._stages:
            if draft.key < 0 and draft.key in self.stage_follow_up:
                days = self.stage_follow_up.pop(draft.key)
                if draft.name.casefold() in ids:
                    self.stage_follow_up[ids[draft.name.casefold()]] = days
        self._settings.set_follow_up_days(ui.followUpDaysSpin.value())
        self._settings.set_no_reply_days(ui.noReplyDaysSpin.value())
        for stage_id, days in self.stage_follow_up.items():
            if stage_id < 0:
                continue
            self._settings.set_stage_follow_up_days(stage_id, days)
        self._settings.set_theme(ui.themeCombo.currentData())
        self._settings.set_date_format(ui.dateFormatCombo.currentData())
        self.backups_page.apply(self._settings)
        self._settings.sync()
        super().accept()
