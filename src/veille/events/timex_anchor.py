"""Anchor and normalise: items resolved to TIMEX3 values against the publication date or the date
the narrative last set (:class:`_Context`), the clause's tense deciding the direction."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from veille.events.timex_calendar import (
    _add_months,
    _distance,
    _duration_value,
    _easter,
    _iso,
    _Point,
    _valid,
    _week,
)
from veille.events.timex_lexicon import (
    APPOSITION_ARTICLES,
    APPOSITION_PREPOSITIONS,
    ASIDE_SINCE,
    ASIDE_SINCE_ARTICLES,
    OF_FORMS,
    PERIOD_BOUNDS,
    REL_MODS,
    WS,
    WS0,
    J,
)
from veille.events.timex_recognise import _DEMONSTRATIVES, LAST, NEXT, _Item
from veille.events.timex_tense import Tense, _future_cue, clause_tense

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
        self.last_time: str | None = None  # the last clock time resolved on a day ("2022-01-05T15:30")
        self.told_days: list[date] = []  # the days the narrative was on, in text order
        # (end, year) of the last year that opens a sentence ("En 2019, ...", "L'an passé, ..."): the year of the
        # bare months the sentence names after it (:meth:`fronted_year_of`)
        self.fronted_year: tuple[int, int] | None = None

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

    def anaphor_day(self, past: bool = False) -> date | None:
        """The day an anaphor ("la veille", "dans la matinée", "à 13 h") counts from: the last day the
        narrative was on; in a past clause, the last one not after the anchor ("Dans deux jours,
        Téhéran pourrait annoncer un plan. Paris a échangé, comme la veille, avec Berlin")."""
        if past and self.anchor is not None and self.anchor.day is not None:
            day = next((d for d in reversed(self.told_days) if d <= self.anchor.day), None)
            if day is not None or self.told_days:
                return day or self.anchor.day
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

    def fronted_year_of(self, start: int) -> int | None:
        """The year that opens the sentence of the expression at ``start``, before it: a bare month after it
        is of that year ("L'an passé, ils s'étaient rassemblés fin novembre", "En 2019, la ville avait voté en
        mars"), not the month's last occurrence before the anchor."""
        if self.fronted_year is None:
            return None
        end, year = self.fronted_year
        return year if end <= start and not _SENTENCE_END.search(self.text, end, start) else None

    def note_fronted(self, start: int, end: int, point: _Point | None) -> None:
        """Keep a year (a point with no month) that opens its sentence: nothing before it since the sentence's
        start but one word ("En 2019", "Dès 2018", "L'an dernier"). A point of another year after it ("En 2019 et
        en mars 2020, puis en juin") leaves the months after it to the usual reading."""
        if point is None:
            return
        opening = max(self.text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
        if point.m is None and _OPENING.fullmatch(self.text, opening, start) \
                and not PERIOD_BOUNDS & set(re.findall(r"\w+", self.text[opening:start].lower())):
            self.fronted_year = (end, point.y)  # (not "Depuis 2019", "Avant 2019": a period's bound)
        elif self.fronted_year is not None and point.y != self.fronted_year[1]:
            self.fronted_year = None

    # bookkeeping ---------------------------------------------------------
    def note(self, point: _Point | None, calendar_expr: bool, value: str | None = None, told: bool = True) -> None:
        """Keep a resolved expression as reference. ``told`` False: a day the narrative is not on ("réunis
        depuis samedi", "le dîner de la veille"), which parts of the day and anaphors do not count from."""
        if point is not None and point.day and not told:
            self.last_point = point
            if calendar_expr:
                self.last_abs = point
            return
        if value is not None and _DAY_TIME.fullmatch(value):
            self.last_time = value
        elif point is not None and point.day and point.day != self.last_day:
            self.last_time = None  # a new day: the time given before is not on it
        if point is None:
            return
        self.last_point = point
        if calendar_expr:
            self.last_abs = point
        if point.day:
            self.last_day = point.day
            self.told_days.append(point.day)



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


def _complete_year(ctx: _Context, m: int, d: int, wd: int | None, pos: int, rel: str | None = None,
                   end: int | None = None) -> int | None:
    """The year of a day-month without one: nearest the reference, preferring a matching weekday.

    ``rel`` NEXT ("prochain") takes the first one after the reference, LAST ("dernier") the last one before.
    ``end`` given (the expression's end): the clause's tense, read there, decides the side of the
    anchor.
    """
    ref = ctx.interval_ref()
    if ref is None and wd is None and ctx.latest_date is not None:
        # before any date of a text without anchor: the latest full date the text gives
        ref = ctx.latest_date, ctx.latest_date, "text"
    if ref is not None and rel in (NEXT, LAST):
        lo, hi, _ = ref
        years = [y for y in range(lo.year - 1, hi.year + 2) if _valid(y, m, d)]
        if rel == NEXT:
            return min((y for y in years if date(y, m, d) > hi), default=None)
        return max((y for y in years if date(y, m, d) < lo), default=None)
    if ref is not None and ref[2] == "anchor" and rel is None and wd is None and ctx.tense == "auto" \
            and end is not None:
        # a past clause tells of a day at or before the writing ("il est parti le 15 juin", written
        # in May: last June), a future one of a day at or after it
        tense = ctx.clause(pos, end if end is not None else pos)
        lo, hi, _ = ref
        years = [y for y in range(lo.year - 1, hi.year + 2) if _valid(y, m, d)]
        if tense == "past":
            return max((y for y in years if date(y, m, d) <= hi), default=None)
        if tense == "future":
            return min((y for y in years if date(y, m, d) >= lo), default=None)
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
_DAY_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# where a sentence ends (a mark, then a space), and what may come before a year that opens one: one word at most
_SENTENCE_MARKS = (".", "!", "?", "\n")
_SENTENCE_END = re.compile(r"[.!?\n][\"»”)]*\s")
_OPENING = re.compile(r"[\W_]*(?:\w+[\s'’]+)?", re.UNICODE)
_APPOSITION = re.compile(rf"{WS0},{WS0}(?:{APPOSITION_PREPOSITIONS}{WS})?(?:{APPOSITION_ARTICLES}{WS})?", re.IGNORECASE)


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
            rel = NEXT  # no anchor: "tiendra le 11 novembre" comes after the dates the text gives
        directed = not (x.get("deadline") or x.get("postponed"))
        y = _complete_year(ctx, x["m"], x["d"], x.get("wd"), item.start, rel, item.end if directed else None)
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

    if k == "dayonly":
        # the day of the month the text last spoke of, or of the month after when that day is past
        # ("Le 28 décembre, ... Le 2, ...")
        if ctx.last_day is None:
            return None
        y, mo = ctx.last_day.year, ctx.last_day.month
        if x["d"] < ctx.last_day.day:
            y, mo = _add_months(y, mo, 1)
        if not _valid(y, mo, x["d"]):
            return None
        return _day_res("DATE", date(y, mo, x["d"]), True)

    if k == "monthyear":
        p = _Point(x["y"], x["m"])
        return _Res("DATE", f"{x['y']}-{x['m']:02d}", "month", False, None, p, True)

    if k in ("month", "season"):
        month = x["m"] if k == "month" else x["month"]
        if k == "season" and x["y"]:
            p = _Point(x["y"], month)
            return _Res("DATE", f"{x['y']}-{x['season_code']}", "season", False, None, p, True)
        rel = x.get("rel")
        fronted = ctx.fronted_year_of(item.start) if k == "month" and rel is None else None
        if fronted is not None:
            return _Res("DATE", f"{fronted}-{month:02d}", "month", True, None, _Point(fronted, month), True)
        ref = ctx.interval_ref()
        fallback = f"XXXX-{month:02d}" if k == "month" else f"XXXX-{x['season_code']}"
        if ref is None:
            return _unresolved("DATE", fallback)
        lo, hi, _ = ref
        rel = x.get("rel")
        if k == "season" and rel is None:
            return _season_of_year(x, lo, hi, ctx.clause(item.start, item.end))
        forward = rel == NEXT or (rel is None and ctx.future(item.start, item.end))
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
        return _Res("DATE", f"{y}-{x['season_code']}", "season", True, None, p, True)

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

    if k == "nth_weekday":
        # the month as a bare month (or a month and year) resolves, then its n-th (or last) weekday
        if x["y"]:
            y, month = x["y"], x["m"]
        else:
            res = _resolve_value(_Item(item.start, item.end, "month", {"m": x["m"], "rel": None}), ctx)
            if res is None or res.precision != "month":
                return _unresolved("DATE", f"XXXX-{x['m']:02d}")
            y, month = int(res.value[:4]), x["m"]
        days = [date(y, month, d) for d in range(1, calendar.monthrange(y, month)[1] + 1)
                if date(y, month, d).isoweekday() == x["wd"]]
        if not 1 <= abs(x["n"]) <= len(days) or x["n"] == 0:
            return None
        d = days[x["n"] - 1] if x["n"] > 0 else days[-1]
        return _day_res("DATE", d, x["y"] is None, calendar_expr=True)

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
            # "au lendemain de l'élection": the event is, most often, the one the text last dated
            if ctx.last_day is None:
                return _unresolved(label, "XXXX-XX-XX")
            day = ctx.last_day + timedelta(days=x["offset"])
            if ctx.anchor is not None and ctx.anchor.day is not None and day > ctx.anchor.day >= ctx.last_day \
                    and ctx.clause(item.start, item.end) != "future":
                # "lundi 3 juin, ... Au lendemain de nouvelles condamnations": the text is on the day
                # after them; its present is no day before what it tells
                day = ctx.anchor.day
            return _day_res(label, day, True)
        base = ctx.anaphor_day(x["offset"] < 0 and ctx.clause(item.start, item.end) == "past")
        if base is None:
            return _unresolved(label, "XXXX-XX-XX")
        return _day_res(label, base + timedelta(days=x["offset"]), True)

    if k == "moment":
        if ctx.last_time is not None:
            return _Res("TIME", ctx.last_time, "day", True)
        if ctx.last_day is not None:
            return _day_res("DATE", ctx.last_day, True)
        return _unresolved("DATE", "XXXX-XX-XX")

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
            return _Res("TIME", f"XXXX-XX-XXT{x['h']:02d}:{x['mm']:02d}", None, False)
        return _Res("TIME", f"{_iso(day)}T{x['h']:02d}:{x['mm']:02d}", "day", True)

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
    return _Res("DATE", f"{y}-{x['season_code']}", "season", True, None, _Point(y, month), True)


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
    if x.get("dn") and not rel:
        # "mercredi 21": the 21st of the month, near the reference, that falls on a Wednesday
        days = []
        for k in range(-3, 4):
            y, mo = _add_months(base.year, base.month, k)
            if _valid(y, mo, x["dn"]) and date(y, mo, x["dn"]).isoweekday() == wd:
                days.append(date(y, mo, x["dn"]))
        if days:
            return _day_res(label, min(days, key=lambda d: abs((d - base).days)), True, calendar_expr=True)
    if rel:
        mode = "before" if step < 0 else "after"
    elif source == "text":
        mode = "nearest"
    else:
        # news name past days by their weekday: only a future clause looks ahead; "ce dimanche"
        # and "jusqu'à vendredi" are the coming one unless their clause is in the past
        tense = ctx.clause(item.start, item.end)
        ahead = tense == "future" or bool(x.get("postponed")) or (
            tense is None and (x.get("det") in _DEMONSTRATIVES or x.get("until")))
        mode = "at_or_after" if ahead else "at_or_before"
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



_DAY_KINDS = frozenset({"date", "daymonth", "weekday", "deictic", "anaphoric", "holiday", "nth_weekday"})
_CLOCK_THEN_DAY = re.compile(rf"{WS0},?{WS0}$")
_OF_DAY = re.compile(rf"{WS}{OF_FORMS}{WS0}", re.IGNORECASE)


def _resolution_order(text: str, items: list[_Item]) -> list[_Item]:
    """Items in text order, except that a clock time or a part of the day followed by its day ("vers
    0 h 40, jeudi", "dans la matinée, dimanche 25 août") comes after that day, so that it is placed
    on it."""
    items = list(items)
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        part_of_day = a.kind == "anaphoric" and a.data.get("offset") == 0 and a.data.get("pod") \
            and not a.data.get("event")  # "dans la matinée, dimanche 25 août"
        if (a.kind == "clock" or part_of_day) and b.kind in _DAY_KINDS \
                and _CLOCK_THEN_DAY.match(text[a.end : b.start]):
            items[i], items[i + 1] = b, a
        elif (a.kind == "anaphoric" and a.data.get("event") and b.kind in _DAY_KINDS
              and _OF_DAY.fullmatch(text[a.end : b.start])):
            a.data["of_next"] = True  # "la veille du 14 juillet": counted from that day
            items[i], items[i + 1] = b, a
    return items


# a day the narrative is not on: a start ("réunis depuis samedi") or a day before the one told,
# named as a noun's complement ("le dîner de la veille")
_SINCE = re.compile(rf"(?<!\w){ASIDE_SINCE}{WS}(?:{ASIDE_SINCE_ARTICLES}{J})?$", re.IGNORECASE)
_OF = re.compile(rf"(?<!\w){OF_FORMS}{WS0}$", re.IGNORECASE)


def _aside(text: str, item: _Item) -> bool:
    """The item names a day the narrative is not on (:meth:`_Context.note`, ``told``)."""
    before = text[max(0, item.start - 12) : item.start]
    if _SINCE.search(before):
        return True
    return item.kind == "anaphoric" and item.data.get("offset", 0) < 0 and bool(_OF.search(before))
