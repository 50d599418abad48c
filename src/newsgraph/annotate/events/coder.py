"""Who did what to whom: PLOVER events coded from the dependency parse of a story.

`acts.py` finds the acts of each sentence and their type (a verb, a verb with its object or
particle, an event noun; the outermost act of a clause; frames, promises, threats and
demands composed), `parties.py` finds their source and target in the parse, `actors.py`
codes each party's country and sector. This module puts them together into `Event`s:
compound actors give one event per pair, reciprocal acts ("met", "each accused the other")
one per direction; acts inside direct quotes are the speaker's words and are skipped,
unless the quote is itself the act ("We will retaliate," the minister said), which is
coded to the speaker; `when` is resolved against the publication date, and events dated
to an earlier year ("its 2014 annexation") are marked as background.

>>> from newsgraph.model import Story
>>> story = Story(id="s", body="Russia supports President Nicolas Maduro.")
>>> [(e.type, e.source[0].country) for e in find_events(story)]
[('SUPPORT', 'RUS')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import product
from typing import ClassVar

import pycountry
from spacy.tokens import Doc, Token

from newsgraph.annotate.base import Annotator
from newsgraph.annotate.entities.countries import CAPITALS, is_state, place_country
from newsgraph.annotate.entities.nlp import parse
from newsgraph.annotate.events.actors import (
    ActorIndex,
    actor_for,
    actor_of_entity,
    entity_place_country,
    index_actors,
    placed_in,
)
from newsgraph.annotate.events.acts import Act, find_acts, lemma
from newsgraph.annotate.events.confidence import confidence, features, merged
from newsgraph.annotate.events.factuality import unreal_reason
from newsgraph.annotate.events.parties import (
    find_sources,
    find_targets,
    other_party,
    reciprocal_parties,
    subject_of,
)
from newsgraph.annotate.events.plover import MATERIAL_HOSTILE, RECIPROCAL
from newsgraph.annotate.events.timex import is_future, parse_published, resolve_date
from newsgraph.model import Actor, Event, Story, When, Where

_SPEAKERS = frozenset({"i", "we", "you"})
# Acts a speaker performs by saying them: a quoted threat is a threat.
SPEECH_ACTS = frozenset({"THREATEN", "DEMAND", "DISAPPROVE", "REJECT", "AGREE", "SUPPORT"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
_QUOTED = re.compile(r"[“\"]([^”\"\n]+)[”\"]")
_MAX_PAIRS = 6
# Acts of a group that need no one on the other side: a protest, a mobilisation.
COLLECTIVE = frozenset({"PROTEST", "MOBILIZE"})
# Acts that are one between their parties, whichever is named first ("A and B met").
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Verbs of attack that, between two named people, are words ("Trump attacked Clinton").
VERBAL_ATTACKS = frozenset({"attack", "hit", "blast", "assail", "slam"})
_ARMED = frozenset({"MIL", "REB", "COP", "UAF"})
# Relations a party has rather than does: "has an alliance with", "has close ties to".
STANDING = frozenset({"alliance", "tie", "ties", "relation", "relations", "relationship",
                      "partnership", "friendship", "cooperation"})
# Sectors whose "attack" on an unarmed party is words: politicians, parties, courts, press.
_SPEAKING = frozenset({"GOV", "PTY", "OPP", "LEG", "JUD", "MED", "ELI"})
_STATE_WORDS = frozenset({"government", "regime", "state", "country", "nation"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# Acts that go to a party: support and aid for no one named are opinions and policies.
_TO_SOMEONE = frozenset({"SUPPORT", "AID"})
# Verbs of a standing view, acts only towards a party: "opposes the deal" is an opinion.
_STANCES = frozenset({"oppose"})
# Words that are threats themselves, as against acts a modal or condition makes threats.
_THREAT_WORDS = frozenset({"threaten", "warn", "threat", "warning", "vow", "swear", "ultimatum"})
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves", "ourselves", "myself"})
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def find_events(story: Story, doc: Doc | None = None) -> tuple[Event, ...]:
    """Every PLOVER event the story reports, in reading order, each with its confidence."""
    return tuple(replace(event, confidence=confidence(signals))
                 for event, signals in find_events_with_signals(story, doc))


def find_events_with_signals(story: Story, doc: Doc | None = None
                             ) -> list[tuple[Event, dict[str, float]]]:
    """The events with the signals their confidence is read from (`confidence.features`)."""
    doc = doc if doc is not None else parse(story.body)
    index = index_actors(story, doc)
    quoted = _quoted_speakers(story)
    anchored = parse_published(story.published) is not None
    lead_end = _lead_end(story.body)
    events: list[tuple[Act, Event, dict[str, float]]] = []
    for sent in doc.sents:
        for act in find_acts(sent):
            if unreal_reason(act) is not None:
                continue  # not stated as done, happening or scheduled
            speaker: Actor | None = None
            if act.trigger.idx in quoted:
                speaker = _speaker_act(act, quoted[act.trigger.idx], index)
                if speaker is None:
                    continue  # a statement about the world, not an act of its speaker
            for event in _events_for(act, index, speaker):
                event = _dated(event, act, story, anchored)
                signals = features(act, event, speaker is not None, sent.start_char < lead_end)
                events.append((act, event, signals))
    return merge_repeats(events)


def _lead_end(body: str) -> int:
    """Where the story's lead (its first two paragraphs) ends: the news is told there."""
    ends = [i for i in range(len(body)) if body.startswith("\n\n", i)][:2]
    return ends[-1] if len(ends) == 2 else len(body)


