"""Realistic, invented sample data to try JobTracker: ``jobtracker demo [--count N]``."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import functools
import heapq
import html
import json
import random
import tempfile
import unicodedata
import zoneinfo
from bisect import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

from jobtracker.tracker.inputs import (
    ApplicationInput,
    ApplicationRecord,
    ContactInput,
    InterviewInput,
    SnapshotInput,
)

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
FOLLOW_UP_SLACK = 7  # days a follow-up may be overdue before the candidate deals with it
# One application in IN_FLIGHT_EVERY is planned to be in these stages today, in turn: a
# year of random dates leaves the present thin (a day with no interview ahead, an empty
# Offer column, no offer ever declined), and the sample must show every view at work.
# At most IN_FLIGHT_MAX of them: nobody runs fifty interview processes at once.
IN_FLIGHT_EVERY = 40
IN_FLIGHT_MAX = 10
IN_FLIGHT = ("Interviewing", "Offer", "Declined", "Screening", "Interviewing")


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
_SURNAMES = ("Okafor", "Lindqvist", "Moreau", "Castillo", "Novak", "Brennan", "Tanaka", "Haddad",
             "Kowalski", "Fischer", "Mensah", "Rossi", "Varga", "Ahmed", "Dubois", "Lindgren",
             "O'Neill", "Petrov", "Sato", "Jansen", "Quinn", "Almeida", "Becker", "Nakamura",
             "Schäfer", "Osei", "Costa", "Eriksen", "Yilmaz", "Hartley", "Ibarra", "Keller")
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


@functools.cache  # a few thousand companies at most: a small table
def _roster(seed: int, company: str) -> tuple[tuple[tuple[str, str], ...],
                                              tuple[tuple[str, str], ...]]:
    """(recruiters, engineers) of a company as (name, role): the same for a seed and name.

    A function of its own, not drawn from the records' generator, so that
    ``populate`` finds each interviewer's role again when it saves them as contacts.
    """
    rng = random.Random(f"{seed}/{company}")
    names = [f"{rng.choice(_FIRST_NAMES)} {rng.choice(_SURNAMES)}" for _ in range(7)]
    people = list(dict.fromkeys(names))  # a rare repeat just makes the company smaller
    split = rng.choice((1, 1, 2))
    return (tuple((name, rng.choice(_RECRUITER_ROLES)) for name in people[:split]),
            tuple((name, rng.choice(_INTERVIEWER_ROLES)) for name in people[split:]))


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

    def __init__(self, rng: random.Random, today: dt.date, latest: dt.datetime,
                 seed: int = 0) -> None:
        self.rng = rng
        self.seed = seed
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

    def person(self, company: _Company, *, recruiter: bool = False) -> str:
        """Someone on ``company``'s staff: a later application there meets the same people."""
        recruiters, engineers = _roster(self.seed, company.name)
        return self.rng.choice(recruiters if recruiter else engineers)[0]

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

    def record(self, company: _Company, first_day: dt.date, saved_only: bool,
               keen: str | None = None) -> ApplicationRecord:
        rng = self.rng
        title, factor, title_tags, title_slug = _TITLE_CHOICE.pick(rng)
        source, screen_chance = _SOURCE_CHOICE.pick(rng)
        if keen:
            screen_chance = 1.0
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
                (salary_min, salary_max, currency, period), keen)
        stage, last_day = history[-1]
        # The candidate plans to chase an open application a week or two after its last
        # news (or after its next interview). One that fell due long ago would have been
        # chased (and its date cleared) or given up on by now: only recent ones are left,
        # a handful due in Today, not one for every application still open.
        follow_up = None
        if stage in (SAVED, APPLIED, SCREENING, INTERVIEWING, OFFER) and rng.random() < 0.75:
            latest = max([last_day, *(i.starts_at.date() for i in interviews)])
            due = latest + _days(rng.randint(5, 14))
            if due >= self.today - _days(FOLLOW_UP_SLACK):
                follow_up = due
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
                salary: _Salary, keen: str | None = None) -> _Story:
        """The planned path of an application from applying to its end, then cut at today.

        ``keen`` (a stage name) plans a path that goes on at least that far: an
        application still in flight today (see ``_Builder.in_flight``).
        """
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
            meeting_url=self.meeting_url(), interviewers=self.person(company, recruiter=True))
        if rng.random() < 0.6:
            notes.append((f"Recruiter call.\n\n- Comp range: **{_pay(salary)}**\n"
                          f"- Process: {rng.randint(3, 5)} rounds, about "
                          f"{rng.randint(3, 6)} weeks\n- They liked: {rng.choice(_TOPICS)}",
                          self.debrief_time(screen)))

        if rng.random() >= 0.5 and keen not in (INTERVIEWING, OFFER, DECLINED):
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
        offered = rng.random() < 0.2 or keen in (OFFER, DECLINED)
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
                interviewers=", ".join(dict.fromkeys(self.person(company)
                                                     for _ in range(rng.choice((1, 1, 2))))),
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

    def in_flight(self, company: _Company, stage: str) -> ApplicationRecord:
        """An application that is in ``stage`` today; Interviewing ones have a round ahead."""
        rng = self.rng
        now = dt.datetime.combine(self.today, dt.time(), dt.UTC)
        # Try planned paths until one is where it should be today: the first or
        # second try mostly, and the draws are the seed's, so it stays deterministic.
        for _ in range(IN_FLIGHT_TRIES):
            started = self.today - _days(rng.randint(*_IN_FLIGHT_START[stage]))
            record = self.record(company, started, saved_only=False, keen=stage)
            if record.events[-1][0] == stage and (
                    stage != INTERVIEWING or any(i.starts_at > now for i in record.interviews)):
                break
        return record

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


