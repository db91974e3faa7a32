"""Acts an article recalls, dated by what the clause tells of them: a state held since a date dates the act that
began it (in the imperfect too, since a number of months, since an event dated), a participle's date dates the noun
it qualifies, and an embedded clause's own date is its own, before a date the sentence fronts for its main clause.
Dated far before the article, they are background and are not emitted."""

from __future__ import annotations

from veille.events.testing import code, features_kept, find

FACTUAL = ("asserted", "reported")
PUBLISHED = "2020-06-10"


def _dated(nlp, text: str, event_type: str, trigger: str | None = None) -> str | None:
    """The date of the act whatever its confidence: these tests date acts, the model's threshold keeps or cuts them."""
    with features_kept(nlp):
        event = find(code(nlp, text, PUBLISHED), event_type, trigger)
    assert event is not None, text
    return event["date"]


def _facts(nlp, text: str, event_type: str) -> list[dict]:
    return [e for e in code(nlp, text, PUBLISHED) if e["type"] == event_type and e["status"] in FACTUAL]


_MONTHS = "L'opposant russe était emprisonné par les autorités depuis quatorze mois quand il a été libéré."
_SINCE_EVENT = ("L'humanitaire français était détenu par les autorités iraniennes depuis son arrestation en "
                "juillet 2018.")
_PACT = ("Le quotidien a révélé jeudi un pacte secret conclu en 1975 entre les services français et les rebelles "
         "angolais.")
_CAPTURED = "Samedi, l'armée malienne a relâché les soldats qu'elle avait capturés en mars 2018."


def test_a_state_held_for_months_in_the_imperfect_dates_the_act_that_began_it(every_event) -> None:
    assert _dated(every_event, _MONTHS, "COERCE", "emprisonné") == "2019-04"


def test_a_state_held_since_an_event_dated_is_dated_by_it(every_event) -> None:
    assert _dated(every_event, _SINCE_EVENT, "COERCE", "détenu") == "2018-07"


def test_a_participle_s_date_dates_the_noun_it_qualifies(every_event) -> None:
    assert _dated(every_event, _PACT, "AGREE", "pacte") == "1975"
    # with no date of its own, the noun is the day's news
    news = "Le quotidien a révélé jeudi un pacte secret entre les services français et les rebelles angolais."
    assert _dated(every_event, news, "AGREE", "pacte") == "2020-06-04"


def test_an_embedded_clause_s_own_date_before_the_date_fronted_for_the_sentence(every_event) -> None:
    assert _dated(every_event, _CAPTURED, "COERCE", "capturés") == "2018-03"
    assert _dated(every_event, _CAPTURED, "RETREAT", "relâché") == "2020-06-06"


def test_acts_so_dated_far_before_the_article_are_background(veille_nlp) -> None:
    assert not _facts(veille_nlp, _MONTHS, "COERCE")
    assert not _facts(veille_nlp, _SINCE_EVENT, "COERCE")
    assert not _facts(veille_nlp, _PACT, "AGREE")
    assert not _facts(veille_nlp, _CAPTURED, "COERCE") and _facts(veille_nlp, _CAPTURED, "RETREAT")


def test_a_state_held_for_a_few_weeks_stays_news(veille_nlp) -> None:
    # a start days before the article is no background ("depuis dix jours": no month counted back)
    text = "Le journaliste français était détenu par la police turque depuis dix jours quand il a été libéré mardi."
    facts = _facts(veille_nlp, text, "COERCE")
    assert facts and all(e["date"] >= "2020-05" for e in facts)


def test_a_participle_trigger_s_own_date_before_the_date_fronted_for_the_sentence(veille_nlp) -> None:
    text = "Mardi, Kaboul a libéré 400 prisonniers, conformément à l'accord signé en février entre les talibans et " \
           "les Etats-Unis."
    assert _dated(veille_nlp, text, "AGREE", "signé") == "2020-02"
    assert _dated(veille_nlp, text, "RETREAT", "libéré") == "2020-06-09"


def test_an_act_after_an_event_dated_it_counts_from_is_no_state_held(veille_nlp) -> None:
    # what a side does "depuis" a dated event is its stance now, not the start of a state it undergoes
    text = "Depuis le retrait en mai 2018 de Washington de cet accord, la Russie et la Chine dénient aux Etats-Unis " \
           "le droit d'activer ce mécanisme."
    assert _facts(veille_nlp, text, "REJECT")


def test_a_month_after_a_past_year_is_in_that_year_when_a_day_is_fronted_before(every_event) -> None:
    # the day the text reports from does not keep the month of the year before in its own year
    text = ("Samedi, la police a compté 5.000 manifestants. L'an passé, près de 50.000 personnes s'étaient rassemblées "
            "fin novembre dans toute la France, selon les organisatrices.")
    event = find(code(every_event, text, "2019-11-23"), "PROTEST", "rassemblées")
    assert event is not None and event["date"] == "2018-11", event


_EXCLUDED = ("Le dirigeant du syndicat polonais boudait son ancien trésorier depuis 2016, quand il l'a exclu du "
             "syndicat.")


def test_a_when_clause_after_a_start_tells_the_act_the_state_began_with(every_event) -> None:
    # "depuis 2016, quand il l'a exclu": the exclusion is the start of the silence, done in 2016
    assert _dated(every_event, _EXCLUDED, "REJECT", "exclu") == "2016"
    # with no start, the clause is the narrative's ("lorsqu'il l'a exclu" today's news)
    assert _dated(every_event, "Le Premier ministre grec a cessé de parler à son ancien ministre des Finances "
                               "lorsqu'il l'a exclu du gouvernement.", "REJECT", "exclu") == PUBLISHED
    assert _dated(every_event, "Le Premier ministre grec ne parle plus à son ancien ministre des Finances depuis 2015, "
                               "lorsqu'il l'a exclu du gouvernement.", "REJECT", "exclu") == "2015"


def test_the_act_a_long_state_began_with_is_background(veille_nlp) -> None:
    assert not _facts(veille_nlp, _EXCLUDED, "REJECT")
