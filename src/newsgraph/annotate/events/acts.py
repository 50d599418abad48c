"""Acts in a parsed sentence: which words report an event, and of which PLOVER type.

A sentence may hold several event words, but only the outermost act of a clause is news:
in "threatened to ban voting" or "agreed that their countries should cooperate" the inner
act is what was threatened or agreed, and in "staged rallies ..., saying he must resign"
the saying belongs to the rally. Frames (`plover.FRAMES`) compose with the act they govern;
future and conditional acts are promises (AGREE) or, when hostile, threats (THREATEN); a
reported obligation ("X said Y must Z") is a demand; negated acts did not happen.

`find_acts(sent)` returns the acts of one sentence; `events.py` gives them actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.annotate.events.plover import (
    AID_OBJECTS,
    AVOIDING,
    FORCES,
    FRAMES,
    GIVING_VERBS,
    HOSTILE,
    HUMAN_NOUNS,
    HUMAN_OBJECT,
    INTRANSITIVE,
    IRREALIS,
    LIGHT_VERBS,
    MATERIAL_HOSTILE,
    MILITARY_WORDS,
    NEEDS_ACT,
    NOUNS,
    PHRASAL,
    REPORTING,
    VERB_OBJECT,
    VERBS,
    Sense,
    compose,
    noun_sense,
    object_sense,
    verb_sense,
)

# Dependencies through which an outer act governs an inner one.
_GOVERNING = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr",
                        "acomp", "advcl", "compound", "amod", "nsubj", "nsubjpass", "oprd"})
# Subordinators that start an independent clause rather than a purpose, manner or condition.
INDEPENDENT = frozenset({"while", "whereas", "although", "though", "as", "after", "before",
                         "when", "because", "since", "but", "until"})
# Prepositions whose object is a circumstance of the news, not an act of it.
_CIRCUMSTANCE = frozenset({"after", "following", "since", "before", "during", "despite",
                           "amid", "amidst", "over"})
# Nouns that only carry the act their modifier names ("a mediation effort").
GENERIC_HEADS = frozenset({"effort", "efforts", "bid", "attempt", "campaign", "drive",
                           "initiative", "mission", "process", "operation"})
_PROMISE_MODALS = frozenset({"will", "would", "shall", "'ll"})
_THREAT_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "'ll"})
_SPECULATIVE = frozenset({"could", "may", "might"})
QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
                        "score", "scores", "number", "group", "some", "many", "most", "all",
                        "several", "millions", "million", "handful"})
_OBLIGATION = frozenset({"must", "should"})
_CONDITIONALS = frozenset({"if", "unless", "whether"})
# Named things that hold an event word ("the North American Free Trade Agreement").
_NAMED = frozenset({"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})
# Nouns whose clause is what someone claims, not what the story reports as done.
CLAIMS = frozenset({"claim", "allegation", "assertion", "rumor", "rumour", "belief",
                    "suggestion", "speculation", "theory", "notion", "impression"})
# Nouns whose infinitive is proposed, not done ("the proposal to ban Chinese apps").
PROPOSALS = frozenset({"proposal", "plan", "idea", "bill", "scheme", "call", "push"})
# Modals of what ought to be: an opinion, unless reported of a party as a demand.
_OUGHT = frozenset({"should", "ought"})
_KNOWN_LEMMAS = (VERBS.keys() | {k.split()[0] for k in PHRASAL} | {k.split()[0] for k in
                 VERB_OBJECT} | FRAMES.keys() | LIGHT_VERBS | GIVING_VERBS | REPORTING)


@dataclass(frozen=True, slots=True)
class Act:
    """One coded act in a sentence, before its actors are resolved."""

    trigger: Token  # the word that reports the act
    anchor: Token  # the verb whose subject is the source (a light verb for nouns)
    sense: Sense
    complement: Token | None = None  # the clause a frame governs ("demanded that X do Y")
    condition: Token | None = None  # an "if"/"unless" clause, whose subject may be the target


def lemma(token: Token) -> str:
    """The lemma, repaired where the small model misreads a past tense ("staged" → "stag")."""
    found = token.lemma_.lower()
    if token.pos_ != "VERB" or found in _KNOWN_LEMMAS:
        return found
    text = token.lower_
    for guess in (text[:-1], text[:-2], text[:-3]) if text.endswith("ed") else ():
        if guess in _KNOWN_LEMMAS:
            return guess
    return found


def find_acts(sent: SpacySpan) -> list[Act]:
    """The outermost acts of a sentence, each coded with its type and mode."""
    senses = {token.i: sense for token in sent if (sense := word_sense(token)) is not None}
    frames = {t.i for t in sent if lemma(t) in FRAMES and complement_of(t) is not None}
    obligations = {t.i for t in sent if _is_obligation(t)}
    anchors = {i: light_verb(sent.doc[i]) for i in senses}
    governing = senses.keys() | frames | obligations | {a.i for a in anchors.values() if a}
    acts: list[Act] = []
    for token in sent:
        if token.i in obligations:
            if governor(token.head, governing) is None:
                acts.append(Act(token, token.head, ("DEMAND", None), token))
            continue
        if token.i not in senses and token.i not in frames:
            continue
        anchor = anchors.get(token.i)
        if anchor is not None and anchor.i in senses:
            continue  # "granted asylum", "lodged a protest": the verb codes the act
        independent = _has_own_parties(token)
        if not independent and (governor(token, governing, anchor) is not None
                                or _circumstance(token, anchor)):
            continue
        if _unreal(token, anchor or token):
            continue
        act = _code(token, anchor or token, senses)
        if act is not None:
            acts.append(act)
    return _drop_demanded(acts)


def word_sense(token: Token) -> Sense | None:
    """What act a single word reports, from the lexicon and its object or particles."""
    base = lemma(token)
    if token.pos_ == "VERB":
        if token.dep_ in ("amod", "compound"):
            return None  # "opposing views", "a guest-hosting gig"
        if base in INTRANSITIVE and any(c.dep_ in ("dobj", "ccomp") for c in token.children):
            return None  # "demonstrated that it helps", "rallied supporters"
        for obj in (c for c in token.children if c.dep_ in ("dobj", "dative", "nsubjpass")):
            sense = object_sense(base, obj.lemma_.lower()) or object_sense(base, obj.lower_)
            if sense:
                return sense
            if base in GIVING_VERBS and any(
                t.lemma_.lower() in AID_OBJECTS or t.lower_ in AID_OBJECTS
                for t in obj.subtree if t.pos_ == "NOUN"
            ):
                military = any(t.lower_ in MILITARY_WORDS for t in obj.subtree)
                return ("AID", "military" if military else None)
        particles = [c.lower_ for c in token.children
                     if c.dep_ in ("prt", "prep", "dobj", "advmod")]
        sense = verb_sense(base, particles)
        if sense is not None and base in HUMAN_OBJECT and not _human_object(token):
            return None  # "released a report", "killed the bill"
        if sense is not None and sense[0] == "MOBILIZE" and not _forces_object(token):
            return None  # "mobilized pressure groups": not troops or police
        return sense
    if token.pos_ in ("NOUN", "PROPN"):
        for word in (c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")):
            if f"{word} {token.lower_}" in NOUNS:
                return noun_sense(f"{word} {token.lower_}")
        if token.dep_ == "compound":
            return None  # "peace talks negotiator": the head noun carries the meaning
        if token.lemma_.lower() in GENERIC_HEADS:
            # "a mediation effort", "a peace bid": the modifier says what the effort is
            for child in token.children:
                if child.dep_ in ("compound", "amod") and noun_sense(child.lower_):
                    return noun_sense(child.lower_)
        return noun_sense(token.lower_) or noun_sense(token.lemma_)
    return None


def _human_object(verb: Token) -> bool:
    """The verb's object, if it has one, is a person, a group of people or a state."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects = [verb.head]  # "a report released last year": the noun is what was released
    if not objects:
        return True
    obj = counted(objects[0])
    return (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "NORP", "GPE", "ORG")
            or obj.lower_ in HUMAN_NOUNS or obj.lemma_.lower() in HUMAN_NOUNS
            or any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in obj.children))


