"""The archive's syndication rules as functions over Arrow batches, for a global pass.

An engine finds candidate pairs (stories sharing an LSH band key), and these functions
decide them and summarise the clusters with the archive's own code
(`newsgraph.corpus.syndication`): `is_copy` on the two fingerprints, and on the two bodies'
shingles when the pair is borderline, exactly as `assign_cluster` does; `choose_original`
and `original_source` on a cluster's members. A cluster's id is `c` + its smallest story
id, as in the archive, so the same pages give the same clusters whichever way they came.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from newsgraph.corpus.syndication import (
    Fingerprint,
    Member,
    body_shingles,
    choose_original,
    is_copy,
    original_source,
)
from newsgraph.scale.schema import CLUSTER_SCHEMA

PAIR_SCHEMA = pa.schema([pa.field("a", pa.string()), pa.field("b", pa.string()),
                         pa.field("copy", pa.bool_())])

# A band key shared by more stories than this is a bucket of boilerplate-like bodies (a
# site's "page not found" text), whose pairs would be quadratic in number; it is dropped.
# Copies share many bands, so a true pair is nearly always found through another one.
MAX_BUCKET = 1000


def verify_pairs(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Each candidate pair decided: (a, b, copy). Each incoming row has, for sides `a` and
    `b`: `{side}` (id), `{side}_signature`, `{side}_shingles`, `{side}_body`,
    `{side}_dateline` (whether the body opens with a dateline)."""
    for batch in batches:
        rows = [{"a": row["a"], "b": row["b"], "copy": _copies(row)} for row in batch.to_pylist()]
        if rows:
            yield pa.RecordBatch.from_pylist(rows, schema=PAIR_SCHEMA)


def components(edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Every story in an edge -> the smallest story id of its connected component
    (union-find with path halving).

    >>> components([("b", "c"), ("c", "a"), ("x", "y")])
    {'b': 'a', 'c': 'a', 'a': 'a', 'x': 'x', 'y': 'x'}
    """
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in edges:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra != rb:
            # The smaller id is the root, so a component's root is its smallest id.
            parent[max(ra, rb)] = min(ra, rb)
    return {node: root(node) for node in parent}


def _copies(row: dict[str, Any]) -> bool:
    if row["a_signature"] is None or row["b_signature"] is None:
        return False
    a = Fingerprint.from_bytes(row["a_signature"], int(row["a_shingles"]))
    b = Fingerprint.from_bytes(row["b_signature"], int(row["b_shingles"]))
    a_shingles = body_shingles(row["a_body"], bool(row["a_dateline"]))
    return is_copy(a, b, a_shingles, lambda: body_shingles(row["b_body"], bool(row["b_dateline"])))




def summarise_clusters(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """One summary row per cluster. Each incoming row: `cluster` and `members`, a list of
    {id, publisher, original_source, published, title}."""
    for batch in batches:
        rows = [cluster_summary(row["cluster"], row["members"]) for row in batch.to_pylist()]
        if rows:
            yield pa.RecordBatch.from_pylist(rows, schema=CLUSTER_SCHEMA)


def cluster_summary(cluster: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """What the archive's `clusters` table holds for one cluster."""
    people = [Member(m["id"], m["publisher"], m["original_source"], m["published"], m["title"])
              for m in members]
    original = choose_original(people)
    dates = [m.published for m in people if m.published]
    return {
        "cluster": cluster, "size": len(people), "original": original.id,
        "original_source": original_source(people, original), "title": original.title,
        "first_published": min(dates) if dates else None,
    }


__all__ = ["MAX_BUCKET", "PAIR_SCHEMA", "cluster_summary", "components", "summarise_clusters",
           "verify_pairs"]
