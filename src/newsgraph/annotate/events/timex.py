"""When an event happened: time expressions resolved against the story's publication date.

News dates events relative to the day it is written: "on Wednesday", "next week",
"yesterday", "last month". Those only mean a date once the publication date is known, so
`resolve_date` takes it as the anchor. Dates are ISO-8601 at the precision the text gives:
a day ("2019-05-01"), an ISO week ("2019-W19"), a month ("2019-05") or a year ("2014").
Without an anchor only absolute expressions resolve.

>>> resolve_date("Wednesday", "2019-05-03")
'2019-05-01'
>>> resolve_date("Wednesday", "2019-05-03", future=True)  # "they will meet on Wednesday"
'2019-05-08'
>>> resolve_date("next week", "2019-05-03")
'2019-W19'
>>> resolve_date("in 2014", None)
'2014'
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

if TYPE_CHECKING:
    from spacy.tokens import Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_MONTH_RE = "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_MONTH_DAY = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({_MONTH_RE})\.?|({_MONTH_RE})\.?\s+(\d{{1,2}})(?!\d))(?:,?\s+(\d{{4}}))?\b"
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(day|week|month|year)s?\s+ago\b")


def parse_published(published: str | None) -> date | None:
    """The publication date of a story, from its ISO-8601 date or datetime."""
    if not published:
        return None
    try:
        return dateparser.isoparse(published).date()
    except ValueError:
        return None


def resolve_date(text: str, published: str | date | None, future: bool = False) -> str | None:
    """The ISO-8601 date a time expression names, anchored on the publication date.

    A bare weekday is the one before the anchor, unless `future` (the verb it dates is in
    a future tense: `is_future`), when it is the coming one.
    """
    anchor = parse_published(published) if isinstance(published, str | None) else published
    lowered = text.lower().strip()
    absolute = _absolute(lowered, anchor)
    if absolute is not None or anchor is None:
        return absolute
    return _relative(lowered, anchor, future)


# Auxiliaries that put a verb in the future: "will meet", "'ll meet", "shall meet".
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})


def is_future(verb: Token) -> bool:
    """Whether a verb speaks of what is still to come: "will meet", "is going to meet",
    "is meeting" (a present progressive names an arrangement), "is to meet"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _FUTURE_AUX for c in aux):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ == "going" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in head.children
    ):
        return True
    if verb.dep_ == "xcomp" and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
        return True  # "is to meet"
    return verb.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in aux)


def _absolute(text: str, anchor: date | None) -> str | None:
    match = _MONTH_DAY.search(text)
    if match:
        day = match.group(1) or match.group(4)
        month = match.group(2) or match.group(3)
        year = match.group(5)
        if year is None and anchor is None:
            return None
        default = anchor or date(int(year or 2000), 1, 1)
        try:
            found = dateparser.parse(f"{day} {month} {year or default.year}").date()
        except (ValueError, OverflowError):
            return None
        if year is None and anchor is not None and found > anchor + timedelta(days=31):
            found = found.replace(year=found.year - 1)  # "on September 29" in a January story
        return found.isoformat()
    match = _MONTH_YEAR.search(text)
    if match:
        month = _month_number(match.group(1))
        return f"{match.group(2)}-{month:02d}" if month else match.group(2)
    match = _YEAR.search(text)
    if match:
        return match.group(1)
    for number, name in enumerate(MONTHS, 1):
        if re.search(rf"\b{name}\b", text) and anchor is not None:
            year = anchor.year if number <= anchor.month else anchor.year - 1
            if "next" in text:
                year = anchor.year if number > anchor.month else anchor.year + 1
            return f"{year}-{number:02d}"
    return None


def _month_number(name: str) -> int | None:
    for number, month in enumerate(MONTHS, 1):
        if month.startswith(name[:3]):
            return number
    return None


def _relative(text: str, anchor: date, future: bool = False) -> str | None:
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", text):
        return anchor.isoformat()
    if "yesterday" in text:
        return (anchor - timedelta(days=1)).isoformat()
    if "tomorrow" in text:
        return (anchor + timedelta(days=1)).isoformat()
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            offset = (anchor.weekday() - number) % 7
            if "next" in text:
                return (anchor + timedelta(days=(number - anchor.weekday()) % 7 or 7)).isoformat()
            if future and "last" not in text:
                return (anchor + timedelta(days=(number - anchor.weekday()) % 7)).isoformat()
            return (anchor - timedelta(days=offset)).isoformat()
    match = _AGO.search(text)
    if match:
        amount = int(match.group(1)) if match.group(1).isdigit() else _NUMBERS[match.group(1)]
        moved = anchor - relativedelta(**{_UNITS[match.group(2)]: amount})
        return _at_precision(moved, match.group(2))
    for unit in ("week", "month", "year"):
        if re.search(rf"\b(this|next|last|past|coming)\s+{unit}(end)?\b", text):
            step = 1 if re.search(rf"\b(next|coming)\s+{unit}", text) else 0
            step = -1 if re.search(rf"\b(last|past)\s+{unit}", text) else step
            return _at_precision(anchor + relativedelta(**{_UNITS[unit]: step}), unit)
    return None


def _at_precision(day: date, unit: str) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


__all__ = ["is_future", "parse_published", "resolve_date"]
