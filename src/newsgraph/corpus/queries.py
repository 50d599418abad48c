"""Questions to the archive, each one function: the CLI and the HTTP API both call these.

Every function takes an open `Archive` and returns rows from `newsgraph.corpus.rows`
(frozen dataclasses with `to_dict()`), never SQL cursors, so callers need no SQL.

>>> with Archive.open("newsgraph.db") as archive:  # doctest: +SKIP
...     for quote in find_quotes(archive, speaker="Lavrov", about="Venezuela"):
...         print(quote.published, quote.text)
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.corpus.people import NameCount, group_surname, name_key, parse_person_id
from newsgraph.corpus.rows import (
    ActorRow,
    ArchiveStats,
    ClusterRow,
    Copy,
    EventRow,
    PersonRecord,
    PersonRow,
    QuoteRow,
    StoryHit,
    StoryRecord,
)
from newsgraph.corpus.store import Archive, read_story, with_cluster

_TERM = re.compile(r'"([^"]+)"|(\w+)', re.UNICODE)
# Searches rank (BM25) at most this many matches, the newest; see `search_stories`.
RANKED_MATCHES = 2000
SNIPPET_WORDS = 16
_CODE = re.compile(r"^[A-Z]{3}$")


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word (or "quoted phrase") must appear.

    >>> fts_query('Lavrov "Security Council" talks')
    '"Lavrov" "Security Council" "talks"'
    """
    terms = []
    for phrase, word in _TERM.findall(text):
        term = (phrase or word).replace('"', " ").strip()
        if term:
            terms.append(f'"{term}"')
    return " ".join(terms)


def search_stories(archive: Archive, query: str, limit: int = 20, offset: int = 0, *,
                   copies: bool = False) -> list[StoryHit]:
    """Stories whose headline or body holds every word of `query`, best match first, one hit
    per story: the copies of one syndicated story (a cluster) are one hit, the best matching
    copy, with `copies` the cluster's size. `copies=True` lists every copy as its own hit.

    Headline words weigh more than body words (BM25). Each hit carries a short `snippet`
    with the first matched word in [brackets] and its `cluster`. A term found in more than
    `RANKED_MATCHES` stories (a very common word) is ranked among its newest
    `RANKED_MATCHES` matches, which keeps every search fast however large the archive.
    `offset` counts hits. Returns [] for a query with no words.
    """
    match = fts_query(query)
    if not match:
        return []

    def best(count: int, skip: int = 0) -> list[sqlite3.Row]:
        # One pass: the newest RANKED_MATCHES matches are scored and the best kept; equal
        # scores (copies of one story) put the newest first, so every cut is the same.
        return archive.query(
            "SELECT f.rowid, f.score, s.cluster FROM (SELECT rowid, bm25(stories_fts, 4.0, 1.0)"
            " AS score FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f"
            " JOIN stories s ON s.rowid = f.rowid ORDER BY f.score, f.rowid DESC LIMIT ? OFFSET ?",
            (match, RANKED_MATCHES, count, skip),
        )

    ranked = best(limit, offset) if copies else first_of_each_cluster(best, limit, offset)
    if not ranked:
        return []
    order = [r["rowid"] for r in ranked]
    rows = {r["rowid"]: r for r in archive.query(
        "SELECT s.rowid, s.id, s.title, s.publisher, s.published, s.url, s.cluster, s.body,"
        " coalesce(c.size, 1) AS copies FROM stories s LEFT JOIN clusters c ON c.id = s.cluster"
        f" WHERE s.rowid IN ({_marks(order)})",
        order,
    )}
    terms = _Terms.of([t.strip('"').lower() for t in re.findall(r'"[^"]+"', match)])
    return [
        StoryHit(
            id=r["id"], title=r["title"], publisher=r["publisher"], published=r["published"],
            url=r["url"], cluster=r["cluster"], copies=r["copies"],
            snippet=_snippet(r["body"], terms, SNIPPET_WORDS), score=round(-rank["score"], 4),
        )
        for rank in ranked
        if (r := rows.get(rank["rowid"])) is not None  # the index may name a row since gone
    ]


