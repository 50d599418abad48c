"""Extract: a raw Document becomes a Story with its clean body, metadata and furniture."""

from __future__ import annotations

from typing import Any

from newsgraph.extract.publisher_lines import PublisherLines, remove_publisher_lines
from newsgraph.extract.text import extract_text
from newsgraph.model import Document, Story


def extract_story(document: Document, lexicon: PublisherLines | None = None) -> Story:
    """The extract stage for one document, HTML or text; `lexicon` is the publisher
    furniture an archive has learned (`extract.publisher_lines`), taken out of the body."""
    if document.kind == "html":
        # The HTML side pulls in trafilatura and lxml; text-only runs start faster without them.
        from newsgraph.extract.html import extract_html

        return remove_publisher_lines(extract_html(document), lexicon)
    return remove_publisher_lines(extract_text(document), lexicon)


def __getattr__(name: str) -> Any:
    if name == "extract_html":
        from newsgraph.extract.html import extract_html

        return extract_html
    raise AttributeError(f"module 'newsgraph.extract' has no attribute {name!r}")


__all__ = ["PublisherLines", "extract_html", "extract_story", "extract_text"]
