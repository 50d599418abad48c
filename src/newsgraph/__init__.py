"""newsgraph: news pages in, stories out — clean text, metadata, who said what, who did what.

>>> import newsgraph
>>> newsgraph.analyze("Rain fell on Tuesday.").body
'Rain fell on Tuesday.'

(`newsgraph.extract` is the extract stage's package; its one-call form is
`newsgraph.pipeline.extract`.)
"""

from __future__ import annotations

import importlib
from typing import Any

from newsgraph.model import Document, Story

__version__ = "0.1.0"

# The pipeline pulls in spaCy; it is imported on first use so `import newsgraph` stays quick.
_PIPELINE_NAMES = ("analyze", "analyze_document", "extract_document", "run_stage")


def __getattr__(name: str) -> Any:
    if name in _PIPELINE_NAMES:
        return getattr(importlib.import_module("newsgraph.pipeline"), name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


__all__ = [
    "Document",
    "Story",
    "__version__",
    "analyze",
    "analyze_document",
    "extract_document",
    "run_stage",
]