def first_of_each_cluster(rows: Callable[[int], Sequence[sqlite3.Row]], limit: int,
                          offset: int = 0) -> list[sqlite3.Row]:
    """Entries `offset` to `offset + limit` of a list where a cluster's copies count once.

    `rows(n)` gives the first `n` rows of the list in order, each with a `cluster` column;
    the first row of each cluster stands for it and stories without a cluster are never
    merged. Rows are read a few times the entries wanted, more only if copies crowd them.

    >>> listing = [{"id": "a", "cluster": "c1"}, {"id": "b", "cluster": "c1"},
    ...            {"id": "c", "cluster": None}]
    >>> [r["id"] for r in first_of_each_cluster(lambda n: listing[:n], limit=2)]
    ['a', 'c']
    """
    wanted = offset + limit
    count = max(3 * wanted, 50)
    while True:
        batch = rows(count)
        kept: list[sqlite3.Row] = []
        seen: set[str] = set()
        for row in batch:
            cluster = row["cluster"]
            if cluster is not None:
                if cluster in seen:
                    continue
                seen.add(cluster)
            kept.append(row)
            if len(kept) == wanted:
                return kept[offset:]
        if len(batch) < count:
            return kept[offset:]
        count *= 4


def snippet(body: str, terms: Sequence[str], words: int = SNIPPET_WORDS) -> str:
    """About `words` words of `body` around the first term found, the terms in [brackets].

    >>> snippet("The ferry left at noon and the harbour closed.", ["harbour"], words=4)
    '…and the [harbour] closed.'
    """
    return _snippet(body, _Terms.of(terms), words)


@dataclass(frozen=True, slots=True)
class _Terms:
    """A search's terms compiled once for all its hits: a search page makes 60 snippets."""

    each: tuple[re.Pattern[str], ...]
    # One alternation finds the leftmost of any term in a single pass over the body; with
    # the word-boundary checks outside it, the pass takes half the time.
    first: re.Pattern[str] | None

    @classmethod
    def of(cls, terms: Sequence[str]) -> _Terms:
        escaped = [re.escape(t) for t in terms if t]
        return cls(tuple(re.compile(rf"(?<!\w){t}(?!\w)", re.IGNORECASE) for t in escaped),
                   re.compile(rf"(?<!\w)(?:{'|'.join(escaped)})(?!\w)", re.IGNORECASE)
                   if escaped else None)


def _snippet(body: str, terms: _Terms, words: int) -> str:
    flat = " ".join(body.split())
    found = terms.first.search(flat) if terms.first is not None else None
    first = found.start() if found else 0
    half = words // 2
    # Only the words next to the match are split off, never the whole body.
    start_words = flat[:first].rsplit(None, half)[-half:] if half else []
    start = first - len(" ".join(start_words)) - (1 if start_words else 0)
    tokens = flat[max(0, start):].split(" ", words)
    window = " ".join(tokens[:words])
    for pattern in terms.each:
        window = pattern.sub(lambda m: f"[{m.group(0)}]", window)
    prefix = "…" if start > 0 else ""
    suffix = "…" if len(tokens) > words else ""
    return prefix + window + suffix


def latest_stories(archive: Archive, limit: int = 20, offset: int = 0, *,
                   copies: bool = False) -> list[StoryHit]:
    """The newest stories first (by publication date; undated ones last, newest stored
    first), one entry per story: a cluster's newest copy stands for it, with `copies` the
    cluster's size. `copies=True` lists every copy. `offset` counts entries."""

    def newest(count: int, skip: int = 0) -> list[sqlite3.Row]:
        return archive.query(
            "SELECT s.id, s.title, s.publisher, s.published, s.url, s.cluster,"
            " coalesce(c.size, 1) AS copies FROM stories s LEFT JOIN clusters c ON c.id = s.cluster"
            " ORDER BY s.published IS NULL, s.published DESC, s.rowid DESC LIMIT ? OFFSET ?",
            (count, skip),
        )

    rows = newest(limit, offset) if copies else first_of_each_cluster(newest, limit, offset)
    return [
        StoryHit(id=r["id"], title=r["title"], publisher=r["publisher"],
                 published=r["published"], url=r["url"], cluster=r["cluster"],
                 copies=r["copies"])
        for r in rows
    ]


