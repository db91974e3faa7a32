"""Mechanisms for real press (issue 16), on sentences written for veille: the first person of a
quote, threats and court sentences, sources of statements, glued sub-headings, states of affairs,
and the trained confidence model."""

from __future__ import annotations

import json

import pytest

from veille.events.confidence import ConfidenceModel, bucket
from veille.events.testing import code, codes


def _of_type(events: list[dict], event_type: str) -> list[dict]:
    return [e for e in events if e["type"] == event_type]


def test_the_first_person_of_a_quote_is_its_speaker(veille_nlp) -> None:
    events = code(veille_nlp, '"Nous refusons les exigences de la Turquie", a déclaré le ministre grec des '
                              "Affaires étrangères.")
    rejects = _of_type(events, "REJECT")
    assert rejects, events
    assert "GRC" in codes(rejects[0]["actor"])


def test_a_promised_reprisal_is_a_threat(veille_nlp) -> None:
    events = code(veille_nlp, "L'Iran a promis de venger la mort de ses soldats tués par Israël.")
    threats = _of_type(events, "THREATEN")
    assert threats and "IRN" in codes(threats[0]["actor"]), events
    assert not _of_type(events, "AGREE")


def test_evoked_sanctions_are_a_threat_not_sanctions(veille_nlp) -> None:
    events = code(veille_nlp, "Le gouvernement allemand a évoqué de possibles sanctions contre la Russie.")
    assert _of_type(events, "THREATEN"), events
    assert not [e for e in _of_type(events, "SANCTION") if e["status"] in ("asserted", "reported")]


def test_a_death_sentence_is_coercion_not_an_accusation(veille_nlp) -> None:
    events = code(veille_nlp, "Un tribunal de Bagdad a condamné à mort deux ressortissants français.")
    coerce = _of_type(events, "COERCE")
    assert coerce, events
    assert "FRA" in codes(coerce[0]["recipient"])


def test_verbal_attacks_are_accusations(veille_nlp) -> None:
    events = code(veille_nlp, "Pyongyang a multiplié les attaques verbales contre Séoul.")
    assert _of_type(events, "ACCUSE"), events
    assert not _of_type(events, "ASSAULT")


def test_a_statement_is_reported_by_its_speaker(veille_nlp) -> None:
    events = code(veille_nlp, "Le Premier ministre grec a dénoncé les provocations de la Turquie.")
    accuse = _of_type(events, "ACCUSE")
    assert accuse, events
    assert accuse[0]["reported_by"] and accuse[0]["reported_by"]["code"] == "GRC"


def test_a_glued_sub_heading_is_not_an_event(veille_nlp) -> None:
    text = ("La Turquie a convoqué l'ambassadeur grec jeudi.- Attaques répétées -Le ministère grec "
            "a dit attendre des explications.")
    events = code(veille_nlp, text)
    assert not _of_type(events, "ASSAULT"), events


def test_a_state_of_affairs_is_not_an_event_without_a_toll(veille_nlp) -> None:
    calm = code(veille_nlp, "Le conflit entre la Grèce et la Turquie pèse sur les relations de l'OTAN.")
    assert not _of_type(calm, "ASSAULT"), calm
    toll = code(veille_nlp, "Le conflit entre l'Arménie et l'Azerbaïdjan a fait 300 morts en septembre.")
    assert _of_type(toll, "ASSAULT"), toll


def test_confidence_is_a_probability_from_the_weights(tmp_path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"bias": -1.0, "threshold": 0.4, "weights": {"type=ACCUSE": 2.0}}), "utf-8")
    model = ConfidenceModel.load(path)
    assert model.trained and model.threshold == 0.4
    assert model.probability({"type=ACCUSE": 1.0}) == pytest.approx(0.731, abs=1e-3)
    assert model.probability({"type=ASSAULT": 1.0}) == pytest.approx(0.269, abs=1e-3)
    assert bucket(3, (2, 3, 5)) == 2 and bucket(9, (2, 3, 5)) == 3


def test_a_broken_model_file_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"weights": 3}', "utf-8")
    with pytest.raises(ValueError, match="not a confidence model"):
        ConfidenceModel.load(path)


def test_events_carry_the_shipped_models_confidence(veille_nlp) -> None:
    coder = veille_nlp.get_pipe("veille_events")
    assert coder.model.trained and coder.model.weights, coder.model.source
    events = code(veille_nlp, "L'Union européenne a imposé des sanctions à la Russie.")
    assert events and all(coder.threshold <= e["confidence"] <= 1.0 for e in events)
    assert all("_features" not in e for e in events)


def test_a_toll_nobody_caused_is_not_an_attack(veille_nlp) -> None:
    disease = code(veille_nlp, "En Espagne, l'épidémie a fait 240 morts supplémentaires en une journée.")
    assert not _of_type(disease, "ASSAULT"), disease
    attack = code(veille_nlp, "En Syrie, un bombardement a fait 24 morts dans un marché d'Idleb.")
    assert _of_type(attack, "ASSAULT"), attack


def test_other_senses_of_appeler_and_s_engager_are_not_events(veille_nlp) -> None:
    naming = code(veille_nlp, "Le porte-parole grec a expliqué ce que la Grèce appelle la doctrine de la patrie bleue.")
    assert not _of_type(naming, "REQUEST"), naming
    assert not _of_type(code(veille_nlp, "Le ministre grec s'est engagé dans la vie politique en 1990."), "AGREE")
    assert _of_type(code(veille_nlp, "La Grèce a appelé la Turquie à retirer ses navires."), "REQUEST")
