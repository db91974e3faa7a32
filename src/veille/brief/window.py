"""The period a brief covers, and the previous period of the same length it is compared with.

Two clocks say when an item is new (`basis`):

- `ingested` (the default): when veille stored the article (`documents.ingested_at`, UTC). Exact
  to the second, so daily briefs of 24 hours neither overlap nor leave gaps: everything that
  arrived is in exactly one brief, whatever the outlet printed as its date (or did not print).
- `published`: the publication date the article gives, a day. For briefs of past days, and for
  archives ingested in one go (where every item was stored today). Periods are then whole days
  ending on the `as_of` day, and articles dated only to the month or year are in none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

BASES = ("ingested", "published")
_SPAN = re.compile(r"^\s*(\d+)\s*(m|min|h|d|j|w)\s*$", re.IGNORECASE)
_UNITS = {"m": 60, "min": 60, "h": 3600, "d": 86400, "j": 86400, "w": 7 * 86400}
MAX_SPAN = dt.timedelta(days=3660)


class WindowError(ValueError):
    """A --since, --as-of or --by that cannot be used; the message says which and why."""


def parse_span(text: str) -> dt.timedelta:
    """`30m`, `24h`, `7d` (or `7j`), `2w` as a duration."""
    match = _SPAN.match(text or "")
    if match is None:
        raise WindowError(f"since: {text!r} is not a duration such as 24h, 7d or 2w")
    span = dt.timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2).lower()])
    if not dt.timedelta(0) < span <= MAX_SPAN:
        raise WindowError(f"since: {text!r} must be more than nothing and at most ten years")
    return span


def parse_as_of(text: str | None, now: dt.datetime | None = None) -> dt.datetime:
    """The end of the period (exclusive, naive UTC): a date is its whole day (2020-09-10 ends at
    2020-09-11 00:00), a date and time that instant; now when absent."""
    if not text:
        return now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    value = text.strip()
    try:
        if len(value) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(value), dt.time()) + dt.timedelta(days=1)
        moment = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise WindowError(f"as_of: {text!r} is not an ISO date (2020-09-10) or date and time") from error
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


@dataclass(frozen=True)
class Window:
    """[start, end) on the chosen clock; for `published`, whole days: `first_day` to `last_day`."""

    basis: str
    start: dt.datetime
    end: dt.datetime
    since: str

    @classmethod
    def of(cls, since: str = "24h", as_of: str | None = None, basis: str = "ingested",
           now: dt.datetime | None = None) -> Window:
        if basis not in BASES:
            raise WindowError(f"by: {basis!r} is not one of {', '.join(BASES)}")
        span = parse_span(since)
        end = parse_as_of(as_of, now)
        if basis == "published":
            if span % dt.timedelta(days=1):
                raise WindowError(f"since: {since!r}: publication dates are days, give whole days (24h, 7d)")
            last = (end - dt.timedelta(microseconds=1)).date()
            end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
        return cls(basis, end - span, end, since.strip())

    def previous(self) -> Window:
        """The period of the same length just before this one."""
        return Window(self.basis, self.start - (self.end - self.start), self.start, self.since)

    @property
    def first_day(self) -> str:
        return self.start.date().isoformat()

    @property
    def last_day(self) -> str:
        return (self.end - dt.timedelta(microseconds=1)).date().isoformat()

    def bounds(self) -> tuple[object, object]:
        """The SQL parameters of the period: timestamps [start, end) when ingested, days [first, last]
        when published."""
        if self.basis == "published":
            return self.first_day, self.last_day
        return self.start, self.end

    def as_dict(self) -> dict[str, str]:
        if self.basis == "published":
            return {"basis": self.basis, "since": self.since, "start": self.first_day, "end": self.last_day}
        return {"basis": self.basis, "since": self.since, "start": _minutes(self.start), "end": _minutes(self.end)}


def _minutes(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")
