"""Events: who did what to whom, when and where, coded as PLOVER events.

Passes, in the order `find_events` runs them (all read one shared parse, `entities.nlp`):

1. `acts` finds each sentence's acts and their PLOVER type from the verb, its object or
   particle, or an event noun (`plover` holds the lexicon).
2. `factuality` leaves out acts not stated as done, happening or scheduled (modality,
   intentions and plans, claims inside someone's words).
3. `parties` finds each act's source and target in the parse; an act between two parties
   whose parse names only one is left out.
4. `actors` codes each party's country and sector from the party itself: the shipped
   CAMEO/Phoenix dictionaries (`dictionaries`), `entities.countries` for names, the words
   of the phrase, the place the act happens; never the story's most named country.
5. `timex` resolves `when` against the publication date; `coder` puts the parts together
   into `Event`s, one per real act (mentions of one act merged, with all their evidence),
   and marks background acts; `confidence` scores each event.

Adding a rule: a small named function in the pass it belongs to, with a docstring on what it
reads and adds; a parametrised case in `tests/annotate/test_events*.py` on a sentence written
for the test; then `python bench/events.py` (PLOVER and the development stories) must not
fall.
"""

from __future__ import annotations

from newsgraph.annotate.base import lazy_exports

_PUBLIC = {"EventCoder": "coder", "find_events": "coder"}
__getattr__ = lazy_exports(__name__, _PUBLIC)

__all__ = ["EventCoder", "find_events"]
