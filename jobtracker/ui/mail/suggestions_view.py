"""The mail inbox: suggestions drawn from the user's mailbox, to accept, edit or dismiss."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jobtracker.tracker import SuggestionRow
from jobtracker.ui.applications.applications_model import RowRole
from jobtracker.ui.forms.ui_suggestions_view import Ui_SuggestionsView
from jobtracker.ui.mail.mail_scan import MailContext, MailScanner
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.empty_state import EmptyMessage
from jobtracker.ui.widgets.formatting import format_datetime, plain_tooltip
from jobtracker.ui.widgets.lazy_view import LazyView

if TYPE_CHECKING:
    # Built on the first edit: the dialog brings the mail matching code (start-up cost).
    from jobtracker.ui.mail.suggestion_edit_dialog import SuggestionEditDialog

translate = QCoreApplication.translate
_Index = QModelIndex | QPersistentModelIndex
# The lines of one suggestion, for the delegate: headline, facts, proposal, reason.
LinesRole = Qt.ItemDataRole.UserRole + 40
PADDING = 8


def interview_text(at: dt.datetime) -> str:
    """``Tue 1 Dec 14:30`` in the user's time zone and language."""
    local = QDateTime.fromSecsSinceEpoch(int(at.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(local, "ddd d MMM HH:mm")


def proposal_text(row: SuggestionRow) -> str:
    """The proposed change in words: "Move to Rejected", "Interview on Tue 1 Dec 14:30"."""
    parts = []
    if row.proposed_stage:
        parts.append(translate("SuggestionsModel", "Move to %1").replace(
            "%1", row.proposed_stage))
    if row.interview_at is not None:
        parts.append(translate("SuggestionsModel", "interview on %1 (your time)").replace(
            "%1", interview_text(row.interview_at)))
    if not parts:
        return translate("SuggestionsModel", "No change proposed")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


class SuggestionsModel(QAbstractListModel):
    """Plain rows (SuggestionRow), newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SuggestionRow] = []

    def set_rows(self, rows: list[SuggestionRow]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def suggestion(self, row: int) -> SuggestionRow:
        """The suggestion at ``row``."""
        return self._rows[row]

    def row_of(self, suggestion_id: int) -> int:
        """The row of a suggestion by id (-1 when not shown)."""
        return next((n for n, r in enumerate(self._rows) if r.id == suggestion_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def lines(self, row: SuggestionRow) -> tuple[str, str, str, str]:
        """Subject; sender and date; application and proposal; the reason."""
        app = row.application_label or translate("SuggestionsModel", "No tracked application")
        return (row.subject or translate("SuggestionsModel", "(no subject)"),
                f"{row.sender} · {format_datetime(row.date)}",
                f"{app} — {proposal_text(row)}",
                row.reason)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role == LinesRole:
            return self.lines(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(self.lines(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.reason)  # quotes the mail's own words
        return None


class SuggestionDelegate(QStyledItemDelegate):
    """Subject in bold, then sender and date, the proposal, and the reason in a softer colour."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        bold, plain = self._fonts(option)
        height = QFontMetrics(bold).height() + 3 * QFontMetrics(plain).height()
        return QSize(200, height + 2 * PADDING + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        lines = index.data(LinesRole)
        if not lines:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text = palette.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Text)
        soft = palette.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.PlaceholderText)
        bold, plain = self._fonts(opt)
        rect: QRect = opt.rect.adjusted(PADDING + 4, PADDING, -PADDING, -PADDING)
        painter.save()
        y = rect.top()
        for number, line in enumerate(lines):
            font = bold if number == 0 else plain
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(soft if number in (1, 3) else text)
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRect(rect.left(), y, rect.width(), metrics.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             elided)
            y += metrics.height() + (2 if number == 0 else 0)
        painter.restore()


class SuggestionsView(LazyView):
    """Pending suggestions with Accept / Edit… / Create Application / Dismiss, and Scan Mail."""

    count_changed = Signal(int)  # pending suggestions
    # Whether Scan Mail can run (an account is set up, no scan running): the window's
    # Scan Mail action follows this, so the toolbar and the view never disagree.
    scan_available = Signal(bool)
    setup_requested = Signal()  # open Preferences › Mail
    message = Signal(str)

    def __init__(self, editor: Editor, context: MailContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SuggestionsView()
        self.ui.setupUi(self)
        self.editor = editor
        self.context = context
        self.model = SuggestionsModel(self)
        self.scanner = MailScanner(editor, context, self)
        self.scanner.prompt_parent = self
        ui = self.ui
        ui.suggestionsList.setModel(self.model)
        ui.suggestionsList.setItemDelegate(SuggestionDelegate(ui.suggestionsList))
        ui.suggestionsList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        ui.suggestionsList.setUniformItemSizes(True)
        ui.suggestionsList.selectionModel().currentChanged.connect(
            lambda *_: self._update_buttons())
        ui.suggestionsList.activated.connect(lambda _index: self.accept_current())
        ui.acceptButton.setToolTip(self.tr("Record the proposed change, dated by the "
                                           "message (Undo takes it back)"))
        ui.editButton.setToolTip(self.tr("Choose another application, stage or interview "
                                         "time, then accept"))
        ui.createButton.setToolTip(self.tr("Track a new application from this message"))
        ui.dismissButton.setToolTip(self.tr("Not about an application: never propose this "
                                            "message again"))
        ui.acceptButton.clicked.connect(self.accept_current)
        ui.editButton.clicked.connect(self.edit_current)
        ui.createButton.clicked.connect(self.create_current)
        ui.dismissButton.clicked.connect(self.dismiss_current)
        ui.scanButton.clicked.connect(self.scan)
        ui.cancelButton.clicked.connect(self.cancel_scan)
        ui.setupButton.clicked.connect(self.setup_requested)
        # The empty page says what goes here with a heading, a sentence and the way on, in a
        # centred column of a readable measure (the form's own label cannot wrap centred).
        self.empty_message = EmptyMessage("", parent=ui.emptyPage)
        self.empty_message.setObjectName("inboxEmpty")
        ui.emptyLabel.hide()
        ui.setupLayout.removeWidget(ui.setupButton)
        self.empty_message.add_widget(ui.setupButton)
        ui.emptyLayout.insertWidget(ui.emptyLayout.indexOf(ui.emptyLabel), self.empty_message, 1)
        self.scanner.account_started.connect(self._scan_started)
        self.scanner.progress.connect(self._scan_progress)
        self.scanner.account_failed.connect(self._scan_failed)
        self.scanner.finished.connect(self._scan_finished)
        self.scanner.cancelled.connect(self._scan_cancelled)
        self.errors: list[str] = []
        editor.changed.connect(self.reload)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        super().reload()
        if not self.isVisible():
            self.update_count()

    def update_count(self) -> int:
        """Tell the sidebar how many suggestions wait (one small query)."""
        count = len(self.editor.tracker.mail_suggestions())
        self.count_changed.emit(count)
        self._update_scan_state()
        return count

    def can_scan(self) -> bool:
        """Whether Scan Mail can start now: an account is set up and no scan is running."""
        return not self.scanner.running and bool(self.editor.tracker.mail_accounts())

    def _update_scan_state(self) -> None:
        available = self.can_scan()
        self.ui.scanButton.setEnabled(available)
        self.scan_available.emit(available)

    def refresh_now(self) -> None:
        self._stale = False
        keep = self.current()
        # Where the selection was: when its suggestion is answered, the next one takes its
        # place, so working down the list never jumps back to the top.
        keep_row = self.ui.suggestionsList.currentIndex().row()
        tracker = self.editor.tracker
        rows = tracker.mail_suggestions()
        accounts = tracker.mail_accounts()
        self.model.set_rows(rows)
        self.count_changed.emit(len(rows))
        ui = self.ui
        ui.pages.setCurrentWidget(ui.listPage if rows else ui.emptyPage)
        ui.setupButton.setVisible(not accounts)
        if not accounts:
            self.empty_message.set_message(self.tr("Mail is not set up"), self.tr(
                "No mail account is set up. JobTracker can read your mailbox on this "
                "computer and propose stage changes from the replies to your applications."))
        elif not rows:
            self.empty_message.set_message(self.tr("No suggestions waiting"), self.tr(
                "Replies about your applications appear here as proposed stage changes "
                "and interviews, to accept or dismiss. Scan Mail reads the messages that "
                "arrived since the last scan."))
        self._update_scan_state()
        if not self.scanner.running:
            ui.summaryLabel.setText(self._summary(len(rows), len(accounts)))
        row = self.model.row_of(keep.id) if keep is not None else -1
        if row < 0 and keep_row >= 0:
            row = min(keep_row, len(rows) - 1)
        if rows:
            ui.suggestionsList.setCurrentIndex(self.model.index(max(row, 0), 0))
        self._update_buttons()

    def _summary(self, count: int, accounts: int) -> str:
        if not accounts:
            return self.tr("Mail suggestions")
        if count == 1:
            return self.tr("1 suggestion waiting")
        return self.tr("%1 suggestions waiting").replace("%1", str(count))

    def current(self) -> SuggestionRow | None:
        """The selected suggestion."""
        index = self.ui.suggestionsList.currentIndex()
        return self.model.suggestion(index.row()) if index.isValid() else None

    def select(self, suggestion_id: int) -> bool:
        """Select a suggestion by id."""
        row = self.model.row_of(suggestion_id)
        if row >= 0:
            self.ui.suggestionsList.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def _update_buttons(self) -> None:
        row = self.current()
        ui = self.ui
        matched = row is not None and row.application_id is not None
        ui.acceptButton.setEnabled(matched)
        ui.editButton.setEnabled(row is not None)
        ui.createButton.setEnabled(row is not None and row.application_id is None)
        ui.dismissButton.setEnabled(row is not None)

    # -- answering -----------------------------------------------------------------------------

    def _answer(self, action: Callable[[], None]) -> bool:
        # A refusal is said in the status bar through this view's own message signal.
        return self.editor.attempt(action, report=self.message.emit)

    def accept_current(self) -> bool:
        """Accept the selected suggestion as proposed (one undoable action)."""
        row = self.current()
        if row is None:
            return False
        if row.application_id is None:
            self.edit_current()  # nothing to move yet: the application is chosen first
            return False
        return self._answer(lambda: self.editor.accept_suggestion(row.id))

    def create_current(self) -> bool:
        """Track a new application from the selected (unmatched) message."""
        row = self.current()
        if row is None:
            return False
        return self._answer(lambda: self.editor.accept_suggestion(row.id,
                                                                  create_application=True))

    def dismiss_current(self) -> bool:
        """Set the selected suggestion aside; it is never proposed again."""
        row = self.current()
        if row is None:
            return False
        return self._answer(lambda: self.editor.dismiss_suggestion(row.id))

    def edit_current(self) -> SuggestionEditDialog | None:
        """Open the edit dialog for the selected suggestion; OK accepts it as changed."""
        row = self.current()
        if row is None:
            return None
        from jobtracker.ui.mail.suggestion_edit_dialog import SuggestionEditDialog

        tracker = self.editor.tracker
        dialog = SuggestionEditDialog(row, list(tracker.mail_match_index().applications),
                                      tracker.stages(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._answer(lambda: self.editor.accept_suggestion(
            row.id, application_id=dialog.application_id, stage=dialog.stage,
            interview_at=dialog.interview_at)))
        dialog.open()
        return dialog

    # -- scanning ------------------------------------------------------------------------------

    def scan(self) -> bool:
        """Scan every account in the background; False when none is set up or one runs."""
        if self.scanner.running:
            return False
        if not self.editor.tracker.mail_accounts():
            self.setup_requested.emit()
            return False
        self.errors = []
        ui = self.ui
        ui.progressBar.setRange(0, 0)
        ui.progressRow.setVisible(True)
        ui.cancelButton.setEnabled(True)
        started = self.scanner.scan()
        self._update_scan_state()
        return started

    def cancel_scan(self) -> None:
        """Stop the scan; nothing of it is saved."""
        self.ui.cancelButton.setEnabled(False)
        self.ui.progressLabel.setText(self.tr("Stopping…"))
        self.scanner.cancel()

    def _scan_started(self, name: str) -> None:
        self.ui.progressLabel.setText(self.tr("Reading %1…").replace("%1", name))
        self.ui.progressBar.setRange(0, 0)

    def _scan_progress(self, done: int, total: int) -> None:
        if not self.scanner.running:
            return  # a report that was already on its way when the scan ended
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done if total else 1)
        self.ui.progressBar.setFormat(self.tr("%v of %m messages"))

    def _scan_failed(self, name: str, text: str) -> None:
        self.errors.append(f"{name}: {text}")

    def _scan_finished(self, found: list[SuggestionRow]) -> None:
        self.ui.progressRow.setVisible(False)
        self.refresh_now()
        if self.errors:
            text = self.tr("Scan Mail: %1").replace("%1", "; ".join(self.errors))
        else:
            text = self.tr("Scan Mail: 1 new suggestion.") if len(found) == 1 else self.tr(
                "Scan Mail: %1 new suggestions.").replace("%1", str(len(found)))
        self.ui.summaryLabel.setText(text)
        self.message.emit(text)

    def _scan_cancelled(self) -> None:
        self.ui.progressRow.setVisible(False)
        self.refresh_now()
        text = self.tr("Scan cancelled; nothing of it was saved.")
        self.ui.summaryLabel.setText(text)
        self.message.emit(text)
