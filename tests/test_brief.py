"""The daily brief (issue 18): watchlists.yaml checked at load; `veille brief` over a real store made by
two real ingests of the dispatches in tests/fixtures/brief (written for these tests): new merged events
with their sources, independent sources and the state-media-only flag, conflicting figures side by side,
the followed dyad's score change against the previous period, new stories, links to the articles; the
period respected on both clocks; Markdown, mail HTML and the UI page from the same data."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES, ROOT, read_jsonl
from fastapi.testclient import TestClient

from test_cli import veille
from veille.brief import EVERYTHING, Window, WindowError, build_brief, load_watchlists, watchlists_for
from veille.brief.watchlists import WatchlistsError
from veille.pipeline import Ingestor
from veille.serve.app import create_app
from veille.serve.brief_render import to_html, to_markdown
from veille.store import Store

DISPATCHES = FIXTURES / "brief" / "dispatches.jsonl"
FIRST_BATCH = {"gaz-monde", "gaz-figaro", "kazakh-ancien"}  # ingested first; the others a moment later
WATCHLISTS = """\
watchlists:
  russie-allemagne:
    description: Relations germano-russes
    actors: [RUS, DEU]
    dyads: [[RUS, DEU]]
  kharkiv:
    keywords: [Kharkiv]
    types: [ASSAULT]
  asie-centrale:
    actors: [KAZ, tokayev]
  accusations:
    actors: [DEU]
    types: [ACCUSE, SANCTION]
    statuses: [asserted]
