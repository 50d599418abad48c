"""Every command has help text and is documented in the README; __all__ lists are honest."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import newsgraph
from newsgraph.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", commands())
def test_every_command_is_in_the_readme_and_has_help(command: str) -> None:
    assert f"newsgraph {command}" in README
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    assert action.choices[command].description  # type: ignore[index]


def test_readme_opens_with_the_two_commands() -> None:
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2 and "newsgraph analyze examples/" in lines[0] and "pytest" in lines[1]


def modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(newsgraph.__path__, "newsgraph.")
                  if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", modules())
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    for exported in getattr(module, "__all__", []):
        assert hasattr(module, exported), f"{name}.__all__ lists missing {exported}"


def test_package_all_is_complete() -> None:
    assert set(newsgraph.__all__) == {"Document", "Story", "__version__", *newsgraph._PIPELINE_NAMES}
    for name in newsgraph.__all__:
        assert getattr(newsgraph, name) is not None
