"""Acts an article recalls without a date are background, not news: a clause in a past tense set in a past period
the text names ("durant sa campagne", "au cours de son mandat", "pendant la Première Guerre mondiale"), an event
a time is counted from ("deux ans après son arrestation", "depuis son élection")."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes

FACTUAL = ("asserted", "reported")


def _facts(events: list[dict], event_type: str) -> list[dict]:
    return [e for e in events if e["type"] == event_type and e["status"] in FACTUAL]


def test_an_act_of_a_past_period_named_without_date_is_background(veille_nlp) -> None:
    promise = code(veille_nlp, "Durant sa campagne, le président français avait promis de retirer les troupes "
                               "françaises du Mali.", "2019-03-12")
    assert not _facts(promise, "AGREE"), promise
    office = code(veille_nlp, "L'ancien président américain avait rencontré le dirigeant chinois au cours de son "
                              "mandat, rappelle le quotidien.", "2019-03-12")
    assert not _facts(office, "CONSULT"), office
    history = code(veille_nlp, "Pendant la Première Guerre mondiale, l'armée allemande avait bombardé la ville de "
                               "Reims.", "2019-03-12")
    assert not _facts(history, "ASSAULT"), history


def test_the_same_acts_told_as_news_are_kept(veille_nlp) -> None:
    # the same acts with no period, or told in the present of the campaign, are the news
    promise = code(veille_nlp, "Le président français a promis samedi de retirer les troupes françaises du Mali.",
                   "2019-03-12")
    assert _facts(promise, "AGREE"), promise
    present = code(veille_nlp, "Durant sa campagne, le président français accuse la Russie d'ingérence.",
                   "2019-03-12")
    accused = _facts(present, "ACCUSE")
    assert accused and codes(accused[0]["recipient"]) == {"RUS"}, present
    # a period that is an event of the story ("pendant la manifestation") is no past of a participant's
    rally = code(veille_nlp, "Pendant la manifestation, la police française a arrêté trente manifestants à Paris.",
                 "2019-03-12")
    assert _facts(rally, "COERCE"), rally


def test_the_background_filter_off_keeps_the_acts_of_a_past_period(every_event) -> None:
    history = code(every_event, "Pendant la Première Guerre mondiale, l'armée allemande avait bombardé la ville de "
                                "Reims.", "2019-03-12")
    assert _facts(history, "ASSAULT"), history


def test_an_event_a_time_is_counted_from_with_a_possessive_is_background(veille_nlp) -> None:
    release = code(veille_nlp, "Deux ans après son arrestation par la police turque, le journaliste allemand a été "
                               "libéré mardi.", "2019-03-12")
    assert not _facts(release, "COERCE"), release
    # (not "a critiqué la France à plusieurs reprises" since then: repeated acts counted from a start long past are
    # a habit, test_events_press.test_a_habit_or_a_career_is_no_event)
    elected = code(veille_nlp, "Deux mois après son élection, le président brésilien a critiqué la France.",
                   "2019-03-12")
    assert [e["trigger"] for e in elected if e["status"] in FACTUAL] == ["critiqué"], elected
    # the same event with no determiner of a known event is the news
    news = code(veille_nlp, "La police turque a arrêté mardi un journaliste allemand.", "2019-03-12")
    assert _facts(news, "COERCE"), news


def test_an_infinitive_right_after_a_commemoration_s_phrase_is_what_it_recalls(veille_nlp) -> None:
    # the parser hangs "à combattre" on the verb of the visit, not on the call the anniversary recalls
    visit = code(veille_nlp, "La ministre française devait se rendre jeudi à Londres pour y célébrer le 80e "
                             "anniversaire de l'appel du général de Gaulle à combattre l'armée allemande.",
                 "2019-03-12")
    assert not _facts(visit, "ASSAULT"), visit
    # no commemoration before it: the call is the news
    call = code(veille_nlp, "Le président malien a appelé lundi l'armée à attaquer les jihadistes.", "2019-03-12")
    assert _facts(call, "REQUEST"), call


_LAST_YEAR = "L'année dernière, en mars, la police française avait arrêté trente manifestants à Paris."


def test_a_month_without_its_year_after_a_past_year_of_its_clause_is_in_that_year(every_event) -> None:
    text = _LAST_YEAR
    assert [e["date"] for e in _facts(code(every_event, text, "2019-11-20"), "COERCE")] == ["2018-03"]
    # a year after the month is what the act is for, not its year; a month alone is the last one
    signed = code(every_event, "En octobre, le Mali a signé un accord de coopération pour 2022 avec la France.",
                  "2019-11-20")
    assert [e["date"] for e in _facts(signed, "AGREE")] == ["2019-10"], signed


def test_an_act_of_a_month_of_last_year_is_background(veille_nlp) -> None:
    assert not _facts(code(veille_nlp, _LAST_YEAR, "2019-11-20"), "COERCE")


def test_a_period_that_completes_the_subject_s_title_is_no_setting_of_the_clause(veille_nlp) -> None:
    said = code(veille_nlp, "L'ancienne ministre française de la Justice sous le mandat de François Hollande a "
                            "déploré lundi les propos du ministre de l'Intérieur.", "2022-08-05")
    assert _facts(said, "ACCUSE"), said


def test_an_event_of_the_story_s_weeks_a_time_is_counted_from_is_still_news(veille_nlp) -> None:
    weeks = ("Trois semaines après leur entrevue de Téhéran, le président turc Erdogan rejoint son homologue russe "
             "Vladimir Poutine à Sotchi.")
    assert _facts(code(veille_nlp, weeks, "2022-08-05"), "CONSULT")
    months = weeks.replace("Trois semaines", "Trois mois")
    assert not _facts(code(veille_nlp, months, "2022-08-05"), "CONSULT")


def test_an_act_told_in_the_passe_simple_is_history_recalled(veille_nlp) -> None:
    # the tagger reads these forms as presents or imperfects: the passé simple is read off the form
    for text in ("L'armée égyptienne lança une vague d'arrestations contre les opposants.",
                 "L'armée égyptienne déclencha une vague d'arrestations contre les opposants, qui furent jugés."):
        assert not _facts(code(veille_nlp, text, "2019-03-12"), "COERCE"), text
    # the same act in the present is the news
    news = code(veille_nlp, "L'armée égyptienne lance une vague d'arrestations contre les opposants.", "2019-03-12")
    assert _facts(news, "COERCE"), news


def test_the_passe_simple_is_read_off_the_form_and_the_infinitive(veille_nlp) -> None:
    from veille.events.recall import told_in_simple_past

    doc = veille_nlp("Les troupes irakiennes envahirent le Koweït et la police lança des arrestations.")
    assert [t.text for t in doc if t.pos_ == "VERB" and told_in_simple_past(t)] == ["envahirent", "lança"]
    # presents and imperfects of the same verbs, and the presents of "-érer" verbs, are no passé simple
    doc = veille_nlp("Les troupes envahissent le Koweït, la police lançait des arrestations et les juges libèrent "
                     "les détenus.")
    assert not [t.text for t in doc if t.pos_ == "VERB" and told_in_simple_past(t)]


def test_the_passe_anterieur_of_a_clause_apres_que_is_no_history(veille_nlp) -> None:
    from veille.events.recall import told_in_simple_past

    doc = veille_nlp("Le maire a été critiqué après que la police eut arrêté des manifestants, tandis que le roi fut "
                     "renversé.")
    assert [t.text for t in doc if t.pos_ == "VERB" and told_in_simple_past(t)] == ["renversé"]


# the pluperfect tells what came before the story: dated two months back or more, it is background; the same acts in
# the passé composé are still the story's until the years-old cut, and a pluperfect of a few weeks before is too
PLUPERFECT_NEWS = [
    ("En septembre, le Premier ministre français avait apporté son soutien au candidat de LREM à Paris, Benjamin "
     "Griveaux.", "2019-12-23", "SUPPORT", False),
    ("En mars, l'armée malienne avait bombardé un village du nord du pays.", "2020-08-10", "ASSAULT", False),
    ("En septembre, le Premier ministre français a apporté son soutien au candidat de LREM à Paris, Benjamin "
     "Griveaux.", "2019-12-23", "SUPPORT", True),
    ("En mars, l'armée malienne a bombardé un village du nord du pays.", "2020-08-10", "ASSAULT", True),
    ("Début décembre, le Premier ministre français avait apporté son soutien au candidat de LREM à Paris, Benjamin "
     "Griveaux.", "2019-12-23", "SUPPORT", True),
]


@pytest.mark.parametrize(("text", "published", "event_type", "news"), PLUPERFECT_NEWS)
def test_an_act_told_in_the_pluperfect_months_before_is_background(veille_nlp, text, published, event_type,
                                                                    news) -> None:
    events = code(veille_nlp, text, published)
    assert bool(_facts(events, event_type)) is news, events


def test_a_participle_inside_a_pluperfect_clause_keeps_its_own_time(veille_nlp) -> None:
    # "l'accord signé en février" is dated by its own words, not told in the pluperfect of the clause around it
    events = code(veille_nlp, "Les pourparlers avaient été retardés par des désaccords sur l'accord signé en février "
                              "entre les talibans et Washington.", "2020-08-10")
    assert _facts(events, "AGREE"), events
    from veille.events.recall import told_in_pluperfect

    doc = veille_nlp("Les pourparlers avaient été retardés par des désaccords sur l'accord signé en février.")
    assert [t.text for t in doc if told_in_pluperfect(t)] == ["retardés"]


def test_an_act_of_the_same_year_as_one_told_years_before_is_background(veille_nlp) -> None:
    # "la même année" is the year the text is on, as "cette année-là": years before, no news
    events = code(veille_nlp, "En 2018, la police indonésienne a arrêté des militants à Aceh. La même année, "
                              "l'armée indonésienne a bombardé un village de Papouasie.", "2020-05-07")
    assert not _facts(events, "ASSAULT"), events
    news = code(veille_nlp, "En 2018, la police indonésienne a arrêté des militants à Aceh. Mardi, l'armée "
                            "indonésienne a bombardé un village de Papouasie.", "2020-05-07")
    assert _facts(news, "ASSAULT"), news


@pytest.mark.parametrize("start, news", [
    ("Le militant kurde est détenu depuis le 7 mai, jour où il a été arrêté par la police turque à Ankara.",
     "Le 7 mai, jour où il a été arrêté par la police turque à Ankara, le militant kurde a dénoncé un complot."),
    ("L'opposant russe est emprisonné depuis le jour où il a été arrêté par la police russe à Moscou.",
     "L'opposant russe a manifesté devant la Douma le jour où il a été arrêté par la police russe."),
])
def test_the_act_a_state_counts_from_is_its_start_recalled(veille_nlp, start: str, news: str) -> None:
    # a relative on a moment a state counts from tells the start of the state, not the article's news; the same
    # relative on a day the sentence tells of keeps its act (the relative's own event)
    assert not _facts(code(veille_nlp, start, "2019-08-20"), "COERCE")
    kept = [e for e in _facts(code(veille_nlp, news, "2019-05-09"), "COERCE") if e["trigger"] == "arrêté"]
    assert kept


def test_a_state_counted_from_a_recent_day_keeps_its_start_as_news(veille_nlp) -> None:
    # two days after the arrest, the arrest a detention counts from is the news
    text = "Le militant kurde est détenu depuis le 7 mai, jour où il a été arrêté par la police turque à Ankara."
    assert _facts(code(veille_nlp, text, "2019-05-09"), "COERCE")
    assert not _facts(code(veille_nlp, text, "2019-08-09"), "COERCE")


@pytest.mark.parametrize("since, published, kept", [
    ("depuis le début de la semaine", "2022-03-10", True),  # a recent start: several acts, each news
    ("depuis le début de la guerre", "2022-03-10", False),  # a start long past: a habit
])
def test_repeated_acts_are_a_habit_only_from_a_start_long_past(veille_nlp, since: str, published: str,
                                                               kept: bool) -> None:
    text = f"Les soldats russes ont bombardé à plusieurs reprises le port ukrainien de Marioupol {since}."
    assert bool(_facts(code(veille_nlp, text, published), "ASSAULT")) == kept





def _factual_triggers(events: list[dict]) -> list[str]:
    return [e["trigger"] for e in events if e["status"] in FACTUAL]


def test_a_pluperfect_relative_clause_on_a_participant_describes_its_past(veille_nlp) -> None:
    # "X, qui avait ...": the clause tells who the participant is by what it had done, no news of the article
    met = code(veille_nlp, "Le président tunisien, qui avait reçu le roi du Maroc à Tunis, a présenté jeudi son plan "
                           "de relance.", "2021-04-15")
    assert "reçu" not in _factual_triggers(met), met
    accused = code(veille_nlp, "Le président tunisien, qui avait accusé l'Algérie d'ingérence, a présenté jeudi son "
                               "plan de relance.", "2021-04-15")
    assert not _facts(accused, "ACCUSE"), accused
    # and so is a participle or gerund of that clause ("qui avait ... en accusant ...")
    gerund = code(veille_nlp, "La ministre suédoise, qui avait choqué Ankara en accusant la Turquie de chantage, a "
                              "été reçue mercredi par son homologue.", "2021-04-12")
    assert not _facts(gerund, "ACCUSE"), gerund


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
    assert _facts(accused, "ACCUSE"), accused
    # "où" sets a place, no description of a participant
    place = code(veille_nlp, "A Marseille, où trois mille enseignants avaient manifesté contre le ministre, le "
                             "cortège s'est dispersé dans le calme.", "2021-04-12")
    assert _facts(place, "PROTEST"), place
    # a gerund set off by a comma after the relative clause is the main clause's
    main = code(veille_nlp, "Le ministre grec, qui s'était rendu à Ankara pour la réunion, a plaidé samedi pour le "
                            "dialogue, en exhortant la Turquie à retirer ses navires.", "2021-04-12")
    assert _facts(main, "REQUEST"), main
    assert "rendu" not in _factual_triggers(main), main
