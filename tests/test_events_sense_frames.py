"""The sense a trigger takes from what it is said of: the place or body one leaves, the means of an attack, the
target one takes aim at, the subject that is no reflexive pronoun (the sense constraints of
events/data/triggers.yaml, read by events/lexicon.py)."""

from __future__ import annotations

import pytest

from veille.events.testing import code, factual, of_type, trigger_type


@pytest.mark.parametrize("text, word, expected", [
    # a subject "nous" is no reflexive pronoun: hearing nothing back is no agreement
    ('"Nous n\'avons toujours pas entendu la moindre explication du préfet", a regretté la sénatrice Odile Marchal.',
     "entendu", None),
    ("Nous nous sommes entendus avec nos voisins suédois sur le calendrier.", "entendus", "AGREE"),
    # leaving a room, a guesthouse or going on holiday is no withdrawal; leaving a state or an alliance is one
    ("Ils ont quitté le gîte de Montfaucon sous la pluie après la réunion.", "quitté", None),
    ("Les douaniers sont partis en vacances samedi.", "partis", None),
    ("Le sous-préfet est parti en congé lundi.", "parti", None),
    ("Le contingent estonien a quitté la Lettonie jeudi.", "quitté", "RETREAT"),
    ("La Hongrie menace de quitter l'alliance.", "quitter", "RETREAT"),
    ("Les artilleurs estoniens sont partis de Lettonie en avril.", "partis", "RETREAT"),
    ("La brigade arménienne a quitté la ville de Vardenis lundi.", "quitté", "RETREAT"),
    # an attack in words ('sur les réseaux sociaux', 'injustement'), one by the opposition in arms stays violence
    ("Le maire de Quimper a été violemment attaqué sur les réseaux sociaux.", "attaqué", "ACCUSE"),
    ("Le chef de la chorale de Tulle a été injustement attaqué dans une lettre anonyme.", "attaqué", "ACCUSE"),
    ("Les attaques de l'opposition armée contre les casernes se sont multipliées.", "attaques", "ASSAULT"),
    # shooting into the air hits no one
    ("Un douanier a tiré en l'air près du poste frontière.", "tiré", None),
    ("Un douanier a tiré sur les passeurs près du poste frontière.", "tiré", "ASSAULT"),
    # a statue taken as a target is no one attacked; a barracks is struck
    ("Une sculpture du fondateur de la ville a été prise pour cible lundi à Gand.", "prise", None),
    ("Une caserne de la garde nationale a été prise pour cible lundi à Gand.", "prise", "ASSAULT"),
    # a state one says one is in is no emergency declared
    ('"Le quartier est en état d\'urgence depuis des mois", soupire un commerçant.', "état", None),
    ("Le gouvernement estonien a prolongé l'état d'urgence.", "état", "COERCE"),
    # ruling out opposing is going along, ruling out talks a refusal
    ("La sénatrice a exclu de s'opposer au budget de la région.", "exclu", None),
    ("Le cabinet letton a exclu toute renégociation du contrat.", "exclu", "REJECT"),
    # death found is a toll; an echo found after a death is none
    ("Deux gardes-frontières lettons ont trouvé la mort dans l'embuscade.", "trouvé", "ASSAULT"),
    ("Sa chanson a trouvé un large public après la mort du poète.", "trouvé", None),
    # a rank held on a list is no sit-in; a square held by students is one
    ("L'ancienne adjointe occupe la cinquième place de la liste centriste.", "occupe", None),
    ("Des lycéens occupent la place de la cathédrale depuis mardi.", "occupent", "PROTEST"),
    # sponsorships claimed are a tally, not a demand
    ("Les deux prétendants revendiquent chacun plus de 300 parrainages.", "revendiquent", None),
    # a publication blocked is censorship, not a refusal
    ("Le gouvernement letton a tenté de bloquer la parution du roman de l'ancien garde du corps.", "bloquer",
     "COERCE"),
    # a protest in words, the incise of a quote, is no demonstration; a crowd protesting is one
    ('"Vous déformez mes propos", a protesté le ministre letton.', "protesté", None),
    ("Des milliers de Lettons ont protesté samedi contre la réforme des retraites à Riga.", "protesté", "PROTEST"),
    # who arrests: an enforcer, a pronoun or a state named; a listener, a singer or a person named who 'interpelle'
    # someone addresses them
    ("Ivo Kalnins a été interpellé par une retraitée au marché couvert de Liepaja.", "interpellé", None),
    ("La violoniste a aussitôt interpellé Ivo Kalnins sur la fermeture du conservatoire.", "interpellé", None),
    ("Andris Berzins a interpellé Ivo Kalnins sur le budget des écoles.", "interpellé", None),
    ("Ivo Kalnins a été interpellé par les douaniers au port de Liepaja.", "interpellé", "COERCE"),
    ("Ivo Kalnins a été interpellé mardi à Liepaja pour outrage.", "interpellé", "COERCE"),
    ("Les gendarmes ont interpellé deux hommes près du poste de Valga.", "interpellé", "COERCE"),
    ("Ils ont interpellé trois militants devant la mairie de Valga.", "interpellé", "COERCE"),
    ("La Lettonie a interpellé trois militants devant la mairie de Valga.", "interpellé", "COERCE"),
    # a delay, a setback or a blow one shows is no one accused; a party accused is
    ("Le tramway de Daugavpils accuse un retard de trois ans.", "accuse", None),
    ("Le secteur forestier letton accuse un recul de 9 % de ses ventes.", "accuse", None),
    ("Après sa défaite aux municipales, le parti des fermiers a accusé le coup.", "accusé", None),
    ("Le ministre letton accuse l'opposition de saboter le budget.", "accuse", "ACCUSE"),
    # minds struck are no one attacked; positions struck are
    ("Cette photo du port inondé a frappé les esprits des habitants de Liepaja.", "frappé", None),
    ("L'aviation a frappé des positions rebelles au nord de la ville.", "frappé", "ASSAULT"),
    ("Le gouvernement letton cible la hausse des loyers dans les grandes villes.", "cible", None),
    # a thesis upheld is a claim argued, a reform upheld a party's support
    ("Le sénateur letton soutient la thèse d'un incendie volontaire.", "soutient", None),
    ("Le sénateur letton soutient la réforme des retraites.", "soutient", "SUPPORT"),
    # a state of affairs or a drought asks and threatens no one; a union demands, a minister threatens
    ("La situation exige des moyens supplémentaires pour les hôpitaux de Tartu.", "exige", None),
    ("La sécheresse menace les récoltes de blé dans le sud de l'Estonie.", "menace", None),
    ("Les syndicats estoniens exigent une hausse des salaires.", "exigent", "REQUEST"),
    ("Le ministre estonien de la Défense menace les passeurs de poursuites.", "menace", "THREATEN"),
    # stopping doing something, a save or a career stopped are no arrest; an arrest is made by those who hold power
    # or arms, or left unsaid
    ("Le maire de Valga a arrêté de fumer l'an dernier.", "arrêté", None),
    ("Le gardien estonien a arrêté le penalty à la dernière minute.", "arrêté", None),
    ("Marc Dubois a arrêté la politique en 2019.", "arrêté", None),
    ("Le régime a arrêté le chef du parti agrarien à Tachkent.", "arrêté", "COERCE"),
    ("Les talibans ont arrêté un ancien ministre à Kaboul.", "arrêté", "COERCE"),
    ("Le chef du parti agrarien a été arrêté lundi à Tachkent.", "arrêté", "COERCE"),
    # a team or a group arrests only as a group of enforcers (`group_nouns`): not a candidate's team stopping an ad
    ("L'équipe du président colombien a arrêté la campagne publicitaire.", "arrêté", None),
    ("Les équipes de la gendarmerie ont arrêté deux militants à Rennes.", "arrêté", "COERCE"),
    # a landlord putting tenants out deports no one; a state does
    ("Le propriétaire a expulsé ses locataires en plein hiver.", "expulsé", None),
    ("La Biélorussie a expulsé deux journalistes polonais.", "expulsé", "COERCE"),
    # a moment captured is no one taken
    ("Le photographe a capturé l'instant où la ministre quittait la salle.", "capturé", None),
    ("Les rebelles ont capturé trois soldats près de Goma.", "capturé", "COERCE"),
    # with or without one's consent is no deal made; a deal between two parties is one
    ("Le sous-préfet a fermé la route de Valga avec l'accord du ministre letton.", "accord", None),
    ("Le ministère letton a agi sans l'accord du Parlement.", "accord", None),
    ("Le chantier a franchi une étape avec un accord entre la Lettonie et la Commission européenne.", "accord",
     "AGREE"),
    ("La Lettonie et l'Estonie ont annoncé un accord sur la frontière.", "accord", "AGREE"),
    # the signatures a petition gathers are no treaty signed
    ("La motion a recueilli la signature de trente députés lettons.", "signature", None),
    ("Riga et Vilnius ont annoncé la signature d'un traité.", "signature", "AGREE"),
    # a post taken or bargained for is no deal between parties; a proposal accepted, a deal negotiated are
    ("Le maire de Valga a accepté le ministère de l'Agriculture.", "accepté", None),
    ("Le maire de Valga a âprement négocié son portefeuille.", "négocié", None),
    ("La Lettonie a accepté la proposition de la Lituanie.", "accepté", "AGREE"),
    ("Le gouvernement letton a négocié un accord avec les syndicats.", "négocié", "AGREE"),
    # a party's own law described as a shield blames no one; an operation described as a provocation is blamed
    ("Cette loi, décrite par Riga comme un bouclier au-dessus de ses voisins, a été votée en juin.", "décrite", None),
    ("Le ministre letton a décrit l'opération comme une provocation.", "décrit", "ACCUSE"),
    # a vote's outcome feared is a danger, no threat made; a party's threats are
    ("La campagne démocrate est tournée vers la menace d'une réélection du président letton.", "menace", None),
    ("Les menaces du président letton interviennent dans un contexte de vives tensions avec Moscou.", "menaces",
     "THREATEN"),
    # refusing to comment is keeping silent; refusing to hand a list over or to receive an envoy is a rejection
    ("Interrogé sur le suspect, le ministre letton a refusé de commenter son identité.", "refusé", None),
    ("Le ministre letton a refusé de communiquer la liste des détenus à Moscou.", "refusé", "REJECT"),
    ("Le ministre letton a refusé de recevoir l'ambassadeur russe.", "refusé", "REJECT"),
    # sides that face each other in a debate fight no one; soldiers who face each other with stones do
    ("Les partisans et les adversaires du traité se sont affrontés dans un débat houleux à Riga.", "affrontés", None),
    ("Des soldats lettons et russes se sont affrontés à coups de pierres près de la frontière.", "affrontés",
     "ASSAULT"),
    # a contest that only dates the clash ("au lendemain du scrutin", "en marge du match") is not what they face
    # each other in: a fight
    ("Des manifestants se sont affrontés à la police lettone au lendemain du scrutin à Riga.", "affrontés",
     "ASSAULT"),
    ("Des militants lettons et russes se sont affrontés en marge du débat à Riga.", "affrontés", "ASSAULT"),
    # ('lors d'un débat': the adverb the parser reads in place of a preposition is no noun of its own)
    ("Le président letton et son rival se sont affrontés lors d'un débat télévisé à Riga.", "affrontés", None),
])
def test_the_sense_a_trigger_takes_from_its_frame(veille_nlp, text: str, word: str, expected: str | None) -> None:
    assert trigger_type(veille_nlp, text, word) == expected


