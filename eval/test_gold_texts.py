"""veille's readers, cleaning, language identification, date tagger and event coder on the shared
texts (the two seeds and the dev corpus), where the expected values are those of the real articles.
tests/ checks the same properties on the project's own fixture texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from veille.events.testing import code, codes, find
from veille.events.timex import _WORD as _WORD_RE
from veille.events.timex import CUE_MARGIN, Timex, _candidates, _is_cue, _windows, tag
from veille.ingest.clean import clean_document
from veille.ingest.langid import detect_language
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document, RawDocument

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "corpus" / "dev" / "articles.jsonl"


def seed(prefix: str) -> Document:
    (raw,) = iter_raw([next(SEEDS.glob(f"{prefix}_*.txt"))])
    assert isinstance(raw, RawDocument)
    return clean_document(raw)


def dev() -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, DEV.read_text("utf-8").splitlines())}


# --- readers and cleaning ---------------------------------------------------------------------


def test_seed_000() -> None:
    doc = seed("000")
    assert doc.text.split("\n\n")[0] == "Le Kazakhstan opère un rapprochement stratégique avec la Turquie"
    assert doc.title == "Le Kazakhstan opère un rapprochement stratégique avec la Turquie"
    for gone in (
        "Il vous reste",
        "réservée aux abonnés",
        "\nSource",
        "apparu en premier sur",
        "France World",
    ):
        assert gone not in doc.text
    assert doc.text.endswith("fonctionnant avec des moyens militaires.")
    assert "Rapprochement avec la Turquie\n\n« Notre objectif" in doc.text  # heading kept apart
    assert doc.extra["republished_by"] == "zimo news"
    assert doc.lang == "fr" and doc.format == "text"


def test_seed_002() -> None:
    doc = seed("002")
    assert doc.title == "Kazakhstan : Poutine se méfie de la Turquie aux dents longues"
    assert (doc.byline, doc.published, doc.published_precision) == ("Jules Ferry", "2022-01-11", "day")
    for mark in ("*", "#", "](", "<http", "écrit par", "Photos Radio Free Europe"):
        assert mark not in doc.text
    assert doc.text.split("\n\n")[:2] == [
        "Kazakhstan : Poutine se méfie de la Turquie aux dents longues",
        "La mairie d'Almaty incendiée dans la soirée du 5 janvier.",
    ]
    for sentence in (
        "Le ministère arménien de la Défense a déclaré vendredi 7 janvier "
        "qu'il avait envoyé 100 soldats au Kazakhstan",
        "que l'ordre a été « fondamentalement » rétabli dans le pays.",
        "comme une nouvelle tentative de la Turquie d'empiéter",
        "Un homme passe devant la parfumerie La maison française à Almaty le 6 janvier.",
    ):
        assert sentence in doc.text
    assert doc.url is not None and doc.url.startswith("https://www.commonspace.eu/opinion/")
    assert doc.lang == "fr" and doc.format == "markdown"


def test_dev_corpus_keeps_its_metadata() -> None:
    raws = [raw for raw in iter_raw([DEV]) if isinstance(raw, RawDocument)]
    assert len(raws) == 41
    first = raws[0]
    assert first.published == "2022-01" and first.outlet == "lci.fr" and first.source.startswith("https://")
    docs = [clean_document(raw) for raw in raws]
    assert all(doc.lang == "fr" for doc in docs)
    a01 = docs[0]
    assert (a01.published, a01.published_precision, a01.outlet) == ("2022-01", "month", "lci.fr")
    for raw, doc in zip(raws, docs, strict=True):
        assert doc.source == raw.source and doc.title == raw.title and doc.published == raw.published
    assert len({doc.doc_id for doc in docs}) == 41


def test_every_seed_dev_text_and_dev_sentence_is_french() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        assert detect_language(path.read_text("utf-8")) == "fr", path.name
    for record in dev().values():
        assert detect_language(record["text"]) == "fr", record["id"]
        for sentence in re.split(r"(?<=[.!?])\s+", record["text"]):
            if len(sentence.split()) >= 4:
                assert detect_language(sentence) == "fr", (record["id"], sentence)


# --- dates --------------------------------------------------------------------------------------


def find_timex(timexes: list[Timex], span: str) -> Timex:
    hits = [t for t in timexes if t.text == span]
    assert hits, f"{span!r} not tagged; got {[(t.text, t.value) for t in timexes]}"
    return hits[-1]


def test_seed_002_dates():
    text = next(SEEDS.glob("002_*.txt")).read_text("utf-8")
    timexes = tag(text, "2022-01-11")
    by_text: dict[str, list[str]] = {}
    for t in timexes:
        by_text.setdefault(t.text, []).append(t.value)
    assert by_text["vendredi 7 janvier"] == ["2022-01-07"]
    assert by_text["Mercredi"] == ["2022-01-05"]
    assert by_text["le 10 janvier"] == ["2022-01-10"]
    assert by_text["il y a cinq jours"] == ["2022-01-06"]  # deictic: counted from publication
    assert by_text["juillet 2016"] == ["2016-07"]
    assert by_text["novembre 2021"] == ["2021-11"]
    assert by_text["2023"] == ["2023"]
    assert by_text["la soirée du 5 janvier"] == ["2022-01-05TEV"]
    assert set(by_text["vendredi"]) == {"2022-01-07"}
    assert set(by_text["mercredi"]) == {"2022-01-05"}
    texts = {t.text for t in timexes}
    assert not any("2 500" in t or "20 millions" in t or "3 000" in t for t in texts)


def test_dev_corpus_runs_and_resolves_key_dates():
    docs = dev()
    assert len(docs) == 41
    for d in docs.values():
        for t in tag(d["text"], d["published"], tense="auto"):
            assert d["text"][t.start : t.end] == t.text
    expect = {
        ("A01", "la nuit du mercredi 5 au jeudi 6 janvier"): ("2022-01-05TNI", "2022-01-06"),
        ("A01", "le dimanche 2 janvier"): ("2022-01-02", None),
        ("A03", "le dimanche précédent"): ("2022-01-02", None),
        ("A03", "jeudi"): ("2022-01-06", None),
        ("A05", "lundi"): ("2022-01-10", None),
        ("A06", "Jeudi"): ("2022-01-13", None),
        ("A06", "mercredi"): ("2022-01-12", None),
        ("B02", "Mardi 13 septembre"): ("2022-09-13", None),
        ("B05", "le 14 septembre"): ("2022-09-14", None),
        ("B06", "mardi"): ("2022-09-13", None),
        ("C04", "la veille"): ("2022-06-28", None),
        ("C06", "mercredi"): ("2022-06-29", None),
        ("D03", "la veille au soir"): ("2022-02-16TEV", None),
        ("D04", "jeudi 17 février"): ("2022-02-17", None),
        ("E02", "fin février"): ("2022-02", None),
        ("E02", "l'an dernier"): ("2021", None),
        ("F02", "vendredi"): ("2022-08-05", None),
        ("F03", "ce 5 août"): ("2022-08-05", None),
        ("Z04", "dimanche"): ("2022-07-24", None),
    }
    for (doc_id, span), (value, end_value) in expect.items():
        d = docs[doc_id]
        t = find_timex(tag(d["text"], d["published"], tense="auto"), span)
        assert (t.value, t.end_value) == (value, end_value), (doc_id, span)


def _readings(text: str, windows=None) -> list[tuple]:
    return [(c.start, c.end, c.priority, repr(c.items)) for c in _candidates(text, windows)]


def _shared_texts() -> list[str]:
    return [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))] + [d["text"] for d in dev().values()]


def test_windowed_scan_equals_the_full_scan_on_the_shared_texts():
    texts = _shared_texts()
    assert len(texts) == 43
    found = 0
    for text in texts:
        whole = _readings(text, [(0, len(text))])
        assert _readings(text) == whole, text
        found += len(whole)
    assert found > 150  # 180 readings


def test_every_reading_of_the_shared_texts_lies_within_the_margin_of_a_cue():
    for text in _shared_texts():
        windows = _windows(text)
        for start, end, *_ in _readings(text, [(0, len(text))]):
            assert any(w_start <= start and end <= w_end for w_start, w_end in windows), (text, start, end)
            cued = [w for w in _WORD_RE.finditer(text, start, end) if _is_cue(w.group())]
            assert cued, text[start:end]
            assert cued[0].start() - start <= CUE_MARGIN // 2 and end - cued[-1].end() <= CUE_MARGIN // 2


# --- events -------------------------------------------------------------------------------------


def test_a_participle_clause_about_a_named_party_is_not_absorbed(veille_nlp) -> None:
    """In this real article the parser hangs "Ankara accusant ..." on "la pleine coopération": the accusation
    is still an event of its own."""
    article = next(d for d in dev().values() if "nantes-news.fr/la-turquie-leve" in d["url"])
    events = code(veille_nlp, article["text"], article["published"])
    event = find(events, "ACCUSE", "accusant")
    assert event is not None and codes(event["actor"]) == {"TUR"} and codes(event["recipient"]) == {"FIN", "SWE"}
