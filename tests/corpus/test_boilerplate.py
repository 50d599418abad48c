"""A publisher's own recurring lines are learned and taken out of its stories as furniture."""

from __future__ import annotations

from newsgraph.corpus import Archive, get_story, search_stories
from newsgraph.corpus.boilerplate import learned_summary, line_key, strip_lines
from newsgraph.model import Entity, Event, Quote, Story

from .conftest import make_story, quoted_story, store
from .maker import paragraphs

PROMO = "Support independent local journalism in Kestrel Bay with a gift to the Gazette fund."


def test_strip_lines_remaps_spans_and_drops_what_was_inside() -> None:
    body = f"First part here.\n\n{PROMO}\n\nSecond part, said Ana."
    ana = body.index("Ana")
    promo = body.index("Gazette")
    story = Story(
        id="s", body=body,
        entities=(Entity(id="e1", name="Ana", type="PERSON", mentions=((ana, ana + 3),)),
                  Entity(id="e2", name="Gazette", type="ORG", mentions=((promo, promo + 7),))),
        quotes=(Quote(content=((body.index("Second"), body.index(", said")),), kind="direct",
                      source=(ana, ana + 3), speaker="e1"),),
        events=(Event(type="AID", evidence=((promo, promo + 7),)),),
    )
    stripped = strip_lines(story, {line_key(PROMO)})
    assert stripped.body == "First part here.\n\nSecond part, said Ana."
    assert [e.name for e in stripped.entities] == ["Ana"]
    assert stripped.text(stripped.entities[0].mentions[0]) == "Ana"
    assert stripped.text(stripped.quotes[0].content[0]) == "Second part"
    assert stripped.events == ()
    assert stripped.furniture[-1].text == PROMO and stripped.furniture[-1].kind == "other"
    last = Story(id="t", body=f"Only news.\n\n{PROMO}")
    assert strip_lines(last, {line_key(PROMO)}).body == "Only news."
    alone = Story(id="u", body=PROMO)
    assert strip_lines(alone, {line_key(PROMO)}) is alone  # never strip a body to nothing


def test_strip_lines_remaps_a_mixed_quotes_claim() -> None:
    body = f"{PROMO}\n\nAna called the plan “a gift to the harbour.”"
    words = body.index("“a gift")
    claim = body.index("the plan")
    story = Story(
        id="s", body=body,
        quotes=(Quote(content=((words, len(body)),), kind="mixed",
                      claim=((claim, len(body)),)),),
    )
    stripped = strip_lines(story, {line_key(PROMO)})
    quote = stripped.quotes[0]
    assert stripped.text(quote.content[0]) == "“a gift to the harbour.”"
    assert quote.claim is not None
    assert stripped.text(quote.claim[0]) == "the plan “a gift to the harbour.”"


def test_recurring_publisher_line_is_learned_and_removed_everywhere(archive: Archive) -> None:
    stories = [
        make_story("\n\n".join([*paragraphs(seed, count=3), PROMO]), f"https://gazette.example/{seed}",
                   publisher="Kestrel Gazette", title=f"Story {seed}")
        for seed in range(20, 27)
    ]
    elsewhere = make_story("\n\n".join([*paragraphs(40, count=3), PROMO]), "https://other.example/1",
                           publisher="Other Times")
    store(archive, elsewhere, *stories)
    assert learned_summary(archive.connection) == {"Kestrel Gazette": [PROMO]}
    for story in stories:
        record = get_story(archive, story.id)
        assert record is not None
        assert PROMO not in record.story.body
        assert record.story.furniture[-1].text == PROMO
        assert record.story.body == "\n\n".join(paragraphs(int(story.url.rsplit("/", 1)[1]), count=3))
    other = get_story(archive, elsewhere.id)
    assert other is not None and PROMO in other.story.body  # another publisher's story keeps it
    assert [h.id for h in search_stories(archive, "independent local journalism")] == [elsewhere.id]


def test_a_story_run_many_times_is_not_boilerplate(archive: Archive) -> None:
    """Five updates of one story share every paragraph, but they are one story."""
    base = paragraphs(50, count=4)
    updates = [
        make_story("\n\n".join([*base, f"Update {n}: officials will speak again at {n} pm."]),
                   f"https://gazette.example/live-{n}", publisher="Kestrel Gazette")
        for n in range(1, 7)
    ]
    store(archive, *updates)
    assert learned_summary(archive.connection) == {}
    record = get_story(archive, updates[0].id)
    assert record is not None and len(record.copies) == 6


def test_annotations_survive_learning(archive: Archive) -> None:
    stories = []
    for n, name in enumerate(["Imre Kasza", "Leona Marchetti", "Colm Reddan", "Jonas Brack",
                              "Farida Nassim", "Yusuf Demirel"]):
        story = quoted_story(f"https://gazette.example/q{n}", name, f"Statement number {n}",
                             f"topic {n}", f"2024-05-0{n + 1}", publisher="Kestrel Gazette")
        body = PROMO + "\n\n" + story.body
        shift = len(PROMO) + 2
        stories.append(make_story(
            body, story.url or "", title=story.title, published=story.published,
            publisher=story.publisher,
            entities=tuple(Entity(e.id, e.name, e.type, e.role,
                                  tuple((s + shift, t + shift) for s, t in e.mentions))
                           for e in story.entities),
            quotes=tuple(Quote(content=tuple((s + shift, t + shift) for s, t in q.content),
                               kind=q.kind, speaker=q.speaker, speaker_name=q.speaker_name)
                         for q in story.quotes),
        ))
    store(archive, *stories)
    record = get_story(archive, stories[0].id)
    assert record is not None and not record.story.body.startswith(PROMO)
    quote = record.story.quotes[0]
    assert record.story.text(quote.content[0]) == '"Statement number 0,"'
    rows = archive.query("SELECT text FROM quotes WHERE story = (SELECT rowid FROM stories WHERE id = ?)",
                         (stories[0].id,))
    assert [r["text"] for r in rows] == ['"Statement number 0,"']