"""
PERIOD = {"since": "7d", "as_of": "2024-03-14", "basis": "published"}  # 8 to 14 March; before: 1 to 7 March
BASE = "http://veille.example:8000"


@pytest.fixture(scope="module")
def brief_store(tmp_path_factory, veille_nlp):
    folder = tmp_path_factory.mktemp("brief")
    records = read_jsonl(DISPATCHES)
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    for path, batch in ((first, [r for r in records if r["id"] in FIRST_BATCH]),
                        (second, [r for r in records if r["id"] not in FIRST_BATCH])):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch), "utf-8")
    store = Store(folder / "brief.duckdb")
    Ingestor(store, nlp=veille_nlp).ingest_paths([first])
    time.sleep(1.1)
    between = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    time.sleep(1.1)
    Ingestor(store, nlp=veille_nlp).ingest_paths([second])
    watchlists = folder / "watchlists.yaml"
    watchlists.write_text(WATCHLISTS, "utf-8")
    store.close()
    store = Store(folder / "brief.duckdb", read_only=True)
    yield {"store": store, "db": folder / "brief.duckdb", "between": between, "watchlists": watchlists,
           "folder": folder, "urls": {r["id"]: r.get("url") for r in records}}
    store.close()


def make(brief_store, names=(), **period) -> dict:
    window = Window.of(period.get("since", PERIOD["since"]), period.get("as_of", PERIOD["as_of"]),
                       period.get("basis", PERIOD["basis"]))
    return build_brief(brief_store["store"], watchlists_for(brief_store["watchlists"], names), window, base_url=BASE)


def section(brief: dict, name: str) -> dict:
    return next(s for s in brief["sections"] if s["watchlist"]["name"] == name)


def by_type(events: list[dict], event_type: str) -> list[dict]:
    return [e for e in events if e["type"] == event_type]


# -- what the brief holds -------------------------------------------------------------------------------
def test_new_merged_events_carry_their_sources_independent_sources_and_state_media_flag(brief_store):
    events = section(make(brief_store), "russie-allemagne")["events"]
    urls = brief_store["urls"]
    accusation = by_type(events, "ACCUSE")
    assert len(accusation) == 1  # RT and Sputnik tell the same accusation: one merged event
    told = accusation[0]
    assert (told["num_sources"], told["independent_sources"], told["state_media_only"]) == (2, 0, True)
    assert {d["href"] for d in told["documents"]} == {urls["diplomates-rt"], urls["diplomates-sputnik"]}
    assert {(d["outlet_kind"], d["outlet_state"]) for d in told["documents"]} == {("state_controlled", "RUS")}
    strike = by_type(events, "ASSAULT")[0]
    assert (strike["num_sources"], strike["independent_sources"], strike["state_media_only"]) == (3, 3, False)


def test_types_and_statuses_narrow_a_watchlist(brief_store):
    brief = make(brief_store)
    wide = section(brief, "russie-allemagne")["events"]
    narrow = section(brief, "accusations")["events"]
    assert narrow and {(e["type"], e["status"]) for e in narrow} == {("ACCUSE", "asserted")}
    assert {e["merged_id"] for e in narrow} < {e["merged_id"] for e in wide}
    assert any(e["type"] == "SANCTION" and e["status"] != "asserted" for e in wide)  # left out: only reported


def test_conflicting_figures_are_side_by_side(brief_store):
    brief = make(brief_store, ["kharkiv"])
    [strike] = section(brief, "kharkiv")["events"]
    assert strike["conflicting"]
    [dead] = strike["figures"]
    assert dead["key"] == "dead" and dead["conflicting"]
    assert {v["value"]: sorted(v["outlets"]) for v in dead["values"]} == {12: ["Libération", "lemonde.fr"],
                                                                         30: ["lefigaro.fr"]}
    assert re.search(r"morts : \*\*12\*\* \([^)]*\) \| \*\*30\*\* \(lefigaro\.fr\)", to_markdown(brief))
    row = re.search(r"<tr><th[^>]*>morts</th>(.*?)</tr>", to_html(brief), re.S)
    assert row and re.search(r"<strong>12</strong>.*<strong>30</strong>", row.group(1), re.S)


def _dyad_sum(store: Store, first: str, last: str) -> tuple[int, float]:
    """The RUS–DEU events of the original documents published from `first` to `last`, summed by hand."""
    rows = store.con.execute(
        "SELECT e.actor, e.recipient, e.score FROM events e JOIN documents d USING (doc_id) "
        "WHERE d.duplicate_of IS NULL AND d.published BETWEEN ? AND ?", [first, last]).fetchall()
    count, total = 0, 0.0
    for actor, recipient, score in rows:
        sides = [{p["code"] for p in json.loads(side)} for side in (actor, recipient)]
        if ("RUS" in sides[0] and "DEU" in sides[1]) or ("DEU" in sides[0] and "RUS" in sides[1]):
            count, total = count + 1, total + (score or 0.0)
    return count, total


def test_the_followed_dyad_score_change_against_the_previous_period(brief_store):
    [dyad] = section(make(brief_store), "russie-allemagne")["dyads"]
    assert (dyad["a"], dyad["b"]) == ("RUS", "DEU")
    now = _dyad_sum(brief_store["store"], "2024-03-08", "2024-03-14")
    before = _dyad_sum(brief_store["store"], "2024-03-01", "2024-03-07")
    assert (dyad["current"]["events"], dyad["current"]["score"]) == (now[0], pytest.approx(now[1]))
    assert (dyad["previous"]["events"], dyad["previous"]["score"]) == (before[0], pytest.approx(before[1]))
    # the gas agreement before, the expulsions and accusations now: cooperation turned to conflict
    assert dyad["previous"]["score"] > 0 > dyad["current"]["score"]
    assert dyad["change"] == pytest.approx(now[1] - before[1])
    assert dyad["trend"] == "conflict"
    assert dyad["href"] == f"{BASE}/dyads/RUS/DEU?since=2024-03-08&until=2024-03-14"


def test_new_stories_are_those_whose_first_article_is_in_the_period(brief_store):
    stories = section(make(brief_store), "russie-allemagne")["stories"]
    assert [s["first_date"] for s in stories] == ["2024-03-13"]  # the strike on Kharkiv
    assert {d["title"] for d in stories[0]["documents"]} >= {"Kharkiv sous les missiles"}
    # the German–Russian story began on 4 March: new the week before, not this one
    before = section(make(brief_store, as_of="2024-03-07"), "russie-allemagne")["stories"]
    assert [s["first_date"] for s in before] == ["2024-03-04"]


def test_the_period_is_respected(brief_store):
    week = section(make(brief_store), "russie-allemagne")["events"]
    assert week and all("2024-03-08" <= e["first_seen"] <= "2024-03-14" for e in week)
    assert not by_type(week, "AGREE")
    previous = section(make(brief_store, as_of="2024-03-07"), "russie-allemagne")["events"]
    assert [e["type"] for e in previous] == ["AGREE"]
    assert {d["published"] for d in previous[0]["documents"]} == {"2024-03-04"}
    # the deployment of 10 February is in neither week, but in the brief of its day
    assert not section(make(brief_store, since="14d"), "asie-centrale")["events"]
    day = section(make(brief_store, since="24h", as_of="2024-02-10"), "asie-centrale")["events"]
    assert [(e["type"], e["date"]) for e in day] == [("AID", "2024-02-10")]


def test_on_the_ingestion_clock_new_is_what_veille_stored_in_the_period(brief_store):
    between = brief_store["between"].isoformat(timespec="seconds")
    first = make(brief_store, since="1h", as_of=between, basis="ingested")
    assert {e["type"] for e in section(first, "russie-allemagne")["events"]} == {"AGREE", "AID"}
    both = make(brief_store, since="1h", as_of=None, basis="ingested")
    assert {"AGREE", "ACCUSE", "ASSAULT"} <= {e["type"] for e in section(both, "russie-allemagne")["events"]}
    [dyad] = section(first, "russie-allemagne")["dyads"]
    assert dyad["current"]["score"] > 0 and dyad["previous"]["events"] == 0


def test_each_item_links_to_its_articles(brief_store):
    events = section(make(brief_store, ["kharkiv"]), "kharkiv")["events"]
    links = {d["title"]: d for e in events for d in e["documents"]}
    assert links["Une frappe russe fait des victimes à Kharkiv"]["href"] == brief_store["urls"]["frappe-monde"]
    # a dispatch without a web address: its page in the UI
    without = links["Kharkiv sous les missiles"]
    assert not without["original"] and without["href"] == f"{BASE}/documents/{without['doc_id']}"


def test_a_period_that_cannot_be_used_is_refused():
    for since, basis, message in (("3x", "ingested", "not a duration"), ("36h", "published", "whole days"),
                                  ("0h", "ingested", "more than nothing")):
        with pytest.raises(WindowError, match=message):
            Window.of(since, None, basis)
    with pytest.raises(WindowError, match="is not one of"):
        Window.of("24h", None, "arrival")
    with pytest.raises(WindowError, match="not an ISO date"):
        Window.of("24h", "14/03/2024", "ingested")


# -- renderers ------------------------------------------------------------------------------------------
class Resources(HTMLParser):
    """Every tag, and every address an attribute points to."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.addresses: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src", "srcset", "action", "background", "poster", "data") and value:
                self.addresses.append((tag, name, value))


