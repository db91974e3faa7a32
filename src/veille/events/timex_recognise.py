"""Recognise: the patterns of French temporal expressions and the builders that turn a match into
items (kind + fields, not yet anchored)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from veille.events.timex_calendar import _duration_value, _valid
from veille.events.timex_lexicon import (
    _LEX,
    _WS_CHARS,
    ANAPHORIC_ALT,
    ANAPHORIC_DAYS,
    AP,
    APPROX,
    COUNT_UNITS,
    DAY,
    DECADE_ALT,
    DECADE_WORDS,
    DEICTIC_ALT,
    DEICTIC_DAYS,
    DEICTIC_POD_ALT,
    DEICTIC_PRESENT,
    DETERMINERS,
    DURATION_CUES,
    DURATION_MODIFIERS,
    DURATION_VERBS,
    FRACTIONS,
    FUNCTION_WORDS_S,
    HALF,
    HOLIDAY_ALT,
    HOLIDAYS,
    HY,
    MODPRE,
    MOMENT_ALT,
    MONTH,
    MONTHS,
    NOT_BEFORE_YEAR,
    NUMBERS,
    NUMW,
    OF_FORMS,
    OF_THEN,
    ORDINAL_ALT,
    ORDINALS,
    PARTS_OF_DAY,
    POD,
    POSTPONED_TO,
    PRE_ANAPHORIC,
    PRE_CLOCK,
    PRE_CLOCK_WORDS,
    PRE_EDGE,
    PRE_HOLIDAY,
    PRE_MONTH,
    PRE_SEASON,
    PRE_WEEKDAY,
    QTY,
    REF_ADJ,
    REF_ADJ_ALT,
    REF_ADJ_ANYWHERE,
    REL_MODS,
    REL_UNITS,
    RELMOD,
    RELUNIT_ALT,
    SEASON_ALT,
    SEASONS,
    UNIT,
    UNITS,
    UNITS_NEEDING_CUE,
    VAGUE,
    VAGUE_ALT,
    VAGUE_NOT_AFTER,
    VAGUE_Q,
    WD,
    WEEKDAY_ALT,
    WEEKDAYS,
    WS,
    WS0,
    YEAR_CUE_WORDS,
    YEARX,
    YEARY,
    J,
    L,
    R,
    _alt,
    _norm,
    _pre,
    _seq,
    bounded,
    elided,
    plain,
    seq,
    singulars,
    table,
    then,
    words,
)

# the words each rule names by role: timex.yaml, `pattern_words`
_AND = seq("and")
_AND_WORDS = {_norm(w) for w in words("and")}  # "vingt et un"
FRACTION_ALT = _alt(FRACTIONS)
NEXT, LAST = "next", "last"  # which one a date, month or season is (timex_anchor.py reads them)
_FIRST_DAY = {_norm(w) for w in words("first_day")}
_VAGUE_DETERMINERS = {_norm(w) for w in words("vague_determiners")}
_APPROXIMATE = re.compile(rf"{plain('indefinite_articles')} (\w+) {plain('elided_of')}")
_OF = {_norm(w) for w in words("elided_of")}
_POD_OPENERS = re.compile(rf"^{plain('pod_openers')} ?")
_NOT_AFTER_YEAR = re.compile(rf"(?:{plain('not_after_year_references')}|[€$£])\s*$|\d[,./-]$")
_PERCENT = re.compile(rf"{WS0}{seq('percent')}{R}", re.IGNORECASE)
_DAY_MONTH_DIRECTIONS: dict[str, str] = table("day_month_directions")
_MONTH_DIRECTIONS: dict[str, str] = table("month_directions")
_SEASON_DIRECTIONS: dict[str, str] = table("season_directions")
_SEASON_ARTICLE_NEEDS_MORE = {_norm(w) for w in words("season_article_needs_more")}
_UNTIL = tuple(_norm(w) for w in words("until"))
_LAST_ORDINAL = {_norm(w) for w in words("last_ordinal")}
_DEMONSTRATIVES = {_norm(w) for w in words("demonstratives")}
_DAY_UNIT = {_norm(w) for w in words("day_unit")}
_KIND_OF_DAY_NEXT = {_norm(w) for w in words("kind_of_day_next")}
_SHIFT_DIRECTIONS: dict[str, int] = {k: int(v) for k, v in table("shift_directions").items()}
_EVENT_RELATIVE = {_norm(w) for w in words("event_relative_directions")}
_VAGUE_DURATION_CUES = {_norm(w) for w in words("vague_duration_cues")}
_FOLDED_TO = {_norm(w) for w in words("folded_to")}
_AFTERNOON_WORDS = tuple(_norm(w) for w in words("afternoon_words"))
_CLOCK_WORDS: dict[str, int] = {k: int(v) for k, v in table("clock_words").items()}
_SET_NOT_PLURAL = {_norm(w) for w in words("set_unit_not_plural")}
_PLURAL_WORD = re.compile(rf"[a-zà-ÿ]+{plain('plural_endings')}")  # a lookup key of a plural noun
_HOLIDAY_NOT_AFTER: dict[str, set[str]] = {k: {_norm(w) for w in v} for k, v in table("holiday_not_after").items()}
_QUARTER_UNITS: dict[str, str] = table("quarter_units")


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
    if ORDINALS.get(s) == 1 or s in _FIRST_DAY:  # "1er", "premier"
        return 1
    return int(s)


def parse_number(s: str) -> float | None:
    """'vingt-quatre' → 24, 'quatre-vingt-dix' → 90, '1,5' → 1.5; None if not a number."""
    s = _norm(s)
    if re.fullmatch(r"\d+(?:[,.]\d+)?", s):
        return float(s.replace(",", "."))
    tokens = [t for t in re.split(r"[\s-]+", s) if t and t not in _AND_WORDS]
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
        elif v == 20 and prev is not None and NUMBERS[prev] == 4 and current % 100 == 4:
            current += 76  # quatre-vingt(s)
        else:
            current += v
        prev = tok
    return float(total + current)


def _qty(s: str) -> tuple[float | None, bool]:
    """Quantity text → (number, vague). Vague quantities (quelques, plusieurs, des) give None."""
    n = _norm(s)
    if n in VAGUE_Q or n in _VAGUE_DETERMINERS:
        return None, True
    m = _APPROXIMATE.fullmatch(n)
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
    s = _POD_OPENERS.sub("", s)
    return PARTS_OF_DAY.get(s)


# the holidays named by a day and month joined by a hyphen ("le 14-Juillet"): (day, month)
_HYPHEN_HOLIDAYS = {(_day(d), MONTHS[_norm(mo)]) for d, mo in (w.split("-", 1) for w in words("hyphen_holidays"))}


def _b_daymonth(m: re.Match[str], text: str) -> list[_Item] | None:
    d, mo = _day(m["d"]), MONTHS[_norm(m["m"])]
    if m["hy"] and (d, mo) not in _HYPHEN_HOLIDAYS:
        return None  # "après le 11-Septembre": a memorial's name, no date
    y = _year(m["y"]) if m["y"] else None
    if not _valid(y or 2000, mo, d):
        return None
    wd = WEEKDAYS[_norm(m["wd"])] if m["wd"] else None
    pod = _pod_code(_g(m, "pod") or _g(m, "pod2"))
    rel = _DAY_MONTH_DIRECTIONS[_norm(m["rel"])] if _g(m, "rel") else None
    data = {"y": y, "m": mo, "d": d, "wd": wd, "pod": pod, "rel": rel,
            # a deadline ("a donné jusqu'au 30 juin") or a day put off to: not bound to the clause's tense
            "deadline": _deadline(text, m.start("core")), "postponed": _postponed(text, m.start("core"))}
    if y is None and rel is None:
        if _GENERIC_BEFORE.search(text, max(0, m.start("core") - 20), m.start("core")):
            return [_Item(*_core(m), "set", {"value": f"XXXX-{mo:02d}-{d:02d}"})]  # "chaque 14 juillet"
        if _GENERIC_AFTER.match(text, m.end("core")) or _GENERIC_EARLIER.search(
                text, max(0, m.start("core") - 40), m.start("core")):
            return [_Item(*_core(m), "generic", {"value": f"XXXX-{mo:02d}-{d:02d}"})]
    return [_Item(*_core(m), "date" if y else "daymonth", data)]


# a day and month of no year: every year's ("chaque 14 juillet": a SET) or any year's
# ("le 15 juillet de chaque année": a DATE of no year)
_GENERIC_BEFORE = re.compile(rf"(?<!\w){_alt(_LEX['generic_dates']['before'])}{WS}$", re.IGNORECASE)
_GENERIC_AFTER = re.compile(rf"{WS0},?{WS0}{_alt(_LEX['generic_dates']['after'])}(?!\w)", re.IGNORECASE)
# ... or said earlier in its clause ("la fête a lieu chaque année le 15 août")
_GENERIC_EARLIER = re.compile(rf"(?<!\w){_alt(_LEX['generic_dates']['after'])}(?!\w)[^.;:!?\n]*$", re.IGNORECASE)


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


def _b_dayonly(m: re.Match[str], text: str) -> list[_Item] | None:
    """"Le 26, le CERI a indiqué ...": a day of the month alone, opening a sentence before its
    comma, in a text that counts days ("Le 10 décembre, ... Le 26, ... Le 27, ..."): the month is
    the one the text last spoke of (anchor)."""
    return [_Item(*_core(m), "dayonly", {"d": _day(m["d"])})]


def _b_monthyear(m: re.Match[str], text: str) -> list[_Item] | None:
    return [_Item(*_core(m), "monthyear", {"y": _year(m["y"]), "m": MONTHS[_norm(m["m"])]})]


def _b_month(m: re.Match[str], text: str) -> list[_Item] | None:
    rel = _MONTH_DIRECTIONS[_norm(m["rel"])] if m["rel"] else None
    if not (m["pre"] or m["mod"] or rel):
        return None
    if m["pre"] and _norm(m["pre"]) in _OF and not (m["mod"] or rel) and m["m"][0].isupper():
        return None  # "la mission de Mars"
    return [_Item(*_core(m), "month", {"m": MONTHS[_norm(m["m"])], "rel": rel})]


def _year_ok(m: re.Match[str], text: str, y: int, cue: bool) -> bool:
    if _thousands_before(text, m.start("y")):
        return False
    before = text[max(0, m.start("y") - 12) : m.start("y")].lower()
    if _NOT_AFTER_YEAR.search(before):
        return False
    nxt = _next_word(text, m.end())
    if _PERCENT.match(text[m.end() : m.end() + 20]):
        return False
    capital = bool(re.match(rf"{WS0}[^\W\d_]", text[m.end() : m.end() + 10])) and bool(
        re.match(rf"{WS0}[A-ZÀ-Ý]", text[m.end() : m.end() + 10]))
    if nxt in COUNT_UNITS or (
        not capital  # "en 1995 Jacques Chirac": a name, not a counted noun
        and _PLURAL_WORD.fullmatch(nxt or "-") and nxt not in FUNCTION_WORDS_S and nxt not in MONTHS
        and nxt not in NUMBERS  # "en 1996 six usines ont fermé"
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
    if words and _norm(words[-1]) in YEAR_CUE_WORDS:
        return True  # "entre 1990 et 1995"
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
    rel = _SEASON_DIRECTIONS[_norm(m["rel"])] if m["rel"] else None
    y = _year(m["y"]) if m["y"] else None
    if not (m["pre"] or m["det"] or y):
        return None
    if m["det"] and _norm(m["det"]) in _SEASON_ARTICLE_NEEDS_MORE and not (rel or y):
        return None  # "le printemps arabe", "le Printemps de Bourges"; "le printemps prochain" is a date
    return [_Item(*_core(m), "season", {"season_code": s[0], "month": s[1], "y": y, "rel": rel})]


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
        "dn": _day(m["dn"]) if m["dn"] else None,  # "mercredi 21": the 21st that is a Wednesday
        "until": bool(_g(m, "pre")) and _norm(m["pre"]).startswith(_UNTIL),  # "ouvert jusqu'à vendredi"
        "postponed": _postponed(text, m.start("core")),  # "reporté à mardi"
    }
    if m["dn"] and not (m["rel"] or m["pod"]):
        nxt = re.match(rf"{WS}([^\W\d_]+)", text[m.end("dn") : m.end("dn") + 30])
        word = _norm(nxt.group(1)) if nxt else ""
        if word and nxt.group(1).islower() and _PLURAL_WORD.fullmatch(word) and word not in FUNCTION_WORDS_S:
            data["dn"] = None  # "lundi 3 personnes ont été blessées": a count
            return [_Item(m.start("core"), m.end("wd"), "weekday", data)]
    return [_Item(*_core(m), "weekday", data)]


_POSTPONED = re.compile(rf"([^\W\d_]+){WS}{seq('postponed_prepositions')}{WS}(?:{seq('postponed_determiners')}{WS})?$",
                        re.IGNORECASE)


_DEADLINE = re.compile(rf"(?<!\w)(?:{seq('deadline_until')}{WS0}{seq('deadline_until_to')}?|{seq('deadlines')}){WS0}"
                       rf"(?:{seq('deadline_articles')}{WS})?$", re.IGNORECASE)


def _deadline(text: str, start: int) -> bool:
    return bool(_DEADLINE.search(text, max(0, start - 30), start))


def _postponed(text: str, start: int) -> bool:
    """The day is where something is put off to ("reporté à mardi", "repoussée au lundi 5")."""
    m = _POSTPONED.search(text, max(0, start - 40), start)
    return bool(m) and _norm(m.group(1)).startswith(POSTPONED_TO)


def _b_nth_weekday(m: re.Match[str], text: str) -> list[_Item] | None:
    """ "le premier dimanche de juin", "le dernier samedi d'octobre 1998": a day of that month."""
    o = _norm(m["o"])
    n = -1 if o in _LAST_ORDINAL else ORDINALS.get(o)
    if n is None:
        return None
    data = {"n": n, "wd": WEEKDAYS[_norm(m["wd"])], "m": MONTHS[_norm(m["m"])],
            "y": _year(m["y"]) if m["y"] else None}
    return [_Item(*_core(m), "nth_weekday", data)]


def _b_deictic(m: re.Match[str], text: str) -> list[_Item] | None:
    word = _norm(m["w"])
    if word in DEICTIC_DAYS:
        data = {"offset": DEICTIC_DAYS[word], "pod": _pod_code(_g(m, "pod"))}
        # "aujourd'hui" alone, not "d'aujourd'hui": the present, unless its clause dates an event
        data["now"] = (word in DEICTIC_PRESENT and m.end("core") == m.end("w")
                       and not re.search(rf"(?<!\w){elided('elided_of')}$", text[max(0, m.start() - 3) : m.start()]))
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
    event_relative = bool(re.match(rf"{WS}{bounded('event_of')}", nxt)) and not m["pod"]
    return [_Item(*_core(m), "anaphoric", {"offset": offset, "pod": pod, "event": event_relative})]


def _b_moment(m: re.Match[str], text: str) -> list[_Item] | None:
    return [_Item(*_core(m), "moment", {})]


def _b_pod(m: re.Match[str], text: str) -> list[_Item] | None:
    """ "dans la matinée", "en début d'après-midi", "en soirée": a part of the day the text is on."""
    pod = _pod_code(m["pod"])
    if pod is None:
        return None
    return [_Item(*_core(m), "anaphoric", {"offset": 0, "pod": pod, "event": False})]


def _b_relunit(m: re.Match[str], text: str) -> list[_Item] | None:
    det = _norm(m["det"])
    unit = REL_UNITS[_norm(m["u"])]
    if (_g(m, "there") and det in _DEMONSTRATIVES) or (_g(m, "same") and not m["rel"]):
        step, anaphoric = 0, True  # "cette année-là", "la même année": the year the text is on
    elif m["here"] or det in _DEMONSTRATIVES:
        step, anaphoric = 0, False
    elif m["rel"]:
        step, anaphoric = REL_MODS[_norm(m["rel"])]
    else:
        return None
    if m["rel"] and det in _DEMONSTRATIVES:
        step, anaphoric = REL_MODS[_norm(m["rel"])]
    return [_Item(*_core(m), "relunit", {"unit": unit, "step": step, "anaphoric": anaphoric})]


def _b_unitedge(m: re.Match[str], text: str) -> list[_Item] | None:
    unit = REL_UNITS[_norm(m["u"])]
    if _g(m, "y"):
        if unit != "year":
            return None
        return [_Item(*_core(m), "year", {"y": _year(m["y"])})]  # "à la fin de l'année 1998"
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


def _kind_of_day(m: re.Match[str], n: float | None, text: str) -> bool:
    """ "dans un jour de grande forme", "un jour sans": a kind of day, not a length nor a delay."""
    return n == 1 and _norm(m["u"]) in _DAY_UNIT and _next_word(text, m.end("u")) in _KIND_OF_DAY_NEXT


def _b_in(m: re.Match[str], text: str) -> list[_Item] | None:
    n, vague = _qty(m["q"])
    if n is None and not vague:
        return None
    if n is not None and m["half"]:
        n += 0.5
    if _kind_of_day(m, n, text):
        return None
    return [_Item(*_core(m), "shift", {"n": n, "unit": _unit_of(m["u"]), "sign": 1, "deictic": True})]


def _b_later(m: re.Match[str], text: str) -> list[_Item] | None:
    direction = _norm(m["dir"])
    if direction in _EVENT_RELATIVE and not re.match(rf"{WS0}(?:[,.;:)!?]|$)", text[m.end() : m.end() + 3]):
        return None  # "trois jours après l'annonce": relative to an event, left to the duration rule
    n, vague = _qty(m["q"])
    if n is None and not vague:
        return None
    if n is not None and m["half"]:
        n += 0.5
    sign = _SHIFT_DIRECTIONS[direction]
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
    if q in _VAGUE_DETERMINERS and pre not in _VAGUE_DURATION_CUES:
        return None
    if _kind_of_day(m, n, text):
        return None
    needs_cue = unit_word in UNITS_NEEDING_CUE or (unit_word in _DAY_UNIT and n == 1)
    if needs_cue and pre not in DURATION_CUES and not m["last"] and not _length_of_time(text, m.start("core"),
                                                                                        m.end("core")):
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


_OF_NOUN = re.compile(rf"{WS}{OF_THEN}[^\W\d]")
_PLURAL_DETERMINERS = frozenset(_LEX["plural_determiners"])
_BEFORE_AFTER = re.compile(rf"{WS}{seq('event_relative_directions')}{R}", re.IGNORECASE)


def _length_of_time(text: str, start: int, end: int) -> bool:
    """A count of years with no preposition that is still a length of time: after a cue or a verb
    of duration, past a modifier ("durera plus de vingt ans", "pendant près de trois ans", "a passé
    trois ans", "condamné à dix ans"), before "après"/"avant" ("six ans après sa victoire"), or the
    length of something ("une peine supérieure à 30 ans de réclusion"); not an age ("âgé de 54 ans",
    "une fillette de 6 ans", "Jean, 87 ans", "mort à 80 ans")."""
    before = _norm(text[max(0, start - 60) : start])
    stripped = True
    while stripped:
        stripped = False
        for mod in DURATION_MODIFIERS:
            if before == mod or before.endswith(" " + mod):
                before, stripped = before[: -len(mod)].rstrip(), True
    if _BEFORE_AFTER.match(text, end):
        return True  # "six ans après sa victoire": the length between two times
    words = re.findall(r"[\w'-]+", before)
    if not words:
        return False
    if any(" ".join(words[-k:]) in DURATION_CUES for k in (1, 2, 3)):
        return True
    if words[-1] in _PLURAL_DETERMINERS:
        return False  # "les célébrations des 30 ans d'indépendance": an anniversary
    verb_before = len(words) > 1 and words[-2].startswith(DURATION_VERBS)
    if words[-1] in _OF:  # "a écopé de dix ans de prison", not "âgé de 54 ans"
        return verb_before
    if words[-1] in _FOLDED_TO and verb_before:
        return True  # "condamné à dix ans" (à is folded to a)
    return words[-1].startswith(DURATION_VERBS) or bool(_OF_NOUN.match(text, end))


def _b_fraction(m: re.Match[str], text: str) -> list[_Item] | None:
    """ "un quart d'heure" → PT15M, "une demi-heure" → PT30M, "un demi-siècle" → P50Y."""
    n = parse_number(_norm(m["q"])) if m["q"] else 1.0
    if n is None:
        return None
    amount, unit = n * FRACTIONS[_norm(m["f"])], UNITS[_norm(m["u"])]
    for coarse, fine, factor in (("H", "MIN", 60), ("CE", "Y", 100), ("DE", "Y", 10), ("D", "H", 24)):
        if unit == coarse:
            amount, unit = amount * factor, fine
    if amount != int(amount):
        return None
    return [_Item(*_core(m), "duration", {"n": amount, "n2": None, "unit": unit})]


def _half_day(m: re.Match[str], h: int) -> int:
    """ "8 heures du soir" → 20, "3 h de l'après-midi" → 15; "du matin" leaves the hour."""
    part = _norm(_g(m, "dp") or "")
    return h + 12 if h < 12 and any(w in part for w in _AFTERNOON_WORDS) else h


def _b_clock(m: re.Match[str], text: str) -> list[_Item] | None:
    h = _half_day(m, int(m["h"]))
    mi = int(m["mm"]) if m["mm"] else 0
    if h > 24 or mi > 59:
        return None
    return [_Item(*_core(m), "clock", {"h": h, "mm": mi})]


def _b_clock_words(m: re.Match[str], text: str) -> list[_Item] | None:
    word = _norm(m["h"] or m["h2"])
    if word in _CLOCK_WORDS:
        h: float | None = _CLOCK_WORDS[word]
    else:
        h = parse_number(word)
    if h is None or h != int(h) or h > 24:
        return None
    h = _half_day(m, int(h))
    mi = 0
    if m["mm"]:
        mv = parse_number(m["mm"])
        if mv is None or mv != int(mv) or mv > 59:
            return None
        mi = int(mv)
    return [_Item(*_core(m), "clock", {"h": int(h), "mm": mi})]


def _b_clock_range(m: re.Match[str], text: str) -> list[_Item] | None:
    """Both ends of a range of hours, as two clock times."""
    items = []
    for i in ("1", "2"):
        h, mi = int(m["h" + i]), int(m["m" + i] or 0)
        if h > 24 or mi > 59:
            return None
        items.append(_Item(m.start("c" + i), m.end("c" + i), "clock", {"h": h, "mm": mi}))
    return items


def _b_set(m: re.Match[str], text: str) -> list[_Item] | None:
    n = 1.0
    if m["n"]:
        parsed = parse_number(m["n"])
        if parsed is None:
            return None
        n = parsed
    u = _norm(m["u"])
    u = next(iter(singulars(u)), u) if u not in _SET_NOT_PLURAL else u
    if u in WEEKDAYS:
        return [_Item(*_core(m), "set", {"value": f"XXXX-WXX-{WEEKDAYS[u]}"})]
    unit = UNITS.get(u) or next((UNITS[u + e] for e in words("plural_endings") if u + e in UNITS), None)
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


def _b_holiday(m: re.Match[str], text: str) -> list[_Item] | None:
    if not m["pre"] and not re.search(rf"{seq('holiday_edges')}{WS}(?:{OF_FORMS}){WS0}$",
                                      text[max(0, m.start("core") - 20) : m.start("core")], re.IGNORECASE):
        return None
    if m["pre"] and _norm(m["pre"]) in _HOLIDAY_NOT_AFTER.get(_norm(m["h"]), ()) and not m["core"][0].isupper():
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
    kind = _QUARTER_UNITS[_norm(m["u"])]
    if q is None or (kind == "Q" and q > 4) or (kind == "H" and q > 2):
        return None
    y = int(m["y"]) if m["y"] else None
    if y is None and not m["det"]:
        return None
    return [_Item(*_core(m), "quarter", {"q": q, "kind": kind, "y": y})]


# --------------------------------------------------------------------------- patterns

_WDOPT = rf"(?:(?P<wd>{WD}){WS})?"
_POD_OF = rf"(?:(?P<pod>{seq('pod_articles')}{WS0}{POD}){WS}{seq('pod_of_day')}{WS})"
_DET = rf"(?:{seq('day_determiners')}{WS})"
# a part of the day after a day: "mardi soir", "hier en début d'après-midi", "hier dans la soirée"
_POD_AFTER = (rf"(?:(?:{seq('pod_edge_in')}{WS}{seq('pod_edges')}{WS}{OF_THEN}|{then('pod_in')})?"
              rf"{seq('pods_after_day')})")
# the half of the day after a clock time: "3 h du matin", "8 heures du soir"
_DAY_PART = rf"(?:{WS}(?P<dp>{seq('clock_day_parts')}){R})"
# a clock time said with its day: "hier à 10 h"
_AT_CLOCK = (rf"(?:{WS}{seq('clock_at')}{WS}(?P<ch>[01]?\d|2[0-3]){WS0}{seq('hour_marks')}"
             rf"(?:{WS0}(?P<cmi>[0-5]\d))?(?![\w'’]))")
# "la fin du XIXe siècle", "début des années 60": the edge is part of the expression
_EDGE_OF = rf"(?:(?:{seq('edge_articles')}{WS})?{seq('edges')}{WS}{seq('edge_of')}{WS})"

_PATTERNS: list[tuple[str, Builder]] = [
    (rf"{L}(?P<core>(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}))(?![\d\w])", _b_iso),
    (rf"{L}(?<![\d/.])(?P<core>(?P<d>\d{{1,2}})([/.])(?P<m>\d{{1,2}})\3(?P<y>\d{{4}}|\d{{2}}))(?![\d\w])(?![/.]\d)",
     _b_numeric),
    # "la nuit du mercredi 5 au jeudi 6 janvier", "du 5 au 7 janvier 2022", "entre le 5 et le 7 janvier"
    (rf"{L}{_pre()}(?P<core>(?:(?P<pod>{seq('pod_articles')}{WS0}{POD}){WS})?{seq('period_from')}{WS}"
     rf"(?:(?P<w1>{WD}){WS})?(?P<d1>{DAY})(?:{WS}(?P<m1>{MONTH})(?:{WS}(?P<y1>{YEARX}))?)?{WS}"
     rf"{seq('period_to')}{WS}(?:(?P<w2>{WD}){WS})?(?P<d2>{DAY}){WS}(?P<m2>{MONTH})(?:{WS}(?P<y2>{YEARX}))?)",
     _b_period),
    # "lundi 10 et mardi 11 janvier", "les 5 et 6 janvier"
    (rf"{L}(?P<core>(?P<i1>(?:{seq('list_articles')}{WS})?(?:(?P<w1>{WD}){WS})?(?P<d1>{DAY})){WS0}(?:,|{_AND}){WS}"
     rf"(?:{seq('list_second_article')}{WS})?(?P<i2>(?:(?P<w2>{WD}){WS})?(?P<d2>{DAY})){WS}(?P<m>{MONTH})(?:{WS}(?P<y>{YEARX}))?)",
     _b_list),
    # "le mardi 28 juin 2022", "la soirée du 5 janvier", "ce jeudi 17 février"; a day and month joined by a hyphen
    # name a holiday ("le défilé du 1er-Mai": `hyphen_holidays`), else no date ("le 11-Septembre")
    (rf"{L}{_pre()}(?P<core>{_POD_OF}?{_DET}?{_WDOPT}(?P<d>{DAY})(?:{WS}|(?P<hy>{HY}))(?P<m>{MONTH})"
     rf"(?:{WS}(?P<y>{YEARY})|{WS}(?P<rel>{_seq(_DAY_MONTH_DIRECTIONS)}){R})?"
     rf"(?:{WS}(?P<pod2>{seq('pods_after_date')}))?)",
     _b_daymonth),
    (rf"{L}{_pre()}(?P<core>(?P<mod>{MODPRE})?(?P<m>{MONTH}){WS}(?P<y>{YEARY}))", _b_monthyear),
    # "Le 26, ...": a day of the month alone, at the head of a sentence, before a comma
    (rf"(?:^|(?<=[.!?\n»\"])){WS0}(?P<core>{seq('day_alone_article')}{WS}"
     rf"(?P<d>1{seq('first_day_suffix')}|[12]\d|3[01]|[1-9]))(?={WS0},)", _b_dayonly),
    (rf"{L}{_pre(PRE_MONTH)}(?P<core>(?P<mod>{MODPRE})?(?P<m>{MONTH})"
     rf"(?:{WS}(?P<rel>{_seq(_MONTH_DIRECTIONS)}){R})?)(?!{WS}\d)", _b_month),
    (rf"{L}{_pre()}(?P<core>(?P<mod>{MODPRE}|{then('year_nouns')}|{seq('year_edges')}{WS}{then('elided_of', glue='')})?"
     rf"(?P<y>{YEARX}))(?:(?:{WS}{seq('year_or')}{WS}|/|{HY})(?P<y2>{YEARX}))?", _b_year),
    (rf"{L}(?:(?P<pre>{PRE_SEASON}){WS})?"
     rf"(?P<core>(?P<det>{then('season_determiners')})?(?P<s>{SEASON_ALT}){R}"
     rf"(?:{WS}(?P<y>{YEARY})|{WS}(?P<rel>{_seq(_SEASON_DIRECTIONS)}){R})?)", _b_season),
    (rf"{L}{_pre()}(?P<core>{_EDGE_OF}?(?P<n>[IVXLC]+|\d{{1,2}}){WS0}{seq('century_suffixes')}{WS}{seq('century')}){R}",
     _b_century),
    (rf"{L}{_pre()}(?P<core>{_EDGE_OF}?(?:{seq('decade_article')}{WS})?{seq('decades')}{WS}(?P<y>(?:19|20)\d0|[2-9]0|00|{DECADE_ALT}))"
     rf"(?![\d\w-])", _b_decade),
    # "la nuit de lundi à mardi", "du lundi au mercredi", "la nuit de mardi"
    (rf"{L}{_pre()}(?P<core>(?:(?P<pod>{seq('pod_articles')}{WS0}{POD}){WS}{seq('weekday_night_of')}{WS}|{seq('weekday_from')}{WS})"
     rf"(?P<w1>{WD})(?:{WS}{seq('weekday_to')}{WS}(?P<w2>{WD}))?)", _b_wdperiod),
    (rf"{L}{_pre(PRE_WEEKDAY)}"
     rf"(?P<core>(?:(?P<det>{_seq(words('day_determiners'))}){WS})?(?P<wd>{WD})"
     rf"(?:{WS}(?P<dn>{DAY})(?!{WS0}(?:{seq('hour_marks')}(?!\w)|{seq('hour_words')}{R}|%|[,.]?\d)))?(?:{WS}(?P<rel>{RELMOD}))?"
     rf"(?:{WS}(?P<pod>{_POD_AFTER}){R})?)", _b_weekday),
    (rf"{L}(?P<core>(?P<w>{DEICTIC_ALT}){R}(?:{WS}(?P<pod>{_POD_AFTER}){R})?(?:{WS}(?P<wd>{WD}))?{_AT_CLOCK}?)",
     _b_deictic),
    (rf"{L}(?P<core>(?P<w>{DEICTIC_POD_ALT}))(?!\w|{WS0}{HY}{WS0}{seq('there')})", _b_deictic),
    (rf"{L}{_pre(PRE_ANAPHORIC)}(?P<core>(?P<w>{ANAPHORIC_ALT}){R}"
     rf"(?:{WS}(?P<pod>{seq('pods_after_anaphoric')}){R})?)",
     _b_anaphoric),
    (rf"{L}(?P<core>(?:{seq('nth_determiners')}{WS})?(?P<o>{ORDINAL_ALT}|{seq('last_ordinal')}){WS}(?P<wd>{WD}){WS}"
     rf"(?:{OF_THEN}|{seq('of_the_month')}{WS}{OF_THEN})(?P<m>{MONTH})(?:{WS}(?P<y>{YEARX}))?){R}",
     _b_nth_weekday),
    (rf"{L}(?P<core>(?P<w>{MOMENT_ALT})){R}", _b_moment),
    (rf"{L}(?P<pre>{_seq(words('pod_prepositions'))}){J}(?P<core>(?:{seq('pod_article_any')}{WS0})?"
     rf"(?:(?P<edge>{_seq(words('edges'))}){WS}{OF_THEN}{then('pod_articles')}?)?(?P<pod>{POD}))", _b_pod),
    (rf"{L}(?P<core>(?P<det>{_seq(words('relunit_determiners'))}){WS0}(?:(?P<same>{seq('same')}){WS})?"
     rf"(?P<u>{RELUNIT_ALT})"
     rf"(?:(?P<here>{WS0}{HY}{WS0}{seq('here')})|(?P<there>{WS0}{HY}{WS0}{seq('there')})|{WS}(?P<rel>{RELMOD}))?){R}",
     _b_relunit),
    (rf"{L}{_pre(PRE_EDGE)}(?P<core>(?:{seq('edge_articles')}{WS})?"
     rf"{seq('edges')}{WS}{then('unit_edge_of', glue='')}{WS0}(?P<u>{_seq(words('edge_units'))})"
     rf"(?:{WS}(?P<rel>{_seq(words('unit_edge_modifiers'))})|{WS}(?P<y>{YEARX}))?){R}", _b_unitedge),
    (rf"{L}{_pre(PRE_CLOCK)}(?P<core>(?<![\d,.])(?P<h>[01]?\d|2[0-4]){WS0}{seq('hour_marks')}(?:{WS0}(?P<mm>[0-5]\d))?"
     rf"(?![\w'’]){_DAY_PART}?)", _b_clock),
    (rf"{L}(?P<pre>{PRE_CLOCK_WORDS}){WS}(?P<core>(?:(?P<h>\d{{1,2}}){WS}{seq('hour_words')}(?:{WS}(?P<mm>\d{{2}}))?"
     rf"{_DAY_PART}?|(?P<h2>{_seq(_CLOCK_WORDS)}))){R}", _b_clock_words),
    # a range of hours: "de 14 heures à 18 heures", "entre 9 heures et 11 heures 30"
    (rf"{L}(?:(?P<since>{seq('range_from')})|{seq('range_between')}){WS}"
     rf"(?P<core>(?P<c1>(?P<h1>\d{{1,2}}){WS}{seq('hour_words')}(?:{WS}(?P<m1>\d{{2}}))?)"
     rf"(?(since){WS}{seq('range_to')}|{WS}{seq('range_and')}){WS}"
     rf"(?P<c2>(?P<h2>\d{{1,2}}){WS0}(?:{_seq(words('hour_marks'))}|{_seq(words('hour_words'))})(?:{WS0}(?P<m2>\d{{2}}))?)){R}",
     _b_clock_range),
    (rf"{L}(?P<core>{seq('ago')}{WS}(?P<q>{QTY}){J}(?P<u>{UNIT})(?P<half>{HALF})?)", _b_ago),
    (rf"{L}(?P<core>{seq('in_time')}{J}(?P<q>{QTY}){J}(?P<u>{UNIT})(?P<half>{HALF})?)", _b_in),
    (rf"{L}(?P<core>(?P<q>{QTY}){J}(?P<u>{UNIT})(?P<half>{HALF})?{WS}"
     rf"(?P<dir>{_seq(_SHIFT_DIRECTIONS)})){R}", _b_later),
    (rf"{L}(?P<core>(?P<q>{_seq(words('indefinite_articles'))}|{NUMW}){WS}(?P<f>{FRACTION_ALT})(?:{HY}|{WS}{OF_THEN})"
     rf"(?P<u>{UNIT}))",
     _b_fraction),
    (rf"{L}{_pre()}(?P<core>(?:{seq('range_between')}{WS})?(?P<q>{QTY})(?:{WS}{seq('quantity_ranges')}{WS}(?P<q2>{QTY}))?{J}"
     rf"(?:(?P<last>{_seq(words('count_modifiers'))}){WS})?(?P<u>{UNIT})(?P<half>{HALF})?)", _b_duration),
    (rf"{L}(?P<core>{seq('set_openers')}{WS}(?:(?P<n>\d{{1,2}}|{NUMW}){WS})?"
     rf"(?P<u>{_seq(words('set_units'))}|{WEEKDAY_ALT}{seq('plural_endings')}?)){R}", _b_set),
    (rf"{L}(?P<core>(?P<w>{VAGUE_ALT})){R}", _b_vague),
    (rf"{L}(?P<core>(?P<w>{REF_ADJ_ALT})){R}", _b_refadj),
    (rf"{L}(?:(?P<pre>{PRE_HOLIDAY}){J})?(?P<core>(?P<h>{HOLIDAY_ALT})(?:{WS}(?P<y>{YEARX}))?){R}", _b_holiday),
    (rf"{L}{_pre()}(?P<core>(?:(?P<det>{_seq(words('quarter_determiners'))}){WS})?(?P<o>{ORDINAL_ALT}){WS}"
     rf"(?P<u>{_seq(_QUARTER_UNITS)})(?:{WS}(?:{seq('of_the_year')}{WS})?(?P<y>{YEARX}))?){R}", _b_quarter),
]  # fmt: skip


_COMPILED: list[tuple[re.Pattern[str], Builder]] = [(re.compile(p, re.IGNORECASE), b) for p, b in _PATTERNS]
