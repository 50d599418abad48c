"""The PLOVER event lexicon: which words report which of the 18 event types.

PLOVER (the CAMEO successor of the Open Event Data Alliance) codes an event by its type and
an optional mode. News reports acts with a verb ("accused"), a verb and its particle or
object ("blew up", "imposed sanctions") or a noun carried by a light verb ("held talks",
"staged a hunger strike"). The tables below map lemmas to `(type, mode)`; `events.py`
reads the dependency parse and asks these tables what each word means.

Some verbs only frame another act: "threatened to ban", "agreed to withdraw", "refused to
deploy", "demanded that X cancel". PLOVER codes the frame, not the framed act; the framed
act only decides between AGREE and THREATEN for promises ("will give a grant" is AGREE,
"would blockade Paris" is THREATEN). `FRAMES` and `compose` hold that rule.

>>> verb_sense("accuse", ()), noun_sense("talks")
(('DISAPPROVE', 'accuse'), ('CONSULT', 'meet'))
>>> compose("PROMISE", ("ASSAULT", None))
('THREATEN', None)
"""

from __future__ import annotations

from collections.abc import Iterable

Sense = tuple[str, str | None]


def _table(rows: str) -> dict[str, Sense]:
    """Read "TYPE/mode: word word, TYPE: word" rows; `_` joins the words of one entry."""
    table: dict[str, Sense] = {}
    for row in rows.strip().splitlines():
        head, _, words = row.partition(":")
        type_, _, mode = head.strip().partition("/")
        for word in words.split():
            table[word.replace("_", " ")] = (type_, mode or None)
    return table


# Verbs that report an act by themselves.
VERBS = _table("""
AGREE: agree pledge promise consent accept ratify settle
CONSULT/meet: meet negotiate confer discuss consult talk
CONSULT/visit: visit tour
CONSULT/host: host
CONSULT/phone call: phone telephone
CONSULT/mediate: mediate broker
SUPPORT: support back endorse welcome praise hail commend defend apologize apologise recognize recognise thank congratulate upgrade reaffirm forgive applaud
COOPERATE: cooperate collaborate coordinate ally extradite
AID: aid donate supply airlift evacuate fund finance assist rescue
CONCEDE: concede yield relent lift ease pardon compromise backtrack accede
RETREAT: withdraw retreat demobilize demobilise disarm resign surrender capitulate cede release free
INVESTIGATE: investigate probe inspect examine inquire audit
DEMAND: demand urge request insist appeal petition plead
DISAPPROVE/accuse: accuse blame allege charge
DISAPPROVE: criticize criticise condemn denounce deplore complain rebuke censure slam decry lambaste chide reproach castigate fault
DISAPPROVE/sue: sue
DISAPPROVE/summon: summon
REJECT: reject refuse decline dismiss rebuff renege veto spurn deny defy violate oppose
THREATEN: threaten warn
SANCTION: sanction embargo expel suspend sever downgrade boycott
PROTEST: protest demonstrate rally march picket riot
CRIME: smuggle steal rob loot embezzle bribe traffic meddle
MOBILIZE: mobilize mobilise deploy mass reinforce patrol
COERCE/arrest: arrest detain jail imprison sentence
COERCE/detain: kidnap abduct seize hold_hostage hijack
COERCE: confiscate deport ban censor raid prevent suppress hack outlaw blockade besiege evict
COERCE/destroy: demolish destroy raze bulldoze
ASSAULT: retaliate attack bomb shell kill shoot wound assassinate massacre invade intervene ambush execute torture clash fight storm capture occupy annex strike bombard behead murder slaughter stab
""")

# Verb + particle or preposition that report an act the verb alone does not.
PHRASAL = _table("""
AID: hand_over send_aid
SUPPORT: stand_by side_with
INVESTIGATE: look_into
SANCTION: cut_off
ASSAULT: shoot_down
CONCEDE: give_in back_down call_off
RETREAT: pull_out pull_back step_down stand_down hand_back give_back
DEMAND: call_for call_on
DISAPPROVE: lash_out call_out
PROTEST: walk_out
COERCE/destroy: blow_up
SANCTION/expel: force_out kick_out throw_out
COERCE: crack_down break_up hack_into
ASSAULT/beat: beat_up
ASSAULT: open_fire fire_on
NONE: seize_on seize_upon
""")

