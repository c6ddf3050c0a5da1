"""Bytes of an article file to text: UTF-8 when it is, else the encoding charset-normalizer finds.

charset-normalizer (a maintained detector, already what requests and trafilatura use) tells
windows-1252 from latin-1 from UTF-16 by how plausible the decoded text is, which a fixed list of
encodings to try cannot. A file with NUL bytes and no byte-order mark is not text.
"""
from __future__ import annotations

from typing import Optional

# The legacy encodings of French and English text, tried first: on a short text the detector's free
# choice may be a Central European code page whose letters differ in one place ('coűte').
WESTERN = ["utf_16", "utf_32", "cp1252", "iso8859_15", "mac_roman"]
MAX_ARTICLE_BYTES = 20_000_000  # one article (a text or HTML file, a feed's line); past it the file is skipped


class NotText(ValueError):
    """The bytes are no text in any encoding we can tell; the message says why, for a skip line."""


def decode(raw: bytes) -> tuple[str, Optional[str]]:
    """The text and the encoding detected (None for UTF-8)."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        first_bad = e.start
    from charset_normalizer import from_bytes
    best = from_bytes(raw, cp_isolation=WESTERN).best() or from_bytes(raw).best()
    if best is None:
        raise NotText(f"not UTF-8 (byte {first_bad} is 0x{raw[first_bad]:02x}) and no other encoding fits")
    text = str(best)
    if "\x00" in text:
        raise NotText("binary data, not text")
    return text, best.encoding
