"""How political the few sentences around an event read, beside the whole document's topic.

The document topic model (events/topic.py) reads a whole article: a foreign dispatch and a French story that
names a minister both score high, so it cannot tell which of a document's events is told among politics and which
among a fait divers, a tribute or a health count the same article also tells. This reads the same topic weights
over the content lemmas of the event's sentence and of the sentences on either side of it (one sentence alone is
too few words: the model learnt from whole articles), as a feature of the confidence model
(events/confidence.py reads it like any other; a model that has no weight for it ignores it). Never words: the
topic model's weights are data (data/topic.json).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from veille.events.confidence import bucket
from veille.events.topic import CONTENT_POS, MIN_LENGTH, TopicModel, terms
from veille.events.view import DocView

# the sentences read on each side of the event's
WINDOW = 1
# edges of the politics probability of the window (as the document's `politics=` buckets are read)
WINDOW_EDGES = (0.2, 0.5, 0.8)
WINDOW_FEATURE = "window_politics="


def span_terms(view: DocView, start: int, end: int) -> set[str]:
    """The distinct lower-cased lemmas of the content words of tokens start..end, as `topic.doc_terms` reads a
    document's."""
    return terms(view.lemma[i] for i in range(start, end)
                 if view.pos[i] in CONTENT_POS and view.text[i].isalpha() and len(view.text[i]) >= MIN_LENGTH)


def window_politics(model: TopicModel, view: DocView, sentences: Sequence[Span], k: int,
                    read: dict[int, set[str]] | None = None) -> float | None:
    """The topic model's politics probability over the content lemmas of sentence `k` and of the `WINDOW`
    sentences on each side (None: no model, or no content word); `read` keeps each sentence's lemmas by index
    across the calls for one document, so a sentence is read once."""
    if not model.trained:
        return None
    read = {} if read is None else read
    found: set[str] = set()
    for j in range(max(0, k - WINDOW), min(len(sentences), k + WINDOW + 1)):
        if j not in read:
            read[j] = span_terms(view, sentences[j].start, sentences[j].end)
        found |= read[j]
    return model.probability(found) if found else None


def window_features(politics: float | None) -> dict[str, float]:
    """The confidence model's feature of the window's politics, bucketed ({} when unknown)."""
    return {} if politics is None else {f"{WINDOW_FEATURE}{bucket(politics, WINDOW_EDGES)}": 1.0}


__all__ = ["WINDOW", "WINDOW_EDGES", "WINDOW_FEATURE", "span_terms", "window_features", "window_politics"]
