"""A party's own feeling about another party or its act (triggers.yaml entries with `feeling`, events/judgement.py's
`feeling_frame`): "X s'est dit déçu par la décision de Y", "X a exprimé sa préoccupation après ...", "X a adressé ses
félicitations à Y" are a charge (ACCUSE, disapprove) or support by the one who feels it, toward the party whose act or
self it is about; no event when no other party is named, for one's own side, when negated or supposed, about a place
rather than a party, or in a sentence about a match."""

from __future__ import annotations

import pytest

from veille.datafile import DataFileError
from veille.events.lexicon import Lexicon
from veille.events.testing import code, codes, factual

_FEELINGS = ("déçu", "déçus", "préoccupé", "préoccupation", "atterré", "félicitations", "satisfaite", "inquiets",
             "heureux", "déception")


def _felt(nlp, text: str) -> list[tuple[str, set[str], set[str]]]:
    return [(e["type"], codes(e["actor"]), codes(e["recipient"])) for e in factual(code(nlp, text))
            if e["trigger"].lower() in _FEELINGS]


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    pytest.param("Le ministre monténégrin s'est dit très préoccupé par l'expulsion de deux diplomates par la Serbie.",
                 "ACCUSE", "MNE", "SRB", id="se dire + participle: the doer of the act it is about"),
    pytest.param("Le ministre letton est atterré par les déclarations du chef de la diplomatie biélorusse.",
                 "ACCUSE", "LVA", "BLR", id="être + participle, read as a passive"),
    pytest.param("Le gouvernement uruguayen a exprimé sa préoccupation après l'arrestation de trois syndicalistes "
                 "par la police paraguayenne.", "ACCUSE", "URY", "PRY", id="a noun voiced by its verb's subject"),
    pytest.param("Le président maltais a adressé ses félicitations au nouveau chef du gouvernement chypriote.",
                 "SUPPORT", "MLT", "CYP", id="congratulations to their addressee"),
    pytest.param("La présidente géorgienne s'est montrée satisfaite de la proposition arménienne.",
                 "SUPPORT", "GEO", "ARM", id="se montrer + adjective of approval"),
    pytest.param("\"Nous sommes déçus par l'attitude de la Slovaquie\", a déclaré le ministre tchèque.",
                 "ACCUSE", "CZE", "SVK", id="a first person in a quote is its speaker"),
    pytest.param("Le ministre bulgare s'est dit déçu que la Roumanie ait refusé la médiation.",
                 "ACCUSE", "BGR", "ROU", id="the subject of the que clause"),
    pytest.param("Le ministre estonien, se disant déçu par la décision finlandaise, a quitté la séance.",
                 "ACCUSE", "EST", "FIN", id="the noun the word qualifies"),
    pytest.param("Le ministère portugais des Affaires étrangères, \"déçu\" par le vote espagnol, a rappelé son "
                 "ambassadeur.", "ACCUSE", "PRT", "ESP", id="an apposition the parser made the head"),
])
def test_a_feeling_about_another_party(veille_nlp, text, event_type, actor, recipient) -> None:
    assert _felt(veille_nlp, text) == [(event_type, {actor}, {recipient})]


@pytest.mark.parametrize("text", [
    pytest.param("Le ministre tchèque s'est dit déçu.", id="about no one"),
    pytest.param("L'entraîneur tchèque s'est dit déçu par la défaite de son équipe face à la Slovaquie.", id="sport"),
    pytest.param("Le ministre bulgare s'est dit déçu par les résultats de son propre parti.", id="own side"),
    pytest.param("Le ministre bulgare ne s'est pas dit déçu par la décision roumaine.", id="negated"),
    pytest.param("Le ministre bulgare serait déçu si la Roumanie refusait.", id="supposed"),
    pytest.param("Le gouvernement maltais s'est dit préoccupé par la situation en Libye.", id="a place, no act"),
    pytest.param("Les Maltais se disent inquiets pour les marins retenus en Libye.", id="a fear for someone"),
    pytest.param("On est déçus par la décision de la Roumanie.", id="no one says it"),
    pytest.param("Le président maltais s'est dit heureux de recevoir son homologue chypriote.", id="no act judged"),
    pytest.param("Le président maltais s'est dit satisfait de la croissance italienne.", id="a figure"),
])
def test_no_feeling_event(veille_nlp, text) -> None:
    assert _felt(veille_nlp, text) == []


def test_a_feeling_entry_is_a_judgement(tmp_path) -> None:
    path = tmp_path / "feelings.yaml"
    path.write_text("version: 1\ntypes:\n  ACCUSE:\n    - {lemma: dépité, judgement: true, feeling: true}\n",
                    encoding="utf-8")
    assert any(e.feeling and e.judgement for e in Lexicon.load([path]).entries["dépité"])
    path.write_text("version: 1\ntypes:\n  ACCUSE:\n    - {lemma: dépité, feeling: true}\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        Lexicon.load([path])
