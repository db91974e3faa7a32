"""Who says a quote (issue 16's reporters): the pronoun of the incise that closes it is not a party the quote
names, and the source a later incise stands for is who spoke, not the actor of an act they told."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def test_the_incise_pronoun_is_not_a_party_of_its_own_quote(veille_nlp) -> None:
    events = code(veille_nlp, "La Corée du Nord a menacé Séoul de représailles. Le ministère sud-coréen de "
                              "l'Unification a jugé que les menaces du Nord violeraient plusieurs traités si elles "
                              "étaient appliquées. \"Le Nord en paiera sûrement le prix si ce genre de menace est mise "
                              "à exécution\", a-t-il dit dans une déclaration.")
    threat = find(events, "THREATEN", "paiera")
    assert threat is not None, events
    assert codes(threat["reported_by"]) == {"KOR"}, threat
