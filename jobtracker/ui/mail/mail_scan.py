"""Scanning mailboxes from the app: passwords for the session, the worker, progress and Cancel.

The scan itself (``execute_scan``) runs in a QThreadPool worker with plain
data only; the database is read before (``prepare_scan``) and written after
(``save_scan``) on the main thread. Progress comes back by signal. Nothing of
the mailbox is logged: errors are shown to the user, not written anywhere.
"""

from __future__ import annotations

import ssl
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from jobtracker.errors import JobTrackerError
from jobtracker.secrets import (
    KeyringSecretStore,
    SecretStore,
    SecretStoreError,
    SessionSecretStore,
    keyring_problem,
)
from jobtracker.tracker import SuggestionRow
from jobtracker.ui.undo_commands import Editor
from jobtracker.ui.widgets.background import BackgroundJob
from jobtracker.ui.widgets.formatting import literal

if TYPE_CHECKING:
    from jobtracker.mail.service import ScanJob, ScanOutcome


class MailContext:
    """Where the app keeps mail passwords, decided on first use (not at start-up).

    ``store`` is the keyring when it is usable, else a store in memory; ``problem``
    is the plain sentence saying why passwords are not remembered (None when they
    are). ``session`` holds passwords typed at a scan prompt, for this run only.
    ``ssl_context`` and ``pool`` stay None in the product (system certificate
    checks, the global pool); tests point them at their own server and pool.
    """

    def __init__(self, store: SecretStore | None = None, problem: str | None = None, *,
                 ssl_context: ssl.SSLContext | None = None,
                 pool: QThreadPool | None = None) -> None:
        self._store = store
        self._problem = problem
        self.session = SessionSecretStore()
        self.ssl_context = ssl_context
        self.pool = pool

    def _detect(self) -> SecretStore:
        if self._store is None:
            self._problem = keyring_problem()
            self._store = KeyringSecretStore() if self._problem is None else self.session
        return self._store

    @property
    def store(self) -> SecretStore:
        """Where account passwords are kept (the keyring, or memory when it is unusable)."""
        return self._detect()

    @property
    def problem(self) -> str | None:
        """Why passwords are not remembered across sessions, or None."""
        self._detect()
        return self._problem

    def password(self, account: str) -> str | None:
        """The password of ``account`` from the store or this session (SecretStoreError)."""
        return self.store.get(account) or self.session.get(account)


class _ProgressRelay(QObject):
    """Emitted from the worker thread; Qt queues it to the main thread's receivers."""

    progress = Signal(int, int)