def merge_repeats(events: list[tuple[Act, Event, dict[str, float]]]
                  ) -> list[tuple[Event, dict[str, float]]]:
    """One event per act and direction: a story that tells the same act twice ("a testy
    phone call between Pompeo and Lavrov" ... "in the Wednesday call between Pompeo and
    Lavrov") gives it once. Two mentions are one act when type, background, source and
    target agree and their dates do not differ, told in two sentences (one sentence that
    names two acts, "supplied X with arms and sent advisers", reports two, unless they are
    passive verbs of one patient: "was shot and killed by police" is one act); the mention
    with the most detail (a date, a place, a mode) is kept, in the place of the first.
    """
    kept: list[tuple[Act, Event, dict[str, float]]] = []
    for act, event, signals in events:
        same = next((i for i, (a, k, _) in enumerate(kept)
                     if _same_act(k, event) and (_one_telling(a, act) or _told_apart(a, act))),
                    None)
        if same is None:
            kept.append((act, event, signals))
            continue
        first_act, first, first_signals = kept[same]
        evidence = tuple(sorted({*first.evidence, *event.evidence}))
        both = merged(first_signals, signals) if not set(event.evidence) <= set(first.evidence) \
            else first_signals
        if _detail(event) > _detail(first):
            kept[same] = (act, replace(event, evidence=evidence), both)
        else:
            kept[same] = (first_act, replace(first, evidence=evidence), both)
    return [(event, signals) for _, event, signals in kept]


def _one_telling(a: Act, b: Act) -> bool:
    """Two acts may be one told twice: in two sentences with the same word, or with a noun
    that names the act again ("Russia supports Maduro" ... "Russia's backing of Maduro");
    two verbs of one type are two acts ("Cruz endorsed Trump", "Cruz thanked Trump"). In
    one sentence, only passive conjuncts of one patient ("shot and killed") and nouns listed
    after one verb ("held rallies and protests") are one act."""
    if a.trigger.sent.start != b.trigger.sent.start:
        return lemma(a.trigger) == lemma(b.trigger) or "NOUN" in (a.trigger.pos_,
                                                                   b.trigger.pos_)
    return a.trigger.i == b.trigger.i or (
        b.trigger in a.trigger.conjuncts and _passive(a) and _passive(b)) or (
        b.trigger in a.trigger.conjuncts and a.anchor.i == b.anchor.i
        and a.trigger.pos_ == b.trigger.pos_ == "NOUN")  # "held rallies and protests"


def _told_apart(a: Act, b: Act) -> bool:
    """Two mentions in different sentences: the same type between the same parties on no
    different date is one act told again ("talks in Oslo" ... "the talks", "met" ...
    "the meeting"); two verbs in one sentence are two acts ("supplied Belarus with fuel and
    sent advisers"), as `_one_telling` says."""
    return a.trigger.sent.start != b.trigger.sent.start


def _same_act(a: Event, b: Event) -> bool:
    if (a.type, a.background) != (b.type, b.background):
        return False
    if a.when and b.when and (a.when.date != b.when.date if a.when.date and b.when.date
                              else a.when.text.lower() != b.when.text.lower()):
        return False  # two occasions: "to meet next week" is not "Wednesday's call"
    if a.mode and b.mode and a.mode != b.mode:
        return False  # a meeting and a phone call are two acts
    if _same_side(a.source, b.source) and _same_side(a.target, b.target):
        return True
    return a.type in SYMMETRIC and _same_side(a.source, b.target) \
        and _same_side(a.target, b.source)


