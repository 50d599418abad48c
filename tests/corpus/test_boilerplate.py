"""A publisher's own recurring lines are learned and taken out of its stories as furniture."""

from __future__ import annotations

from newsgraph.corpus import Archive, get_story, search_stories
from newsgraph.corpus.boilerplate import learned_summary, publisher_lines, without_annotations
from newsgraph.extract.publisher_lines import line_key, remove_publisher_lines
from newsgraph.model import Dateline, Furniture, story_id
from newsgraph.pipeline import annotate_story

from .conftest import make_story, quoted_story, store
from .maker import paragraphs

PROMO = "Support independent local journalism in Kestrel Bay with a gift to the Gazette fund."


def test_removing_learned_lines_keeps_them_as_furniture_and_rehashes_the_id() -> None:
    lexicon = {"Kestrel Gazette": frozenset({line_key(PROMO)})}
    body = f"First part here.\n\n{PROMO}\n\nSecond part, said Ana."
    story = make_story(body, "https://gazette.example/1", publisher="Kestrel Gazette")
    removed = remove_publisher_lines(story, lexicon)
    assert removed.body == "First part here.\n\nSecond part, said Ana."
    assert removed.id == story_id("https://gazette.example/1", removed.body) != story.id
    assert removed.furniture[-1] == Furniture(text=PROMO, kind="other")
    last = make_story(f"Only news.\n\n{PROMO}", "u", publisher="Kestrel Gazette")
    assert remove_publisher_lines(last, lexicon).body == "Only news."
    alone = make_story(PROMO, "v", publisher="Kestrel Gazette")
    assert remove_publisher_lines(alone, lexicon) is alone  # never a body of nothing
    other = make_story(body, "w", publisher="Other Times")
    assert remove_publisher_lines(other, lexicon) is other  # another publisher's line


def test_a_removed_first_paragraph_gives_the_next_one_its_dateline() -> None:
    lexicon = {"": frozenset({line_key(PROMO)})}
    story = make_story(f"{PROMO}\n\nBELFAST (AP) — The port reopened on Monday.", "x")
    assert remove_publisher_lines(story, lexicon).dateline == Dateline(place="BELFAST", agency="AP")


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
    assert get_story(archive, stories[0].id) is None  # its id was the hash of the old body
    for story in stories:
        body = "\n\n".join(paragraphs(int(story.url.rsplit("/", 1)[1]), count=3))
        record = get_story(archive, story_id(story.url, body))
        assert record is not None
        assert record.story.body == body
        assert record.story.furniture[-1].text == PROMO
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


def test_stories_stored_before_learning_are_annotated_again(archive: Archive) -> None:
    """A story that carried the line when stored is annotated anew on its final body:
    none of its spans were made on a body with the line in it."""
    stories = []
    for n, name in enumerate(["Imre Kasza", "Leona Marchetti", "Colm Reddan", "Jonas Brack",
                              "Farida Nassim", "Yusuf Demirel"]):
        story = quoted_story(f"https://gazette.example/q{n}", name, f"Statement number {n}",
                             f"topic {n}", f"2024-05-0{n + 1}", publisher="Kestrel Gazette")
        stories.append(make_story(PROMO + "\n\n" + story.body, story.url or "",
                                  title=story.title, published=story.published,
                                  publisher=story.publisher))
    store(archive, *[annotate_story(story) for story in stories])
    lexicon = publisher_lines(archive.connection)
    for story in stories:
        expected = annotate_story(remove_publisher_lines(without_annotations(story), lexicon))
        record = get_story(archive, expected.id)
        assert record is not None and not record.story.body.startswith(PROMO)
        assert record.story.quotes == expected.quotes and record.story.entities == expected.entities
        rows = archive.query("SELECT count(*) FROM quotes WHERE story ="
                             " (SELECT rowid FROM stories WHERE id = ?)", (expected.id,))
        assert rows[0][0] == len(expected.quotes)
