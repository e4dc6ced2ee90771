"""Realistic, invented sample data to try JobTracker: ``jobtracker demo [--count N]``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import zoneinfo
from bisect import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

from jobtracker.tracker.inputs import ApplicationInput, ApplicationRecord, InterviewInput

if TYPE_CHECKING:
    from jobtracker.tracker import Tracker

__all__ = ["generate", "populate"]

T = TypeVar("T")

# Names of the default stages (migration 0001); the demo speaks only of these.
SAVED, APPLIED, SCREENING, INTERVIEWING = "Saved", "Applied", "Screening", "Interviewing"
OFFER, ACCEPTED = "Offer", "Accepted"
REJECTED, WITHDRAWN, DECLINED, GHOSTED = "Rejected", "Withdrawn", "Declined", "Ghosted"
STAGE_NAMES = (SAVED, APPLIED, SCREENING, INTERVIEWING, OFFER, ACCEPTED, REJECTED, WITHDRAWN,
               DECLINED, GHOSTED)

SEARCH_DAYS = 365  # the search has been going on for about a year
UPCOMING_DAYS = 14  # interviews further ahead than this are not scheduled yet
GHOSTED_AFTER = 30  # days without news before the candidate calls it ghosted


class _Weighted(Generic[T]):
    """Items with weights; ``pick`` is ``Random.choices(...)[0]`` without its per-call overhead."""

    __slots__ = ("_cumulative", "_items", "_last", "_total")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        pairs = list(pairs)
        self._items = [item for item, _ in pairs]
        self._cumulative = list(accumulate(weight for _, weight in pairs))
        self._total = self._cumulative[-1]
        self._last = len(self._items) - 1

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect(self._cumulative, rng.random() * self._total, 0, self._last)]


# -- vocabulary -------------------------------------------------------------------------------

# Company names are two invented words, "Northwind Analytics"; any likeness is chance.
_NAME_FIRST = """
    Northwind Bluefin Brightwater Ironbark Stonebridge Fernhill Larkspur Meadowlark Kestrel Orchard
    Pinecrest Riverbend Saltmarsh Thistle Umber Willow Yellowtail Zephyr Alder Birchwood Driftwood
    Emberly Foxglove Glacier Lantern Marigold Nettle Oakmoss Pebble Quill Sable Tamarack Upland
    Verdant Wren Basalt Cinder Dune Fjord Garnet Heron Kelp Loam Opal Prairie Trellis Vale Wharf
    Bramble Cairn Eastgate Gull Hearth Inlet Jetty Knoll Lagoon Moor Ashgrove Bellwether Bluebell
    Brackenridge Calico Cedarline Clover Coppergate Crestline Cypress Dawnlight Deepwell Elderberry
    Fairwind Fennel Flintlock Gildersleeve Goldcrest Greenhollow Hawthorn Highmoor Hollybrook
    Ironwood Lakeshore Lindenfield Longbow Marbleway Mistral Moonbeam Mossbank Netherby Northgate
    Oakhurst Otterburn Parchment Pinewood Primrose Quarryside Ravenhill Redfern Rosemoor Rushmere
    Sandpiper Seabright Shorewood Snowberry Stillwater Sweetbriar Thornbury Timberline Wayfarer
    Westbrook Whitethorn Wildflower Windrush Woodlark Yarrow Amberfield Aspenridge Bayleaf Caraway
    Chestnut Cobblestone Crowfoot Darkwater Eastwind Brindlecove Quillmoor Fennwick Harrowgate
    Larchmere Mirefield Tallowbrook Corriebank Ashcombe Drumlin Glenvarra Peverell Thornmere
    Wexcombe Yewbridge Kittiwake Saltcote Hazelmere Oxlip Rowanby Sedgefell Marrowby Tarnhollow
