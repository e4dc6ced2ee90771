"""The Import from URL dialog: fetch a posting in the background, preview, correct and save it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QDate, QLocale, QSize, QStringListModel, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from jobtracker import money
from jobtracker.errors import JobTrackerError, ValidationError
from jobtracker.importers import (
    FetchCancelled,
    FetchError,
    FetchOptions,
    ImportedApplication,
    NoPostingFound,
    PostingDraft,
    check_url,
    import_posting,
    to_application,
)
from jobtracker.tracker import ApplicationInput, DuplicateRow
from jobtracker.ui.applications.new_application_dialog import NewApplicationDialog
from jobtracker.ui.forms.ui_import_url_dialog import Ui_ImportUrlDialog
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.background import BackgroundJob
from jobtracker.ui.widgets.choice_combos import fill_choice_combos
from jobtracker.ui.widgets.contrast import set_tone, warning_color
from jobtracker.ui.widgets.field_errors import FieldErrors
from jobtracker.ui.widgets.formatting import amount_text, plain_tooltip
from jobtracker.vocabulary import StageKind

log = logging.getLogger(__name__)

FETCH_DEADLINE = 30.0  # seconds; the dialog stays usable meanwhile, Stop ends the wait at once
GONE_STATUSES = (404, 410)


def url_from_text(text: str | None) -> str | None:
    """``text`` when it is one http(s) address with a host (surrounding blanks ignored)."""
    candidate = (text or "").strip()
    if not candidate or any(ch.isspace() for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        return candidate
    return None


def clipboard_url() -> str | None:
    """The web address on the clipboard, if that is what it holds."""
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasUrls():
        for url in mime.urls():
            if url.scheme() in ("http", "https"):
                return url.toString()
    return url_from_text(clipboard.text())


def friendly_day(day: dt.date, today: dt.date) -> str:
    """``3 March`` this year, ``3 March 2025`` otherwise, in the user's language."""
    pattern = "d MMMM" if day.year == today.year else "d MMMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


