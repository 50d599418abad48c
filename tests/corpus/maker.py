"""Fictional news stories for the archive tests, made from a seed.

Each story is eight paragraphs of invented reporting; copies of a story vary the way
syndicated copies do (headline, dateline, byline, a trimmed or an added paragraph). Stories
"about the same topic" share their cast, places and vocabulary but not their sentences.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

CITIES = ["Velmora", "Ostrava Nova", "Kestrel Bay", "Dunmarrow", "Port Alcine", "Tarvik",
          "Lorensburg", "Qadira", "Mirenne", "Halsport", "Brevik", "Santo Amaro"]
PEOPLE = ["Anika Dorell", "Tomas Vrell", "Imre Kasza", "Leona Marchetti", "Piet Oosterwijk",
          "Farida Nassim", "Colm Reddan", "Yusuf Demirel", "Marta Halvorsen", "Jonas Brack"]
ROLES = ["the harbour commissioner", "the regional governor", "a ministry spokeswoman",
         "the union leader", "the opposition deputy", "the central bank chief"]
NOUNS = ["ferry contract", "grain levy", "pipeline permit", "fishing quota", "rail tender",
         "border checkpoint", "water tariff", "port expansion", "wind farm", "bridge repair",
         "pension reform", "customs accord", "dock strike", "salt mine", "power line"]
VERBS = ["delay", "approve", "challenge", "suspend", "renegotiate", "block", "fund", "review"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["March", "April", "May", "June", "July", "August", "September", "October"]
WORDS = ["quietly", "abruptly", "reluctantly", "publicly", "formally", "again", "finally"]

TEMPLATES = [
    "{person}, {role}, said on {day} that {city} would {verb} the {noun} before {month}.",
    "Talks over the {noun} {adv} stalled in {city2} after {person2} walked out on {day2}.",
    '"We will not {verb} the {noun} under pressure," {person} told reporters in {city}.',
    "Residents of {city2} have {adv} protested the {noun2} since {month2}, blocking roads.",
    "The {noun2} could cost {n} million crowns, {role2} estimated in a letter to {person2}.",
    "{person2} {adv} urged {city} to {verb2} the {noun} and publish the {noun2} figures.",
    "Officials from {city} and {city2} meet again on {day2} to discuss the {noun2} and {n} jobs.",
    '"Nobody in {city2} asked for this {noun}," said {person2}, {role2}, on {day}.',
    "A court in {city} will hear {n} complaints about the {noun} in {month2}, lawyers said.",
    "{role2} {adv} declined to say whether {city2} would {verb2} the {noun2} this year.",
]


@dataclass(frozen=True)
class Page:
    """One page of the corpus: file name, text, and the story it is a copy of."""

    name: str
    text: str
    story: int


def paragraphs(seed: int, count: int = 8, topic_seed: int | None = None) -> list[str]:
    """The body of story `seed`: `count` paragraphs, each two filled templates, about the
    cast and places of `topic_seed` (default: its own)."""
    cast = random.Random(seed if topic_seed is None else topic_seed)
    rng = random.Random(seed * 1_000_003 + 17)
    topic = {
        "city": cast.choice(CITIES), "city2": cast.choice(CITIES), "person": cast.choice(PEOPLE),
        "person2": cast.choice(PEOPLE), "role": cast.choice(ROLES), "role2": cast.choice(ROLES),
        "noun": cast.choice(NOUNS), "noun2": cast.choice(NOUNS),
    }
    out = []
    for _ in range(count):
        sentences = []
        for _ in range(2):
            fill = dict(topic)
            fill.update(verb=rng.choice(VERBS), verb2=rng.choice(VERBS), day=rng.choice(DAYS),
                        day2=rng.choice(DAYS), month=rng.choice(MONTHS), month2=rng.choice(MONTHS),
                        adv=rng.choice(WORDS), n=str(rng.randint(2, 950)))
            if rng.random() < 0.5:
                fill.update(city2=rng.choice(CITIES), noun2=rng.choice(NOUNS))
            sentences.append(rng.choice(TEMPLATES).format(**fill))
        out.append(" ".join(sentences))
    return out


def headline(seed: int, variant: int = 0) -> str:
    rng = random.Random(seed * 7 + variant)
    return f"{rng.choice(CITIES)} {rng.choice(VERBS)}s {rng.choice(NOUNS)} in {rng.choice(MONTHS)} row"


def copy_text(seed: int, variant: int, agency: str = "AP", topic_seed: int | None = None) -> str:
    """Copy `variant` of story `seed` as a scraped text page.

    0: the agency's own (headline, dateline with agency, byline); 1: a new headline; 2: the
    last paragraph trimmed; 3: a local paragraph added; 4: another dateline form and byline.
    """
    body = paragraphs(seed, topic_seed=topic_seed)
    title = headline(seed, 1 if variant == 1 else 0)
    place = random.Random(seed).choice(CITIES).upper()
    byline = "By ANIKA DORELL Associated Press" if variant != 4 else "By Staff Writer"
    lead = f"{place} ({agency}) — {body[0]}" if variant != 4 else f"{place} — {body[0]}"
    rest = body[1:]
    if variant == 2:
        rest = rest[:-1]
    if variant == 3:
        rest = [*rest, ("Local councillors in Greywater said they would follow the case closely "
                        "and hold a public meeting about it next month.")]
    return "\n\n".join([title, byline, lead, *rest]) + "\n"


def corpus(stories: int, copies: int = 3, first_seed: int = 1) -> list[Page]:
    """`stories` stories with `copies` copies each (variants cycle 0..4)."""
    pages = []
    for seed in range(first_seed, first_seed + stories):
        for variant in range(copies):
            pages.append(Page(f"s{seed:04d}-v{variant}.txt", copy_text(seed, variant % 5), seed))
    return pages
