"""Use cases of the mailbox scan: accounts, scan bookkeeping, and the suggestions inbox."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.mail.accounts import MailAccount, MailAccountError
from jobtracker.models import (
    Application,
    Company,
    Interview,
    MailAccountRow,
    MailFolderState,
    MailSuggestion,
    PostingSnapshot,
    Stage,
    StageEvent,
)
from jobtracker.tracker.applications import ApplicationsMixin, check_event_date
from jobtracker.tracker.inputs import ApplicationInput
from jobtracker.vocabulary import InterviewOutcome, SuggestionKind, SuggestionStatus

if TYPE_CHECKING:
    # Matching and scanning load only when mail is used: every other command is faster.
    from jobtracker.mail.match import MatchIndex
    from jobtracker.mail.scan import ScanJob, ScanOutcome

# A first scan without a date reads this far back, not the whole mailbox.
FIRST_SCAN_DAYS = 90
STATUSES = ("pending", "accepted", "dismissed", "all")


@dataclasses.dataclass(frozen=True)
class SuggestionRow:
    """One stored suggestion, as the inbox and ``mail suggestions`` show it."""

    id: int
    message_id: str
    date: dt.datetime
    sender: str
    subject: str
    application_id: int | None
    kind: str
    proposed_stage: str | None
    interview_at: dt.datetime | None
    reason: str
    status: str
    account: str
    application_label: str | None

    def to_json(self) -> dict[str, Any]:
        """Exactly the fields the CLI's JSON promises, dates in ISO 8601 with offset."""
        return {
            "id": self.id,
            "message_id": self.message_id,
            "date": self.date.isoformat(),
            "sender": self.sender,
            "subject": self.subject,
            "application_id": self.application_id,
            "kind": self.kind,
            "proposed_stage": self.proposed_stage,
            "interview_at": self.interview_at.isoformat() if self.interview_at else None,
            "reason": self.reason,
        }


@dataclasses.dataclass(frozen=True)
class AcceptResult:
    """What accepting a suggestion did, so the UI can say it and undo it."""

    suggestion_id: int
    application_id: int
    stage_event_id: int | None
    interview_id: int | None
    created_application: bool


def _account(row: MailAccountRow) -> MailAccount:
    return MailAccount(name=row.name, host=row.host, port=row.port,
                       security=row.security.value,
                       user=row.user, folders=tuple(row.folders.split("\n")))


def _with_offset(at: dt.datetime | None, minutes: int | None) -> dt.datetime | None:
    if at is None:
        return None
    return at.astimezone(dt.timezone(dt.timedelta(minutes=minutes or 0)))


def _offset_minutes(at: dt.datetime) -> int:
    offset = at.utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds() // 60)


