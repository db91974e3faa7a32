"""Metadata: dates, titles, bylines, URLs, container versus text, doc ids, the fixture articles and dispatches."""

from __future__ import annotations

import hashlib

import pytest
from conftest import ARTICLES, DEPECHES

from veille.ingest.clean import clean_document
from veille.ingest.dates import normalize_date, parse_date
from veille.ingest.readers import iter_raw
from veille.ingest.types import Document, RawDocument

BODY = "Le président kazakh a limogé le gouvernement mercredi soir."


def clean(text: str, fmt: str = "text", **meta) -> Document:
    return clean_document(RawDocument("t", text, fmt, **meta))


def article(prefix: str) -> Document:
    (raw,) = iter_raw([next(ARTICLES.glob(f"{prefix}_*.txt"))])
    assert isinstance(raw, RawDocument)
    return clean_document(raw)


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("11 janvier 2022", ("2022-01-11", "day")),
        ("1er février 2022", ("2022-02-01", "day")),
        ("mardi 11 janvier 2022 à 10h32", ("2022-01-11", "day")),
        ("Publié le 7 août 2022", ("2022-08-07", "day")),
        ("le 22 décembre 2021", ("2021-12-22", "day")),
        ("janvier 2022", ("2022-01", "month")),
        ("2022", ("2022", "year")),
        ("2022-01", ("2022-01", "month")),
        ("2022-01-11T23:30:00-05:00", ("2022-01-11", "day")),
        ("Tue, 11 Jan 2022 23:30:00 +0000", ("2022-01-11", "day")),
        ("January 11, 2022", ("2022-01-11", "day")),
        ("11/01/2022", ("2022-01-11", "day")),
        ("11.01.2022 - 10:32", ("2022-01-11", "day")),
    ],
)
def test_parse_date(written: str, expected: tuple[str, str]) -> None:
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    "written", ["31 février 2022", "hier", "envoyé spécial à Kiev", "13/13/2022", "", "12345"]
)
def test_parse_date_rejects(written: str) -> None:
    assert parse_date(written) is None


def test_normalize_date_of_container_values() -> None:
    assert normalize_date("2022-06-29T10:00:00Z") == "2022-06-29"
    assert normalize_date(1_641_859_200) == "2022-01-11"
    assert normalize_date(None) is None and normalize_date("n'importe quoi") is None


@pytest.mark.parametrize(
    ("published", "precision"), [("2022-01-11", "day"), ("2022-01", "month"), ("2022", "year")]
)
def test_published_precision(published: str, precision: str) -> None:
    doc = clean(BODY, published=published)
    assert (doc.published, doc.published_precision) == (published, precision)


# --- bylines, dates and titles in the text ---------------------------------------------------------


def test_byline_and_date_line() -> None:
    doc = clean(f"# Un titre pour le texte\n\nécrit par Jules Ferry | 11 janvier 2022\n\n{BODY}", "markdown")
    assert (doc.byline, doc.published, doc.published_precision) == ("Jules Ferry", "2022-01-11", "day")
    assert "Jules Ferry" not in doc.text


@pytest.mark.parametrize(
    ("line", "byline", "published"),
    [
        ("Par Anna Petrossian", "Anna Petrossian", None),
        ("Par Jean-Marc de La Tour, envoyé spécial à Erevan", "Jean-Marc de La Tour", None),
        ("Par Anna Petrossian | Publié le 12 janvier 2022", "Anna Petrossian", "2022-01-12"),
        ("By John Smith", "John Smith", None),
    ],
)
def test_par_lines(line: str, byline: str, published: str | None) -> None:
    doc = clean(f"Un titre pour le texte\n\n{line}\n\n{BODY}")
    assert (doc.byline, doc.published) == (byline, published)
    assert doc.text == f"Un titre pour le texte\n\n{BODY}"


def test_sentences_starting_with_par_stay() -> None:
    text = f"Par ailleurs, la situation reste tendue.\n\nPar Moscou, rien n'a été confirmé.\n\n{BODY}"
    assert clean(text).text == text


def test_date_lines_at_the_top() -> None:
    doc = clean(f"Publié le 12 janvier 2022 à 10h32\nMis à jour le 13 janvier 2022\n\n{BODY}")
    assert doc.text == BODY
    assert doc.published == "2022-01-12" and doc.extra["updated"] == "2022-01-13"
    assert clean(f"Mercredi 5 janvier 2022\n\n{BODY}").published == "2022-01-05"


def test_title_is_the_first_heading_or_short_line_and_stays_in_the_text() -> None:
    assert clean(f"## Un titre de **Markdown**\n\n{BODY}", "markdown").title == "Un titre de Markdown"
    doc = clean(f"Un titre en texte brut\n\n{BODY}")
    assert doc.title == "Un titre en texte brut" and doc.text.startswith("Un titre en texte brut\n\n")
    assert clean(BODY).title is None  # a sentence is no title


