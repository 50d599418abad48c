"""The shared parse: a story parsed as a batch of its paragraphs reads like one document."""

import re

import pytest

from newsgraph.annotate.entities.nlp import paragraph_pieces, parse

STORY = (
    "OSLO (AP) — Norway and Iceland agreed on Monday to reopen talks on fishing quotas.\n\n"
    "Foreign Minister Anna Berg met her Icelandic counterpart in Reykjavik.\n"
    "\n"
    "  “We have agreed to talk,” Berg told reporters.\n\n\n"
    "The talks resume in March in Bergen, officials said.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.", ["One."]),
        ("", [""]),
        ("One.\n\nTwo.", ["One.\n\n", "Two."]),
        ("One.\n \n  Two.\n\n", ["One.\n \n  ", "Two.\n\n"]),
        ("A wrapped\nsentence.", ["A wrapped\nsentence."]),
    ],
)
def test_paragraph_pieces_join_back_into_the_text(text: str, expected: list[str]) -> None:
    pieces = paragraph_pieces(text)
    assert pieces == expected
    assert "".join(pieces) == text


def test_batched_parse_keeps_offsets_and_paragraph_sentences() -> None:
    doc = parse(STORY)
    body_start = STORY.index("Norway")
    assert doc.text[body_start:] == STORY[body_start:]  # only the dateline is blanked
    for sentence in doc.sents:
        assert not re.search(r"\n\s*\n", sentence.text.strip()), sentence.text
    people = {(e.text, e.start_char) for e in doc.ents if e.label_ == "PERSON"}
    assert ("Anna Berg", STORY.index("Anna Berg")) in people
    told = next(t for t in doc if t.text == "told")
    assert told.dep_ == "ROOT"
    assert [c.text for c in told.children if c.dep_ == "nsubj"] == ["Berg"]
    assert told.lemma_ == "tell" and told.pos_ == "VERB"


def test_parse_is_shared_between_callers() -> None:
    assert parse(STORY) is parse(STORY)