def get_story(archive: Archive, story_id: str) -> StoryRecord | None:
    """The full Story with `id` (annotations, furniture, cluster), its cluster's original and
    original source, and every copy of it with its publisher; None if no such story."""
    rows = archive.query(
        "SELECT s.data, s.body, s.cluster, c.original, c.original_source FROM stories s"
        " LEFT JOIN clusters c ON c.id = s.cluster WHERE s.id = ?",
        (story_id,),
    )
    if not rows:
        return None
    row = rows[0]
    story = with_cluster(read_story(row["data"], row["body"]), row["cluster"],
                         row["original_source"])
    copies: list[Copy] = []
    if row["cluster"] is not None:
        for copy in archive.query(
            "SELECT id, publisher, title, published, url FROM stories WHERE cluster = ?"
            " ORDER BY id = ? DESC, published IS NULL, published, id",
            (row["cluster"], row["original"]),
        ):
            copies.append(Copy(id=copy["id"], publisher=copy["publisher"], title=copy["title"],
                               published=copy["published"], url=copy["url"],
                               is_original=copy["id"] == row["original"]))
    return StoryRecord(story=story, original=row["original"],
                       original_source=row["original_source"], copies=tuple(copies))


def find_quotes(
    archive: Archive,
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
) -> list[QuoteRow]:
    """Quotes, newest first, narrowed by who said them, what about, and when.

    `speaker` matches name variants across stories ("Lavrov", "Sergey Lavrov", "Sergei
    Lavrov"): a bare surname finds everyone of that surname, a bare first name everyone of
    that first name ("Hillary"), a full name the person with that first initial; a person id
    (`lavrov-s`) works too. A quote of several people ("Mike Pompeo and Sergey Lavrov") is
    found under each of their surnames. `about` is words that the quote, or
    the story it is in, holds. `since`/`until` are ISO dates (inclusive) on the story's date.
    """
    where: list[str] = []
    params: list[Any] = []
    mappings: dict[str, dict[str, str]] = {}
    if speaker:
        surname, first = _speaker_filter(speaker)
        if not surname:
            return []
        # A quote of several people ("Mike Pompeo and Sergey Lavrov") is no one person's
        # row, but found under each of their surnames.
        joint = "(q.speaker_surname IS NULL AND q.speaker_name LIKE ? AND q.speaker_name LIKE ?)"
        joint_params = ["% and %", f"%{_surname_word(speaker)}%"]
        if first is None:
            # One word is a surname, a first name ("Hillary"), or part of a joint speaker.
            where.append(f"(q.speaker_surname = ? OR q.speaker_first = ? OR {joint})")
            params += [surname, surname, *joint_params]
        else:
            mappings[surname] = _mapping(archive, surname)
            firsts = [f for f, group in mappings[surname].items() if group == first[:1]]
            one = (f"(q.speaker_surname = ? AND q.speaker_first IN ({_marks(firsts)}))"
                   if firsts else "0")
            where.append(f"({one} OR {joint})")
            params += ([surname, *firsts] if firsts else []) + joint_params
    if about:
        match = fts_query(about)
        if not match:
            return []
        where.append(
            "(q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
            " OR q.story IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?))"
        )
        params += [match, match]
    if since:
        where.append("substr(q.published, 1, 10) >= ?")
        params.append(since[:10])
    if until:
        where.append("substr(q.published, 1, 10) <= ?")
        params.append(until[:10])
    # The newest `limit` quotes are chosen by rowid alone, then joined to their stories: a
    # common surname has thousands of quotes, and sorting whole joined rows cost twice as much.
    order = "ORDER BY q.published IS NULL, q.published DESC, q.rowid"
    sql = (
        "SELECT s.id AS story_id, s.title, s.publisher, q.published, q.speaker_surname,"
        " q.speaker_first, q.speaker_name, q.speaker_role, q.text, q.kind, q.via"
        " FROM quotes q JOIN stories s ON s.rowid = q.story"
        " WHERE q.rowid IN (SELECT q.rowid FROM quotes q"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" {order} LIMIT ?) {order}"
    )
    rows = archive.query(sql, (*params, limit))
    return _quote_rows(archive, rows, mappings)


