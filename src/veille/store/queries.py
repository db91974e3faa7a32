"""Read-side queries over a store, shared by the CLI and the web API. All parameterised."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from veille.store.duckdb_store import Store, quote

STATUSES = ("asserted", "reported", "future", "hypothetical", "negated")


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

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        party = "EXISTS (SELECT 1 FROM unnest(CAST(json_extract({col}, '$[*]') AS JSON[])) AS p(x) " \
                "WHERE json_extract_string(p.x, '$.code') = ? OR json_extract_string(p.x, '$.actor_id') = ?)"
        if self.actor and self.recipient:
            clauses += [party.format(col="actor"), party.format(col="recipient")]
            params += [self.actor, self.actor, self.recipient, self.recipient]
        elif self.actor:
            clauses.append(f"({party.format(col='actor')} OR {party.format(col='recipient')})")
            params += [self.actor] * 4
        elif self.recipient:
            clauses.append(party.format(col="recipient"))
            params += [self.recipient] * 2
        if self.type:
            clauses.append("type = ?")
            params.append(self.type.upper())
        if self.status:
            if self.status not in STATUSES:
                raise ValueError(f"unknown status {self.status!r}; choose one of {', '.join(STATUSES)}")
            clauses.append("status = ?")
            params.append(self.status)
        if self.since:
            clauses.append("date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("substr(date, 1, ?) <= ?")
            params += [len(self.until), self.until]
        if self.doc_id:
            clauses.append("doc_id = ?")
            params.append(self.doc_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_events(store: Store, flt: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    """Events matching the filter (newest first) and how many match in all."""
    where, params = flt.where()
    total = store.con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]  # type: ignore[index]
    columns = store.model["events"].columns
    json_fields = {f.name for f in store.model["events"].fields if f.type == "json"}
    rows = store.con.execute(
        f"SELECT {', '.join(quote(c) for c in columns)} FROM events{where} "
        "ORDER BY date DESC NULLS LAST, event_id LIMIT ? OFFSET ?",
        [*params, flt.limit, flt.offset],
    ).fetchall()
    out = []
    for values in rows:
        row = dict(zip(columns, values, strict=True))
        for name in json_fields:
            if isinstance(row[name], str):
                row[name] = json.loads(row[name])
        out.append(row)
    return int(total), out


def party_label(parties: list[dict[str, Any]] | dict[str, Any] | None) -> str:
    if not parties:
        return "—"
    if isinstance(parties, dict):
        parties = [parties]
    return ", ".join(f"{p.get('text')} [{p.get('code') or '?'}]" for p in parties)
