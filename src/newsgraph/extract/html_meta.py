"""A page's own metadata: JSON-LD, OpenGraph and meta tags, the visible byline, the URL.

Each field comes from the strongest signal that has it. Structured data (`NewsArticle` in
JSON-LD) is written for machines and usually right about the headline, the date and the
site; it is often wrong about people (a desk name, the site itself, an agency), so authors
prefer the byline readers see and are checked to be people either way. Where no signal is
trustworthy the field stays empty: nothing is better than a sidebar name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from newsgraph.errors import LimitExceeded
from newsgraph.extract.agencies import agencies_in, normalise_agency
from newsgraph.extract.authors import byline_authors, clean_authors
from newsgraph.extract.dates import published_date
from newsgraph.extract.dom import strip_markup, text_of
from newsgraph.limits import check_json_depth

_ARTICLE_TYPES = re.compile(
    r"(?:News|Report|Blog|Opinion|Analysis|Review)?(?:Article|Posting)$|^Report$"
)
_HANDLE = re.compile(r"^(?:https?://|www\.|@)")  # a URL or a social handle is not a name
_TITLE_SEPARATOR = re.compile(r"\s+[|–—:·•»-]\s+")
_SECTION_PREFIX = re.compile(r"^(\S+(?:\s+\S+){0,2})\s+[|»›]\s+(.+)$")
_LIST_SEPARATOR = re.compile(r"\s*[|·•»]\s*|\s+/\s+")
# Words a page sets as its site name that name no site: a hosting service's label, a kind of
# page, a section. Compared without case, spaces or dots ("U.S." is "us").
_GENERIC_SITE_NAMES = frozenset(
    {
        "home", "homepage", "hosted", "index", "default", "main", "site", "website", "web",
        "online", "portal", "page", "article", "articles", "story", "stories", "blog", "news",
        "latestnews", "breakingnews", "topstories", "untitled", "world", "us", "uk", "nation",
        "national", "international", "local", "politics", "business", "sport", "sports",
        "tech", "technology", "science", "health", "entertainment", "opinion", "lifestyle",
        "culture", "arts", "travel", "video", "videos", "photos", "markets", "finance",
        "economy", "weather",
    }
)  # fmt: skip


@dataclass(slots=True)
class PageMeta:
    """What the page says about its article, each field None or empty when unknown."""

    title: str | None = None
    url: str | None = None  # the page's own address: its canonical link, else og:url
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    original_source: str | None = None
    language: str | None = None
    page_type: str | None = None  # og:type or the JSON-LD @type of the main entity
    article_data: bool = False  # the page declares an article in JSON-LD or og:type


def read_meta(tree: lxml.html.HtmlElement, url: str | None) -> PageMeta:
    """Every metadata field of a parsed page, each from its best signal."""
    tags = _meta_tags(tree)
    ld, ld_by_id = _json_ld(tree)
    meta = PageMeta()
    meta.page_type = tags.get("og:type") or (str(ld.get("@type")) if ld else None)
    meta.article_data = bool(ld) or (tags.get("og:type") or "").lower() == "article"
    meta.publisher = _publisher(tags, ld, ld_by_id)
    meta.title = _title(tree, tags, ld, meta.publisher)
    if meta.publisher and meta.title and _is_headline(meta.publisher, meta.title):
        meta.publisher = None  # a site that sets the headline as its name has named none
    meta.url = _own_url(tree, tags)
    people, agencies = _ld_people(ld)
    visible = byline_authors(tree)
    tagged = _split_meta_authors(tags)
    meta.authors = visible.authors or people or clean_authors(tagged)
    agencies += [a for raw in tagged for a in agencies_in(raw)]
    agency = visible.agency or (agencies[0] if agencies else None)
    meta.original_source = agency if agency != meta.publisher else None
    meta.published = published_date(tree, tags, ld, url)
    meta.language = _language(tree, tags)
    return meta


def _is_headline(name: str, title: str) -> bool:
    """A "site name" that is the headline: four words or more, nearly all of them the title's."""
    return len(name.split()) >= 4 and _overlap(name, title) >= 0.8


def _own_url(tree: lxml.html.HtmlElement, tags: dict[str, str]) -> str | None:
    """The address the page gives itself: `<link rel="canonical">`, else `og:url`; absolute
    http(s) addresses only (a relative one needs the fetch address to mean anything)."""
    candidates = [
        link.get("href")
        for link in tree.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    candidates.append(tags.get("og:url"))
    for candidate in candidates:
        value = (candidate or "").strip()
        if _ABSOLUTE_URL.match(value) and not any(c.isspace() for c in value):
            return value
    return None


_ABSOLUTE_URL = re.compile(r"^https?://[^/\s]+\.[^/\s]+", re.IGNORECASE)


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """`<meta>` name/property -> content, lower-cased keys, first occurrence wins."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), " ".join(content.split()))
    return tags


def _json_ld(tree: lxml.html.HtmlElement) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The JSON-LD object describing the article ({} if the page declares none), and every
    JSON-LD object with an `@id`, by id: a `@graph` names the publisher once and points to it."""
    article: dict[str, Any] = {}
    by_id: dict[str, dict[str, Any]] = {}
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            text = script.text.strip().rstrip(";")
            check_json_depth(text)  # a block nested past the bound is ignored, not the page
            data = json.loads(text)
        except (ValueError, RecursionError, LimitExceeded):
            continue
        for item in _ld_items(data):
            if isinstance(item.get("@id"), str) and len(item) > 1:
                by_id.setdefault(item["@id"], item)
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if not article and any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in names):
                article = item
    return article, by_id


