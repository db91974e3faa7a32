"""Outlet profiles: the shipped file and user files are checked when loaded; documents are linked to
their outlet by URL host (subdomains too), declared outlet or feed; the outlet's country is the
document's home state; merged events count the sources independent of the parties' states and flag
a claim carried only by a party's own state media, in the store, the exports, the API and the UI.

The dispatches in tests/fixtures/outlets were written for these tests."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, read_jsonl
from fastapi.testclient import TestClient

from veille.ingest.clean import load_rules
from veille.ingest.outlets import AFFILIATED_KINDS, KINDS, Outlets, OutletsError, load_outlets
from veille.ingest.readers import read_bytes, record_to_raw
from veille.pipeline import Ingestor, IngestReport, clean_item
from veille.serve.app import create_app
from veille.store import Store
from veille.store.duckdb_store import MIGRATIONS
from veille.store.export import export
from veille.stories.merge import DocInfo, merge_story

DISPATCHES = FIXTURES / "outlets" / "dispatches.jsonl"
GOOD = "name: Mon Journal, domains: [monjournal.example], country: FRA, language: fr"


# -- the profiles --------------------------------------------------------------------------------
def test_shipped_profiles_cover_the_outlets_a_french_reading_analyst_meets():
    outlets = load_outlets()
    assert len(outlets) >= 60
    for ident in ("le_monde", "le_figaro", "ouest_france", "france_24", "rfi", "radio_france", "mediapart",
                  "le_temps", "rts", "le_soir", "rtbf", "radio_canada", "le_devoir", "jeune_afrique",
                  "afp", "reuters", "ap", "belga", "ats", "rt", "sputnik", "trt", "anadolu", "xinhua", "cgtn",
                  "irna", "press_tv", "kcna", "kazinform", "uza", "belta", "sana", "al_jazeera", "euronews", "dw",
                  "tass", "global_times", "people_s_daily", "aps", "map", "tap", "yonhap"):
        assert outlets.get(ident) is not None, ident
    for outlet in outlets.all.values():
        assert outlet.kind in KINDS
        assert (outlet.state is not None) == (outlet.kind in AFFILIATED_KINDS), outlet.id
    assert (outlets.get("rt").kind, outlets.get("rt").state) == ("state_controlled", "RUS")
    assert (outlets.get("rt_france").country, outlets.get("rt_france").state) == ("FRA", "RUS")
    assert (outlets.get("people_s_daily").kind, outlets.get("people_s_daily").state) == ("party_government", "CHN")
    assert (outlets.get("afp").kind, outlets.get("afp").country) == ("wire", "FRA")


def _user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    folder = tmp_path / "outlets"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text(text, "utf-8")
    monkeypatch.setenv("VEILLE_OUTLETS_DIR", str(folder))
    return path


@pytest.mark.parametrize(("entry", "message"), [
    (f"{{{GOOD}, kind: private, owner: Bolloré}}", "unknown key 'owner'"),
    (f"{{{GOOD}, kind: tabloid}}", "kind 'tabloid' is not one of wire, public_service"),
    (f"{{{GOOD}, kind: state_controlled}}", "needs 'state'"),
    (f"{{{GOOD}, kind: private, state: FRA}}", "'state' is only for party_government and state_controlled"),
    (f"{{{GOOD}, kind: state_controlled, state: Russie}}", "state 'Russie' is not an ISO 3166-1 alpha-3"),
    ("{name: X, domains: [x.example], country: ZZZ, language: fr, kind: private}", "country 'ZZZ'"),
    ("{name: X, domains: [x.example], country: fra, language: fr, kind: private}", "country 'fra'"),
    ("{name: X, domains: ['https://x.example/'], country: FRA, language: fr, kind: private}",
     "is not a lower-case domain"),
    ("{name: X, domains: [x.example], country: FRA, language: french, kind: private}", "language 'french'"),
    ("{name: X, country: FRA, language: fr, kind: private}", "missing 'domains'"),
    ("[le, monde]", "expected a mapping"),
])
def test_a_bad_entry_is_an_error_naming_the_file_and_the_entry(tmp_path, monkeypatch, entry, message):
    path = _user_file(tmp_path, monkeypatch, f"outlets:\n  mon_journal: {entry}\n")
    with pytest.raises(OutletsError) as error:
        load_outlets()
    assert str(error.value).startswith(f"{path}: outlet 'mon_journal': ")
    assert message in str(error.value)


@pytest.mark.parametrize(("text", "message"), [
    ("outlets: [a, b", "not valid YAML"),
    ("- name: Le Monde\n", "expected one mapping 'outlets:'"),
    (f"outlets:\n  a: {{{GOOD}, kind: private}}\n  b: {{name: B, domains: [monjournal.example], country: FRA, "
     "language: fr, kind: private}\n", "outlet 'b': 'monjournal.example' is already 'a''s"),
    (f"outlets:\n  a: {{{GOOD}, kind: private}}\n  b: {{name: Mon journal, domains: [b.example], country: FRA, "
     "language: fr, kind: private}\n", "outlet 'b': 'mon journal' is already 'a''s"),
    (f"outlets:\n  Mon-Journal: {{{GOOD}, kind: private}}\n", "an id is lower-case letters"),
])
def test_a_bad_file_is_an_error_naming_it(tmp_path, monkeypatch, text, message):
    path = _user_file(tmp_path, monkeypatch, text)
    with pytest.raises(OutletsError, match=f"^{path}: .*") as error:
        load_outlets()
    assert message in str(error.value)


def test_user_files_add_outlets_and_replace_shipped_ones(tmp_path, monkeypatch):
    _user_file(tmp_path, monkeypatch, (
        "outlets:\n"
        "  le_monde: {name: Le Monde, domains: [lemonde.fr], country: FRA, language: fr, kind: wire}\n"
        "  gazette_sahel: {name: La Gazette du Sahel, aliases: [Sahel Info], domains: [gazette-sahel.example, "
        "sputniknews.africa], country: MLI, language: fr, kind: state_controlled, state: MLI}\n"))
    outlets = load_outlets()
    assert outlets.by_host("www.lemonde.fr").kind == "wire"
    assert outlets.by_name("Sahel Info").id == "gazette_sahel"
    assert outlets.by_host("fr.sputniknews.africa").id == "gazette_sahel"  # the user's claim on a domain wins
    monkeypatch.setenv("VEILLE_OUTLETS_DIR", str(tmp_path / "none"))
    assert len(outlets) == len(load_outlets()) + 1


# -- linking -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def outlets() -> Outlets:
    return load_outlets()


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.lemonde.fr/international/article/1", "le_monde"),
    ("https://mobile.lemonde.fr/a", "le_monde"),
    ("http://LEMONDE.FR:8080/a", "le_monde"),
    ("https://francais.rt.com/international/1", "rt_france"),  # the longest domain wins
    ("https://russian.rt.com/world/1", "rt"),
    ("https://fr.sputniknews.africa/20220312/a", "sputnik"),
    ("https://rmcsport.bfmtv.com/cyclisme/a", "bfmtv"),
    ("https://notlemonde.fr/a", None),
    ("https://lemonde.fr.example.net/a", None),
    ("https://example.org/lemonde.fr", None),
    ("lemonde:1234", None),
    (None, None),
])
def test_linking_by_domain_and_subdomain(outlets, url, expected):
    found = outlets.link(url)
    assert (found.id if found else None) == expected


def _clean(raw, outlets):
    return clean_item(raw, load_rules(), IngestReport(), outlets)


@pytest.mark.parametrize(("record", "expected"), [
    ({"url": "https://agregateur.example/1", "outlet": "Le Monde"}, "le_monde"),
    ({"url": "https://agregateur.example/1", "outlet": "liberation"}, "liberation"),  # its id
    ({"url": "https://agregateur.example/1", "site": "www.lci.fr"}, "lci"),  # a domain
    ({"url": "https://agregateur.example/1", "source": {"name": "Agence France-Presse"}}, "afp"),
    ({"id": "x1", "publisher": "https://www.rtbf.be/"}, "rtbf"),
    ({"url": "https://francais.rt.com/1", "outlet": "Le Monde"}, "rt_france"),  # the URL says who published it
    ({"url": "https://agregateur.example/1", "outlet": "La Gazette inconnue"}, None),
])
def test_linking_by_a_record_field(outlets, record, expected):
    text = "La Russie a envoyé jeudi 300 parachutistes au Kazakhstan, a annoncé le ministère de la Défense."
    document = _clean(record_to_raw({**record, "text": text}, "records.jsonl#1"), outlets)
    assert document.outlet_id == expected
    if expected:
        profile = outlets.get(expected)
        assert (document.outlet_kind, document.outlet_country, document.outlet_state) == (
            profile.kind, profile.country, profile.state)


def test_linking_by_the_feed_that_declares_it(outlets):
    feed = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Les titres du jour</title><link>https://www.rfi.fr/fr/</link>
<item><title>Sans lien</title><description>La Russie a envoyé jeudi 300 parachutistes au Kazakhstan,
a annoncé le ministère de la Défense.</description></item>
<item><title>Repris</title><link>https://www.lemonde.fr/a</link><description>Le Tchad a reçu samedi 25 000 tonnes
de blé de la Russie, a déclaré l'ambassade.</description></item>
</channel></rss>""".encode()
    documents = [_clean(raw, outlets) for raw in read_bytes(feed, "flux.xml", ".xml")]
    assert [d.outlet_id for d in documents] == ["rfi", "le_monde"]


