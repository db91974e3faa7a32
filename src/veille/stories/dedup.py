"""Republications: near-duplicate and partial-copy detection with MinHash LSH.

Every document gets a datasketch MinHash (128 permutations, `affine32` scheme, seed 1)
of its word 4-shingles, and two kinds of lookup keys stored in `signature_keys`:

- kind 0, LSH bands: the 128 values cut into bands (b, r chosen by datasketch's
  `MinHashLSH` for a Jaccard threshold of 0.5); two texts sharing a band are candidates;
- kind 1, sampled shingles: the shingle hashes that are 0 modulo 4. The share of a
  text's samples found in another estimates how much of it the other contains, which
  Jaccard cannot see: a teaser is a small part of the article it announces, and a copy
  with its own header and footer shares most of its text but not all.

A pair is a republication when the estimated Jaccard similarity is at least 0.6, or
when the smaller text is at least 70% contained in the larger one (the containment
estimate blends the sampled shingles with the MinHash one for short texts). Texts of
fewer than 12 shingles are never called copies: they have too little to compare.

The original is the earliest published (dates compared at their common precision),
else the first processed; except that an excerpt less than 60% of the size of the text
that contains it (a teaser) is never the original of that text.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from veille.stories.text import shingle_hashes, to_signed, words

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SHINGLE_SIZE = 4
SAMPLE_MOD = 4
LSH_THRESHOLD = 0.5
JACCARD_DUPLICATE = 0.6
CONTAINMENT_DUPLICATE = 0.7
MIN_SHINGLES = 12
PARTIAL_RATIO = 0.6
# weight, in samples, of the MinHash containment estimate blended with the sampled one
_PRIOR_SAMPLES = 4.0

KIND_BAND = 0
KIND_SAMPLE = 1

_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=int)
BANDS: list[tuple[int, int]] = list(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


@dataclass
class Signature:
    doc_id: str
    seq: int
    published: str | None
    shingles: int
    samples: int
    minhash: np.ndarray  # uint32[NUM_PERM]
    duplicate_of: str | None = None
    jaccard: float | None = None
    containment: float | None = None

    def encode(self) -> str:
        return base64.b64encode(self.minhash.astype("<u4").tobytes()).decode("ascii")

    @staticmethod
    def decode(text: str) -> np.ndarray:
        return np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)


@dataclass
class Computed:
    """A fresh signature and the keys to index it by."""

    signature: Signature
    band_keys: np.ndarray  # int64
    sample_keys: np.ndarray  # int64


def compute(doc_id: str, seq: int, published: str | None, text: str | list[str]) -> Computed:
    """Signature of a text, given as a string or as its `text.words`."""
    hashes = shingle_hashes(words(text) if isinstance(text, str) else text, SHINGLE_SIZE)
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=int, permutations=_TEMPLATE.permutations
    )
    if len(hashes):
        minhash.update_batch((hashes >> np.uint64(32)).tolist())
    values = np.asarray(minhash.hashvalues, dtype=np.uint32)
    sampled = hashes[hashes % np.uint64(SAMPLE_MOD) == 0]
    signature = Signature(doc_id, seq, published, int(len(hashes)), int(len(sampled)), values)
    return Computed(signature, band_keys(values), to_signed(sampled))


def band_keys(values: np.ndarray) -> np.ndarray:
    data = values.astype("<u4")
    keys = []
    for number, (start, end) in enumerate(BANDS):
        digest = hashlib.blake2b(number.to_bytes(2, "little") + data[start:end].tobytes(), digest_size=8)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return np.array(keys, dtype=np.int64)


@dataclass(frozen=True)
class Match:
    jaccard: float
    containment: float  # of the smaller text in the larger


def compare(a: Signature, b: Signature, shared_samples: int) -> Match | None:
    """The pair's similarity if it is a republication, else None."""
    small, large = (a, b) if (a.shingles, a.seq) <= (b.shingles, b.seq) else (b, a)
    if small.shingles < MIN_SHINGLES:
        return None
    jaccard = float(np.count_nonzero(a.minhash == b.minhash)) / NUM_PERM
    by_minhash = min(1.0, jaccard * (a.shingles + b.shingles) / ((1 + jaccard) * small.shingles))
    containment = (shared_samples + _PRIOR_SAMPLES * by_minhash) / (small.samples + _PRIOR_SAMPLES)
    containment = min(1.0, containment)
    if jaccard >= JACCARD_DUPLICATE or containment >= CONTAINMENT_DUPLICATE:
        return Match(round(jaccard, 4), round(containment, 4))
    return None


def earlier(a: Signature, b: Signature) -> bool:
    """a was published (else processed) before b."""
    if a.published and b.published:
        size = min(len(a.published), len(b.published))
        if a.published[:size] != b.published[:size]:
            return a.published[:size] < b.published[:size]
    return a.seq < b.seq


def original_of(a: Signature, b: Signature, match: Match) -> Signature:
    small, large = (a, b) if (a.shingles, a.seq) <= (b.shingles, b.seq) else (b, a)
    if match.containment >= CONTAINMENT_DUPLICATE and small.shingles < PARTIAL_RATIO * large.shingles:
        return large
    return a if earlier(a, b) else b


class Deduper:
    """Decides, one document at a time in processing order, which documents republish which.

    `known` holds the stored signatures of the candidates and of their originals, by
    seq. Signatures are updated in place (duplicate_of, jaccard, containment)."""

    def __init__(self, known: dict[int, Signature]) -> None:
        self.by_seq: dict[int, Signature] = dict(known)
        self.by_id: dict[str, Signature] = {s.doc_id: s for s in known.values()}
        self.flips: list[tuple[Signature, Signature]] = []  # (former original, new original)

    def process(self, signature: Signature, pairs: list[tuple[int, int]]) -> tuple[str | None, str | None]:
        """`pairs`: (candidate seq, shared samples), candidates processed earlier. Returns
        (original, replaced): the original this document copies, or the former original
        it now replaces (a teaser stored before its article, or a copy published later)."""
        self.by_seq[signature.seq] = signature
        self.by_id[signature.doc_id] = signature
        found: list[tuple[Match, Signature]] = []
        for seq, shared in pairs:
            other = self.by_seq.get(seq)
            if other is not None and other is not signature:
                match = compare(signature, other, shared)
                if match is not None:
                    found.append((match, other))
        if not found:
            return None, None
        match, best = max(found, key=lambda mo: (mo[0].containment, mo[0].jaccard, -mo[1].seq))
        root = self.by_id.get(best.duplicate_of) if best.duplicate_of else best
        if root is None:  # original not loaded: follow the stored pointer
            _mark(signature, best.duplicate_of, match)
            return best.duplicate_of, None
        if root is best:
            winner = original_of(signature, best, match)
        else:
            winner = (
                signature if (signature.published and root.published and earlier(signature, root)) else root
            )
        if winner is signature:
            self._flip(root, signature, match)
            return None, root.doc_id
        _mark(signature, root.doc_id, match)
        return root.doc_id, None

    def _flip(self, old: Signature, new: Signature, match: Match) -> None:
        for other in self.by_id.values():
            if other.duplicate_of == old.doc_id:
                other.duplicate_of = new.doc_id
        _mark(old, new.doc_id, match)
        self.flips.append((old, new))


def _mark(signature: Signature, original: str | None, match: Match) -> None:
    signature.duplicate_of = original
    signature.jaccard, signature.containment = match.jaccard, match.containment
