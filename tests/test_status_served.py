"""An act said in order to do another (a purpose clause of a speech act) or by doing another (a gerund) takes the
status of the act it serves when that act is planned or asked for (status._served): not done yet either. And an act a
predicate names ("ce sera une grève") takes the copula's future or conditional."""

from __future__ import annotations

from veille.events.testing import code, factual, find

PUBLISHED = "2021-03-17"


def test_a_speech_act_in_order_to_do_a_planned_act_is_planned(veille_nlp) -> None:
    planned = code(veille_nlp, "Mardi, le ministre allemand de l'Agriculture doit rencontrer les éleveurs polonais "
                               "pour leur réclamer des garanties sanitaires.", PUBLISHED)
    assert find(planned, "REQUEST") is not None and not factual(planned, "REQUEST"), planned
    # the meeting done, what was said at it is done
    done = code(veille_nlp, "Mardi, le ministre allemand de l'Agriculture a rencontré les éleveurs polonais pour leur "
                            "réclamer des garanties sanitaires.", PUBLISHED)
    assert factual(done, "REQUEST"), done


def test_a_speech_act_in_order_to_do_an_act_asked_for_is_not_done(veille_nlp) -> None:
    asked = code(veille_nlp, "La ministre marocaine a invité les syndicats à saisir la justice pour condamner les "
                             "licenciements de l'usine.", PUBLISHED)
    assert factual(asked, "REQUEST"), asked  # the exhortation is made
    assert not factual(asked, "ACCUSE"), asked


def test_a_gerund_of_an_act_to_come_is_to_come(veille_nlp) -> None:
    ahead = code(veille_nlp, "Les syndicats belges feront grève jeudi en dénonçant la réforme des retraites du "
                             "gouvernement.", PUBLISHED)
    accusation = find(ahead, "ACCUSE")
    assert accusation is not None and accusation["status"] == "future", ahead
    done = code(veille_nlp, "Les syndicats belges ont fait grève jeudi en dénonçant la réforme des retraites du "
                            "gouvernement.", PUBLISHED)
    assert factual(done, "ACCUSE"), done


def test_a_gerund_on_an_incise_is_the_speaker_s_act_not_the_quote_s(veille_nlp) -> None:
    # the parser hangs the incise on the quote's verb, in the future: the gerund is what the speaker did
    events = code(veille_nlp, '"Nous serons vigilants", a ajouté le ministre polonais, en accusant la Russie de '
                              'mentir.', PUBLISHED)
    assert factual(events, "ACCUSE"), events


def test_an_act_named_by_a_predicate_in_the_future_is_to_come(veille_nlp) -> None:
    # "ce sera une grève": the copula's tense is the act's
    ahead = code(veille_nlp, "Le syndicat portugais des infirmiers a prévenu que ce sera une grève très suivie contre "
                             "le gouvernement de Lisbonne.", PUBLISHED)
    strike = find(ahead, "PROTEST")
    assert strike is not None and strike["status"] == "future", ahead
    now = code(veille_nlp, "Le syndicat portugais des infirmiers a affirmé que c'est une grève très suivie contre le "
                           "gouvernement de Lisbonne.", PUBLISHED)
    assert factual(now, "PROTEST"), now
