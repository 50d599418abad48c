"""A publisher's own furniture, learned by the archive and handed to the extract stage.

Some furniture only shows itself by recurring: a site's disclaimer or promo in plain prose
("Support independent local journalism in Kestrel Bay ...") reads like reporting on one
page, but the archive sees it under dozens of that site's stories and learns it
(`newsgraph.corpus.boilerplate`). What it learned comes back here as a `PublisherLines`
lexicon, publisher name to the `line_key` of each learned paragraph, and extraction takes
those paragraphs out of the body before anything is annotated. So a stored story and
`analyze` given the same lexicon have the same body, the same annotations and the same id,
the hash of that body.

>>> lexicon = {"Kestrel Gazette": frozenset({line_key("Give to the Gazette fund.")})}
>>> story = Story(id="x", body="Rain fell.\\n\\nGive to the Gazette fund.", publisher="Kestrel Gazette")
>>> remove_publisher_lines(story, lexicon).body
'Rain fell.'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace

from newsgraph.extract.credits import parse_dateline
from newsgraph.model import Furniture, Story, story_id

# Publisher name ("" for stories that name none) -> keys of the paragraphs learned as its
# furniture.
PublisherLines = Mapping[str, frozenset[str]]
# The publisher of stories that name none: their lines are learned together.
UNKNOWN_PUBLISHER = ""
LEARNED_KIND = "other"

_SPACES = re.compile(r"\s+")


def line_key(text: str) -> str:
    """The identity of a paragraph for counting: whitespace and case folded, hashed."""
    normal = _SPACES.sub(" ", text).strip().lower()
    return hashlib.sha1(normal.encode()).hexdigest()[:20]


def remove_publisher_lines(story: Story, lexicon: PublisherLines | None) -> Story:
    """The extracted story without the paragraphs its publisher's lexicon names, each kept
    as furniture of kind "other"; its id is that of the new body. Returns `story` itself
    when nothing matches or when removing would leave no body.

    Meant for a story straight out of extraction: it has no annotation spans to move.
    """
    keys = lexicon.get(story.publisher or UNKNOWN_PUBLISHER) if lexicon else None
    if not keys or not story.body:
        return story
    paragraphs = story.body.split("\n\n")
    learned = [bool(p) and line_key(p) in keys for p in paragraphs]
    kept = [p for p, out in zip(paragraphs, learned, strict=True) if not out]
    if not any(learned) or not any(kept):
        return story
    body = "\n\n".join(kept)
    dateline = story.dateline
    if learned[0]:
        # The dateline is read from the first paragraph: read it again from the new one.
        dateline = parse_dateline(kept[0])
    origin = story.url or story.source_path or story.source_id
    return replace(
        story,
        id=story_id(origin, body),
        body=body,
        dateline=dateline,
        furniture=story.furniture + tuple(
            Furniture(text=p, kind=LEARNED_KIND)
            for p, out in zip(paragraphs, learned, strict=True) if out
        ),
    )


__all__ = ["LEARNED_KIND", "UNKNOWN_PUBLISHER", "PublisherLines", "line_key",
           "remove_publisher_lines"]
