"""The parties of an act: who did it (source) and to whom (target), from the parse.

The subject is the source and the object, or the party after "to", "with", "against" and
the like, the target; a passive swaps them ("was attacked by"); an event noun takes its
possessor or "by" phrase ("Russia's backing of Maduro"); a pronoun takes the nearest
actor before it. "Hungarian and Romanian officials" are two actors, and "the call between
A and B" or "each accused the other" name the parties of a reciprocal act. When no
argument names an actor, the nearest phrase in the act's clause that does is the target.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from spacy.tokens import Token

from newsgraph.annotate.entities.countries import CAPITALS, country_code, is_state
from newsgraph.annotate.events.actors import ActorIndex, actor_for
from newsgraph.annotate.events.acts import INDEPENDENT, Act, counted, lemma
from newsgraph.annotate.events.plover import GIVING_VERBS, PATIENT_NOUNS, REPORTING
from newsgraph.model import Actor

_LOCATIVE = frozenset({"in", "at", "inside", "near"})
# Acts done to a place, whose "in X" is the party acted on.
_PLACE_TARGETS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "AID",
                            "RETREAT", "CONCEDE", "INVESTIGATE", "PROTEST", "CRIME"})
_TARGET_PREPS = frozenset({"to", "with", "against", "on", "at", "between", "for", "from",
                           "into", "in", "over", "of", "toward", "towards", "upon", "behind"})
_RECIPROCAL_SUBJECTS = frozenset({"each", "both"})
_OWN = frozenset({"its", "their", "his", "her", "our"})
_SKIP_IN_SEARCH = frozenset({"nsubj", "nsubjpass", "agent", "punct", "cc", "conj", "relcl",
                             "appos", "parataxis", "mark", "aux", "neg", "advmod", "det"})
_GENDER = {"she": "f", "her": "f", "he": "m", "his": "m", "him": "m"}
_CIRCUMSTANCE = frozenset({"despite", "after", "following", "since", "before", "during",
                           "amid", "because"})
# Nouns of relation: "its partners", "their neighbours" are other parties, not the source's own.
_RELATIONS = frozenset({"partner", "ally", "neighbor", "neighbour", "rival", "counterpart",
                        "enemy", "foe", "adversary", "creditor", "donor", "wife", "husband",
                        "father", "mother", "son", "daughter", "brother", "sister", "family"})
# Nouns of opposition that make a preposition name the party opposed: "in defiance of X",
# "in protest at X", "in opposition to X".
_OPPOSING = frozenset({"defiance", "protest", "opposition", "retaliation"})
# What a refusal can be made despite: the party pressing is the party refused.
_PRESSURE = frozenset({"pressure", "call", "demand", "appeal", "request", "plea", "protest",
                       "criticism", "warning", "threat", "urging", "ultimatum"})
# What is sought in a place, which makes the place the party asked.
_REFUGE = frozenset({"refuge", "asylum", "shelter", "sanctuary", "protection"})
# Verbs whose passive form is said of the doer ("were engaged in ethnic cleansing").
_DOER_PASSIVES = frozenset({"engage"})
# Nouns that stand for the body they belong to: "members of the association" act for it.
_MEMBERS = frozenset({"member", "representative", "delegate", "delegation", "envoy",
                      "official", "spokesman", "spokeswoman", "spokesperson", "leader",
                      "leadership", "head", "chief"})


def subject_of(verb: Token) -> Token | None:
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


def find_sources(act: Act, index: ActorIndex) -> list[Actor]:
    anchor = act.anchor
    head: Token | None
    if act.trigger.pos_ in ("NOUN", "PROPN") and anchor.i == act.trigger.i:
        owner = None if _patient_noun(act.trigger) else next(
            (c for c in act.trigger.children if c.dep_ == "poss"), None)
        head = owner or _pobj(act.trigger, ("by",))
    else:
        head = _agent(anchor) or next(
            (a for c in anchor.children if c.dep_ == "conj" and c.tag_ == "VBN"
             and (a := _agent(c)) is not None), None)  # "was shot and killed by police"
        if head is None:
            subject = subject_of(anchor)
            passive = subject is not None and subject.dep_ == "nsubjpass" \
                and subject.head.i in (anchor.i, act.trigger.i) and not _doer_passive(anchor)
            head = None if passive else subject
        if head is None and anchor.dep_ == "ccomp" and anchor.head.lemma_ in REPORTING:
            head = subject_of(anchor.head)
        if head is None and subject_of(anchor) is None and anchor.dep_ == "ROOT":
            head = _stranded_subject(anchor)
    if head is None or head.lower_ in _RECIPROCAL_SUBJECTS:
        return []
    return _actors(head, index)


def _stranded_subject(verb: Token) -> Token | None:
    """The subject the parser hung on a phrase before it: in "With the signing of a
    memorandum, the government and the rebels have agreed" the pair came out as conjuncts
    of "signing"; the noun phrase right before the verb's auxiliaries is its subject."""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].dep_ in ("aux", "auxpass", "neg", "advmod") \
            and verb.doc[before].head.i == verb.i:
        before -= 1
    if before < 0 or verb.doc[before].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = verb.doc[before]
    while noun.dep_ == "conj" and noun.head.i < noun.i and noun.left_edge.i > 0 \
            and not verb.doc[noun.left_edge.i - 1].is_punct:
        noun = noun.head  # back to the first of "the government and SPLM/A", not past a comma
    if noun.dep_ in ("nsubj", "nsubjpass") or noun.head.i > verb.i or noun.head.i == noun.i:
        return None
    # The phrase must stand alone: after a comma or at the sentence start.
    first = noun.left_edge
    if first.i > verb.sent.start and not verb.doc[first.i - 1].is_punct:
        return None
    return noun