def test_the_cli_writes_markdown_and_a_self_contained_html_mail(brief_store, tmp_path):
    args = ["brief", "--db", str(brief_store["db"]), "--watchlists", str(brief_store["watchlists"]),
            "--since", "7d", "--as-of", "2024-03-14", "--by", "published", "--base-url", BASE]
    markdown = veille(*args, "--watchlist", "russie-allemagne")
    assert markdown.returncode == 0, markdown.stderr
    text = markdown.stdout
    assert text.startswith("# veille — Synthèse")
    assert "## russie-allemagne — Relations germano-russes" in text and "## kharkiv" not in text
    assert "2 source(s), dont 0 indépendante(s) · **⚠ seulement les médias d'État des parties**" in text
    assert f"]({brief_store['urls']['diplomates-rt']})" in text
    assert re.search(r"\| \*\*−\d+(\.\d)?\*\* vers le conflit \|", text)
    assert "### Nouveaux récits (1)" in text

    mail = tmp_path / "brief.html"
    result = veille(*args, "--format", "html", "-o", str(mail), "--lang", "en")
    assert result.returncode == 0, result.stderr
    html = mail.read_text("utf-8")
    parser = Resources()
    parser.feed(html)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert "<style" not in html and "url(" not in html and "@import" not in html
    articles = {urlsplit(u).netloc for u in brief_store["urls"].values() if u}
    for tag, name, value in parser.addresses:
        assert (tag, name) == ("a", "href"), (tag, name, value)
        assert urlsplit(value).netloc in articles | {"veille.example:8000"}, value
    assert "party&#39;s own state media only" in html and "conflicting figures" in html and "towards conflict" in html


