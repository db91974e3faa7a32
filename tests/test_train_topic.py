"""scripts/train_topic.py learns from the lemmas the ingest computes: its lemmatizing pipeline runs (the components
after the parse read its sentences and tree) and gives, for a text, the terms the topic component reads at ingest."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

from veille.events.topic import doc_terms

_SPEC = importlib.util.spec_from_file_location("train_topic", ROOT / "scripts" / "train_topic.py")
train = importlib.util.module_from_spec(_SPEC)
sys.modules["train_topic"] = train
_SPEC.loader.exec_module(train)


def test_the_training_lemmas_are_the_ingests(veille_nlp) -> None:
    # an acronym kept as its form (veille_acronyms reads sentences) and a present verb the model reads as a noun
    # (nlp/data/lemmas.yaml): both differ from what the bare model gives
    text = ("Le syndicat réclame le départ des CRS de la place. Le préfet annonce une réunion avec les élus "
            "mardi à Rennes.")
    learnt = train.lemmatize([text])[0]
    assert learnt == doc_terms(veille_nlp(text))
    assert {"réclamer", "crs"} <= learnt, learnt
