"""The document's partner lent as the recipient of an act with no addressee (issue 16's general press): a quarrel's
other side receives a charge, a threat or a withdrawal, a partner met receives a praise, but a one-way act of goodwill
is not lent to the state the text pairs the actor with through a seizure, an aid or a dispute. Sentences written for
veille."""

from __future__ import annotations

from veille.events.testing import code, codes, find

SEIZURE = "Les garde-côtes norvégiens ont arraisonné un chalutier islandais. "


def test_a_praise_with_no_addressee_is_not_lent_to_the_partner_of_a_seizure(veille_nlp) -> None:
    events = code(veille_nlp, SEIZURE + "Le ministre norvégien de la Pêche a rendu hommage aux marins.")
    praise = find(events, "SUPPORT")
    assert praise is not None and codes(praise["actor"]) == {"NOR"}, events
    assert "ISL" not in codes(praise["recipient"]), events


def test_a_charge_with_no_addressee_still_goes_to_the_other_side_of_the_quarrel(veille_nlp) -> None:
    events = code(veille_nlp, SEIZURE + "Le ministre norvégien de la Pêche a dénoncé une provocation.")
    charge = find(events, "ACCUSE")
    assert charge is not None and codes(charge["actor"]) == {"NOR"} and codes(charge["recipient"]) == {"ISL"}, events


def test_a_withdrawal_with_no_addressee_still_yields_to_the_other_side(veille_nlp) -> None:
    events = code(veille_nlp, SEIZURE + "Le lendemain, Oslo a annoncé le retrait de ses patrouilleurs.")
    withdrawal = find(events, "CONCEDE") or find(events, "RETREAT")
    assert withdrawal is not None and codes(withdrawal["actor"]) == {"NOR"}, events
    assert codes(withdrawal["recipient"]) == {"ISL"}, events


def test_a_praise_with_no_addressee_goes_to_the_partner_just_met(veille_nlp) -> None:
    events = code(veille_nlp, "Le président chilien a rencontré son homologue péruvien à Lima. La présidente "
                              "chilienne a salué le courage des sauveteurs.")
    praise = find(events, "SUPPORT")
    assert praise is not None and codes(praise["actor"]) == {"CHL"} and codes(praise["recipient"]) == {"PER"}, events
