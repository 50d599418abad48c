"""Writing Stories out: JSON, JSONL and the readable text card."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from newsgraph.errors import NewsgraphError
from newsgraph.model import Story, shown_events


def story_json(story: Story, indent: int | None = None) -> str:
    return json.dumps(story.to_dict(), ensure_ascii=False, indent=indent)


def story_card(story: Story) -> str:
    """A story as a person wants to read it: headline, dateline, source, byline, body, removals."""
    lines: list[str] = []
    title = story.title or "(untitled)"
    lines += [title, "=" * min(len(title), 78)]
    facts = []
    if story.dateline:
        facts.append(" ".join(p for p in (story.dateline.place, f"({story.dateline.agency})"
                                          if story.dateline.agency else None) if p))
    if story.published:
        facts.append(story.published)
    if story.publisher:
        facts.append(f"published by {story.publisher}")
    if story.original_source:
        facts.append(f"from {story.original_source}")
    if facts:
        lines.append(" · ".join(facts))
    if story.authors:
        lines.append("By " + ", ".join(story.authors))
    if story.contributors:
        names = [c.name + (f" ({c.place})" if c.place else "") for c in story.contributors]
        lines.append("Contributors: " + ", ".join(names))
    source = story.url or story.source_path or story.source_id
    if source:
        lines.append(f"Source: {source}")
    lines += ["", story.body or "(no article text found)", ""]
    if story.quotes:
        lines.append(f"Quotes ({len(story.quotes)}):")
        for quote in story.quotes:
            # A mixed quote's claim, its quoted words in their sentence, reads on its own.
            content = " … ".join(story.text(span) for span in quote.claim or quote.content)
            lines.append(f"  - {quote.speaker_name or 'unknown'}: {_clip(content, 100)} [{quote.kind}]")
        lines.append("")
    events = shown_events(story.events)
    if events:
        # The web page's plain words, so a card and a page say the same thing.
        from newsgraph.serve.view import entity_index, event_words

        entities = entity_index(story)
        lines.append(f"Events ({len(events)}):")
        for event in events:
            note = " (background)" if event.background else ""
            lines.append(f"  - {event_words(event, entities)}{note}")
        lines.append("")
    if story.furniture:
        lines.append(f"Removed ({len(story.furniture)}):")
        for piece in story.furniture:
            lines.append(f"  - [{piece.kind}] {_clip(piece.text, 90)}")
    for warning in story.warnings:
        lines.append(f"Warning: {warning}")
    return "\n".join(lines).rstrip() + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise NewsgraphError(f"cannot write {path}: {error.strerror or error}") from None
    with handle:
        yield handle
