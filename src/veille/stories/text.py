"""Text normalisation shared by near-duplicate detection and story profiles.

Everything here is deterministic across processes and machines (no salted `hash()`),
because signatures and profiles are persisted and compared with later batches.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np
import yaml
from spacy.lang.fr.stop_words import STOP_WORDS

from veille.textfold import fold_words as fold

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MASK64 = (1 << 64) - 1




def words(text: str) -> list[str]:
    """The folded words of a text (letters and digits; punctuation dropped)."""
    return _WORD.findall(fold(text))


def story_words(name: str) -> list[str]:
    """A list of words of ``data/words.yaml`` (named by its role), as strings."""
    value = _WORDS_FILE.get(name)
    if not isinstance(value, list) or not value:
        raise LookupError(f"veille/stories/data/words.yaml: no list of words {name!r}")
    return [str(word) for word in value]


_WORDS_FILE: dict = yaml.safe_load(resources.files("veille.stories").joinpath("data/words.yaml").read_text("utf-8"))
# Words that say nothing about which story a text belongs to: French function words (spaCy's),
# calendar words and the vocabulary of reporting itself (data/words.yaml)
_NEWS_STOPWORDS = story_words("news_stopwords")
STOPWORDS: frozenset[str] = frozenset({fold(w) for w in STOP_WORDS} | set(_NEWS_STOPWORDS))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A very light French stem: plural and feminine endings of longer words."""
    if len(word) > 5 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 4 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 5 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("s"):  # françaises, français -> francai
        word = word[:-1]
    return word


def content_terms(text: str | list[str]) -> Counter[str]:
    """Counts of the stemmed content words of a text (or of its `words`)."""
    counts: Counter[str] = Counter()
    terms = _TERMS
    if len(terms) > _MAX_TERMS:
        terms.clear()
    for word in words(text) if isinstance(text, str) else text:
        term = terms.get(word, "")
        if term == "":
            term = terms[word] = None if len(word) < 3 or word.isdigit() or word in STOPWORDS else stem(word)
        if term is not None:
            counts[term] += 1
    return counts


# word → its stem, or None for a word that says nothing (short, a number, a stop word): read once per word
_TERMS: dict[str, str | None] = {}
_MAX_TERMS = 200_000


_DETERMINERS = frozenset(story_words("name_determiners"))


def name_key(text: str, *, surname: bool = False) -> str:
    """A key for an entity name: folded words without leading determiners; for people
    the last word (surname) so "Recep Tayyip Erdogan" and "Erdogan" meet."""
    tokens = words(text)
    while tokens and tokens[0] in _DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return ""
    if surname:
        return stem(tokens[-1])
    return " ".join(stem(t) for t in tokens)


# -- shingle hashing -------------------------------------------------------------------
_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)


@lru_cache(maxsize=500_000)
def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, on uint64 arrays (wrapping arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * _M2
    x = x ^ (x >> np.uint64(27))
    x = x * _M3
    return x ^ (x >> np.uint64(31))


def shingle_hashes(tokens: list[str], k: int) -> np.ndarray:
    """Distinct 64-bit hashes (uint64) of the word k-shingles of `tokens`.

    A text shorter than k words gives one shingle, the whole text."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.fromiter((word_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    k = min(k, len(hashed))
    count = len(hashed) - k + 1
    with np.errstate(over="ignore"):
        acc = np.zeros(count, dtype=np.uint64)
        for offset in range(k):
            acc = _mix(acc * _M1 + hashed[offset : offset + count])
    return np.unique(acc)


def to_signed(values: np.ndarray) -> np.ndarray:
    """uint64 → int64 with the same bits (DuckDB BIGINT)."""
    return values.view(np.int64)


def stable_id(*parts: str, size: int = 6) -> str:
    """A short deterministic hex id."""
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=size).hexdigest()
