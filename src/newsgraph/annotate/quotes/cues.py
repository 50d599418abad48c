"""Which words introduce an attribution, and what shape of content each takes.

Reporting verbs differ in how they carry what was said. "Say" takes a clause ("she said
(that) the plan failed"); "accuse" takes an object and a reason ("accused Moscow of
meddling"); "urge" takes an infinitive ("urged voters to stay home"). The lists below were
drawn from the verbs PolNeAR's annotators marked as cues in its training split, keeping
those that introduce an attribution most of the time they appear; they are English lemmas.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.annotate.quotes.learned import READINGS

# Verbs whose content is a clause: ccomp, or the rest of the sentence when the verb is a
# parenthetical ("The plan, she said, failed").
CLAUSE_CUES = frozenset({
    "say", "tell", "add", "write", "claim", "argue", "explain", "insist", "state", "note",
    "suggest", "report", "announce", "acknowledge", "admit", "warn", "predict", "declare",
    "believe", "think", "know", "feel", "fear", "hope", "expect", "worry", "doubt",
    "suspect", "assume", "realize", "understand", "agree", "confirm", "reveal", "indicate",
    "show", "find", "conclude", "recall", "respond", "reply", "answer", "tweet", "post",
    "complain", "contend", "maintain", "assert", "emphasize", "stress", "mention", "observe",
    "remark", "concede", "allege", "charge", "counter", "estimate", "testify", "joke",
    "quip", "boast", "lament", "speculate", "caution", "promise", "pledge", "vow", "threaten",
    "demand", "ask", "wonder", "question", "point", "signal", "imply", "hint", "deny",
    "repeat", "reiterate", "continue", "swear", "guess", "learn",
    "hear", "see", "read", "propose", "recommend", "urge", "decide", "determine", "rule",
    "accept", "recognize", "notice", "prove", "demonstrate", "disclose", "publish",
    "describe", "brag", "scoff", "snap", "shout", "yell", "whisper", "cry", "exclaim",
    "retort", "muse", "pronounce", "proclaim", "affirm", "assure", "convince", "inform",
    "remind", "persuade", "teach", "advise", "forecast", "project", "calculate", "figure",
    "seem", "appear", "sound",
})

# Verbs whose content is their object, with what follows it ("accused X of Y",
# "called the plan a disaster", "praised her for ...").
OBJECT_CUES = frozenset({
    "accuse", "criticize", "criticise", "praise", "blame", "defend", "deny", "reject",
    "dismiss", "blast", "denounce", "slam", "cite", "describe", "characterize", "endorse",
    "announce", "question", "acknowledge", "express", "call", "attack", "urge", "recall",
    "predict", "tweet", "reveal", "confirm", "mock", "decry", "condemn", "ridicule",
    "applaud", "hail", "welcome", "lambaste", "chide", "rebuke", "fault", "credit",
    "thank", "label", "dub", "brand", "promise", "pledge", "vow", "propose", "demand",
    "ask", "warn", "request", "invite", "encourage", "implore", "challenge",
    "dispute", "oppose", "support", "back", "discuss", "mention", "repeat",
    "reiterate", "highlight", "stress", "emphasize", "tout", "promote", "recommend",
    "suggest", "insist", "admit", "concede", "claim", "allege", "report", "estimate",
    "note", "congratulate", "prefer", "echo",
})

# Verbs of support, recognition or rejection: their content is a proposition ("backed
# building the wall", "rejected the claim that ..."), never a bare noun phrase ("Russia
# supports President Maduro", "the U.S. recognizes Guaido as president"). On PolNeAR train
# a bare noun phrase after these was a gold attribution a quarter of the time or less.
STANCE_CUES = frozenset({
    "support", "back", "recognize", "recognise", "welcome", "reject", "condemn", "defend",
})

# Verbs whose content is an infinitive ("vowed to fight", "urged voters to stay home").
INFINITIVE_CUES = frozenset({
    "promise", "pledge", "vow", "threaten", "urge", "ask", "call", "refuse", "decline",
    "want", "plan", "hope", "expect", "intend", "agree", "offer", "demand", "warn",
    "encourage", "tell", "order", "advise", "appeal", "seek", "claim", "insist", "decide",
    "propose", "aim", "wish", "appear", "seem",
})

# Verbs whose content is the object of a preposition right after them ("called for a ban",
# "referring to the founders"); the preposition belongs to the cue.
PREPOSITION_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "refer": frozenset({"to"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of"}),
    "point": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "comment": frozenset({"on"}),
    "focus": frozenset({"on"}),
    "write": frozenset({"about", "of"}),
    "complain": frozenset({"about", "of"}),
    "warn": frozenset({"about", "of", "against"}),
    "argue": frozenset({"for", "against"}),
    "vote": frozenset({"for", "against"}),
    "ask": frozenset({"about"}),
    "testify": frozenset({"about"}),
    "boast": frozenset({"about", "of"}),
    "worry": frozenset({"about"}),
    "insist": frozenset({"on"}),
    "push": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "campaign": frozenset({"for", "against"}),
    "reflect": frozenset({"on"}),
    "elaborate": frozenset({"on"}),
    "agree": frozenset({"with"}),
    "disagree": frozenset({"with"}),
    "object": frozenset({"to"}),
    "apologize": frozenset({"for"}),
    "hint": frozenset({"at"}),
}

# Words that make a preposition phrase a source ("according to X").
ACCORDING = frozenset({"according"})

# Nouns that name a medium the words were relayed by ("said on Ekho Moskvy radio").
MEDIA = frozenset({
    "radio", "television", "tv", "channel", "network", "newspaper", "paper", "agency",
    "broadcaster", "station", "magazine", "website", "show", "program", "programme",
    "interview", "statement", "twitter", "facebook", "podcast", "blog",
})

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})


# A learned reading pays for itself when at least this share of its readings in PolNeAR
# train was right: a little over half the end-to-end F1, since adding predictions of
# precision p raises F1 while p > F1 / 2. Hand-listed lemmas are dropped below WEAK_SHARE.
LEARNED_SHARE = 0.35
WEAK_SHARE = 0.15
_SHAPES = ("clause", "object", "infinitive")
_HAND = {"clause": CLAUSE_CUES, "object": OBJECT_CUES, "infinitive": INFINITIVE_CUES}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """Per shape: the hand list less what training found weak, plus what it found pays."""
    lexicon = {}
    for shape in _SHAPES:
        readings = READINGS.get(shape, {})
        learned = {lemma for lemma, (n, r) in readings.items() if r >= LEARNED_SHARE * n}
        weak = {lemma for lemma, (n, r) in readings.items() if r <= WEAK_SHARE * n}
        lexicon[shape] = frozenset((_HAND[shape] - weak) | learned)
    return lexicon


def cue_kinds(lemma: str) -> tuple[bool, bool, bool]:
    """Whether `lemma` takes clause, object and infinitive content, in that order: the hand
    lists above, corrected by `learned.py` (`bench/attribution.py --learn-cues`)."""
    lexicon = _lexicon()
    return lemma in lexicon["clause"], lemma in lexicon["object"], lemma in lexicon["infinitive"]


__all__ = [
    "ACCORDING",
    "CLAUSE_CUES",
    "INFINITIVE_CUES",
    "MEDIA",
    "OBJECT_CUES",
    "PREPOSITION_CUES",
    "PRONOUNS",
    "STANCE_CUES",
    "cue_kinds",
]
