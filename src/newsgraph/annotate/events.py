"""Who did what to whom: PLOVER events coded from the dependency parse of a story.

Each sentence is read for words that report an act (see `plover.py`): a verb ("accused"),
a verb with its particle or object ("blew up", "imposed a curfew"), or an event noun with
its actors ("the call between Pompeo and Lavrov", "Russia's backing of Maduro"). Only the
outermost act of a clause is coded: in "threatened to ban voting" or "agreed that their
countries should cooperate" the inner act is what was threatened or agreed. Future and
conditional acts are promises (AGREE) or, when hostile, threats (THREATEN); "X said Y
must Z" is a demand; negated acts did not happen and are not coded.

The subject is the source and the object, or the party after "to", "with", "against" and
the like, the target; a passive swaps them; a pronoun takes the nearest actor before it.
Compound actors give one event per pair, and reciprocal acts ("met", "each accused the
other") one per direction. Acts inside direct quotes are the speaker's words, not news,
and are skipped. Nominal events dated to an earlier year ("its 2014 annexation") are
marked as background.

>>> from newsgraph.model import Story
>>> story = Story(id="s", body="Russia supports President Nicolas Maduro.")
>>> [(e.type, e.source[0].country) for e in find_events(story)]
[('SUPPORT', 'RUS')]
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace
from itertools import product
from typing import ClassVar

from spacy.tokens import Doc, Token

from newsgraph.annotate.actors import ActorIndex, actor_for, actor_of_entity, index_actors
from newsgraph.annotate.acts import INDEPENDENT, Act, find_acts, lemma
from newsgraph.annotate.base import Annotator
from newsgraph.annotate.countries import CAPITALS
from newsgraph.annotate.nlp import parse
from newsgraph.annotate.plover import GIVING_VERBS, RECIPROCAL, REPORTING
from newsgraph.annotate.timex import parse_published, resolve_date
from newsgraph.model import Actor, Event, Story, When, Where

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "at", "between", "for", "from",
                           "into", "in", "over", "of", "toward", "towards", "upon", "behind"})
_RECIPROCAL_SUBJECTS = frozenset({"each", "both"})
_SPEAKERS = frozenset({"i", "we", "you"})
# Acts a speaker performs by saying them: a quoted threat is a threat.
SPEECH_ACTS = frozenset({"THREATEN", "DEMAND", "DISAPPROVE", "REJECT", "AGREE", "SUPPORT"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
_OWN = frozenset({"its", "their", "his", "her", "our"})
_SKIP_IN_SEARCH = frozenset({"nsubj", "nsubjpass", "agent", "punct", "cc", "conj", "relcl",
                             "appos", "parataxis", "mark", "aux", "neg", "advmod", "det"})
_QUOTED = re.compile(r"[“\"]([^”\"\n]+)[”\"]")
_CIRCUMSTANCE = frozenset({"despite", "after", "following", "since", "before", "during",
                           "amid", "because"})
_MAX_PAIRS = 6
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def find_events(story: Story, doc: Doc | None = None) -> tuple[Event, ...]:
    """Every PLOVER event the story reports, in reading order."""
    doc = doc if doc is not None else parse(story.body)
    index = index_actors(story, doc)
    quoted = _quoted_speakers(story)
    anchored = parse_published(story.published) is not None
    events: list[Event] = []
    for sent in doc.sents:
        for act in find_acts(sent):
            speaker: Actor | None = None
            if act.trigger.idx in quoted:
                speaker = _speaker_act(act, quoted[act.trigger.idx], index)
                if speaker is None:
                    continue  # a statement about the world, not an act of its speaker
            for event in _events_for(act, index, speaker):
                events.append(_dated(event, act, story, anchored))
    return tuple(events)


def _quoted_speakers(story: Story) -> dict[int, str | None]:
    """Characters inside direct quotes, with the entity id of who is quoted.

    The quotes stage's direct quotes where it ran, else long runs inside quote marks.
    """
    chars: dict[int, str | None] = {}
    spans = [(s, q.speaker) for q in story.quotes if q.kind == "direct" for s in q.content]
    if not story.quotes:
        spans = [(m.span(1), None) for m in _QUOTED.finditer(story.body)
                 if len(m.group(1).split()) >= 4]
    for (start, end), speaker in spans:
        chars.update(dict.fromkeys(range(start, end), speaker))
    return chars


def _speaker_act(act: Act, speaker_id: str | None, index: ActorIndex) -> Actor | None:
    """The speaker as source when a quote is itself the act ("We will retaliate," he said)."""
    if speaker_id is None or act.sense[0] not in SPEECH_ACTS:
        return None
    subject = _subject(act.anchor)
    if subject is not None and subject.lower_ not in _SPEAKERS:
        return None
    entity = next((e for e in index.story.entities if e.id == speaker_id), None)
    return actor_of_entity(entity, index) if entity is not None else None


def _events_for(act: Act, index: ActorIndex, speaker: Actor | None = None) -> list[Event]:
    subject = _subject(act.anchor)
    if speaker is None and subject is not None and subject.lower_ in _SPEAKERS:
        return []  # "I thank my family": words of an unknown speaker, not a report
    sources = [speaker] if speaker is not None else _sources(act, index)
    targets = _targets(act, index, sources)
    reciprocal = _reciprocal_group(act, index)
    if not sources and not reciprocal and act.trigger.pos_ == "NOUN" \
            and act.anchor.i == act.trigger.i:
        return []  # "a trip to Disney World": an event noun with no one doing it
    if not any(a.country or a.sector for a in (*sources, *targets, *reciprocal)):
        return []  # political events need a political actor: "visit us on Twitter" is none
    pairs: list[tuple[tuple[Actor, ...], tuple[Actor, ...]]]
    if reciprocal and sources:
        targets, reciprocal = reciprocal, []  # "mediation between A and B": A and B are acted on
    if reciprocal:
        pairs = [((a,), (_other(b, act, index),)) for a, b in product(reciprocal, reciprocal)
                 if a != b]
    elif len(sources) > 1 and not targets and act.sense[0] in RECIPROCAL:
        pairs = [((a,), (b,)) for a, b in product(sources, sources) if a != b]
    elif sources and targets:
        pairs = [((a,), (b,)) for a, b in product(sources, targets)]
    else:
        pairs = [((a,), ()) for a in sources] or [((), (b,)) for b in targets]
    type_, mode = act.sense
    evidence = _evidence(act)
    where = _where(act, index, {t.text for _, ts in pairs for t in ts})
    return [Event(type=type_, mode=mode, evidence=evidence, source=s, target=t, where=where)
            for s, t in pairs[:_MAX_PAIRS]]


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, through xcomp, conj, 'be to' and participle chains."""
    node: Token | None = verb
    while node is not None:
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
        if node.dep_ in ("xcomp", "conj", "acomp", "advcl") and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head  # "resorted to throwing stones": who resorted throws
        elif node.dep_ == "relcl":
            return node.head
        elif node.dep_ == "acl":
            if any(c.dep_ == "auxpass" for c in node.children):
                return None  # "vapour being released": the noun is acted on, the actor unsaid
            noun = node.head  # "issued a declaration demanding ...": the issuer demands
            node = noun.head if noun.dep_ in ("dobj", "attr") else None
            if node is None:
                return noun
        else:
            node = None
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _sources(act: Act, index: ActorIndex) -> list[Actor]:
    anchor = act.anchor
    head: Token | None
    if act.trigger.pos_ in ("NOUN", "PROPN") and anchor.i == act.trigger.i:
        owner = next((c for c in act.trigger.children if c.dep_ == "poss"), None)
        head = owner or _pobj(act.trigger, ("by",))
    else:
        head = _agent(anchor)
        if head is None:
            subject = _subject(anchor)
            passive = subject is not None and subject.dep_ == "nsubjpass" \
                and subject.head.i in (anchor.i, act.trigger.i)
            head = None if passive else subject
        if head is None and anchor.dep_ == "ccomp" and anchor.head.lemma_ in REPORTING:
            head = _subject(anchor.head)
    if head is None or head.lower_ in _RECIPROCAL_SUBJECTS:
        return []
    return _actors(head, index)


