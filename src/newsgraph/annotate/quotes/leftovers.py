"""Quotations no reporting verb claimed: who they belong to.

A quotation often stands apart from its cue: "“A,” she said. “B.”", "He added: “B.”",
"“A,” Trump, the front-runner, said", a paragraph that is all quotation after the one that
named the speaker. `attach_leftovers` gives each such quotation to the attribution or cue
beside it, in that order of preference, and leaves scare quotes and titles alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.quotes.reading import MIN_CONTENT_WORDS, Draft, Reading, words
from newsgraph.annotate.quotes.relay import relaying_outlet
from newsgraph.annotate.quotes.rules import cue_tokens, subject_of, subject_tokens

# A quotation with no cue beside it is a statement only from this length on; shorter ones
# are mostly scare quotes and titles.
MIN_LONE_QUOTE_WORDS = 5
# How far back a lone quotation looks for the clause that introduces it, in tokens.
LOOKBACK_TOKENS = 40


def attach_leftovers(reading: Reading) -> None:
    """Give every quotation left unclaimed to the attribution or cue it goes with."""
    doc = reading.doc
    for quote in reading.quote_tokens:
        free = [i for i in quote if not reading.claimed[i]]
        if words(doc, free) < MIN_CONTENT_WORDS or len(free) * 2 < len(quote):
            continue
        draft = _idle_cue_beside(reading, quote) or _draft_before(reading, quote.start)
        draft = draft or _colon_before(reading, quote) or _verb_beside(reading, quote)
        if draft is None and words(doc, free) >= MIN_LONE_QUOTE_WORDS:
            draft = _speaker_before(reading, quote)
        if draft is None:
            continue
        draft.content.update(free)
        for i in free:
            reading.claimed[i] = True


def _draft_before(reading: Reading, start: int) -> Draft | None:
    """The direct quote this quotation goes on from: "“A,” she said, “B.”", "“A,” she said
    in an interview. “B.”", or "...,” she said.⏎⏎“B.”" (a paragraph that is all quotation)."""
    doc = reading.doc
    for draft in reversed(reading.drafts):
        if not any(reading.in_quote[i] for i in draft.content):
            continue
        last = max([*draft.cue, *draft.source, *draft.content])
        between = [t for t in doc[last + 1 : start] if not t.is_space]
        if last >= start or any(reading.in_quote[t.i] for t in between):
            continue
        breaks = doc[last:start].text.count("\n\n")
        if _sentence_on(reading, draft, between) and "\n" not in doc[last:start].text:
            return draft
        if (breaks == 1 and _sentence_on(reading, draft, between)
                and _one_sentence(doc[last].sent.start, between) and _whole_paragraph(reading, start)):
            # "“A,” Viguerie tells Breitbart News in an interview.⏎⏎“B.”": a paragraph that
            # is all quotation goes on from the quote that ended the paragraph before.
            return draft
        if len(between) > 6 or any(t.pos_ in ("VERB", "AUX") or t.text == "“" for t in between):
            continue
        only_marks = all(t.is_punct for t in between)
        if breaks == 0 or (breaks == 1 and only_marks and _whole_paragraph(reading, start)):
            return draft
    return None


# How far a quotation may stand from the end of the direct quote it goes on from.
FOLLOW_TOKENS = 30


def _sentence_on(reading: Reading, draft: Draft, between: list[Token]) -> bool:
    """"“A,” said Caddell, speaking of her health. “B.”": a quotation opening the next
    sentence of the same paragraph goes on the quote before it, whatever circumstance the
    writer put in between, unless that holds someone else's attribution."""
    if not between or len(between) > FOLLOW_TOKENS or between[-1].text not in (".", "!", "?"):
        return False
    same_speaker = {i for d in reading.drafts if d.source == draft.source
                    for i in [*d.content, *d.cue, *d.source]}
    return all(not reading.claimed[t.i] or t.i in same_speaker for t in between)


def _one_sentence(sentence_start: int, between: list[Token]) -> bool:
    """True when `between` is the end of the sentence that starts at token `sentence_start`."""
    return all(t.sent.start == sentence_start for t in between)


def _whole_paragraph(reading: Reading, start: int) -> bool:
    """True when the quotation starting at token `start` is its paragraph's only text."""
    doc = reading.doc
    quote = next(q for q in reading.quote_tokens if q and q.start == start)
    if quote.stop >= len(doc):
        return True
    last = doc[quote.stop - 1]
    return "\n" in last.whitespace_ or "\n" in doc[quote.stop].text


