"""Trigger frames of triggers.yaml that name an act with a support verb and a noun ('faire pression sur', 'parler
de manœuvre', 's'exposer à des sanctions'), verbs of the PLOVER categories, and the object a verb acts on when the
parser also read a passive subject beside it."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, factual


def _sides(event: dict) -> tuple[set[str], set[str]]:
    return codes(event["actor"]), codes(event["recipient"])


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Le chef du gouvernement japonais a fait pression sur Pékin pour que le militant soit libéré.", "JPN", "CHN"),
    ("Washington exerce de fortes pressions sur Ankara pour qu'elle renonce aux missiles russes.", "USA", "TUR"),
    ("L'Union européenne accentue la pression sur Minsk après l'arrestation des opposants.", "EU", "BLR"),
])
def test_pressure_put_on_another_is_a_request(veille_nlp, text, actor, recipient) -> None:
    events = code(veille_nlp, text, "2020-09-01")
    asked = factual(events, "REQUEST")
    assert asked and _sides(asked[0]) == ({actor}, {recipient}), events


def test_an_act_spoken_of_or_seen_as_a_wrong_is_an_accusation(veille_nlp) -> None:
    spoken = code(veille_nlp, "Le ministre autrichien des Affaires étrangères a parlé de \"manoeuvre de diversion\" "
                              "de Moscou.", "2020-09-01")
    accused = factual(spoken, "ACCUSE")
    assert accused and _sides(accused[0]) == ({"AUT"}, {"RUS"}), spoken
    seen = code(veille_nlp, "Le ministre nord-coréen y a vu une provocation de Séoul.", "2020-09-01")
    accused = factual(seen, "ACCUSE")
    assert accused and _sides(accused[0]) == ({"PRK"}, {"KOR"}), seen


def test_punishment_in_store_is_a_threat(veille_nlp) -> None:
    planned = code(veille_nlp, "Washington prévoit de nouvelles sanctions contre Caracas, a annoncé le département "
                               "d'Etat.", "2020-09-01")
    threat = factual(planned, "THREATEN")
    assert threat and _sides(threat[0]) == ({"USA"}, {"VEN"}), planned
    exposed = code(veille_nlp, "\"Le régime vénézuélien s'expose à des sanctions\", a déclaré Mike Pompeo.",
                   "2020-09-01")
    threat = factual(exposed, "THREATEN")
    assert threat and _sides(threat[0]) == ({"USA"}, {"VEN"}), exposed



@pytest.mark.parametrize(("text", "trigger"), [
    # the object is what 'beaucoup plus de' counts
    ("\"Nous prévoyons beaucoup plus de sanctions contre le régime iranien\", a déclaré le ministre britannique.",
     "prévoyons"),
    # the punishment is the second of two coordinated objects, hung by the parser on the first one's complement
    ("\"Quiconque commercera avec le régime iranien s'expose à des restrictions de voyage et à des sanctions "
     "financières\", a déclaré le ministre britannique.", "expose"),
])
def test_a_threat_whose_punishment_is_counted_or_coordinated(veille_nlp, text, trigger) -> None:
    events = code(veille_nlp, text, "2020-09-01")
    threat = [e for e in factual(events, "THREATEN") if e["trigger"] == trigger]
    assert threat and _sides(threat[0]) == ({"GBR"}, {"IRN"}), events


def test_a_participle_read_as_a_noun_keeps_its_verbs_frame(veille_nlp) -> None:
    # the tagger reads 'fait' after 'avoir' as the noun 'fait'; its auxiliary tells the participle of 'faire'
    events = code(veille_nlp, "Le Premier ministre britannique a ainsi déclaré avoir fait pression pour qu'un ancien "
                              "soldat iranien reste en prison.", "2020-09-01")
    asked = factual(events, "REQUEST")
    assert asked and asked[0]["trigger"] == "fait" and "GBR" in codes(asked[0]["actor"]), events


def test_a_partner_hung_on_the_phone_is_the_calls(veille_nlp) -> None:
    # the parser hangs 'avec le président russe' on 'téléphone', not on the verb
    events = code(veille_nlp, "Le président français s'est entretenu par téléphone avec le président russe mardi.",
                  "2020-09-01")
    met = factual(events, "CONSULT")
    assert met and {*codes(met[0]["actor"]), *codes(met[0]["recipient"])} == {"FRA", "RUS"}, events


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("Un homme d'affaires américain a été inculpé d'espionnage par la justice russe.", "ACCUSE", "RUS", "USA"),
    ("Le gouvernement turc a porté plainte contre le quotidien grec.", "ACCUSE", "TUR", "GRC"),
    ("Le ministre iranien s'est plaint auprès de l'ONU des sanctions américaines.", "ACCUSE", "IRN", "UN"),
    ("Le président égyptien a convié son homologue soudanais au Caire.", "AGREE", "EGY", "SDN"),
    ("Washington a assoupli l'embargo contre Cuba.", "CONCEDE", "USA", "CUB"),
    ("Le Qatar et l'Arabie saoudite ont renoué le dialogue après trois ans de brouille.", "COOPERATE", "QAT", "SAU"),
    ("L'armée israélienne a confisqué des terres palestiniennes.", "COERCE", "ISR", "PSE"),
    ("L'armée nord-coréenne a dynamité le bureau de liaison avec Séoul.", "ASSAULT", "PRK", None),
])
def test_verbs_of_the_plover_categories(veille_nlp, text, event_type, actor, recipient) -> None:
    events = code(veille_nlp, text, "2020-09-01")
    found = factual(events, event_type)
    assert found, events
    assert actor in codes(found[0]["actor"]), events
    if recipient is not None:
        assert recipient in codes(found[0]["recipient"]), events


def test_disapproval_verbs_the_model_lemmatises_as_adjectives(veille_nlp) -> None:
    # 'indigne', 'conteste' (nlp/data/lemmas.yaml): read as 'indigner', 'contester'
    outraged = code(veille_nlp, "Pékin s'indigne des propos du secrétaire d'Etat américain.", "2020-09-01")
    assert factual(outraged, "ACCUSE"), outraged
    disputed = code(veille_nlp, "Moscou conteste la décision de l'Union européenne.", "2020-09-01")
    assert factual(disputed, "REJECT"), disputed


# the same words where they name no act of one side on another
NO_EVENT = {
    "pressure of no one is no request": ("La pression sur les hôpitaux français reste forte cette semaine.", "REQUEST"),
    "manoeuvres spoken of without blame are no accusation": (
        "Le ministre polonais a parlé des manœuvres militaires conjointes avec les Etats-Unis.", "ACCUSE"),
    "a game's manoeuvre is no accusation": ("L'entraîneur a parlé longuement de la manoeuvre de son équipe.", "ACCUSE"),
    "what a text provides for is no threat": (
        "La nouvelle loi américaine prévoit des sanctions contre le régime vénézuélien.", "THREATEN"),
    "a complaint of pain is no accusation": ("Le président brésilien s'est plaint de douleurs au dos.", "ACCUSE"),
    "more of what is no punishment is no threat": ("Les météorologues prévoient beaucoup plus de pluie cette semaine.",
                                                   "THREATEN"),
    "coordinated objects that are no punishment are no threat": (
        "\"Le club s'expose à des critiques de supporters et à des moqueries\", a déclaré l'entraîneur.", "THREATEN"),
}


@pytest.mark.parametrize(("text", "event_type"), NO_EVENT.values(), ids=NO_EVENT.keys())
def test_the_frames_words_naming_no_act_are_no_event(veille_nlp, text, event_type) -> None:
    events = code(veille_nlp, text, "2020-09-01")
    assert not factual(events, event_type), events


def test_the_object_wins_over_a_misread_passive_subject(veille_nlp) -> None:
    # the parser reads 'Kaboul' as nsubj:pass beside the object 'talibans'
    events = code(veille_nlp, "Kaboul a déjà relâché près de 5.000 talibans, mais les autorités afghanes ont refusé "
                              "de libérer les derniers captifs.", "2020-08-10")
    released = factual(events, "RETREAT")
    assert released and released[0]["trigger"] == "relâché" and "AFG" in codes(released[0]["actor"]), events


def test_a_detached_participle_is_an_act_of_its_own(veille_nlp) -> None:
    # '..., accusant ...' after a comma is the subject's own act, not a complement of the noun before it
    events = code(veille_nlp, "Les Etats-Unis exercent une forte pression sur Téhéran au sujet de ces sites, accusant "
                              "le pays de cacher ses activités nucléaires.", "2020-09-01")
    assert factual(events, "REQUEST") and factual(events, "ACCUSE"), events
