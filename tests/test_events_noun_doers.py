"""Who does an act told by a noun, and who a subject phrase names: the doer the noun's own participle or relative of
doing names ("les sanctions décidées par X", "l'embargo que X a décrété") before the subject of the clause the noun
is in; a noun of family ("le neveu du ministre") is not the one its complement names; a party's text leaves out the
preposition of its phrase."""

from __future__ import annotations

from veille.events.testing import code, codes, of_type

PUBLISHED = "2021-06-10"


def test_the_agent_of_a_participle_of_doing_is_the_measures_doer(veille_nlp) -> None:
    # the clause's subject undergoes the measure; the participle's agent took it
    events = code(veille_nlp, "Avec les sanctions décidées par le Canada, les exportateurs boliviens perdent leurs "
                              "marchés.", PUBLISHED)
    sanctions = of_type(events, "SANCTION")
    assert sanctions and codes(sanctions[0]["actor"]) == {"CAN"}, events
    assert "CAN" not in codes(sanctions[0]["recipient"]), events


def test_the_subject_of_a_relative_of_doing_is_the_measures_doer(veille_nlp) -> None:
    events = code(veille_nlp, "Avec l'embargo que le Canada a décrété, les exportateurs boliviens perdent leurs "
                              "marchés.", PUBLISHED)
    embargo = [e for e in of_type(events, "SANCTION") if e["trigger"] == "embargo"]
    assert embargo and codes(embargo[0]["actor"]) == {"CAN"}, events


def test_the_agent_of_a_launched_offensive_is_its_doer_not_the_clauses_subject(veille_nlp) -> None:
    events = code(veille_nlp, "Après une offensive lancée par les insurgés, l'armée nigériane a repris la route de "
                              "Maiduguri.", PUBLISHED)
    offensive = [e for e in events if e["trigger"] == "offensive"]
    assert offensive, events
    assert [p["text"] for p in offensive[0]["actor"]] == ["insurgés"], events  # (no "par" in the party's text)


def test_the_agent_of_a_participle_of_judging_does_not_do_the_act(veille_nlp) -> None:
    # who criticises a measure did not take it
    events = code(veille_nlp, "Les sanctions critiquées par la Corée du Sud pèsent sur les exportateurs japonais.",
                  PUBLISHED)
    assert not any("KOR" in codes(e["actor"]) for e in of_type(events, "SANCTION")), events
    # who imposed it did
    events = code(veille_nlp, "Les sanctions imposées par la Corée du Sud pèsent sur les exportateurs japonais.",
                  PUBLISHED)
    assert [codes(e["actor"]) for e in of_type(events, "SANCTION")] == [{"KOR"}], events


def test_a_relative_of_the_minister_is_not_the_minister(veille_nlp) -> None:
    events = code(veille_nlp, "Le neveu du Premier ministre estonien a critiqué la justice finlandaise.", PUBLISHED)
    assert not any(p["text"].startswith("Premier ministre") for e in events for p in e["actor"]), events
    events = code(veille_nlp, "Le Premier ministre estonien a critiqué la justice finlandaise.", PUBLISHED)
    assert any(p["text"].startswith("Premier ministre") for e in events for p in e["actor"]), events


def test_a_relative_arrested_keeps_the_state_of_the_one_named(veille_nlp) -> None:
    events = code(veille_nlp, "La police lituanienne a arrêté le gendre du ministre estonien.", PUBLISHED)
    arrests = of_type(events, "COERCE")
    assert arrests and codes(arrests[0]["recipient"]) == {"EST"}, events
    assert arrests[0]["recipient"][0]["text"].startswith("gendre"), events


def test_the_mothers_of_a_town_are_its_people(veille_nlp) -> None:
    events = code(veille_nlp, "Les mères de Mossoul ont manifesté contre les milices chiites.", PUBLISHED)
    protests = of_type(events, "PROTEST")
    assert protests and codes(protests[0]["actor"]) == {"IRQ"}, events
