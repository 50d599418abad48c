"""Which country a name stands for: ISO 3166 alpha-3 codes for names, demonyms and capitals.

News names states in many ways: "Russia", "the Russian Federation", "Russian", "Moscow",
"the Kremlin", "U.S.", "Britain". Event coding and entity linking both need one code per
state, so this module maps every such form to its ISO 3166 alpha-3 code, and the names of
international bodies ("United Nations", "NATO", "EU") to `IGO`, the PLOVER/CAMEO group code.
pycountry supplies the official and common names; the tables here add what it lacks
(short forms, demonyms, capitals, seats of government, well-known regions).

>>> country_code("Russian"), country_code("U.S."), country_code("Moscow"), country_code("NATO")
('RUS', 'USA', 'RUS', 'IGO')
>>> country_in("Russian Deputy Foreign Minister")
'RUS'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

IGO = "IGO"
NGO = "NGO"

# Forms that are only names in this exact spelling ("US" the state, "us" the pronoun).
_EXACT: dict[str, str] = {
    "U.S.": "USA", "US": "USA", "U.S.A.": "USA", "USA": "USA", "U.S": "USA",
    "UK": "GBR", "U.K.": "GBR", "UAE": "ARE", "U.A.E.": "ARE", "PRC": "CHN", "DPRK": "PRK",
    "ROK": "KOR", "DRC": "COD", "DR Congo": "COD", "RSA": "ZAF",
    "UN": IGO, "U.N.": IGO, "EU": IGO, "E.U.": IGO, "NATO": IGO, "OSCE": IGO, "IAEA": IGO,
    "OPEC": IGO, "IMF": IGO, "WTO": IGO, "WHO": IGO, "ASEAN": IGO, "UNHCR": IGO, "UNICEF": IGO,
    "OAS": IGO, "OAU": IGO, "AU": IGO, "ECOWAS": IGO, "UNESCO": IGO, "ICC": IGO, "OPCW": IGO,
    "UNRWA": IGO, "ILO": IGO, "FAO": IGO, "WFP": IGO, "SADC": IGO, "GCC": IGO, "APEC": IGO,
    "ICRC": IGO,
}

# Common and historical names pycountry does not know, lower-cased.
_NAMES: dict[str, str] = {
    "russia": "RUS", "united states of america": "USA", "america": "USA",
    "turkey": "TUR", "brunei": "BRN", "macau": "MAC",  # pycountry says Türkiye, Brunei Darussalam
    "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR",
    "wales": "GBR", "northern ireland": "GBR", "ulster": "GBR", "holland": "NLD",
    "ivory coast": "CIV", "cote d'ivoire": "CIV", "burma": "MMR", "myanmar": "MMR",
    "macedonia": "MKD", "former yugoslav republic of macedonia": "MKD", "fyrom": "MKD",
    "czech republic": "CZE", "czechia": "CZE", "vatican": "VAT",
    "the vatican": "VAT", "congo": "COG", "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD", "congo-kinshasa": "COD", "zaire": "COD",
    "congo-brazzaville": "COG", "palestine": "PSE", "gaza": "PSE", "gaza strip": "PSE",
    "west bank": "PSE", "east jerusalem": "PSE", "palestinian territories": "PSE",
    "kosovo": "XKX", "east timor": "TLS", "swaziland": "SWZ", "cape verde": "CPV",
    "kampuchea": "KHM", "persia": "IRN", "ceylon": "LKA", "rhodesia": "ZWE",
    "soviet union": "SUN", "ussr": "SUN", "yugoslavia": "YUG", "hong kong": "HKG",
    "tibet": "CHN", "crimea": "UKR", "xinjiang": "CHN", "chechnya": "RUS", "darfur": "SDN",
    "sindh": "PAK",
    "south sudan": "SSD", "north korea": "PRK", "south korea": "KOR", "korea": "KOR",
    "bosnia": "BIH", "herzegovina": "BIH", "trinidad": "TTO",
    "emirates": "ARE", "the emirates": "ARE",
    # International bodies.
    "united nations": IGO, "security council": IGO, "u.n. security council": IGO,
    "un security council": IGO, "united nations security council": IGO,
    "general assembly": IGO, "european union": IGO, "european commission": IGO,
    "european community": IGO, "european parliament": IGO, "african union": IGO,
    "arab league": IGO, "league of arab states": IGO, "organization of american states": IGO,
    "world bank": IGO, "international monetary fund": IGO, "world health organization": IGO,
    "world trade organization": IGO, "international atomic energy agency": IGO,
    "arctic council": IGO, "red cross": IGO, "red crescent": IGO,
    "international committee of the red cross": IGO, "interpol": IGO,
    "international criminal court": IGO, "international court of justice": IGO,
    "international labor office": IGO, "international labour organization": IGO,
    "un refugee agency": IGO, "u.n. refugee agency": IGO, "north atlantic treaty organization": IGO,
    "amnesty international": NGO, "human rights watch": NGO, "doctors without borders": NGO,
    "medecins sans frontieres": NGO, "greenpeace": NGO, "oxfam": NGO,
}

# Demonyms and adjectives of state, lower-cased; plural forms are derived ("Russians").
_DEMONYMS = """
AFG afghan afghani | ALB albanian | DZA algerian | AGO angolan | ARG argentine argentinian |
ARM armenian | AUS australian | AUT austrian | AZE azerbaijani azeri | BHR bahraini |
BGD bangladeshi | BLR belarusian belarussian | BEL belgian | BEN beninese | BTN bhutanese |
BOL bolivian | BIH bosnian | BWA botswanan | BRA brazilian | BGR bulgarian | BFA burkinabe |
MMR burmese | BDI burundian | KHM cambodian | CMR cameroonian | CAN canadian |
CAF central african | TCD chadian | CHL chilean | CHN chinese | COL colombian |
COD congolese | CRI costa rican | HRV croatian croat | CUB cuban | CYP cypriot | CZE czech |
DNK danish dane | DJI djiboutian | DOM dominican | ECU ecuadorian ecuadoran |
EGY egyptian | SLV salvadoran | ERI eritrean | EST estonian | ETH ethiopian | FJI fijian |
FIN finnish finn | FRA french frenchman | GAB gabonese | GMB gambian | GEO georgian |
DEU german | GHA ghanaian ghanian | GRC greek | GTM guatemalan | GIN guinean |
HTI haitian | HND honduran | HUN hungarian | ISL icelandic | IND indian | IDN indonesian |
IRN iranian | IRQ iraqi | IRL irish | ISR israeli | ITA italian | CIV ivorian |
JAM jamaican | JPN japanese | JOR jordanian | KAZ kazakh kazakhstani | KEN kenyan |
PRK north korean | KOR south korean korean | KWT kuwaiti | KGZ kyrgyz | LAO laotian lao |
LVA latvian | LBN lebanese | LSO basotho | LBR liberian | LBY libyan | LTU lithuanian |
LUX luxembourgish | MKD macedonian | MDG malagasy | MWI malawian | MYS malaysian |
MDV maldivian | MLI malian | MLT maltese | MRT mauritanian | MEX mexican | MDA moldovan |
MNG mongolian | MNE montenegrin | MAR moroccan | MOZ mozambican | NAM namibian |
NPL nepalese nepali | NLD dutch dutchman | NZL new zealander kiwi | NIC nicaraguan |
NER nigerien | NGA nigerian | NOR norwegian | OMN omani | PAK pakistani |
PSE palestinian | PAN panamanian | PNG papua new guinean | PRY paraguayan | PER peruvian |
PHL filipino philippine | POL polish | PRT portuguese | QAT qatari | ROU romanian |
RUS russian | RWA rwandan | SAU saudi | SEN senegalese | SRB serbian serb | SLE sierra leonean |
SGP singaporean | SVK slovak slovakian | SVN slovenian slovene | SOM somali somalian |
ZAF south african | SSD south sudanese | ESP spanish spaniard | LKA sri lankan |
SDN sudanese | SUR surinamese | SWZ swazi | SWE swedish swede | CHE swiss | SYR syrian |
TWN taiwanese | TJK tajik tajikistani | TZA tanzanian | THA thai | TGO togolese |
TTO trinidadian | TUN tunisian | TUR turkish turk | TKM turkmen | UGA ugandan |
UKR ukrainian | ARE emirati | GBR british briton englishman scottish welsh english |
USA american | URY uruguayan | UZB uzbek | VEN venezuelan | VNM vietnamese | YEM yemeni |
ZMB zambian | ZWE zimbabwean | SUN soviet | YUG yugoslav | CYP greek-cypriot |
KHM khmer kampuchean | AND andorran | ATG antiguan | BHS bahamian | BLZ belizean |
BRB barbadian | BRN bruneian | COM comorian | CPV cape verdean | ESH sahrawi |
GNB bissau-guinean | GNQ equatoguinean equatorial guinean | GRD grenadian | GUY guyanese |
LIE liechtensteiner | MCO monegasque | MHL marshallese | MUS mauritian | NRU nauruan |
PLW palauan | PRI puerto rican | SMR sammarinese | SYC seychellois | TLS timorese
east timorese | TON tongan | TUV tuvaluan | VUT ni-vanuatu | WSM samoan | XKX kosovar
kosovan | LCA saint lucian | VCT vincentian | CHN tibetan uighur uyghur | RUS chechen
"""

# Capitals and seats of government, which news uses for the government itself.
_CAPITALS = """
AFG kabul | ALB tirana | DZA algiers | AGO luanda | ARG buenos aires | ARM yerevan |
AUS canberra | AUT vienna | AZE baku | BHR manama | BGD dhaka | BLR minsk | BEL brussels |
BOL la paz | BIH sarajevo | BRA brasilia | BGR sofia | MMR rangoon yangon naypyidaw |
BDI bujumbura | KHM phnom penh | CMR yaounde | CAN ottawa | TCD n'djamena | CHL santiago |
CHN beijing peking | COL bogota | COD kinshasa | COG brazzaville | HRV zagreb | CUB havana |
CYP nicosia | CZE prague | DNK copenhagen | EGY cairo | ERI asmara | EST tallinn |
ETH addis ababa | FIN helsinki | FRA paris elysee | GEO tbilisi | DEU berlin bonn |
GHA accra | GRC athens | GIN conakry | HTI port-au-prince | HUN budapest | IND new delhi |
IDN jakarta | IRN tehran teheran | IRQ baghdad | IRL dublin | ISR jerusalem | ITA rome |
CIV abidjan yamoussoukro | JPN tokyo | JOR amman | KAZ astana almaty | KEN nairobi |
PRK pyongyang | KOR seoul | KWT kuwait city | KGZ bishkek | LAO vientiane | LVA riga |
LBN beirut | LBR monrovia | LBY tripoli | LTU vilnius | MKD skopje | MYS kuala lumpur |
MLI bamako | MRT nouakchott | MEX mexico city | MDA chisinau | MNE podgorica | MAR rabat |
MOZ maputo | NPL kathmandu khatmandu | NLD the hague amsterdam | NZL wellington |
NIC managua | NER niamey | NGA abuja lagos | NOR oslo | PAK islamabad | PAN panama city |
PER lima | PHL manila | POL warsaw | PRT lisbon | QAT doha | ROU bucharest |
RUS moscow kremlin the kremlin | RWA kigali | SAU riyadh | SEN dakar | SRB belgrade |
SLE freetown | SOM mogadishu | ZAF pretoria | SSD juba | ESP madrid | LKA colombo |
SDN khartoum | SWE stockholm | CHE bern berne | SYR damascus | TWN taipei | TJK dushanbe |
TZA dar es salaam dodoma | THA bangkok | TUN tunis | TUR ankara | TKM ashgabat |
UGA kampala | UKR kyiv kiev | ARE abu dhabi | GBR london downing street whitehall |
USA washington white house pentagon | URY montevideo | UZB tashkent | VEN caracas |
VNM hanoi | YEM sanaa | ZMB lusaka | ZWE harare | FJI suva | GMB banjul
"""


def _parse_table(table: str) -> dict[str, str]:
    """Read "CODE form form | CODE ..." into {form: code}; multi-word forms are kept whole."""
    mapping: dict[str, str] = {}
    for row in table.split("|"):
        words = row.split()
        if not words:
            continue
        code, rest = words[0], " ".join(words[1:])
        for form in _split_forms(rest):
            mapping[form] = code
    return mapping


_MULTIWORD = re.compile(
    r"south (?:korean|african|sudanese)|north korean|sierra leonean|sri lankan|costa rican|"
    r"central african|new zealander|papua new guinean|buenos aires|la paz|phnom penh|"
    r"cape verdean|equatorial guinean|puerto rican|east timorese|saint lucian|"
    r"addis ababa|new delhi|kuwait city|kuala lumpur|mexico city|the hague|panama city|"
    r"dar es salaam|abu dhabi|downing street|white house|the kremlin"
)


def _split_forms(text: str) -> list[str]:
    forms = _MULTIWORD.findall(text)
    rest = _MULTIWORD.sub(" ", text)
    return forms + rest.split()


DEMONYMS: dict[str, str] = _parse_table(_DEMONYMS)
CAPITALS: dict[str, str] = _parse_table(_CAPITALS)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every lower-cased state name pycountry knows, plus our own names, demonyms, capitals."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = country.alpha_3
                if "," in value:
                    # "Korea, Republic of" is never written so in news; keep the head only
                    # where it is unambiguous ("Bolivia, Plurinational State of").
                    head = value.split(",")[0].lower()
                    names.setdefault(head, country.alpha_3)
    names.update(_NAMES)
    for table in (DEMONYMS, CAPITALS):
        for form, code in table.items():
            names.setdefault(form, code)
    for form, code in DEMONYMS.items():
        names.setdefault(_plural(form), code)
    return names


def _plural(demonym: str) -> str:
    if demonym.endswith(("ese", "ish", "ch", "swiss")):
        return demonym
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def _clean(text: str) -> str:
    text = text.strip().strip(",;:\"'“”‘’()")
    text = re.sub(r"[’`]", "'", text)
    text = re.sub(r"'s$", "", text)
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=8192)
def country_code(text: str) -> str | None:
    """The ISO 3166 alpha-3 code (or IGO/NGO) a name, demonym or capital stands for.

    The whole text must be the name ("Russia", "the United States", "Syrian", "Moscow",
    "U.N."); use `country_in` to find a country inside a longer phrase.

    >>> country_code("the United States"), country_code("Syrians"), country_code("Kiev")
    ('USA', 'SYR', 'UKR')
    >>> country_code("us") is None
    True
    """
    raw = _clean(text)
    for form in (raw, raw + ".", raw.rstrip(".")):
        if form in _EXACT:
            return _EXACT[form]
    raw = raw.rstrip(".")
    lowered = raw.lower()
    if lowered.startswith("the "):
        lowered = lowered[4:]
        if raw[4:] in _EXACT:
            return _EXACT[raw[4:]]
    if len(lowered) < 4 and lowered != "uk":
        return None  # short lower-case words ("us", "un") are not names
    return _names().get(lowered)


_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’\-]*")


def country_in(text: str, max_words: int = 4) -> str | None:
    """The first country named anywhere in a phrase, preferring the longest name.

    >>> country_in("deputy chairman of the foreign relations committee of Russia's upper house")
    'RUS'
    >>> country_in("opposition leader") is None
    True
    """
    words = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for i in range(len(words)):
        for n in range(min(max_words, len(words) - i), 0, -1):
            chunk = text[words[i][0] : words[i + n - 1][1]]
            if not chunk[0].isupper():
                break
            code = country_code(chunk) or (
                _subdivisions().get(_fold(_clean(chunk))) if n > 1 else None)
            if code is not None:
                return code  # "New Jersey Gov." is American before "Jersey" is a country
    return None


# AP-style abbreviations of US states: "Charlotte, N.C." is in the United States, whatever
# other country has a province called Charlotte.
US_STATE_ABBREVIATIONS = frozenset({
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.",
    "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
    "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.",
    "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C.",
})
_QUALIFIER = re.compile(r",\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")


def qualified_country(body: str, end: int) -> str | None:
    """The country of the state or country that follows a place ("Tulsa, Okla.",
    "Rovaniemi, Finland"), read at the end offset of the place's mention.

    >>> qualified_country("in Charlotte, N.C., on Tuesday", 12)
    'USA'
    """
    match = _QUALIFIER.match(body, end)
    if match is None:
        return None
    words = match.group(1)
    for form in (words, words.split()[0]):
        if form in US_STATE_ABBREVIATIONS or form.rstrip(",") in US_STATE_ABBREVIATIONS:
            return "USA"
        code = country_code(form) or _subdivisions().get(_fold(_clean(form)))
        if code is not None:
            return code
    return None


_GENERIC_PLACES = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "capital", "coast", "islands", "island", "river", "lake", "city", "centre", "center",
    "north east", "north west", "south east", "south west", "upper", "lower", "middle",
})


def _fold(text: str) -> str:
    """Lower-case without accents, so "Herāt" and "Herat" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Province and state names that belong to exactly one country ("Sivas", "Jaffna")."""
    owners: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        owners.setdefault(_fold(subdivision.name), set()).add(subdivision.country_code)
    names: dict[str, str] = {}
    for name, codes in owners.items():
        if len(codes) == 1 and len(name) > 3 and name not in _GENERIC_PLACES:
            country = pycountry.countries.get(alpha_2=next(iter(codes)))
            if country is not None:
                names[name] = country.alpha_3
    return names


def place_country(name: str) -> str | None:
    """The country a place name lies in: a state, capital or region, else a province or
    state of exactly one country (pycountry's ISO 3166-2 names).

    Only for names already known to be places: "Central" or "Georgia" alone say little.

    >>> place_country("Sivas"), place_country("Texas"), place_country("Moscow")
    ('TUR', 'USA', 'RUS')
    """
    return country_code(name) or _subdivisions().get(_fold(_clean(name)))


def _one_slip(a: str, b: str) -> bool:
    """The two words differ by one letter added, dropped, changed or swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    short, long = sorted((a, b), key=len)
    return short[i:] == long[i + 1:]


@lru_cache(maxsize=1)
def _forms_by_initial() -> dict[str, list[tuple[str, str]]]:
    forms: dict[str, list[tuple[str, str]]] = {}
    for form, code in _names().items():
        if len(form) >= 5 and form.isalpha():
            forms.setdefault(form[0], []).append((form, code))
    return forms


# Names one slip from a state's that are names of their own ("Columbia University").
_NOT_SLIPS = frozenset({"columbia", "jordana", "jordans", "chinas", "turkeys", "guinean"})


@lru_cache(maxsize=4096)
def misspelt_country(word: str) -> str | None:
    """The state a capitalised word of six letters or more names with one letter slipped
    ("Ethopia", "Quatar", "Phillippines"), when exactly one state's name or demonym is one
    slip away and the first letter agrees. Only for words known to be no other name.

    >>> misspelt_country("Ethopia"), misspelt_country("Quatar"), misspelt_country("Iberia")
    ('ETH', 'QAT', None)
    """
    if len(word) < 6 or not word[0].isupper() or not word.isalpha():
        return None
    lowered = word.lower()
    if lowered in _names() or lowered in _NOT_SLIPS:
        return None
    codes = {code for form, code in _forms_by_initial().get(lowered[0], ())
             if _one_slip(lowered, form)}
    return codes.pop() if len(codes) == 1 else None


# Words that make a body's name reach past one state ("World Water Forum", "Association of
# African Jurists") and heads that make it a body of states rather than of people.
_BEYOND_STATES = frozenset({"world", "international", "global", "african", "european", "arab",
                            "asian", "american", "islamic", "latin", "pacific", "atlantic",
                            "commonwealth", "inter-american", "pan-african", "regional"})
# Words of a body of one state whatever its name reaches for ("African National Congress").
_OF_ONE_STATE = frozenset({"national", "congress", "party", "republic", "front", "army"})
_OF_STATES = frozenset({"union", "organization", "organisation", "community", "league",
                        "bank", "fund", "commission", "court", "tribunal", "council",
                        "programme", "program", "agency", "conference", "treaty", "pact",
                        "mission", "force", "nations"})
_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]*")


