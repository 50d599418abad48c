"""Bytes to text: UTF-8 where it is, the page's declared charset next, detection last.

A declared charset is trusted only if the bytes decode under it; many pages declare one
encoding and are served in another, and charset-normalizer is better at guessing than the
declaration is wrong.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsgraph.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_bytes(data: bytes) -> str:
    """Decode raw page bytes to text, detecting the encoding where it is not UTF-8.

    >>> decode_bytes("Привет, мир".encode("windows-1251"))
    'Привет, мир'
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if looks_binary(data):
        raise InputError("binary content, not text or HTML")
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
    if best is None:
        raise InputError("cannot tell the text encoding of these bytes")
    return data.decode(best.encoding, errors="replace")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes near the start: an image, an archive, a program."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


__all__ = ["decode_bytes", "looks_binary"]
