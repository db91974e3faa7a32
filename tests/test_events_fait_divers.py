"""Events that are not political: the crimes, arrests and mishaps of private persons (events/coder.py).

A document that opens on a fait divers, an accident or a disaster reports ordinary news: what its private
persons and its unnamed police do in it is no event a political dataset wants, unless the document tells of
political violence or of protest. Texts written for veille."""

from __future__ import annotations

import pytest

from veille.events.coder import _private_event
from veille.events.testing import code, features_kept
from veille.model.vocabulary import load_vocabulary


def _side(code: str, sector: str | None = None, text: str = "", actor_id: str | None = None) -> dict:
    return {"text": text, "code": code, "sector": sector, "actor_id": actor_id}


def _event(event_type: str, actor: list[dict], recipient: list[dict]) -> dict:
    return {"type": event_type, "actor": actor, "recipient": recipient}


POLICE = _side("FRA", "COP", "police")
CRIMES = load_vocabulary().with_flag("crime")  # the types the coder reads as crimes and arrests


@pytest.mark.parametrize(("event", "private"), [
    # an arrest of unnamed persons by the unnamed police of their own state
    (_event("COERCE", [POLICE], [_side("FRA", "CVL", "deux hommes")]), True),
    # an unnamed shooter and the police he fires at
    (_event("ASSAULT", [_side("FRA")], [POLICE]), True),
    # unnamed people who ask something of one another: private, whatever the act
    (_event("REQUEST", [_side("FRA", "CVL", "habitants")], [_side("FRA")]), True),
    # the police asking something is no crime nor arrest: its acts other than these stay the state's
    (_event("REQUEST", [POLICE], [_side("FRA", "CVL", "habitants")]), False),
    # journalists, protesters and opponents arrested: the police acts for the state
    (_event("COERCE", [POLICE], [_side("FRA", "MED", "journalistes")]), False),
    (_event("COERCE", [POLICE], [_side("FRA", "OPP", "manifestants")]), False),
    # a person someone named (a minister, an opponent, a suspect with a name) is no unnamed private person
    (_event("COERCE", [POLICE], [_side("FRA", None, "Jean Dupont")]), False),
    # a state's police acting on people of another state is no fait divers of one state
    (_event("COERCE", [_side("RUS", "COP", "police")], [_side("UKR", "CVL", "civils")]), False),
    (_event("ASSAULT", [_side("FRA")], [_side("FRA", "GOV", "ministre")]), False),
])
def test_an_act_between_private_persons_or_an_arrest_by_the_unnamed_police_is_private(event: dict,
                                                                                        private: bool) -> None:
    assert _private_event(event, CRIMES) is private


def test_in_a_document_of_protest_the_police_acts_for_the_state() -> None:
    arrest = _event("COERCE", [POLICE], [_side("FRA", "CVL", "deux hommes")])
    assert not _private_event(arrest, CRIMES, street=False)
    assert _private_event(_event("REQUEST", [_side("FRA", "CVL", "habitants")], [_side("FRA")]), CRIMES, street=False)


ARREST = "Deux hommes ont été interpellés dimanche par la police à Montauban, a indiqué le parquet."


def _arrests(text: str, veille_nlp) -> list[dict]:
    with features_kept(veille_nlp):  # every event the coder finds: only the frame decides
        events = code(veille_nlp, text)
    return [e for e in events if e["type"] == "COERCE"]


@pytest.mark.parametrize(("opening", "kept"), [
    # the document opens on a stabbing: the arrest that follows is a fait divers
    ("Un livreur a été poignardé samedi soir devant une boulangerie du centre de Montauban.", False),
    # on a fire that killed a family
    ("Un incendie a ravagé samedi soir un immeuble du centre de Montauban.", False),
    # on no crime: the arrest is coded
    ("Le conseil municipal de Montauban a voté samedi le budget de la commune.", True),
    # a stabbing by a man the document calls radicalised is political violence
    ("Un livreur a été poignardé samedi soir par un homme radicalisé devant la mairie de Montauban.", True),
    # a stabbing during a protest: the police acts on the street of politics
    ("Un livreur a été poignardé samedi soir en marge d'une manifestation dans le centre de Montauban.", True),
])
def test_an_arrest_in_a_document_that_opens_on_a_fait_divers_is_not_emitted(veille_nlp, opening: str,
                                                                            kept: bool) -> None:
    assert bool(_arrests(f"{opening} {ARREST}", veille_nlp)) is kept


