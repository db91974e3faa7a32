"""Actor and recipient from the dependency parse (real model, real actor linker)."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, features_kept, find, of_type


def test_passive_agent_is_the_actor(veille_nlp) -> None:
    events = code(veille_nlp, "Les troupes font partie d'un contingent militaire de 2 500 hommes déployé par la "
                              "Russie au Kazakhstan.")
    event = find(events, "AID") or find(events, "MOBILIZE")
    assert event is not None
    assert "RUS" in codes(event["actor"])
    assert event["size"] == {"troops": 2500}


def test_passive_without_agent_keeps_the_victim_as_recipient(veille_nlp) -> None:
    events = code(veille_nlp, "Au Kazakhstan, le ministère de l'Intérieur a déclaré que 18 policiers ont été tués "
                              "depuis le début des manifestations.")
    event = find(events, "ASSAULT")
    assert event is not None
    assert codes(event["recipient"]) == {"KAZ"}
    assert event["size"]["dead"] == 18


def test_oblique_partner_of_a_reciprocal_event(veille_nlp) -> None:
    events = code(veille_nlp, "M. Pachinian s'est entretenu vendredi par téléphone avec le président russe "
                              "Vladimir Poutine.")
    event = find(events, "CONSULT")
    assert event is not None
    assert codes(event["actor"]) == {"ARM"}
    assert codes(event["recipient"]) == {"RUS"}
    assert event["symmetric"] and "reciprocal" not in event["context"]


def test_partner_inside_the_object_phrase(veille_nlp) -> None:
    events = code(veille_nlp, "Le Parlement kazakh a ratifié un document axé sur la coopération avec la Russie.")
    event = find(events, "AGREE")
    assert event is not None
    assert codes(event["actor"]) == {"KAZ"}
    assert codes(event["recipient"]) == {"RUS"}


def test_auprès_de_names_the_other_side(veille_nlp) -> None:
    events = code(veille_nlp, "En 2021, le Kazakhstan a acquis des drones et des blindés auprès de la Turquie.")
    event = find(events, "COOPERATE")
    assert event is not None
    assert codes(event["actor"]) == {"KAZ"}
    assert "TUR" in codes(event["recipient"])


def test_coordinated_objects(veille_nlp) -> None:
    events = code(veille_nlp, "Ankara accusait la Suède et la Finlande d'abriter des terroristes.")
    event = find(events, "ACCUSE")
    assert event is not None
    assert codes(event["actor"]) == {"TUR"}
    assert codes(event["recipient"]) == {"SWE", "FIN"}


def test_coordinated_subjects_of_a_reciprocal_event(veille_nlp) -> None:
    events = code(veille_nlp, "Le président russe Vladimir Poutine et son homologue turc Recep Tayyip Erdogan se "
                              "sont entendus vendredi pour renforcer la coopération énergétique.")
    event = find(events, "AGREE")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"RUS", "TUR"}
    assert codes(event["actor"]) != codes(event["recipient"])
    assert len([e for e in events if e["status"] in ("asserted", "reported")]) == 1  # one event, not two


def test_infinitive_control_recipient_of_a_request(veille_nlp) -> None:
    events = code(veille_nlp, "Mercredi, le président kazakh Qasym-Zhomart Toqaev a demandé à l'alliance "
                              "militaire de l'OTSC d'intervenir d'urgence.")
    event = find(events, "REQUEST")
    assert event is not None
    assert codes(event["actor"]) == {"KAZ"}
    assert codes(event["recipient"]) == {"CSTO"}


def test_infinitive_control_subject(veille_nlp) -> None:
    events = code(veille_nlp, "Les troupes de l'OTSC ont commencé à quitter le Kazakhstan.")
    event = find(events, "RETREAT")
    assert event is not None
    assert codes(event["actor"]) == {"CSTO"}
    assert codes(event["recipient"]) == {"KAZ"}


def test_noun_trigger_with_de_complement(veille_nlp) -> None:
    events = code(veille_nlp, "L'écrivain explique le déploiement des soldats de l'OTSC au Kazakhstan par la "
                              "crainte russe.")
    event = find(events, "AID")
    assert event is not None
    assert codes(event["actor"]) == {"CSTO"}
    assert codes(event["recipient"]) == {"KAZ"}


def test_pronoun_subject_of_a_reported_clause_is_the_speaker(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministère arménien de la Défense a déclaré qu'il avait envoyé 100 soldats au "
                              "Kazakhstan.")
    event = find(events, "AID")
    assert event is not None
    assert codes(event["actor"]) == {"ARM"}
    assert codes(event["recipient"]) == {"KAZ"}


def test_unnamed_protesters_belong_to_the_country(veille_nlp) -> None:
    events = code(veille_nlp, "Au Kazakhstan, des manifestants se sont rendus maîtres de plusieurs bâtiments "
                              "gouvernementaux à Almaty.")
    event = find(events, "PROTEST")
    assert event is not None
    assert codes(event["actor"]) == {"KAZ"}


def test_sentence_offsets_point_into_the_text(veille_nlp) -> None:
    text = "Premier paragraphe sans événement. La Turquie a signé un mémorandum avec la Suède."
    doc = veille_nlp.make_doc(text)
    doc = veille_nlp(doc)
    assert doc._.events
    for event in doc._.events:
        assert doc.text[event["start"]:event["end"]] == event["sentence"]


def test_a_meeting_in_a_setting_phrase_is_an_event_of_the_clause_subject(veille_nlp) -> None:
    events = code(veille_nlp, "Le président français Emmanuel Macron et le chancelier allemand Olaf Scholz ont "
                              "annoncé mardi un plan commun pour l'énergie, à l'issue de leur rencontre à Berlin.")
    event = find(events, "CONSULT", "rencontre")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"FRA", "DEU"}
    events = code(veille_nlp, "Les ministres des Affaires étrangères russe et turc se sont mis d'accord pour "
                              "prolonger l'accord sur les céréales, au terme de leurs discussions à Istanbul.")
    assert find(events, "AGREE") is not None  # the agreement stays an event of its own
    event = find(events, "CONSULT", "discussions")
    assert event is not None and codes(event["actor"]) | codes(event["recipient"]) == {"RUS", "TUR"}


def test_meeting_partners_in_a_list_the_parser_hung_elsewhere(veille_nlp) -> None:
    events = code(veille_nlp, "Le Kremlin a salué jeudi un « pas important », à l'issue de deux jours de "
                              "négociations à Genève entre le chef de la diplomatie russe Sergueï Lavrov, le "
                              "secrétaire d'État américain Antony Blinken et le ministre chinois Wang Yi.")
    event = find(events, "CONSULT", "négociations")
    assert event is not None
    assert codes(event["actor"]) == {"RUS"}
    assert codes(event["recipient"]) == {"USA", "CHN"}


def test_an_apposition_naming_the_same_party_is_not_a_list_item(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le président kazakh, Kassym-Jomart Tokaïev, a reçu le ministre russe de la "
                                  "Défense."), "CONSULT")
    assert event is not None and codes(event["actor"]) == {"KAZ"} and codes(event["recipient"]) == {"RUS"}
    event = find(code(veille_nlp, "L'OTSC, alliance militaire dirigée par la Russie, a envoyé des troupes au "
                                  "Kazakhstan."), "AID")
    assert event is not None and codes(event["actor"]) == {"CSTO"} and codes(event["recipient"]) == {"KAZ"}


def test_a_participle_opening_the_sentence_takes_the_subject_of_the_clause(veille_nlp) -> None:
    # the tagger reads a capitalised participle opening a sentence as a proper noun
    events = code(veille_nlp, "Réunis à Genève, le ministre russe Sergueï Lavrov et le secrétaire d'État américain "
                              "Antony Blinken ont évoqué la sécurité européenne.")
    event = find(events, "CONSULT")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"RUS", "USA"}


def test_an_object_the_parser_hung_on_the_day(veille_nlp) -> None:
    events = code(veille_nlp, "Le Premier ministre arménien Nikol Pachinian et le président azerbaïdjanais Ilham "
                              "Aliev ont entamé lundi des négociations à Bruxelles.")
    event = find(events, "CONSULT", "négociations")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"ARM", "AZE"}


def test_a_participle_phrase_acts_for_the_noun_it_qualifies(veille_nlp) -> None:
    event = find(code(veille_nlp, "La Grèce a fermé sa frontière, Athènes accusant la Turquie de laisser passer "
                                  "des migrants."), "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"GRC"} and codes(event["recipient"]) == {"TUR"}


def test_the_subject_the_parser_hung_on_a_prepositional_relative(veille_nlp) -> None:
    event = find(code(veille_nlp, "Les deux pays ont signé une déclaration dans laquelle Moscou et Pékin "
                                  "s'engagent à coopérer."), "AGREE", "engagent")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"RUS", "CHN"}


def test_real_sentences_with_those_parser_slips(veille_nlp) -> None:
    # "Ankara" hung as an adverb with "accusant" as its clause; "lequel" made the subject of "s'engagent"
    events = code(veille_nlp, "La présidence turque a indiqué mardi soir que Recep Tayyip Erdogan avait obtenu la "
                              "« pleine coopération » des deux pays contre les combattants kurdes du PKK et leurs "
                              "alliés, point à l'origine des crispations, Ankara accusant Helsinki et Stockholm "
                              "d'abriter des « terroristes ».")
    event = find(events, "ACCUSE", "accusant")
    assert event is not None and codes(event["actor"]) == {"TUR"} and codes(event["recipient"]) == {"FIN", "SWE"}
    events = code(veille_nlp, "Selon lui, cette avancée majeure découle de la signature d'un mémorandum tripartite "
                              "dans lequel Ankara, Helsinki et Stockholm s'engagent à renforcer leur plein soutien "
                              "mutuel face aux menaces contre la sécurité de chacun.")
    event = find(events, "AGREE", "engagent")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"TUR", "FIN", "SWE"}


def test_a_name_the_tagger_read_as_a_pronoun_is_not_resolved_as_one(veille_nlp) -> None:
    events = code(veille_nlp, "Ankara annonce depuis des semaines une nouvelle offensive dans le nord de la Syrie, "
                              "contre laquelle la Russie et l'Iran l'ont mise en garde ; au sommet tripartite de "
                              "Téhéran à la mi-juillet, Poutine avait clairement rejeté ces plans.", "2022-08-01")
    # published two weeks after the summit: a pluperfect of months before would be background (events/recall.py)
    event = find(events, "REJECT")
    assert event is not None and codes(event["actor"]) == {"RUS"}


def test_a_relative_clause_the_parser_detached_keeps_its_noun(veille_nlp) -> None:
    # "qui a déployé" hangs on "surviennent" here; "force" names no state and does not replace Moscou
    events = code(veille_nlp, "Ces événements surviennent alors que Moscou, qui a déployé une force de maintien de "
                              "la paix après la guerre de 2020, est absorbé par son offensive militaire en Ukraine.")
    event = find(events, trigger="déployé")
    assert event is not None and codes(event["actor"]) == {"RUS"}


def test_the_counterpart_is_the_party_the_actor_had_events_with(veille_nlp) -> None:
    # Iran and Turkey are named as often; Russia's earlier event was with Turkey
    events = code(veille_nlp, "La Russie et l'Iran ont mis en garde la Turquie contre une nouvelle offensive en "
                              "Syrie. Le lendemain, Moscou a annoncé de nouvelles sanctions économiques.")
    event = find(events, "SANCTION")
    assert event is not None and codes(event["actor"]) == {"RUS"} and codes(event["recipient"]) == {"TUR"}


def test_the_city_a_meeting_is_named_after_is_where_not_who(veille_nlp) -> None:
    events = code(veille_nlp, "Lors du sommet de Téhéran, Vladimir Poutine a mis en garde son homologue turc contre "
                              "une offensive en Syrie.")
    event = find(events, "THREATEN")
    assert event is not None and event["location"]["name"] == "Téhéran"
    events = code(veille_nlp, "Après l'entrevue de Téhéran, Poutine a accusé les Occidentaux de prolonger la guerre.")
    event = find(events, "ACCUSE")
    assert event is not None and "IRN" not in codes(event["recipient"])


@pytest.mark.parametrize("text", [
    "La Turquie a proposé sa médiation à l'Ukraine tout en appelant à un cessez-le-feu.",
    "Le Kazakhstan a remercié la Russie tout en appelant ses alliés à la retenue.",
])
def test_a_gerund_acts_for_the_subject_of_its_clause(veille_nlp, text: str) -> None:
    # the parser hangs "tout en appelant" on the object; its subject is still the clause's
    event = find(code(veille_nlp, text), "REQUEST", "appelant")
    assert event is not None and codes(event["actor"]) == {"TUR" if "Turquie" in text else "KAZ"}


def test_an_attribute_of_a_declarative_verb_acts_for_its_subject(veille_nlp) -> None:
    events = code(veille_nlp, "Vladimir Poutine et Recep Tayyip Erdogan se sont rencontrés à Sotchi. Le président "
                              "russe s'est dit favorable à la signature, le jour même, d'un mémorandum sur le "
                              "développement des relations commerciales.")
    event = find(events, "SUPPORT", "favorable")
    assert event is not None and codes(event["actor"]) == {"RUS"} and codes(event["recipient"]) == {"TUR"}


def test_a_subject_in_apposition_and_a_partner_hung_on_the_year(veille_nlp) -> None:
    # from the seed blog post: "Noursoultan, la capitale," before the verb, "avec l'Italie" on "2022"
    event = find(code(veille_nlp, "Un peu plus tôt, en octobre, Noursoultan, la capitale, signait pour une "
                                  "coopération militaire en 2022 avec l’Italie – encore un membre de l’OTAN."), "AGREE")
    assert event is not None and codes(event["actor"]) == {"KAZ"} and codes(event["recipient"]) == {"ITA"}


def test_unnamed_soldiers_a_side_reports_killed_are_its_own(veille_nlp) -> None:
    events = code(veille_nlp, "L'Arménie a accusé l'Azerbaïdjan d'avoir bombardé ses positions. Erevan fait état "
                              "de 105 militaires arméniens tués. Côté azerbaïdjanais, Bakou fait état de 71 militaires "
                              "tués depuis mardi.")
    event = next(e for e in events if e["type"] == "ASSAULT" and e["size"].get("dead") == 71)
    assert codes(event["recipient"]) == {"AZE"} and codes(event["actor"]) == {"ARM"}


def test_the_first_person_of_a_quote_is_its_speaker_whatever_its_status(veille_nlp) -> None:
    # a negated clause: the incise still says who "nous" is
    events = code(veille_nlp, "\"Nous ne céderons jamais aux pressions de Moscou\", a déclaré le président "
                              "ukrainien Volodymyr Zelensky.")
    event = find(events, "REJECT")
    assert event is not None and codes(event["actor"]) == {"UKR"}


def test_the_speaker_hung_on_the_oblique_of_the_incise(veille_nlp) -> None:
    # "à la télévision le ministre iranien": the parser hangs the incise's subject on the oblique before it
    events = code(veille_nlp, "\"Nous avons accepté les principes du plan européen\", a affirmé lundi à la "
                              "télévision le ministre iranien Mohammad Javad Zarif.")
    event = find(events, "AGREE")
    assert event is not None and codes(event["actor"]) == {"IRN"}
    assert event["reported_by"] and event["reported_by"]["code"] == "IRN"


def test_both_sides_of_an_entre_phrase_the_parser_split(veille_nlp) -> None:
    # "et Pyongyang" hung on the verb as its subject: still the second side of "entre"
    events = code(veille_nlp, "Le dialogue entre Washington et Pyongyang a échoué sur la question des sanctions.")
    event = find(events, "CONSULT")
    assert event is not None and codes(event["actor"]) | codes(event["recipient"]) == {"USA", "PRK"}


def test_a_partner_hung_on_the_setting_noun_and_the_incise_subject(veille_nlp) -> None:
    # ", indique l'Élysée à l'issue d'un entretien [...] avec X": the partner hangs on "issue", the subject
    # follows the incise verb that opens the sentence the parser cut from its quote
    events = code(veille_nlp, "Le chef de l'Etat a \"demandé la libération de nos deux chercheurs\", indique "
                              "l'Élysée à l'issue d'un entretien téléphonique avec le président iranien Hassan "
                              "Rohani.")
    event = find(events, "CONSULT")
    assert event is not None and codes(event["actor"]) == {"FRA"} and codes(event["recipient"]) == {"IRN"}


def test_people_named_by_a_plural_nationality_act(veille_nlp) -> None:
    events = code(veille_nlp, "Sur les réseaux sociaux, des Bahreïnis ont dénoncé l'accord avec Israël comme une "
                              "trahison.")
    event = find(events, "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"BHR"}


def test_an_object_hung_on_a_span_of_time(veille_nlp) -> None:
    # "a mené ces derniers mois de nombreux essais": the parser makes the months the object
    events = code(veille_nlp, "La Corée du Nord a mené ces derniers mois de nombreux essais de missiles.")
    event = find(events, "MOBILIZE")
    assert event is not None and codes(event["actor"]) == {"PRK"}


def test_the_subject_of_a_copula_acts_in_the_purpose_clause_hung_on_its_predicate(veille_nlp) -> None:
    # "était mardi à Moscou pour rencontrer": the parser makes "mardi" the predicate, the clause hangs on it
    event = find(code(veille_nlp, "Le président turc était mardi à Moscou pour rencontrer Vladimir Poutine."),
                 "CONSULT")
    assert event is not None and codes(event["actor"]) == {"TUR"} and codes(event["recipient"]) == {"RUS"}


def test_a_subject_the_parser_coordinated_with_the_object_before_it(veille_nlp) -> None:
    # "et l'Allemagne a demandé": a new clause, not a second accused; its subject asks
    events = code(veille_nlp, "La Russie a accusé la France et l'Allemagne a demandé des explications à Moscou.")
    accuse = find(events, "ACCUSE")
    assert accuse is not None and codes(accuse["recipient"]) == {"FRA"}
    request = find(events, "REQUEST")
    assert request is not None and codes(request["actor"]) == {"DEU"}
    # a coordinated group that is the next verb's subject stays one group
    events = code(veille_nlp, "Les pourparlers entre Londres et Bruxelles ont porté sur la frontière.")
    consult = find(events, "CONSULT")
    assert consult is not None and codes(consult["actor"]) | codes(consult["recipient"]) == {"GBR", "EU"}


def test_a_state_that_speaks_in_its_own_clause_is_not_the_addressee(veille_nlp) -> None:
    # the state named as the subject of the other clause does its own act: the object's party is the target
    # (the parser makes "Paris" a second object of "évoqué")
    events = code(veille_nlp, "Le Canada a évoqué de nouvelles sanctions et Paris a pour la première fois indiqué ne "
                              "pas exclure un embargo contre l'Iran.")
    threats = of_type(events, "THREATEN")
    assert threats and all("FRA" not in codes(e["recipient"]) for e in threats)
    assert any(codes(e["actor"]) == {"FRA"} and codes(e["recipient"]) == {"IRN"} for e in threats)


def test_the_subject_of_a_passive_control_verb_does_what_it_is_made_to(veille_nlp) -> None:
    # "a été contraint de solliciter": in the passive, the object that controls the infinitive is the subject
    events = code(veille_nlp, "Le ministre russe Sergueï Lavrov est arrivé à Ankara. Il a aussi été contraint de "
                              "solliciter un report des négociations avec la Turquie.")
    event = find(events, "REQUEST")
    assert event is not None and codes(event["actor"]) == {"RUS"} and codes(event["recipient"]) == {"TUR"}


def test_a_compound_tense_split_over_an_adverbial_phrase(veille_nlp) -> None:
    # "a pour sa part appelé": the parser hangs the participle on "part", the auxiliary keeps the subject
    events = code(veille_nlp, "Le président israélien, Reuven Rivlin, a pour sa part appelé \"d'autres pays arabes "
                              "à faire la paix\".")
    event = find(events, "REQUEST")
    assert event is not None and codes(event["actor"]) == {"ISR"}


def test_the_party_a_noun_describes_does_what_its_infinitive_says(veille_nlp) -> None:
    # "le premier pays à saluer": the country described salutes
    events = code(veille_nlp, "Bahreïn est une monarchie qui entretient des contacts avec Israël, et qui a été le "
                              "premier pays du Golfe à saluer l'accord entre les Emirats arabes unis et l'Etat hébreu.")
    event = find(events, "SUPPORT")
    assert event is not None and codes(event["actor"]) == {"BHR"}


def test_a_verb_joined_to_the_clause_said_goes_with_the_verb_that_says_it(veille_nlp) -> None:
    # "assure qu'aucune trace n'a été détectée et met en doute": a trace cannot doubt, Russia does
    events = code(veille_nlp, "La Russie assure qu'aucune trace de poison n'a été détectée par ses médecins et met "
                              "en doute la version des Allemands.")
    event = find(events, "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"RUS"}


def test_the_subject_of_an_incise_hung_on_the_date_before_it(veille_nlp) -> None:
    events = code(veille_nlp, "\"Ce plan est une catastrophe\", ont déploré la semaine dernière des élus "
                              "américains dans une lettre à la Maison Blanche.")
    event = find(events, "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"USA"}


def test_the_partner_of_a_meeting_told_in_a_time_adjunct(veille_nlp) -> None:
    # "l'a rappelé auprès de son homologue lors de leur entretien": the meeting is with the one the verb names
    events = code(veille_nlp, "Le président français l'a rappelé auprès de son homologue afghan lors de leur "
                              "dernier entretien téléphonique.")
    event = find(events, "CONSULT")
    assert event is not None and codes(event["actor"]) == {"FRA"} and codes(event["recipient"]) == {"AFG"}


def test_a_coordinated_relative_stands_for_the_name_its_description_follows(veille_nlp) -> None:
    # "en Turquie, un pays qui ... et qui a condamné": the second relative has the first one's antecedent, a
    # description apposed to the name before it
    events = code(veille_nlp, "Le ministre s'est rendu en Turquie, un pays qui accueille des réfugiés syriens et qui "
                              "a condamné l'offensive russe.")
    event = find(events, "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"TUR"} and codes(event["recipient"]) == {"RUS"}


def test_a_measure_de_names_its_imposer_and_a_verb_of_aiming_its_target(veille_nlp) -> None:
    # "les sanctions de Londres ciblant Minsk": the "de" phrase imposes, the participle's object is aimed at
    events = code(veille_nlp, "Les sanctions de Londres ciblant la Biélorussie sont entrées en vigueur lundi.")
    event = find(events, "SANCTION")
    assert event is not None and codes(event["actor"]) == {"GBR"} and codes(event["recipient"]) == {"BLR"}


def test_the_parties_touched_by_a_measure_are_its_target(veille_nlp) -> None:
    # "X sont touchés par l'embargo du Canada": the passive's subject is aimed at, and it is said as a fact
    events = code(veille_nlp, "Plusieurs ministres vénézuéliens sont touchés par l'embargo du Canada.")
    event = find(events, "SANCTION")
    assert event is not None and codes(event["actor"]) == {"CAN"} and codes(event["recipient"]) == {"VEN"}
    assert event["status"] == "asserted"


def test_a_measure_with_no_imposer_named_is_the_one_the_text_told_imposing(veille_nlp) -> None:
    # the second and third measures name no imposer: the one the text has told imposing measures imposes them
    events = code(veille_nlp, "Le Japon a imposé mardi des sanctions à la Corée du Nord. Plusieurs généraux "
                              "nord-coréens sont aussi visés par des sanctions financières. Trois entreprises ont "
                              "aussi été mises sur liste noire.")
    found = of_type(events, "SANCTION")
    assert len(found) == 3
    assert all(codes(e["actor"]) == {"JPN"} for e in found)
    assert any(codes(e["recipient"]) == {"PRK"} for e in found[1:])


def test_a_measure_an_official_announces_is_imposed_by_his_state(veille_nlp) -> None:
    events = code(veille_nlp, "\"Les nouvelles sanctions contre le régime iranien entrent en vigueur dès ce "
                              "soir\", a déclaré le ministre britannique des Affaires étrangères.")
    event = find(events, "SANCTION")
    assert event is not None and codes(event["actor"]) == {"GBR"} and codes(event["recipient"]) == {"IRN"}


def test_who_sees_an_act_does_not_do_it(veille_nlp) -> None:
    events = code(veille_nlp, "Le Japon et les Etats-Unis y ont vu des essais de missiles balistiques.")
    assert not any(codes(e["actor"]) & {"JPN", "USA"} for e in events if e["trigger"] == "essais")
    # the one who carries out tests does them
    event = find(code(veille_nlp, "La Corée du Nord a mené des essais de missiles balistiques."), "MOBILIZE")
    assert event is not None and codes(event["actor"]) == {"PRK"}


def test_an_infinitive_in_a_bare_adjunct_acts_for_the_verbs_subject(veille_nlp) -> None:
    # "dans le but de menacer", "au point de menacer": the one who masses troops threatens
    events = code(veille_nlp, "La Russie renforce ses troupes à la frontière, dans le but de menacer l'Ukraine.")
    threat = find(events, "THREATEN")
    assert threat is not None and codes(threat["actor"]) == {"RUS"} and codes(threat["recipient"]) == {"UKR"}, events
    # a noun with its own agent keeps it: Russia decided to withdraw, not Poland
    events = code(veille_nlp, "En réponse à la décision prise par la Russie de se retirer du traité, la Pologne a "
                              "renforcé sa frontière.")
    assert not any(e["type"] == "RETREAT" and codes(e["actor"]) == {"POL"} for e in events), events


def test_a_measure_against_a_named_target_is_imposed_by_its_counterpart(veille_nlp) -> None:
    # no imposer named nor told: the side the text sets the target against imposes the measure
    text = ("Le Canada a accusé la Chine de détenir arbitrairement deux de ses ressortissants. L'affaire avait déjà "
            "provoqué de lourdes sanctions contre la Chine.")
    event = find(code(veille_nlp, text), "SANCTION")
    assert event is not None and codes(event["actor"]) == {"CAN"} and codes(event["recipient"]) == {"CHN"}
    # so too a passive sentence with no agent
    text = ("La France a demandé à l'Irak de ne pas exécuter ses ressortissants. Trois Français avaient déjà été "
            "reconnus coupables d'avoir rejoint l'EI.")
    event = find(code(veille_nlp, text), "SANCTION")
    assert event is not None and codes(event["actor"]) == {"IRQ"} and codes(event["recipient"]) == {"FRA"}


def test_measures_told_before_get_no_guessed_imposer(veille_nlp) -> None:
    text = ("Le Canada a accusé la Chine de détenir arbitrairement deux de ses ressortissants. Ces sanctions contre "
            "la Chine ont été levées.")
    assert find(code(veille_nlp, text), "SANCTION") is None


def test_a_fronted_place_read_as_the_subject_leaves_the_subject_to_its_apposition(veille_nlp) -> None:
    # "Au Mali, le président français est arrivé": the parser makes "Mali" the subject, the president its apposition
    event = find(code(veille_nlp, "Au Mali, le président français est arrivé à bord du premier vol."), "CONSULT")
    assert event is not None and codes(event["actor"]) == {"FRA"} and codes(event["recipient"]) == {"MLI"}


def test_a_place_a_visitor_comes_from_is_no_host(veille_nlp) -> None:
    event = find(code(veille_nlp, "Au Qatar, M. Blinken est arrivé lundi à bord du premier vol direct depuis Israël."),
                 "CONSULT")
    assert event is not None and codes(event["recipient"]) == {"QAT"}


def test_a_name_right_before_the_verb_is_named_at_its_slot(veille_nlp) -> None:
    # "Après le Qatar, M. Blinken est arrivé": the parser hangs the name on the fronted phrase; a visit needs a
    # named visitor, and this one is named
    event = find(code(veille_nlp, "Après le Qatar, M. Blinken est arrivé à Riyad."), "CONSULT")
    assert event is not None and codes(event["actor"]) == {"USA"} and codes(event["recipient"]) == {"SAU"}


def test_the_partner_of_a_meeting_hung_on_its_support_verb(veille_nlp) -> None:
    events = code(veille_nlp, "Le président turc a eu lundi une longue conversation avec le chancelier allemand.")
    event = find(events, "CONSULT")
    assert event is not None and codes(event["actor"]) == {"TUR"} and codes(event["recipient"]) == {"DEU"}


def test_a_day_before_the_object_does_not_hide_it(veille_nlp) -> None:
    # "a reçu mardi à l'Elysée son homologue": the day and the guest both read as objects
    event = find(code(veille_nlp, "Le président français a reçu mardi à l'Elysée son homologue sénégalais."),
                 "CONSULT")
    assert event is not None and codes(event["actor"]) == {"FRA"} and codes(event["recipient"]) == {"SEN"}


def test_the_expulsion_of_diplomats_is_a_sanction(veille_nlp) -> None:
    event = find(code(veille_nlp, "Paris a annoncé l'expulsion de six diplomates russes."), "SANCTION")
    assert event is not None and event["mode"] == "expel"
    assert codes(event["actor"]) == {"FRA"} and codes(event["recipient"]) == {"RUS"}
    # the expulsion of people is coercion
    events = code(veille_nlp, "La Grèce a procédé lundi à l'expulsion de quarante migrants vers la Turquie.")
    assert find(events, "SANCTION") is None


@pytest.mark.parametrize("text, actor, recipient", [
    ("Les pourparlers russo-ukrainiens ont repris lundi dans un palais d'Istanbul.", "RUS", "UKR"),
    ("Un sommet turco-russe s'est tenu vendredi dans une station balnéaire.", "TUR", "RUS"),
    ("Les négociations israélo-palestiniennes ont repris jeudi sous l'égide de l'Égypte.", "ISR", "PSE"),
])
def test_a_compound_demonym_names_both_sides_of_a_meeting(veille_nlp, text: str, actor: str,
                                                            recipient: str) -> None:
    event = find(code(veille_nlp, text), "CONSULT")
    assert event is not None
    assert codes(event["actor"]) == {actor}
    assert codes(event["recipient"]) == {recipient}


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # the tagger reads the compound as a number, a noun, a name: still the noun's own adjective
    ("Le sommet russo-turc s'est tenu samedi dans une petite ville.", "CONSULT", "RUS", "TUR"),
    ("L'accord greco-albanais signé en mars prévoit un échange de terrains.", "AGREE", "GRC", "ALB"),
    ("Une trêve israélo-hamas est entrée en vigueur mardi à l'aube.", "AGREE", "ISR", "PSE"),
    # hung on the verb (a conjunction, an auxiliary to the parser): it qualifies the noun right before it
    ("L'accord sino-népalais signé en avril prévoit une nouvelle route.", "AGREE", "CHN", "NPL"),
    ("L'accord sino-indien signé en avril prévoit une nouvelle route.", "AGREE", "CHN", "IND"),
])
def test_a_compound_demonym_the_tagger_misreads_still_names_the_sides(veille_nlp, text: str, event_type: str,
                                                                       actor: str, recipient: str) -> None:
    event = find(code(veille_nlp, text, published="2021-06-10"), event_type)
    assert event is not None
    assert codes(event["actor"]) == {actor}
    assert codes(event["recipient"]) == {recipient}


@pytest.mark.parametrize("text, actor", [
    ("Des gardes-côtes italo-maltais ont arrêté trois passeurs lundi.", {"ITA", "MLT"}),
    ("Des policiers germano-polonais ont arrêté deux contrebandiers jeudi.", {"DEU", "POL"}),
])
def test_a_compound_demonym_inside_a_phrase_names_each_of_its_states(veille_nlp, text: str,
                                                                     actor: set[str]) -> None:
    event = find(code(veille_nlp, text, published="2021-06-10"), "COERCE")
    assert event is not None
    assert codes(event["actor"]) == actor


def test_sides_of_talks_named_on_their_predicate(veille_nlp) -> None:
    # the parser hangs "entre X et Y" on the verb the talks are the subject of, not on the noun
    events = code(veille_nlp, "Les négociations se poursuivent depuis mardi entre l'Arménie et l'Azerbaïdjan à "
                              "Bruxelles.")
    event = find(events, "CONSULT")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"ARM", "AZE"}
    events = code(veille_nlp, "De difficiles pourparlers sont en cours depuis lundi entre Séoul, Tokyo et Washington.")
    event = find(events, "CONSULT")
    assert event is not None
    assert codes(event["actor"]) | codes(event["recipient"]) == {"KOR", "JPN", "USA"}


def test_relative_on_a_noun_that_cannot_act_speaks_for_the_name_before_it(veille_nlp) -> None:
    # "la position de Varsovie, qui condamne": a position does not condemn; the state named before the comma does
    events = code(veille_nlp, "Le ministre a rappelé la position constante de Varsovie, qui condamne les essais "
                              "nucléaires de la Corée du Nord.")
    event = find(events, "ACCUSE")
    assert event is not None
    assert codes(event["actor"]) == {"POL"}
    assert codes(event["recipient"]) == {"PRK"}


def test_relative_on_an_actor_keeps_its_antecedent(veille_nlp) -> None:
    events = code(veille_nlp, "Le Kremlin a reçu le ministre des Affaires étrangères de la Hongrie, qui a critiqué "
                              "les sanctions de l'Union européenne.")
    event = find(events, "ACCUSE")
    assert event is not None
    assert codes(event["actor"]) == {"HUN"}


def test_participle_the_tagger_took_for_an_adverb_still_has_its_subject(veille_nlp) -> None:
    # "a proféré" is tagged an adverb by the model; its tense auxiliary says it is a verb
    events = code(veille_nlp, "Depuis lundi, le régime iranien a proféré des accusations virulentes envers son "
                              "voisin.")
    event = find(events, "ACCUSE")
    assert event is not None
    assert codes(event["actor"]) == {"IRN"}


def test_who_returns_to_the_negotiating_table_negotiates(veille_nlp) -> None:
    # the talks hang on the occasion ("la table des négociations"), the occasion on a verb of motion with être,
    # which the parser reads as a passive
    events = code(veille_nlp, "La Corée du Nord est revenue mardi à la table des négociations avec les Etats-Unis.")
    event = find(events, "CONSULT")
    assert event is not None
    assert codes(event["actor"]) == {"PRK"}
    assert codes(event["recipient"]) == {"USA"}



def test_a_partner_the_parser_hung_on_the_day_of_a_meeting(veille_nlp) -> None:
    # "vendredi" read as the noun's complement, "avec la Turquie" as the day's
    event = find(code(veille_nlp, "De son côté, l'ONU a annoncé jeudi soir une réunion vendredi avec la Turquie."),
                 "CONSULT")
    assert event is not None
    assert codes(event["actor"]) == {"UN"} and codes(event["recipient"]) == {"TUR"}


def test_the_subject_the_parser_hung_in_a_fronted_meeting_phrase(veille_nlp) -> None:
    # the subject read as an apposition of the partner, inside "Après une rencontre ... avec X, chef de Y,"
    event = find(code(veille_nlp, "Après une rencontre en avril à Genève avec le ministre Sergueï Lavrov, chef de la "
                                  "diplomatie russe, le secrétaire d'Etat américain Antony Blinken avait évoqué un "
                                  "dialogue."), "CONSULT")
    assert event is not None
    assert codes(event["actor"]) == {"USA"} and codes(event["recipient"]) == {"RUS"}


def test_a_subject_the_parser_cut_off_as_a_sentence_still_controls_the_participle(veille_nlp) -> None:
    # "Moscou | s'est emporté ...": two trees; "allant jusqu'à rappeler" acts for the cut-off subject
    event = find(code(veille_nlp, "Moscou s'est emporté contre Tbilissi, allant jusqu'à rappeler son ambassadeur en "
                                  "Géorgie."), "SANCTION")
    assert event is not None
    assert codes(event["actor"]) == {"RUS"} and codes(event["recipient"]) == {"GEO"}


@pytest.mark.parametrize(("text", "kind", "actor", "recipient"), [
    # people the text ties to no state but by whoever appointed or sent them
    ("Des juristes désignés par la junte guinéenne ont accusé jeudi le Sénégal d'ingérence.", "ACCUSE", "GIN", "SEN"),
    ("Des médiateurs dépêchés par l'Union africaine ont rencontré lundi le président tchadien.", "CONSULT", "AU",
     "TCD"),
    ("Ousmane Diabira, nommé par la junte guinéenne, a accusé jeudi le Sénégal d'ingérence.", "ACCUSE", "GIN", "SEN"),
])
def test_people_appointed_or_sent_by_a_party_are_its_own(veille_nlp, text, kind, actor, recipient) -> None:
    event = find(code(veille_nlp, text), kind)
    assert event is not None
    assert codes(event["actor"]) == {actor}
    assert codes(event["recipient"]) == {recipient}


def test_the_agent_of_another_participle_does_not_give_its_state(veille_nlp) -> None:
    # villagers wounded by an army are not the army's: they accuse it
    events = code(veille_nlp, "Des villageois blessés par l'armée érythréenne ont accusé jeudi le Soudan d'inaction.")
    assert find(events, "ACCUSE") is None, events
    # villagers of a state named: theirs is the side that accuses
    event = find(code(veille_nlp, "Des villageois soudanais blessés par l'armée érythréenne ont accusé jeudi "
                                  "l'Erythrée d'inaction."), "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"SDN"}, event


def test_a_description_of_the_pair_named_again_is_the_pairs(veille_nlp) -> None:
    # the title names no state of its own; its complement's complement is the pair the sentence before named
    events = code(veille_nlp, "La Mongolie et le Kazakhstan négocient un couloir ferroviaire depuis l'automne. Les "
                              "chefs de la diplomatie des deux pays ont critiqué vendredi la Russie.")
    event = find(events, "ACCUSE")
    assert event is not None
    assert codes(event["actor"]) == {"MNG", "KAZ"}
    assert codes(event["recipient"]) == {"RUS"}


def test_a_party_noun_a_first_person_possessive_owns_is_the_speakers_side(veille_nlp) -> None:
    # "notre gouvernement", "notre pays", "nos soldats": of whoever says the quote, named in its incise
    events = code(veille_nlp, "\"Notre gouvernement a condamné l'incursion du Mozambique\", a déclaré le "
                              "porte-parole malawite.")
    event = find(events, "ACCUSE", "condamné")
    assert event is not None and codes(event["actor"]) == {"MWI"} and codes(event["recipient"]) == {"MOZ"}
    events = code(veille_nlp, "\"La Bolivie a bombardé nos soldats près de la frontière\", a affirmé le ministre "
                              "paraguayen de la Défense.")
    event = find(events, "ASSAULT")
    assert event is not None and codes(event["actor"]) == {"BOL"} and codes(event["recipient"]) == {"PRY"}


def test_what_is_struck_of_the_speakers_side_is_the_speakers_side(veille_nlp) -> None:
    # "nos villages", "notre territoire": a target a first-person possessive owns is the speaker's state, named
    for text in ("\"Le Paraguay a pilonné nos villages\", a affirmé le ministre bolivien de la Défense.",
                 "\"Le Paraguay a attaqué notre territoire\", a affirmé le président bolivien."):
        event = find(code(veille_nlp, text), "ASSAULT")
        assert event is not None and codes(event["actor"]) == {"PRY"}, (text, event)
        assert codes(event["recipient"]) == {"BOL"} and event["recipient"][0]["text"], (text, event)


def test_a_first_person_possessive_outside_a_party_noun_names_no_side(veille_nlp) -> None:
    # "notre position" is no party: the clause's act has no recipient from it
    events = code(veille_nlp, "\"Nous avons défendu notre position avec fermeté\", a déclaré le ministre "
                              "malawite.")
    assert events and not any(codes(e["recipient"]) == {"MWI"} and codes(e["actor"]) == {"MWI"} for e in events)
    # "nos alliés": others, by their tie to the speaker, not the speaker's side
    events = code(veille_nlp, "\"Nos alliés ont condamné l'incursion du Mozambique\", a déclaré le porte-parole "
                              "malawite.")
    assert not any("MWI" in codes(e["actor"]) for e in events if e["trigger"] == "condamné")
    # "nous" is the speaker's side
    event = find(code(veille_nlp, "\"Nous avons condamné l'incursion du Mozambique\", a déclaré le porte-parole "
                                  "malawite."), "ACCUSE", "condamné")
    assert event is not None and codes(event["actor"]) == {"MWI"}, event


def test_the_speaker_of_an_incise_of_any_verb_after_the_quote(veille_nlp) -> None:
    # ", accuse X" (no verb of saying): X is who says "nous", and the quote's "ils" is someone else, named before
    events = code(veille_nlp, "Le Soudan a lancé une offensive lundi. \"Ils nous ont bombardés toute la nuit\", "
                              "accuse le porte-parole de l'armée tchadienne.")
    event = find(events, "ASSAULT", "bombardés")
    assert event is not None
    assert codes(event["recipient"]) == {"TCD"} and codes(event["actor"]) == {"SDN"}
    # the quote's "nous" is that speaker, named (not a side guessed from the document)
    events = code(veille_nlp, "\"Nous avons bombardé les positions soudanaises\", accuse le porte-parole de l'armée "
                              "tchadienne.")
    event = find(events, "ASSAULT", "bombardé")
    assert event is not None and codes(event["actor"]) == {"TCD"}, events
    assert [p["text"] for p in event["actor"]] == ["porte-parole de l'armée tchadienne"], events


def test_an_indefinite_reader_of_the_quote_is_no_speaker(veille_nlp) -> None:
    # ", lit-on": whoever reads the message does not say its "je"; the author named before does
    events = code(veille_nlp, "La gouverneure de Tombouctou a diffusé un message. \"J'ai demandé au ministre "
                              "malien de la Défense d'envoyer des renforts\", peut-on lire.")
    event = find(events, "REQUEST")
    assert event is not None and codes(event["actor"]) == {"MLI"}


def test_the_subject_of_a_progressive_is_the_infinitives_actor(veille_nlp) -> None:
    # "sommes en train de négocier": the parser hangs the infinitive on "train"; "nous" of the quote is its doer
    # (its sides whatever the confidence: the model, not this rule, keeps or cuts the talks)
    with features_kept(veille_nlp):
        events = code(veille_nlp, "\"Nous sommes en train de négocier avec les Paraguayens\", a expliqué le "
                                  "ministre uruguayen de l'Economie.")
    event = find(events, trigger="négocier")
    assert event is not None and codes(event["actor"]) == {"URY"} and codes(event["recipient"]) == {"PRY"}


def test_a_party_noun_owned_by_the_speaker_is_not_the_speaker_in_person(veille_nlp) -> None:
    # "notre pays" said by a minister is the minister's state: not the minister's office nor the minister's own id
    events = code(veille_nlp, "\"Notre pays a condamné l'incursion du Mozambique\", a déclaré le ministre malawite "
                              "des Affaires étrangères.")
    event = find(events, "ACCUSE", "condamné")
    assert event is not None and codes(event["actor"]) == {"MWI"}
    assert [(p["sector"], p["actor_id"]) for p in event["actor"]] == [(None, None)], event
    # a noun of its own sector keeps it ("notre gouvernement": GOV)
    events = code(veille_nlp, "\"Notre gouvernement a condamné l'incursion du Mozambique\", a déclaré le chef de "
                              "l'armée malawite.")
    event = find(events, "ACCUSE", "condamné")
    assert event is not None and [(p["code"], p["sector"]) for p in event["actor"]] == [("MWI", "GOV")], event


@pytest.mark.parametrize("text, actor, recipient", [
    ("La Colombie et l'Équateur sont convenues de rouvrir leurs consulats.", {"COL"}, {"ECU"}),
    ("Le président colombien et son homologue équatorien sont convenus jeudi de relancer le dialogue.",
     {"COL"}, {"ECU"}),
])
def test_agreed_with_etre_is_active_not_a_passive(veille_nlp, text: str, actor: set, recipient: set) -> None:
    # "être convenu de": the subject agreed (an active verb conjugated with être), it underwent nothing
    event = find(code(veille_nlp, text), "AGREE")
    assert event is not None and codes(event["actor"]) == actor and codes(event["recipient"]) == recipient, event


def _toll_sides(nlp, text: str) -> tuple[set[str], set[str], str | None]:
    from veille.explain import explain

    sentence = explain(text, nlp=nlp)["sentences"][-1]
    candidate = next(c for c in sentence["candidates"] if c["lemma"] == "victime")
    event = candidate["events"][0]
    return codes(event["actor"]), codes(event["recipient"]), event["status"]


@pytest.mark.parametrize("text", [
    "Après des accrochages avec l'armée chinoise, l'Inde a annoncé 20 victimes parmi ses soldats.",
    "L'Inde a fait état de 20 victimes dans ses rangs lors d'accrochages avec l'armée chinoise.",
])
def test_a_side_that_reports_a_toll_of_its_own_is_its_victim(veille_nlp, text: str) -> None:
    # the teller of a toll is its source, not its doer: the victims "dans ses rangs" are the teller's own, the doer
    # is the other side of the fighting
    actor, recipient, status = _toll_sides(veille_nlp, text)
    assert (actor, recipient, status) == ({"CHN"}, {"IND"}, "reported")


def test_a_side_that_makes_victims_among_others_is_their_attacker(veille_nlp) -> None:
    # "faire" reports only in "faire état de": "l'armée a fait 20 victimes" names the doer
    actor, recipient, _status = _toll_sides(
        veille_nlp, "Lors d'accrochages avec l'armée chinoise, l'armée indienne a fait 20 victimes parmi les soldats "
                    "chinois.")
    assert (actor, recipient) == ({"IND"}, {"CHN"})
