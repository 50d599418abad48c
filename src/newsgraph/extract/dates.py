"""The date a story was first published, not the date it was last updated.

Signals in order of trust: the article's JSON-LD `datePublished`, the publication meta tags
(`article:published_time` and kin), a `<time>` element marked as the publication time, a
date in the URL (`/2019/11/19/`), and last htmldate's search of the page in its
original-date mode. Modified/updated dates are never taken; a date in the future or before
the web existed is discarded as noise.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import lxml.html
from dateutil import parser as date_parser
from htmldate import find_date

_PUBLISHED_TAGS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date.published",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
    "article.published",
    "cxenseparse:recs:publishtime",
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)
_EARLIEST = date(1995, 1, 1)
# Zone abbreviations pages print after times; dateutil knows none of them by itself.
_ZONES = {
    name: int(hours * 3600)
    for name, hours in {
        "UTC": 0,
        "GMT": 0,
        "BST": 1,
        "CET": 1,
        "CEST": 2,
        "EET": 2,
        "EEST": 3,
        "MSK": 3,
        "IST": 5.5,
        "CST": -6,
        "CDT": -5,
        "EST": -5,
        "EDT": -4,
        "MST": -7,
        "MDT": -6,
        "PST": -8,
        "PDT": -7,
        "JST": 9,
        "KST": 9,
        "AEST": 10,
        "AEDT": 11,
    }.items()
}


def published_date(
    tree: lxml.html.HtmlElement, tags: dict[str, str], ld: dict[str, Any], url: str | None
) -> str | None:
    """ISO date or datetime of first publication, from the best signal the page has.

    >>> import lxml.html
    >>> published_date(lxml.html.fromstring("<p>x</p>"), {}, {}, "https://e.com/2019/11/19/a")
    '2019-11-19'
    """
    candidates = [ld.get("datePublished"), ld.get("dateCreated")] if ld else []
    candidates += [tags.get(key) for key in _PUBLISHED_TAGS]
    candidates += [_time_element(tree)]
    for candidate in candidates:
        parsed = normalise_date(candidate) if isinstance(candidate, str) else None
        if parsed:
            return parsed
    from_url = _url_date(url)
    if from_url:
        return from_url
    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError, OverflowError):
        return None
    return normalise_date(found) if found else None


def normalise_date(text: str) -> str | None:
    """An ISO-8601 date or datetime from what pages write, or None if it is not a sane date.

    >>> normalise_date("2019-11-19T14:03:00+00:00")
    '2019-11-19T14:03:00+00:00'
    >>> normalise_date("Nov 19, 2019")
    '2019-11-19'
    >>> normalise_date("Minutes Ago") is None
    True
    """
    text = text.strip()
    if not re.search(r"\d{4}", text) or len(text) > 60:
        return None
    try:
        value = date_parser.parse(text, fuzzy=False, tzinfos=_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    if not _sane(value.date()):
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    if not has_time:
        return value.date().isoformat()
    return value.isoformat()


def _time_element(tree: lxml.html.HtmlElement) -> str | None:
    """A `<time datetime>` marked as publication (pubdate, itemprop, or a published class)."""
    first: str | None = None
    for element in tree.iter("time"):
        value = element.get("datetime")
        if not value:
            continue
        marks = " ".join(
            filter(None, (element.get("itemprop"), element.get("class"), element.get("pubdate")))
        )
        marks = marks.lower()
        if "modif" in marks or "updat" in marks:
            continue
        if "publish" in marks or "pubdate" in marks or element.get("pubdate") is not None:
            return value
        first = first or value
    return first


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        value = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return value.isoformat() if _sane(value) else None


def _sane(value: date) -> bool:
    return _EARLIEST <= value <= (datetime.now(UTC) + timedelta(days=2)).date()


__all__ = ["normalise_date", "published_date"]
