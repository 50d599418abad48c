"""Quotes: every pattern of attribution, its spans, kind and speaker; the seed's quotes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.annotate.entities.finder import EntityFinder, find_entities
from newsgraph.annotate.quotes.finder import QuoteFinder, find_quotes
from newsgraph.annotate.quotes.marks import find_quoted
from newsgraph.model import Document, Quote, Story
from newsgraph.pipeline import extract_document

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed"


def _quotes(body: str) -> tuple[Story, tuple[Quote, ...]]:
    story = Story(id="t", body=body)
    story = replace(story, entities=find_entities(story))
    return story, find_quotes(story)


def _one(body: str) -> tuple[Story, Quote]:
    story, quotes = _quotes(body)
    assert len(quotes) == 1, [[story.text(c) for c in q.content] for q in quotes]
    return story, quotes[0]


@pytest.mark.parametrize(
    ("body", "content", "kind", "cue", "source"),
    [
        # direct, curly marks, cue after
        ("“The port will reopen in May,” Mayor Ines Falk said.",
         "“The port will reopen in May,”", "direct", "said", "Mayor Ines Falk"),
        # direct, straight marks, inverted "said X"
        ('"We are not leaving," said Tomas Brann, the union leader.',
         '"We are not leaving,"', "direct", "said", "Tomas Brann, the union leader"),
        # guillemets
        ("«Nous resterons ici,» said Claire Morel.",
         "«Nous resterons ici,»", "direct", "said", "Claire Morel"),
        # NYT-style two apostrophes
        ("''The budget is balanced,'' Senator Ruth Okafor said.",
         "''The budget is balanced,''", "direct", "said", "Senator Ruth Okafor"),
        # a quotation of several sentences
        ("“We tried. We failed. We will try again,” said Ola Nord.",
         "“We tried. We failed. We will try again,”", "direct", "said", "Ola Nord"),
        # mixed: a quoted phrase inside a reported clause; the content is the quoted words
        ("Lena Holt said the ruling was “a disgrace to the court.”",
         "“a disgrace to the court.”", "mixed", "said", "Lena Holt"),
        # indirect, "said that"
        ("Finance Minister Aron Vik said that taxes would rise next year.",
         "that taxes would rise next year", "indirect", "said", "Finance Minister Aron Vik"),
        # indirect, no complementiser
        ("Police told reporters the bridge was closed.",
         "the bridge was closed", "indirect", "told", "Police"),
        # according to
        ("The mine will close in June, according to Sara Lind of the Mining Institute.",
         "The mine will close in June", "indirect", "according to",
         "Sara Lind of the Mining Institute"),
        # accuse X of Y
        ("Governor Ben Ekdahl accused the council of wasting public money.",
         "the council of wasting public money", "indirect", "accused", "Governor Ben Ekdahl"),
        # infinitive content
        ("The union vowed to strike until wages rise.",
         "to strike until wages rise", "indirect", "vowed", "The union"),
        # headline colon
        ("Falk: Port Will Reopen Within Weeks",
         "Port Will Reopen Within Weeks", "indirect", ":", "Falk"),
    ],
)
def test_patterns(body: str, content: str, kind: str, cue: str, source: str) -> None:
    story, quote = _one(body)
    assert " ".join(story.text(c) for c in quote.content) == content
    assert quote.kind == kind
    assert quote.cue is not None and story.text(quote.cue) == cue
    assert quote.source is not None and story.text(quote.source) == source


@pytest.mark.parametrize(
    ("body", "content", "claim"),
    [
        ("Sergey Lavrov characterized the allegations as “surreal.”",
         "“surreal.”", "the allegations as “surreal.”"),
        ("Mike Pompeo said the U.S. could intervene “if that's what's required.”",
         "“if that's what's required.”", "the U.S. could intervene “if that's what's required.”"),
        ("Ines Falk said the plan was “bold” and “long overdue” for the port.",
         "“bold” … “long overdue”", "the plan was “bold” and “long overdue” for the port"),
    ],
)
def test_a_mixed_quote_keeps_its_quoted_words_as_content_and_the_paraphrase_as_claim(
    body: str, content: str, claim: str
) -> None:
    story, quote = _one(body)
    assert quote.kind == "mixed"
    assert " … ".join(story.text(c) for c in quote.content) == content
    assert quote.claim is not None
    assert " … ".join(story.text(c) for c in quote.claim) == claim


@pytest.mark.parametrize(
    "body",
    ["“We will win,” Anna Berg said.", "Finance Minister Aron Vik said that taxes would rise."],
)
def test_direct_and_indirect_quotes_have_no_claim_apart_from_their_content(body: str) -> None:
    _, quote = _one(body)
    assert quote.claim is None


def test_a_quote_interrupted_by_its_cue_is_one_quote_in_two_pieces() -> None:
    story, quote = _one("“The plan is sound,” Kim Ask said, “and it is cheap.”")
    assert [story.text(c) for c in quote.content] == ["“The plan is sound,”", "“and it is cheap.”"]


def test_pronoun_speaker_is_the_last_person_named() -> None:
    body = ("The loans are large, according to Nils Berg of the Arctic Institute.\n\n"
            "“Nobody will repay them,” he said.")
    story, quotes = _quotes(body)
    pronoun = [q for q in quotes if q.source and story.text(q.source) == "he"]
    assert pronoun and pronoun[0].speaker_name == "Nils Berg"


def test_relative_pronoun_speaker_is_its_antecedent() -> None:
    body = "The reply came from Minister Eva Lund, who called the offer “an insult.”"
    _story, quote = _one(body)
    assert quote.speaker_name == "Eva Lund" and quote.kind == "mixed"


def test_via_names_the_relaying_outlet() -> None:
    _story, quote = _one("“We will wait,” Anton Rusk said on Radio Nord this week.")
    assert quote.via == "Radio Nord"
    _story, quote = _one("“It is over,” Ida Sten said, according to the Tass news agency.")
    assert quote.via == "Tass"
    assert quote.speaker_name == "Ida Sten"


def test_speech_verbs_inside_quotation_marks_are_not_attributions() -> None:
    story, quote = _one("“I told them we would win,” Pia Alm said.")
    assert story.text(quote.source) == "Pia Alm"


def test_open_quote_convention_spans_paragraphs() -> None:
    body = "“We came here to work.\n\n“We will stay,” said Mia Roos."
    story, quote = _one(body)
    assert story.text(quote.content[0]).startswith("“We came")
    assert story.text(quote.content[-1]).endswith("stay,”")


@pytest.mark.parametrize(
    "body",
    [
        "He said “we will win.\n\nThe vote is on Monday, officials said.",
        '"Unclosed at the end',
        "A stray closing mark” in the middle. “Then a real one,” she said.",
    ],
)
def test_unbalanced_marks_stay_in_their_paragraph(body: str) -> None:
    for start, end in find_quoted(body):
        assert "\n\n" not in body[start:end]
    _quotes(body)  # never fails the story


@pytest.mark.parametrize(
    "body",
    [
        # a stance towards someone, no claim
        "Russia supports President Nils Varg, and China backs him too.",
        "The ministry recognizes opposition leader Ada Rune as the legitimate president.",
        "The council welcomed the new mayor on Monday.",
        # a label of the page's furniture before a colon
        "Editor's note: An earlier version of this story misspelled a name.",
        "Correction: The vote was held on Tuesday, not Monday.",
        # an intention that describes its head in a relative clause
        "The talks stalled over Varg, who is refusing to cede power.",
    ],
)
def test_no_attribution_without_a_proposition(body: str) -> None:
    story, quotes = _quotes(body)
    assert not quotes, [[story.text(c) for c in q.content] for q in quotes]


def test_a_stance_verb_with_a_clause_still_reports() -> None:
    story, quote = _one("The mayor supports raising the tax on ferries.")
    assert story.text(quote.content[0]) == "raising the tax on ferries"


def test_an_infinitive_after_an_object_is_the_objects() -> None:
    story, quote = _one("The scandal led the senator to admit that she had erred.")
    assert story.text(quote.source) == "the senator"


def test_a_quotation_in_the_next_sentence_goes_on_the_quote_before() -> None:
    body = ("“We are not done,” said Kari Holm, speaking of the strike. "
            "“The vote comes next week.”")
    story, quote = _one(body)
    assert story.text(quote.content[-1]) == "“The vote comes next week.”"


def test_a_reporting_relative_clause_is_not_part_of_the_source() -> None:
    body = ("Mayor Ines Falk, who believed that the plan would fail, told the council "
            "that the port would close.")
    story, quotes = _quotes(body)
    told = [q for q in quotes if q.cue and story.text(q.cue) == "told"]
    assert told and story.text(told[0].source) == "Mayor Ines Falk"


def test_transcript_turns_are_their_speakers() -> None:
    body = ("WALLACE: Will you attend the debate tomorrow, Governor?\n\n"
            "PENCE: I will be there, and I think the voters will see the choice.\n\n"
            "WALLACE: Thank you for joining us today.\n\n"
            "PENCE: It was a pleasure to be with you again.")
    story, quotes = _quotes(body)
    turns = [(story.text(q.source), story.text(q.content[0])) for q in quotes]
    assert ("PENCE", "I will be there, and I think the voters will see the choice") in turns
    assert [source for source, _ in turns] == ["WALLACE", "PENCE", "WALLACE", "PENCE"]


def test_a_signed_quotation_is_its_signers() -> None:
    body = "“Fear. I am truly afraid of what comes next.” ― Carla Sanz\n\nMore below."
    story, quote = _one(body)
    assert story.text(quote.source) == "Carla Sanz" and story.text(quote.cue) == "―"
    assert story.text(quote.content[0]).startswith("“Fear.")


def test_a_closing_mark_typed_where_a_quotation_opens_opens_it() -> None:
    body = "”Fear. I am truly afraid.” ― Ana Ruiz"
    assert [body[s:e] for s, e in find_quoted(body)] == ["”Fear. I am truly afraid.”"]


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/data/seed is absent")
def test_seed_quotes_have_their_speakers() -> None:
    gold = json.loads((SEED / "gold.json").read_text())
    story = extract_document(Document(content=(SEED / "article.txt").read_text(), kind="text"))
    story = replace(story, entities=find_entities(story))
    quotes = find_quotes(story)

    def found(expected: dict[str, object]) -> bool:
        speakers = expected["speaker"]
        names = speakers if isinstance(speakers, list) else [speakers]
        gold_content = str(expected["content"]).strip("“”,. ")
        for quote in quotes:
            text = " ".join(story.text(c) for c in quote.content)
            # Two gold speakers are one quote of both ("Mike Pompeo and Sergey Lavrov").
            said = quote.speaker_name in names or quote.speaker_name == " and ".join(names)
            # The gold's content may start with its source and cue ("each accused ...").
            if (gold_content[:40] in text or gold_content[-30:] in text) and said:
                return True
        return False

    direct = [q for q in gold["quotes"] if q["kind"] in ("direct", "mixed")]
    indirect = [q for q in gold["quotes"] if q["kind"] == "indirect"]
    assert [q["content"] for q in direct if not found(q)] == []
    assert [q["content"] for q in indirect if not found(q)] == []
    mixed = [q for q in quotes if q.kind == "mixed"]
    assert [" ".join(story.text(c) for c in q.content) for q in mixed] == [
        "“surreal.”", "“if that’s what’s required.”"]
    for quote in quotes:
        for start, end in quote.content:
            assert 0 <= start < end <= len(story.body)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_fictional_story_speakers_and_roles() -> None:
    body = (FIXTURES / "council-vote.txt").read_text(encoding="utf-8")
    story = extract_document(Document(content=body, kind="text"))
    story = replace(story, entities=find_entities(story))
    quotes = find_quotes(story)

    def speaker_of(words: str) -> str | None:
        for quote in quotes:
            if any(words in story.text(c) for c in quote.content):
                return quote.speaker_name
        return None

    assert speaker_of("best day for Halifax") == "Sarah Miller"
    assert speaker_of("first ships could dock") == "Sarah Miller"
    assert speaker_of("a gift to developers") == "Thomas Brennan"
    assert speaker_of("We were never asked") == "Thomas Brennan"
    assert speaker_of("Not once") == "Thomas Brennan"
    assert speaker_of("ignores every lesson") == "Lena Holt"
    assert speaker_of("Nobody will repay") == "Lena Holt"
    assert speaker_of("the costs would double") == "Lena Holt"
    best_day = next(q for q in quotes if "best day" in story.text(q.content[0]))
    assert best_day.via == "Halifax Herald" and best_day.kind == "direct"
    roles = {e.name: e.role for e in story.entities if e.type == "PERSON"}
    assert roles["Sarah Miller"] == "Mayor"
    assert roles["Thomas Brennan"] == "chairman of the Fishermen's Association"
    assert roles["Lena Holt"] == "economist"
    assert roles["Aron Vik"] == "Deputy Mayor"


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("Asked if he was ever bullied, Mark Tolle said he was not.",
         "if he was ever bullied"),
        ("When asked whether he would run, Ivo Brant said he might.",
         "whether he would run"),
        ("Pressed on the budget, Mayor Ines Falk said the figures were sound.", None),
    ],
)
def test_a_participle_of_asking_has_no_source(body: str, question: str | None) -> None:
    story, quotes = _quotes(body)
    asked = [q for q in quotes if q.cue is not None and story.text(q.cue) != "said"]
    if question is not None:
        assert [story.text(q.content[0]) for q in asked] == [question]
    assert all(q.source is None for q in asked)
    answer = [q for q in quotes if q.cue is not None and story.text(q.cue) == "said"]
    assert len(answer) == 1 and answer[0].source is not None


@pytest.mark.parametrize(
    ("body", "content", "source", "via"),
    [
        # a poll or document is itself the source of the whole clause, its cue included
        ("Most voters said they would vote for Ann Berg, according to the survey.",
         "Most voters said they would vote for Ann Berg", "the survey", None),
        ("According to a harbour board report, the pilots said the channel was unsafe.",
         "the pilots said the channel was unsafe", "a harbour board report", None),
        # a news outlet only relays: the speaker stays, the outlet is `via`, also when the
        # parser hung the phrase inside the reported clause
        ("Ivo Brant said the port would reopen, according to the Interfax news agency.",
         "the port would reopen", "Ivo Brant", "Interfax"),
    ],
)
def test_according_to_a_document_takes_the_clause_an_outlet_relays(
    body: str, content: str, source: str, via: str | None
) -> None:
    story, quote = _one(body)
    assert story.text(quote.content[0]) == content
    assert quote.source is not None and story.text(quote.source) == source
    assert quote.via == via


@pytest.mark.parametrize(
    ("body", "content", "source"),
    [
        # a headline's own verbs are the source's words, not cues of their own
        ("Brant: I Still Believe The Port Can Reopen\n\nThe mayor spoke on Monday.",
         "I Still Believe The Port Can Reopen", "Brant"),
        # a name the tagger read as an adjective
        ("Issa: Harbour Plan Is In Question\n\nThe mayor spoke on Monday.",
         "Harbour Plan Is In Question", "Issa"),
    ],
)
def test_a_headline_after_a_colon_is_its_labels(body: str, content: str, source: str) -> None:
    story, quotes = _quotes(body)
    headline = [q for q in quotes if q.cue is not None and story.text(q.cue) == ":"]
    assert [story.text(headline[0].content[0]), story.text(headline[0].source)] == [
        content, source]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        # an apposition describing a name at the end of a content is the writer's
        ("Ines Falk criticized the remarks about Tomas Brann, the father of a sailor.",
         "the remarks about Tomas Brann"),
        # one describing a common noun is part of what was said
        ("Mayor Ines Falk praised the new plan, a bold step for the port.",
         "the new plan, a bold step for the port"),
    ],
)
def test_an_apposition_to_a_name_ends_a_content(body: str, content: str) -> None:
    story, quote = _one(body)
    assert story.text(quote.content[0]) == content


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        # a verb of seeming reports an impression: no source, the subject in the content
        ("Mr. Varg seemed most concerned with the economy.",
         "Mr. Varg … most concerned with the economy", "seemed"),
        ("The harbour plan appears to be losing support.",
         "The harbour plan … to be losing support", "appears"),
        # an expletive "it" joins the cue
        ("It appeared that Ines Falk had won the vote.",
         "that Ines Falk had won the vote", "It appeared"),
        # a passive of saying or expecting names nobody either
        ("The mayor was expected to win the vote easily.",
         "The mayor … to win the vote easily", "was expected"),
    ],
)
def test_a_verb_of_seeming_has_no_source(body: str, content: str, cue: str) -> None:
    story, quote = _one(body)
    assert " … ".join(story.text(c) for c in quote.content) == content
    assert quote.cue is not None and story.text(quote.cue) == cue
    assert quote.source is None


@pytest.mark.parametrize(
    "body",
    ["Ivo Brant appeared on the radio on Monday.", "The mayor appeared at the rally."],
)
def test_appearing_somewhere_is_no_attribution(body: str) -> None:
    assert _quotes(body)[1] == ()


@pytest.mark.parametrize(
    "body",
    [
        "“We were wrong to wait,” Ivo Brant told the Harbour Gazette in May.",
        "“The port will reopen,” Mayor Ines Falk told reporters.",
    ],
)
def test_whom_something_was_told_is_no_content(body: str) -> None:
    story, quote = _one(body)
    assert quote.kind == "direct" and story.text(quote.content[0]).startswith("“")
    assert quote.cue is not None and story.text(quote.cue) == "told"


def test_a_paragraph_of_quotation_goes_on_from_the_quote_ending_the_one_before() -> None:
    body = ("“The port is the best in the north,” Ivo Brant tells the Gazette in an interview."
            "\n\n“We waited ten years for it. It checks every box.”\n\nThe vote is on Monday.")
    story, quote = _one(body)
    assert [story.text(c) for c in quote.content] == [
        "“The port is the best in the north,”", "“We waited ten years for it. It checks every box.”"]


def test_a_participle_after_a_content_shares_its_cues_source() -> None:
    story, quotes = _quotes("Ines Falk said the port would reopen, adding that the budget was sound.")
    assert [(story.text(q.content[0]), story.text(q.source)) for q in quotes if q.source] == [
        ("the port would reopen", "Ines Falk"), ("that the budget was sound", "Ines Falk")]


@pytest.mark.parametrize(
    "body",
    [
        # a market table's row and a figure
        "Oslo – OBX: DOWN 0.4 percent at 1,120\n\nMore below.",
        "Tokyo – Nikkei 225: UP 0.2 percent at 23,120",
        # an impression with no source
        "The harbour master appeared to be losing patience with the trawlers.",
        # a participle of asking: the question is the reporter's
        "Asked why the port closed, the harbour master smiled and walked away.",
        # decisions and orders are acts, not words
        "Norway and Iceland agreed to reopen talks on fishing quotas next month.",
        "A Norwegian patrol boat ordered an Icelandic trawler to leave the disputed waters.",
    ],
)
def test_only_speech_is_listed_as_a_quote(body: str) -> None:
    story = QuoteFinder()(EntityFinder()(Story(id="t", body=body)))
    assert story.quotes == ()
    # PolNeAR counts them all the same: `find_quotes` keeps them for the bench
    assert _quotes(body)[1]


@pytest.mark.parametrize(
    "body",
    [
        "Ines Falk said the port would reopen in May.",
        "Ines Falk said the catch was up 4 percent on the year.",
        "“We will reopen in May,” the harbour board said.",
        "Ines Falk agreed that the quotas were too low for the boats.",
    ],
)
def test_speech_stays_a_quote(body: str) -> None:
    story = QuoteFinder()(EntityFinder()(Story(id="t", body=body)))
    assert len(story.quotes) == 1
