"""The hand-written language rules (langid_rules): lingua's fallback, and what settles its close calls."""

from __future__ import annotations

import pytest

from veille.ingest.langid_rules import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Le ministère arménien de la Défense a déclaré vendredi qu'il avait envoyé 100 soldats.",
            "fr",
        ),
        ("The Armenian defence ministry said on Friday that it had sent 100 soldiers to Kazakhstan.", "en"),
        ("Das armenische Verteidigungsministerium erklärte am Freitag, es habe 100 Soldaten entsandt.", "de"),
        (
            "El ministerio armenio de Defensa dijo el viernes que había enviado 100 soldados a Kazajistán.",
            "es",
        ),
        (
            "Il ministero della Difesa armeno ha detto venerdì che aveva inviato 100 soldati in Kazakistan.",
            "it",
        ),
        ("O ministério da Defesa da Arménia disse na sexta-feira que tinha enviado 100 soldados.", "pt"),
        ("Het Armeense ministerie van Defensie zei vrijdag dat het 100 soldaten had gestuurd.", "nl"),
        ("Министерство обороны Армении заявило, что направило 100 военнослужащих.", "ru"),
        ("وزارة الدفاع الأرمينية أعلنت إرسال مئة جندي", "ar"),
    ],
)
def test_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le Kazakhstan", "fr"),
        ("Poutine et Erdogan", "fr"),
        ("Évacuation à Erevan", "fr"),
        ("Mardi 13 septembre", "fr"),
        ("The summit", "en"),
        ("Kazakhstan", "und"),
        ("12 345 !", "und"),
        ("", "und"),
    ],
)
def test_short_texts(text: str, lang: str) -> None:
    assert detect_language(text) == lang
