"""The parts of one attribution read off the dependency parse around its cue.

Given a reporting verb, `content_tokens` finds what was said (its clause, its object, its
infinitive, or the rest of the sentence when the verb is a parenthetical "she said"),
`subject_of` finds who said it (its subject, the agent of a passive, or the subject it
shares with the verb it hangs from: "raised tensions by saying ..."), and `cue_tokens` the
cue itself with its auxiliaries ("has said", "did not say", "pointed out"). The phrase
"according to X" is read by `according_parts`.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.quotes.cues import CLAUSE_CUES, PREPOSITION_CUES, STANCE_CUES, cue_kinds

# Deps that carry the words of an object-taking cue, after the verb.
_OBJECT_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "ccomp", "dative", "attr", "acomp"})
# Preposition phrases after a cue that say when or through what, not what was said.
_CIRCUMSTANCE = frozenset({"on", "in", "at", "during", "after", "before", "with", "via", "to"})
# Deps through which a verb without its own subject borrows its governor's.
_SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})
# Left dependents that act as a subject when the parser found none ("About 4 in 10 say").
_QUASI_SUBJECTS = frozenset({"nummod", "npadvmod", "dep"})
_CUE_LEFT = frozenset({"aux", "auxpass", "neg"})
_CUE_ADVERBS = frozenset({"also", "later", "again", "repeatedly", "previously", "publicly",
                          "reportedly", "recently", "often", "once", "first", "then"})


def is_cue(token: Token) -> bool:
    """True when `token` is a verb that can introduce an attribution."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return False
    if token.i > 0 and token.doc[token.i - 1].text in ("<", "</"):
        return False  # markup left in the text ("<tweet id=...>")
    lemma = token.lemma_.lower()
    return any(cue_kinds(lemma)) or lemma in PREPOSITION_CUES


def content_tokens(verb: Token, kinds: tuple[bool, bool, bool] | None = None) -> list[Token]:
    """What `verb` reports, as tokens in order; empty when it reports nothing readable.

    `kinds` says whether the verb takes clause, object and infinitive content (default:
    what `cue_kinds` knows of its lemma).
    """
    clause, obj, infinitive_ok = kinds if kinds is not None else cue_kinds(verb.lemma_.lower())
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses and (clause or obj):
        return _subtrees(clauses)
    question = _question(verb)
    if question is not None and clause:
        return _subtrees([question])
    if clause and (verb.dep_ == "parataxis" or _as_clause(verb)):
        return _parenthetical(verb)
    if infinitive_ok and not _described(verb):
        infinitive = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
        if infinitive:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
            return _subtrees(objects + infinitive)
    preposition = cue_preposition(verb)
    if preposition is not None:
        return _subtrees([c for c in preposition.children if c.dep_ in ("pobj", "pcomp")])
    if obj:
        return _object_content(verb)
    return []


def _question(verb: Token) -> Token | None:
    """"Asked if he was ever bullied": the indirect question the parser hung off a verb of
    asking as an adverbial clause."""
    if verb.lemma_.lower() not in _ADDRESSED:
        return None
    for child in verb.rights:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children
        ):
            return child
    return None


# Verbs of seeming: PolNeAR reads "Mr. Putin seemed most concerned with ..." and "Twitter
# appears to be heavily used by ISIS" as attributions of an impression with no source, the
# subject and its complement together the content.
RAISING = frozenset({"seem", "appear"})
_COMPLEMENTS = frozenset({"xcomp", "acomp", "attr", "ccomp", "oprd"})
RAISING_PASSIVES = frozenset({"say", "expect", "believe", "think", "report", "rumor",
                              "understand", "consider"})