def _pobj(token: Token, preps: tuple[str, ...]) -> Token | None:
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pobj"), None)


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, and the object the parser gave to a clause after it.

    In "granted asylum to five officers holed up in a residence" the parser often reads
    "officers" as the subject of "holed", leaving "to" with no object; the noun right after
    the preposition is still its object.
    """
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if not objects:
        node = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
        while node is not None and node.dep_ != "nsubj" and node.head.i > prep.i \
                and node.head.i != node.i:
            node = node.head
        if node is not None and node.dep_ == "nsubj" and node.left_edge.i == prep.i + 1 \
                and node.head.pos_ == "VERB":
            objects = [node]
    return objects


def _opposed(noun: Token) -> Token | None:
    """"defiance" in "in defiance of the authorities": the authorities."""
    if noun.lemma_.lower() not in _OPPOSING:
        return None
    return next((g for c in noun.children if c.dep_ == "prep"
                 and c.lower_ in ("of", "at", "against", "to", "for")
                 for g in c.children if g.dep_ == "pobj"), None)


def find_targets(act: Act, index: ActorIndex, sources: list[Actor]) -> list[Actor]:
    """The party acted on: the object, the party after a preposition, else the nearest actor."""
    taken = {a.text for a in sources}
    candidates: list[Token] = []
    if act.complement is not None:
        subject = next((c for c in act.complement.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        if subject is not None and subject.pos_ != "PRON":
            candidates.append(subject)
    if _patient_noun(act.trigger):
        # "Kennedy's assassination": the possessor was acted on
        candidates.extend(c for c in act.trigger.children if c.dep_ == "poss")
    verbs = list({v.i: v for v in (act.trigger, act.anchor) if v.pos_ in ("VERB", "AUX", "ADJ")}
                 .values())
    # What is mobilized or given is not the party acted on ("sent advisers to X").
    objects = ("dative",) if act.sense[0] == "MOBILIZE" or lemma(act.anchor) in GIVING_VERBS \
        else ("dobj", "dative", "attr") if _doer_passive(act.anchor) \
        else ("dobj", "dative", "nsubjpass", "attr")
    candidates.extend(c for v in verbs for c in v.children if c.dep_ in objects)
    if act.anchor.dep_ == "conj" and act.anchor.tag_ == "VBN" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in act.anchor.children):
        # "Scott was shot and killed": the shared passive subject is acted on by both
        candidates.extend(c for c in act.anchor.head.children if c.dep_ == "nsubjpass")
    if act.trigger.dep_ == "xcomp":
        candidates.extend(c for c in act.trigger.head.children if c.dep_ == "dobj")
    preps = _target_preps(act)
    holders = dict.fromkeys([act.trigger, *verbs, *(c for v in verbs for c in v.children
                                                   if c.dep_ == "prt")])
    # A party named by "against", "on" or "to" goes before the place of the act ("in X"),
    # and so does the party opposed ("in defiance of X").
    # A phrase that opens the sentence is its setting ("With the signing of a memorandum,").
    on_holders = [c for holder in holders for c in holder.children if c.dep_ == "prep"
                  and c.i != c.sent.start]
    # The party opposed comes first ("blocked streets in defiance of X"); an opposition
    # with no one named ("in protest at the arrests") names no party.
    candidates[:0] = [o for c in on_holders if c.lower_ in preps for g in c.children
                      if g.dep_ == "pobj" and (o := _opposed(g)) is not None
                      and actor_for(o, index, use_focus=False) is not None]
    for group in (preps - _LOCATIVE, preps & _LOCATIVE):
        candidates.extend(g for c in on_holders if c.lower_ in group for g in prep_objects(c)
                          if g.lemma_.lower() not in _OPPOSING)
    for child in (c for v in (act.trigger, act.anchor) for c in v.children):
        if child.dep_ in ("xcomp", "ccomp", "advcl") and child.i != act.trigger.i:
            candidates.extend(c for c in child.children if c.dep_ in ("dobj", "dative"))
            candidates.extend(g for p in child.children if p.dep_ == "prep"
                              and p.lower_ in preps for g in p.children
                              if g.dep_ == "pobj")
    if act.condition is not None:
        candidates.extend(c for c in act.condition.children if c.dep_ == "nsubj")
    if act.sense[0] == "REJECT":
        candidates.extend(_pressing(act))
    if act.anchor.dep_ == "conj":
        # "supplied Venezuela with a system ... and has sent military advisers": the
        # conjuncts share their party unless the later one names its own
        first = act.anchor
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        candidates.extend(c for c in first.children if c.dep_ in ("dobj", "dative")
                          and not _names_own_party(act.anchor))
    for candidate in candidates:
        if candidate.i == act.trigger.i or act.trigger in candidate.conjuncts \
                or _owned(candidate) or candidate.lower_ == "behalf":
            continue  # "on behalf of Assad": the party acted for is no target
        actors = [a for a in _actors(candidate, index) if _free(a, taken)]
        if not actors:
            actors = _modifier_actors(candidate, index, taken)
        if actors:
            return actors
    return _search_target(act, index, taken)


def _free(actor: Actor, taken: set[str]) -> bool:
    """Not a source, nor a word of a source's name ("European" in "European Commission")."""
    return not any(actor.text in text for text in taken)