def counted(noun: Token) -> Token:
    """What a quantity counts: "dozens of monks" is monks."""
    if noun.pos_ == "NUM" or noun.lemma_.lower() in QUANTITIES:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), noun)
    return noun


def _forces_object(verb: Token) -> bool:
    """The verb's object, if it has one, is armed forces or police."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(t.lower_ in FORCES for t in objects[0].subtree)


def complement_of(frame: Token) -> Token | None:
    """The act a frame word governs: "threatened [to ban]", "demanded [that X cancel]"."""
    for child in frame.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX", "ADJ"):
            return child
        if child.dep_ == "advcl" and any(g.lower_ == "to" and g.dep_ == "aux"
                                         for g in child.children):
            return child  # "have sworn to fight", parsed as an adverbial clause
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "for"):
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp":
                    return grandchild
    return None


def governor(token: Token, acts: set[int], own: Token | None = None) -> Token | None:
    """The outer act whose complement or argument this word is, if any."""
    node = token
    while node.head.i != node.i:
        # Verb conjuncts share their governor: "criticized X for shooting and killing Y";
        # listed nouns are acts of their own ("its intervention ... and its annexation").
        while node.dep_ == "conj" and node.pos_ == "VERB" and node.head.pos_ == "VERB":
            node = node.head
        if node.dep_ in ("conj", "parataxis", "relcl", "appos") or node.head.i == node.i:
            return None
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in INDEPENDENT for c in node.children
        ):
            return None
        if node.dep_ not in _GOVERNING:
            return None
        node = node.head
        if node.i in acts and (own is None or node.i != own.i):
            return node
    return None


def light_verb(noun: Token) -> Token | None:
    """The verb that carries an event noun ("held talks", "staged a rally")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head  # "launched artillery, mortar and rocket fire": the list's verb
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and lemma(head) in LIGHT_VERBS | REPORTING:
        return head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "into", "to", "on") \
            and head.head.pos_ == "VERB" and lemma(head.head) in LIGHT_VERBS:
        return head.head  # "took part in talks", "resorted to violence"
    return None


