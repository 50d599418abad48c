"""What a person entity's name and titles say about which personal pronoun fits them.

A reader who meets "Hillary Clinton ... he said" does not look for the speaker in Clinton:
the given name tells. Given names come from `given_names` (54,000 names with the share of
their bearers who are women, from nomquamgender's sources); an honorific ("Mr.", "Mrs.") or
a word of the role ("spokeswoman", "congressman") tells too and wins over the name. The
answer is "male", "female" or None; `strength` says whether a name's reading is firm
("Norman", 0.1% women) or only a lean ("Bernie", 15%), which the pronoun
resolver weighs less than a pronoun the story itself used of that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.annotate.entities.given_names import female_share

MALE, FEMALE = "male", "female"

_HONORIFICS = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "sir": MALE,
               "lady": FEMALE, "lord": MALE, "madam": FEMALE}
_ROLE_WORDS = {
    **dict.fromkeys(("spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mother",
                     "wife", "daughter", "sister", "actress", "queen", "princess", "widow",
                     "grandmother", "aunt", "niece", "girlfriend", "first lady", "duchess",
                     "councilwoman", "anchorwoman", "stepdaughter", "mrs"), FEMALE),
    **dict.fromkeys(("spokesman", "congressman", "businessman", "father", "husband", "son",
                     "brother", "actor", "king", "prince", "widower", "grandfather", "uncle",
                     "nephew", "boyfriend", "duke", "councilman", "anchorman", "stepson",
                     "mr"), MALE),
}
_WORD = re.compile(r"[a-z]+(?: lady)?")


# A share of women at least FIRM from even (1:1) is a firm reading; at least LEAN, a lean.
FIRM, LEAN = 0.4, 0.2


def given_name_gender(name: str) -> tuple[str | None, bool]:
    """The gender a name's first word usually has, and whether firmly: ("male", True) for
    "Norman Ham", ("male", False) for "Bernie Sanders", (None, False) for "Jean Smith" (as
    many women as men), "Rakeyia Scott" (unattested) or a one-word name (a surname says
    nothing)."""
    words = [w for w in name.replace(".", " ").split() if w[:1].isalpha()]
    if len(words) < 2 or len(words[0]) < 2:
        return None, False
    share = female_share(words[0])
    if share is None or abs(share - 0.5) < LEAN:
        return None, False
    return (FEMALE if share > 0.5 else MALE), abs(share - 0.5) >= FIRM


def title_gender(words: Iterable[str]) -> str | None:
    """The gender an honorific or a role word says ("Mrs.", "spokeswoman"), else None."""
    found: set[str] = set()
    for text in words:
        lowered = text.lower().replace(".", "")
        for word in _WORD.findall(lowered):
            gender = _HONORIFICS.get(word) or _ROLE_WORDS.get(word)
            if gender:
                found.add(gender)
    return found.pop() if len(found) == 1 else None


def pronoun_gender(word: str) -> str | None:
    """"he", "him", "his", "himself" are male; "she", "her", "hers", "herself" female."""
    return _PRONOUNS.get(word.lower())


_PRONOUNS = {**dict.fromkeys(("he", "him", "his", "himself"), MALE),
             **dict.fromkeys(("she", "her", "hers", "herself"), FEMALE)}

__all__ = ["FEMALE", "MALE", "given_name_gender", "pronoun_gender", "title_gender"]
