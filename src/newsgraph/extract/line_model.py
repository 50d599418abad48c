"""A learned judge of scraped-text lines: story or furniture, from what real pages carry.

Trained (`bench/text_furniture.py --train`) on the lines of real pages as a recall-minded
scraper delivers them (trafilatura `favor_recall`), each line labelled by whether it stands in
the page's true body, over the tune halves of the five extraction sets. The model is a linear
one over sparse binary features, so it runs here without the library that trained it: the
weights ship as JSON (`newsgraph/data/furniture_lines.json`) and a line's score is the sum of
the weights of its features.

Features: the line's lower-cased character 3- and 4-grams (first 160 characters) and words;
its length, ending and capitalisation; its place in the text; and the same shape features of
the lines before and after it, because furniture comes in runs (a menu, a share bar, a list of
teasers) and a story's paragraphs stand among story paragraphs.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

_WORD = re.compile(r"\w+")
NGRAM_CHARS = 160


def _length_bucket(words: int) -> str:
    for bound in (0, 1, 2, 3, 5, 8, 12, 20, 35, 60):
        if words <= bound:
            return str(bound)
    return "more"


def _shape(line: str) -> list[str]:
    """Features of a line's form alone, named for where they are used (own or a neighbour's)."""
    words = line.split()
    end = line.rstrip()[-1:] if line.strip() else ""
    ending = (
        "stop"
        if end in ".!?"
        else "quote"
        if end in "\"”’'»"
        else "colon"
        if end == ":"
        else ("alnum" if end.isalnum() else "other")
    )
    capitals = sum(1 for w in words if w[:1].isupper())
    share = capitals / len(words) if words else 0.0
    return [
        f"len={_length_bucket(len(words))}",
        f"end={ending}",
        f"caps={'all' if share >= 0.99 else 'most' if share >= 0.6 else 'some' if share > 0 else 'none'}",
        f"digit={any(c.isdigit() for c in line)}",
        f"bar={'|' in line or '•' in line or '·' in line}",
    ]


def features(lines: Sequence[str], index: int, rule_kind: str | None = None) -> list[str]:
    """The features of line `index` among `lines` (the whole text, in order); `rule_kind` is
    what the hand rules (`furniture.judge_lines`) made of it, one more signal to weigh."""
    line = lines[index].strip()
    lowered = line.lower()
    sample = f" {lowered[:NGRAM_CHARS]} "
    found = [f"c{n}:{sample[i : i + n]}" for n in (3, 4) for i in range(len(sample) - n + 1)]
    found.extend(f"w:{w}" for w in set(_WORD.findall(lowered[:NGRAM_CHARS])))
    found.extend(_shape(line))
    position = index / max(1, len(lines) - 1)
    found.append(f"pos={min(4, int(position * 5))}")
    found.append(f"first={index == 0}")
    found.append(f"last={index == len(lines) - 1}")
    found.append(f"rule={rule_kind}")
    for offset, name in ((-1, "prev"), (1, "next"), (-2, "prev2"), (2, "next2")):
        other = index + offset
        if 0 <= other < len(lines):
            found.extend(f"{name}.{f}" for f in _shape(lines[other].strip())[:3])
        else:
            found.append(f"{name}.none")
    return found


class LineModel:
    """Weights of a trained line model and the threshold chosen for it."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    def furniture_probability(
        self, lines: Sequence[str], index: int, rule_kind: str | None = None
    ) -> float:
        found = features(lines, index, rule_kind)
        score = self.bias + sum(self.weights.get(f, 0.0) for f in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def is_furniture(self, lines: Sequence[str], index: int, rule_kind: str | None = None) -> bool:
        return self.furniture_probability(lines, index, rule_kind) >= self.threshold


WEIGHTS_FILE = "furniture_lines.json"


@lru_cache(maxsize=1)
def load_model() -> LineModel | None:
    """The shipped model, or None if this install has no weights file."""
    resource = files("newsgraph") / "data" / WEIGHTS_FILE
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    return LineModel(data["weights"], float(data["bias"]), float(data["threshold"]))


__all__ = ["WEIGHTS_FILE", "LineModel", "features", "load_model"]
