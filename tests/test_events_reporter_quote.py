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


def test_the_speaker_of_an_incise_after_a_quote_naming_another_state_is_its_subject(veille_nlp) -> None:
    # '"...", a déclaré le ministre X': the incise's subject speaks, whatever state the quote names
    for text, recipient in [
        ("« Nous condamnons l'Estonie », a déclaré le ministre russe.", "EST"),
        ("« Nous exigeons des excuses du gouvernement allemand », a déclaré le ministre russe.", "DEU"),
        ("« Washington doit retirer ses missiles d'Europe », a déclaré le ministre russe.", "USA"),
    ]:
        events = [e for e in code(veille_nlp, text, "2023-05-03") if e["status"] == "reported"]
        assert events, text
        event = events[0]
        assert codes(event["actor"]) == {"RUS"} and event["reported_by"]["code"] == "RUS", event
        assert codes(event["recipient"]) == {recipient}, event


def test_quoted_words_to_come_are_the_speaker_s_only_when_they_go_on_with_his_speech(veille_nlp) -> None:
    # the speaker's own side, right after her que-clause: her words go on
    going_on = code(veille_nlp, "La ministre estonienne de la Défense a affirmé lundi que la frontière serait "
                                "protégée. Les soldats estoniens déploieront \"tous les moyens\" dès demain.")
    moves = [e for e in going_on if e["type"] == "MOBILIZE" and e["status"] == "future"]
    assert moves and moves[0]["reported_by"] and codes([moves[0]["reported_by"]]) == {"EST"}, going_on
    # another state's act after a mere denunciation: no one of the text said it
    other = code(veille_nlp, "Le président grec a dénoncé lundi les provocations turques. La police iranienne "
                             "arrêtera les \"émeutiers\" de Téhéran dès demain.")
    arrests = [e for e in other if e["type"] == "COERCE" and e["status"] == "future"]
    assert arrests and arrests[0]["reported_by"] is None, other
