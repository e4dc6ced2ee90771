"""Hostile postings saved through the tracker: no script, handler or remote resource survives."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from jobtracker.importers import NoPostingFound, PostingDraft, extract
from jobtracker.importers.to_application import to_application
from jobtracker.tracker import Tracker

PAGE_URL = "https://jobs.example/posting/1"

# One hostile fragment per way of running code or loading something when the
# description is shown (QTextBrowser fetches nothing itself, but an exported or
# copied description must be as clean as the stored one).
HOSTILE = {
    "script": "<script>alert('script')</script>",
    "onerror": '<img src=x onerror="alert(\'onerror\')">',
    "remote image": '<img src="http://remote.example/pixel.gif" alt="pixel">',
    "protocol-relative image": '<img src="//remote.example/pr.gif">',
    "srcset": '<img srcset="https://remote.example/a.png 2x">',
    "picture": '<picture><source srcset="https://remote.example/p.webp"></picture>',
    "iframe": '<iframe src="https://remote.example/frame"></iframe>',
    "javascript link": '<a href="javascript:alert(\'js\')">js</a>',
    "mixed-case javascript": '<a href="JaVaScRiPt:alert(1)">js2</a>',
    "entity javascript": '<a href="&#106;avascript:alert(1)">js3</a>',
    "spaced javascript": '<a href=" javascript:alert(1)">js4</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">vb</a>',
    "data link": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
    "style url": '<p style="background:url(https://remote.example/bg.png)">styled</p>',
    "style element": "<style>body{background:url(https://remote.example/s.png)}</style>",
    "stylesheet link": '<link rel="stylesheet" href="https://remote.example/s.css">',
    "object": '<object data="https://remote.example/o.swf"></object>',
    "embed": '<embed src="https://remote.example/e.swf">',
    "svg": '<svg onload="alert(1)"><image href="https://remote.example/i.png"/></svg>',
    "video": '<video poster="https://remote.example/p.jpg" src="https://remote.example/v.mp4">'
             "</video>",
    "audio": '<audio src="https://remote.example/a.mp3" autoplay></audio>',
    "table background": '<table background="https://remote.example/t.png"><tr><td>cell</td>'
                        "</tr></table>",
    "form": '<form action="https://remote.example/steal"><input name="q" '
            'formaction="https://remote.example/f"><button>go</button></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://remote.example/">',
    "base": '<base href="https://remote.example/">',
    "details ontoggle": '<details open ontoggle="alert(1)"><summary>more</summary></details>',
    "handler on a kept link": '<a href="https://ok.example/apply" onclick="steal()" '
                              'onmouseover="steal()">apply here</a>',
    "noscript": '<noscript><img src="https://remote.example/n.gif"></noscript>',
    "template": '<template><img src="https://remote.example/t.gif"></template>',
    "conditional comment": '<!--[if IE]><img src="https://remote.example/c.gif"><![endif]-->',
    "math": '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">m'
            "</maction></math>",
    "unclosed tags": '<p><b><i onclick="x()">unclosed <img src=https://remote.example/u.gif',
}
ALL_AT_ONCE = "<p>Build pipelines.</p>" + "".join(HOSTILE.values())

_LOADING_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "img",
                 "image", "picture", "source", "video", "audio", "track", "link", "meta", "base",
                 "form", "input", "button", "svg", "math", "applet", "template", "noscript"}
_LOADING_ATTRIBUTES = {"src", "srcset", "style", "background", "poster", "data", "action",
                       "formaction", "xlink:href", "lowsrc", "dynsrc", "ping", "manifest"}


def assert_harmless_html(html: str | None) -> None:
    """No element or attribute that runs code or fetches something by itself."""
    if html is None:
        return
    lowered = html.lower()
    for word in ("javascript:", "vbscript:", "data:", "url(", "<script", "alert(", "steal()",
                 "remote.example"):
        assert word not in lowered, f"{word!r} survived in {html!r}"
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        assert tag.lower() not in _LOADING_TAGS, f"<{tag}> survived in {html!r}"
        for name, value in element.attrib.items():
            name = name.lower()
            assert not name.startswith("on"), f"{name}= survived in {html!r}"
            assert name not in _LOADING_ATTRIBUTES, f"{name}= survived in {html!r}"
            if name == "href":
                # Links the user clicks may stay (that is the design): web and mail only,
                # opened without a referrer.
                assert tag == "a" and re.match(r"(https?|mailto):", value), value
                assert "noopener" in (element.get("rel") or "")


def assert_harmless_text(text: str | None) -> None:
    if text is None:
        return
    lowered = text.lower()
    for word in ("<script", "onerror", "javascript:", "alert(", "steal()", "remote.example",
                 "url("):
        assert word not in lowered, f"{word!r} survived in the text {text!r}"


def save(tracker: Tracker, draft: PostingDraft) -> tuple[str | None, str | None, str | None]:
    """Save as the import dialog and CLI do; what the database then holds."""
    imported = to_application(draft, PAGE_URL, now=tracker.now())
    app_id = tracker.add_application(imported.application, snapshot=imported.snapshot)
    snapshot = tracker.posting_snapshots(app_id)[0]
    stored = tracker.get_application(app_id).description
    return stored, tracker.posting_snapshot_html(snapshot.id), snapshot.description_text


def _json_ld(description: str, title: str = "Data Engineer") -> str:
    data = {"@context": "https://schema.org", "@type": "JobPosting", "title": title,
            "hiringOrganization": {"name": "Acme"}, "description": description}
    # </script> inside the JSON would end the block early, as on a real page.
    body = json.dumps(data).replace("</", "<\\/")
    return f'<html><head><script type="application/ld+json">{body}</script></head></html>'


def _microdata(description: str) -> str:
    return ('<html><body><div itemscope itemtype="https://schema.org/JobPosting">'
            '<h1 itemprop="title">Data Engineer</h1>'
            f'<div itemprop="description">{description}</div></div></body></html>')


def _opengraph(description: str) -> str:
    return ('<html><head><meta property="og:title" content="Data Engineer">'
            '<meta property="og:type" content="job"></head><body><main><h2>About the role</h2>'
            f"<p>Responsibilities and requirements.</p>{description}</main></body></html>")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_fragment_is_saved_harmless(tracker: Tracker, name: str) -> None:
    draft = extract(_json_ld("<p>Build pipelines.</p>" + HOSTILE[name]), "text/html", PAGE_URL)
    stored, snapshot_html, snapshot_text = save(tracker, draft)
    assert_harmless_html(snapshot_html)
    assert_harmless_text(stored)
    assert_harmless_text(snapshot_text)
    assert stored is not None and "Build pipelines." in stored


@pytest.mark.parametrize("page", [_json_ld, _microdata, _opengraph])
def test_every_extractor_saves_the_description_harmless(tracker: Tracker, page) -> None:
    draft = extract(page(ALL_AT_ONCE), "text/html", PAGE_URL)
    stored, snapshot_html, snapshot_text = save(tracker, draft)
    assert snapshot_html is not None and "Build pipelines." in snapshot_html
    assert_harmless_html(snapshot_html)
    assert_harmless_text(stored)
    assert_harmless_text(snapshot_text)
    # The user's own link to apply is kept, as a link they click.
    assert 'href="https://ok.example/apply"' in snapshot_html


def test_the_checker_catches_what_it_looks_for() -> None:
    # The assertions above only prove something if they fail on the raw fragments.
    for name, fragment in HOSTILE.items():
        if name == "conditional comment":
            continue  # a comment hides its content from the parser, not from the text check
        with pytest.raises(AssertionError):
            assert_harmless_html(fragment)


def test_json_ld_that_is_not_json_is_no_posting() -> None:
    for body in ("this is { not json", '{"@type": "JobPosting", "title": ', "\x00\x01\x02",
                 "[" * 5000, "[" * 900 + "]" * 900, "{\"a\": " * 3000 + "1" + "}" * 3000):
        page = f'<html><head><script type="application/ld+json">{body}</script></head></html>'
        with pytest.raises(NoPostingFound, match=f"^no job posting found at {PAGE_URL}"):
            extract(page, "text/html", PAGE_URL)
    # The same, as an ATS API's answer.
    for body in ("[" * 900 + "]" * 900, '{"jobs": ' * 2000 + "[]" + "}" * 2000):
        with pytest.raises(NoPostingFound, match="no job posting found"):
            extract(body, "application/json", PAGE_URL)


def test_broken_json_ld_falls_back_to_the_other_sources(tracker: Tracker) -> None:
    page = ('<html><head><script type="application/ld+json">{"@type": "JobPosting", '
            '"title": </script><meta property="og:title" content="Welder">'
            '<meta property="og:type" content="job"></head><body></body></html>')
    draft = extract(page, "text/html", PAGE_URL)
    assert (draft.title, draft.source) == ("Welder", "opengraph")


def test_ten_thousand_nested_elements(tracker: Tracker) -> None:
    nested = "<div>" * 10_000 + "deep <script>alert(1)</script>" + "</div>" * 10_000
    draft = extract(_json_ld("<p>Build pipelines.</p>" + nested), "text/html", PAGE_URL)
    stored, snapshot_html, _text = save(tracker, draft)
    assert stored is not None and stored.startswith("Build pipelines.")
    assert_harmless_html(snapshot_html)
    # Nesting in the page itself, around the structured data and as the only content.
    for page in ("<html><body>" + "<div>" * 10_000 + _json_ld("<p>x</p>") + "</div>" * 10_000,
                 "<html><body>" + "<span><b>" * 10_000 + "</body></html>"):
        try:
            extract(page, "text/html", PAGE_URL)
        except NoPostingFound as error:
            assert str(error).startswith("no job posting found")


@pytest.mark.parametrize(("content_type", "body"), [
    ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    ("application/octet-stream", b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)) * 8),
    ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    ("text/html", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),  # mislabelled binary
])
def test_binary_bodies_name_what_they_are(content_type: str, body: bytes) -> None:
    with pytest.raises(NoPostingFound, match=r"not a web page$") as error:
        extract(body, content_type, PAGE_URL)
    assert "\n" not in str(error.value)


def test_a_page_sent_as_octet_stream_is_still_read() -> None:
    body = _json_ld("<p>Fine.</p>").encode()
    assert extract(body, "application/octet-stream", PAGE_URL).title == "Data Engineer"


def test_invalid_utf8_is_read_without_breaking_the_text(tracker: Tracker) -> None:
    body = _json_ld("<p>Caf@1 @2 ok</p>", title="Dev @3").encode()
    # Bytes that are not UTF-8 at all: a Latin-1 é, a lone continuation byte, an
    # overlong slash, a truncated sequence, and an encoded surrogate.
    body = body.replace(b"@1", b"\xe9").replace(b"@2", b"\x80\xc0\xaf").replace(
        b"@3", b"\xc3(\xed\xa0\x80")
    draft = extract(body, "text/html; charset=utf-8", PAGE_URL)
    stored, snapshot_html, snapshot_text = save(tracker, draft)
    for text in (draft.title, stored, snapshot_html, snapshot_text):
        assert text is not None
        assert "\x00" not in text
        text.encode("utf-8")  # no lone surrogate reached the database
    assert draft.title.startswith("Dev ")
    assert stored is not None and "ok" in stored
