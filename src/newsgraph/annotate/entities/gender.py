"""What a person entity's name and titles say about which personal pronoun fits them.

A reader who meets "Hillary Clinton ... he said" does not look for the speaker in Clinton:
the given name tells. Given names come from gender-guesser's name list (Jörg Michael's
dictionary of about 45,000 names, shipped in the package); an honorific ("Mr.", "Mrs.") or
a word of the role ("spokeswoman", "congressman") tells too and wins over the name. The
answer is "male", "female" or None; `strength` says whether a name's reading is firm
("Norman") or only a lean ("Bernie" is mostly female in the list), which the pronoun
resolver weighs less than a pronoun the story itself used of that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

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


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as gender_guesser

    return gender_guesser.Detector(case_sensitive=False)


def given_name_gender(name: str) -> tuple[str | None, bool]:
    """The gender a name's first word usually has, and whether firmly: ("male", True) for
    "Norman Ham", ("female", False) for "Bernie Sanders", (None, False) for "Rakeyia" or a
    one-word name (a surname says nothing)."""
    words = [w for w in name.replace(".", " ").split() if w[:1].isalpha()]
    if len(words) < 2 or len(words[0]) < 2:
        return None, False
    guess = _detector().get_gender(words[0])
    if guess in (MALE, FEMALE):
        return guess, True
    if guess.startswith("mostly_"):
        return guess.removeprefix("mostly_"), False
    return None, False


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