def list_people(archive: Archive, limit: int = 50, offset: int = 0) -> list[PersonRow]:
    """The most quoted people, with their usual role, quote and story counts."""
    rows = archive.query(
        "SELECT speaker_surname AS surname, speaker_first AS first, speaker_name AS name,"
        " speaker_role AS role, story FROM quotes WHERE speaker_surname IS NOT NULL"
    )
    people = _people(rows)
    people.sort(key=lambda p: (-p.quotes, -p.stories, p.id))
    return people[offset:offset + limit]


def get_person(archive: Archive, person_id: str) -> PersonRecord | None:
    """One person: role and name forms, every quote (newest first, with story and date) and
    the people quoted in the same stories; None if nobody has that id."""
    surname, initial = parse_person_id(person_id)
    mapping = _mapping(archive, surname)
    firsts = [first for first, group in mapping.items() if group == initial]
    if not firsts:
        return None
    rows = archive.query(
        "SELECT s.id AS story_id, s.title, s.publisher, q.published, q.speaker_surname,"
        " q.speaker_first, q.speaker_name, q.speaker_role, q.text, q.kind, q.via, q.story"
        " FROM quotes q JOIN stories s ON s.rowid = q.story"
        f" WHERE q.speaker_surname = ? AND q.speaker_first IN ({_marks(firsts)})"
        " ORDER BY q.published IS NULL, q.published DESC, q.rowid",
        (surname, *firsts),
    )
    person = _people(
        {"surname": surname, "first": r["speaker_first"], "name": r["speaker_name"],
         "role": r["speaker_role"], "story": r["story"]}
        for r in rows
    )[0]
    stories = sorted({r["story"] for r in rows})
    others = archive.query(
        "SELECT speaker_surname AS surname, speaker_first AS first, speaker_name AS name,"
        " speaker_role AS role, story FROM quotes"
        f" WHERE story IN ({_marks(stories)}) AND speaker_surname IS NOT NULL",
        stories,
    )
    alongside = [p for p in _people(others, archive) if p.id != person.id]
    alongside.sort(key=lambda p: (-p.stories, -p.quotes, p.id))
    return PersonRecord(person=person, quotes=tuple(_quote_rows(archive, rows)),
                        alongside=tuple(alongside))


