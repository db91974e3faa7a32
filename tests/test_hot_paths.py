"""Work the pipeline does once per document, or only where it can matter (ingest throughput, issue #16): each
test pins that the cheaper path reads the same thing as the plain one."""

from __future__ import annotations

from veille.events import recall
from veille.events.view import DocView, active
from veille.nlp import acronyms, junctions


def test_view_kids_are_token_children_and_immutable(veille_nlp):
    doc = veille_nlp("La mairesse de Valcombe a inauguré mardi la nouvelle passerelle du port, fermée depuis mars.")
    view = DocView(doc)
    for token in doc:
        kids = view.kids(token.i)
        assert kids == tuple(child.i for child in token.children)
        assert isinstance(kids, tuple)  # grouped once for the whole document and shared: no caller may change them
    assert view.kids(doc[0].i) is view.kids(doc[0].i)


def test_junctions_stay_cached_over_a_batch_of_documents():
    """veille_junctions reads a text's junctions before the model's components, the coder again after them: by then
    nlp.pipe has split a whole batch (32 documents by default), and the first text's junctions are still cached."""
    texts = [f"Le marché de Tressan n°{n} rouvrira demain.Horaires d'été" for n in range(40)]
    first = junctions.junctions(texts[0])
    for text in texts[1:]:
        junctions.junctions(text)
    hits = junctions._junctions.cache_info().hits
    assert junctions.starts_glued(texts[0], first[0])
    assert junctions._junctions.cache_info().hits == hits + 1


def test_shouted_sentences_read_only_where_an_acronym_is(veille_nlp, monkeypatch):
    read = []
    real = acronyms._shouted
    monkeypatch.setattr(acronyms, "_shouted", lambda sent: read.append(sent.text) or real(sent))
    doc = veille_nlp("Les pêcheurs de Brivelle ont vendu leur thon au marché. Les policiers des BAC ont regardé.")
    assert read == ["Les policiers des BAC ont regardé."]  # the model's lemma of "BAC" is "bac"
    assert [t.lemma_ for t in doc if t.text == "BAC"] == ["BAC"]


def test_period_nouns_read_from_the_view(veille_nlp):
    doc = veille_nlp("Durant la guerre froide, la flotte de Morvanie avait bloqué le détroit.")
    with active(DocView(doc)):
        periods = [t.text for t in doc if t.pos_ == "NOUN" and recall._period(t)]
        assert periods == ["guerre"]
        blocked = next(t for t in doc if t.lemma_ == "bloquer")
        assert recall.in_past_period(blocked)
