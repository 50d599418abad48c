"""Language identification (ISO 639-1) with py3langid, whose model ships in the package."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, default: str = "en") -> str:
    """The language a text is written in, or `default` where it is too short to tell.

    >>> detect_language("Die Regierung hat am Mittwoch neue Maßnahmen beschlossen.")
    'de'
    """
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < 20:
        return default
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else default


__all__ = ["detect_language"]