def test_without_the_opening_the_arrest_is_an_event(veille_nlp) -> None:
    assert _arrests(ARREST, veille_nlp)


THEFTS = ("Une série de vols de vélos électriques inquiète depuis l'automne les habitants de Montbrison, où une "
          "vingtaine de garages ont été visités la nuit. Les gendarmes ont demandé aux habitants du quartier de "
          "signaler tout véhicule suspect, a indiqué la gendarmerie de la Loire. Un voisin a installé des caméras "
          "devant son garage et partage les images avec ses amis. {extra} Les beaux jours arrivent et les balades "
          "reprennent sur les bords du fleuve.")


def _requests(text: str, veille_nlp) -> list[dict]:
    with features_kept(veille_nlp):  # every event the coder finds: only the frame decides
        doc = veille_nlp.make_doc(text)
        doc._.published, doc._.home = "2022-01-11", "FRA"
        events = veille_nlp(doc)._.events or []
    return [e for e in events if e["type"] == "REQUEST" and e["trigger"] == "demandé"]


@pytest.mark.parametrize(("extra", "kept"), [
    # ordinary news (bicycle thefts): the gendarmes asking the neighbourhood's people is no political event
    ("Les cyclistes rappellent qu'un bon antivol coûte moins cher qu'un vélo neuf.", False),
    # the same news with a protest in it: the police acts on the street of politics
    ("Des cyclistes ont organisé une manifestation devant la gendarmerie pour réclamer davantage de patrouilles.",
     True),
])
def test_the_unnamed_police_with_ordinary_people_in_ordinary_news_is_no_event(veille_nlp, extra: str,
                                                                               kept: bool) -> None:
    text = THEFTS.format(extra=extra)
    doc = veille_nlp(text)
    assert doc._.politics is not None and doc._.politics < 0.3  # the topic model reads ordinary news
    assert bool(_requests(text, veille_nlp)) is kept


@pytest.mark.parametrize(("text", "kept"), [
    # a company appealing to its own staff, accusing a competitor: business
    ("L'entreprise française Velmont a appelé mardi ses salariés à reprendre le travail.", False),
    ("La société américaine Zorvex a accusé mardi son concurrent Brimtek de contrefaçon.", False),
    # a company addressing a government or an organisation of states acts on politics
    ("L'entreprise française Velmont a appelé mardi le gouvernement français à baisser les impôts de production.",
     True),
    ("La société américaine Zorvex a accusé mardi la Commission européenne de protectionnisme.", True),
    # a state's television is no company: what it denounces is the state's word
    ("La télévision d'Etat iranienne a dénoncé mardi des manœuvres provocatrices.", True),
])
def test_a_company_acting_on_no_political_side_is_no_event(veille_nlp, text: str, kept: bool) -> None:
    with features_kept(veille_nlp):  # every event the coder finds: only the sides decide
        events = code(veille_nlp, text)
    assert bool([e for e in events if e["type"] in ("REQUEST", "ACCUSE")]) is kept


def test_a_company_s_act_of_force_is_an_event(veille_nlp) -> None:
    # the company rule is about business: a mining firm having villagers shot at is an assault
    with features_kept(veille_nlp):
        events = code(veille_nlp, "L'entreprise minière australienne Karrawong a fait tirer sur des villageois "
                                  "dans le sud du Malawi, selon l'ONU.")
    assert [e for e in events if e["type"] == "ASSAULT" and e["actor"][0]["sector"] == "BUS"], events


def test_the_unnamed_police_arresting_journalists_in_ordinary_news_is_an_event(veille_nlp) -> None:
    # the bicycle thefts again: the gendarmes' errand is about ordinary people, not the press
    text = THEFTS.format(extra="Les gendarmes ont interpellé mardi deux journalistes du quotidien régional qui "
                               "photographiaient les garages.")
    with features_kept(veille_nlp):
        doc = veille_nlp.make_doc(text)
        doc._.published, doc._.home = "2022-01-11", "FRA"
        events = veille_nlp(doc)._.events or []
    assert [e for e in events if e["type"] == "COERCE" and any(p["sector"] == "MED" for p in e["recipient"])], events
