"""Country codes for the many ways news names a state or an international body."""

from __future__ import annotations

import pytest

from newsgraph.annotate.entities.countries import country_code, country_in, is_state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia", "RUS"),
        ("Turkey", "TUR"),
        ("Brunei", "BRN"),
        ("the Russian Federation", "RUS"),
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("Syrian", "SYR"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Venezuela", "VEN"),
        ("Venezuelan", "VEN"),
        ("Vietnam", "VNM"),
        ("Moscow", "RUS"),
        ("Washington", "USA"),
        ("the Kremlin", "RUS"),
        ("Kiev", "UKR"),
        ("Beijing", "CHN"),
        ("Palestinians", "PSE"),
        ("Gaza Strip", "PSE"),
        ("Ivory Coast", "CIV"),
        ("Chinese", "CHN"),
        ("French", "FRA"),
        ("Russia's", "RUS"),
        ("United Nations", "IGO"),
        ("U.N.", "IGO"),
        ("UN", "IGO"),
        ("NATO", "IGO"),
        ("EU", "IGO"),
        ("European Union", "IGO"),
        ("Security Council", "IGO"),
        ("Amnesty International", "NGO"),
    ],
)
def test_country_code(text: str, expected: str) -> None:
    assert country_code(text) == expected


@pytest.mark.parametrize("text", ["us", "the", "President", "Rovaniemi", "opposition", ""])
def test_not_a_country(text: str) -> None:
    assert country_code(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian Deputy Foreign Minister", "RUS"),
        ("U.S. Secretary of State", "USA"),
        ("Syrian President", "SYR"),
        ("deputy chairman of the foreign relations committee of Russia’s upper house", "RUS"),
        ("South Korean army", "KOR"),
        ("opposition leader", None),
        ("President", None),
    ],
)
def test_country_in(text: str, expected: str | None) -> None:
    assert country_in(text) == expected


def test_is_state() -> None:
    assert is_state("RUS")
    assert not is_state("IGO")
    assert not is_state(None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Sivas", "TUR"), ("Texas", "USA"), ("Herat", "AFG"), ("Moscow", "RUS"), ("Central", None)],
)
def test_place_country(name: str, expected: str | None) -> None:
    from newsgraph.annotate.entities.countries import place_country

    assert place_country(name) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("New Jersey Gov. Chris Christie", "USA"), ("Jersey police", "JEY"),
     ("the New South Wales premier", "AUS")],
)
def test_country_in_prefers_a_state_of_two_words(phrase: str, expected: str) -> None:
    assert country_in(phrase) == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("in Charlotte, N.C., on Tuesday", 12, "USA"), ("Tulsa, Okla., police", 5, "USA"),
     ("Rovaniemi, Finland, on Monday", 9, "FIN"), ("Paris on Monday", 5, None)],
)
def test_qualified_country(text: str, end: int, expected: str | None) -> None:
    from newsgraph.annotate.entities.countries import qualified_country

    assert qualified_country(text, end) == expected


def test_a_us_town_with_its_state_is_american() -> None:
    from newsgraph.model import Document
    from newsgraph.pipeline import analyze_document

    story = analyze_document(Document(
        content="Protesters marched in Charlotte, N.C., on Wednesday. Police in Charlotte "
                "arrested dozens of protesters.", kind="text"))
    assert story.events and all(a.country == "USA" for e in story.events
                                for a in (*e.source, *e.target)), story.events


def test_group_names_match_whole_words_only() -> None:
    from newsgraph.annotate.events.actors import _known

    assert _known("the FIS leadership") == ("DZA", "REB")
    assert _known("fishing quotas in the North Atlantic") is None
