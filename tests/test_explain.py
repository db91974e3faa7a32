"""`veille explain`: why a trigger candidate became an event or did not. The reasons table (events/data/reasons.yaml)
against the code that names its ids; the core API (`veille.explain`) on sentences written for these tests; the
command line through Typer's runner; `POST /api/explain` through a real uvicorn; and the default pipeline, whose
events are the same whether a trace is asked for or not."""

from __future__ import annotations

import ast
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

import veille.explain
from test_api_server import running
from veille.events.explain import STAGES, Trace, reasons
from veille.nlp.extensions import EXPLAIN_KEY
from veille.nlp.pipeline import annotations, make_doc

ROOT = Path(__file__).resolve().parents[1]
CODER = ROOT / "src" / "veille" / "events" / "coder.py"
# the helpers of coder.py that name a reason, the position of the reason among their arguments, and its stage
HELPERS = {"_set_aside": (2, "candidate"), "_drop": (1, "code"), "_cut": (2, "event")}

ATTACK = "Les rebelles du Front de l'Aube ont attaqué lundi une caserne de l'armée bolivienne."
DEMONSTRATIVE = "Ces affrontements inquiètent les habitants de la vallée."
OWN_VOICE = "Le Chili doit encore trois millions d'euros à ses fournisseurs."
HABIT = "Le Chili a toujours soutenu le Pérou pendant des années."
OLD_PACT = "En 1987, la Bolivie a signé un accord avec le Paraguay."
OLD_TREATY = "En 1992, le Chili avait ratifié un traité avec l'Argentine."
STORY = " ".join((ATTACK, DEMONSTRATIVE, OWN_VOICE, HABIT, OLD_PACT, OLD_TREATY,
                  "Selon la ministre chilienne, le Pérou doit retirer ses navires de la baie."))
PUBLISHED = "2025-06-10"


