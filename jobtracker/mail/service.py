"""Mail as the CLI and the UI use it: accounts + keyring, connection test, prepare -> scan -> save.

The one entry point into ``jobtracker.mail`` from outside it: the UI imports what it needs
from here (account values, errors, ``test_connection``, ``execute_scan`` for a worker
thread), never the modules behind it.
"""

from __future__ import annotations

import datetime as dt
import ssl
from typing import TYPE_CHECKING

from jobtracker.mail.accounts import (
    LOOPBACK_HOSTS,
    MailAccount,
    MailAccountError,
    Security,
    default_port,
)
from jobtracker.mail.imap import MailError, test_connection
from jobtracker.mail.match import ApplicationRef
from jobtracker.mail.providers import Provider, guess_provider
from jobtracker.mail.scan import ScanJob, ScanLimits, ScanOutcome, execute_scan
from jobtracker.secrets import SecretStore

if TYPE_CHECKING:
    from jobtracker.tracker import SuggestionRow, Tracker

__all__ = [
    "LOOPBACK_HOSTS",
    "ApplicationRef",
    "MailAccount",
    "MailAccountError",
    "MailError",
    "Provider",
    "ScanJob",
    "ScanLimits",
    "ScanOutcome",
    "Security",
    "add_account",
    "default_port",
    "execute_scan",
    "guess_provider",
    "remove_account",
    "scan",
    "test_connection",
]


def add_account(tracker: Tracker, store: SecretStore, account: MailAccount,
                password: str) -> None:
    """Save the account and put its password in ``store``; neither happens without the other."""
    tracker.save_mail_account(account)
    try:
        store.set(account.validate().name, password)
    except Exception:
        tracker.remove_mail_account(account.name)
        raise


def remove_account(tracker: Tracker, store: SecretStore, name: str) -> None:
    """Forget the account, its suggestions and folder states, and its keyring entry."""
    account = tracker.mail_account(name)
    store.delete(account.name)
    tracker.remove_mail_account(account.name)


def scan(tracker: Tracker, store_or_password: SecretStore | str, name: str | None = None,
         since: dt.date | None = None, *, ssl_context: ssl.SSLContext | None = None,
         limits: ScanLimits | None = None, notes: list[str] | None = None
         ) -> list[SuggestionRow]:
    """Scan one account (or all) and store what was found; returns the new suggestions."""
    names = [name] if name is not None else [a.name for a in tracker.mail_accounts()]
    found: list[SuggestionRow] = []
    for account_name in names:
        job = tracker.prepare_scan(account_name, since)
        if isinstance(store_or_password, str):
            password: str | None = store_or_password
        else:
            password = store_or_password.get(job.account.name)
        if password is None:
            raise MailError(f"no password is stored for mail account {job.account.name!r}; "
                            "add the account again or give the password for this scan")
        outcome = execute_scan(job, password, ssl_context=ssl_context,
                               limits=limits or ScanLimits())
        found += tracker.save_scan(outcome)
        if notes is not None:
            notes.extend(f"{job.account.name}: {note}" for note in outcome.notes)
    return found
