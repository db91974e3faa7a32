"""veille.events.dates: the narrative date an event falls back on, and what may not set it (issue #17).
Through the real pipeline, on sentences written for these tests."""

from __future__ import annotations

import pytest

from veille.events.timex import tag

# these tests date acts years before the article too: the background filter is off
pytestmark = pytest.mark.usefixtures("every_event")


def _event(nlp, text: str, published: str | None, trigger: str) -> dict:
    doc = nlp.make_doc(text)
    doc._.published = published
    events = nlp(doc)._.events
    hits = [e for e in events if e["trigger"] == trigger]
    assert hits, f"no event on {trigger!r}: {[(e['trigger'], e['type']) for e in events]}"
    return hits[0]


# --- a day still to come is no narrative day for what the text tells in a past tense

def test_an_announced_day_does_not_date_what_follows_in_the_past(veille_nlp):
    text = ("Lundi, la junte a désigné le général Tiani président de la transition. Il doit prêter serment "
            "vendredi à Niamey. Le ministre français des Affaires étrangères a condamné la junte.")
    event = _event(veille_nlp, text, "2023-08-02", "condamné")
    assert (event["date"], event["date_text"]) == ("2023-07-31", "Lundi")


# --- "deux jours après le coup d'État du 26 juillet": counted from the day the phrase gives

def test_a_duration_after_a_dated_event_counts_from_its_day(veille_nlp):
    text = ("La Cédéao, qui a imposé des sanctions au Niger deux jours après le coup d'État du 26 juillet contre "
            "M. Bazoum, a condamné la junte.")
    assert _event(veille_nlp, text, "2023-08-10", "imposé")["date"] == "2023-07-28"
    # the shift belongs to the relative clause, not to the clause it qualifies
    assert _event(veille_nlp, text, "2023-08-10", "condamné")["date"] == "2023-08-10"


# --- "dès mardi" is a day; "depuis" a start

def test_des_with_a_day_dates_the_event(veille_nlp):
    text = ("Jeudi, le président Biden a reçu le Premier ministre nigérien. Le chef de la diplomatie américaine "
            "avait donné le ton dès mardi en recevant son homologue nigérien Hassoumi Massaoudou.")
    event = _event(veille_nlp, text, "2023-08-04", "recevant")
    assert (event["date"], event["date_fallback"]) == ("2023-08-01", False)


# --- "comme la veille": a comparison, not the clause's date; "la veille" in a past clause does not count
# from a day still to come

COMPARED = ("Samedi 29 juillet, Paris a appelé la junte au calme. Dans deux jours, la Cédéao pourrait annoncer "
            "une intervention. Le ministre a dit avoir échangé, comme la veille, avec ses homologues. Avec le "
            "Nigeria, nous avons constaté notre accord pour condamner la junte.")


def test_la_veille_in_a_past_clause_counts_from_a_day_told():
    values = {t.text: t.value for t in tag(COMPARED, "2023-07-29", tense="auto")}
    assert values["Dans deux jours"] == "2023-07-31"
    assert values["la veille"] == "2023-07-28"


def test_a_compared_date_does_not_set_the_narrative_day(veille_nlp):
    event = _event(veille_nlp, COMPARED, "2023-07-29", "condamner")
    assert (event["date"], event["date_text"]) == ("2023-07-29", "Samedi 29 juillet")


# --- a relative clause on what the dated clause did goes on at its time

def test_a_relative_on_the_dated_object_takes_its_date(veille_nlp):
    text = ("L'agence officielle a rapporté mercredi que le général Tiani a présidé la veille une réunion du "
            "gouvernement nigérien qui a expulsé l'ambassadeur de France.")
    event = _event(veille_nlp, text, "2023-08-10", "expulsé")
    assert (event["date"], event["date_text"]) == ("2023-08-08", "la veille")


# --- a flashback: the pluperfect sentences after a sentence set months before the story go on in it

def test_pluperfect_sentences_go_on_in_a_flashback(veille_nlp):
    text = ("Mardi, une patrouille a été attaquée près de la frontière. Les tensions sont montées en mars 2021 "
            "quand l'armée a bombardé un village. Cette frappe avait provoqué la colère de Bamako. Dans la "
            "foulée, le gouvernement malien avait expulsé l'ambassadeur français.")
    event = _event(veille_nlp, text, "2023-08-02", "expulsé")
    assert (event["date"], event["date_text"]) == ("2021-03", "mars 2021")


# a story told on Monday, then a past year, then a present: the pluperfect after it may go back to that year
_POISON = ("Lundi, la police a arrêté un opposant au port. Le même poison avait déjà été employé contre un "
           "journaliste en 2017 à Londres. Selon les enquêteurs, les services secrets sont les premiers suspects. ")


