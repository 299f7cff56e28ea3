"""Bytes on disk to text: UTF-8, and Russian Windows cp1251 only where the bytes show it.

A few stray bytes in UTF-8 text (a damaged copy, one flipped byte) must not turn the whole text into
cp1251 mojibake ("Kharkiv’s" read as "KharkivвЂ™s") nor reject it: they are replaced with U+FFFD and the
caller says so. The text is read as cp1251 only on evidence: its undecodable bytes outnumber its
well-formed UTF-8 characters, and in cp1251 they spell Cyrillic words.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import InputError

# Bytes below 0x20 that real text uses: tab, newline, vertical tab, form feed, carriage return.
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r")
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
# Russian prose decoded as cp1251 is ~95% letters once spaces and digits are set aside;
# arbitrary bytes decoded as cp1251 are ~55%, so 80% separates the two comfortably.
_MIN_LETTER_SHARE = 0.8
# Text with at most this share of undecodable bytes is UTF-8 with damage (one stray byte in a line of 20
# is 5%); binary data and most other encodings have far more.
_MAX_STRAY_SHARE = 0.05
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Two or more Cyrillic letters with no other letter beside them: a word, not a stray byte inside "Kharkivя".
_CYRILLIC_WORD = re.compile(r"(?<![^\W\d_])[\u0400-\u04ff]{2,}(?![^\W\d_])")
_REPLACEMENT_UTF8 = "\ufffd".encode()


@dataclass(frozen=True)
class Decoded:
    text: str
    replaced: int = 0  # undecodable bytes replaced with U+FFFD
    first_replaced: int | None = None  # byte offset of the first of them

    @property
    def note(self) -> str | None:
        """What the reader should be told about the decoding, if anything."""
        if not self.replaced:
            return None
        plural = "s" if self.replaced > 1 else ""
        return (f"not valid UTF-8: {self.replaced} stray byte{plural} replaced with U+FFFD "
                f"(the first at byte {self.first_replaced}), the rest read as UTF-8")


def read_text(path: Path) -> Decoded:
    """The text of a file, or InputError naming the file. OSError passes through."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "empty file")
    try:
        decoded = decode_text(data)
    except ValueError as err:
        raise InputError(path, str(err)) from None
    if not decoded.text.strip():
        raise InputError(path, "empty file")
    return decoded


def decode(data: bytes) -> str:
    """Decode text bytes; ValueError with a user-facing reason when they are not text."""
    return decode_text(data).text


def decode_text(data: bytes) -> Decoded:
    """A whole file's bytes as text (see `decode_bytes`), after checking that they are text at all."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16"))  # Windows tools write UTF-16 with a BOM; its NULs are not binary
    if looks_binary(data):
        raise ValueError("binary file, not text")
    return decode_bytes(data)


def decode_bytes(data: bytes) -> Decoded:
    """UTF-8 (a leading BOM dropped); else cp1251 on evidence; else UTF-8 with its few stray bytes replaced.
    ValueError when the bytes are neither."""
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        first_bad = err.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.count(_REPLACEMENT_UTF8)
    well_formed = len(_NON_ASCII.findall(text)) - text.count("\ufffd")
    if replaced > well_formed:
        russian = _decode_cp1251(data)
        if russian is not None:
            return Decoded(russian)
    if replaced <= well_formed or replaced <= _MAX_STRAY_SHARE * len(data):
        return Decoded(text, replaced, first_bad)
    raise ValueError("not UTF-8 text (looks like binary/unknown encoding)")


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more control bytes than text ever has, in the first few kilobytes."""
    head = data[:_SNIFF_BYTES]
    if b"\0" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(head)


def _decode_cp1251(data: bytes) -> str | None:
    """The cp1251 reading of data when it reads as prose (mostly letters) and its non-ASCII characters are
    mostly Cyrillic words, else None."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:  # byte 0x98 has no cp1251 character
        return None
    considered = [ch for ch in text if not ch.isspace() and not ch.isdigit()]
    letters = sum(1 for ch in considered if _is_cyrillic_or_latin_letter(ch))
    if letters < _MIN_LETTER_SHARE * len(considered):
        return None
    in_words = sum(len(word) for word in _CYRILLIC_WORD.findall(text))
    return text if 2 * in_words >= len(_NON_ASCII.findall(text)) else None


def _is_cyrillic_or_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\u0400" <= ch <= "\u04ff")
