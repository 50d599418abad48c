"""Bytes to text: UTF-8 where it is, the page's declared charset next, detection last.

A declared charset is trusted only if the bytes decode under it; many pages declare one
encoding and are served in another, and charset-normalizer is better at guessing than the
declaration is wrong.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_bytes(data: bytes) -> str:
    """Decode raw page bytes to text, detecting the encoding where it is not UTF-8.

    >>> decode_bytes("Привет, мир".encode("windows-1251"))
    'Привет, мир'
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "latin-1"
    return data.decode(encoding, errors="replace")


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


__all__ = ["decode_bytes"]