class MailScanner(QObject):
    """Scans the accounts one after the other; saves each result on the main thread."""

    account_started = Signal(str)  # account name
    progress = Signal(int, int)  # messages read, messages to read
    account_failed = Signal(str, str)  # account name, plain message
    finished = Signal(list)  # the new SuggestionRows of every account
    cancelled = Signal()

    def __init__(self, editor: Editor, context: MailContext,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.context = context
        self.prompt_parent: QWidget | None = None
        self._queue: list[str] = []
        self._found: list[SuggestionRow] = []
        self._job: BackgroundJob | None = None  # the running worker's
        self._relay: _ProgressRelay | None = None
        self._prompt: QInputDialog | None = None
        self.running = False
        self.current: str | None = None

    def scan(self, names: list[str] | None = None) -> bool:
        """Start scanning ``names`` (every account by default); False when already running."""
        if self.running:
            return False
        self._queue = list(names) if names is not None else [
            account.name for account in self.editor.tracker.mail_accounts()]
        self._found = []
        self.running = True
        self._next()
        return True

    def cancel(self) -> None:
        """Stop: the worker ends at its next message and what it read is not saved."""
        if self._job is not None:
            # Not job.cancel(): the report still comes, so the scan ends (and says so) only
            # once the worker has let go of the mailbox; _done then drops what it read.
            self._job.stop.set()
        if self.running and self._job is None:  # waiting at the password prompt
            prompt, self._prompt = self._prompt, None
            if prompt is not None:
                prompt.reject()
            self._queue.clear()
            self._end(cancelled=True)

    # -- one account after the other ---------------------------------------------------------

    def _next(self) -> None:
        if not self._queue:
            self._end(cancelled=False)
            return
        name = self._queue.pop(0)
        self.current = name
        self.account_started.emit(name)
        try:
            password = self.context.password(name)
        except SecretStoreError as error:
            self._fail(name, str(error))
            return
        if password:
            self._start(name, password)
        else:
            self._ask_password(name)

    def _ask_password(self, name: str) -> None:
        # Non-blocking, so the window stays usable; the answer is kept for this session only.
        dialog = QInputDialog(self.prompt_parent)
        dialog.setWindowTitle(self.tr("Mail Password"))
        dialog.setLabelText(literal(self.tr("Password of the mail account “%1” (kept only "
                                            "until JobTracker quits):").replace("%1", name)))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setObjectName("mailPasswordPrompt")

        def answered(result: int) -> None:
            text = dialog.textValue()
            dialog.deleteLater()
            if self._prompt is not dialog:
                return  # the scan was cancelled meanwhile
            self._prompt = None
            if result != QInputDialog.DialogCode.Accepted or not text:
                self._queue.clear()
                self._end(cancelled=True)
                return
            self.context.session.set(name, text)
            self._start(name, text)

        dialog.finished.connect(answered)
        self._prompt = dialog
        dialog.open()

    def _start(self, name: str, password: str) -> None:
        try:
            scan_job = self.editor.tracker.prepare_scan(name)
        except JobTrackerError as error:
            self._fail(name, str(error))
            return
        job = BackgroundJob()
        relay = _ProgressRelay()
        relay.progress.connect(self.progress)
        self._job, self._relay = job, relay
        context = self.context.ssl_context
        job.start(lambda: _scan(scan_job, password, relay, job.stop, context),
                  lambda outcome: self._done(name, outcome, job),
                  lambda error: self._failed(name, error, job), self.context.pool)

    def _done(self, name: str, outcome: ScanOutcome, job: BackgroundJob) -> None:
        self._job = self._relay = None
        if job.stop.is_set():
            # Cancel means nothing of this scan is kept, however far the worker got:
            # no suggestions and no folder positions, so the next scan reads it all again.
            self._queue.clear()
            self._end(cancelled=True)
            return
        try:
            self._found += self.editor.tracker.save_scan(outcome)
        except JobTrackerError as error:
            self._fail(name, str(error))
            return
        self._next()

    def _failed(self, name: str, error: BaseException, job: BackgroundJob) -> None:
        self._job = self._relay = None
        if job.stop.is_set():
            self._queue.clear()
            self._end(cancelled=True)
            return
        if isinstance(error, JobTrackerError):
            self._fail(name, str(error))
        else:
            # Not the error's text: an unexpected failure could quote the mailbox.
            self._fail(name, self.tr("the scan stopped unexpectedly (%1)").replace(
                "%1", type(error).__name__))

    def _fail(self, name: str, message: str) -> None:
        from jobtracker.logs import scrub_secrets

        # The core already cut the password out of the server's words; this is the one
        # door every failure passes on its way to the window, so it checks again.
        self.account_failed.emit(name, scrub_secrets(message))
        self._next()

    def _end(self, *, cancelled: bool) -> None:
        self.running = False
        self.current = None
        self._job = self._relay = None
        if cancelled:
            self.cancelled.emit()
        else:
            self.finished.emit(self._found)


def _scan(job: ScanJob, password: str, relay: _ProgressRelay, stop: threading.Event,
          context: ssl.SSLContext | None) -> ScanOutcome:
    """The worker: network only, no widget, no session."""
    # The IMAP and matching code loads on the first scan, not with the window (start-up cost).
    from jobtracker.mail.service import execute_scan

    return execute_scan(job, password, progress=relay.progress.emit, cancelled=stop.is_set,
                        ssl_context=context)
