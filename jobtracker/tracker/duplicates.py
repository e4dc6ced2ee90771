"""Use case: whether a posting about to be saved is already tracked (same URL or same job)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import or_, select

from jobtracker.models import Application, Company, Stage
from jobtracker.tracker.base import TrackerBase
from jobtracker.vocabulary import StageKind

TITLE_SIMILARITY = 90  # rapidfuzz token_set_ratio, 0-100

_TRACKING = re.compile(
    r"^(utm_.*|gclid|fbclid|msclkid|mc_cid|mc_eid|ref|refid|referrer|src|source|trk|trkinfo|"
    r"trackingid|position|pagenum|gh_src|lever-source.*|lever-origin|_hs.*|hsa_.*|igshid|"
    r"si|campaign|medium|cid|origin|share|shared_from)$", re.I)
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


@dataclass(frozen=True, slots=True)
class DuplicateRow:
    """An application that looks like the posting at hand, and why."""

    id: int
    title: str
    company: str
    stage: str
    stage_kind: StageKind
    applied_on: dt.date | None
    last_change: dt.date
    url: str | None
    reason: str  # "same posting" or "similar title at the same company"


def canonical_url(url: str | None) -> str | None:
    """A URL reduced to what names the posting.

    Lower-case host without ``www.``, no fragment, no tracking parameters, no trailing
    slash, the remaining query sorted; the scheme is always https.
    """
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    if parts.port and parts.port not in {80, 443}:
        host = f"{host}:{parts.port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING.match(k))
    path = re.sub(r"/+$", "", parts.path) or ""
    return urlunsplit(("https", host, path, urlencode(query), ""))


def posting_key(url: str | None) -> str | None:
    """An ATS job id behind a URL (``greenhouse:6136160004``), else its canonical form.

    The board page, the apply page and the API of one job give the same key.
    """
    canonical = canonical_url(url)
    if canonical is None:
        return None
    parts = urlsplit(canonical)
    host, path = parts.netloc, parts.path.lower()
    query = dict(parse_qsl(parts.query))
    if "greenhouse.io" in host:
        match = re.search(r"/jobs/(\d+)", path)
        job = match[1] if match else query.get("gh_jid") or query.get("token")
        if job:
            return f"greenhouse:{job}"
    if "gh_jid" in query:
        return f"greenhouse:{query['gh_jid']}"
    if "lever.co" in host or "ashbyhq.com" in host:
        match = re.search(_UUID, path)
        if match:
            return f"{'lever' if 'lever' in host else 'ashby'}:{match[0]}"
    if "linkedin.com" in host:
        match = re.search(r"/jobs/view/(?:[^/]*?-)?(\d{6,})", path)
        job = match[1] if match else query.get("currentJobId")
        if job:
            return f"linkedin:{job}"
    if "workable.com" in host:
        match = re.search(r"/j/([0-9a-z]+)", path) or re.search(r"/jobs/([0-9a-z]+)$", path)
        if match:
            return f"workable:{match[1]}"
    if "smartrecruiters.com" in host:
        match = re.search(r"/(?:postings/)?(\d{6,})", path)
        if match:
            return f"smartrecruiters:{match[1]}"
    if host.endswith("recruitee.com"):
        match = re.search(r"/(?:o|offers)/([^/]+)", path)
        if match:
            return f"recruitee:{host.split('.')[0]}:{match[1]}"
    return canonical.lower()


class DuplicatesMixin(TrackerBase):
    """Finding applications a new posting may duplicate."""

    def find_duplicates(self, url: str | None, company: str, title: str) -> list[DuplicateRow]:
        """Live applications that may be this posting, same posting first.

        Same posting: the same canonical URL or ATS job id. Same job: the same company
        (ignoring case) and a title at least 90% alike (token set ratio). Plain rows,
        read in two queries.
        """
        key = posting_key(url)
        wanted_company = (company or "").strip().casefold()
        with self.db.read() as session:
            company_ids = [cid for cid, name in session.execute(select(Company.id, Company.name))
                           if wanted_company and name.casefold() == wanted_company]
            conditions = []
            if company_ids:
                conditions.append(Application.company_id.in_(company_ids))
            if key is not None:
                # Narrow in SQL by the job id (or host); the exact comparison follows below.
                needle = key.rsplit(":", 1)[-1] if ":" in key and "/" not in key else \
                    urlsplit(key).netloc
                conditions.append(Application.url.like(f"%{_like(needle)}%", escape="\\"))
            if not conditions:
                return []
            rows = session.execute(
                select(Application.id, Application.title, Company.name, Stage.name, Stage.kind,
                       Application.applied_on, Application.stage_changed_on, Application.url,
                       Application.company_id)
                .join(Company, Company.id == Application.company_id)
                .join(Stage, Stage.id == Application.stage_id)
                .where(Application.deleted_at.is_(None), or_(*conditions))
                .order_by(Application.id)
            ).all()
        # Loaded here, not with the tracker: only the duplicate check uses it (start-up cost).
        from rapidfuzz import fuzz

        same_posting: list[DuplicateRow] = []
        similar: list[DuplicateRow] = []
        wanted_title = (title or "").strip()
        for (app_id, app_title, app_company, stage, kind, applied_on, changed, app_url,
             company_id) in rows:
            if key is not None and app_url and posting_key(app_url) == key:
                same_posting.append(DuplicateRow(app_id, app_title, app_company, stage, kind,
                                                 applied_on, changed, app_url, "same posting"))
            elif company_id in company_ids and wanted_title and fuzz.token_set_ratio(
                    wanted_title.casefold(), app_title.casefold()) >= TITLE_SIMILARITY:
                similar.append(DuplicateRow(app_id, app_title, app_company, stage, kind,
                                            applied_on, changed, app_url,
                                            "similar title at the same company"))
        return same_posting + similar


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
