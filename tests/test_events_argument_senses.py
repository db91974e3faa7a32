"""A trigger's sense and PLOVER type read off its arguments and frame: a word of violence said of political life where
no one fights is a verbal attack (ACCUSE); the body or a thing one presses as the object of a verb of support or
pressure is its physical sense; a verb of request with "se" is another verb; an act below an adjective of disposition
("prompt à ...") is a habit, no occurrence."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, factual, of_type, trigger_type


@pytest.mark.parametrize("text, word", [
    ("Au cours du débat télévisé, la sénatrice Odile Marchand a multiplié les attaques contre le gouvernement.",
     "attaques"),
    ("Le maire de Quimperlé, Lucien Ferrandi, mène depuis lundi l'offensive contre la réforme de l'assurance chômage.",
     "offensive"),
    ("Dans son éditorial, le président du parti centriste a attaqué la gestion de la majorité.", "attaqué"),
])
def test_attack_on_political_life_where_no_one_fights_is_verbal(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) == "ACCUSE"


@pytest.mark.parametrize("text, word", [
    # the same words where someone fights: the document names armed groups, troops or deaths
    ("Les rebelles ont lancé jeudi une attaque contre le gouvernement à Bunia, tuant douze soldats.", "attaque"),
    ("L'armée a lancé une offensive contre le gouvernement de la région sécessionniste.", "offensive"),
    ("Des jihadistes ont attaqué le gouvernement régional dans la nuit.", "attaqué"),
])
def test_attack_where_someone_fights_stays_violence(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) == "ASSAULT"


@pytest.mark.parametrize("text, word", [
    # an ordinal or a camp is no party of political life
    ("Il s'agit de la première attaque contre une pharmacie de Tarbes depuis le printemps.", "attaque"),
    ("Des inconnus ont attaqué un camp de saisonniers près de Cavaillon dans la nuit.", "attaqué"),
])
def test_attack_on_no_party_of_political_life_stays_violence(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) == "ASSAULT"


def test_verbal_attack_is_coded_as_an_accusation(veille_nlp) -> None:
    events = code(veille_nlp, "Le député Lucien Ferrandi a vivement attaqué mardi la réforme des retraites du "
                              "gouvernement.", home="FRA")
    accusations = of_type(events, "ACCUSE")
    assert accusations and codes(accusations[0]["actor"]) == {"FRA"}, events
    assert not of_type(events, "ASSAULT"), events


@pytest.mark.parametrize("text, word", [
    ("Le pilote a appuyé fermement son pouce contre le bouton rouge.", "appuyé"),
    ("Le secouriste soutenait le cou du cycliste en attendant l'ambulance.", "soutenait"),
    ("Le garde forestier a pressé la gâchette de son fusil.", "pressé"),
])
def test_the_body_or_a_thing_pressed_gives_the_physical_sense(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) is None


@pytest.mark.parametrize("text, word, event_type", [
    ("La Norvège a appuyé la candidature de la Suède au Conseil de l'Europe.", "appuyé", "SUPPORT"),
    ("Le gouvernement danois soutient le plan de paix de l'Union africaine.", "soutient", "SUPPORT"),
    ("Le chancelier autrichien a pressé le gouvernement slovène de rouvrir la frontière.", "pressé", "REQUEST"),
    # words of the body or of devices also said of politics
    ("Pékin soutient la détente entre les deux rives du détroit.", "soutient", "SUPPORT"),
    ("Le parti centriste soutient la tête de liste écologiste aux municipales de Vannes.", "soutient", "SUPPORT"),
    ("Lisbonne appuie la main tendue de Madrid aux pêcheurs andalous.", "appuie", "SUPPORT"),
])
def test_a_party_or_a_plan_keeps_the_political_sense(veille_nlp, text: str, word: str, event_type: str) -> None:
    assert trigger_type(veille_nlp, text, word) == event_type


@pytest.mark.parametrize("text, word", [
    ("Une milice se réclamant d'un ancien chef de guerre a pris le contrôle du marché.", "réclamant"),
    ("Les supporters se pressaient devant les grilles du stade de Nantes.", "pressaient"),
])
def test_request_verb_with_se_is_another_verb(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) is None


@pytest.mark.parametrize("text, word", [
    # the "se" of the infinitive asked for is not the request verb's own
    ("Le Danemark a demandé à l'Islande de se retirer des négociations sur la pêche.", "demandé"),
    ("L'Autriche a pressé la Slovénie de se conformer à l'arrêt de la Cour.", "pressé"),
    ("Le Luxembourg a réclamé à la Belgique de s'expliquer sur la fermeture du pont.", "réclamé"),
])
def test_request_of_a_reflexive_act_is_a_request(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) == "REQUEST"
    assert [e for e in factual(code(veille_nlp, text), "REQUEST") if e["trigger"] == word]


def test_request_verb_with_an_object_clitic_is_a_request(veille_nlp) -> None:
    text = "La ministre de la Culture nous a demandé de rouvrir les musées avant l'été."
    assert trigger_type(veille_nlp, text, "demandé") == "REQUEST"


@pytest.mark.parametrize("text, word", [
    ("Le sénateur Paul Hennequin, toujours prompt à critiquer le gouvernement, a voté le texte mardi.", "critiquer"),
    ("Le gouvernement hongrois, toujours enclin à dénoncer Bruxelles, a présenté mardi son budget.", "dénoncer"),
])
def test_act_below_a_disposition_is_a_habit(veille_nlp, text: str, word: str) -> None:
    events = code(veille_nlp, text, home="FRA")
    assert not [e for e in factual(events, "ACCUSE") if e["trigger"] == word], events


def test_act_itself_stays_an_event(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre grec a dénoncé mardi la Turquie devant le Parlement.")
    assert factual(events, "ACCUSE"), events


@pytest.mark.parametrize("text, word", [
    ("Quelque 900 gendarmes sont mobilisés d'habitude pour la fête de la Saint-Jean à Ajaccio.", "mobilisés"),
    ("Le gouvernement roumain dénonce à l'accoutumée les ingérences de Moscou.", "dénonce"),
])
def test_act_told_as_usual_is_a_habit(veille_nlp, text: str, word: str) -> None:
    events = code(veille_nlp, text, home="FRA")
    assert not [e for e in factual(events) if e["trigger"] == word], events


@pytest.mark.parametrize("text", [
    "Plus tôt que d'habitude, la Slovaquie a critiqué lundi la Croatie.",
    "Moins prudemment que d'ordinaire, l'Estonie a dénoncé mardi la Lettonie.",
])
def test_act_compared_with_the_habit_stays_an_event(veille_nlp, text: str) -> None:
    assert factual(code(veille_nlp, text, home="FRA"), "ACCUSE")


def test_act_told_as_usual_this_time_stays_an_event(veille_nlp) -> None:
    events = code(veille_nlp, "Comme d'habitude, des milliers d'enseignants ont défilé jeudi à Lille contre la "
                              "réforme.", home="FRA")
    assert factual(events, "PROTEST"), events


@pytest.mark.parametrize("text, event_type", [
    ("La mobilisation des cheminots contre la réforme a paralysé la gare de Rennes mardi.", "PROTEST"),
    # a state's or a government's effort, no protest
    ("L'ancienne otage a regretté la faible mobilisation du gouvernement autour du sort des marins retenus.", None),
    ("La mobilisation des autorités portugaises contre les incendies a été saluée.", None),
    # a power the protest is aimed at, or one its target belongs to, leaves it a protest
    ("La mobilisation des infirmières contre le gouvernement se poursuit à Valence.", "PROTEST"),
    ("La mobilisation des routiers contre la taxe du ministre a bloqué trois péages.", "PROTEST"),
])
def test_mobilisation_of_a_power_is_no_protest(veille_nlp, text: str, event_type: str | None) -> None:
    assert trigger_type(veille_nlp, text, "mobilisation") == event_type



@pytest.mark.parametrize("text, event_type", [
    ("Le Portugal et le Maroc ont signé un accord de pêche mardi à Rabat.", "AGREE"),
    # in line with: views that agree, no agreement made
    ("Le maire de Tulle se dit en parfait accord avec la ligne du parti.", None),
])
def test_in_accord_with_is_no_agreement(veille_nlp, text: str, event_type: str | None) -> None:
    assert trigger_type(veille_nlp, text, "accord") == event_type


@pytest.mark.parametrize("text", [
    # a compound infinitive is what is claimed, as a bare one is ("soutient être innocent")
    "Le ministre Paul Verdier soutient avoir reçu la lettre du président russe Igor Sokolov.",
    "Le ministre Paul Verdier, qui soutient n'avoir jamais rencontré le président russe Igor Sokolov, a quitté Paris.",
])
def test_support_verb_with_an_infinitive_is_a_claim(veille_nlp, text: str) -> None:
    assert trigger_type(veille_nlp, text, "soutient") is None


def test_support_verb_with_an_object_party_is_support(veille_nlp) -> None:
    # the same verb and sides with a party as its object: support
    assert trigger_type(veille_nlp, "Le ministre Paul Verdier soutient le plan du président russe Igor Sokolov.",
                        "soutient") == "SUPPORT"


@pytest.mark.parametrize("text", [
    "Je me demandais si le gouvernement français avait menti à la Commission européenne.",
    "Nous nous demandons pourquoi le gouvernement français a menti à la Commission européenne.",
])
def test_request_verb_with_a_reflexive_of_any_person_is_another_verb(veille_nlp, text: str) -> None:
    # "se demander" wonders, whoever does: "je me demande", "nous nous demandons"
    word = next(w for w in text.split() if w.startswith("demand"))
    assert trigger_type(veille_nlp, text, word) is None


def test_request_verb_with_an_object_pronoun_of_the_first_person_is_a_request(veille_nlp) -> None:
    # the same pronouns as the object the request is made of: a request
    assert trigger_type(veille_nlp, "Le président français nous a demandé de rester chez nous.", "demandé") == "REQUEST"


def test_a_blow_on_a_candidate_is_no_words(veille_nlp) -> None:
    # (and no attack on someone the violence sense knows: 'candidat' is none of its targets, words said of one being
    # the usual sense, 's'est attaqué au député')
    text = "Un forcené a attaqué le candidat avec une barre de fer devant la mairie de Quimperlé."
    assert trigger_type(veille_nlp, text, "attaqué") is None


@pytest.mark.parametrize("text, word", [
    # a blow with a thing one strikes with (class `instruments`, after grammar instrument_prepositions) is no words
    ("Un inconnu a attaqué le ministre à coups de couteau à la sortie du marché.", "attaqué"),
    ("Un forcené a attaqué le ministre avec une barre de fer devant la mairie de Quimperlé.", "attaqué"),
    # a president of a body outside political life (class `private_life`) is no party of it
    ("Des supporters ont attaqué le président du club à la fin du match.", "attaqué"),
])
def test_a_blow_or_a_person_outside_political_life_stays_violence(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) == "ASSAULT"


@pytest.mark.parametrize("text, word", [
    # the same constructions said of words, or of a party's president: verbal
    ("Le sénateur a attaqué le ministre à coups de tweets rageurs.", "attaqué"),
    ("Le sénateur a attaqué le candidat avec une ironie mordante.", "attaqué"),
    # a thing one strikes with is a blow's only as the complement itself or the blows' own ("à coups de"), not as a
    # complement's complement
    ("Le sénateur Lucien Ferrandi a attaqué le ministre au sujet de la pierre tombale du général.", "attaqué"),
    ("Le député a attaqué le président du parti dans une tribune.", "attaqué"),
    # a body the linker names with the office is a party's or a state's, not one outside political life
    ("La députée Odile Marchand a attaqué le président du groupe Renaissance à l'Assemblée.", "attaqué"),
    ("Le sénateur Lucien Ferrandi a attaqué le président de la Fédération de Russie.", "attaqué"),
])
def test_words_and_presidents_of_parties_stay_verbal(veille_nlp, text: str, word: str) -> None:
    assert trigger_type(veille_nlp, text, word) == "ACCUSE"
