"""Who acts, when the parser misplaces the verb's subject or agent (sentences written for veille): a subject inverted
after a relative "que" in a compound tense, the means of a call read as an agent, a verb coordinated with the day the
parser hung it on, an agent hung on an adjunct of a passive verb, and a present participle set off by a comma, which
is said of the subject of the clause it is set off from."""

from __future__ import annotations

from veille.events.testing import code, codes, factual, features_kept


def test_a_subject_inverted_after_a_relative_in_a_compound_tense_acts(veille_nlp) -> None:
    # "qu'a signé l'Uruguay": the relative holds the object, the name after the verb is its subject
    events = code(veille_nlp, "Le protocole qu'a signé l'Uruguay avec le Paraguay prévoit la réouverture du pont.")
    agree = factual(events, "AGREE")
    assert agree and codes(agree[0]["actor"]) == {"URY"} and codes(agree[0]["recipient"]) == {"PRY"}, events


def test_the_means_of_a_call_is_no_agent(veille_nlp) -> None:
    # "par téléphone", read by the parser as an agent, does not make the partner named after it the caller
    events = code(veille_nlp, "Le président chilien Pablo Rojas s'est par ailleurs entretenu par téléphone avec son "
                              "homologue bolivien, Carlos Mendoza, a encore précisé son cabinet.")
    consult = factual(events, "CONSULT")
    assert consult and codes(consult[0]["actor"]) == {"CHL"} and codes(consult[0]["recipient"]) == {"BOL"}, events


def test_a_verb_coordinated_with_the_day_keeps_the_first_verbs_subject(veille_nlp) -> None:
    # "a défendu jeudi le projet et demandé ...": the parser hangs the second participle on the day
    events = code(veille_nlp, "Le porte-parole du gouvernement bolivien a défendu dimanche la réforme et demandé au "
                              "Chili d'éviter toute provocation.")
    request = factual(events, "REQUEST")
    assert request and codes(request[0]["actor"]) == {"BOL"} and codes(request[0]["recipient"]) == {"CHL"}, events


def test_an_agent_hung_on_an_adjunct_of_a_passive_verb_acts(veille_nlp) -> None:
    # "interpellé à son domicile par la police": the police arrests, it is not arrested
    with features_kept(veille_nlp):
        events = code(veille_nlp, "L'opposant ougandais a été interpellé à son domicile par la police.")
    coerce = [e for e in factual(events, "COERCE") if e["trigger"] == "interpellé"]
    assert coerce and any(p["text"] == "police" for p in coerce[0]["actor"]), events
    assert not any(p["text"] == "police" for p in coerce[0]["recipient"]), events


def test_an_act_hung_on_an_adjunct_of_a_passive_verb_is_no_agent(veille_nlp) -> None:
    # "frappées à leur tour par des sanctions": the measures are a cause, not an attacker
    with features_kept(veille_nlp):
        events = code(veille_nlp, "Ces banques libyennes ont été frappées à leur tour par des sanctions américaines.")
    assert not any(e["type"] == "ASSAULT" and codes(e["actor"]) == {"USA"} for e in events), events
    # the agent of a strike is the attacker
    with features_kept(veille_nlp):
        events = code(veille_nlp, "Ces bases libyennes ont été frappées à leur tour par des avions américains.")
    assert any(e["type"] == "ASSAULT" and codes(e["actor"]) == {"USA"} for e in events), events


def test_a_participle_set_off_after_the_object_is_said_of_the_subject(veille_nlp) -> None:
    # "a exhorté le Togo à ..., dénonçant ...": Ghana denounces, not Togo, which it asks to act
    events = code(veille_nlp, "Le Ghana a exhorté le Togo à rouvrir la frontière, dénonçant une mesure injuste.")
    accuse = [e for e in events if e["type"] == "ACCUSE"]
    assert accuse and all(codes(e["actor"]) == {"GHA"} for e in accuse), events


def test_a_participle_not_set_off_is_said_of_the_noun_it_qualifies(veille_nlp) -> None:
    # "des tracts dénonçant le régime": the leaflets denounce, not the activists who hand them out (no one named)
    with features_kept(veille_nlp):
        events = code(veille_nlp, "Des militants ont distribué des tracts dénonçant le régime cubain.")
    assert not any(e["type"] == "ACCUSE" for e in events), events
    # set off by commas, it is said of the subject
    with features_kept(veille_nlp):
        events = code(veille_nlp, "Des militants vénézuéliens, dénonçant le régime cubain, ont distribué des tracts.")
    assert [codes(e["actor"]) for e in events if e["type"] == "ACCUSE"] == [{"VEN"}], events
