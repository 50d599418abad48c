"""Actors of events: a noun phrase of the parse as `{text, entity, country, sector}`.

Event data codes an actor by the state it belongs to and the sector it acts in: "Russian
Foreign Minister Sergey Lavrov" is RUS/GOV, "Israeli soldiers" ISR/MIL, "opposition leader
Juan Gudaio" VEN/OPP in a story about Venezuela, "Moscow" as a subject the Russian
government. The entities stage already found who is who; this module reads a phrase,
finds the entity it names, and fills country and sector from, in order, well-known actors,
the entity, the role the story gives, and the words of the phrase itself. A person or body
whose words name no state belongs to the story's focus country (where the story happens).

>>> sector_of(["Russian", "riot", "police"])
'COP'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Token

from newsgraph.annotate.entities.countries import (
    CAPITALS,
    body_code,
    country_code,
    country_in,
    is_state,
    misspelt_country,
    place_country,
    qualified_country,
)
from newsgraph.annotate.events.dictionaries import lookup_actor, lookup_agent
from newsgraph.model import Actor, Entity, Story

# Words that place an actor in a sector, checked head noun first, then modifiers.
SECTORS: dict[str, str] = {
    **dict.fromkeys(("government", "minister", "ministry", "president", "premier",
                     "official", "officials", "authorities", "authority", "diplomat",
                     "diplomats", "negotiator", "negotiators", "ambassador", "envoy", "emir",
                     "king", "queen", "chancellor", "secretary", "spokesman", "spokeswoman",
                     "administration", "cabinet", "regime", "leader", "leaders", "rulers",
                     "governor", "mayor", "state", "kremlin", "junta", "delegation",
                     "sheikh", "monarch", "prime"), "GOV"),
    **dict.fromkeys(("army", "military", "soldier", "soldiers", "troops", "forces",
                     "navy", "general", "commander", "aircraft", "warplanes", "jets",
                     "peacekeepers", "bulldozers", "helicopters", "battalion", "officers",
                     "marines", "pentagon"), "MIL"),
    **dict.fromkeys(("police", "policemen", "gendarmes"), "COP"),
    **dict.fromkeys(("rebel", "rebels", "guerrilla", "guerrillas", "guerillas", "militants",
                     "insurgents", "militia", "militiamen", "fighters", "separatists",
                     "terrorists", "jihadists", "extremists", "insurgency"), "REB"),
    **dict.fromkeys(("gunmen", "gunman", "attackers", "assailants", "bomber", "bombers",
                     "snipers", "kidnappers", "hijackers"), "UAF"),  # unidentified armed force
    **dict.fromkeys(("opposition", "dissident", "dissidents"), "OPP"),
    **dict.fromkeys(("party", "parties", "coalition"), "PTY"),
    **dict.fromkeys(("parliament", "lawmakers", "legislators", "legislature", "congress",
                     "senate", "senators", "deputies", "assembly", "mps"), "LEG"),
    **dict.fromkeys(("court", "judge", "judges", "prosecutor", "prosecutors",
                     "judiciary"), "JUD"),
    **dict.fromkeys(("refugees", "refugee", "asylum-seekers", "migrants"), "REF"),
    **dict.fromkeys(("civilians", "civilian", "people", "residents", "villagers", "citizens",
                     "population", "nationals", "demonstrators", "protesters", "youths",
                     "activists", "crowd", "homes", "detainees", "workers"), "CVL"),
    **dict.fromkeys(("businessman", "company", "companies", "firm", "business",
                     "businesses", "corporation", "bank"), "BUS"),
    **dict.fromkeys(("newspaper", "journalist", "journalists", "media", "radio",
                     "television", "reporters", "agency"), "JRN"),
    **dict.fromkeys(("doctors", "doctor", "hospital", "medical", "nurses"), "MED"),
    **dict.fromkeys(("students", "student", "university", "teachers", "school"), "EDU"),
    **dict.fromkeys(("farmers", "farmer"), "AGR"),
    **dict.fromkeys(("union", "unions", "labor", "labour"), "LAB"),
}

# Armed groups, parties and seats of power the news names without their state.
_GROUPS = """
PSE REB hamas | PSE REB islamic jihad | PSE PTY fatah | LBN REB hezbollah | LBN REB hizbollah |
LBN REB hizbullah | AFG REB taliban | IMG REB al-qaeda | IMG REB al-qaida | IMG REB al qaeda |
IMG REB islamic state | IMG REB isis | IMG REB isil | TUR REB pkk |
TUR REB kurdistan workers' party | AGO REB unita | LKA REB tamil tigers |
LKA REB liberation tigers | LKA REB ltte | SDN REB splm | SDN REB janjaweed | DZA REB fis |
DZA REB islamic salvation front | COL REB farc | NGA REB boko haram | SOM REB al-shabab |
SOM REB al-shabaab | PHL REB moro islamic liberation front | PHL REB abu sayyaf |
LBR REB npfl | RWA REB rwandan patriotic front | YEM REB houthis | YEM REB houthi |
USA GOV white house | USA GOV state department | USA MIL pentagon | RUS GOV kremlin |
GBR GOV downing street | USA LEG congress | RUS MIL red army | USA LEG capitol hill |
USA GOV foggy bottom | FRA GOV quai d'orsay | KOR GOV blue house | CHN GOV zhongnanhai |
ISR LEG knesset | RUS LEG duma | DEU LEG bundestag | GBR LEG westminster |
GBR LEG house of commons | UKR LEG verkhovna rada | IRN LEG majlis | POL LEG sejm |
IND LEG lok sabha | VAT GOV pope | VAT GOV holy see
"""

# Heads of state and government the news names by surname alone.
_LEADERS = """
USA reagan bush clinton obama trump biden pompeo blinken kerry rice powell albright |
RUS putin yeltsin gorbachev medvedev lavrov | CHN xi jinping | PRK kim jong-un | FRA macron chirac sarkozy hollande |
DEU merkel kohl scholz schroeder | GBR blair thatcher major cameron brown | UKR zelensky zelenskyy poroshenko |
SYR assad | IRQ saddam hussein | LBY gaddafi qaddafi | EGY mubarak sisi sadat | PSE arafat abbas |
ISR netanyahu sharon rabin barak olmert | ZWE mugabe | RWA kagame | UGA museveni amin |
VEN maduro chavez guaido | IRN khamenei khomeini rouhani ahmadinejad | TUR erdogan |
IND modi | PAK musharraf sharif bhutto | AFG karzai | SRB milosevic kostunica |
CUB castro | KEN kenyatta | ZAF mandela zuma | JPN abe | BLR lukashenko
"""


def _parse_known(table: str, with_sector: bool) -> dict[str, tuple[str, str | None]]:
    known: dict[str, tuple[str, str | None]] = {}
    for row in table.split("|"):
        words = row.split()
        if not words:
            continue
        if with_sector:
            known[" ".join(words[2:])] = (words[0], words[1])
        else:
            for name in words[1:]:
                known[name] = (words[0], "GOV")
    return known


GROUPS = _parse_known(_GROUPS, with_sector=True)
LEADERS = _parse_known(_LEADERS, with_sector=False)

# Dependents that end a noun phrase for the purpose of naming an actor.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "ccomp"})
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them",
                      "him", "we", "i", "who", "which", "that"})


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """What actor resolution needs from a story: its entities by character and its focus."""

    story: Story
    by_char: dict[int, Entity]
    focus: str | None
    genders: dict[str, str] = field(default_factory=dict)  # entity id -> "f" or "m"

    def entity_at(self, start: int, end: int) -> Entity | None:
        for char in range(start, end):
            entity = self.by_char.get(char)
            if entity is not None:
                return entity
        return None


def index_actors(story: Story, doc: Doc) -> ActorIndex:
    """Index the story's entity mentions and find its focus country."""
    by_char: dict[int, Entity] = {}
    for entity in story.entities:
        for start, end in entity.mentions:
            for char in range(start, end):
                by_char.setdefault(char, entity)
    return ActorIndex(story, by_char, focus_country(story, doc), genders_of(story, doc, by_char))


