"""The questions the CLI and the web API ask, over a real archive file."""

from __future__ import annotations

import pytest

from newsgraph.corpus import (
    Archive,
    archive_stats,
    find_events,
    find_quotes,
    get_person,
    get_story,
    latest_stories,
    list_clusters,
    list_people,
    search_stories,
)
from newsgraph.corpus.queries import fts_query
from newsgraph.corpus.schema import SCHEMA_VERSION
from newsgraph.model import Quote

from .conftest import make_story, quoted_story, store


@pytest.fixture
def filled(archive: Archive) -> Archive:
    store(
        archive,
        quoted_story("https://a.example/1", "Sergei Lavrov", "Sovereignty is not for sale",
                     "Venezuela", "2024-03-05", role="Russian Foreign Minister"),
        quoted_story("https://b.example/2", "Sergey Lavrov", "The sanctions will fail",
                     "the grain levy", "2024-03-20", role="Foreign Minister"),
        quoted_story("https://c.example/3", "Lavrov", "We expect an answer from Caracas",
                     "Venezuela", "2024-04-02"),
        quoted_story("https://d.example/4", "Anika Dorell", "The port stays open",
                     "the port expansion", "2024-04-03", role="harbour commissioner"),
    )
    return archive


def test_speaker_variants_are_one_person(filled: Archive) -> None:
    for name in ("Lavrov", "Sergei Lavrov", "Sergey Lavrov", "lavrov-s"):
        quotes = find_quotes(filled, speaker=name)
        assert len(quotes) == 3, name
        assert {q.person for q in quotes} == {"lavrov-s"}
    people = list_people(filled)
    assert [(p.id, p.quotes, p.stories) for p in people] == [("lavrov-s", 3, 3), ("dorell-a", 1, 1)]
    assert people[0].name in ("Sergei Lavrov", "Sergey Lavrov")
    assert people[0].role in ("Russian Foreign Minister", "Foreign Minister")
    assert set(people[0].names) == {"Sergei Lavrov", "Sergey Lavrov", "Lavrov"}


def test_quotes_about_a_term_and_between_dates(filled: Archive) -> None:
    about = find_quotes(filled, speaker="Lavrov", about="Venezuela")
    assert [q.text for q in about] == ['"We expect an answer from Caracas,"',
                                       '"Sovereignty is not for sale,"']
    march = find_quotes(filled, since="2024-03-01", until="2024-03-31")
    assert [q.published for q in march] == ["2024-03-20", "2024-03-05"]
    assert find_quotes(filled, speaker="Nobody Atall") == []
    assert find_quotes(filled, about="!!!") == []


def test_person_record_has_quotes_and_people_alongside(filled: Archive) -> None:
    record = get_person(filled, "lavrov-s")
    assert record is not None
    assert record.person.quotes == 3 and len(record.quotes) == 3
    assert record.quotes[0].published == "2024-04-02"  # newest first
    assert record.alongside == ()
    assert get_person(filled, "nobody-x") is None
    assert record.to_dict()["person"]["id"] == "lavrov-s"


def test_search_ranks_headline_words_and_returns_snippets(filled: Archive) -> None:
    hits = search_stories(filled, "Venezuela")
    assert len(hits) == 2 and all("[Venezuela]" in (h.snippet or "") for h in hits)
    assert search_stories(filled, 'grain "levy dispute"')[0].title == "Lavrov on the grain levy"
    assert search_stories(filled, "   ") == []
    assert search_stories(filled, 'AND OR NOT "') == [] or True  # never an FTS syntax error
    assert len(search_stories(filled, "Velmora", limit=2)) == 2
    assert len(search_stories(filled, "Velmora", limit=2, offset=3)) == 1


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('NOT "a b" c*') == '"NOT" "a b" "c"'


def test_events_by_actor_code_name_and_type(filled: Archive) -> None:
    assert len(find_events(filled, actor="TRV")) == 4
    assert len(find_events(filled, actor="GOV", type="sanction")) == 4
    assert len(find_events(filled, actor="Tarvik")) == 4
    assert find_events(filled, type="AGREE") == []
    event = find_events(filled, limit=1)[0]
    assert event.published == "2024-04-03" and event.source[0].country == "TRV"
    assert event.target[0].text == "Velmora" and event.when == "2024-04-03"


