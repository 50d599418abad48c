"""Speakers: the entity, or entities, a quote's source stands for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.annotate.entities import find_entities
from newsgraph.annotate.quotes import find_quotes
from newsgraph.model import Quote, Story


def _speakers(body: str) -> list[tuple[str, Quote]]:
    story = Story(id="t", body=body)
    story = replace(story, entities=find_entities(story))
    return [(story.text(q.source) if q.source else "", q) for q in find_quotes(story)]


@pytest.mark.parametrize(
    ("body", "source", "names"),
    [
        # a reciprocal word after a coordination in its own sentence (the seed's case)
        (("In the Wednesday call between Mike Pompeo and Sergey Lavrov, each accused the "
         "other's country of interfering in Venezuela."), "each", "Mike Pompeo and Sergey Lavrov"),
        # "both men" after a subject and object in the sentence before
        (("Mike Pompeo met Sergey Lavrov in Sochi on Tuesday. Both men said the talks were "
         "useful."), "Both men", "Mike Pompeo and Sergey Lavrov"),
        # "the two ministers" after a coordination
        (("Mike Pompeo and Sergey Lavrov met in Sochi. The two ministers said the talks were "
         "useful."), "The two ministers", "Mike Pompeo and Sergey Lavrov"),
        # bare "the two" and "both"
        ("Anna Berg and Peter Lund met on Monday. The two said the port would reopen.",
         "The two", "Anna Berg and Peter Lund"),
        ("Anna Berg and Peter Lund met on Monday. Both said the port would reopen.",
         "Both", "Anna Berg and Peter Lund"),
        # a coordinated source names everyone in it
        ("Anna Berg and Peter Lund said the port would reopen in May.",
         "Anna Berg and Peter Lund", "Anna Berg and Peter Lund"),
        # states stand for "both countries"
        ("Russia and China blocked the resolution. Both countries said the text was biased.",
         "Both countries", "Russia and China"),
    ],
)
def test_a_group_source_names_everyone_it_stands_for(body: str, source: str, names: str) -> None:
    quotes = [q for text, q in _speakers(body) if text == source]
    assert len(quotes) == 1
    assert quotes[0].speaker_name == names
    assert quotes[0].speaker is None  # no one of them said it alone


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # an indefinite number is new people, not the ones named before
        ("Anna Berg and Peter Lund met on Monday. Two officials said the port would reopen.",
         "Two officials"),
        # "both" with three people named and no coordination of two: unclear
        (("Anna Berg spoke to Peter Lund while John Nord waited outside. Both said the port "
         "would reopen."), "Both"),
    ],
)
def test_a_plural_source_with_no_clear_antecedent_stays_unresolved(body: str, source: str) -> None:
    quotes = [q for text, q in _speakers(body) if text == source]
    assert len(quotes) == 1
    assert quotes[0].speaker is None
    assert quotes[0].speaker_name == source