# Verb + object noun: the object decides ("imposed sanctions", "sent troops").
VERB_OBJECT = _table("""
SANCTION: impose_sanctions impose_embargo cut_ties sever_ties break_relations cut_aid suspend_aid halt_aid freeze_assets recall_ambassador recall_envoy recall_ambassadors recall_envoys recall_diplomats close_embassy withhold_aid halt_talks suspend_talks halt_negotiations suspend_negotiations break_ties cut_relations sever_relations
SUPPORT: restore_ties restore_relations establish_ties establish_relations normalize_ties normalize_relations
ASSAULT: fire_rockets fire_missiles fire_shells fire_mortars launch_rockets launch_missiles exchange_fire trade_fire exchange_gunfire
RETREAT: pay_compensation return_territory return_land return_prisoners return_property return_assets allow_inspectors allow_observers allow_access admit_inspectors receive_observers receive_inspectors receive_mission
COERCE/curfew: impose_curfew
COERCE: impose_ban impose_restrictions
COERCE/censor: suspend_publication
AID: send_aid send_arms send_weapons send_supplies send_advisers send_food send_medicine give_aid give_grant grant_asylum provide_aid provide_assistance give_asylum offer_asylum
MOBILIZE/troops: send_troops deploy_troops mass_troops send_soldiers deploy_soldiers send_forces deploy_forces send_soldier deploy_soldier send_force deploy_force send_troop deploy_troop
MOBILIZE/police: order_patrols
INVESTIGATE: dispatch_inspectors send_inspectors dispatch_investigators send_investigators
DEMAND: seek_refuge seek_asylum seek_help seek_aid seek_assistance
DISAPPROVE: lodge_protest file_protest lodge_complaint file_complaint file_lawsuit
CONCEDE: lift_curfew lift_sanctions lift_ban ease_restrictions cancel_restrictions ease_measures
PROTEST/strike: shun_work
PROTEST/obstruct: block_road block_roads block_streets block_street block_highway
PROTEST/riot: throw_stones throw_rocks hurl_stones hurl_rocks
COOPERATE: share_expertise share_intelligence share_information
PROTEST/demo-org: collect_signatures
""")

# Nouns that report an act when a light verb carries them or an actor is attached.
NOUNS = _table("""
AGREE: agreement accord deal pact treaty pledge promise
CONSULT/meet: meeting talks talk summit negotiation negotiations consultations discussions
CONSULT/phone call: call phone_call
CONSULT/visit: visit trip
CONSULT/mediate: mediation
SUPPORT: support backing recognition endorsement apology ties solidarity condolences praise
COOPERATE: cooperation alliance collaboration partnership
AID: aid assistance grant asylum donation loan loans relief
CONCEDE: concession amnesty
RETREAT: withdrawal ceasefire cease-fire truce resignation pullout surrender
INVESTIGATE: investigation inquiry probe inspection
DEMAND: demand appeal ultimatum request
DISAPPROVE/accuse: accusation accusations allegation allegations
DISAPPROVE: criticism condemnation complaint
REJECT: rejection refusal veto
THREATEN: threat threats warning
SANCTION: sanctions sanction embargo expulsion suspension
PROTEST: protest protests demonstration demonstrations rally rallies march riot riots sit-in boycott
PROTEST/strike: strike hunger_strike
CRIME: meddling interference smuggling corruption fraud theft embezzlement bribery
MOBILIZE: mobilization deployment patrols patrol buildup build-up
COERCE/arrest: arrest arrests detention
COERCE: crackdown curfew raid raids
ASSAULT: air_strike air_strikes air_raid attack attacks bombing assault offensive invasion intervention annexation shelling massacre assassination airstrike airstrikes killing occupation
ASSAULT: bombings killings clashes shootout bombardment siege genocide ethnic_cleansing atrocities hostilities execution executions
ASSAULT: rocket_fire mortar_fire artillery_fire tank_fire sniper_fire machine-gun_fire gunfire
COERCE/detain: kidnapping abduction
COERCE/arrest: detentions
PROTEST: walkout
""")