# -- a real ingest into a real store -------------------------------------------------------------
@pytest.fixture(scope="module")
def outlet_store(tmp_path_factory, veille_nlp):
    """The fixture dispatches ingested into a DuckDB file (closed: tests reopen it)."""
    path = tmp_path_factory.mktemp("outlets") / "store.duckdb"
    with Store(path) as store:
        report = Ingestor(store, nlp=veille_nlp).ingest_paths([DISPATCHES])
        assert report.new == len(read_jsonl(DISPATCHES))
    return path


def _doc_ids(store: Store) -> dict[str, str]:
    by_url = {record["url"]: record["id"] for record in read_jsonl(DISPATCHES)}
    return {by_url[url]: doc_id for doc_id, url in store.con.execute("SELECT doc_id, url FROM documents").fetchall()}


def _merged(store: Store, recipient: str) -> list[dict]:
    return [row for row in store.iter_rows("merged_events")
            if row["type"] in ("AID", "COOPERATE") and recipient in {p["code"] for p in row["recipient"]}]


def test_documents_carry_their_outlet(outlet_store):
    with Store(outlet_store, read_only=True) as store:
        ids = _doc_ids(store)
        rows = {doc_id: row for doc_id, *row in store.con.execute(
            "SELECT doc_id, outlet_id, outlet_kind, outlet_country, outlet_state FROM documents").fetchall()}
        sources = dict(store.con.execute("SELECT doc_id, outlet_kind FROM sources").fetchall())
    assert rows[ids["kaz-rt"]] == ["rt_france", "state_controlled", "FRA", "RUS"]
    assert rows[ids["kaz-monde"]] == ["le_monde", "private", "FRA", None]
    assert rows[ids["home-monde"]] == ["le_monde", "private", "FRA", None]  # mobile.lemonde.fr
    assert rows[ids["champ-source"]] == ["liberation", "private", "FRA", None]  # the record's source field
    assert rows[ids["home-inconnu"]] == [None, None, None, None]
    assert sources[ids["kaz-rt"]] == "state_controlled"


