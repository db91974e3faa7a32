"""Which complement of an event noun is its doer and which undergoes it, read off the parse with the role the trigger
data declares per noun (`de`, `gender`), and complements that name no side of the act: a noun of what is done to
someone ("le limogeage de X": X is dismissed), a noun that, in the masculine, names a person ("un critique de X"), a
period phrase ("sous le mandat de X": when, not who), a noun of help in an adjunct of means ("grâce à l'aide de X":
X helps the clause's doer)."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, features_kept, find, of_type
from veille.explain import explain

PUBLISHED = "2021-06-10"


def test_who_is_dismissed_undergoes_the_dismissal(veille_nlp) -> None:
    events = of_type(code(veille_nlp, "Le gouvernement polonais a annoncé jeudi le limogeage de l'ambassadeur "
                                      "ukrainien.", PUBLISHED), "CONCEDE")
    assert events and codes(events[0]["actor"]) == {"POL"}, events
    assert codes(events[0]["recipient"]) == {"UKR"}, events


def test_an_agent_hung_on_the_one_dismissed_is_the_doer(veille_nlp) -> None:
    # the parser hangs "par X" on the noun's "de" complement: it still names who dismisses
    events = of_type(code(veille_nlp, "Le limogeage de l'ambassadeur ukrainien par le gouvernement polonais a été "
                                      "annoncé jeudi.", PUBLISHED), "CONCEDE")
    assert events and codes(events[0]["actor"]) == {"POL"}, events
    assert "UKR" not in codes(events[0]["actor"]), events


def test_a_critic_named_by_a_masculine_noun_is_no_criticism(veille_nlp) -> None:
    events = code(veille_nlp, "Un vieux critique du Kremlin, l'écrivain Ivan Sorokine, a publié jeudi un nouveau "
                              "roman à Riga.", PUBLISHED)
    assert not [e for e in of_type(events, "ACCUSE") if "RUS" in codes(e["actor"])], events
    # the act of criticising, of the feminine noun, is one
    events = code(veille_nlp, "La critique du Kremlin par la Lettonie a surpris jeudi.", PUBLISHED)
    assert [codes(e["actor"]) for e in of_type(events, "ACCUSE")] == [{"LVA"}], events


def test_a_criticism_is_still_an_act(veille_nlp) -> None:
    events = of_type(code(veille_nlp, "La vive critique de l'Allemagne contre la Pologne a surpris jeudi les "
                                      "diplomates à Varsovie.", PUBLISHED), "ACCUSE")
    assert events and codes(events[0]["actor"]) == {"DEU"}, events


def test_the_owner_of_a_term_of_office_is_no_speaker(veille_nlp) -> None:
    for text in ("L'ancien entraîneur de l'équipe nationale sous le mandat de Angela Merkel a dénoncé jeudi un "
                 "arbitrage injuste.",
                 "L'ex-chef du protocole sous le mandat du président Joe Biden a critiqué jeudi le plan de table."):
        events = code(veille_nlp, text, PUBLISHED)
        assert not [e for e in of_type(events, "ACCUSE") if codes(e["actor"]) & {"DEU", "USA"}], (text, events)
    # the one in office speaking is the speaker
    events = code(veille_nlp, "Le président Joe Biden a critiqué jeudi le plan de table.", PUBLISHED)
    assert [codes(e["actor"]) for e in of_type(events, "ACCUSE")] == [{"USA"}], events


def test_help_in_an_adjunct_of_means_goes_to_the_clause_doer(veille_nlp) -> None:
    events = of_type(code(veille_nlp, "L'armée tchadienne a repoussé jeudi les rebelles grâce à l'aide de la "
                                      "Turquie.", PUBLISHED), "AID")
    assert events and codes(events[0]["actor"]) == {"TUR"}, events
    assert codes(events[0]["recipient"]) == {"TCD"}, events
    assert events[0]["recipient"][0]["text"], events  # named in the clause, not lent by the document


def test_help_by_no_party_is_not_lent_a_doer(veille_nlp) -> None:
    # the help's "de" names its doer, who is no party: not the clause's subject, nor anyone nearby
    events = code(veille_nlp, "Montée avec le soutien d'une fondation privée, la chorale a été félicitée jeudi par "
                              "le gouvernement kényan.", PUBLISHED)
    assert not [e for e in events if e["trigger"] == "soutien"], events
    # help by a party is that party's
    events = code(veille_nlp, "Montée avec le soutien du gouvernement suédois, la chorale a été félicitée jeudi par "
                              "le gouvernement kényan.", PUBLISHED)
    assert [codes(e["actor"]) for e in events if e["trigger"] == "soutien"] == [{"SWE"}], events


# a "par" agent of the noun names its doer: the noun's "de" phrase and its possessive then name what the act is done
# to, whatever role the trigger data gives them alone
@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("La critique du gouvernement estonien par la Commission européenne a été très vive jeudi.", "ACCUSE", {"EU"},
     {"EST"}),
    ("Le rejet de la proposition islandaise par la Norvège a surpris jeudi à Oslo.", "REJECT", {"NOR"}, {"ISL"}),
    ("Le poète biélorusse a été relâché vendredi, trois jours après son arrestation par la police lituanienne.",
     "COERCE", {"LTU"}, {"BLR"}),
])
def test_a_par_agent_makes_the_de_phrase_and_the_possessive_undergo_the_act(veille_nlp, text: str, event_type: str,
                                                                          actor: set, recipient: set) -> None:
    with features_kept(veille_nlp):
        events = of_type(code(veille_nlp, text, PUBLISHED), event_type)
    assert events and codes(events[0]["actor"]) == actor, (text, events)
    assert codes(events[0]["recipient"]) == recipient, (text, events)


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    # "de" and "par" read alone keep their roles: the doer named by "de", the agent by "par"
    ("La critique de la Commission européenne contre le gouvernement estonien a été très vive jeudi.", "ACCUSE",
     {"EU"}, {"EST"}),
    # a means, not an agent: "de" still names the doer
    ("La critique du gouvernement estonien par téléphone a surpris jeudi la Commission européenne.", "ACCUSE",
     {"EST"}, None),
    # a possessive of a noun of what one does names its doer
    ("Le ministre islandais a commencé jeudi sa visite à Oslo.", "CONSULT", {"ISL"}, {"NOR"}),
])
def test_without_an_agent_the_de_phrase_and_the_possessive_keep_their_roles(veille_nlp, text: str, event_type: str,
                                                                          actor: set, recipient: set | None) -> None:
    with features_kept(veille_nlp):
        events = of_type(code(veille_nlp, text, PUBLISHED), event_type)
    assert events and codes(events[0]["actor"]) == actor, (text, events)
    if recipient is not None:
        assert codes(events[0]["recipient"]) == recipient, (text, events)


def test_a_possessive_of_a_noun_of_what_is_undergone_names_who_undergoes_it(veille_nlp) -> None:
    # (`poss: recipient`): the arrested is the owner of "son arrestation", not its doer
    text = "Le syndicaliste slovaque a été relâché vendredi à Prague, trois jours après son arrestation."
    with features_kept(veille_nlp):
        events = [e for e in code(veille_nlp, text, PUBLISHED) if e["trigger"] == "arrestation"]
    assert events and "SVK" not in codes(events[0]["actor"]), events
    assert "SVK" in codes(events[0]["recipient"]), events


def test_who_undergoes_the_act_is_not_its_doer_whatever_verb_the_noun_complements(veille_nlp) -> None:
    # the subject of the verb the noun complements owns "son": the one arrested, not the one arresting
    with features_kept(veille_nlp):
        events = of_type(code(veille_nlp, "Le poète biélorusse raconte son interpellation par la police lituanienne "
                              "lundi à Vilnius.", PUBLISHED), "COERCE")
    assert events and "BLR" not in codes(events[0]["actor"]), events
    assert "BLR" in codes(events[0]["recipient"]), events


@pytest.mark.parametrize(("text", "event_type", "actor", "coded"), [
    # who undergoes the act gets it, and who gets it does not give it: no giver is named (the one who gets it is
    # not the doer either: no event; a measure's imposer may still be guessed from the text)
    ("Le Togo a obtenu jeudi la libération de deux otages danois.", "RETREAT", {"DNK", "TGO"}, False),
    ("La Moldavie a obtenu jeudi l'expulsion de trois diplomates biélorusses.", "SANCTION", {"BLR"}, True),
])
def test_who_undergoes_an_act_another_obtains_does_not_give_it(veille_nlp, text: str, event_type: str,
                                                              actor: set, coded: bool) -> None:
    with features_kept(veille_nlp):
        events = of_type(code(veille_nlp, text, PUBLISHED), event_type)
    assert bool(events) is coded, (text, events)
    assert not [e for e in events if codes(e["actor"]) & actor], (text, events)


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # the subject of a verb of undergoing never does the act its object names: the noun's "de" phrase does
        ("Le Venezuela a subi une attaque de la Colombie.", {"COL"}, {"VEN"}),
        ("Le Venezuela subit les sanctions de l'Union européenne.", {"EU"}, {"VEN"}),
    ],
)
def test_the_subject_of_a_verb_of_undergoing_is_whom_the_act_aims_at(veille_nlp, text: str, actor: set[str],
                                                                     recipient: set[str]) -> None:
    event = find(code(veille_nlp, text), trigger="attaque" if "attaque" in text else "sanctions")
    assert event is not None
    assert codes(event["actor"]) == actor
    assert codes(event["recipient"]) == recipient


def test_the_subject_of_a_verb_of_undergoing_is_never_the_doer_a_noun_leaves_unsaid(veille_nlp) -> None:
    # "le convoi a essuyé des tirs": whoever shot, it was not the convoy; the convoy is whom the shots aimed at
    text = "Un convoi chilien a essuyé des tirs dans le nord du pays."
    assert not any("CHL" in codes(e["actor"]) for e in code(veille_nlp, text))
    [shots] = [c for s in explain(text, nlp=veille_nlp)["sentences"] for c in s["candidates"] if c["word"] == "tirs"]
    assert codes(shots["actor"]) == set() and codes(shots["recipient"]) == {"CHL"}, shots