def _doer_passive(verb: Token) -> bool:
    """A passive form whose subject does the act: "forces were engaged in fighting"."""
    return lemma(verb) in _DOER_PASSIVES


def _patient_noun(trigger: Token) -> bool:
    """An event noun whose possessor was acted on: "Kennedy's assassination", but not
    "the rebels' killing of aid workers"."""
    return trigger.pos_ == "NOUN" and trigger.lower_ in PATIENT_NOUNS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children)


def _names_own_party(verb: Token) -> bool:
    return any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "against"))
               for c in verb.children)


def _owned(noun: Token) -> bool:
    """'its troops', 'their borders': the source's own, not a party acted on ('its
    partners' are other parties)."""
    return noun.lemma_.lower() not in _RELATIONS \
        and any(c.dep_ == "poss" and c.lower_ in _OWN for c in noun.children)


def _modifier_actors(noun: Token, index: ActorIndex, taken: set[str],
                     depth: int = 2) -> list[Actor]:
    """The party a non-actor object belongs to ("an Indian proposal", "Palestinian homes",
    "a curfew in the town of Cizre")."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.pos_ in ("ADJ", "PROPN"):
            actor = actor_for(child, index, use_focus=False)
            if actor is not None and actor.country and _free(actor, taken):
                return [actor]
    for child in noun.children:
        preps = [child] if child.dep_ == "prep" else [
            p for p in child.children if p.dep_ in ("prep", "agent")] if child.dep_ == "acl" else []
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ not in _TARGET_PREPS | {"by"}:
                continue
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                actors = [a for a in _actors(pobj, index) if _free(a, taken)]
                if not actors and depth > 1:
                    actors = _modifier_actors(pobj, index, taken, depth - 1)
                if actors:
                    return actors
    return []


def _pressing(act: Act) -> list[Token]:
    """Who pressed for what was refused: "declined to resign despite pressure from X"."""
    found: list[Token] = []
    verbs = (act.trigger, act.anchor, act.complement) if act.complement is not None \
        else (act.trigger, act.anchor)
    for verb in dict.fromkeys(verbs):
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "despite"):
            for noun in (g for g in prep.children if g.dep_ == "pobj"
                         and g.lemma_.lower() in _PRESSURE):
                found.extend(g for c in noun.children if c.dep_ in ("prep", "agent")
                             and c.lower_ in ("by", "from", "of") for g in c.children
                             if g.dep_ == "pobj")
                found.extend(c for c in noun.children if c.dep_ == "poss")
    return found


def _target_preps(act: Act) -> frozenset[str]:
    """Where an act is done to a place ("shelled positions in Aleppo") "in" names the target;
    where it is said or agreed ("met in Geneva") the place is only where it happened, except
    where refuge is sought ("sought asylum in Germany")."""
    if act.sense[0] in _PLACE_TARGETS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _REFUGE for c in act.anchor.children):
        return _TARGET_PREPS
    return _TARGET_PREPS - _LOCATIVE


def _search_target(act: Act, index: ActorIndex, taken: set[str]) -> list[Actor]:
    """Last resort: the nearest phrase in the act's clause that names a state's actor."""
    queue = deque([act.anchor, act.trigger])
    seen = {act.anchor.i, act.trigger.i}
    locative = act.sense[0] not in _PLACE_TARGETS
    while queue:
        node = queue.popleft()
        for child in node.children:
            if child.i in seen or (child.dep_ in _SKIP_IN_SEARCH
                                   and not (child.dep_ == "conj" and child.pos_ == "VERB")):
                continue
            on_act = node.i in (act.anchor.i, act.trigger.i)
            if child.dep_ == "prep" and (child.lower_ in _CIRCUMSTANCE
                                         or (locative and on_act and child.lower_ in _LOCATIVE)
                                         or (on_act and child.i == child.sent.start)):
                continue  # "With the signing of a memorandum, ...": the setting, no party
            if child.dep_ == "advcl" and any(m.lower_ in INDEPENDENT for m in child.children):
                continue
            if child.lower_ == "behalf":
                continue
            seen.add(child.i)
            queue.append(child)
            if child.pos_ in ("PROPN", "NOUN", "ADJ") and not _owned(child):
                actor = actor_for(child, index, use_focus=False)
                if actor is not None and actor.country and _free(actor, taken):
                    return [actor]
    return []


def _actors(head: Token, index: ActorIndex) -> list[Actor]:
    """The actors a phrase and its conjuncts name; a pronoun takes its antecedent."""
    if head.pos_ == "PRON" or head.lower_ in ("it", "they", "he", "she", "its", "their"):
        head = _antecedent(head, index) or head
    elif head.lower_ in ("country", "nation") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        head = _named_country_before(head) or head  # "sent advisers to the country"
    head = counted(head)  # "hundreds of Palestinians" are Palestinians
    head = _body_of(head, index) or head
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


def _body_of(head: Token, index: ActorIndex) -> Token | None:
    """The body a member acts for, when the phrase names no actor but its body does:
    "members of the Association of African Jurists" are the association."""
    if head.lemma_.lower() not in _MEMBERS or actor_for(head, index, use_focus=False):
        return None
    body = _pobj(head, ("of", "from"))
    return body if body is not None and body.pos_ == "PROPN" else None


def _split_compound(head: Token, index: ActorIndex) -> list[Actor]:
    """'Hungarian and Romanian officials', 'the diplomats of Russia and the United States'."""
    for child in head.children:
        parts: list[Token] = []
        if child.dep_ in ("amod", "nmod", "compound") and child.conjuncts:
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


def _named_country_before(noun: Token) -> Token | None:
    """The state last named before "the country", in its sentence or the one before; else
    the state of the last demonym ("Iranian state television said the country would")."""
    sent = noun.sent
    start = noun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = list(noun.doc[start : noun.i])
    for token in reversed(before):
        if token.pos_ == "PROPN" and token.dep_ not in ("compound", "amod") \
                and is_state(country_code(token.text)):
            return token
    return next((t for t in reversed(before) if t.dep_ == "amod" and t.ent_type_ == "NORP"
                 and is_state(country_code(t.text))), None)


def _antecedent(pronoun: Token, index: ActorIndex) -> Token | None:
    """The nearest subject or possessor before a pronoun, in its sentence or the one before;
    for "she" or "he", the nearest of the gender the story gives ("Christie called Clinton
    a disgrace after she attacked ...": Clinton), objects included."""
    gender = _GENDER.get(pronoun.lower_)
    sent = pronoun.doc[pronoun.i].sent
    start = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    fallback: Token | None = None
    for token in reversed(list(pronoun.doc[start : pronoun.i])):
        in_sentence = token.i >= sent.start
        roles = ("nsubj", "nsubjpass", "poss") + (("dobj", "pobj") if gender else ())
        if token.dep_ not in roles or token.pos_ not in ("PROPN", "NOUN"):
            continue
        if not in_sentence and not gender and token.dep_ != "nsubj":
            continue
        entity = index.entity_at(token.idx, token.idx + len(token.text))
        known = index.genders.get(entity.id) if entity is not None else None
        if gender and known and known != gender:
            continue  # "she" is not a man the story calls "he"
        if gender and known == gender:
            return token
        if token.dep_ in ("nsubj", "nsubjpass", "poss") and fallback is None \
                and (in_sentence or token.head.dep_ == "ROOT"):
            fallback = token
    return fallback


def reciprocal_parties(act: Act, index: ActorIndex) -> list[Actor]:
    """The parties of a reciprocal act: 'the call between A and B', 'each accused the other'."""
    pobj = _pobj(act.trigger, ("between",))
    if pobj is not None and pobj.conjuncts:
        return _actors(pobj, index)
    subject = subject_of(act.anchor)
    if subject is not None and subject.conjuncts and any(
            c.dep_ == "dobj" and c.lower_ in ("other", "another")
            and any(g.lower_ in ("each", "one") for g in c.children)
            for c in act.anchor.children):
        return _actors(subject, index)  # "Serbia and Kosovo accused each other"
    if subject is None or subject.lower_ not in _RECIPROCAL_SUBJECTS:
        return []
    for token in reversed(list(act.trigger.doc[act.trigger.sent.start : subject.i])):
        if token.dep_ == "pobj" and token.conjuncts:
            return _actors(token, index)
    return []


def other_party(actor: Actor, act: Act, index: ActorIndex) -> Actor:
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


__all__ = ["find_sources", "find_targets", "other_party", "reciprocal_parties", "subject_of"]
