"""Recipients of the actor's own state that the clause names: a second named person of that state whom a judgement or
a demand is aimed at (its object, or the owner of its object, not the victim of an act), and an addressee that a verb
of asking names by a plain noun before its infinitive ("a pressé les bailleurs de ...")."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find


def _sides(event: dict) -> tuple[set[str], list[str]]:
    return codes(event["actor"]), [p["text"] for p in event["recipient"]]


def test_a_named_colleague_of_the_same_state_is_the_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La sénatrice Odile Ferrand a soutenu jeudi le sénateur Gaël Tissier dans sa course "
                                  "à la mairie.", home="FRA"), "SUPPORT")
    assert event is not None
    assert _sides(event) == ({"FRA"}, ["sénateur Gaël Tissier"]), event


def test_the_victim_of_an_act_judged_is_no_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La sénatrice Odile Ferrand a condamné jeudi le meurtre du sénateur Gaël Tissier.",
                      home="FRA"), "ACCUSE")
    assert event is not None
    assert "sénateur Gaël Tissier" not in _sides(event)[1], event


def test_one_person_named_twice_is_not_its_own_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La sénatrice Odile Ferrand a salué jeudi la sénatrice Odile Ferrand.", home="FRA"),
                 "SUPPORT")
    assert event is not None and not any(p["text"] for p in event["recipient"]), event


def test_the_noun_asked_to_act_is_the_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La ministre Agnès Morvan a exhorté lundi les bailleurs à geler les loyers des "
                                  "étudiants.", home="FRA"), "REQUEST")
    assert event is not None
    assert codes(event["recipient"]) == {"FRA"}, event
    assert [p["text"] for p in event["recipient"]] == ["bailleurs"], event


def test_an_appeal_to_do_something_names_no_addressee(veille_nlp) -> None:
    # "appeler à + infinitive" with no object: no one is named as asked
    events = code(veille_nlp, "La ministre Agnès Morvan a appelé lundi à geler les loyers des étudiants.", home="FRA")
    event = find(events, "REQUEST")
    assert event is not None and not any(p["text"] for p in event["recipient"]), events


def test_an_addressee_that_stands_for_other_states_is_not_the_askers(veille_nlp) -> None:
    events = code(veille_nlp, "Le Chili a appelé mardi les pays voisins à fermer leurs frontières.", home="FRA")
    event = find(events, "REQUEST")
    assert event is not None and "CHL" not in codes(event["recipient"]), events


@pytest.mark.parametrize("text", [
    # "demander à + name of a firm + de": the firm asked to act, a name the linker ties to no state, is the asker's
    "Le ministre Bastien Roullier a demandé mardi à la Sopremex de suspendre ses livraisons de granulés.",
    "La ministre Agnès Morvan a demandé à la Société des eaux Bréval de revoir ses tarifs.",
    # the infinitive read as the noun's own complement ("les meuniers ... de livrer") still says what they are asked
    # ("les meuniers dans leur ensemble de livrer": hung on the phrase after the noun)
    "Le ministre Bastien Roullier a demandé au maire de rouvrir la piscine municipale.",
    "La ministre Agnès Morvan a sommé les meuniers dans leur ensemble de livrer les boulangeries.",
])
def test_an_addressee_uncoded_or_with_its_infinitive_hung_on_it_is_the_askers(veille_nlp, text: str) -> None:
    event = find(code(veille_nlp, text, home="FRA"), "REQUEST")
    assert event is not None, text
    assert codes(event["recipient"]) == {"FRA"}, event


def test_what_is_asked_is_no_addressee(veille_nlp) -> None:
    # "demander la permission de": the object of "demander" is what is asked, never the one asked
    for text in ("Le ministre Bastien Roullier a demandé la permission de quitter la séance plus tôt.",
                 "Le ministre Bastien Roullier a demandé des garanties de pouvoir garder les ateliers."):
        events = code(veille_nlp, text, home="FRA")
        event = find(events, "REQUEST")
        assert event is not None and not any(p["text"] for p in event["recipient"]), events


def test_a_region_named_as_addressee_is_not_the_askers(veille_nlp) -> None:
    # a place's name, not a body's ("l'Occident"), asked to act is no one of the asker's state
    events = code(veille_nlp, "Le chef de la diplomatie hongroise, Levente Sipos, a appelé l'Occident à cesser ses "
                              "leçons de morale.")
    event = find(events, "REQUEST")
    assert event is not None and "HUN" not in codes(event["recipient"]), events


def test_an_addressee_asked_abroad_is_of_where_the_act_is_set(veille_nlp) -> None:
    # asked where the act is set abroad, those a plain noun names are of that state, not the asker's own people
    event = find(code(veille_nlp, "Au Niger, la ministre française Agnès Morvan a appelé les parties à reprendre le "
                                  "dialogue.", home="FRA"), "REQUEST")
    assert event is not None
    assert _sides(event) == ({"FRA"}, ["parties"]) and codes(event["recipient"]) == {"NER"}, event


def test_a_body_of_the_askers_own_kind_asked_to_act_is_the_recipient(veille_nlp) -> None:
    # a minister asking another minister or an office of government (the same sector as the asker) still names the one
    # asked, of the asker's state; the infinitive may hang on the addressee's own "de" phrase ("de l'Économie de ...")
    for text, asked in (("La ministre Julie Caradec a demandé jeudi aux autorités sanitaires de publier un rapport sur "
                         "les salles de concert.", "autorités sanitaires"),
                        ("La ministre Julie Caradec a demandé au ministre de l'Économie de débloquer des crédits.",
                         "ministre de l'Économie")):
        event = find(code(veille_nlp, text, home="FRA"), "REQUEST")
        assert event is not None, text
        assert _sides(event) == ({"FRA"}, [asked]) and codes(event["recipient"]) == {"FRA"}, event


def test_an_office_holder_whose_conduct_is_judged_is_the_recipient(veille_nlp) -> None:
    # "la gestion du ministre de X": a person named by an office and the phrase that says which, owner of what is
    # judged, is someone else of the judge's state (the parser may hang the owner on the object's adjective)
    for text, judged in (("La sénatrice Anne Royer a dénoncé la gestion catastrophique du ministre de la Santé.",
                          "ministre de la Santé"),
                         ("Le ministre Paul Gervais a salué le travail de la ministre de la Santé.",
                          "ministre de la Santé"),
                         ("Le député Hugo Lemaire a critiqué publiquement la ligne conservatrice du ministre de la "
                          "Santé.", "ministre de la Santé")):
        events = code(veille_nlp, text, home="FRA")
        event = next((e for e in events if e["type"] in ("ACCUSE", "SUPPORT")), None)
        assert event is not None, text
        assert _sides(event) == ({"FRA"}, [judged]), event


def test_an_office_holder_judging_the_same_office_is_not_its_own_recipient(veille_nlp) -> None:
    # the same office on both sides, or the head of state by their title, is one person: no recipient of theirs
    for text in ("Le ministre de l'Agriculture a défendu la ligne libérale du ministre de l'Agriculture.",
                 "Emmanuel Macron a salué le travail du président de la République."):
        events = code(veille_nlp, text, home="FRA")
        event = next((e for e in events if e["type"] == "SUPPORT"), None)
        assert event is not None and not any(p["text"] for p in event["recipient"]), events


def test_the_speakers_own_title_after_a_comma_is_no_recipient(veille_nlp) -> None:
    # "s'est réjoui X, un vice-ministre de Y": the title after the speaker's name and a comma, which the parser may read
    # as the verb's object, is the speaker described, not another person of the state
    for text, title in (('"Les travaux avancent bien", s\'est réjoui Wang Lifeng, un vice-ministre des Transports.',
                         "vice-ministre des Transports"),
                        ('"Le pont sera livré en mai", s\'est félicité Wang Lifeng, le secrétaire général du ministère '
                         'des Transports.', "secrétaire général du ministère des Transports")):
        events = code(veille_nlp, text, home="FRA")
        assert events and not any(p["text"] == title for e in events for p in e["recipient"]), events


def test_the_asker_named_again_is_not_its_own_addressee(veille_nlp) -> None:
    # an addressee of the asker's state is kept as another body of it, never as the asker itself named again (a "nous"
    # read as the people it then asks: "nous appelons les Français à ...")
    from veille.events.arguments import Party
    from veille.events.coder import _addressed_body

    coder = veille_nlp.get_pipe("veille_events")
    doc = veille_nlp("La ministre Julie Caradec a demandé aux Bretons de limiter leurs trajets.")
    verb = next(t for t in doc if t.text == "demandé")
    asked = next(t for t in doc if t.text == "Bretons")

    def addressee() -> Party:
        return Party(text="Bretons", code="FRA", token=asked, start=asked.idx, end=asked.idx + len(asked.text),
                     addressee=True)

    minister = Party(text="ministre Julie Caradec", code="FRA", token=doc[1], start=doc[1].idx, end=doc[3].idx + 7)
    same = Party(text="Bretons", code="FRA", token=doc[0], start=0, end=2)
    assert _addressed_body("REQUEST", addressee(), verb, [minister], coder.lexicon, coder.addressed)
    assert not _addressed_body("REQUEST", addressee(), verb, [same], coder.lexicon, coder.addressed)


def test_the_one_accused_of_a_compound_infinitive_is_the_recipient(veille_nlp) -> None:
    # "accuser X d'avoir fait": the one a verb of accusing names as the doer of its infinitive (a compound one: "avoir"
    # and a participle), a body of the accuser's own kind and state, is the one accused
    event = find(code(veille_nlp, "La ministre Julie Caradec a accusé le gouvernement précédent d'avoir vidé les "
                                  "caisses de l'État.", home="FRA"), "ACCUSE")
    assert event is not None
    assert _sides(event) == ({"FRA"}, ["gouvernement précédent"]) and codes(event["recipient"]) == {"FRA"}, event


@pytest.mark.parametrize(("text", "event_type"), [
    # the subject of a verb of receiving or undergoing whose object names the act gets it
    ("Le sénateur Gaël Tissier a reçu mardi le soutien de la sénatrice Odile Ferrand.", "SUPPORT"),
    ("Le sénateur Gaël Tissier a essuyé mardi les critiques de la sénatrice Odile Ferrand.", "ACCUSE"),
    # the subject of the clause a past participle with its agent is set before undergoes it
    ("Critiqué par la sénatrice Odile Ferrand, le sénateur Gaël Tissier a maintenu son amendement.", "ACCUSE"),
])
def test_the_one_the_clause_says_gets_the_act_is_the_recipient(veille_nlp, text: str, event_type: str) -> None:
    event = find(code(veille_nlp, text, home="FRA"), event_type)
    assert event is not None
    assert _sides(event) == ({"FRA"}, ["sénateur Gaël Tissier"]), event
    assert [p["text"] for p in event["actor"]] == ["sénatrice Odile Ferrand"], event


def test_a_present_participle_before_the_clause_is_said_by_its_subject(veille_nlp) -> None:
    # (no agent: the clause's subject does the act the participle names, it does not undergo it)
    event = find(code(veille_nlp, "Critiquant la sénatrice Odile Ferrand, le sénateur Gaël Tissier a maintenu son "
                                  "amendement.", home="FRA"), "ACCUSE")
    assert event is not None
    assert [p["text"] for p in event["actor"]] == ["sénateur Gaël Tissier"], event
    assert [p["text"] for p in event["recipient"]] == ["sénatrice Odile Ferrand"], event


def test_whom_a_support_verbs_act_is_aimed_at_is_the_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le sénateur Gaël Tissier a apporté mardi son soutien à la sénatrice Odile Ferrand.",
                      home="FRA"), "SUPPORT")
    assert event is not None
    assert _sides(event) == ({"FRA"}, ["sénatrice Odile Ferrand"]), event


def test_the_victim_of_another_act_a_support_verb_takes_is_no_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le sénateur Gaël Tissier a condamné mardi l'agression contre la sénatrice Odile "
                                  "Ferrand.", home="FRA"), "ACCUSE")
    assert event is not None
    assert "sénatrice Odile Ferrand" not in _sides(event)[1], event
