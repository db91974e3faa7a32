"""The demo reads well in an 80-column terminal: every table the `veille` command prints fits the
width, long text is cut with an ellipsis instead of being broken letter by letter, and the key
columns (dates, types, actor codes, statuses, story ids) are shown whole."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from rich.cells import cell_len
from rich.console import Console

from veille.cli import Clipped
from veille.store import Store
from veille.store.queries import EventFilter, find_events

CORPUS = ROOT / "examples" / "corpus"
DATE = re.compile(r"^(\d{4}(-\d\d){0,2}|\?)\s")


def veille(*args: str, columns: int = 80) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    env.pop("LINES", None)
    result = subprocess.run([sys.executable, "-m", "veille.cli", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def widest(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> dict:
    """The demo's store, built from examples/corpus as `make demo` does, and what it holds."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    veille("ingest", "--quiet", "--db", str(db), str(CORPUS))
    store = Store(db, read_only=True)
    try:
        total, events = find_events(store, EventFilter(limit=50))
        stories = [row[0] for row in store.con.execute("SELECT story_id FROM stories ORDER BY story_id").fetchall()]
    finally:
        store.close()
    assert total == len(events) >= 10 and stories
    return {"db": str(db), "events": events, "stories": stories}


@pytest.mark.parametrize("columns", [80, 120])
def test_events_fit_with_at_most_three_lines_an_event(demo, columns):
    out = veille("events", "--db", demo["db"], "--limit", "50", columns=columns)
    assert widest(out) <= columns, out
    assert widest(out) >= columns - 2, f"the table does not use the terminal's width: was it really {columns}?"
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("date"))
    assert lines[header].split() == ["date", "type", "actor", "recipient", "status", "evidence"]
    body = [line for line in lines[header + 2:] if line.strip()]
    starts = [i for i, line in enumerate(body) if DATE.match(line)]
    assert len(starts) == len(demo["events"]), out
    heights = [end - start for start, end in zip(starts, [*starts[1:], len(body)], strict=True)]
    assert max(heights) <= 3, out  # not one word (or letter) a line
    for event, start in zip(demo["events"], starts, strict=True):
        row = "\n".join(body[start:start + 3])
        assert body[start].startswith(event["date"] or "?")
        assert event["type"] in body[start], row  # the type whole, on the event's first line
        for side in ("actor", "recipient"):
            for party in (event.get(side) or [])[:1]:
                assert party["code"] in row, row  # codes come first: never cut
        assert event["status"] in body[start], row
    assert "…" in out  # long sentences are cut, not wrapped on and on


def test_stories_fit_and_show_whole_ids(demo):
    out = veille("stories", "--db", demo["db"], "--min-documents", "1")
    assert widest(out) <= 80, out
    for story_id in demo["stories"]:
        assert story_id in out  # an id to copy into 'veille story': never cut nor folded
    rows = [line for line in out.splitlines() if line.startswith("S-")]
    assert len(rows) == len(demo["stories"])
    assert len([line for line in out.splitlines() if line.strip()]) <= 3 + 2 * len(rows)  # labels: two lines at most


def test_stats_story_and_actors_fit(demo):
    stats = veille("stats", "--db", demo["db"])
    assert widest(stats) <= 80 and "documents" in stats and "events" in stats
    for story_id in demo["stories"][:1]:
        story = veille("story", story_id, "--db", demo["db"])
        assert widest(story) <= 80, story
        assert re.search(r"\[(asserted|reported|future|hypothetical|negated)\]", story), story  # not eaten as markup
    for args in (("actors", "list", "--limit", "40"), ("actors", "list", "organisation")):
        out = veille(*args)
        assert widest(out) <= 80, out


def test_a_clipped_cell_keeps_to_its_lines():
    console = Console(width=12, color_system=None)
    sentence = "Le ministère arménien de la Défense a déclaré mardi que les forces azerbaïdjanaises"
    with console.capture() as capture:
        console.print(Clipped(sentence, 3))
    lines = capture.get().rstrip("\n").split("\n")
    assert len(lines) == 3 and all(cell_len(line) <= 12 for line in lines)
    assert lines[-1].rstrip().endswith("…") and lines[0].rstrip() == "Le ministère"
    with console.capture() as capture:  # a word longer than the column: cut, not folded
        console.print(Clipped("azerbaïdjanaises", 2))
    assert capture.get().rstrip() == "azerbaïdjan…"
    with console.capture() as capture:  # short text: as it is
        console.print(Clipped("Mali", 2))
    assert capture.get().rstrip() == "Mali"