def _ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _ld_items(data[key], depth + 1)


def _ld_people(ld: dict[str, Any]) -> tuple[list[str], list[str]]:
    """JSON-LD authors split into people and wire agencies; other organisations dropped."""
    raw = ld.get("author") or ld.get("creator") or []
    entries = raw if isinstance(raw, list) else [raw]
    names: list[str] = []
    agencies: list[str] = []
    for entry in entries:
        if isinstance(entry, dict):
            name, kind = entry.get("name"), str(entry.get("@type") or "Person")
        else:
            name, kind = entry, "Person"
        if not isinstance(name, str):
            continue
        agency = normalise_agency(name)
        if agency:
            agencies.append(agency)
        elif kind == "Person":
            names.append(name)
    return clean_authors(names), agencies


def _split_meta_authors(tags: dict[str, str]) -> list[str]:
    for key in (
        "author",
        "article:author",
        "dc.creator",
        "byl",
        "sailthru.author",
        "parsely-author",
    ):
        value = tags.get(key)
        if value and not value.startswith("http"):
            return [value]
    return []


def _publisher(
    tags: dict[str, str],
    ld: dict[str, Any],
    ld_by_id: dict[str, dict[str, Any]],
) -> str | None:
    """The site's name: og:site_name, else the JSON-LD publisher, else the application name,
    each only if it reads as a name (`site_name`)."""
    publisher = ld.get("publisher") if ld else None
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and "name" not in publisher:
        publisher = ld_by_id.get(str(publisher.get("@id")), publisher)
    name = publisher.get("name") if isinstance(publisher, dict) else publisher
    for candidate in (tags.get("og:site_name"), name, tags.get("application-name")):
        if isinstance(candidate, str) and (found := site_name(candidate)):
            return found
    return None


def site_name(candidate: str) -> str | None:
    """The candidate if it names a site, else None: not a URL or handle, not a generic word
    ("Hosted", "News", "U.S."), not a list of sections.

    >>> site_name("The Coastal Ledger"), site_name("Hosted")
    ('The Coastal Ledger', None)
    >>> site_name("News | Sport | Weather | Travel") is None
    True
    """
    name = " ".join(candidate.split())
    if not 1 < len(name) <= 80 or _HANDLE.match(name):
        return None
    key = _name_key(name)
    if not key or key in _GENERIC_SITE_NAMES:
        return None
    parts = [p for p in _LIST_SEPARATOR.split(name) if p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts):
        return None  # "Autoracing | F1 | Indy | MotoGP": the site's sections, not its name
    return name


def _name_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


def _title(
    tree: lxml.html.HtmlElement, tags: dict[str, str], ld: dict[str, Any], site: str | None
) -> str | None:
    """The headline: the page's `h1` where it agrees with the declared title, else the
    declared title without the site name sites append to it. Text only: the code of a script
    inside the heading or markup written into the declared title is no part of it."""
    title_element = tree.find(".//title")
    candidates = (
        tags.get("og:title"),
        _str(ld.get("headline")),
        tags.get("twitter:title"),
        text_of(title_element) if title_element is not None else None,
    )
    declared = next((c for c in map(strip_markup, filter(None, candidates)) if c), None)
    headings = [text_of(h) for h in tree.iter("h1")][:5]
    if declared:
        for heading in headings:
            if heading and _overlap(heading, declared) >= 0.8:
                return _strip_section(heading)
        return _strip_section(_strip_site(declared, site))
    return _strip_section(headings[0]) if len(headings) == 1 and headings[0] else None


def _strip_section(title: str) -> str:
    """The headline without a section name set before it ("Local News | Port reopens",
    "Politics » Vote delayed"): a short first part (three words at most) before a bar or
    guillemet, with a headline of four words or more after it. A colon is no such mark:
    headlines use it themselves ("Poll: Voters ...")."""
    match = _SECTION_PREFIX.match(title)
    if match and len(match.group(2).split()) >= 4:
        return match.group(2)
    return title


def _strip_site(title: str, site: str | None) -> str:
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    site_words = set(re.findall(r"\w+", (site or "").lower()))
    kept = [
        p for p in parts if not (site_words and set(re.findall(r"\w+", p.lower())) <= site_words)
    ]
    if kept and len(kept) < len(parts):
        return " - ".join(kept) if len(kept) > 1 else kept[0]
    longest = max(parts, key=len)
    return longest if len(longest.split()) >= 4 else title


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / max(1, min(len(wa), len(wb))) if wa and wb else 0.0


def _language(tree: lxml.html.HtmlElement, tags: dict[str, str]) -> str | None:
    value = tree.get("lang") or tags.get("content-language") or tags.get("og:locale") or ""
    code = re.split(r"[-_]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _str(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


__all__ = ["PageMeta", "read_meta", "site_name"]