"""
_NAME_SECOND = [
    ("Analytics", None), ("Systems", None), ("Labs", None), ("Software", None),
    ("Technologies", None), ("Data", "data"), ("Cloud", "devtools"), ("Works", None),
    ("Dynamics", None), ("Networks", None), ("Logistics", "logistics"), ("Health", "healthtech"),
    ("Payments", "fintech"), ("Robotics", "robotics"), ("Energy", "climate"),
    ("Security", "security"), ("Bio", "healthtech"), ("Studio", "gaming"), ("Digital", None),
    ("Platforms", None), ("Insights", "data"), ("Commerce", "e-commerce"), ("Mobility", "mobility"),
    ("Finance", "fintech"), ("Capital", "fintech"), ("Genomics", "healthtech"), ("Media", "media"),
    ("Learning", "edtech"), ("Freight", "logistics"), ("Metrics", "data"), ("Signal", None),
    ("Forge", "devtools"), ("Grid", "climate"), ("Stack", "devtools"), ("Interactive", "gaming"),
    ("Computing", None), ("Devices", "iot"), ("AI", "ai"), ("Markets", "e-commerce"),
    ("Ledger", "fintech"), ("Pay", "fintech"), ("Care", "healthtech"), ("Foods", "e-commerce"),
    ("Travel", "travel"), ("Maps", "mobility"), ("Telematics", "iot"), ("Insurance", "insurtech"),
    ("Solar", "climate"), ("Games", "gaming"), ("Code", "devtools"),
]  # fmt: skip
_INDUSTRIES = ("saas", "devtools", "ai", "data", "fintech", "e-commerce", "healthtech", "climate")
_STACK = {"python": "Python", "go": "Go", "postgres": "PostgreSQL", "kafka": "Kafka",
          "kubernetes": "Kubernetes", "aws": "AWS", "gcp": "GCP", "django": "Django",
          "fastapi": "FastAPI", "redis": "Redis", "terraform": "Terraform", "grpc": "gRPC"}


@dataclass(frozen=True, slots=True)
class _Place:
    name: str
    zone: str
    currency: str
    remote: bool = False


# (place, weight): where a back-end engineer based in Europe looks, plus US remote and hubs.
_PLACES: list[tuple[_Place, float]] = [
    (_Place("Berlin, Germany", "Europe/Berlin", "EUR"), 14),
    (_Place("Munich, Germany", "Europe/Berlin", "EUR"), 5),
    (_Place("Hamburg, Germany", "Europe/Berlin", "EUR"), 3),
    (_Place("Amsterdam, Netherlands", "Europe/Amsterdam", "EUR"), 7),
    (_Place("Paris, France", "Europe/Paris", "EUR"), 3),
    (_Place("Dublin, Ireland", "Europe/Dublin", "EUR"), 4),
    (_Place("Barcelona, Spain", "Europe/Madrid", "EUR"), 3),
    (_Place("Lisbon, Portugal", "Europe/Lisbon", "EUR"), 3),
    (_Place("Vienna, Austria", "Europe/Vienna", "EUR"), 2),
    (_Place("Zurich, Switzerland", "Europe/Zurich", "CHF"), 2),
    (_Place("Stockholm, Sweden", "Europe/Stockholm", "SEK"), 2),
    (_Place("London, UK", "Europe/London", "GBP"), 12),
    (_Place("Manchester, UK", "Europe/London", "GBP"), 2),
    (_Place("Edinburgh, UK", "Europe/London", "GBP"), 1),
    (_Place("Cambridge, UK", "Europe/London", "GBP"), 1),
    (_Place("New York, NY", "America/New_York", "USD"), 5),
    (_Place("San Francisco, CA", "America/Los_Angeles", "USD"), 4),
    (_Place("Seattle, WA", "America/Los_Angeles", "USD"), 2),
    (_Place("Austin, TX", "America/Chicago", "USD"), 2),
    (_Place("Boston, MA", "America/New_York", "USD"), 2),
    (_Place("Remote (EU)", "Europe/Berlin", "EUR", remote=True), 12),
    (_Place("Remote (UK)", "Europe/London", "GBP", remote=True), 4),
    (_Place("Remote (US)", "America/New_York", "USD", remote=True), 6),
    (_Place("Remote (Worldwide)", "UTC", "USD", remote=True), 4),
]

# Yearly base for a senior back-end role, in major units; titles scale it.
_YEARLY_BASE = {"EUR": 78_000, "GBP": 82_000, "USD": 160_000, "CHF": 130_000, "SEK": 720_000}
_YEARLY_STEP = {"SEK": 10_000}
_CITY_FACTOR = {"San Francisco, CA": 1.12, "New York, NY": 1.08, "Seattle, WA": 1.06,
                "Austin, TX": 0.9, "Munich, Germany": 1.05, "Lisbon, Portugal": 0.72,
                "Barcelona, Spain": 0.75, "Manchester, UK": 0.82, "Edinburgh, UK": 0.82,
                "Paris, France": 0.92, "Remote (Worldwide)": 0.8}

# (title, pay factor, weight, tags it implies)
_TITLES: list[tuple[str, float, float, tuple[str, ...]]] = [
    ("Senior Backend Engineer", 1.0, 14, ()),
    ("Backend Engineer", 0.82, 8, ()),
    ("Senior Software Engineer, Backend", 1.0, 8, ()),
    ("Staff Software Engineer – Platform", 1.3, 4, ("platform",)),
    ("Staff Backend Engineer", 1.28, 3, ()),
    ("Principal Engineer", 1.5, 1, ()),
    ("Senior Python Developer", 0.95, 7, ("python",)),
    ("Python Developer", 0.8, 5, ("python",)),
    ("Senior Go Engineer", 1.0, 4, ("go",)),
    ("Site Reliability Engineer", 0.98, 4, ("sre",)),
    ("Senior Site Reliability Engineer", 1.08, 3, ("sre", "kubernetes")),
    ("Data Engineer", 0.92, 4, ("data",)),
    ("Senior Data Engineer", 1.02, 3, ("data",)),
    ("Platform Engineer", 0.98, 4, ("platform", "kubernetes")),
    ("Software Engineer – Payments", 0.9, 2, ("fintech",)),
    ("Senior API Engineer", 1.0, 2, ()),
    ("Lead Backend Engineer", 1.15, 2, ()),
    ("Engineering Manager, Backend", 1.25, 1, ("management",)),
    ("Infrastructure Engineer", 0.95, 2, ("aws",)),
    ("Senior Distributed Systems Engineer", 1.1, 1, ()),
    ("Backend Engineer (Rust)", 0.95, 1, ("rust",)),
    ("Machine Learning Platform Engineer", 1.05, 1, ("ml",)),
]

# (source, weight, chance that the application gets a screening)
_SOURCES: list[tuple[str, float, float]] = [
    ("LinkedIn", 30, 0.20),
    ("Company website", 18, 0.22),
    ("Recruiter", 10, 0.42),
    ("Referral", 8, 0.50),
    ("Hacker News Who's Hiring", 7, 0.24),
    ("Wellfound", 5, 0.20),
    ("Otta", 5, 0.22),
    ("Indeed", 5, 0.14),
    ("We Work Remotely", 3, 0.18),
    ("Meetup", 2, 0.35),
]

_FIRST_NAMES = ("Priya", "Jonas", "Amara", "Lukas", "Sofia", "Mateo", "Hannah", "Ravi", "Elena",
                "Tomás", "Chloe", "Kwame", "Ingrid", "Yusuf", "Maya", "Oliver", "Aiko", "Noah",
                "Fatima", "Daniel", "Leonie", "Marcus", "Zara", "Pieter", "Grace", "Emil")
_SURNAME_INITIALS = "ABCDEFGHJKLMNOPRSTVWZ"
_INTERVIEWER_ROLES = ("Engineering Manager", "Staff Engineer", "Senior Engineer", "Tech Lead",
                      "Principal Engineer", "Head of Engineering", "Senior SRE")
_RECRUITER_ROLES = ("Technical Recruiter", "Talent Partner", "Recruiting Lead")
_TOPICS = ("API design and idempotency", "PostgreSQL indexing and query plans",
           "a rate limiter", "a job queue with retries", "event sourcing with Kafka",
           "caching strategy and invalidation", "a URL shortener at scale",
           "zero-downtime migrations", "observability: metrics, logs, traces",
           "concurrency in Python (asyncio vs threads)", "Go channels and worker pools",
           "sharding a multi-tenant database", "an on-call incident they had last year")
_MISSIONS = {
    "fintech": "move money across borders in seconds",
    "healthtech": "help clinics spend less time on paperwork",
    "climate": "cut the carbon footprint of the grid",
    "logistics": "make freight tracking reliable",
    "devtools": "give developers faster CI pipelines",
    "e-commerce": "help small shops sell online",
    "insurtech": "make insurance claims painless",
    "iot": "turn sensor data into maintenance plans",
    "mobility": "get people across town without a car",
    "edtech": "help teachers see how each student is doing",
    "gaming": "run multiplayer backends for millions of players",
    "media": "bring local news to every phone",
    "travel": "make booking a trip take minutes, not hours",
    "robotics": "keep warehouse robot fleets busy",
    "security": "catch account takeovers before they happen",
    "ai": "put language models to work on real paperwork",
    "data": "make company data easy to trust",
    "saas": "replace spreadsheets for operations teams",
}

# Interview rounds: (kind, typical minutes)
_PHONE_SCREEN = ("Phone screen", (30, 30, 45))
_ROUNDS = {
    "Technical": (60, 60, 90),
    "System design": (60, 60, 75),
    "Hiring manager": (45, 45, 60),
    "Onsite": (180, 240, 300),
}

# Weekday rhythm of applying (Mon..Sun): evenings early in the week, little at weekends.
_WEEKDAY_WEIGHT = (1.35, 1.25, 1.15, 1.0, 0.75, 0.2, 0.35)

# How an application can end, with weights, by how far it got.
_AFTER_APPLIED = _Weighted[str | None](
    [(REJECTED, 0.44), (GHOSTED, 0.46), (WITHDRAWN, 0.06), (None, 0.04)])  # None: never marked
_AFTER_SCREEN = _Weighted([(REJECTED, 0.55), (GHOSTED, 0.25), (WITHDRAWN, 0.20)])
_AFTER_INTERVIEWS = _Weighted([(REJECTED, 0.70), (WITHDRAWN, 0.15), (GHOSTED, 0.15)])
_AFTER_OFFER = _Weighted([(DECLINED, 0.70), (ACCEPTED, 0.20), (WITHDRAWN, 0.10)])
_EMPLOYMENT = _Weighted([("full_time", 86), ("contract", 11), ("part_time", 2),
                         ("temporary", 1)])
_ON_SITE_POLICY = _Weighted([("hybrid", 62), ("onsite", 23), ("remote", 15)])
_POLICY_WORDS = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}
_PRIORITY = _Weighted([(1, 6), (2, 18), (3, 42), (4, 22), (5, 12)])


@dataclass(frozen=True, slots=True)
class _Company:
    name: str
    slug: str
    industry: str
    places: tuple[_Place, ...]
    stack: tuple[str, ...]
    pay: float


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _weekday(day: dt.date) -> dt.date:
    """The same day, or the next Monday when it falls on a weekend (employers write on weekdays)."""
    weekday = day.weekday()
    return day + dt.timedelta(days=7 - weekday) if weekday >= 5 else day


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _companies(rng: random.Random, count: int) -> list[_Company]:
    firsts = _NAME_FIRST.split()
    combos = len(firsts) * len(_NAME_SECOND)
    places = [p for p, _ in _PLACES]
    place_weights = [w for _, w in _PLACES]
    companies = []
    for index in rng.sample(range(combos), min(count, combos)):
        first = firsts[index // len(_NAME_SECOND)]
        second, industry = _NAME_SECOND[index % len(_NAME_SECOND)]
        companies.append(_company(rng, f"{first} {second}", industry, places, place_weights))
    for extra in range(count - len(companies)):  # only for absurdly large demos
        base = companies[extra % combos]
        companies.append(_company(rng, f"{base.name} {extra // combos + 2}", base.industry,
                                  places, place_weights))
    return companies


def _company(rng: random.Random, name: str, industry: str | None, places: list[_Place],
             place_weights: list[float]) -> _Company:
    offices = tuple(dict.fromkeys(rng.choices(places, place_weights, k=rng.choice((1, 1, 2, 3)))))
    return _Company(name=name, slug=_slug(name), industry=industry or rng.choice(_INDUSTRIES),
                    places=offices, stack=tuple(rng.sample(sorted(_STACK), 3)),
                    pay=rng.uniform(0.88, 1.15))


def _day_weights(today: dt.date) -> _Weighted[dt.date]:
    """The days of the search, weighted: a weekly rhythm, a keen start, a summer dip."""
    start = today - _days(SEARCH_DAYS - 1)
    days = [start + _days(n) for n in range(SEARCH_DAYS)]
    weights = []
    for n, day in enumerate(days):
        weight = _WEEKDAY_WEIGHT[day.weekday()]
        if n < 45:
            weight *= 1.6  # a keen start
        if day.month in (7, 8):
            weight *= 0.6  # summer holidays
        if (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 3):
            weight *= 0.25  # nobody hires between the holidays
        if n >= SEARCH_DAYS - 60:
            weight *= 1.25  # picking up again
        weights.append(weight)
    return _Weighted(zip(days, weights, strict=True))


# (min, max, currency, period) of a posting's salary
_Salary: TypeAlias = tuple[int | None, int | None, str | None, str | None]
# What one application went through, as known today: events, interviews, notes.
_Story: TypeAlias = tuple[list[tuple[str, dt.date]], list[InterviewInput],
                          list[tuple[str, dt.datetime]]]


def _pay(salary: _Salary) -> str:
    """``120,000–150,000 EUR/year`` or ``62.50 EUR/hour``, for notes."""
    low, high, currency, period = salary
    if low is None or high is None:
        return "not shared yet"
    figures = [f"{n // 100:,}" if n % 100 == 0 else f"{n / 100:,.2f}" for n in (low, high)]
    return f"{'–'.join(dict.fromkeys(figures))} {currency}/{period}"


class _Builder:
    """Builds one application's record: posting facts, then a dated history cut at today."""

    def __init__(self, rng: random.Random, today: dt.date, latest: dt.datetime) -> None:
        self.rng = rng
        self.today = today
        self.latest = latest

    # -- times ----------------------------------------------------------------------------

    def note_time(self, day: dt.date, first: int = 8, last: int = 22) -> dt.datetime:
        """A moment of ``day`` in UTC, hour ``first`` to ``last``."""
        return dt.datetime(day.year, day.month, day.day, self.rng.randrange(first, last + 1),
                           self.rng.randrange(60), tzinfo=dt.UTC)

    def debrief_time(self, interview: InterviewInput) -> dt.datetime:
        """A little after ``interview`` ended: when notes about it are written."""
        minutes = (interview.duration_minutes or 60) + self.rng.randrange(5, 180)
        return interview.starts_at + dt.timedelta(minutes=minutes)

    def interview_start(self, day: dt.date, zone: str) -> dt.datetime:
        """A working-hours start in ``zone`` on ``day``, as an aware UTC datetime."""
        local = dt.datetime(day.year, day.month, day.day, self.rng.randrange(9, 17),
                            self.rng.choice((0, 0, 30)), tzinfo=zoneinfo.ZoneInfo(zone))
        return local.astimezone(dt.UTC)

    def person(self, roles: tuple[str, ...]) -> str:
        rng = self.rng
        return f"{rng.choice(_FIRST_NAMES)} {rng.choice(_SURNAME_INITIALS)}. ({rng.choice(roles)})"

    # -- salary ---------------------------------------------------------------------------

    def salary(self, company: _Company, place: _Place, factor: float, contract: bool
               ) -> _Salary:
        rng = self.rng
        if rng.random() < 0.22:
            return None, None, None, None  # no salary in the posting
        currency = place.currency
        pay = factor * company.pay * _CITY_FACTOR.get(place.name, 1.0)
        if contract:
            if currency == "GBP":  # UK contractors quote day rates
                low = round(550 * pay / 25) * 25
                return low * 100, (low + rng.choice((0, 50, 100))) * 100, "GBP", "day"
            hourly = {"EUR": 70.0, "USD": 95.0, "CHF": 120.0, "SEK": 750.0}[currency] * pay
            cents = round(hourly * rng.uniform(0.85, 1.1) / 2.5) * 250  # 62.50 -> 6250
            high = cents + rng.choice((0, 0, 500, 1000)) * (10 if currency == "SEK" else 1)
            return cents, high, currency, "hour"
        step = _YEARLY_STEP.get(currency, 5_000)
        low = round(_YEARLY_BASE[currency] * pay * rng.uniform(0.92, 1.05) / step) * step
        high = round(low * rng.uniform(1.12, 1.35) / step) * step
        if rng.random() < 0.1:
            high = low  # one figure, not a range
        return low * 100, high * 100, currency, "year"

    # -- the record -----------------------------------------------------------------------

    def record(self, company: _Company, first_day: dt.date, saved_only: bool
               ) -> ApplicationRecord:
        rng = self.rng
        title, factor, title_tags, title_slug = _TITLE_CHOICE.pick(rng)
        source, screen_chance = _SOURCE_CHOICE.pick(rng)
        place = rng.choice(company.places)
        employment = _EMPLOYMENT.pick(rng)
        contract = employment in ("contract", "temporary")
        remote = "remote" if place.remote else _ON_SITE_POLICY.pick(rng)
        salary_min, salary_max, currency, period = self.salary(company, place, factor, contract)
        url = (f"https://jobs.example.com/{company.slug}/{rng.randrange(1000, 99999)}-"
               f"{title_slug}" if rng.random() < 0.92 else None)
        priority = _PRIORITY.pick(rng)
        if source == "Referral":
            priority = min(5, priority + 1)

        tags: list[str] = [*title_tags]
        tags += rng.sample(company.stack, rng.choice((0, 1, 1, 2)))
        if rng.random() < 0.6:
            tags.append(company.industry)
        if remote == "remote":
            tags.append("remote")
        if source == "Referral":
            tags.append("referral")
        if contract:
            tags.append("contract")
        if priority == 5 and rng.random() < 0.3:
            tags.append("dream-job")
        if place.currency == "USD" and remote != "remote" and rng.random() < 0.5:
            tags.append("visa-sponsorship")

        if saved_only:
            history, interviews, notes = self.saved_history(first_day, title, company)
        else:
            history, interviews, notes = self.history(
                first_day, screen_chance, company, place, title, source, url,
                (salary_min, salary_max, currency, period))
        stage, last_day = history[-1]
        follow_up = None
        if stage in (SAVED, APPLIED, SCREENING, INTERVIEWING, OFFER) and rng.random() < 0.4:
            follow_up = last_day + _days(rng.randint(4, 14))  # may already be overdue
        description = None
        if rng.random() < 0.6:
            stack = ", ".join(_STACK[tag] for tag in company.stack)
            article = "an" if title[0] in "AEIOU" else "a"
            description = (f"{company.name} is hiring {article} {title} to "
                           f"{_MISSIONS[company.industry]}. "
                           f"Our stack: {stack}. "
                           + (f"{place.name}." if place.remote
                              else f"{_POLICY_WORDS[remote]}, {place.name}."))
        draft = ApplicationInput(
            title=title, company=company.name, stage=stage, location=place.name, remote=remote,
            employment_type=employment, salary_min=salary_min, salary_max=salary_max,
            salary_currency=currency, salary_period=period, url=url, source=source,
            priority=priority, applied_on=next((on for s, on in history if s == APPLIED), None),
            follow_up_on=follow_up, description=description, tags=tuple(dict.fromkeys(tags)),
        )
        return ApplicationRecord(application=draft, events=tuple(history), notes=tuple(notes),
                                 interviews=tuple(interviews),
                                 created_at=min(self.note_time(history[0][1], 6, 7),
                                                self.latest))

    def saved_history(self, saved: dt.date, title: str, company: _Company) -> _Story:
        rng = self.rng
        history = [(SAVED, saved)]
        # Old bookmarks are sometimes given up without applying.
        if (self.today - saved).days > 45 and rng.random() < 0.2:
            history.append((WITHDRAWN, saved + _days(rng.randint(7, 40))))
        notes = []
        if rng.random() < 0.3:
            notes.append((f"Looks interesting — **{title}** at {company.name}.\n\n"
                          f"- Tailor resume: emphasise {rng.choice(_TOPICS)}\n"
                          f"- Ask around for a referral first", self.note_time(saved)))
        return self.cut(history, [], notes)

    def history(self, applied: dt.date, screen_chance: float, company: _Company,
                place: _Place, title: str, source: str, url: str | None,
                salary: _Salary) -> _Story:
        """The planned path of an application from applying to its end, then cut at today."""
        rng = self.rng
        history: list[tuple[str, dt.date]] = []
        # Each interview with the day its outcome becomes known (None: never heard back).
        interviews: list[tuple[InterviewInput, dt.date | None]] = []
        notes: list[tuple[str, dt.datetime]] = []
        if rng.random() < 0.35:
            history.append((SAVED, applied - _days(rng.randint(1, 14))))
        history.append((APPLIED, applied))
        if rng.random() < 0.3:
            link = f"[posting]({url})" if url else "the company site"
            notes.append((f"Applied via **{source}** ({link}).\n\n"
                          f"- Resume: `resume-backend-{applied.year}.pdf`\n"
                          f"- Cover letter: {rng.choice(('yes', 'no', 'short one'))}",
                          self.note_time(applied)))
        if rng.random() < 0.12:
            notes.append((f"## {company.name}\n\n- **Industry:** {company.industry}\n"
                          f"- **Stack:** {', '.join(company.stack)}\n"
                          f"- Engineering blog: [blog](https://blog.example.com/{company.slug})",
                          self.note_time(applied)))

        if rng.random() >= screen_chance:
            outcome = _AFTER_APPLIED.pick(rng)
            if outcome == REJECTED:
                history.append((REJECTED, _weekday(applied + _days(int(rng.triangular(1, 45, 6))))))
            elif outcome == GHOSTED:
                history.append((GHOSTED, applied + _days(rng.randint(GHOSTED_AFTER, 75))))
            elif outcome == WITHDRAWN:
                history.append((WITHDRAWN, applied + _days(rng.randint(3, 40))))
            return self.cut(history, interviews, notes)

        screening = _weekday(applied + _days(rng.randint(3, 21)))
        history.append((SCREENING, screening))
        call = _weekday(screening + _days(rng.randint(1, 6)))
        screen = InterviewInput(
            kind=_PHONE_SCREEN[0], starts_at=self.interview_start(call, place.zone),
            timezone=place.zone, duration_minutes=rng.choice(_PHONE_SCREEN[1]),
            meeting_url=self.meeting_url(), interviewers=self.person(_RECRUITER_ROLES))
        if rng.random() < 0.6:
            notes.append((f"Recruiter call.\n\n- Comp range: **{_pay(salary)}**\n"
                          f"- Process: {rng.randint(3, 5)} rounds, about "
                          f"{rng.randint(3, 6)} weeks\n- They liked: {rng.choice(_TOPICS)}",
                          self.debrief_time(screen)))

        if rng.random() >= 0.5:
            outcome = _AFTER_SCREEN.pick(rng)
            if outcome == REJECTED:
                ends = _weekday(call + _days(rng.randint(1, 10)))
                interviews.append((_outcome(screen, "failed"), ends))
            elif outcome == GHOSTED:
                ends = call + _days(rng.randint(GHOSTED_AFTER, 60))
                interviews.append((screen, None))
            else:
                ends = call + _days(rng.randint(1, 7))
                interviews.append((_outcome(screen, "passed"), ends))
            history.append((str(outcome), ends))
            return self.cut(history, interviews, notes)

        interviewing = _weekday(call + _days(rng.randint(2, 8)))
        interviews.append((_outcome(screen, "passed"), interviewing))
        history.append((INTERVIEWING, interviewing))
        kinds = ["Technical", "System design"]
        if rng.random() < 0.6:
            kinds.append("Hiring manager")
        if rng.random() < 0.5:
            kinds.append("Onsite")
        offered = rng.random() < 0.2
        outcome = None if offered else _AFTER_INTERVIEWS.pick(rng)
        held = len(kinds) if offered or outcome == GHOSTED else rng.randint(1, len(kinds))
        day = interviewing
        for number, kind in enumerate(kinds[:held], start=1):
            day = _weekday(day + _days(rng.randint(3, 10)))
            onsite = kind == "Onsite" and not place.remote
            interview = InterviewInput(
                kind=kind, starts_at=self.interview_start(day, place.zone), timezone=place.zone,
                duration_minutes=rng.choice(_ROUNDS[kind]),
                location=f"{company.name} office, {place.name}" if onsite else None,
                meeting_url=None if onsite else self.meeting_url(),
                interviewers=", ".join(self.person(_INTERVIEWER_ROLES)
                                       for _ in range(rng.choice((1, 1, 2)))),
                notes=f"Prepare: {rng.choice(_TOPICS)}" if rng.random() < 0.4 else None)
            last = number == held
            if not last:
                decided: dt.date | None = _weekday(day + _days(rng.randint(1, 3)))
                interviews.append((_outcome(interview, "passed"), decided))
            elif offered:
                decided = _weekday(day + _days(rng.randint(2, 10)))
                interviews.append((_outcome(interview, "passed"), decided))
            elif outcome == REJECTED:
                decided = _weekday(day + _days(rng.randint(2, 10)))
                interviews.append((_outcome(interview, "failed"), decided))
            else:
                decided = None
                interviews.append((interview, None))
            if rng.random() < 0.35:
                notes.append((f"**{kind}** with {interview.interviewers}.\n\n"
                              f"- Asked about {rng.choice(_TOPICS)}\n"
                              f"- Went {rng.choice(('well', 'OK', 'better than expected'))}; "
                              f"follow up on {rng.choice(_TOPICS)}", self.debrief_time(interview)))

        if not offered:
            if outcome == REJECTED and decided is not None:
                ends = decided  # the rejection is the failed round's outcome
                if rng.random() < 0.3:
                    notes.append(("Rejection email: *decided to move forward with other "
                                  "candidates*. Asked for feedback.", self.note_time(ends)))
            elif outcome == GHOSTED:
                ends = day + _days(rng.randint(GHOSTED_AFTER, 60))
            else:
                ends = day + _days(rng.randint(1, 5))
            history.append((str(outcome), ends))
            return self.cut(history, interviews, notes)

        offer = interviews[-1][1] or day
        history.append((OFFER, offer))
        _, high, currency, period = salary
        base = _pay((high, high, currency, period)) if high else "to be discussed"
        notes.append((f"**Offer received.**\n\n- Base: {base}\n"
                      f"- Deadline in {rng.randint(5, 14)} days", self.note_time(offer)))
        history.append((_AFTER_OFFER.pick(rng), offer + _days(rng.randint(2, 12))))
        return self.cut(history, interviews, notes)

    def meeting_url(self) -> str:
        letters = "abcdefghijkmnopqrstuvwxyz"
        code = "-".join("".join(self.rng.choices(letters, k=k)) for k in (3, 4, 3))
        return f"https://meet.example.com/{code}"

    def cut(self, history: list[tuple[str, dt.date]],
            interviews: list[tuple[InterviewInput, dt.date | None]],
            notes: list[tuple[str, dt.datetime]]) -> _Story:
        """What the candidate knows today: no later events or notes; unheard outcomes pending."""
        today = self.today
        kept = [(stage, on) for stage, on in history if on <= today]
        horizon = dt.datetime.combine(today + _days(UPCOMING_DAYS + 1), dt.time(), dt.UTC)
        ended = kept[-1][0] not in (SAVED, APPLIED, SCREENING, INTERVIEWING, OFFER)
        reached = {stage for stage, _ in kept}
        rounds = []
        booked = True  # a round is booked once the one before it is decided
        for interview, decided in interviews:
            if (SCREENING if interview.kind == _PHONE_SCREEN[0] else INTERVIEWING) not in reached:
                continue  # the invitation itself lies in the future
            if interview.starts_at.date() > today and (
                    ended or not booked or interview.starts_at >= horizon):
                continue  # not scheduled yet
            booked = decided is not None and decided <= today
            if not booked:
                interview = _outcome(interview, "pending")
            rounds.append(interview)
        return kept, rounds, [(body, at) for body, at in notes if at <= self.latest]


