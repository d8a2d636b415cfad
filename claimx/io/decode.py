"""Decoding file bytes to text (:func:`decode_bytes`): BOM, UTF-8, mixed lines, cp1252, a guess."""

from __future__ import annotations

import codecs
from typing import Optional

import regex

from .types import MIXED_ENCODING, DecodeError

__all__ = ["decode_bytes"]

_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f]+")
_BAD_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_western(text: str) -> bool:
    """True when non-ASCII characters of a cp1252 decoding are mostly isolated (Western text).

    Multi-byte encodings (GB18030, Big5, ...) and other single-byte scripts (cp1251) decoded
    as cp1252 produce long runs of accented letters; Western text has accents between ASCII
    letters ("café", "Größe").
    """
    total = long = 0
    for m in _NON_ASCII_RUN.finditer(text):
        n = m.end() - m.start()
        total += n
        if n >= 3:
            long += n
    return total == 0 or long / total < 0.25


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text without translating newlines.

    Args:
        data: the raw file content (non-empty).

    Returns:
        ``(text, encoding)``; ``encoding`` is a Python codec name (``utf-8``, ``utf-8-sig``,
        ``utf-16``, ``cp1252``, ``gb18030``, ...), or :data:`MIXED_ENCODING` for a file whose
        lines mix UTF-8 and Windows-1252 (each line decoded in its own). A BOM is removed.

    Raises:
        DecodeError: NUL bytes without a UTF-16/32 BOM, bytes no text encoding explains, or
            text full of control characters.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after byte order mark: {exc.reason} at byte {exc.start}") from None
            return _check_controls(text), enc
    if b"\x00" in data:
        raise DecodeError("binary file (NUL bytes)")
    try:
        return _check_controls(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return _check_controls(mixed), MIXED_ENCODING
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text):
        return _check_controls(text), "cp1252"
    from charset_normalizer import from_bytes  # imported lazily: costly import

    for match in from_bytes(data):
        enc = match.encoding
        if enc.startswith(("utf_16", "utf_32")):  # only with a BOM (handled above)
            continue
        if match.chaos > 0.2:
            break
        return _check_controls(str(match)), codecs.lookup(enc).name
    raise DecodeError("binary or undecodable file (no plausible text encoding)")


def _decode_mixed(data: bytes) -> Optional[str]:
    """Line by line, UTF-8 first, else Windows-1252 -- when the file mixes both.

    A file pasted together from two sources ("café" in UTF-8 on one line, "naïve" in cp1252 on
    another) is neither: decoded whole as one encoding it turns into mojibake. Returns ``None``
    unless at least one line is non-ASCII UTF-8 and at least one other line is not UTF-8 but
    decodes as Windows-1252.
    """
    utf8 = other = 0
    parts = []
    for line in data.splitlines(keepends=True):
        try:
            part = line.decode("utf-8")
            if not part.isascii():
                utf8 += 1
        except UnicodeDecodeError:
            try:
                part = line.decode("cp1252")
            except UnicodeDecodeError:
                return None
            other += 1
        parts.append(part)
    return "".join(parts) if utf8 and other else None


def _check_controls(text: str) -> str:
    n = len(_BAD_CONTROL.findall(text[:100_000]))
    if n and n > 0.01 * min(len(text), 100_000):
        raise DecodeError("binary file (control characters)")
    return text
