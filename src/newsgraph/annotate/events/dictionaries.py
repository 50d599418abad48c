"""The CAMEO/Phoenix actor and agent dictionaries as a compact runtime resource.

The Open Event Data Alliance's PETRARCH2 dictionaries (MIT; `data/PHOENIX-LICENSE.txt`)
name tens of thousands of states, cities, demonyms, office-holders with dated roles,
international bodies and armed groups with their CAMEO code ("SERGEY_LAVROV_ … [RUSGOV
>20040309]"), and generic agents with their sector ("FARMER [~AGR]"). `build_resource`
converts the TABARI files into `data/actors.tsv.gz`, one phrase a line with its codes and
the dates they hold; the coder reads that file only. Rebuild it with

    python -m newsgraph.annotate.events.dictionaries DICTIONARY_DIR

(a test says when the shipped file no longer matches the dictionaries beside the repo).

>>> lookup_actor("sergey lavrov", "2019-05-01")
('RUS', 'GOV')
>>> lookup_agent("farmers")
'AGR'
"""

from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

DATA = Path(__file__).with_name("data")
RESOURCE = DATA / "actors.tsv.gz"
SOURCES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
           "Phoenix.MilNonState.actors.txt")
AGENTS = "Phoenix.agents.txt"
_CODE = re.compile(r"\[([^\]]+)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# CAMEO sector codes that the contract's sectors keep (others fold into GOV or are dropped).
_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "CVL", "BUS",
                      "MED", "EDU", "REL", "NGO", "IGO", "UAF", "SPY", "LAB", "AGR", "REF",
                      "CRM", "HLH", "ELI", "ENV", "DEV", "MNC", "IMG", "NGM", "INS"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@dataclass(frozen=True, slots=True)
class Role:
    """One code an actor holds, from `start` to `end` (ISO dates, "" for open)."""

    country: str | None
    sector: str | None
    start: str = ""
    end: str = ""


def split_code(code: str) -> tuple[str | None, str | None]:
    """A CAMEO code as (country, sector): RUSGOVSPY → (RUS, GOV), IGOUNO → (IGO, IGO),
    ~AGR → (None, AGR); a code whose first part is no ISO state (IMG, MNC, the USSR's USR,
    a region) keeps only its sector: IMGMUSALQ → (None, REB), MED → (None, MED)."""
    code = code.strip().upper()
    if code.startswith("~"):
        parts = [code[i:i + 3] for i in range(1, len(code), 3)]
        return None, next((p for p in parts if p in _SECTORS), None)
    country, rest = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    if country in ("IGO", "NGO"):
        return country, country
    if country in ("IMG", "NGM", "MNC", "INS"):
        return None, "REB" if country == "IMG" else ("BUS" if country == "MNC" else None)
    sector = next((p for p in rest if p in _SECTORS), None)
    if pycountry.countries.get(alpha_3=country) is None:
        return None, sector or (country if country in _SECTORS else None)
    if sector == "SPY":
        sector = "GOV"
    if sector == "ELI":
        sector = None  # "elites": former office-holders, whose sector the story tells
    return country, sector


def _date(text: str) -> str:
    """A TABARI date (YYMMDD or YYYYMMDD) as ISO."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        century = "19" if int(digits[:2]) > 40 else "20"
        digits = century + digits
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 else ""


def _role(code_text: str) -> Role | None:
    words = code_text.split()
    if not words:
        return None
    country, sector = split_code(words[0])
    start = end = ""
    for word in words[1:]:
        if word.startswith(">"):
            start = _date(word[1:])
        elif word.startswith("<"):
            end = _date(word[1:])
        elif "-" in word:
            first, _, last = word.partition("-")
            start, end = _date(first), _date(last)
    return Role(country, sector, start, end)


def phrase(name: str) -> str:
    """A dictionary phrase as plain lowercase words: SERGEY_V._LAVROV → 'sergey v. lavrov'."""
    name = re.sub(r"\(.*?\)", " ", name)
    return " ".join(name.replace("_", " ").lower().split())


def parse_actors(text: str) -> dict[str, list[Role]]:
    """The phrases of one TABARI actor file with their roles."""
    table: dict[str, list[Role]] = {}
    block: list[str] = []
    roles: list[Role] = []

    def close() -> None:
        for name in block:
            if name and roles:
                table.setdefault(name, []).extend(r for r in roles if r not in table.get(name, []))

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [r for r in (_role(c) for c in _CODE.findall(line)) if r is not None]
        words = _CODE.sub("", line).strip()
        if raw[:1].isspace() and not words:
            roles.extend(codes)
            continue
        if words.startswith("+"):
            block.append(phrase(words[1:]))
            roles.extend(codes)
            continue
        close()
        block, roles = [phrase(words)], codes
    close()
    return table


def parse_agents(text: str) -> dict[str, str]:
    """Generic agents: phrase → sector, with the !PERSON!-style macros expanded."""
    macros: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        found = _MACRO.match(line)
        if found:
            macros[found.group(1)] = [w.strip() for w in found.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        _, sector = split_code(codes[0].split()[0])
        words = re.sub(r"\{[^}]*\}", "", _CODE.sub("", line)).strip()
        if sector is None or not words:
            continue
        for name in _expand(words, macros):
            agents.setdefault(phrase(name), sector)
    return agents


def _expand(words: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z]+!", words)
    if found is None:
        return [words]
    return [n for value in macros.get(found.group(0), [""])
            for n in _expand(words.replace(found.group(0), value, 1), macros)]


def build_resource(folder: Path, out: Path = RESOURCE) -> int:
    """Convert the dictionaries in `folder` into the compact resource; returns its lines."""
    actors: dict[str, list[Role]] = {}
    for name in SOURCES:
        for key, roles in parse_actors((folder / name).read_text(encoding="utf-8",
                                                                  errors="replace")).items():
            actors.setdefault(key, []).extend(r for r in roles if r not in actors.get(key, []))
    agents = parse_agents((folder / AGENTS).read_text(encoding="utf-8", errors="replace"))
    lines = []
    for key in sorted(actors):
        cells = [f"{r.country or ''}|{r.sector or ''}|{r.start}|{r.end}" for r in actors[key]]
        lines.append("A\t" + key + "\t" + "\t".join(cells))
    lines += [f"G\t{key}\t{agents[key]}" for key in sorted(agents)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        # mtime=0 in the gzip header would be nicer; the text is what the staleness test reads
        handle.write("\n".join(lines) + "\n")
    return len(lines)


@cache
def _tables() -> tuple[dict[str, tuple[Role, ...]], dict[str, str]]:
    actors: dict[str, tuple[Role, ...]] = {}
    agents: dict[str, str] = {}
    with gzip.open(RESOURCE, "rt", encoding="utf-8") as handle:
        for line in handle:
            kind, key, *cells = line.rstrip("\n").split("\t")
            if kind == "G":
                agents[key] = cells[0]
                continue
            roles = []
            for cell in cells:
                country, sector, start, end = cell.split("|")
                roles.append(Role(country or None, sector or None, start, end))
            actors[key] = tuple(roles)
    return actors, agents


def lookup_actor(name: str, on: str | None = None) -> tuple[str | None, str | None] | None:
    """The (country, sector) the dictionaries give a name on a date (ISO; the latest role
    when no date or no role covers it), or None for a name they do not know."""
    roles = _tables()[0].get(phrase(name))
    if not roles:
        return None
    if on:
        day = on[:10]
        held = [r for r in roles if (not r.start or r.start <= day) and (not r.end or day <= r.end)]
        if held:
            return held[-1].country, held[-1].sector
    latest = max(roles, key=lambda r: (r.end == "", r.end, r.start))
    return latest.country, latest.sector


def lookup_agent(words: str) -> str | None:
    """The sector a generic agent names ("riot police" → COP), trying the singular too."""
    agents = _tables()[1]
    key = phrase(words)
    if key in agents:
        return agents[key]
    if key.endswith("s") and key[:-1] in agents:
        return agents[key[:-1]]
    return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not (Path(args[0]) / AGENTS).exists():
        print("usage: python -m newsgraph.annotate.events.dictionaries DICTIONARY_DIR"
              " (the folder holding the Phoenix.*.txt files)", file=sys.stderr)
        return 2
    print(f"wrote {build_resource(Path(args[0]))} entries to {RESOURCE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Role", "build_resource", "lookup_actor", "lookup_agent", "parse_actors",
           "parse_agents", "split_code"]
