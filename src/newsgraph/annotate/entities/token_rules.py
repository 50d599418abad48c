"""Faster equivalents of the two per-token Python steps of spaCy's English pipeline.

After the neural components, the small English model runs an `attribute_ruler` (179 token
patterns that turn tags into coarse parts of speech and fix a few words) and a rule
`lemmatizer`. Together they cost about a fifth of a parse, nearly all of it per-token Python:
the ruler runs a general `Matcher` over every token and sets each match's attributes one
token at a time, and the lemmatizer recomputes the lemma of every word that is its own base
form, because its cache only keeps the others.

Both are pure functions of a few token attributes, so here the same rules are worked out once
per distinct token and remembered, and the results are written for a whole document at once
through `Doc.from_array`. The output is identical to spaCy's own components
(`tests/annotate/test_token_rules.py` checks it token by token); a ruler pattern of a form
not compiled here makes `speed_up` keep spaCy's component.
"""

# No postponed annotations here: spaCy validates a factory's arguments against its
# annotations, and before confection 1.0 it cannot resolve `Language` given as a string.

import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token

FAST_ATTRIBUTE_RULER = "attribute_rules"
FAST_LEMMATIZER = "lemma_rules"
# The caches hold one entry per distinct word form; clearing them past this size bounds the
# memory of a long archive run (a news vocabulary rarely reaches it).
MAX_CACHED = 500_000

# The token attributes a single-token rule may test: by name, read as strings when a rule
# is evaluated, and by id, for the cache key.
_FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
KEY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# What a rule may set through `Doc.from_array`. DEP is not among them: writing dependencies
# that way rebuilds the sentence boundaries.
ARRAY_ATTRS = [POS, MORPH, TAG, LEMMA]

Features = tuple[str, str, str, bool]
Predicate = Callable[[Features], bool]


class UnsupportedPattern(ValueError):
    """A pattern or setting outside what is compiled here: keep spaCy's component."""


def _value_test(spec: Any) -> Callable[[Any], bool]:
    if not isinstance(spec, dict):
        return lambda value: bool(value == spec)
    if set(spec) == {"IN"}:
        allowed = frozenset(spec["IN"])
        return lambda value: value in allowed
    if set(spec) == {"NOT_IN"}:
        barred = frozenset(spec["NOT_IN"])
        return lambda value: value not in barred
    if set(spec) == {"REGEX"}:
        search = re.compile(spec["REGEX"]).search
        return lambda value: bool(search(value))
    raise UnsupportedPattern(f"operator {sorted(spec)}")


def _token_predicate(token_spec: Mapping[str, Any]) -> Predicate:
    tests = []
    for name, spec in token_spec.items():
        if name not in _FEATURES:
            raise UnsupportedPattern(f"attribute {name}")
        tests.append((_FEATURES.index(name), _value_test(spec)))
    return lambda features: all(test(features[slot]) for slot, test in tests)


Pattern = list[dict[str, Any]]


def _patterns(ruler: AttributeRuler) -> list[list[Pattern]]:
    """The patterns of each rule, in rule order (spaCy types them loosely)."""
    return [cast(list[Pattern], spec["patterns"]) for spec in ruler.patterns]


class _NamedValues:
    """The values of one token attribute that single-token rules name: exactly, in a list or
    by a regular expression. Every other value is the same to the rules, so the cache key
    reads it as -1; otherwise every new word would be a cache miss."""

    def __init__(self, ruler: AttributeRuler, name: str) -> None:
        self._strings = ruler.vocab.strings
        self._named: set[int] = set()
        self._searches = []
        for patterns in _patterns(ruler):
            for pattern in patterns:
                if len(pattern) != 1 or name not in pattern[0]:
                    continue
                value = pattern[0][name]
                if isinstance(value, dict) and "REGEX" in value:
                    self._searches.append(re.compile(value["REGEX"]).search)
                    continue
                listed = (value.get("IN") or value.get("NOT_IN") or []) if isinstance(value, dict) else [value]
                self._named.update(int(v) if isinstance(v, bool) else self._strings.add(v) for v in listed)
        self._seen: dict[int, int] = {}

    def key(self, value: int) -> int:
        known = self._seen.get(value)
        if known is None:
            named = value in self._named or any(
                search(self._strings[value]) for search in self._searches
            )
            known = value if named else -1
            if len(self._seen) > MAX_CACHED:
                self._seen.clear()
            self._seen[value] = known
        return known


class _Effect(NamedTuple):
    rules: tuple[int, ...]
    # The values for ARRAY_ATTRS (None: left as it is), or None when spaCy must set them.
    values: tuple[int | None, ...] | None
    # A dependency label to set (the model's rule for whitespace tokens), or None.
    dep: int | None = None


