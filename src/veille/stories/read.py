"""Read helpers for the CLI and the API: stories, one story's timeline, merged events.

All return plain dicts (JSON fields decoded), ready to print or serialise.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from veille.store import Store

STORY_FIELDS = (
    "story_id",
    "label",
    "first_date",
    "last_date",
    "num_documents",
    "num_sources",
    "carriers",
    "actors",
    "event_types",
)


def _dicts(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params or [])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _decode(row: dict[str, Any], table: str, store: Store) -> dict[str, Any]:
    for f in store.model[table].fields:
        if f.type == "json" and isinstance(row.get(f.name), str):
            row[f.name] = json.loads(row[f.name])
    return row


def list_stories(
    store: Store, *, min_documents: int = 1, limit: int | None = None, query: str | None = None
) -> list[dict[str, Any]]:
    """Stories, latest first (then largest), without their profiles.

    `min_documents` hides small stories (2 hides single articles); `query` keeps the
    stories whose label contains it (case-insensitive)."""
    sql = (
        f"SELECT {', '.join(STORY_FIELDS)} FROM stories WHERE num_documents >= ?"
        + (" AND label ILIKE ?" if query else "")
        + " ORDER BY last_date DESC NULLS LAST, num_documents DESC, seq"
        + (" LIMIT ?" if limit else "")
    )
    params: list[Any] = [min_documents]
    if query:
        params.append(f"%{query}%")
    if limit:
        params.append(limit)
    return _dicts(store, sql, params)


def story_timeline(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story: its fields, its documents by date and its merged events by date;
    None when there is no such story."""
    rows = _dicts(store, f"SELECT {', '.join(STORY_FIELDS)} FROM stories WHERE story_id = ?", [story_id])
    if not rows:
        return None
    story = rows[0]
    story["documents"] = _dicts(
        store,
        "SELECT d.doc_id, d.title, d.outlet, d.published, d.url, d.source, d.duplicate_of, "
        "left(d.text, 240) AS snippet FROM documents d LEFT JOIN signatures s USING (doc_id) "
        "WHERE d.story_id = ? ORDER BY d.published NULLS LAST, s.seq",
        [story_id],
    )
    story["events"] = list(merged_events(store, story_id))
    return story


def merged_events(store: Store, story_id: str | None = None) -> Iterator[dict[str, Any]]:
    """Merged events of one story (or of all), by date (undated last), then first report."""
    columns = ", ".join(f'"{c}"' for c in store.model["merged_events"].columns)
    where = "WHERE story_id = ? " if story_id else ""
    params = [story_id] if story_id else []
    for row in _dicts(
        store,
        f"SELECT {columns} FROM merged_events {where}"
        "ORDER BY date NULLS LAST, first_reported NULLS LAST, merged_id",
        params,
    ):
        yield _decode(row, "merged_events", store)
