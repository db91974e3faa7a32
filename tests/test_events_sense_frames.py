"""The sense a trigger takes from what it is said of: the place or body one leaves, the means of an attack, the
target one takes aim at, the subject that is no reflexive pronoun (the sense constraints of
events/data/triggers.yaml, read by events/lexicon.py)."""

from __future__ import annotations

import pytest

from veille.events.testing import code, factual, of_type


def _sense(nlp, text: str, word: str) -> str | None:
    """The PLOVER type the lexicon gives the first token written ``word`` in ``text`` (None: no trigger)."""
    lexicon = nlp.get_pipe("veille_events").lexicon
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    entry = lexicon.match(token)
    return entry.type if entry is not None else None


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
])
def test_the_sense_a_trigger_takes_from_its_frame(veille_nlp, text: str, word: str, expected: str | None) -> None:
    assert _sense(veille_nlp, text, word) == expected


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