def raised_parts(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """For a verb of seeming with its subject and a complement ("Twitter appears to be
    used", "it seems that ...", "he seemed uneasy"): its cue and its content, the subject
    included unless it is an expletive "it", which joins the cue. None otherwise, also
    when the complement is a cue of its own ("She appeared to imply that ...")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in RAISING:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        complements = [c for c in verb.children if c.i > verb.i and (
            c.dep_ in _COMPLEMENTS or c.dep_ == "prep" and c.lower_ in ("like", "as"))]
    elif verb.lemma_.lower() in RAISING_PASSIVES and any(c.dep_ == "auxpass" for c in verb.children):
        # "Some advisers are said to be urging ...": whoever says it is not named.
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        complements = [c for c in verb.children if c.i > verb.i and c.dep_ == "xcomp"]
    else:
        return None
    if len(subjects) != 1 or not complements:
        return None
    if any(c.dep_ == "xcomp" and is_cue(c) for c in complements):
        return None
    subject = subjects[0]
    cue = cue_tokens(verb)
    content = _subtrees(complements)
    if subject.lower_ == "it" and subject.i == cue[0].i - 1:
        cue = [subject, *cue]
    elif subject.lower_ != "it":
        content = sorted([*subject_tokens(subject, verb), *content], key=lambda t: t.i)
    return cue, content


def _described(verb: Token) -> bool:
    """"Maduro, who is refusing to cede power": an intention in a relative clause describes
    its head rather than reporting what anyone said or thought, unless the verb is one of
    speech or thought."""
    return verb.dep_ == "relcl" and verb.lemma_.lower() not in CLAUSE_CUES


def cue_preposition(verb: Token) -> Token | None:
    """The preposition a prepositional cue takes, when it follows the verb ("called for")."""
    allowed = PREPOSITION_CUES.get(verb.lemma_.lower())
    if not allowed or any(c.dep_ == "dobj" for c in verb.children):
        return None
    doc = verb.doc
    for i in (verb.i + 1, verb.i + 2):
        if i < len(doc) and doc[i].head == verb and doc[i].lower_ in allowed:
            return doc[i] if doc[i].dep_ == "prep" else None
    return None


def _subtrees(heads: list[Token]) -> list[Token]:
    tokens = {t for head in heads for t in head.subtree}
    return sorted(tokens, key=lambda t: t.i)


def _in(token: Token, ancestor: Token) -> bool:
    return token == ancestor or ancestor in token.ancestors


def _as_clause(verb: Token) -> bool:
    """"As the Times noted, Clinton raised ...": the cue modifies the clause it reports."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


def _parenthetical(verb: Token) -> list[Token]:
    """The clause a parenthetical cue interrupts, without the cue's own words."""
    host = verb.head
    return [t for t in host.subtree if not _in(t, verb)]


def _object_content(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    if not objects or objects[0].pos_ == "PRON" and len(list(objects[0].subtree)) == 1:
        return []
    heads = []
    for child in verb.children:
        if child.i <= verb.i or child.dep_ not in _OBJECT_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ in _CIRCUMSTANCE:
            continue
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue
        heads.append(child)
    tokens = _subtrees(heads)
    if verb.lemma_.lower() in STANCE_CUES and not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        # "Russia supports President Nicolas Maduro": a stance towards someone, no claim.
        return []
    if verb.lemma_.lower() in _ADDRESSEES and heads == objects[:1] and _names(objects[0]):
        # "..., Lasry told Bloomberg Politics": whom it was said to, not what was said.
        return []
    return tokens


# Verbs whose object is whom the words were said to ("told Bloomberg Politics").
_ADDRESSEES = frozenset({"tell", "inform", "assure", "remind"})


def _names(head: Token) -> bool:
    """A noun phrase naming someone: a name, a pronoun, or people ("reporters")."""
    return (head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP")
            or head.lower_ in ("reporters", "journalists", "supporters", "voters", "audience"))


# Cues whose bare participle is passive: "Asked whether he would run, Tolle said ..." has
# Tolle answering, not asking; who asked is unknown (PolNeAR marks no source).
_ADDRESSED = frozenset({"ask", "press", "question", "quiz", "challenge"})
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "csubj"})


def addressed_participle(verb: Token) -> bool:
    """"Asked about the plan, ...", "When pressed on it, ...": a participle of asking with
    no subject or auxiliary of its own, modifying the answerer's clause."""
    return (verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD")
            and verb.lemma_.lower() in _ADDRESSED
            and not any(c.dep_ in _OWN_SUBJECTS for c in verb.children))


def subject_of(verb: Token) -> Token | None:
    """Who speaks through `verb`: its subject, a passive's agent, or a governor's subject;
    nobody for a participle of asking ("Asked whether ..., she said")."""
    if addressed_participle(verb):
        return None
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "nsubj" and child.lower_ != "there" and not child.is_punct:
                return child
        for child in node.lefts:
            if (child.dep_ in _QUASI_SUBJECTS and child.pos_ in ("NUM", "NOUN", "PROPN")
                    and child.ent_type_ not in ("DATE", "TIME")):
                return child
            if child.dep_ == "agent":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ not in _SHARES_SUBJECT or node.head == node:
            break
        controller = _object_controller(node)
        if controller is not None:
            return controller
        node = node.head
    return _named_after(verb)


def _object_controller(node: Token) -> Token | None:
    """"The provocations led NATO to order ...": an infinitive after an object is that
    object's doing, not the subject's."""
    if node.dep_ != "xcomp":
        return None
    objects = [c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i]
    return objects[0] if objects else None


