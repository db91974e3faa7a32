"""veille.events.timex: French temporal expressions, found and normalised to TIMEX3."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ARTICLES, ROOT, depeches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.events.timex import _WORD as _WORD_RE
from veille.events.timex import (
    CUE_MARGIN,
    USER_DATA_KEY,
    Timex,
    _candidates,
    _is_cue,
    _windows,
    as_calendar,
    doc_timexes,
    parse_number,
    tag,
)

ARTICLE_01 = next(ARTICLES.glob("01_*.txt"))


def find(timexes: list[Timex], span: str) -> Timex:
    hits = [t for t in timexes if t.text == span]
    assert hits, f"{span!r} not tagged; got {[(t.text, t.value) for t in timexes]}"
    return hits[-1]


# (text, anchor, tagged span, label, value, precision, end_value)
# When the same span occurs twice, the last occurrence is checked.
CASES: list[tuple[str, str | None, str, str, str, str | None, str | None]] = [
    # --- absolute dates
    ("Il est arrivé le 22 décembre 2021.", None, "le 22 décembre 2021", "DATE", "2021-12-22", "day", None),
    ("Signé le 1er février 2022 à Moscou.", None, "le 1er février 2022", "DATE", "2022-02-01", "day", None),
    ("Le premier janvier 2020, tout change.", None, "Le premier janvier 2020", "DATE", "2020-01-01", "day", None),
    ("Daté du 22/12/2021.", None, "22/12/2021", "DATE", "2021-12-22", "day", None),
    ("Daté du 22.12.2021.", None, "22.12.2021", "DATE", "2021-12-22", "day", None),
    ("Publié le 2021-12-22.", None, "2021-12-22", "DATE", "2021-12-22", "day", None),
    ("Le 3 févr. 2022 au soir.", None, "Le 3 févr. 2022 au soir", "TIME", "2022-02-03TEV", "day", None),
    ("En 2021, le pays a acheté des drones.", None, "2021", "DATE", "2021", "year", None),
    ("lors d'un sommet en mars 2021", None, "mars 2021", "DATE", "2021-03", "month", None),
    ("créée en novembre 2021 à Istanbul", None, "novembre 2021", "DATE", "2021-11", "month", None),
    ("le coup d'État de juillet 2016", None, "juillet 2016", "DATE", "2016-07", "month", None),
    ("les régions les plus importantes du XXIe siècle", None, "XXIe siècle", "DATE", "20XX", "century", None),
    ("au 19e siècle", None, "19e siècle", "DATE", "18XX", "century", None),
    ("un conflit dans les années 1990", None, "les années 1990", "DATE", "199X", "decade", None),
    ("la guerre à l'automne 2020", None, "l'automne 2020", "DATE", "2020-FA", "season", None),
    ("jusqu'à fin mars 2021", None, "fin mars 2021", "DATE", "2021-03", "month", None),
    ("au premier trimestre 2022", None, "premier trimestre 2022", "DATE", "2022-Q1", "quarter", None),
    ("Déjà titrée en 1978 et 1986.", None, "1986", "DATE", "1986", "year", None),
    ("la guerre de 2020 pour le Karabakh", None, "2020", "DATE", "2020", "year", None),
    ("La guerre du Haut-Karabakh (2020) a fait 6 500 morts.", None, "2020", "DATE", "2020", "year", None),
    ("Titrée en 1978, 1986 et 2022.", None, "1986", "DATE", "1986", "year", None),
    # --- day and month without a year: the year nearest the anchor
    ("Le ministère a déclaré vendredi 7 janvier", "2022-01-11", "vendredi 7 janvier", "DATE", "2022-01-07", "day",
     None),
    ("un éditorial paru le 10 janvier", "2022-01-11", "le 10 janvier", "DATE", "2022-01-10", "day", None),
    ("Il est parti le 28 décembre.", "2022-01-03", "le 28 décembre", "DATE", "2021-12-28", "day", None),
    ("Il reviendra le 3 janvier.", "2021-12-28", "le 3 janvier", "DATE", "2022-01-03", "day", None),
    ("l'opération lancée le 24 février", "2022-08-06", "le 24 février", "DATE", "2022-02-24", "day", None),
    ("un éditorial paru le 10 janvier", "2022-01", "le 10 janvier", "DATE", "2022-01-10", "day", None),
    ("Il est parti le 28 décembre.", "2022-01", "le 28 décembre", "DATE", "2021-12-28", "day", None),
    ("Mardi 13 septembre, les combats reprennent.", "2022", "Mardi 13 septembre", "DATE", "2022-09-13", "day",
     None),
    ("Réunis ce 29 juin à Madrid", "2022-06-29", "ce 29 juin", "DATE", "2022-06-29", "day", None),
    ("a diffusé lundi 10 et mardi 11 janvier des images", "2022-01-12", "lundi 10", "DATE", "2022-01-10", "day",
     None),
    ("a diffusé lundi 10 et mardi 11 janvier des images", "2022-01-12", "mardi 11 janvier", "DATE", "2022-01-11",
     "day", None),
    # --- a month alone: the most recent one at or before the anchor (past by default)
    ("Un accord signé en décembre.", "2022-01-11", "décembre", "DATE", "2021-12", "month", None),
    ("Un peu plus tôt, en octobre, Noursoultan signait.", "2022-01-11", "octobre", "DATE", "2021-10", "month",
     None),
    ("Les prix ont flambé en janvier.", "2022-01-11", "janvier", "DATE", "2022-01", "month", None),
    ("L'invasion de l'Ukraine fin février", "2022-11-10", "fin février", "DATE", "2022-02", "month", None),
    ("au sommet de Téhéran à la mi-juillet", "2022-08-06", "la mi-juillet", "DATE", "2022-07", "month", None),
    ("la Turquie menace depuis mai de lancer une offensive", "2022-08-06", "mai", "DATE", "2022-05", "month",
     None),
    ("L'inflation a atteint 10 % en octobre.", "2022", "octobre", "DATE", "2022-10", "month", None),
    ("On l'a vu à l'automne.", "2022-01-11", "l'automne", "DATE", "2021-FA", "season", None),
    # --- weekdays (2022-01-07 is a Friday): the most recent at or before the anchor
    ("Mercredi, le président a demandé de l'aide.", "2022-01-07", "Mercredi", "DATE", "2022-01-05", "day", None),
    ("Mercredi, le président a demandé de l'aide.", "2022-01-11", "Mercredi", "DATE", "2022-01-05", "day", None),
    ("Il s'est entretenu vendredi avec Poutine.", "2022-01-07", "vendredi", "DATE", "2022-01-07", "day", None),
    ("Il s'est entretenu ce vendredi avec Poutine.", "2022-01-07", "ce vendredi", "DATE", "2022-01-07", "day",
     None),
    ("Il s'est entretenu vendredi dernier avec Poutine.", "2022-01-07", "vendredi dernier", "DATE", "2021-12-31",
     "day", None),
    ("Il s'entretiendra mercredi prochain avec Poutine.", "2022-01-07", "mercredi prochain", "DATE", "2022-01-12",
     "day", None),
    ("Il a voté samedi.", "2022-01-07", "samedi", "DATE", "2022-01-01", "day", None),
    ("Le mouvement, né le dimanche précédent.", "2022-01-09", "le dimanche précédent", "DATE", "2022-01-02", "day",
     None),
    ("Mercredi soir, des milliers de manifestants.", "2022-09-15", "Mercredi soir", "TIME", "2022-09-14TEV", "day",
     None),
    ("une trêve dès mardi matin", "2022-09-15", "mardi matin", "TIME", "2022-09-13TMO", "day", None),
    ("Depuis jeudi, des militaires russes sont déployés.", "2022-01-09", "jeudi", "DATE", "2022-01-06", "day",
     None),
    ("Pachinian a annoncé mardi un bilan.", None, "mardi", "DATE", "XXXX-WXX-2", None, None),
    # --- deictic expressions count from the anchor
    ("Le président a parlé hier.", "2022-01-11", "hier", "DATE", "2022-01-10", "day", None),
    ("Le président parle aujourd'hui.", "2022-01-11", "aujourd'hui", "DATE", "2022-01-11", "day", None),
    ("Le président a parlé avant-hier.", "2022-01-11", "avant-hier", "DATE", "2022-01-09", "day", None),
    ("Le président parlera demain.", "2022-01-11", "demain", "DATE", "2022-01-12", "day", None),
    ("Le président parlera après-demain.", "2022-01-11", "après-demain", "DATE", "2022-01-13", "day", None),
    ("Le président a parlé hier soir.", "2022-01-11", "hier soir", "TIME", "2022-01-10TEV", "day", None),
    ("des troubles qui ont commencé il y a cinq jours", "2022-01-11", "il y a cinq jours", "DATE", "2022-01-06",
     "day", None),
    ("des troubles qui ont commencé il y a 5 jours", "2022-01-11", "il y a 5 jours", "DATE", "2022-01-06", "day",
     None),
    ("Il est venu il y a deux semaines.", "2022-01-11", "il y a deux semaines", "DATE", "2021-W52", "week", None),
    ("Il est venu il y a trois mois.", "2022-01-11", "il y a trois mois", "DATE", "2021-10", "month", None),
    ("Il est venu il y a deux ans.", "2022-01-11", "il y a deux ans", "DATE", "2020", "year", None),
    ("Il est venu il y a quelques jours.", "2022-01-11", "il y a quelques jours", "DATE", "PAST_REF", None, None),
    ("Il est venu la semaine dernière.", "2022-01-11", "la semaine dernière", "DATE", "2022-W01", "week", None),
    ("les affrontements de cette semaine", "2022-01-09", "cette semaine", "DATE", "2022-W01", "week", None),
    ("Il est venu le mois dernier.", "2022-01-11", "le mois dernier", "DATE", "2021-12", "month", None),
    ("Il est venu ce mois-ci.", "2022-01-11", "ce mois-ci", "DATE", "2022-01", "month", None),
    ("Il a gagné l'an dernier.", "2022-11-10", "l'an dernier", "DATE", "2021", "year", None),
    ("Il a gagné l'année dernière.", "2022-11-10", "l'année dernière", "DATE", "2021", "year", None),
    ("Il gagnera l'année prochaine.", "2022-11-10", "l'année prochaine", "DATE", "2023", "year", None),
    ("Il gagnera cette année.", "2022-11-10", "cette année", "DATE", "2022", "year", None),
    ("Il a gagné l'an dernier.", "2022-05", "l'an dernier", "DATE", "2021", "year", None),
    ("Il reviendra dans trois jours.", "2022-01-11", "dans trois jours", "DATE", "2022-01-14", "day", None),
    # --- anaphoric expressions count from the last date of the text, else the anchor
    ("selon des chiffres communiqués la veille", "2022-01-12", "la veille", "DATE", "2022-01-11", "day", None),
    ("Réunis ce 29 juin à Madrid, après la levée du veto la veille.", "2022-06-30", "la veille", "DATE",
     "2022-06-28", "day", None),
    ("Le 5 janvier, la mairie a brûlé. Le lendemain, l'armée est arrivée.", "2022-01-11", "Le lendemain", "DATE",
     "2022-01-06", "day", None),
    ("Le 5 janvier 2022, la mairie a brûlé ; le surlendemain, calme.", None, "le surlendemain", "DATE",
     "2022-01-07", "day", None),
    ("Le 5 janvier 2022, émeutes. Trois jours plus tard, l'armée arrive.", None, "Trois jours plus tard", "DATE",
     "2022-01-08", "day", None),
    ("Le 22 décembre 2021, accord. Ce jour-là, le Parlement a ratifié.", None, "Ce jour-là", "DATE", "2021-12-22",
     "day", None),
    ("Ce jeudi 17 février 2022, retrait. Une conférence tenue le même jour.", None, "le même jour", "DATE",
     "2022-02-17", "day", None),
    ("les décisions prises la veille au soir", "2022-02-17", "la veille au soir", "TIME", "2022-02-16TEV", "day",
     None),
    ("Jeudi, cérémonie. Tokaïev avait sollicité l'OTSC la semaine précédente.", "2022-01-13",
     "la semaine précédente", "DATE", "2022-W01", "week", None),
    # in apposition to a day, "au lendemain de …" is that day (the span leaves "au" out)
    ("acté jeudi 17 février, au lendemain d'un dîner à l'Élysée", "2022-02-17", "lendemain", "DATE",
     "2022-02-17", "day", None),
    ("Il est parti au lendemain d'un dîner à l'Élysée.", "2022-02-17", "lendemain", "DATE", "XXXX-XX-XX", None, None),
    ("Vendredi 5 août 2022, Erdogan s'est envolé en début d'après-midi.", None, "début d'après-midi", "TIME",
     "2022-08-05TAF", "day", None),
    ("annoncé quelques heures plus tard que l'organisation", "2022-01-11", "quelques heures plus tard", "TIME",
     "FUTURE_REF", None, None),
    ("Quelques heures plus tôt, le ministère avait annoncé", "2022-09", "Quelques heures plus tôt", "TIME",
     "PAST_REF", None, None),
    ("Il est arrivé peu après.", "2022-01-11", "peu après", "DATE", "FUTURE_REF", None, None),
    ("Il est arrivé récemment.", "2022-01-11", "récemment", "DATE", "PAST_REF", None, None),
    ("qui assure actuellement la présidence", "2022-01-11", "actuellement", "DATE", "PRESENT_REF", None, None),
    ("Désormais, tout tourne autour de l'économie.", None, "Désormais", "DATE", "PRESENT_REF", None, None),
    ("A l'avenir, l'alliance se transformera.", None, "A l'avenir", "DATE", "FUTURE_REF", None, None),
    # --- parts of day and periods
    ("La mairie incendiée dans la soirée du 5 janvier.", "2022-01-11", "la soirée du 5 janvier", "TIME",
     "2022-01-05TEV", "day", None),
    ("des tirs dans la nuit du 5 au 6 janvier", "2022-01-11", "la nuit du 5 au 6 janvier", "TIME", "2022-01-05TNI",
     "day", "2022-01-06"),
    ("abattus dans la nuit du mercredi 5 au jeudi 6 janvier", "2022-01", "la nuit du mercredi 5 au jeudi 6 janvier",
     "TIME", "2022-01-05TNI", "day", "2022-01-06"),
    ("les combats, qui ont éclaté dans la nuit de lundi à mardi", "2022-09-14", "la nuit de lundi à mardi", "TIME",
     "2022-09-12TNI", "day", "2022-09-13"),
    ("Dans la matinée du jeudi 17 février, Macron a annoncé", "2022-02", "la matinée du jeudi 17 février", "TIME",
     "2022-02-17TMO", "day", None),
    # a span of days is two TIMEX3: its first day (month and year taken from the end) and its last
    ("Le sommet se tient du 5 au 7 janvier.", "2022-01-11", "5", "DATE", "2022-01-05", "day", None),
    ("Le sommet se tient du 5 au 7 janvier.", "2022-01-11", "7 janvier", "DATE", "2022-01-07", "day", None),
    ("Des fêtes du 28 décembre au 3 janvier.", "2022-01-11", "28 décembre", "DATE", "2021-12-28", "day", None),
    ("Des fêtes du 28 décembre au 3 janvier.", "2022-01-11", "3 janvier", "DATE", "2022-01-03", "day", None),
    ("Le sommet se tient entre le 5 et le 7 janvier 2022.", None, "5", "DATE", "2022-01-05", "day", None),
    ("Le sommet se tient entre le 5 et le 7 janvier 2022.", None, "7 janvier 2022", "DATE", "2022-01-07", "day",
     None),
    # --- durations
    ("la Turquie, qui s'emploie depuis un an à développer", None, "un an", "DURATION", "P1Y", None, None),
    ("Ils ont marché pendant trois jours.", None, "trois jours", "DURATION", "P3D", None, None),
    ("la guerre d'un mois et demi", None, "un mois et demi", "DURATION", "P1.5M", None, None),
    ("La France se donne quatre à six mois pour partir.", None, "quatre à six mois", "DURATION", "P4M", None,
     "P6M"),
    ("Le départ doit prendre entre quatre et six mois.", None, "entre quatre et six mois", "DURATION", "P4M", None,
     "P6M"),
    ("Un peu plus de vingt-quatre heures après l'annonce", None, "vingt-quatre heures", "DURATION", "PT24H", None,
     None),
    ("La ville connaît depuis quelques jours un calme relatif.", None, "quelques jours", "DURATION", "PXD", None,
     None),
    ("Pendant plusieurs semaines, la Turquie a bloqué.", None, "plusieurs semaines", "DURATION", "PXW", None, None),
    ("il milite depuis des années", None, "des années", "DURATION", "PXY", None, None),
    ("105 morts au cours des deux derniers jours", None, "deux derniers jours", "DURATION", "P2D", None, None),
    ("une alliance qui dure depuis soixante-dix ans", None, "soixante-dix ans", "DURATION", "P70Y", None, None),
    ("un siège de quatre-vingt-dix jours", None, "quatre-vingt-dix jours", "DURATION", "P90D", None, None),
    ("au pouvoir depuis vingt et un ans", None, "vingt et un ans", "DURATION", "P21Y", None, None),
    ("un blocus pendant une dizaine de jours", None, "une dizaine de jours", "DURATION", "P10D", None, None),
    ("plus de trois heures de discussions", None, "trois heures", "DURATION", "PT3H", None, None),
    ("la fin de neuf années d'opérations", None, "neuf années", "DURATION", "P9Y", None, None),
    # --- sets and clock times
    ("Le sommet se réunit chaque année.", None, "chaque année", "SET", "P1Y", None, None),
    ("Ils manifestent tous les lundis.", None, "tous les lundis", "SET", "XXXX-WXX-1", None, None),
    ("La trêve a pris effet mercredi à 20h00.", "2022-09-15", "20h00", "TIME", "2022-09-14T20:00", "day", None),
    ("Le jury a dévoilé son choix à 13 heures.", "2022-10-06", "13 heures", "TIME", "2022-10-06T13:00", "day", None),
    # --- no anchor: the latest date the text gives before the expression
    ("Le 5 janvier 2022, émeutes à Almaty. Mercredi, le président a appelé l'OTSC.", None, "Mercredi", "DATE",
     "2022-01-05", "day", None),
    ("Le 5 janvier 2022, émeutes à Almaty. Vendredi, les troupes sont arrivées.", None, "Vendredi", "DATE",
     "2022-01-07", "day", None),
    ("Le 7 décembre 2021, un accord. Un peu plus tôt, en octobre, un autre.", None, "octobre", "DATE", "2021-10",
     "month", None),
    ("Le 22 décembre 2021 à Astana. Hier, le président a parlé.", None, "Hier", "DATE", "2021-12-21", "day", None),
    ("En 2021, il y a eu des accords ; le 10 janvier, un premier.", None, "le 10 janvier", "DATE", "2021-01-10",
     "day", None),
    ("Mardi 13 septembre, combats. Rien de tel depuis la guerre de 2020.", None, "Mardi 13 septembre", "DATE",
     "2022-09-13", "day", None),
    ("Un bilan annoncé vendredi 16 septembre ; 71 tués depuis mardi, depuis 2020.", None, "mardi", "DATE",
     "2022-09-13", "day", None),
    ("L'organisation tiendra le 11 novembre son sommet.", None, "le 11 novembre", "DATE", "XXXX-11-11", None, None),
    # before any date of a text without anchor: the latest full date the text gives
    ("Le 11 novembre, un sommet. La feuille de route adoptée le 12 novembre 2021.", None, "Le 11 novembre", "DATE",
     "2021-11-11", "day", None),
    ("Et en août, Bakou a annoncé une perte.", None, "août", "DATE", "XXXX-08", None, None),
    # a day and month joined by a hyphen name a holiday: a date as the spaced form
    ("Les cortèges du 1er-Mai ont réuni des milliers de syndicalistes à Rennes.", "2024-05-03", "1er-Mai", "DATE",
     "2024-05-01", "day", None),
    ("Le 8-Mai, les anciens combattants se sont recueillis à Tulle.", "2024-05-10", "Le 8-Mai", "DATE", "2024-05-08",
     "day", None),
    # ... only a holiday of `hyphen_holidays` ("le 11-Septembre" is a memorial's name: NOT_DATES)
    ("Le maire de Quimper a décoré trois pompiers le 14-Juillet.", "2023-07-16", "le 14-Juillet", "DATE",
     "2023-07-14", "day", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "span", "label", "value", "precision", "end_value"), CASES)
def test_tag_normalises(text, anchor, span, label, value, precision, end_value):
    timexes = tag(text, anchor)
    t = find(timexes, span)
    assert (t.label, t.value, t.precision, t.end_value) == (label, value, precision, end_value)
    assert text[t.start : t.end] == t.text


def test_table_is_large_enough():
    assert len(CASES) >= 80


def test_anchored_flag():
    assert not find(tag("le 22 décembre 2021"), "le 22 décembre 2021").anchored
    assert find(tag("le 22 décembre", "2022-01-03"), "le 22 décembre").anchored
    assert find(tag("hier", "2022-01-03"), "hier").anchored
    assert not find(tag("hier"), "hier").anchored


def test_anchor_accepts_a_date_and_a_datetime_string():
    assert find(tag("mercredi", date(2022, 1, 7)), "mercredi").value == "2022-01-05"
    assert find(tag("mercredi", "2022-01-07T09:30:00"), "mercredi").value == "2022-01-05"
    assert find(tag("mercredi", "pas une date"), "mercredi").value == "XXXX-WXX-3"


# --- direction of a bare weekday or month

FUTURE_TEXT = "les pays membres inviteraient officiellement mercredi les deux candidats"


def test_future_cue_turns_a_bare_weekday_forward():
    assert find(tag(FUTURE_TEXT, "2022-06-28"), "mercredi").value == "2022-06-22"  # past by default
    assert find(tag(FUTURE_TEXT, "2022-06-28", tense="auto"), "mercredi").value == "2022-06-29"
    assert find(tag("Il parlera lundi.", "2022-01-07", tense="auto"), "lundi").value == "2022-01-10"
    assert find(tag("Il a parlé lundi.", "2022-01-07", tense="auto"), "lundi").value == "2022-01-03"
    # a hedged past ("aurait tiré") stays in the past
    assert find(tag("L'armée aurait tiré mercredi.", "2022-01-07", tense="auto"), "mercredi").value == "2022-01-05"


def test_a_participle_of_plan_turns_its_day_forward():
    # Thursday 13 January: the day a plan sets is to come, unless an auxiliary sets the plan in the past
    assert find(tag("Le sommet, prévu mardi, portera sur l'énergie.", "2022-01-13", tense="auto"),
                "mardi").value == "2022-01-18"
    assert find(tag("La visite, programmée pour vendredi, a été confirmée.", "2022-01-13", tense="auto"),
                "vendredi").value == "2022-01-14"
    assert find(tag("Le sommet, qui était prévu mardi, a été annulé.", "2022-01-13", tense="auto"),
                "mardi").value == "2022-01-11"
    assert find(tag("Les échanges prévus par l'accord signé mardi ont commencé.", "2022-01-13", tense="auto"),
                "mardi").value == "2022-01-11"


def test_future_day_month_without_anchor_comes_after_the_text_dates():
    summit = "L'organisation tiendra le 11 novembre son sommet, un an après la feuille de route du 12 novembre 2021."
    assert find(tag(summit, tense="auto"), "le 11 novembre").value == "2022-11-11"
    assert find(tag(summit), "le 11 novembre").value == "2021-11-11"  # past by default: the nearest
    later = "Le 12 novembre 2021, il est parti. Il reviendra le 10 novembre."
    assert find(tag(later, tense="auto"), "le 10 novembre").value == "2022-11-10"
    assert find(tag(later.replace("reviendra", "est revenu"), tense="auto"), "le 10 novembre").value == "2021-11-10"
    # with an anchor, the nearest year as before
    assert find(tag(summit, "2022-10-01", tense="auto"), "le 11 novembre").value == "2022-11-11"


def test_future_tense_parameter_for_months():
    assert find(tag("en octobre", "2022-01-11", tense="future"), "octobre").value == "2022-10"
    assert find(tag("en octobre", "2022-01-11"), "octobre").value == "2021-10"


# --- a day of the month alone ("Le 27, ...") continues the month the text counts days in

def test_a_day_alone_at_the_head_of_a_sentence_takes_the_month_of_the_last_day():
    text = "Le 10 décembre, il a parlé. Le 26, le centre a écrit. Le 3, Paris a protesté."
    found = tag(text, "2020-01-07")
    assert find(found, "Le 26").value == "2019-12-26"
    assert find(found, "Le 3").value == "2020-01-03"  # a day before the last one: the month after
    # no day before it to count from, or not at the head of a sentence before a comma: no date
    assert tag("Le 27, Paris a protesté.", "2020-01-07") == []
    assert [t.text for t in tag("Le 10 décembre, il a parlé du 27, puis de 30 autres.", "2020-01-07")] == [
        "Le 10 décembre"]


# --- a bare month in a sentence a year opens is of that year

def test_a_bare_month_takes_the_year_that_opens_its_sentence():
    text = ("L'an dernier, les vignerons avaient bloqué le port fin septembre. En 2018, le conseil avait voté en "
            "avril une taxe. En avril, il l'a supprimée.")
    found = tag(text, "2021-02-14")
    assert find(found, "fin septembre").value == "2020-09"
    assert [t.value for t in found if t.text == "avril"] == ["2018-04", "2020-04"]  # the next sentence: the usual
    # a year not at the head of its sentence, or a point of another year after it, leaves the month to the usual
    assert find(tag("Nommée en 2016, la préfète a interdit en juin le défilé.", "2021-02-14"), "juin").value == \
        "2020-06"
    assert find(tag("En 2016 et en mai 2018, puis en juin, la digue a cédé.", "2021-02-14"), "juin").value == \
        "2020-06"



@pytest.mark.parametrize("bound", ["Depuis", "Avant", "Après"])
def test_a_year_that_bounds_a_period_gives_no_year_to_the_months_after_it(bound):
    # "Depuis 2017, ... en juin": the June just past, not June 2017
    found = tag(f"{bound} 2017, les éleveurs manifestent souvent, et en juin le préfet a fermé la route.",
                "2021-09-14")
    assert find(found, "juin").value == "2021-06"

# --- false positives

NOT_DATES = [
    "La sonde a enfin atteint Mars après un long voyage.",
    "Le rover Mars explore le cratère Jezero.",
    "Mai Thi a été élue au conseil.",
    "un contingent militaire de 2 500 hommes déployé par la Russie",
    "Ils étaient 2000 soldats et 1500 policiers.",
    "A peine s'achevaient les célébrations des 30 ans d'indépendance",
    "Ce vaste pays de moins de 20 millions d'habitants",
    "Élu homme du match, Messi, 35 ans, décroche le trophée.",
    "le 45e régiment aéroporté et la 31e brigade",
    "tués depuis le début des manifestations",
    "plus de 3 000 d'entre eux ont été placés en détention",
    "en 79 h 33'20, devant Pogacar (à 2'43)",
    "l'inflation a atteint 10,7 % et le taux 1,5 %",
    "aux tirs au but (3-3, 4-2 t.a.b.) après la 23e minute",
    "Un jour, il reviendra.",
    "Il a été élu en maintenant la pression.",
    "Le retrait a été annoncé sans préciser la date.",
    "C'est le troisième voyage et la deuxième journée.",
    "attachés à la Vision mondiale turcique 2040 et au Tour de France 2022",
    "Un romancier islandais consacre son livre au 11-Septembre.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_false_positive(text):
    assert tag(text, "2022-01-11") == []


def test_mars_and_mai_need_a_cue():
    assert find(tag("en mars", "2022-06-01"), "mars").value == "2022-03"
    assert find(tag("le 5 mai", "2022-06-01"), "le 5 mai").value == "2022-05-05"
    assert find(tag("début mai", "2022-06-01"), "début mai").value == "2022-05"


# --- helpers


def test_parse_number():
    assert parse_number("vingt-quatre") == 24
    assert parse_number("soixante-dix") == 70
    assert parse_number("quatre-vingts") == 80
    assert parse_number("quatre-vingt-dix-neuf") == 99
    assert parse_number("soixante et onze") == 71
    assert parse_number("deux cents") == 200
    assert parse_number("mille") == 1000
    assert parse_number("1,5") == 1.5
    assert parse_number("bonjour") is None


def test_as_calendar():
    assert as_calendar("2022-01-05") == "2022-01-05"
    assert as_calendar("2022-W01") == "2022-01"
    assert as_calendar("2020-FA") == "2020"
    assert as_calendar("2021-11") == "2021-11"
    for value in ("PAST_REF", "XXXX-WXX-3", "P1Y", "20", "199", None):
        assert as_calendar(value) is None


# --- real texts


def test_article_01():
    text = ARTICLE_01.read_text("utf-8")
    timexes = tag(text, "2024-10-09")
    by_text: dict[str, list[str]] = {}
    for t in timexes:
        by_text.setdefault(t.text, []).append(t.value)
    assert by_text["Lundi 7 octobre"] == ["2024-10-07"]
    assert by_text["Mercredi"] == ["2024-10-09"]  # published on a Wednesday: that day
    assert by_text["le 8 octobre"] == ["2024-10-08"]
    assert by_text["Il y a trois jours"] == ["2024-10-06"]  # deictic: counted from publication
    assert by_text["juillet 2016"] == ["2016-07"]
    assert by_text["novembre 2024"] == ["2024-11"]
    assert by_text["2029"] == ["2029"]
    assert by_text["cette année"] == ["2024"]
    assert by_text["cette semaine"] == ["2024-W41"]
    assert by_text["l'an dernier"] == ["2023"]
    assert by_text["la soirée du 6 octobre"] == ["2024-10-06TEV"]  # a part of the day (TIMEX3 TEV)
    assert by_text["le 6 octobre"] == ["2024-10-06"]
    texts = {t.text for t in timexes}
    assert not any("1 500" in t or "20 millions" in t or "3 000" in t or "600" in t for t in texts)


def test_dispatches_run_and_resolve_key_dates():
    docs = depeches()
    assert len(docs) == 26
    for d in docs.values():
        for t in tag(d["text"], d["published"], tense="auto"):
            assert d["text"][t.start : t.end] == t.text
    expect = {
        ("K01", "le dimanche précédent"): ("2024-10-06", None),
        ("K01", "jeudi"): ("2024-10-10", None),  # "jusqu'à jeudi": forward
        ("K02", "la nuit du dimanche 6 au lundi 7 octobre"): ("2024-10-06TNI", "2024-10-07"),
        ("K02", "mardi"): ("2024-10-08", None),
        ("K03", "Mardi"): ("2024-10-08", None),  # month-dated: the day after "le 7 octobre" in the text
        ("K04", "La veille"): ("2024-10-09", None),
        ("K04", "vendredi"): ("2024-10-11", None),  # "doivent quitter ... vendredi": forward
        ("K04", "l'an prochain"): ("2025", None),
        ("A02", "la nuit du lundi 15 au mardi 16 avril"): ("2024-04-15TNI", "2024-04-16"),
        ("A04", "la nuit du 15 au 16 avril"): ("2024-04-15TNI", "2024-04-16"),
        ("A05", "cette semaine"): ("2024-W16", None),
        ("T01", "ce 6 novembre"): ("2024-11-06", None),
        ("T02", "Fin octobre"): ("2024-10", None),
        ("T02", "L'an dernier"): ("2023", None),
        ("T03", "mercredi"): ("2024-11-06", None),
        ("S03", "la veille"): ("2024-07-12", None),
        ("M01", "samedi soir"): ("2024-03-16TEV", None),
        ("M01", "la semaine dernière"): ("2024-W10", None),
        ("M02", "dimanche"): ("2024-03-17", None),
        ("Z01", "dimanche"): ("2024-06-16", None),
        ("Z01", "dans deux semaines"): ("2024-W26", None),
    }
    for (doc_id, span), (value, end_value) in expect.items():
        d = docs[doc_id]
        t = find(tag(d["text"], d["published"], tense="auto"), span)
        assert (t.value, t.end_value) == (value, end_value), (doc_id, span)


# --- spaCy component


@pytest.fixture(scope="module")
def blank_nlp():
    import spacy

    import veille.events.timex  # noqa: F401  (registers the factory)

    nlp = spacy.blank("fr")
    nlp.add_pipe("veille_timex")
    return nlp


def test_component_adds_spans_and_keeps_existing_ones(blank_nlp):
    from veille.nlp.extensions import MENTIONS

    text = "Le ministère arménien a déclaré vendredi 7 janvier qu'il avait envoyé 100 soldats depuis un an."
    doc = blank_nlp.make_doc(text)
    doc._.published = "2022-01-11"
    doc.spans[MENTIONS] = [doc.char_span(0, 12, label="ORG")]
    doc = blank_nlp(doc)
    spans = doc.spans[MENTIONS]
    assert [(s.text, s.label_) for s in spans][0] == ("Le ministère", "ORG")
    dated = {s.text: (s.label_, s._.value) for s in spans if s.label_ != "ORG"}
    assert dated["vendredi 7 janvier"] == ("DATE", "2022-01-07")
    assert dated["un an"] == ("DURATION", "P1Y")
    stored = doc_timexes(doc)
    assert all(isinstance(t, Timex) for t in stored)
    assert [t.value for t in stored] == [s._.value for s in spans if s.label_ != "ORG"]
    assert doc.user_data[USER_DATA_KEY] == stored


def test_component_creates_the_group_and_survives_serialisation(blank_nlp):
    from spacy.tokens import Doc

    from veille.nlp.extensions import MENTIONS

    doc = blank_nlp.make_doc("Mercredi, le président a appelé l'OTSC.")
    doc._.published = "2022-01-07"
    doc = blank_nlp(doc)
    assert [(s.text, s._.value) for s in doc.spans[MENTIONS]] == [("Mercredi", "2022-01-05")]
    back = Doc(blank_nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_timexes(back) == doc_timexes(doc)


def test_component_without_publication_date(blank_nlp):
    doc = blank_nlp("Le 5 janvier 2022, émeutes. Mercredi, appel à l'OTSC.")
    assert [t.value for t in doc_timexes(doc)] == ["2022-01-05", "2022-01-05"]


# --- properties

_WORDS = [
    "le", "la", "du", "au", "en", "depuis", "il y a", "dans", "ce", "cette", "mercredi", "vendredi", "janvier",
    "février", "mars", "mai", "décembre", "2021", "2022", "1er", "5", "28", "31", "veille", "lendemain",
    "semaine", "dernière", "prochain", "an", "ans", "jours", "heures", "trois", "vingt-quatre", "quelques",
    "soir", "nuit", "matinée", "hier", "demain", "XXIe", "siècle", "années", "1990", "à", "et", "20h00",
    "/", ".", ",", "2 500", "plus tard", "l'an", "dernier", "automne", "trimestre", "chaque", "’", "\u00a0", "\n",
]  # fmt: skip
_ANCHORS = st.one_of(
    st.none(),
    st.dates(min_value=date(1001, 1, 1), max_value=date(2199, 12, 31)),
    st.sampled_from(["2022-01-11", "2022-01", "2022", "1999-12-31", "2022-13", "2022-02-30", "n/a", ""]),
)


def _check(text: str, anchor, tense: str = "past") -> None:
    timexes = tag(text, anchor, tense=tense)
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.label in {"DATE", "TIME", "DURATION", "SET"}
        assert isinstance(t.value, str) and t.value
    starts = [t.start for t in timexes]
    assert starts == sorted(starts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200), _ANCHORS)
def test_tag_never_raises_on_arbitrary_text(text, anchor):
    _check(text, anchor)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join), _ANCHORS,
       st.sampled_from(["past", "future", "auto"]))  # fmt: skip
def test_tag_never_raises_on_temporal_word_salad(text, anchor, tense):
    _check(text, anchor, tense)


def test_component_in_the_project_pipeline():
    from veille.nlp.extensions import MENTIONS
    from veille.nlp.pipeline import build_nlp

    nlp = build_nlp(components=["veille_timex"])
    doc = nlp.make_doc("Le ministère a déclaré vendredi 7 janvier qu'il avait envoyé 100 soldats.")
    doc._.published = "2022-01-11"
    doc = nlp(doc)
    assert [(s.text, s.label_, s._.value) for s in doc.spans[MENTIONS] if s.label_ == "DATE"] == [
        ("vendredi 7 janvier", "DATE", "2022-01-07")
    ]


# -- scanning only around cues gives what a scan of the whole text gives -------------------------
def _readings(text: str, windows=None) -> list[tuple]:
    return [(c.start, c.end, c.priority, repr(c.items)) for c in _candidates(text, windows)]


def _corpus_texts() -> list[str]:
    """The table's texts, the fixture dispatches and articles, and the example corpus (raw files)."""
    files = sorted(ARTICLES.glob("*.txt")) + sorted((ROOT / "examples" / "corpus").iterdir())
    return ([text for text, *_ in CASES] + NOT_DATES + [d["text"] for d in depeches().values()]
            + [path.read_text("utf-8") for path in files])


