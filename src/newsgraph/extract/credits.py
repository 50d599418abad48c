"""Metadata that stories carry in their own text: dateline, byline, credit lines, publisher.

Each parser takes one line (or the lead paragraph) and returns what it says, or None. They
are pure functions so the furniture remover and the HTML extractor share them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from newsgraph.extract.agencies import AGENCY_PATTERN, agencies_in, normalise_agency
from newsgraph.model import Contributor, Dateline


def _upper_letters() -> str:
    """Every uppercase letter of the Basic Multilingual Plane as ranges for a character class
    ("A-Z", "À-Ö", "А-Я", ...): `re` has no \\p{Lu}, and datelines are written in capitals in
    every cased script ("МОСКВА —", "SÃO PAULO (Reuters) —", "ΑΘΗΝΑ —")."""
    ranges: list[str] = []
    start = previous = -2
    for code in range(0x10000):
        if not chr(code).isupper():
            continue
        if code != previous + 1:
            if start >= 0:
                ranges.append(_class_range(start, previous))
            start = code
        previous = code
    ranges.append(_class_range(start, previous))
    return "".join(ranges)


def _class_range(first: int, last: int) -> str:
    return chr(first) if first == last else f"{chr(first)}-{chr(last)}"


_UP = _upper_letters()
_LETTER = r"[^\W\d_]"
_DASH = r"[—–―-]{1,2}"
# The date some agencies (UPI) set after the place: "FLINT, Mich., Oct. 4 (UPI) —".
_DATE_AFTER_PLACE = (
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
)
# A capitalised place; after a comma, its region or state in any case ("SPRINGFIELD, Ill.").
_UPPER_PLACE = rf"[{_UP}][{_UP}.'’\- ]{{1,40}}?(?:,\s*[{_UP}](?:{_LETTER}|[.'’\- ]){{1,30}}?)?"
_TITLE_PLACE = rf"[{_UP}][\w.'’\-]+(?: [{_UP}][\w.'’\-]+){{0,3}}(?:,\s*[{_UP}][\w.'’\- ]{{1,30}}?)?"
_AGENCY_PAREN = rf"\(\s*(?P<agency>{AGENCY_PATTERN})\s*\)"

# "MOSCOW (AP) —", "WASHINGTON (Reuters) -", "LONDON —", "NEW YORK, N.Y. (AP) —"
_DATELINE_UPPER = re.compile(
    rf"^(?P<place>{_UPPER_PLACE}){_DATE_AFTER_PLACE}\s*(?:{_AGENCY_PAREN})?\s*{_DASH}\s+"
)
# "Washington (AFP) –": a title-case place needs the agency to count as a dateline.
_DATELINE_TITLE = re.compile(
    rf"^(?P<place>{_TITLE_PLACE}){_DATE_AFTER_PLACE}\s*{_AGENCY_PAREN}\s*{_DASH}\s+"
)

_NAME = r"[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|de|van|von|al|bin|da|di|la|le)){0,4}"
# The line must end where a credit ends: "... contributed (reporting) (to this story)."
_CONTRIBUTED = re.compile(
    r"^(?P<who>.{3,200}?)\s+contributed(?:\s+(?:reporting|research|additional\s+reporting))?"
    r"(?:\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article|coverage|piece))?"
    r"(?:\s+from\s+[A-Z][\w ,.'’-]{1,40}?)?\s*\.?$",
    re.IGNORECASE,
)
_REPORTING_BY = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|contributing)(?:\s+by\s+|\s*:\s*)(?P<who>.+?)\)?\.?$",
    re.IGNORECASE,
)
# A credit names people and places; a sentence that merely uses "contributed" has verbs.
_CLAUSE_WORDS = re.compile(r"\b(?:says?|said|that|who|which|never|has|have|had|was|were|is|are)\b", re.IGNORECASE)
_PERSON_IN_PLACE = re.compile(rf"(?P<name>{_NAME})(?:\s+(?:in|from)\s+(?P<place>{_TITLE_PLACE}))?")
_BYLINE = re.compile(r"^(?:by|written by)\s+(?P<who>[A-Z].{1,150})$", re.IGNORECASE)
_JOB_WORDS = re.compile(
    r"\b(?:writers?|reporters?|correspondents?|staff|editors?|journalists?|news|press|agency)\b",
    re.IGNORECASE,
)


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_LINE = re.compile(
    rf"^(?P<label>(?:first\s+)?(?:published|updated|posted|last\s+updated|modified)(?:\s+on)?\s*:?\s*)?"
    rf"(?P<date>(?:[A-Za-z]+\.?,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|"
    rf"\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}})?,?\s+(?:[A-Za-z]+,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}))"
    rf"(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{{2,4}})?)?)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that only states when the story was published or updated."""

    date: str
    updated: bool


def parse_date_line(line: str) -> DateLine | None:
    """An ISO date from a "Published May 3, 2019 4:05 PM" line, or None if it is not one.

    >>> parse_date_line("Published: May 3, 2019 at 4:05 p.m. EDT")
    DateLine(date='2019-05-03', updated=False)
    >>> parse_date_line("Officials met on May 3, 2019.") is None
    True
    """
    if len(line) > 80:
        return None
    match = _DATE_LINE.match(line.strip())
    if not match:
        return None
    try:
        when = dateparser.parse(match.group("date"), fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError):
        return None
    label = (match.group("label") or "").lower()
    return DateLine(date=when.date().isoformat(), updated="updated" in label or "modified" in label)


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    agency: str | None