def _same_side(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> bool:
    """The two sides name the same party: both empty, or some actor of each is the same."""
    if not a or not b:
        return not a and not b
    return any(_same_actor(x, y) for x in a for y in b)


def _same_actor(x: Actor, y: Actor) -> bool:
    if x.entity and y.entity and (x.entity == y.entity or _surname_of(x.text, y.text)):
        return True
    if x.text.lower() == y.text.lower():
        return True
    return bool(x.country and x.country == y.country and x.sector and x.sector == y.sector)


def _surname_of(a: str, b: str) -> bool:
    """'Scott' is 'Keith Lamont Scott' told again, where entities left them apart."""
    short, long = sorted((a, b), key=len)
    return " " not in short and short[:1].isupper() and long.endswith(" " + short)


def _detail(event: Event) -> int:
    return sum((event.when is not None, event.where is not None, event.mode is not None))


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
    subject = subject_of(act.anchor)
    if subject is None and not (act.anchor.pos_ == "VERB" and act.anchor.dep_ == "ROOT"):
        return None  # "every threat we have faced": a word in the quote, not its act
    if subject is not None and subject.lower_ not in ("i", "we"):
        return None  # "you could dismiss this" is no act of the speaker
    entity = next((e for e in index.story.entities if e.id == speaker_id), None)
    return actor_of_entity(entity, index) if entity is not None else None


def _events_for(act: Act, index: ActorIndex, speaker: Actor | None = None) -> list[Event]:
    subject = subject_of(act.anchor)
    if speaker is None and subject is not None and subject.lower_ in _SPEAKERS:
        return []  # "I thank my family": words of an unknown speaker, not a report
    sources = [speaker] if speaker is not None else find_sources(act, index)
    targets = find_targets(act, index, sources)
    reciprocal = reciprocal_parties(act, index)
    if not sources and not reciprocal and act.trigger.pos_ == "NOUN" \
            and act.anchor.i == act.trigger.i:
        return []  # "a trip to Disney World": an event noun with no one doing it
    if not any(a.country or a.sector for a in (*sources, *targets, *reciprocal)):
        return []  # political events need a political actor: "visit us on Twitter" is none
    if not sources and not reciprocal and not _passive(act) \
            and act.sense[0] not in MATERIAL_HOSTILE and not _named(subject):
        return []  # "Secret Service protocol called for ...": no one named does it
    if any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVE
           for v in (act.trigger, act.anchor) for c in v.children):
        return []  # "defending himself": a party acting on itself is no event between two
    if act.trigger.pos_ == "NOUN" and act.anchor.i == act.trigger.i and not targets \
            and not reciprocal and act.complement is None and len(sources) < 2 \
            and act.sense[0] not in MATERIAL_HOSTILE:
        return []  # "his anti-establishment appeal", "our partnerships": no act told
    if act.sense[0] == "CONSULT" and not targets and not reciprocal and len(sources) < 2:
        return []  # "talked about his plans": a consultation needs someone consulted
    if (act.sense[0] in _TO_SOMEONE or lemma(act.trigger) in _STANCES) and not targets \
            and not reciprocal and len(sources) < 2:
        # "is defending his tweets", "her support for a trade deal", "she opposes the
        # deal": a stance on a thing, no one helped or rejected
        return []
    if _forecast(act) or _speculation(act, sources, index):
        return []  # "warned that a Clinton victory would bring chaos": no one threatened
    place = _where(act, index, set())
    country = place.country if place is not None else _placed_party_state(act, sources, index)
    if country:
        # "students marched in Minsk", "police in Charlotte arrested protesters": a
        # generic party that names no state is of the state where the act happens, told
        # in its own sentence
        sources, targets = list(_placed(tuple(sources), country)), \
            list(_placed(tuple(targets), country))
    pairs: list[tuple[tuple[Actor, ...], tuple[Actor, ...]]]
    if reciprocal and sources and {a.text for a in reciprocal} == {a.text for a in sources}:
        sources = []  # "Serbia and Kosovo accused each other": the doers are the parties
    if reciprocal and sources:
        targets, reciprocal = reciprocal, []  # "mediation between A and B": A and B are acted on
    if reciprocal and act.sense[0] in SYMMETRIC:
        # "the call between A and B": one act, its parties in the story's order
        pairs = [((reciprocal[0],), tuple(other_party(b, act, index) for b in reciprocal[1:]))]
    elif reciprocal:
        pairs = [((a,), (other_party(b, act, index),)) for a, b in product(reciprocal, reciprocal)
                 if a != b]
    elif len(sources) > 1 and not targets and act.sense[0] in SYMMETRIC:
        pairs = [((sources[0],), tuple(sources[1:]))]
    elif len(sources) > 1 and not targets and act.sense[0] in RECIPROCAL:
        pairs = [((a,), (b,)) for a, b in product(sources, sources) if a != b]
    elif sources and targets:
        # Parties of one state and sector act as one ("Mr. Kerry and Mr. Obama backed"):
        # one event; parties of different states are acts of each ("Egypt and Jordan").
        pairs = [(s, t) for s, t in product(_groups(sources), _groups(targets))
                 if not set(s) & set(t)]
    elif act.sense[0] == "PROTEST" and sources and not targets:
        # A protest that names no one protests against its own country's government,
        # the PLOVER/CAMEO convention: "opposition parties in Nepal called a strike"
        pairs = [((a,), (_government_of(a.country, index),) if _domestic(a) else ())
                 for a in sources]
    else:
        pairs = [((a,), ()) for a in sources] or [((), (b,)) for b in targets]
    type_, mode = act.sense
    if type_ == "ASSAULT" and act.trigger.lemma_.lower() in VERBAL_ATTACKS \
            and (_people(sources, index) or all(a.sector in _SPEAKING for a in sources)) \
            and (_people(targets, index) or _unarmed(targets, index)):
        type_, mode = "DISAPPROVE", None  # "Trump attacked Clinton": words, not blows
    # Every act but a collective one is between two parties: one the parse cannot name
    # is left out rather than guessed ("the U.S. has been accused": by whom?).
    pairs = [(s, t) for s, t in pairs if (s and t) or type_ in COLLECTIVE]
    evidence = _evidence(act)
    where = _where(act, index, {t.text for _, ts in pairs for t in ts})
    return [Event(type=type_, mode=mode, evidence=(evidence,), source=s, target=t, where=where)
            for s, t in pairs[:_MAX_PAIRS]]


