"""Acts an article recalls or tells as a habit are no news (events/recall.py, events/habit.py), in one table.

Recalled: a clause in a past tense set in a past period the text names without a date ("durant sa campagne", "au cours
de son mandat", "pendant la Première Guerre mondiale"), an event a time is counted from ("deux ans après son
arrestation", "depuis le jour où"), history told in the passé simple, the pluperfect of months before. A habit, a
generality or a career: a word of frequency or long duration on the clause ("pendant des années", "régulièrement"),
"toujours" in a compound past, a negated verb of ceasing or failing ("n'a cessé de", "ne manque jamais de"), a career
("s'est fait un nom en"), repeated acts counted from a start long past. Each row has its counterpart told as news.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from veille.events.testing import code, codes

FACTUAL = ("asserted", "reported")


@dataclass(frozen=True)
class Row:
    text: str
    published: str
    type: str | None  # None: any event, whatever its status
    news: bool  # whether an event of the row is coded
    trigger: str | None = None  # only the events of that trigger
    every: bool = False  # with the background filter off (the coder's `background_days` 0)
    recipients: frozenset[str] | None = None  # the first event's recipients
    dates: tuple[str, ...] | None = None  # the events' dates


_LAST_YEAR = "L'année dernière, en mars, la police française avait arrêté trente manifestants à Paris."
_WEEKS = ("Trois semaines après leur entrevue de Téhéran, le président turc Erdogan rejoint son homologue russe "
          "Vladimir Poutine à Sotchi.")
_DETAINED = "Le militant kurde est détenu depuis le 7 mai, jour où il a été arrêté par la police turque à Ankara."
_HABIT_DAY = "2021-03-10"
_BELGIAN = "Le ministre belge des Affaires étrangères {} la Hongrie de bafouer l'État de droit."
_CUT = ("Le policier français avait été tué en pleine rue par l'un des frères Abdeslam quelques minutes après "
        "l'attaque de la rédaction de Libération, le {}.")
_SUMMIT = ("Mardi, les dirigeants européens se sont réunis à Bruxelles. {}, le ministre français des Affaires "
           "étrangères avait accusé la Russie de violer l'accord de 2015.")
_OFFER = "Le plan {} le ministre grec de l'Économie prévoit de relancer les ports du pays."
_FLOODS = ("Mardi, des milliers d'agriculteurs ont manifesté à Bruxelles. Après les inondations {}, la police belge "
           "avait arrêté douze militants à Liège.")

ROWS: dict[str, Row] = {
    # ---- recall.py: a past period named without a date
    "campaign": Row("Durant sa campagne, le président français avait promis de retirer les troupes françaises du "
                    "Mali.", "2019-03-12", "AGREE", False),
    "office": Row("L'ancien président américain avait rencontré le dirigeant chinois au cours de son mandat, "
                  "rappelle le quotidien.", "2019-03-12", "CONSULT", False),
    "world war": Row("Pendant la Première Guerre mondiale, l'armée allemande avait bombardé la ville de Reims.",
                     "2019-03-12", "ASSAULT", False),
    "world war, filter off": Row("Pendant la Première Guerre mondiale, l'armée allemande avait bombardé la ville "
                                 "de Reims.", "2019-03-12", "ASSAULT", True, every=True),
    "no period: news": Row("Le président français a promis samedi de retirer les troupes françaises du Mali.",
                           "2019-03-12", "AGREE", True),
    "present of the campaign": Row("Durant sa campagne, le président français accuse la Russie d'ingérence.",
                                   "2019-03-12", "ACCUSE", True, recipients=frozenset({"RUS"})),
    # a period that is an event of the story is no past of a participant's
    "during the rally": Row("Pendant la manifestation, la police française a arrêté trente manifestants à Paris.",
                            "2019-03-12", "COERCE", True),
    "title of the subject": Row("L'ancienne ministre française de la Justice sous le mandat de François Hollande a "
                                "déploré lundi les propos du ministre de l'Intérieur.", "2022-08-05", "ACCUSE", True),
    # ---- an event a time is counted from
    "after his arrest": Row("Deux ans après son arrestation par la police turque, le journaliste allemand a été "
                            "libéré mardi.", "2019-03-12", "COERCE", False),
    "after his election": Row("Deux mois après son élection, le président brésilien a critiqué la France.",
                              "2019-03-12", "ACCUSE", True, trigger="critiqué"),
    "arrest as news": Row("La police turque a arrêté mardi un journaliste allemand.", "2019-03-12", "COERCE", True),
    "weeks after": Row(_WEEKS, "2022-08-05", "CONSULT", True),
    "months after": Row(_WEEKS.replace("Trois semaines", "Trois mois"), "2022-08-05", "CONSULT", False),
    "anniversary": Row("Des élus portugais ont marqué dimanche le centenaire de la décision du roi espagnol d'envahir "
                       "le Portugal.", "2019-03-12", "ASSAULT", False),
    "call as news": Row("Le président malien a appelé lundi l'armée à attaquer les jihadistes.", "2019-03-12",
                        "REQUEST", True),
    "start of detention": Row(_DETAINED, "2019-08-20", "COERCE", False),
    "start of detention, two days on": Row(_DETAINED, "2019-05-09", "COERCE", True),
    "start of detention, months on": Row(_DETAINED, "2019-08-09", "COERCE", False),
    "day of the story": Row("Le 7 mai, jour où il a été arrêté par la police turque à Ankara, le militant kurde a "
                            "dénoncé un complot.", "2019-05-09", "COERCE", True, trigger="arrêté"),
    "since the day": Row("L'opposant russe est emprisonné depuis le jour où il a été arrêté par la police russe à "
                         "Moscou.", "2019-08-20", "COERCE", False),
    "the day he protested": Row("L'opposant russe a manifesté devant la Douma le jour où il a été arrêté par la "
                                "police russe.", "2019-05-09", "COERCE", True, trigger="arrêté"),
    # ---- dates of the past: last year, the same year, the pluperfect
    "last year's month": Row(_LAST_YEAR, "2019-11-20", "COERCE", True, every=True, dates=("2018-03",)),
    "last year's month is background": Row(_LAST_YEAR, "2019-11-20", "COERCE", False),
    "a month and a year it is for": Row("En octobre, le Mali a signé un accord de coopération pour 2022 avec la "
                                        "France.", "2019-11-20", "AGREE", True, every=True, dates=("2019-10",)),
    "the same year": Row("En 2018, la police indonésienne a arrêté des militants à Aceh. La même année, l'armée "
                         "indonésienne a bombardé un village de Papouasie.", "2020-05-07", "ASSAULT", False),
    "the same year, then Tuesday": Row("En 2018, la police indonésienne a arrêté des militants à Aceh. Mardi, "
                                       "l'armée indonésienne a bombardé un village de Papouasie.", "2020-05-07",
                                       "ASSAULT", True),
    "pluperfect months before": Row("En septembre, le Premier ministre français avait apporté son soutien au "
                                    "candidat de LREM à Paris, Benjamin Griveaux.", "2019-12-23", "SUPPORT", False),
    "pluperfect of a bombing": Row("En mars, l'armée malienne avait bombardé un village du nord du pays.",
                                   "2020-08-10", "ASSAULT", False),
    "perfect months before": Row("En septembre, le Premier ministre français a apporté son soutien au candidat de LREM "
                                 "à Paris, Benjamin Griveaux.", "2019-12-23", "SUPPORT", True),
    "perfect of a bombing": Row("En mars, l'armée malienne a bombardé un village du nord du pays.", "2020-08-10",
                                "ASSAULT", True),
    "pluperfect weeks before": Row("Début décembre, le Premier ministre français avait apporté son soutien au "
                                   "candidat de LREM à Paris, Benjamin Griveaux.", "2019-12-23", "SUPPORT", True),
    "participle in a pluperfect clause": Row("Les pourparlers avaient été retardés par des désaccords sur l'accord "
                                             "signé en février entre les talibans et Washington.", "2020-08-10",
                                             "AGREE", True),
    # ---- the pluperfect with no date, of its own or of the narrative: before the story, at a time not given
    "undated pluperfect": Row(_BELGIAN.format("avait accusé"), "2021-04-02", "ACCUSE", False),
    "undated pluperfect, filter off": Row(_BELGIAN.format("avait accusé"), "2021-04-02", "ACCUSE", True, every=True),
    "undated compound past": Row(_BELGIAN.format("a accusé"), "2021-04-02", "ACCUSE", True),
    # "alors" ties the act to the time told before it; a narrative day dates it; a speech's past is news
    "pluperfect tied to the time before": Row(_BELGIAN.format("avait alors accusé"), "2021-04-02", "ACCUSE", True),
    "pluperfect back to the past told": Row(_BELGIAN.format("avait déjà accusé"), "2021-04-02", "ACCUSE", True),
    "pluperfect on the narrative day": Row("Mardi, des milliers d'agriculteurs ont manifesté à Bruxelles. "
                                           + _BELGIAN.format("avait accusé"), "2021-04-02", "ACCUSE", True,
                                           dates=("2021-03-30",)),
    "pluperfect of a speech": Row("Le porte-parole du gouvernement a affirmé que la police belge avait arrêté douze "
                                  "militants à Liège.", "2021-04-02", "COERCE", True),
    "pluperfect a time sets": Row("Quelques heures plus tôt, la police belge avait arrêté douze militants à Liège.",
                                  "2021-04-02", "COERCE", True),
    # a sentence whose times are all long before the story: the pluperfect tells of that past, whatever day the
    # narrative lends it; a recent time is the story's
    "pluperfect of a past long before": Row(_FLOODS.format("du 4 mai 2017"), "2021-04-02", "COERCE", False),
    "pluperfect of a recent past": Row(_FLOODS.format("de lundi"), "2021-04-02", "COERCE", True),
    # a time with no calendar date counted from another act is that act's: the date of long ago still dates the
    # sentence; one counted from the story ("quelques heures plus tôt") keeps the act in it
    # the sentence the coder reads, where the parser cut it in two before its times ("... par l'un des frères |
    # Abdeslam quelques minutes après ..."): its times are the pluperfect's
    "pluperfect of a past long before, a sentence cut": Row(_CUT.format("7 janvier 2015"), "2020-07-17", "ASSAULT",
                                                            False),
    "pluperfect of a recent past, a sentence cut": Row(_CUT.format("7 juillet 2020"), "2020-07-17", "ASSAULT", True),
    "pluperfect of a past long before, a time from an act": Row(
        _FLOODS.format("du 4 mai 2017, peu avant le départ du ministre"), "2021-04-02", "COERCE", False),
    "pluperfect of a past long before, a time from the story": Row(
        _FLOODS.format("du 4 mai 2017, quelques heures plus tôt").replace("Après les inondations",
                                                                          "Pendant les inondations"),
        "2021-04-02", "COERCE", True),
    # ... but one that frames the act, counted from an act of the story, dates it: a date of long ago on a noun of
    # the clause (the pact of 2015) is no time of the act
    "pluperfect framed by a time from an act of the story": Row(
        _SUMMIT.format("Quelques heures avant le vote"), "2021-04-02", "ACCUSE", True),
    "pluperfect framed by a time from an act of long ago": Row(
        _SUMMIT.format("Le 2 mai 2016, quelques heures avant le vote"), "2021-04-02", "ACCUSE", False),
    # ---- a past participle of an offer qualifying a noun names the thing by its origin; with a date, an act
    "offer naming a thing": Row(_OFFER.format("proposé par"), "2022-06-15", "AGREE", False),
    "offer naming a thing, dated": Row(_OFFER.format("proposé lundi par"), "2022-06-15", "AGREE",
                                         True),
    "offer as a finite verb": Row("Le gouvernement portugais a pour sa part promis des aides aux pêcheurs.",
                                  "2022-06-15", "AGREE", True),
    # ---- history told in the passé simple
    "passé simple": Row("L'armée égyptienne lança une vague d'arrestations contre les opposants.", "2019-03-12",
                        "COERCE", False),
    "passé simple, then passive": Row("L'armée égyptienne déclencha une vague d'arrestations contre les opposants, "
                                      "qui furent jugés.", "2019-03-12", "COERCE", False),
    "present as news": Row("L'armée égyptienne lance une vague d'arrestations contre les opposants.", "2019-03-12",
                           "COERCE", True),
    # ---- habit.py: habits, generalities, careers
    "for years": Row("Le ministre allemand a plaidé pendant des années pour des sanctions contre la Russie.",
                     _HABIT_DAY, None, False),
    "for years: Tuesday": Row("Le ministre allemand a plaidé mardi pour des sanctions contre la Russie.", _HABIT_DAY,
                              None, True),
    "regularly": Row("La Turquie brandit régulièrement la menace de sanctions contre la Grèce.", _HABIT_DAY, None,
                     False),
    "regularly: Tuesday": Row("La Turquie a brandi mardi la menace de sanctions contre la Grèce.", _HABIT_DAY, None,
                              True),
    "a career": Row("L'opposant russe s'est fait un nom en dénonçant la corruption du Kremlin.", _HABIT_DAY, None,
                    False),
    "a career: Monday": Row("L'opposant russe a dénoncé lundi la corruption du Kremlin.", _HABIT_DAY, None, True),
    "always": Row("Le Kremlin a toujours nié toute implication dans l'empoisonnement.", _HABIT_DAY, None, False),
    "always: once": Row("Le Kremlin a nié toute implication dans l'empoisonnement.", _HABIT_DAY, None, True),
    "unceasing": Row("Le président iranien n'a cessé de critiquer les sanctions américaines.", _HABIT_DAY, None,
                     False),
    "never ceased": Row("Les syndicats français n'ont eu de cesse de dénoncer la politique du gouvernement.",
                        _HABIT_DAY, None, False),
    "never ceased: once": Row("Les syndicats français ont dénoncé mardi la politique du gouvernement.", _HABIT_DAY,
                              None, True),
    # ... a time of the story on the clause makes it this time's run of acts: news; one long past, a habit still
    "unceasing since a recent day": Row("Depuis lundi, l'armée russe n'a cessé de bombarder Kharkiv.", _HABIT_DAY,
                                        "ASSAULT", True),
    "never ceased on a recent day": Row("L'armée russe n'a eu de cesse de bombarder Kharkiv mardi.", _HABIT_DAY,
                                        "ASSAULT", True),
    "unceasing since a year long past": Row("Depuis 2014, l'armée russe n'a cessé de bombarder Kharkiv.", _HABIT_DAY,
                                            "ASSAULT", False),
    "unceasing: once": Row("Le président iranien a critiqué les sanctions américaines.", _HABIT_DAY, None, True),
    "without end": Row("L'opposition lettone n'a eu de cesse de critiquer le gouvernement de Riga.", _HABIT_DAY, None,
                       False),
    "without end: once": Row("L'opposition lettone a critiqué le gouvernement de Riga.", _HABIT_DAY, None, True),
    "fights regularly": Row("Des combats opposent régulièrement séparatistes et Azerbaïdjanais.", _HABIT_DAY, None,
                            False),
    "fights near a town": Row("Des combats opposent les séparatistes et les Azerbaïdjanais près de Stepanakert.",
                              _HABIT_DAY, None, True),
    "repeatedly since his arrival": Row("Le ministre français a accusé à plusieurs reprises la Russie d'ingérence "
                                        "depuis son arrivée au Quai d'Orsay.", _HABIT_DAY, None, False),
    "repeatedly since Tuesday": Row("Le ministre français a accusé à plusieurs reprises la Russie d'ingérence depuis "
                                    "mardi.", _HABIT_DAY, None, True),
    "repeatedly since the war began": Row("Les soldats russes ont bombardé à plusieurs reprises le port ukrainien de "
                                          "Marioupol depuis le début de la guerre.", "2022-03-10", "ASSAULT", False),
    "repeatedly since the week began": Row("Les soldats russes ont bombardé à plusieurs reprises le port ukrainien de "
                                           "Marioupol depuis le début de la semaine.", "2022-03-10", "ASSAULT", True),
    "until then, imperfect": Row("Le gouvernement hongrois s'en prend désormais au président ukrainien Volodymyr "
                                 "Zelensky, qu'il soutenait sans réserve jusque-là.", "2019-05-20", "SUPPORT", False),
    "no until then": Row("Le gouvernement hongrois s'en prend désormais au président ukrainien Volodymyr Zelensky, "
                         "qu'il a soutenu sans réserve.", "2019-05-20", "SUPPORT", True),
    # a marker of habit elsewhere, or of this year's instance, leaves the event
    "still": Row("La Chine interdit toujours l'entrée de son territoire aux étrangers.", _HABIT_DAY, None, True),
    "as every year": Row("Des milliers de femmes ont manifesté à Madrid le 8 mars, comme chaque année.", _HABIT_DAY,
                         None, True),
    "several times": Row("Berlin a exhorté Moscou à plusieurs reprises à faire la lumière sur l'empoisonnement.",
                         _HABIT_DAY, None, True),
    "regularly, elsewhere": Row("Joe Biden a accusé lundi Donald Trump de saper la confiance en évoquant "
                                "régulièrement un vaccin.", _HABIT_DAY, None, True),
    # a negated verb of failing affirms a habit; its negation does not reach a participle that qualifies a noun
    "never fails to": Row("Le chef du gouvernement slovaque ne manque jamais de critiquer la Hongrie.", "2023-05-03",
                          None, False),
    "never fails to: once": Row("Le chef du gouvernement slovaque a critiqué mardi la Hongrie.", "2023-05-03", None,
                                True),
    # ... only under a habitual negator: "n'a pas manqué de" tells one act
    "did not fail to": Row("Le ministre slovène n'a pas manqué de dénoncer mardi la Croatie.", "2023-05-03", "ACCUSE",
                           True, trigger="dénoncer"),
    "the participle is its own": Row("La Lituanie ne manque jamais de soutenir l'Ukraine, envahie par la Russie en "
                                     "février.", "2023-05-03", "ASSAULT", True, trigger="envahie"),
    # ... only the infinitive it governs: "manquer à sa parole" keeps its negation
    "true to his word": Row("Le ministre letton ne manque pas à sa parole, ni à ses engagements envers l'Ukraine.",
                            "2023-05-03", "AGREE", False),
    "lacks means": Row("Le ministre estonien ne manque pas d'arguments, et a condamné mardi la Biélorussie.",
                       "2023-05-03", "ACCUSE", True, trigger="condamné"),
}


@pytest.mark.parametrize("name", list(ROWS))
def test_an_act_recalled_or_told_as_a_habit_is_no_news(veille_nlp, name: str) -> None:
    row = ROWS[name]
    coder = veille_nlp.get_pipe("veille_events")
    kept = coder.background_days
    coder.background_days = 0 if row.every else kept
    try:
        events = code(veille_nlp, row.text, row.published)
    finally:
        coder.background_days = kept
    found = [e for e in events if (row.type is None or (e["type"] == row.type and e["status"] in FACTUAL))
             and (row.trigger is None or e["trigger"] == row.trigger)]
    assert bool(found) is row.news, events
    if row.recipients is not None:
        assert codes(found[0]["recipient"]) == row.recipients, found
    if row.dates is not None:
        assert tuple(e["date"] for e in found) == row.dates, found


# the readers of the clause, on the words they pick: (reader, sentence, the verbs it picks)
READS = [
    ("told_in_simple_past", "Les troupes irakiennes envahirent le Koweït et la police lança des arrestations.",
     ["envahirent", "lança"]),
    # presents and imperfects of the same verbs, and the presents of "-érer" verbs, are no passé simple
    ("told_in_simple_past", "Les troupes envahissent le Koweït, la police lançait des arrestations et les juges "
                            "libèrent les détenus.", []),
    # the passé antérieur of a clause "après que" is no history
    ("told_in_simple_past", "Le maire a été critiqué après que la police eut arrêté des manifestants, tandis que le "
                            "roi fut renversé.", ["renversé"]),
    ("told_in_pluperfect", "Les pourparlers avaient été retardés par des désaccords sur l'accord signé en février.",
     ["retardés"]),
    # a clause of its own, not a speech's complement nor tied by "alors" to the time told before
    ("told_before_undated", "Le maire avait critiqué le préfet, qui avait alors affirmé que la police avait arrêté "
                            "les casseurs.", ["critiqué"]),
    # an offer's past participle on the noun before it; not a present participle
    ("names_by_origin", "Le traité ratifié par le Parlement danois et le plan proposant des aides divisent.",
     ["ratifié"]),
    # "jusque-là" in a compound past is a place; in the imperfect, a habit
    ("habitual", "Les colonnes russes ont progressé jusque-là.", []),
    ("habitual", "Les colonnes russes avançaient sans encombre jusque-là.", ["avançaient"]),
    ("habitual", "La Lituanie ne manque jamais de soutenir l'Ukraine, envahie par la Russie en février.",
     ["soutenir"]),
]


@pytest.mark.parametrize(("reader", "text", "picked"), READS)
def test_the_clause_readers_pick_their_verbs(veille_nlp, reader: str, text: str, picked: list[str]) -> None:
    from veille.events import habit, recall

    read = getattr(recall, reader, None) or getattr(habit, reader)
    doc = veille_nlp(text)
    verbs = [t for t in doc if t.pos_ == "VERB"] if reader != "told_in_pluperfect" else list(doc)
    if reader == "habitual":
        assert [t.text for t in verbs if read(t, t.sent)] == picked
    else:
        assert [t.text for t in verbs if read(t)] == picked