def test_known_title_drops_the_section_labels_before_it() -> None:
    footer = "L'article Le vrai titre de l'article est apparu en premier sur X."
    text = f"France World\n\nLe vrai titre de l'article\n\n{BODY}\n\n{footer}"
    doc = clean(text)
    assert doc.title == "Le vrai titre de l'article"
    assert doc.text == f"Le vrai titre de l'article\n\n{BODY}"


def test_container_title_wins_and_also_drops_labels() -> None:
    doc = clean(f"International\n\nTitre du conteneur ici\n\n{BODY}", title="Titre du conteneur ici")
    assert doc.text == f"Titre du conteneur ici\n\n{BODY}"
    assert clean(BODY, title="Autre titre").title == "Autre titre"


def test_trailing_url_becomes_url_unless_the_container_has_one() -> None:
    text = f"{BODY}\n\n<https://www.commonspace.eu/opinion/a_b>"
    doc = clean(text, "markdown")
    assert doc.url == "https://www.commonspace.eu/opinion/a_b" and doc.text == BODY
    assert clean(text, "markdown", url="https://container.example/x").url == "https://container.example/x"


def test_container_metadata_wins_over_text() -> None:
    text = f"écrit par Jules Ferry | 11 janvier 2022\n\n{BODY}"
    doc = clean(text, byline="La rédaction", published="2022-02", outlet="lci.fr")
    assert (doc.byline, doc.published, doc.published_precision, doc.outlet) == (
        "La rédaction",
        "2022-02",
        "month",
        "lci.fr",
    )


def test_doc_id_is_the_hash_of_the_clean_text_and_lang_is_set() -> None:
    doc = clean(f"{BODY}\n\nPartager")
    assert doc.doc_id == hashlib.sha256(BODY.encode()).hexdigest()[:16]
    assert doc.lang == "fr"
    assert clean("The president sacked the government on Wednesday.").lang == "en"


# --- the fixture articles (as received) and dispatches ------------------------------------------


def test_article_with_boilerplate() -> None:
    doc = article("02")
    assert doc.text.split("\n\n")[0] == "La Turquie et le Kazakhstan renforcent leur partenariat stratégique"
    assert doc.title == "La Turquie et le Kazakhstan renforcent leur partenariat stratégique"
    for gone in (
        "Il vous reste",
        "réservée aux abonnés",
        "\nSource",
        "apparu en premier sur",
        "Monde Actualités",
    ):
        assert gone not in doc.text
    assert doc.text.endswith("sous l'égide de la Turquie.")
    assert "Une coopération militaire élargie\n\n« Nous voulons" in doc.text  # heading kept apart
    assert doc.extra["republished_by"] == "Orient Dépêches"
    assert doc.lang == "fr" and doc.format == "text"


def test_markdown_article_in_a_txt_file() -> None:
    doc = article("01")
    assert doc.title == "Kazakhstan : Tokaïev regarde vers Ankara sans froisser Moscou"
    assert (doc.byline, doc.published, doc.published_precision) == ("Hélène Varga", "2024-10-09", "day")
    for mark in ("*", "#", "](", "<http", "écrit par", "Photos Agence Steppe"):
        assert mark not in doc.text
    assert doc.text.split("\n\n")[:2] == [
        "Kazakhstan : Tokaïev regarde vers Ankara sans froisser Moscou",
        "Des blindés kazakhs à l'entrée d'Almaty, dans la soirée du 6 octobre.",
    ]
    for sentence in (
        "Lundi 7 octobre, 1 500 militaires kazakhs ont rejoint les exercices de maintien de la paix de l'OTSC, "
        "selon le ministère kazakh de la Défense.",
        "« tournés vers la protection des civils et des infrastructures ».",
        "interrogé le 8 octobre par le site Eurasie Analyses, voit",
        "La Russie a fourni le plus gros contingent, avec 600 parachutistes. Le Kirghizstan",
        "L'OTSC s'entraîne près d'Almaty\n\nLundi 7 octobre",  # heading kept apart
    ):
        assert sentence in doc.text
    assert doc.url is not None and doc.url.startswith("https://eurasie-analyses.example/opinion/")
    assert doc.lang == "fr" and doc.format == "markdown"


def test_dispatches_keep_their_metadata() -> None:
    raws = [raw for raw in iter_raw([DEPECHES]) if isinstance(raw, RawDocument)]
    docs = [clean_document(raw) for raw in raws]
    assert len(docs) == 26
    assert all(doc.lang == "fr" for doc in docs)
    k01, k03, a01 = docs[0], docs[2], docs[4]
    assert (k01.published, k01.published_precision, k01.outlet) == ("2024-10-07", "day", "steppe-info.kz")
    assert (k03.published, k03.published_precision, k03.outlet) == ("2024-10", "month", "lecourrierdesteppes.com")
    assert (a01.published, a01.outlet) == (None, "caucase-express.am")
    for raw, doc in zip(raws, docs, strict=True):
        assert doc.source == raw.source and doc.title == raw.title and doc.published == raw.published
    assert len({doc.doc_id for doc in docs}) == 26