def parse_dateline(lead: str) -> Dateline | None:
    """The dateline at the start of a story's first paragraph, if it has one.

    >>> parse_dateline("MOSCOW (AP) — The top diplomats met.")
    Dateline(place='MOSCOW', agency='AP')
    >>> parse_dateline("Washington (AFP) – Talks resumed.")
    Dateline(place='Washington', agency='AFP')
    >>> parse_dateline("LONDON — Rain fell.")
    Dateline(place='LONDON', agency=None)
    """
    match = _DATELINE_UPPER.match(lead) or _DATELINE_TITLE.match(lead)
    if not match:
        return None
    place = match.group("place").strip(" ,")
    if len(place) < 2 or not any(c.isalpha() for c in place):
        return None
    return Dateline(place=place, agency=match.group("agency"))


def dateline_end(lead: str) -> int:
    """Where the dateline at the start of a paragraph ends (after its dash), or 0 if none.

    >>> dateline_end("MOSCOW (AP) — The top diplomats met.")
    14
    """
    match = _DATELINE_UPPER.match(lead) or _DATELINE_TITLE.match(lead)
    return match.end() if match and parse_dateline(lead) is not None else 0


def parse_contributors(line: str) -> list[Contributor] | None:
    """Contributors named by a credit line, or None if the line is not one.

    >>> parse_contributors("Matthew Lee in Washington contributed to this story.")
    [Contributor(name='Matthew Lee', place='Washington')]
    """
    lowered = line.lower()
    if len(line) > 600 or ("contribut" not in lowered and "reporting" not in lowered and "writing" not in lowered):
        return None  # the cheap test first: most lines are neither
    match = _CONTRIBUTED.match(line) or _REPORTING_BY.match(line)
    if not match or len(match.group("who").split()) > 30 or _CLAUSE_WORDS.search(match.group("who")):
        return None
    who = re.sub(rf"^(?:(?:the\s+)?(?:{AGENCY_PATTERN})\s+)?", "", match.group("who"), flags=re.IGNORECASE)
    who = _JOB_WORDS.sub(" ", who)
    people: list[Contributor] = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|;\s*", who):
        part = part.strip(" .")
        person = _PERSON_IN_PLACE.match(part)
        if person and _looks_like_name(person.group("name")):
            people.append(Contributor(name=person.group("name"), place=person.group("place")))
    return people


def parse_byline(line: str) -> Byline | None:
    """Authors (people only) and an agency from a "By ..." line.

    >>> parse_byline("By JANE DOE and JOHN ROE, Associated Press")
    Byline(authors=('Jane Doe', 'John Roe'), agency='The Associated Press')
    """
    match = _BYLINE.match(line.strip())
    if not match or len(line.split()) > 20:
        return None
    who = match.group("who").strip(" .|")
    found = agencies_in(who)
    agency = found[0] if found else None
    who = re.sub(rf"(?<![\w-])(?:the\s+)?(?:{AGENCY_PATTERN})(?![\w-])", " ", who, flags=re.IGNORECASE)
    who = re.split(r"\s+[|•·]\s+|\s+(?:updated|published|posted)\b", who, flags=re.IGNORECASE)[0]
    authors: list[str] = []
    parts = [
        re.sub(r"\s+", " ", _JOB_WORDS.sub(" ", part)).strip(" .,")
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", who)
    ]
    # "By Jane Doe, NEW YORK": beside names in mixed case, a part in capitals is the dateline.
    mixed_case = any(p != p.upper() and _looks_like_name(p) for p in parts)
    for part in parts:
        if mixed_case and part.isupper():
            continue
        if _looks_like_name(part):
            authors.append(_fix_case(part))
    if not authors and agency is None:
        return None
    return Byline(authors=tuple(authors), agency=agency)


def publisher_from_disclaimer(line: str) -> str | None:
    """The site that republished the story, as its disclaimer names it.

    >>> publisher_from_disclaimer("The Daily Example has not reviewed this story before publication.")
    'The Daily Example'
    """
    org = r"(?P<org>(?:The\s+)?[A-Z][\w&'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.\-]*){0,5})"
    for pattern in (
        rf"^{org}\s+(?:has|have|did)\s+not\s+(?:reviewed|edited|verified)",
        rf"\bas\s+a\s+service\s+(?:from|of|by)\s+{org}",
        rf"\bnot\s+(?:necessarily\s+)?(?:reflect|represent)\s+(?:the\s+views\s+of\s+)?{org}",
    ):
        match = re.search(pattern, line)
        if match and not normalise_agency(match.group("org")):
            return match.group("org").strip()
    return None


def original_from_disclaimer(line: str, publisher: str | None) -> str | None:
    """The outlet that wrote a syndicated story, as a republisher's note names it."""
    org = r"(?P<org>(?:The\s+)?[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,5})"
    match = re.search(
        rf"\b(?:originally\s+(?:appeared|published|ran)\s+(?:on|in|at|by)|republished\s+"
        rf"(?:here\s+)?with\s+permission\s+(?:from|of)|courtesy\s+of)\s+{org}",
        line,
    )
    if match:
        return normalise_agency(match.group("org")) or match.group("org").strip()
    for agency in agencies_in(line):
        if agency != publisher:
            return agency
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    return all(w[0].isupper() or w.lower() in {"de", "van", "von", "al", "bin", "da"} for w in words)


def _fix_case(name: str) -> str:
    """ALL-CAPS bylines ("JANE DOE") become "Jane Doe"; mixed case is kept."""
    if name.isupper():
        return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in name.split())
    return name


__all__ = [
    "Byline",
    "DateLine",
    "dateline_end",
    "original_from_disclaimer",
    "parse_byline",
    "parse_contributors",
    "parse_date_line",
    "parse_dateline",
    "publisher_from_disclaimer",
]