class AttributeRules:
    """spaCy's `AttributeRuler`, its single-token rules evaluated once per distinct token.

    As in spaCy, every rule is matched against the tokens as they come in and then all are
    applied in rule order, a later rule winning. A token's merged effect is remembered by its
    (tag, lower-case form, dependency, is-space). A dependency label (the model's rule for
    whitespace tokens) is set token by token, as writing DEP through `Doc.from_array` would
    rebuild the sentences. The few multi-token rules ("gon na", "let 's") and effects on
    other attributes go through the ruler's own `set_annotations`, given those matches alone.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self._ruler = ruler
        self._attrs: list[dict[int, int]] = list(ruler.attrs)
        self._single: list[tuple[int, Predicate]] = []
        self._multi = Matcher(ruler.vocab)
        self._multi_index: dict[int, int] = {}
        for rule, patterns in enumerate(_patterns(ruler)):
            for pattern in patterns:
                if any("OP" in token for token in pattern):
                    raise UnsupportedPattern("quantifier")
                if len(pattern) == 1:
                    self._single.append((rule, _token_predicate(pattern[0])))
                    continue
                for token in pattern:
                    _token_predicate(token)  # only to refuse what is not understood here
                self._multi.add(str(rule), [pattern])
                self._multi_index[rule] = ruler.indices[rule]
        self._effects: dict[tuple[int, ...], _Effect] = {}
        self._named = [_NamedValues(ruler, name) for name in _FEATURES]

    def _effect_of(self, token: Token) -> _Effect:
        features = (token.tag_, token.lower_, token.dep_, token.is_space)
        rules = tuple(rule for rule, matches in self._single if matches(features))
        merged: dict[int, int] = {}
        for rule in rules:
            merged.update(self._attrs[rule])
        if not set(merged) <= {*ARRAY_ATTRS, DEP}:
            return _Effect(rules, None)
        return _Effect(rules, tuple(merged.get(attr) for attr in ARRAY_ATTRS), merged.get(DEP))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tag, lower, dep, space = (named.key for named in self._named)
        keys = [(tag(t), lower(w), dep(d), space(s)) for t, w, d, s in doc.to_array(KEY_ATTRS).tolist()]
        columns = doc.to_array(ARRAY_ATTRS)
        one_by_one: dict[int, list[int]] = {}
        labels: list[tuple[int, int]] = []
        for i, key in enumerate(keys):
            effect = self._effects.get(key)
            if effect is None:
                if len(self._effects) > MAX_CACHED:
                    self._effects.clear()
                effect = self._effects[key] = self._effect_of(doc[i])
            if effect.values is None:
                one_by_one[i] = list(effect.rules)
                continue
            for column, value in enumerate(effect.values):
                if value is not None:
                    columns[i, column] = value
            if effect.dep is not None:
                labels.append((i, effect.dep))
        for match_id, start, end in self._multi(doc, allow_missing=True) if len(self._multi) else ():
            rule = int(doc.vocab.strings[match_id])
            index = self._multi_index[rule]
            i = (start if index >= 0 else end) + index
            one_by_one.setdefault(i, list(self._effects[keys[i]].rules)).append(rule)
        doc.from_array(ARRAY_ATTRS, cast(Any, columns))
        for i, label in labels:
            doc[i].dep = label
        if one_by_one:
            # Each rule as a match whose indexed token is the one it sets, in rule order as
            # spaCy sorts them (a later rule wins).
            strings, indices = doc.vocab.strings, self._ruler.indices
            matches = sorted(
                (rule, strings.add(str(rule)), *_span_around(i, indices[rule]))
                for i, rules in one_by_one.items()
                for rule in rules
            )
            self._ruler.set_annotations(doc, matches)
        return doc


def _span_around(i: int, index: int) -> tuple[int, int]:
    """The [start, end) token span whose token at `index` (negative: from the end) is `i`."""
    return (i - index, i + 1) if index >= 0 else (i, i - index)


class LemmaRules:
    """spaCy's `Lemmatizer`, its answer remembered by (form, part of speech, morphology).

    spaCy caches the rule lemmatizer by that key but returns early, uncached, for a word that
    is its own base form: most words of a news story. And each word it does work out is
    looked up in its list of known lemmas (57,000 nouns) by a linear scan; the lists become
    sets here, the same membership at a fraction of the cost. The lemmatizer given is thus
    changed, and belongs to this component from then on.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode not in ("rule", "lookup"):
            raise UnsupportedPattern(f"lemmatizer mode {lemmatizer.mode}")
        if lemmatizer.mode == "rule":
            known = lemmatizer.lookups.get_table("lemma_index", {})
            for pos, lemmas in list(known.items()):
                known[pos] = frozenset(lemmas)
        self._lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self._lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            found = self._lemmas.get((orth, pos, morph))
            if found is None:
                if len(self._lemmas) > MAX_CACHED:
                    self._lemmas.clear()
                found = doc.vocab.strings.add(self._lemmatizer.lemmatize(doc[i])[0])
                self._lemmas[(orth, pos, morph)] = found
            lemmas[i] = found
        doc.from_array([LEMMA], cast(Any, lemmas))
        return doc


# spaCy's component and the name of its equivalent in the pipeline.
_EQUIVALENTS = {"attribute_ruler": FAST_ATTRIBUTE_RULER, "lemmatizer": FAST_LEMMATIZER}
_FASTER = "faster_equivalent"


@Language.factory(_FASTER, default_config={"source": "attribute_ruler"})
def _make_faster(nlp: Language, name: str, source: str) -> AttributeRules | LemmaRules:
    slow = nlp.get_pipe(source)
    if isinstance(slow, AttributeRuler):
        return AttributeRules(slow)
    if isinstance(slow, Lemmatizer):
        return LemmaRules(slow)
    raise UnsupportedPattern(f"no faster equivalent of {source}")


def speed_up(nlp: Language) -> Language:
    """Swap in the faster equivalents above where the pipeline has spaCy's components."""
    for slow, fast in _EQUIVALENTS.items():
        if slow not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(_FASTER, name=fast, after=slow, config={"source": slow})
        except UnsupportedPattern:
            continue
        nlp.remove_pipe(slow)
    return nlp


__all__ = ["AttributeRules", "LemmaRules", "speed_up"]