IN_FLIGHT_TRIES = 60
# Days before today an in-flight application was sent, by the stage it should be in now.
_IN_FLIGHT_START = {SCREENING: (4, 16), INTERVIEWING: (20, 40), OFFER: (40, 70),
                    DECLINED: (70, 150)}

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
    # Some employers post many roles, but no candidate sends one a fifth of their search.
    company_choice = _Weighted((company, rng.lognormvariate(0, 0.45)) for company in companies)
    day_choice = _day_weights(today)
    builder = _Builder(rng, today, latest, seed)
    recent = SEARCH_DAYS // 4
    for index in range(count):
        company = company_choice.pick(rng)
        if (index % IN_FLIGHT_EVERY == IN_FLIGHT_EVERY // 2
                and index < IN_FLIGHT_EVERY * IN_FLIGHT_MAX):
            # Any employer, not the busiest again: the live pipeline spans several.
            turn = index // IN_FLIGHT_EVERY % len(IN_FLIGHT)
            yield builder.in_flight(rng.choice(companies), IN_FLIGHT[turn])
            continue
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
    Then the ``WORKING_SET`` most recently active applications get what a
    candidate keeps around the ones they work on: the people met (linked, and
    named as the interviewers), the resume and cover letters sent, the archived
    posting and tasks; plus a few tasks about the search itself. Those go
    through the tracker's own use cases, one transaction each, so their number
    is bounded whatever ``count`` is. ``today`` defaults to the tracker's clock.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    today = today or tracker.today()
    now = tracker.now()
    records = generate(count, today=today, seed=seed, now=now)
    added = 0
    # A min-heap of (last activity, id, record): the newest WORKING_SET survive,
    # without keeping 50,000 records in memory.
    recent: list[tuple[dt.date, int, ApplicationRecord]] = []
    while chunk := list(islice(records, batch)):
        ids = tracker.import_records(chunk)
        added += len(ids)
        for app_id, record in zip(ids, chunk, strict=True):
            entry = (_last_activity(record), app_id, record)
            if len(recent) < WORKING_SET:
                heapq.heappush(recent, entry)
            elif entry[:2] > recent[0][:2]:
                heapq.heapreplace(recent, entry)
    if added:
        with tempfile.TemporaryDirectory(prefix="jobtracker-demo-") as folder:
            extras = _Extras(tracker, seed, today, now, Path(folder))
            for _, app_id, record in sorted(recent, key=lambda entry: entry[:2]):
                extras.add_for(app_id, record)
            extras.add_general_tasks()
    return added


def _last_activity(record: ApplicationRecord) -> dt.date:
    """The day of an application's latest news: its last stage change or interview."""
    return max([record.events[-1][1], *(i.starts_at.date() for i in record.interviews)])


# -- what surrounds the applications the candidate works on -----------------------------------

