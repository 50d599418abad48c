"""Syndication: copies of one story found by near-duplicate detection, grouped in clusters.

A wire story runs on forty sites with forty headlines, datelines and bylines, trimmed by one
site and padded with a local paragraph by another. The body is what they share, so a
story's body is cut into word 5-shingles (dateline, case and punctuation off) and summarised
by a MinHash signature (datasketch). Signatures are split into bands whose hashes live in
the archive's `lsh` table: two stories that agree on any band are candidates, which finds
pairs of Jaccard similarity above ~0.2 with near certainty while index and memory stay small
(the index is on disk, so nothing is rebuilt when the archive is reopened).

A candidate is a copy when the shorter body is mostly inside the longer one (containment,
estimated from the two signatures and shingle counts): a trimmed copy or one with an added
paragraph still contains most of the other, while two different stories about the same
meeting share a few phrases and nothing like most of their shingles.

Each cluster's original is the agency's own copy if the archive has it, else the earliest
published, else one that credits an agency; its original source is the agency most copies
credit, or else the original copy's publisher.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
from datasketch import MinHash

from newsgraph.extract.agencies import normalise_agency

NUM_PERM = 100
BAND_ROWS = 2
BANDS = NUM_PERM // BAND_ROWS
SHINGLE_WORDS = 5
# 32-bit hash values: half the bytes of 64-bit ones, ample for bodies of a few thousand words.
SCHEME = "affine32"
# A copy: the shorter body is at least this much inside the longer one ...
MIN_CONTAINMENT = 0.6
# ... and the two overlap at least this much, so a paragraph quoted inside a long feature
# is not called a copy of it.
MIN_JACCARD = 0.05
# Signature estimates are trusted outside this band of containment; inside it the two
# bodies' shingles are compared exactly.
SURE_COPY = 0.85
SURE_OTHER = 0.35
# Below this many shingles (about forty words) a body is too short for containment to mean
# much: a few shared lines of furniture would make it "inside" any story of its publisher.
# Short bodies match only near-identical ones.
SHORT_BODY = 40
SHORT_MIN_JACCARD = 0.7
# Estimates of containment are only trusted between bodies of comparable size; a pair of
# very different sizes is always compared exactly.
SURE_SIZE_RATIO = 0.4

_WORD = re.compile(r"\w+", re.UNICODE)
_DATELINE = re.compile(r"^[^\n]{1,100}?\s[—–-]{1,2}\s")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate detection keeps of a body: its MinHash and shingle count."""

    signature: np.ndarray
    shingles: int

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Fingerprint:
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32), shingles)


def body_shingles(body: str, has_dateline: bool = False) -> set[bytes]:
    """Word 5-shingles of a body, lowercased, without its dateline.

    >>> sorted(body_shingles("MOSCOW (AP) — one two three four five", has_dateline=True))
    [b'one two three four five']
    """
    text = _DATELINE.sub("", body, count=1) if has_dateline else body
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Generating the permutations is the slow part of a MinHash; every story shares them.
    permutations: tuple[np.ndarray, np.ndarray] = MinHash(
        num_perm=NUM_PERM, seed=1, scheme=SCHEME
    ).permutations
    return permutations


def fingerprint(body: str, has_dateline: bool = False) -> Fingerprint | None:
    """The MinHash fingerprint of a body; None for an empty one."""
    return fingerprint_of(body_shingles(body, has_dateline))


def fingerprint_of(shingles: set[bytes]) -> Fingerprint | None:
    """The MinHash fingerprint of a set of shingles; None for an empty one."""
    if not shingles:
        return None
    minhash = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return Fingerprint(np.asarray(minhash.hashvalues, dtype=np.uint32), len(shingles))


