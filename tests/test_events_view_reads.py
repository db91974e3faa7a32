"""The coder's reads over a document's lists (events/view.py) and what it keeps of them per document: they
give what the same reads over spaCy's Tokens give."""

from __future__ import annotations

from veille.events import dates, habit
from veille.events.view import DocView, active, active_view


def _token_phrases(sent) -> list[tuple[str, int, int]]:
    """Every marker phrase of the sentence, found word by word on Token objects."""
    found = []
    for k in range(sent.start, sent.end):
        text = ""
        for m in range(k, sent.end):
            text += sent.doc[m].lower_
            if text in habit._PHRASES or text in habit._COMPOUND_PHRASES:
                found.append((text, k, m + 1))
            text += sent.doc[m].whitespace_
    return found


def test_habit_markers_are_those_a_scan_of_the_tokens_finds(veille_nlp) -> None:
    doc = veille_nlp("Depuis de nombreuses années, le ministre dénonce chaque semaine et sans cesse les "
                     "frappes que l'armée mène de temps à autre, et il a toujours nié tout accord.")
    sent = next(iter(doc.sents))
    with active(DocView(doc)):
        phrases = [(text, span.start, span.end) for text, span in habit._phrases(sent)]
    assert phrases == _token_phrases(sent)
    assert {"depuis de nombreuses années", "chaque semaine", "sans cesse", "de temps à autre", "toujours"} \
        <= {text for text, _, _ in phrases}


def test_clause_tenses_read_once_per_document_are_those_read_alone(veille_nlp) -> None:
    doc = veille_nlp("Les manifestants avaient bloqué la route. Le gouvernement a condamné les violences, "
                     "a-t-il déclaré. Les troupes se retireront demain. Ils s'étaient rencontrés en mai, "
                     "fustigeant l'accord. Le ministre serait prêt à négocier.")
    alone = [dates.clause_tense(token) for token in doc]
    view = DocView(doc)
    with active(view):
        assert active_view(doc) is view
        assert [dates.clause_tense(token) for token in doc] == alone
        assert [dates.clause_tense(token) for token in doc] == alone  # the second time from the memo
    assert active_view(doc) is None
    assert {"pluperfect", "perfect", "future", "conditional"} <= set(alone)


def test_each_thread_reads_its_own_active_view(veille_nlp) -> None:
    """Two threads coding at once (a watcher's ingest, a request's explain): each finds its own document's view,
    and leaving one's leaves the other's in place."""
    import threading

    docs = [veille_nlp("Le maire de Vierzon a inauguré la passerelle."), veille_nlp("La chorale de Mende a chanté.")]
    both_in, first_out = threading.Barrier(2), threading.Barrier(2)
    seen: dict[int, list[bool]] = {0: [], 1: []}

    def work(k: int) -> None:
        view = DocView(docs[k])
        with active(view):
            both_in.wait()  # both views active at once
            seen[k].append(active_view(docs[k]) is view)
            if k == 1:
                first_out.wait()
                seen[k].append(active_view(docs[k]) is view)
        if k == 0:
            first_out.wait()  # the other thread's view still active after this one left its own

    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {0: [True], 1: [True, True]}