def test_an_attack_on_social_media_is_coded_as_an_accusation(veille_nlp) -> None:
    events = code(veille_nlp, "Attaquée sur les réseaux sociaux par le parti de Zoltan Varga, la ministre hongroise "
                              "de la Culture a répondu mardi.")
    assert not factual(events, "ASSAULT"), events
    assert of_type(events, "ACCUSE"), events


def test_an_act_ruled_out_has_not_happened(veille_nlp) -> None:
    # ruling out opposing is no refusal, and the opposition it rules out did not happen
    events = code(veille_nlp, "Le cabinet estonien a exclu de s'opposer à la directive de Bruxelles.")
    assert not factual(events, "REJECT"), events
    kept = code(veille_nlp, "Le ministre estonien a exclu de recevoir les dirigeants biélorusses.")
    assert factual(kept, "REJECT"), kept


def test_an_object_past_a_clause_of_its_own_is_not_the_verbs(veille_nlp) -> None:
    """An object excluded by an entry (`not_obj`) counts only in the verb's own clause: a noun past a finite verb
    with its own subject, which the parser may hang on the trigger, is that clause's."""
    from veille.events.lexicon import _beyond_clause

    doc = veille_nlp("Les élus de Tartu accusent le préfet, qui promet pourtant la baisse des loyers.")
    verb = next(t for t in doc if t.text == "accusent")
    assert not _beyond_clause(verb, next(t for t in doc if t.text == "préfet"))
    assert _beyond_clause(verb, next(t for t in doc if t.text == "baisse"))