@pytest.mark.parametrize(("text", "trigger"), [
    # "déjà": the pluperfect goes back to the past told two sentences before, across a present
    (_POISON + "Londres avait déjà expulsé des diplomates russes.", "expulsé"),
    # a relative in the pluperfect on a clause that goes back goes back with it
    (_POISON + "Londres avait déjà expulsé des agents russes, qui avaient menacé des témoins.", "menacé"),
    # "à l'époque"
    (_POISON + "Londres avait expulsé à l'époque des diplomates russes.", "expulsé"),
])
def test_a_pluperfect_going_back_takes_the_past_told_before(veille_nlp, text, trigger):
    event = _event(veille_nlp, text, "2020-09-10", trigger)
    assert (event["date"], event["date_text"]) == ("2017", "2017")


def test_a_pluperfect_without_a_mark_stays_on_the_story_day(veille_nlp):
    text = _POISON.replace(" déjà", "") + "Londres avait expulsé des diplomates russes."
    event = _event(veille_nlp, text, "2020-09-10", "expulsé")
    assert event["date"] == "2020-09-07"


# --- parts of the day: on the day the narrative is on, not on a start nor a day named as a complement

@pytest.mark.parametrize(("text", "published", "span", "value"), [
    # "depuis jeudi" is where the meeting started, not the day the text is on
    ("Les chefs d'État sont réunis à Bruxelles depuis jeudi. Le président ukrainien est arrivé en début "
     "d'après-midi.", "2023-06-30", "début d'après-midi", "2023-06-30TAF"),
    # a part of the day before its day in apposition is on that day
    ("Les dirigeants sont réunis depuis jeudi soir à Bruxelles. Dans la matinée, vendredi 30 juin, des "
     "sources ont annoncé un accord.", "2023-06-30", "la matinée", "2023-06-30TMO"),
    # "le dîner de la veille" does not move the narrative day
    ("Vendredi 30 juin, des sources ont annoncé un accord conclu lors du dîner de la veille. Dans son "
     "allocution à 13 heures, le président a parlé.", "2023-06-30", "13 heures", "2023-06-30T13:00"),
])
def test_parts_of_the_day_on_the_narrative_day(text, published, span, value):
    values = {t.text: t.value for t in tag(text, published, tense="auto")}
    assert values[span] == value


def test_a_start_is_not_the_lead_day(veille_nlp):
    text = ("Les chefs d'État sont réunis à Bruxelles depuis jeudi. Le président ukrainien a rencontré le "
            "chancelier allemand en début d'après-midi.")
    event = _event(veille_nlp, text, "2023-06-30", "rencontré")
    assert event["date"] == "2023-06-30"


# --- a past tense tells what was done by the time of writing: a day after it does not date it

def test_a_past_clause_is_not_dated_after_publication(veille_nlp):
    event = _event(veille_nlp, "Le lendemain, l'Iran a menacé les États-Unis de représailles.", "2020-01-06",
                   "menacé")
    assert (event["date"], event["date_fallback"]) == ("2020-01-06", True)


# --- "au lendemain de X": the text is on the day after X, and X on the day before

def test_the_event_a_day_after_counts_from(veille_nlp):
    text = ("Lundi 3 juin, plus de quarante avocats dénoncent une faute. Au lendemain de nouvelles condamnations "
            "à mort de Français par la justice irakienne à Bagdad, ces avocats estiment que l'exécution serait "
            "une honte.")
    values = {t.text: t.value for t in tag(text, "2019-06-03", tense="auto")}
    assert values["lendemain"] == "2019-06-03"
    event = _event(veille_nlp, text, "2019-06-03", "condamnations")
    assert (event["date"], event["date_text"]) == ("2019-06-02", "lendemain")


# --- a date between commas, in a phrase with no verb, dates the clause right after it

@pytest.mark.parametrize(("text", "trigger", "date"), [
    ("A son arrivée à l'Elysée, en 2017, Emmanuel Macron avait promis de quitter le Mali.", "promis", "2017"),
    ("La liste contient le nom d'un ancien policier qui, en 2014 dans la région de Kidal, avait tué trois "
     "soldats maliens.", "tué", "2014"),
])
def test_a_date_in_an_incise(veille_nlp, text, trigger, date):
    event = _event(veille_nlp, text, "2020-09-11", trigger)
    assert (event["date"], event["date_fallback"]) == (date, False)


def test_a_participle_incise_keeps_its_date(veille_nlp):
    event = _event(veille_nlp, "Le président russe, élu en 2012, a menacé l'Ukraine.", "2020-09-11", "menacé")
    assert event["date"] == "2020-09-11"
