"""Where the quotation marks of a story open and close, paragraph by paragraph.

News uses curly (“ ”), straight ("), low-high („ “), guillemets (« ») and the typewriter
convention of the New York Times (`` ''). A quotation that runs over several paragraphs
leaves each paragraph but the last unclosed and opens the next with a fresh mark; that is
the open-quote convention, and such a quotation comes back as one span. A mark that stays
unbalanced (a typo, a stripped character) only affects its own paragraph: the quotation
runs to the paragraph's end instead of swallowing the rest of the story, which is the
failure that makes textacy drop a whole article.

>>> body = 'He said: “We will win.”\\n\\n“And then,” she said, "we go home.'
>>> [body[s:e] for s, e in find_quoted(body)]
['“We will win.”', '“And then,”', '"we go home.']
"""

from __future__ import annotations

import re

from newsgraph.model import Span

OPENERS = ("``", "“", "„", "«", "‹")
CLOSERS = ("''", "”", "»", "›")
STRAIGHT = '"'
# Marks that both open and close: the straight quote, and two apostrophes in NYT style.
AMBIGUOUS = ('"', "''")
_MARK = re.compile(r"``|''|[“”„«»‹›\"]")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


def find_quoted(body: str) -> list[Span]:
    """Every quotation in `body` as a `[start, end)` span that includes its marks."""
    spans: list[Span] = []
    carried: Span | None = None  # a quotation left open by the previous paragraph
    for match in _PARAGRAPH.finditer(body):
        start, end = match.start(), match.end()
        pieces, open_at = _quoted_in_paragraph(body, start, end)
        if carried is not None:
            continues = _opens_with_mark(body, start)
            if continues and pieces and pieces[0][0] == start:
                # The open-quote convention: the quotation goes on and closes here.
                spans.append((carried[0], pieces.pop(0)[1]))
            elif continues and open_at == start:
                open_at = carried[0]  # ...and goes on past this paragraph too
            else:
                spans.append(carried)
            carried = None
        spans.extend(pieces)
        if open_at is not None:
            carried = (open_at, _rstrip(body, start, end))
    if carried is not None:
        spans.append(carried)
    return sorted(spans)


def _opens_with_mark(body: str, start: int) -> bool:
    return body.startswith(OPENERS + AMBIGUOUS, start)


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def _quoted_in_paragraph(body: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed quotations of one paragraph, and where an unclosed one opens (or None)."""
    spans: list[Span] = []
    open_at: int | None = None
    open_mark = ""
    for mark in _MARK.finditer(body, start, end):
        text = mark.group()
        if open_at is None:
            if text in OPENERS or (
                (text in AMBIGUOUS or _misturned(body, mark.start(), start, text))
                and _can_open(body, mark.end(), end)
            ):
                open_at, open_mark = mark.start(), text
        elif (text in CLOSERS and text != "''") or (text in AMBIGUOUS and open_mark in AMBIGUOUS) or (
            text == "''" and open_mark == "``"
        ):
            spans.append((open_at, mark.end()))
            open_at = None
        elif text == STRAIGHT and open_mark != STRAIGHT and _can_open(body, mark.end(), end):
            continue  # a straight mark nested in curly ones is an inner quotation
        elif text in OPENERS and open_mark == text:
            # The same opener again before any closer: the first was a stray mark.
            open_at = mark.start()
    return spans, open_at


def _misturned(body: str, at: int, start: int, text: str) -> bool:
    """A closing mark where a quotation must open, at a paragraph's or a word's start
    (”Fear. I am truly afraid ...”): typed the wrong way round."""
    return text == "”" and (at == start or body[at - 1].isspace())


def _can_open(body: str, after: int, end: int) -> bool:
    """A straight mark opens a quotation when text, not space, follows it."""
    return after < end and not body[after].isspace()


__all__ = ["AMBIGUOUS", "CLOSERS", "OPENERS", "find_quoted"]