def _named_after(verb: Token) -> Token | None:
    """"..., said Claire Morel": a name right after the verb that the parser did not make
    its subject."""
    doc = verb.doc
    after = verb.i + 1
    if after < len(doc) and doc[after].ent_type_ in ("PERSON", "ORG") and doc[after].ent_iob_ == "B":
        end = after
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        return doc[end]
    return None


def subject_tokens(subject: Token, verb: Token | None = None) -> list[Token]:
    """The subject's whole phrase, relative clauses included ("Chris Cox, who runs the NRA's
    lobbying arm,"), kept inside its sentence, after any dateline dash and without the words
    of `verb`, the cue it is the source for."""
    if subject.dep_ != "ROOT" and subject.head.dep_ != "acl" or subject.dep_ in ("nsubj", "pobj"):
        # The sentence is looked up once: `Token.sent` walks to both ends of it each time.
        sentence = subject.sent
        tokens = [t for t in subject.subtree if sentence.start <= t.i < sentence.end]
    else:
        tokens = [subject]
    tokens = [t for t in tokens if t == subject or not _quoted(t)]
    for clause in subject.children:
        if clause.dep_ == "relcl" and clause.i > subject.i and _reports(clause):
            # "Mr. Obama, who understood that a push would be fruitless, told ...": the
            # relative clause is an attribution of its own, so not part of this source.
            inside = set(clause.subtree)
            tokens = [t for t in tokens if t not in inside]
    if verb is not None and subject in verb.ancestors:
        # "outlets reported on Wednesday": the cue hangs inside its own source's phrase.
        tokens = [t for t in tokens if t == subject or t not in set(verb.subtree)]
    tokens = _whole_names(_contiguous(tokens, subject))
    dashes = [t.i for t in tokens if _dash(t)]
    if dashes:
        # "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey": a dateline
        # before the dash is not part of the source.
        before = [t for t in tokens if t.i < min(dashes)]
        after = [t for t in tokens if t.i > max(dashes)]
        dateline = any(t.is_upper and len(t) > 2 or t.text == "(" for t in before)
        if (dateline or max(dashes) < subject.i) and any(
            t.pos_ in ("NOUN", "PROPN", "PRON") for t in after
        ):
            tokens = after
        else:
            tokens = before
    while tokens and (tokens[0].is_punct or tokens[0].is_space) and tokens[0] != subject:
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1] != subject:
        tokens = tokens[:-1]
    return tokens


def _reports(verb: Token) -> bool:
    """A cue with a clause or infinitive of its own."""
    return is_cue(verb) and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _dash(token: Token) -> bool:
    spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)
    return token.text in ("—", "--", "–") or (token.text == "-" and spaced)


def _quoted(token: Token) -> bool:
    """A quotation mark, or a token whose phrase the parser ran across one."""
    return token.text in ("“", "”", '"', "«", "»", "``", "''")


def _whole_names(tokens: list[Token]) -> list[Token]:
    """Grow a phrase to whole entity names the parser cut ("Per Alm", with "Per" a preposition)."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i + 1
    if doc[start].ent_iob_ == "I":
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end])


def _contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    indices = {t.i for t in tokens}
    start = end = anchor.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def cue_tokens(verb: Token) -> list[Token]:
    """The cue: the verb with the auxiliaries, negation and particle written beside it."""
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start:
        left = doc[start - 1]
        own = left.head == verb and (left.dep_ in _CUE_LEFT or left.lower_ in _CUE_ADVERBS)
        if own or (left.dep_ in ("aux", "neg") and left.head.head == verb):
            start -= 1
        else:
            break
    end = verb.i + 1
    if end < len(doc) and doc[end].dep_ == "prt" and doc[end].head == verb:
        end += 1
    preposition = cue_preposition(verb)
    if preposition is not None and preposition.i <= end:
        end = preposition.i + 1
    return list(doc[start:end])


def according_parts(token: Token) -> tuple[list[Token], Token | None, Token | None]:
    """For "according" in "according to X": the cue tokens, X's head, and the governor."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return [], None, None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    source = objects[0] if objects else None
    return [token, to], source, token.head if token.head != token else None


__all__ = [
    "RAISING",
    "RAISING_PASSIVES",
    "according_parts",
    "addressed_participle",
    "content_tokens",
    "cue_preposition",
    "cue_tokens",
    "is_cue",
    "raised_parts",
    "subject_of",
    "subject_tokens",
]
