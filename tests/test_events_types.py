"""One sentence per PLOVER event type the French lexicon maps (real model, real linker)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from veille.datafile import DataFileError
from veille.events.lexicon import Lexicon
from veille.events.testing import code, codes, find, of_type
from veille.model.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()
score = VOCABULARY.score

CASES = [
    ("AGREE", "La Turquie a signé un accord de coopération avec la Suède.", {"TUR"}, {"SWE"}),
    ("CONSULT", "Vladimir Poutine a rencontré Recep Tayyip Erdogan à Sotchi.", {"RUS"}, {"TUR"}),
    ("SUPPORT", "Vladimir Poutine a remercié Recep Tayyip Erdogan pour son aide.", {"RUS"}, {"TUR"}),
    ("CONCEDE", "La Turquie a annoncé la levée de son veto à l'adhésion de la Suède.", {"TUR"}, None),
    ("COOPERATE", "En 2021, le Kazakhstan a acquis des drones auprès de la Turquie.", {"KAZ"}, {"TUR"}),
    ("AID", "L'Arménie a envoyé cent soldats au Kazakhstan.", {"ARM"}, {"KAZ"}),
    ("RETREAT", "Les troupes de l'OTSC ont commencé à quitter le Kazakhstan.", {"CSTO"}, {"KAZ"}),
    ("REQUEST", "Le président kazakh a demandé à l'OTSC d'intervenir.", {"KAZ"}, {"CSTO"}),
    ("ACCUSE", "Ankara accusait la Suède et la Finlande d'abriter des terroristes.", {"TUR"}, {"SWE", "FIN"}),
    ("REJECT", "La Russie a rejeté la demande de l'Ukraine.", {"RUS"}, None),
    ("THREATEN", "La Turquie menace la Syrie d'une nouvelle offensive.", {"TUR"}, {"SYR"}),
    ("PROTEST", "À Almaty, des milliers de manifestants ont manifesté contre le gouvernement kazakh.", {"KAZ"},
     None),
    ("SANCTION", "L'Union européenne a imposé des sanctions à la Russie.", {"EU"}, {"RUS"}),
    ("MOBILIZE", "La Russie a massé des troupes près de la frontière ukrainienne.", {"RUS"}, None),
    ("COERCE", "La police kazakhe a arrêté 7 939 personnes à Almaty.", {"KAZ"}, {"KAZ"}),
    ("ASSAULT", "L'armée azerbaïdjanaise a bombardé des positions arméniennes.", {"AZE"}, {"ARM"}),
]


@pytest.mark.parametrize(("event_type", "text", "actor", "recipient"), CASES, ids=[c[0] for c in CASES])
def test_type_family(veille_nlp, event_type: str, text: str, actor: set, recipient: set | None) -> None:
    events = of_type(code(veille_nlp, text), event_type)
    assert events, code(veille_nlp, text)
    event = events[0]
    assert event["status"] in ("asserted", "reported")
    assert actor <= codes(event["actor"])
    if recipient is not None:
        assert recipient <= codes(event["recipient"])
    assert event["score"] == score(event_type, event["mode"])
    assert 0 < event["confidence"] <= 1


def test_every_type_is_in_the_lexicon() -> None:
    lexicon = Lexicon.load()
    found = {entry.type for entries in lexicon.entries.values() for entry in entries}
    assert found == set(VOCABULARY.types)
    assert sum(len(v) for v in lexicon.entries.values()) >= 300


def test_scores_follow_the_manual() -> None:
    assert score("AID", None) == 10 and score("ASSAULT", None) == -9 and score("COERCE", "arrest") == -7
    assert score("AID", "troops") == 10  # a mode veille uses that the manual does not score: the type's
    assert score("CONSULT", "phone") == 1.5
    assert score("RETREAT", None) == 6.5
    assert score("REQUEST", "no-such-mode") == 0


def test_user_lexicon_extends_the_packaged_one(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("types:\n  PROTEST:\n    - {lemma: charivari, pos: NOUN, mode: demo}\n", "utf-8")
    lexicon = Lexicon.load([extra])
    assert [e.type for e in lexicon.entries["charivari"]] == ["PROTEST"]
    assert "manifestation" in lexicon.entries


@pytest.mark.parametrize(("entry", "line", "message"), [
    ("{lemma: charivari, pos: NOUN, mdoe: demo}", 4, "types.PROTEST.1.mdoe: unknown key 'mdoe'"),
    ("{lemma: charivari, pos: NOUN, mode: dmeo}", 4, "types.PROTEST.1.mode: unknown mode 'dmeo' of PROTEST"),
    ("{lemma: charivari, de: actr}", 4, "types.PROTEST.1.de: unknown role 'actr'"),
    ("{lemma: charivari, poss: patient}", 4, "types.PROTEST.1.poss: unknown role 'patient'"),
    ("{lemma: charivari, gender: Neut}", 4, "types.PROTEST.1.gender: unknown gender 'Neut'"),
    ("{pos: NOUN}", 4, "types.PROTEST.1: missing key 'lemma'"),
])
def test_a_misspelt_trigger_entry_is_an_error_naming_file_and_line(tmp_path, entry: str, line: int,
                                                                    message: str) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(f"types:\n  PROTEST:\n    - {{lemma: tintamarre}}\n    - {entry}\n", "utf-8")
    with pytest.raises(DataFileError) as caught:
        Lexicon.load([extra])
    assert str(caught.value).startswith(f"{extra}, line {line}: {message}")


@pytest.mark.parametrize(("entry", "message"), [
    ("{lemma: encercler, obj: [$troupes]}", "types.ASSAULT.0.obj: unknown class 'troupes'"),
    ("{lemma: encercler, obj: [troops, otage]}", "types.ASSAULT.0.obj: 'troops' names a class: write $troops"),
    ("{lemma: encercler, not_subj: places}", "types.ASSAULT.0.not_subj: 'places' names a class: write $places"),
])
def test_a_class_in_a_word_list_is_marked_and_known(tmp_path, entry: str, message: str) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(f"types:\n  ASSAULT:\n    - {entry}\n", "utf-8")
    with pytest.raises(DataFileError) as caught:
        Lexicon.load([extra])
    assert str(caught.value).startswith(f"{extra}, line 3: {message}"), caught.value


def test_a_word_list_names_its_classes_and_its_words(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    # "police" is a word of class police: written bare, the word alone; "$police" is the whole class
    extra.write_text("classes:\n  escorts: [Escorte, CRS]\ntypes:\n  ASSAULT:\n"
                     "    - {lemma: ceinturer, obj: [$troops, otage]}\n"
                     "    - {lemma: houspiller, obj: [police, $escorts]}\n"
                     "    - {lemma: talonner, obj: $police}\n", "utf-8")
    lexicon = Lexicon.load([extra])
    classes = lexicon.classes
    assert lexicon.entries["ceinturer"][0].obj == classes["troops"] | {"otage"}
    assert lexicon.entries["houspiller"][0].obj == {"police", "escorte", "crs"}  # matched on lower-cased lemmas
    assert lexicon.entries["talonner"][0].obj == classes["police"] > {"police", "crs"}


def test_the_shipped_word_lists_name_the_classes_they_meant() -> None:
    # a word that is also a class's name was the class, silently; the lists that spell out their words mean the word
    entries = Lexicon.load().entries
    cesser = next(e for e in entries["cesser"] if e.obj)
    assert "violence" in cesser.obj and "militaire" not in cesser.obj
    imposer = next(e for e in entries["imposer"] if e.type == "SANCTION")
    assert {"embargo", "sanction", "blocus"} <= imposer.obj and "mesure" not in imposer.obj
    assert "mesure" not in next(e for e in entries["lever"] if e.type == "CONCEDE").obj
    assert "soldat" in next(e for e in entries["retirer"] if e.type == "RETREAT").obj


def test_an_unknown_type_or_file_key_in_a_trigger_file_is_an_error(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("classes:\n  troops: [milicien]\ntypes:\n  PROTESTS:\n    - {lemma: charivari}\n", "utf-8")
    with pytest.raises(DataFileError, match=rf"^{extra}, line 4: types.PROTESTS: unknown PLOVER type 'PROTESTS'"):
        Lexicon.load([extra])
    extra.write_text("classes:\n  troops: [milicien]\ntype:\n  PROTEST:\n    - {lemma: charivari}\n", "utf-8")
    with pytest.raises(DataFileError, match=rf"^{extra}, line 3: type: unknown key 'type'"):
        Lexicon.load([extra])


def test_a_meeting_announced_is_a_future_consult(veille_nlp) -> None:
    # a meeting to come is told as a meeting (CONSULT, future), not turned into an agreement
    events = code(veille_nlp, "L'Organisation des États turciques tiendra le 11 novembre à Samarcande son "
                              "premier sommet.", "2022-11-01")
    assert [(e["type"], e["status"]) for e in events] == [("CONSULT", "future")]


def test_announcing_ones_own_measure_is_the_measure(veille_nlp) -> None:
    events = code(veille_nlp, "La Turquie a annoncé la levée de son veto.")
    assert [(e["type"], e["status"]) for e in events] == [("CONCEDE", "asserted")]


def test_refusal_stated_with_a_negation_is_a_reject(veille_nlp) -> None:
    events = code(veille_nlp, "Emmanuel Macron a répondu qu'il ne transigerait pas sur la sécurité des soldats.")
    assert any(e["type"] == "REJECT" and e["status"] in ("asserted", "reported") for e in events)


def test_idioms_with_tirer_are_not_shooting(veille_nlp) -> None:
    for text in ("La Turquie espère tirer profit de l'affaiblissement de la Russie.",
                 "Le Kazakhstan doit tirer les leçons de la crise avec la Russie."):
        assert find(code(veille_nlp, text), "ASSAULT") is None, text
    assert find(code(veille_nlp, "Les soldats russes ont tiré sur des civils ukrainiens."), "ASSAULT") is not None


def test_violence_against_an_idea_is_no_assault(veille_nlp) -> None:
    # an entry's `target`: the object of "attaquer", "combattre", "affronter" (or the "à" complement of
    # "s'attaquer") is someone or something one strikes, when it is not a pronoun
    for text in ("Le Premier ministre grec s'attaque au chômage des jeunes.",
                 "Le gouvernement italien veut combattre la fraude fiscale.",
                 "Le chancelier autrichien a affronté la tempête financière."):
        assert find(code(veille_nlp, text), "ASSAULT") is None, text
    for text in ("Des jihadistes se sont attaqués à un convoi de l'armée nigérienne.",
                 "Les soldats arméniens ont combattu les forces azerbaïdjanaises.",
                 "Des manifestants ont affronté la police biélorusse à Minsk."):
        assert find(code(veille_nlp, text), "ASSAULT") is not None, text


def test_a_will_or_a_commitment_to_nothing_is_no_agreement(veille_nlp) -> None:
    # "engagement", "volonté" agree to something only with what they commit to (or taken: "prendre l'engagement")
    for text in ("Le ministre polonais a salué l'engagement des soignants pendant la crise.",
                 "Le député belge vit son engagement pour la région avec passion."):
        assert find(code(veille_nlp, text), "AGREE") is None, text
    event = find(code(veille_nlp, "Le Hamas a pris l'engagement de libérer les otages israéliens."), "AGREE")
    assert event is not None


def test_a_restrictive_object_is_still_the_object(veille_nlp) -> None:
    # "ne ... que" is "only", not a negation; the parser reads "que 100 soldats" as a clause
    event = find(code(veille_nlp, "La Russie n'a envoyé que 100 soldats au Kazakhstan."), "AID")
    assert event is not None and event["status"] == "asserted" and event["size"] == {"troops": 100}


def test_a_place_taken_by_force_is_an_assault(veille_nlp) -> None:
    # the object names a town ('places': a name the gazetteer or the entities know), or is a town
    for text in ("Les jihadistes se sont emparés de Tombouctou.",
                 "L'armée malienne a repris la ville de Kidal aux rebelles touaregs."):
        event = find(code(veille_nlp, text), "ASSAULT")
        assert event is not None and event["status"] == "asserted" and "MLI" in codes(event["actor"]), text
    event = find(code(veille_nlp, "La Russie a envahi l'Ukraine en décembre."), "ASSAULT")
    assert event is not None and codes(event["actor"]) == {"RUS"} and codes(event["recipient"]) == {"UKR"}
    # a train, a company, a habit taken again: no place, no assault
    for text in ("Les supporters anglais ont repris l'Eurostar vers Londres.",
                 "Le groupe italien a repris Alitalia l'an dernier.",
                 "Les Maliens ont repris le chemin des écoles."):
        assert find(code(veille_nlp, text), "ASSAULT") is None, text


def test_places_seized_and_captives_released(veille_nlp) -> None:
    for text, event_type, actor, recipient in [
            ("La Chine a annexé une partie du territoire indien.", "COERCE", "CHN", "IND"),
            ("L'Iran a saisi un pétrolier britannique dans le Golfe.", "COERCE", "IRN", "GBR"),
            ("L'armée syrienne a encerclé Idleb.", "ASSAULT", "SYR", "SYR"),
            ("La Turquie a relâché deux soldats grecs.", "RETREAT", "TUR", "GRC")]:
        event = find(code(veille_nlp, text), event_type)
        assert event is not None and actor in codes(event["actor"]) and recipient in codes(event["recipient"]), text
    # surrounded by a crowd, no place taken
    assert find(code(veille_nlp, "Les policiers turcs ont été encerclés par une foule hostile."), "ASSAULT") is None


def test_talks_held_together_are_consultations(veille_nlp) -> None:
    for text in ("Le Premier ministre grec s'est concerté mardi avec le chancelier autrichien.",
                 "Le président sénégalais a dialogué avec son homologue malien."):
        event = find(code(veille_nlp, text), "CONSULT")
        assert event is not None and event["status"] == "asserted", text


def test_a_call_on_the_telephone_is_a_consultation(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le président turc a parlé au téléphone avec son homologue russe."), "CONSULT")
    assert event is not None and event["mode"] == "phone" and codes(event["recipient"]) == {"RUS"}
    assert find(code(veille_nlp, "Le ministre turc a parlé de la crise avec les syndicats."), "CONSULT") is None


def test_a_compound_plural_is_lemmatized_whole(veille_nlp) -> None:
    # 'hauts-parleurs' is 'haut-parleur', an installation one dismantles
    event = find(code(veille_nlp, "Séoul a démantelé les hauts-parleurs installés face à la Corée du Nord."),
                 "RETREAT")
    assert event is not None and "KOR" in codes(event["actor"])




def test_a_warning_of_what_the_speaker_will_do_is_a_threat(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le président turc a averti qu'il ne tolérerait aucune provocation de la Grèce."),
                 trigger="averti")
    assert event is not None and event["type"] == "THREATEN" and "TUR" in codes(event["actor"])
    # a warning about what may happen stays a reproach
    event = find(code(veille_nlp, "Le ministre turc a averti que la politique de la Grèce pouvait mener au chaos."),
                 trigger="averti")
    assert event is None or event["type"] == "ACCUSE"


def test_signing_a_decree_is_no_agreement(veille_nlp) -> None:
    text = "Le président malien a signé un décret fixant la date des élections."
    assert find(code(veille_nlp, text), "AGREE") is None
    assert find(code(veille_nlp, "Le Mali a signé un accord de défense avec le Niger."), "AGREE") is not None


def test_a_reciprocal_act_between_two_sides_with_no_subject(veille_nlp) -> None:
    # the participle retells the noun's act; "entre X et Y" names both sides, the first acts
    text = "Les combats ont repris malgré le cessez-le-feu conclu en mai entre l'Arménie et l'Azerbaïdjan."
    event = find(code(veille_nlp, text), "AGREE")
    assert event is not None and codes(event["actor"]) | codes(event["recipient"]) == {"ARM", "AZE"}


def test_a_gerund_after_a_noun_is_an_act_of_its_own(veille_nlp) -> None:
    text = ("Le ministre français s'est rendu à Bamako pour l'ouverture des négociations, en exhortant le Niger "
            "à retirer ses troupes.")
    event = find(code(veille_nlp, text), "REQUEST")
    assert event is not None and "FRA" in codes(event["actor"]) and "NER" in codes(event["recipient"])


def _parsed(vocab, words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_an_object_with_its_preposition_is_the_oblique_an_entry_asks_for(veille_nlp) -> None:
    # 'ne se "soumettra" pas aux demandes': the parser may read "aux demandes" as the object; the entry
    # 'se soumettre à' (prep: à) still fits, and refusing to submit is a rejection (the coder's yield verbs)
    heads, deps = [3, 3, 3, 3, 3, 6, 3, 3], ["nsubj", "advmod", "expl:comp", "ROOT", "advmod", "", "obj", "punct"]
    pos = ["PROPN", "ADV", "PRON", "VERB", "ADV", "", "NOUN", "PUNCT"]
    lemmas = ["Damas", "ne", "se", "soumettre", "pas", "", "demande", "."]
    lexicon = Lexicon.load()
    with_case = _parsed(veille_nlp.vocab, ["Damas", "ne", "se", "soumettra", "pas", "aux", "demandes", "."], heads,
                        [d or "case" for d in deps], [p or "ADP" for p in pos], [w or "à" for w in lemmas])
    entry = lexicon.match(with_case[3])
    assert entry is not None and (entry.type, entry.lemma) == ("CONCEDE", "soumettre")
    bare = _parsed(veille_nlp.vocab, ["Damas", "ne", "se", "soumettra", "pas", "les", "demandes", "."], heads,
                   [d or "det" for d in deps], [p or "DET" for p in pos], [w or "le" for w in lemmas])
    assert lexicon.match(bare[3]) is None  # an object without its preposition: not 'se soumettre à'


@pytest.mark.parametrize("text", [
    "Pyongyang a rompu mardi les canaux de communication avec Séoul.",
    "La Corée du Nord a rompu jeudi le dialogue avec la Corée du Sud.",
])
def test_breaking_off_channels_or_dialogue_is_a_sanction(veille_nlp, text: str) -> None:
    event = find(code(veille_nlp, text), "SANCTION")
    assert event is not None and event["mode"] == "discontinue"
    assert codes(event["actor"]) == {"PRK"} and codes(event["recipient"]) == {"KOR"}