_FEMALE = frozenset({"she", "her", "hers", "herself", "mrs.", "ms.", "miss", "woman", "wife",
                     "mother", "daughter", "sister", "congresswoman", "chairwoman",
                     "spokeswoman", "businesswoman", "actress", "queen", "princess", "lady",
                     "grandmother", "girl", "widow", "mom"})
_MALE = frozenset({"he", "him", "his", "himself", "mr.", "man", "husband", "father", "son",
                   "brother", "congressman", "chairman", "spokesman", "businessman", "actor",
                   "king", "prince", "grandfather", "boy", "widower", "dad"})


def genders_of(story: Story, doc: Doc, by_char: dict[int, Entity]) -> dict[str, str]:
    """The gender the story gives each person, so that "she" does not find a man.

    Read from the story alone: its role words and honorifics ("Mrs.", "congresswoman"), and
    the personal pronouns of sentences that name exactly one person before them ("Clinton
    said she ..."). A person with votes both ways is left unknown.
    """
    votes: dict[str, Counter[str]] = {}
    people = {e.id: e for e in story.entities if e.type == "PERSON"}
    for entity in people.values():
        for word in (entity.role or "").lower().split():
            if word in _FEMALE or word in _MALE:
                votes.setdefault(entity.id, Counter())["f" if word in _FEMALE else "m"] += 1
    for sent in doc.sents:
        named: list[str] = []
        for token in sent:
            mentioned = by_char.get(token.idx)
            if mentioned is not None and mentioned.id in people:
                if mentioned.id not in named:
                    named.append(mentioned.id)
                before = token.nbor(-1).lower_ if token.i > sent.start else ""
                if before in ("mr.", "mrs.", "ms.", "miss"):
                    votes.setdefault(mentioned.id, Counter())["m" if before == "mr." else "f"] += 2
            elif token.lower_ in ("she", "he", "her", "his") and token.pos_ == "PRON" \
                    and len(named) == 1:
                votes.setdefault(named[0], Counter())["f" if token.lower_ in _FEMALE else "m"] += 1
    genders: dict[str, str] = {}
    for entity_id, counts in votes.items():
        (top, n), *rest = counts.most_common()
        if not rest or n >= 3 * rest[0][1]:
            genders[entity_id] = top
    return genders


