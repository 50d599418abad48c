"""Authors of a story: people only, from the byline readers see or the page's metadata.

Pages name many things as "author": the site, a desk ("Staff"), an agency, a URL, a
timestamp ("Minutes Ago"), every writer in a sidebar. Only the byline of the article counts
(an element marked as byline or author, outside asides, footers and comment sections), and
every candidate must look like a person's name; an agency goes to `original_source`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import lxml.html
from lxml import etree

from newsgraph.extract.agencies import agencies_in, normalise_agency
from newsgraph.extract.credits import parse_byline
from newsgraph.extract.dom import visible_text_nodes

_BYLINE_MARK = re.compile(
    r"byline|author|autor|auteur|verfasser|writer|reporter|contributor", re.IGNORECASE
)
_NOT_BYLINE = re.compile(
    r"bio|avatar|image|photo|img|related|recommend|comment|more-|-more|popular|social|follow|share|"
    r"newsletter|footer|sidebar|widget|list|card|profile-link",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:agency|university|institute|association|ministry|department|council|organi[sz]ation|"
    r"company|corporation|foundation|society|laboratory|college|school)\b",
    re.IGNORECASE,
)
# "By" and "and" as bylines write them in the languages newsgraph meets most.
_BY = re.compile(
    r"^(?:by|written by|posted by|von|par|por|di|door|av|af|przez|от|автор)\s*:?\s+", re.IGNORECASE
)
# A one-word label before the names: "Autor: …", "Text: …", "Reporter: …".
_LABEL = re.compile(r"^\w{2,15}\s*:\s*")
_AND = re.compile(r"\s+(?:and|und|et|y|e|en|och|og|i|и|ve)\s+")
_BY_ONLY = re.compile(
    r"^(?:by|and|&|,|written by|posted by|von|par|por|di|door|av)\s*:?$", re.IGNORECASE
)
_WEEKDAY_OR_MONTH = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|"
    r"july|august|september|october|november|december"
)
# Boxes of other stories; not "sidebar" (layouts put the article's own byline in a side
# column) nor "promo" ("header--no-promo").
_WIDGET = re.compile(
    r"card|related|recommend|widget|popular|trending|comment|teaser", re.IGNORECASE
)
_AWAY = frozenset({"aside", "footer", "nav", "form", "noscript", "figure", "figcaption"})
_NOT_A_NAME = re.compile(
    r"\d|@|https?:|www\.|\s-\s|\b(?:ago|updated|published|posted|min(?:ute)?s?|hours?|read|staff|desk|"
    r"team|editors?|editorial|news|press|media|online|admin|contributors?|guest|agency|newsroom|"
    r"correspondent|reporter|writer|columnist|photographer|wire|services?|inc|ltd|llc|group|"
    r"magazine|times|post|daily|journal|tribune|herald|gazette|view|more|articles?|stories|"
    r"profile|follow|national|political|security|senior|chief|business|sports|science|"
    r"health|technology|entertainment|investigative|politics|today|about|usa|"
    rf"{_WEEKDAY_OR_MONTH})\b",
    re.IGNORECASE,
)
# A name does not start with these: "The Editors", "No Author", "Unknown Writer".
_NOT_A_FIRST_WORD = frozenset(
    {"the", "a", "an", "our", "your", "no", "unknown", "anonymous", "not", "none", "n/a"}
)
# Outlet names sites print after the author's name ("Kevin McCoy USA TODAY").
_TRAILING_CAPS = re.compile(r"(?:\s+[A-Z]{2,}\.?)+$")
_OUTLET_WORD = r"(?:Today|News|Times|Post|Journal|Herald|Tribune|Gazette)"


@dataclass(frozen=True, slots=True)
class VisibleByline:
    authors: list[str]
    agency: str | None


def byline_authors(tree: lxml.html.HtmlElement, max_candidates: int = 12) -> VisibleByline:
    """People named by the article's visible byline, and an agency if it credits one.

    Co-authors set in elements of their own (`<span class="author">A</span> and <span
    class="author">B</span>`) are the same byline: after the first, candidates in the same
    box (the first one's parent or grandparent) add their people."""
    seen = 0
    found: VisibleByline | None = None
    box: set[int] = set()
    near: list[lxml.html.HtmlElement | None] = []
    for element in _byline_elements(tree):
        seen += 1
        if seen > max_candidates:
            break
        if found is not None and not box.intersection(id(a) for a in element.iterancestors()):
            continue
        text = _byline_text(element)
        if not 2 <= len(text) <= 160:
            continue
        byline = parse_byline(f"By {text}")
        agency = byline.agency if byline else None
        people = clean_authors(byline.authors) if byline else []
        if found is None and (people or agency):
            found = VisibleByline(people, agency)
            parent = element.getparent()
            near = [parent, parent.getparent() if parent is not None else None]
            box = {id(a) for a in near if a is not None}  # `near` keeps the ids valid
        elif found is not None:
            found.authors.extend(p for p in people if p not in found.authors)
    return found or VisibleByline([], None)


def _byline_text(element: lxml.html.HtmlElement) -> str:
    """The byline's pieces joined with commas: markup separates what the text runs together
    ("Meg James" + "Staff", "Jeff Foust" + "Monday"); pieces naming an institution go."""
    pieces = [" ".join(t.split()) for t in visible_text_nodes(element)]
    pieces = [p.strip(" ,|·•") for p in pieces]
    kept = [p for p in pieces if p and not _INSTITUTION.search(p) and not _BY_ONLY.match(p)]
    text = _AND.sub(", ", ", ".join(kept))
    return _LABEL.sub("", _BY.sub("", text))


_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
# Elements with a byline word in a class, id, rel or itemprop, found by XPath in C in
# document order (a Python walk over every element cost more than the rest of the byline
# search); `_BYLINE_MARK` then checks the same words properly.
_MARKED = etree.XPath(
    ".//*["
    + " or ".join(
        f"contains(translate(@{attribute}, '{_UPPER}', '{_LOWER}'), '{word}')"
        for attribute in ("class", "id", "rel", "itemprop")
        for word in ("byline", "author", "autor", "auteur", "verfasser", "writer", "reporter",
                     "contributor")
    )
    + "]"
)  # fmt: skip


def _byline_elements(tree: lxml.html.HtmlElement) -> Iterable[lxml.html.HtmlElement]:
    body = tree.find("body")
    for element in _MARKED(body if body is not None else tree):
        marks = " ".join(
            filter(
                None,
                (
                    element.get("class"),
                    element.get("id"),
                    element.get("rel"),
                    element.get("itemprop"),
                ),
            )
        )
        if not marks or not _BYLINE_MARK.search(marks) or _NOT_BYLINE.search(marks):
            continue
        if element.tag in ("meta", "link", "script", "img"):
            continue
        if any(a.tag in _AWAY for a in element.iterancestors()) or _in_widget(element):
            continue
        yield element


def _in_widget(element: lxml.html.HtmlElement, levels: int = 3) -> bool:
    """Inside a card, a related-stories box or a comment: other people's names live there."""
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= levels:
            return False
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if _WIDGET.search(marks):
            return True
    return False


def clean_authors(names: Iterable[str]) -> list[str]:
    """Names that are people, split where one string holds several, in order, each once.

    >>> clean_authors(["Jane Doe and John Roe", "Associated Press", "Minutes Ago", "Jane Doe"])
    ['Jane Doe', 'John Roe']
    """
    people: list[str] = []
    for raw in names:
        for part in re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", raw.strip()):
            name = _tidy_name(re.sub(r"(?i)^by\s+", "", part).strip(" .·•-–—"))
            if _is_person(name) and name not in people:
                people.append(name)
    return people


def _tidy_name(name: str) -> str:
    """ALL-CAPS names in title case, an outlet after a mixed-case name cut, a doubled name once."""
    words = name.split()
    if (
        len(words) >= 4
        and len(words) % 2 == 0
        and words[: len(words) // 2] == words[len(words) // 2 :]
    ):
        name = " ".join(words[: len(words) // 2])
    if not name.isupper():
        for pattern in (rf"(?:\s+[A-Z][\w.]*){{{n}}}\s+{_OUTLET_WORD}$" for n in (2, 1, 0)):
            trimmed = re.sub(pattern, "", name)
            if trimmed != name and len(trimmed.split()) >= 2:
                name = trimmed
                break
        trimmed = _TRAILING_CAPS.sub("", name)
        name = trimmed if len(trimmed.split()) >= 2 else name
    else:
        name = " ".join(w.capitalize() for w in name.split())
    return name


def _is_person(name: str) -> bool:
    """Two to five words, capitalised where the script has case, no digits, no org words."""
    words = name.split()
    if not 2 <= len(words) <= 5 or len(name) > 60:
        return False
    if _NOT_A_NAME.search(name) or normalise_agency(name) or agencies_in(name):
        return False
    if words[0].lower() in _NOT_A_FIRST_WORD or ":" in name:
        return False
    cased = [w for w in words if w[:1].isalpha() and w[:1].lower() != w[:1].upper()]
    if any(len(w) >= 4 and w.isupper() for w in cased) and not name.isupper():
        return False  # an acronym among names: "PMJS Coordenadoria"
    particles = {
        "de",
        "da",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "du",
        "al",
        "bin",
        "y",
        "dos",
        "das",
    }
    return all(w[:1].isupper() or w.lower() in particles for w in cased)


__all__ = ["VisibleByline", "byline_authors", "clean_authors"]
