"""The lowest-versions file pins exactly the lower bound of every requirement."""

import re
import tomllib
from pathlib import Path

from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
_REQUIREMENT = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(==|>=)\s*([^,;\s]+)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lower_bounds() -> dict[str, Version]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    bounds = {}
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement)
        assert match, f"{requirement!r} has no lower bound"
        bounds[_normal(match[1])] = Version(match[3])
    return bounds


def _pinned() -> dict[str, Version]:
    pins = {}
    for line in (REPO / "ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[_normal(name)] = Version(version.strip())
    return pins


def test_lowest_versions_file_matches_the_lower_bounds() -> None:
    assert _pinned() == _lower_bounds()


def test_every_requirement_has_an_upper_bound() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        assert "<" in requirement or "==" in requirement, requirement
