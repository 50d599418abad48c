"""The outlet that relayed a quotation: "said on Ekho Moskvy radio", "told the Interfax agency".

A reader weighing a quote wants to know it came second-hand, so an outlet named in a
preposition phrase of the cue becomes the quote's `via`, distinct from its speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.quotes.cues import MEDIA

_RELAY_PREPOSITIONS = frozenset({"on", "in", "to", "via", "through"})


def relaying_outlet(verb: Token) -> str | None:
    """The outlet named after `verb` ("said on Ekho Moskvy radio" → "Ekho Moskvy")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _RELAY_PREPOSITIONS or prep.i < verb.i:
            continue
        for head in (c for c in prep.children if c.dep_ == "pobj"):
            outlet = _outlet(head)
            if outlet:
                return outlet
    return None


def _outlet(head: Token) -> str | None:
    """An organisation's name in the phrase, if the phrase names a medium or an ORG."""
    if head.lemma_.lower() not in MEDIA and head.ent_type_ != "ORG":
        return None
    return outlet_name(head)


def outlet_name(head: Token) -> str | None:
    """The name inside a phrase about an outlet ("the Interfax news agency" → "Interfax")."""
    names = [t for t in head.subtree if t.ent_type_ == "ORG"]
    names = names or [t for t in head.subtree if t.ent_type_ == "PERSON" or t.pos_ == "PROPN"]
    if not names:
        return None
    first, last = names[0].i, names[-1].i
    while first <= last and head.doc[first].dep_ == "det":
        first += 1
    return head.doc[first : last + 1].text or None


__all__ = ["outlet_name", "relaying_outlet"]
