"""The ``jobtracker mail`` commands: accounts (password to the keyring), scan, suggestions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobtracker.cli.common import UsageError, iso_date, open_tracker

if TYPE_CHECKING:
    import ssl

    from jobtracker.tracker import SuggestionRow

FORMATS = ("text", "json")


def add_mail_commands(commands: Any) -> None:
    """Register ``mail`` and its subcommands on the main parser's subcommands."""
    mail = commands.add_parser("mail", help="read your own mailbox (IMAP) for replies to "
                                            "applications; passwords stay in the keyring")
    kinds = mail.add_subparsers(dest="mail_command", metavar="MAIL_COMMAND", required=True)

    add = kinds.add_parser("add", help="add an IMAP account; the password is read from "
                                       "standard input (or asked on a terminal) and kept in "
                                       "the system keyring")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--host", required=True)
    add.add_argument("--port", type=int, help="default: 993 for ssl, 143 otherwise")
    add.add_argument("--security", choices=("ssl", "starttls", "plain"), default="ssl",
                     help="ssl (default), starttls, or plain (only for a server on 127.0.0.1)")
    add.add_argument("--user", required=True)
    add.add_argument("--folder", action="append", metavar="FOLDER",
                     help="folder to scan (repeatable; default INBOX)")
    add.set_defaults(run=cmd_mail_add)

    lst = kinds.add_parser("list", help="the accounts, without secrets")
    lst.add_argument("--format", choices=FORMATS, default="text")
    lst.set_defaults(run=cmd_mail_list)

    remove = kinds.add_parser("remove", help="forget an account, its suggestions and its "
                                             "keyring entry")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=cmd_mail_remove)

    scan = kinds.add_parser("scan", help="read new messages and propose stage changes")
    scan.add_argument("name", metavar="NAME", nargs="?", help="one account (default: all)")
    scan.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD",
                      help="only messages received on or after this day")
    scan.add_argument("--format", choices=FORMATS, default="text")
    scan.add_argument("--cafile", type=Path, metavar="PATH",
                      help="also trust the certificate authority in this PEM file (a "
                           "self-signed server of your own); verification stays on")
    scan.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                      help="network timeout (default 30)")
    scan.set_defaults(run=cmd_mail_scan)

    sugg = kinds.add_parser("suggestions", help="the pending suggestions")
    sugg.add_argument("--format", choices=FORMATS, default="text")
    sugg.set_defaults(run=cmd_mail_suggestions)

    accept = kinds.add_parser("accept", help="apply a suggestion (stage event dated by the "
                                             "message, interview when it states one)")
    accept.add_argument("id", type=int, metavar="SUGGESTION_ID")
    accept.add_argument("--application", type=int, metavar="ID",
                        help="apply it to this application instead")
    accept.add_argument("--stage", help="move to this stage instead")
    accept.add_argument("--create", action="store_true",
                        help="create a new application from the message")
    accept.set_defaults(run=cmd_mail_accept)

    dismiss = kinds.add_parser("dismiss", help="set a suggestion aside for good")
    dismiss.add_argument("id", type=int, metavar="SUGGESTION_ID")
    dismiss.set_defaults(run=cmd_mail_dismiss)


