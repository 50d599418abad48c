"""Extract: a raw Document becomes a Story with its clean body, metadata and furniture."""

from __future__ import annotations

from newsgraph.extract.html import extract_html
from newsgraph.extract.text import extract_text
from newsgraph.model import Document, Story


def extract_story(document: Document) -> Story:
    """The extract stage for one document, HTML or text."""
    if document.kind == "html":
        return extract_html(document)
    return extract_text(document)


__all__ = ["extract_html", "extract_story", "extract_text"]
