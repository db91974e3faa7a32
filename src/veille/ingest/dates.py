"""Publication dates as written in texts and containers → ISO strings at their precision.

Accepted: ISO 8601 ("2022-01-11", "2022-01-11T10:00:00+01:00", "2022-01", "2022"),
RFC 822 ("Tue, 11 Jan 2022 10:00:00 +0000"), French ("mardi 11 janvier 2022 à 10h32",
"1er février 2022", "janvier 2022"), English ("January 11, 2022", "11 Jan 2022") and
day-first numeric dates ("11/01/2022", "11.01.2022"). The date is kept as written: no
time-zone conversion.
"""

from __future__ import annotations

import re
from datetime import date

from veille.textfold import fold_date_text as _fold

MONTHS: dict[str, int] = {
    # French
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_WEEKDAYS = (
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)
_MONTH = "(?P<month>[a-z]+)\\.?"
_YEAR = "(?P<year>(?:1[89]|2[01])\\d\\d)"
_DAY = "(?P<day>\\d{1,2})(?:er|st|nd|rd|th)?"

# Written prefixes ("publié le", weekday) and suffixes (time, zone) around the date proper.
_PREFIX = re.compile(
    rf"^(?:(?:publie|mis en ligne|poste|paru|published|posted|date)\s*(?:le|on)?\s*:?\s*)?"
    rf"(?:(?:le|on)\s+)?(?:(?:{_WEEKDAYS})\.?,?\s+)?(?:(?:le|the)\s+)?"
)
_SUFFIX = re.compile(
    r"(?:[\s,]*(?:a|at|-|–|—|\|)?\s*\d{1,2}\s*(?:h|:)\s*(?:\d{2})?(?::\d{2})?(?:\.\d+)?\s*"
    r"(?:[ap]\.?m\.?)?\s*(?:\(?(?:gmt|utc|cet|cest|est|edt|pst|pdt|z)\)?)?\s*(?:[+-]\d{2}:?\d{2})?)?\s*\.?$"
)

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?:[t ].*)?$"), "day"),
    (re.compile(rf"^{_YEAR}/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})$"), "day"),
    (re.compile(rf"^{_YEAR}(?P<month>\d{{2}})(?P<day>\d{{2}})t\d{{4,6}}z?$"), "day"),
    (re.compile(rf"^{_YEAR}-(?P<month>\d{{2}})$"), "month"),
    (re.compile(rf"^{_YEAR}$"), "year"),
    (re.compile(rf"^(?P<day>\d{{1,2}})[/.-](?P<month>\d{{1,2}})[/.-]{_YEAR}$"), "day"),
    (re.compile(rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$"), "day"),
    (re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$"), "day"),
    (re.compile(rf"^{_MONTH},?\s+{_YEAR}$"), "month"),
]


def parse_date(value: str) -> tuple[str, str] | None:
    """The ISO date and its precision ("day", "month", "year") of a written date, or None."""
    text = _fold(value)
    if not text or len(text) > 80:
        return None
    text = _PREFIX.sub("", text, count=1)
    candidates = [text]
    stripped = _SUFFIX.sub("", text, count=1).strip(" ,")
    if stripped and stripped != text:
        candidates.append(stripped)
    for candidate in candidates:
        for pattern, precision in _PATTERNS:
            match = pattern.match(candidate)
            if match is None:
                continue
            result = _build(match.groupdict(), precision)
            if result is not None:
                return result
    return None


def _build(parts: dict[str, str | None], precision: str) -> tuple[str, str] | None:
    year = int(parts["year"] or 0)
    month_text = parts.get("month")
    if month_text is None:
        return f"{year:04d}", "year"
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
    if month is None or not 1 <= month <= 12:
        return None
    if precision == "month":
        return f"{year:04d}-{month:02d}", "month"
    try:
        day = date(year, month, int(parts["day"] or 0))
    except ValueError:
        return None
    return day.isoformat(), "day"


def precision_of(iso: str | None) -> str | None:
    """Precision of an ISO date string as veille stores it."""
    if not iso:
        return None
    return {10: "day", 7: "month", 4: "year"}.get(len(iso))


def normalize_date(value: object) -> str | None:
    """A container's date field (string, or a number of seconds since 1970) as a partial ISO date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, date):  # a datetime too, e.g. from YAML front matter
        return value.isoformat()[:10]
    if isinstance(value, int | float):
        if not 0 < value < 4_102_444_800:  # up to 2100
            return None
        from datetime import UTC, datetime

        return datetime.fromtimestamp(value, UTC).date().isoformat()
    if not isinstance(value, str):
        return None
    parsed = parse_date(value)
    return parsed[0] if parsed else None