def _named_reasons() -> dict[str, set[str]]:
    """Each reason id coder.py names, with the stages of the helpers that name it."""
    named: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(CODER.read_text("utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in HELPERS:
            position, stage = HELPERS[node.func.id]
            for inner in ast.walk(node.args[position]):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                    named.setdefault(inner.value, set()).add(stage)
    return named


def test_every_reason_the_coder_names_is_declared_once_and_every_declared_one_is_named() -> None:
    declared = reasons()
    named = _named_reasons()
    assert set(named) - set(declared) == set(), "named in coder.py, not in events/data/reasons.yaml"
    assert set(declared) - set(named) == set(), "declared in events/data/reasons.yaml, named nowhere in coder.py"
    for rid, stages in named.items():
        assert stages == {declared[rid].stage}, (rid, stages, declared[rid].stage)
    for reason in declared.values():
        assert reason.stage in STAGES and reason.fr.strip() and reason.en.strip() and reason.fr != reason.en


@pytest.fixture(scope="module")
def story(veille_nlp: Any) -> dict[str, Any]:
    return veille.explain.explain(STORY, published=PUBLISHED, nlp=veille_nlp)


def _candidate(report: dict[str, Any], sentence: str, word: str) -> dict[str, Any]:
    found = [c for s in report["sentences"] if sentence in s["text"] for c in s["candidates"] if c["word"] == word]
    assert len(found) == 1, (sentence, word, report["sentences"])
    return found[0]


def test_a_kept_candidate_says_its_event_and_the_threshold_it_passed(story: dict[str, Any]) -> None:
    attack = _candidate(story, ATTACK, "attaqué")
    assert (attack["outcome"], attack["type"], attack["lemma"]) == ("event", "ASSAULT", "attaquer")
    assert STORY[attack["start"]:attack["end"]] == "attaqué"
    [event] = attack["events"]
    assert event["kept"] and event["threshold"] == story["threshold"] and event["confidence"] >= event["threshold"]
    assert [p["code"] for p in event["recipient"]] == ["BOL"]
    assert any(e["type"] == "ASSAULT" and e["sentence"] == ATTACK for e in story["events"])


def test_a_dropped_or_set_aside_candidate_says_why(story: dict[str, Any]) -> None:
    demonstrative = _candidate(story, DEMONSTRATIVE, "affrontements")
    assert (demonstrative["outcome"], demonstrative["reason"], demonstrative["stage"]) == \
        ("set_aside", "demonstrative", "candidate")
    own_voice = _candidate(story, OWN_VOICE, "doit")
    assert (own_voice["outcome"], own_voice["reason"]) == ("dropped", "obligation_own_voice")
    assert own_voice["explanation"] == reasons()["obligation_own_voice"].en
    assert _candidate(story, HABIT, "soutenu")["reason"] == "habitual"


def test_an_event_cut_as_background_says_so(story: dict[str, Any]) -> None:
    signed = _candidate(story, OLD_PACT, "signé")
    assert signed["outcome"] == "cut"
    [event] = signed["events"]
    assert not event["kept"] and event["reason"] == "background" and event["type"] == "AGREE"
    assert event["age_days"] > 30 * 365 and event["background_days"] < event["age_days"]
    assert _candidate(story, OLD_PACT, "accord")["by"] == "signé"  # the noun is the verb's object: one act
    assert not any(e["sentence"] == OLD_PACT for e in story["events"])


def test_a_pluperfect_in_a_sentence_of_long_ago_is_cut_as_such(story: dict[str, Any]) -> None:
    [event] = _candidate(story, OLD_TREATY, "ratifié")["events"]
    assert not event["kept"] and event["reason"] == "long_ago" and event["explanation"] == reasons()["long_ago"].en


def test_a_participle_naming_a_thing_by_its_origin_is_cut_as_such(veille_nlp: Any) -> None:
    sentence = "Le Pérou a rejeté mardi le plan de paix proposé par le Chili."
    report = veille.explain.explain(sentence, published=PUBLISHED, nlp=veille_nlp)
    [event] = _candidate(report, sentence, "proposé")["events"]
    assert not event["kept"] and event["reason"] == "named_by_origin"
    [event] = _candidate(report, sentence, "rejeté")["events"]
    assert event["kept"]


def test_explanations_come_in_french_too(veille_nlp: Any) -> None:
    report = veille.explain.explain(DEMONSTRATIVE, lang="fr", nlp=veille_nlp)
    assert _candidate(report, DEMONSTRATIVE, "affrontements")["explanation"] == reasons()["demonstrative"].fr
    with pytest.raises(ValueError):
        veille.explain.explain(DEMONSTRATIVE, lang="de", nlp=veille_nlp)


def test_the_events_are_the_same_with_and_without_a_trace(veille_nlp: Any) -> None:
    class Text:
        text, published, doc_id, outlet_country = STORY, PUBLISHED, "t", "CHL"

    plain = annotations(veille_nlp(make_doc(veille_nlp, Text())))
    traced_doc = make_doc(veille_nlp, Text())
    traced_doc.user_data[EXPLAIN_KEY] = trace = Trace()
    traced = annotations(veille_nlp(traced_doc))
    assert plain["events"] and traced["events"] == plain["events"]
    assert trace.sentences  # (and the trace did record)


# -- command line ----------------------------------------------------------------------
@pytest.fixture()
def cli(veille_nlp: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    from veille.cli import app

    monkeypatch.setattr(veille.explain, "_default_nlp", lambda: veille_nlp)  # the session's model, not a second one
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["explain", *args], env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, veille_nlp: Any) -> tuple[Path, str]:
    from veille.pipeline import Ingestor
    from veille.store import Store

    folder = tmp_path_factory.mktemp("explain")
    article = folder / "vallee.txt"
    article.write_text(f"Tensions dans la vallée\n\n{ATTACK} {DEMONSTRATIVE}\n", "utf-8")
    db = folder / "explain.duckdb"
    with Store(db) as store:
        assert Ingestor(store, nlp=veille_nlp).ingest_paths([article]).new == 1
        [(doc_id,)] = store.con.execute("SELECT doc_id FROM documents").fetchall()
    return db, doc_id


def test_the_command_shows_each_candidate_and_why(cli: Any) -> None:
    shown = cli(f"{ATTACK} {OWN_VOICE}", "--published", PUBLISHED)
    assert shown.exit_code == 0, shown.output
    assert "attaqué" in shown.output and "ASSAULT" in shown.output and "event" in shown.output
    assert "obligation_own_voice" in shown.output and reasons()["obligation_own_voice"].en[:30] in shown.output


def test_the_command_prints_json_and_reads_a_file(cli: Any, tmp_path: Path) -> None:
    text = tmp_path / "texte.txt"
    text.write_text(DEMONSTRATIVE, "utf-8")
    shown = cli("--file", str(text), "--json", "--lang", "fr")
    assert shown.exit_code == 0, shown.output
    report = json.loads(shown.output)
    candidate = _candidate(report, DEMONSTRATIVE, "affrontements")
    assert candidate["reason"] == "demonstrative" and candidate["explanation"] == reasons()["demonstrative"].fr


def test_the_command_codes_a_stored_document_again(cli: Any, stored: tuple[Path, str]) -> None:
    from veille.store import Store

    db, doc_id = stored
    shown = cli("--doc", doc_id, "--db", str(db), "--json")
    assert shown.exit_code == 0, shown.output
    report = json.loads(shown.output)
    assert report["doc_id"] == doc_id and _candidate(report, ATTACK, "attaqué")["outcome"] == "event"
    with Store(db, read_only=True) as store:
        stored_types = sorted(t for (t,) in store.con.execute("SELECT type FROM events").fetchall())
    assert sorted(e["type"] for e in report["events"]) == stored_types
    unknown = cli("--doc", "no-such-doc", "--db", str(db))
    assert unknown.exit_code == 2 and "no document" in unknown.output
    dated = cli("--doc", doc_id, "--db", str(db), "--published", PUBLISHED)  # a stored document has its own date
    assert dated.exit_code == 2 and "--published" in dated.output


def test_the_command_wants_one_text(cli: Any) -> None:
    assert cli().exit_code == 2
    assert cli(ATTACK, "--doc", "x").exit_code == 2


def test_the_command_refuses_a_date_or_a_home_it_cannot_read(cli: Any) -> None:
    for option, value in (("--published", "mardi dernier"), ("--published", "2025-13-40"), ("--home", "QQQ"),
                          ("--home", "fr")):
        shown = cli(HABIT, option, value)
        assert shown.exit_code == 2 and "error" in shown.output and value in shown.output, (option, value)
    assert cli(HABIT, "--published", "10 juin 2025", "--home", "CHL").exit_code == 0


# -- web API ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def served(stored: tuple[Path, str], veille_nlp: Any) -> Iterator[str]:
    from veille.serve import create_app

    with running(create_app(stored[0], nlp=veille_nlp)) as base:
        yield base


def _post(base: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{base}/api/explain", json=body, timeout=60)


def test_the_route_explains_a_text(served: str) -> None:
    answer = _post(served, {"text": f"{ATTACK} {OWN_VOICE}", "published": PUBLISHED, "lang": "fr"})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert _candidate(report, ATTACK, "attaqué")["events"][0]["kept"]
    own_voice = _candidate(report, OWN_VOICE, "doit")
    assert own_voice["explanation"] == reasons()["obligation_own_voice"].fr


def test_the_route_codes_a_stored_document_again(served: str, stored: tuple[Path, str]) -> None:
    answer = _post(served, {"doc_id": stored[1]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["doc_id"] == stored[1]
    assert _post(served, {"doc_id": "no-such-doc"}).status_code == 404
    for body in ({}, {"text": ATTACK, "doc_id": stored[1]}, {"text": ATTACK, "lang": "de"}, {"text": ATTACK, "x": 1},
                 {"text": ATTACK, "published": "hier"}, {"text": ATTACK, "home": "XYZ"},
                 {"doc_id": stored[1], "home": "CHL"}):
        refused = _post(served, body)
        assert refused.status_code == 422 and set(refused.json()) == {"error", "message", "details"}, body


def test_the_route_is_in_the_api_schema(served: str) -> None:
    spec = httpx.get(f"{served}/openapi.json", timeout=30).json()
    post = spec["paths"]["/api/explain"]["post"]
    assert post["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Explanation")
    assert {"text", "doc_id", "published", "home", "lang"} <= set(spec["components"]["schemas"]["ExplainRequest"]
                                                                   ["properties"])


def test_the_document_page_links_to_why_these_events(served: str, stored: tuple[Path, str]) -> None:
    doc_id = stored[1]
    page = httpx.get(f"{served}/documents/{doc_id}", params={"lang": "en"}, timeout=30)
    assert page.status_code == 200 and f"/documents/{doc_id}/explain" in page.text
    why = httpx.get(f"{served}/documents/{doc_id}/explain", params={"lang": "en"}, timeout=60)
    assert why.status_code == 200, why.text
    shown = html.unescape(why.text)
    assert "« attaqué »" in shown and "demonstrative" in shown and reasons()["demonstrative"].en in shown
    assert httpx.get(f"{served}/documents/no-such-doc/explain", timeout=30).status_code == 404
