"""Archive test helpers: a real SQLite file in tmp_path, and Stories written the way
`ingest` writes them (through `ArchiveWriter`), for tests that need exact annotations."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.corpus import Archive
from newsgraph.corpus.ingest import ArchiveWriter
from newsgraph.model import Actor, Entity, Event, Quote, Story, When, story_id

from .maker import paragraphs


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with Archive.open(tmp_path / "archive.db") as opened:
        yield opened


def store(archive: Archive, *stories: Story) -> None:
    writer = ArchiveWriter(archive)
    for story in stories:
        writer.write(story, "key-" + story.id)
    writer.close()


def make_story(body: str, origin: str, **fields: object) -> Story:
    return Story(id=story_id(origin, body), body=body, url=origin, **fields)  # type: ignore[arg-type]


def quoted_story(origin: str, speaker: str, said: str, about: str, published: str,
                 role: str | None = None, publisher: str = "Harbour Gazette") -> Story:
    """A story in which `speaker` says `said`, with its entity, quote and one event."""
    surname = speaker.split()[-1]
    body = (f"{speaker} spoke about {about} on Tuesday in Velmora during a long visit.\n\n"
            f'"{said}," {surname} said.\n\n'
            f"The government of Tarvik imposed sanctions on Velmora over the {about} dispute.\n\n"
            + "\n\n".join(paragraphs(zlib.crc32(origin.encode()), count=2)))
    first = body.index(speaker)
    second = body.index(f"{surname} said")
    quote_start = body.index('"')
    quote_end = body.index('"', quote_start + 1) + 1
    sanction = body.index("The government")
    sanction_end = body.index("dispute.") + len("dispute")
    entities = (
        Entity(id="e1", name=speaker, type="PERSON", role=role,
               mentions=((first, first + len(speaker)), (second, second + len(surname)))),
        Entity(id="e2", name="Tarvik", type="GPE", mentions=((body.index("Tarvik"),
                                                               body.index("Tarvik") + 6),)),
    )
    quotes = (Quote(content=((quote_start, quote_end),), kind="direct",
                    cue=(second + len(surname) + 1, second + len(surname) + 5),
                    source=(second, second + len(surname)), speaker="e1",
                    speaker_name=surname),)
    events = (Event(type="SANCTION", evidence=((sanction, sanction_end),),
                    source=(Actor(text="The government of Tarvik", entity="e2", country="TRV",
                                  sector="GOV"),),
                    target=(Actor(text="Velmora", country="VLM"),), when=When("Tuesday", published)),)
    return make_story(body, origin, title=f"{surname} on {about}", published=published,
                      publisher=publisher, entities=entities, quotes=quotes, events=events)