def test_the_ui_page_and_the_api_render_the_same_brief(brief_store):
    app = create_app(brief_store["store"])
    app.state.watchlists = brief_store["watchlists"]
    client = TestClient(app)
    params = {"since": "7d", "as_of": "2024-03-14", "by": "published", "watchlist": "russie-allemagne"}
    page = client.get("/brief", params=params)
    assert page.status_code == 200
    assert "seulement les médias d&#39;État des parties" in page.text
    assert f'href="{brief_store["urls"]["diplomates-rt"]}"' in page.text
    assert "<script" not in page.text.split("<main", 1)[1]
    api = client.get("/api/brief", params=params).json()
    core = make(brief_store, ["russie-allemagne"])
    assert [s["watchlist"]["name"] for s in api["sections"]] == ["russie-allemagne"]
    assert [e["merged_id"] for e in api["sections"][0]["events"]] == [e["merged_id"] for e in
                                                                      core["sections"][0]["events"]]
    for merged_id in (e["merged_id"] for e in core["sections"][0]["events"]):
        assert merged_id in page.text
    assert client.get("/brief", params={**params, "since": "3x"}).status_code == 422
    assert client.get("/api/brief", params={**params, "watchlist": "nope"}).status_code == 422


def test_without_a_watchlists_file_the_brief_covers_everything(brief_store, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("VEILLE_WATCHLISTS", raising=False)
    assert watchlists_for(None) == [EVERYTHING]
    brief = build_brief(brief_store["store"], [EVERYTHING], Window.of("7d", "2024-03-14", "published"))
    assert {e["type"] for e in brief["sections"][0]["events"]} >= {"ACCUSE", "ASSAULT"}
    with pytest.raises(WatchlistsError, match="no watchlists file"):
        watchlists_for(None, ["russie-allemagne"])


# -- watchlists.yaml --------------------------------------------------------------------------------------
GOOD = "actors: [RUS]"


@pytest.mark.parametrize(("entry", "message"), [
    ("{actors: [RUS], regions: [Europe]}", "unknown key 'regions'"),
    ("{actors: [RUS], types: [INVADE]}", "unknown PLOVER type 'INVADE'"),
    ("{actors: [RUS], statuses: [confirmed]}", "unknown status 'confirmed'"),
    ("{actors: [RUS, ZZZ]}", "actors: unknown actor 'ZZZ'"),
    ("{actors: [poutinne]}", "unknown actor 'poutinne'"),
    ("{dyads: [[RUS, Atlantide]]}", "dyads: unknown actor 'Atlantide'"),
    ("{dyads: [[RUS, DEU, FRA]]}", "expected pairs of actors"),
    ("{dyads: [[RUS, RUS]]}", "names the same actor twice"),
    ("{actors: RUS, keywords: [{a: 1}]}", "keywords: expected a list"),
    ("{description: Rien}", "follows nothing"),
    ("[RUS, DEU]", "expected a mapping"),
])
def test_a_bad_watchlist_is_an_error_naming_the_file_and_the_watchlist(tmp_path, entry, message):
    path = tmp_path / "watchlists.yaml"
    path.write_text(f"watchlists:\n  ok: {{{GOOD}}}\n  surveillance: {entry}\n", "utf-8")
    with pytest.raises(WatchlistsError) as error:
        load_watchlists(path)
    assert str(error.value).startswith(f"{path}: watchlist 'surveillance': ")
    assert message in str(error.value)


@pytest.mark.parametrize(("text", "message"), [
    ("watchlists: [a, b]\n", "expected 'watchlists:'"),
    ("watchlists:\n  a: {actors: [RUS]}\nsources: []\n", "unknown top-level key 'sources'"),
    ("watchlists:\n  a: {actors: [RUS]\n", "not valid YAML"),
])
def test_a_bad_file_is_an_error_naming_it(tmp_path, text, message):
    path = tmp_path / "watchlists.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(WatchlistsError, match=re.escape(message)) as error:
        load_watchlists(path)
    assert str(error.value).startswith(str(path))


def test_codes_and_knowledge_base_ids_name_the_same_actor(tmp_path):
    path = tmp_path / "watchlists.yaml"
    path.write_text("watchlists:\n  a: {actors: [NATO, tokayev, navalny], types: [accuse]}\n", "utf-8")
    [watchlist] = load_watchlists(path)
    assert watchlist.keys_of("NATO") == {"NATO", "nato"} and watchlist.keys_of("tokayev") == {"tokayev"}
    assert watchlist.types == ("ACCUSE",)


def test_the_shipped_example_loads_and_a_bad_file_stops_the_cli(tmp_path, brief_store):
    assert [w.name for w in load_watchlists(ROOT / "examples" / "watchlists.yaml")] == [
        "russie-allemagne", "asie-centrale", "violences"]
    bad = tmp_path / "watchlists.yaml"
    bad.write_text("watchlists:\n  russie: {actors: [RUSSIE]}\n", "utf-8")
    result = veille("brief", "--db", str(brief_store["db"]), "--watchlists", str(bad))
    assert result.returncode == 2
    assert "watchlist 'russie': actors: unknown actor 'RUSSIE'" in " ".join(result.stderr.split())
    missing = veille("brief", "--db", str(brief_store["db"]), "--watchlists", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    example = veille("brief", "--db", str(brief_store["db"]), "--watchlists",
                     str(ROOT / "examples" / "watchlists.yaml"), "--watchlist", "europe")
    assert example.returncode == 2 and "no watchlist 'europe'" in example.stderr


def test_the_documents_of_a_brief_exist(brief_store):
    """Every link to the UI names a document the store holds."""
    ids = {r[0] for r in brief_store["store"].con.execute("SELECT doc_id FROM documents").fetchall()}
    brief = make(brief_store)
    for s in brief["sections"]:
        for item in s["events"] + s["stories"]:
            for doc in item["documents"]:
                assert doc["doc_id"] in ids
                assert doc["href"].startswith(("https://", f"{BASE}/documents/"))


@pytest.mark.parametrize("period", [PERIOD, {"since": "7d", "as_of": "2024-03-07", "basis": "published"},
                                    {"since": "30d", "as_of": "2024-03-20", "basis": "published"},
                                    {"since": "24h", "basis": "ingested"}, {"since": "2w", "basis": "ingested"}])
def test_the_brief_read_from_first_seen_is_the_brief_the_scans_make(brief_store, period):
    """The brief reads its new items and their documents from first_seen (kept as data arrives): the same
    brief as found from the documents, merged events and stories, for every watchlist and on both clocks,
    also with few items shown."""
    if period["basis"] == "ingested":
        period = {**period, "as_of": (brief_store["between"] + dt.timedelta(days=1)).isoformat()}
    window = Window.of(period["since"], period.get("as_of"), period["basis"])
    for watchlists in (watchlists_for(brief_store["watchlists"]), [EVERYTHING]):
        for most in ({}, {"max_events": 1, "max_stories": 1}):
            found, scanned = (build_brief(brief_store["store"], watchlists, window, base_url=BASE, scan=scan, **most)
                              for scan in (False, True))
            assert {**found, "generated_at": None} == {**scanned, "generated_at": None}
            assert sum(len(s["events"]) + len(s["stories"]) for s in found["sections"])