def test_the_outlets_country_is_the_home_of_le_president_de_la_republique(outlet_store):
    with Store(outlet_store, read_only=True) as store:
        ids = _doc_ids(store)
        codes = dict(store.con.execute(
            "SELECT doc_id, code FROM mentions WHERE text ILIKE 'président de la République'").fetchall())
    assert codes[ids["home-monde"]] == "FRA"
    assert codes[ids["home-inconnu"]] is None  # no outlet known, no state named: nobody's president


def test_a_claim_told_by_the_party_state_media_and_an_independent_outlet(outlet_store):
    with Store(outlet_store, read_only=True) as store:
        [event] = _merged(store, "KAZ")
    assert (event["num_sources"], event["independent_sources"], event["state_media_only"]) == (2, 1, False)
    assert sorted(p["outlet_kind"] for p in event["provenance"]) == ["private", "state_controlled"]


def test_a_claim_carried_only_by_the_party_state_media_is_flagged(outlet_store):
    with Store(outlet_store, read_only=True) as store:
        [event] = _merged(store, "TCD")
    assert {p["outlet_id"] for p in event["provenance"]} == {"rt_france", "sputnik"}
    assert (event["num_sources"], event["independent_sources"], event["state_media_only"]) == (2, 0, True)


def _doc(doc_id: str, seq: int, outlet_id: str, outlets: Outlets) -> DocInfo:
    profile = outlets.get(outlet_id)
    return DocInfo(doc_id, seq, profile.domains[0], f"https://{profile.domains[0]}/{doc_id}", "2022-01-06", doc_id,
                   (), profile.id, profile.kind, profile.state)


