"""What an annotator is: a per-story stage that declares what it needs and what it adds.

Like spaCy components (`requires` / `assigns`), so a pipeline composed in the wrong order
fails when it is built, before any data runs. The work itself lives in plain functions
(`find_quotes(story, ...)`); an annotator holds settings and calls them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Any, ClassVar

from newsgraph.errors import PipelineError
from newsgraph.model import Story

# Fields the extract stage fills before any annotator runs.
EXTRACTED = frozenset(
    {"body", "title", "authors", "contributors", "published", "publisher", "original_source",
     "dateline", "language", "furniture"}
)


class Annotator:
    """Base of every annotator: `annotate(story)` returns a new Story with `assigns` filled."""

    name: ClassVar[str] = "annotator"
    requires: ClassVar[frozenset[str]] = frozenset({"body"})
    assigns: ClassVar[frozenset[str]] = frozenset()

    def annotate(self, story: Story) -> Story:
        raise NotImplementedError

    def __call__(self, story: Story) -> Story:
        return self.annotate(story)


def check_order(annotators: Sequence[Annotator]) -> None:
    """Raise PipelineError if an annotator needs a field no earlier stage assigns."""
    available = set(EXTRACTED)
    for annotator in annotators:
        missing = annotator.requires - available
        if missing:
            raise PipelineError(
                f"annotator {annotator.name!r} needs {sorted(missing)}, which no earlier stage assigns"
            )
        available |= annotator.assigns


def lazy_exports(package: str, public: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for a room's package: each public name (`public` maps it to its
    module) is imported when first asked for, so importing a light module of the room
    (`entities.countries`) does not pay for spaCy."""

    def attribute(name: str) -> Any:
        if name in public:
            return getattr(import_module(f"{package}.{public[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return attribute


__all__ = ["EXTRACTED", "Annotator", "check_order", "lazy_exports"]
