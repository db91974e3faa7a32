"""Read-side queries over a store: the one read path of the CLI (`veille stats`, `events`,
`stories`, `story`, `actors discovered`) and of the web API and pages. All parameterised.

The same function gives the same rows in the same order to every caller: a command line and
an API route that show the same thing call the same function here, and nothing else reads
the store (writes go through `Store.write` and the stories step).

Every function takes a `Reader`: a `Store`, or a `Cursor` (one DuckDB connection per
thread, as the web server uses) — anything with `con` and `model`.

Full-text search (documents, actors) is accent- and case-insensitive: the folded query becomes
a regular expression whose letters match their accented forms ("tokaiev" →
``t[oô…]k[aàâ…][iîï…]…``), run by DuckDB's RE2 over the stored text with the ``i`` flag. Texts
are NFC (ingest normalises them), so one class per letter is enough. A query of plain words
(letters and digits) is answered from `word_postings` instead (store/derived.py: the documents
of every word, folded the same way), which gives the same documents without scanning the texts
(a store of 250,000 documents holds 150 MB of them); phrases and other terms scan.

Events and documents by actor, dyad, date, and the sums of the actor, dyad and graph pages,
come from the derived tables the store keeps as data arrives (store/derived.py). Each such
function has its scanning twin (`scanned_*`, or `scan=True`), which the tests compare it with.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any, Protocol

import duckdb

from veille.model import Model
from veille.model.vocabulary import load_vocabulary
from veille.store import derived
from veille.store.duckdb_store import quote
from veille.textfold import fold_query as fold

VOCABULARY = load_vocabulary()  # model/vocabulary.yaml: the types and statuses a filter may name
TYPES = VOCABULARY.type_names
STATUSES = VOCABULARY.status_order
INTERVALS = ("week", "month", "year")
MAX_LIMIT = 500
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class Reader(Protocol):
    """What the queries need: a DuckDB connection and the declared model (a `Store` is one)."""

    con: duckdb.DuckDBPyConnection
    model: Model


@dataclass
class Cursor:
    """A reader on its own DuckDB connection to an open store (`store.con.cursor()`).

    DuckDB connections are not thread-safe; a cursor is a separate connection to the same
    database, so each request/thread takes one and closes it when done."""

    con: duckdb.DuckDBPyConnection
    model: Model

    @classmethod
    def of(cls, store: Reader) -> Cursor:
        return cls(store.con.cursor(), store.model)

    def close(self) -> None:
        self.con.close()


# -- validation -------------------------------------------------------------------
class InvalidParameter(ValueError):
    """A query parameter the queries cannot take; the message says which and why."""


def check_date(name: str, value: str | None) -> None:
    if value is not None and not _ISO_DATE.match(value):
        raise InvalidParameter(f"{name}: {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidParameter(f"limit: {limit} is out of range (1 to {MAX_LIMIT})")
    if offset < 0:
        raise InvalidParameter(f"offset: {offset} must be 0 or more")


def check_share(name: str, value: float | None) -> None:
    """A probability floor: None (no filter), or a number from 0 to 1."""
    if value is not None and not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
        raise InvalidParameter(f"{name}: {value!r} is not a number from 0 to 1")


def check_interval(interval: str) -> None:
    if interval not in INTERVALS:
        raise InvalidParameter(f"interval: {interval!r} is not one of {', '.join(INTERVALS)}")


# -- rows ---------------------------------------------------------------------------
def _json_fields(model: Model, table: str) -> set[str]:
    return {f.name for f in model[table].fields if f.type == "json"}


def _dicts(reader: Reader, sql: str, params: Sequence[Any] = (), *, table: str | None = None) -> list[dict[str, Any]]:
    """Rows as dicts; JSON fields of `table` (as declared in the model) decoded."""
    cursor = reader.con.execute(sql, list(params))
    names = [c[0] for c in cursor.description or ()]
    decode = _json_fields(reader.model, table) if table else set()
    out = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        for name in decode & row.keys():
            if isinstance(row[name], str):
                row[name] = json.loads(row[name])
        out.append(row)
    return out


def _scalar(reader: Reader, sql: str, params: Sequence[Any] = ()) -> Any:
    row = reader.con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def _columns(reader: Reader, table: str, *, exclude: Iterable[str] = (), alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    skip = set(exclude)
    return ", ".join(f"{prefix}{quote(c)}" for c in reader.model[table].columns if c not in skip)


# Up to this many values (DuckDB's dynamic_or_filter_threshold), `x IN (SELECT unnest(?))` reaches the table
# scan as a filter of its own, which reads only the vectors holding them; beyond, it is a join (see `spread`).
IN_FILTER = 50


def spread(table: str, condition: str) -> str:
    """SQL condition on `table` keeping the rows that match `condition` (SQL on `table`): their row
    ids are found first, reading only the columns of the condition, then the rows read by row id.
    For more than IN_FILTER rows spread over a large table: filtered the plain way, DuckDB decompresses
    the other columns (texts, JSON) of nearly every vector that holds one of them (250,000 documents:
    281 of them in 15 ms, not 70)."""
    return f"rowid IN (SELECT rowid FROM {table} WHERE {condition})"


def _by_id(table: str, column: str, count: int) -> str:
    """SQL condition on `table` keeping the rows whose `column` is one of `count` values (a list parameter)."""
    wanted = f"{column} IN (SELECT unnest(?))"
    return wanted if count <= IN_FILTER else spread(table, wanted)


def has_table(reader: Reader, table: str) -> bool:
    """Whether the store has this table (the stories tables came with schema version 2)."""
    if table not in reader.model.tables:
        return False
    found = _scalar(reader, "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [table])
    return bool(found)


# -- text search --------------------------------------------------------------------
_VARIANTS = derived.VARIANTS  # the letters a folded letter matches, also read by word_postings
_LIGATURES = {"oe": "œ", "ae": "æ"}
_APOSTROPHES = "'’ʼ‘`"
_DASHES = "-‐‑‒–"
_TERMS = re.compile(r'"([^"]+)"|«\s*([^»]+?)\s*»|(\S+)')
MAX_TERMS = 8


def search_terms(query: str | None) -> list[str]:
    """Folded terms of a query: words, or phrases in "double quotes" / « guillemets »."""
    if not query:
        return []
    terms = []
    for match in _TERMS.finditer(query):
        term = fold(next(g for g in match.groups() if g)).strip(" .,;:!?()[]{}")
        if term and term not in terms:
            terms.append(term[:100])
    if len(terms) > MAX_TERMS:
        raise InvalidParameter(f"q: too many search terms ({len(terms)}; at most {MAX_TERMS})")
    return terms


def term_pattern(term: str) -> str:
    """A regular expression (RE2 and Python `re` alike; use case-insensitively) matching the
    folded term in unfolded text: accents, ligatures, apostrophes and dashes vary."""
    out: list[str] = []
    i = 0
    while i < len(term):
        pair = term[i : i + 2]
        char = term[i]
        if pair in _LIGATURES:
            out.append(f"(?:{pair}|{_LIGATURES[pair]})")
            i += 2
            continue
        if char in _VARIANTS:
            out.append(f"[{_VARIANTS[char]}]")
        elif char in _APOSTROPHES:
            out.append(f"[{_APOSTROPHES}]")
        elif char.isspace() or char in _DASHES:
            if not out or out[-1] != r"[\s\-‐‑‒–]+":
                out.append(r"[\s\-‐‑‒–]+")
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def highlight_regex(query: str | None) -> re.Pattern[str] | None:
    """One Python regex matching any term of the query (for snippets and highlighting)."""
    terms = search_terms(query)
    if not terms:
        return None
    return re.compile("|".join(term_pattern(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def snippet(text: str, pattern: re.Pattern[str] | None, width: int = 260) -> str:
    """About `width` characters of `text` around the first match (its start when none)."""
    text = text or ""
    match = pattern.search(text) if pattern else None
    if match is None or match.start() < width // 3:
        cut = text[:width]
        return cut + ("…" if len(text) > width else "")
    start = text.rfind(" ", 0, max(0, match.start() - width // 3)) + 1
    cut = text[start : start + width]
    return "…" + cut + ("…" if start + width < len(text) else "")


# -- events -------------------------------------------------------------------------
POLITICS_FLOOR = 0.5  # the politics floor offered when the topic model's file names none (a probability's even odds)


@cache
def thresholds() -> dict[str, float | None]:
    """The floors the event filters offer by default, from the models the coder applies: `min_confidence` the
    confidence model's threshold (events/data/confidence.json: an asserted or reported event under it is not
    emitted), `min_confidence_nonfactual` its lower one for planned, hypothetical or negated events, and
    `min_politics` the topic model's `threshold` (events/data/topic.json: chosen out of fold by
    scripts/train_topic.py to keep 99% of the documents judged politics; its `measured` says what it keeps),
    else POLITICS_FLOOR. Read as data,
    by package name: the store does not import the coder (veille.events imports the actors, which read stores).
    None where no model file is installed."""
    found: dict[str, float | None] = {"min_confidence": None, "min_confidence_nonfactual": None,
                                      "min_politics": None}
    data = resources.files("veille.events").joinpath("data")
    confidence, topic = _model_file(data, "confidence.json"), _model_file(data, "topic.json")
    if confidence is not None and confidence.get("threshold") is not None:
        found["min_confidence"] = float(confidence["threshold"])
        lower = confidence.get("threshold_nonfactual")
        found["min_confidence_nonfactual"] = found["min_confidence"] if lower is None else float(lower)
    if topic is not None:
        found["min_politics"] = float(topic["threshold"]) if topic.get("threshold") is not None else POLITICS_FLOOR
    return found


def _model_file(folder: Any, name: str) -> dict[str, Any] | None:
    source = folder.joinpath(name)
    if not source.is_file():
        return None
    try:
        data = json.loads(source.read_text("utf-8"))
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_.:-]+$")  # never escaped in JSON text
_PARTY = ("EXISTS (SELECT 1 FROM unnest(CAST(json_extract({col}, '$[*]') AS JSON[])) AS p(x) "
          "WHERE json_extract_string(p.x, '$.code') = ? OR json_extract_string(p.x, '$.actor_id') = ?)")


@dataclass
class EventFilter:
    actor: str | None = None  # code or actor_id, as actor or recipient unless `recipient` is set too
    recipient: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive (a month or year prefix also works)
    doc_id: str | None = None
    limit: int = 50
    offset: int = 0
    story: str | None = None  # events of the documents of this story
    directed: bool = True  # with actor and recipient: False matches both directions (a dyad)
    min_confidence: float | None = None  # events whose confidence is at least this (0 to 1)
    # events whose document's politics probability is at least this (0 to 1); a document without one
    # (too short to tell, or stored before the topic model) does not pass
    min_politics: float | None = None

    @property
    def thresholded(self) -> bool:
        """Whether it filters on confidence or politics (the per-day sums do not know them: scanned)."""
        return self.min_confidence is not None or self.min_politics is not None

    def validate(self) -> None:
        if self.type and self.type.upper() not in TYPES:
            raise InvalidParameter(f"unknown event type {self.type!r}; choose one of {', '.join(TYPES)}")
        if self.status and self.status not in STATUSES:
            raise InvalidParameter(f"unknown status {self.status!r}; choose one of {', '.join(STATUSES)}")
        check_date("since", self.since)
        check_date("until", self.until)
        check_page(self.limit, self.offset)
        check_share("min_confidence", self.min_confidence)
        check_share("min_politics", self.min_politics)

    def where(self) -> tuple[str, list[Any]]:
        self.validate()
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor and self.recipient:
            if self.directed:
                clauses += [_party("actor", self.actor, params), _party("recipient", self.recipient, params)]
            else:
                forward = f"({_party('actor', self.actor, params)} AND {_party('recipient', self.recipient, params)})"
                backward = f"({_party('actor', self.recipient, params)} AND {_party('recipient', self.actor, params)})"
                clauses.append(f"({forward} OR {backward})")
        elif self.actor:
            clauses.append(f"({_party('actor', self.actor, params)} OR {_party('recipient', self.actor, params)})")
        elif self.recipient:
            clauses.append(_party("recipient", self.recipient, params))
        if self.type:
            clauses.append("type = ?")
            params.append(self.type.upper())
        if self.status:
            clauses.append("status = ?")
            params.append(self.status)
        _date_range(clauses, params, self.since, self.until, starts="date", ends="date")
        if self.doc_id:
            clauses.append("doc_id = ?")
            params.append(self.doc_id)
        if self.story:
            clauses.append(f"doc_id IN (SELECT doc_id FROM documents WHERE story_id = {STORY_NOW})")
            params += [self.story, self.story]
        _thresholds(clauses, params, self)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _thresholds(clauses: list[str], params: list[Any], flt: EventFilter) -> None:
    """The filter's confidence and politics floors, as SQL on events or event_index (both hold them)."""
    for column, floor in (("confidence", flt.min_confidence), ("politics", flt.min_politics)):
        if floor is not None:
            clauses.append(f"{column} >= ?")
            params.append(float(floor))