def find_events(
    archive: Archive, actor: str | None = None, type: str | None = None, limit: int = 100,
    offset: int = 0,
) -> list[EventRow]:
    """Events, newest first. `actor` is a name ("Russia", "Lavrov") or a three-letter
    country or sector code ("RUS", "GOV") on either side; `type` a PLOVER type ("SANCTION")."""
    where, params = _event_filter(actor, type)
    rows = archive.query(
        "SELECT e.rowid AS event, s.id AS story_id, s.title, e.published, e.type, e.mode,"
        " e.when_text, e.when_date, e.where_text, e.evidence"
        " FROM events e JOIN stories s ON s.rowid = e.story" + where
        + " ORDER BY e.published IS NULL, e.published DESC, e.rowid LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    actors: dict[int, dict[str, list[ActorRow]]] = defaultdict(lambda: defaultdict(list))
    events = [r["event"] for r in rows]
    for chunk in _chunks(events, 500):
        for a in archive.query(
            "SELECT event, side, text, entity, country, sector FROM event_actors"
            f" WHERE event IN ({_marks(chunk)}) ORDER BY rowid",
            chunk,
        ):
            actors[a["event"]][a["side"]].append(
                ActorRow(text=a["text"], entity=a["entity"], country=a["country"],
                         sector=a["sector"]))
    return [
        EventRow(
            story_id=r["story_id"], title=r["title"], published=r["published"], type=r["type"],
            mode=r["mode"], source=tuple(actors[r["event"]]["source"]),
            target=tuple(actors[r["event"]]["target"]),
            when=r["when_date"] or r["when_text"], where=r["where_text"], evidence=r["evidence"],
        )
        for r in rows
    ]


def event_counts(archive: Archive, actor: str | None = None,
                 type: str | None = None) -> tuple[list[str | None], Counter[str]]:
    """The publication date of every event `find_events` would list (for a timeline and a
    page count) and how many there are of each type for the actor alone (for a filter)."""
    where, params = _event_filter(actor, type)
    dates = [r[0] for r in archive.query(
        "SELECT e.published FROM events e" + where, params)]
    where, params = _event_filter(actor, None)
    types = Counter({r[0]: r[1] for r in archive.query(
        "SELECT e.type, count(*) FROM events e" + where + " GROUP BY e.type", params)})
    return dates, types


def _event_filter(actor: str | None, type: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) that picks an actor's events of a type."""
    where: list[str] = []
    params: list[Any] = []
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if actor:
        if _CODE.match(actor):
            where.append(
                "e.rowid IN (SELECT event FROM event_actors WHERE country = ? OR sector = ?)"
            )
            params += [actor, actor]
        else:
            where.append(
                "e.rowid IN (SELECT a.event FROM event_actors a LEFT JOIN entities n"
                " ON n.story = a.story AND n.entity = a.entity"
                " WHERE a.text LIKE ? OR n.name LIKE ?)"
            )
            params += [f"%{actor}%", f"%{actor}%"]
    return (" WHERE " + " AND ".join(where) if where else ""), params


def list_clusters(archive: Archive, min_size: int = 2, limit: int = 100) -> list[ClusterRow]:
    """Syndication clusters of at least `min_size` copies, largest first, with the original
    copy, the original source and every publisher that ran it."""
    rows = archive.query(
        "SELECT id, size, original, original_source, title, first_published FROM clusters"
        " WHERE size >= ? ORDER BY size DESC, first_published IS NULL, first_published, id"
        " LIMIT ?",
        (min_size, limit),
    )
    publishers: dict[str, tuple[str, ...]] = {}
    ids = [r["id"] for r in rows]
    for chunk in _chunks(ids, 500):
        for p in archive.query(
            "SELECT cluster, publisher FROM stories"
            f" WHERE cluster IN ({_marks(chunk)}) AND publisher IS NOT NULL"
            " GROUP BY cluster, publisher ORDER BY cluster, publisher",
            chunk,
        ):
            publishers[p["cluster"]] = (*publishers.get(p["cluster"], ()), p["publisher"])
    return [
        ClusterRow(id=r["id"], size=r["size"], original=r["original"],
                   original_source=r["original_source"], title=r["title"],
                   first_published=r["first_published"], publishers=publishers.get(r["id"], ()))
        for r in rows
    ]


def archive_stats(archive: Archive) -> ArchiveStats:
    """Counts of everything the archive holds, its schema version and size on disk."""

    def one(sql: str) -> Any:
        return archive.query(sql)[0][0]

    people = len(_people(archive.query(
        "SELECT speaker_surname AS surname, speaker_first AS first, speaker_name AS name,"
        " NULL AS role, NULL AS story FROM quotes WHERE speaker_surname IS NOT NULL"
        " GROUP BY speaker_surname, speaker_first, speaker_name"
    )))
    return ArchiveStats(
        file=archive.path,
        schema_version=archive.schema_version,
        size_bytes=archive.size_bytes(),
        stories=one("SELECT count(*) FROM stories"),
        clusters=one("SELECT count(*) FROM clusters"),
        syndicated_clusters=one("SELECT count(*) FROM clusters WHERE size > 1"),
        syndicated_copies=one("SELECT coalesce(sum(size), 0) FROM clusters WHERE size > 1"),
        publishers=one("SELECT count(DISTINCT publisher) FROM stories"),
        entities=one("SELECT count(*) FROM entities"),
        quotes=one("SELECT count(*) FROM quotes"),
        people=people,
        events=one("SELECT count(*) FROM events"),
        learned_furniture=one("SELECT count(*) FROM publisher_lines WHERE learned = 1"),
        first_published=one("SELECT min(published) FROM stories"),
        last_published=one("SELECT max(published) FROM stories"),
    )


# --- people ---------------------------------------------------------------------------------


def _speaker_filter(speaker: str) -> tuple[str, str | None]:
    """(surname, first name or None for every person of the surname) for a speaker query."""
    if re.fullmatch(r"[a-z]+(-[a-z])?", speaker):
        surname, initial = parse_person_id(speaker)
        return surname, initial if "-" in speaker else None
    surname, first = name_key(speaker)
    return surname, first or None


def _surname_word(speaker: str) -> str:
    """The surname as written in a query ("Lavrov" of "Sergei Lavrov"), for a LIKE on names."""
    words = [w for w in re.findall(r"[^\W\d_]+", speaker) if len(w) > 1]
    return words[-1] if words else speaker


def _mapping(archive: Archive, surname: str) -> dict[str, str]:
    rows = archive.query(
        "SELECT speaker_first, count(*) FROM quotes WHERE speaker_surname = ?"
        " GROUP BY speaker_first",
        (surname,),
    )
    return group_surname(NameCount(first=r[0] or "", name="", count=r[1]) for r in rows)


def _people(rows: Iterable[Any], archive: Archive | None = None) -> list[PersonRow]:
    """Group quote rows (surname, first, name, role, story) into people.

    Without `archive`, the rows must hold every quote of their surnames (so the grouping of
    bare surnames is right); with it, each surname's grouping is read from the archive.
    """
    rows = list(rows)
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        by_surname[r["surname"]][r["first"] or ""] += 1
    mappings = {
        surname: (_mapping(archive, surname) if archive is not None else
                  group_surname(NameCount(f, "", n) for f, n in firsts.items()))
        for surname, firsts in by_surname.items()
    }
    names: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    quotes: Counter[str] = Counter()
    stories: dict[str, set[Any]] = defaultdict(set)
    for r in rows:
        surname = r["surname"]
        initial = mappings[surname].get(r["first"] or "", "")
        pid = f"{surname}-{initial}" if initial else surname
        quotes[pid] += 1
        stories[pid].add(r["story"])
        if r["name"]:
            names[pid][r["name"]] += 1
        if r["role"]:
            roles[pid][r["role"]] += 1
    people = []
    for pid, count in quotes.items():
        forms = names[pid]
        # The usual full name: most used among names with a first name, longer on a tie.
        best = max(forms, key=lambda n: (len(n.split()) > 1, forms[n], len(n), n)) if forms else pid
        role = max(roles[pid], key=lambda r: (roles[pid][r], r)) if roles[pid] else None
        people.append(PersonRow(id=pid, name=best, role=role, quotes=count,
                                stories=len(stories[pid] - {None}),
                                names=tuple(sorted(forms, key=lambda n: (-forms[n], n)))))
    return people


def _quote_rows(archive: Archive, rows: Sequence[sqlite3.Row],
                mappings: dict[str, dict[str, str]] | None = None) -> list[QuoteRow]:
    """QuoteRows with person ids; `mappings` holds surnames' groupings already read."""
    mappings = dict(mappings or {})
    result = []
    for r in rows:
        surname = r["speaker_surname"]
        person = None
        if surname:
            if surname not in mappings:
                mappings[surname] = _mapping(archive, surname)
            initial = mappings[surname].get(r["speaker_first"] or "", "")
            person = f"{surname}-{initial}" if initial else surname
        result.append(QuoteRow(
            story_id=r["story_id"], title=r["title"], publisher=r["publisher"],
            published=r["published"], person=person, speaker=r["speaker_name"],
            role=r["speaker_role"], text=r["text"], kind=r["kind"], via=r["via"],
        ))
    return result


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values)) or "NULL"


def _chunks(values: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


__all__ = [
    "archive_stats",
    "event_counts",
    "find_events",
    "find_quotes",
    "first_of_each_cluster",
    "fts_query",
    "get_person",
    "get_story",
    "latest_stories",
    "list_clusters",
    "list_people",
    "search_stories",
    "snippet",
]
