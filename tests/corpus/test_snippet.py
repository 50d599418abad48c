"""Search snippets: the words around the first term found, every term in [brackets]."""

from __future__ import annotations

import pytest

from newsgraph.corpus.queries import snippet


@pytest.mark.parametrize(
    ("body", "terms", "words", "expected"),
    [
        ("The ferry left at noon and the harbour closed.", ["harbour"], 4,
         "…and the [harbour] closed."),
        ("The ferry left at noon and the harbour closed.", ["zzz"], 4, "The ferry left at…"),
        # The first of several terms leads; whitespace, paragraph breaks included, is one space.
        ("“Norway”  will\n\nnot accept it, said the Norwegian minister in Oslo.",
         ["oslo", "norway"], 6, "“[Norway]” will not accept it, said…"),
        # Each term is marked in turn, so a term inside a phrase is marked inside it too.
        ("The Security Council met. The council said no.", ["security council", "council"], 16,
         "The [Security [Council]] met. The [council] said no."),
        ("Ça va, dit-il à Paris.", ["ça"], 4, "[Ça] va, dit-il à…"),
        ("Talks on talking.", ["talk"], 16, "Talks on talking."),
    ],
)
def test_snippet(body: str, terms: list[str], words: int, expected: str) -> None:
    assert snippet(body, terms, words) == expected