WORKING_SET = 60  # applications that get contacts, documents, an archived posting and tasks
TASK_SLACK = 2  # days a to-do may be overdue: a few overdue, most of the list ahead
CANDIDATE = "Alex Morgan"  # whose search this is (resume, cover letters)
_PLACE_BY_NAME = {place.name: place for place, _ in _PLACES}
# Invented numbers, in ranges set aside for fiction where a country has one (UK, US).
_PHONES = {"Europe/London": "+44 20 7946 0{:03d}", "America/New_York": "+1 212 555 01{:02d}",
           "America/Los_Angeles": "+1 415 555 01{:02d}", "America/Chicago": "+1 512 555 01{:02d}",
           "Europe/Berlin": "+49 30 5558 {:04d}", "Europe/Amsterdam": "+31 20 555 {:04d}",
           "Europe/Paris": "+33 1 5555 {:04d}", "Europe/Dublin": "+353 1 555 {:04d}",
           "Europe/Madrid": "+34 91 555 {:04d}", "Europe/Lisbon": "+351 21 555 {:04d}",
           "Europe/Vienna": "+43 1 5555 {:04d}", "Europe/Zurich": "+41 44 555 {:04d}",
           "Europe/Stockholm": "+46 8 555 {:04d}"}
_AGENCIES = ("Harbour Talent", "Northstar Search", "Brightpath Recruitment")
_DUTIES = ("Design, build and run the services behind our product",
           "Own features end to end, from the first sketch to production",
           "Keep our APIs fast, observable and boring to operate",
           "Review code and mentor engineers across the team",
           "Take part in a humane on-call rotation (one week in six)",
           "Shape our data model as the product grows")
_WANTS = ("Several years of building back-end services in production",
          "Good judgement about when to keep things simple",
          "Experience with relational databases and their query plans",
          "Clear written communication in a distributed team",
          "Curiosity about the business side of what you build")


