"""Markdown removal and paragraph structure in cleaning."""

from __future__ import annotations

import pytest

from veille.ingest.clean import clean_document
from veille.ingest.markdown import looks_like_markdown, strip_inline
from veille.ingest.types import RawDocument


def clean_md(text: str) -> str:
    return clean_document(RawDocument("t.md", text, "markdown")).text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Un **gras** et un *italique* et ***les deux***.", "Un gras et un italique et les deux."),
        ("Un __gras__ et un _italique_.", "Un gras et un italique."),
        ("« *monde turc* »", "« monde turc »"),
        ("Le site [Commonspace.eu](https://www.commonspace.eu) dit.", "Le site Commonspace.eu dit."),
        ('Voir [ici](https://x.fr/a_(b) "titre").', "Voir ici."),
        ("Une image ![carte](https://x.fr/carte.png) ici.", "Une image ici."),
        ("Lien <https://www.commonspace.eu/a_b_c> ici.", "Lien https://www.commonspace.eu/a_b_c ici."),
        (
            "Le snake_case et l'URL https://x.fr/_a_b_ restent.",
            "Le snake_case et l'URL https://x.fr/_a_b_ restent.",
        ),
        ("Un \\*astérisque\\* échappé et 1\\. point.", "Un astérisque échappé et 1. point."),
        ("Du `code` et ~~barré~~ et une note[^1].", "Du code et barré et une note."),
        ("Un <span class='x'>balisage</span> &amp; entité.", "Un balisage & entité."),
        ("Une référence [texte][1].", "Une référence texte."),
    ],
)
def test_strip_inline(line: str, expected: str) -> None:
    assert strip_inline(line) == expected


def test_headings_lose_their_markers_and_stay_paragraphs() -> None:
    text = clean_md("# Titre principal du texte\n\nCorps.\n\n### **Sous-titre.** ###\nSuite du texte.\n")
    assert text.split("\n\n") == ["Titre principal du texte", "Corps.", "Sous-titre.", "Suite du texte."]


def test_setext_heading() -> None:
    assert clean_md("Grand titre ici\n===============\n\nCorps.").split("\n\n") == [
        "Grand titre ici",
        "Corps.",
    ]


def test_block_quotes_lists_and_rules() -> None:
    text = clean_md(
        "> Une citation\n> sur deux lignes.\n\n---\n\n- premier point.\n- second point.\n\n1. Un.\n"
    )
    assert text.split("\n\n") == ["Une citation sur deux lignes.", "premier point.", "second point.", "Un."]


def test_hard_break_keeps_caption_apart_and_soft_break_joins() -> None:
    text = clean_md("*La mairie incendiée le 5 janvier.*  \nUne autre ligne.\n\nUne phrase\ncoupée en deux.")
    assert text.split("\n\n") == [
        "La mairie incendiée le 5 janvier.",
        "Une autre ligne.",
        "Une phrase coupée en deux.",
    ]


def test_trailing_backslash_is_a_hard_break() -> None:
    assert clean_md("Première ligne.\\\nDeuxième ligne.").split("\n\n") == [
        "Première ligne.",
        "Deuxième ligne.",
    ]


def test_paragraph_cut_by_markup_before_an_opening_quote_is_rejoined() -> None:
    text = clean_md(
        "**Toqaev a déclaré que l'ordre a été**\n\n« **fondamentalement** » rétabli dans le pays."
    )
    assert text == "Toqaev a déclaré que l'ordre a été « fondamentalement » rétabli dans le pays."


def test_paragraph_cut_before_a_lowercase_heading_is_rejoined() -> None:
    text = clean_md("**La Russie pourrait voir cela comme une nouvelle**\n\n## **tentative de la Turquie.**")
    assert text == "La Russie pourrait voir cela comme une nouvelle tentative de la Turquie."


def test_paragraph_ending_on_an_elided_article_is_rejoined() -> None:
    assert clean_md("Le sommet de l’\n\nOrganisation des États turciques.") == (
        "Le sommet de l’Organisation des États turciques."
    )


def test_paragraph_ending_on_a_dangling_word_is_rejoined() -> None:
    assert (
        clean_md("Un accord signé avec\n\nVladimir Poutine à Sotchi.")
        == "Un accord signé avec Vladimir Poutine à Sotchi."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Rapprochement avec la Turquie\n\n« Notre objectif est clair », a-t-il dit.",  # heading, then a quote
        "Fin de phrase.\n\nnouvelle phrase en minuscule.",  # the first one is finished
        "L'Arménie a envoyé cent soldats\n\nLe ministère a déclaré vendredi.",  # heading, capitalised text
        "Il a déclaré :\n\n« nous partirons ».",  # a colon closes
    ],
)
def test_finished_paragraphs_and_headings_are_not_joined(text: str) -> None:
    assert clean_md(text).count("\n\n") == 1


def test_plain_text_lines() -> None:
    one_per_line = clean_document(
        RawDocument("t", "Titre court\nPremier paragraphe.\nSecond paragraphe.", "text")
    )
    assert one_per_line.text.split("\n\n") == ["Titre court", "Premier paragraphe.", "Second paragraphe."]
    wrapped = "Un long paragraphe coupé à la main par un éditeur de texte\nqui continue ici.\n\nAutre."
    assert (
        clean_document(RawDocument("t", wrapped, "text"))
        .text.split("\n\n")[0]
        .endswith("texte qui continue ici.")
    )


def test_looks_like_markdown() -> None:
    assert looks_like_markdown("# Titre\n\nTexte")
    assert looks_like_markdown("Lien <https://x.fr>")
    assert not looks_like_markdown("#hashtag et 5 * 3 = 15, sans balisage.")
