"""Which attributions are speech a reader would list as someone's quote.

PolNeAR, and so `find_quotes`, counts every attribution: an impression with no source ("the
mayor appeared to be winning"), a participle of asking with nobody asking ("Asked why, ..."),
a decision or an order ("Norway and Iceland agreed to reopen talks", "the patrol boat
ordered the trawler to leave"). A reader of the story page, the `quotes` command or the
people list wants only what somebody said, wrote or thought: `is_speech` keeps

* a quotation in quotation marks (its speaker may still be unknown);
* any other attribution only with a source, whose cue is no act of deciding, agreeing or
  ordering with an infinitive for content, and whose content says something: a figure or
  a market table's row ("Hang Seng: DOWN 0.1 percent", "Sydney put on 0.1 percent") is
  no one's words.

The quote annotator lists only speech; `find_quotes` and the PolNeAR bench keep them all.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.model import Quote

# Acts, not words, when what follows is an infinitive: "agreed to reopen talks", "ordered
# the trawler to leave", "decided to run", "voted to approve".
ACTS = frozenset({"agree", "order", "decide", "vote", "choose", "opt", "move", "arrange",
                  "attempt", "try", "seek", "resolve", "instruct", "direct", "command",
                  "authorize", "authorise", "allow", "permit", "force", "compel", "emerge",
                  "see", "put"})
# Words of a market's or a poll's figure: "0.1 percent", "DOWN", "UP", "unchanged".
_FIGURE_WORDS = frozenset({"percent", "per", "cent", "%", "pct", "points", "up", "down",
                           "unchanged", "flat", "higher", "lower"})


def is_speech(quote: Quote, doc: Doc) -> bool:
    """Whether `quote` is something somebody said, wrote or thought (see the module)."""
    if quote.kind == "direct":
        return True
    if quote.source is None:
        return False
    cue = doc.char_span(*quote.cue, alignment_mode="expand") if quote.cue else None
    verb = cue.root if cue is not None and len(cue) else None
    content = [t for start, end in quote.content
               for t in (doc.char_span(start, end, alignment_mode="expand") or ())]
    if verb is not None and verb.lemma_.lower() in ACTS and _infinitive_or_figure(content):
        return False
    return not _figure(content)


def _infinitive_or_figure(content: list[Token]) -> bool:
    words = [t for t in content if not t.is_punct]
    return bool(words) and (any(t.tag_ == "TO" for t in words[:4]) or _figure(content))


def _figure(content: list[Token]) -> bool:
    """No verb and a number in digits, with a word of a figure or numbers for a third of its
    words: a table's row, an amount ("DOWN 0.1 percent at 23,120"), not "at least 20
    victims" or "his strong third-place finish"."""
    words = [t for t in content if not t.is_punct and not t.is_space]
    if not words or any(t.pos_ in ("VERB", "AUX") and t.lower_ not in _FIGURE_WORDS
                        for t in words):
        return False
    numbers = [t for t in words if t.like_num and any(c.isdigit() for c in t.text)]
    if not numbers or any(t.text in "“”\"" for t in content):
        return False
    return any(t.lower_ in _FIGURE_WORDS for t in words) or 3 * len(numbers) >= len(words)


__all__ = ["ACTS", "is_speech"]
