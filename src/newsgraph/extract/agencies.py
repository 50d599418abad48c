"""The wire agencies newsgraph knows by name, and how each is written.

Agencies matter three ways: a dateline credits one ("MOSCOW (AP) —"), a syndicated copy names
one as its `original_source`, and each has its own boilerplate family ("The Associated Press
is an independent, not-for-profit news cooperative ...") that republishers paste under it.
"""

from __future__ import annotations

import re

# Canonical name -> the ways stories write it (case-sensitive short forms, as in datelines).
AGENCIES: dict[str, tuple[str, ...]] = {
    "The Associated Press": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Agence France-Presse": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Deutsche Presse-Agentur": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "United Press International": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax",),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Kyodo News": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "PA Media": ("PA", "Press Association", "PA Media"),
    "The Canadian Press": ("CP", "Canadian Press", "The Canadian Press"),
    "Australian Associated Press": ("AAP", "Australian Associated Press"),
    "CNN": ("CNN",),
    "Anadolu Agency": ("Anadolu", "Anadolu Agency"),
}

_BY_FORM = {form.lower(): name for name, forms in AGENCIES.items() for form in forms}

# Any form, longest first so "Associated Press" wins over "AP" inside it.
_FORMS = sorted({f for forms in AGENCIES.values() for f in forms}, key=len, reverse=True)
AGENCY_PATTERN = "|".join(re.escape(f) for f in _FORMS)
_AGENCY_IN_TEXT = re.compile(rf"(?<![\w-])(?:{AGENCY_PATTERN})(?![\w-])")


def normalise_agency(text: str | None) -> str | None:
    """The canonical name of an agency as written anywhere ("AP" -> "The Associated Press").

    >>> normalise_agency("AP")
    'The Associated Press'
    >>> normalise_agency("Reuters")
    'Reuters'
    """
    if not text:
        return None
    return _BY_FORM.get(text.strip().lower())


def agencies_in(text: str) -> list[str]:
    """Canonical names of the agencies a line names, in order, each once."""
    found: list[str] = []
    for match in _AGENCY_IN_TEXT.finditer(text):
        name = normalise_agency(match.group(0))
        if name and name not in found:
            found.append(name)
    return found


__all__ = ["AGENCIES", "AGENCY_PATTERN", "agencies_in", "normalise_agency"]
