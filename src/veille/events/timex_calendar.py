"""Calendar helpers of the tagger: calendar points, ISO weeks, month arithmetic, TIMEX3 duration
values and :func:`as_calendar`."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

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