def band_keys(print_: Fingerprint) -> list[int]:
    """One signed 64-bit key per band: the band's number and its slice of the signature."""
    values = print_.signature.astype("<u4")
    keys = []
    for band in range(BANDS):
        chunk = values[band * BAND_ROWS : (band + 1) * BAND_ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger), both estimated from signatures."""
    jaccard = float(np.mean(a.signature == b.signature))
    shared = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    containment = min(1.0, shared / max(1, min(a.shingles, b.shingles)))
    return jaccard, containment


def is_copy(
    a: Fingerprint,
    b: Fingerprint,
    a_shingles: set[bytes] | None = None,
    b_shingles: set[bytes] | Callable[[], set[bytes]] | None = None,
) -> bool:
    """Whether two bodies are copies of one story (see the module docstring).

    The signatures decide clear cases; a borderline pair is compared on its shingle sets
    when given (exact; `b_shingles` may be a function that reads them), else on the estimate.
    """
    jaccard, containment = similarity(a, b)
    if min(a.shingles, b.shingles) < SHORT_BODY:
        return jaccard >= SHORT_MIN_JACCARD
    if jaccard < MIN_JACCARD / 2 or containment < SURE_OTHER:
        return False
    comparable = min(a.shingles, b.shingles) >= SURE_SIZE_RATIO * max(a.shingles, b.shingles)
    if comparable and containment >= SURE_COPY and jaccard >= MIN_JACCARD:
        return True
    if callable(b_shingles):
        b_shingles = b_shingles()
    if a_shingles and b_shingles:
        shared = len(a_shingles & b_shingles)
        jaccard = shared / len(a_shingles | b_shingles)
        containment = shared / min(len(a_shingles), len(b_shingles))
    return containment >= MIN_CONTAINMENT and jaccard >= MIN_JACCARD


def assign_cluster(
    connection: sqlite3.Connection,
    rowid: int,
    story_id: str,
    print_: Fingerprint | None,
    shingles: set[bytes] | None = None,
) -> str:
    """Put a just-inserted story in its cluster (joining, merging or starting one), index its
    bands, and refresh the cluster's summary. Returns the cluster id.

    A cluster's id is `c` + the smallest story id in it, so the clusters of an archive are
    the same whatever order its stories came in.
    """
    clusters: set[str] = set()
    if print_ is not None:
        keys = band_keys(print_)
        candidates = connection.execute(
            "SELECT DISTINCT s.rowid, s.cluster, s.signature, s.shingles FROM lsh"
            " JOIN stories s ON s.rowid = lsh.story"
            f" WHERE lsh.band_key IN ({', '.join('?' * len(keys))}) ORDER BY s.rowid",
            keys,
        ).fetchall()
        for candidate, cluster, signature, count in candidates:
            if cluster in clusters or signature is None:
                continue
            other = Fingerprint.from_bytes(signature, count)
            if is_copy(print_, other, shingles, partial(stored_shingles, connection, candidate)):
                clusters.add(cluster)
        connection.executemany(
            "INSERT OR IGNORE INTO lsh (band_key, story) VALUES (?, ?)",
            [(key, rowid) for key in keys],
        )
    ids = [story_id]
    if clusters:
        marks = ", ".join("?" * len(clusters))
        ids.append(connection.execute(
            f"SELECT min(id) FROM stories WHERE cluster IN ({marks})", sorted(clusters)
        ).fetchone()[0])
    cluster = "c" + min(i for i in ids if i)
    if clusters:
        marks = ", ".join("?" * len(clusters))
        connection.execute(
            f"UPDATE stories SET cluster = ? WHERE cluster IN ({marks})", [cluster, *sorted(clusters)]
        )
        connection.execute(f"DELETE FROM clusters WHERE id IN ({marks})", sorted(clusters))
    connection.execute("UPDATE stories SET cluster = ? WHERE rowid = ?", (cluster, rowid))
    refresh_cluster(connection, cluster)
    return cluster


def stored_shingles(connection: sqlite3.Connection, rowid: int) -> set[bytes]:
    """The shingles of a stored story's body, for an exact comparison."""
    body, dateline = connection.execute(
        "SELECT body, json_extract(data, '$.dateline') IS NOT NULL FROM stories WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    return body_shingles(body, bool(dateline))


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    publisher: str | None
    original_source: str | None
    published: str | None
    title: str | None


def choose_original(members: Sequence[Member]) -> Member:
    """The copy the others were taken from: the agency's own, the earliest, a credited one.

    >>> a = Member("a", "Daily Planet", "The Associated Press", "2024-05-02", None)
    >>> b = Member("b", "The Associated Press", None, "2024-05-03", None)
    >>> choose_original([a, b]).id
    'b'
    """
    return min(
        members,
        key=lambda m: (
            normalise_agency(m.publisher) is None,
            m.published is None,
            m.published or "",
            m.original_source is None,
            m.id,
        ),
    )


def original_source(members: Iterable[Member], original: Member) -> str | None:
    """The agency most copies credit (alphabetical on a tie), else the original's publisher."""
    credits = Counter(m.original_source for m in members if m.original_source)
    if credits:
        return min(credits, key=lambda name: (-credits[name], name))
    own = normalise_agency(original.publisher)
    return own or original.publisher


def rename_cluster(connection: sqlite3.Connection, cluster: str) -> str:
    """Give a cluster the id its members make (`c` + the smallest story id) after a
    member's id changed, and refresh its summary. Returns the id it has now."""
    smallest = connection.execute(
        "SELECT min(id) FROM stories WHERE cluster = ?", (cluster,)
    ).fetchone()[0]
    renamed = "c" + smallest if smallest else cluster
    if renamed != cluster:
        connection.execute("UPDATE stories SET cluster = ? WHERE cluster = ?", (renamed, cluster))
        connection.execute("DELETE FROM clusters WHERE id = ?", (cluster,))
    refresh_cluster(connection, renamed)
    return renamed


def refresh_cluster(connection: sqlite3.Connection, cluster: str) -> None:
    """Recompute one cluster's size, original, original source, title and first date."""
    members = [
        Member(*row)
        for row in connection.execute(
            "SELECT id, publisher, original_source, published, title FROM stories"
            " WHERE cluster = ?",
            (cluster,),
        )
    ]
    if not members:
        connection.execute("DELETE FROM clusters WHERE id = ?", (cluster,))
        return
    original = choose_original(members)
    dates = [m.published for m in members if m.published]
    connection.execute(
        "INSERT OR REPLACE INTO clusters (id, size, original, original_source, title,"
        " first_published) VALUES (?, ?, ?, ?, ?, ?)",
        (cluster, len(members), original.id, original_source(members, original),
         original.title, min(dates) if dates else None),
    )


__all__ = [
    "BANDS",
    "NUM_PERM",
    "Fingerprint",
    "Member",
    "assign_cluster",
    "band_keys",
    "body_shingles",
    "choose_original",
    "fingerprint",
    "fingerprint_of",
    "is_copy",
    "original_source",
    "refresh_cluster",
    "rename_cluster",
    "similarity",
    "stored_shingles",
]