def _ascii(text: str) -> str:
    """``text`` without accents (Tomás -> Tomas): for e-mail addresses and PDF text."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _email(name: str, domain: str) -> str:
    local = ".".join("".join(c for c in _ascii(part).lower() if c.isalnum())
                     for part in name.split())
    return f"{local}@{domain}"


class _Extras:
    """Adds contacts, documents, posting snapshots and tasks through the tracker's use cases."""

    def __init__(self, tracker: Tracker, seed: int, today: dt.date, now: dt.datetime,
                 folder: Path) -> None:
        self.tracker = tracker
        self.seed = seed
        self.today = today
        self.now = now
        self.folder = folder
        # Its own generator: the records stay the same whatever is added around them.
        self.rng = random.Random(f"jobtracker-demo-extras/{seed}")
        # People already saved (by an earlier run too), so a second application at a
        # company links the same recruiter instead of a twin.
        self.contacts = {((row.company or "").casefold(), row.name): row.id
                         for row in tracker.list_contacts()}
        self.files: dict[str, Path] = {}
        # A search's own to-do list (a second sample, or --force) gets no second one.
        self.own_tasks = bool(tracker.open_tasks())
        # How many of each per-application task are still to add: a to-do list of a
        # dozen or two, whatever the size of the sample.
        self.quota = collections.Counter(prepare=5, thanks=4, status=3, tailor=3)

    def add_for(self, app_id: int, record: ApplicationRecord) -> None:
        """Everything around one application, in the order it would have been added."""
        self.add_posting(app_id, record)
        self.add_people(app_id, record)
        self.add_documents(app_id, record)
        self.add_tasks(app_id, record)

    # -- people ---------------------------------------------------------------------------

    def add_people(self, app_id: int, record: ApplicationRecord) -> None:
        app = record.application
        place = _PLACE_BY_NAME.get(app.location or "")
        domain = f"{_slug(app.company)}.example"
        recruiters, engineers = _roster(self.seed, app.company)
        roles = dict(recruiters + engineers)
        for interview in record.interviews:
            for name in (interview.interviewers or "").split(", "):
                if not name:
                    continue
                recruiter = name in dict(recruiters)
                met = interview.starts_at.astimezone(dt.UTC).date()
                self.link(app_id, ContactInput(
                    name=name, company=app.company, role=roles.get(name), email=_email(
                        name, domain) if recruiter or self.rng.random() < 0.6 else None,
                    phone=self.phone(place) if recruiter or self.rng.random() < 0.15 else None,
                    notes=(f"First met at the {interview.kind.lower()} on {met:%-d %B %Y}."
                           if self.rng.random() < 0.5 and met < self.today else None)))
        if app.source == "Referral":
            name = self.name()
            self.link(app_id, ContactInput(
                name=name, company=app.company, role=self.rng.choice(_INTERVIEWER_ROLES),
                email=_email(name, domain), phone=self.phone(place),
                notes=f"Former colleague. Referred me for **{app.title}**; "
                      "buy them a coffee whatever happens."))
        elif app.source == "Recruiter":
            agency = self.rng.choice(_AGENCIES)
            name = self.name()
            self.link(app_id, ContactInput(
                name=name, role=f"Recruiter at {agency} (agency)",
                email=_email(name, f"{_slug(agency)}.example"), phone=self.phone(place),
                notes=f"Found me on LinkedIn; put me forward to {app.company}."))

    def link(self, app_id: int, contact: ContactInput) -> None:
        key = ((contact.company or "").casefold(), contact.name)
        contact_id = self.contacts.get(key)
        if contact_id is None:
            contact_id = self.contacts[key] = self.tracker.add_contact(contact)
        self.tracker.link_contact(app_id, contact_id)

    def name(self) -> str:
        return f"{self.rng.choice(_FIRST_NAMES)} {self.rng.choice(_SURNAMES)}"

    def phone(self, place: _Place | None) -> str:
        pattern = _PHONES.get(place.zone if place else "", "+44 20 7946 0{:03d}")
        return pattern.format(self.rng.randrange(100 if "555 01" in pattern else 1000))

    # -- documents ------------------------------------------------------------------------

    def add_documents(self, app_id: int, record: ApplicationRecord) -> None:
        app = record.application
        if app.applied_on is None:
            return  # never sent: nothing went with it
        # One resume a year, named as the "Applied via" notes name it; stored once.
        resume = f"resume-backend-{app.applied_on.year}.pdf"
        if resume not in self.files:
            self.files[resume] = self.write(resume, _pdf(_resume_lines(app.applied_on.year)))
        self.tracker.attach_document(app_id, self.files[resume], "resume")
        if self.rng.random() < 0.35:
            letter = self.write(f"cover-letter-{_slug(app.company)}.txt",
                                _cover_letter(app, app.applied_on).encode())
            self.tracker.attach_document(app_id, letter, "cover_letter")

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path

    # -- archived posting -----------------------------------------------------------------

    def add_posting(self, app_id: int, record: ApplicationRecord) -> None:
        app = record.application
        if app.url is None or app.description is None:
            return  # typed in by hand: there was no page to archive
        # Imported lazily: lxml and nh3 are needed here only, not by generate().
        from jobtracker.importers.sanitise import html_to_text, sanitise_html

        duties = self.rng.sample(_DUTIES, 3)
        wants = self.rng.sample(_WANTS, 3)
        # As a careers page has it, tracking script included: the archive keeps
        # what the sanitiser leaves, as for a posting imported from its URL.
        page = (f"<h2>{html.escape(app.title)}</h2><p>{html.escape(app.description)}</p>"
                "<h3>What you will do</h3><ul>"
                + "".join(f"<li>{html.escape(item)}</li>" for item in duties)
                + "</ul><h3>What we look for</h3><ul>"
                + "".join(f"<li>{html.escape(item)}</li>" for item in wants)
                + f'</ul><p><a href="{html.escape(app.url)}" onclick="track()">Apply now</a></p>'
                "<script>track('view')</script>")
        description = sanitise_html(page)
        fetched = record.created_at or self.now
        raw = {"@context": "https://schema.org", "@type": "JobPosting", "title": app.title,
               "datePosted": fetched.date().isoformat(),
               "hiringOrganization": {"@type": "Organization", "name": app.company},
               "jobLocationType": "TELECOMMUTE" if app.remote == "remote" else None,
               "jobLocation": {"@type": "Place", "address": app.location},
               "employmentType": str(app.employment_type or "").upper() or None,
               "description": description}
        self.tracker.add_posting_snapshot(app_id, SnapshotInput(
            source_url=app.url, final_url=app.url, http_status=200, fetched_at=fetched,
            extractor="json-ld", title=app.title, description_html=description,
            description_text=html_to_text(description),
            raw_data=json.dumps({k: v for k, v in raw.items() if v is not None},
                                ensure_ascii=False, sort_keys=True)))

    # -- tasks ----------------------------------------------------------------------------

    def add_tasks(self, app_id: int, record: ApplicationRecord) -> None:
        rng, today, now = self.rng, self.today, self.now
        app = record.application
        stage, since = record.events[-1]
        for interview in record.interviews:
            day = interview.starts_at.astimezone(
                zoneinfo.ZoneInfo(interview.timezone or "UTC")).date()
            if interview.starts_at > now and self.take("prepare"):
                self.task(f"Prepare for the {interview.kind.lower()} at {app.company}: "
                          f"{rng.choice(_TOPICS)}", max(today, day - _days(1)), app_id)
            elif (interview.starts_at <= now and (now - interview.starts_at).days < 14
                  and interview.outcome != "failed" and interview.interviewers
                  and self.take("thanks")):
                first = interview.interviewers.split(", ")[0]
                self.task(f"Send a thank-you note to {first}", day, app_id, done=True)
        if stage == OFFER:
            # Offers that are still open had their deadline pushed out, if need be.
            self.task(f"Answer the offer from {app.company}",
                      max(since + _days(7), today + _days(2)), app_id)
            self.task("Compare the offer with salary surveys", since + _days(2), app_id,
                      done=since + _days(2) <= today)
        # A to-do long overdue would have been done or dropped: only recent ones remain.
        elif (stage == APPLIED and since + _days(14) >= today - _days(TASK_SLACK)
              and self.take("status")):
            self.task(f"Check the status of the {app.title} application", since + _days(14),
                      app_id)
        elif (stage == SAVED and since + _days(10) >= today - _days(TASK_SLACK)
              and self.take("tailor")):
            self.task(f"Tailor the resume for {app.company}", since + _days(10), app_id)

    def add_general_tasks(self) -> None:
        """To-dos of the search itself; only into a database without open tasks of its own."""
        if self.own_tasks:
            return
        today = self.today
        friday = today + _days((4 - today.weekday()) % 7)
        for title, due, done in (
                ("Update the LinkedIn headline and 'open to work'", None, True),
                ("Refresh the resume with this year's projects", today - _days(20), True),
                (f"Practise a system design question: {self.rng.choice(_TOPICS)}",
                 today - _days(2), False),
                ("Weekly review: chase or close applications silent for three weeks", friday,
                 False),
                ("Ask former colleagues about openings at their companies", None, False),
                ("Renew the portfolio site's domain", today + _days(12), False)):
            self.task(title, due, None, done=done)

    def take(self, kind: str) -> bool:
        """Whether another task of ``kind`` still fits its quota (and count it)."""
        if self.quota[kind] <= 0:
            return False
        self.quota[kind] -= 1
        return True

    def task(self, title: str, due: dt.date | None, app_id: int | None, *,
             done: bool = False) -> None:
        task_id = self.tracker.add_task(title, due_on=due, application_id=app_id)
        if done:
            self.tracker.set_task_done(task_id)


