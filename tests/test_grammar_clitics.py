"""The euphonic "t" of "a-t-il" is no subject clitic: the two word lists do not overlap, and the readers that pass
over an inversion ("« ... », a-t-il dit") take both."""

from __future__ import annotations

from veille.events.grammar import grammar_words


def test_the_euphonic_t_is_not_an_inverted_clitic() -> None:
    assert not grammar_words("inverted_clitics") & grammar_words("euphonic_marks")


def test_an_inverted_incise_still_names_its_speaker(veille_nlp) -> None:
    from veille.events.testing import code, codes, find

    events = code(veille_nlp, "« Nous ne reculerons pas », a-t-il martelé devant la presse. Le président turc a "
                              "ensuite accusé la Grèce de provocations en mer Égée.")
    event = find(events, "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"TUR"}, events

