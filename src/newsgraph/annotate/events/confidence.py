"""How far a reader can take an event at face value: a confidence in [0, 1] per event.

A logistic model over a few signals the coder already reads off the parse and the actor
rules (is the act a verb or a noun, how many mentions state it, are both parties named
entities with a known state and sector, is it told in the story's lead, inside a quote,
attributed to a source, announced for the future). Its weights are fitted by
`bench/events.py --calibrate` on the tune halves of the development stories and of the
PLOVER sentences (an event is right when its type and parties are), and shipped in
`data/confidence.json`; `model.MIN_CONFIDENCE` is the threshold chosen there for precision.

>>> 0.0 <= confidence({"noun": 1.0}) <= 1.0
True
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from newsgraph.annotate.events.acts import Act, modals
from newsgraph.annotate.events.plover import REPORTING
from newsgraph.model import Event

WEIGHTS = Path(__file__).with_name("data") / "confidence.json"
FEATURES = ("noun", "mentions", "source_entity", "target_entity", "source_country",
            "target_country", "source_sector", "target_sector", "quoted", "attributed",
            "future", "lead", "verbal", "long")
# Acts done in words, as against material acts: the coder reads them less surely.
_VERBAL = frozenset({"DISAPPROVE", "DEMAND", "SUPPORT", "REJECT", "THREATEN", "AGREE"})


def features(act: Act, event: Event, quoted: bool, lead: bool) -> dict[str, float]:
    """The signals of one mention of an event."""
    words = len(act.trigger.sent)
    return {
        "noun": float(act.trigger.pos_ == "NOUN"),
        "mentions": 0.0,
        "source_entity": float(any(a.entity for a in event.source)),
        "target_entity": float(any(a.entity for a in event.target)),
        "source_country": float(any(a.country for a in event.source)),
        "target_country": float(any(a.country for a in event.target)),
        "source_sector": float(any(a.sector for a in event.source)),
        "target_sector": float(any(a.sector for a in event.target)),
        "quoted": float(quoted),
        "attributed": float(_attributed(act.anchor)),
        "future": float(bool(modals(act.anchor) & {"will", "'ll", "shall", "would"})),
        "lead": float(lead),
        "verbal": float(event.type in _VERBAL),
        "long": min(words / 50.0, 1.0),
    }


def merged(first: dict[str, float], other: dict[str, float]) -> dict[str, float]:
    """The signals of an event told twice: the surer of each, and one more mention."""
    out = {k: max(first[k], other[k]) for k in first}
    out["mentions"] = min(first["mentions"] + 1.0, 2.0)
    return out


def _attributed(verb: Token) -> bool:
    """The act is told as what a source said ("..., police said")."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in REPORTING:
            return True
        if node.dep_ not in ("conj", "xcomp"):
            return False
        node = node.head
    return False


@cache
def _weights() -> dict[str, float]:
    if not WEIGHTS.exists():
        return {}
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data["weights"].items()}


def confidence(signals: dict[str, float]) -> float:
    """The model's probability that the event is right, type and parties."""
    weights = _weights()
    if not weights:
        return 1.0
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in signals.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


__all__ = ["FEATURES", "WEIGHTS", "confidence", "features", "merged"]
