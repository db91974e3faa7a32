"""What veille makes of the fixture corpus does not change unnoticed: the digest of each export
of the fixture store (timestamps left out) is the one pinned in tests/fixtures/exports.sha256.json.

After a change meant to alter the output, review the rows and regenerate the file (see
tests/pin_exports.py): `PYTHONPATH=src .venv/bin/python tests/pin_exports.py --rows /tmp/rows`."""

from __future__ import annotations

import json

import pytest
from pin_exports import EXPECTED, build_store, digests


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory, veille_nlp):
    # its own store: other tests rebuild the stories of the shared one
    store = build_store(tmp_path_factory.mktemp("pinned") / "fixtures.duckdb", veille_nlp)
    yield store
    store.close()


def test_the_exports_of_the_fixture_store_are_the_pinned_ones(fixture_store) -> None:
    expected = json.loads(EXPECTED.read_text("utf-8"))
    found = digests(fixture_store)
    changed = {table: (expected.get(table), found[table]) for table in found if expected.get(table) != found[table]}
    assert not changed, (
        f"exports changed: {changed}. If meant, review and regenerate: "
        "PYTHONPATH=src .venv/bin/python tests/pin_exports.py --rows /tmp/rows")