def _pobj(token: Token, preps: tuple[str, ...]) -> Token | None:
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pobj"), None)


def _targets(act: Act, index: ActorIndex, sources: list[Actor]) -> list[Actor]:
    """The party acted on: the object, the party after a preposition, else the nearest actor."""
    taken = {a.text for a in sources}
    candidates: list[Token] = []
    if act.complement is not None:
        subject = next((c for c in act.complement.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        if subject is not None and subject.pos_ != "PRON":
            candidates.append(subject)
    verbs = list({v.i: v for v in (act.trigger, act.anchor) if v.pos_ in ("VERB", "AUX", "ADJ")}
                 .values())
    # What is mobilized or given is not the party acted on ("sent advisers to X").
    objects = ("dative",) if act.sense[0] == "MOBILIZE" or lemma(act.anchor) in GIVING_VERBS \
        else ("dobj", "dative", "nsubjpass", "attr")
    candidates.extend(c for v in verbs for c in v.children if c.dep_ in objects)
    if act.trigger.dep_ == "xcomp":
        candidates.extend(c for c in act.trigger.head.children if c.dep_ == "dobj")
    holders = dict.fromkeys([act.trigger, *verbs, *(c for v in verbs for c in v.children
                                                   if c.dep_ == "prt")])
    for holder in holders:
        candidates.extend(g for c in holder.children if c.dep_ == "prep"
                          and c.lower_ in _TARGET_PREPS for g in c.children if g.dep_ == "pobj")
    for child in (c for v in (act.trigger, act.anchor) for c in v.children):
        if child.dep_ in ("xcomp", "ccomp", "advcl") and child.i != act.trigger.i:
            candidates.extend(c for c in child.children if c.dep_ in ("dobj", "dative"))
            candidates.extend(g for p in child.children if p.dep_ == "prep"
                              and p.lower_ in _TARGET_PREPS for g in p.children
                              if g.dep_ == "pobj")
    if act.condition is not None:
        candidates.extend(c for c in act.condition.children if c.dep_ == "nsubj")
    for candidate in candidates:
        if candidate.i == act.trigger.i or _owned(candidate):
            continue
        actors = [a for a in _actors(candidate, index) if a.text not in taken]
        if not actors:
            actors = _modifier_actors(candidate, index, taken)
        if actors:
            return actors
    return _search_target(act, index, taken)


def _owned(noun: Token) -> bool:
    """'its troops', 'their borders': the source's own, not a party acted on."""
    return any(c.dep_ == "poss" and c.lower_ in _OWN for c in noun.children)


def _modifier_actors(noun: Token, index: ActorIndex, taken: set[str],
                     depth: int = 2) -> list[Actor]:
    """The party a non-actor object belongs to ("an Indian proposal", "Palestinian homes",
    "a curfew in the town of Cizre")."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.pos_ in ("ADJ", "PROPN"):
            actor = actor_for(child, index, use_focus=False)
            if actor is not None and actor.country and actor.text not in taken:
                return [actor]
    for child in noun.children:
        preps = [child] if child.dep_ == "prep" else [
            p for p in child.children if p.dep_ in ("prep", "agent")] if child.dep_ == "acl" else []
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ not in _TARGET_PREPS | {"by"}:
                continue
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                actors = [a for a in _actors(pobj, index) if a.text not in taken]
                if not actors and depth > 1:
                    actors = _modifier_actors(pobj, index, taken, depth - 1)
                if actors:
                    return actors
    return []


def _search_target(act: Act, index: ActorIndex, taken: set[str]) -> list[Actor]:
    """Last resort: the nearest phrase in the act's clause that names a state's actor."""
    queue = deque([act.anchor, act.trigger])
    seen = {act.anchor.i, act.trigger.i}
    while queue:
        node = queue.popleft()
        for child in node.children:
            if child.i in seen or (child.dep_ in _SKIP_IN_SEARCH
                                   and not (child.dep_ == "conj" and child.pos_ == "VERB")):
                continue
            if child.dep_ == "prep" and child.lower_ in _CIRCUMSTANCE:
                continue
            if child.dep_ == "advcl" and any(m.lower_ in INDEPENDENT for m in child.children):
                continue
            seen.add(child.i)
            queue.append(child)
            if child.pos_ in ("PROPN", "NOUN", "ADJ") and not _owned(child):
                actor = actor_for(child, index, use_focus=False)
                if actor is not None and actor.country and actor.text not in taken:
                    return [actor]
    return []


def _actors(head: Token, index: ActorIndex) -> list[Actor]:
    """The actors a phrase and its conjuncts name; a pronoun takes its antecedent."""
    if head.pos_ == "PRON" or head.lower_ in ("it", "they", "he", "she", "its", "their"):
        head = _antecedent(head) or head
    actors: list[Actor] = []
    for token in (head, *head.conjuncts):
        split = _split_compound(token, index)
        if split:
            actors.extend(split)
            continue
        actor = actor_for(token, index)
        if actor is not None:
            actors.append(actor)
    return actors


def _split_compound(head: Token, index: ActorIndex) -> list[Actor]:
    """'Hungarian and Romanian officials', 'the diplomats of Russia and the United States'."""
    for child in head.children:
        parts: list[Token] = []
        if child.dep_ == "amod" and child.conjuncts:
            parts = [child, *child.conjuncts]
        elif child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.conjuncts:
                parts = [pobj, *pobj.conjuncts]
        actors = [a for a in (actor_for(p, index, use_focus=False) for p in parts) if a]
        if len(actors) > 1 and all(a.country for a in actors):
            sector = actor_for(head, index)
            return [replace(a, sector=sector.sector if sector else a.sector) for a in actors]
    return []


def _antecedent(pronoun: Token) -> Token | None:
    """The nearest subject or possessor before a pronoun, in its sentence or the one before."""
    sent = pronoun.sent
    for token in reversed(list(pronoun.doc[sent.start : pronoun.i])):
        if token.dep_ in ("nsubj", "nsubjpass", "poss") and token.pos_ in ("PROPN", "NOUN"):
            return token
    if sent.start > 0:
        previous = pronoun.doc[sent.start - 1].sent
        return next((t for t in previous.root.children if t.dep_ == "nsubj"), None)
    return None


def _reciprocal_group(act: Act, index: ActorIndex) -> list[Actor]:
    """The parties of a reciprocal act: 'the call between A and B', 'each accused the other'."""
    pobj = _pobj(act.trigger, ("between",))
    if pobj is not None and pobj.conjuncts:
        return _actors(pobj, index)
    subject = _subject(act.anchor)
    if subject is None or subject.lower_ not in _RECIPROCAL_SUBJECTS:
        return []
    for token in reversed(list(act.trigger.doc[act.trigger.sent.start : subject.i])):
        if token.dep_ == "pobj" and token.conjuncts:
            return _actors(token, index)
    return []


def _other(actor: Actor, act: Act, index: ActorIndex) -> Actor:
    """'the other's country' is the other party's state, not the other party."""
    objects = [c for c in act.trigger.children if c.dep_ == "dobj"]
    if objects and objects[0].lemma_.lower() == "country" and actor.country:
        for entity in index.story.entities:
            # The state's own name ("Russia"), not its capital ("Moscow").
            if entity.type == "PLACE" and entity.country == actor.country \
                    and entity.name.lower() not in CAPITALS:
                return Actor(text=entity.name, entity=entity.id, country=actor.country)
        return Actor(text=actor.country, country=actor.country)
    return actor


def _clause_tokens(act: Act) -> list[Token]:
    tokens = [act.trigger, act.anchor]
    subject = _subject(act.anchor)
    if subject is not None and subject.sent.start == act.trigger.sent.start \
            and subject.i < act.anchor.i:
        tokens.extend(t for t in subject.subtree if t.dep_ not in ("relcl", "appos"))
    for verb in {act.trigger.i: act.trigger, act.anchor.i: act.anchor}.values():
        for child in verb.children:
            if child.dep_ in ("advcl", "conj", "cc", "punct", "relcl", "parataxis", "mark"):
                continue
            if child.dep_ == "prep" and any(g.dep_ == "pcomp" or g.pos_ == "VERB"
                                            for g in child.children) and child.i > verb.i:
                continue
            tokens.extend(child.subtree)
    return tokens


def _evidence(act: Act) -> tuple[int, int]:
    tokens = [t for t in _clause_tokens(act) if not t.is_punct or t.i == act.trigger.i]
    start = min(t.idx for t in tokens)
    last = max(tokens, key=lambda t: t.i)
    return start, last.idx + len(last.text)


def _where(act: Act, index: ActorIndex, targets: set[str]) -> Where | None:
    for verb in (act.trigger, act.anchor):
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
                continue
            for pobj in child.children:
                entity = index.entity_at(pobj.idx, pobj.idx + len(pobj.text))
                if entity is not None and entity.type == "PLACE" and pobj.text not in targets:
                    return Where(text=entity.name, entity=entity.id, country=entity.country)
    return None


def _dated(event: Event, act: Act, story: Story, anchored: bool) -> Event:
    """Add `when` from the act's own time expression; mark events of an earlier year.

    With a publication date, an event dated to an earlier year is background. Without one,
    an act dated by an explicit year ("its 2014 annexation", "blew up a plane in 1988") is
    taken for history too: news dates today's events by weekday, not by year.
    """
    published = parse_published(story.published)
    for ent in act.trigger.sent.ents:
        if ent.label_ in ("DATE", "TIME") and _dates_act(ent.root, act):
            date = resolve_date(ent.text, story.published)
            year = int(date[:4]) if date and date[:4].isdigit() else None
            explicit = _YEAR.search(ent.text) is not None
            background = year is not None and (
                (published is not None and year < published.year)
                or (not anchored and explicit)
            )
            return replace(event, when=When(text=ent.text, date=date), background=background)
    return event


def _dates_act(token: Token, act: Act) -> bool:
    """The time expression hangs on the act itself, not on a verb nested inside it."""
    own = {act.trigger.i, act.anchor.i}
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.i in own:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


class EventCoder(Annotator):
    """Adds PLOVER events (who did what to whom, when, where) after entities and quotes."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"body", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def annotate(self, story: Story) -> Story:
        return replace(story, events=find_events(story))


__all__ = ["EventCoder", "find_events"]
