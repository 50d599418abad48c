"""Generated hostile and oversized inputs, written for these tests (no real page copied).

A seeded generator, so a failing case can be rebuilt from its seed alone.
"""

from __future__ import annotations

import random

NAMES = ("Anna Berg", "Lars Holm", "Sigrid Dahl", "Omar Haddad", "Mei Chen", "Paul Roy",
         "Ines Duarte", "Tomas Novak", "Ruth Okafor", "Aron Vik")
CUES = ("said", "told reporters", "added", "warned", "argued")
PLACES = ("Tromso", "Bergen", "Oslo", "Reykjavik", "Lisbon", "Gdansk")


def paragraph(rng: random.Random, number: int) -> str:
    """One paragraph of a fictional news story: a direct quote, an indirect one, a fact."""
    first, second = rng.sample(NAMES, 2)
    place = rng.choice(PLACES)
    return (
        f"“The council will vote on harbour plan {number} next week, and we expect it to pass,” "
        f"{first} {rng.choice(CUES)}. {second} said the city of {place} would need more money "
        f"for the port, but warned that talks could fail. The dispute began when a patrol boat "
        f"ordered trawler {number} to leave waters that both towns claim."
    )


def story_text(paragraphs: int, seed: int = 7) -> str:
    """A plain-text story of `paragraphs` paragraphs (about 330 characters each)."""
    rng = random.Random(seed)
    return "\n\n".join(paragraph(rng, number) for number in range(paragraphs))


def story_html(paragraphs: int, seed: int = 7) -> str:
    """The same story as an HTML page."""
    rng = random.Random(seed)
    body = "\n".join(f"<p>{paragraph(rng, number)}</p>" for number in range(paragraphs))
    return (f"<!doctype html><html><head><title>Harbour plan vote</title></head><body>"
            f"<article><h1>Harbour plan vote</h1>{body}</article></body></html>")