@pytest.mark.parametrize(("second", "independent", "only"), [
    ("trt", 1, False),  # the state media of a state that is not a party is independent of the parties
    ("sputnik", 0, True),
    ("afp", 1, False),
])
def test_only_the_parties_state_media_are_not_independent(outlets, second, independent, only):
    docs = {"a": _doc("a", 0, "rt", outlets), "b": _doc("b", 1, second, outlets)}
    events = [{"event_id": f"{d}-000", "doc_id": d, "type": "AID", "status": "asserted", "date": "2022-01-06",
               "actor": [{"text": "Russie", "code": "RUS"}], "recipient": [{"text": "Kazakhstan", "code": "KAZ"}],
               "sentence": f"La Russie a envoyé des troupes au Kazakhstan ({d})."} for d in docs]
    [row] = merge_story("S", docs, events)
    assert (row["num_sources"], row["independent_sources"], row["state_media_only"]) == (2, independent, only)


# -- exports, API, UI ----------------------------------------------------------------------------
def test_exports_carry_the_kinds_and_the_flag(outlet_store, tmp_path):
    with Store(outlet_store, read_only=True) as store:
        export(store, "merged_events", "jsonl", tmp_path / "merged.jsonl")
        export(store, "documents", "csv", tmp_path / "documents.csv")
        export(store, "sources", "jsonl", tmp_path / "sources.jsonl")
    merged = read_jsonl(tmp_path / "merged.jsonl")
    assert {(m["independent_sources"], m["state_media_only"]) for m in merged} >= {(1, False), (0, True)}
    assert {p["outlet_kind"] for m in merged for p in m["provenance"]} >= {"state_controlled", "private"}
    with (tmp_path / "documents.csv").open(encoding="utf-8") as handle:
        kinds = {row["outlet_id"]: row["outlet_kind"] for row in csv.DictReader(handle)}
    assert kinds["rt_france"] == "state_controlled" and kinds["le_monde"] == "private"
    assert {row["outlet_kind"] for row in read_jsonl(tmp_path / "sources.jsonl")} >= {"state_controlled"}


def test_the_story_page_shows_every_sources_kind_and_the_flag(outlet_store):
    with Store(outlet_store, read_only=True) as store:
        story_ids = {recipient: _merged(store, recipient)[0]["story_id"] for recipient in ("KAZ", "TCD")}
        le_monde = _doc_ids(store)["kaz-monde"]
    client = TestClient(create_app(outlet_store))
    page = client.get(f"/stories/{story_ids['TCD']}").text
    assert page.count('class="outlet-kind kind-state_controlled"') >= 4  # two documents, two provenance lines
    assert 'média d&#39;État <span class="code">RUS</span>' in page
    assert "seulement les médias d&#39;État des parties" in page
    page = client.get(f"/stories/{story_ids['KAZ']}", params={"lang": "en"}).text
    assert '<span class="outlet-kind kind-private" title="private">private</span>' in page
    assert "party&#39;s own state media only" not in page
    assert 'of which independent <span class="independent">1</span>' in page
    assert '<span class="outlet-kind kind-private" title="private">privé</span>' in client.get(
        f"/documents/{le_monde}").text
    api = client.get(f"/api/stories/{story_ids['TCD']}").json()
    flags = [(e["independent_sources"], e["state_media_only"]) for e in api["merged_events"]]
    assert (0, True) in flags
    assert {d["outlet_kind"] for d in api["documents"]} == {"state_controlled"}


