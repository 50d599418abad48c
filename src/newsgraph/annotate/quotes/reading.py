"""The state of reading one story for attributions, shared by the quote finder's steps.

Each token of a story has at most one role in at most one attribution (PolNeAR's rule), so
the steps of `find_quotes` claim tokens as they go; a `Reading` holds the parse, where the
quotation marks are, what is claimed and the attributions drafted so far.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.model import Span

# A content shorter than this many words is a fragment ("said so"), not a statement.
MIN_CONTENT_WORDS = 2


@dataclass(slots=True)
class Draft:
    """One attribution being read: token indices of its content, cue and source."""

    content: set[int]
    cue: list[int]
    source: list[int]
    verb: Token | None = None
    via: str | None = None


@dataclass(slots=True)
class Reading:
    """The state of one story's reading: its parse, its quotations and the claimed tokens."""

    doc: Doc
    quoted: list[Span]
    quote_tokens: list[range]
    in_quote: list[bool]
    claimed: list[bool] = field(default_factory=list)
    sources: set[int] = field(default_factory=set)  # tokens claimed as some draft's source
    drafts: list[Draft] = field(default_factory=list)
    idle_cues: list[Token] = field(default_factory=list)
    quote_reach: list[int] = field(default_factory=list)  # see finder._reach

    def free(self, indices: Iterable[int]) -> bool:
        return not any(self.claimed[i] for i in indices)

    def shareable(self, source: Iterable[int]) -> bool:
        """A source is free, or already the source of another attribution: "X criticized
        the accord, saying it goes nowhere" has two attributions of X's."""
        return all(not self.claimed[i] or i in self.sources for i in source)

    def claim(self, draft: Draft) -> None:
        for i in [*draft.content, *draft.cue, *draft.source]:
            self.claimed[i] = True
        self.sources.update(draft.source)
        self.drafts.append(draft)

    def release(self, draft: Draft) -> None:
        """Withdraw `draft`, freeing its tokens but those another draft holds."""
        self.drafts.remove(draft)
        held = {i for d in self.drafts for i in [*d.content, *d.cue, *d.source]}
        for i in [*draft.content, *draft.cue, *draft.source]:
            if i not in held:
                self.claimed[i] = False
        self.sources = {i for d in self.drafts for i in d.source}



def words(doc: Doc, tokens: Iterable[int]) -> int:
    """How many of `tokens` are words, not punctuation or space."""
    return sum(1 for i in tokens if not doc[i].is_punct and not doc[i].is_space)



__all__ = ["MIN_CONTENT_WORDS", "Draft", "Reading", "words"]
