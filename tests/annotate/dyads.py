"""What the event tests read off a story: (type, source country, target country) per event."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.annotate.events.coder import find_events
from newsgraph.model import Document, Story
from newsgraph.pipeline import analyze_document

Dyad = tuple[str, str | None, str | None]


def analyze(text: str, published: str | None = None) -> Story:
    """The whole pipeline over `text`; events read again against `published` if given."""
    story = analyze_document(Document(content=text, kind="text"))
    if published is not None:
        story = replace(story, published=published)
        story = replace(story, events=find_events(story))
    return story


def dyads(story: Story) -> set[Dyad]:
    """(type, source country, target country) of every event."""
    return {(e.type, e.source[0].country if e.source else None,
             e.target[0].country if e.target else None) for e in story.events}


def has(found: set[Dyad], want: Dyad) -> bool:
    """Whether some dyad matches `want`, None in `want` accepting any country."""
    return any(all(w is None or w == g for w, g in zip(want, dyad, strict=True))
               for dyad in found)