def _read_password(prompt: str) -> str:
    """The password from a terminal prompt, or the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(prompt)
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.rstrip("\r\n")
    if not password:
        from jobtracker.errors import JobTrackerError

        raise JobTrackerError("no password given (expected on standard input or at the prompt)")
    return password


def cmd_mail_add(args: argparse.Namespace) -> int:
    """``mail add``: save the account; the password goes to the keyring only."""
    from jobtracker.mail.accounts import MailAccount, default_port
    from jobtracker.mail.service import add_account
    from jobtracker.secrets import KeyringSecretStore, keyring_problem

    account = MailAccount(name=args.name, host=args.host,
                          port=args.port if args.port is not None else default_port(args.security),
                          security=args.security, user=args.user,
                          folders=tuple(args.folder or ("INBOX",))).validate()
    if account.security == "plain":
        print("warning: plain IMAP sends the password unencrypted; allowed only because the "
              "server is on this computer", file=sys.stderr)
    problem = keyring_problem()
    with open_tracker(args) as tracker:
        if problem is not None:
            tracker.save_mail_account(account)
            print(f"{problem} The account {account.name!r} was saved without a password; "
                  f"'jobtracker mail scan' will ask for it each time.", file=sys.stderr)
            return 0
        password = _read_password(f"Password for {account.user} at {account.host}: ")
        add_account(tracker, KeyringSecretStore(), account, password)
    print(f"added mail account {account.name!r} ({account.user} at {account.host}:"
          f"{account.port}, {account.security}); password kept in the system keyring")
    return 0


def cmd_mail_list(args: argparse.Namespace) -> int:
    """``mail list``: the accounts, never a secret."""
    with open_tracker(args) as tracker:
        rows = [(account, tracker.mail_last_scan(account.name))
                for account in tracker.mail_accounts()]
    if args.format == "json":
        json.dump([{"name": a.name, "host": a.host, "port": a.port, "security": a.security,
                    "user": a.user, "folders": list(a.folders),
                    "last_scan_at": last.isoformat() if last else None} for a, last in rows],
                  sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    if not rows:
        print("no mail accounts; add one with: jobtracker mail add NAME --host H --user U")
    for account, last in rows:
        when = last.astimezone().strftime("%Y-%m-%d %H:%M") if last else "never"
        print(f"{account.name}\t{account.user} at {account.host}:{account.port} "
              f"({account.security})\tfolders: {', '.join(account.folders)}\tlast scan: {when}")
    return 0


def cmd_mail_remove(args: argparse.Namespace) -> int:
    """``mail remove``: the account, its suggestions and its keyring entry."""
    from jobtracker.mail.service import remove_account
    from jobtracker.secrets import default_secret_store

    with open_tracker(args) as tracker:
        name = tracker.mail_account(args.name).name
        remove_account(tracker, default_secret_store(), name)
    print(f"removed mail account {name!r} with its suggestions and its saved password")
    return 0


def _ssl_context(cafile: Path | None) -> ssl.SSLContext | None:
    if cafile is None:
        return None  # the system's trust store, full verification
    import ssl

    from jobtracker.errors import JobTrackerError

    context = ssl.create_default_context()
    try:
        context.load_verify_locations(cafile=str(cafile))
    except (OSError, ssl.SSLError) as error:
        raise JobTrackerError(f"--cafile {cafile}: not a readable PEM certificate "
                              f"({getattr(error, 'strerror', None) or error})") from None
    return context


def cmd_mail_scan(args: argparse.Namespace) -> int:
    """``mail scan``: read new messages, store and print the new suggestions."""
    from jobtracker.mail.scan import ScanLimits
    from jobtracker.mail.service import scan
    from jobtracker.secrets import KeyringSecretStore, keyring_problem

    if args.timeout <= 0:
        raise UsageError("--timeout must be greater than zero")
    context = _ssl_context(args.cafile)
    limits = ScanLimits(timeout=args.timeout)
    problem = keyring_problem()
    found: list[SuggestionRow] = []
    notes: list[str] = []
    with open_tracker(args) as tracker:
        names = [tracker.mail_account(args.name).name] if args.name else \
            [a.name for a in tracker.mail_accounts()]
        if not names:
            from jobtracker.errors import JobTrackerError

            raise JobTrackerError("no mail accounts; add one with: jobtracker mail add NAME "
                                  "--host H --user U")
        for name in names:
            secret = None if problem else KeyringSecretStore().get(name)
            if secret is None:
                if problem:
                    print(problem, file=sys.stderr)
                account = tracker.mail_account(name)
                secret = _read_password(f"Password for {account.user} at {account.host} "
                                        "(this scan only): ")
            found += scan(tracker, secret, name, args.since, ssl_context=context,
                          limits=limits, notes=notes)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    _print_suggestions(found, args.format, empty="no new suggestions")
    return 0


def _print_suggestions(rows: list[SuggestionRow], fmt: str, *, empty: str) -> None:
    if fmt == "json":
        json.dump([row.to_json() for row in rows], sys.stdout, indent=2, ensure_ascii=False)
        print()
        return
    if not rows:
        print(empty)
    for row in rows:
        change = row.proposed_stage or "no stage change"
        if row.interview_at is not None:
            change += f", interview {row.interview_at.isoformat(' ', 'minutes')}"
        target = row.application_label or "no tracked application (accept --create)"
        print(f"#{row.id}  {row.date.astimezone().strftime('%Y-%m-%d')}  {row.kind}: {change}"
              f"  ->  {target}\n    {row.subject}  ({row.sender})\n    why: {row.reason}")


def cmd_mail_suggestions(args: argparse.Namespace) -> int:
    """``mail suggestions``: the pending ones."""
    with open_tracker(args) as tracker:
        rows = tracker.mail_suggestions()
    _print_suggestions(rows, args.format, empty="no pending suggestions")
    return 0


def cmd_mail_accept(args: argparse.Namespace) -> int:
    """``mail accept``: apply one suggestion."""
    with open_tracker(args) as tracker:
        result = tracker.accept_suggestion(args.id, application_id=args.application,
                                           stage=args.stage, create_application=args.create)
        detail = tracker.get_application(result.application_id)
    done = []
    if result.created_application:
        done.append(f"created application {result.application_id}")
    if result.stage_event_id is not None or result.created_application:
        done.append(f"stage now {detail.stage}")
    if result.interview_id is not None:
        done.append("interview added")
    print(f"accepted suggestion {args.id}: {'; '.join(done)} "
          f"({detail.title} — {detail.company})")
    return 0


def cmd_mail_dismiss(args: argparse.Namespace) -> int:
    """``mail dismiss``: never propose it again."""
    with open_tracker(args) as tracker:
        tracker.dismiss_suggestion(args.id)
    print(f"dismissed suggestion {args.id}")
    return 0