def test_windowed_scan_equals_the_full_scan():
    texts = _corpus_texts()
    assert len(texts) > 180
    found = 0
    for text in texts:
        whole = _readings(text, [(0, len(text))])
        assert _readings(text) == whole, text
        found += len(whole)
    assert found > 250


def test_every_reading_lies_within_the_margin_of_a_cue():
    for text in _corpus_texts():
        windows = _windows(text)
        for start, end, *_ in _readings(text, [(0, len(text))]):
            assert any(w_start <= start and end <= w_end for w_start, w_end in windows), (text, start, end)
            cued = [w for w in _WORD_RE.finditer(text, start, end) if _is_cue(w.group())]
            assert cued, text[start:end]
            # the reading reaches at most half the margin beyond its cues: room for longer unseen forms
            assert cued[0].start() - start <= CUE_MARGIN // 2 and end - cued[-1].end() <= CUE_MARGIN // 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS + ["Kazakhstan", "soldats", "a", "déclaré", "."]), max_size=40).map(" ".join))
def test_windowed_scan_equals_the_full_scan_on_word_salad(text):
    assert _readings(text) == _readings(text, [(0, len(text))])


def test_a_text_without_cues_is_not_scanned():
    assert _windows("Le président a rencontré son homologue pour parler de la coopération.") == []
    assert _windows("Il l'a annoncé mardi.") == [(0, 21)]


def test_a_window_never_ends_inside_a_word():
    # the window around "12" ends inside "maintenant": "en mai" must not be read there
    text = "Le 12 " + "a" * 15 + " Moscou a répondu en maintenant ses troupes, en mairie et en maison."
    assert _readings(text) == _readings(text, [(0, len(text))])
    assert not [t for t in tag(text, "2022-01-11") if t.text.lower().startswith("en ma")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS + ["maintenant", "mairie", "maison", "marsouin", "juillettiste", "hiérarchie",
                                          "2 500", "1 500 000", "-", "là", "a" * 30, "b" * 37]),
                max_size=40).map(" ".join))
def test_windowed_scan_equals_the_full_scan_on_cut_words(text):
    assert _readings(text) == _readings(text, [(0, len(text))])