def focus_country(story: Story, doc: Doc) -> str | None:
    """The state the story happens in: the most named place, places after "in" counting double.

    In a story about Venezuela's crisis told from Moscow, "in Venezuela" outweighs the
    many mentions of Russia as an actor.
    """
    votes: Counter[str] = Counter()
    for entity in story.entities:
        if entity.type not in ("PLACE", "NORP"):
            continue
        for start, end in entity.mentions:
            # "Charlotte, N.C." is American: the state after a town outranks its name
            country = qualified_country(story.body, end) or entity.country \
                or entity_place_country(entity, story)
            if country is None or not is_state(country):
                continue
            before = story.body[max(0, start - 8) : start].lower()
            votes[country] += 3 if before.rstrip().endswith(("in", "into")) else 1
    if not votes:
        # No place named: the states the story's names, groups and demonyms point to.
        for sent in doc.sents:
            known = _known(sent.text)
            code = country_in(sent.text) or (known[0] if known else None)
            if code is not None and is_state(code):
                votes[code] += 1
    return votes.most_common(1)[0][0] if votes else None


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase `head` leads, without clauses, appositions and conjuncts."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS:
            continue
        tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    # A blank token is the dateline the parse blanked out ("OSLO (Reuters) —"): no part of
    # the phrase, though the parser hangs it on the sentence's first word.
    while tokens and (tokens[0].dep_ in ("det", "predet") or tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "case" or tokens[-1].is_space):
        tokens.pop()
    return tokens


