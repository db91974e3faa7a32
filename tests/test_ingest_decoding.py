"""Encodings and normalisation: UTF-8, BOM, Windows-1252, Latin-1, UTF-16, NFC, line endings."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from veille.ingest.decode import DecodeError, decode_bytes, is_binary, normalize_text
from veille.ingest.readers import iter_raw
from veille.ingest.types import RawDocument

FRENCH = "Évacuation à Erevan : « les soldats arméniens rentrent » – cœur, août, déjà."


def read_one(path: Path) -> RawDocument:
    (item,) = iter_raw([str(path)])
    assert isinstance(item, RawDocument), item
    return item


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", FRENCH.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8")),
        ("cp1252.txt", FRENCH.encode("cp1252")),
        ("utf16.txt", FRENCH.encode("utf-16")),
    ],
)
def test_french_accents_survive_each_encoding(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_one(path).text == FRENCH


def test_cp1252_evacuation_bytes(tmp_path: Path) -> None:
    path = tmp_path / "erevan.txt"
    path.write_bytes(b"\xc9vacuation \xe0 Erevan")  # what a Windows editor saves
    assert read_one(path).text == "Évacuation à Erevan"


def test_latin1_text_without_cp1252_only_characters() -> None:
    assert decode_bytes("Été à Noël".encode("latin-1")) == "Été à Noël"


def test_bytes_undefined_in_cp1252_are_rejected() -> None:
    # 0x81, 0x8D, 0x90 are undefined in Windows-1252 and C1 controls in Latin-1.
    with pytest.raises(DecodeError, match="not valid UTF-8, Windows-1252 or Latin-1 text"):
        decode_bytes(b"caf\x81 \x8d\x90 texte")


def test_mostly_utf8_with_a_stray_cp1252_byte_keeps_the_utf8_text() -> None:
    data = "Évacuation à Erevan, déjà ".encode() + b"\x92" + "été.".encode()
    assert decode_bytes(data) == "Évacuation à Erevan, déjà ’été."


def test_bom_is_removed_and_text_is_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Évacuation à Erevan")
    path = tmp_path / "nfd.txt"
    path.write_bytes(b"\xef\xbb\xbf" + decomposed.encode("utf-8"))
    text = read_one(path).text
    assert text == "Évacuation à Erevan"
    assert unicodedata.is_normalized("NFC", text)
    assert "\ufeff" not in text


def test_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Un.\r\n\r\nDeux.\rTrois.\n")
    assert read_one(path).text == "Un.\n\nDeux.\nTrois.\n"


def test_invisible_characters_are_removed() -> None:
    assert normalize_text("in\u00adter\u200bna\ufefftional") == "international"


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
        (bytes(range(1, 32)) * 10, True),
        (FRENCH.encode("utf-8"), False),
        (FRENCH.encode("utf-16"), False),
        (b"Tabulations\tet\x0csauts de page\n", False),
    ],
)
def test_binary_detection(data: bytes, binary: bool) -> None:
    assert is_binary(data) is binary


def test_declared_charset_of_an_xhtml_page_in_latin1(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<html><head><title>Évacuation à Erevan</title></head>'
        "<body><article><h1>Évacuation à Erevan</h1><p>Le ministère arménien de la Défense a déclaré "
        "vendredi qu'il avait envoyé cent soldats au Kazakhstan.</p></article></body></html>"
    )
    path = tmp_path / "page.xhtml"
    path.write_bytes(page.encode("latin-1"))
    doc = read_one(path)
    assert doc.title == "Évacuation à Erevan" and "ministère arménien" in doc.text
