"""Triggers read in another sense, or of another PLOVER type, told apart by the words around them (the sense
constraints of events/data/triggers.yaml: what the object or the words near the trigger must or must not be)."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes


def _of_type(events: list[dict], event_type: str) -> list[dict]:
    return [e for e in events if e["type"] == event_type]


@pytest.mark.parametrize("text, actor, recipient", [
    ("La Turquie apporte un soutien logistique à la Libye.", "TUR", "LBY"),
    ("Le soutien militaire de la Russie a permis au régime syrien de reprendre Alep.", "RUS", "SYR"),
])
def test_material_support_is_aid_not_endorsement(veille_nlp, text: str, actor: str, recipient: str) -> None:
    events = code(veille_nlp, text)
    aid = _of_type(events, "AID")
    assert aid and codes(aid[0]["actor"]) == {actor} and recipient in codes(aid[0]["recipient"]), events
    assert not _of_type(events, "SUPPORT"), events


def test_support_given_in_words_stays_support(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre grec a apporté son soutien à Chypre.")
    assert _of_type(events, "SUPPORT") and not _of_type(events, "AID"), events


def test_promised_sanctions_are_a_threat_a_promised_aid_an_agreement(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre de l'Intérieur allemand a promis de lourdes sanctions contre les émeutiers.")
    assert _of_type(events, "THREATEN") and not _of_type(events, "AGREE"), events
    events = code(veille_nlp, "Le président turc a promis une aide à l'Azerbaïdjan.")
    assert _of_type(events, "AGREE") and not _of_type(events, "THREATEN"), events


def test_claiming_a_deed_is_no_demand(veille_nlp) -> None:
    events = code(veille_nlp, "L'armée française a revendiqué la neutralisation de dizaines de jihadistes au Mali.")
    assert not _of_type(events, "REQUEST"), events
    events = code(veille_nlp, "Les syndicats algériens revendiquent une hausse des salaires.")
    assert _of_type(events, "REQUEST"), events


def test_blame_laid_on_another_is_an_accusation(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre iranien a rejeté sur Washington la responsabilité de l'échec des "
                              "négociations.")
    accusations = _of_type(events, "ACCUSE")
    assert accusations and codes(accusations[0]["actor"]) == {"IRN"}, events
    assert "USA" in codes(accusations[0]["recipient"]) and not _of_type(events, "REJECT"), events


def test_blocking_a_march_is_force_blocking_a_bill_a_rejection(veille_nlp) -> None:
    events = code(veille_nlp, "La police biélorusse a bloqué le défilé des opposants à Minsk.")
    assert _of_type(events, "COERCE") and not _of_type(events, "REJECT"), events
    events = code(veille_nlp, "Le Sénat américain a bloqué le projet de loi des démocrates.")
    assert _of_type(events, "REJECT"), events


@pytest.mark.parametrize("text, event_type", [
    # a speech or a visit brought to an end, no deal concluded
    ("Le chef du gouvernement britannique a conclu son discours par un appel au calme.", "AGREE"),
    ("Le ministre allemand a conclu sa visite à Paris.", "AGREE"),
    # court work
    ("Le terroriste australien a plaidé coupable devant la justice néo-zélandaise.", "SUPPORT"),
    ("L'avocat du sénateur américain a plaidé que son client avait joué le jeu.", "SUPPORT"),
    # calls for tenders and emergency calls
    ("Selon le syndicat, les policiers français ne répondront plus qu'aux appels d'urgence.", "REQUEST"),
    # a police roadblock, a hypothesis ruled out, a square left, a step back, care sent
    ("La voiture a été arrêtée par un barrage de la police espagnole.", "PROTEST"),
    ("La police allemande a exclu toute motivation politique.", "REJECT"),
    ("La police biélorusse a empêché les manifestants de quitter la place.", "RETREAT"),
    ("Astreinte à un devoir de réserve, la ministre française s'était mise en retrait de la campagne.", "RETREAT"),
    ("La ministre française des Outre-mer a annoncé l'arrivée de renforts de la réserve sanitaire et de "
     "respirateurs.", "MOBILIZE"),
    # worry for oneself, fires deplored
    ("Le président français s'inquiète pour son avenir politique.", "ACCUSE"),
    ("Le président américain a déploré une série d'incendies en Californie.", "ACCUSE"),
])
def test_other_senses_are_no_event_of_the_type(veille_nlp, text: str, event_type: str) -> None:
    events = code(veille_nlp, text)
    assert not _of_type(events, event_type), events


@pytest.mark.parametrize("text, event_type", [
    ("La Russie et la Turquie ont conclu un accord sur la Syrie.", "AGREE"),
    ("Le ministre français a plaidé pour un rapprochement avec l'Allemagne.", "SUPPORT"),
    ("Le gouvernement britannique a exclu toute renégociation de l'accord.", "REJECT"),
    ("Le calme n'est revenu qu'après l'arrivée de renforts de police allemands.", "MOBILIZE"),
])
def test_the_political_sense_stays_an_event(veille_nlp, text: str, event_type: str) -> None:
    events = code(veille_nlp, text)
    assert _of_type(events, event_type), events


def test_a_resignation_is_a_retreat_by_the_one_who_resigns(veille_nlp) -> None:
    # PLOVER: RETREAT "also covers resignations of government officials" (mode resign), not CONCEDE
    events = code(veille_nlp, "Les ministres maliens de la Justice et de la Défense ont présenté lundi leur démission.")
    assert _of_type(events, "RETREAT") and not _of_type(events, "CONCEDE"), events
    retreat = _of_type(events, "RETREAT")[0]
    assert retreat["mode"] == "resign" and codes(retreat["actor"]) == {"MLI"}, events


def test_a_crackdown_promised_is_a_threat(veille_nlp) -> None:
    events = code(veille_nlp, "Le Hamas a promis de réprimer toute manifestation à Gaza.")
    assert _of_type(events, "THREATEN") and not _of_type(events, "AGREE"), events
