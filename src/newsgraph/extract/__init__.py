"""Extract: a raw Document becomes a Story with its clean body, metadata and furniture."""

from __future__ import annotations

from typing import Any

from newsgraph.extract.text import extract_text
from newsgraph.model import Document, Story


def extract_story(document: Document) -> Story:
    """The extract stage for one document, HTML or text."""
    if document.kind == "html":
        # The HTML side pulls in trafilatura and lxml; text-only runs start faster without them.
        from newsgraph.extract.html import extract_html

        return extract_html(document)
    return extract_text(document)


def __getattr__(name: str) -> Any:
    if name == "extract_html":
        from newsgraph.extract.html import extract_html

        return extract_html
    raise AttributeError(f"module 'newsgraph.extract' has no attribute {name!r}")


__all__ = ["extract_html", "extract_story", "extract_text"]
