"""JSON Lines files are streamed: the size limit applies to each record, not to the file."""

from __future__ import annotations

import json

from veille.ingest.readers import iter_raw
from veille.ingest.types import RawDocument, ReadFailure


def test_a_jsonl_file_larger_than_the_limit_is_read_record_by_record(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(300):
            handle.write(json.dumps({"id": f"r{i}", "text": f"Dépêche {i} : Moscou a envoyé des troupes."}) + "\n")
        handle.write(json.dumps({"id": "huge", "text": "mot " * 5000}) + "\n")
        handle.write('{"id": "cut", "text": "Erevan a annon\n')
        handle.write(json.dumps({"id": "last", "text": "Erevan a annoncé la fin des combats."}) + "\n")
    items = list(iter_raw([path], max_bytes=10_000))
    documents = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert path.stat().st_size > 10_000
    assert len(documents) == 301 and documents[-1].source == "last"
    assert [f.source for f in failures] == [f"{path}:301", f"{path}:302"]
    assert "too large" in failures[0].reason and "invalid JSON" in failures[1].reason


def test_a_cp1252_jsonl_record_keeps_its_accents(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes('{"id": "a", "text": "Évacuation à Erevan décidée."}\n'.encode("cp1252"))
    (doc,) = list(iter_raw([path]))
    assert isinstance(doc, RawDocument) and doc.text == "Évacuation à Erevan décidée."
