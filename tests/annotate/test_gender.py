"""Which pronoun a person's name and titles fit (names and titles written for the tests)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsgraph.annotate.entities.gender import FEMALE, MALE, given_name_gender, title_gender
from newsgraph.annotate.entities.given_names import (
    RESOURCE,
    build_resource,
    female_share,
    resource_lines,
)


@pytest.mark.parametrize(("name", "expected"), [
    ("Hillary Clinton", (FEMALE, True)),
    ("Norman Ham", (MALE, True)),
    ("Sigrid Dahl", (FEMALE, True)),
    ("Bjarni Eriksson", (MALE, True)),
    ("Bernie Sanders", (MALE, False)),   # mostly men's, not firmly
    ("Jean Rondeau", (None, False)),     # as many women as men
    ("Rakeyia Scott", (None, False)),    # unattested
    ("Clinton", (None, False)),          # a surname alone says nothing
])
def test_given_name_gender(name: str, expected: tuple[str | None, bool]) -> None:
    assert given_name_gender(name) == expected


@pytest.mark.parametrize(("words", "expected"), [
    (["Mrs."], FEMALE), (["spokesman"], MALE), (["first lady"], FEMALE),
    (["Mr.", "spokeswoman"], None), (["minister"], None),
])
def test_title_gender(words: list[str], expected: str | None) -> None:
    assert title_gender(words) == expected


def test_rare_or_non_alphabetic_names_are_left_out() -> None:
    data: dict[str, list[object]] = {
        "anna": [30, 90000, 0.99, 3], "ang": [15, 40, 0.294, 3], "&amp;me": [3, 900, 0.0, 3],
        "zed": [2, 5000, 0.1, 3],
    }
    assert list(resource_lines(data)) == ["anna\t0.990\n"]
    assert female_share("ANNA") is not None


def test_shipped_given_names_are_current(tmp_path: Path) -> None:
    try:
        from newsgraph.annotate.entities.given_names import installed_name_data

        data = installed_name_data()
    except ModuleNotFoundError:
        pytest.skip("nomquamgender is not installed (pip install -e '.[bench]'): the shipped "
                    "name list cannot be compared with its source")
    rebuilt = tmp_path / "given_names.tsv.gz"
    build_resource(resource_lines(data), rebuilt)
    assert gzip.decompress(rebuilt.read_bytes()) == gzip.decompress(RESOURCE.read_bytes()), (
        "rebuild with python -m newsgraph.annotate.entities.given_names")
