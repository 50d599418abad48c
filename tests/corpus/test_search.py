"""One entry per story: search and the latest stories give one hit per syndication cluster
(with the copies' count), page by entries, and list every copy only when asked."""

from __future__ import annotations

import pytest

from newsgraph.corpus import Archive, get_story, latest_stories, search_stories
from newsgraph.corpus.queries import first_of_each_cluster
from newsgraph.model import Story

from .conftest import make_story, store
from .maker import paragraphs


@pytest.fixture
def syndicated(archive: Archive) -> Archive:
    """Two wire stories run by three and two sites, and one story of a single site."""
    wire = "\n\n".join(paragraphs(3, count=6)) + "\n\nThe ferry to Velmora was cancelled again."
    other = "\n\n".join(paragraphs(4, count=6)) + "\n\nA second ferry to Velmora was also cancelled."
    alone = "\n\n".join(paragraphs(5, count=6)) + "\n\nNo ferry will sail to Velmora this winter."
    def copy(body: str, url: str, day: int) -> Story:
        site = url.split("/")[2].split(".")[0]
        return make_story(body, url, publisher=f"The {site.upper()} Daily",
                          published=f"2024-03-{day:02d}")

    store(archive,
          copy(wire, "https://a.example/1", 1), copy(wire, "https://b.example/1", 2),
          copy(wire, "https://c.example/1", 2),
          copy(other, "https://a.example/2", 3), copy(other, "https://d.example/2", 4),
          copy(alone, "https://e.example/3", 5))
    return archive


def test_search_gives_one_hit_per_story_with_its_copies_count(syndicated: Archive) -> None:
    every = search_stories(syndicated, "ferry Velmora", limit=10, copies=True)
    assert len(every) == 6 and len({h.cluster for h in every}) == 3
    hits = search_stories(syndicated, "ferry Velmora", limit=10)
    assert len(hits) == 3 and len({h.cluster for h in hits}) == 3
    assert sorted(h.copies for h in hits) == [1, 2, 3]
    # The best matching copy of each cluster stands for it, in the ranking's order.
    firsts = []
    for hit in every:
        if hit.cluster not in {h.cluster for h in firsts}:
            firsts.append(hit)
    assert [h.id for h in hits] == [h.id for h in firsts]
    assert all(h.snippet and "[" in h.snippet for h in hits)


def test_search_pages_count_stories_not_copies(syndicated: Archive) -> None:
    whole = [h.id for h in search_stories(syndicated, "ferry Velmora", limit=10)]
    pages = [h.id for offset in range(3)
             for h in search_stories(syndicated, "ferry Velmora", limit=1, offset=offset)]
    assert pages == whole
    assert search_stories(syndicated, "ferry Velmora", limit=5, offset=3) == []


def test_latest_stories_give_one_entry_per_story(syndicated: Archive) -> None:
    latest = latest_stories(syndicated, limit=10)
    assert len(latest) == 3 and sorted(h.copies for h in latest) == [1, 2, 3]
    assert len(latest_stories(syndicated, limit=10, copies=True)) == 6
    paged = [h.id for offset in range(3) for h in latest_stories(syndicated, limit=1, offset=offset)]
    assert paged == [h.id for h in latest]


def test_a_storys_copies_name_their_url_publisher_and_date(syndicated: Archive) -> None:
    hit = next(h for h in latest_stories(syndicated) if h.copies == 3)
    record = get_story(syndicated, hit.id)
    assert record is not None and len(record.copies) == 3
    assert {c.url for c in record.copies} == {f"https://{s}.example/1" for s in "abc"}
    assert all(c.publisher and c.published for c in record.copies)


@pytest.mark.parametrize(
    ("limit", "offset", "kept"),
    [(10, 0, "abdeg"), (2, 0, "ab"), (3, 0, "abd"), (2, 2, "de"), (10, 4, "g"), (1, 9, "")],
)
def test_first_of_each_cluster(limit: int, offset: int, kept: str) -> None:
    rows = [{"id": i, "cluster": c} for i, c in
            [("a", "c1"), ("b", None), ("c", "c1"), ("d", "c2"), ("e", None), ("f", "c2"),
             ("g", "c3")]]
    asked: list[int] = []

    def first(count: int) -> list[dict]:
        asked.append(count)
        return rows[:count]

    assert "".join(r["id"] for r in first_of_each_cluster(first, limit, offset)) == kept  # type: ignore[arg-type]
    assert len(asked) == 1  # seven rows: one read covers them


def test_first_of_each_cluster_reads_on_when_copies_crowd_the_list() -> None:
    rows = [{"id": f"copy{n}", "cluster": "wire"} for n in range(200)] + [{"id": "x", "cluster": None}]
    found = first_of_each_cluster(lambda count: rows[:count], limit=2)  # type: ignore[arg-type,return-value]
    assert [r["id"] for r in found] == ["copy0", "x"]
