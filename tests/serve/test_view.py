"""Laying a Story out for reading: quote runs, speaker colours, events in plain words, charts."""

from __future__ import annotations

from newsgraph.model import Actor, Entity, Event, Quote, Story, When, Where
from newsgraph.serve.charts import timeline_chart
from newsgraph.serve.view import (
    country_name,
    event_words,
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
