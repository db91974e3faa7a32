"""What the confidence model reads around an event (events/confidence.py): the clause of its trigger, a past year
named beside it, how far back its sides' codes were named, and its lexicon entry's prior."""

from __future__ import annotations

import json

from veille.events.confidence import (
    ENTRY_KEY,
    ConfidenceModel,
    clause,
    crossed,
    placement_features,
    with_prior,
)
from veille.events.testing import code, features_kept, find


def _token(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def test_the_clause_of_a_trigger(veille_nlp) -> None:
    assert clause(_token(veille_nlp, "Le Kenya a expulsé mardi deux diplomates somaliens.", "expulsé")) == "main"
    assert clause(_token(veille_nlp, "Le ministre, qui avait expulsé deux diplomates en mars, a démissionné hier.",
                         "expulsé")) == "relative"
    assert clause(_token(veille_nlp, "Après que le Kenya a expulsé deux diplomates, Mogadiscio a protesté.",
                         "expulsé")) == "subordinate"
    assert clause(_token(veille_nlp, "Les diplomates expulsés par le Kenya sont rentrés à Mogadiscio.",
                         "expulsés")) == "participial"


def test_a_past_year_the_clause_and_the_entry_are_read_from_the_event(veille_nlp) -> None:
    text = ("La police a dispersé samedi des manifestants devant le Parlement à Nairobi. "
            "Le Kenya, brouillé avec la Somalie depuis 2019, a expulsé mardi deux diplomates somaliens.")
    with features_kept(veille_nlp):
        events = code(veille_nlp, text, "2021-03-10")
    dispersed = next((e for e in events if e["trigger"] == "dispersé"), None)
    assert dispersed is not None, events
    features = dispersed["_features"]
    assert features["clause=main"] == 1.0
    assert "sentence_past_year" not in features
    assert any(name.startswith(ENTRY_KEY) for name in features)
    expelled = next((e for e in events if e["trigger"] == "expulsé"), None)
    assert expelled is not None, events
    assert expelled["_features"]["sentence_past_year"] == 1.0  # the year of a background, named beside the act
    assert expelled["_features"]["clause=main"] == 1.0


def test_placement_reads_how_far_back_the_codes_were_named() -> None:
    event = {"type": "ACCUSE", "actor": [{"text": "", "actor_id": None, "code": "FRA", "sector": "GOV"}],
             "recipient": [], "date": "2021-06-02", "date_fallback": False}
    f = placement_features(event, set(), set(), ["FRA"], "2021-06-04", 0.3, False, False, 5, 12, False,
                           distance={"actor": 4, "recipient": None})
    assert f["actor_distance=3"] == 1.0 and f["recipient_distance=none"] == 1.0
    near = placement_features(event, set(), set(), [], "2021-06-04", 0.3, False, False, 5, 12, False,
                              distance={"actor": 1})
    assert near["actor_distance=1"] == 1.0 and not any(k.startswith("recipient_distance") for k in near)


def test_coded_events_know_how_far_back_their_sides_were_named(veille_nlp) -> None:
    text = ("Le président brésilien Jair Bolsonaro a reçu lundi à Brasilia le chef de la diplomatie argentine. "
            "Les deux pays ont évoqué la frontière. Le commerce entre eux a reculé cette année. "
            "Les industriels s'inquiètent des prix de l'acier. "
            "Ils ont signé un accord de coopération sur les douanes.")
    with features_kept(veille_nlp):
        events = code(veille_nlp, text, "2021-03-10")
    received = find(events, "CONSULT")
    assert received is not None, events
    assert received["_features"]["actor_distance=0"] == 1.0
    signed = find(events, "AGREE") or find(events, "COOPERATE")
    assert signed is not None, events
    # its sides are the two states named four sentences back
    assert signed["_features"]["actor_distance=3"] == 1.0, signed["_features"]


def test_an_entrys_prior_replaces_its_key(tmp_path) -> None:
    features = {"type=ACCUSE": 1.0, f"{ENTRY_KEY}dénoncer|ACCUSE|": 1.0}
    assert with_prior(features, {"dénoncer|ACCUSE|": -0.8}) == {"type=ACCUSE": 1.0, "entry_prior": -0.8}
    assert with_prior(features, {})["entry_prior"] == 0.0  # never seen: the average
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": {"entry_prior": 1.0}, "bias": 0.0, "threshold": 0.4,
                                "entry_priors": {"dénoncer|ACCUSE|": -2.0}}), "utf-8")
    model = ConfidenceModel.load(path)
    assert model.priors == {"dénoncer|ACCUSE|": -2.0}
    assert model.probability(features) < 0.2  # the entry's past events were mostly wrong
    assert model.probability({f"{ENTRY_KEY}other|ACCUSE|": 1.0}) == 0.5


def test_crossed_features_multiply_what_two_prefixes_name(tmp_path) -> None:
    features = {"recipient_inferred": 1.0, "politics=2": 1.0, "gap=1": 1.0, "tense=present": 1.0, "heuristic": 0.5}
    crosses = ((("recipient_inferred", "recipient_named"), ("politics=",)), (("gap=",), ("tense=", "heuristic")))
    out = crossed(features, crosses)
    assert out["recipient_inferred&politics=2"] == 1.0
    assert out["gap=1&tense=present"] == 1.0 and out["gap=1&heuristic"] == 0.5
    assert {k: v for k, v in out.items() if "&" not in k} == features
    assert crossed(features, ()) is features
    assert not any("&" in k for k in crossed({"recipient_named": 1.0}, crosses))  # nothing to cross it with
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": {"recipient_inferred&politics=2": -3.0}, "bias": 0.0, "threshold": 0.4,
                                "crosses": [[["recipient_inferred"], ["politics="]]]}), "utf-8")
    model = ConfidenceModel.load(path)
    assert model.crosses == ((("recipient_inferred",), ("politics=",)),)
    # the cross the model file declares is what it weighs: a guessed side in a document of middling politics
    assert model.probability(features) < 0.1
    assert model.probability({"recipient_inferred": 1.0, "politics=4": 1.0}) == 0.5
