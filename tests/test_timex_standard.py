"""veille.events.timex: TIMEX3 values as the standard (and French TimeBank) writes them.

Parts of the day on their day, clock times on the day the text is on, decades and centuries
padded with X, two-digit years, REF values, generic days of no year, the tense of the clause
deciding which way a weekday or season points. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from veille.events.timex import Timex, clause_tense, tag


def find(timexes: list[Timex], span: str) -> Timex:
    hits = [t for t in timexes if t.text == span]
    assert hits, f"{span!r} not tagged; got {[(t.text, t.value) for t in timexes]}"
    return hits[-1]


# (text, anchor, span, value); the spaCy component's tense ("auto") is used throughout
CASES: list[tuple[str, str, str, str]] = [
    # parts of the day are written on their day
    ("Le maire a été reçu hier soir à la préfecture.", "2001-03-14", "hier soir", "2001-03-13TEV"),
    ("Le cortège est parti hier matin.", "2001-03-14", "hier matin", "2001-03-13TMO"),
    ("Il est tombé hier en fin d'après-midi.", "2001-03-14", "hier en fin d'après-midi", "2001-03-13TAF"),
    ("Les pompiers sont intervenus lundi soir.", "2001-03-14", "lundi soir", "2001-03-12TEV"),
    ("Le conseil se réunit ce soir.", "2001-03-14", "ce soir", "2001-03-14TEV"),
    ("Le 3 mars, la grève a commencé. Dans la nuit, les piquets ont tenu.", "2001-03-14", "la nuit",
     "2001-03-03TNI"),
    # clock times on the day the text last spoke of, else the day of writing
    ("La kermesse aura lieu samedi 17 mars, de 14 h à 18 h.", "2001-03-14", "18 h", "2001-03-17T18:00"),
    ("La réunion commence à 9 h 30 à la mairie.", "2001-03-14", "9 h 30", "2001-03-14T09:30"),
    ("Vers 23 h 10, mardi, un camion a pris feu.", "2001-03-14", "23 h 10", "2001-03-13T23:10"),
    ("Hier à 16 h, les délégués ont quitté la salle.", "2001-03-14", "Hier à 16 h", "2001-03-13T16:00"),
    # decades, centuries, two-digit years
    ("Au début des années 70, la ville comptait trois usines.", "2001-03-14", "début des années 70", "197X"),
    ("Les bâtiments datent de la fin du XVIIIe siècle.", "2001-03-14", "la fin du XVIIIe siècle", "17XX"),
    ("Le club a été fondé en mars 87 par trois amis.", "2001-03-14", "mars 87", "1987-03"),
    ("L'accident du 4 août 96 reste dans les mémoires.", "2001-03-14", "4 août 96", "1996-08-04"),
    # a month with dernier / prochain, a month after "de"
    ("Les travaux ont débuté en novembre dernier.", "2001-03-14", "novembre dernier", "2000-11"),
    ("Les travaux s'achèveront en mai prochain.", "2001-03-14", "mai prochain", "2001-05"),
    ("La rentrée de septembre a été difficile.", "2001-03-14", "septembre", "2000-09"),
    # REF values
    ("Il faut maintenant reconstruire le pont.", "2001-03-14", "maintenant", "PRESENT_REF"),
    ("L'actuel président du club a démissionné.", "2001-03-14", "actuel", "PRESENT_REF"),
    ("Le futur stade comptera dix mille places.", "2001-03-14", "futur", "FUTURE_REF"),
    ("Les prochaines municipales se joueront serré.", "2001-03-14", "prochaines", "FUTURE_REF"),
    ("Un précédent projet avait été abandonné.", "2001-03-14", "précédent", "PAST_REF"),
    ("Rien ne permet aujourd'hui de conclure.", "2001-03-14", "aujourd'hui", "PRESENT_REF"),
    ("Le ministre visitera aujourd'hui l'usine.", "2001-03-14", "aujourd'hui", "2001-03-14"),
    ("Les élections d'aujourd'hui sont serrées.", "2001-03-14", "aujourd'hui", "2001-03-14"),
    # the tense of the clause
    ("Le maire a déclaré vendredi qu'il ne signerait pas.", "2001-03-14", "vendredi", "2001-03-09"),
    ("Le tribunal rendra son jugement vendredi.", "2001-03-14", "vendredi", "2001-03-16"),
    ("Vendredi, la foire ouvrira ses portes.", "2001-03-14", "Vendredi", "2001-03-16"),
    ("Vendredi, la foire a ouvert ses portes.", "2001-03-14", "Vendredi", "2001-03-09"),
    ("Les fouilles reprendront à l'automne.", "2001-03-14", "l'automne", "2001-FA"),
    ("Les fouilles avaient été suspendues à l'automne.", "2001-03-14", "l'automne", "2000-FA"),
    # a bare year qualifying a noun; two years joined by a slash
    ("Le rapport 1999 de la chambre régionale est sévère.", "2001-03-14", "1999", "1999"),
    ("La saison 2000/2001 s'achève.", "2001-03-14", "2001", "2001"),
    # a day and month of no year
    ("La foire se tient le 15 août de chaque année.", "2001-03-14", "le 15 août", "XXXX-08-15"),
    # a span of days is two dates
    ("Le festival se tiendra du 12 au 15 juillet.", "2001-03-14", "12", "2001-07-12"),
    ("Le festival se tiendra du 12 au 15 juillet.", "2001-03-14", "15 juillet", "2001-07-15"),
    # "au lendemain de …" in apposition to a day; "la veille du …" counted from that day
    ("Le calme est revenu mardi, au lendemain de l'émeute.", "2001-03-14", "lendemain", "2001-03-13"),
    ("La veille du 1er mai, les syndicats ont défilé.", "2001-05-03", "La veille", "2001-04-30"),
    # nights across two days: written on their first day
    ("Des vitrines ont été brisées dans la nuit de samedi à dimanche.", "2001-03-14", "la nuit de samedi à dimanche",
     "2001-03-10TNI"),
    # decades in words, relative centuries, week-ends
    ("La mode des années quatre-vingt revient.", "2001-03-14", "années quatre-vingt", "198X"),
    ("Ce week-end, la foire attirera du monde.", "2001-03-14", "Ce week-end", "2001-W11-WE"),
    ("Ce week-end, la foire a attiré du monde.", "2001-03-12", "Ce week-end", "2001-W10-WE"),
    # announcements look ahead, a past one looks back
    ("La brocante a lieu dimanche sur la place.", "2001-03-14", "dimanche", "2001-03-18"),
    ("La brocante a eu lieu dimanche sur la place.", "2001-03-14", "dimanche", "2001-03-11"),
    ("La kermesse se déroule samedi au stade.", "2001-03-14", "samedi", "2001-03-17"),
    ("La kermesse s'est déroulée samedi au stade.", "2001-03-14", "samedi", "2001-03-10"),
    ("Le départ est prévu samedi à 7 h.", "2001-03-14", "7 h", "2001-03-17T07:00"),
    # holidays
    ("Les travaux seront terminés avant Noël.", "2001-03-14", "Noël", "2001-12-25"),
    ("Le magasin est fermé depuis Noël.", "2001-03-14", "Noël", "2000-12-25"),
    ("Le pont a été inauguré à Pâques.", "2001-05-14", "Pâques", "2001-04-15"),
    # "ce dimanche" is the coming one unless its clause is past; "mercredi 21" the 21st that is one
    ("Ce samedi, la kermesse se déroule au stade.", "2001-03-14", "Ce samedi", "2001-03-17"),
    ("Ce samedi, la kermesse s'est déroulée au stade.", "2001-03-14", "Ce samedi", "2001-03-10"),
    ("Rendez-vous mercredi 21 à la salle des fêtes.", "2001-03-14", "mercredi 21", "2001-03-21"),
    # the half of the day after a clock time
    ("Il est rentré vers 2 h du matin.", "2001-03-14", "2 h du matin", "2001-03-14T02:00"),
    ("La séance reprendra à 3 heures de l'après-midi.", "2001-03-14", "3 heures de l'après-midi",
     "2001-03-14T15:00"),
    # "à ce moment-là": the time the text last gave
    ("Le feu a pris vers 4 h 10. A ce moment-là, l'atelier était vide.", "2001-03-14", "ce moment-là",
     "2001-03-14T04:10"),
    # "au lendemain de l'élection" with no day beside it: from the day the text last spoke of
    ("Le scrutin a eu lieu le 11 mars. Au lendemain de l'élection, le maire a remanié son équipe.", "2001-03-14",
     "lendemain", "2001-03-12"),
    # a year after "entre"
    ("Entre 1990 et 1995, la commune a doublé.", "2001-03-14", "1990", "1990"),
    # ranges of hours are two clock times; "il était 22 heures" a clock time, "un retard de 3 heures" not
    ("La permanence est ouverte de 14 heures à 18 heures.", "2001-03-14", "14 heures", "2001-03-14T14:00"),
    ("La permanence est ouverte de 14 heures à 18 heures.", "2001-03-14", "18 heures", "2001-03-14T18:00"),
    ("Il était 22 heures quand le feu a pris.", "2001-03-14", "22 heures", "2001-03-14T22:00"),
    # a year before a name or a pronoun
    ("En 1981 François Mitterrand est élu.", "2001-03-14", "1981", "1981"),
]


@pytest.mark.parametrize(("text", "anchor", "span", "value"), CASES)
def test_timex3_values(text: str, anchor: str, span: str, value: str) -> None:
    assert find(tag(text, anchor, tense="auto"), span).value == value


def test_holiday_needs_a_preposition() -> None:
    texts = {t.text for t in tag("Le marché de Noël ouvre ; le Père Noël arrive.", "2001-03-14", tense="auto")}
    assert not texts


def test_maintenant_as_a_verb_is_no_date() -> None:
    assert not [t for t in tag("Il a gagné en maintenant la pression.", "2001-03-14", tense="auto")]


def test_adjectives_need_a_determiner_and_a_noun() -> None:
    texts = {t.text for t in tag("Un succès sans précédent. Rendez-vous au mois prochain.", "2001-03-14", tense="auto")}
    assert "précédent" not in texts


def test_every_year_day_is_a_set() -> None:
    t = find(tag("Chaque 14 juillet, le village défile.", "2001-03-14", tense="auto"), "14 juillet")
    assert (t.label, t.value) == ("SET", "XXXX-07-14")


def test_two_digit_year_not_before_a_count() -> None:
    texts = {t.text for t in tag("Le 5 mai 12 policiers ont été blessés.", "2001-03-14", tense="auto")}
    assert "Le 5 mai" in texts


def test_a_delay_in_hours_stays_a_duration() -> None:
    t = find(tag("Le train est arrivé avec un retard de 3 heures.", "2001-03-14", tense="auto"), "3 heures")
    assert (t.label, t.value) == ("DURATION", "PT3H")


def test_clause_tense() -> None:
    text = "Le maire a déclaré vendredi qu'il ne signerait pas."
    i = text.index("vendredi")
    assert clause_tense(text, i, i + 8) == "past"
    text = "Le tribunal rendra son jugement vendredi."
    i = text.index("vendredi")
    assert clause_tense(text, i, i + 8) == "future"
    text = "Les prix montent vendredi."
    i = text.index("vendredi")
    assert clause_tense(text, i, i + 8) is None


# --- a count of years with no preposition is a length of time after a verb of duration, before
# "après"/"avant", or as the length of something; an age is not

@pytest.mark.parametrize(("text", "span", "value"), [
    ("Le préfet a passé trois ans à Lille.", "trois ans", "P3Y"),
    ("La concession durera plus de vingt ans.", "vingt ans", "P20Y"),
    ("L'ancien maire a écopé de douze ans de réclusion.", "douze ans", "P12Y"),
    ("Le tribunal a prononcé une peine supérieure à 25 ans de réclusion.", "25 ans", "P25Y"),
    ("Le club a retrouvé la finale quatre ans après sa dernière victoire.", "quatre ans", "P4Y"),
    ("Il a fallu un quart d'heure aux pompiers.", "un quart d'heure", "PT15M"),
    ("Le conseil a délibéré trois quarts d'heure.", "trois quarts d'heure", "PT45M"),
    ("La région a connu un demi-siècle de paix.", "un demi-siècle", "P50Y"),
    ("Le chantier a duré un an et demi.", "un an et demi", "P1.5Y"),
])
def test_lengths_of_time(text: str, span: str, value: str) -> None:
    hit = find(tag(text, "2001-03-14", tense="auto"), span)
    assert (hit.label, hit.value) == ("DURATION", value)


@pytest.mark.parametrize("text", [
    "Agé de 47 ans, le maire a démissionné.",
    "Une cycliste de 16 ans a été renversée.",
    "Le doyen est mort à 103 ans.",
    "Paul Martin, 62 ans, a été élu.",
    "Le maire a 58 ans.",
    "La ville fête les 20 ans de son jumelage.",
    "L'équipe n'était pas dans un jour de chance.",
])
def test_an_age_or_a_kind_of_day_is_no_length_of_time(text: str) -> None:
    assert tag(text, "2001-03-14", tense="auto") == []


# --- announcements and edges (issue #17)

@pytest.mark.parametrize(("text", "span", "value"), [
    # "à la mairie" is a preposition, not the auxiliary of a compound past: the clause is in the future
    ("La kermesse aura lieu samedi à la mairie.", "samedi", "2001-03-17"),
    # "jusqu'à" a weekday, in a clause that is not past, is a day to come
    ("Les inscriptions restent ouvertes jusqu'à vendredi.", "vendredi", "2001-03-16"),
    ("Le stage a été prolongé jusqu'à lundi.", "lundi", "2001-03-12"),
    # the year after an edge of the year is that year's
    ("À la fin de l'année 1997, la cité comptait 900 logements.", "la fin de l'année 1997", "1997"),
])
def test_announcements_and_edges(text: str, span: str, value: str) -> None:
    assert find(tag(text, "2001-03-14", tense="auto"), span).value == value


def test_a_season_with_le_needs_its_year_or_relation() -> None:
    # "le printemps prochain" is a date; "le printemps" alone may be a name
    assert find(tag("Le printemps prochain, la ligne sera prolongée.", "2001-07-02", tense="auto"),
                "Le printemps prochain").value == "2002-SP"
    assert find(tag("Le printemps dernier, la ligne a été fermée.", "2001-07-02", tense="auto"),
                "Le printemps dernier").value == "2001-SP"
    assert tag("Le printemps des poètes a ouvert ses portes.", "2001-03-14", tense="auto") == []


@pytest.mark.parametrize(("text", "span", "value"), [
    ("La fête a lieu chaque année le 15 août.", "le 15 août", "XXXX-08-15"),
    ("Le peintre est arrivé à Nancy en 1962 ou 1963.", "1963", "1963"),
    ("Dorénavant, le stationnement sera payant.", "Dorénavant", "PRESENT_REF"),
    ("Ces jours-ci, la rivière déborde.", "Ces jours-ci", "PRESENT_REF"),
    ("Par le passé, le quartier était ouvrier.", "Par le passé", "PAST_REF"),
    ("Les travaux commenceront sous peu.", "sous peu", "FUTURE_REF"),
])
def test_more_standard_values(text: str, span: str, value: str) -> None:
    assert find(tag(text, "2001-03-14", tense="auto"), span).value == value


@pytest.mark.parametrize(("text", "span", "value"), [
    # anaphoric units and days with their part of the day
    ("En 1997, la cité a été rénovée. Cette année-là, la mairie a changé.", "Cette année-là", "1997"),
    ("En 1997, la cité a été rénovée. La même année, la mairie a changé.", "La même année", "1997"),
    ("En mai 1997, la cité a été rénovée. Le même mois, la mairie a changé.", "Le même mois", "1997-05"),
    ("Le 5 mars 1997, la grève a commencé. Le lendemain matin, les piquets ont tenu.", "Le lendemain matin",
     "1997-03-06TMO"),
    # the n-th (or last) weekday of a month
    ("Le premier dimanche d'avril, la brocante aura lieu.", "Le premier dimanche d'avril", "2001-04-01"),
    ("Le dernier samedi d'octobre 1998, la brocante a eu lieu.", "Le dernier samedi d'octobre 1998",
     "1998-10-31"),
])
def test_anaphors_and_nth_weekdays(text: str, span: str, value: str) -> None:
    assert find(tag(text, "2001-03-14", tense="auto"), span).value == value


def test_a_day_put_off_to_is_to_come() -> None:
    # "reporté à mardi": the day is after the writing, though the clause is in the past
    assert find(tag("Le conseil a été reporté à mardi.", "2001-03-14", tense="auto"), "mardi").value == "2001-03-20"
    assert find(tag("Le conseil s'est réuni mardi.", "2001-03-14", tense="auto"), "mardi").value == "2001-03-13"


@pytest.mark.parametrize(("text", "span", "value"), [
    # a day and month without a year: a past clause tells of one at or before the writing ...
    ("Le stade a été inauguré le 20 juin.", "le 20 juin", "2000-06-20"),
    ("Le 20 juin, le stade avait été inauguré.", "Le 20 juin", "2000-06-20"),
    # ... a future one of one at or after it; a deadline or a day put off to is not bound to the tense
    ("Le stade sera inauguré le 2 mars.", "le 2 mars", "2002-03-02"),
    ("Le préfet a donné jusqu'au 20 juin aux élus pour répondre.", "20 juin", "2001-06-20"),
    ("L'inauguration a été reportée au 20 juin.", "20 juin", "2001-06-20"),
    # a condition between the fronted day and its clause does not give the clause's tense
    ("Le 20 mars, si les travaux sont terminés, le stade rouvrira ses portes.", "Le 20 mars", "2001-03-20"),
    ("Le 2 mars, s'il a été réparé, le toit sera contrôlé.", "Le 2 mars", "2002-03-02"),
    ("Le 2 mars, s’il a été réparé, le toit sera contrôlé.", "Le 2 mars", "2002-03-02"),  # a curly apostrophe
    ("Le 2 mars, si l'on en croit le maire, le toit a été réparé.", "Le 2 mars", "2001-03-02"),
])
def test_a_day_and_month_follows_the_clause_tense(text: str, span: str, value: str) -> None:
    assert find(tag(text, "2001-03-14", tense="auto"), span).value == value
