"""Properties checked with hypothesis: cleaning never raises (but EmptyDocument) and is
idempotent; reading arbitrary bytes never raises; language detection always answers."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.ingest.clean import EmptyDocument, clean_document
from veille.ingest.langid import detect_language
from veille.ingest.readers import iter_raw
from veille.ingest.types import RawDocument, ReadFailure

# Pieces that exercise the Markdown, boilerplate and metadata rules when put together at random.
PIECES = [
    "*", "**", "_", "# ", "## ", "\n", "\n\n", "  \n", " ", "[", "]", "(", ")", "<", ">", "\\", "`", "~~",
    "https://x.org/a_b", "<https://e.fr/x>", "[lien](https://e.fr)", "![img](a.png)",
    "« ", " »", ".", ",", ":",
    "Le", "la", "de", "que", "Poutine", "a été", "mot", "é", "É", "France World", "Titre ici",
    "Il vous reste 5% de cet article à lire.", "Source", "L’article Titre ici est apparu en premier sur Zed.",
    "écrit par Jules Ferry | 11 janvier 2022", "Par Jean Dupont", "> ", "- ", "1. ", "---", "===",
    "Lire aussi : x", "[Photos AFP](#)", "&amp;", "<b>", "</b>", "\t", "\u00a0", "\r\n",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=300)
SETTINGS = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def cleaned(text: str, fmt: str, title: str | None) -> str | None:
    try:
        return clean_document(RawDocument("p", text, fmt, title=title)).text
    except EmptyDocument:
        return None


@SETTINGS
@given(
    TEXTS,
    st.sampled_from(["text", "markdown", "record", "html", "feed"]),
    st.sampled_from([None, "Titre ici"]),
)
def test_cleaning_never_raises_and_is_idempotent(text: str, fmt: str, title: str | None) -> None:
    once = cleaned(text, fmt, title)
    if once is None:
        return
    assert once.strip() == once and once
    assert cleaned(once, fmt, title) == once


@SETTINGS
@given(
    st.binary(max_size=600) | TEXTS.map(lambda t: t.encode("utf-8")),
    st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".xml", ".bin", ""]),
)
def test_reading_any_bytes_never_raises(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"f{suffix}"
        path.write_bytes(data)
        for item in iter_raw([path]):
            assert isinstance(item, RawDocument | ReadFailure)
            if isinstance(item, ReadFailure):
                assert item.reason and "\n" not in item.reason


@SETTINGS
@given(st.text(max_size=400))
def test_language_is_always_a_code(text: str) -> None:
    lang = detect_language(text)
    assert lang == "und" or (len(lang) == 2 and lang.isalpha() and lang.islower())
