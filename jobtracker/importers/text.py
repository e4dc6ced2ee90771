"""Page text as the last resort: labelled fields, job cards, closed-ad phrases, prose hints."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from jobtracker.importers import normalise as norm

_CLOSED = re.compile(
    r"no (?:current(?:ly)? )?open (?:positions|roles|jobs|vacancies)|"
    r"(?:currently )?have no (?:open )?(?:positions|openings|vacancies|jobs)|"
    r"no longer (?:accepting applications|available|open|active)|"
    r"(?:position|job|role|vacancy) (?:has been|is) (?:filled|closed|expired)|"
    r"job (?:has )?expired|posting (?:has been )?(?:removed|closed)|"
    r"there are no (?:open )?(?:positions|jobs|openings)", re.I)

_TITLE_LABELS = {"position title", "job title", "title", "position", "role", "job"}
_PLACE_LABELS = {"location", "locations", "work from", "based in", "office", "where",
                 "job location"}
_TYPE_LABELS = {"employment type", "job type", "type", "contract", "commitment", "hours"}
_SALARY_LABELS = {"salary", "compensation", "pay", "salary range", "pay range"}


def closed_notice(text: str) -> bool:
    """Whether page text says there is no open posting (closed ad, empty careers page)."""
    return bool(_CLOSED.search(text or ""))


def page_text(root: etree._Element) -> str:
    """Visible text of the page, scripts and styles left out."""
    pieces = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in {"script", "style", "noscript",
                                                               "template"}:
            if element.tail:
                pieces.append(element.tail)
            continue
        if element.text:
            pieces.append(element.text)
        if element.tail:
            pieces.append(element.tail)
    return re.sub(r"\s+", " ", " ".join(pieces)).strip()


def _label(text: str | None) -> str:
    return re.sub(r"[\s:]+", " ", (text or "").strip().lower()).strip()


def labelled_fields(root: etree._Element, base_url: str | None) -> dict[str, Any] | None:
    """A posting from ``<dt>label</dt><dd>value</dd>`` pairs (careers-page cards).

    Needs a title label; a place from "Location"/"Work From" ("Anywhere" means remote).
    """
    for dl_container in _containers(root):
        pairs: list[tuple[str, etree._Element]] = []
        for dt_el in dl_container.iter("dt"):
            dd_el = dt_el.getnext()
            while dd_el is not None and not isinstance(dd_el.tag, str):
                dd_el = dd_el.getnext()
            if dd_el is not None and dd_el.tag == "dd":
                pairs.append((_label(dt_el.text_content()), dd_el))
        fields: dict[str, Any] = {}
        for label, dd_el in pairs:
            value = norm.clean_text(dd_el.text_content())
            if not value:
                continue
            if label in _TITLE_LABELS and "title" not in fields:
                fields["title"] = value
            elif label in _PLACE_LABELS and "location" not in fields:
                place, policy = norm.split_policy(value)
                if value.lower() in {"anywhere", "worldwide", "anywhere in the world"}:
                    place, policy = value, "remote"
                fields["location"], fields["remote"] = place, policy
            elif label in _TYPE_LABELS and "employment_type" not in fields:
                fields["employment_type"] = norm.employment_type(value)
            elif label in _SALARY_LABELS and "salary_min" not in fields:
                salary = norm.salary_from_text(value)
                if salary:
                    fields.update(salary_min=salary.low, salary_max=salary.high,
                                  salary_currency=salary.currency, salary_period=salary.period)
        if fields.get("title"):
            teaser = [p for p in dl_container.iter("p")]
            if teaser:
                fields["description_html"] = "".join(
                    etree.tostring(p, encoding="unicode", method="html", with_tail=False)
                    for p in teaser)
            links = [a.get("href") for a in dl_container.iter("a") if a.get("href")]
            if links:
                fields["apply_url"] = norm.absolute_url(links[0], base_url)
            return fields
    return None


def _containers(root: etree._Element) -> list[etree._Element]:
    """Cards (``article``, ``li``, ``section``) holding a ``<dl>``, innermost first."""
    found = []
    for dl_el in root.iter("dl"):
        parent = dl_el.getparent()
        while parent is not None and parent.tag not in {"article", "li", "section", "body"}:
            parent = parent.getparent()
        container = parent if parent is not None else dl_el
        if container not in found:
            found.append(container)
    return found


def linkedin_card(root: etree._Element, base_url: str | None) -> dict[str, Any] | None:
    """The first LinkedIn job card (public search results or a job page's top card)."""
    for card in root.iter():
        if not isinstance(card.tag, str):
            continue
        classes = (card.get("class") or "").split()
        if "base-search-card" not in classes and "job-search-card" not in classes and \
                "top-card-layout" not in classes:
            continue
        title = _first_by_class(card, ("base-search-card__title", "top-card-layout__title"))
        if not title:
            continue
        company = _first_by_class(card, ("base-search-card__subtitle",
                                         "topcard__org-name-link"))
        place = _first_by_class(card, ("job-search-card__location", "topcard__flavor--bullet"))
        place, policy = norm.split_policy(place)
        when = next((t.get("datetime") for t in card.iter("time") if t.get("datetime")), None)
        link = next((a.get("href") for a in card.iter("a")
                     if "base-card__full-link" in (a.get("class") or "")), None)
        return {"title": title, "company": company, "location": place, "remote": policy,
                "date_posted": norm.parse_date(when), "apply_url": norm.absolute_url(link,
                                                                                     base_url)}
    return None


def _first_by_class(card: etree._Element, names: tuple[str, ...]) -> str | None:
    for element in card.iter():
        if isinstance(element.tag, str) and set((element.get("class") or "").split()) & set(
                names):
            text = norm.clean_text(element.text_content())
            if text:
                return text
    return None


_HYBRID = re.compile(r"#LI-Hybrid\b|\bhybrid (?:role|position|working|work|model|policy|"
                     r"schedule|setup)\b|\b(?:days?|times?) (?:a|per) week in (?:the|our) office"
                     r"|\bin (?:the|our) office (?:at least )?(?:\w+ )?(?:days?|times?)", re.I)
_REMOTE = re.compile(r"#LI-Remote\b|\bfully remote\b|\b100% remote\b|\bremote[- ]first\b"
                     r"|\bwork from anywhere\b", re.I)
_ONSITE = re.compile(r"#LI-Onsite\b|\bon-?site (?:role|position|only)\b|\boffice-based\b", re.I)


def prose_policy(text: str | None) -> str | None:
    """A work policy the description states in so many words (``#LI-Hybrid``).

    A bare keyword inside other words (``hybridMultilevel``) does not count.
    """
    if not text:
        return None
    for pattern, policy in ((_HYBRID, "hybrid"), (_ONSITE, "onsite"), (_REMOTE, "remote")):
        if pattern.search(text):
            return policy
    return None