def _idle_cue_beside(reading: Reading, quote: range) -> Draft | None:
    """A cue that found no content, next to a quotation: "He added: “B.”", "“A,” said X.",
    "“A,” Trump, the front-runner, said"."""
    doc = reading.doc
    for verb in reading.idle_cues:
        cue = cue_tokens(verb)
        before = doc[cue[-1].i + 1 : quote.start]
        after = doc[quote.stop : cue[0].i]
        near_before = cue[-1].i < quote.start and len(before) <= 10 and "\n\n" not in before.text
        may_follow = quote.stop <= cue[0].i
        if not (near_before or may_follow) or not reading.free(t.i for t in cue):
            continue  # before the quotation and far from it: its source need not be read
        subject = subject_of(verb)
        source = [t.i for t in subject_tokens(subject, verb)] if subject is not None else []
        near_after = (may_follow and all(t.is_punct or t.i in source for t in after)
                      and "\n\n" not in after.text)
        if not (near_before or near_after):
            continue
        if not reading.shareable(source):
            source = []
        draft = Draft(set(), [t.i for t in cue], source, verb, relaying_outlet(verb))
        reading.idle_cues.remove(verb)
        reading.claim(draft)
        return draft
    return None


def _colon_before(reading: Reading, quote: range) -> Draft | None:
    """"Cruz called them on it: “The questions ...”": the colon is the cue, the subject of
    the clause before it the source."""
    doc = reading.doc
    i = quote.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":" or reading.claimed[i]:
        return None
    verb = doc[i - 1]
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    subject = subject_of(verb)
    source = [t.i for t in subject_tokens(subject, verb)] if subject is not None else []
    if not source or not reading.free(source):
        return None
    draft = Draft(set(), [i], source)
    reading.claim(draft)
    return draft


def _verb_beside(reading: Reading, quote: range) -> Draft | None:
    """Any verb written against a quotation reports it: "“This is fantastic!” beamed Donald
    Hartley", "“Let's go,” Trump boomed", "Hillary shot back, “I suppose ...”"."""
    doc = reading.doc
    after = [t for t in doc[quote.stop : min(quote.stop + 3, len(doc))] if not t.is_punct]
    before = [t for t in doc[max(quote.start - 3, 0) : quote.start]
              if not t.is_punct and not t.is_space]
    candidates = []
    if after and after[0].pos_ == "VERB":
        candidates.append(after[0])
    elif len(after) > 1 and after[0].pos_ in ("PROPN", "PRON") and after[1].pos_ == "VERB":
        candidates.append(after[1])
    if before and before[-1].pos_ in ("VERB", "ADP", "ADV") and doc[quote.start - 1].is_punct:
        verb = before[-1] if before[-1].pos_ == "VERB" else before[-1].head
        if verb.pos_ == "VERB":
            candidates.append(verb)
    for verb in candidates:
        if reading.claimed[verb.i] or reading.in_quote[verb.i] or "\n\n" in doc[
            min(verb.i, quote.start) : max(verb.i, quote.stop - 1)
        ].text:
            continue
        subject = subject_of(verb)
        source = [t.i for t in subject_tokens(subject, verb)] if subject is not None else []
        if not source or not reading.shareable(source):
            continue
        draft = Draft(set(), [t.i for t in cue_tokens(verb)], source, verb)
        if not reading.free(draft.cue):
            continue
        reading.claim(draft)
        return draft
    return None


def _speaker_before(reading: Reading, quote: range) -> Draft | None:
    """A long quotation with no cue of its own belongs to the clause before it in its
    paragraph: "..., Clinton said on Thursday in a speech in New York. “One, defeat ISIS"
    goes on Clinton's quote; "As Joel Pollak reported after ...:⏎⏎“For example, ..." is
    Pollak's."""
    doc = reading.doc
    start = quote.start - 1
    if start >= 0 and doc[start].is_space and "\n\n" in doc[start].text:
        start -= 1
        if start < 0 or doc[start].text != ":":
            return None
    for i in range(start, max(quote.start - LOOKBACK_TOKENS, 0) - 1, -1):
        token = doc[i]
        if "\n\n" in token.text_with_ws and i != start:
            return None
        if reading.in_quote[i]:
            continue
        owner = next((d for d in reversed(reading.drafts) if i in d.cue), None)
        if owner is not None:
            direct = any(reading.in_quote[j] for j in owner.content)
            return owner if direct or not owner.content else None
        if token.pos_ != "VERB" or reading.claimed[i]:
            continue
        subject = subject_of(token)
        source = [t.i for t in subject_tokens(subject, token)] if subject is not None else []
        cue = [t.i for t in cue_tokens(token)]
        if source and reading.shareable(source) and reading.free(cue):
            draft = Draft(set(), cue, source, token)
            reading.claim(draft)
            return draft
    return None



__all__ = ["LOOKBACK_TOKENS", "MIN_LONE_QUOTE_WORDS", "attach_leftovers"]