def _circumstance(token: Token, anchor: Token | None) -> bool:
    """An event noun after "after", "despite", "during": the setting, not the news."""
    if anchor is not None or token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    if any(c.ent_type_ == "DATE" and c.is_digit and len(c.text) == 4 for c in token.children):
        return False  # "after its 2014 annexation": history, kept and marked background
    return token.head.lower_ in _CIRCUMSTANCE


def _has_own_parties(noun: Token) -> bool:
    """An event noun that names its own parties ("the call between Pompeo and Lavrov",
    "Russia's backing of Maduro") is news wherever it stands in the sentence."""
    if noun.pos_ != "NOUN":
        return False
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return True
        if child.dep_ == "prep" and child.lower_ == "between" and any(
            g.dep_ == "pobj" and g.conjuncts for g in child.children
        ):
            return True
    return False


def modals(verb: Token) -> set[str]:
    found = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not found and verb.dep_ == "conj" and verb.tag_ == "VB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        found = {c.lower_ for c in verb.head.children if c.dep_ == "aux"}  # "could X or Y"
    if verb.dep_ in ("xcomp", "acomp") and verb.head.lemma_ == "be":
        found |= {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
    return found


def _condition(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in child.children):
            return child
    return None


def _code(token: Token, anchor: Token, senses: dict[int, Sense]) -> Act | None:
    """The act a top-level word codes, its frame and modality applied."""
    base = lemma(token)
    complement = complement_of(token) if base in FRAMES else None
    condition = _condition(anchor) or (_condition(complement) if complement is not None else None)
    negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATORS)
                  or (c.dep_ in ("nsubj", "nsubjpass") and any(
                      g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in c.children))
                  for c in anchor.children)  # "Neither Clinton nor her allies have been"
    if complement is not None:
        inner = next((senses[t.i] for t in complement.subtree if t.i in senses), None)
        if inner is None and base in NEEDS_ACT:
            return None
        # Parties that agree on an act have agreed, whatever the act ("agreed to share
        # patrols"); a promise of one party's hostile act is its threat.
        sense = ("AGREE", None) if base == "agree" else compose(FRAMES[base], inner)
        if modals(anchor) & _SPECULATIVE and sense[0] not in ("THREATEN",):
            return None  # "could decline to appeal": what might happen is no act
        if negated and any(c.dep_ == "auxpass" for c in anchor.children):
            return None  # "was never sworn in to tell the truth"
        if negated and sense[0] == "AGREE":
            sense = ("REJECT", None)
        return Act(token, anchor, sense, complement, condition)
    sense = senses[token.i]
    found = modals(anchor)
    if "have" in found and found & _THREAT_MODALS:
        return None  # "would have banned": what did not happen
    if negated:
        # "will not accept" is a refusal; "did not attack" reports no event.
        promised = found & _PROMISE_MODALS and sense[0] in ("AGREE", "CONCEDE", "AID")
        return Act(token, anchor, ("REJECT", None)) if promised else None
    unless = condition is not None and any(m.lower_ == "unless" for m in condition.children)
    material = sense[0] in MATERIAL_HOSTILE
    if unless or (material and (found & _THREAT_MODALS or condition is not None)):
        sense = ("THREATEN", sense[1] if sense[0] in HOSTILE else None)
    elif found & _SPECULATIVE and not found & _PROMISE_MODALS:
        return None  # "could dismiss", "may meet": what might happen is not news of an act
    elif found & _OUGHT:
        return None  # "the epidemic should be recognized as intolerable": a view
    elif found & _PROMISE_MODALS and not (sense[0] == "RETREAT" and not _has_object(anchor)):
        # A promised act is an agreement; an announced retreat ("will resign") stays one.
        sense = ("AGREE", None)
    return Act(token, anchor, sense, None, condition)