def sector_of(words: Sequence[str], head: str | None = None) -> str | None:
    """The sector a phrase's words name, the head noun first ("opposition leader" is OPP)."""
    lowered = [w.lower() for w in words]
    if any(w in ("opposition", "dissident", "dissidents") for w in lowered):
        return "OPP"
    if any(w in ("police", "enforcement", "sheriff", "sheriff's") for w in lowered):
        return "COP"  # "police officers", "law enforcement officers": not soldiers
    if head is not None and head.lower() in SECTORS:
        return SECTORS[head.lower()]
    for word in reversed(lowered):
        if word in SECTORS:
            return SECTORS[word]
    return None


def _known(text: str) -> tuple[str, str | None] | None:
    lowered = text.lower().replace("’", "'")
    for name, pattern in _GROUP_PATTERNS.items():
        # Whole words only: "fis" is the Algerian front, not the start of "fishing".
        if pattern.search(lowered) and (name not in _ALONE_ONLY
                                        or _AMERICAN.sub("", lowered).strip() == name):
            return GROUPS[name]
    return None


# Names that are the American body only standing alone: "Congress", "the U.S. Congress",
# not "the Peruvian Congress" or "the African National Congress".
_ALONE_ONLY = frozenset({"congress"})
_AMERICAN = re.compile(r"^(?:(?:the|u\.s\.|us|american)\s+)+")


_GROUP_PATTERNS = {name: re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])") for name in GROUPS}


def _group_state(named: Sequence[Token]) -> str | None:
    """The state a demonym right before a known group gives it: "the Pakistani Taliban" are
    Pakistan's, though "the Taliban" alone are Afghanistan's ("Iranian-backed", "pro-Iranian"
    give none)."""
    for token, after in pairwise(named):
        hyphened = token.i > 0 and token.nbor(-1).text in ("-", "–")  # "pro-Iranian"
        if token.pos_ in ("ADJ", "PROPN") and not hyphened \
                and after.text not in ("-", "–") and _known(after.text) is not None:
            code = country_code(token.text)
            if is_state(code):
                return code
    return None


def _leader(tokens: Iterable[Token]) -> tuple[str, str | None] | None:
    for token in tokens:
        if token.ent_type_ == "PERSON" and token.text.lower() in LEADERS:
            start, end = token, token
            while start.ent_iob_ == "I" and start.i > 0:
                start = start.nbor(-1)
            while end.i + 1 < len(token.doc) and end.nbor(1).ent_iob_ == "I":
                end = end.nbor(1)
            return leader_of(token.doc[start.i : end.i + 1].text)
    return None


def leader_of(name: str) -> tuple[str, str | None] | None:
    """The state a well-known leader named by surname leads: "Putin", "Vladimir Putin";
    a surname many people share counts only alone or with the leader's first name
    ("Gordon Brown", not "Michael Brown").

    >>> leader_of("Putin"), leader_of("Gordon Brown"), leader_of("Julian Castro")
    (('RUS', 'GOV'), ('GBR', 'GOV'), None)
    """
    words = name.lower().split()
    if not words or words[-1] not in LEADERS:
        return None
    surname = words[-1]
    if len(words) > 1 and surname in _SHARED_SURNAMES \
            and " ".join(words[-2:]) not in _SHARED_SURNAMES[surname]:
        return None
    return LEADERS[surname]


# Leaders' surnames many other people bear, with the leaders' full names.
_SHARED_SURNAMES: dict[str, frozenset[str]] = {
    "brown": frozenset({"gordon brown"}), "major": frozenset({"john major"}),
    "sharon": frozenset({"ariel sharon"}), "barak": frozenset({"ehud barak"}),
    "amin": frozenset({"idi amin"}), "abe": frozenset({"shinzo abe"}),
    "castro": frozenset({"fidel castro", "raul castro", "raúl castro"}),
    "sharif": frozenset({"nawaz sharif", "shehbaz sharif"}),
    "abbas": frozenset({"mahmoud abbas"}), "rice": frozenset({"condoleezza rice",
                                                              "susan rice"}),
    "powell": frozenset({"colin powell"}), "kerry": frozenset({"john kerry"}),
    "cameron": frozenset({"david cameron"}),
    "bush": frozenset({"george bush", "w. bush", "h.w. bush", "jeb bush"}),
    "rouhani": frozenset({"hassan rouhani"}), "kohl": frozenset({"helmut kohl"}),
}


