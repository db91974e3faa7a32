"""Background told in a relative clause that describes a participant by its past (recall.describes_antecedent):
"X, qui avait ...", "Y, qui a déjà ..." — and the clauses that stay news (dated, a place, a main-clause gerund)."""

from __future__ import annotations

from veille.events.testing import code, factual


def _factual_triggers(events: list[dict]) -> list[str]:
    return [e["trigger"] for e in factual(events)]


def test_a_pluperfect_relative_clause_on_a_participant_describes_its_past(veille_nlp) -> None:
    # "X, qui avait ...": the clause tells who the participant is by what it had done, no news of the article
    met = code(veille_nlp, "Le président tunisien, qui avait reçu le roi du Maroc à Tunis, a présenté jeudi son plan "
                           "de relance.", "2021-04-15")
    assert "reçu" not in _factual_triggers(met), met
    accused = code(veille_nlp, "Le président tunisien, qui avait accusé l'Algérie d'ingérence, a présenté jeudi son "
                               "plan de relance.", "2021-04-15")
    assert not factual(accused, "ACCUSE"), accused
    # and so is a participle or gerund of that clause ("qui avait ... en accusant ...")
    gerund = code(veille_nlp, "La ministre suédoise, qui avait choqué Ankara en accusant la Turquie de chantage, a "
                              "été reçue mercredi par son homologue.", "2021-04-12")
    assert not factual(gerund, "ACCUSE"), gerund


def test_a_compound_past_relative_clause_with_an_aside_recalls_the_participant_s_record(veille_nlp) -> None:
    record = code(veille_nlp, "Le Portugal, qui a déjà expulsé une quarantaine de diplomates étrangers, doit "
                              "recevoir mardi le ministre angolais.", "2021-04-12")
    assert "expulsé" not in _factual_triggers(record), record
    # without the aside the relative clause tells news of the day
    news = code(veille_nlp, "Le Portugal, qui a expulsé trois diplomates angolais, doit recevoir mardi le "
                            "ministre angolais.", "2021-04-12")
    assert "expulsé" in _factual_triggers(news), news


def test_a_relative_clause_that_dates_its_act_or_sets_a_place_keeps_it(veille_nlp) -> None:
    # its own date decides ("qui avait ... mardi")
    met = code(veille_nlp, "Le président tunisien, qui avait reçu mardi le roi du Maroc à Tunis, a présenté jeudi "
                           "son plan de relance.", "2021-04-15")
    assert "reçu" in _factual_triggers(met), met
    accused = code(veille_nlp, "Le président tunisien, qui avait accusé mardi l'Algérie d'ingérence, a présenté "
                               "jeudi son plan de relance.", "2021-04-15")
    assert factual(accused, "ACCUSE"), accused
    # "où" sets a place, no description of a participant
    place = code(veille_nlp, "A Marseille, où trois mille enseignants avaient manifesté contre le ministre, le "
                             "cortège s'est dispersé dans le calme.", "2021-04-12")
    assert factual(place, "PROTEST"), place
    # a gerund set off by a comma after the relative clause is the main clause's
    main = code(veille_nlp, "Le ministre grec, qui s'était rendu à Ankara pour la réunion, a plaidé samedi pour le "
                            "dialogue, en exhortant la Turquie à retirer ses navires.", "2021-04-12")
    assert factual(main, "REQUEST"), main
    assert "rendu" not in _factual_triggers(main), main


def test_a_cleft_tells_its_act_no_description(veille_nlp) -> None:
    # "c'est X qui ...": the relative clause is the act the sentence reports, not a description of X
    events = code(veille_nlp, "D'après Bogota, c'est l'armée vénézuélienne qui avait bombardé le village.",
                  "2021-04-15")
    assert factual(events, "ASSAULT"), events


def test_a_demonstrative_the_relative_clause_describes_is_someone_described(veille_nlp) -> None:
    # "celui qui avait ...": someone named by his past, reported or not; with its own date the clause tells news
    text = ("Celui qui avait été arrêté{} par la police française pour trafic de drogue a rejoint les jihadistes en "
            "Syrie, selon un document du groupe.")
    described = code(veille_nlp, text.format(""), "2020-07-17")
    assert not factual(described, "COERCE"), described
    dated = code(veille_nlp, text.format(" lundi"), "2020-07-17")
    assert factual(dated, "COERCE"), dated
