"""Is a document about politics? A logistic model over the lemmas a document uses.

A political-event dataset wants the acts of states, governments, parties, armed groups and
protesters, not a football transfer, a car launch or a storm. Read sentence by sentence, such
articles still hold words that look like events ("attaque", "accuse", "manifestation"). The
component ``veille_topic`` reads the whole document once and sets ``doc._.politics``, the
probability that it reports politics (None for a text too short to tell: a headline, a sentence);
the event coder's confidence model reads it beside its own features.

The weights are learnt by ``scripts/train_topic.py`` (scikit-learn, cross-validated) from
documents judged by hand (``eval/judged/politics-*.jsonl``: references, never text) and stored
as data in ``data/topic.json``. Applying them needs no scikit-learn: a sum over the document's
distinct lemmas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from spacy import attrs
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

import veille.nlp.extensions  # noqa: F401  (registers doc._.politics)
from veille.events.confidence import load_weights, logistic

DEFAULT_MODEL = "topic.json"
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_CONTENT_POS_IDS = [IDS[pos] for pos in sorted(CONTENT_POS)]
MIN_LENGTH = 3
# the model learnt from whole articles (38 distinct content lemmas at the fewest): on a shorter text,
# a headline or one sentence, it would guess from a handful of words, so it says nothing
MIN_TERMS = 30


def doc_terms(doc: Doc) -> set[str]:
    """The distinct lower-cased lemmas of the document's content words (read as arrays: no Token built)."""
    if not len(doc):
        return set()
    array = doc.to_array([attrs.POS, attrs.IS_ALPHA, attrs.LENGTH, attrs.LEMMA])
    content = numpy.isin(array[:, 0], _CONTENT_POS_IDS) & (array[:, 1] != 0) & (array[:, 2] >= MIN_LENGTH)
    strings = doc.vocab.strings
    return terms(strings[key] for key in array[content, 3].tolist())  # in order: the set is built as it was


def terms(lemmas: Iterable[str]) -> set[str]:
    return {lemma.lower() for lemma in lemmas if lemma}


def term_features(found: set[str]) -> dict[str, float]:
    """Each distinct lemma present, weighted so that every document's vector has length 1; in sorted order,
    as a set's order depends on the interpreter's hash seed and the model's sum of floats on the order."""
    if not found:
        return {}
    value = 1.0 / math.sqrt(len(found))
    return dict.fromkeys(sorted(found), value)


@dataclass(frozen=True)
class TopicModel:
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    # the event filters' politics floor (`min_politics` 'model'): it keeps ~all politics documents
    threshold: float | None = None
    # under it a document is ordinary news: an event whose sides are only courts, civilians, companies or
    # unnamed people is not emitted (events/coder.py); None: no such frame
    ordinary_below: float | None = None
    source: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> TopicModel:
        data = load_weights(path, DEFAULT_MODEL, "topic", optional=("threshold", "ordinary_below"))
        return cls(**data) if data else cls(source="none")  # not trained: no document gets a topic

    @property
    def trained(self) -> bool:
        return bool(self.weights)

    def probability(self, found: set[str]) -> float:
        return logistic(self.bias, self.weights, term_features(found))


class TopicComponent:
    def __init__(self, model: str | None = None) -> None:
        self.model = TopicModel.load(model)

    def __call__(self, doc: Doc) -> Doc:
        found = doc_terms(doc) if self.model.trained else set()
        doc._.politics = self.model.probability(found) if len(found) >= MIN_TERMS else None
        return doc


@Language.factory("veille_topic", default_config={"model": None}, requires=["token.lemma", "token.pos"],
                  assigns=["doc._.politics"])
def make_topic(nlp: Language, name: str, model: str | None) -> TopicComponent:
    return TopicComponent(model)


__all__ = ["TopicComponent", "TopicModel", "doc_terms", "make_topic", "term_features"]