# Head words of places that are seas, rivers, mountains and other natural features: no
# government acts for them, so they are never a party, nor the story's focus state's.
NATURAL_FEATURES = frozenset({
    "ocean", "sea", "gulf", "bay", "strait", "straits", "channel", "sound", "river", "lake",
    "atlantic", "pacific", "arctic", "antarctic", "mediterranean", "baltic", "caribbean",
    "mountains", "alps", "andes", "himalayas", "desert", "sahara", "peninsula", "island",
    "islands", "basin", "valley", "coast",
})


def actor_for(head: Token, index: ActorIndex, use_focus: bool = True) -> Actor | None:
    """The actor the noun phrase led by `head` names, or None if it names no actor.

    A phrase is an actor when it names an entity, a state, a known group or a sector
    ("Israeli soldiers", "the Sudanese government", "Moscow", "opposition leader Juan
    Gudaio"); "a curfew" or "the wounded" are not.
    """
    if head.lower_ in PRONOUNS or head.pos_ == "PRON":
        return None
    tokens = phrase_tokens(head)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = index.story.body[start:end]  # Doc.text rebuilds the whole text on each call
    entity = index.entity_at(head.idx, head.idx + len(head.text)) or _first_entity(tokens, head, index)
    words = [t.text for t in tokens]
    # Only the head and what precedes it name the actor: in "measures that failed to oust
    # Maduro" Maduro is not the actor.
    named = [t for t in tokens if t.i <= head.i]
    known = _known(head.doc[named[0].i : head.i + 1].text) if named else None
    if known is not None:
        known = (_group_state(named) or known[0], known[1])
    if known is None:
        known = _dictionary(entity, named, index)
    known = known or _leader(named)
    country = known[0] if known else None
    sector = known[1] if known else None
    if country is None and entity is not None:
        country = entity.country or (entity_place_country(entity, index.story)
                                     if entity.type == "PLACE" else country_code(entity.name))
        if country is None and entity.role:
            country = country_in(entity.role)
    if country is None:
        country = country_code(text) or country_in(text)
    if country is None and entity is not None and entity.type == "ORG":
        country = body_code(entity.name)  # "the World Water Forum" is no state's
    misspelt = _misspelt(named) if country is None else None
    country = country or misspelt
    if sector is None:
        role_words = entity.role.split() if entity is not None and entity.role else []
        sector = sector_of(words + role_words, head.text) or _agent(tokens, head)
        if sector is None and head.text.lower() in CAPITALS:
            sector = "GOV"  # "Moscow rejected ...": the capital stands for its government
    is_named = entity is not None and entity.type in ("PERSON", "ORG", "PLACE", "NORP")
    if not (known or is_named or sector or _names_state(head) or misspelt):
        return None  # "the sidelines of an Arctic Council session" names no actor
    if country is None and entity is not None and entity.type == "PLACE" \
            and head.lower_ in NATURAL_FEATURES:
        return None  # "quotas in the North Atlantic": a sea is where, never who
    if country is None and sector is not None:
        country = placed_in(head, index)  # "police in Charlotte, N.C."
    named_by = _apposed_person(head, entity, index)
    if named_by is not None:
        # "her Icelandic counterpart, Foreign Minister Bjarni Eriksson": the person the
        # description names is the party; the description still tells state and sector
        return Actor(text=named_by.text, entity=named_by.entity,
                     country=named_by.country or country, sector=named_by.sector or sector)
    return Actor(text=text, entity=entity.id if entity else None, country=country, sector=sector)