def _placed_party_state(act: Act, sources: list[Actor], index: ActorIndex) -> str | None:
    """The state of the place the doer's own phrase puts it in ("police in Charlotte")."""
    subject = subject_of(act.anchor)
    if subject is None or not sources:
        return None
    return placed_in(subject, index)


def _placed(actors: tuple[Actor, ...], country: str) -> tuple[Actor, ...]:
    return tuple(replace(a, country=country) if a.country is None and a.entity is None
                 and a.sector is not None else a for a in actors)


def _groups(actors: list[Actor]) -> list[tuple[Actor, ...]]:
    """Actors in groups of one state and sector, in the story's order; a party the
    rules could not place stands alone."""
    groups: dict[object, list[Actor]] = {}
    for actor in actors:
        key: object = (actor.country, actor.sector) if actor.country else id(actor)
        groups.setdefault(key, []).append(actor)
    return [tuple(g) for g in groups.values()]


def _forecast(act: Act) -> bool:
    """A warning of what others may do or what may happen, not a threat of the warner's own.

    "warned that a Clinton victory would bring chaos" and "warned against hacking from
    China" threaten no one; "warned that it would retaliate" and "warned Kyiv against
    joining NATO" do.
    """
    if act.sense[0] != "THREATEN" or lemma(act.trigger) != "warn":
        return False
    complement = act.complement
    if complement is not None:
        if complement.dep_ != "ccomp":
            return False
        subject = next((c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        return subject is not None and subject.pos_ != "PRON" and not any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)
    children = list(act.trigger.children)
    return not any(c.dep_ in ("dobj", "dative") for c in children) and any(
        c.dep_ == "prep" and c.lower_ in ("against", "about") for c in children)


def _speculation(act: Act, sources: list[Actor], index: ActorIndex) -> bool:
    """What others say a party could or would do to another is their guess, not its threat:
    "Analysts said Russia could invade Georgia", "Critics fear Beijing may impose
    sanctions"; what a party's own voice says it would do is ("Iranian state television
    said the country would retaliate")."""
    if act.sense[0] != "THREATEN" or lemma(act.trigger) in _THREAT_WORDS \
            or act.anchor.dep_ != "ccomp" or not sources:
        return False
    speaker, doer = subject_of(act.anchor.head), subject_of(act.anchor)
    if speaker is None or speaker.pos_ == "PRON" or doer is None or doer.pos_ == "PRON":
        return False  # "the party said it will boycott": its own voice
    voice = actor_for(speaker, index)
    return voice is None or voice.country not in {a.country for a in sources}


def _domestic(actor: Actor) -> bool:
    """A party of a state's people, not of its state: protesters, parties, unions."""
    return is_state(actor.country) and actor.sector not in _STATE_SECTORS


def _government_of(country: str | None, index: ActorIndex) -> Actor:
    """A state's government as a party, by the name the story gives the state."""
    for entity in index.story.entities:
        if entity.type == "PLACE" and entity.country == country \
                and entity.name.lower() not in CAPITALS:
            return Actor(text=entity.name, entity=entity.id, country=country, sector="GOV")
    found = pycountry.countries.get(alpha_3=country or "")
    name = getattr(found, "common_name", None) or getattr(found, "name", None)
    return Actor(text=name or country or "", country=country, sector="GOV")


def _unarmed(actors: list[Actor], index: ActorIndex) -> bool:
    """No actor is a state or an army ("radical Islam", "law enforcement officers"): what
    a politician attacks there is attacked in words. Police count as unarmed here."""
    kinds = {e.id: e.type for e in index.story.entities}
    return all(a.sector in (None, "COP", "CVL", "GOV", "PTY", "OPP", "MED", "BUS")
               and (kinds.get(a.entity or "") != "PLACE" or a.sector is not None)
               and not (a.entity is None and a.country and a.sector in (None, "GOV")
                        and a.text.lower().lstrip("the ") in _STATE_WORDS)
               for a in actors)


def _named(subject: Token | None) -> bool:
    """The subject is a name the actor rules could not code ("Ethopia", "Members of the
    Association of African Jurists"): a party is there, only not known."""
    if subject is None:
        return False
    heads = [subject, *subject.conjuncts]
    heads += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    return any(h.pos_ == "PROPN" for h in heads)


def _passive(act: Act) -> bool:
    """The act is told in the passive ("Scott was shot"): its doer may go unsaid."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for v in (act.trigger, act.anchor)
               for c in v.children) or (act.anchor.dep_ == "conj" and any(
                   c.dep_ in ("nsubjpass", "auxpass") for c in act.anchor.head.children))


def _people(actors: list[Actor], index: ActorIndex) -> bool:
    """Every actor is a named person (no armed group, state or force)."""
    kinds = {e.id: e.type for e in index.story.entities}
    return bool(actors) and all(
        a.entity is not None and kinds.get(a.entity) == "PERSON" and a.sector not in _ARMED
        for a in actors)


def _clause_tokens(act: Act) -> list[Token]:
    tokens = [act.trigger, act.anchor]
    subject = subject_of(act.anchor)
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
    """The place after "in", "at" or "near" on the act or its object ("met X in Rovaniemi")."""
    holders = [act.trigger, act.anchor]
    holders += [c for h in (act.trigger, act.anchor) for c in h.children if c.dep_ == "dobj"]
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
                continue
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                entity = index.entity_at(pobj.idx, pobj.idx + len(pobj.text))
                if entity is None or entity.type != "PLACE" or pobj.text in targets:
                    continue
                # "Rovaniemi, Finland": the town's country may only be in the apposition.
                country = entity.country or entity_place_country(entity, index.story) or next(
                    (place_country(c.text) for c in pobj.children
                     if c.dep_ in ("appos", "conj", "npadvmod") and place_country(c.text)),
                    None)
                return Where(text=entity.name, entity=entity.id, country=country)
    return None


def _dated(event: Event, act: Act, story: Story, anchored: bool) -> Event:
    """Add `when` from the act's own time expression; mark events of an earlier year.

    With a publication date, an event dated to an earlier year is background. Without one,
    an act dated by an explicit year ("its 2014 annexation", "blew up a plane in 1988") is
    taken for history too: news dates today's events by weekday, not by year.
    """
    published = parse_published(story.published)
    if act.trigger.lemma_.lower() in STANDING and lemma(act.anchor) == "have":
        return replace(event, background=True)  # "Russia has an alliance with Venezuela"
    for ent in act.trigger.sent.ents:
        if ent.label_ in ("DATE", "TIME") and _dates_act(ent.root, act):
            date = resolve_date(ent.text, story.published, future=is_future(act.anchor))
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


__all__ = ["EventCoder", "find_events", "find_events_with_signals"]
