"""Entities: the people, organisations and places of a story, named consistently, with roles.

Passes, in the order `find_entities` runs them:

1. `nlp.parse` parses the body once with spaCy's small English model (paragraphs batched;
   `token_rules` swaps two of its components for faster equivalents with identical output).
2. `finder` groups the recogniser's mentions into one entity per real-world thing (the
   fullest name, surnames and country aliases merged), adds title-only mentions and credited
   people.
3. `roles.role_of` reads each person's post or description ("Russian Deputy Foreign
   Minister"); `countries` maps names and demonyms to ISO 3166 codes for the other rooms.

Adding a rule: put it in the module whose pass it belongs to, as a small named function with
a docstring saying what it reads and what it adds; test it with a parametrised
`text -> expected entities` case in `tests/annotate/test_entities.py` on a sentence written
for the test, then check `bench/attribution.py` and `bench/events.py` do not fall.

The public names load lazily so `import newsgraph.annotate.entities.countries` does not pay
for spaCy.
"""

from __future__ import annotations

from newsgraph.annotate.base import lazy_exports

_PUBLIC = {"EntityFinder": "finder", "find_entities": "finder", "names_a_post": "finder"}
__getattr__ = lazy_exports(__name__, _PUBLIC)

__all__ = ["EntityFinder", "find_entities", "names_a_post"]
