"""Bytes to text: binary detection, encoding fallbacks, Unicode and line-ending normalisation."""

from __future__ import annotations

import codecs
import re
import unicodedata

BINARY_SAMPLE = 8192
MAX_CONTROL_SHARE = 0.05

# C0 controls other than tab, LF, VT, FF, CR (ESC counts: it is rare in prose), plus DEL.
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) | {0x7F})
_C1 = re.compile("[\x80-\x9f]")
# A complete multi-byte UTF-8 sequence; in Windows-1252 French text these pairs almost never occur.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# An encoding an XML or HTML file declares in its first bytes.
_DECLARED = re.compile(
    rb"<(?:\?xml|meta)\b[^>]{0,200}?(?:encoding|charset)\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.I
)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


class DecodeError(ValueError):
    """The bytes are not text in an encoding veille accepts."""


def is_binary(data: bytes) -> bool:
    """True for content with NUL bytes or a high share of control characters."""
    sample = data[:BINARY_SAMPLE]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls / len(sample) > MAX_CONTROL_SHARE


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode a stray non-UTF-8 byte as Windows-1252 (else Latin-1)."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    try:
        return chunk.decode("cp1252"), error.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), error.end


codecs.register_error("veille-cp1252", _cp1252_fallback)


def _declared_encoding(data: bytes) -> str | None:
    """The codec an XML/HTML head declares, if Python knows it and it is not a UTF one."""
    match = _DECLARED.search(data[:2048])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name.startswith("utf") else name


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252 or Latin-1, strictly.

    When the bytes are not UTF-8, an encoding declared by an XML/HTML head is tried first.
    A mostly-UTF-8 file with a few stray Windows-1252 bytes (a common copy-paste accident)
    keeps its UTF-8 text and has only the stray bytes read as Windows-1252.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DecodeError("not valid UTF-16 text") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    multibyte = len(_UTF8_MULTIBYTE.findall(data))
    if multibyte:
        high = sum(1 for byte in data if byte >= 0x80)
        stray = high - sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
        if multibyte >= stray:
            return data.decode("utf-8-sig", errors="veille-cp1252")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    if _C1.search(text):
        raise DecodeError("not valid UTF-8, Windows-1252 or Latin-1 text")
    return text


def normalize_text(text: str) -> str:
    """NFC, '\\n' line endings, no BOM / zero-width characters / soft hyphens."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)
