"""Quotes: who said what, direct, mixed and indirect, with cue, source, speaker and relay.

Passes, in the order `find_quotes` runs them (all read one shared parse, `entities.nlp`):

1. `marks` finds the quoted spans (straight, curly, guillemets, across paragraphs).
2. `rules` and `cues` propose an attribution for every reporting verb outside quotation
   marks (the cue lexicon in `cues`, corrected by the counts in the generated `learned`);
   `finder` grows each content over the quotation it touches.
3. `finder` reads "according to X" (`relay` tells a relaying outlet from a source), colon
   and dash attributions.
4. `leftovers` attaches quotations with no cue to the attribution before them or the cue
   beside them.
5. `speakers` resolves each source mention ("he", "the minister", "Ryabkov") to an entity.

`reading` holds the draft attributions the passes build.

Adding a rule: a small named function in the pass it belongs to, with a docstring on what it
reads and adds; a parametrised case in `tests/annotate/test_quotes.py` (or
`test_speakers.py`) on a sentence written for the test; then `python bench/attribution.py`
on PolNeAR train must not fall (the gate in `tests/annotate/test_attribution_gate.py` pins
dev). `learned` is rebuilt with `python bench/attribution.py --learn-cues`.
"""

from __future__ import annotations

from newsgraph.annotate.base import lazy_exports

_PUBLIC = {"QuoteFinder": "finder", "find_quotes": "finder", "MIN_CONTENT_WORDS": "finder"}
__getattr__ = lazy_exports(__name__, _PUBLIC)

__all__ = ["MIN_CONTENT_WORDS", "QuoteFinder", "find_quotes"]
