"""A participle or gerund hung on a quote's incise acts for the incise's speaker ('« ... », a-t-il prévenu, en
appelant X à ...', '« ... », a lancé le président, accusant X de ...'), whatever the parser made the subject of the
speech verb (the quote's own noun, the euphonic "t" of "a-t-il"); and a sanction whose phrase names only its target."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def test_gerund_after_an_inverted_clitic_acts_for_the_speaker(veille_nlp) -> None:
    events = code(veille_nlp, 'Le Premier ministre norvégien a longuement parlé jeudi devant les députés. « Nos '
                              'pêcheurs ne paieront pas pour les autres », a-t-il prévenu, en appelant la Russie à '
                              'respecter les quotas de pêche.')
    event = find(events, "REQUEST", "appelant")
    assert event is not None
    assert codes(event["actor"]) == {"NOR"}
    assert codes(event["recipient"]) == {"RUS"}


def test_participle_after_a_feminine_clitic_acts_for_the_speaker(veille_nlp) -> None:
    events = code(veille_nlp, 'La ministre suédoise des Affaires étrangères a rencontré ses homologues. "Le moment est '
                              'grave", a-t-elle déclaré, appelant l\'Iran à libérer les détenus.')
    event = find(events, "REQUEST", "appelant")
    assert event is not None
    assert codes(event["actor"]) == {"SWE"}
    assert codes(event["recipient"]) == {"IRN"}


def test_participle_on_an_incise_with_its_subject_after_the_verb(veille_nlp) -> None:
    events = code(veille_nlp, '« Cet accord est une farce », a lancé le président brésilien, accusant l\'Argentine '
                              'de tricher.')
    event = find(events, "ACCUSE", "accusant")
    assert event is not None
    assert codes(event["actor"]) == {"BRA"}


def test_sanctions_are_not_imposed_by_the_target_s_partner(veille_nlp) -> None:
    # (a party the text told only agreeing with the target is its ally, not the one who punishes it)
    events = code(veille_nlp, "La Chine a signé lundi un accord gazier avec la Russie. Les nouvelles sanctions contre "
                              "la Russie pèsent sur son économie.")
    assert not any("CHN" in codes(e["actor"]) for e in events if e["type"] == "SANCTION"), events
    # a party the text told accusing the target is its adversary: the one guessed to punish it
    events = code(veille_nlp, "La Chine a accusé lundi la Russie d'ingérence. Les nouvelles sanctions contre la "
                              "Russie pèsent sur son économie.")
    assert any("CHN" in codes(e["actor"]) for e in events if e["type"] == "SANCTION"), events


def test_sanctions_with_no_imposer_named_come_from_the_target_s_counterpart(veille_nlp) -> None:
    # (a measure noun whose phrase names only its target: the party the document pairs the target with)
    events = code(veille_nlp, "Le Canada a dénoncé lundi la répression au Venezuela. Plusieurs ministres du "
                              "gouvernement vénézuélien sont concernés par ces nouvelles sanctions qui visent une "
                              "vingtaine de responsables.")
    event = find(events, "SANCTION")
    assert event is not None
    assert codes(event["actor"]) == {"CAN"}
    assert codes(event["recipient"]) == {"VEN"}
