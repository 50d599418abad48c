"""Annotate: per-story annotators (entities, quotes, events) that add to a Story.

`default_annotators()` lists them in pipeline order; each new annotator registers here.
"""

from __future__ import annotations

from newsgraph.annotate.base import Annotator, check_order


def default_annotators() -> list[Annotator]:
    """The annotators `newsgraph analyze` runs, in order."""
    # Imported here, not at module level: spaCy takes seconds to import, and commands that
    # never annotate (`--help`, `extract`, archive queries) should not pay for it.
    from newsgraph.annotate.entities import EntityFinder
    from newsgraph.annotate.events import EventCoder
    from newsgraph.annotate.quotes import QuoteFinder

    annotators: list[Annotator] = [EntityFinder(), QuoteFinder(), EventCoder()]
    check_order(annotators)
    return annotators


__all__ = ["Annotator", "check_order", "default_annotators"]
