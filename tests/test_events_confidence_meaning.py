"""What the confidence model reads of what an event's words are about: their vectors (events/confidence.py
`meaning_vectors`, `ConfidenceModel.meaning_features`)."""

from __future__ import annotations

import json

import numpy as np

from veille.events.confidence import ConfidenceModel
from veille.events.testing import code, features_kept, find


def _unit(vector) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def test_an_events_words_are_kept_as_unit_vectors(veille_nlp) -> None:
    text = ("Le gouvernement norvégien a condamné jeudi les essais de missiles de la Corée du Nord. "
            "Les pêcheurs du port ont repeint leurs bateaux.")
    doc = veille_nlp.make_doc(text)
    doc._.published = "2023-04-14"
    with features_kept(veille_nlp):
        events = veille_nlp(doc)._.events
    event = find(events, "ACCUSE") or find(events, "DISAPPROVE")
    assert event is not None, events
    meaning = event["_meaning"]
    assert {"trigger", "theme", "subject", "sentence", "document"} <= set(meaning), set(meaning)
    for vector in meaning.values():
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4
    trigger = next(t for t in doc if t.text == "condamné")
    assert np.allclose(meaning["trigger"], _unit(trigger.vector), atol=1e-5)
    assert np.allclose(meaning["theme"], _unit(next(t for t in doc if t.text == "essais").vector), atol=1e-5)
    assert np.allclose(meaning["subject"], _unit(next(t for t in doc if t.text == "gouvernement").vector),
                       atol=1e-5)
    # the sentence's content words, not the document's: the second sentence is about something else
    assert not np.allclose(meaning["sentence"], meaning["document"], atol=1e-3)
    # without training nor a model reading them, the events carry no vectors
    plain = code(veille_nlp, text, "2023-04-14")
    assert plain and all("_meaning" not in e for e in plain)


def test_the_model_file_says_how_the_vectors_are_read(tmp_path) -> None:
    axis = np.zeros(4)
    axis[0] = 2.0
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": {"meaning_theme": 1.0, "meaning_trigger=1": -3.0}, "bias": 0.0,
                                "threshold": 0.4,
                                "meaning": {"theme": {"axis": axis.tolist(), "offset": -1.0},
                                            "trigger": {"centroids": [[1, 0, 0, 0], [0, 1, 0, 0]]}}}), "utf-8")
    model = ConfidenceModel.load(path)
    near_first, near_second = np.array([0.9, 0.1, 0.0, 0.0]), np.array([0.1, 0.9, 0.0, 0.0])
    f = model.meaning_features({"theme": near_first, "trigger": near_second})
    assert f == {"meaning_theme": 2.0 * 0.9 - 1.0, "meaning_trigger=1": 1.0}
    assert model.meaning_features({"trigger": near_first}) == {"meaning_trigger=0": 1.0}
    assert model.meaning_features({}) == {}  # the slots an event leaves empty give nothing
    assert model.probability(model.meaning_features({"trigger": near_second})) < 0.1
    assert model.probability(model.meaning_features({"theme": near_first})) > 0.5
    # a model without vectors reads none
    assert ConfidenceModel().meaning_features({"theme": near_first}) == {}