def placed_in(head: Token, index: ActorIndex) -> str | None:
    """The state of the place a generic party's own phrase puts it in ("police in Lahore")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "of"):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                place = index.entity_at(pobj.idx, pobj.idx + len(pobj.text))
                if place is not None and place.type == "PLACE":
                    return place.country or entity_place_country(place, index.story)
    return None


def _apposed_person(head: Token, entity: Entity | None, index: ActorIndex) -> Actor | None:
    """The named person in apposition to a description that names no one itself."""
    if entity is not None and entity.type == "PERSON":
        return None
    for child in head.children:
        if child.dep_ != "appos":
            continue
        person = index.entity_at(child.idx, child.idx + len(child.text))
        if person is not None and person.type == "PERSON":
            return actor_for(child, index, use_focus=False)
    return None


def _dictionary(entity: Entity | None, named: Sequence[Token], index: ActorIndex
                ) -> tuple[str, str | None] | None:
    """What the CAMEO/Phoenix dictionaries say of the entity or the named words, on the
    story's date: "Ban Ki-moon" is the UN's (IGO), "Lavrov" Russia's government."""
    if entity is not None and entity.type not in _DICTIONARY_TYPES:
        return None  # places: the countries module knows states, towns and regions
    names = [entity.name] if entity is not None else []
    if named:
        names.append(named[0].doc[named[0].i : named[-1].i + 1].text)
    for name in names:
        found = lookup_actor(name, index.story.published)
        if found is not None and found[0] is not None:
            return found[0], found[1]
    return None


_DICTIONARY_TYPES = frozenset({"PERSON", "ORG", "NORP"})


def _agent(tokens: Sequence[Token], head: Token) -> str | None:
    """The sector a generic agent the dictionaries list gives ("state trooper", "riot
    police"), the head with its modifier first."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None  # "Delegates of the Council": the body after "of" is the party
    words = [t.text for t in tokens if t.i <= head.i]
    for size in (3, 2, 1):
        if len(words) >= size:
            sector = lookup_agent(" ".join(words[-size:]))
            if sector is not None:
                return sector
    return None


def entity_place_country(entity: Entity, story: Story) -> str | None:
    """A place's country: the state or country after one of its mentions ("Charlotte,
    N.C."), else its name's."""
    for _, end in entity.mentions:
        country = qualified_country(story.body, end)
        if country is not None:
            return country
    return place_country(entity.name)


def actor_of_entity(entity: Entity, index: ActorIndex) -> Actor:
    """An entity as an actor: a quote's speaker, coded by the role the story gives."""
    known = leader_of(entity.name) if entity.type == "PERSON" else None
    listed = lookup_actor(entity.name, index.story.published) \
        if entity.type in _DICTIONARY_TYPES else None
    if listed is not None and listed[0] is not None:
        known = (listed[0], listed[1])
    role = entity.role or ""
    country = entity.country or (known[0] if known else None) or country_in(role)
    sector = sector_of(role.split()) or (known[1] if known else None)
    return Actor(text=entity.name, entity=entity.id, country=country, sector=sector)


def _misspelt(tokens: Sequence[Token]) -> str | None:
    """The state a slipped name in the phrase stands for ("Ethopia", "Quatar's emir")."""
    for token in tokens:
        if token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "FAC"):
            code = misspelt_country(token.text)
            if code is not None:
                return code
    return None


def _names_state(head: Token) -> bool:
    """The head or a modifier of it names a state ("Israeli homes", "the U.S. election")."""
    if country_code(head.text) is not None:
        return True
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and country_code(c.text)
               for c in head.children)


def _first_entity(tokens: Sequence[Token], head: Token, index: ActorIndex) -> Entity | None:
    """The first entity among the head and its modifiers, not in phrases nested after it."""
    for token in (t for t in tokens if t.i <= head.i):
        entity = index.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None and entity.type in ("PERSON", "ORG", "PLACE", "NORP"):
            return entity
    return None


__all__ = [
    "GROUPS",
    "LEADERS",
    "PRONOUNS",
    "SECTORS",
    "ActorIndex",
    "actor_for",
    "actor_of_entity",
    "entity_place_country",
    "focus_country",
    "index_actors",
    "leader_of",
    "phrase_tokens",
    "placed_in",
    "sector_of",
]
