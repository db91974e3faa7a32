"""Where to look: the patterns run only in windows around cue words (digits, lexicon forms), and
the longest readings are kept where they overlap (:func:`_candidates`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from veille.events.timex_lexicon import _LEX, singulars, words
from veille.events.timex_recognise import (
    _COMPILED,
    Builder,
    _b_ago,
    _b_anaphoric,
    _b_century,
    _b_clock,
    _b_clock_range,
    _b_clock_words,
    _b_daymonth,
    _b_dayonly,
    _b_decade,
    _b_deictic,
    _b_duration,
    _b_fraction,
    _b_holiday,
    _b_in,
    _b_iso,
    _b_later,
    _b_list,
    _b_moment,
    _b_month,
    _b_monthyear,
    _b_nth_weekday,
    _b_numeric,
    _b_period,
    _b_pod,
    _b_quarter,
    _b_refadj,
    _b_relunit,
    _b_season,
    _b_set,
    _b_unitedge,
    _b_vague,
    _b_wdperiod,
    _b_weekday,
    _b_year,
    _Cand,
)

# Every pattern's match contains a cue: a digit, or a form of the lexicon sections below, or
# one of the words the patterns spell out themselves. The patterns are only run in windows
# around cues (most of a text has none), which gives the same matches as a scan of the whole
# text as long as no match reaches further than CUE_MARGIN characters from its cues
# (tests/test_timex.py checks both on the test table and the dev corpus).
_CUE_SECTIONS = ("months", "weekdays", "units", "parts_of_day", "seasons", "deictic_days", "deictic_parts_of_day",
                 "anaphoric_days", "anaphoric_moments", "relative_units", "vague", "ref_adjectives", "holidays",
                 "ordinals", "numbers", "approximate_numbers")
_PATTERN_WORDS = tuple(_LEX["pattern_cue_words"])  # spelt out by the patterns, in no lexicon section
CUE_MARGIN = 40


def _cue_forms() -> set[str]:
    forms: set[str] = set(_PATTERN_WORDS)
    for section in _CUE_SECTIONS:
        table = _LEX[section]
        for key in table:
            forms.add(str(key))
            values = table[key] if isinstance(table, dict) else None
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                forms.update(values)  # spellings (months), not codes (seasons)
    return forms


# Function words never serve as a cue: a form of several words is cued by its most specific one.
_NOT_CUES = frozenset(_LEX["not_cues"])
_WORD = re.compile(r"[^\W_]+")


def _cue_words() -> frozenset[str]:
    words: set[str] = set()
    for form in _cue_forms():
        parts = [w for w in _WORD.findall(form.lower()) if not w.isdigit()]
        specific = [w for w in parts if w not in _NOT_CUES]
        if len(parts) == 1:
            words.update(specific)  # not "un", "une": in "un jour" the unit is the cue
        elif specific:
            words.add(max(specific, key=len))
        else:
            words.update(parts)
    return frozenset(words)


_CUE_WORDS = _cue_words()


def _is_cue(word: str, cue_words: frozenset[str] = _CUE_WORDS) -> bool:
    lowered = word.lower()
    return (lowered in cue_words or any(s in cue_words for s in singulars(lowered))  # "tous les lundis"
            or any(c.isdigit() for c in word))


def _window_end(text: str, end: int) -> int:
    """`end` moved past the rest of the word it cuts, the blank after it and the next word: the
    regex engine takes a window's end for the text's end, so a cut word ("en mai|ntenant") would
    look complete, and lookaheads (" 500" after a year) read that far."""
    return _WINDOW_TAIL.match(text, min(end, len(text))).end()  # type: ignore[union-attr]


_WINDOW_TAIL = re.compile(r"\S*\s*\S*")  # \s is str.isspace()


# Each pattern's matches also contain a word of a narrower set, as a whole word (or a digit):
# a window is scanned with a pattern only when one of the window's cues is of that pattern's set.
# None: no such set (a determiner may be glued to the word: "lanuit").
_DIGIT = "digit"
# the words of a pattern's set that the pattern spells itself (timex.yaml, `pattern_words`)
_SET_UNITS = words("set_units")
_SET_CUES = tuple(w for w in _SET_UNITS if not any(s in _SET_UNITS for s in singulars(w)))  # "jours": "jour" cues it
_PATTERN_CUES: dict[Builder, tuple[str | tuple[str, ...], ...] | None] = {
    _b_iso: (_DIGIT,), _b_numeric: (_DIGIT,), _b_year: (_DIGIT,), _b_decade: (_DIGIT, tuple(words("decades"))),
    _b_clock: (_DIGIT,),
    _b_period: ("months",), _b_list: ("months",), _b_daymonth: ("months",), _b_monthyear: ("months",),
    _b_dayonly: (_DIGIT,), _b_month: ("months",), _b_season: ("seasons",), _b_century: (tuple(words("century")),),
    _b_wdperiod: ("weekdays",), _b_weekday: ("weekdays",),
    _b_deictic: ("deictic_days", "deictic_parts_of_day"), _b_anaphoric: ("anaphoric_days",),
    _b_moment: ("anaphoric_moments",),
    _b_pod: None, _b_relunit: None, _b_unitedge: (tuple(words("edge_units")),),
    _b_clock_words: (_DIGIT, tuple(words("clock_words"))), _b_clock_range: (_DIGIT,),
    _b_ago: ("units",), _b_in: ("units",), _b_later: ("units",), _b_duration: ("units",), _b_fraction: ("units",),
    _b_set: (_SET_CUES, "weekdays"), _b_vague: ("vague",),
    _b_refadj: ("ref_adjectives",), _b_holiday: ("holidays",),
    _b_quarter: (tuple(words("quarter_units")),), _b_nth_weekday: ("months",),
}  # fmt: skip


def _section_cues(forms: Iterable[str]) -> set[str]:
    """The cue word of each form, as `_cue_words` picks it."""
    words: set[str] = set()
    for form in forms:
        parts = [w for w in _WORD.findall(form.lower()) if not w.isdigit()]
        specific = [w for w in parts if w not in _NOT_CUES]
        if len(parts) == 1:
            words.update(specific)
        elif specific:
            words.add(max(specific, key=len))
        else:
            words.update(parts)
    return words


def _cue_groups() -> tuple[list[int], dict[str, int], int]:
    """Per pattern, the bit of its cue set (-1: every window); cue word -> bits of the sets holding
    it; the bit of words with a digit."""
    bits: dict[tuple, int] = {}
    pattern_bits: list[int] = []
    word_bits: dict[str, int] = {}
    digit_bit = 0
    for _rx, builder in _COMPILED:
        spec = _PATTERN_CUES[builder]
        if spec is None:
            pattern_bits.append(-1)
            continue
        bit = bits.setdefault(spec, 1 << len(bits))
        pattern_bits.append(bit)
        for part in spec:
            if part == _DIGIT:
                digit_bit |= bit
                continue
            if isinstance(part, tuple):
                forms: set[str] = set(part)
            else:
                table = _LEX[part]
                forms = {str(k) for k in table}
                for key in table:
                    values = table[key] if isinstance(table, dict) else None
                    if isinstance(values, list) and all(isinstance(v, str) for v in values):
                        forms.update(values)
            for word in _section_cues(forms):
                assert word in _CUE_WORDS, word  # a pattern's cue is a cue: its windows exist
                word_bits[word] = word_bits.get(word, 0) | bit
    return pattern_bits, word_bits, digit_bit


_PATTERN_BITS, _WORD_BITS, _DIGIT_BIT = _cue_groups()
_ALL_BITS = -1
# letters that re.IGNORECASE takes for a cue's letter but str.lower() does not turn into it ("ſ", "İ")
_CUE_LETTERS = "".join(sorted({c for w in _WORD_BITS for c in w}))
_ODD_CASE = frozenset(
    c for c in re.findall(f"[{re.escape(_CUE_LETTERS)}]", "".join(map(chr, range(0x80, 0x10000))), re.IGNORECASE)
    if c.lower() not in _CUE_LETTERS
)
_CUE_CACHE: dict[str, int] = {}  # word -> its cue bits (0: no cue), emptied when full
_CUE_CACHE_SIZE = 50_000


def _cue_bits(word: str) -> int:
    """0 when ``word`` is no cue; else the bits of the pattern cue sets it belongs to (-1 when unsure)."""
    bits = _CUE_CACHE.get(word)
    if bits is not None:
        return bits
    if len(_CUE_CACHE) >= _CUE_CACHE_SIZE:
        _CUE_CACHE.clear()
    bits = 0
    if _is_cue(word):
        lowered = word.lower()
        bits = _WORD_BITS.get(lowered, 0)
        for singular in singulars(lowered):
            bits |= _WORD_BITS.get(singular, 0)
        if any(c.isdigit() for c in word):
            bits |= _DIGIT_BIT
        if not _ODD_CASE.isdisjoint(word):
            bits = _ALL_BITS
        bits = bits or (1 << 62)  # a cue of no pattern's set: the window still exists
    _CUE_CACHE[word] = bits
    return bits


def _cued_windows(text: str) -> list[tuple[int, int, int]]:
    """Disjoint extents of the text around its cues, in order, with the cue bits they hold."""
    windows: list[tuple[int, int, int]] = []
    cache = _CUE_CACHE
    for cue in _WORD.finditer(text):
        word = cue.group()
        bits = cache.get(word)
        if bits is None:
            bits = _cue_bits(word)
        if not bits:
            continue
        start, end = max(0, cue.start() - CUE_MARGIN), _window_end(text, cue.end() + CUE_MARGIN)
        if windows and start <= windows[-1][1]:
            last = windows[-1]
            windows[-1] = (last[0], end, last[2] | bits)
        else:
            windows.append((start, end, bits))
    return windows


def _windows(text: str) -> list[tuple[int, int]]:
    """Disjoint extents of the text around its cues, in order."""
    return [(start, end) for start, end, _bits in _cued_windows(text)]


def _candidates(text: str, windows: list[tuple[int, int]] | None = None) -> list[_Cand]:
    """Every pattern's readings, the longest kept where they overlap. `windows`: where to
    scan (default: around the cues, each pattern only where its own cues are; [(0, len(text))]
    scans everything)."""
    cands: list[_Cand] = []
    extents = _cued_windows(text) if windows is None else [(start, end, _ALL_BITS) for start, end in windows]
    for priority, (rx, builder) in enumerate(_COMPILED):
        bit = _PATTERN_BITS[priority]
        for start, end, bits in extents:
            if not bits & bit:
                continue
            for m in rx.finditer(text, start, end):
                if m.end("core") <= m.start("core"):
                    continue
                items = builder(m, text)
                if items:
                    cands.append(_Cand(m.start(), m.end(), priority, items))
    # longest first, then pattern order: the most specific reading wins
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    kept: list[_Cand] = []
    starts: list[int] = []  # kept extents, sorted and disjoint
    ends: list[int] = []
    for c in cands:
        i = bisect.bisect_right(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)
