"""Preferences: data file, default follow-up, theme, date format, and the stages editor."""

from __future__ import annotations

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
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets.formatting import literal


def _swatch(color: str | None) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(color or "#8E8E93"))
    return QIcon(pixmap)


class PreferencesDialog(QDialog):
    """Settings are kept on OK; stage changes are saved at once (they are data, not settings)."""

    def __init__(self, tracker: Tracker, settings: Settings,
                 parent: QWidget | None = None, *,
                 mail_context: MailContext | None = None) -> None:
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
        self.stages_changed = False
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
        ui.addStageButton.clicked.connect(self._add_stage)
        ui.renameStageButton.clicked.connect(self._rename_stage)
        ui.colorStageButton.clicked.connect(self._color_stage)
        ui.upStageButton.clicked.connect(lambda: self._move_stage(-1))
        ui.downStageButton.clicked.connect(lambda: self._move_stage(1))
        ui.stagesList.currentItemChanged.connect(lambda *_: self._show_stage_follow_up())
        self._fill_stages()
        self._show_stage_follow_up()

    def _fill_stages(self, select: str | None = None) -> None:
        ui = self.ui
        ui.stagesList.clear()
        for stage in self._tracker.stages():
            item = QListWidgetItem(_swatch(stage.color), stage.name)
            item.setData(Qt.ItemDataRole.UserRole, stage.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, stage.id)
            ui.stagesList.addItem(item)
            if stage.name == select:
                ui.stagesList.setCurrentItem(item)

    def _current_stage_id(self) -> int | None:
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

    def _current_stage(self) -> str | None:
        item = self.ui.stagesList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _run(self, action: object, select: str | None) -> None:
        try:
            action()  # type: ignore[operator]
        except JobTrackerError as error:
            QMessageBox.warning(self, self.tr("Stages"), literal(str(error)))  # quotes names
            return
        self.stages_changed = True
        self._fill_stages(select)

    def _add_stage(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add Stage"), self.tr("Name:"))
        if ok and name.strip():
            after = self._current_stage()
            self._run(lambda: self._tracker.add_stage(name, after=after),
                      name.strip())

    def _rename_stage(self) -> None:
        old = self._current_stage()
        if old is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename Stage"), self.tr("New name:"),
                                        text=old)
        if ok and name.strip() and name.strip() != old:
            self._run(lambda: self._tracker.rename_stage(old, name),
                      name.strip())

    def _color_stage(self) -> None:
        name = self._current_stage()
        if name is None:
            return
        current = next((s.color for s in self._tracker.stages() if s.name == name), None)
        color = QColorDialog.getColor(QColor(current or "#8E8E93"), self,
                                      self.tr("Stage Colour"))
        if color.isValid():
            self._run(lambda: self._tracker.set_stage_color(
                name, color.name().upper()), name)

    def _move_stage(self, step: int) -> None:
        name = self._current_stage()
        if name is None:
            return
        names = [stage.name for stage in self._tracker.stages()]
        index = names.index(name)
        target = index + step
        if not 0 <= target < len(names):
            return
        names[index], names[target] = names[target], names[index]
        self._run(lambda: self._tracker.reorder_stages(names), name)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._tracker.db.path.parent)))

    def accept(self) -> None:
        ui = self.ui
        self._settings.set_follow_up_days(ui.followUpDaysSpin.value())
        self._settings.set_no_reply_days(ui.noReplyDaysSpin.value())
        for stage_id, days in self.stage_follow_up.items():
            self._settings.set_stage_follow_up_days(stage_id, days)
        self._settings.set_theme(ui.themeCombo.currentData())
        self._settings.set_date_format(ui.dateFormatCombo.currentData())
        self.backups_page.apply(self._settings)
        self._settings.sync()
        super().accept()
