"""Shared fixtures of the API and UI tests, loaded by them with ``pytest_plugins = ["test_api_server"]``
(so that one store and one server serve both files).

The store is real: a copy of the session's corpus store (the fixture articles and dispatches of
tests/fixtures/corpus, parsed by the real pipeline), plus a document carrying XSS payloads ingested
from a .txt file, the stories step (when the pipeline has not run it), and one small synthetic story
written through `Store.write` whose figures the tests know exactly (Serbia–Kosovo, March–April 2023).
It is served by a real uvicorn on a free 127.0.0.1 port, in a thread, read-only.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from veille.store import Batch, Store

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_TEXT = (
    f"Alerte {XSS_SCRIPT} au Kazakhstan\n\n"
    "Le président Kassym-Jomart Tokaïev a demandé mercredi 5 janvier 2022 l'aide de la Russie et de l'OTSC. "
    f"{XSS_IMG} Des soldats russes ont été déployés à Almaty le 6 janvier, selon le ministère de la Défense.\n\n"
    "La police kazakhe a arrêté des centaines de manifestants dans la nuit.\n"
)

SYN_STORY = "test-story-srb-xkx"
SYN_DOCS = ("test-srb-xkx-1", "test-srb-xkx-2")
SYN_TEXTS = (
    "Tensions dans les Balkans\n\nLa Serbie a accusé le Kosovo de provocations le 3 mars 2023. "
    "Le Kosovo a rejeté ces accusations le 4 mars 2023.\n\n"
    "Les deux parties ont signé un accord à Bruxelles le 18 mars 2023, selon l'Union européenne.",
    "La Serbie a livré une aide humanitaire au Kosovo le 2 avril 2023, a annoncé Belgrade.",
)
# (doc, type, mode, actor, recipient, date, score, status, sentence start words)
SYN_EVENTS = (
    (0, "ACCUSE", "disapprove", "SRB", "XKX", "2023-03-03", -2.0, "asserted", "La Serbie a accusé"),
    (0, "REJECT", None, "XKX", "SRB", "2023-03-04", -2.0, "asserted", "Le Kosovo a rejeté"),
    (0, "AGREE", None, "SRB", "XKX", "2023-03-18", 2.5, "reported", "Les deux parties"),
    (1, "AID", None, "SRB", "XKX", "2023-04-02", 10.0, "asserted", "La Serbie a livré"),
)
NAMES = {"SRB": "la Serbie", "XKX": "le Kosovo"}


@dataclass
class Served:
    base: str
    db: Path
    app: Any
    xss_doc_id: str
    article_doc_id: str  # the fixture article 01_* (Markdown as received, with coded events)

    def get(self, path: str, **params: Any) -> httpx.Response:
        return httpx.get(self.base + path, params=params or None, timeout=30)


def _party(code: str, text: str) -> dict[str, Any]:
    return {"text": text, "actor_id": code, "code": code, "sector": None}


def synthetic_batch() -> Batch:
    """Two documents of one story, their sentences, mentions and four events with known offsets."""
    now = datetime(2023, 4, 3, 12, 0)
    batch = Batch()
    for number, (doc_id, text) in enumerate(zip(SYN_DOCS, SYN_TEXTS, strict=True)):
        source = f"https://example.org/balkans/{number}"
        batch.add("documents", {
            "doc_id": doc_id, "source": source, "url": source, "title": "Serbie et Kosovo" if number == 0 else None,
            "published": f"2023-0{3 + number}-{'18' if number == 0 else '02'}", "published_precision": "day",
            "outlet": "example.org", "lang": "fr", "status": "parsed", "format": "record", "text": text,
            "ingested_at": now, "story_id": SYN_STORY, "duplicate_of": None})
        batch.add("sources", {"doc_id": doc_id, "source": source, "outlet": "example.org", "seen_at": now})
        for name, code in (("Serbie", "SRB"), ("Kosovo", "XKX")):
            start = text.find(name)
            while start >= 0:
                batch.add("mentions", {"doc_id": doc_id, "source": source, "start": start, "end": start + len(name),
                                       "text": name, "label": "LOC", "actor_id": code, "code": code})
                start = text.find(name, start + 1)
    events = []
    for k, (doc, etype, mode, actor, recipient, date, score, status, opening) in enumerate(SYN_EVENTS):
        text = SYN_TEXTS[doc]
        start = text.index(opening)
        end = text.index(".", start) + 1
        event = {
            "event_id": f"{SYN_DOCS[doc]}-{k:03d}", "doc_id": SYN_DOCS[doc], "source": f"https://example.org/balkans/{doc}",
            "type": etype, "mode": mode, "context": [], "actor": [_party(actor, NAMES[actor])],
            "recipient": [_party(recipient, NAMES[recipient])], "status": status,
            "reported_by": {"text": "l'Union européenne", "actor_id": "EU", "code": "EU"} if status == "reported"
            else None, "date": date, "date_precision": "day", "date_text": None, "date_fallback": False,
            "size": None, "location": None, "sentence": text[start:end], "start": start, "end": end,
            "trigger": opening.split()[-1], "score": score, "confidence": 0.9}
        events.append(event)
        batch.add("events", event)
    batch.add("stories", {"story_id": SYN_STORY, "label": "SRB, XKX — ACCUSE, AGREE", "first_date": "2023-03-18",
                          "last_date": "2023-04-02", "num_documents": 2, "num_sources": 1,
                          "carriers": ["example.org"], "actors": ["SRB", "XKX"],
                          "event_types": ["ACCUSE", "AGREE", "AID", "REJECT"], "keys": [], "profile": {}, "seq": 9999,
                          "updated_at": now})
    for k, event in enumerate(events):
        batch.add("merged_events", {
            "merged_id": f"{SYN_STORY}-m{k}", "story_id": SYN_STORY, "type": event["type"], "types": [event["type"]],
            "actor": event["actor"], "recipient": event["recipient"], "date": event["date"], "date_precision": "day",
            "location": None, "status": event["status"], "disputed": False,
            "reported_by": [event["reported_by"]] if event["reported_by"] else [], "size": None, "conflicting": False,
            "num_documents": 1, "num_sources": 1, "carriers": ["example.org"], "first_reported": event["date"],
            "provenance": [{"event_id": event["event_id"], "doc_id": event["doc_id"], "source": event["source"],
                            "outlet": "example.org", "sentence": event["sentence"], "status": event["status"],
                            "reported_by": event["reported_by"]}]})
    return batch


@pytest.fixture(scope="session")
def served_store(tmp_path_factory: pytest.TempPathFactory, corpus_store: dict[str, Any], veille_nlp: Any) -> Path:
    from veille.pipeline import Ingestor

    folder = tmp_path_factory.mktemp("serve")
    corpus: Store = corpus_store["store"]
    corpus.con.execute("CHECKPOINT")
    db = folder / "serve.duckdb"
    shutil.copyfile(corpus.path, db)
    xss = folder / "inbox" / "alerte.txt"
    xss.parent.mkdir()
    xss.write_text(XSS_TEXT, "utf-8")
    with Store(db) as store:
        report = Ingestor(store, nlp=veille_nlp).ingest_paths([xss])
        assert report.new == 1, report.as_dict()
        if store.counts().get("stories", 0) == 0:
            try:
                from veille.stories import rebuild
            except ImportError:  # the stories step is optional for serving
                pass
            else:
                rebuild(store)
        store.write(synthetic_batch())
        store.con.execute("CHECKPOINT")
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(app: Any) -> Iterator[str]:
    """The app served by a real uvicorn on a free 127.0.0.1 port, in a thread: its base URL; its store closed after."""
    import uvicorn

    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=uv.run, name="veille-serve-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(10)
        app.state.serve.store.close()


@pytest.fixture(scope="session")
def server(served_store: Path) -> Iterator[Served]:
    from veille.serve import create_app

    app = create_app(served_store)
    with running(app) as base:
        con = app.state.serve.store.con
        xss_doc = con.execute("SELECT doc_id FROM documents WHERE text LIKE '%<script>alert(1)</script>%'").fetchone()
        seed = con.execute("SELECT doc_id FROM documents WHERE source LIKE '%/articles/01_%'").fetchone()
        assert xss_doc and seed
        yield Served(base=base, db=served_store, app=app, xss_doc_id=xss_doc[0], article_doc_id=seed[0])


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"browser tests need Debian's Chromium at {CHROMIUM} (make setup installs it)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A browser page and what it reported: dialogs (none may fire), script errors, console errors."""

    page: Any
    dialogs: list[str]
    errors: list[str]

    def open(self, base: str, path: str) -> Any:
        response = self.page.goto(base + path)
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else '?'}"
        return response

    def shot(self, name: str, *, full_page: bool = False) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page = context.new_page()
    found = Tab(page, [], [])

    def on_dialog(dialog: Any) -> None:
        found.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: found.errors.append(f"page error: {error}"))
    page.on("console", lambda message: found.errors.append(f"console: {message.text}")
            if message.type == "error" else None)
    yield found
    context.close()