# -- older stores --------------------------------------------------------------------------------
def test_a_version_6_store_is_linked_to_its_outlets_when_upgraded(outlet_store, tmp_path):
    path = tmp_path / "v6.duckdb"
    path.write_bytes(outlet_store.read_bytes())
    with Store(path) as store:
        for table, columns in (("documents", ("outlet_id", "outlet_kind", "outlet_country", "outlet_state")),
                               ("sources", ("outlet_id", "outlet_kind")),
                               ("merged_events", ("independent_sources", "state_media_only"))):
            for column in columns:
                store.con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        store.con.execute("DELETE FROM schema_version WHERE version >= 7")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS) == 13
        ids = _doc_ids(store)
        kind = dict(store.con.execute("SELECT doc_id, outlet_kind FROM documents").fetchall())
        assert kind[ids["kaz-rt"]] == "state_controlled" and kind[ids["kaz-monde"]] == "private"
        stale = {r[0] for r in store.con.execute("SELECT story_id FROM stories WHERE merged_at IS NULL").fetchall()}
        assert stale == {_merged(store, r)[0]["story_id"] for r in ("KAZ", "TCD")}  # the stories with state media
        from veille import stories

        stories.merge_stale(store)
        [event] = _merged(store, "TCD")
        assert (event["independent_sources"], event["state_media_only"]) == (0, True)
        assert json.dumps(event["provenance"]).count("state_controlled") == 2


def test_ingest_stops_at_a_bad_outlets_file_with_a_message_naming_it(tmp_path, monkeypatch):
    path = _user_file(tmp_path, monkeypatch, f"outlets:\n  mon_journal: {{{GOOD}, kind: tabloid}}\n")
    result = subprocess.run([sys.executable, "-m", "veille.cli", "ingest", "--db", str(tmp_path / "s.duckdb"),
                             str(DISPATCHES)], env={**os.environ, "COLUMNS": "400"}, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 2
    assert f"error: {path}: outlet 'mon_journal': kind 'tabloid' is not one of" in result.stdout + result.stderr
    assert not (tmp_path / "s.duckdb").exists()


# -- record identifier schemes ------------------------------------------------------------------
SCHEMED = ("outlets:\n  gazette_du_lac: {name: La Gazette du lac, domains: [gazettedulac.example], "
           "schemes: [gazlac], country: CHE, language: fr, kind: private}\n")


def test_an_outlet_may_declare_the_scheme_of_its_records(tmp_path, monkeypatch):
    _user_file(tmp_path, monkeypatch, SCHEMED)
    outlets = load_outlets()
    assert outlets.link("gazlac:5521").id == "gazette_du_lac"
    assert outlets.link("GazLac:77").id == "gazette_du_lac"  # schemes are case-insensitive
    for other in ("gazlacs:5521", "gazlac:", "https://gazlac.example/1", "gazlac://5521", "5521"):
        assert outlets.link(other) is None, other
    # the record's URL host or declared outlet still come first
    assert outlets.link("gazlac:1", declared="Le Monde").id == "le_monde"
    record = record_to_raw({"url": "gazlac:8", "text": "Le canton a voté jeudi une hausse du budget scolaire."},
                           "records.jsonl#1")
    document = _clean(record, outlets)
    assert (document.outlet_id, document.outlet_country) == ("gazette_du_lac", "CHE")


@pytest.mark.parametrize(("schemes", "message"), [
    ("[https]", "scheme 'https' is not a lower-case record identifier scheme"),
    ("[Gaz_Lac]", "scheme 'Gaz_Lac'"),
    ("gazlac", "'schemes' must be a list of strings"),
])
def test_a_bad_scheme_is_an_error(tmp_path, monkeypatch, schemes, message):
    _user_file(tmp_path, monkeypatch, f"outlets:\n  mon_journal: {{{GOOD}, kind: private, schemes: {schemes}}}\n")
    with pytest.raises(OutletsError, match="outlet 'mon_journal'") as error:
        load_outlets()
    assert message in str(error.value)


def test_two_outlets_of_one_file_cannot_share_a_scheme(tmp_path, monkeypatch):
    _user_file(tmp_path, monkeypatch, f"outlets:\n  a: {{{GOOD}, kind: private, schemes: [lac]}}\n"
               "  b: {name: B, domains: [b.example], schemes: [lac], country: FRA, language: fr, kind: private}\n")
    with pytest.raises(OutletsError, match="'lac:' is already 'a''s"):
        load_outlets()


def test_the_orange_actu_portal_is_a_french_outlet_by_domain_and_by_record_scheme(outlets):
    assert outlets.link("https://actu.orange.fr/monde/un-titre.html").id == "orange_actu"
    assert outlets.link("orangesum:101").id == "orange_actu"
    assert outlets.link("https://boutique.orange.fr/mobile") is None  # the operator's shop is no news outlet
    profile = outlets.get("orange_actu")
    assert (profile.country, profile.kind) == ("FRA", "private")
