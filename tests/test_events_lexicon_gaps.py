"""Trigger words added from the review of scripts/propose_triggers.py's proposals (vector neighbours of each type's
lemmas), each in its political sense and not in the other senses the press gives it: a stance restated takes the
stance noun's type, disapproval, criticism and indignation, demands, censorship, a removal from office, sanctions
imposed again, a mass killing, an opponent's will respected, a defeat conceded, a loan granted, and blame words."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, factual, trigger_type


@pytest.mark.parametrize("text, word, expected", [
    # a stance restated is that stance: the noun decides the type
    ("La Finlande a réitéré son soutien à l'Estonie.", "réitéré", "SUPPORT"),
    ("Le ministre norvégien a réitéré son opposition au barrage soudanais.", "réitéré", "REJECT"),
    ("Le Chili a réaffirmé son opposition à l'adhésion de la Bolivie.", "réaffirmé", "REJECT"),
    ("Le Pérou a réitéré son appel à libérer les pêcheurs équatoriens.", "réitéré", "REQUEST"),
    ("Le Canada a réitéré ses menaces contre le Venezuela.", "réitéré", "THREATEN"),
    ("L'Uruguay a réaffirmé ses accusations contre le Paraguay.", "réaffirmé", "ACCUSE"),
    # a team repeating its form restates no stance, nor does a statement repeated ('a réitéré que ...')
    ("Le porte-parole a réitéré que la réforme serait votée en mars.", "réitéré", None),
    ("L'équipe de volley a réitéré sa performance de la semaine dernière.", "réitéré", None),
    # another's will or choice respected; not the law or a truce kept
    ("Le Portugal a dit respecter la décision de l'Espagne de fermer sa frontière.", "respecter", "CONCEDE"),
    ("Les automobilistes doivent respecter la limitation de vitesse.", "respecter", None),
    # a defeat conceded; words admitted are no concession ('comme il le concède au journal')
    ("Le candidat libéral a concédé sa défaite au président sortant.", "concédé", "CONCEDE"),
    ("Rien n'est joué, comme il le concède au quotidien régional.", "concède", None),
    # removed from office
    ("Le gouverneur de la province a été démis de ses fonctions par le président.", "démis", "CONCEDE"),
    # a loan or aid granted; not a bonus paid at home
    ("Le Fonds monétaire a octroyé un prêt de deux milliards de dollars au Pakistan.", "octroyé", "AID"),
    ("La mairie a octroyé une prime aux agents d'entretien.", "octroyé", None),
    # sanctions imposed anew
    ("Washington a réimposé des sanctions contre le Venezuela.", "réimposé", "SANCTION"),
    # demands put to a party; not an attack claimed
    ("Les revendications des grévistes portugais ont été transmises au ministre.", "revendications", "REQUEST"),
    ("La revendication de l'attentat par le groupe a été publiée en ligne.", "revendication", None),
    # a press gagged; stripped of one's nationality
    ("Le régime bélarusse cherche à bâillonner la presse indépendante.", "bâillonner", "COERCE"),
    ("L'opposant a été déchu de sa nationalité par le régime.", "déchu", "COERCE"),
    ("La tuerie a fait douze morts dans un lycée de Lima.", "tuerie", "ASSAULT"),
])
def test_the_added_triggers_in_their_sense(veille_nlp, text: str, word: str, expected: str | None) -> None:
    assert trigger_type(veille_nlp, text, word) == expected


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    ("Le Danemark a désapprouvé la décision de la Suède.", "REJECT", "DNK", "SWE"),
    ("Le Premier ministre islandais a égratigné la Norvège lors de son discours.", "ACCUSE", "ISL", "NOR"),
    ("Le gouvernement grec s'insurge contre la décision de la Turquie.", "ACCUSE", "GRC", "TUR"),
    ("Le Canada a réitéré ses menaces contre le Venezuela.", "THREATEN", "CAN", "VEN"),
    ("Le Pérou a réitéré son appel à la libération des marins équatoriens.", "REQUEST", "PER", "ECU"),
    ('"Cette décision de la Pologne est inexcusable", a déclaré le ministre tchèque.', "ACCUSE", "CZE", "POL"),
])
def test_the_added_triggers_code_their_sides(veille_nlp, text: str, event_type: str, actor: str,
                                             recipient: str) -> None:
    events = factual(code(veille_nlp, text), event_type)
    assert any(actor in codes(e["actor"]) and recipient in codes(e["recipient"]) for e in events), events



@pytest.mark.parametrize("text, expected", [
    ("Le président turc a étrillé l'Union européenne lors d'une rencontre avec la presse.", "ACCUSE"),
    ("La France a étrillé l'Italie en finale de la Coupe du monde de rugby.", None),
    ("Le Chili a étrillé la Bolivie lors du match amical de samedi.", None),
])
def test_a_side_thrashed_in_a_game_is_not_accused(veille_nlp, text: str, expected: str | None) -> None:
    assert trigger_type(veille_nlp, text, "étrillé") == expected
