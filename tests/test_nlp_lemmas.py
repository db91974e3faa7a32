"""The lemma corrections (nlp/data/lemmas.yaml): each one needed, each one applied by the pipeline."""

from __future__ import annotations

import pytest

from veille.events.testing import code, of_type
from veille.nlp.pipeline import lemma_corrections

CORRECTIONS = [(pos, form, lemma) for pos, forms in lemma_corrections().items() for form, lemma in forms.items()]
FRAMES = {"noun": "Les deux {} sont là.", "verb": "Ils {} demain.", "adj": "Des gens {}."}



@pytest.mark.parametrize(("pos", "form", "lemma"), CORRECTIONS)
def test_each_correction_is_needed_and_applied(bare_nlp, nlp, pos, form, lemma):
    sentence = FRAMES[pos].format(form)
    bare = next(t for t in bare_nlp(sentence) if t.lower_ == form)
    fixed = next(t for t in nlp(sentence) if t.lower_ == form)
    assert bare.pos_.lower() == pos == fixed.pos_.lower()
    assert bare.lemma_ != lemma, f"the model already lemmatizes {form!r}: the entry is not needed"
    assert fixed.lemma_ == lemma


def test_the_other_forms_keep_the_model_lemmas(bare_nlp, nlp):
    sentence = "La partie adverse a tiré des roquettes sur les deux camps."
    assert [t.lemma_ for t in nlp(sentence)] == [t.lemma_ for t in bare_nlp(sentence)]


def test_a_corrected_plural_names_the_pair_again(veille_nlp):
    # "les deux parties": the pair named before, once "parties" is read as "partie"
    events = code(veille_nlp, "Le Pérou a accusé la Bolivie de violer la frontière. "
                              "Des discussions entre les deux parties ont eu lieu lundi à Lima.", "2021-03-02")
    talks = of_type(events, "CONSULT")
    assert talks, events
    assert {p["code"] for e in talks for p in e["actor"] + e["recipient"]} == {"PER", "BOL"}


def test_the_word_lists_are_sets(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert len(table) >= 4
    assert all(isinstance(words, frozenset) for words in table.values())


def test_rare_and_invented_words_keep_the_model_lemmas(bare_nlp, nlp):
    # forms the lemmatizer has never seen go through its word lists and its rules: the same answers as
    # from the model's lists
    sentence = ("Les sous-préfets désenclavaient les hameaux reculés tandis que des drônistes "
                "bricolaient leurs quadricoptères ; les Zorvakiens, eux, s'étaient retranchés "
                "derrière les fortins démantelés et remparaient les bastions effondrés.")
    bare = [(t.text, t.pos_, t.lemma_) for t in bare_nlp(sentence)]
    fixed = [(t.text, t.pos_, t.lemma_) for t in nlp(sentence)]
    assert fixed == bare


def test_an_acronym_is_its_own_lemma(bare_nlp, nlp):
    # the model reads "CRS" tagged as a noun as a plural to strip ("cr"); a headline in capitals keeps its lemmas
    sentence = "Les CRS ont repoussé les militants de la FNSEA devant la préfecture."
    bare = {t.text: t.lemma_ for t in bare_nlp(sentence)}
    fixed = {t.text: t.lemma_ for t in nlp(sentence)}
    assert bare["CRS"] != "CRS" and fixed["CRS"] == "CRS"
    assert fixed["militants"] == bare["militants"] == "militant"
    shouted = "LES AGRICULTEURS MANIFESTENT DEVANT LA PRÉFECTURE"
    assert [t.lemma_ for t in nlp(shouted)] == [t.lemma_ for t in bare_nlp(shouted)]


def test_an_acronym_meets_the_words_that_name_it(veille_nlp):
    # the CRS are police, as the gendarmes are: unnamed, the state's police; blocked, no one rejects them
    for police in ("des gendarmes", "des CRS"):
        events = code(veille_nlp, f"Des manifestants ont attaqué {police} à Nantes samedi.")
        assault = next(e for e in events if e["type"] == "ASSAULT")
        assert [p["sector"] for p in assault["recipient"]] == ["COP"], (police, events)
    for police in ("les gendarmes", "les CRS"):
        events = code(veille_nlp, f"Les manifestants ont bloqué {police} devant la préfecture de Nantes.")
        assert not of_type(events, "REJECT"), (police, events)


def test_a_present_verb_read_as_its_noun_is_the_verb_again(veille_nlp):
    # "réclame", "rencontre": the third person present of an -er verb the model leaves as the noun it spells (lemma
    # "réclame"): the verb's entries never saw it
    events = code(veille_nlp, "Le gouvernement français réclame à Téhéran la libération du journaliste.", "2021-03-02")
    request = of_type(events, "REQUEST")
    assert request and {p["code"] for p in request[0]["actor"]} == {"FRA"}, events
    assert {p["code"] for p in request[0]["recipient"]} == {"IRN"}, events
    talks = of_type(code(veille_nlp, "La Russie rencontre l'Ukraine à Minsk.", "2021-03-02"), "CONSULT")
    assert talks and {p["code"] for e in talks for p in e["actor"] + e["recipient"]} == {"RUS", "UKR"}, talks