# Verbs whose noun object is the act ("held talks", "staged a rally", "imposed a curfew").
LIGHT_VERBS = frozenset({
    "hold", "stage", "launch", "begin", "start", "impose", "issue", "lodge", "make", "conduct",
    "carry", "take", "have", "give", "organize", "organise", "declare", "announce", "open",
    "file", "mount", "resume", "continue", "sign", "reach", "conclude", "complete", "order",
    "use", "resort", "bring", "step", "extend", "grant", "provide", "offer", "throw", "level",
    "speed", "accelerate", "end", "engage", "go", "approve",
})

# Frames: verbs and adjectives that take another act as their complement.
FRAMES: dict[str, str] = {
    **dict.fromkeys(("threaten", "warn"), "THREATEN"),
    **dict.fromkeys(("agree", "promise", "pledge", "offer", "commit", "willing", "prepared",
                     "ready", "consent", "vow", "swear"), "PROMISE"),
    **dict.fromkeys(("refuse", "decline", "reject", "fail", "dismiss", "renege"), "REJECT"),
    **dict.fromkeys(("demand", "urge", "ask", "call", "insist", "appeal"), "DEMAND"),
    "order": "ORDER",
    "prepare": "PREPARE",
}

# Verbs whose complement is wished, needed or imagined, not done ("hopes to meet").
IRREALIS = frozenset({"hope", "wish", "want", "need", "dream", "imagine", "pretend", "like",
                      "love"})
# Verbs and idioms whose complement is what is not done ("avoided criticizing").
AVOIDING = frozenset({"avoid", "refrain", "steer", "stop", "cease", "forgo", "shun"})

# Frames that say nothing without an act to frame ("failed to do so" is no rejection).
NEEDS_ACT = frozenset({"fail", "ready", "willing", "prepared"})
# Verbs that are acts only when done to people ("released prisoners", not "released a report").
HUMAN_OBJECT = frozenset({"release", "free", "pardon", "thank", "congratulate",
                          "host", "meet", "arrest", "detain"})
HUMAN_NOUNS = frozenset({"prisoner", "prisoners", "hostage", "hostages", "detainee",
                         "detainees", "captive", "captives", "people", "civilians", "soldiers",
                         "members", "officials", "activists", "leaders", "journalists",
                         "dissidents", "protesters", "demonstrators", "opponents", "troops",
                         "president", "minister", "leader", "delegation", "counterpart",
                         "supporter", "member", "follower", "suspect", "militant", "rebel",
                         "fighter", "insurgent", "student", "worker", "migrant", "refugee",
                         "opponent", "critic", "lawmaker", "politician", "officer", "man",
                         "woman", "child", "villager", "resident", "citizen", "national",
                         "tourist", "crew", "diplomat", "ambassador", "envoy", "mayor",
                         "governor", "candidate", "blogger", "lawyer", "judge", "priest",
                         "monk", "farmer", "businessman", "smuggler", "gunman", "official",
                         "soldier", "activist", "journalist", "dissident", "protester",
                         "demonstrator"})

# Protest verbs that mean something else with an object ("demonstrated that", "rallied support").
INTRANSITIVE = frozenset({"demonstrate", "rally", "march", "riot"})

# Verbs that report speech: the event is what was said, not the saying.
REPORTING = frozenset({
    "say", "announce", "tell", "state", "declare", "add", "report", "claim", "confirm",
    "indicate", "write", "conclude", "reiterate", "note", "explain", "suggest", "insist",
})

# Acts whose promise or conditional is a threat rather than an agreement.
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "THREATEN", "MOBILIZE",
                     "REJECT", "DISAPPROVE", "CRIME"})
# Hostile acts done to someone, as against said about them: their conditional is a threat.
MATERIAL_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
# Types that take two parties equally ("met", "signed a treaty"): one event per direction.
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "ASSAULT", "REJECT"})

# Event nouns whose possessor is the one acted on: "Kennedy's assassination", "Navalny's
# arrest", as against "Russia's invasion".
PATIENT_NOUNS = frozenset({
    "assassination", "killing", "murder", "arrest", "arrests", "detention", "execution",
    "abduction", "kidnapping", "expulsion", "extradition", "deportation", "capture",
    "torture", "massacre", "release", "ouster", "impeachment", "indictment",
})

