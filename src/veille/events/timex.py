"""French temporal expressions: find them and normalise them to TIMEX3 values.

``tag(text, anchor)`` returns every temporal expression of ``text`` as a :class:`Timex`
(character offsets into ``text``, label DATE | TIME | DURATION | SET, TIMEX3 ``value``).
The lexicon (month and day names, number words, relative expressions and their offsets)
lives in ``data/timex.yaml``; the patterns are compiled once, at import.

Resolution (anchor = the document's publication date, ISO, possibly partial):

- Absolute dates keep their own value: "le 22 décembre 2021" → 2021-12-22, "en mars 2021"
  → 2021-03, "en 2021" → 2021, "au XXIe siècle" → 20, "les années 1990" → 199,
  "l'automne 2020" → 2020-FA. A four-digit number is a year after a preposition ("en",
  "de", "depuis"…) or standing alone ("(2020)", "1978, 1986"); not in "2 500 hommes",
  "2000 soldats", nor right after a word ("Vision 2040", "Tour de France 2022": names).
  A month name needs a day, a year or a cue ("en", "depuis", "début", "fin", "mi-"), so
  the planet Mars and the name Mai are left alone.
- A day and month without a year take the year that puts them nearest the anchor,
  preferring one where a given weekday matches ("le 28 décembre" on 2022-01-03 →
  2021-12-28). A month or season alone is the most recent one at or before the anchor
  ("en décembre" on 2022-01-11 → 2021-12).
- A weekday alone is the most recent such day *at or before* the anchor: the anchor day
  itself counts, because news copy names the day of publication by its weekday ("a
  annoncé jeudi" in a Thursday dispatch; the gold files read it so). "dernier" means
  strictly before, "prochain" strictly after, "précédent"/"suivant" are counted from the
  last date the text resolved.
- Deictic expressions ("hier", "il y a cinq jours", "la semaine dernière" → ISO week
  2022-W01, "le mois dernier", "l'an dernier", "cette semaine") count from the anchor:
  they are the writer's "now", so "il y a cinq jours" in a text published 2022-01-11 is
  2022-01-06 even when the text relays an older dispatch.
- Anaphoric expressions ("la veille", "le lendemain", "le jour même", "trois jours plus
  tard", "la semaine précédente") count from the last date the text resolved, else from
  the anchor. "la veille de …"/"au lendemain de …" are relative to an event, not to a
  date: they are tagged with an unresolved value.
- Without an anchor, the reference is the latest calendar date the text gives before the
  expression, and a weekday is then the nearest such day (±3 days) to it. A day and month
  before any such date count from the latest full date the text gives anywhere; without an
  anchor, a day and month in a future clause ("tiendra le 11 novembre") is the first one after
  the reference. A weekday with a
  day and month ("mardi 13 septembre") with no reference at all takes the year, near the
  first year the text gives, whose calendar matches.
- Direction: a month, season or weekday alone refers to the past (news). ``tense="future"``
  turns them forward; ``tense="auto"`` does so when a future or conditional verb stands
  near the expression in its clause ("inviteraient officiellement mercredi"). The spaCy
  component uses "auto" (``nlp.add_pipe("veille_timex", config={"tense": "past"})`` to change).
- Parts of day: "dans la soirée du 5 janvier", "mercredi soir", "la nuit du 5 au 6 janvier"
  are TIME with the date as ``value`` (day precision) and, for a night or a span of days,
  ``end_value``. Clock times ("à 20h00") are TIME "XXXX-XX-XXT20:00".
- Vague: "récemment" PAST_REF, "actuellement"/"désormais" PRESENT_REF, "bientôt"
  FUTURE_REF; "quelques heures plus tard" is TIME FUTURE_REF; "il y a quelques jours" is
  DATE PAST_REF; "depuis quelques jours" is DURATION PXD.
- Durations: "depuis un an" P1Y, "pendant trois jours" P3D, "un mois et demi" P1.5M,
  "quatre à six mois" P4M with end_value P6M, "vingt-quatre heures" PT24H.

Unresolvable values keep TIMEX3's X notation ("XXXX-WXX-3", "XXXX-11-11", "XXXX-XX-XX")
with ``precision=None`` and ``anchored=False``. ``precision`` is day | week | month |
season | quarter | year | decade | century for calendar values, None otherwise;
``anchored`` says the value needed the anchor or the text's context. Spans leave out a
leading preposition ("en", "depuis", "dans", "à") but keep determiners and "il y a".
:func:`as_calendar` turns a value into a plain ISO date prefix (2022-W01 → 2022-01) when
there is one.

spaCy: the ``veille_timex`` factory adds one Span per Timex to ``doc.spans["mentions"]``
(label DATE/TIME/DURATION/SET, ``span._.value`` = TIMEX3 value), anchored on
``doc._.published``, and stores the full list of :class:`Timex` objects (with precision,
anchored, end_value) in ``doc.user_data["veille_timex"]``; :func:`doc_timexes` reads it
back (the objects survive ``Doc.to_bytes``, DocBin and ``nlp.pipe(n_process=2)``: a msgpack
encoder is registered for them). The event coder picks the Timex inside a clause by character offsets, e.g.
``[t for t in doc_timexes(doc) if sent.start_char <= t.start < sent.end_char]``.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import srsly
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp.extensions import MENTIONS, doc_text  # importing it registers doc._.published, span._.value

__all__ = ["Timex", "TimexComponent", "USER_DATA_KEY", "as_calendar", "doc_timexes", "parse_number", "tag"]

USER_DATA_KEY = "veille_timex"

Tense = Literal["past", "future", "auto"]


@dataclass
class Timex:
    """One temporal expression: where it is, what kind, and its TIMEX3 value."""

    start: int
    end: int
    text: str
    label: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    precision: str | None  # day | week | month | season | quarter | year | decade | century | None
    anchored: bool  # resolved against the anchor or the text's earlier dates
    end_value: str | None = None  # for periods ("du 5 au 6 janvier") and duration ranges


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


def _norm(s: str) -> str:
    """Lookup key: lower case, straight apostrophe, single spaces, "à" folded to "a"."""
    s = s.lower().replace("\u2019", "'").replace("\u2011", "-").replace("à", "a")
    return re.sub(f"[{_WS_CHARS}]+", " ", s).strip()


def _form(s: str, loose_a: bool = False) -> str:
    out = []
    for ch in s:
        if ch == "'":
            out.append(AP)
        elif ch == "à" and loose_a:
            out.append("(?:à|(?-i:A))")  # "A l'avenir": a capital À is often written A
        elif ch == " ":
            out.append(WS)
        elif ch == "-":
            out.append(HY)
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(forms: Iterable[str], loose_a: bool = False) -> str:
    return "(?:" + "|".join(_form(f, loose_a) for f in sorted(set(forms), key=len, reverse=True)) + ")"


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
PARTS_OF_DAY: dict[str, str] = {_norm(k): v for k, v in _LEX["parts_of_day"].items()}
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
NOT_BEFORE_YEAR = {_norm(w) for w in _LEX["not_before_year"]}
COUNT_UNITS = {_norm(u) for u in _LEX["count_units"]}
FUNCTION_WORDS_S = {_norm(w) for w in _LEX["function_words_s"]}
_FUT = _LEX["future_cue"]
FUTURE_WORDS = {_norm(w) for w in _FUT["words"]}
FUTURE_NOT_VERBS = {_norm(w) for w in _FUT["not_verbs"]}
SUBJUNCTIVES = {_norm(w) for w in _FUT.get("subjunctives", [])}
_PAST = _LEX["past_cue"]
PAST_AUX = {_norm(w) for w in _PAST["auxiliaries"]}
FRONT_WORDS = {_norm(w) for w in _LEX["front_words"]}
SHORT_PARTICIPLES = {_norm(w) for w in _PAST["short_participles"]}
PRESENT_AUX = {_norm(w) for w in _FUT["present_auxiliaries"]}
ANNOUNCED = {_norm(w) for w in _FUT["announced"]}
PAST_NOT_VERBS = {_norm(w) for w in _PAST["not_verbs"]}
_PARTICIPLE_ENDINGS = sorted(_PAST["participle_endings"], key=len, reverse=True)
PAST_PARTICIPLE = re.compile(r"^\w{2,}?(?:" + "|".join(_PARTICIPLE_ENDINGS) + r")$")
PAST_IMPERFECT = re.compile(r"^\w+?(?<!r)(?:" + "|".join(_PAST["imperfect_endings"]) + r")$")
FUTURE_ENDING = re.compile(r"^(?!aur)\w+?(?:" + "|".join(_FUT["endings"]) + r")$")

# --------------------------------------------------------------------------- regex pieces

MONTH = _alt(MONTHS) + R
WD = _alt(WEEKDAYS) + R
NUMWORD = _alt(_raw("numbers")) + R
NUMW = rf"{NUMWORD}(?:(?:{WS0}{HY}{WS0}|{WS}){NUMWORD}|(?:{WS}et{WS}|{HY}et{HY})(?:une?|onze){R}){{0,7}}"
DIGITS = r"(?<![\d,.])\d{1,3}(?:[,.]\d+)?(?![\d])"
APPROXW = _alt(_raw("approximate_numbers")) + R
VAGUE_Q_ALT = _alt(_raw("vague_quantities"))
QTY = rf"(?:{DIGITS}|{NUMW}|{VAGUE_Q_ALT}{R}|des{R}|une?{WS}{APPROXW}{WS}d(?:e{R}|{AP}))"
UNIT = _alt(_raw("units")) + R
DAY = r"(?:1[\s\u00a0]?er|premier|[12]\d|3[01]|0?[1-9])(?![\d\w])"
YEARX = r"(?<![\d,.])(?:1\d{3}|20\d{2}|21\d{2})(?![\d])(?![,.]\d)(?![\s\u00a0\u202f]\d{3}(?!\d))"
# a year after a month may be written with two digits ("octobre 98", "le 10 novembre 93", "l'été 98"),
# not before a count ("le 5 mai 12 policiers", "le 3 mars 15 000") nor a clock time
YEARY = (rf"(?:{YEARX}|['’]?\d{{2}}(?![\d\w])(?![,.]\d)(?!{WS0}(?:h|heures?|%|ans?)(?!\w))"
         rf"(?!{WS0}\d)(?!{WS}[^\W\d_]+[sx](?!\w)))")
POD = _alt(_raw("parts_of_day")) + R
HALF = rf"{WS}et{WS}demie?{R}"
MODPRE = (
    rf"(?:(?:la{WS})?mi{WS0}{HY}{WS0}|mi{WS}|début{WS}|fin{WS}|courant{WS}|milieu{WS}"
    rf"|(?:le|au){WS}mois{WS}d(?:e{WS}|{AP}{WS0}))"
)
RELMOD = _alt(_raw("relative_modifiers")) + R
SEASON_ALT = _alt(_raw("seasons"))
DEICTIC_ALT = _alt(_raw("deictic_days"))
DEICTIC_POD_ALT = _alt(_raw("deictic_parts_of_day"))
ANAPHORIC_ALT = _alt(_raw("anaphoric_days"))
RELUNIT_ALT = _alt(_raw("relative_units"))
VAGUE_ALT = _alt(_raw("vague"), loose_a=True)
DECADE_ALT = _alt(_raw("decade_words"))
REF_ADJ_ALT = _alt(_raw("ref_adjectives"))
HOLIDAY_ALT = _alt(_raw("holidays"))
PRE_HOLIDAY = _alt(_LEX["holiday_prepositions"], loose_a=True)
ORDINAL_ALT = _alt(_raw("ordinals"))
WEEKDAY_ALT = _alt(WEEKDAYS)

PRE_GENERAL = _alt(
    [
        "en", "dès", "depuis", "pendant", "durant", "dans", "à", "au", "aux", "avant", "après", "vers",
        "jusqu'en", "jusqu'au", "jusqu'à", "d'ici", "à partir de", "à partir du", "à compter de",
        "à compter du", "pour", "sur", "lors de", "au cours de", "au cours des", "au bout de",
        "au bout d'", "de", "du", "d'", "des", "en moins de", "en plus de", "plus de", "moins de",
        "près de", "jusque", "courant",
    ]
)  # fmt: skip


def _pre(alternatives: str | None = None) -> str:
    """An optional leading preposition, captured as group ``pre`` and left out of the span."""
    return rf"(?:(?P<pre>{alternatives or PRE_GENERAL}){J})?"


PRE_MONTH = _alt(["en", "depuis", "dès", "jusqu'en", "d'ici", "avant", "après", "à partir de", "de", "d'"])
PRE_WEEKDAY = _alt(["dès", "depuis", "jusqu'à", "avant", "après", "pour", "de", "du"])
PRE_ANAPHORIC = _alt(["au", "à", "dès", "dès le", "depuis"])
PRE_EDGE = _alt(["en", "depuis", "dès", "à", "au", "jusqu'à"])
PRE_CLOCK = _alt(["à", "vers", "dès", "depuis", "jusqu'à", "avant", "après", "à partir de",
                  "aux alentours de", "peu avant", "peu après"])  # fmt: skip
PRE_SEASON = _alt(["en", "au", "à", "depuis", "dès", "pendant", "durant", "jusqu'à", "à la fin de", "de", "fin de"])
PRE_CLOCK_WORDS = _alt(["à", "vers", "dès", "jusqu'à", "à partir de", "aux alentours de"])


# --------------------------------------------------------------------------- candidates


@dataclass
class _Item:
    start: int
    end: int
    kind: str
    data: dict[str, Any]


@dataclass
class _Cand:
    start: int  # extent, including a leading preposition (decides overlaps)
    end: int
    priority: int
    items: list[_Item]


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _core(m: re.Match[str]) -> tuple[int, int]:
    return m.start("core"), m.end("core")


def _year(s: str) -> int:
    """A written year: four digits, or two ("98" → 1998, "'02" → 2002)."""
    digits = s.lstrip("'’")
    if len(digits) == 2:
        return int(digits) + (1900 if int(digits) >= 30 else 2000)
    return int(digits)


def _day(s: str) -> int:
    s = _norm(s).replace(" ", "")
    if s in ("1er", "premier"):
        return 1
    return int(s)


def parse_number(s: str) -> float | None:
    """'vingt-quatre' → 24, 'quatre-vingt-dix' → 90, '1,5' → 1.5; None if not a number."""
    s = _norm(s)
    if re.fullmatch(r"\d+(?:[,.]\d+)?", s):
        return float(s.replace(",", "."))
    tokens = [t for t in re.split(r"[\s-]+", s) if t and t != "et"]
    if not tokens:
        return None
    total, current, prev = 0, 0, None
    for tok in tokens:
        if tok not in NUMBERS:
            return None
        v = NUMBERS[tok]
        if v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif v == 100:
            current = max(current, 1) * 100
        elif v == 20 and prev == "quatre" and current % 100 == 4:
            current += 76  # quatre-vingt(s)
        else:
            current += v
        prev = tok
    return float(total + current)


def _qty(s: str) -> tuple[float | None, bool]:
    """Quantity text → (number, vague). Vague quantities (quelques, plusieurs, des) give None."""
    n = _norm(s)
    if n in VAGUE_Q or n == "des":
        return None, True
    m = re.fullmatch(r"une? (\w+) d(?:e|')", n)
    if m and m.group(1) in APPROX:
        return float(APPROX[m.group(1)]), False
    return parse_number(n), False


def _thousands_before(text: str, start: int) -> bool:
    return bool(re.search(rf"\d[{_WS_CHARS}]?$", text[max(0, start - 2) : start]))


def _next_word(text: str, end: int) -> str:
    m = re.match(rf"{WS0}([%€$]|[\w'’]+)", text[end : end + 40])
    return _norm(m.group(1)) if m else ""


# Builders: each takes a match (and the text) and returns a candidate or None.

Builder = Callable[[re.Match[str], str], list[_Item] | None]


def _b_iso(m: re.Match[str], text: str) -> list[_Item] | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid(y, mo, d):
        return None
    return [_Item(*_core(m), "date", {"y": y, "m": mo, "d": d})]


def _b_numeric(m: re.Match[str], text: str) -> list[_Item] | None:
    d, mo, ys = int(m["d"]), int(m["m"]), m["y"]
    y = int(ys) if len(ys) == 4 else int(ys) + (2000 if int(ys) < 50 else 1900)
    if not _valid(y, mo, d):
        return None
    return [_Item(*_core(m), "date", {"y": y, "m": mo, "d": d})]


def _pod_code(s: str | None) -> str | None:
    if not s:
        return None
    s = _norm(s)
    s = re.sub(r"^(?:au|dans la|en (?:début|fin) d(?:e |')|en|le|la|l') ?", "", s)
    return PARTS_OF_DAY.get(s)


def _b_daymonth(m: re.Match[str], text: str) -> list[_Item] | None:
    d, mo = _day(m["d"]), MONTHS[_norm(m["m"])]
    y = _year(m["y"]) if m["y"] else None
    if not _valid(y or 2000, mo, d):
        return None
    wd = WEEKDAYS[_norm(m["wd"])] if m["wd"] else None
    pod = _pod_code(_g(m, "pod") or _g(m, "pod2"))
    rel = _norm(_g(m, "rel") or "") or None
    data = {"y": y, "m": mo, "d": d, "wd": wd, "pod": pod, "rel": rel}
    if y is None and rel is None:
        if _GENERIC_BEFORE.search(text, max(0, m.start("core") - 20), m.start("core")):
            return [_Item(*_core(m), "set", {"value": f"XXXX-{mo:02d}-{d:02d}"})]  # "chaque 14 juillet"
        if _GENERIC_AFTER.match(text, m.end("core")):
            return [_Item(*_core(m), "generic", {"value": f"XXXX-{mo:02d}-{d:02d}"})]
    return [_Item(*_core(m), "date" if y else "daymonth", data)]


# a day and month of no year: every year's ("chaque 14 juillet": a SET) or any year's
# ("le 15 juillet de chaque année": a DATE of no year)
_GENERIC_BEFORE = re.compile(rf"(?<!\w){_alt(_LEX['generic_dates']['before'])}{WS}$", re.IGNORECASE)
_GENERIC_AFTER = re.compile(rf"{WS0},?{WS0}{_alt(_LEX['generic_dates']['after'])}(?!\w)", re.IGNORECASE)


def _b_list(m: re.Match[str], text: str) -> list[_Item] | None:
    mo = MONTHS[_norm(m["m"])]
    y = int(m["y"]) if m["y"] else None
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if not (_valid(y or 2000, mo, d1) and _valid(y or 2000, mo, d2)):
        return None
    out = []
    for d, wd, s, e in ((d1, m["w1"], m.start("i1"), m.end("i1")), (d2, m["w2"], m.start("i2"), m.end())):
        data = {"y": y, "m": mo, "d": d, "wd": WEEKDAYS[_norm(wd)] if wd else None, "pod": None}
        out.append(_Item(s, e, "date" if y else "daymonth", data))
    return out


def _b_period(m: re.Match[str], text: str) -> list[_Item] | None:
    m2 = MONTHS[_norm(m["m2"])]
    m1 = MONTHS[_norm(m["m1"])] if m["m1"] else m2
    y2 = int(m["y2"]) if m["y2"] else None
    y1 = int(m["y1"]) if m["y1"] else None
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if not (_valid(y1 or 2000, m1, d1) and _valid(y2 or 2000, m2, d2)):
        return None
    data = {
        "d1": d1, "m1": m1, "y1": y1, "d2": d2, "m2": m2, "y2": y2,
        "wd1": WEEKDAYS[_norm(m["w1"])] if m["w1"] else None,
        "wd2": WEEKDAYS[_norm(m["w2"])] if m["w2"] else None,
        "pod": _pod_code(m["pod"]),
    }  # fmt: skip
    if data["pod"] is None:
        return _period_ends(m, data)
    return [_Item(*_core(m), "period", data)]


def _period_ends(m: re.Match[str], x: dict[str, Any]) -> list[_Item] | None:
    """ "du 19 au 23 juillet" is two dates, as TIMEX3 marks them: "19" (month and year taken from
    the end) and "23 juillet"."""
    y2 = x["y2"]
    y1 = x["y1"] or (y2 - 1 if y2 and x["m1"] > x["m2"] else y2)
    if y2 and not _valid(y1, x["m1"], x["d1"]):
        return None
    first_end = next(m.end(g) for g in ("y1", "m1", "d1") if m[g])
    first = {"y": y1, "m": x["m1"], "d": x["d1"], "wd": x["wd1"], "pod": None}
    second = {"y": y2, "m": x["m2"], "d": x["d2"], "wd": x["wd2"], "pod": None}
    return [
        _Item(m.start("w1") if m["w1"] else m.start("d1"), first_end, "date" if y1 else "daymonth", first),
        _Item(m.start("w2") if m["w2"] else m.start("d2"), m.end("core"), "date" if y2 else "daymonth", second),
    ]


def _b_wdperiod(m: re.Match[str], text: str) -> list[_Item] | None:
    data = {
        "wd1": WEEKDAYS[_norm(m["w1"])],
        "wd2": WEEKDAYS[_norm(m["w2"])] if m["w2"] else None,
        "pod": _pod_code(m["pod"]),
    }
    if data["wd2"] is None and data["pod"] is None:
        return None
    return [_Item(*_core(m), "wdperiod", data)]


def _b_monthyear(m: re.Match[str], text: str) -> list[_Item] | None:
    return [_Item(*_core(m), "monthyear", {"y": _year(m["y"]), "m": MONTHS[_norm(m["m"])]})]


def _b_month(m: re.Match[str], text: str) -> list[_Item] | None:
    rel = _norm(m["rel"]) if m["rel"] else None
    if not (m["pre"] or m["mod"] or rel):
        return None
    if m["pre"] and _norm(m["pre"]) in ("de", "d'") and not (m["mod"] or rel) and m["m"][0].isupper():
        return None  # "la mission de Mars"
    if rel is not None:
        rel = "prochain" if rel.startswith("prochain") else "dernier"
    return [_Item(*_core(m), "month", {"m": MONTHS[_norm(m["m"])], "rel": rel})]


def _year_ok(m: re.Match[str], text: str, y: int, cue: bool) -> bool:
    if _thousands_before(text, m.start("y")):
        return False
    before = text[max(0, m.start("y") - 12) : m.start("y")].lower()
    if re.search(r"(?:n°|no\.|numéro|article|page|p\.|[€$£])\s*$|\d[,./-]$", before):
        return False
    nxt = _next_word(text, m.end())
    if re.match(rf"{WS0}pour{WS}cent{R}", text[m.end() : m.end() + 20]):
        return False
    capital = bool(re.match(rf"{WS0}[^\W\d_]", text[m.end() : m.end() + 10])) and bool(
        re.match(rf"{WS0}[A-ZÀ-Ý]", text[m.end() : m.end() + 10]))
    if nxt in COUNT_UNITS or (
        not capital  # "en 1995 Jacques Chirac": a name, not a counted noun
        and re.fullmatch(r"[a-zà-ÿ]+[sx]", nxt or "-") and nxt not in FUNCTION_WORDS_S and nxt not in MONTHS
    ):
        return False
    if cue:
        return 1000 <= y <= 2199
    # without a preposition, a year stands on its own ("(2020)", "1978, 1986") or qualifies a
    # common noun ("le bilan 2001", "la saison 2002"); after a capitalised word it is mostly part
    # of a name ("Vision 2040", "Tour de France 2022")
    prev = text[max(0, m.start("y") - 20) : m.start("y")].rstrip()
    if not 1900 <= y <= 2099:
        return False
    if not prev or prev[-1] in ".,;:!?()[]«»\"'’—–-":
        return True
    # the noun phrase before the year: a determiner, then lower-case words only
    words = re.findall(r"[^\W\d_]+", text[max(0, m.start("y") - 40) : m.start("y")])[-4:]
    if not words or _norm(words[-1]) in NOT_BEFORE_YEAR or len(words[-1]) < 3:
        return False
    for i in range(len(words) - 2, -1, -1):
        if _norm(words[i]) in DETERMINERS:
            return all(w.islower() for w in words[i + 1 :])
    return False


def _b_year(m: re.Match[str], text: str) -> list[_Item] | None:
    y = int(m["y"])
    cue = bool(m["pre"] or m["mod"])
    if not _year_ok(m, text, y, cue):
        return None
    items = [_Item(*_core(m), "year", {"y": y})]
    if m["y2"]:
        y2 = int(m["y2"])
        if 1000 <= y2 <= 2199:
            items.append(_Item(m.start("y2"), m.end("y2"), "year", {"y": y2}))
    return items


def _b_season(m: re.Match[str], text: str) -> list[_Item] | None:
    s = SEASONS[_norm(m["s"])]
    rel = _norm(m["rel"]) if m["rel"] else None
    y = _year(m["y"]) if m["y"] else None
    if not (m["pre"] or m["det"] or y):
        return None
    return [_Item(*_core(m), "season", {"code": s[0], "month": s[1], "y": y, "rel": rel})]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(s: str) -> int | None:
    if not s.isupper() or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def _b_century(m: re.Match[str], text: str) -> list[_Item] | None:
    n = int(m["n"]) if m["n"].isdigit() else _roman(m["n"])
    if not n or n > 30:
        return None
    return [_Item(*_core(m), "century", {"n": n})]


def _b_decade(m: re.Match[str], text: str) -> list[_Item] | None:
    y = m["y"]
    if not y[0].isdigit():  # "les années soixante"
        y = str(DECADE_WORDS[_norm(y)])
    if len(y) == 2:
        y = "19" + y if y != "00" else "2000"
    return [_Item(*_core(m), "decade", {"prefix": y[:3]})]


def _b_weekday(m: re.Match[str], text: str) -> list[_Item] | None:
    rel = _norm(m["rel"]) if m["rel"] else None
    data = {
        "wd": WEEKDAYS[_norm(m["wd"])],
        "rel": rel,
        "det": _norm(m["det"]) if m["det"] else None,
        "pod": _pod_code(m["pod"]),
    }
    return [_Item(*_core(m), "weekday", data)]


def _b_deictic(m: re.Match[str], text: str) -> list[_Item] | None:
    word = _norm(m["w"])
    if word in DEICTIC_DAYS:
        data = {"offset": DEICTIC_DAYS[word], "pod": _pod_code(_g(m, "pod"))}
        # "aujourd'hui" alone, not "d'aujourd'hui": the present, unless its clause dates an event
        data["now"] = (word in DEICTIC_PRESENT and m.end("core") == m.end("w")
                       and not re.search(rf"(?<!\w)d{AP}$", text[max(0, m.start() - 3) : m.start()]))
        if _g(m, "ch"):
            data["clock"] = (int(m["ch"]), int(m["cmi"] or 0))
        return [_Item(*_core(m), "deictic", data)]
    pod = _pod_code(word.split(" ", 1)[1])
    return [_Item(*_core(m), "deictic", {"offset": 0, "pod": pod or "DT"})]


def _b_anaphoric(m: re.Match[str], text: str) -> list[_Item] | None:
    phrase = _norm(m["w"])
    offset = ANAPHORIC_DAYS[phrase]
    pod = _pod_code(m["pod"])
    if pod is None:
        for word, code in PARTS_OF_DAY.items():
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", phrase) and code != "DT":
                pod = code
    nxt = text[m.end() : m.end() + 12]
    event_relative = bool(re.match(rf"{WS}(?:(?:de|du|des)(?!\w)|d{AP})", nxt)) and not m["pod"]
    return [_Item(*_core(m), "anaphoric", {"offset": offset, "pod": pod, "event": event_relative})]


def _b_pod(m: re.Match[str], text: str) -> list[_Item] | None:
    """ "dans la matinée", "en début d'après-midi", "en soirée": a part of the day the text is on."""
    pod = _pod_code(m["pod"])
    if pod is None:
        return None
    return [_Item(*_core(m), "anaphoric", {"offset": 0, "pod": pod, "event": False})]


def _b_relunit(m: re.Match[str], text: str) -> list[_Item] | None:
    det = _norm(m["det"])
    unit = REL_UNITS[_norm(m["u"])]
    if m["ci"] or det in ("ce", "cet", "cette"):
        step, anaphoric = 0, False
    elif m["rel"]:
        step, anaphoric = REL_MODS[_norm(m["rel"])]
    else:
        return None
    if m["rel"] and det in ("ce", "cet", "cette"):
        step, anaphoric = REL_MODS[_norm(m["rel"])]
    return [_Item(*_core(m), "relunit", {"unit": unit, "step": step, "anaphoric": anaphoric})]


def _b_unitedge(m: re.Match[str], text: str) -> list[_Item] | None:
    unit = {"année": "year", "an": "year", "mois": "month", "semaine": "week"}[_norm(m["u"])]
    step = REL_MODS[_norm(m["rel"])][0] if m["rel"] else 0
    return [_Item(*_core(m), "relunit", {"unit": unit, "step": step, "anaphoric": False})]


def _unit_of(s: str) -> str:
    return UNITS[_norm(s)]


def _b_ago(m: re.Match[str], text: str) -> list[_Item] | None:
    n, vague = _qty(m["q"])
    if n is None and not vague:
        return None
    if n is not None and m["half"]:
        n += 0.5
    return [_Item(*_core(m), "shift", {"n": n, "unit": _unit_of(m["u"]), "sign": -1, "deictic": True})]


def _b_in(m: re.Match[str], text: str) -> list[_Item] | None:
    n, vague = _qty(m["q"])
    if n is None and not vague:
        return None
    if n is not None and m["half"]:
        n += 0.5
    return [_Item(*_core(m), "shift", {"n": n, "unit": _unit_of(m["u"]), "sign": 1, "deictic": True})]


def _b_later(m: re.Match[str], text: str) -> list[_Item] | None:
    direction = _norm(m["dir"])
    if direction in ("après", "avant") and not re.match(rf"{WS0}(?:[,.;:)!?]|$)", text[m.end() : m.end() + 3]):
        return None  # "trois jours après l'annonce": relative to an event, left to the duration rule
    n, vague = _qty(m["q"])
    if n is None and not vague:
        return None
    if n is not None and m["half"]:
        n += 0.5
    sign = 1 if direction in ("plus tard", "après") else -1
    return [_Item(*_core(m), "shift", {"n": n, "unit": _unit_of(m["u"]), "sign": sign, "deictic": False})]


def _b_duration(m: re.Match[str], text: str) -> list[_Item] | None:
    if _thousands_before(text, m.start("q")):
        return None
    unit_word = _norm(m["u"])
    q = _norm(m["q"])
    n, vague = _qty(m["q"])
    if n is None and not vague:
        return None
    pre = _norm(m["pre"]) if m["pre"] else None
    if q == "des" and pre not in ("depuis", "pendant", "durant", "au cours des"):
        return None
    needs_cue = unit_word in UNITS_NEEDING_CUE or (unit_word == "jour" and n == 1)
    if needs_cue and pre not in DURATION_CUES and not m["last"]:
        return None
    n2 = None
    if m["q2"]:
        n2, _ = _qty(m["q2"])
        if n2 is None:
            return None
    if m["half"] and n is not None:
        n += 0.5
    data = {"n": n, "n2": n2, "unit": UNITS[unit_word]}
    return [_Item(*_core(m), "duration", data)]


def _b_clock(m: re.Match[str], text: str) -> list[_Item] | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    if h > 24 or mi > 59:
        return None
    return [_Item(*_core(m), "clock", {"h": h, "mi": mi})]


def _b_clock_words(m: re.Match[str], text: str) -> list[_Item] | None:
    word = _norm(m["h"] or m["h2"])
    if word in ("midi", "minuit"):
        h: float | None = 12 if word == "midi" else 0
    else:
        h = parse_number(word)
    if h is None or h != int(h) or h > 24:
        return None
    mi = 0
    if m["mi"]:
        mv = parse_number(m["mi"])
        if mv is None or mv != int(mv) or mv > 59:
            return None
        mi = int(mv)
    return [_Item(*_core(m), "clock", {"h": int(h), "mi": mi})]


def _b_set(m: re.Match[str], text: str) -> list[_Item] | None:
    n = 1.0
    if m["n"]:
        parsed = parse_number(m["n"])
        if parsed is None:
            return None
        n = parsed
    u = _norm(m["u"]).rstrip("s") if _norm(m["u"]) not in ("mois", "fois") else _norm(m["u"])
    if u in WEEKDAYS:
        return [_Item(*_core(m), "set", {"value": f"XXXX-WXX-{WEEKDAYS[u]}"})]
    unit = UNITS.get(u) or UNITS.get(u + "s")
    if unit is None:
        return None
    return [_Item(*_core(m), "set", {"value": _duration_value(n, unit)})]


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w]+)['’]?\W{0,3}$", text[max(0, start - 30) : start])
    return _norm(m.group(1)) if m else ""


def _b_vague(m: re.Match[str], text: str) -> list[_Item] | None:
    word = _norm(m["w"])
    if _prev_word(text, m.start("core")) in VAGUE_NOT_AFTER.get(word, ()):
        return None
    return [_Item(*_core(m), "vague", {"value": VAGUE[word]})]


def _easter(y: int) -> date:
    """Easter Sunday (Gregorian calendar, anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(y, month, (h + l - 7 * m + 114) % 31 + 1)


def _b_holiday(m: re.Match[str], text: str) -> list[_Item] | None:
    if not m["pre"] and not re.search(rf"(?:veille|lendemain){WS}d(?:e|u|{AP}){WS0}$",
                                      text[max(0, m.start("core") - 20) : m.start("core")], re.IGNORECASE):
        return None
    if m["pre"] and _norm(m["pre"]) in ("et", "entre") and not m["core"][0].isupper() and _norm(m["h"]) == "noël":
        return None
    spec = HOLIDAYS[_norm(m["h"])]
    return [_Item(*_core(m), "holiday", {"spec": spec, "y": int(m["y"]) if m["y"] else None})]


def _b_refadj(m: re.Match[str], text: str) -> list[_Item] | None:
    word = _norm(m["w"])
    if word not in REF_ADJ_ANYWHERE:
        before = text[max(0, m.start("core") - 12) : m.start("core")]
        det = re.search(rf"(?<!\w)(\w+)(?:{AP}{WS0}|{WS})$", before)
        nxt = re.match(rf"{WS}(?:«{WS0})?([^\W\d_]{{2,}})", text[m.end("core") : m.end("core") + 40])
        if not det or _norm(det.group(1)) not in DETERMINERS or not nxt:
            return None
        if _norm(nxt.group(1)) in UNITS or _norm(nxt.group(1)) in WEEKDAYS or _norm(nxt.group(1)) in MONTHS:
            return None
    return [_Item(*_core(m), "vague", {"value": REF_ADJ[word]})]


def _b_quarter(m: re.Match[str], text: str) -> list[_Item] | None:
    q = ORDINALS.get(_norm(m["o"]))
    kind = "Q" if _norm(m["u"]).startswith("trimestre") else "H"
    if q is None or (kind == "Q" and q > 4) or (kind == "H" and q > 2):
        return None
    y = int(m["y"]) if m["y"] else None
    if y is None and not m["det"]:
        return None
    return [_Item(*_core(m), "quarter", {"q": q, "kind": kind, "y": y})]


# --------------------------------------------------------------------------- patterns

_WDOPT = rf"(?:(?P<wd>{WD}){WS})?"
_POD_OF = rf"(?:(?P<pod>(?:la|l{AP}){WS0}{POD}){WS}(?:du|de){WS})"
_DET = rf"(?:(?:le|ce|cette){WS})"
# a part of the day after a day: "mardi soir", "hier en début d'après-midi", "hier dans la soirée"
_POD_AFTER = (rf"(?:(?:en{WS}(?:début|fin){WS}(?:d{AP}{WS0}|de{WS})|dans{WS}la{WS}|en{WS})?"
              rf"(?:matinée|matin|midi|après{HY}midi|soirée|soir|nuit))")
# a clock time said with its day: "hier à 10 h"
_AT_CLOCK = rf"(?:{WS}(?:à|vers){WS}(?P<ch>[01]?\d|2[0-3]){WS0}h(?:{WS0}(?P<cmi>[0-5]\d))?(?![\w'’]))"
# "la fin du XIXe siècle", "début des années 60": the edge is part of the expression
_EDGE_OF = rf"(?:(?:(?:la|le){WS})?(?:début|fin|milieu){WS}(?:du|des|de{WS}la){WS})"

_PATTERNS: list[tuple[str, Builder]] = [
    (rf"{L}(?P<core>(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}))(?![\d\w])", _b_iso),
    (rf"{L}(?<![\d/.])(?P<core>(?P<d>\d{{1,2}})([/.])(?P<m>\d{{1,2}})\3(?P<y>\d{{4}}|\d{{2}}))(?![\d\w])(?![/.]\d)",
     _b_numeric),
    # "la nuit du mercredi 5 au jeudi 6 janvier", "du 5 au 7 janvier 2022", "entre le 5 et le 7 janvier"
    (rf"{L}{_pre()}(?P<core>(?:(?P<pod>(?:la|l{AP}){WS0}{POD}){WS})?(?:du|entre(?:{WS}le)?){WS}"
     rf"(?:(?P<w1>{WD}){WS})?(?P<d1>{DAY})(?:{WS}(?P<m1>{MONTH})(?:{WS}(?P<y1>{YEARX}))?)?{WS}"
     rf"(?:au|et(?:{WS}le)?){WS}(?:(?P<w2>{WD}){WS})?(?P<d2>{DAY}){WS}(?P<m2>{MONTH})(?:{WS}(?P<y2>{YEARX}))?)",
     _b_period),
    # "lundi 10 et mardi 11 janvier", "les 5 et 6 janvier"
    (rf"{L}(?P<core>(?P<i1>(?:(?:les|le){WS})?(?:(?P<w1>{WD}){WS})?(?P<d1>{DAY})){WS0}(?:,|et){WS}"
     rf"(?:le{WS})?(?P<i2>(?:(?P<w2>{WD}){WS})?(?P<d2>{DAY})){WS}(?P<m>{MONTH})(?:{WS}(?P<y>{YEARX}))?)",
     _b_list),
    # "le mardi 28 juin 2022", "la soirée du 5 janvier", "ce jeudi 17 février"
    (rf"{L}{_pre()}(?P<core>{_POD_OF}?{_DET}?{_WDOPT}(?P<d>{DAY}){WS}(?P<m>{MONTH})"
     rf"(?:{WS}(?P<y>{YEARY})|{WS}(?P<rel>prochain|dernier){R})?"
     rf"(?:{WS}(?P<pod2>au{WS}(?:soir|matin)|dans{WS}la{WS}(?:soirée|nuit|matinée)))?)",
     _b_daymonth),
    (rf"{L}{_pre()}(?P<core>(?P<mod>{MODPRE})?(?P<m>{MONTH}){WS}(?P<y>{YEARY}))", _b_monthyear),
    (rf"{L}{_pre(PRE_MONTH)}(?P<core>(?P<mod>{MODPRE})?(?P<m>{MONTH})"
     rf"(?:{WS}(?P<rel>derniers|dernier|prochains|prochain|passé){R})?)(?!{WS}\d)", _b_month),
    (rf"{L}{_pre()}(?P<core>(?P<mod>{MODPRE}|l{AP}an{WS}|l{AP}année{WS}|début{WS}d(?:e{WS}|{AP}))?"
     rf"(?P<y>{YEARX}))(?:(?:{WS}et{WS}|/|{HY})(?P<y2>{YEARX}))?", _b_year),
    (rf"{L}(?:(?P<pre>{PRE_SEASON}){WS})?"
     rf"(?P<core>(?P<det>l{AP}{WS0}|cet{WS}|ce{WS})?(?P<s>{SEASON_ALT}){R}"
     rf"(?:{WS}(?P<y>{YEARY})|{WS}(?P<rel>dernier|prochain|passé){R})?)", _b_season),
    (rf"{L}{_pre()}(?P<core>{_EDGE_OF}?(?P<n>[IVXLC]+|\d{{1,2}}){WS0}(?:e|ème|è|er|ère){WS}siècle){R}", _b_century),
    (rf"{L}{_pre()}(?P<core>{_EDGE_OF}?(?:les{WS})?années{WS}(?P<y>(?:19|20)\d0|[2-9]0|00|{DECADE_ALT}))"
     rf"(?![\d\w-])", _b_decade),
    # "la nuit de lundi à mardi", "du lundi au mercredi", "la nuit de mardi"
    (rf"{L}{_pre()}(?P<core>(?:(?P<pod>(?:la|l{AP}){WS0}{POD}){WS}(?:de|du){WS}|du{WS})(?P<w1>{WD})"
     rf"(?:{WS}(?:à|au){WS}(?P<w2>{WD}))?)", _b_wdperiod),
    (rf"{L}{_pre(PRE_WEEKDAY)}"
     rf"(?P<core>(?:(?P<det>ce|le|cette){WS})?(?P<wd>{WD})(?:{WS}(?P<rel>{RELMOD}))?"
     rf"(?:{WS}(?P<pod>{_POD_AFTER}){R})?)", _b_weekday),
    (rf"{L}(?P<core>(?P<w>{DEICTIC_ALT}){R}(?:{WS}(?P<pod>{_POD_AFTER}){R})?(?:{WS}(?P<wd>{WD}))?{_AT_CLOCK}?)",
     _b_deictic),
    (rf"{L}(?P<core>(?P<w>{DEICTIC_POD_ALT}))(?!\w|{WS0}{HY}{WS0}là)", _b_deictic),
    (rf"{L}{_pre(PRE_ANAPHORIC)}(?P<core>(?P<w>{ANAPHORIC_ALT}){R}"
     rf"(?:{WS}(?P<pod>au{WS}(?:soir|matin)|dans{WS}la{WS}(?:soirée|matinée|nuit)){R})?)", _b_anaphoric),
    (rf"{L}(?P<pre>dans|en|durant|pendant|dès|tout{WS}au{WS}long{WS}de){J}(?P<core>(?:(?:la|le|l{AP}){WS0})?"
     rf"(?:(?P<edge>début|fin|milieu){WS}d(?:e{WS}|{AP}{WS0})(?:la{WS}|l{AP}{WS0})?)?(?P<pod>{POD}))", _b_pod),
    (rf"{L}(?P<core>(?P<det>la|le|l{AP}|cette|ce|cet){WS0}(?P<u>{RELUNIT_ALT})"
     rf"(?:(?P<ci>{WS0}{HY}{WS0}ci)|{WS}(?P<rel>{RELMOD}))?){R}", _b_relunit),
    (rf"{L}{_pre(PRE_EDGE)}(?P<core>(?:le{WS}|la{WS})?"
     rf"(?:début|fin|milieu){WS}(?:de{WS}l{AP}|d{AP}|de{WS}la{WS}|du{WS}|de{WS}){WS0}(?P<u>année|an|mois|semaine)"
     rf"(?:{WS}(?P<rel>dernière|dernier|prochaine|prochain))?){R}", _b_unitedge),
    (rf"{L}{_pre(PRE_CLOCK)}(?P<core>(?<![\d,.])(?P<h>[01]?\d|2[0-4]){WS0}[hH](?:{WS0}(?P<mi>[0-5]\d))?)"
     rf"(?![\w'’])", _b_clock),
    (rf"{L}(?P<pre>{PRE_CLOCK_WORDS}){WS}(?P<core>(?P<h>\d{{1,2}}){WS}heures?(?:{WS}(?P<mi>\d{{2}}))?|"
     rf"(?P<h2>midi|minuit)){R}", _b_clock_words),
    (rf"{L}(?P<core>il{WS}y{WS}a{WS}(?P<q>{QTY}){J}(?P<u>{UNIT})(?P<half>{HALF})?)", _b_ago),
    (rf"{L}(?P<core>(?:dans|d{AP}ici){J}(?P<q>{QTY}){J}(?P<u>{UNIT})(?P<half>{HALF})?)", _b_in),
    (rf"{L}(?P<core>(?P<q>{QTY}){J}(?P<u>{UNIT})(?P<half>{HALF})?{WS}"
     rf"(?P<dir>plus{WS}tard|plus{WS}tôt|après|avant|auparavant)){R}", _b_later),
    (rf"{L}{_pre()}(?P<core>(?:entre{WS})?(?P<q>{QTY})(?:{WS}(?:à|ou|et){WS}(?P<q2>{QTY}))?{J}"
     rf"(?:(?P<last>derniers|dernières|prochains|prochaines){WS})?(?P<u>{UNIT})(?P<half>{HALF})?)", _b_duration),
    (rf"{L}(?P<core>(?:chaque|tous{WS}les|toutes{WS}les){WS}(?:(?P<n>\d{{1,2}}|{NUMW}){WS})?"
     rf"(?P<u>jours?|semaines?|mois|ans?|années?|{WEEKDAY_ALT}s?)){R}", _b_set),
    (rf"{L}(?P<core>(?P<w>{VAGUE_ALT})){R}", _b_vague),
    (rf"{L}(?P<core>(?P<w>{REF_ADJ_ALT})){R}", _b_refadj),
    (rf"{L}(?:(?P<pre>{PRE_HOLIDAY}){J})?(?P<core>(?P<h>{HOLIDAY_ALT})(?:{WS}(?P<y>{YEARX}))?){R}", _b_holiday),
    (rf"{L}{_pre()}(?P<core>(?:(?P<det>le|ce|du|au){WS})?(?P<o>{ORDINAL_ALT}){WS}(?P<u>trimestre|semestre)"
     rf"(?:{WS}(?:de{WS}l{AP}année{WS})?(?P<y>{YEARX}))?){R}", _b_quarter),
]  # fmt: skip


_COMPILED: list[tuple[re.Pattern[str], Builder]] = [(re.compile(p, re.IGNORECASE), b) for p, b in _PATTERNS]

# Every pattern's match contains a cue: a digit, or a form of the lexicon sections below, or
# one of the words the patterns spell out themselves. The patterns are only run in windows
# around cues (most of a text has none), which gives the same matches as a scan of the whole
# text as long as no match reaches further than CUE_MARGIN characters from its cues
# (tests/test_timex.py checks both on the test table and the dev corpus).
_CUE_SECTIONS = ("months", "weekdays", "units", "parts_of_day", "seasons", "deictic_days", "deictic_parts_of_day",
                 "anaphoric_days", "relative_units", "vague", "ref_adjectives", "holidays", "ordinals", "numbers",
                 "approximate_numbers")
_PATTERN_WORDS = ("minuit", "trimestre", "semestre")  # spelt out by the patterns, in no lexicon section
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
_NOT_CUES = {"la", "le", "les", "l", "au", "aux", "de", "du", "des", "d", "ce", "cet", "cette", "même", "à", "a",
             "en", "plus", "peu", "pour", "nos", "jusqu", "qu", "un", "une"}
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
    return (lowered in cue_words or (lowered[-1] == "s" and lowered[:-1] in cue_words)  # "tous les lundis"
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
_PATTERN_CUES: dict[Builder, tuple[str | tuple[str, ...], ...] | None] = {
    _b_iso: (_DIGIT,), _b_numeric: (_DIGIT,), _b_year: (_DIGIT,), _b_decade: (_DIGIT, ("années",)), _b_clock: (_DIGIT,),
    _b_period: ("months",), _b_list: ("months",), _b_daymonth: ("months",), _b_monthyear: ("months",),
    _b_month: ("months",), _b_season: ("seasons",), _b_century: (("siècle",),),
    _b_wdperiod: ("weekdays",), _b_weekday: ("weekdays",),
    _b_deictic: ("deictic_days", "deictic_parts_of_day"), _b_anaphoric: ("anaphoric_days",),
    _b_pod: None, _b_relunit: None, _b_unitedge: (("année", "an", "mois", "semaine"),),
    _b_clock_words: (_DIGIT, ("midi", "minuit")),
    _b_ago: ("units",), _b_in: ("units",), _b_later: ("units",), _b_duration: ("units",),
    _b_set: (("jour", "semaine", "mois", "an", "année"), "weekdays"), _b_vague: ("vague",),
    _b_refadj: ("ref_adjectives",), _b_holiday: ("holidays",),
    _b_quarter: (("trimestre", "semestre"),),
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
        if lowered[-1] == "s":
            bits |= _WORD_BITS.get(lowered[:-1], 0)
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


# --------------------------------------------------------------------------- calendar helpers


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


@dataclass(frozen=True)
class _Point:
    """A calendar point at some precision: year, year-month or day."""

    y: int
    m: int | None = None
    d: int | None = None

    @property
    def lo(self) -> date:
        return date(self.y, self.m or 1, self.d or 1)

    @property
    def hi(self) -> date:
        if self.m is None:
            return date(self.y, 12, 31)
        if self.d is None:
            return date(self.y, self.m, calendar.monthrange(self.y, self.m)[1])
        return date(self.y, self.m, self.d)

    @property
    def day(self) -> date | None:
        return date(self.y, self.m, self.d) if self.m and self.d else None


def _parse_anchor(anchor: str | date | None) -> _Point | None:
    if anchor is None:
        return None
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    if isinstance(anchor, date):
        return _Point(anchor.year, anchor.month, anchor.day)
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(anchor))
    if not m:
        return None
    y = int(m[1])
    mo = int(m[2]) if m[2] else None
    d = int(m[3]) if m[3] else None
    if mo is not None and not 1 <= mo <= 12:
        return _Point(y)
    if mo is not None and d is not None and not _valid(y, mo, d):
        return _Point(y, mo)
    return _Point(y, mo, d)


def _iso(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _distance(d: date, lo: date, hi: date) -> int:
    if d < lo:
        return (lo - d).days
    if d > hi:
        return (d - hi).days
    return 0


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration_value(n: float | None, unit: str) -> str:
    q = "X" if n is None else _fmt_num(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{q}{'M' if unit == 'MIN' else unit}"
    return f"P{q}{unit}"


def as_calendar(value: str | None) -> str | None:
    """A TIMEX3 value as an ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD), when it has one.

    Weeks become the month of their Thursday (2022-W01 → 2022-01), seasons, quarters and
    halves their year; durations, references (PAST_REF), decades, centuries and values with
    X give None.
    """
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    if m:
        return value[:10] if m[3] else value[:7] if m[2] else value[:4]
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        try:
            thursday = date.fromisocalendar(int(m[1]), int(m[2]), 4)
        except ValueError:
            return None
        return thursday.isoformat()[:7]
    m = re.fullmatch(r"(\d{4})-(?:SP|SU|FA|WI|Q[1-4]|H[12])", value)
    return m[1] if m else None


# --------------------------------------------------------------------------- resolution


class _Context:
    def __init__(self, text: str, anchor: _Point | None, tense: Tense, explicit_years: list[tuple[int, int]]):
        self.text = text
        self.anchor = anchor
        self.tense = tense
        self.explicit_years = explicit_years  # (position, year) of every year the text states
        self.latest_date: date | None = None  # the latest full date (day, month, year) the text states
        self.last_abs: _Point | None = None  # last calendar date of the text (explicit or completed)
        self.last_point: _Point | None = None  # last resolved calendar point of any kind
        self.last_day: date | None = None  # last resolved day of any kind
        self.last_day_end = 0  # where the expression of last_day ends

    # references ----------------------------------------------------------
    def day_ref(self) -> tuple[date, str] | None:
        if self.anchor and self.anchor.day:
            return self.anchor.day, "anchor"
        if self.last_abs and self.last_abs.day:
            return self.last_abs.day, "text"
        return None

    def interval_ref(self) -> tuple[date, date, str] | None:
        if self.anchor:
            return self.anchor.lo, self.anchor.hi, "anchor"
        if self.last_abs:
            return self.last_abs.lo, self.last_abs.hi, "text"
        return None

    def month_ref(self, anaphoric: bool = False) -> tuple[int, int] | None:
        for p in ([self.last_point] if anaphoric else []) + [self.anchor, self.last_abs]:
            if p is not None and p.m is not None:
                return p.y, p.m
        return None

    def year_ref(self, anaphoric: bool = False) -> int | None:
        for p in ([self.last_point] if anaphoric else []) + [self.anchor, self.last_abs]:
            if p is not None:
                return p.y
        return None

    def anaphor_day(self) -> date | None:
        if self.last_day:
            return self.last_day
        ref = self.day_ref()
        return ref[0] if ref else None

    def future(self, start: int, end: int) -> bool:
        if self.tense == "future":
            return True
        if self.tense == "past":
            return False
        return _future_cue(self.text, start, end)

    def clause(self, start: int, end: int) -> str | None:
        """The tense the expression's clause gives it: "past", "future" or None (no cue)."""
        if self.tense != "auto":
            return self.tense
        return clause_tense(self.text, start, end)

    def next_year_after(self, pos: int) -> int | None:
        for p, y in self.explicit_years:
            if p > pos:
                return y
        return None

    # bookkeeping ---------------------------------------------------------
    def note(self, point: _Point | None, calendar_expr: bool) -> None:
        if point is None:
            return
        self.last_point = point
        if calendar_expr:
            self.last_abs = point
        if point.day:
            self.last_day = point.day


def _future_cue(text: str, start: int, end: int) -> bool:
    """A future or conditional verb is the nearest verb cue of the expression's clause."""
    return clause_tense(text, start, end) == "future"


def _verb_cue(words: list[str], i: int) -> str | None:
    """ "future" / "past" when words[i] is a future or past cue, else None."""
    w = words[i]
    if w in FUTURE_WORDS or w in SUBJUNCTIVES:
        return "future"
    if w not in FUTURE_NOT_VERBS and FUTURE_ENDING.match(w):
        return "future"
    if w in PAST_AUX:
        nxt_words = words[i + 1 : i + 3]
        if nxt_words and nxt_words[0] in ANNOUNCED and w in PRESENT_AUX:
            return "future"  # "a lieu samedi", "est prévu dimanche": what is announced
        for nxt in nxt_words:
            if nxt in SHORT_PARTICIPLES or (nxt not in PAST_NOT_VERBS and PAST_PARTICIPLE.match(nxt)):
                return "perfect"
        return None
    if w not in PAST_NOT_VERBS and w not in FUTURE_NOT_VERBS and PAST_IMPERFECT.match(w):
        return "imperfect"
    return None


def clause_tense(text: str, start: int, end: int, aspect: bool = False) -> str | None:
    """The tense of the clause of text[start:end]: that of its nearest verb cue ("future" for a
    future, conditional or "va/doit + infinitive", "past" for a compound past or an imperfect),
    else None. The clause ends at a stop before, and at a comma or a "que" after, the expression.
    ``aspect``: tell a compound past ("perfect") from an imperfect ("imperfect")."""
    before = re.split(r"[.;:!?\n«»()]", text[max(0, start - 80) : start])[-1]
    bw = [_norm(w).split("'")[-1] for w in re.findall(r"[\w'’-]+", before)][-6:]
    # a fronted expression ("Dimanche, la foire ouvrira", "A Noël, il viendra") belongs to the
    # clause after its comma
    fronted = all(w in FRONT_WORDS for w in bw)
    if fronted:
        bw = []
    cut = r"[.;:!?\n«»()]" if fronted else r"[.;:!?\n,«»()]"
    after = re.split(cut + r"|(?<!\w)qu(?:e|')", text[end : end + 50], flags=re.IGNORECASE)[0]
    aw = [_norm(w).split("'")[-1] for w in re.findall(r"[\w'’-]+", after)][: 6 if fronted else 4]
    best: tuple[int, str] | None = None
    for i in range(len(bw)):
        cue = _verb_cue(bw, i)
        if cue and (best is None or len(bw) - i <= best[0]):
            best = (len(bw) - i, cue)
    for i in range(len(aw)):
        cue = _verb_cue(aw, i)
        if cue and (best is None or i + 1 < best[0]):
            best = (i + 1, cue)
            break
    if best is None:
        return None
    return best[1] if aspect or best[1] == "future" else "past"


def _weekday_from(ref: date, wd: int, mode: str) -> date:
    """The weekday ``wd`` relative to ``ref``: at_or_before, before, at_or_after, after, nearest."""
    delta = (ref.isoweekday() - wd) % 7  # days back to the latest wd at or before ref
    if mode == "at_or_before":
        return ref - timedelta(days=delta)
    if mode == "before":
        return ref - timedelta(days=delta or 7)
    ahead = (wd - ref.isoweekday()) % 7
    if mode == "at_or_after":
        return ref + timedelta(days=ahead)
    if mode == "after":
        return ref + timedelta(days=ahead or 7)
    return ref - timedelta(days=delta) if delta <= 3 else ref + timedelta(days=ahead)


@dataclass
class _Res:
    label: str
    value: str
    precision: str | None
    anchored: bool
    end_value: str | None = None
    point: _Point | None = None  # what later expressions may count from
    calendar_expr: bool = False  # a calendar date of the text (a reference when there is no anchor)


def _unresolved(label: str, value: str) -> _Res:
    return _Res(label, value, None, False)


def _day_res(label: str, d: date, anchored: bool, calendar_expr: bool = False) -> _Res:
    return _Res(label, _iso(d), "day", anchored, None, _Point(d.year, d.month, d.day), calendar_expr)


def _complete_year(ctx: _Context, m: int, d: int, wd: int | None, pos: int, rel: str | None = None) -> int | None:
    """The year of a day-month without one: nearest the reference, preferring a matching weekday.

    ``rel`` "prochain" takes the first one after the reference, "dernier" the last one before.
    """
    ref = ctx.interval_ref()
    if ref is None and wd is None and ctx.latest_date is not None:
        # before any date of a text without anchor: the latest full date the text gives
        ref = ctx.latest_date, ctx.latest_date, "text"
    if ref is not None and rel in ("prochain", "dernier"):
        lo, hi, _ = ref
        years = [y for y in range(lo.year - 1, hi.year + 2) if _valid(y, m, d)]
        if rel == "prochain":
            return min((y for y in years if date(y, m, d) > hi), default=None)
        return max((y for y in years if date(y, m, d) < lo), default=None)
    if ref is None:
        y0 = ctx.next_year_after(pos) if wd is not None else None
        if y0 is None:
            return None
        lo = hi = date(y0, 7, 1)
        span = 6
    else:
        lo, hi, source = ref
        span = 1 if source == "anchor" else 6
    years = [y for y in range(lo.year - span, hi.year + span + 1) if _valid(y, m, d)]
    if not years:
        return None

    def score(y: int) -> tuple[int, int]:
        miss = 0 if wd is None or date(y, m, d).isoweekday() == wd else 1
        return miss, _distance(date(y, m, d), lo, hi)

    best = min(years, key=score)
    if ref is None and score(best)[0]:
        return None
    if ref is not None and ref[2] == "text" and wd is not None and score(best)[0]:
        best = min((y for y in years if abs(y - lo.year) <= 1), key=score, default=best)
    return best


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_APPOSITION = re.compile(rf"{WS0},{WS0}(?:(?:au|à|dès){WS})?(?:la{WS})?", re.IGNORECASE)


def _resolve(item: _Item, ctx: _Context) -> _Res | None:
    """The item's value; a part of the day is written on its day as TIMEX3 does ("hier soir" →
    2022-01-10TEV), a clock time on the day the text is on ("à 18 h" → 2022-01-10T18:00)."""
    res = _resolve_value(item, ctx)
    clock = item.data.get("clock")
    if res is not None and clock and _ISO_DAY.fullmatch(res.value):
        res.label, res.value = "TIME", f"{res.value}T{clock[0]:02d}:{clock[1]:02d}"
        return res
    pod = item.data.get("pod")
    if res is not None and pod and pod != "DT" and _ISO_DAY.fullmatch(res.value):
        res.value = f"{res.value}T{pod}"  # a night across two days: its first (end_value: the other)
    return res


def _resolve_value(item: _Item, ctx: _Context) -> _Res | None:
    k, x = item.kind, item.data
    label_pod = "TIME" if x.get("pod") and x.get("pod") != "DT" else "DATE"

    if k == "date":
        d = date(x["y"], x["m"], x["d"])
        return _day_res(label_pod, d, False, calendar_expr=True)

    if k == "daymonth":
        rel = x.get("rel")
        if rel is None and ctx.anchor is None and ctx.future(item.start, item.end):
            rel = "prochain"  # no anchor: "tiendra le 11 novembre" comes after the dates the text gives
        y = _complete_year(ctx, x["m"], x["d"], x.get("wd"), item.start, rel)
        if y is None:
            return _unresolved(label_pod, f"XXXX-{x['m']:02d}-{x['d']:02d}")
        return _day_res(label_pod, date(y, x["m"], x["d"]), True, calendar_expr=True)

    if k == "period":
        label = "TIME" if x["pod"] and x["pod"] != "DT" else "DATE"
        anchored = x["y2"] is None
        y2 = x["y2"] or _complete_year(ctx, x["m2"], x["d2"], x["wd2"], item.start)
        if y2 is None:
            return _Res(label, f"XXXX-{x['m1']:02d}-{x['d1']:02d}", None, False,
                        f"XXXX-{x['m2']:02d}-{x['d2']:02d}")  # fmt: skip
        end = date(y2, x["m2"], x["d2"])
        y1 = x["y1"] or y2
        if not _valid(y1, x["m1"], x["d1"]):
            return None
        start = date(y1, x["m1"], x["d1"])
        if start > end and x["y1"] is None:
            if not _valid(y1 - 1, x["m1"], x["d1"]):
                return None
            start = date(y1 - 1, x["m1"], x["d1"])
        return _Res(label, _iso(start), "day", anchored, _iso(end), _Point(end.year, end.month, end.day), True)

    if k == "monthyear":
        p = _Point(x["y"], x["m"])
        return _Res("DATE", f"{x['y']}-{x['m']:02d}", "month", False, None, p, True)

    if k in ("month", "season"):
        month = x["m"] if k == "month" else x["month"]
        if k == "season" and x["y"]:
            p = _Point(x["y"], month)
            return _Res("DATE", f"{x['y']}-{x['code']}", "season", False, None, p, True)
        ref = ctx.interval_ref()
        fallback = f"XXXX-{month:02d}" if k == "month" else f"XXXX-{x['code']}"
        if ref is None:
            return _unresolved("DATE", fallback)
        lo, hi, _ = ref
        rel = x.get("rel")
        if k == "season" and rel is None:
            return _season_of_year(x, lo, hi, ctx.clause(item.start, item.end))
        forward = rel == "prochain" or (rel is None and ctx.future(item.start, item.end))
        if forward:
            y = lo.year - 1
            while date(y, month, calendar.monthrange(y, month)[1]) < lo:
                y += 1
        else:
            y = hi.year + 1
            while date(y, month, 1) > hi:
                y -= 1
        if rel is not None:  # "l'été dernier" / "l'hiver prochain": not the season the anchor is in
            start = date(y, month, 1)
            sy, sm = _add_months(y, month, 3)
            if start <= hi and lo < date(sy, sm, 1):
                y += 1 if forward else -1
        p = _Point(y, month)
        if k == "month":
            return _Res("DATE", f"{y}-{month:02d}", "month", True, None, p, True)
        return _Res("DATE", f"{y}-{x['code']}", "season", True, None, p, True)

    if k == "year":
        return _Res("DATE", str(x["y"]), "year", False, None, _Point(x["y"]), True)

    if k == "century":
        return _Res("DATE", f"{x['n'] - 1:02d}XX", "century", False)

    if k == "decade":
        return _Res("DATE", x["prefix"] + "X", "decade", False)

    if k == "quarter":
        y = x["y"] or ctx.year_ref()
        if y is None:
            return _unresolved("DATE", f"XXXX-{x['kind']}{x['q']}")
        first = (x["q"] - 1) * (3 if x["kind"] == "Q" else 6) + 1
        return _Res("DATE", f"{y}-{x['kind']}{x['q']}", "quarter", x["y"] is None, None, _Point(y, first))

    if k == "weekday":
        return _resolve_weekday(item, ctx)

    if k == "wdperiod":
        # "la nuit de lundi à mardi": the end is resolved as the weekday alone would be (news name
        # the night after the day it ends on), the start is the day before it
        label = "TIME" if x["pod"] and x["pod"] != "DT" else "DATE"
        last = x["wd2"] or x["wd1"]
        alone = _resolve_weekday(
            _Item(item.start, item.end, "weekday", {"wd": last, "rel": None, "det": None, "pod": x["pod"]}), ctx
        )
        if alone is None:
            return None
        if x["wd2"] is None:
            return alone
        if alone.precision is None:
            return _Res(label, f"XXXX-WXX-{x['wd1']}", None, False, alone.value)
        d2 = date.fromisoformat(alone.value)
        d1 = _weekday_from(d2, x["wd1"], "before")
        return _Res(label, _iso(d1), "day", True, _iso(d2), _Point(d2.year, d2.month, d2.day))

    if k == "deictic":
        label = "TIME" if x["pod"] and x["pod"] != "DT" else "DATE"
        if x.get("now") and ctx.tense == "auto" and clause_tense(ctx.text, item.start, item.end, True) in (
                None, "imperfect"):
            return _Res("DATE", "PRESENT_REF", None, False)
        ref = ctx.day_ref()
        if ref is None and x["offset"] == 0 and not x["pod"] and not x.get("clock"):
            return _Res("DATE", "PRESENT_REF", None, False)  # "désormais" with no day to write
        if ref is None:
            return _unresolved(label, "XXXX-XX-XX")
        return _day_res(label, ref[0] + timedelta(days=x["offset"]), True)

    if k == "anaphoric":
        label = "TIME" if x["pod"] and x["pod"] != "DT" else "DATE"
        if x.get("of_next") and ctx.last_day is not None:
            return _day_res(label, ctx.last_day + timedelta(days=x["offset"]), True)
        if x["event"]:
            # "hier, au lendemain de la démission": in apposition to a day, it is that day
            if ctx.last_day is not None and _APPOSITION.fullmatch(ctx.text[ctx.last_day_end : item.start]):
                return _day_res(label, ctx.last_day, True)
            return _unresolved(label, "XXXX-XX-XX")
        base = ctx.anaphor_day()
        if base is None:
            return _unresolved(label, "XXXX-XX-XX")
        return _day_res(label, base + timedelta(days=x["offset"]), True)

    if k == "relunit":
        return _resolve_relunit(x, ctx, item.start, item.end)

    if k == "shift":
        return _resolve_shift(x, ctx)

    if k == "duration":
        value = _duration_value(x["n"], x["unit"])
        end = _duration_value(x["n2"], x["unit"]) if x["n2"] is not None else None
        return _Res("DURATION", value, None, False, end)

    if k == "clock":
        day = x.get("day") or ctx.anaphor_day()
        if day is None:
            return _Res("TIME", f"XXXX-XX-XXT{x['h']:02d}:{x['mi']:02d}", None, False)
        return _Res("TIME", f"{_iso(day)}T{x['h']:02d}:{x['mi']:02d}", "day", True)

    if k == "set":
        return _Res("SET", x["value"], None, False)

    if k == "vague":
        return _Res("DATE", x["value"], None, False)

    if k == "generic":
        return _Res("DATE", x["value"], None, False)

    if k == "holiday":
        return _resolve_holiday(item, ctx)

    return None


def _resolve_holiday(item: _Item, ctx: _Context) -> _Res | None:
    """A holiday's day: in the year given, else the last one at or before the reference (news),
    the next one at or after it in a future clause."""
    spec = item.data["spec"]

    def day_in(y: int) -> date:
        if isinstance(spec, dict):
            return _easter(y) + timedelta(days=int(spec["easter"]))
        return date(y, int(spec[0]), int(spec[1]))

    if item.data["y"]:
        d = day_in(item.data["y"])
        return _day_res("DATE", d, False, calendar_expr=True)
    ref = ctx.day_ref()
    if ref is None:
        if isinstance(spec, dict):
            return _unresolved("DATE", "XXXX-XX-XX")
        return _unresolved("DATE", f"XXXX-{int(spec[0]):02d}-{int(spec[1]):02d}")
    base = ref[0]
    days = [day_in(y) for y in (base.year - 1, base.year, base.year + 1)]
    if ctx.clause(item.start, item.end) == "future":
        days = [d for d in days if d >= base] or days
    else:
        days = [d for d in days if d <= base] or days
    d = min(days, key=lambda d: abs((d - base).days))
    return _day_res("DATE", d, True, calendar_expr=True)


def _season_of_year(x: dict[str, Any], lo: date, hi: date, tense: str | None) -> _Res:
    """A season without a year is the reference's year's (a winter: the one begun in December
    before a January or February reference), unless the clause's tense puts it a year off: a
    past clause does not speak of a season still to begin, a future one of a season gone by."""
    month = x["month"]
    y = hi.year - 1 if month == 12 and hi.month <= 2 else hi.year
    start = date(y, month, 1)
    ey, em = _add_months(y, month, 3)
    end = date(ey, em, 1) - timedelta(days=1)
    if tense == "past" and start > hi:
        y -= 1
    elif tense == "future" and end < lo:
        y += 1
    return _Res("DATE", f"{y}-{x['code']}", "season", True, None, _Point(y, month), True)


def _resolve_weekday(item: _Item, ctx: _Context) -> _Res | None:
    x = item.data
    wd, rel = x["wd"], x.get("rel")
    label = "TIME" if x.get("pod") and x.get("pod") != "DT" else "DATE"
    step, anaphoric = REL_MODS.get(rel, (0, False)) if rel else (0, False)
    if anaphoric:
        base = ctx.anaphor_day()
        if base is None:
            return _unresolved(label, f"XXXX-WXX-{wd}")
        d = _weekday_from(base, wd, "before" if step < 0 else "after")
        return _day_res(label, d, True)
    ref = ctx.day_ref()
    if ref is None:
        return _unresolved(label, f"XXXX-WXX-{wd}")
    base, source = ref
    if rel:
        mode = "before" if step < 0 else "after"
    elif source == "text":
        mode = "nearest"
    else:
        # news name past days by their weekday: only a future clause looks ahead
        mode = "at_or_after" if ctx.clause(item.start, item.end) == "future" else "at_or_before"
    return _day_res(label, _weekday_from(base, wd, mode), True)


def _resolve_relunit(x: dict[str, Any], ctx: _Context, start: int = 0, end: int = 0) -> _Res:
    unit, step, anaphoric = x["unit"], x["step"], x["anaphoric"]
    if unit == "weekend":
        base = ctx.anaphor_day() if anaphoric else (ctx.day_ref() or (None, ""))[0]
        if base is None:
            return _unresolved("DATE", "XXXX-WXX-WE")
        if step == 0 and base.isoweekday() < 6 and ctx.clause(start, end) == "past":
            step = -1  # "ce week-end, il a plu" in a Monday paper: the one just gone
        return _Res("DATE", _week(base + timedelta(weeks=step)) + "-WE", None, True)
    if unit in ("century", "decade"):
        yr = ctx.year_ref(anaphoric)
        if yr is None:
            return _unresolved("DATE", "XXXX")
        if unit == "century":
            return _Res("DATE", f"{yr // 100 + step:02d}XX", "century", True)
        return _Res("DATE", f"{yr // 10 + step}X", "decade", True)
    if unit == "week":
        base = ctx.anaphor_day() if anaphoric else (ctx.day_ref() or (None, ""))[0]
        if base is None:
            return _unresolved("DATE", "XXXX-WXX")
        d = base + timedelta(weeks=step)
        return _Res("DATE", _week(d), "week", True, None, _Point(d.year, d.month))
    if unit == "month":
        ym = ctx.month_ref(anaphoric)
        if ym is None:
            return _unresolved("DATE", "XXXX-XX")
        y, m = _add_months(ym[0], ym[1], step)
        return _Res("DATE", f"{y}-{m:02d}", "month", True, None, _Point(y, m))
    yr = ctx.year_ref(anaphoric)
    if yr is None:
        return _unresolved("DATE", "XXXX")
    return _Res("DATE", str(yr + step), "year", True, None, _Point(yr + step))


def _resolve_shift(x: dict[str, Any], ctx: _Context) -> _Res:
    n, unit, sign, deictic = x["n"], x["unit"], x["sign"], x["deictic"]
    label = "TIME" if unit in ("H", "MIN", "S") else "DATE"
    vague_value = "PAST_REF" if sign < 0 else "FUTURE_REF"
    if n is None:
        return _Res(label, vague_value, None, False)
    if unit in ("H", "MIN", "S"):
        base = (ctx.day_ref() or (None, ""))[0] if deictic else ctx.anaphor_day()
        if base is None or (unit == "H" and n >= 24):
            return _Res(label, vague_value, None, False)
        return _day_res(label, base, True)
    if unit in ("DE", "CE"):
        return _Res(label, vague_value, None, False)
    if unit == "Y" and n != int(n):
        unit, n = "M", n * 12
    if unit == "M" and n != int(n):
        unit, n = "D", round(n * 30)
    if unit == "W" and n != int(n):
        unit, n = "D", round(n * 7)
    if unit == "D" and n != int(n):
        n = round(n)
    k = int(n) * sign
    if unit in ("D", "W"):
        base = (ctx.day_ref() or (None, ""))[0] if deictic else ctx.anaphor_day()
        if base is None:
            return _unresolved(label, "XXXX-XX-XX" if unit == "D" else "XXXX-WXX")
        d = base + timedelta(days=k if unit == "D" else 7 * k)
        if unit == "D":
            return _day_res(label, d, True)
        return _Res(label, _week(d), "week", True, None, _Point(d.year, d.month))
    if unit == "M":
        ym = ctx.month_ref(not deictic)
        if ym is None:
            return _unresolved(label, "XXXX-XX")
        y, m = _add_months(ym[0], ym[1], k)
        return _Res(label, f"{y}-{m:02d}", "month", True, None, _Point(y, m))
    yr = ctx.year_ref(not deictic)
    if yr is None:
        return _unresolved(label, "XXXX")
    return _Res(label, str(yr + k), "year", True, None, _Point(yr + k))


_EXPLICIT_YEAR_KINDS = ("date", "monthyear", "year")


def tag(text: str, anchor: str | date | None = None, tense: Tense = "past") -> list[Timex]:
    """Every temporal expression of ``text``, normalised against ``anchor`` (see the module doc).

    ``anchor`` is the publication date (ISO string, possibly partial, or a date). ``tense``
    sets which way a bare month, season or weekday points: "past" (default, news),
    "future", or "auto" (forward when a future/conditional verb is near).
    """
    if not text:
        return []
    cands = _candidates(text)
    explicit_years: list[tuple[int, int]] = []
    for c in cands:
        for it in c.items:
            if it.kind in _EXPLICIT_YEAR_KINDS:
                explicit_years.append((it.start, it.data["y"]))
            elif it.kind in ("period", "season", "quarter") and (it.data.get("y2") or it.data.get("y")):
                explicit_years.append((it.start, it.data.get("y2") or it.data["y"]))
    ctx = _Context(text, _parse_anchor(anchor), tense, explicit_years)
    full = [date(it.data["y"], it.data["m"], it.data["d"]) for c in cands for it in c.items if it.kind == "date"]
    ctx.latest_date = max(full, default=None)
    out: list[Timex] = []
    for it in _resolution_order(text, [it for c in cands for it in c.items]):
        try:
            res = _resolve(it, ctx)
        except (ValueError, OverflowError):
            res = None
        if res is None:
            continue
        out.append(
            Timex(
                it.start,
                it.end,
                text[it.start : it.end],
                res.label,
                res.value,
                res.precision,
                res.anchored,
                res.end_value,
            )  # fmt: skip
        )
        ctx.note(res.point, res.calendar_expr)
        if res.point is not None and res.point.day:
            ctx.last_day_end = it.end
    return sorted(out, key=lambda t: t.start)


_DAY_KINDS = frozenset({"date", "daymonth", "weekday", "deictic", "anaphoric", "holiday"})
_CLOCK_THEN_DAY = re.compile(rf"{WS0},?{WS0}$")
_OF_DAY = re.compile(rf"{WS}(?:du|de|d{AP}){WS0}", re.IGNORECASE)


def _resolution_order(text: str, items: list[_Item]) -> list[_Item]:
    """Items in text order, except that a clock time followed by its day ("vers 0 h 40, jeudi")
    comes after that day, so that it is placed on it."""
    items = list(items)
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        if a.kind == "clock" and b.kind in _DAY_KINDS and _CLOCK_THEN_DAY.match(text[a.end : b.start]):
            items[i], items[i + 1] = b, a
        elif (a.kind == "anaphoric" and a.data.get("event") and b.kind in _DAY_KINDS
              and _OF_DAY.fullmatch(text[a.end : b.start])):
            a.data["of_next"] = True  # "la veille du 14 juillet": counted from that day
            items[i], items[i + 1] = b, a
    return items


# --------------------------------------------------------------------------- spaCy component


def doc_timexes(doc: Doc) -> list[Timex]:
    """The Timex list the ``veille_timex`` component stored on a Doc (empty if it did not run)."""
    stored = doc.user_data.get(USER_DATA_KEY) or []
    return [t if isinstance(t, Timex) else Timex(**t) for t in stored]


class TimexComponent:
    """spaCy component: tags temporal expressions, anchored on ``doc._.published``."""

    def __init__(self, tense: Tense = "auto") -> None:
        self.tense: Tense = tense

    def __call__(self, doc: Doc) -> Doc:
        timexes = tag(doc_text(doc), doc._.published, tense=self.tense)
        doc.user_data[USER_DATA_KEY] = timexes
        spans = []
        taken: set[tuple[int, int]] = set()
        for t in timexes:
            span = doc.char_span(t.start, t.end, label=t.label, alignment_mode="expand")
            if span is None or (span.start, span.end) in taken:
                continue  # two expressions in one token ("2002/2003"): the first one speaks for it
            taken.add((span.start, span.end))
            span._.value = t.value
            spans.append(span)
        if MENTIONS in doc.spans:
            doc.spans[MENTIONS].extend(spans)
        else:
            doc.spans[MENTIONS] = spans
        return doc


if not Language.has_factory("veille_timex"):

    @Language.factory("veille_timex", default_config={"tense": "auto"})
    def make_timex(nlp: Language, name: str, tense: Tense) -> TimexComponent:
        return TimexComponent(tense)


# Timex objects in doc.user_data must survive Doc.to_bytes, DocBin and nlp.pipe(n_process>1).


def _timex_to_msgpack(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, Timex):
        return {"__veille_timex__": asdict(obj)}
    return obj if chain is None else chain(obj)


def _timex_from_msgpack(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and "__veille_timex__" in obj:
        return Timex(**obj["__veille_timex__"])
    return obj if chain is None else chain(obj)


if "veille_timex" not in srsly.msgpack_encoders.get_all():
    srsly.msgpack_encoders.register("veille_timex", func=_timex_to_msgpack)
    srsly.msgpack_decoders.register("veille_timex", func=_timex_from_msgpack)
