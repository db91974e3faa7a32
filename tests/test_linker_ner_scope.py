"""Where the model's NER runs (`build_nlp(ner=...)`): with "unknown", veille_actors runs it a few words
around each name the knowledge base does not know, and only there."""

from __future__ import annotations

from typing import Any

import pytest

from veille.nlp.extensions import MENTIONS
from veille.nlp.pipeline import build_nlp

TEXT = (
    "Le président kazakh Kassym-Jomart Tokaïev a demandé l'aide de l'OTSC. "
    "Moscou a envoyé des parachutistes à Almaty. "
    "Le porte-parole du ministère arménien, Vahan Hunanian, a confirmé l'envoi de cent soldats. "
    "Selon Gulnara Bekova, des renforts sont arrivés. "
    "Le Kazakhstan a remercié la Russie."
)


def parse(nlp: Any, text: str = TEXT) -> Any:
    doc = nlp.make_doc(text)
    doc._.published = "2022-01-10"
    return nlp(doc)


def sentence_of(doc: Any, words: str) -> Any:
    return next(s for s in doc.sents if words in s.text)


def test_the_ner_runs_only_where_a_name_is_unknown(veille_nlp: Any) -> None:
    assert "ner" in veille_nlp.disabled and veille_nlp.get_pipe("veille_actors").ner is not None
    doc = parse(veille_nlp)
    for known in ("Tokaïev", "Moscou", "remercié"):
        assert all(t.ent_iob_ == "" for t in sentence_of(doc, known)), known  # never tagged, not even O
    for unknown in ("Hunanian", "Bekova"):
        assert all(t.ent_iob_ in ("B", "I", "O") for t in doc if t.text == unknown), unknown
        assert any(e.label_ == "PER" and unknown in e.text for e in doc.ents), unknown
    mentions = {s.text: s for s in doc.spans[MENTIONS]}
    assert "Gulnara Bekova" in mentions and mentions["Gulnara Bekova"].label_ == "PER"
    assert any("Vahan Hunanian" in text and s._.code == "ARM" for text, s in mentions.items())


def test_consecutive_sentences_are_one_piece_and_sentence_capitals_do_not_count(veille_nlp: Any) -> None:
    from veille.actors.linker import _unknown_name_runs

    linker = veille_nlp.get_pipe("veille_actors")
    text = ("Selon Gulnara Bekova, des renforts sont arrivés. Ils viennent de Gulnara Bekova aussi. "
            "Des soldats sont partis. « Nous resterons », a dit Tokaïev.")
    doc = veille_nlp.make_doc(text)
    doc._.published = "2022-01-10"
    for name, proc in veille_nlp.pipeline:
        if name == "veille_actors":
            break
        doc = proc(doc)
    prepared = linker._prepare(doc)
    sents = list(doc.sents)
    assert _unknown_name_runs(doc, prepared.ann, prepared.name_hits) == [(sents[0].start, sents[1].end)]


@pytest.mark.parametrize("mode", ["all", "off"])
def test_all_and_off(mode: str) -> None:
    nlp = build_nlp(ner=mode)
    assert "ner" not in nlp.disabled and nlp.get_pipe("veille_actors").ner is None
    doc = parse(nlp)
    if mode == "all":
        assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)
    else:
        assert "ner" not in nlp.component_names and not doc.ents
        assert "Gulnara Bekova" not in {s.text for s in doc.spans[MENTIONS]}
    assert any(s._.actor_id and "Tokaïev" in s.text for s in doc.spans[MENTIONS])


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="ner must be one of"):
        build_nlp(ner="sometimes")


def test_the_ner_reads_a_few_words_around_an_unknown_name_not_its_whole_sentence(veille_nlp: Any) -> None:
    from veille.actors.linker import NER_AFTER, NER_BEFORE

    text = ("Dans un long entretien accordé mardi soir à la télévision publique de son pays, le chercheur "
            "Oskar Vellingrad a estimé que les négociations sur le gazoduc reprendraient sans doute au printemps "
            "prochain, après les élections législatives prévues dans la région.")
    doc = parse(veille_nlp, text)
    name = next(t.i for t in doc if t.text == "Oskar")
    first, last = max(0, name - NER_BEFORE), next(t.i for t in doc if t.text == "Vellingrad") + NER_AFTER + 1
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc[first:last])
    assert all(t.ent_iob_ == "" for t in [*doc[:first], *doc[last:]])  # far from the name: not read
    assert any(e.label_ == "PER" and e.text == "Oskar Vellingrad" for e in doc.ents)
    assert any("Oskar Vellingrad" in s.text and s.label_ == "PER" for s in doc.spans[MENTIONS])
