"""The Backups page of Preferences: the list of backups, back up now, restore, how many to keep."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem, QWidget

from jobtracker.file_backups import BackupInfo, list_backups, make_backup
from jobtracker.paths import backups_dir
from jobtracker.ui.forms.ui_backups_page import Ui_BackupsPage
from jobtracker.ui.settings import Settings
from jobtracker.ui.widgets import formatting
from jobtracker.ui.widgets.background import run_in_background
from jobtracker.ui.widgets.contrast import error_color

PathRole = Qt.ItemDataRole.UserRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BackupsPage(QWidget):
    """Lists the backups of one database file; a confirmed restore is asked of the window."""

    restore_requested = Signal(object)  # the backup's Path, once the user confirmed

    def __init__(self, db_path: Path, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_BackupsPage()
        self.ui.setupUi(self)
        self.db_path = db_path
        self.confirm_box: QMessageBox | None = None
        self.rows: list[BackupInfo] = []
        ui = self.ui
        ui.keepSpin.setValue(settings.backup_keep())
        ui.backupsTree.header().setStretchLastSection(True)
        heading = ui.backupsTree.headerItem()
        for column in (2, 3):
            heading.setTextAlignment(column, _RIGHT)
        ui.backupNowButton.clicked.connect(self.back_up_now)
        ui.restoreButton.clicked.connect(self.confirm_restore)
        ui.openBackupsFolderButton.clicked.connect(self.open_folder)
        ui.backupsTree.currentItemChanged.connect(lambda *_: self._update_buttons())
        ui.backupsTree.itemDoubleClicked.connect(lambda *_: self.confirm_restore())
        self.reload()

    def _kind_label(self, kind: str) -> str:
        return {"daily": self.tr("Daily"), "manual": self.tr("Manual"),
                "pre-restore": self.tr("Before a restore"),
                "migration": self.tr("Before an upgrade"),
                "damaged": self.tr("Damaged file, set aside")}.get(kind, kind)

    def reload(self, select: Path | None = None) -> None:
        """Read the backups folder again (cheap: names, sizes and one count per file)."""
        tree = self.ui.backupsTree
        tree.clear()
        self.rows = list_backups(self.db_path)
        locale = QLocale()
        for row in self.rows:
            count = "?" if row.applications is None else locale.toString(row.applications)
            kind = self._kind_label(row.kind)
            # Verdicts recorded when each backup was written or checked: reading them costs
            # nothing here, and `jobtracker backups` checks the ones never checked.
            bad = row.verdict is not None and not row.good
            if bad and row.kind != "damaged":
                kind = self.tr("%1 — fails the check").replace("%1", kind)
            item = QTreeWidgetItem([formatting.format_datetime(row.taken_at), kind,
                                    locale.formattedDataSize(row.size), count])
            if bad:
                # darkRed was 1.6:1 on the dark theme's list.
                item.setForeground(1, error_color(self.palette()))
                item.setToolTip(1, formatting.plain_tooltip(row.verdict))
            item.setData(0, PathRole, str(row.path))
            item.setTextAlignment(2, _RIGHT)
            item.setTextAlignment(3, _RIGHT)
            item.setToolTip(0, formatting.plain_tooltip(self.tr("%1 (schema %2)").replace(
                "%1", str(row.path)).replace("%2", row.revision or "?")))
            tree.addTopLevelItem(item)
            if row.path == select:
                tree.setCurrentItem(item)
        # Every column wide enough for its text, and the list wide enough for every column,
        # so no date is cut to "2…" however narrow the dialog starts.
        # A typical row too, so an empty list (or one of short dates) has room for the next.
        typical = (formatting.format_datetime(dt.datetime(2026, 12, 30, 23, 59, tzinfo=dt.UTC)),
                   self.tr("Before an upgrade"), locale.formattedDataSize(999_999_999),
                   locale.toString(9_999))
        metrics = tree.fontMetrics()
        for column in range(tree.columnCount()):
            tree.resizeColumnToContents(column)
            width = max(tree.columnWidth(column), metrics.horizontalAdvance(typical[column]))
            tree.setColumnWidth(column, width + 2 * metrics.averageCharWidth())  # air between
        header = tree.header()
        width = sum(header.sectionSize(c) for c in range(tree.columnCount()))
        tree.setMinimumWidth(width + 2 * tree.frameWidth()
                             + tree.verticalScrollBar().sizeHint().width())
        first = tree.topLevelItem(0)
        if tree.currentItem() is None and first is not None:
            tree.setCurrentItem(first)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.restoreButton.setEnabled(self.selected_backup() is not None)

    def selected_backup(self) -> Path | None:
        """The backup chosen in the list."""
        item = self.ui.backupsTree.currentItem()
        return Path(str(item.data(0, PathRole))) if item is not None else None

    def back_up_now(self) -> None:
        """Copy the database in a worker (the online backup API), then list the copy."""
        path = self.db_path
        self.ui.backupNowButton.setEnabled(False)
        self.ui.backupsStatus.setText(self.tr("Backing up…"))

        def done(made: object) -> None:
            self.ui.backupNowButton.setEnabled(True)
            self.ui.backupsStatus.setText(self.tr("Backed up to %1").replace("%1", str(made)))
            self.reload(select=made if isinstance(made, Path) else None)

        def failed(error: BaseException) -> None:
            self.ui.backupNowButton.setEnabled(True)
            self.ui.backupsStatus.setText(self.tr("Not backed up: %1").replace("%1", str(error)))

        run_in_background(lambda: make_backup(path), done, failed)

    def confirm_restore(self) -> QMessageBox | None:
        """Ask before restoring the selected backup (window-modal); Yes asks the window to do it."""
        backup = self.selected_backup()
        if backup is None:
            return None
        row = next((r for r in self.rows if r.path == backup), None)
        when = formatting.format_datetime(row.taken_at) if row else backup.name
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore Backup"), self.tr(
            "Replace your data with the backup from %1?").replace("%1", when),
            QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr(
            "A copy of your current data is kept first, in the backups folder, so this can be "
            "undone by restoring that copy. The window then shows the restored data."))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def finished() -> None:
            self.confirm_box = None
            if box.clickedButton() is restore:
                self.restore_requested.emit(backup)

        box.finished.connect(lambda _result: finished())
        self.confirm_box = box
        box.open()
        return box

    def open_folder(self) -> None:
        """Show the backups folder in the file manager."""
        folder = backups_dir(self.db_path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def apply(self, settings: Settings) -> None:
        """Keep the page's settings (on OK of the dialog)."""
        settings.set_backup_keep(self.ui.keepSpin.value())

