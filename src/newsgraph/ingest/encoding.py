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

_SURROGATE = re.compile("[\ud800-\udfff]")
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
        except (UnicodeError, LookupError, ValueError):
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError("cannot tell the text encoding of these bytes")
    return data.decode(best.encoding, errors="replace")


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate (what JSON's "\\ud800" escapes make, and no UTF-8
    output can hold) replaced by U+FFFD; other text is returned as it is.

    >>> without_surrogates("a\ud800b")
    'a\ufffdb'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)  # one for one, so offsets stay put
    return text


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
    return text_codec(match.group(1).decode("ascii", errors="ignore"))


# Codecs Python knows that are no page's character set: "undefined" refuses every byte,
# the rest decode to something other than the text the page holds.
_NOT_CHARSETS = frozenset({"undefined", "punycode", "idna", "raw_unicode_escape",
                           "unicode_escape", "palmos", "mbcs", "oem"})


def text_codec(name: str) -> str | None:
    """The Python codec of a declared charset name, if it is one a page can be written in
    (`base64`, `rot13`, `undefined` and their like are not).

    >>> text_codec("Windows-1251"), text_codec("undefined"), text_codec("base64")
    ('cp1251', None, None)
    """
    try:
        info = codecs.lookup(name.strip().lower())
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


__all__ = ["decode_bytes", "looks_binary", "text_codec", "without_surrogates"]
