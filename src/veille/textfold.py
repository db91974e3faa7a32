"""The one text normaliser for matching: every folded comparison in veille goes through a variant here.

The variants differ where their matching must, and only there:

- `fold_name`: names of actors (the linker, the knowledge base). Case, accents, apostrophes, dashes,
  runs of spaces, and the letters no decomposition removes (œ, æ, ß, ı, ł, ø, đ, ð) all folded, repeated
  until stable (casefolding and decomposition feed each other). "Erdoğan" = "erdogan", "Kahramanmaraş" =
  "kahramanmaras", "l’Œuvre" = "l'oeuvre".
- `fold_place`: the gazetteer and the event coder's word lookups: case and accents, one apostrophe;
  ligatures kept (place names do not spell them out).
- `fold_words`: the stories' shingles and MinHash: case and accents, compatibility forms unfolded; no
  apostrophe rule (the words are split on every non-letter afterwards).
- `fold_query`: the store's search terms and the text they are matched against: case and accents, œ and
  æ spelled out, every apostrophe one kind.
- `fold_boilerplate`: lines compared to the boilerplate rules: compatibility forms composed (NFKC, not
  decomposed: accents are kept, the rules are written with them), quotes dropped, spaces collapsed,
  end punctuation trimmed.
- `fold_date_text`: written dates ("1er décembre 2024"): accents dropped, spaces collapsed, lower case.

A module that needs folded text imports its variant from here; `tests/test_textfold.py` checks that no
other module defines a `fold` of its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NAME_APOSTROPHES = re.compile(r"[’‘`´ʼ′]")
_DASHES = re.compile(r"[‐-―−]")
_SPACES = re.compile(r"\s+")
_NAME_LETTERS = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ı": "i", "ł": "l",
                               "ø": "o", "đ": "d", "ð": "d"})
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_QUERY_LIGATURES = {"oe": "œ", "ae": "æ"}
_QUERY_APOSTROPHES = "'’ʼ‘`"
_QUOTES = re.compile(r"[«»“”\"]")


def fold_name(text: str) -> str:
    """Case-, accent-, apostrophe-, dash- and space-insensitive form of a name."""
    for _ in range(3):  # until stable: casefolding and decomposition feed each other
        folded = _fold_name_once(text)
        if folded == text:
            break
        text = folded
    return text


@lru_cache(maxsize=200_000)
def _fold_name_once(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().translate(_NAME_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NAME_APOSTROPHES.sub("'", text)
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text)
    return text.strip().casefold()


def fold_place(text: str) -> str:
    """Lower case without accents, one apostrophe, trimmed."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").strip()


def fold_words(text: str) -> str:
    """Lower case without accents (compatibility forms unfolded too)."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text or "")).casefold()


def fold_query(text: str) -> str:
    """Lower case, no accents, œ/æ spelled out, one kind of apostrophe."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    for letters, ligature in _QUERY_LIGATURES.items():
        text = text.replace(ligature, letters)
    return "".join("'" if c in _QUERY_APOSTROPHES else c for c in text)


def fold_boilerplate(text: str) -> str:
    """Composed, lower case, one apostrophe, no quotes, one space, no end punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    text = _QUOTES.sub("", text)
    return _SPACES.sub(" ", text).strip(" .!?…:;")


def fold_date_text(text: str) -> str:
    """No accents, one space, lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().lower()
