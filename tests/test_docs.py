"""The README and docs/ stay true: every command they show parses, every file and endpoint they
name exists, every link lands, the Python example runs; every command has help text and is in
the README; __all__ lists are honest."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import pkgutil
import re
import shlex
from pathlib import Path

import pytest

import newsgraph
from newsgraph.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# The pages the README promises; each engineer fills in their own stage's page.
DOC_PAGES = ("extraction", "quotes", "events", "archive", "web-and-api", "scale", "benchmarks")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)


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
    block = re.search(r"```bash\n(.*?)```", README, re.DOTALL)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2 and "newsgraph analyze examples/" in lines[0] and "pytest" in lines[1]
    # CI runs the second command as written (.ci/run).
    assert lines[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_fits_on_a_few_screens_and_links_every_docs_page() -> None:
    assert len(README) <= 10_000, f"README.md is {len(README)} characters; move detail to docs/"
    for name in DOC_PAGES:
        assert f"(docs/{name}.md" in README, f"README does not link docs/{name}.md"
        assert (ROOT / "docs" / f"{name}.md").is_file()


def test_screenshots_of_each_page_at_both_widths_are_small() -> None:
    for name in ("home", "story", "person", "search", "events"):
        for width in ("desktop", "phone"):
            shot = ROOT / "docs" / "screenshots" / f"{name}-{width}.png"
            assert shot.is_file(), shot.name
            assert shot.stat().st_size < 100_000, f"{shot.name} is over 100 KB"


def shown_commands(page: Path) -> list[list[str]]:
    """Every shell command in a page's code blocks: the lines of ```bash blocks and the
    `$ ` lines of the others, continuations joined and comments dropped."""
    found: list[list[str]] = []
    for language, block in FENCE.findall(page.read_text(encoding="utf-8")):
        text = block.replace("\\\n", " ")
        for line in text.splitlines():
            if language == "bash":
                line = line.strip()
            elif line.startswith("$ "):
                line = line[2:]
            else:
                continue
            line = re.sub(r"\s#.*$", "", line).strip()
            if line and not line.startswith("#"):
                found.extend(pipeline_parts(line))
    return found


def pipeline_parts(line: str) -> list[list[str]]:
    """`a && b | c` as [[a], [b], [c]], each a list of words."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    parts: list[list[str]] = [[]]
    for token in lexer:
        if token in {"&&", "||", "|", ";", "&"}:
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


SHOWN = [(page.relative_to(ROOT).as_posix(), words)
         for page in PAGES for words in shown_commands(page)]


@pytest.mark.parametrize(("page", "words"), SHOWN,
                         ids=[f"{p}:{' '.join(w)[:50]}" for p, w in SHOWN])
def test_every_shown_command_works(page: str, words: list[str]) -> None:
    """A newsgraph command parses with today's options; a bench script exists and has every
    option shown; a repo path exists; a curl names an endpoint the API has."""
    command = shlex.join(words)
    for word in words:
        if re.match(r"(examples|tests|bench|docs|src)/", word):
            assert (ROOT / word.rstrip("/")).exists(), f"{page}: {word} does not exist"
    program = words[0]
    if program.endswith("newsgraph"):
        with contextlib.redirect_stderr(io.StringIO()) as stderr:
            try:
                build_parser().parse_args(words[1:])
            except SystemExit:
                pytest.fail(f"{page}: `{command}` does not parse: {stderr.getvalue().strip()}")
    elif program.endswith("python") and words[1].startswith("bench/"):
        source = (ROOT / words[1]).read_text(encoding="utf-8")
        for option in (w.split("=")[0] for w in words[2:] if w.startswith("--")):
            assert f'"{option}"' in source, f"{page}: {words[1]} has no option {option}"
    elif program == "curl":
        url = next(w for w in words if "://" in w)
        assert_endpoint(re.sub(r"^https?://[^/]+", "", url).split("?")[0], page)
    elif program in {"python3", "jq"} or program.endswith(("pip", "python")):
        pass
    else:
        pytest.fail(f"{page}: `{command}`: teach tests/test_docs.py to check {program}")


def assert_endpoint(path: str, page: str) -> None:
    from newsgraph.serve.api import router

    patterns = [re.sub(r"\{[^}]+\}", "[^/]+", route.path) for route in router.routes]  # type: ignore[attr-defined]
    assert any(re.fullmatch(p, path) for p in patterns), f"{page}: no endpoint {path}"


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


LINKS = [(page, target) for page in PAGES
         for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8"))
         if "://" not in target]


@pytest.mark.parametrize(("page", "target"), LINKS,
                         ids=[f"{p.relative_to(ROOT).as_posix()}->{t}" for p, t in LINKS])
def test_every_link_lands(page: Path, target: str) -> None:
    path, _, anchor = target.partition("#")
    file = (page.parent / path).resolve() if path else page
    assert file.exists(), f"{page.name}: {target} does not exist"
    if anchor:
        headings = re.findall(r"^#+ (.+)$", file.read_text(encoding="utf-8"), re.MULTILINE)
        assert anchor in {slug(h) for h in headings}, f"{page.name}: no heading #{anchor} in {path}"


def python_blocks() -> list[tuple[str, str]]:
    return [(page.relative_to(ROOT).as_posix(), block) for page in PAGES
            for language, block in FENCE.findall(page.read_text(encoding="utf-8"))
            if language == "python"]


@pytest.mark.parametrize(("page", "code"), python_blocks())
def test_python_examples_run(page: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    with contextlib.redirect_stdout(io.StringIO()) as out:
        # The code is our own documentation, run as a reader would paste it.
        exec(compile(code, page, "exec"), {"__name__": "__docs__"})  # noqa: S102
    assert out.getvalue().strip(), f"{page}: the example printed nothing"


def test_help_states_the_defaults() -> None:
    """Every option with a default other than off says it in --help, so nobody has to read
    the code to know what `--limit` gives."""
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    missing = []
    for name, sub in action.choices.items():  # type: ignore[union-attr]
        for option in sub._actions:
            if (option.option_strings and option.default not in (None, False, argparse.SUPPRESS)
                    and option.help != argparse.SUPPRESS
                    and not re.search(r"default|%\(default\)", option.help or "")):
                missing.append(f"{name} {option.option_strings[-1]}")
    assert not missing, f"--help does not state the default of: {', '.join(missing)}"


def test_every_option_is_documented() -> None:
    """Each option of each command is named in the README or a docs/ page (in one of its
    spellings: `-o` stands for `--output`)."""
    text = "".join(page.read_text(encoding="utf-8") for page in PAGES)
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    missing = [f"{name} {option.option_strings[-1]}"
               for name, sub in action.choices.items()  # type: ignore[union-attr]
               for option in sub._actions
               if option.option_strings and option.dest != "help"
               and not any(re.search(rf"{re.escape(s)}\b", text) for s in option.option_strings)]
    assert not missing, f"not in README.md or docs/: {', '.join(missing)}"


def test_readme_states_the_defaults() -> None:
    """Each default a newcomer meets is in the README's one line of them, as --help has it."""
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    line = README[README.index("Defaults:"):].split("`newsgraph COMMAND --help`")[0]
    line = line.replace("\n", " ")
    for name, sub in action.choices.items():  # type: ignore[union-attr]
        for option in sub._actions:
            if option.dest in {"db", "kind", "stage", "limit", "min_size"}:
                assert f"{option.option_strings[-1]} {option.default}" in line, (name, option.dest)
            elif option.dest == "format":
                assert re.search(rf"\b{option.default}\b", line), (name, option.dest)


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

