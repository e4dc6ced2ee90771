"""The Posting tab: archived copies of a posting, what changed, a check it is still online."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QUrl, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from jobtracker.errors import JobTrackerError
from jobtracker.tracker import ApplicationDetail, SnapshotDetail, Tracker
from jobtracker.ui.detail.posting_diff import diff_html, diff_text
from jobtracker.ui.forms.ui_posting_panel import Ui_PostingPanel
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.background import BackgroundJob
from jobtracker.ui.widgets.contrast import set_tone
from jobtracker.ui.widgets.formatting import format_datetime

if TYPE_CHECKING:
    # The importers (lxml, the ATS clients) load on the first check, not with the window.
    from jobtracker.importers import FetchOptions, PostingDraft


@dataclass
class _Check:
    """A running "still online?" check: what it is about, and its job (to stop it)."""

    job: BackgroundJob
    application_id: int
    tracker: Tracker
    copy: SnapshotDetail


class PostingPanel(QWidget):
    """Shows one application's archived postings; ``check_online`` fetches the page again."""

    message = Signal(str)
    check_finished = Signal(str)

    def __init__(self, editor: Editor, *,
                 now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PostingPanel()
        self.ui.setupUi(self)
        self._editor = editor
        self._now = now
        self.fetch_options: FetchOptions | None = None
        self.pool: QThreadPool | None = None
        self._application_id: int | None = None
        self.snapshots: list[SnapshotDetail] = []  # oldest first
        self._check: _Check | None = None
        self.changes_summary = ""  # the first line of what changed, as last shown
        ui = self.ui
        # The copy's date must show whole: the combo sets the pane's minimum, never elides.
        policy = ui.snapshotCombo.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
        ui.snapshotCombo.setSizePolicy(policy)
        ui.snapshotCombo.currentIndexChanged.connect(self._show_selected)
        ui.checkOnlineButton.clicked.connect(self.check_online)
        ui.stopCheckButton.clicked.connect(self.stop_check)
        ui.pages.setCurrentWidget(ui.noPostingPage)

    # -- showing ------------------------------------------------------------------------------

    def show_detail(self, detail: ApplicationDetail | None) -> None:
        """Show the archived copies of ``detail``'s posting (newest selected)."""
        same = detail is not None and detail.id == self._application_id
        shown = self.current_snapshot()
        # An older copy the user picked stays picked; the latest gives way to a newer one.
        keep_id = shown.id if same and shown is not None and shown != self.snapshots[-1] \
            else None
        self._application_id = detail.id if detail else None
        self.snapshots = (self._editor.tracker.posting_snapshots(detail.id)
                          if detail is not None and detail.snapshots else [])
        ui = self.ui
        if not same:
            self._set_checking(self._check is not None
                               and self._check.application_id == self._application_id)
            if self._check is None or self._check.application_id != self._application_id:
                self._check_status("")
        if not self.snapshots:
            ui.pages.setCurrentWidget(ui.noPostingPage)
            return
        ui.pages.setCurrentWidget(ui.postingPage)
        ui.snapshotCombo.blockSignals(True)
        ui.snapshotCombo.clear()
        newest = len(self.snapshots) - 1
        for index in range(newest, -1, -1):
            copy = self.snapshots[index]
            label = format_datetime(copy.fetched_at)
            if index == newest and newest > 0:
                label = self.tr("%1 (latest)").replace("%1", label)
            ui.snapshotCombo.addItem(label, copy.id)
        keep = ui.snapshotCombo.findData(keep_id) if keep_id is not None else -1
        ui.snapshotCombo.setCurrentIndex(max(0, keep))
        ui.snapshotCombo.blockSignals(False)
        ui.snapshotCombo.setEnabled(len(self.snapshots) > 1)
        self._show_selected()

    def current_snapshot(self) -> SnapshotDetail | None:
        """The copy shown."""
        wanted = self.ui.snapshotCombo.currentData()
        return next((s for s in self.snapshots if s.id == wanted), None)

    def _show_selected(self) -> None:
        copy = self.current_snapshot()
        if copy is None:
            return
        ui = self.ui
        facts = [self.tr("Fetched %1").replace("%1", html.escape(format_datetime(copy.fetched_at)))]
        facts.append(self.tr("from %1").replace("%1", _link(copy.source_url)))
        if copy.final_url and copy.final_url != copy.source_url:
            facts.append(self.tr("final address %1").replace("%1", _link(copy.final_url)))
        if copy.http_status:
            facts.append(self.tr("HTTP %1").replace("%1", str(copy.http_status)))
        if copy.extractor:
            facts.append(self.tr("read from %1").replace("%1", html.escape(copy.extractor)))
        ui.infoLabel.setText(" · ".join(facts))
        browser = ui.postingBrowser
        browser.base_url = QUrl(copy.final_url or copy.source_url)
        if copy.description_html:
            browser.setHtml(copy.description_html)  # sanitised (nh3) when it was archived
        elif copy.description_text:
            browser.setPlainText(copy.description_text)
        else:
            browser.setHtml("<i>" + html.escape(self.tr("This copy has no description.")) +
                            "</i>")
        self._show_changes(copy)

    def _show_changes(self, copy: SnapshotDetail) -> None:
        """What changed since the copy before ``copy`` (hidden for the first copy)."""
        index = self.snapshots.index(copy)
        browser = self.ui.changesBrowser
        if index == 0:
            browser.setVisible(False)
            self.changes_summary = ""
            return
        before = self.snapshots[index - 1]
        diff = diff_text(before.description_text, copy.description_text)
        when = format_datetime(before.fetched_at)
        if diff.unchanged and (before.title or "") == (copy.title or ""):
            summary = self.tr("Unchanged since the copy of %1.").replace("%1", when)
            browser.setHtml(f"<p>{html.escape(summary)}</p>")
        else:
            summary = self.tr("Changed since the copy of %1 (lines added: %2, removed: %3)."
                              ).replace("%1", when).replace("%2", str(diff.added)).replace(
                "%3", str(diff.removed))
            if (before.title or "") != (copy.title or ""):
                summary += " " + self.tr("Title was “%1”, now “%2”.").replace(
                    "%1", before.title or "").replace("%2", copy.title or "")
            browser.setHtml(diff_html(diff, summary))
        self.changes_summary = summary
        browser.setVisible(True)

    # -- checking -----------------------------------------------------------------------------

    def check_online(self) -> None:
        """Fetch the posting again off the UI thread; keep a changed copy, say what happened."""
        if self._application_id is None or not self.snapshots or self._check is not None:
            return
        latest = self.snapshots[-1]
        from jobtracker.importers import FetchOptions, import_posting
        from jobtracker.ui.importing.import_url_dialog import FETCH_DEADLINE

        url = latest.source_url
        options = self.fetch_options or FetchOptions(deadline=FETCH_DEADLINE)
        check = _Check(BackgroundJob(), self._application_id, self._editor.tracker, latest)
        self._check = check
        self._set_checking(True)
        self._check_status(self.tr("Checking %1…").replace("%1", url))

        def work() -> PostingDraft:
            # Pool thread: plain values only; the result is saved on the main thread.
            return import_posting(url, cancel=check.job.stop, options=options)

        check.job.start(work, lambda draft: self._checked(check, draft),
                        lambda error: self._check_failed(check, error), self.pool, owner=self)

    def stop_check(self) -> None:
        """Stop the running check now; its late answer is ignored."""
        if self._check is None:
            return
        self._check.job.cancel()  # its late answer is dropped
        self._check = None
        self._set_checking(False)
        self._check_status(self.tr("Check stopped."))

    def _set_checking(self, busy: bool) -> None:
        ui = self.ui
        ui.checkProgress.setVisible(busy)
        ui.stopCheckButton.setVisible(busy)
        ui.checkOnlineButton.setEnabled(not busy)

    def _check_status(self, text: str, *, error: bool = False) -> None:
        self.ui.checkStatusLabel.setText(text)
        set_tone(self.ui.checkStatusLabel, "error" if error else None)
        self.ui.checkStatusLabel.setVisible(bool(text))

    def _finish(self, check: _Check, text: str, *, error: bool = False) -> None:
        self._check = None
        if check.application_id == self._application_id:
            self._set_checking(False)
            self._check_status(text, error=error)
        else:
            self.message.emit(text)
        self.check_finished.emit(text)

    def _checked(self, check: _Check, draft: PostingDraft) -> None:
        # Only the running check reports: stop_check() cancels its job.
        when = format_datetime(check.copy.fetched_at)
        if check.tracker is not self._editor.tracker:
            self._finish(check, self.tr("Check dropped: another database is open now."))
            return
        from jobtracker.importers import to_application

        try:
            snapshot = to_application(draft, check.copy.source_url, now=self._now()).snapshot
        except (JobTrackerError, ValueError) as error:
            self._finish(check, self.tr("Could not check: %1").replace("%1", str(error)),
                         error=True)
            return
        if (diff_text(check.copy.description_text, snapshot.description_text).unchanged
                and (check.copy.title or "") == (snapshot.title or "")):
            self._finish(check, self.tr("Still online — unchanged since your copy from %1."
                                        ).replace("%1", when))
            return
        try:
            check.tracker.add_posting_snapshot(check.application_id, snapshot)
        except JobTrackerError as error:
            self._finish(check, self.tr("Could not keep the new copy: %1").replace(
                "%1", str(error)), error=True)
            return
        if check.application_id == self._application_id:
            self.show_detail(self._editor.tracker.get_application(check.application_id))
            self.ui.snapshotCombo.setCurrentIndex(0)  # the new copy, with what changed
        self._finish(check, self.tr("Still online — it changed since your copy from %1; the "
                                    "new copy is kept beside it.").replace("%1", when))

    def _check_failed(self, check: _Check, error: BaseException) -> None:
        from jobtracker.importers import FetchCancelled, FetchError, NoPostingFound
        from jobtracker.ui.importing.import_url_dialog import GONE_STATUSES

        when = format_datetime(check.copy.fetched_at)
        if isinstance(error, FetchCancelled):
            self._finish(check, self.tr("Check stopped."))
        elif isinstance(error, FetchError) and error.status in GONE_STATUSES:
            self._finish(check, self.tr("No longer online (HTTP %1) — your copy from %2 is kept."
                                        ).replace("%1", str(error.status)).replace("%2", when))
        elif isinstance(error, NoPostingFound):
            self._finish(check, self.tr("No longer online (the page shows no posting) — your "
                                        "copy from %1 is kept.").replace("%1", when))
        elif isinstance(error, JobTrackerError):
            self._finish(check, self.tr("Could not check: %1").replace("%1", str(error)),
                         error=True)
        else:
            self._finish(check, self.tr("Could not check: an unexpected error (%1).").replace(
                "%1", type(error).__name__), error=True)


def _link(url: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