def _resume_lines(year: int) -> list[str]:
    return [CANDIDATE, "Senior Backend Engineer - Berlin, Germany",
            f"Resume, updated January {year}", "",
            "Experience",
            f"  {year - 4}-now   Senior Backend Engineer, Quillmoor Payments",
            "                Payments API (Python, PostgreSQL, Kafka); cut p99 latency by 40%",
            f"  {year - 8}-{year - 4} Backend Engineer, Fennwick Logistics",
            "                Freight tracking services in Go; on-call lead", "",
            "Skills",
            "  Python, Go, PostgreSQL, Kafka, Kubernetes, AWS, Terraform", "",
            "Education",
            "  BSc Computer Science"]


def _cover_letter(app: ApplicationInput, sent: dt.date) -> str:
    return (f"{CANDIDATE}\n{sent:%-d %B %Y}\n\nDear {app.company} hiring team,\n\n"
            f"I am applying for the {app.title} role. For four years I have built and run "
            "payment services in Python and Go, and I would like to bring that to a team "
            "that ships as carefully as yours.\n\n"
            f"{app.description or ''}\n\nKind regards,\n{CANDIDATE}\n")


def _pdf(lines: Iterable[str]) -> bytes:
    """A small but valid one-page PDF 1.4 that shows ``lines`` (accents dropped)."""
    text = "\n".join(
        "(" + _ascii(line).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        + ") '" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 72 780 Td\n{text}\nET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
