"""The faster attribute ruler and lemmatizer give spaCy's own reading, token by token."""

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.annotate.entities.nlp import MODEL_PACKAGE, load_nlp
from newsgraph.annotate.entities.token_rules import FAST_ATTRIBUTE_RULER, FAST_LEMMATIZER, speed_up

POLNEAR_DEV = Path(__file__).resolve().parents[3] / "shared/data/attribution/polnear/dev/text"

FICTIONAL = [
    "Anna Berg, who ain't gonna resign, said the ministers were meeting in Oslo.",
    "“Let's see,” she told reporters. “We've got ta finish what we started.”",
    "The Icelandic fishermen's union criticised the quotas but welcomed the talks.",
    "I don't think you understand: it's been years since he'd visited his children's school.",
    "   \n\nPRESS RELEASE — 12 ministers, 3.5 billion euros, and no deal by 5 p.m. Friday!\n",
    "",
]


def _reading(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def both() -> tuple[spacy.Language, spacy.Language]:
    return spacy.load(MODEL_PACKAGE), speed_up(spacy.load(MODEL_PACKAGE))


def test_the_shared_pipeline_uses_the_faster_components() -> None:
    names = load_nlp().pipe_names
    assert FAST_ATTRIBUTE_RULER in names and FAST_LEMMATIZER in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


@pytest.mark.parametrize("text", FICTIONAL)
def test_same_reading_as_spacy(both: tuple[spacy.Language, spacy.Language], text: str) -> None:
    slow, fast = both
    assert _reading(fast(text)) == _reading(slow(text))


def test_same_reading_twice_from_the_cache(both: tuple[spacy.Language, spacy.Language]) -> None:
    slow, fast = both
    text = " ".join(FICTIONAL)
    fast(text)
    assert _reading(fast(text)) == _reading(slow(text))


def test_same_reading_on_real_news(both: tuple[spacy.Language, spacy.Language]) -> None:
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR dev texts not found at {POLNEAR_DEV} (../shared/data is absent)")
    slow, fast = both
    texts = [path.read_text(encoding="utf-8") for path in sorted(POLNEAR_DEV.glob("*.txt"))[:12]]
    for a, b in zip(slow.pipe(texts), fast.pipe(texts), strict=True):
        assert _reading(b) == _reading(a)
