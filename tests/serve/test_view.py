"""Laying a Story out for reading: quote runs, speaker colours, events in plain words, charts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Actor, Entity, Event, Quote, Story, When, Where
from newsgraph.serve import charts, view
from newsgraph.serve.charts import timeline_chart
from newsgraph.serve.view import (
    country_name,
    event_words,
    reader_date,
    speaker_colours,
    story_paragraphs,
)

BODY = ('"A," Ann Lee said, "and B."\n\nBo Kim said nothing.\n\n"C," said Bo Kim.')


def _story() -> Story:
    entities = (
        Entity("e1", "Ann Lee", "PERSON", role="mayor", mentions=((5, 12),)),
        Entity("e2", "Bo Kim", "PERSON", mentions=((29, 35), (61, 67))),
    )
    quotes = (
        Quote(content=((0, 4), (19, 27)), kind="direct", speaker="e1", speaker_name="Ann Lee"),
        Quote(content=((51, 55),), kind="direct", speaker="e2", speaker_name="Bo Kim"),
    )
    return Story(id="s", body=BODY, entities=entities, quotes=quotes)


def test_each_speaker_gets_one_colour_in_order_of_first_quote() -> None:
    speakers = speaker_colours(_story())
    assert [(s.name, s.colour, s.quotes, s.label) for s in speakers.values()] == [
        ("Ann Lee", 0, 1, "Ann Lee — mayor"), ("Bo Kim", 1, 1, "Bo Kim")]


def test_twelve_speakers_get_distinct_colours_and_the_rest_share_one() -> None:
    names = [f"Speaker{n} Person" for n in range(17)]
    body = "\n\n".join(f'"Words {n}," said {name}.' for n, name in enumerate(names))
    quotes = []
    for n, name in enumerate(names):
        start = body.index(f'"Words {n},"')
        quotes.append(Quote(content=((start, start + len(f'"Words {n},"')),), kind="direct",
                            speaker_name=name))
    speakers = list(speaker_colours(Story(id="s", body=body, quotes=tuple(quotes))).values())
    assert [s.name for s in speakers] == names
    assert [s.css for s in speakers[:12]] == [f"speaker-{n}" for n in range(12)]
    assert {s.css for s in speakers[12:]} == {"speaker-others"}
    css = (Path(view.__file__).parent / "static" / "style.css").read_text(encoding="utf-8")
    for name in {s.css for s in speakers}:
        assert f".{name} " in css, f"style.css has no colour for .{name}"


@pytest.mark.parametrize(("value", "shown"), [
    ("2020-04-10T17:58:15+01:00", "10 April 2020, 17:58"),
    ("2023-11-08", "8 November 2023"),
    ("2023-11-08T00:00:00", "8 November 2023"),
    ("2019-05", "May 2019"),
    ("2019", "2019"),
    ("next Tuesday", "next Tuesday"),
    (None, ""),
])
def test_dates_as_a_reader_writes_them(value: str | None, shown: str) -> None:
    assert reader_date(value) == shown


def test_paragraphs_cut_into_quote_runs_and_entity_pieces() -> None:
    story = _story()
    paragraphs = story_paragraphs(story, speaker_colours(story), link=lambda e: f"/p/{e.id}")
    assert len(paragraphs) == 3
    first = paragraphs[0]
    assert [(r.speaker.name if r.speaker else None, "".join(p.text for p in r.pieces)) for r in first] == [
        ("Ann Lee", '"A,"'), (None, " Ann Lee said, "), ("Ann Lee", '"and B."')]
    linked = [p for r in first for p in r.pieces if p.href]
    assert [(p.text, p.href) for p in linked] == [("Ann Lee", "/p/e1")]
    # Every character of the body is shown exactly once.
    shown = "\n\n".join("".join(p.text for r in par for p in r.pieces) for par in paragraphs)
    assert shown == story.body


def test_event_in_plain_words() -> None:
    body = "Lavrov will meet Pompeo next week in Rovaniemi."
    entities = (Entity("e1", "Sergey Lavrov", "PERSON", mentions=((0, 6),)),
                Entity("e2", "Mike Pompeo", "PERSON", mentions=((17, 23),)))
    event = Event(type="CONSULT", mode="meet", evidence=((0, len(body)),),
                  source=(Actor("Lavrov", "e1", "RUS", "GOV"),),
                  target=(Actor("Pompeo", "e2", "USA", "GOV"),),
                  when=When("next week"), where=Where("Rovaniemi", None, "FIN"))
    assert event_words(event, {e.id: e for e in entities}) == (
        "Russia (Sergey Lavrov) — CONSULT/meet — United States (Mike Pompeo), next week, Rovaniemi")


def test_country_names_are_short_and_never_fail() -> None:
    assert [country_name(c) for c in ("RUS", "USA", "IRN", "IGO", "XXX", None)] == [
        "Russia", "United States", "Iran", "international body", "XXX", None]


def test_timeline_bins_by_month_over_long_spans() -> None:
    chart = timeline_chart(["2019-01-15", "2019-03-02", "2019-03-20T10:00:00", None, "junk"])
    assert [(b.label, b.count) for b in chart.bars] == [("2019-01", 1), ("2019-02", 0), ("2019-03", 2)]
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.label == "2019-03" and tallest.y + tallest.height == chart.baseline
    assert timeline_chart([None]).bars == ()


@pytest.mark.parametrize("dates", [
    ["2019-05-01", "2019-05-20"],  # days: 10-character labels
    ["2018-01-15", "2019-12-20"],  # months
    ["2019-05-03"],  # one bar, its label wider than the bar
])
def test_timeline_labels_stay_inside_the_chart(dates: list[str]) -> None:
    chart = timeline_chart(dates)
    shown = [bar for bar in chart.bars if bar.show_label]
    assert shown
    for bar in shown:
        half = len(bar.label) * charts.LABEL_CHAR_WIDTH / 2
        assert 0 <= bar.label_x - half and bar.label_x + half <= chart.width, bar
