"""Bytes on disk to text: UTF-8 first, Russian Windows cp1251 as a checked fallback."""

from __future__ import annotations

import codecs
from pathlib import Path

from sitrep.errors import InputError

# Bytes below 0x20 that real text uses: tab, newline, vertical tab, form feed, carriage return.
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r")
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
# Russian prose decoded as cp1251 is ~95% letters once spaces and digits are set aside;
# arbitrary bytes decoded as cp1251 are ~55%, so 80% separates the two comfortably.
_MIN_LETTER_SHARE = 0.8


def read_text(path: Path) -> str:
    """The text of a file, or InputError naming the file. OSError passes through."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "empty file")
    try:
        text = decode(data)
    except ValueError as err:
        raise InputError(path, str(err)) from None
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def decode(data: bytes) -> str:
    """Decode text bytes; ValueError with a user-facing reason when they are not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")  # Windows tools write UTF-16 with a BOM; its NULs are not binary
    if looks_binary(data):
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig")  # -sig drops a leading BOM
    except UnicodeDecodeError:
        pass
    text = _decode_cp1251(data)
    if text is None:
        raise ValueError("not UTF-8 text (looks like binary/unknown encoding)")
    return text


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more control bytes than text ever has, in the first few kilobytes."""
    head = data[:_SNIFF_BYTES]
    if b"\0" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(head)


def _decode_cp1251(data: bytes) -> str | None:
    """The cp1251 reading of data when it reads as prose (mostly letters), else None."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:  # byte 0x98 has no cp1251 character
        return None
    considered = [ch for ch in text if not ch.isspace() and not ch.isdigit()]
    letters = sum(1 for ch in considered if _is_cyrillic_or_latin_letter(ch))
    return text if letters >= _MIN_LETTER_SHARE * len(considered) else None


def _is_cyrillic_or_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\u0400" <= ch <= "\u04ff")
