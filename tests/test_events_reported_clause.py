"""The side a judgement or a demand reports through its que-clause ("X a déploré que le gouvernement ...", "X exige
que la police ..."): the clause's subject is its recipient, even when it is a body of the speaker's own state, as it is
when the quoted clause comes before its incise."""

from __future__ import annotations

from veille.events.testing import code, codes, find

_CONTEXT = "Le gouvernement portugais a annoncé jeudi la fermeture de six maternités. "


def _recipients(event: dict) -> list[tuple[str, str]]:
    return [(p["text"], p["code"]) for p in event["recipient"]]


def test_the_subject_of_the_que_clause_is_judged(veille_nlp) -> None:
    event = find(code(veille_nlp, _CONTEXT + "L'avocate Rita Nogueira a déploré que le gouvernement sacrifie les "
                                             "villages de l'intérieur."), "ACCUSE", "déploré")
    assert event is not None
    assert codes(event["actor"]) == {"PRT"}, event
    assert _recipients(event) == [("gouvernement", "PRT")], event


def test_a_quoted_que_clause_is_judged_as_its_incise_is(veille_nlp) -> None:
    event = find(code(veille_nlp, _CONTEXT + "L'avocate Rita Nogueira a déploré que \"le gouvernement sacrifie les "
                                             "villages de l'intérieur\"."), "ACCUSE", "déploré")
    assert event is not None
    assert _recipients(event) == [("gouvernement", "PRT")], event


def test_a_deeper_clause_names_no_recipient(veille_nlp) -> None:
    # the government is the subject of a clause below the object, not of the clause the speaker reports
    event = find(code(veille_nlp, _CONTEXT + "L'avocate Rita Nogueira a déploré la colère des familles depuis que le "
                                             "gouvernement sacrifie les villages."), "ACCUSE", "déploré")
    assert event is not None and ("gouvernement", "PRT") not in _recipients(event), event


def test_the_doer_of_the_act_its_object_names_is_judged(veille_nlp) -> None:
    # the agent of the participle on the object: who did what is denounced, named by a plain noun of the same state
    event = find(code(veille_nlp, _CONTEXT + "L'avocate Rita Nogueira a dénoncé les expulsions menées par la "
                                             "police."), "ACCUSE", "dénoncé")
    assert event is not None
    assert _recipients(event) == [("police", "PRT")], event