def body_code(name: str) -> str | None:
    """IGO or NGO for a body whose name reaches past any one state and names none.

    A union, organization, bank, court or council of a continent or the world is a body of
    states (IGO); an association, forum, federation or watch is a body of people (NGO).
    A name that names a state ("Kenya Red Cross") or is one state's party, front or army
    ("African National Congress") is left to the state.

    >>> body_code("Third World Water Forum"), body_code("Organization of African Unity")
    ('NGO', 'IGO')
    >>> body_code("Kenya Anti-Corruption Commission") is None
    True
    """
    known = country_code(name) or country_in(name)
    if known is not None:
        return known if not is_state(known) else None
    words = [w.lower() for w in _WORD.findall(name)]
    if not any(w in _BEYOND_STATES for w in words) or any(w in _OF_ONE_STATE for w in words):
        return None
    return IGO if any(w in _OF_STATES for w in words) else NGO


def is_state(code: str | None) -> bool:
    """True for a state's alpha-3 code, false for group codes (IGO, NGO) and None."""
    return code is not None and code not in (IGO, NGO)


__all__ = [
    "CAPITALS", "DEMONYMS", "IGO", "NGO", "US_STATE_ABBREVIATIONS", "body_code", "country_code",
    "country_in", "is_state", "misspelt_country", "place_country", "qualified_country",
]
