"""String normalisation for matching names: accents, case, apostrophes, hyphens,
and the usual transliteration variants of names from Russian, Turkic and Armenian
(Tokaïev/Tokayev/Toqaev, Pachinian/Pashinyan, Mirziyoyev/Mirzioïev, Erdoğan/Erdogan).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from veille.textfold import fold_name as fold

# The transliteration rules, applied in order to a folded word: French and English transliterations
# of the same Cyrillic/Turkic/Armenian letters end up on one spelling (data/transliteration.yaml).
_TRANSLIT_FILE = Path(__file__).parent / "data" / "transliteration.yaml"
_TRANSLIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in yaml.safe_load(_TRANSLIT_FILE.read_text(encoding="utf-8"))["rules"]
)


@lru_cache(maxsize=200_000)
def translit_key(word: str) -> str:
    """Matching key of one token: folded, then transliteration variants merged.

    Hyphens and apostrophes inside the token are dropped so that "Nur-Sultan" and
    "Noursoultan" compare equal when tokenised as one word. Short all-capital words
    (acronyms) are only folded.
    """
    key = fold(word)
    if not key:
        return word
    if not any(ch.isalpha() for ch in key):
        return key
    if word.isupper() and len(word) <= 5:  # an acronym: UE and UEE are not one name
        return key
    if key.endswith("'"):  # elided article or preposition: l', d', qu'
        return key
    key = key.replace("-", "").replace("'", "").replace(".", "")
    for pattern, replacement in _TRANSLIT_RULES:
        key = pattern.sub(replacement, key)
    return key or fold(word)


def phrase_key(words: list[str]) -> str:
    """The key of a sequence of tokens, as used by the gazetteer."""
    return " ".join(translit_key(word) for word in words)


def damerau_levenshtein(a: str, b: str) -> int:
    """Optimal string alignment distance (edits and adjacent transpositions)."""
    rows, cols = len(a) + 1, len(b) + 1
    dist = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        dist[i][0] = i
    for j in range(cols):
        dist[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            dist[i][j] = min(dist[i - 1][j] + 1, dist[i][j - 1] + 1, dist[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                dist[i][j] = min(dist[i][j], dist[i - 2][j - 2] + 1)
    return dist[-1][-1]