class MailMixin(ApplicationsMixin):
    """Mail accounts and the suggestions drawn from their messages."""

    # -- accounts -------------------------------------------------------------------------

    def mail_accounts(self) -> list[MailAccount]:
        """Every configured mail account (never a password), by name."""
        with self.db.read() as session:
            rows = session.scalars(select(MailAccountRow).order_by(MailAccountRow.name))
            return [_account(row) for row in rows]

    def mail_account(self, name: str) -> MailAccount:
        """The account called ``name``."""
        with self.db.read() as session:
            return _account(self._mail_account_row(session, name))

    def mail_last_scan(self, name: str) -> dt.datetime | None:
        """When the account was last scanned (UTC), or None."""
        with self.db.read() as session:
            return self._mail_account_row(session, name).last_scan_at

    def save_mail_account(self, account: MailAccount, *, replace: bool = False) -> None:
        """Add an account, or with ``replace`` change the one of the same name."""
        try:
            account = account.validate()
        except MailAccountError as error:
            field, _, message = str(error).partition(": ")
            raise ValidationError(field, message) from None
        with self.db.write() as session:
            row = session.scalar(select(MailAccountRow).where(
                func.lower(MailAccountRow.name) == account.name.lower()))
            if row is not None and not replace:
                raise ValidationError("name", f"a mail account named {account.name!r} "
                                              "already exists")
            if row is None:
                row = MailAccountRow(name=account.name, created_at=self._now())
                session.add(row)
            elif (row.host.lower(), row.user) != (account.host.lower(), account.user):
                # Another mailbox: what was read of the old one says nothing about it.
                for state in session.scalars(select(MailFolderState).where(
                        MailFolderState.account_id == row.id)):
                    session.delete(state)
            row.host = account.host
            row.port = account.port
            row.security = account.security  # type: ignore[assignment]
            row.user = account.user
            row.folders = "\n".join(account.folders)

    def remove_mail_account(self, name: str) -> None:
        """Forget an account with its folder states and suggestions (not the keyring entry)."""
        with self.db.write() as session:
            account_id = self._mail_account_row(session, name).id
            # Explicit deletes rather than relying on the cascade: clear on any SQLite.
            session.execute(delete(MailSuggestion).where(MailSuggestion.account_id == account_id))
            session.execute(delete(MailFolderState).where(
                MailFolderState.account_id == account_id))
            session.execute(delete(MailAccountRow).where(MailAccountRow.id == account_id))

    @staticmethod
    def _mail_account_row(session: Session, name: str) -> MailAccountRow:
        row = session.scalar(select(MailAccountRow).where(
            func.lower(MailAccountRow.name) == name.strip().lower()))
        if row is None:
            raise NotFoundError(f"no mail account named {name!r}")
        return row

    # -- scanning -------------------------------------------------------------------------

    def mail_match_index(self) -> MatchIndex:
        """What the matcher needs of the live applications and the stages, as plain data."""
        from jobtracker.mail.match import ApplicationRef, MatchIndex, StageInfo, url_facts

        with self.db.read() as session:
            stages = tuple(StageInfo(s.name, s.kind.value, s.position)
                           for s in self._stage_rows(session))
            snapshots: dict[int, list[str]] = {}
            for app_id, source, final in session.execute(
                    select(PostingSnapshot.application_id, PostingSnapshot.source_url,
                           PostingSnapshot.final_url)):
                snapshots.setdefault(app_id, []).extend(u for u in (source, final) if u)
            refs = []
            rows = session.execute(
                select(Application.id, Application.title, Application.url, Company.name,
                       Company.website, Stage.name)
                .join(Company, Application.company_id == Company.id)
                .join(Stage, Application.stage_id == Stage.id)
                .where(Application.deleted_at.is_(None)).order_by(Application.id))
            for app_id, title, url, company, website, stage in rows:
                domains: list[str] = []
                slugs: list[str] = []
                ids: list[str] = []
                for link in [website, url, *snapshots.get(app_id, [])]:
                    if not link:
                        continue
                    domain, slug, reqs = url_facts(link if "//" in link else f"https://{link}")
                    domains += [domain] if domain else []
                    slugs += [slug] if slug else []
                    ids += reqs
                refs.append(ApplicationRef(
                    id=app_id, company=company, title=title, stage=stage,
                    domains=tuple(dict.fromkeys(domains)), ats_slugs=tuple(dict.fromkeys(slugs)),
                    requisition_ids=tuple(dict.fromkeys(ids))))
            return MatchIndex(tuple(refs), stages)

    def prepare_scan(self, name: str, since: dt.date | None = None) -> ScanJob:
        """Everything a scan of ``name`` needs, read now, so the scan itself needs no database."""
        from jobtracker.mail.scan import FolderState, ScanJob

        with self.db.read() as session:
            row = self._mail_account_row(session, name)
            account = _account(row)
            states = tuple(FolderState(s.folder, s.uidvalidity, s.last_uid)
                           for s in session.scalars(select(MailFolderState).where(
                               MailFolderState.account_id == row.id)))
        if since is None and not states:
            since = self._today() - dt.timedelta(days=FIRST_SCAN_DAYS)
        return ScanJob(account=account, states=states, since=since,
                       index=self.mail_match_index())

    def save_scan(self, outcome: ScanOutcome) -> list[SuggestionRow]:
        """Store a scan's new suggestions and how far it read; returns the new suggestions."""
        with self.db.write() as session:
            row = self._mail_account_row(session, outcome.account_name)
            known = set(session.scalars(select(MailSuggestion.message_id).where(
                MailSuggestion.account_id == row.id)))
            live = set(session.scalars(select(Application.id).where(
                Application.deleted_at.is_(None))))
            stages = {s.name.casefold(): s.name for s in self._stage_rows(session)}
            added: list[MailSuggestion] = []
            for draft in outcome.suggestions:
                if draft.message_id in known:
                    continue
                known.add(draft.message_id)
                proposed = stages.get((draft.proposed_stage or "").casefold())
                suggestion = MailSuggestion(
                    account_id=row.id, message_id=draft.message_id, date=draft.date,
                    sender=draft.sender[:500], subject=draft.subject[:1000],
                    application_id=draft.application_id if draft.application_id in live
                    else None,
                    kind=SuggestionKind(draft.kind), proposed_stage=proposed,
                    interview_at=draft.interview_at,
                    interview_utc_offset_minutes=_offset_minutes(draft.interview_at)
                    if draft.interview_at else None,
                    reason=draft.reason[:1000], status=SuggestionStatus.PENDING)
                session.add(suggestion)
                added.append(suggestion)
            current = {s.folder: s for s in session.scalars(select(MailFolderState).where(
                MailFolderState.account_id == row.id))}
            for state in outcome.states:
                old = current.get(state.folder)
                if old is None:
                    session.add(MailFolderState(account_id=row.id, folder=state.folder,
                                                uidvalidity=state.uidvalidity,
                                                last_uid=state.last_uid))
                else:
                    old.uidvalidity = state.uidvalidity
                    old.last_uid = state.last_uid
            row.last_scan_at = self._now()
            session.flush()
            ids = [s.id for s in added]
        return [r for r in self.mail_suggestions("all") if r.id in set(ids)]

    # -- the suggestions inbox ------------------------------------------------------------

    def mail_suggestions(self, status: str = "pending") -> list[SuggestionRow]:
        """Suggestions by status (pending, accepted, dismissed or all), newest first."""
        if status not in STATUSES:
            raise ValidationError("status", f"{status!r} is not one of {', '.join(STATUSES)}")
        with self.db.read() as session:
            query = (select(MailSuggestion, MailAccountRow.name, Application.title, Company.name)
                     .join(MailAccountRow, MailSuggestion.account_id == MailAccountRow.id)
                     .outerjoin(Application, MailSuggestion.application_id == Application.id)
                     .outerjoin(Company, Application.company_id == Company.id)
                     .order_by(MailSuggestion.date.desc(), MailSuggestion.id.desc()))
            if status != "all":
                query = query.where(MailSuggestion.status == SuggestionStatus(status))
            return [self._suggestion_row(s, account, title, company)
                    for s, account, title, company in session.execute(query)]

    def mail_suggestion(self, suggestion_id: int) -> SuggestionRow:
        """One suggestion by id, whatever its status."""
        for row in self.mail_suggestions("all"):
            if row.id == suggestion_id:
                return row
        raise NotFoundError(f"no mail suggestion with id {suggestion_id}")

    @staticmethod
    def _suggestion_row(s: MailSuggestion, account: str, title: str | None,
                        company: str | None) -> SuggestionRow:
        return SuggestionRow(
            id=s.id, message_id=s.message_id, date=s.date, sender=s.sender, subject=s.subject,
            application_id=s.application_id, kind=s.kind.value, proposed_stage=s.proposed_stage,
            interview_at=_with_offset(s.interview_at, s.interview_utc_offset_minutes),
            reason=s.reason, status=s.status.value, account=account,
            application_label=f"{title} — {company}" if title and company else None)

    @staticmethod
    def _suggestion(session: Session, suggestion_id: int, status: SuggestionStatus
                    ) -> MailSuggestion:
        row = session.get(MailSuggestion, suggestion_id)
        if row is None:
            raise NotFoundError(f"no mail suggestion with id {suggestion_id}")
        if row.status != status:
            raise ValidationError("suggestion", f"suggestion {suggestion_id} is "
                                                f"{row.status.value}, not {status.value}")
        return row

    def accept_suggestion(self, suggestion_id: int, *, application_id: int | None = None,
                          stage: str | None = None, interview_at: dt.datetime | None = None,
                          create_application: bool = False, company: str | None = None,
                          title: str | None = None) -> AcceptResult:
        """Apply a suggestion in one transaction: stage event dated by the mail, interview.

        ``application_id``, ``stage`` and ``interview_at`` override the proposal
        (the inbox's Edit); ``create_application`` makes a new application from
        the message (company and title guessed from it unless given).
        """
        if interview_at is not None and interview_at.tzinfo is None:
            raise ValidationError("interview_at", "needs a time zone")
        with self.db.write() as session:
            s = self._suggestion(session, suggestion_id, SuggestionStatus.PENDING)
            on = min(s.date.astimezone().date(), self._today())
            stage_name = stage or s.proposed_stage
            when = interview_at or _with_offset(s.interview_at, s.interview_utc_offset_minutes)
            event_id: int | None = None
            created = False
            if create_application:
                draft = ApplicationInput(
                    title=(title or _title_from(s.subject)),
                    company=(company or _company_from(s.sender)),
                    stage=stage_name or "Applied", applied_on=None).validated()
                app_id = self._insert_application(session, draft, on)
                created = True
            else:
                app_id = application_id or s.application_id or 0
                if not app_id:
                    raise ValidationError(
                        "application", "this message matches no tracked application; "
                                       "choose one or create a new one")
                app = self._application(session, app_id)
                if stage_name:
                    event_id = self._record_stage(session, app, stage_name, on,
                                                  keeps_interview=when is not None)
            interview_id: int | None = None
            if when is not None:
                exists = session.scalar(select(Interview.id).where(
                    Interview.application_id == app_id, Interview.starts_at == when))
                if exists is None:
                    screen = (stage_name or "").casefold() == "screening"
                    interview = Interview(application_id=app_id,
                                          kind="Phone screen" if screen else "Interview",
                                          starts_at=when, duration_minutes=None,
                                          outcome=InterviewOutcome.PENDING)
                    session.add(interview)
                    session.flush()
                    interview_id = interview.id
            if event_id is None and interview_id is None and not created:
                raise ValidationError("suggestion", f"suggestion {suggestion_id} changes "
                                                    "nothing: the application is already there")
            s.status = SuggestionStatus.ACCEPTED
            s.resolved_at = self._now()
            s.created_stage_event_id = event_id
            s.created_interview_id = interview_id
            s.created_application_id = app_id if created else None
            s.accepted_application_id = app_id
            session.get_one(Application, app_id).updated_at = self._now()
            return AcceptResult(suggestion_id, app_id, event_id, interview_id, created)

    def _record_stage(self, session: Session, app: Application, stage: str,
                      on: dt.date, *, keeps_interview: bool) -> int | None:
        target = self._find_stage(session, stage)
        if target.id == app.stage_id:
            return None  # already there, whenever the mail says so: nothing to record
        check_event_date("date", on, self._today())
        if on < app.stage_changed_on:
            # The mail's news is older than the timeline's last step: recording it
            # would rewrite history, and dating it today would be untrue.
            current = session.get_one(Stage, app.stage_id).name
            keep = (f", or accept it with the stage {current} to keep only its interview"
                    if keeps_interview else "")
            raise ValidationError(
                "date", f"the message of {on.isoformat()} is older than the current stage's "
                        f"event ({current}, {app.stage_changed_on.isoformat()}): a stage "
                        f"change cannot be dated before it; dismiss the suggestion{keep}")
        return self._add_event(session, app, target, on, "from a mail message").id

    def undo_accept_suggestion(self, suggestion_id: int) -> None:
        """Remove exactly what accepting created and make the suggestion pending again."""
        with self.db.write() as session:
            s = self._suggestion(session, suggestion_id, SuggestionStatus.ACCEPTED)
            if s.created_application_id is not None:
                app = session.get(Application, s.created_application_id)
                if app is not None:
                    session.delete(app)
            else:
                if s.created_interview_id is not None:
                    interview = session.get(Interview, s.created_interview_id)
                    if interview is not None:
                        session.delete(interview)
                if s.created_stage_event_id is not None:
                    self._remove_event(session, s.created_stage_event_id)
            s.status = SuggestionStatus.PENDING
            s.resolved_at = None
            s.created_stage_event_id = None
            s.created_interview_id = None
            s.created_application_id = None
            s.accepted_application_id = None

    def _remove_event(self, session: Session, event_id: int) -> None:
        event = session.get(StageEvent, event_id)
        if event is None:
            return
        self._delete_event(session, session.get_one(Application, event.application_id), event)

    def dismiss_suggestion(self, suggestion_id: int) -> None:
        """Set a suggestion aside; it is never proposed again."""
        with self.db.write() as session:
            s = self._suggestion(session, suggestion_id, SuggestionStatus.PENDING)
            s.status = SuggestionStatus.DISMISSED
            s.resolved_at = self._now()

    def undo_dismiss_suggestion(self, suggestion_id: int) -> None:
        """Bring a dismissed suggestion back to the inbox."""
        with self.db.write() as session:
            s = self._suggestion(session, suggestion_id, SuggestionStatus.DISMISSED)
            s.status = SuggestionStatus.PENDING
            s.resolved_at = None


def _company_from(sender: str) -> str:
    """A company name guessed from "Jane <jane@globex.com>": "Globex"."""
    address = sender.rpartition("<")[2].rstrip(">") if "<" in sender else sender
    domain = address.rpartition("@")[2].lower()
    labels = [p for p in domain.split(".") if p]
    name = labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")
    return name.capitalize() or "Unknown company"


def _title_from(subject: str) -> str:
    text = " ".join(subject.split()) or "Application from a mail message"
    for prefix in ("re:", "aw:", "fwd:", "fw:", "tr:"):
        if text.lower().startswith(prefix):
            text = text[len(prefix):].strip()
    return text[:300]
