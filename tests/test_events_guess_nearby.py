"""A recipient the clause leaves unsaid, guessed from the document (the actor's usual partner, the other side of a
quarrel), must be a party the text names near the act: within a few sentences before it or the one after (grammar
parameters `guess_reach_back`, `guess_reach_ahead`); and an addressee the verb names, dropped as the actor's own
body, is not replaced by another state the sentence names in passing. Sentences written for veille."""

from __future__ import annotations

from veille.events.testing import code, codes, find

QUARREL = ("L'Uruguay a accusé lundi le Paraguay d'avoir détourné les eaux du fleuve. Asuncion a rejeté ces "
           "accusations. Montevideo a convoqué le chargé d'affaires paraguayen. ")
ASIDE = ("A Punta del Este, la saison des régates a commencé. Les skippers se plaignent du prix des voiles. "
         "Les cafés du port ont ouvert tôt. Les touristes sont revenus sur la plage. Les hôtels affichent "
         "complet depuis samedi. ")


def test_a_partner_named_only_pages_before_is_no_recipient(veille_nlp) -> None:
    events = code(veille_nlp, QUARREL + ASIDE + "Le ministre uruguayen de l'Economie a dénoncé jeudi la "
                                                "spéculation sur les carburants.", "2023-05-04")
    charge = find(events, "ACCUSE", "dénoncé")
    assert charge is not None and codes(charge["actor"]) == {"URY"}, events
    assert "PRY" not in codes(charge["recipient"]), events


def test_a_partner_named_just_before_is_still_the_recipient(veille_nlp) -> None:
    events = code(veille_nlp, QUARREL + "Le ministre uruguayen des Affaires étrangères a dénoncé une "
                                        "provocation.", "2023-05-04")
    charge = find(events, "ACCUSE", "dénoncé")
    assert charge is not None and codes(charge["actor"]) == {"URY"} and codes(charge["recipient"]) == {"PRY"}, events


def test_a_government_asked_by_its_own_president_is_not_replaced_by_a_state_named_in_passing(veille_nlp) -> None:
    events = code(veille_nlp, "Le président uruguayen, de retour d'une visite au Brésil, a demandé au gouvernement "
                              "uruguayen d'accélérer la réforme des retraites.", "2023-05-04")
    request = find(events, "REQUEST")
    assert request is not None and codes(request["actor"]) == {"URY"}, events
    assert "BRA" not in codes(request["recipient"]), events


def test_ministers_asked_by_their_own_head_of_state_are_not_replaced_by_a_state_named_in_passing(veille_nlp) -> None:
    events = code(veille_nlp, "Le chef de l'Etat uruguayen, muet sur l'élection au Brésil, a demandé aux ministres "
                              "uruguayens de revoir le budget de la santé.", "2023-05-04")
    request = find(events, "REQUEST")
    assert request is not None and codes(request["actor"]) == {"URY"}, events
    assert "BRA" not in codes(request["recipient"]), events


def test_a_foreign_addressee_named_as_the_object_is_still_the_recipient(veille_nlp) -> None:
    events = code(veille_nlp, "Le président uruguayen, de retour d'une visite au Chili, a demandé au gouvernement "
                              "brésilien de rouvrir la frontière.", "2023-05-04")
    request = find(events, "REQUEST")
    assert request is not None and codes(request["actor"]) == {"URY"} and codes(request["recipient"]) == {"BRA"}, \
        events