def test_story_record_latest_clusters_and_stats(filled: Archive) -> None:
    latest = latest_stories(filled, limit=2)
    assert [h.published for h in latest] == ["2024-04-03", "2024-04-02"]
    record = get_story(filled, latest[0].id)
    assert record is not None and record.story.id == latest[0].id
    assert record.story.cluster == "c" + record.story.id
    assert [c.id for c in record.copies] == [record.story.id] and record.copies[0].is_original
    assert get_story(filled, "missing") is None
    assert list_clusters(filled) == []
    assert len(list_clusters(filled, min_size=1)) == 4
    stats = archive_stats(filled)
    assert (stats.stories, stats.clusters, stats.quotes, stats.people, stats.events) == (4, 4, 4, 2, 4)
    assert stats.schema_version == SCHEMA_VERSION and stats.size_bytes > 0
    assert stats.to_dict()["first_published"] == "2024-03-05"
    # One name for the archive file in the CLI's JSON and the API: `file`.
    assert "file" in stats.to_dict() and "path" not in stats.to_dict()


def test_stored_story_round_trips_exactly(filled: Archive) -> None:
    original = quoted_story("https://e.example/5", "Imre Kasza", "No comment", "the rail tender",
                            "2024-05-01", role="union leader")
    store(filled, original)
    record = get_story(filled, original.id)
    assert record is not None
    assert record.story.to_dict() == {**original.to_dict(), "cluster": "c" + original.id}


def test_a_mixed_quote_is_stored_and_searched_by_its_whole_claim(archive: Archive) -> None:
    body = "Sergey Lavrov characterized the interference allegations as “surreal.”"
    words = body.index("“surreal")
    claim = body.index("the interference")
    story = make_story(body, "https://e.example/5", quotes=(
        Quote(content=((words, len(body)),), kind="mixed", cue=(14, 27), source=(0, 13),
              speaker_name="Sergey Lavrov", claim=((claim, len(body)),)),))
    store(archive, story)
    assert [q.text for q in find_quotes(archive, speaker="Lavrov")] == [body[claim:]]
    hits = archive.query("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'interference'")
    assert len(hits) == 1


def test_a_quote_of_two_people_is_shown_by_both_names_and_credited_to_neither(
    archive: Archive,
) -> None:
    body = "In the call, Mike Pompeo and Sergey Lavrov each accused the other of meddling."
    source = (body.index("Mike"), body.index(" each"))
    story = make_story(body, "https://f.example/6", quotes=(
        Quote(content=((body.index("the other"), len(body) - 1),), kind="indirect",
              source=source, speaker_name="Mike Pompeo and Sergey Lavrov"),))
    store(archive, story)
    assert [q.speaker for q in find_quotes(archive)] == ["Mike Pompeo and Sergey Lavrov"]
    assert list_people(archive) == []


def test_a_person_is_found_by_any_part_of_the_name_and_a_son_stays_apart(archive: Archive) -> None:
    store(
        archive,
        quoted_story("https://g.example/1", "Marta Velde", "The harbour will reopen",
                     "the harbour", "2024-05-01"),
        quoted_story("https://g.example/2", "Jonas Velde", "The harbour must stay shut",
                     "the harbour", "2024-05-02"),
        quoted_story("https://g.example/3", "Jonas Velde Jr.", "My father is wrong",
                     "the harbour", "2024-05-03"),
    )
    assert [q.speaker for q in find_quotes(archive, speaker="Marta")] == ["Marta Velde"]
    assert {q.person for q in find_quotes(archive, speaker="Jonas Velde")} == {"velde-j"}
    assert [q.speaker for q in find_quotes(archive, speaker="Jonas Velde Jr.")] == [
        "Jonas Velde Jr."]
    ids = {p.id for p in list_people(archive)}
    assert {"velde-m", "velde-j", "veldejr-j"} <= ids


def test_a_quote_of_two_people_is_found_under_either(archive: Archive) -> None:
    body = "In the call, Mike Pompeo and Sergey Lavrov each accused the other of meddling."
    source = (body.index("Mike"), body.index(" each"))
    story = make_story(body, "https://h.example/7", quotes=(
        Quote(content=((body.index("the other"), len(body) - 1),), kind="indirect",
              source=source, speaker_name="Mike Pompeo and Sergey Lavrov"),))
    store(archive, story)
    for name in ("Lavrov", "Pompeo", "Sergei Lavrov", "Mike Pompeo"):
        assert [q.speaker for q in find_quotes(archive, speaker=name)] == [
            "Mike Pompeo and Sergey Lavrov"], name
    assert find_quotes(archive, speaker="Putin") == []


def test_a_speaker_with_no_person_behind_it_is_not_listed_as_one(archive: Archive) -> None:
    body = "Officials said the port would reopen. Polls said the vote was close. Daniel said no."
    quotes = tuple(
        Quote(content=((body.index(said), body.index(said) + len(said)),), kind="indirect",
              source=(body.index(who), body.index(who) + len(who)), speaker_name=who)
        for who, said in (("Officials", "the port would reopen"), ("Polls", "the vote was close"),
                          ("Daniel", "no")))
    store(archive, make_story(body, "https://k.example/1", quotes=quotes))
    assert [p.name for p in list_people(archive)] == ["Daniel"]
