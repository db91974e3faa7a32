"""Events filtered by their confidence and by their document's politics probability, everywhere events are
served: the queries (indexed pages against the scan), the real `veille` command (events, export, migrate on
an old store file), the REST API on a real uvicorn and the /events page in a real Chromium. The store is
the served one of test_api_server.py: the fixture corpus parsed by the real pipeline (real confidences and
politics) and the synthetic Balkans story (confidence 0.9, documents without politics)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb

from test_api_server import SYN_DOCS, Served, Tab
from test_cli import veille
from veille.store import Store, derived, queries
from veille.store.queries import Cursor, EventFilter

pytest_plugins = ["test_api_server"]

FLOORS = queries.thresholds()


def _reader(server: Served) -> Cursor:
    return Cursor.of(server.app.state.serve.store)


def _scanned_total(server: Served, **floors: Any) -> int:
    reader = _reader(server)
    try:
        return queries.scanned_events(reader, EventFilter(limit=1, **floors))[0]
    finally:
        reader.close()


def _middle(server: Served, column: str) -> float:
    """A floor that keeps some of the served events and leaves others out."""
    reader = _reader(server)
    try:
        values = sorted(r[0] for r in reader.con.execute(f"SELECT {column} FROM events WHERE {column} IS NOT NULL"
                                                         ).fetchall())
    finally:
        reader.close()
    assert len(set(values)) > 2, f"the served events need varied {column} values"
    return round(values[len(values) // 2], 3)


def test_the_served_events_carry_their_documents_politics(server: Served) -> None:
    reader = _reader(server)
    try:
        differing = reader.con.execute("SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
                                       "WHERE e.politics IS DISTINCT FROM d.politics").fetchone()[0]
        parsed = reader.con.execute("SELECT count(*) FROM events WHERE politics IS NOT NULL").fetchone()[0]
    finally:
        reader.close()
    assert differing == 0 and parsed > 0
    event = server.get(f"/api/events/{SYN_DOCS[0]}-000").json()
    assert event["politics"] is None and event["confidence"] == 0.9


def test_the_api_filters_by_confidence_and_politics(server: Served) -> None:
    assert server.get("/api/thresholds").json() == FLOORS
    assert FLOORS["min_confidence"] is not None and FLOORS["min_politics"] is not None
    everything = server.get("/api/events", limit=1).json()["total"]
    confidence, politics = _middle(server, "confidence"), _middle(server, "politics")
    for floors in ({"min_confidence": confidence}, {"min_politics": politics},
                   {"min_confidence": confidence, "min_politics": politics}, {"min_confidence": 0.0}):
        page = server.get("/api/events", limit=500, **floors).json()
        assert page["total"] == len(page["items"]) == _scanned_total(server, **floors)
        for item in page["items"]:
            assert item["confidence"] >= floors.get("min_confidence", 0.0)
            if "min_politics" in floors:
                assert item["politics"] is not None and item["politics"] >= floors["min_politics"]
                assert item["document"]["doc_id"] not in SYN_DOCS  # documents without politics do not pass
        assert page["total"] <= everything
    assert 0 < server.get("/api/events", limit=1, min_confidence=confidence).json()["total"] < everything
    assert server.get("/api/events", limit=1, min_confidence=0.0).json()["total"] == everything
    # an actor's page is read from the event index: the floors filter it as the scan does
    kaz = server.get("/api/events", actor="KAZ", limit=500, min_confidence=confidence).json()
    reader = _reader(server)
    try:
        scanned = queries.scanned_events(reader, EventFilter(actor="KAZ", limit=500, min_confidence=confidence))
    finally:
        reader.close()
    assert kaz["total"] == scanned[0] and [e["event_id"] for e in kaz["items"]] == [e["event_id"] for e in scanned[1]]
    graph = server.get("/api/graph", min_politics=0.99).json()
    assert sum(e["events"] for e in graph["edges"]) <= sum(
        e["events"] for e in server.get("/api/graph").json()["edges"])
    for bad in ({"min_confidence": 1.5}, {"min_politics": -0.1}, {"min_confidence": "high"}):
        assert server.get("/api/events", **bad).status_code == 422, bad
    spec = server.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"min_confidence", "min_politics"} <= names


def _events_total(output: str) -> int:
    found = re.search(r"(\d+) of (\d+) events", output)
    assert found, output
    return int(found.group(2))


def test_the_command_line_filters_events_and_exports(server: Served, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(server.db, db)
    confidence = _middle(server, "confidence")
    shown = veille("events", "--db", str(db), "--min-confidence", str(confidence), "--limit", "3")
    assert shown.returncode == 0, shown.stderr
    assert _events_total(shown.stdout) == _scanned_total(server, min_confidence=confidence)
    model = veille("events", "--db", str(db), "--min-confidence", "model", "--min-politics", "model")
    assert model.returncode == 0, model.stderr
    assert _events_total(model.stdout) == _scanned_total(server, min_confidence=FLOORS["min_confidence"],
                                                         min_politics=FLOORS["min_politics"])
    assert "--min-confidence" in veille("events", "--help").stdout
    out = tmp_path / "events.jsonl"
    exported = veille("export", "events", "--db", str(db), "--min-politics", "model", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == _scanned_total(server, min_politics=FLOORS["min_politics"]) > 0
    assert all(r["politics"] >= FLOORS["min_politics"] for r in rows)
    documents = veille("export", "documents", "--db", str(db), "--min-politics", "0.5")
    assert documents.returncode == 0, documents.stderr
    assert all(json.loads(line)["politics"] >= 0.5 for line in documents.stdout.splitlines())
    for args, message in ((("export", "mentions", "--min-politics", "0.5"), "min_politics filters"),
                          (("export", "events", "--min-confidence", "1.5"), "0 to 1"),
                          (("events", "--min-confidence", "sure"), "nor 'model'")):
        refused = veille(*args, "--db", str(db))
        assert refused.returncode == 2 and message in refused.stderr + refused.stdout, (args, refused.stderr)


def test_an_old_store_file_is_upgraded_in_place_by_migrate(server: Served, tmp_path: Path) -> None:
    """A store file of schema version 12 (events without politics, the event index without the floors' columns)
    is refused by the read commands, then `veille migrate` upgrades it in place without losing a row."""
    db = tmp_path / "v12.duckdb"
    shutil.copyfile(server.db, db)
    kept = ("documents", "sources", "sentences", "mentions", "events")  # (migrate also merges stale stories)
    with Store(db) as store:
        counts = {name: n for name, n in store.counts().items() if name in kept}
        events = store.con.execute("SELECT event_id, confidence FROM events ORDER BY event_id").fetchall()
        with derived.unindexed(store.con, "events"):  # DuckDB alters no indexed table
            store.con.execute("ALTER TABLE events DROP COLUMN politics")
        store.con.execute("ALTER TABLE event_index DROP COLUMN confidence")
        store.con.execute("ALTER TABLE event_index DROP COLUMN politics")
        store.con.execute("DELETE FROM schema_version WHERE version >= 13")
    refused = veille("events", "--db", str(db), "--min-politics", "0.5")
    assert refused.returncode != 0 and "schema version 12" in refused.stdout + refused.stderr
    migrated = veille("migrate", "--db", str(db))
    assert migrated.returncode == 0 and "schema version 13" in migrated.stderr, migrated.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT event_id, confidence FROM events ORDER BY event_id").fetchall() == events
        assert con.execute("SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
                           "WHERE e.politics IS DISTINCT FROM d.politics").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM event_index i JOIN events e USING (event_id) WHERE "
                           "i.confidence IS DISTINCT FROM e.confidence OR i.politics IS DISTINCT FROM e.politics"
                           ).fetchone()[0] == 0
    finally:
        con.close()
    with Store(db, read_only=True) as store:
        assert {name: n for name, n in store.counts().items() if name in kept} == counts
    shown = veille("events", "--db", str(db), "--actor", "KAZ", "--min-politics", "model")
    assert shown.returncode == 0, shown.stderr
    assert _events_total(shown.stdout) > 0


def test_the_events_page_has_a_floor_control(server: Served, tab: Tab) -> None:
    tab.open(server.base, "/events")
    count = tab.page.locator("h2 .count")
    everything = int(count.get_attribute("data-total") or 0)
    confidence = tab.page.get_by_label("Confiance min.")
    politics = tab.page.get_by_label("Politique min.")
    assert confidence.get_attribute("placeholder") == str(FLOORS["min_confidence"])
    assert politics.get_attribute("placeholder") == str(FLOORS["min_politics"])
    floor = _middle(server, "confidence")
    confidence.fill(str(floor))
    confidence.press("Enter")
    tab.page.wait_for_url(re.compile(r"min_confidence="))
    filtered = int(count.get_attribute("data-total") or 0)
    assert filtered == server.get("/api/events", min_confidence=floor).json()["total"] < everything
    assert float(tab.page.get_by_label("Confiance min.").input_value()) == floor
    tab.shot("events-min-confidence")
    # the model's thresholds: the button fills the empty floors with them
    tab.page.get_by_label("Confiance min.").fill("")
    tab.page.get_by_role("button", name="Seuils du modèle").click()
    tab.page.wait_for_url(re.compile(r"thresholds=model"))
    assert float(tab.page.get_by_label("Confiance min.").input_value()) == FLOORS["min_confidence"]
    assert float(tab.page.get_by_label("Politique min.").input_value()) == FLOORS["min_politics"]
    expected = server.get("/api/events", min_confidence=FLOORS["min_confidence"],
                          min_politics=FLOORS["min_politics"]).json()["total"]
    assert int(tab.page.locator("h2 .count").get_attribute("data-total") or 0) == expected
    rows = tab.page.locator("table.events tbody tr")
    assert rows.count() == min(expected, 30)
    tab.shot("events-model-thresholds")
    assert tab.errors == [] and tab.dialogs == []
    response = tab.page.goto(server.base + "/events?min_politics=2")
    assert response is not None and response.status == 422
    assert "min_politics" in tab.page.locator(".error-message").inner_text()
    assert all("status of 422" in error for error in tab.errors) and tab.dialogs == [], tab.errors


def _floored_pair(server: Served) -> tuple[str, str, float]:
    """The two codes with most events between them, and a confidence floor that keeps some of those events
    and leaves others out."""
    edges = server.get("/api/graph", max_nodes=500).json()["edges"]
    reader = _reader(server)
    try:
        for edge in edges:
            a, b = edge["source"], edge["target"]
            _, rows = queries.scanned_events(reader, EventFilter(actor=a, recipient=b, directed=False, limit=500))
            values = sorted({row["confidence"] for row in rows})
            if len(values) > 2:
                return a, b, values[len(values) // 2]
    finally:
        reader.close()
    raise AssertionError("no pair of the served events has varied confidences")


def _listed(server: Served, flt: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    reader = _reader(server)
    try:
        return queries.scanned_events(reader, flt)
    finally:
        reader.close()


def test_an_actors_totals_follow_the_floors_of_its_events(server: Served) -> None:
    """The actor route's events, timeline and partners all keep the events the floors keep: its totals are
    those of the list they head."""
    a, _, floor = _floored_pair(server)
    everything = server.get(f"/api/actors/{a}", limit=500).json()
    for floors in ({"min_confidence": floor}, {"min_confidence": floor, "min_politics": _middle(server, "politics")}):
        found = server.get(f"/api/actors/{a}", limit=500, **floors).json()
        total, rows = _listed(server, EventFilter(actor=a, limit=500, **floors))
        assert found["events"]["total"] == total == len(found["events"]["items"]) < everything["events"]["total"]
        assert [e["event_id"] for e in found["events"]["items"]] == [e["event_id"] for e in rows]
        assert sum(p["events"] for p in found["series"]) + found["imprecise"] == total
        reader = _reader(server)
        try:
            expected = queries.scanned_partners(reader, a, **floors)
        finally:
            reader.close()
        for side in ("partners", "adversaries"):
            assert [(p["code"], p["events"], round(p["score"], 6)) for p in found[side]] == [
                (p["code"], p["events"], round(p["score"], 6)) for p in expected[side]]
    # an actor whose every event is under the floors is still known (the SRB of the synthetic story)
    srb = server.get("/api/actors/SRB", min_politics=0.5)
    assert srb.status_code == 200 and srb.json()["events"]["total"] == 0 and srb.json()["series"] == []
    assert server.get("/api/actors/SRB", min_confidence=1.5).status_code == 422


def test_a_dyads_totals_follow_the_floors_of_its_events(server: Served) -> None:
    a, b, floor = _floored_pair(server)
    everything = server.get(f"/api/dyads/{a}/{b}", limit=500).json()
    found = server.get(f"/api/dyads/{a}/{b}", limit=500, min_confidence=floor).json()
    total, rows = _listed(server, EventFilter(actor=a, recipient=b, directed=False, limit=500, min_confidence=floor))
    assert found["total"] == total == len(found["items"]) < everything["total"]
    assert [e["event_id"] for e in found["items"]] == [e["event_id"] for e in rows]
    assert all(e["confidence"] >= floor for e in found["items"])
    assert found["totals"]["events"] == total
    assert round(found["totals"]["score"], 6) == round(sum(e["score"] or 0.0 for e in rows), 6)
    assert sum(p["events"] for p in found["series"]) + found["imprecise"] == total
    directed = _listed(server, EventFilter(actor=a, recipient=b, limit=1, min_confidence=floor))[0]
    assert sum(p["a_to_b"]["events"] for p in found["series"]) <= directed
    # the synthetic story's documents have no politics: no event of theirs passes a politics floor
    srb = server.get("/api/dyads/SRB/XKX", min_politics=0.1).json()
    assert srb["total"] == srb["totals"]["events"] == 0 and srb["series"] == [] and srb["totals"]["score"] == 0
    assert server.get("/api/dyads/SRB/XKX").json()["total"] == 4
    spec = server.get("/openapi.json").json()
    for path in ("/api/actors/{key}", "/api/dyads/{a}/{b}"):
        assert {"min_confidence", "min_politics"} <= {p["name"] for p in spec["paths"][path]["get"]["parameters"]}


def test_the_actor_and_dyad_pages_count_what_their_floors_keep(server: Served, tab: Tab) -> None:
    a, b, floor = _floored_pair(server)
    tab.open(server.base, f"/actors/{a}")
    count = tab.page.locator("#actor-events-title .count")
    everything = int(count.get_attribute("data-total") or 0)
    tab.page.get_by_label("Confiance min.").fill(str(floor))
    tab.page.get_by_label("Confiance min.").press("Enter")
    tab.page.wait_for_url(re.compile(r"min_confidence="))
    expected = server.get(f"/api/actors/{a}", min_confidence=floor).json()
    assert int(count.get_attribute("data-total") or 0) == expected["events"]["total"] < everything
    assert float(tab.page.get_by_label("Confiance min.").input_value()) == floor
    shown = [int(n) for n in tab.page.locator("table.partners tbody td:nth-child(3), "
                                              "table.adversaries tbody td:nth-child(3)").all_inner_texts()]
    assert shown == [p["events"] for p in expected["partners"] + expected["adversaries"]]
    tab.shot("actor-min-confidence")
    # the heading's link to the event list and the dyad links keep the floors: the list counts as many
    tab.page.locator("p.meta a", has_text="événements").click()
    tab.page.wait_for_url(re.compile(r"/events\?.*min_confidence="))
    assert int(tab.page.locator("h2 .count").get_attribute("data-total") or 0) == expected["events"]["total"]
    tab.open(server.base, f"/dyads/{a}/{b}?min_confidence={floor}")
    dyad = server.get(f"/api/dyads/{a}/{b}", min_confidence=floor).json()
    assert int(tab.page.locator("p .count").get_attribute("data-total") or 0) == dyad["total"]
    periods = tab.page.locator("table.series tbody tr td:nth-child(2)").all_inner_texts()
    assert [int(n) for n in periods] == [p["events"] for p in dyad["series"]]
    # the model's thresholds button fills the empty floors
    tab.page.get_by_label("Confiance min.").fill("")
    tab.page.get_by_role("button", name="Seuils du modèle").click()
    tab.page.wait_for_url(re.compile(r"thresholds=model"))
    assert float(tab.page.get_by_label("Confiance min.").input_value()) == FLOORS["min_confidence"]
    modelled = server.get(f"/api/dyads/{a}/{b}", min_confidence=FLOORS["min_confidence"],
                          min_politics=FLOORS["min_politics"]).json()
    assert int(tab.page.locator("p .count").get_attribute("data-total") or 0) == modelled["total"]
    tab.shot("dyad-model-thresholds")
    assert tab.errors == [] and tab.dialogs == []


def test_the_graph_page_counts_what_its_floors_keep(server: Served, tab: Tab) -> None:
    """The graph page's floors choose the events its edges count (those of /api/graph with the same floors), and
    its links to the actor and dyad pages keep them."""
    a, b, floor = _floored_pair(server)
    everything = server.get("/api/graph", max_nodes=500).json()
    floored = server.get("/api/graph", max_nodes=500, min_confidence=floor).json()
    assert sum(e["events"] for e in floored["edges"]) < sum(e["events"] for e in everything["edges"])
    tab.open(server.base, "/graph?max_nodes=500")
    tab.page.get_by_label("Confiance min.").fill(str(floor))
    tab.page.get_by_label("Confiance min.").press("Enter")
    tab.page.wait_for_url(re.compile(r"/graph\?.*min_confidence="))
    rows = tab.page.locator("table.edges-table tbody tr")
    shown = {(r.locator("td").nth(0).inner_text(), int(r.locator("td").nth(1).inner_text()))
             for r in rows.all()}
    assert shown == {(f"{e['source']} – {e['target']}", e["events"]) for e in floored["edges"][:100]}
    link = tab.page.locator("table.edges-table a", has_text=f"{min(a, b)} – {max(a, b)}")
    assert f"min_confidence={floor}" in (link.get_attribute("href") or "")
    link.click()
    tab.page.wait_for_url(re.compile(r"/dyads/.*min_confidence="))
    dyad = server.get(f"/api/dyads/{a}/{b}", min_confidence=floor).json()
    assert int(tab.page.locator("p .count").get_attribute("data-total") or 0) == dyad["total"]
    # the model's thresholds button fills the empty floors here too
    tab.open(server.base, "/graph")
    tab.page.get_by_role("button", name="Seuils du modèle").click()
    tab.page.wait_for_url(re.compile(r"thresholds=model"))
    assert float(tab.page.get_by_label("Confiance min.").input_value()) == FLOORS["min_confidence"]
    modelled = server.get("/api/graph", min_confidence=FLOORS["min_confidence"],
                          min_politics=FLOORS["min_politics"]).json()
    assert tab.page.locator("table.edges-table tbody tr").count() == min(100, len(modelled["edges"]))
    assert tab.errors == [] and tab.dialogs == []