@pytest.mark.parametrize("text, word, expected", [
    # a plea for a course of action is an appeal (REQUEST), not an endorsement; court pleading and the verb of a
    # quote's incise are no plea of the kind
    ("La ministre chilienne a plaidé pour une reprise des pourparlers avec la Bolivie.", "plaidé", "REQUEST"),
    ("Le sénateur uruguayen plaide en faveur d'une trêve commerciale avec l'Argentine.", "plaide", "REQUEST"),
    ("La gouverneure de Salta plaide pour abaisser les droits de douane avec la Bolivie.", "plaide", "REQUEST"),
    ("La gouverneure de Salta plaide pour que la Bolivie rouvre le col.", "plaide", "REQUEST"),
    ("Le maire de Tarija a plaidé la cause des transporteurs auprès du gouvernement.", "plaidé", "REQUEST"),
    ('"Nos pêcheurs ne sont pas responsables", a plaidé le gouverneur de Valparaiso.', "plaidé", None),
    ("Le docker de Valparaiso a plaidé coupable devant le tribunal.", "plaidé", None),
    # what one reaffirms is support only when it supports a party or a cause; one's innocence is none, and a stance a
    # trigger names is that trigger's (the verb takes no type of its own)
    ("Le président péruvien a réaffirmé son soutien à l'Équateur.", "réaffirmé", "SUPPORT"),
    ("Le Chili a réaffirmé l'intégrité territoriale de la Bolivie.", "réaffirmé", "SUPPORT"),
    ("L'ancien gouverneur de Cusco a réaffirmé son innocence devant les enquêteurs.", "réaffirmé", None),
    ("Le ministre péruvien a réaffirmé son opposition au projet de barrage bolivien.", "réaffirmé", "REJECT"),
    # signing a petition, a motion or an op-ed is taking a side, not an agreement; signing a treaty is one
    ("Trente conseillers municipaux de Rosario ont signé la pétition contre le péage.", "signé", None),
    ("Le député de Mendoza a signé la motion de censure.", "signé", None),
    ("Le Paraguay et l'Uruguay ont signé un traité sur le fleuve.", "signé", "AGREE"),
    # a person, a state or a title called with nothing asked of them, or on the phone, is a call (CONSULT); called to
    # something ("à rouvrir", "au calme", wherever the parser hangs it), a demand
    ("La présidente chilienne a appelé Tomás Aguirre au téléphone mardi.", "appelé", "CONSULT"),
    ("La présidente chilienne a appelé son homologue argentin mardi soir.", "appelé", "CONSULT"),
    ("La sénatrice Lucía Ferreyra a appelé Tomás Aguirre pour évoquer la sécheresse.", "appelé", "CONSULT"),
    ("La présidente chilienne a appelé son homologue argentin au calme.", "appelé", "REQUEST"),
    ("Santiago a publié un communiqué appelant le gouvernement argentin à rouvrir le col.", "appelant", "REQUEST"),
    ("La présidente chilienne a appelé son homologue argentin à rouvrir le col.", "appelé", "REQUEST"),
    ("La présidente chilienne a appelé l'Argentine à rouvrir le col.", "appelé", "REQUEST"),
    # 'faire' lays the blame on another only with the infinitive of bearing it, not showing or choosing it
    ("La doyenne du conseil a fait preuve de responsabilité pendant la crise du port.", "fait", None),
    ("Le trésorier a fait un choix en responsabilité pour la coopérative.", "fait", None),
    ("Le maire de Dinan a fait appel à la responsabilité des riverains.", "fait", None),
    # a single 'combat' that a training or a skill governs is no fighting; the plural and a battle told stay fighting
    ("Les recrues togolaises réclament une formation au combat.", "combat", None),
    ("Le capitaine vante son expérience du combat en montagne.", "combat", None),
    ("Un entraînement au combat a réuni deux cents cadets à Tarbes.", "combat", None),
    ("Les combats ont repris à l'aube près de la frontière.", "combats", "ASSAULT"),
    ("Le combat a duré toute la nuit entre les miliciens et l'armée.", "combat", "ASSAULT"),
    # a text of one side signed, also as its draft or through its participle, is no agreement; a treaty's draft is one
    ("La sénatrice Nadia Ferrand a signé le projet de motion contre le budget.", "signé", None),
    ("Une motion signée par trente conseillers vise le maire de Brest.", "signée", None),
    ("Le Chili et la Bolivie ont signé le projet d'accord sur le fleuve.", "signé", "AGREE"),
    # a vote of no confidence is no censorship; gagging the press is
    ("Les centristes ont déposé une motion de censure contre le cabinet.", "censure", None),
    ("Les frondeurs voulaient censurer le gouvernement estonien.", "censurer", None),
    ("Le régime birman a renforcé la censure des journaux.", "censure", "COERCE"),
    ("La junte a censuré trois radios de l'opposition.", "censuré", "COERCE"),
    # words or a line-up handed over are no delivery; goods are
    ("Le directeur de cabinet a livré un gouvernement resserré jeudi soir.", "livré", None),
    ("La maire de Rodez a livré des commentaires amers sur le scrutin.", "livré", None),
    ("Le Paraguay a livré du maïs à l'Uruguay.", "livré", "COOPERATE"),
])
def test_the_frame_of_the_verb_decides_its_type(veille_nlp, text: str, word: str, expected: str | None) -> None:
    assert trigger_type(veille_nlp, text, word) == expected