class ImportUrlDialog(QDialog):
    """Fetches the posting at a URL off the UI thread, previews it and saves it as one action.

    ``application_id`` holds the new application after Save. ``open_existing`` asks the
    window to show an application already tracked; ``snapshot_added`` says a new copy of
    the posting was kept with one.
    """

    open_existing = Signal(int)
    snapshot_added = Signal(int)

    def __init__(self, editor: Editor, *, url: str = "", today: dt.date,
                 now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
                 follow_up_days: int = 0, options: FetchOptions | None = None,
                 pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportUrlDialog()
        self.ui.setupUi(self)
        self._editor = editor
        self._today = today
        self._now = now
        self._follow_up_days = follow_up_days
        self._options = options or FetchOptions(deadline=FETCH_DEADLINE)
        self._pool = pool
        self._fetch: BackgroundJob | None = None  # the running fetch, else None
        self._requested_url = ""
        # What a failed import still read from the page, for Enter it by hand.
        self._partial: PostingDraft | None = None
        self.hand_dialog: NewApplicationDialog | None = None
        self.imported: ImportedApplication | None = None
        self.duplicates: list[DuplicateRow] = []
        self.application_id: int | None = None
        self.setMinimumWidth(70 * self.fontMetrics().averageCharWidth() + 120)
        ui = self.ui

        fill_choice_combos(ui.remoteCombo, ui.employmentTypeCombo, ui.salaryCurrencyCombo,
                           ui.salaryPeriodCombo)
        # A posting just found is Saved, or Applied when the application went out today.
        open_stages = [s for s in editor.tracker.stages() if s.kind == StageKind.OPEN][:2]
        for stage in open_stages:
            ui.stageCombo.addItem(stage.name, stage.name)

        self._company_model = QStringListModel(editor.tracker.company_names(), self)
        completer = QCompleter(self._company_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.companyEdit.setCompleter(completer)

        self.errors = FieldErrors()
        for field, widget, error_label in (
                ("title", ui.titleEdit, ui.titleError),
                ("company", ui.companyEdit, ui.companyError),
                ("location", ui.locationEdit, ui.locationError),
                ("salary_min", ui.salaryMinEdit, ui.salaryError),
                ("salary_max", ui.salaryMaxEdit, ui.salaryError),
                ("salary_currency", ui.salaryCurrencyCombo, ui.salaryError),
                ("url", ui.applyUrlEdit, ui.applyUrlError),
                ("stage", ui.stageCombo, ui.stageError)):
            self.errors.add(field, widget, error_label)
        self.errors.fallback = "title"

        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.close_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        self.save_button.setEnabled(False)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.fetchButton.clicked.connect(self.fetch)
        ui.cancelFetchButton.clicked.connect(self.stop)
        ui.enterByHandButton.clicked.connect(self.enter_by_hand)
        ui.urlEdit.textChanged.connect(self._url_edited)
        # Typing another address makes Enter fetch it rather than save the preview.
        ui.urlEdit.textEdited.connect(lambda _text: ui.fetchButton.setDefault(True))
        for edit in (ui.titleEdit, ui.companyEdit, ui.applyUrlEdit):
            edit.editingFinished.connect(self._check_duplicates)
        ui.openExistingButton.clicked.connect(self._open_existing)
        ui.saveAnywayButton.clicked.connect(lambda: self.save(anyway=True))
        ui.addSnapshotButton.clicked.connect(self._add_snapshot)
        # A wrapped label asks for the height it needs at its narrowest; give it a sensible
        # measure so the box is not padded with blank lines.
        for wrapped in (ui.duplicateHeading, ui.warningsLabel):
            wrapped.setMinimumWidth(40 * self.fontMetrics().averageCharWidth())
        # The list of matches is sized to its rows; extra room goes below the form.
        ui.duplicateList.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The theme's warning colour: a fixed amber (#D97706) was 2.8:1 on the light window.
        ui.duplicateFrame.setStyleSheet(f"#duplicateFrame {{ border: 1px solid "
                                        f"{warning_color().name()}; border-radius: 4px; }}")
        # The archived description is read, not glanced at: it asks for about 48 characters by
        # 12 lines (it still gives way on a small screen or with large text).
        metrics = self.fontMetrics()
        browser = ui.descriptionBrowser
        chrome = (2 * browser.frameWidth() + 2 * round(browser.document().documentMargin())
                  + browser.verticalScrollBar().sizeHint().width())
        browser.preferred_size = QSize(48 * metrics.averageCharWidth() + chrome,
                                       12 * metrics.lineSpacing() + chrome)
        # The salary amounts keep their dash apart.
        ui.salaryLayout.setSpacing(max(6, ui.salaryLayout.spacing()))
        for wrapped in (ui.emptyStateLabel, ui.statusLabel):
            wrapped.setMinimumWidth(64 * self.fontMetrics().averageCharWidth())
        # Before a fetch the few lines above keep their height; any extra room goes below them.
        for short in (ui.emptyStateLabel, ui.statusLabel, ui.handWidget):
            short.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        for button in (ui.fetchButton, ui.cancelFetchButton, ui.openExistingButton,
                       ui.addSnapshotButton, ui.saveAnywayButton, ui.enterByHandButton):
            button.setAutoDefault(False)
        ui.fetchButton.setDefault(True)

        self._status("")
        ui.urlEdit.setText(url or clipboard_url() or "")
        self._url_edited()
        ui.urlEdit.setFocus()

    # -- state --------------------------------------------------------------------------------

    @property
    def fetching(self) -> bool:
        """Whether a fetch is running (and not stopped)."""
        return self._fetch is not None

    def _set_busy(self, busy: bool, text: str = "") -> None:
        ui = self.ui
        ui.busyWidget.setVisible(busy)
        ui.handWidget.setVisible(False)
        ui.fetchButton.setEnabled(not busy and bool(url_from_text(ui.urlEdit.text())))
        ui.urlEdit.setReadOnly(busy)
        ui.previewWidget.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.imported is not None
                                    and not self.duplicates)
        self._status(text)
        if busy:
            ui.cancelFetchButton.setFocus()

    def _status(self, text: str, *, error: bool = False) -> None:
        self.ui.statusLabel.setText(text)
        set_tone(self.ui.statusLabel, "error" if error else None)
        self.ui.statusLabel.setVisible(bool(text))

    def _offer_hand_entry(self) -> None:
        # Whatever went wrong, the job can still be tracked: the address is not lost.
        self.ui.handWidget.setVisible(True)
        self.ui.emptyStateLabel.setVisible(self.imported is None)  # what does work
        self._fit()

    def _fit(self) -> None:
        # The dialog follows its content (short before a fetch, tall with a preview); it
        # only grows, so a size the user chose is kept.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        hint = self.sizeHint()
        screen = self.screen()
        if screen is not None:  # never beyond the screen (1024×640 at 200% text included)
            hint = hint.boundedTo(screen.availableGeometry().size() * 0.9)
        if self.width() < hint.width() or self.height() < hint.height():
            self.resize(self.size().expandedTo(hint))

    def _url_edited(self) -> None:
        if not self.fetching:
            self.ui.fetchButton.setEnabled(bool(url_from_text(self.ui.urlEdit.text())))

    # -- fetching -----------------------------------------------------------------------------

    def fetch(self) -> None:
        """Fetch the address in the background; the dialog stays usable and Stop ends the wait."""
        text = self.ui.urlEdit.text().strip()
        try:
            url = check_url(text)
        except FetchError as error:
            self._status(self.tr("Cannot import: %1").replace("%1", _sentence(str(error))),
                         error=True)
            self._offer_hand_entry()
            return
        self.stop(quiet=True)
        self._partial = None
        # A new address replaces the preview: what is saved always matches what was fetched.
        self.imported = None
        self.duplicates = []
        self.ui.emptyStateLabel.setVisible(False)
        self.ui.previewWidget.setVisible(False)
        self.ui.duplicateFrame.setVisible(False)
        self.errors.clear_all()
        job = BackgroundJob()
        self._fetch = job
        self._requested_url = url
        options = self._options
        host = urlsplit(url).hostname or url
        self._set_busy(True, self.tr("Fetching the posting from %1…").replace("%1", host))

        def work() -> PostingDraft:
            # Runs on a pool thread: plain values in, a plain draft out; no widget, no session.
            return import_posting(url, cancel=job.stop, options=options)

        job.start(work, lambda draft: self._fetched(url, draft), self._failed, self._pool,
                  owner=self)

    def stop(self, *, quiet: bool = False) -> None:
        """Stop the running fetch now; its late answer is ignored (nothing is saved)."""
        if self._fetch is None:
            return
        self._fetch.cancel()
        self._fetch = None
        if not quiet:
            self._set_busy(False, self.tr("Stopped. Nothing was saved."))
            self._offer_hand_entry()

    def _fetched(self, url: str, draft: PostingDraft) -> None:
        # Only the running fetch reports: stop(), a new fetch and closing cancel it.
        self._fetch = None
        try:
            imported = to_application(draft, url, now=self._now())
        except (JobTrackerError, ValueError) as error:
            self._partial = draft
            self._set_busy(False)
            self._status(self.tr("Cannot import: %1").replace("%1", _sentence(str(error))),
                         error=True)
            self._offer_hand_entry()
            return
        self._show_preview(imported)
        self._set_busy(False, self.tr("Check the details, correct anything wrong, then save."))

    def _failed(self, error: BaseException) -> None:
        self._fetch = None
        self._set_busy(False)
        self._status(self.error_text(error), error=not isinstance(error, FetchCancelled))
        self._offer_hand_entry()

    def enter_by_hand(self) -> NewApplicationDialog:
        """Swap this dialog for New Application, filled with the address and what was read.

        This dialog stays (hidden) until that one closes, then reports as if it had saved:
        a job entered by hand is selected in the window like an imported one.
        """
        self.stop(quiet=True)
        partial = self._partial
        url = self._requested_url or self.ui.urlEdit.text().strip()
        prefill = ApplicationInput(
            title=partial.title if partial else "",
            company=(partial.company or "") if partial else "",
            location=partial.location if partial else None, url=url or None)
        tracker = self._editor.tracker
        hand = NewApplicationDialog(
            self._editor.add_application, stages=tracker.stages(),
            companies=tracker.company_names(), today=self._today,
            follow_up_days=self._follow_up_days, prefill=prefill, parent=self.parentWidget())
        hand.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        hand.accepted.connect(lambda: self._entered_by_hand(hand.application_id))
        hand.rejected.connect(self.reject)
        self.hand_dialog = hand
        self.hide()
        hand.open()
        return hand

    def _entered_by_hand(self, application_id: int | None) -> None:
        self.hand_dialog = None
        self.application_id = application_id
        if application_id is None:
            self.reject()
        else:
            self.accept()

    def error_text(self, error: BaseException) -> str:
        """One plain sentence for a failed import (never a traceback)."""
        if isinstance(error, FetchCancelled):
            return self.tr("Stopped. Nothing was saved.")
        if isinstance(error, FetchError) and error.status in GONE_STATUSES:
            return self.tr("The page is not there (HTTP %1). Check the address: %2").replace(
                "%1", str(error.status)).replace("%2", _sentence(str(error)))
        if isinstance(error, NoPostingFound):
            return self.tr("That page holds no job posting we can read: %1").replace(
                "%1", _sentence(str(error)))
        if isinstance(error, JobTrackerError):
            return self.tr("Cannot import: %1").replace("%1", _sentence(str(error)))
        log.error("posting import failed", exc_info=error)
        return self.tr("Cannot import: an unexpected error (%1). Nothing was saved.").replace(
            "%1", type(error).__name__)

    # -- preview ------------------------------------------------------------------------------

    def _show_preview(self, imported: ImportedApplication) -> None:
        self.imported = imported
        self.errors.clear_all()
        ui = self.ui
        app = imported.application
        ui.titleEdit.setText(app.title)
        ui.companyEdit.setText(app.company)
        ui.locationEdit.setText(app.location or "")
        ui.remoteCombo.setCurrentIndex(max(0, ui.remoteCombo.findData(_value(app.remote))))
        ui.employmentTypeCombo.setCurrentIndex(
            max(0, ui.employmentTypeCombo.findData(_value(app.employment_type))))
        ui.salaryMinEdit.setText(amount_text(app.salary_min, app.salary_currency))
        ui.salaryMaxEdit.setText(amount_text(app.salary_max, app.salary_currency))
        found = ui.salaryCurrencyCombo.findData(app.salary_currency)
        if found < 0 and app.salary_currency:
            ui.salaryCurrencyCombo.addItem(app.salary_currency, app.salary_currency)
            found = ui.salaryCurrencyCombo.count() - 1
        ui.salaryCurrencyCombo.setCurrentIndex(max(0, found))
        ui.salaryPeriodCombo.setCurrentIndex(
            max(0, ui.salaryPeriodCombo.findData(_value(app.salary_period))))
        ui.applyUrlEdit.setText(app.url or "")
        snapshot = imported.snapshot
        ui.descriptionBrowser.base_url = QUrl(snapshot.final_url or snapshot.source_url)
        if snapshot.description_html:
            ui.descriptionBrowser.setHtml(snapshot.description_html)
        elif snapshot.description_text:
            ui.descriptionBrowser.setPlainText(snapshot.description_text)
        else:
            ui.descriptionBrowser.setHtml("<i>" + html.escape(self.tr(
                "The posting has no description.")) + "</i>")
        warnings = imported.warnings
        ui.warningsLabel.setVisible(bool(warnings))
        ui.warningsLabel.setText(self.tr("Please check: %1").replace(
            "%1", "; ".join(warnings)) + "." if warnings else "")
        ui.previewWidget.setVisible(True)
        self._check_duplicates()
        self.save_button.setDefault(True)
        self._fit()
        ui.titleEdit.setFocus()

    def _check_duplicates(self) -> None:
        if self.imported is None:
            return
        ui = self.ui
        url = ui.applyUrlEdit.text().strip() or self._requested_url
        found = {row.id: row for row in self._editor.tracker.find_duplicates(
            self._requested_url, ui.companyEdit.text(), ui.titleEdit.text())}
        if url != self._requested_url:
            for row in self._editor.tracker.find_duplicates(url, ui.companyEdit.text(),
                                                            ui.titleEdit.text()):
                found.setdefault(row.id, row)
        self.duplicates = list(found.values())
        ui.duplicateList.clear()
        for row in self.duplicates:
            item = QListWidgetItem(self.duplicate_text(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(plain_tooltip(row.url))
            ui.duplicateList.addItem(item)
        if self.duplicates:
            ui.duplicateList.setCurrentRow(0)
            # As tall as its rows (up to four), so one match does not float in empty space.
            rows = min(4, len(self.duplicates))
            ui.duplicateList.setFixedHeight(rows * ui.duplicateList.sizeHintForRow(0)
                                            + 2 * ui.duplicateList.frameWidth() + 6)
            ui.duplicateHeading.setText(self.tr(
                "<b>You may already track this job.</b> Open it, keep this copy of the "
                "posting with it, or save a new application anyway."))
        ui.duplicateFrame.setVisible(bool(self.duplicates))
        self.save_button.setEnabled(not self.fetching and not self.duplicates)

    def duplicate_text(self, row: DuplicateRow) -> str:
        """``You applied here on 3 March — Senior Engineer at Acme (Interviewing)``."""
        if row.applied_on is not None:
            text = self.tr("You applied here on %1 — %2 at %3 (%4)").replace(
                "%1", friendly_day(row.applied_on, self._today))
        else:
            text = self.tr("You saved this on %1 — %2 at %3 (%4)").replace(
                "%1", friendly_day(row.last_change, self._today))
        text = text.replace("%2", row.title).replace("%3", row.company).replace("%4", row.stage)
        if row.reason != "same posting":
            text += self.tr(" · a similar title")
        return text

    def _selected_duplicate(self) -> DuplicateRow | None:
        row = self.ui.duplicateList.currentRow()
        return self.duplicates[row] if 0 <= row < len(self.duplicates) else (
            self.duplicates[0] if self.duplicates else None)

    def _open_existing(self) -> None:
        chosen = self._selected_duplicate()
        if chosen is None:
            return
        self.open_existing.emit(chosen.id)
        self.reject()

    def _add_snapshot(self) -> None:
        chosen = self._selected_duplicate()
        if chosen is None or self.imported is None:
            return
        try:
            self._editor.tracker.add_posting_snapshot(chosen.id, self.imported.snapshot)
        except JobTrackerError as error:
            self._status(str(error), error=True)
            return
        self.snapshot_added.emit(chosen.id)
        self.reject()

    # -- saving -------------------------------------------------------------------------------

    def draft(self) -> ApplicationInput:
        """The application as the preview shows it (ValidationError names a bad field)."""
        assert self.imported is not None
        ui = self.ui
        currency = ui.salaryCurrencyCombo.currentText().strip().upper() or None
        amounts: dict[str, int | None] = {}
        for field, edit in (("salary_min", ui.salaryMinEdit), ("salary_max", ui.salaryMaxEdit)):
            text = edit.text().strip()
            if not text:
                amounts[field] = None
                continue
            if currency is None:
                raise ValidationError("salary_currency", self.tr(
                    "say which currency the salary is in"))
            try:
                amounts[field] = money.to_minor(money.parse_amount(text), currency)
            except ValueError as error:
                raise ValidationError(field, str(error)) from None
        stage = ui.stageCombo.currentData()
        applied = ui.stageCombo.currentIndex() > 0
        follow_up = (self._today + dt.timedelta(days=self._follow_up_days)
                     if applied and self._follow_up_days > 0 else None)
        return dataclasses.replace(
            self.imported.application, title=ui.titleEdit.text(),
            company=ui.companyEdit.text(), location=ui.locationEdit.text().strip() or None,
            remote=ui.remoteCombo.currentData(),
            employment_type=ui.employmentTypeCombo.currentData(),
            salary_min=amounts["salary_min"], salary_max=amounts["salary_max"],
            salary_currency=currency if any(v is not None for v in amounts.values()) else None,
            salary_period=ui.salaryPeriodCombo.currentData()
            if any(v is not None for v in amounts.values()) else None,
            url=ui.applyUrlEdit.text().strip() or None, stage=stage, follow_up_on=follow_up)

    def save(self, *, anyway: bool = False) -> None:
        """Save the application with its archived posting as one undoable action."""
        if self.imported is None or self.fetching or (self.duplicates and not anyway):
            return
        self.errors.clear_all()
        try:
            self.application_id = self._editor.add_imported_application(
                self.draft(), self.imported.snapshot)
        except ValidationError as error:
            self.errors.show(error.field, error.reason)
            return
        except JobTrackerError as error:
            self._status(str(error), error=True)
            return
        self.accept()

    def accept(self) -> None:
        # The button box's Save comes through save(); a bare accept() (Enter) does too.
        if self.application_id is None:
            self.save()
            return
        super().accept()

    def done(self, result: int) -> None:
        # Closing never waits for the network: the fetch is told to stop and forgotten.
        self.stop(quiet=True)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop(quiet=True)
        super().closeEvent(event)


def _value(value: object) -> object:
    """An enum's value, or the plain value."""
    return getattr(value, "value", value)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


__all__ = ["ImportUrlDialog", "clipboard_url", "friendly_day", "url_from_text"]
