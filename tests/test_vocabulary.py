"""The event vocabulary (src/veille/model/vocabulary.yaml) is declared once and read by everyone.

- The packaged file loads; what the coder, the merger and the read API use is what it says.
- A wrong file is an error naming the file, the line and the key, for every kind of mistake.
- A type added in another vocabulary file (`$VEILLE_VOCABULARY`), with no Python touched, is one
  the API's schema offers as a filter value and the UI labels, on a real server (`veille serve`
  in a subprocess) over a real store; the packaged vocabulary's app does not offer it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from test_api_server import SYN_DOCS, SYN_TEXTS, free_port, synthetic_batch
from veille.datafile import DataFileError
from veille.events.lexicon import Lexicon
from veille.model.vocabulary import ENV, load_vocabulary, read_vocabulary
from veille.store import Store

PACKAGED = Path(load_vocabulary().source)
NEW_TYPE = """\
  EVACUATE:
    doc: "evacuate civilians or nationals from a danger zone"
    score: 3.5
    modes: {airlift: 4}
    family: withdraw
    de: actor
    sized: true
    labels: {fr: Évacuation, en: Evacuation}
"""


def vocabulary_text(old: str = "", new: str = "") -> str:
    text = PACKAGED.read_text("utf-8")
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def with_new_type() -> str:
    return vocabulary_text("\nstatuses:\n", NEW_TYPE + "\nstatuses:\n")


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_the_packaged_vocabulary_is_what_everyone_reads() -> None:
    from veille.serve.i18n import labels
    from veille.store import queries
    from veille.stories import merge

    vocabulary = load_vocabulary()
    assert PACKAGED.name == "vocabulary.yaml" and PACKAGED.parent.name == "model"
    assert len(vocabulary.types) == 16 and vocabulary.types["MOBILIZE"].score == -5.5
    assert vocabulary.score("CONSULT", "phone") == 1.5 and vocabulary.score("NOPE", None) == 0
    assert tuple(vocabulary.types) == queries.TYPES
    assert queries.STATUSES == merge.STATUS_ORDER == ("asserted", "reported", "negated", "future", "hypothetical")
    assert merge.family("AID") == merge.family("MOBILIZE") == "deploy" and merge.family("XYZ") == "XYZ"
    assert {"agree", "consult", "cooperate"} == merge.RECIPROCAL
    assert merge.STATUS_GROUP["negated"] == "fact"
    assert labels()["en"]["types"]["ASSAULT"] == "Assault" and labels()["fr"]["statuses"]["future"] == "à venir"
    assert vocabulary.with_flag("domestic") == {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE"}
    assert Lexicon.load().entries["invasion"][0].de == "recipient"  # ASSAULT's "de X" is its recipient


@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ("    family: deploy\n    de: actor\n    promised", "    famly: deploy\n    de: actor\n    promised",
     "famly: deploy", "types.AID.famly: unknown key 'famly'"),
    ("    family: sanction\n", "    family: sanctions\n", "family: sanctions",
     "types.SANCTION.family: unknown value 'sanctions' (expected one of agree, consult"),
    ("    de: recipient\n    promised: {as: CONCEDE}", "    de: recipiant\n    promised: {as: CONCEDE}",
     "de: recipiant", "types.RETREAT.de: unknown value 'recipiant'"),
    ("score: -9\n", "score: lots\n", "score: lots", "types.ASSAULT.score: expected a number, got 'lots'"),
    ("modes: {demo: -5,", "modes: {demo: high,", "modes: {demo: high", "types.PROTEST.modes.demo: expected a number"),
    ("    domestic: true\n    labels: {fr: Protestation", "    domestic: yes please\n    labels: {fr: Protestation",
     "domestic: yes please", "types.PROTEST.domestic: expected true or false"),
    ("labels: {fr: démenti, en: negated}", "labels: {fr: démenti}", "labels: {fr: démenti}",
     "statuses.negated.labels: missing key 'en'"),
    ("    judgement: true\n    addressed: true\n    labels: {fr: Accusation",
     "    judgment: true\n    addressed: true\n    labels: {fr: Accusation", "judgment: true",
     "types.ACCUSE.judgment: unknown key 'judgment' (expected"),
    ("    promised: {as: CONCEDE}", "    promised: {as: CONCEED}", "{as: CONCEED}",
     "types.RETREAT.promised.as: unknown value 'CONCEED' (expected one of AGREE, CONSULT"),
    ("{as: THREATEN, mode: sanction}", "{as: THREATEN, mode: sanctions}", "mode: sanctions",
     "types.SANCTION.threatened.mode: unknown value 'sanctions' (expected one of restrict"),
    ('  sized: "its events carry counts', "  sized: # its events carry counts", "sized: # its",
     "flags.sized: expected text, got nothing"),
], ids=["key", "family", "role", "score", "mode", "flag", "label", "unknown flag", "recast type", "recast mode",
        "flag doc"])
def test_a_wrong_vocabulary_is_an_error_naming_file_and_line(tmp_path: Path, old: str, new: str, at: str,
                                                             message: str) -> None:
    text = vocabulary_text(old, new)
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(DataFileError) as caught:
        read_vocabulary(path)
    assert str(caught.value).startswith(f"{path}, line {line_of(text, at)}: {message}"), caught.value


def test_a_trigger_of_a_new_type_needs_the_type_in_the_vocabulary(tmp_path: Path) -> None:
    vocabulary_file = tmp_path / "vocabulary.yaml"
    vocabulary_file.write_text(with_new_type(), "utf-8")
    triggers = tmp_path / "evacuations.yaml"
    triggers.write_text("types:\n  EVACUATE:\n    - {lemma: exfiltrer, pos: VERB, obj: $people, mode: airlift}\n",
                        "utf-8")
    lexicon = Lexicon.load([triggers], read_vocabulary(vocabulary_file))
    assert [(e.type, e.mode, e.de) for e in lexicon.entries["exfiltrer"]] == [("EVACUATE", "airlift", "actor")]
    with pytest.raises(DataFileError, match=rf"^{triggers}, line 2: types.EVACUATE: unknown PLOVER type"):
        Lexicon.load([triggers])


def _type_enum(openapi: dict[str, Any], path: str) -> list[str]:
    parameter = next(p for p in openapi["paths"][path]["get"]["parameters"] if p["name"] == "type")
    return next(s["enum"] for s in parameter["schema"]["anyOf"] if "enum" in s)


def test_a_type_added_in_a_vocabulary_file_is_served_without_touching_python(tmp_path: Path) -> None:
    vocabulary_file = tmp_path / "vocabulary.yaml"
    vocabulary_file.write_text(with_new_type(), "utf-8")
    db = tmp_path / "store.duckdb"
    batch = synthetic_batch()
    text = SYN_TEXTS[1]
    batch.add("events", {
        "event_id": f"{SYN_DOCS[1]}-900", "doc_id": SYN_DOCS[1], "source": "https://example.org/balkans/1",
        "type": "EVACUATE", "mode": "airlift", "context": [], "status": "asserted", "date": "2023-04-02",
        "actor": [{"text": "La Serbie", "actor_id": "SRB", "code": "SRB", "sector": None}], "recipient": [],
        "sentence": text, "start": 0, "end": len(text), "trigger": "livré", "score": 4.0, "confidence": 0.9})
    with Store(db) as store:
        store.write(batch)

    # the packaged vocabulary's app and read API do not know the type
    from veille.serve import create_app
    from veille.store.queries import EventFilter, InvalidParameter

    assert "EVACUATE" not in _type_enum(create_app(db).openapi(), "/api/events")
    with pytest.raises(InvalidParameter, match="unknown event type 'EVACUATE'"):
        EventFilter(type="EVACUATE").validate()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([sys.executable, "-m", "veille.cli", "serve", "--db", str(db), "--port", str(port)],
                               stderr=subprocess.PIPE, text=True, env={**os.environ, ENV: str(vocabulary_file)})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)

        # the API: the type filters' enums, and a filter on it
        openapi = httpx.get(base + "/openapi.json", timeout=30).json()
        for path in ("/api/events", "/api/graph"):
            enum = _type_enum(openapi, path)
            assert enum[-1] == "EVACUATE" and enum[:-1] == list(load_vocabulary().types), enum
        found = httpx.get(base + "/api/events", params={"type": "evacuate"}, timeout=30).json()
        assert [(e["type"], e["mode"]) for e in found["items"]] == [("EVACUATE", "airlift")]

        # the UI: the filter's menu and the event's row, in both languages
        for lang, label in (("en", "Evacuation"), ("fr", "Évacuation")):
            page = httpx.get(base + "/events", params={"lang": lang}, timeout=30)
            assert page.status_code == 200
            assert re.search(rf'<option value="EVACUATE"[^>]*>{label}</option>', page.text), page.text
            assert re.search(rf'<span class="etype" title="EVACUATE/airlift">{label} ', page.text), page.text
    finally:
        process.terminate()
        process.communicate(timeout=60)


def test_the_coder_refuses_a_vocabulary_without_the_statuses_it_gives(tmp_path: Path, monkeypatch) -> None:
    from veille.events import coder

    path = tmp_path / "vocabulary.yaml"
    text = vocabulary_text("""  hypothetical:
    doc: "possible, conditional or asked for"
    group: hypothetical
    labels: {fr: hypothétique, en: hypothetical}
