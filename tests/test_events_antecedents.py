"""Whom a pronoun of a later sentence stands for: the last subject the text spoke of that agrees with it (gender and
number of a common noun, the determiner's for a noun of either gender), the source of a quote rather than a noun of
the quote, and someone named with no side veille knows rather than an older party it could code."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find


@pytest.mark.parametrize(("text", "event_type", "trigger", "actor"), [
    pytest.param("Le président kényan a reçu jeudi les élus de Mombasa. La ministre éthiopienne des Finances est "
                 "arrivée le soir même. Il a demandé à l'Ouganda de rouvrir sa frontière.", "REQUEST", "demandé",
                 "KEN", id="a pronoun skips a subject of another gender"),
    pytest.param("Le Premier ministre polonais a reçu jeudi ses homologues baltes à Varsovie. La délégation "
                 "lituanienne est arrivée avec deux heures de retard. Il a vivement critiqué la Biélorussie.",
                 "ACCUSE", "critiqué", "POL", id="a pronoun skips a noun of another gender"),
    pytest.param("« Le gouvernement albanais a menti aux éleveurs », a déclaré le ministre grec de l'Agriculture. "
                 "Il a ensuite critiqué la Turquie pour ses quotas.", "ACCUSE", "critiqué", "GRC",
                 id="after a quote the pronoun is its source, not its subject"),
    # what must not change: a masculine subject with a code, then "il"
    pytest.param("Le ministre roumain de la Défense a visité mardi une base près de Constanta. Il a ensuite accusé "
                 "la Russie de menacer la mer Noire.", "ACCUSE", "accusé", "ROU",
                 id="a pronoun still finds the party named before"),
    # "Mme X": the name beside the honorific is the subject a later "elle" stands for
    pytest.param("Le ministre grec de la Défense a quitté Athènes lundi. Mme Ursula von der Leyen a visité mardi un "
                 "camp près de Lesbos. Elle a ensuite critiqué la Turquie pour sa politique migratoire.", "ACCUSE",
                 "critiqué", "EU", id="an honorific and a name are the party the name is"),
    # a verb after a quote whose subject, named before it, holds the quote in a relative clause: no incise, the
    # sentence is about that subject (and the quoted conjunct the parser hung on it is no second party)
    pytest.param("Le président Joe Biden, qui avait signé un décret avec son ministre pour célébrer "
                 "\"Memorial Day\" et \"la fierté que suscite le drapeau\", a qualifié sur Twitter la décision de "
                 "\"faute grave\". Il a accusé la police de Chicago de ne pas protéger les manifestants.",
                 "ACCUSE", "accusé", "USA", id="a subject before a quote its own relative clause holds"),
    pytest.param("Le sénateur Bernie Sanders, qui avait publié une lettre avec ses collègues pour saluer "
                 "\"le travail\" et \"la ténacité des infirmières\", a qualifié la réforme de \"scandale\". Il a "
                 "accusé la police de Chicago de brutalité.", "ACCUSE", "accusé", "USA",
                 id="a quoted conjunct is no second party"),
    # a title whose elided article tells no gender, beside the name of a woman: "elle" is her
    pytest.param("\"Ce recours est un acharnement ridicule\", a commenté l'avocat de Nicolas Sarkozy, Sophie Martin. "
                 "Elle a accusé le parquet national financier de harcèlement.", "ACCUSE", "accusé", "FRA",
                 id="a title beside a name has the name's gender"),
])
def test_the_pronoun_stands_for_the_subject_that_agrees(veille_nlp, text, event_type, trigger, actor) -> None:
    events = code(veille_nlp, text)
    event = find(events, event_type, trigger)
    assert event is not None and codes(event["actor"]) == {actor}, events


def test_someone_named_with_no_side_stands_between_a_pronoun_and_an_older_party(veille_nlp) -> None:
    # the pronoun is the man just named, whose side is unknown: not the Slovene prime minister of the sentence before
    events = code(veille_nlp, "Le Premier ministre slovène a quitté Bruxelles mardi soir. Marek Holub-Vrana a été "
                              "libéré mercredi après deux jours de garde à vue. Il a accusé le gouvernement autrichien "
                              "de mentir.")
    assert not any("SVN" in codes(e["actor"]) for e in events if e["type"] == "ACCUSE"), events
    # with no one named between, the pronoun is the prime minister
    event = find(code(veille_nlp, "Le Premier ministre slovène a quitté Bruxelles mardi soir. Il a accusé le "
                                  "gouvernement autrichien de mentir."), "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"SVN"}, event


def test_an_incise_clitic_after_a_source_with_no_side_is_that_source(veille_nlp) -> None:
    # "a-t-il ajouté" speaks for the councillor just named, not for the Italian minister of the first sentence
    events = code(veille_nlp, "Le chef de la diplomatie italienne a condamné samedi les tirs turcs. « Nous ne pouvons "
                              "pas l'accepter », a déclaré Giulio Ferrandini-Lasco, un conseiller municipal de Gênes. "
                              "« Nous exigeons des excuses de la Grèce », a-t-il ajouté.")
    assert not any("ITA" in codes(e["actor"]) for e in events if e["type"] == "REQUEST"), events
    # with no one named between, the clitic is the Italian minister
    event = find(code(veille_nlp, "Le chef de la diplomatie italienne a condamné samedi les tirs turcs. « Nous "
                                  "exigeons des excuses de la Grèce », a-t-il ajouté."), "REQUEST")
    assert event is not None and codes(event["actor"]) == {"ITA"}, event
