"""Given names and how often each is a woman's, as a compact runtime resource.

The name list comes from nomquamgender (MIT; `data/NOMQUAMGENDER-LICENSE.txt`): about
720,000 given names gathered from 36 national and bibliographic sources, each with how many
people bear it and the share of them who are women, p(gf). `build_resource` keeps the names
that enough people and sources attest (a rare spelling in one source says little) and writes
`data/given_names.tsv.gz`, one `name<TAB>p(gf)` a line; `female_share` reads that file only,
so the runtime needs neither the package nor its pandas. Rebuild it with

    pip install nomquamgender && python -m newsgraph.annotate.entities.given_names

(a test says when the shipped file no longer matches the installed package).

>>> female_share("Hillary"), female_share("Norman"), female_share("Rakeyia")
(0.922, 0.001, None)
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

RESOURCE = Path(__file__).with_name("data") / "given_names.tsv.gz"
# A name counts when this many people bear it in at least this many sources: below that the
# share is noise ("ang": 85 people, 0.294).
MIN_PEOPLE, MIN_SOURCES = 50, 3


def resource_lines(name_data: dict[str, list[object]]) -> Iterator[str]:
    """The resource's lines from nomquamgender's `name_data.json` (name -> [sources, people,
    p(gf), ...]): plain alphabetic names with enough attestation, sorted."""
    for name in sorted(name_data):
        sources, people, share = name_data[name][:3]
        if (name.isalpha() and isinstance(sources, int) and isinstance(people, int)
                and isinstance(share, float | int) and sources >= MIN_SOURCES
                and people >= MIN_PEOPLE):
            yield f"{name}\t{share:.3f}\n"


def build_resource(lines: Iterable[str], target: Path = RESOURCE) -> None:
    """Write the lines gzipped with a fixed timestamp, so a rebuild is byte-identical."""
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("".join(lines).encode("utf-8"))


def installed_name_data() -> dict[str, list[object]]:
    """nomquamgender's name list, read from the installed package without importing it (its
    import loads pandas); ModuleNotFoundError when it is not installed."""
    from importlib.util import find_spec

    spec = find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("nomquamgender")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / "name_data.json").read_text("utf-8"))


@cache
def _shares() -> dict[str, float]:
    with gzip.open(RESOURCE, "rt", encoding="utf-8") as lines:
        return {name: float(share) for name, share in (line.split("\t") for line in lines)}


def female_share(given_name: str) -> float | None:
    """The share of people with this given name who are women, or None for a name the list
    does not attest."""
    return _shares().get(given_name.lower())


__all__ = ["MIN_PEOPLE", "MIN_SOURCES", "RESOURCE", "build_resource", "female_share",
           "installed_name_data", "resource_lines"]


if __name__ == "__main__":
    build_resource(resource_lines(installed_name_data()))
    print(f"wrote {RESOURCE.name}: {len(_shares())} names", file=sys.stderr)