@pytest.mark.parametrize("text", [
    "La ministre norvégienne a réitéré son opposition au tracé du gazoduc danois.",
    "Le premier ministre slovène a réaffirmé son opposition à la réforme croate des quotas.",
])
def test_a_stance_restated_is_no_party_of_its_own(veille_nlp, text: str) -> None:
    """A verb whose type is its object noun's ("réitérer son opposition à"): that noun is the act, not the opposition
    of the speaker's state addressed."""
    events = factual(code(veille_nlp, text), "REJECT")
    assert events, events
    assert all("opposition" not in (p.get("text") or "") for e in events for p in e["recipient"]), events


@pytest.mark.parametrize("text, expected", [
    # a party's attribute reaffirmed is support of that party; one's own ("sa souveraineté sur ...") is a claim
    ("Le gouvernement islandais a réaffirmé sa souveraineté sur les eaux de pêche contestées.", None),
    ("Le Portugal a réaffirmé son unité face aux séparatistes.", None),
    ("Le gouvernement islandais a réaffirmé l'indépendance de la Norvège.", "SUPPORT"),
])
def test_an_attribute_reaffirmed_is_support_of_its_owner_only(veille_nlp, text: str, expected: str | None) -> None:
    assert trigger_type(veille_nlp, text, "réaffirmé") == expected