def _outcome(interview: InterviewInput, outcome: str) -> InterviewInput:
    return dataclasses.replace(interview, outcome=outcome)


_TITLE_CHOICE = _Weighted(((title, factor, tags, _slug(title)), weight)
                          for title, factor, weight, tags in _TITLES)
_SOURCE_CHOICE = _Weighted(((source, chance), weight) for source, weight, chance in _SOURCES)


def generate(count: int, *, today: dt.date, seed: int = 0, now: dt.datetime | None = None
             ) -> Iterator[ApplicationRecord]:
    """Yield ``count`` invented applications of a back-end engineer's year-long search.

    Deterministic for a ``seed`` (and ``today``): the same records every time.
    Stage events are chronological and never after ``today``; interviews may
    lie up to two weeks ahead; notes are never later than ``now`` (default:
    the start of ``today`` in UTC).
    """
    if count < 0:
        raise ValueError("count must not be negative")
    rng = random.Random(seed)
    latest = now or dt.datetime.combine(today, dt.time(), dt.UTC)
    companies = _companies(rng, max(1, round(count / 8)))
    company_choice = _Weighted((company, rng.lognormvariate(0, 0.7)) for company in companies)
    day_choice = _day_weights(today)
    builder = _Builder(rng, today, latest)
    recent = SEARCH_DAYS // 4
    for _ in range(count):
        company = company_choice.pick(rng)
        saved_only = rng.random() < 0.17
        if saved_only and rng.random() < 0.7:  # bookmarks are mostly recent
            first_day = today - _days(int(rng.triangular(0, recent, 0)))
        else:
            first_day = day_choice.pick(rng)
        yield builder.record(company, first_day, saved_only)


def populate(tracker: Tracker, count: int, *, seed: int = 0, batch: int = 5000,
             today: dt.date | None = None) -> int:
    """Add ``count`` sample applications to ``tracker``; returns how many were added.

    Each batch of ``batch`` records is one transaction of ``import_records``.
    ``today`` defaults to the tracker's own clock.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    today = today or tracker.today()
    now = tracker.now()
    records = generate(count, today=today, seed=seed, now=now)
    added = 0
    while chunk := list(islice(records, batch)):
        added += len(tracker.import_records(chunk))
    return added
