"""Search: one hit per syndication cluster when a list asks for it."""

from __future__ import annotations

from newsgraph.corpus import Archive, search_stories

from .conftest import make_story, store
from .maker import paragraphs


def test_per_cluster_keeps_the_best_copy_of_each_story(archive: Archive) -> None:
    wire = "\n\n".join(paragraphs(3, count=6)) + "\n\nThe ferry to Velmora was cancelled again."
    other = "\n\n".join(paragraphs(4, count=6)) + "\n\nA second ferry to Velmora was also cancelled."
    store(archive, make_story(wire, "https://a.example/1"), make_story(wire, "https://b.example/1"),
          make_story(other, "https://c.example/2"))
    every = search_stories(archive, "ferry Velmora", limit=10)
    assert len(every) == 3 and len({h.cluster for h in every}) == 2
    per_cluster = search_stories(archive, "ferry Velmora", limit=10, per_cluster=True)
    assert [h.id for h in per_cluster] == [h.id for h in every
                                           if h.id != _second_copy(every).id]
    assert all(h.snippet and "[" in h.snippet for h in per_cluster)


def _second_copy(hits: list) -> object:
    seen = set()
    for hit in hits:
        if hit.cluster in seen:
            return hit
        seen.add(hit.cluster)
    raise AssertionError("no two copies of one story")
