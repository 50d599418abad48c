"""Syndicated copies become one cluster; different stories, even on one topic, never do."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from newsgraph.corpus import Archive, get_story, ingest, list_clusters
from newsgraph.corpus.syndication import Member, choose_original, fingerprint, is_copy, similarity

from .conftest import make_story, store
from .maker import copy_text, corpus, paragraphs


def partition(archive: Archive) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for row in archive.query("SELECT cluster, source_path FROM stories"):
        groups[row["cluster"]].add(Path(row["source_path"]).name)
    return dict(groups)


def test_copies_cluster_by_story_in_any_order(tmp_path: Path) -> None:
    pages = corpus(stories=8, copies=5)
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in pages:
        (folder / page.name).write_text(page.text, encoding="utf-8")
    expected = {frozenset(p.name for p in pages if p.story == s) for s in {p.story for p in pages}}
    results = []
    for name, inputs in (("forward", [str(folder)]),
                         ("reverse", [str(folder / p.name) for p in reversed(pages)])):
        with Archive.open(tmp_path / f"{name}.db") as archive:
            report = ingest(archive, inputs, jobs=1, stage="extract")
            assert report.stored == 40 and report.syndicated == 32
            groups = partition(archive)
            assert {frozenset(v) for v in groups.values()} == expected
            results.append(groups)
            clusters = list_clusters(archive)
            assert [c.size for c in clusters] == [5] * 8
            assert {c.original_source for c in clusters} == {"The Associated Press"}
    assert results[0] == results[1]  # the same cluster ids whatever the order


@pytest.mark.parametrize(
    "change",
    ["headline", "trimmed", "added", "dateline", "byline"],
)
def test_each_kind_of_copy_is_a_copy(change: str) -> None:
    variant = {"headline": 1, "trimmed": 2, "added": 3, "dateline": 4, "byline": 4}[change]
    own = fingerprint(copy_text(7, 0).split("\n\n", 2)[2], has_dateline=True)
    other = fingerprint(copy_text(7, variant).split("\n\n", 2)[2], has_dateline=True)
    assert own is not None and other is not None and is_copy(own, other)


def test_stories_on_one_topic_are_not_copies() -> None:
    """Same cast, places and vocabulary, different sentences: never one cluster."""
    for seed in range(100, 130):
        a = fingerprint("\n\n".join(paragraphs(seed, topic_seed=5)))
        b = fingerprint("\n\n".join(paragraphs(seed + 1000, topic_seed=5)))
        assert a is not None and b is not None
        assert not is_copy(a, b), similarity(a, b)


def test_half_a_story_is_still_a_copy_but_one_paragraph_of_it_is_not() -> None:
    body = paragraphs(3, count=12)
    whole = fingerprint("\n\n".join(body))
    half = fingerprint("\n\n".join(body[:6]))
    one = fingerprint(body[0] + "\n\n" + "\n\n".join(paragraphs(4, count=11)))
    assert whole and half and one
    assert is_copy(whole, half) and not is_copy(whole, one)


def test_original_is_the_agency_copy_then_the_earliest() -> None:
    members = [
        Member("b", "Daily Planet", "The Associated Press", "2024-05-02", "B"),
        Member("a", "Coast Herald", None, "2024-05-01", "A"),
        Member("c", "Evening Post", "The Associated Press", None, "C"),
    ]
    assert choose_original(members).id == "a"
    members.append(Member("z", "Reuters", None, "2024-05-03", "Z"))
    assert choose_original(members).id == "z"


def test_story_card_names_original_source_and_copies(archive: Archive) -> None:
    body = "\n\n".join(paragraphs(11))
    wire = make_story(body, "https://wire.example/1", publisher="Reuters", published="2024-06-01")
    copy = make_story(body + "\n\nLocal note: the council meets next week about the matter.",
                      "https://paper.example/1", publisher="Coast Herald", published="2024-06-02")
    other = make_story("\n\n".join(paragraphs(12)), "https://paper.example/2",
                       publisher="Coast Herald", published="2024-06-02")
    store(archive, copy, other, wire)
    record = get_story(archive, copy.id)
    assert record is not None
    assert record.original == wire.id and record.original_source == "Reuters"
    assert record.story.original_source == "Reuters"  # filled from the cluster
    assert [(c.publisher, c.is_original) for c in record.copies] == [("Reuters", True),
                                                                     ("Coast Herald", False)]
    assert record.story.cluster == "c" + min(wire.id, copy.id)
    lone = get_story(archive, other.id)
    assert lone is not None and lone.story.original_source is None and len(lone.copies) == 1


def test_a_short_body_of_shared_furniture_joins_nothing(archive: Archive) -> None:
    """A page whose body is little more than its publisher's promo must not chain stories."""
    promo = ("The Harbor Ledger depends on readers like you to keep reporting on the stories "
             "that matter here, every day of the year.")
    long_a = make_story("\n\n".join([*paragraphs(60), promo]), "https://ledger.example/a",
                        publisher="The Harbor Ledger")
    long_b = make_story("\n\n".join([*paragraphs(61), promo]), "https://ledger.example/b",
                        publisher="The Harbor Ledger")
    short = make_story("Watch the video.\n\n" + promo, "https://ledger.example/c",
                       publisher="The Harbor Ledger")
    store(archive, long_a, short, long_b)
    clusters = {row["cluster"] for row in archive.query("SELECT cluster FROM stories")}
    assert len(clusters) == 3
