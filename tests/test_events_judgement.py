"""A speaker's judgement of another party carried by a quote or a verb of opinion, with no verb that names it
(triggers.yaml entries with `judgement`, events/judgement.py): the word that judges is the predicate of what the
speaker says of the judged, and its polarity (blame, praise, refutation) gives the type; no event when no other party
is judged, when the judgement is asked or supposed, or in a sentence about a match or a show."""

from __future__ import annotations

import pytest

from veille.datafile import DataFileError
from veille.events.lexicon import Lexicon
from veille.events.testing import code, codes, factual


def _judgements(nlp, text: str, event_type: str) -> list[dict]:
    return [e for e in factual(code(nlp, text), event_type) if e["trigger"].lower() not in ("déclaré", "estimé")]


def test_a_quoted_predicate_blames_the_owner_of_the_act(veille_nlp) -> None:
    events = _judgements(veille_nlp, "\"Le tracé de la frontière imposé par le Chili est une humiliation\", a déclaré "
                                     "le ministre péruvien des Affaires étrangères.", "ACCUSE")
    assert [(codes(e["actor"]), codes(e["recipient"])) for e in events] == [({"PER"}, {"CHL"})], events
    assert events[0]["status"] == "reported"


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    pytest.param("Le ministre islandais a jugé inacceptables les propos tenus par le gouvernement norvégien.",
                 "ACCUSE", "ISL", "NOR", id="the object of a verb of judging is judged"),
    # ("un pas": a noun, not the negator its tag says)
    pytest.param("Le Premier ministre grec a estimé que le retrait des navires turcs était un pas important.",
                 "SUPPORT", "GRC", "TUR", id="praise in a que clause is support"),
    pytest.param("\"Les allégations du Canada sont sans fondement\", a répondu le porte-parole de la diplomatie "
                 "indienne.", "REJECT", "IND", "CAN", id="a claim said groundless is rejected"),
    pytest.param("Pour le gouvernement islandais, la pêche des chalutiers britanniques dans ses eaux constitue une "
                 "provocation.", "ACCUSE", "ISL", "GBR", id="the holder fronted by pour judges"),
    pytest.param("La ministre estonienne a reçu mardi la proposition de la Russie sur les frontières. Elle y a vu une "
                 "provocation.", "ACCUSE", "EST", "RUS", id="y stands for the act told before"),
])
def test_the_judge_and_the_judged_of_each_frame(veille_nlp, text, event_type, actor, recipient) -> None:
    events = _judgements(veille_nlp, text, event_type)
    assert [(codes(e["actor"]), codes(e["recipient"])) for e in events] == [({actor}, {recipient})], events


def test_a_noun_of_blame_is_not_praise_for_its_adjective(veille_nlp) -> None:
    text = "Le gouvernement portugais a estimé que les mesures de l'Espagne étaient une erreur historique."
    assert not _judgements(veille_nlp, text, "SUPPORT")
    assert [codes(e["recipient"]) for e in _judgements(veille_nlp, text, "ACCUSE")] == [{"ESP"}]


@pytest.mark.parametrize("text", [
    "À ce stade, le blocus du port par la Lituanie est inacceptable, a déclaré le ministre biélorusse.",
    "Le Chili a jugé, de concert avec l'Uruguay, la décision de la Bolivie inacceptable.",
])
def test_idioms_of_the_political_press_are_no_pastime(veille_nlp, text: str) -> None:
    # ("à ce stade", "de concert": no stadium, no concert)
    assert _judgements(veille_nlp, text, "ACCUSE"), text


@pytest.mark.parametrize("text", [
    # no other party judged
    "Le ministre tunisien a estimé que la situation était inacceptable.",
    # the speaker's own side
    "\"La réponse de notre pays a été exemplaire\", a affirmé le président chilien.",
    # asked, not stated
    "\"L'accord avec le Mali est-il une trahison ?\", s'est interrogé le député ivoirien.",
    # supposed
    "\"Si le Venezuela ferme sa frontière, ce serait une provocation\", a averti le ministre colombien.",
    # no side named ("c'est")
    "\"C'est une trahison\", a déclaré le ministre péruvien.",
    # "historique" praises an act or a day, not a crisis
    "\"La crise que traverse le Liban est historique\", a déclaré le ministre français.",
    # a performance judged at a match
    "Le sélectionneur argentin a jugé la prestation du Brésil remarquable lors du match de samedi.",
    # the Olympics, athletes: a performance too, wherever the sentence names no match
    "La moisson de la Norvège aux Jeux olympiques d'hiver est remarquable, a estimé le ministre suédois des Sports.",
    "Le ministre hongrois a jugé la victoire des athlètes polonais honteuse.",
    # a figure or a test's outcome is measured, not judged; a foul at a game is a performance
    "La croissance de l'économie chilienne est encourageante, a estimé mardi le ministre argentin.",
    "Le dépistage du chef de la diplomatie lituanienne est positif, a indiqué le ministre letton.",
    "Le ministre norvégien a jugé scandaleuse la décision de l'arbitre suédois.",
    # a thing that is no party's act, with the place it is in: where it is is not whose it is
    "La saison des vendanges au Chili est encourageante, a estimé le ministre argentin de l'Agriculture.",
    "Le climat des affaires en Slovénie est prometteur, a déclaré le ministre croate.",
    # no verb of judging above the word
    "Le maire a organisé une journée historique pour la ville de Lyon.",
])
def test_no_judgement_out_of_its_frame(veille_nlp, text: str) -> None:
    assert not any(_judgements(veille_nlp, text, kind) for kind in ("ACCUSE", "SUPPORT", "REJECT")), text


def test_a_class_as_lemma_makes_one_entry_per_word(tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("version: 1\nclasses:\n  scorn_words: [vil, abject]\ntypes:\n  ACCUSE:\n"
                    "    - {lemma: $scorn_words, judgement: true, mode: disapprove}\n", encoding="utf-8")
    lexicon = Lexicon.load([path])
    for word in ("vil", "abject"):
        assert any(e.judgement and e.type == "ACCUSE" for e in lexicon.entries[word]), word
    path.write_text("version: 1\ntypes:\n  ACCUSE:\n    - {lemma: $no_such_words, judgement: true}\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        Lexicon.load([path])


def test_a_sentences_events_come_out_in_the_order_of_their_words(veille_nlp) -> None:
    # the judgement is coded beside the act it judges, after it as the sentence tells them
    events = code(veille_nlp, "L'accord de paix entre l'Arménie et l'Azerbaïdjan est une \"avancée remarquable\", "
                              "a estimé le ministre français.")
    assert [e["type"] for e in events] == ["AGREE", "SUPPORT"], events
    assert codes(events[1]["actor"]) == {"FRA"} and codes(events[0]["actor"]) | codes(events[0]["recipient"]) \
        == {"ARM", "AZE"}