# Objects that make a giving verb an act of aid ("sent advisers", "supplied a system").
AID_OBJECTS = frozenset({
    "aid", "assistance", "arms", "weapon", "weapons", "medicine", "food", "supplies", "goods",
    "asylum", "grant", "loan", "money", "equipment", "system", "help", "adviser", "advisers",
    "advisor", "advisors", "fund", "funds", "relief", "vaccine", "vaccines", "fuel", "shelter",
    "tons", "ammunition", "missile", "missiles", "tank", "tanks", "jet", "jets", "helicopter",
    "helicopters", "support",
})
GIVING_VERBS = frozenset({"give", "provide", "send", "deliver", "grant", "offer", "ship",
                          "hand", "transfer", "sell"})
MILITARY_WORDS = frozenset({"military", "arms", "weapon", "weapons", "defense", "defence",
                            "troops", "ammunition", "missile", "missiles", "adviser",
                            "advisers", "tank", "tanks", "jet", "jets", "helicopter",
                            "helicopters", "army", "militarily"})


# Objects that make deploying and mobilizing a military or police act.
FORCES = MILITARY_WORDS | frozenset({
    "forces", "force", "soldiers", "reservists", "reserves", "units", "police", "policemen",
    "navy", "ships", "warships", "battalions", "brigades", "divisions", "militia", "guards",
    "peacekeepers", "patrols", "aircraft", "bombers", "fighters", "artillery", "armour",
})


def verb_sense(lemma: str, particles: Iterable[str]) -> Sense | None:
    """The sense of a verb, its particles ("blow" + "up") taking precedence."""
    for particle in particles:
        sense = PHRASAL.get(f"{lemma} {particle}")
        if sense:
            # NONE marks idioms that are no act at all ("seized on a remark").
            return None if sense[0] == "NONE" else sense
    return VERBS.get(lemma)


def object_sense(lemma: str, obj: str) -> Sense | None:
    """The sense of a verb given its object noun ("impose" + "curfew")."""
    return VERB_OBJECT.get(f"{lemma} {obj}")


def noun_sense(word: str) -> Sense | None:
    """The sense of an event noun, by its lower-cased form or lemma."""
    return NOUNS.get(word.lower())


def compose(frame: str, act: Sense | None) -> Sense:
    """The event a frame makes of the act it governs.

    A threat is a threat whatever is threatened; a refusal a rejection; a demand a demand.
    A promise is an agreement, unless what is promised is itself hostile, in which case
    PLOVER codes a threat ("vowed to blockade Paris").
    """
    if frame == "PROMISE":
        if act is not None and act[0] in HOSTILE:
            return ("THREATEN", act[1])
        return ("AGREE", None)
    if frame == "THREATEN":
        return ("THREATEN", act[1] if act and act[0] in HOSTILE else None)
    if frame == "ORDER":
        # Ordering a coercive act is doing it; ordering anything else is a demand.
        return act if act is not None and act[0] in HOSTILE else ("DEMAND", None)
    if frame == "PREPARE":
        # Preparing to attack is mobilizing; "prepared to talk" is a promise.
        return ("MOBILIZE", None) if act is not None and act[0] in HOSTILE else ("AGREE", None)
    return (frame, None)


__all__ = [
    "AID_OBJECTS",
    "AVOIDING",
    "FORCES",
    "FRAMES",
    "GIVING_VERBS",
    "HOSTILE",
    "HUMAN_NOUNS",
    "HUMAN_OBJECT",
    "INTRANSITIVE",
    "IRREALIS",
    "LIGHT_VERBS",
    "MATERIAL_HOSTILE",
    "MILITARY_WORDS",
    "NEEDS_ACT",
    "NOUNS",
    "PATIENT_NOUNS",
    "PHRASAL",
    "RECIPROCAL",
    "REPORTING",
    "VERBS",
    "VERB_OBJECT",
    "Sense",
    "compose",
    "noun_sense",
    "object_sense",
    "verb_sense",
]
