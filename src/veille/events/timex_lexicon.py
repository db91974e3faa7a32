"""The French temporal tagger's language resources: the lexicon of ``data/timex.yaml`` read
into lookup tables, and the regular-expression pieces the patterns are built from."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

# --------------------------------------------------------------------------- lexicon

_DATA = Path(__file__).parent / "data" / "timex.yaml"
_LEX: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))

_WS_CHARS = "\\s\u00a0\u202f"
WS = f"[{_WS_CHARS}]{{1,8}}"  # bounded: long runs of blanks must not make matching quadratic
WS0 = f"[{_WS_CHARS}]{{0,8}}"
AP = "['\u2019]"
HY = "[-\u2011]"
L = r"(?<!\w)"
R = r"(?!\w)"
J = rf"(?:(?<=['\u2019]){WS0}|{WS})"  # junction: white space, or nothing after an apostrophe


# letters a lookup key folds ("à" to "a"), and the capitals a pattern also takes for a letter ("A" for "à")
_KEY_FOLDS: dict[str, str] = {str(k): str(v) for k, v in _LEX["pattern_words"]["key_folds"].items()}
_LOOSE_CAPITALS: dict[str, str] = {str(k): str(v) for k, v in _LEX["pattern_words"]["loose_capitals"].items()}


def _norm(s: str) -> str:
    """Lookup key: lower case, straight apostrophe, single spaces, letters folded (key_folds: "à" to "a")."""
    s = s.lower().replace("\u2019", "'").replace("\u2011", "-")
    for letter, folded in _KEY_FOLDS.items():
        s = s.replace(letter, folded)
    return re.sub(f"[{_WS_CHARS}]+", " ", s).strip()


def _form(s: str, loose_a: bool = False) -> str:
    out = []
    for ch in s:
        if ch == "'":
            out.append(AP)
        elif ch in _LOOSE_CAPITALS and loose_a:
            out.append(f"(?:{re.escape(ch)}|(?-i:{_LOOSE_CAPITALS[ch]}))")  # "A l'avenir": À is often written A
        elif ch == " ":
            out.append(WS)
        elif ch == "-":
            out.append(HY)
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(forms: Iterable[str], loose_a: bool = False) -> str:
    return "(?:" + "|".join(_form(f, loose_a) for f in sorted(set(forms), key=len, reverse=True)) + ")"


def words(role: str) -> list[str]:
    """The forms of a class of timex.yaml's `pattern_words`, in their order (a table's keys)."""
    return [str(w) for w in _LEX["pattern_words"][role]]


def singulars(word: str) -> list[str]:
    """The word without each plural ending of `pattern_words` it ends in ("lundis": "lundi")."""
    return [word[: -len(e)] for e in _PLURAL_ENDINGS if len(word) > len(e) and word.endswith(e)]


_PLURAL_ENDINGS = tuple(words("plural_endings"))


def table(role: str) -> dict[str, Any]:
    """A class of `pattern_words` that maps each form to what it means ("prochain": "next")."""
    return {_norm(str(k)): v for k, v in _LEX["pattern_words"][role].items()}


def _seq(forms: Iterable[str]) -> str:
    """The forms as alternatives, in their order (no group: the caller's)."""
    return "|".join(_form(f) for f in forms)


def seq(role: str) -> str:
    """A role's forms as a group of alternatives, in their order."""
    return "(?:" + _seq(words(role)) + ")"


def then(role: str, glue: str | None = None) -> str:
    """A role's forms, each followed by white space, or by `glue` (default: optional white space) when it
    ends in an apostrophe ("de ", "d'")."""
    return "(?:" + "|".join(_form(f) + ((WS0 if glue is None else glue) if f.endswith("'") else WS)
                            for f in words(role)) + ")"


def bounded(role: str) -> str:
    """A role's forms, each a whole word but for those ending in an apostrophe."""
    return "(?:" + "|".join(_form(f) + ("" if f.endswith("'") else R) for f in words(role)) + ")"


def elided(role: str) -> str:
    """A role's forms that end in an apostrophe ("d'"), as a group of alternatives."""
    return "(?:" + _seq(f for f in words(role) if f.endswith("'")) + ")"


def plain(role: str) -> str:
    """A role's forms for a pattern run on lookup keys (`_norm`: single spaces, straight apostrophes)."""
    return "(?:" + "|".join(re.escape(f) for f in words(role)) + ")"


def _raw(section: str) -> list[str]:
    """The lexicon's own spellings of a section's keys (or items), for building patterns."""
    return [str(k) for k in _LEX[section]]


def _inverse(table: dict[Any, list[str]]) -> dict[str, int]:
    return {_norm(form): int(key) for key, forms in table.items() for form in forms}


MONTHS = _inverse(_LEX["months"])
WEEKDAYS = _inverse(_LEX["weekdays"])
NUMBERS: dict[str, int] = {_norm(k): int(v) for k, v in _LEX["numbers"].items()}
APPROX: dict[str, int] = {_norm(k): int(v) for k, v in _LEX["approximate_numbers"].items()}
VAGUE_Q = {_norm(w) for w in _LEX["vague_quantities"]}
ORDINALS: dict[str, int] = {_norm(str(k)): int(v) for k, v in _LEX["ordinals"].items()}
UNITS: dict[str, str] = {_norm(k): v for k, v in _LEX["units"].items()}
UNITS_NEEDING_CUE = {_norm(u) for u in _LEX["units_needing_cue"]}
DURATION_CUES = {_norm(c) for c in _LEX["duration_cues"]}
DURATION_VERBS = tuple(_norm(v) for v in _LEX["duration_verbs"])
POSTPONED_TO = tuple(_norm(v) for v in _LEX["postponed_to"])
DURATION_MODIFIERS = tuple(_norm(v) for v in _LEX["duration_modifiers"])
FRACTIONS: dict[str, float] = {_norm(k): float(v) for k, v in _LEX["fractions"].items()}
PARTS_OF_DAY: dict[str, str] = {_norm(k): v for k, v in _LEX["parts_of_day"].items()}
OCCASION_PREPOSITIONS = frozenset(_LEX["occasion"]["prepositions"])  # read by events/dates.py
OCCASION_FRAMES: dict[str, str] = dict(_LEX["occasion"]["frames"])
MEDIA_PREPOSITIONS = frozenset(_LEX["occasion"]["media"]["prepositions"])
MEDIA_NOUNS = frozenset(_LEX["occasion"]["media"]["nouns"])
DAYS_AFTER: dict[str, int] = {str(k): int(v) for k, v in _LEX["days_after"].items()}  # read by events/dates.py
POD_ALONE: dict[str, list[str]] = {str(k): [str(w) for w in v] for k, v in _LEX["part_of_day_alone"].items()}
DEICTIC_DAYS: dict[str, int] = {_norm(k): int(v) for k, v in _LEX["deictic_days"].items()}
# words that name a time ("jeudi", "octobre", "soir", "hier"): never a party nor a source
TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(PARTS_OF_DAY) | frozenset(DEICTIC_DAYS)
DEICTIC_PRESENT = {_norm(w) for w in _LEX["deictic_present"]}
DEICTIC_POD = {_norm(p) for p in _LEX["deictic_parts_of_day"]}
ANAPHORIC_DAYS: dict[str, int] = {_norm(k): int(v) for k, v in _LEX["anaphoric_days"].items()}
SEASONS: dict[str, tuple[str, int]] = {_norm(k): (v[0], int(v[1])) for k, v in _LEX["seasons"].items()}
HOLIDAYS: dict[str, Any] = {_norm(k): v for k, v in _LEX["holidays"].items()}
REL_UNITS: dict[str, str] = {_norm(k): v for k, v in _LEX["relative_units"].items()}
REL_MODS: dict[str, tuple[int, bool]] = {
    _norm(k): (int(v[0]), bool(v[1])) for k, v in _LEX["relative_modifiers"].items()
}
VAGUE: dict[str, str] = {_norm(k): v for k, v in _LEX["vague"].items()}
VAGUE_NOT_AFTER: dict[str, set[str]] = {_norm(k): {_norm(w) for w in v} for k, v in _LEX["vague_not_after"].items()}
REF_ADJ: dict[str, str] = {_norm(k): v for k, v in _LEX["ref_adjectives"].items()}
REF_ADJ_ANYWHERE = {_norm(w) for w in _LEX["ref_adjectives_anywhere"]}
DETERMINERS = {_norm(w) for w in _LEX["determiners"]}
DECADE_WORDS: dict[str, int] = {_norm(k): int(v) for k, v in _LEX["decade_words"].items()}
YEAR_CUE_WORDS = {_norm(w) for w in _LEX["year_cue_words"]}
NOT_BEFORE_YEAR = {_norm(w) for w in _LEX["not_before_year"]}
COUNT_UNITS = {_norm(u) for u in _LEX["count_units"]}
FUNCTION_WORDS_S = {_norm(w) for w in _LEX["function_words_s"]}
_FUT = _LEX["future_cue"]
FUTURE_WORDS = {_norm(w) for w in _FUT["words"]}
SCHEDULED = {_norm(w) for w in _FUT["scheduled"]}
SCHEDULED_REFLEXIVES = {_norm(w) for w in _FUT["scheduled_reflexives"]}
FUTURE_NOT_VERBS = {_norm(w) for w in _FUT["not_verbs"]}
SUBJUNCTIVES = {_norm(w) for w in _FUT.get("subjunctives", [])}
_PAST = _LEX["past_cue"]
PAST_AUX = {_norm(w) for w in _PAST["auxiliaries"]}
FRONT_WORDS = {_norm(w) for w in _LEX["front_words"]}
SHORT_PARTICIPLES = {_norm(w) for w in _PAST["short_participles"]}
PRESENT_AUX = {_norm(w) for w in _FUT["present_auxiliaries"]}
ANNOUNCED = {_norm(w) for w in _FUT["announced"]}
PLANNED = {_norm(w) for w in _FUT["planned"]}
PLANNED_LINKS = {_norm(w) for w in _FUT["planned_links"]}
PAST_NOT_VERBS = {_norm(w) for w in _PAST["not_verbs"]}
_PARTICIPLE_ENDINGS = sorted(_PAST["participle_endings"], key=len, reverse=True)
PAST_PARTICIPLE = re.compile(r"^\w{2,}?(?:" + "|".join(_PARTICIPLE_ENDINGS) + r")$")
PAST_IMPERFECT = re.compile(r"^\w+?" + "".join(f"(?<!{re.escape(x)})" for x in _PAST["imperfect_not_after"])
                            + "(?:" + "|".join(_PAST["imperfect_endings"]) + r")$")
FUTURE_ENDING = re.compile(r"^(?!" + "|".join(_FUT["not_beginnings"]) + r")\w+?(?:" + "|".join(_FUT["endings"]) + r")$")

# --------------------------------------------------------------------------- regex pieces

MONTH = _alt(MONTHS) + R
WD = _alt(WEEKDAYS) + R
NUMWORD = _alt(_raw("numbers")) + R
_AND = seq("and")
NUMW = rf"{NUMWORD}(?:(?:{WS0}{HY}{WS0}|{WS}){NUMWORD}|(?:{WS}{_AND}{WS}|{HY}{_AND}{HY}){seq('after_and')}{R}){{0,7}}"
DIGITS = r"(?<![\d,.])\d{1,3}(?:[,.]\d+)?(?![\d])"
APPROXW = _alt(_raw("approximate_numbers")) + R
VAGUE_Q_ALT = _alt(_raw("vague_quantities"))
OF_THEN = then("elided_of")  # "de ", "d'"
QTY = (rf"(?:{DIGITS}|{NUMW}|{VAGUE_Q_ALT}{R}|{seq('vague_determiners')}{R}"
       rf"|{seq('indefinite_articles')}{WS}{APPROXW}{WS}{bounded('elided_of')})")
UNIT = _alt(_raw("units")) + R
DAY = rf"(?:1[\s\u00a0]?{seq('first_day_suffix')}|{seq('first_day')}|[12]\d|3[01]|0?[1-9])(?![\d\w])"
YEARX = r"(?<![\d,.])(?:1\d{3}|20\d{2}|21\d{2})(?![\d])(?![,.]\d)(?![\s\u00a0\u202f]\d{3}(?!\d))"
# a year after a month may be written with two digits ("octobre 98", "le 10 novembre 93", "l'été 98"),
# not before a count ("le 5 mai 12 policiers", "le 3 mars 15 000") nor a clock time
YEARY = (rf"(?:{YEARX}|['’]?\d{{2}}(?![\d\w])(?![,.]\d)(?!{WS0}{seq('not_after_short_year')}(?!\w))"
         rf"(?!{WS0}\d)(?!{WS}[^\W\d_]+{seq('plural_endings')}(?!\w)))")
POD = _alt(_raw("parts_of_day")) + R
HALF = rf"{WS}{_AND}{WS}{seq('half')}{R}"
_MID = seq("mid")
MODPRE = (
    rf"(?:(?:{seq('mid_article')}{WS})?{_MID}{WS0}{HY}{WS0}|{_MID}{WS}|{seq('month_edges')}{WS}"
    rf"|{seq('the_month')}{WS}{OF_THEN})"
)
RELMOD = _alt(_raw("relative_modifiers")) + R
SEASON_ALT = _alt(_raw("seasons"))
DEICTIC_ALT = _alt(_raw("deictic_days"))
DEICTIC_POD_ALT = _alt(_raw("deictic_parts_of_day"))
ANAPHORIC_ALT = _alt(_raw("anaphoric_days"))
MOMENT_ALT = _alt(_raw("anaphoric_moments"))
RELUNIT_ALT = _alt(_raw("relative_units"))
VAGUE_ALT = _alt(_raw("vague"), loose_a=True)
DECADE_ALT = _alt(_raw("decade_words"))
REF_ADJ_ALT = _alt(_raw("ref_adjectives"))
HOLIDAY_ALT = _alt(_raw("holidays"))
PRE_HOLIDAY = _alt(_LEX["holiday_prepositions"], loose_a=True)
ORDINAL_ALT = _alt(_raw("ordinals"))
WEEKDAY_ALT = _alt(WEEKDAYS)

# timex_anchor.py: a day restated after a comma, a day the narrative is not on
APPOSITION_PREPOSITIONS = _alt(_LEX["apposition"]["prepositions"])
APPOSITION_ARTICLES = _alt(_LEX["apposition"]["articles"])
ASIDE_SINCE = _alt(_LEX["aside"]["since"])
ASIDE_SINCE_ARTICLES = _alt(_LEX["aside"]["since_articles"])
PERIOD_BOUNDS = frozenset(_LEX["period_bounds"])  # "depuis 2019, ...": no year the sentence is in
OF_FORMS = _alt(_LEX["of_forms"])

# the prepositions an expression may open with, left out of its span ("en mai", "dès lundi"): timex.yaml
_PREPOSITIONS: dict[str, list[str]] = _LEX["prepositions"]
PRE_GENERAL = _alt(_PREPOSITIONS["general"])


def _pre(alternatives: str | None = None) -> str:
    """An optional leading preposition, captured as group ``pre`` and left out of the span."""
    return rf"(?:(?P<pre>{alternatives or PRE_GENERAL}){J})?"


PRE_MONTH = _alt(_PREPOSITIONS["month"])
PRE_WEEKDAY = _alt(_PREPOSITIONS["weekday"])
PRE_ANAPHORIC = _alt(_PREPOSITIONS["anaphoric"])
PRE_EDGE = _alt(_PREPOSITIONS["edge"])
PRE_CLOCK = _alt(_PREPOSITIONS["clock"])
PRE_SEASON = _alt(_PREPOSITIONS["season"])
PRE_CLOCK_WORDS = _alt(_PREPOSITIONS["clock_words"])