def _date_range(clauses: list[str], params: list[Any], since: str | None, until: str | None, *,
                starts: str, ends: str) -> None:
    """Rows whose `starts` column is on or after `since` and whose `ends` column is on or
    before `until` (an ISO date, or a month or year prefix, compared at its own precision)."""
    if since:
        clauses.append(f"{starts} >= ?")
        params.append(since)
    if until:
        clauses.append(f"substr({ends}, 1, ?) <= ?")
        params += [len(until), until]


def _party(column: str, key: str, params: list[Any]) -> str:
    """SQL true when some party of the JSON list in `column` has `key` as code or actor_id
    (parameters appended to `params`). A plain key is first looked for as a quoted string in the
    JSON text, a cheap necessary condition that spares most rows the JSON unnesting."""
    exact = _PARTY.format(col=column)
    if _PLAIN_KEY.match(key):
        params += [f'"{key}"', key, key]
        return f"(contains(CAST({column} AS VARCHAR), ?) AND {exact})"
    params += [key, key]
    return exact


def find_events(store: Reader, flt: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    """Events matching the filter (newest first) and how many match in all."""
    where, params = flt.where()
    indexed = _indexed(flt)
    if indexed is not None:
        key, extra, extra_params = indexed
        total, ids = _indexed_page(store, key, flt.since, flt.until, flt.offset, flt.limit, extra, extra_params)
        return total, events_by_id(store, ids)
    if flt.story:  # the story's documents first: events are then found by document (indexed)
        docs = [r[0] for r in store.con.execute(f"SELECT doc_id FROM documents WHERE story_id = {STORY_NOW}",
                                                [flt.story, flt.story]).fetchall()]
        where, params = replace(flt, story=None).where()
        where = f"{where} AND doc_id IN (SELECT unnest(?))" if where else " WHERE doc_id IN (SELECT unnest(?))"
        params.append(docs)
    return _scanned_events(store, flt, where, params)


def scanned_events(store: Reader, flt: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    """`find_events` computed from the events themselves, without event_index (for tests)."""
    where, params = flt.where()
    return _scanned_events(store, flt, where, params)


def _scanned_events(store: Reader, flt: EventFilter, where: str, params: list[Any]) -> tuple[int, list[dict[str, Any]]]:
    page = store.con.execute(f"SELECT event_id, count(*) OVER () FROM events{where} "
                             "ORDER BY date DESC NULLS LAST, event_id LIMIT ? OFFSET ?",
                             [*params, flt.limit, flt.offset]).fetchall()
    if not page:
        total = _scalar(store, f"SELECT count(*) FROM events{where}", params) if flt.offset else 0
        return int(total), []
    return int(page[0][1]), events_by_id(store, [event_id for event_id, _ in page])


# -- the derived tables (store/derived.py): pages and sums without scanning the events ---------------
def _indexed(flt: EventFilter) -> tuple[str, str, list[Any]] | None:
    """The event_index key holding every event of the filter, with the SQL condition (on event_index
    rows) that keeps those of the filter, or None when the filter needs the events themselves."""
    if flt.doc_id or flt.story:
        return None
    extra: list[str] = []
    params: list[Any] = []
    if flt.actor and flt.recipient:
        if flt.actor == flt.recipient:
            return None
        key = derived.pair(flt.actor, flt.recipient)
        if flt.directed:
            first = flt.actor < flt.recipient
            extra.append("first_actor AND second_recipient" if first else "second_actor AND first_recipient")
    elif flt.actor:
        key = flt.actor
    elif flt.recipient:
        key = flt.recipient
        extra.append("first_recipient")
    else:
        key = derived.ALL
    if flt.type:
        extra.append("type = ?")
        params.append(flt.type.upper())
    if flt.status:
        extra.append("status = ?")
        params.append(flt.status)
    _thresholds(extra, params, flt)
    return key, " AND ".join(f"({c})" for c in extra), params


def _days(reader: Reader, key: str, since: str | None, until: str | None, columns: str = "events"
          ) -> list[tuple[Any, ...]]:
    """(date, columns...) of event_days for one key within the dates, newest first (undated last)."""
    clauses, params = ["key = ?"], [key]
    _date_range(clauses, params, since, until, starts="date", ends="date")
    return reader.con.execute(f"SELECT date, {columns} FROM event_days WHERE {' AND '.join(clauses)} "
                              "ORDER BY date DESC NULLS LAST", params).fetchall()


def _indexed_page(reader: Reader, key: str, since: str | None, until: str | None, offset: int, limit: int,
                  extra: str = "", extra_params: Sequence[Any] = (), days: Sequence[tuple[Any, ...]] | None = None
                  ) -> tuple[int, list[str]]:
    """How many events of `key` within the dates match `extra` (SQL on event_index), and the ids of
    the page [offset, offset + limit) of them, newest first then by id (`days`: the key's (date,
    events) when read already)."""
    clauses, params = ["key = ?"], [key]
    _date_range(clauses, params, since, until, starts="date", ends="date")
    if days is None:
        days = _days(reader, key, since, until)
    return _slot_page(reader, "event_index", "date", "event_id", key, days, (clauses, params), offset, limit,
                      extra, extra_params)


def _slot_page(reader: Reader, table: str, date: str, ident: str, key: str, days: Sequence[tuple[Any, ...]],
               scope: tuple[list[str], list[Any]], offset: int, limit: int, extra: str = "",
               extra_params: Sequence[Any] = ()) -> tuple[int, list[str]]:
    """The rows of `key` in `table` (event_index, document_index) matching `extra`: how many, and the
    ids (`ident`) of the page [offset, offset + limit), by `date` (newest first, undated last) then id.
    `days` are the key's (date, rows) from its aggregate, newest first: the page's dates are read
    there, and their rows looked up by slot (key and date). `scope` (SQL clauses and parameters: the
    key and the dates) counts the rows when `extra` filters them."""
    condition = f" AND ({extra})" if extra else ""

    def fetch(dates: Sequence[Any]) -> list[tuple[str, Any]]:
        """The rows of these dates (consecutive in `days`): those of the key (its slots, key \x1f date,
        from slot(key, first) to slot(key, last)) within the dates, and the undated ones. The table is
        kept sorted by slot, so the key's dates are in a few row groups; the rows written since the last
        sort are told apart by their key, a dictionary-compressed column, much faster than by slot."""
        known = [d for d in dates if d is not None]
        ranges, params = [], [key]
        if known:
            ranges.append(f"{date} BETWEEN ? AND ?")
            params += [min(known), max(known)]
        if len(known) < len(dates) or (known and min(known) == ""):  # slot(key, None) is slot(key, '')
            ranges.append(f"coalesce({date}, '') = ''")
        return reader.con.execute(
            f"SELECT {ident}, {date} FROM {table} WHERE key = ? AND ({' OR '.join(ranges)}){condition} "
            f"ORDER BY {date} DESC NULLS LAST, {ident}", [*params, *extra_params]).fetchall()

    if not extra:
        total = sum(int(n) for _, n in days)
        seen, chosen, skip = 0, [], 0
        for day, n in days:
            if seen + n <= offset:
                seen += n
                continue
            if not chosen:
                skip = offset - seen
            chosen.append(day)
            seen += n
            if seen >= offset + limit:
                break
        return total, [r[0] for r in fetch(chosen)[skip : skip + limit]] if chosen else []
    clauses, params = scope
    total = int(_scalar(reader, f"SELECT count(*) FROM {table} WHERE {' AND '.join(clauses)}{condition}",
                        [*params, *extra_params]))
    everything = sum(int(n) for _, n in days)
    rows: list[tuple[str, Any]] = []
    # dates in growing chunks, newest first, the first one expected to hold the page
    start, want = 0, (offset + limit) * everything / max(total, 1) * 1.5
    while start < len(days) and len(rows) < offset + limit and total:
        end, size = start, 0
        while end < len(days) and size < want:
            size += int(days[end][1])
            end += 1
        rows += fetch([d for d, _ in days[start:end]])
        start, want = end, want * 2
    return total, [r[0] for r in rows[offset : offset + limit]]


def events_by_id(reader: Reader, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The events with these ids, in the order given."""
    rows = _dicts(reader, f"SELECT {_columns(reader, 'events')} FROM events WHERE "
                          + _by_id("events", "event_id", len(event_ids)), [list(event_ids)], table="events")
    by_id = {row["event_id"]: row for row in rows}
    return [by_id[i] for i in event_ids if i in by_id]


def get_event(reader: Reader, event_id: str) -> dict[str, Any] | None:
    rows = _dicts(reader, f"SELECT {_columns(reader, 'events')} FROM events WHERE event_id = ?", [event_id],
                  table="events")
    return rows[0] if rows else None


def party_label(parties: list[dict[str, Any]] | dict[str, Any] | None) -> str:
    if not parties:
        return "—"
    if isinstance(parties, dict):
        parties = [parties]
    return ", ".join(f"{p.get('text')} [{p.get('code') or '?'}]" for p in parties)


def party_key(party: dict[str, Any]) -> str | None:
    """The key an actor page is found under: its code, else its actor id."""
    return party.get("code") or party.get("actor_id") or None


def event_series(reader: Reader, flt: EventFilter, interval: str = "month", *, scan: bool = False) -> dict[str, Any]:
    """Events of the filter counted per week/month/year, with their summed PLOVER score
    (and its cooperative and conflictual parts). Events dated less precisely than the
    interval (or undated) are not placed; they are counted in `imprecise`. Read from event_days
    unless the filter needs the events (or `scan`, for tests)."""
    check_interval(interval)
    where, params = flt.where()
    if not (flt.recipient or flt.type or flt.status or flt.doc_id or flt.story or flt.thresholded or scan):
        clauses, params = ["key = ?"], [flt.actor or derived.ALL]
        _date_range(clauses, params, flt.since, flt.until, starts="date", ends="date")
        rows = _dicts(reader, f"SELECT {_PERIOD[interval]} AS period, sum(events)::BIGINT AS events, "
                              "sum(score) AS score, sum(cooperation) AS cooperation, sum(conflict) AS conflict "
                              f"FROM event_days WHERE {' AND '.join(clauses)} GROUP BY period "
                              "ORDER BY period NULLS FIRST", params)
        imprecise = sum(r["events"] for r in rows if r["period"] is None)
        return {"interval": interval, "series": [r for r in rows if r["period"] is not None], "imprecise": imprecise}
    rows = _dicts(
        reader,
        f"SELECT {_PERIOD[interval]} AS period, count(*) AS events, coalesce(sum(score), 0) AS score, "
        "coalesce(sum(score) FILTER (WHERE score > 0), 0) AS cooperation, "
        "coalesce(sum(score) FILTER (WHERE score < 0), 0) AS conflict "
        f"FROM events{where} GROUP BY period ORDER BY period NULLS FIRST",
        params,
    )
    imprecise = sum(r["events"] for r in rows if r["period"] is None)
    return {"interval": interval, "series": [r for r in rows if r["period"] is not None], "imprecise": imprecise}


# SQL of an event's period, NULL when its date is less precise than the period.
_PERIOD = {
    "week": "strftime(date_trunc('week', TRY_CAST(CASE WHEN length(date) = 10 THEN date END AS DATE)), '%Y-%m-%d')",
    "month": "CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) END",
    "year": "CASE WHEN length(date) >= 4 THEN substr(date, 1, 4) END",
}


def _period(date: str | None, interval: str) -> str | None:
    """The period of an ISO date in Python, as `_PERIOD` computes it in SQL."""
    if not date:
        return None
    if interval == "year":
        return date[:4] if len(date) >= 4 else None
    if interval == "month":
        return date[:7] if len(date) >= 7 else None
    try:
        day = dt.date.fromisoformat(date) if len(date) == 10 else None
    except ValueError:
        return None
    return (day - dt.timedelta(days=day.weekday())).isoformat() if day else None


# -- parties: partners, dyads, graph --------------------------------------------------
def _pairs_sql(where: str) -> str:
    """SQL of the distinct (event_id, score, actor code, recipient code) pairs of the events
    matching `where`, parties without a code left out."""
    return (
        "SELECT DISTINCT event_id, score, a, r FROM ("
        " SELECT event_id, score, a, unnest(rc) AS r FROM ("
        "  SELECT event_id, score, unnest(ac) AS a, rc FROM ("
        "   SELECT event_id, score, json_extract_string(actor, '$[*].code') AS ac,"
        f"   json_extract_string(recipient, '$[*].code') AS rc FROM events{where}))"
        ") WHERE a IS NOT NULL AND r IS NOT NULL AND a <> r"
    )


def actor_partners(reader: Reader, key: str, *, since: str | None = None, until: str | None = None,
                   limit: int = 10, min_confidence: float | None = None, min_politics: float | None = None
                   ) -> dict[str, list[dict[str, Any]]]:
    """The counterparts (codes) of an actor's events, by summed PLOVER score: `partners` (most
    cooperative first) and `adversaries` (most conflictual first). The floors keep the events of
    EventFilter's (partner_days does not know them: the events are then scanned)."""
    flt = EventFilter(actor=key, since=since, until=until, min_confidence=min_confidence, min_politics=min_politics)
    flt.where()  # checks the dates and floors
    if flt.thresholded:
        return scanned_partners(reader, key, since=since, until=until, limit=limit, min_confidence=min_confidence,
                                min_politics=min_politics)
    clauses, params = ["key = ?"], [key]
    _date_range(clauses, params, since, until, starts="date", ends="date")
    rows = _dicts(reader, "SELECT other AS code, sum(events)::BIGINT AS events, sum(score) AS score, "
                          "sum(cooperation) AS cooperation, sum(conflict) AS conflict FROM partner_days "
                          f"WHERE {' AND '.join(clauses)} GROUP BY other", params)
    partners = sorted((r for r in rows if r["score"] > 0), key=lambda r: (-r["score"], r["code"]))[:limit]
    adversaries = sorted((r for r in rows if r["score"] < 0), key=lambda r: (r["score"], r["code"]))[:limit]
    return {"partners": partners, "adversaries": adversaries}


def scanned_partners(reader: Reader, key: str, *, since: str | None = None, until: str | None = None,
                     limit: int = 10, min_confidence: float | None = None, min_politics: float | None = None
                     ) -> dict[str, list[dict[str, Any]]]:
    """`actor_partners` computed from the events themselves (what partner_days keeps; for tests and floors)."""
    flt = EventFilter(actor=key, since=since, until=until, min_confidence=min_confidence, min_politics=min_politics)
    where, params = flt.where()
    side = "list_concat(json_extract_string({col}, '$[*].code'), json_extract_string({col}, '$[*].actor_id')) AS {name}"
    rows = _dicts(
        reader,
        "WITH ev AS (SELECT event_id, score, json_extract_string(actor, '$[*].code') AS ac, "
        "json_extract_string(recipient, '$[*].code') AS rc, "
        f"{side.format(col='actor', name='akeys')}, {side.format(col='recipient', name='rkeys')} FROM events{where}), "
        "sides AS (SELECT event_id, score, unnest(rc) AS other FROM ev WHERE list_contains(akeys, ?) "
        "UNION ALL SELECT event_id, score, unnest(ac) AS other FROM ev WHERE list_contains(rkeys, ?)), "
        "uniq AS (SELECT DISTINCT event_id, score, other FROM sides WHERE other IS NOT NULL AND other <> ?) "
        "SELECT other AS code, count(*) AS events, coalesce(sum(score), 0) AS score, "
        "coalesce(sum(score) FILTER (WHERE score > 0), 0) AS cooperation, "
        "coalesce(sum(score) FILTER (WHERE score < 0), 0) AS conflict FROM uniq GROUP BY other",
        [*params, key, key, key],
    )
    partners = sorted((r for r in rows if r["score"] > 0), key=lambda r: (-r["score"], r["code"]))[:limit]
    adversaries = sorted((r for r in rows if r["score"] < 0), key=lambda r: (r["score"], r["code"]))[:limit]
    return {"partners": partners, "adversaries": adversaries}


def dyad(reader: Reader, a: str, b: str, *, interval: str = "month", since: str | None = None,
         until: str | None = None, limit: int = 50, offset: int = 0, min_confidence: float | None = None,
         min_politics: float | None = None) -> dict[str, Any]:
    """Two actors (codes or actor ids): their events in both directions, newest first, and per
    period the event count and summed score, overall and per direction (a→b, b→a). The floors keep
    the events of EventFilter's, in the list and in every sum (event_days does not know them: the
    events are then scanned)."""
    check_interval(interval)
    both = EventFilter(actor=a, recipient=b, directed=False, since=since, until=until, limit=limit, offset=offset,
                       min_confidence=min_confidence, min_politics=min_politics)
    both.where()  # checks the dates and floors
    if a != b and not both.thresholded:
        key = derived.pair(a, b)
        mine, theirs = ("first_events", "first_score") if a < b else ("second_events", "second_score")
        days = _days(reader, key, since, until, f"events, score, cooperation, conflict, {mine}, {theirs}")
        periods: dict[str, dict[str, Any]] = {}
        imprecise = total = 0
        score = 0.0
        for date, events, summed, cooperation, conflict, a_events, a_score in reversed(days):
            total += events
            score += summed
            period = _period(date, interval)
            if period is None:
                imprecise += events
                continue
            row = periods.setdefault(period, {"period": period, "events": 0, "score": 0.0, "cooperation": 0.0,
                                              "conflict": 0.0, "a_to_b": {"events": 0, "score": 0.0},
                                              "b_to_a": {"events": 0, "score": 0.0}})
            row["events"] += events
            row["score"] += summed
            row["cooperation"] += cooperation
            row["conflict"] += conflict
            row["a_to_b"]["events"] += a_events
            row["a_to_b"]["score"] += a_score
            row["b_to_a"]["events"] += events - a_events
            row["b_to_a"]["score"] += summed - a_score
        _, ids = _indexed_page(reader, key, since, until, offset, limit, days=[d[:2] for d in days])
        return {"a": a, "b": b, "interval": interval, "total": total, "limit": limit, "offset": offset,
                "items": events_by_id(reader, ids), "series": [periods[p] for p in sorted(periods)],
                "imprecise": imprecise, "totals": {"events": total, "score": score}}
    return scanned_dyad(reader, a, b, interval=interval, since=since, until=until, limit=limit, offset=offset,
                        min_confidence=min_confidence, min_politics=min_politics)


def scanned_dyad(reader: Reader, a: str, b: str, *, interval: str = "month", since: str | None = None,
                 until: str | None = None, limit: int = 50, offset: int = 0, min_confidence: float | None = None,
                 min_politics: float | None = None) -> dict[str, Any]:
    """`dyad` computed from the events themselves (what event_days keeps; for tests, floors and a == b)."""
    both = EventFilter(actor=a, recipient=b, directed=False, since=since, until=until, limit=limit, offset=offset,
                       min_confidence=min_confidence, min_politics=min_politics)
    where, params = both.where()
    keys = "list_concat(json_extract_string(actor, '$[*].code'), json_extract_string(actor, '$[*].actor_id'))"
    rows = reader.con.execute(f"SELECT event_id, date, score, {keys} FROM events{where} "
                              "ORDER BY date DESC NULLS LAST, event_id", params).fetchall()
    periods: dict[str, dict[str, Any]] = {}
    imprecise = 0
    for _, date, score, actor_keys in rows:
        period = _period(date, interval)
        if period is None:
            imprecise += 1
            continue
        row = periods.setdefault(period, {"period": period, "events": 0, "score": 0.0, "cooperation": 0.0,
                                          "conflict": 0.0, "a_to_b": {"events": 0, "score": 0.0},
                                          "b_to_a": {"events": 0, "score": 0.0}})
        value = score or 0.0
        row["events"] += 1
        row["score"] += value
        row["cooperation" if value > 0 else "conflict"] += value if value else 0.0
        direction = row["a_to_b" if a in (actor_keys or ()) else "b_to_a"]
        direction["events"] += 1
        direction["score"] += value
    series = [periods[p] for p in sorted(periods)]
    events = events_by_id(reader, [r[0] for r in rows[offset : offset + limit]])
    return {"a": a, "b": b, "interval": interval, "total": len(rows), "limit": limit, "offset": offset,
            "items": events, "series": series, "imprecise": imprecise,
            "totals": {"events": len(rows), "score": sum((r[2] or 0.0) for r in rows)}}


def graph(reader: Reader, flt: EventFilter, *, max_nodes: int = 60, min_events: int = 1) -> dict[str, Any]:
    """Actors (codes) as nodes, their events as edges between unordered pairs of codes, over the
    events of the filter: each edge with its event count and summed / cooperative / conflictual
    score. The `max_nodes` codes with most events are kept."""
    if not 1 <= max_nodes <= 500:
        raise InvalidParameter(f"max_nodes: {max_nodes} is out of range (1 to 500)")
    if min_events < 1:
        raise InvalidParameter(f"min_events: {min_events} must be 1 or more")
    where, params = flt.where()
    if not (flt.actor or flt.recipient or flt.type or flt.status or flt.doc_id or flt.story or flt.thresholded):
        clauses: list[str] = []
        params = []
        _date_range(clauses, params, flt.since, flt.until, starts="date", ends="date")
        condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        edges = _dicts(
            reader,
            "SELECT source, target, sum(events)::BIGINT AS events, sum(score) AS score, "
            "sum(cooperation) AS cooperation, sum(conflict) AS conflict, sum(forward)::BIGINT AS forward, "
            f"sum(backward)::BIGINT AS backward FROM edge_days{condition} GROUP BY source, target "
            "HAVING sum(events) >= ? ORDER BY events DESC, source, target", [*params, min_events])
    else:
        edges = _scanned_edges(reader, where, params, min_events)
    return _graph(edges, max_nodes)


def scanned_graph(reader: Reader, flt: EventFilter, *, max_nodes: int = 60, min_events: int = 1) -> dict[str, Any]:
    """`graph` computed from the events themselves (what edge_days keeps; for tests)."""
    where, params = flt.where()
    return _graph(_scanned_edges(reader, where, params, min_events), max_nodes)


def _scanned_edges(reader: Reader, where: str, params: list[Any], min_events: int) -> list[dict[str, Any]]:
    return _dicts(
        reader,
        f"WITH pairs AS ({_pairs_sql(where)}) "
        "SELECT least(a, r) AS source, greatest(a, r) AS target, count(*) AS events, "
        "coalesce(sum(score), 0) AS score, coalesce(sum(score) FILTER (WHERE score > 0), 0) AS cooperation, "
        "coalesce(sum(score) FILTER (WHERE score < 0), 0) AS conflict, "
        "count(*) FILTER (WHERE a = least(a, r)) AS forward, count(*) FILTER (WHERE a <> least(a, r)) AS backward "
        "FROM pairs GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, source, target",
        [*params, min_events],
    )


def _graph(edges: list[dict[str, Any]], max_nodes: int) -> dict[str, Any]:
    weight: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weight[end] = weight.get(end, 0) + edge["events"]
    kept = set(sorted(weight, key=lambda c: (-weight[c], c))[:max_nodes])
    edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
    nodes = [{"code": c, "events": weight[c]} for c in sorted(kept, key=lambda c: (-weight[c], c))]
    return {"nodes": nodes, "edges": edges, "truncated": len(weight) > len(kept)}


# -- documents ----------------------------------------------------------------------
@dataclass
class DocumentFilter:
    query: str | None = None  # words (all must occur in the title or text) or "quoted phrases"
    outlet: str | None = None
    since: str | None = None  # published on or after (ISO date)
    until: str | None = None  # published on or before (ISO date, month or year)
    actor: str | None = None  # mentions this code or actor_id
    story: str | None = None
    lang: str | None = None
    limit: int = 20
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        check_date("since", self.since)
        check_date("until", self.until)
        check_page(self.limit, self.offset)
        clauses: list[str] = []
        params: list[Any] = []
        for term in search_terms(self.query):
            pattern = term_pattern(term)
            clauses.append("(regexp_matches(coalesce(title, ''), ?, 'i') OR regexp_matches(text, ?, 'i'))")
            params += [pattern, pattern]
        if self.outlet:
            clauses.append("outlet = ?")
            params.append(self.outlet)
        _date_range(clauses, params, self.since, self.until, starts="published", ends="published")
        if self.actor:
            clauses.append("doc_id IN (SELECT doc_id FROM mentions WHERE code = ? OR actor_id = ?)")
            params += [self.actor, self.actor]
        if self.story:
            clauses.append(f"story_id = {STORY_NOW}")
            params += [self.story, self.story]
        if self.lang:
            clauses.append("lang = ?")
            params.append(self.lang)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_documents(reader: Reader, flt: DocumentFilter, *, scan: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """Documents matching the filter (newest first) and how many match in all; each row has the
    document's fields but its text, a `snippet` of the text around the first match and a `lead`
    (its first words, to name a document without a title). Without words or story, the page comes
    from document_index, and words of letters and digits come from word_postings (unless `scan`, for
    tests)."""
    where, params = flt.where()
    if not (flt.query or flt.story or scan):
        total, ids = _indexed_documents(reader, flt)
        return total, _documents_page(reader, flt, ids)
    terms = search_terms(flt.query)
    if terms and not scan and all(derived.simple_term(t) for t in terms):
        # the documents holding every word from word_postings (entries "published \x1f doc_id"), instead
        # of the texts scanned
        hits, hit_params = _postings(reader, terms)
        if hits is None:
            return 0, []
        found = (f"SELECT nullif(split_part(e, '{derived.SLOT}', 1), '') AS published, "
                 f"split_part(e, '{derived.SLOT}', 2) AS doc_id FROM ({hits})")
        rest = replace(flt, query=None, since=None, until=None)
        where, params = rest.where()
        clauses: list[str] = []
        dated: list[Any] = []
        _date_range(clauses, dated, flt.since, flt.until, starts="published", ends="published")
        if where:  # other filters: on the documents
            clauses.append(f"doc_id IN (SELECT doc_id FROM documents{where})")
        condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        page = reader.con.execute(f"SELECT doc_id, count(*) OVER () FROM ({found}){condition} "
                                  "ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?",
                                  [*hit_params, *dated, *params, flt.limit, flt.offset]).fetchall()
        if not page:
            total = _scalar(reader, f"SELECT count(*) FROM ({found}){condition}", [*hit_params, *dated, *params])
            return int(total), []
        return int(page[0][1]), _documents_page(reader, flt, [doc_id for doc_id, _ in page])
    page = reader.con.execute(f"SELECT doc_id, count(*) OVER () FROM documents{where} "
                              "ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?",
                              [*params, flt.limit, flt.offset]).fetchall()
    if not page:
        total = _scalar(reader, f"SELECT count(*) FROM documents{where}", params) if flt.offset else 0
        return int(total), []
    return int(page[0][1]), _documents_page(reader, flt, [doc_id for doc_id, _ in page])


def _postings(reader: Reader, terms: Sequence[str]) -> tuple[str | None, list[Any]]:
    """SQL (and its parameters) of the word_postings entries of the documents holding every term (each
    in one of its words), or None when a term is in no word. The words of every term are read first,
    with their documents' counts, in one scan; the entries of the term with the fewest documents are
    then kept when those of each other term hold them (a semi-join, its words found by the index)."""
    found = reader.con.execute("SELECT word, sum(documents)::BIGINT FROM word_postings WHERE "
                               + " OR ".join("contains(word, ?)" for _ in terms) + " GROUP BY word",
                               list(terms)).fetchall()
    per_term = []
    for term in terms:
        words = sorted(word for word, _ in found if term in word)
        if not words:
            return None, []
        per_term.append((sum(int(n) for word, n in found if term in word), words))
    per_term.sort()

    def entries(words: list[str], params: list[Any]) -> str:
        params.append(words[0] if len(words) == 1 else words)
        which = "word = ?" if len(words) == 1 else "word IN (SELECT unnest(?))"
        return f"SELECT unnest(doc_ids) AS e FROM word_postings WHERE {which}"

    params: list[Any] = []
    (_, first), others = per_term[0], per_term[1:]
    # one word lists a document once; several may list it each
    sql = f"SELECT {'' if len(first) == 1 else 'DISTINCT '}e FROM ({entries(first, params)})"
    if others:
        sql += " WHERE " + " AND ".join(f"e IN ({entries(words, params)})" for _, words in others)
    return sql, params


def _indexed_documents(reader: Reader, flt: DocumentFilter) -> tuple[int, list[str]]:
    """`find_documents` without words nor story: the documents of one key (the actor, else *) by
    published date from document_days, looked up by slot in document_index."""
    key = flt.actor or derived.ALL
    clauses, params = ["key = ?"], [key]
    _date_range(clauses, params, flt.since, flt.until, starts="published", ends="published")
    days = reader.con.execute(f"SELECT published, documents FROM document_days WHERE {' AND '.join(clauses)} "
                              "ORDER BY published DESC NULLS LAST", params).fetchall()
    extra, extra_params = [], []
    for column, value in (("outlet", flt.outlet), ("lang", flt.lang)):
        if value:
            extra.append(f"{column} = ?")
            extra_params.append(value)
    return _slot_page(reader, "document_index", "published", "doc_id", key, days, (clauses, params), flt.offset,
                      flt.limit, " AND ".join(extra), extra_params)


def _documents_page(reader: Reader, flt: DocumentFilter, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = _dicts(reader, f"SELECT {_columns(reader, 'documents')} FROM documents WHERE "
                          + _by_id("documents", "doc_id", len(ids)), [ids], table="documents")
    by_id = {row["doc_id"]: row for row in rows}
    pattern = highlight_regex(flt.query)
    out = []
    for doc_id in ids:
        row = by_id[doc_id]
        text = row.pop("text") or ""
        row["snippet"] = snippet(text, pattern)
        row["lead"] = lead(text)
        out.append(row)
    return out


lead = derived.lead  # the first words of a text, to name an untitled document


def get_document(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    """One document with its mentions and events (by position) and the places it was read from."""
    rows = _dicts(reader, f"SELECT {_columns(reader, 'documents')} FROM documents WHERE doc_id = ?", [doc_id],
                  table="documents")
    if not rows:
        return None
    document = rows[0]
    document["mentions"] = _dicts(
        reader, f"SELECT {_columns(reader, 'mentions')} FROM mentions WHERE doc_id = ? ORDER BY start, \"end\" DESC",
        [doc_id], table="mentions")
    document["events"] = _dicts(
        reader, f"SELECT {_columns(reader, 'events')} FROM events WHERE doc_id = ? ORDER BY start, event_id",
        [doc_id], table="events")
    document["sources"] = _dicts(
        reader, f"SELECT {_columns(reader, 'sources')} FROM sources WHERE doc_id = ? ORDER BY seen_at, source",
        [doc_id], table="sources")
    return document


def documents_brief(reader: Reader, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """doc_id → {doc_id, title, outlet, outlet_kind, outlet_state, published, url, lead} for the given documents."""
    ids = sorted(set(doc_ids))
    if not ids:
        return {}
    rows = _dicts(reader, "SELECT doc_id, title, outlet, outlet_kind, outlet_state, published, url, "
                          "left(text, 400) AS text FROM documents WHERE " + _by_id("documents", "doc_id", len(ids)),
                  [ids])
    for row in rows:
        row["lead"] = lead(row.pop("text") or "")
    return {r["doc_id"]: r for r in rows}


def outlets(reader: Reader, *, scan: bool = False) -> list[dict[str, Any]]:
    """Documents by outlet, most first (from document_counts, unless `scan`, for tests)."""
    if scan:
        return _dicts(reader, "SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL "
                              "GROUP BY outlet ORDER BY documents DESC, outlet")
    return _dicts(reader, "SELECT outlet, sum(documents)::BIGINT AS documents FROM document_counts "
                          "WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY documents DESC, outlet")


def store_stats(reader: Reader, *, scan: bool = False) -> dict[str, Any]:
    """What the store holds: row counts of every table (in the model's order; not the derived
    ones), the span of publication and event dates, documents by language and status (`languages`,
    most first) and by outlet (`outlets`, most first). Spans and counts by language and outlet come
    from the derived tables (unless `scan`, for tests)."""
    present = {r[0] for r in reader.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    names = [name for name, table in reader.model.tables.items() if not table.derived and name in present]
    found = dict(reader.con.execute(" UNION ALL ".join(f"SELECT '{name}', count(*) FROM {quote(name)}"
                                                       for name in names)).fetchall())
    counts = {name: int(found[name]) for name in names}
    if scan:
        published = reader.con.execute("SELECT min(published), max(published) FROM documents").fetchone()
        dated = reader.con.execute("SELECT min(date), max(date) FROM events").fetchone()
    else:
        published = reader.con.execute("SELECT min(published), max(published) FROM document_days WHERE key = ?",
                                       [derived.ALL]).fetchone()
        dated = reader.con.execute("SELECT min(date), max(date) FROM event_days WHERE key = ?",
                                   [derived.ALL]).fetchone()
    published, dated = published or (None, None), dated or (None, None)
    return {"counts": counts, "published": {"first": published[0], "last": published[1]},
            "event_dates": {"first": dated[0], "last": dated[1]}, "languages": languages(reader, scan=scan),
            "outlets": outlets(reader, scan=scan)}


def languages(reader: Reader, *, scan: bool = False) -> list[dict[str, Any]]:
    """Documents by language and status (parsed, unsupported...), most first."""
    if scan:
        return _dicts(reader, "SELECT lang, status, count(*) AS documents FROM documents GROUP BY ALL "
                              "ORDER BY documents DESC, lang NULLS LAST, status NULLS LAST")
    return _dicts(reader, "SELECT lang, status, sum(documents)::BIGINT AS documents FROM document_counts GROUP BY ALL "
                          "ORDER BY documents DESC, lang NULLS LAST, status NULLS LAST")


# -- actors -------------------------------------------------------------------------
@dataclass
class ActorEntry:
    """An actor as the store knows it: a code (every mention affiliated to it) or an actor id."""

    key: str
    kind: str  # "code" or "actor"
    code: str | None
    actor_id: str | None
    mentions: int
    documents: int
    names: list[str] = field(default_factory=list)  # mention texts, most frequent first
    folded: list[str] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "code": self.code, "actor_id": self.actor_id,
                "mentions": self.mentions, "documents": self.documents, "names": self.names[:8]}


def actor_catalogue(reader: Reader) -> list[ActorEntry]:
    """Every code and actor id the mentions carry, most mentioned first. The web server keeps
    it for the life of the (read-only) store."""
    rows = reader.con.execute(
        "WITH keyed AS ("
        " SELECT code AS key, 'code' AS kind, code, NULL::VARCHAR AS actor_id, text, doc_id FROM mentions"
        " WHERE code IS NOT NULL"
        " UNION ALL SELECT actor_id, 'actor', code, actor_id, text, doc_id FROM mentions"
        " WHERE actor_id IS NOT NULL AND actor_id IS DISTINCT FROM code), "
        "texts AS (SELECT key, kind, text, count(*) AS n FROM keyed GROUP BY ALL), "
        "docs AS (SELECT key, kind, mode(code) AS code, any_value(actor_id) AS actor_id, "
        " count(DISTINCT doc_id) AS documents FROM keyed GROUP BY ALL) "
        "SELECT t.key, t.kind, any_value(d.code), any_value(d.actor_id), sum(t.n)::BIGINT, any_value(d.documents), "
        "list(t.text ORDER BY t.n DESC, t.text) FROM texts t JOIN docs d USING (key, kind) "
        "GROUP BY t.key, t.kind ORDER BY 5 DESC, 1"
    ).fetchall()
    return [ActorEntry(key, kind, code, actor_id, int(n), int(docs), list(names),
                       [fold(key), *(fold(name) for name in names)])
            for key, kind, code, actor_id, n, docs, names in rows]


def find_actors(reader: Reader, query: str | None = None, *, limit: int = 20, offset: int = 0,
                catalogue: list[ActorEntry] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Actors whose code, actor id or any mention text contains the query (folded): keys
    that match first, then by mentions."""
    check_page(limit, offset)
    entries = catalogue if catalogue is not None else actor_catalogue(reader)
    terms = search_terms(query)
    if terms:
        scored = []
        for rank, entry in enumerate(entries):
            if all(any(t in form for form in entry.folded) for t in terms):
                key_hit = any(entry.folded[0].startswith(t) for t in terms)
                scored.append((0 if key_hit else 1, rank, entry))
        entries = [entry for *_, entry in sorted(scored, key=lambda s: s[:2])]
    return len(entries), [e.as_dict() for e in entries[offset : offset + limit]]


def actor_entry(reader: Reader, key: str, catalogue: list[ActorEntry] | None = None) -> dict[str, Any] | None:
    """The catalogue entry of a code or actor id (a code first), or None when no mention carries it."""
    entries = catalogue if catalogue is not None else actor_catalogue(reader)
    found = [e for e in entries if e.key == key]
    found.sort(key=lambda e: e.kind != "code")
    return found[0].as_dict() if found else None


# -- stories ------------------------------------------------------------------------
STORY_HIDDEN = ("profile", "keys")  # the stories step's internals, not for readers


@dataclass
class StoryFilter:
    query: str | None = None  # words of the label
    actor: str | None = None  # one of its main actor codes
    since: str | None = None  # last date on or after
    until: str | None = None  # first date on or before
    min_documents: int = 1
    limit: int = 20
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        check_date("since", self.since)
        check_date("until", self.until)
        check_page(self.limit, self.offset)
        clauses = ["num_documents >= ?"]
        params: list[Any] = [self.min_documents]
        for term in search_terms(self.query):
            clauses.append("regexp_matches(coalesce(label, ''), ?, 'i')")
            params.append(term_pattern(term))
        if self.actor:
            clauses.append("list_contains(actors, ?)")
            params.append(self.actor)
        _date_range(clauses, params, self.since, self.until, starts="last_date", ends="first_date")
        return " WHERE " + " AND ".join(clauses), params


def find_stories(reader: Reader, flt: StoryFilter) -> tuple[int, list[dict[str, Any]]]:
    """Stories, latest first (then largest); none when the store has no stories table."""
    where, params = flt.where()
    if not has_table(reader, "stories"):
        return 0, []
    total = _scalar(reader, f"SELECT count(*) FROM stories{where}", params)
    rows = _dicts(reader, f"SELECT {_columns(reader, 'stories', exclude=STORY_HIDDEN)} FROM stories{where} "
                          "ORDER BY last_date DESC NULLS LAST, num_documents DESC, seq, story_id LIMIT ? OFFSET ?",
                  [*params, flt.limit, flt.offset], table="stories")
    return int(total), rows


# the id a story goes by now, of a story id given twice as parameters: the story it was merged into
# (story_redirects, kept flat), else itself
STORY_NOW = '(SELECT coalesce((SELECT "into" FROM story_redirects WHERE story_id = ?), ?))'


def resolve_story(reader: Reader, story_id: str) -> str | None:
    """The id a story goes by now: its own while it is a story, else that of the story it was merged
    into when later documents bridged the two (`story_redirects`); None for an unknown id."""
    if not has_table(reader, "stories"):
        return None
    if _scalar(reader, "SELECT count(*) FROM stories WHERE story_id = ?", [story_id]):
        return story_id
    if not has_table(reader, "story_redirects"):
        return None
    return _scalar(reader, 'SELECT "into" FROM story_redirects WHERE story_id = ?', [story_id])


def get_story(reader: Reader, story_id: str) -> dict[str, Any] | None:
    """One story with its documents and its merged events (`merged_events`), by its current id
    (`resolve_story` finds the story an older id was merged into).

    Documents come by publication date (undated last), then in the order the stories step read
    them (`signatures.seq`: the first one read opens the story), then by id."""
    if not has_table(reader, "stories"):
        return None
    rows = _dicts(reader, f"SELECT {_columns(reader, 'stories', exclude=STORY_HIDDEN)} FROM stories "
                          "WHERE story_id = ?", [story_id], table="stories")
    if not rows:
        return None
    story = rows[0]
    # its documents' ids first (a narrow scan), then their rows by id (the documents' key index)
    ids = [r[0] for r in reader.con.execute("SELECT doc_id FROM documents WHERE story_id = ?", [story_id]).fetchall()]
    story["documents"] = _dicts(
        reader, f"SELECT {_columns(reader, 'documents', alias='d')} FROM documents d "
                "LEFT JOIN (SELECT doc_id, seq FROM signatures WHERE doc_id IN (SELECT unnest($1))) s USING (doc_id) "
                "WHERE d.doc_id IN (SELECT unnest($1)) "
                "ORDER BY d.published NULLS LAST, s.seq NULLS LAST, d.doc_id", [ids], table="documents")
    for document in story["documents"]:
        document["lead"] = lead(document.pop("text") or "")
    story["merged_events"] = merged_events(reader, story_id)
    return story


def merged_events(reader: Reader, story_id: str | None = None) -> list[dict[str, Any]]:
    """The merged events of one story (of all stories without `story_id`): by date, undated
    last, then by first report."""
    if not has_table(reader, "merged_events"):
        return []
    where, params = (" WHERE story_id = ?", [story_id]) if story_id is not None else ("", [])
    return _dicts(reader, f"SELECT {_columns(reader, 'merged_events')} FROM merged_events{where} "
                          "ORDER BY date NULLS LAST, first_reported NULLS LAST, merged_id", params,
                  table="merged_events")


# -- knowledge-base candidates -----------------------------------------------------------
def unlinked_mentions(reader: Reader, code: str | None = None) -> list[dict[str, Any]]:
    """Mentions of people and bodies (PER, ORG) with a code but no actor id — those the linker
    found from how the text presents them (`veille actors discovered`) — with their document's
    publication date, in document order; `code` keeps those of one state or IGO."""
    return _dicts(reader, "SELECT m.text, m.code, m.sector, m.label, m.doc_id, d.published "
                          "FROM mentions m LEFT JOIN documents d ON d.doc_id = m.doc_id "
                          "WHERE m.actor_id IS NULL AND m.code IS NOT NULL AND m.label IN ('PER', 'ORG') "
                          "AND (? IS NULL OR m.code = ?) ORDER BY m.doc_id, m.start",
                  [code, code])


# -- brief: what is new in a period (veille.brief) ------------------------------------------
BASES = ("ingested", "published")


def _clock(basis: str) -> tuple[str, str]:
    """SQL of a document's (`d`) time on the clock `basis`, and of it being in a period whose two
    bounds follow as parameters: [start, end) timestamps when ingested, [first, last] days when
    published (articles dated less precisely than a day are in no period)."""
    if basis == "ingested":
        return "d.ingested_at", "{t} >= ? AND {t} < ?"
    if basis == "published":
        return "CASE WHEN length(d.published) = 10 THEN d.published END", "{t} >= ? AND {t} <= ?"
    raise InvalidParameter(f"by: {basis!r} is not one of {', '.join(BASES)}")


def _seen(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return None if value is None else str(value)


def stories_in_period(reader: Reader, basis: str, bounds: Sequence[Any]) -> list[str]:
    """The stories with a document in a period on the clock `basis`: the only ones that can hold a new
    merged event (`new_merged_events` takes them once read)."""
    clock, inside = _clock(basis)
    return [r[0] for r in reader.con.execute(f"SELECT DISTINCT d.story_id FROM documents d WHERE "
                                             f"{inside.format(t=clock)} AND d.story_id IS NOT NULL",
                                             list(bounds)).fetchall()]


def new_merged_events(reader: Reader, basis: str, bounds: Sequence[Any], *, limit: int = 1000,
                      touched: Sequence[str] | None = None, scan: bool = False) -> list[dict[str, Any]]:
    """Merged events first reported in a period: the first of the documents carrying them, on the
    clock `basis`, is in it. Each row has `first_seen`; the most recent first. `touched`: the
    `stories_in_period`, when read already. When each merged event was first seen is kept in
    first_seen (store/derived.py; computed from the documents with `scan`, for tests)."""
    if not has_table(reader, "merged_events"):
        return []
    clock, inside = _clock(basis)
    if scan:
        return _new_rows(reader, _dicts(
            reader,
            # only the stories that have a document in the period can hold a new merged event
            f"WITH touched AS (SELECT DISTINCT d.story_id FROM documents d WHERE {inside.format(t=clock)}), "
            "m AS (SELECT merged_id, unnest(json_extract_string(provenance, '$[*].doc_id')) AS doc_id "
            "FROM merged_events WHERE story_id IN (SELECT story_id FROM touched)), "
            f"firsts AS (SELECT m.merged_id, min({clock}) AS first_seen FROM m JOIN documents d USING (doc_id) "
            "GROUP BY m.merged_id) "
            f"SELECT {_columns(reader, 'merged_events', alias='me')}, f.first_seen FROM merged_events me "
            f"JOIN firsts f USING (merged_id) WHERE {inside.format(t='f.first_seen')} "
            "ORDER BY f.first_seen DESC, me.date DESC NULLS LAST, me.merged_id LIMIT ?",
            [*bounds, *bounds, limit], table="merged_events"))
    if touched is None:
        touched = stories_in_period(reader, basis, bounds)
    if not touched:
        return []
    first, _ = _FIRST_SEEN[basis]
    return _new_rows(reader, _dicts(
        reader,
        f"WITH f AS (SELECT id AS merged_id, {first} AS first_seen FROM first_seen WHERE kind = 'merged' "
        f"AND story_id IN (SELECT unnest(?)) AND {inside.format(t=first)}) "
        f"SELECT {_columns(reader, 'merged_events', alias='me')}, f.first_seen FROM merged_events me "
        f"JOIN f USING (merged_id) WHERE {spread('merged_events', 'merged_id IN (SELECT merged_id FROM f)')} "
        "ORDER BY f.first_seen DESC, me.date DESC NULLS LAST, me.merged_id LIMIT ?",
        [list(touched), *bounds, limit], table="merged_events"))


# first_seen's columns of each clock: the time, a story's documents in the brief's order
_FIRST_SEEN = {"ingested": ("ingested_at", "ingested_docs"), "published": ("published", "published_docs")}


def new_stories(reader: Reader, basis: str, bounds: Sequence[Any], *, limit: int = 1000,
                scan: bool = False) -> list[dict[str, Any]]:
    """Stories whose first document, on the clock `basis`, is in a period, with `first_seen` and
    `doc_ids` (their documents, originals first, in order); the most recent first. When each story
    was first seen is kept in first_seen (store/derived.py; computed from the documents with `scan`,
    for tests)."""
    if not has_table(reader, "stories"):
        return []
    clock, inside = _clock(basis)
    order = f"list(d.doc_id ORDER BY d.duplicate_of IS NOT NULL, {clock} NULLS LAST, d.doc_id) AS doc_ids"
    if scan:
        return _new_rows(reader, _dicts(
            reader,
            # only a story with a document in the period can have its first one there
            f"WITH touched AS (SELECT DISTINCT d.story_id FROM documents d WHERE {inside.format(t=clock)}), "
            f"firsts AS (SELECT d.story_id, min({clock}) AS first_seen, {order} "
            "FROM documents d WHERE d.story_id IN (SELECT story_id FROM touched) GROUP BY d.story_id) "
            f"SELECT {_columns(reader, 'stories', exclude=STORY_HIDDEN, alias='s')}, f.first_seen, f.doc_ids "
            f"FROM stories s JOIN firsts f USING (story_id) WHERE {inside.format(t='f.first_seen')} "
            "ORDER BY f.first_seen DESC, s.num_documents DESC, s.story_id LIMIT ?",
            [*bounds, *bounds, limit], table="stories"))
    first, docs = _FIRST_SEEN[basis]
    return _new_rows(reader, _dicts(
        reader,
        f"WITH f AS (SELECT id AS story_id, {first} AS first_seen, {docs} AS doc_ids FROM first_seen "
        f"WHERE kind = 'story' AND {inside.format(t=first)}) "
        f"SELECT {_columns(reader, 'stories', exclude=STORY_HIDDEN, alias='s')}, f.first_seen, f.doc_ids "
        "FROM stories s JOIN f USING (story_id) "
        "ORDER BY f.first_seen DESC, s.num_documents DESC, s.story_id LIMIT ?",
        [*bounds, limit], table="stories"))


BRIEF_SORTED = 5_000


@dataclass
class BriefItems:
    """What is new in a period, as `new_merged_events` and `new_stories` give it but with the fields the brief
    shows only (derived.BRIEF_EVENT, BRIEF_STORY), each with `first_seen` and `doc_ids` (its documents, in the
    brief's order); and the first derived.BRIEF_LINKS documents of each (`documents`)."""

    events: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    cards: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> its documents, JSON

    def documents(self, events: Iterable[str] = (), stories: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
        """doc_id -> the document as `documents_brief` gives it, of the first documents of these merged
        events and stories (by id; read only for the items shown)."""
        found: dict[str, dict[str, Any]] = {}
        for key in [*(("merged", e) for e in events), *(("story", s) for s in stories)]:
            if key in self.cards:
                found.update(json.loads(self.cards[key]))
        return found


def brief_items(reader: Reader, basis: str, bounds: Sequence[Any], *, limit: int = 1000) -> BriefItems:
    """The brief's new merged events and stories of a period, from first_seen alone (which holds what the
    brief shows of them and of their first documents, kept as data arrives: store/derived.py)."""
    found = BriefItems([], [])
    if not has_table(reader, "first_seen"):
        return found
    _, inside = _clock(basis)
    first, docs = _FIRST_SEEN[basis]
    columns = (f"kind, id, {first}, CASE WHEN kind = 'merged' THEN docs ELSE {docs} END, CAST(item AS VARCHAR), "
               "CAST(cards AS VARCHAR)")
    period = inside.format(t=first)
    # the items of a period of up to BRIEF_SORTED of them are read and ordered here (ordering the wide rows in
    # the database cost more); of a longer one, the first `limit` of each kind are chosen there, from their
    # order alone, then read
    if _scalar(reader, f"SELECT count(*) FROM first_seen WHERE {period}", list(bounds)) <= BRIEF_SORTED:
        rows = reader.con.execute(f"SELECT {columns} FROM first_seen WHERE {period}", list(bounds)).fetchall()
    else:
        order = (f"{first} DESC, CASE WHEN kind = 'merged' THEN item->>'date' END DESC NULLS LAST, "
                 "CASE WHEN kind = 'story' THEN (item->>'num_documents')::BIGINT END DESC NULLS LAST, id")
        rows = reader.con.execute(
            f"SELECT {columns} FROM first_seen WHERE rowid IN (SELECT rowid FROM first_seen WHERE {period} "
            f"QUALIFY row_number() OVER (PARTITION BY kind ORDER BY {order}) <= ?)", [*bounds, limit]).fetchall()
    kinds: dict[str, list[tuple[str, Any, dict[str, Any], str]]] = {"merged": [], "story": []}
    for kind, ident, seen, doc_ids, item, cards in rows:
        row = json.loads(item)
        row["first_seen"], row["doc_ids"] = _seen(seen), list(doc_ids or [])
        kinds[kind].append((ident, seen, row, cards))
    # as new_merged_events and new_stories order them: the latest first, then by date (merged events) or
    # by size (stories), the larger first and the unknown last, then by id
    for kind, rank, out in (("merged", "date", found.events), ("story", "num_documents", found.stories)):
        entries = sorted(kinds[kind], key=lambda e: e[0])
        entries.sort(key=lambda e: (e[2].get(rank) is not None, e[2].get(rank) or ("" if rank == "date" else 0)),
                     reverse=True)
        entries.sort(key=lambda e: e[1], reverse=True)
        for ident, _, row, cards in entries[:limit]:
            out.append(row)
            found.cards[kind, ident] = cards
    return found


def _new_rows(reader: Reader, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["first_seen"] = _seen(row["first_seen"])
    return rows


def merged_events_of_stories(reader: Reader, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """story_id → its merged events (by date, undated last)."""
    if not story_ids or not has_table(reader, "merged_events"):
        return {}
    rows = _dicts(reader, f"SELECT {_columns(reader, 'merged_events')} FROM merged_events "
                          f"WHERE {spread('merged_events', 'story_id IN (SELECT unnest(?))')} "
                          "ORDER BY date NULLS LAST, merged_id", [list(story_ids)], table="merged_events")
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["story_id"], []).append(row)
    return out


def documents_matching(reader: Reader, doc_ids: Iterable[str], phrases: Sequence[str]) -> set[str]:
    """Those of the documents whose title or text holds one of the phrases (accents and case ignored)."""
    ids = sorted(set(doc_ids))
    patterns = [term_pattern(fold(p).strip()) for p in phrases if fold(p).strip()]
    if not ids or not patterns:
        return set()
    pattern = "|".join(f"(?:{p})" for p in patterns)
    rows = reader.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?)) AND "
                              "(regexp_matches(coalesce(title, ''), ?, 'i') OR regexp_matches(text, ?, 'i'))",
                              [ids, pattern, pattern]).fetchall()
    return {r[0] for r in rows}


def dyad_score(reader: Reader, a: Iterable[str], b: Iterable[str], basis: str, bounds: Sequence[Any]) -> dict[str, Any]:
    """The events between `a` and `b` (each a set of keys: codes or actor ids; either direction, as on
    the dyad page) coded in the original documents (republications left out) of a period on the clock
    `basis`: their count and summed PLOVER score, with its cooperative and conflictual parts."""
    clock, inside = _clock(basis)
    params: list[Any] = []
    a_actor, b_rec = _any_party("e.actor", a, params), _any_party("e.recipient", b, params)
    b_actor, a_rec = _any_party("e.actor", b, params), _any_party("e.recipient", a, params)
    row = reader.con.execute(
        "SELECT count(*), coalesce(sum(e.score), 0), coalesce(sum(e.score) FILTER (WHERE e.score > 0), 0), "
        "coalesce(sum(e.score) FILTER (WHERE e.score < 0), 0) FROM events e JOIN documents d USING (doc_id) "
        f"WHERE d.duplicate_of IS NULL AND {inside.format(t=clock)} "
        f"AND (({a_actor} AND {b_rec}) OR ({b_actor} AND {a_rec}))",
        [*bounds, *params]).fetchone() or (0, 0.0, 0.0, 0.0)
    return {"events": int(row[0]), "score": float(row[1]), "cooperation": float(row[2]), "conflict": float(row[3])}


def _any_party(column: str, keys: Iterable[str], params: list[Any]) -> str:
    return "(" + " OR ".join(_party(column, key, params) for key in sorted(set(keys))) + ")"
