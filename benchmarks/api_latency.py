"""API latency on a large synthetic store: p50/p95 of every route of `veille serve`, and its memory.

    .venv/bin/python benchmarks/api_latency.py [--events 100000] [--requests 40] [--db FILE] [--keep]

Builds a store of synthetic but realistic rows (French sentences, mentions with offsets,
PLOVER events with scores, stories and merged events) through `Store.write` in big
batches, starts uvicorn on a free 127.0.0.1 port in a subprocess, then times each route
with httpx (sequential requests, one warm-up each), and prints the server's resident memory
(now and peak). `cpu ms` is the CPU time the server used per request (all its threads): on a
machine shared with other work, wall times grow with the load, this much less. Rows are
generated from a fixed seed, so two runs measure the same store.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from veille.store import Batch, Store

STATES = {
    "KAZ": ("Kazakhstan", "le Kazakhstan", "kazakh"), "RUS": ("Russie", "la Russie", "russe"),
    "ARM": ("Arménie", "l'Arménie", "arménien"), "AZE": ("Azerbaïdjan", "l'Azerbaïdjan", "azerbaïdjanais"),
    "TUR": ("Turquie", "la Turquie", "turc"), "FRA": ("France", "la France", "français"),
    "MLI": ("Mali", "le Mali", "malien"), "UKR": ("Ukraine", "l'Ukraine", "ukrainien"),
    "FIN": ("Finlande", "la Finlande", "finlandais"), "SWE": ("Suède", "la Suède", "suédois"),
    "USA": ("États-Unis", "les États-Unis", "américain"), "CHN": ("Chine", "la Chine", "chinois"),
    "DEU": ("Allemagne", "l'Allemagne", "allemand"), "IRN": ("Iran", "l'Iran", "iranien"),
    "KGZ": ("Kirghizstan", "le Kirghizstan", "kirghiz"), "UZB": ("Ouzbékistan", "l'Ouzbékistan", "ouzbek"),
    "GEO": ("Géorgie", "la Géorgie", "géorgien"), "BLR": ("Biélorussie", "la Biélorussie", "biélorusse"),
    "POL": ("Pologne", "la Pologne", "polonais"), "SRB": ("Serbie", "la Serbie", "serbe"),
}
IGOS = {"CSTO": ("OTSC", "l'OTSC"), "NATO": ("OTAN", "l'OTAN"), "EU": ("UE", "l'Union européenne"),
        "UN": ("ONU", "l'ONU"), "OTS": ("OETT", "l'Organisation des États turciques")}
PEOPLE = [("tokayev", "Kassym-Jomart Tokaïev", "KAZ"), ("putin", "Vladimir Poutine", "RUS"),
          ("erdogan", "Recep Tayyip Erdogan", "TUR"), ("macron", "Emmanuel Macron", "FRA"),
          ("pashinyan", "Nikol Pachinian", "ARM"), ("aliyev", "Ilham Aliev", "AZE"),
          ("zelensky", "Volodymyr Zelensky", "UKR"), ("stoltenberg", "Jens Stoltenberg", "NATO"),
          ("xi", "Xi Jinping", "CHN"), ("goita", "Assimi Goïta", "MLI")]
# (type, mode, score, French verb phrase between actor and recipient)
EVENTS = [
    ("REQUEST", "assist", 0.5, "a demandé l'aide de"), ("MOBILIZE", "troops", -6.5, "a déployé des soldats vers"),
    ("CONSULT", "visit", 4.0, "s'est rendu auprès de"), ("CONSULT", "phone", 1.5, "s'est entretenu avec"),
    ("ACCUSE", "disapprove", -2.0, "a dénoncé"), ("THREATEN", "relations", -3.5, "a menacé"),
    ("AGREE", None, 2.5, "a signé un accord avec"), ("SANCTION", None, -6.0, "a imposé des sanctions à"),
    ("ASSAULT", "firearms", -9.0, "a ouvert le feu contre"), ("AID", None, 10.0, "a livré une aide humanitaire à"),
    ("RETREAT", "withdraw", 8.0, "a retiré ses troupes de"), ("REJECT", None, -2.0, "a rejeté la demande de"),
    ("COOPERATE", None, 9.5, "a renforcé sa coopération avec"), ("PROTEST", "demo", -5.0, "a manifesté contre"),
]
STATUSES = ["asserted"] * 6 + ["reported"] * 3 + ["future", "hypothetical", "negated"]
OUTLETS = ["lemonde.fr", "lefigaro.fr", "rfi.fr", "france24.com", "liberation.fr", "lci.fr",
           "courrier-international.com", "la-croix.com", "ouest-france.fr", "euronews.com"]
FILLER = [
    "Selon plusieurs sources diplomatiques, la situation reste tendue dans la région.",
    "Les autorités n'ont pas souhaité commenter ces informations dans l'immédiat.",
    "Des analystes estiment que cette décision pourrait modifier l'équilibre régional.",
    "La veille, des milliers de personnes s'étaient rassemblées dans la capitale.",
    "Le ministère des Affaires étrangères a publié un communiqué en fin de journée.",
    "Cette annonce intervient après plusieurs semaines de négociations difficiles.",
]


def _party(code: str, rng: random.Random) -> tuple[str, dict[str, Any], str]:
    """(surface text, party dict, mention label) for an actor code, sometimes a person of that code."""
    people = [p for p in PEOPLE if p[2] == code]
    if people and rng.random() < 0.3:
        actor_id, name, _ = rng.choice(people)
        return name, {"text": name, "actor_id": actor_id, "code": code, "sector": "GOV"}, "PER"
    if code in IGOS:
        short, long = IGOS[code]
        text = rng.choice([short, long])
        return text, {"text": text, "actor_id": code.lower(), "code": code, "sector": None}, "ORG"
    name, with_article, _ = STATES[code]
    text = rng.choice([name, with_article])
    return text, {"text": text, "actor_id": code, "code": code, "sector": None}, "LOC"


def _document(number: int, n_events: int, rng: random.Random, story: tuple[str, str, str, date]) -> dict[str, Any]:
    """One document with its sentences, mentions and events (all offsets consistent)."""
    story_id, code_a, code_b, day0 = story
    published = day0 + timedelta(days=rng.randint(0, 20))
    outlet = rng.choice(OUTLETS)
    doc_id = f"syn{number:08d}"
    source = f"https://{outlet}/article/{number}"
    text = ""
    sentences: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    codes = list(STATES) + list(IGOS)

    def add(sentence: str) -> int:
        nonlocal text
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        sentences.append({"doc_id": doc_id, "idx": len(sentences), "start": start, "end": start + len(sentence)})
        return start

    for k in range(n_events):
        a = code_a if k % 2 == 0 else rng.choice(codes)
        b = code_b if rng.random() < 0.7 else rng.choice([c for c in codes if c != a])
        a_text, a_party, a_label = _party(a, rng)
        b_text, b_party, b_label = _party(b, rng)
        etype, mode, score, verb = rng.choice(EVENTS)
        when = published - timedelta(days=rng.randint(0, 3))
        date_text = f"le {when.day} {['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][when.month - 1]}"  # noqa: E501
        head = a_text[0].upper() + a_text[1:]
        sentence = f"{head} {verb} {b_text} {date_text}."
        start = add(sentence)
        b_start = start + len(head) + 1 + len(verb) + 1
        d_start = b_start + len(b_text) + 1
        for m_start, m_text, label, party in ((start, a_text, a_label, a_party), (b_start, b_text, b_label, b_party)):
            mentions.append({"doc_id": doc_id, "source": source, "start": m_start, "end": m_start + len(m_text),
                             "text": m_text, "label": label, "actor_id": party["actor_id"], "code": party["code"],
                             "sector": party["sector"], "value": None})
        mentions.append({"doc_id": doc_id, "source": source, "start": d_start, "end": d_start + len(date_text),
                         "text": date_text, "label": "DATE", "value": when.isoformat()})
        status = rng.choice(STATUSES)
        size = {"troops": rng.choice([100, 2500, 3000])} if etype == "MOBILIZE" else None
        events.append({
            "event_id": f"{doc_id}-{k:03d}", "doc_id": doc_id, "source": source, "type": etype, "mode": mode,
            "context": [], "actor": [a_party], "recipient": [b_party], "status": status,
            "reported_by": {"text": "l'agence Interfax", "actor_id": None, "code": None} if status == "reported"
            else None,
            "date": when.isoformat(), "date_precision": "day", "date_text": date_text, "date_fallback": False,
            "size": size, "location": None, "sentence": sentence, "start": start, "end": start + len(sentence),
            "trigger": verb.split()[1], "score": score, "confidence": round(rng.uniform(0.5, 0.95), 2),
        })
        add(rng.choice(FILLER))
    place = STATES[code_a][0] if code_a in STATES else IGOS[code_a][0]
    return {
        "document": {"doc_id": doc_id, "source": source, "url": source, "title": f"{place} : dépêche n° {number}",
                     "byline": None, "published": published.isoformat(),
                     "published_precision": "day", "outlet": outlet, "lang": "fr", "status": "parsed",
                     "format": "record", "text": text, "ingested_at": datetime.now(UTC).replace(tzinfo=None),
                     "story_id": story_id, "duplicate_of": None},
        "source": {"doc_id": doc_id, "source": source, "outlet": outlet,
                   "seen_at": datetime.now(UTC).replace(tzinfo=None)},
        "sentences": sentences, "mentions": mentions, "events": events,
    }


def generate(store: Store, n_events: int = 100_000, *, events_per_doc: int = 4, docs_per_story: int = 8,
             batch_docs: int = 5_000, seed: int = 7) -> dict[str, int]:
    """Write about `n_events` synthetic events (and their documents, stories, merged events) to `store`."""
    rng = random.Random(seed)
    n_docs = max(1, n_events // events_per_doc)
    codes = list(STATES) + list(IGOS)
    stories: list[tuple[str, str, str, date]] = []
    for s in range(max(1, n_docs // docs_per_story)):
        a = rng.choice(codes)
        b = rng.choice([c for c in codes if c != a])
        stories.append((f"story{s:06d}", a, b, date(2019, 1, 1) + timedelta(days=rng.randint(0, 5 * 365))))
    merged_per_story: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, n_docs, batch_docs):
        batch = Batch()
        for number in range(start, min(n_docs, start + batch_docs)):
            story = stories[number % len(stories)]
            row = _document(number, events_per_doc, rng, story)
            batch.add("documents", row["document"])
            batch.add("sources", row["source"])
            batch.extend("sentences", row["sentences"])
            batch.extend("mentions", row["mentions"])
            batch.extend("events", row["events"])
            merged_per_story.setdefault(story[0], []).extend(row["events"][:1])
        store.write(batch)
    batch = Batch()
    for story_id, a, b, day0 in stories:
        firsts = merged_per_story.get(story_id, [])
        outlets = sorted({e["source"].split("/")[2] for e in firsts})
        batch.add("stories", {"story_id": story_id, "label": f"{a} · {b}", "first_date": day0.isoformat(),
                              "last_date": (day0 + timedelta(days=20)).isoformat(), "num_documents": len(firsts),
                              "num_sources": len(outlets), "carriers": outlets, "actors": [a, b],
                              "event_types": sorted({e["type"] for e in firsts}), "keys": [], "profile": {},
                              "seq": int(story_id[5:]), "updated_at": datetime.now(UTC).replace(tzinfo=None)})
        for k, event in enumerate(firsts[:3]):
            batch.add("merged_events", {
                "merged_id": f"{story_id}-m{k}", "story_id": story_id, "type": event["type"], "types": [event["type"]],
                "actor": event["actor"], "recipient": event["recipient"], "date": event["date"],
                "date_precision": "day", "location": None, "status": event["status"], "disputed": False,
                "reported_by": [], "size": None, "conflicting": False, "num_documents": 1, "num_sources": 1,
                "carriers": outlets[:1], "first_reported": event["date"],
                "provenance": [{"event_id": event["event_id"], "doc_id": event["doc_id"], "source": event["source"],
                                "outlet": event["source"].split("/")[2], "sentence": event["sentence"],
                                "status": event["status"], "reported_by": event["reported_by"]}]})
    store.write(batch)
    return store.counts()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited before answering")
        try:
            if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start")


def routes(client: httpx.Client) -> Iterator[tuple[str, str]]:
    """(name, path) of the routes to time: every route of `veille serve`, API and pages; ids are taken
    from the store through the API."""
    doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["doc_id"]
    story_id = client.get("/api/stories", params={"limit": 1}).json()["items"][0]["story_id"]
    event_id = client.get("/api/events", params={"limit": 1}).json()["items"][0]["event_id"]
    yield "stats", "/api/stats"
    yield "documents (all, page 1)", "/api/documents?limit=20"
    yield "documents search", "/api/documents?q=Tokaïev&limit=20"
    yield "documents search 2 words", "/api/documents?q=soldats%20Kazakhstan&limit=20"
    yield "documents by actor", "/api/documents?actor=KAZ&limit=20"
    yield "documents story", f"/api/documents?story={story_id}"
    yield "document", f"/api/documents/{doc_id}"
    yield "events (all, page 1)", "/api/events?limit=50"
    yield "events (page 100)", "/api/events?limit=50&offset=5000"
    yield "events actor=KAZ", "/api/events?actor=KAZ&limit=50"
    yield "events KAZ→RUS type+status", "/api/events?actor=KAZ&recipient=RUS&type=MOBILIZE&status=asserted"
    yield "events type", "/api/events?type=MOBILIZE&limit=50"
    yield "events date range", "/api/events?since=2021-01-01&until=2021-03"
    yield "events story", f"/api/events?story={story_id}"
    yield "event", f"/api/events/{event_id}"
    yield "actors", "/api/actors"
    yield "actors search", "/api/actors?q=tok"
    yield "actor KAZ", "/api/actors/KAZ"
    yield "actor tokayev 1 year", "/api/actors/tokayev?since=2021-01-01&until=2021-12-31"
    yield "stories", "/api/stories?limit=20"
    yield "stories search", "/api/stories?q=KAZ"
    yield "story", f"/api/stories/{story_id}"
    yield "dyad KAZ–RUS by month", "/api/dyads/KAZ/RUS?interval=month"
    yield "dyad KAZ–RUS by week", "/api/dyads/KAZ/RUS?interval=week"
    yield "graph 1 year", "/api/graph?since=2021-01-01&until=2021-12-31"
    yield "graph all", "/api/graph"
    yield "brief 7 days", "/api/brief?since=7d&as_of=2021-06-01&by=published"
    yield "page: search (empty)", "/"
    yield "page: search", "/?q=Tokaïev"
    yield "page: article", f"/documents/{doc_id}"
    yield "page: events", "/events"
    yield "page: events actor", "/events?actor=KAZ"
    yield "page: actors", "/actors"
    yield "page: actor", "/actors/KAZ"
    yield "page: stories", "/stories"
    yield "page: story", f"/stories/{story_id}"
    yield "page: dyad", "/dyads/KAZ/RUS"
    yield "page: graph", "/graph"
    yield "page: brief", "/brief?since=7d&as_of=2021-06-01&by=published"
    yield "static file", "/static/app.css"


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far (user and system, Linux), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident memory of a process now and at its peak (VmRSS, VmHWM), in MB (Linux)."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per route")
    parser.add_argument("--db", type=Path, help="store to (re)use; generated when missing")
    parser.add_argument("--keep", action="store_true", help="keep the generated store")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="veille-bench-"))
    db = args.db or folder / "bench.duckdb"
    if not db.exists():
        started = time.perf_counter()
        with Store(db) as store:
            counts = generate(store, args.events)
        print(f"generated {db} in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{k} {v:,}" for k, v in counts.items() if v))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "veille.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base, server)
        with httpx.Client(base_url=base, timeout=60) as client:
            print(f"{'route':32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu ms':>8}")
            for name, path in routes(client):
                response = client.get(path)
                if response.status_code != 200:
                    print(f"{name:32} HTTP {response.status_code}")
                    continue
                timings = []
                cpu = cpu_seconds(server.pid)
                for _ in range(args.requests):
                    started = time.perf_counter()
                    client.get(path).raise_for_status()
                    timings.append((time.perf_counter() - started) * 1000)
                cpu = (cpu_seconds(server.pid) - cpu) * 1000 / args.requests  # the server's, per request
                timings.sort()
                p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
                print(f"{name:32} {statistics.median(timings):8.1f} {p95:8.1f} {timings[-1]:8.1f} {cpu:8.1f}",
                      flush=True)
            now, peak = rss_mb(server.pid)
            print(f"serve RSS: {now:.0f} MB now, {peak:.0f} MB peak")
    finally:
        server.terminate()
        server.wait(10)
        if not args.keep and args.db is None:
            db.unlink(missing_ok=True)
            Path(f"{db}.wal").unlink(missing_ok=True)
            folder.rmdir()


if __name__ == "__main__":
    main()
