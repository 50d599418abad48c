"""Time expressions resolved against a story's publication date."""

from __future__ import annotations

import pytest

from newsgraph.annotate.events.timex import resolve_date

PUBLISHED = "2019-05-03"  # a Friday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Wednesday", PUBLISHED, "2019-05-01"),
        ("on Friday", PUBLISHED, "2019-05-03"),
        ("next Tuesday", PUBLISHED, "2019-05-07"),
        ("today", PUBLISHED, "2019-05-03"),
        ("yesterday", PUBLISHED, "2019-05-02"),
        ("next week", PUBLISHED, "2019-W19"),
        ("this week", PUBLISHED, "2019-W18"),
        ("last month", PUBLISHED, "2019-04"),
        ("two weeks ago", PUBLISHED, "2019-W16"),
        ("September 29", PUBLISHED, "2018-09-29"),
        ("May 1", PUBLISHED, "2019-05-01"),
        ("March 2001", PUBLISHED, "2001-03"),
        ("in 2014", PUBLISHED, "2014"),
        ("2016-05-03T10:00:00Z", None, "2016"),
        ("in 2014", None, "2014"),
        ("next week", None, None),
        ("Wednesday", None, None),
        ("the weekend", PUBLISHED, None),
    ],
)
def test_resolve_date(text: str, published: str | None, expected: str | None) -> None:
    assert resolve_date(text, published) == expected