""", "")
    path.write_text(text, "utf-8")
    assert "hypothetical" not in read_vocabulary(path).statuses
    monkeypatch.setattr(coder, "load_vocabulary", lambda: read_vocabulary(path))
    with pytest.raises(ValueError, match=rf"^{path}: no status hypothetical \(the coder gives them\)"):
        coder.EventCoder(None)  # type: ignore[arg-type]  # the language is not read before the check


def test_the_command_line_help_names_the_vocabulary_types(tmp_path: Path) -> None:
    vocabulary_file = tmp_path / "vocabulary.yaml"
    vocabulary_file.write_text(with_new_type(), "utf-8")
    shown = subprocess.run([sys.executable, "-m", "veille.cli", "events", "--help"], capture_output=True, text=True,
                           env={**os.environ, ENV: str(vocabulary_file), "COLUMNS": "300"}, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert "COERCE, ASSAULT, EVACUATE." in " ".join(shown.stdout.split()), shown.stdout
    assert "asserted, reported, negated, future, hypothetical" in " ".join(shown.stdout.split())


def test_a_measure_whose_imposer_goes_unsaid_is_a_type_the_vocabulary_flags(veille_nlp):
    """The role "its imposer may go unsaid" is the vocabulary's `imposed` flag, which the coder reads: an event of
    such a type with no named actor takes the party the text told imposing that kind of measure; the same text
    coded with the flag off leaves the act without an actor."""
    from veille.events.testing import code, codes, find

    assert load_vocabulary().with_flag("imposed") == {"SANCTION"}
    coder = veille_nlp.get_pipe("veille_events")
    assert coder.imposed == load_vocabulary().with_flag("imposed")
    text = ("Le Canada a imposé lundi des sanctions à la Birmanie. Douze généraux birmans ont également été "
            "sanctionnés mardi.")
    second = find(code(veille_nlp, text, "2023-05-03"), "SANCTION", "sanctionnés")
    assert second and codes(second["actor"]) == {"CAN"}, second
    kept, coder.imposed = coder.imposed, frozenset()
    try:
        assert find(code(veille_nlp, text, "2023-05-03"), "SANCTION", "sanctionnés") is None
    finally:
        coder.imposed = kept


def test_the_acts_that_set_one_state_against_another_are_a_type_the_vocabulary_flags(veille_nlp):
    """The material hostilities a deployment's target is read from are the vocabulary's `hostile` types, as the
    coder holds them; a verbal charge is not one of them."""
    hostile = load_vocabulary().with_flag("hostile")
    assert {"ASSAULT", "THREATEN", "MOBILIZE"} <= hostile and "ACCUSE" not in hostile
    assert veille_nlp.get_pipe("veille_events").hostile == hostile


def test_the_roles_the_coder_gives_types_are_flags_the_vocabulary_declares(veille_nlp) -> None:
    """Which types need a named speaker, are speech acts, reactions, judgements, addressed or crimes is the
    vocabulary's `flags`, which the coder and the argument finder read by name; every flag the file declares
    is read by some module, and a flag it does not declare is an error naming the file."""
    from veille.events import arguments, coder

    vocabulary = load_vocabulary()
    assert vocabulary.with_flag("speech") == {"REQUEST", "ACCUSE", "THREATEN", "REJECT"}
    assert vocabulary.with_flag("judgement") < vocabulary.with_flag("reaction") < vocabulary.with_flag("verbal")
    assert vocabulary.with_flag("speech") < vocabulary.with_flag("verbal")
    assert "CONSULT" in vocabulary.with_flag("verbal") and "ASSAULT" not in vocabulary.with_flag("verbal")
    assert vocabulary.with_flag("crime") == {"ASSAULT", "COERCE"}
    assert {"RETREAT", "CONCEDE", "SANCTION"} <= vocabulary.with_flag("addressed")
    pipe = veille_nlp.get_pipe("veille_events")  # the coder reads the flags once, as it is built
    assert vocabulary.with_flag("verbal") == pipe.verbal and vocabulary.with_flag("addressed") == pipe.addressed
    assert vocabulary.with_flag("judgement") == arguments._JUDGING_TYPES
    assert arguments._SHARED_TYPES == vocabulary.with_flag("reciprocal") == {"AGREE", "CONSULT", "COOPERATE"}
    source = "".join(path.read_text("utf-8") for path in (Path(coder.__file__).parent.parent).rglob("*.py"))
    read = set(re.findall(r"with_flag\(\"(\w+)\"\)", source))
    assert set(vocabulary.flags) <= read
    with pytest.raises(LookupError, match=r"vocabulary.yaml: no flag 'verbl' is declared"):
        vocabulary.with_flag("verbl")


def test_the_argument_roles_of_types_are_flags_the_vocabulary_declares(veille_nlp) -> None:
    """Which types carry material means, go somewhere, take their recipient from the verb's "à X" or "de X", are
    meetings, may leave their doer unnamed or answer a rival is the vocabulary's `flags`, not type names in code."""
    from veille.events import arguments

    vocabulary = load_vocabulary()
    assert vocabulary.with_flag("destination") < vocabulary.with_flag("material") == {"AID", "MOBILIZE", "RETREAT",
                                                                                      "COOPERATE"}
    assert vocabulary.with_flag("dative") == {"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN", "SANCTION"}
    assert vocabulary.with_flag("from_whom") == {"RETREAT", "SANCTION", "REQUEST", "AID"}
    assert vocabulary.with_flag("meeting") == {"CONSULT", "AGREE"}
    assert vocabulary.with_flag("unnamed_doer") == {"ASSAULT", "COERCE", "PROTEST"}
    assert vocabulary.with_flag("retort") < vocabulary.with_flag("speech")
    pipe = veille_nlp.get_pipe("veille_events")
    assert (pipe.material, pipe.destination, pipe.meetings, pipe.unnamed_doer, pipe.retorts) == tuple(
        vocabulary.with_flag(f) for f in ("material", "destination", "meeting", "unnamed_doer", "retort"))
    read = (arguments._MATERIAL_TYPES, arguments._DATIVE_TYPES, arguments._FROM_WHOM_TYPES, arguments._MEETING_TYPES)
    assert read == tuple(vocabulary.with_flag(f) for f in ("material", "dative", "from_whom", "meeting"))


def test_what_an_act_promised_or_threatened_is_coded_as_is_the_vocabularys() -> None:
    """A support or an aid told as to come is an agreement, a withdrawal a concession (no mode); a sanction or an
    attack promised on a condition is a threat of its kind, an arrest threatened keeps its mode."""
    vocabulary = load_vocabulary()
    assert vocabulary.recast("AID", "troops", "promised") == ("AGREE", None)
    assert vocabulary.recast("RETREAT", "resign", "promised") == ("CONCEDE", None)
    assert vocabulary.recast("CONSULT", "visit", "promised") is None  # a meeting to come stays a meeting
    assert vocabulary.recast("SANCTION", "expel", "threatened") == ("THREATEN", "sanction")
    assert vocabulary.recast("ASSAULT", "aerial", "threatened") == ("THREATEN", "violence")
    assert vocabulary.recast("COERCE", "arrest", "threatened") == ("THREATEN", "arrest")
    assert vocabulary.recast("COERCE", "censor", "threatened") == ("THREATEN", None)
    assert vocabulary.recast("PROTEST", "demo", "threatened") is None
    assert vocabulary.recast("NOPE", None, "promised") is None
