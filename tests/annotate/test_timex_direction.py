"""A bare weekday is resolved in the direction the verb's tense gives."""

from __future__ import annotations

import pytest

from newsgraph.annotate.entities.nlp import parse
from newsgraph.annotate.events.timex import is_future, resolve_date
from newsgraph.model import Story
from newsgraph.pipeline import annotate_story

PUBLISHED = "2019-05-03"  # a Friday


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Wednesday", False, "2019-05-01"),
        ("Wednesday", True, "2019-05-08"),
        ("on Friday", True, "2019-05-03"),
        ("next Tuesday", True, "2019-05-07"),
        ("last Wednesday", True, "2019-05-01"),
        ("yesterday", True, "2019-05-02"),
    ],
)
def test_direction(text: str, future: bool, expected: str) -> None:
    assert resolve_date(text, PUBLISHED, future=future) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "future"),
    [
        ("The ministers will meet on Friday.", "meet", True),
        ("The ministers are meeting on Friday.", "meeting", True),
        ("They are going to sign the deal on Monday.", "sign", True),
        ("The leaders are to meet on Tuesday.", "meet", True),
        ("The ministers met on Friday.", "met", False),
        ("The ministers were meeting on Friday.", "meeting", False),
        ("The ministers have met on Friday.", "met", False),
    ],
)
def test_is_future(sentence: str, verb: str, future: bool) -> None:
    token = next(t for t in parse(sentence) if t.text == verb)
    assert is_future(token) is future


def test_a_scheduled_meeting_is_dated_to_the_coming_weekday() -> None:
    said = "Norway's foreign minister {} Iceland's prime minister in Oslo on Wednesday to discuss fishing quotas."
    ahead = annotate_story(Story(id="a", body=said.format("will meet"), published=PUBLISHED))
    past = annotate_story(Story(id="b", body=said.format("met"), published=PUBLISHED))
    assert {e.when.date for e in ahead.events if e.when} == {"2019-05-08"}
    assert {e.when.date for e in past.events if e.when} == {"2019-05-01"}
