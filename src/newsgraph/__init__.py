"""newsgraph: news pages in, stories out — clean text, metadata, who said what, who did what.

>>> import newsgraph
>>> story = newsgraph.analyze("<html><body><article><p>Rain fell.</p></article></body></html>")
>>> story.to_dict()["body"]  # doctest: +SKIP
"""

from newsgraph.model import Document, Story
from newsgraph.pipeline import analyze, analyze_document, extract, extract_document, run_stage

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Story",
    "__version__",
    "analyze",
    "analyze_document",
    "extract",
    "extract_document",
    "run_stage",
]
