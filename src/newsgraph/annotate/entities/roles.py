"""The role a story gives a person: the title or description written around their name.

News introduces people in a few fixed shapes, and the dependency parse exposes each:

- a premodifier title: "Russian Deputy Foreign Minister Sergei Ryabkov", "commentator Maxim
  Shevchenko", "Maduro's predecessor Hugo Chavez" (compound/amod/poss tokens left of the name);
- an apposition: "Vladimir Dzhabarov, deputy chairman of the foreign relations committee";
- an affiliation: "Alexander Gabuev of the Carnegie Moscow Center".

The role is the story's own wording, trimmed of determiners and punctuation, so it reads as
a label ("Russian Foreign Minister", not "the Russian Foreign Minister ,").

>>> from newsgraph.annotate.entities.nlp import parse
>>> doc = parse("The call came from commentator Maxim Shevchenko on Friday.")
>>> role_of(doc[5:7])
'commentator'
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Dependencies by which a title word hangs off the name it precedes.
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "prep", "pobj", "nummod"})
# Tokens that end a title when walking left from a name ("between", "and", "the").
_STOP_DEPS = frozenset({"det", "cc", "punct", "predet", "advmod", "conj", "appos"})
# Lower-case premodifiers that are descriptions, not titles: "a testy phone call" is not one.
_NOT_TITLE = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."})
# An apposition or affiliation longer than this is a clause, not a role.
MAX_ROLE_TOKENS = 16


def role_of(name: Span) -> str | None:
    """The role the text gives the person named by `name`, or None when it gives none.

    Premodifier titles win over appositions, which win over "of ORG" affiliations: a title
    is the story's own label, an apposition may describe rather than name a post.
    """
    return _premodifier(name) or _title_head(name) or _apposition(name) or _affiliation(name)


def _premodifier(name: Span) -> str | None:
    head = name.root
    doc = name.doc
    start = name.start
    i = name.start - 1
    while i >= 0:
        token = doc[i]
        if token.dep_ in _STOP_DEPS or token.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            break
        if not _inside(token, head) or token.dep_ not in _TITLE_DEPS:
            break
        # "of" in "Secretary of State" is inside a title only between two title words.
        inner_of = token.lower_ == "of" and start < name.start and i > 0
        if token.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP") and token.dep_ != "case" and not inner_of:
            break
        start = i
        i -= 1
    while start < name.start and doc[start].dep_ in ("case", "prep") or (
        start < name.start and doc[start].lower_ in _NOT_TITLE
    ):
        start += 1
    if start >= name.start:
        return None
    words = doc[start : name.start]
    if not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return None
    return words.text.strip() or None


def _title_head(name: Span) -> str | None:
    """"the podcast host Tom Vail": the parser makes the name an apposition of the title."""
    head = name.root.head
    if name.root.dep_ != "appos" or head.i != name.start - 1 or head.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = name.doc
    start = head.left_edge.i
    while start < head.i and doc[start].dep_ in ("det", "predet"):
        start += 1
    return doc[start : head.i + 1].text


def _inside(token: Token, head: Token) -> bool:
    """True when `token` sits in the subtree of the name's head (the title attaches to it)."""
    node = token
    for _ in range(8):
        if node == head:
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _apposition(name: Span) -> str | None:
    for child in name.root.children:
        if child.dep_ == "appos" and child.i >= name.end and child.ent_type_ != "PERSON":
            return _phrase(child)
    return None


def _affiliation(name: Span) -> str | None:
    for child in name.root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "at") and child.i == name.end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].ent_type_ in ("ORG", "GPE", "FAC", "LOC", "NORP"):
                return _phrase(objects[0])
    return None


def _phrase(token: Token) -> str | None:
    """The subtree of `token` without leading determiners or trailing punctuation."""
    tokens = list(token.subtree)
    while tokens and (tokens[0].dep_ in ("det", "punct") or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_ROLE_TOKENS:
        return None
    doc = token.doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


__all__ = ["MAX_ROLE_TOKENS", "role_of"]
