"""Triggers read in another sense, or of another PLOVER type, told apart by the words around them (the sense
constraints of events/data/triggers.yaml: what the object or the words near the trigger must or must not be)."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, features_kept, of_type


@pytest.mark.parametrize("text, actor, recipient", [
    ("La Turquie apporte un soutien logistique à la Libye.", "TUR", "LBY"),
    ("Le soutien militaire de la Russie a permis au régime syrien de reprendre Alep.", "RUS", "SYR"),
])
def test_material_support_is_aid_not_endorsement(veille_nlp, text: str, actor: str, recipient: str) -> None:
    events = code(veille_nlp, text)
    aid = of_type(events, "AID")
    assert aid and codes(aid[0]["actor"]) == {actor} and recipient in codes(aid[0]["recipient"]), events
    assert not of_type(events, "SUPPORT"), events


def test_support_given_in_words_stays_support(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre grec a apporté son soutien à Chypre.")
    assert of_type(events, "SUPPORT") and not of_type(events, "AID"), events


# one trigger in two senses: the type it codes in each, and the type it must not code there (None: no check)
TWO_SENSES = [
    # a promised punishment is a threat, a promised aid an agreement
    ("Le ministre de l'Intérieur allemand a promis de lourdes sanctions contre les émeutiers.", "THREATEN", "AGREE"),
    ("Le président turc a promis une aide à l'Azerbaïdjan.", "AGREE", "THREATEN"),
    # a deed claimed is no demand, a raise claimed is one
    ("L'armée française a revendiqué la neutralisation de dizaines de jihadistes au Mali.", None, "REQUEST"),
    ("Les syndicats algériens revendiquent une hausse des salaires.", "REQUEST", None),
    # what one claims to be is no demand either
    ("Le gouvernement portugais, qui se revendique écologiste, a présenté mardi son budget.", None, "REQUEST"),
    # a march blocked is force, a bill blocked a rejection
    ("La police biélorusse a bloqué le défilé des opposants à Minsk.", "COERCE", "REJECT"),
    ("Le Sénat américain a bloqué le projet de loi des démocrates.", "REJECT", None),
]


@pytest.mark.parametrize("text, coded, not_coded", TWO_SENSES)
def test_one_trigger_two_senses(veille_nlp, text: str, coded: str | None, not_coded: str | None) -> None:
    events = code(veille_nlp, text)
    assert coded is None or of_type(events, coded), events
    assert not_coded is None or not of_type(events, not_coded), events


def test_blame_laid_on_another_is_an_accusation(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre iranien a rejeté sur Washington la responsabilité de l'échec des "
                              "négociations.")
    accusations = of_type(events, "ACCUSE")
    assert accusations and codes(accusations[0]["actor"]) == {"IRN"}, events
    assert "USA" in codes(accusations[0]["recipient"]) and not of_type(events, "REJECT"), events


@pytest.mark.parametrize("text, event_type", [
    # a speech or a visit brought to an end, no deal concluded
    ("Le chef du gouvernement britannique a conclu son discours par un appel au calme.", "AGREE"),
    ("Le ministre allemand a conclu sa visite à Paris.", "AGREE"),
    # court work
    ("Le terroriste australien a plaidé coupable devant la justice néo-zélandaise.", "REQUEST"),
    ("L'avocat du sénateur américain a plaidé que son client avait joué le jeu.", "REQUEST"),
    # calls for tenders and emergency calls
    ("Selon le syndicat, les policiers français ne répondront plus qu'aux appels d'urgence.", "REQUEST"),
    # a police roadblock, a hypothesis ruled out, a square left, a step back, care sent
    ("La voiture a été arrêtée par un barrage de la police espagnole.", "PROTEST"),
    ("La police allemande a exclu toute motivation politique.", "REJECT"),
    ("La police biélorusse a empêché les manifestants de quitter la place.", "RETREAT"),
    ("Astreinte à un devoir de réserve, la ministre française s'était mise en retrait de la campagne.", "RETREAT"),
    ("La ministre française des Outre-mer a annoncé l'arrivée de renforts de la réserve sanitaire et de "
     "respirateurs.", "MOBILIZE"),
    # worry for oneself, fires deplored
    ("Le président français s'inquiète pour son avenir politique.", "ACCUSE"),
    ("Le président américain a déploré une série d'incendies en Californie.", "ACCUSE"),
])
def test_other_senses_are_no_event_of_the_type(veille_nlp, text: str, event_type: str) -> None:
    events = code(veille_nlp, text)
    assert not of_type(events, event_type), events


@pytest.mark.parametrize("text, event_type", [
    ("La Russie et la Turquie ont conclu un accord sur la Syrie.", "AGREE"),
    ("Le ministre français a plaidé pour un rapprochement avec l'Allemagne.", "REQUEST"),
    ("Le gouvernement britannique a exclu toute renégociation de l'accord.", "REJECT"),
    ("Le calme n'est revenu qu'après l'arrivée de renforts de police allemands.", "MOBILIZE"),
])
def test_the_political_sense_stays_an_event(veille_nlp, text: str, event_type: str) -> None:
    events = code(veille_nlp, text)
    assert of_type(events, event_type), events


def test_a_resignation_is_a_retreat_by_the_one_who_resigns(veille_nlp) -> None:
    # PLOVER: RETREAT "also covers resignations of government officials" (mode resign), not CONCEDE
    events = code(veille_nlp, "Les ministres maliens de la Justice et de la Défense ont présenté lundi leur démission.")
    assert of_type(events, "RETREAT") and not of_type(events, "CONCEDE"), events
    retreat = of_type(events, "RETREAT")[0]
    assert retreat["mode"] == "resign" and codes(retreat["actor"]) == {"MLI"}, events


def test_a_crackdown_promised_is_a_threat(veille_nlp) -> None:
    events = code(veille_nlp, "Le Hamas a promis de réprimer toute manifestation à Gaza.")
    assert of_type(events, "THREATEN") and not of_type(events, "AGREE"), events


@pytest.mark.parametrize("text, event_type", [
    # a text, a plan or an operation provides, requires or employs: no one acts through it (entries' not_subj)
    ("Le plan de paix américain propose de faire de la vieille ville une zone internationale.", "AGREE"),
    ("L'opération Barkhane mobilise 5.000 soldats français au Sahel.", "MOBILIZE"),
    # prices offered, days off: commerce and leisure (class wares, refl)
    ("La Bulgarie propose des prix deux fois moins élevés que la France.", "AGREE"),
    ("Le ministre français s'est offert quelques jours de repos dans les Pyrénées.", "AGREE"),
    # what poverty or a virus does is no one's attack, as the noun a participle hangs on (not_subj non_agent)
    ("La guerre a ruiné le pays, la pauvreté frappant désormais la majorité des Yéménites.", "ASSAULT"),
    ("Le conflit a ruiné l'économie du pays, l'extrême pauvreté frappant la grande majorité des Afghans.", "ASSAULT"),
    # a reputation destroyed is no violence (détruire's target)
    ("Le président brésilien a voulu détruire la réputation de son rival.", "ASSAULT"),
    # a supporter named beside a name is a role, no act (role_noun)
    ("Le député de Lyon, soutien de la première heure du président Macron, a été entendu par les juges.", "SUPPORT"),
    ("Le maire de Nice, fidèle soutien du chef de l'Etat, a été réélu dimanche.", "SUPPORT"),
])
def test_the_subject_object_or_place_of_a_trigger_makes_it_no_event(veille_nlp, text: str, event_type: str) -> None:
    events = code(veille_nlp, text)
    assert not of_type(events, event_type), events


@pytest.mark.parametrize("text, event_type", [
    ("Le président américain propose de faire de la vieille ville une zone internationale.", "AGREE"),
    ("Le Mali a mobilisé 5.000 soldats à la frontière nigérienne.", "MOBILIZE"),
    ("Le Kremlin accuse Kiev de bombarder des civils dans le Donbass.", "ACCUSE"),
    ("L'armée russe a détruit quatre chars ukrainiens près de Kharkiv.", "ASSAULT"),
    # a time set before the object is not the object ('la semaine dernière')
    ("La Corée du Nord a détruit la semaine dernière le bureau de liaison intercoréen.", "ASSAULT"),
    # the one a law obliges to ask is the one who asks, not the law
    ("La loi oblige le gouvernement britannique à demander un nouveau report du Brexit à Bruxelles.", "REQUEST"),
    ("Le ministre grec a exprimé, au nom du gouvernement, son soutien au peuple chypriote.", "SUPPORT"),
])
def test_with_an_actor_doing_it_the_act_stays(veille_nlp, text: str, event_type: str) -> None:
    events = code(veille_nlp, text)
    assert of_type(events, event_type), events


def test_an_act_a_right_allows_is_not_done(veille_nlp) -> None:
    # an infinitive under a noun of right or capacity (grammar class capacity_nouns): what may be done
    with features_kept(veille_nlp):
        events = code(veille_nlp, "A Hong Kong, les étudiants ont obtenu le droit de manifester devant le Parlement.")
    protests = of_type(events, "PROTEST")
    assert protests and all(e["status"] == "hypothetical" for e in protests), events
    events = code(veille_nlp, "Des milliers de Turcs ont manifesté samedi à Istanbul contre le gouvernement.")
    assert [e for e in of_type(events, "PROTEST") if e["status"] == "asserted"], events


@pytest.mark.parametrize("text, actor, recipient", [
    ("Le Kremlin a mis en garde Kiev contre toute nouvelle offensive dans le Donbass.", "RUS", "UKR"),
    ("Le ministre russe a mis en garde mardi la Géorgie contre l'offensive qu'elle prépare en Abkhazie.", "RUS", "GEO"),
    ("Washington a averti Pékin contre toute invasion de Taïwan.", "USA", "CHN"),
])
def test_a_warning_against_an_act_is_a_threat(veille_nlp, text: str, actor: str, recipient: str) -> None:
    threats = of_type(code(veille_nlp, text), "THREATEN")
    assert threats and codes(threats[-1]["actor"]) == {actor} and recipient in codes(threats[-1]["recipient"]), threats
    assert threats[-1]["mode"] is None, threats  # what the warning holds in store is not said: no mode


@pytest.mark.parametrize("text", [
    "La Maison Blanche a mis en garde contre les dangers d'une victoire des démocrates.",
    "Le chancelier allemand Olaf Scholz a mis en garde contre la tentation du repli national.",
    "« Les vacances ne doivent pas faire oublier les gestes barrières », a mis en garde le ministre français de la "
    "Santé, Olivier Véran.",
    "Le président Emmanuel Macron a mis en garde ses ministres: « Il ne faut pas céder à la panique ».",
    # dangers and generic nouns are no act one side does to another; nor is an act a danger's complement
    "Le ministre français de l'Intérieur a mis en garde contre la menace d'attentats islamistes.",
    "Washington a mis en garde contre le recours à la force en mer de Chine.",
    "Berlin a mis en garde contre les risques d'une escalade au Proche-Orient.",
])
def test_a_warning_of_a_danger_or_a_quote_is_advice_no_threat(veille_nlp, text: str) -> None:
    with features_kept(veille_nlp):
        events = code(veille_nlp, text)
    assert not of_type(events, "THREATEN"), events


@pytest.mark.parametrize("text", [
    "Ces sanctions, qui frappent le secteur pétrolier iranien, ont été renforcées lundi par Washington.",
    "Les nouvelles taxes américaines frappent durement les exportateurs chinois, a déploré Pékin.",
])
def test_a_measure_that_strikes_is_a_figure_of_speech(veille_nlp, text: str) -> None:
    with features_kept(veille_nlp):
        events = code(veille_nlp, text)
    assert not of_type(events, "ASSAULT"), events


def test_an_army_that_strikes_still_attacks(veille_nlp) -> None:
    events = code(veille_nlp, "L'armée israélienne a frappé des positions du Hezbollah au Liban sud.")
    assert of_type(events, "ASSAULT"), events


@pytest.mark.parametrize("text", [
    # means, efforts and everything spent on a task, by a government or a diplomacy
    "Les moyens déployés par le gouvernement péruvien contre les incendies sont insuffisants, estime l'opposition.",
    "Le gouvernement péruvien a déployé des moyens considérables pour reconstruire la ville.",
    "Malgré les efforts déployés par la diplomatie suédoise, le journaliste reste détenu en Erythrée.",
    "Le ministre a promis que tout serait déployé par l'Etat bolivien pour retrouver les disparus.",
    # a banner unfurled
    "Les manifestants ont déployé une immense banderole devant le parlement hongrois.",
])
def test_means_and_efforts_deployed_are_no_mobilisation(veille_nlp, text: str) -> None:
    with features_kept(veille_nlp):  # every event the grammar finds, whatever its confidence
        events = code(veille_nlp, text)
    assert not [e for e in events if e["trigger"].startswith("déploy")], events


@pytest.mark.parametrize("text", [
    "La Turquie a déployé mercredi 2 000 soldats à la frontière syrienne.",
    # means the police or troops deploy, and means of war, are forces
    "La police kényane a déployé d'importants moyens à Nairobi avant la manifestation de l'opposition.",
    "D'importants moyens militaires ont été déployés mardi à la frontière par l'armée péruvienne.",
])
def test_forces_deployed_are_a_mobilisation(veille_nlp, text: str) -> None:
    with features_kept(veille_nlp):
        assert of_type(code(veille_nlp, text), "MOBILIZE")
