"""Whether an act is stated as done, happening or formally scheduled: the codebook's test.

`acts` already leaves out acts the sentence negates, puts in a condition or a question, or
wishes; this pass reads what is left against the rest of the clause's frame, in general
form, off the parse:

* modality and the future: a modal or a future frame ("would", "could", "is going to",
  "is expected to", "plans to", "is eager to") on the act or on a verb that governs it
  makes it unreal, except a scheduled meeting ("are to meet next week", "will visit") and
  the acts a speaker performs by saying them (a threat, a demand, a refusal);
* reported claims: an act inside what someone says ("X said Y attacked Z", "according to
  X") is X's claim, not the story's report, unless X is the doer (then the saying is the
  act: "Iran said it would retaliate") or the act is itself a speech act of X's words
  ("X said Y must leave" is X's demand, coded by `acts`);
* predicates of a prediction or a judgement ("is likely to", "stands to", "risks").

`unreal_reason(act)` names the reason an act is not an event, or None when it is one; the
coder drops the first kind and `confidence` reads the softer signals.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.events.acts import Act, lemma, modals

# Modal auxiliaries: what may, would or should happen, not what did.
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca", "ought",
                    "'d"})
# Verbs and adjectives whose complement is not (yet) done: intentions, attempts, plans,
# expectations ("plans to visit", "is eager to withdraw", "tried to force").
INTENDING = frozenset({
    "plan", "intend", "try", "attempt", "seek", "aim", "hope", "want", "wish", "expect",
    "eager", "likely", "unlikely", "able", "unable", "set", "due", "poised", "prepare",
    "consider", "threaten", "vow", "pledge", "promise", "propose", "offer", "going", "stand",
    "risk", "need", "have", "ready", "willing", "prepared", "reluctant", "refuse", "decline",
    "fail", "urge", "ask", "call", "push", "press", "struggle", "fight", "scramble", "tend",
})
# Frames whose complement is scheduled when the act is a meeting: "are to meet", "is set
# to visit", "is due to hold talks", "will meet".
SCHEDULING = frozenset({"be", "set", "due", "schedule", "plan", "expect", "go", "going"})
# Acts done by saying them: a future or modal form of these is still the speaker's act
# when the speaker says it ("will not accept" is a refusal, "could intervene" in the
# speaker's own voice a threat).
SPEECH_TYPES = frozenset({"THREATEN", "DEMAND", "REJECT", "DISAPPROVE", "SUPPORT"})
# Verbs of claiming and believing whose complement is the subject's claim; the neutral
# verbs of attribution ("said", "told", "reported", "announced") are how news cites its
# sources for what happened, and do not make a report a claim.
CLAIMING = frozenset({
    "claim", "think", "believe", "argue", "allege", "contend", "assert", "maintain",
    "predict", "fear", "worry", "suspect", "deny", "estimate", "expect", "hope", "speculate",
    "guess", "assume", "imply", "hint", "insist", "suggest", "charge", "accuse", "complain",
})


def unreal_reason(act: Act) -> str | None:
    """Why the act is not stated as done or scheduled, or None when it is."""
    type_ = act.sense[0]
    scheduled_meeting = type_ == "CONSULT"
    for verb in _clause_chain(act):
        found = modals(verb) & MODALS
        if found and type_ not in SPEECH_TYPES:
            return "modal"
        if verb is not act.anchor and verb is not act.trigger:
            base = _base(verb, INTENDING)
            if base in INTENDING and not (scheduled_meeting and base in SCHEDULING):
                return "intended"
    if type_ not in SPEECH_TYPES and _claimed_by_another(act):
        return "reported"
    return None


def _clause_chain(act: Act) -> list[Token]:
    """The act's own verbs and the verbs and adjectives whose open complement it is
    ("is eager [to withdraw]", "plans [to visit]"), up to the first clause boundary."""
    chain = [act.trigger]
    if act.anchor.i != act.trigger.i:
        chain.append(act.anchor)
    node = act.anchor
    while node.dep_ in ("xcomp", "acomp") or (node.dep_ == "conj" and node.head.pos_ == "VERB"
                                              and not _own_subject(node)):
        node = node.head
        chain.append(node)
    return chain


def _base(verb: Token, words: frozenset[str]) -> str:
    """The verb's lemma, or its form less an inflection where the small model's lemma
    misses ("hopes" → "hop"): the one in `words` if either is."""
    found = lemma(verb)
    if found in words:
        return found
    text = verb.lower_
    for end in ("s", "es", "d", "ed", "ing"):
        if text.endswith(end) and text[: -len(end)] in words:
            return text[: -len(end)]
    return found


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _claimed_by_another(act: Act) -> bool:
    """The act sits in what someone else says or believes: "Officials said the rebels
    attacked", "Critics believe Russia meddled", "according to the ministry"."""
    node = act.anchor
    while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    doer = _subject(node)
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and _base(node.head, CLAIMING) in CLAIMING:
            speaker = _subject(node.head)
            return not _same_party(speaker, doer)
        if node.dep_ in ("relcl", "appos", "advcl", "acl", "conj"):
            return False
        node = node.head
    return False


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _same_party(speaker: Token | None, doer: Token | None) -> bool:
    """The speaker speaks of its own act ("Iran said it would", "the ministry said it
    had"): a pronoun doer is taken for the speaker, as the story means it."""
    if speaker is None or doer is None:
        return True  # the parse cannot tell who speaks or who acts: leave the act alone
    if doer.pos_ == "PRON" or doer.i == speaker.i:
        return True
    names = {t.lower_ for t in speaker.subtree if t.pos_ in ("PROPN", "NOUN")}
    return bool(names & {t.lower_ for t in doer.subtree if t.pos_ in ("PROPN", "NOUN")})


__all__ = ["unreal_reason"]
