"""REST API over a real store served by a real uvicorn (fixtures in test_api_server.py): every
route, its filters and pagination, and bad parameters (readable 422, 404, never a trace)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from test_api_server import SYN_DOCS, SYN_EVENTS, SYN_STORY, XSS_IMG, XSS_SCRIPT, Served, free_port
from veille.model import load_model
from veille.store.queries import fold

pytest_plugins = ["test_api_server"]


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, f"{response.request.url}: {response.status_code} {response.text[:500]}"
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def problem(response: httpx.Response, status: int, *words: str) -> dict[str, Any]:
    assert response.status_code == status, f"{response.request.url}: {response.status_code} {response.text[:500]}"
    body = response.json()
    assert set(body) == {"error", "message", "details"}
    for word in words:
        assert word in body["message"], body
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body


def all_items(server: Served, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = ok(server.get(path, **params, limit=500, offset=len(items)))
        items += page["items"]
        if len(items) >= page["total"] or not page["items"]:
            return items


def parties(event: dict[str, Any], side: str) -> set[str]:
    value = event.get(side) or []
    return {k for p in value for k in (p.get("code"), p.get("actor_id")) if k}


# -- schema ---------------------------------------------------------------------------
def test_openapi_lists_every_route_and_derives_models_from_model_yaml(server: Served) -> None:
    spec = ok(server.get("/openapi.json"))
    paths = set(spec["paths"])
    for path in ("/api/stats", "/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
                 "/api/actors", "/api/actors/{key}", "/api/stories", "/api/stories/{story_id}", "/api/dyads/{a}/{b}",
                 "/api/graph", "/api/explain"):
        assert path in paths, path
    assert not any(p.startswith("/static") or not p.startswith("/api") for p in paths)
    schemas = spec["components"]["schemas"]
    model = load_model()
    for schema, table in (("Event", "events"), ("Mention", "mentions"), ("MergedEvent", "merged_events")):
        declared = model[table]
        assert set(declared.columns) <= set(schemas[schema]["properties"]), schema
        for f in declared.fields:
            if f.doc:
                assert schemas[schema]["properties"][f.name]["description"] == f.doc
    assert "text" not in schemas["DocumentHit"]["properties"]
    assert {"mentions", "events", "sources", "text"} <= set(schemas["DocumentDetail"]["properties"])


def test_stats_counts_the_store(server: Served) -> None:
    stats = ok(server.get("/api/stats"))
    con = server.app.state.serve.store.con
    assert stats["counts"]["documents"] == con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert stats["counts"]["events"] == con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert stats["counts"]["stories"] >= 1
    assert sum(o["documents"] for o in stats["outlets"]) <= stats["counts"]["documents"]


# -- documents ------------------------------------------------------------------------
def test_document_search_ignores_accents_and_case(server: Served) -> None:
    found = ok(server.get("/api/documents", q="Tokaïev"))
    assert found["total"] >= 3
    for spelling in ("tokaiev", "TOKAÏEV", "Tokaïev"):
        assert ok(server.get("/api/documents", q=spelling))["total"] == found["total"]
    ids = {d["doc_id"] for d in found["items"]}
    assert server.xss_doc_id in ids
    for hit in found["items"]:
        document = ok(server.get(f"/api/documents/{hit['doc_id']}"))
        assert "tokaiev" in fold(f"{document['title'] or ''} {document['text']}")
        assert "text" not in hit and isinstance(hit["snippet"], str)


def test_document_search_needs_every_word_and_takes_phrases(server: Served) -> None:
    one = ok(server.get("/api/documents", q="Almaty"))["total"]
    both = ok(server.get("/api/documents", q="Almaty Tokaïev"))["total"]
    assert 0 < both <= one
    phrase = ok(server.get("/api/documents", q='"maintien de la paix"'))
    for hit in phrase["items"]:
        text = ok(server.get(f"/api/documents/{hit['doc_id']}"))["text"]
        assert "maintien de la paix" in fold(text)
    assert ok(server.get("/api/documents", q="zzqxjw-nothing"))["total"] == 0


def test_document_filters(server: Served) -> None:
    outlet = ok(server.get("/api/stats"))["outlets"][0]
    by_outlet = ok(server.get("/api/documents", outlet=outlet["outlet"]))
    assert by_outlet["total"] == outlet["documents"]
    assert {d["outlet"] for d in by_outlet["items"]} == {outlet["outlet"]}

    dated = all_items(server, "/api/documents", since="2024-10-07", until="2024-10")
    assert dated and all(d["published"] >= "2024-10-07" and d["published"][:7] <= "2024-10" for d in dated)

    kaz = all_items(server, "/api/documents", actor="KAZ")
    assert kaz
    for hit in kaz[:5]:
        mentions = ok(server.get(f"/api/documents/{hit['doc_id']}"))["mentions"]
        assert any("KAZ" in (m["code"], m["actor_id"]) for m in mentions)

    story = ok(server.get("/api/documents", story=SYN_STORY))
    assert story["total"] == 2 and {d["doc_id"] for d in story["items"]} == set(SYN_DOCS)
    assert [d["lead"] for d in story["items"] if d["title"] is None] == [
        "La Serbie a livré une aide humanitaire au Kosovo le 2 avril 2023, a annoncé Belgrade."]


def test_document_pagination(server: Served) -> None:
    first = ok(server.get("/api/documents", limit=5))
    second = ok(server.get("/api/documents", limit=5, offset=5))
    assert first["total"] == second["total"] >= 10
    assert len(first["items"]) == 5
    assert not {d["doc_id"] for d in first["items"]} & {d["doc_id"] for d in second["items"]}
    assert [d["doc_id"] for d in all_items(server, "/api/documents")] == \
        [d["doc_id"] for d in ok(server.get("/api/documents", limit=500))["items"]]
    beyond = ok(server.get("/api/documents", offset=10_000))
    assert beyond["items"] == [] and beyond["total"] == first["total"]


def test_one_document_with_its_mentions_and_events(server: Served) -> None:
    document = ok(server.get(f"/api/documents/{server.article_doc_id}"))
    text = document["text"]
    assert document["mentions"] and document["events"] and document["sources"]
    for mention in document["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for event in document["events"]:
        assert event["doc_id"] == server.article_doc_id
        assert text[event["start"] : event["end"]].strip() == event["sentence"].strip()
    assert [m["start"] for m in document["mentions"]] == sorted(m["start"] for m in document["mentions"])
    # the topic model's reading of the article, shown on its page
    assert 0.0 <= document["politics"] <= 1.0
    page = server.get(f"/documents/{server.article_doc_id}")
    assert page.status_code == 200 and f'{document["politics"] * 100:.0f} %</span>' in page.text


def test_unknown_document_is_404(server: Served) -> None:
    problem(server.get("/api/documents/0000000000000000"), 404, "0000000000000000")


# -- events ---------------------------------------------------------------------------
def test_events_are_all_listed_newest_first(server: Served) -> None:
    total = server.app.state.serve.store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    everything = all_items(server, "/api/events")
    assert len(everything) == total == ok(server.get("/api/events"))["total"]
    dates = [e["date"] for e in everything if e["date"]]
    assert dates == sorted(dates, reverse=True)
    assert all(e["document"] and e["document"]["doc_id"] == e["doc_id"] for e in everything)


def test_event_filters(server: Served) -> None:
    kaz = all_items(server, "/api/events", actor="KAZ")
    assert kaz and all("KAZ" in parties(e, "actor") | parties(e, "recipient") for e in kaz)
    directed = all_items(server, "/api/events", actor="SRB", recipient="XKX")
    assert len(directed) == 3 and all("SRB" in parties(e, "actor") and "XKX" in parties(e, "recipient")
                                      for e in directed)
    typed = all_items(server, "/api/events", type="agree")
    assert typed and {e["type"] for e in typed} == {"AGREE"}
    reported = all_items(server, "/api/events", status="reported")
    assert reported and {e["status"] for e in reported} == {"reported"}
    window = all_items(server, "/api/events", since="2023-03-04", until="2023-03")
    assert {e["event_id"] for e in window} >= {"test-srb-xkx-1-001", "test-srb-xkx-1-002"}
    assert all(e["date"] >= "2023-03-04" and e["date"][:7] <= "2023-03" for e in window)
    story = all_items(server, "/api/events", story=SYN_STORY)
    assert len(story) == len(SYN_EVENTS)
    in_doc = all_items(server, "/api/events", doc_id=server.article_doc_id)
    assert in_doc and {e["doc_id"] for e in in_doc} == {server.article_doc_id}


def test_event_pagination_and_one_event(server: Served) -> None:
    page1 = ok(server.get("/api/events", limit=7))
    page2 = ok(server.get("/api/events", limit=7, offset=7))
    assert page1["total"] == page2["total"] and len(page1["items"]) == 7
    assert not {e["event_id"] for e in page1["items"]} & {e["event_id"] for e in page2["items"]}
    one = ok(server.get(f"/api/events/{page1['items'][0]['event_id']}"))
    assert one == page1["items"][0]
    problem(server.get("/api/events/no-such-event"), 404, "no-such-event")


@pytest.mark.parametrize(("params", "words"), [
    ({"limit": 0}, ["limit"]),
    ({"limit": 100_000}, ["limit"]),
    ({"limit": "ten"}, ["limit"]),
    ({"offset": -1}, ["offset"]),
    ({"since": "2022-13-01"}, ["since", "ISO date"]),
    ({"until": "yesterday"}, ["until", "ISO date"]),
    ({"status": "rumoured"}, ["status", "asserted"]),
    ({"actor": "x" * 500}, ["actor"]),
])
def test_bad_event_parameters_are_readable_422(server: Served, params: dict[str, Any], words: list[str]) -> None:
    body = problem(server.get("/api/events", **params), 422, *words)
    assert body["error"] == "invalid_parameter" and body["details"]


# -- actors ---------------------------------------------------------------------------
def test_actor_search(server: Served) -> None:
    found = ok(server.get("/api/actors", q="Tokaïev"))
    assert "tokayev" in {a["key"] for a in found["items"]}
    assert ok(server.get("/api/actors", q="tokaiev"))["total"] == found["total"]
    by_code = ok(server.get("/api/actors", q="kaz"))
    assert by_code["items"][0]["key"] == "KAZ" and by_code["items"][0]["label"] == "Kazakhstan"
    by_mention = ok(server.get("/api/actors", q="Serbie"))
    assert "SRB" in {a["key"] for a in by_mention["items"]}
    everyone = ok(server.get("/api/actors", limit=500))
    assert everyone["total"] >= 10 and len(everyone["items"]) == min(500, everyone["total"])
    page = ok(server.get("/api/actors", limit=3, offset=3))
    assert [a["key"] for a in page["items"]] == [a["key"] for a in everyone["items"][3:6]]


def test_one_actor_with_roles_events_and_partners(server: Served) -> None:
    kaz = ok(server.get("/api/actors/KAZ"))
    assert kaz["kind"] == "code" and kaz["knowledge_base"]["type"] == "state"
    assert kaz["events"]["total"] == ok(server.get("/api/events", actor="KAZ"))["total"] > 0
    assert sum(p["events"] for p in kaz["series"]) + kaz["imprecise"] == kaz["events"]["total"]
    assert [p["score"] for p in kaz["partners"]] == sorted((p["score"] for p in kaz["partners"]), reverse=True)
    assert all(p["score"] > 0 for p in kaz["partners"]) and all(p["score"] < 0 for p in kaz["adversaries"])
    assert "CSTO" in {p["code"] for p in kaz["partners"] + kaz["adversaries"]}

    tokayev = ok(server.get("/api/actors/tokayev"))
    assert tokayev["kind"] == "actor" and tokayev["code"] == "KAZ"
    assert any(r.get("title") == "président" and r.get("code") == "KAZ" for r in tokayev["knowledge_base"]["roles"])

    srb = ok(server.get("/api/actors/SRB", interval="week"))
    assert srb["adversaries"] == [] and srb["partners"][0]["code"] == "XKX"
    assert srb["partners"][0]["score"] == pytest.approx(8.5) and srb["partners"][0]["events"] == 4
    problem(server.get("/api/actors/NO-SUCH-ACTOR"), 404, "NO-SUCH-ACTOR")
    problem(server.get("/api/actors/KAZ", interval="fortnight"), 422, "interval")


# -- stories --------------------------------------------------------------------------
def test_stories(server: Served) -> None:
    stories = ok(server.get("/api/stories", limit=500))
    assert stories["total"] >= 2 and SYN_STORY in {s["story_id"] for s in stories["items"]}
    assert "profile" not in stories["items"][0]
    assert ok(server.get("/api/stories", actor="XKX"))["items"][0]["story_id"] == SYN_STORY
    assert ok(server.get("/api/stories", q="XKX"))["total"] >= 1
    story = ok(server.get(f"/api/stories/{SYN_STORY}"))
    assert [d["doc_id"] for d in story["documents"]] == list(SYN_DOCS)
    merged = story["merged_events"]
    assert [m["date"] for m in merged] == sorted(e[5] for e in SYN_EVENTS)
    assert all(m["story_id"] == SYN_STORY and m["provenance"][0]["doc_id"] in SYN_DOCS for m in merged)
    problem(server.get("/api/stories/no-such-story"), 404, "no-such-story")
    real = next(s for s in stories["items"] if s["story_id"] != SYN_STORY)
    assert ok(server.get(f"/api/stories/{real['story_id']}"))["documents"]


# -- dyads and graph ------------------------------------------------------------------
def test_dyad_series_sums_scores_per_month_and_week(server: Served) -> None:
    dyad = ok(server.get("/api/dyads/SRB/XKX"))
    assert dyad["total"] == 4 and dyad["imprecise"] == 0
    assert dyad["totals"]["score"] == pytest.approx(8.5)
    by_month = {p["period"]: p for p in dyad["series"]}
    assert set(by_month) == {"2023-03", "2023-04"}
    march = by_month["2023-03"]
    assert (march["events"], march["score"], march["cooperation"], march["conflict"]) == (3, -1.5, 2.5, -4.0)
    assert march["a_to_b"] == {"events": 2, "score": 0.5} and march["b_to_a"] == {"events": 1, "score": -2.0}
    weekly = ok(server.get("/api/dyads/XKX/SRB", interval="week"))
    assert [(p["period"], p["events"], p["score"]) for p in weekly["series"]] == [
        ("2023-02-27", 2, -4.0), ("2023-03-13", 1, 2.5), ("2023-03-27", 1, 10.0)]
    assert weekly["series"][0]["a_to_b"] == {"events": 1, "score": -2.0}
    yearly = ok(server.get("/api/dyads/SRB/XKX", interval="year", since="2023-03-10"))
    assert yearly["total"] == 2 and yearly["series"] == [
        {"period": "2023", "events": 2, "score": 12.5, "cooperation": 12.5, "conflict": 0.0,
         "a_to_b": {"events": 2, "score": 12.5}, "b_to_a": {"events": 0, "score": 0.0}}]
    assert [e["date"] for e in dyad["items"]] == ["2023-04-02", "2023-03-18", "2023-03-04", "2023-03-03"]


def test_dyad_of_real_actors_and_bad_dyads(server: Served) -> None:
    dyad = ok(server.get("/api/dyads/KAZ/CSTO"))
    assert dyad["total"] > 0 and dyad["a_label"] == "Kazakhstan"
    for event in all_items(server, "/api/dyads/KAZ/CSTO"):
        sides = parties(event, "actor"), parties(event, "recipient")
        assert ("KAZ" in sides[0] and "CSTO" in sides[1]) or ("CSTO" in sides[0] and "KAZ" in sides[1])
    assert sum(p["events"] for p in dyad["series"]) + dyad["imprecise"] == dyad["total"]
    problem(server.get("/api/dyads/KAZ/KAZ"), 422, "two different")
    problem(server.get("/api/dyads/KAZ/NOPE"), 404, "NOPE")
    problem(server.get("/api/dyads/KAZ/RUS", interval="day"), 422, "interval")


def test_graph(server: Served) -> None:
    graph = ok(server.get("/api/graph"))
    codes = {n["code"] for n in graph["nodes"]}
    assert {"KAZ", "RUS", "CSTO", "SRB", "XKX"} <= codes
    assert all(e["source"] in codes and e["target"] in codes and e["source"] < e["target"] for e in graph["edges"])
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("SRB", "XKX"))
    assert (edge["events"], edge["score"], edge["forward"], edge["backward"]) == (4, 8.5, 3, 1)
    window = ok(server.get("/api/graph", since="2023-03-01", until="2023-03-31"))
    assert {n["code"] for n in window["nodes"]} >= {"SRB", "XKX"}
    assert next(e for e in window["edges"] if e["source"] == "SRB")["events"] == 3
    small = ok(server.get("/api/graph", max_nodes=2))
    assert len(small["nodes"]) == 2 and small["truncated"]
    problem(server.get("/api/graph", max_nodes=0), 422, "max_nodes")
    problem(server.get("/api/graph", since="2023/03/01"), 422, "since")


# -- errors, safety, serving ------------------------------------------------------------
def test_unknown_routes_and_methods_are_json_errors(server: Served) -> None:
    problem(server.get("/api/nothing-here"), 404)
    body = problem(httpx.post(server.base + "/api/events", json={}), 405, "read-only")
    assert body["error"] == "method_not_allowed"
    problem(httpx.delete(f"{server.base}/api/documents/{server.article_doc_id}"), 405)


def test_xss_document_is_stored_and_returned_as_data(server: Served) -> None:
    document = ok(server.get(f"/api/documents/{server.xss_doc_id}"))
    assert XSS_SCRIPT in document["text"] and XSS_IMG in document["text"] and XSS_SCRIPT in document["title"]


def test_parallel_requests_each_get_their_own_connection(server: Served) -> None:
    paths = ["/api/events?actor=KAZ", "/api/documents?q=Almaty", "/api/actors/KAZ", "/api/graph",
             f"/api/stories/{SYN_STORY}", "/api/dyads/SRB/XKX"] * 5
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(lambda p: httpx.get(server.base + p, timeout=60).status_code, paths))
    assert statuses == [200] * len(paths)


def test_store_is_served_read_only(server: Served) -> None:
    import duckdb

    with pytest.raises(duckdb.Error, match="read-only"):
        server.app.state.serve.store.con.cursor().execute("CREATE TABLE intruder (x INTEGER)")


def _raw_get(base: str, target: str) -> tuple[int, bytes]:
    """GET with the request target sent byte for byte (no client-side path normalisation)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def test_static_files_are_served_but_never_outside_their_folder(server: Served) -> None:
    css = httpx.get(server.base + "/static/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    for target in ("/static/../pyproject.toml", "/static/..%2fpyproject.toml", "/static/%2e%2e/pyproject.toml",
                   "/static/%2e%2e%2fpyproject.toml", "/static/%2E%2E%2F%2E%2E%2Fpyproject.toml",
                   "/static/..%5cpyproject.toml", "/static/..\\pyproject.toml", "/static/%252e%252e%252fpyproject.toml",
                   "/static/....//pyproject.toml", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
                   "/static/../../../../etc/passwd", "/static/app.css/../../pyproject.toml", "/static/",
                   "/static/%00app.css", "/static/templates", "/static/../templates/base.html"):
        status, data = _raw_get(server.base, target)
        assert status in (400, 404), (target, status)
        assert b"[project]" not in data and b"root:" not in data and b"{% block" not in data, target


def test_html_pages_send_a_content_security_policy(server: Served) -> None:
    page = httpx.get(server.base + "/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_cli_serve_binds_localhost_by_default(served_store: Path, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "veille.cli", "serve", "--db", str(served_store),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "veille serve did not start"
            time.sleep(0.2)
        listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                     if line.split()[3] == "0A"]  # state LISTEN
        assert f"0100007F:{port:04X}" in listening
        assert not any(address == f"00000000:{port:04X}" for address in listening)
    finally:
        process.terminate()
        process.wait(10)
    missing = subprocess.run([sys.executable, "-m", "veille.cli", "serve", "--db", str(tmp_path / "none.duckdb")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no store" in missing.stderr
