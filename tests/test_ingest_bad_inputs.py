"""Every kind of bad input gives a ReadFailure with a one-line reason, and the rest still reads.

Unreadable files: the tests run as root, for whom chmod 000 changes nothing, so they use
real OS errors root gets too: a dangling symbolic link (ENOENT, "No such file or
directory"), a symbolic link loop (ELOOP, "Too many levels of symbolic links") and a path
that goes through a regular file (ENOTDIR, "Not a directory").
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from veille.ingest.readers import iter_raw
from veille.ingest.types import RawDocument, ReadFailure


def read_all(*paths: Path | str, **kwargs) -> list[RawDocument | ReadFailure]:
    return list(iter_raw([str(p) for p in paths], **kwargs))


def only_failure(items: list[RawDocument | ReadFailure]) -> ReadFailure:
    assert len(items) == 1, items
    assert isinstance(items[0], ReadFailure), items[0]
    assert "\n" not in items[0].reason
    return items[0]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + os.urandom(2000))
    assert only_failure(read_all(path)).reason == "binary file, not text"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vide.txt"
    path.write_bytes(content)
    failure = only_failure(read_all(path))
    assert failure.reason == "empty file" and failure.source == str(path)


def test_bytes_that_are_no_accepted_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mauvais.txt"
    path.write_bytes(b"Texte \x81\x8d\x8f\x90\x9d illisible")
    assert only_failure(read_all(path)).reason == "not valid UTF-8, Windows-1252 or Latin-1 text"


def test_truncated_json_line_amid_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    good = [json.dumps({"id": f"r{n}", "text": f"Texte {n}."}) for n in (1, 3)]
    path.write_text(f'{good[0]}\n{{"id": "r2", "text": "coup\n{good[1]}\n', encoding="utf-8")
    first, failure, third = read_all(path)
    assert isinstance(first, RawDocument) and first.source == "r1"
    assert isinstance(third, RawDocument) and third.source == "r3"
    assert isinstance(failure, ReadFailure)
    assert failure.source == f"{path}:2"
    assert failure.reason.startswith("invalid JSON (Unterminated string")
    assert f"{failure.source}: {failure.reason}".startswith(f"{path}:2: invalid JSON (")


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('[{"text": "a"},\n {"text": ', encoding="utf-8")
    failure = only_failure(read_all(path))
    assert failure.source == f"{path}:2" and failure.reason.startswith("invalid JSON (")


def test_records_without_text_or_not_objects(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"id": "vide", "title": "Sans texte"}\n42\n{"id": "ok", "text": "Oui."}\n', encoding="utf-8"
    )
    no_text, not_object, ok = read_all(path)
    assert isinstance(no_text, ReadFailure) and no_text.source == "vide" and "no text" in no_text.reason
    assert isinstance(not_object, ReadFailure) and not_object.source == f"{path}#2"
    assert "not a JSON object" in not_object.reason
    assert isinstance(ok, RawDocument)


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>",
        "<html><body><form><label>Identifiant</label><input><button>Entrer</button></form>"
        "<p>Mot de passe oublié ?</p></body></html>",
    ],
)
def test_html_page_with_no_article(tmp_path: Path, page: str) -> None:
    path = tmp_path / "index.html"
    path.write_text(page, encoding="utf-8")
    assert only_failure(read_all(path)).reason == "no article text found in HTML page"


def test_file_larger_than_max_bytes_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "enorme.txt"
    with path.open("wb") as handle:  # sparse: 52.4 MB on paper, nothing on disk
        handle.truncate(52_400_000)
    assert only_failure(read_all(path)).reason == "file too large (52.4 MB > 10.0 MB limit)"


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 2_500, encoding="utf-8")
    assert only_failure(read_all(path, max_bytes=2_000)).reason == "file too large (2.5 kB > 2.0 kB limit)"


def test_dangling_symlink_reports_enoent(tmp_path: Path) -> None:
    link = tmp_path / "article.txt"
    link.symlink_to(tmp_path / "disparu.txt")
    failure = only_failure(read_all(link))
    assert failure.reason.startswith("cannot read: No such file or directory")
    assert "symbolic link" in failure.reason


def test_symlink_loop_reports_eloop(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    failure = only_failure(read_all(tmp_path / "a"))
    assert failure.reason.startswith("cannot read: Too many levels of symbolic links")


def test_path_through_a_file_reports_enotdir(tmp_path: Path) -> None:
    file = tmp_path / "fichier.txt"
    file.write_text("texte", encoding="utf-8")
    assert only_failure(read_all(file / "dedans.txt")).reason == "cannot read: Not a directory"


def test_missing_path(tmp_path: Path) -> None:
    assert only_failure(read_all(tmp_path / "absent.txt")).reason == "cannot read: No such file or directory"


def test_special_file_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)  # opening it would block: it must be refused from its stat alone
    assert only_failure(read_all(fifo)).reason == "not a regular file"


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "flux.xml"
    path.write_text("<rss><channel><title>x</title><item><title>", encoding="utf-8")
    failure = only_failure(read_all(path))
    assert "feed" in failure.reason


def test_bad_files_in_a_folder_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"\x00\x01\x02binaire")
    (tmp_path / "2.txt").write_text("Un texte correct.", encoding="utf-8")
    (tmp_path / "3.txt").symlink_to(tmp_path / "nulle-part")
    (tmp_path / "4.txt").write_bytes(b"")
    items = read_all(tmp_path)
    assert [type(i).__name__ for i in items] == ["ReadFailure", "RawDocument", "ReadFailure", "ReadFailure"]