def _unreal(token: Token, anchor: Token) -> bool:
    """Acts the sentence does not report as done: inside a condition ("if Trump's plan
    rejected ..."), wished, needed, proposed, avoided or not yet done ("hopes to meet", "the
    proposal to ban", "steering clear of criticizing", "has yet to apologize"), described in a relative clause ("Maduro, who is refusing to cede power"),
    an aim ("to prevent police from ..."), a named thing ("the Free Trade Agreement"), the
    predicate of "be" ("it's a huge deal"), or a bare participle ("Asked to describe ...")."""
    if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ in _NAMED:
        return True
    if token.pos_ == "NOUN" and anchor.i == token.i and token.dep_ in ("attr", "acomp") \
            and token.head.lemma_ == "be" and any(
                c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that", "what")
                for c in token.head.children):
        return True
    if anchor.dep_ == "xcomp" and lemma(anchor.head) in ("have", "be") \
            and any(c.lower_ == "yet" for c in anchor.head.children):
        return True  # "has yet to apologize": not done
    if anchor.tag_ == "VBN" and anchor.dep_ in ("advcl", "ROOT") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in anchor.children):
        return True
    node = anchor
    own_clause = True  # below an independent clause only a relative clause still counts
    while node.head.i != node.i:
        if node.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that"
                                        for c in node.subtree if c.i < node.i):
            return True
        if node.dep_ == "advcl" and own_clause:
            marks = {c.lower_ for c in node.children if c.dep_ in ("mark", "aux")}
            if marks & _CONDITIONALS or _inverted_condition(node):
                return True
            if "to" in marks and modals(node.head) & _SPECULATIVE:
                return True  # "could speak to white people to prevent police from ..."
            if marks & INDEPENDENT:
                own_clause = False
        if own_clause and node.dep_ in ("ccomp", "acl") and any(
                c.tag_ in ("WP", "WDT", "WRB") or c.lower_ in _CONDITIONALS
                for c in node.children if c.i < node.i):
            return True  # "deciding who will occupy the White House": a question
        if own_clause and node.dep_ in ("ccomp", "acl") and node.head.pos_ == "NOUN" \
                and node.head.lemma_.lower() in CLAIMS:
            return True  # "the police's claim that Crutcher had refused": what was claimed
        if own_clause and node.dep_ == "acl" and node.head.pos_ == "NOUN" \
                and node.head.lemma_.lower() in PROPOSALS:
            return True  # "the senator's proposal to ban Chinese apps": proposed, not done
        if node.dep_ in ("parataxis", "appos"):
            return False
        node = node.head
        if own_clause and lemma(node) in IRREALIS | AVOIDING:
            return True
    return False


def _inverted_condition(clause: Token) -> bool:
    """'should the court strike them down', 'had Russia attacked': a condition without if."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ == "aux" and c.lower_ in ("should", "had", "were") and c.i < subject.i
        for c in clause.children)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _is_obligation(token: Token) -> bool:
    """'X said Y must Z': a reported obligation is a demand on Y."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ccomp":
        return False
    if not {c.lower_ for c in token.children if c.dep_ == "aux"} & _OBLIGATION:
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children):
        return False  # "we should not take it for granted": a view, not a demand
    return lemma(token.head) in REPORTING and not any(
        c.dep_ == "neg" for c in token.head.children
    )


def _drop_demanded(acts: list[Act]) -> list[Act]:
    """A demand's clause ("its demand that Israel ease restrictions") is what was demanded."""
    demanded: set[int] = set()
    result: list[Act] = []
    for act in acts:
        if act.sense[0] == "DEMAND":
            clause = act.complement or next(
                (c for c in act.anchor.children if c.dep_ == "ccomp"), None)
            if clause is not None:
                demanded.update(t.i for t in clause.subtree if t.i != act.trigger.i)
                act = Act(act.trigger, act.anchor, act.sense, clause, act.condition)
        result.append(act)
    return [a for a in result if a.trigger.i not in demanded]


__all__ = ["INDEPENDENT", "Act", "complement_of", "counted", "find_acts", "governor", "lemma",
           "light_verb", "modals", "word_sense"]
