"""Speaker names across stories: "Lavrov", "Sergey Lavrov" and "Sergei Lavrov" are one person.

Within a story the quote annotator resolves "he" and "Lavrov" to the story's fullest name;
across stories the same person is written with different transliterations, titles and
initials. A name is reduced to a key: its surname, folded (accents, case, the `-iy`/`-yy`
endings of transliterated Slavic names) and the initial of its first name. Keys with the same surname and initial are one person; a bare surname joins the most quoted
person of that surname, since "Lavrov" in a story about Russia's foreign policy is rarely a
second Lavrov. The grouping depends only on the names stored, never on the order they came.

>>> name_key("Sergei Lavrov") == name_key("Sergey Lavrov")
True
>>> name_key("Mr. Lavrov")
('lavrov', '')
>>> name_key("Donald Trump Jr.") == name_key("Donald Trump")
False
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "gen", "general", "col", "colonel", "maj", "major", "capt", "captain", "lt", "sgt", "adm", "admiral", "sen", "senator", "rep", "representative", "gov", "governor", "pres", "president", "prime", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "pope", "judge", "justice", "mayor", "ambassador", "amb", "st"]
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
# Suffixes that tell a son from his father, both quoted in one archive.
_GENERATIONS = frozenset({"jr", "sr"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase ASCII-ish form of a name part: accents and apostrophes off, the endings of
    transliterated names (-iy, -yy, -ii) made one."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"['’`-]", "", plain)
    # Zelenskiy / Zelenskyy / Zelensky; Dmitriy / Dmitry.
    plain = re.sub(r"(iy|yi|ii|yy)$", "y", plain)
    return plain


def name_key(name: str) -> tuple[str, str]:
    """(surname, first name) of a speaker's name, folded; ('', '') when it has no words."""
    words = [w for w in _WORD.findall(name.replace("'s ", " ")) if w]
    while words and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    generation = ""
    while words and words[-1].lower().rstrip(".") in _SUFFIXES:
        if words[-1].lower().rstrip(".") in _GENERATIONS:
            generation = words[-1].lower().rstrip(".")
        words = words[:-1]
    # Middle initials ("Sergey V. Lavrov") say nothing the surname does not.
    words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]] if len(words) > 1 else words
    if not words:
        return ("", "")
    # "Donald Trump Jr." is not his father: the generation stays in the surname key.
    surname = fold(words[-1].removesuffix("'s").removesuffix("’s")) + generation
    first = fold(words[0]) if len(words) > 1 else ""
    return (surname, first)


_NOT_FIRST = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "many",
                        "most", "other", "others", "new", "all", "both", "several"})


def person_like(name: str) -> bool:
    """Whether a speaker's name with no person entity behind it reads like a person's: one to
    four capitalised words, not in capitals, opening with a known given name ("Daniel",
    "Rand Paul"); not "Officials", "Polls", "Wall Street", "DEAR ABBY" or "Hot Topics"."""
    from newsgraph.annotate.entities.gender import given_name_gender

    words = name.split()
    if not 1 <= len(words) <= 4 or name.isupper():
        return False
    if not all(w[:1].isupper() for w in words) or words[0].lower() in _NOT_FIRST:
        return False
    return given_name_gender(f"{words[0]} {words[-1]}" if len(words) > 1 else f"{name} X")[0] is not None


def person_id(surname: str, first: str) -> str:
    """The stable id of a person group: `lavrov-s`, or `lavrov` for a bare surname."""
    return f"{surname}-{first[:1]}" if first else surname


def parse_person_id(value: str) -> tuple[str, str]:
    """(surname, initial) of a person id."""
    surname, _, initial = value.partition("-")
    return (surname, initial[:1])


@dataclass(frozen=True, slots=True)
class NameCount:
    """How often one (first name, full name) pair of a surname was quoted."""

    first: str
    name: str
    count: int


def group_surname(counts: Iterable[NameCount]) -> dict[str, str]:
    """Map each first name of one surname to the initial that names its person ('' alone).

    Initials group first names; a bare surname joins the most quoted initial of the surname
    (alphabetical on a tie, so the answer never depends on order), or stays alone.
    """
    by_initial: Counter[str] = Counter()
    firsts: set[str] = set()
    for item in counts:
        firsts.add(item.first)
        if item.first:
            by_initial[item.first[:1]] += item.count
    if by_initial:
        best = min(by_initial, key=lambda initial: (-by_initial[initial], initial))
    else:
        best = ""
    mapping: dict[str, str] = {}
    for first in firsts:
        mapping[first] = first[:1] if first else best
    return mapping


__all__ = ["NameCount", "fold", "group_surname", "name_key", "parse_person_id", "person_id",
           "person_like"]
