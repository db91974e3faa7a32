"""The daily brief on real press (issue 18): a brief over real-dev with a watchlist on Russia and Germany
lists the Navalny events with their sources. The articles are from 2020: the brief is made for a past
day (`--as-of`) on the publication clock."""

from __future__ import annotations

import re

import pytest
from conftest import ingest

from veille.brief import Window, build_brief, load_watchlists
from veille.serve.brief_render import to_html, to_markdown

WATCHLIST = "watchlists:\n  russie-allemagne:\n    actors: [RUS, DEU]\n    dyads: [[RUS, DEU]]\n"


@pytest.fixture(scope="module")
def real_brief(shared, veille_nlp, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("brief-real-dev")
    store, _, _ = ingest(folder, [shared / "corpus" / "real" / "dev.jsonl"], veille_nlp, tables=())
    path = folder / "watchlists.yaml"
    path.write_text(WATCHLIST, "utf-8")
    navalny = {r[0] for r in store.con.execute(
        "SELECT doc_id FROM documents WHERE regexp_matches(title || ' ' || text, 'Navalny')").fetchall()}
    brief = build_brief(store, load_watchlists(path), Window.of("14d", "2020-09-14", "published"))
    store.close()
    return {"brief": brief, "navalny": navalny}


def test_the_russia_germany_brief_lists_the_navalny_events_with_their_sources(real_brief):
    assert len(real_brief["navalny"]) == 5
    [section] = real_brief["brief"]["sections"]
    events = section["events"]
    from_navalny = [e for e in events if {d["doc_id"] for d in e["documents"]} & real_brief["navalny"]]
    assert len(from_navalny) >= 10, [(e["type"], e["actors"], e["recipients"]) for e in events]
    for event in from_navalny:
        assert event["num_sources"] >= 1 and event["independent_sources"] is not None
        assert event["documents"] and all(d["href"].startswith("/documents/") for d in event["documents"])
    # Berlin and Moscow trade accusations: some event has Russia on one side and Germany on the other
    assert any(any("(RUS)" in a for a in e["actors"]) and any("(DEU)" in r for r in e["recipients"])
               or any("(DEU)" in a for a in e["actors"]) and any("(RUS)" in r for r in e["recipients"])
               for e in from_navalny)
    # every document of the Navalny story is linked from the brief
    linked = {d["doc_id"] for e in events for d in e["documents"]} | {
        d["doc_id"] for s in section["stories"] for d in s["documents"]}
    assert real_brief["navalny"] <= linked


def test_the_dyad_and_the_renderings(real_brief):
    [section] = real_brief["brief"]["sections"]
    [dyad] = section["dyads"]
    assert dyad["current"]["events"] > 0 and dyad["current"]["score"] < 0  # ultimatum, accusations, threats
    assert dyad["change"] == pytest.approx(dyad["current"]["score"] - dyad["previous"]["score"])
    markdown = to_markdown(real_brief["brief"])
    assert "Navalny" in markdown and re.search(r"\d+ source\(s\), dont \d+ indépendante\(s\)", markdown)
    assert "<script" not in to_html(real_brief["brief"])