def test_blame_laid_on_another_by_faire_porter_stays_an_accusation(veille_nlp) -> None:
    laid = code(veille_nlp, "Le gouvernement slovaque a fait porter la responsabilité du naufrage à la Hongrie.")
    assert of_type(laid, "ACCUSE"), laid


@pytest.mark.parametrize("text, expected", [
    # a hostile act promised is a threat made (PLOVER's AGREE promises cooperation)
    ("La ministre estonienne a promis d'expulser les diplomates biélorusses.", "THREATEN"),
    ("L'Union africaine s'est engagée à sanctionner le Burundi.", "THREATEN"),
    # cooperation promised stays an agreement
    ("Le Sénégal s'est engagé à soutenir la Gambie.", "AGREE"),
    ("Le Portugal a promis de recevoir le chef de la diplomatie angolaise.", "AGREE"),
    # a promise not to do the hostile act is no threat
    ("La ministre estonienne a promis de ne pas expulser les diplomates biélorusses.", "AGREE"),
])
def test_what_is_promised_decides_between_threat_and_agreement(veille_nlp, text: str, expected: str) -> None:
    promised = code(veille_nlp, text)
    assert [event["type"] for event in factual(promised)] == [expected], promised


@pytest.mark.parametrize("text", [
    "Le ministre chilien a été pris pour cible par le ministère argentin de l'Économie.",
    "Le ministre chilien a été pris pour cible par les critiques de l'opposition argentine.",
    "Les tweets de l'opposition argentine ont ciblé le ministre chilien.",
])
def test_a_target_taken_by_words_a_policy_or_a_ministry_is_no_violence(veille_nlp, text: str) -> None:
    assert not [e for e in code(veille_nlp, text) if e["type"] == "ASSAULT"], text


def test_a_target_taken_by_armed_men_is_still_violence(veille_nlp) -> None:
    events = code(veille_nlp, "Des soldats chiliens ont été pris pour cible par des rebelles argentins.")
    assert [e for e in events if e["type"] == "ASSAULT"], events
