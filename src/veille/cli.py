"""veille's command line: a thin layer over the Python API (pipeline, store, exports).

The commands that read a store (`stats`, `events`, `stories`, `story`) read it through
`store/queries.py`, the functions the web API calls: the same question gives the same rows in
the same order on the command line (`--json` prints them as the API serves them) and on the web.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.containers import Lines
from rich.markup import escape
from rich.measure import Measurement
from rich.padding import Padding
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from veille.actors.cli import app as actors_app
from veille.nlp import NerMode
from veille.store import Store, StoreError, queries
from veille.store.duckdb_store import INGEST_MEMORY_LIMIT, SERVE_MEMORY_LIMIT
from veille.store.queries import InvalidParameter, party_label

app = typer.Typer(
    help=(
        "veille — strategic news monitoring. Reads French news articles and turns them into a "
        "verifiable record of international political events (who did what to whom, when, where, "
        "how many, who says so).\n\n"
        "Typical use:  veille ingest articles/ feed.xml  →  veille stats  →  "
        "veille export events --format jsonl -o events.jsonl"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
)
console = Console(stderr=True)
app.add_typer(actors_app, name="actors")

DbOption = Annotated[
    Path, typer.Option("--db", help="DuckDB store file (created if missing).", envvar="VEILLE_DB")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the rows as JSON, as the web API serves them.")]


class Table_(StrEnum):
    documents = "documents"
    mentions = "mentions"
    events = "events"
    merged_events = "merged-events"
    stories = "stories"
    sentences = "sentences"
    sources = "sources"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


# -- tables that fit the terminal -------------------------------------------------------------
# Every table is as wide as the terminal at most. Short key columns (ids, dates, types, statuses,
# counts) never wrap: a value too long for them ends with an ellipsis. Long text (names, labels,
# sentences) wraps at words, over a few lines at most, the last one ending with an ellipsis when
# the text goes on; these columns share what the key columns leave, so no word is ever broken
# letter by letter over a column one character wide.
class Clipped:
    """Text word-wrapped to its column and cut after `lines` lines, with an ellipsis."""

    def __init__(self, text: str | Text, lines: int = 2, min_width: int = 10) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.lines = lines
        self.min_width = min_width

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((Text(line).cell_len for line in self.text.plain.split("\n")), default=0)
        return Measurement(min(self.min_width, longest), longest).with_maximum(options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        lines = self.text.wrap(console, width, overflow="ellipsis")
        if len(lines) > self.lines:
            kept = list(lines)[: self.lines]
            last = kept[-1]
            last.rstrip()
            if last.cell_len >= width:
                last.truncate(width - 1)
                last.rstrip()
            last.append("…")
            lines = Lines(kept)
        yield lines


def _table(title: str) -> Table:
    # no vertical rules and two spaces between columns: the text gets the width
    return Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0), title_justify="left")


def _key_column(table: Table, header: str, max_width: int | None = None, **options) -> None:
    """A column of short values kept on one line each (ellipsis past `max_width`)."""
    table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=max_width, **options)


def _screen() -> Console:
    """Standard output, as wide as the terminal (or $COLUMNS; 80 when not a terminal)."""
    return Console()


def _oneline(text: str | None) -> str:
    """Text with its line breaks and runs of spaces made single spaces (a sentence can span a
    paragraph break)."""
    return " ".join((text or "").split())


def _party(parties: list[dict] | dict | None) -> Text:
    """Each party on a line of its own: its code, then the words naming it in the text."""
    if not parties:
        return Text("—")
    if isinstance(parties, dict):
        parties = [parties]
    text = Text()
    for index, party in enumerate(parties):
        if index:
            text.append("\n")
        text.append(party.get("code") or "?", style="bold")
        if party.get("text"):
            text.append(f" {party['text']}")
    return text


def _open_store(db: Path, *, read_only: bool = False, memory_limit: str | None = None) -> Store:
    if read_only and not db.exists():
        console.print(f"[red]error:[/] no store at {db} (run 'veille ingest --db {db} ...' first)")
        raise typer.Exit(2)
    try:
        return Store(db, read_only=read_only, memory_limit=memory_limit)
    except StoreError as error:
        console.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from error


def _print_json(value: object) -> None:
    """One JSON document on standard output (dates and other values as the API writes them)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders (read recursively); '-' reads one document from stdin."),
    ],
    db: DbOption = Path("veille.duckdb"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero if any input failed.")] = False,
    batch_size: Annotated[int, typer.Option(help="Documents parsed and written per transaction.")] = 128,
    max_mb: Annotated[float, typer.Option(help="Skip files larger than this many megabytes.")] = 10.0,
    boilerplate: Annotated[
        list[Path] | None, typer.Option(help="Extra boilerplate rule files (YAML), added to the shipped ones.")
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Parse on a local Dask cluster of this many worker processes (0: in this process).")
    ] = 0,
    scheduler: Annotated[
        str | None, typer.Option(help="Parse on an existing Dask cluster, e.g. tcp://10.0.0.5:8786.")
    ] = None,
    chunk_size: Annotated[
        int, typer.Option(min=1, help="With --workers or --scheduler: documents per Dask task.")
    ] = 32,
    processes: Annotated[
        int, typer.Option(min=1, help="Parse with this many processes on this machine (spaCy's n_process).")
    ] = 1,
    memory_limit: Annotated[
        str, typer.Option(help="Cap on the store's cache (DuckDB memory_limit), so memory stays flat.")
    ] = INGEST_MEMORY_LIMIT,
    ner: Annotated[
        NerMode, typer.Option(help=(
            "Where the model's statistical NER runs: 'unknown', only a few words around each name the "
            "knowledge base does not know (same events, about a third of the cost); 'all', everywhere; "
            "'off', nowhere (fastest; unknown names are then not mentions)."))
    ] = NerMode.unknown,
) -> None:
    """Read, clean, parse and store news articles.

    Formats: plain text, Markdown, HTML, JSON Lines / JSON arrays of records, RSS/Atom.
    Each document is identified by a hash of its clean text, so re-ingesting the same
    files adds nothing. Files that cannot be read are listed with a reason and skipped;
    the exit code is 1 when every input failed, or when --strict and any failed.
    """
    from veille.ingest.clean import load_rules
    from veille.ingest.outlets import OutletsError, load_outlets
    from veille.pipeline import Ingestor, IngestReport

    try:
        outlets = load_outlets()
    except OutletsError as error:
        console.print(f"[red]error:[/] {error}", highlight=False)
        raise typer.Exit(2) from error
    store = _open_store(db, memory_limit=memory_limit)
    rules = load_rules(boilerplate or ())
    max_bytes = int(max_mb * 1_000_000)
    stdin = sys.stdin.buffer if "-" in paths else None
    if processes > 1 and (workers or scheduler):
        console.print("[red]error:[/] --processes parses in this machine's processes; with --workers or "
                      "--scheduler the Dask workers parse: give one or the other")
        raise typer.Exit(2)
    from veille.scale.cluster import connect

    client = connect(workers=workers, scheduler=scheduler)
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingesting[/]"),
        BarColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet,
        transient=False,
    ) as bar:
        task = bar.add_task("ingest", total=None, counts="")

        def show(report: IngestReport) -> None:
            bar.update(task, counts=f"{report.read} read · {report.new} new · "
                                    f"{report.duplicates} duplicate · {report.failed} failed")

        if client is None:
            ingestor = Ingestor(store, rules=rules, batch_size=batch_size, max_bytes=max_bytes, n_process=processes,
                                ner=ner, outlets=outlets)
            report = ingestor.ingest_paths(paths, stdin=stdin, progress=show)
        else:
            from veille.scale.dask_ingest import ingest_distributed

            with client:
                report = ingest_distributed(store, paths, client, rules=rules, chunk_size=chunk_size,
                                            max_bytes=max_bytes, stdin=stdin, progress=show, ner=ner,
                                            outlets=outlets)
    store.close()
    for failure in report.failures:
        console.print(f"[yellow]skipped[/] {failure.source}: {failure.reason}", highlight=False)
    if not quiet:
        console.print(
            f"[green]{report.new} new[/], {report.duplicates} duplicate, {report.failed} failed"
            + (f", {report.unsupported} in an unsupported language" if report.unsupported else "")
            + f" → {db}"
        )
    if report.failures and (strict or report.new + report.duplicates == 0):
        raise typer.Exit(1)


_FLOORS = queries.thresholds()
MinConfidence = Annotated[str | None, typer.Option(
    metavar="P|model", help="Events whose confidence is at least P (0 to 1); 'model': the confidence model's "
    f"threshold ({_FLOORS['min_confidence']}).")]
MinPolitics = Annotated[str | None, typer.Option(
    metavar="P|model", help="Events of documents whose politics probability is at least P (0 to 1; a document "
    f"without one is left out); 'model': the topic model's floor ({_FLOORS['min_politics']}).")]


def _floor(name: str, value: str | None) -> float | None:
    """A --min-confidence / --min-politics value: a number from 0 to 1, or 'model' (queries.thresholds)."""
    if value is None:
        return None
    if value.strip().lower() == "model":
        found = queries.thresholds()[name]
        if found is None:
            raise queries.InvalidParameter(f"{name}: no model is installed to give a threshold")
        return found
    try:
        number = float(value)
    except ValueError:
        raise queries.InvalidParameter(f"{name}: {value!r} is not a number from 0 to 1 nor 'model'") from None
    queries.check_share(name, number)
    return number


@app.command()
def export(
    table: Annotated[Table_, typer.Argument(help="What to export.")],
    db: DbOption = Path("veille.duckdb"),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")] = None,
    min_confidence: MinConfidence = None,
    min_politics: MinPolitics = None,
) -> None:
    """Export documents, mentions, events, merged events or stories as JSON Lines, CSV or Parquet.
    --min-confidence keeps the events above a confidence, --min-politics the events (or documents) of documents
    above a politics probability."""
    from veille.store.export import export as run_export

    store = _open_store(db, read_only=True)
    try:
        floors = {"min_confidence": _floor("min_confidence", min_confidence),
                  "min_politics": _floor("min_politics", min_politics)}
        count = run_export(store, table.value.replace("-", "_"), fmt.value, output,
                           **{k: v for k, v in floors.items() if v is not None})
    except BrokenPipeError as error:  # `veille export ... | head`
        raise typer.Exit(0) from error
    except (ValueError, OSError) as error:
        console.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from error
    finally:
        store.close()
    if output:
        console.print(f"{count} {table.value} → {output}")


@app.command()
def migrate(db: DbOption = Path("veille.duckdb")) -> None:
    """Bring a store's schema up to the version this veille writes (ingest does it too)."""
    from veille import stories

    store = _open_store(db)
    merged = stories.merge_stale(store)  # stories an upgrade marked for recomputing (new columns)
    console.print(f"{db}: schema version {store.schema_version()}"
                  + (f", merged events of {len(merged.stories_updated)} stories recomputed"
                     if merged.stories_updated else ""))
    store.close()


@app.command()
def stats(db: DbOption = Path("veille.duckdb"), as_json: JsonOption = False) -> None:
    """Show what the store holds: rows by table, documents by language (and outlet with --json)."""
    store = _open_store(db, read_only=True)
    try:
        found = queries.store_stats(store)
    finally:
        store.close()
    if as_json:
        _print_json(found)
        return
    screen = _screen()
    screen.print(Text(f"veille store {db}", style="bold", overflow="ellipsis", no_wrap=True))
    table = _table("rows by table")
    _key_column(table, "table")
    _key_column(table, "rows", justify="right")
    for name, count in found["counts"].items():
        table.add_row(name, f"{count:,}")
    screen.print(table)
    if found["languages"]:
        langs = _table("documents by language")
        _key_column(langs, "lang")
        _key_column(langs, "status")
        _key_column(langs, "documents", justify="right")
        for row in found["languages"]:
            langs.add_row(str(row["lang"]), str(row["status"]), f"{row['documents']:,}")
        screen.print()
        screen.print(langs)


@app.command()
def events(
    db: DbOption = Path("veille.duckdb"),
    actor: Annotated[str | None, typer.Option(help="Actor code or id (as actor or recipient), e.g. KAZ.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code or id.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help=f"PLOVER type: {', '.join(queries.TYPES)}.")]
    = None,
    status: Annotated[str | None, typer.Option(help=f"Status: {', '.join(queries.STATUSES)}.")] = None,
    since: Annotated[str | None, typer.Option(help="Events dated on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events dated on or before this ISO date (or month/year).")] = None,
    min_confidence: MinConfidence = None,
    min_politics: MinPolitics = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
) -> None:
    """Show coded events as a table, newest first, with filters."""
    store = _open_store(db, read_only=True)
    try:
        total, rows = queries.find_events(store, queries.EventFilter(
            actor=actor, recipient=recipient, type=event_type, status=status, since=since, until=until,
            min_confidence=_floor("min_confidence", min_confidence),
            min_politics=_floor("min_politics", min_politics), limit=limit))
    except ValueError as error:
        console.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from error
    finally:
        store.close()
    # at most three lines an event: type, mode, figures; two parties a side; status, who says so
    table = _table(f"{len(rows)} of {total} events")
    _key_column(table, "date", min_width=7)
    _key_column(table, "type", max_width=13)
    table.add_column("actor", max_width=20)
    table.add_column("recipient", max_width=20)
    _key_column(table, "status", max_width=12)
    table.add_column("evidence")
    for row in rows:
        what = Text(row["type"], style="bold")
        if row.get("mode"):
            what.append(f"\n{row['mode']}")
        if row.get("size"):
            what.append("\n" + ", ".join(f"{v} {k}" for k, v in row["size"].items()), style="cyan")
        status = Text(row.get("status") or "")
        if reporter := row.get("reported_by"):
            said = " ".join(part for part in (reporter.get("code"), reporter.get("text")) if part)
            status.append(f"\n({said})", style="dim")
        table.add_row(row.get("date") or "?", what, Clipped(_party(row.get("actor")), 2),
                      Clipped(_party(row.get("recipient")), 2), status, Clipped(_oneline(row.get("sentence")), 3))
    _screen().print(table)


class Lang(StrEnum):
    en = "en"
    fr = "fr"


@app.command()
def explain(
    text: Annotated[str | None, typer.Argument(help="The text to code ('-' reads it from stdin).")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the text from this file.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Code again this stored document (with --db).")] = None,
    db: DbOption = Path("veille.duckdb"),
    published: Annotated[str | None, typer.Option(help="The text's publication date (ISO), to date its events.")]
    = None,
    home: Annotated[str | None, typer.Option(help="The state its outlet publishes from (ISO alpha-3), e.g. FRA.")]
    = None,
    lang: Annotated[Lang, typer.Option(help="Language of the explanations.")] = Lang.en,
    as_json: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON, as the web API serves it.")]
    = False,
) -> None:
    """Why each trigger word of a text became an event or did not: per sentence, every candidate with the events it
    gave (confidence and the threshold it passed, or why it was cut), or the reason it was dropped or set aside."""
    from veille.explain import UnknownDocument, explain_document
    from veille.explain import explain as explain_text

    given = [x for x in (text, file, doc) if x is not None]
    if len(given) != 1:
        console.print("[red]error:[/] give one of TEXT, --file or --doc")
        raise typer.Exit(2)
    if doc is not None and (published is not None or home is not None):
        console.print("[red]error:[/] --published and --home go with a text: a stored document has its own")
        raise typer.Exit(2)
    if doc is not None:
        store = _open_store(db, read_only=True)
        try:
            report = explain_document(store, doc, lang=lang.value)
        except UnknownDocument as error:
            console.print(f"[red]error:[/] no document {doc} in {db}")
            raise typer.Exit(2) from error
        finally:
            store.close()
    else:
        if file is not None:
            try:
                text = file.read_text("utf-8")
            except OSError as error:
                console.print(f"[red]error:[/] {error}")
                raise typer.Exit(2) from error
        elif text == "-":
            text = sys.stdin.read()
        try:
            report = explain_text(text or "", published=published, home=home, lang=lang.value)
        except ValueError as error:
            console.print(f"[red]error:[/] {error}")
            raise typer.Exit(2) from error
    if as_json:
        _print_json(report)
        return
    screen = _screen()
    for sent in report["sentences"]:
        if not sent["candidates"]:
            continue
        table = _table(_oneline(sent["text"]))
        _key_column(table, "word", max_width=18)
        _key_column(table, "type", max_width=13)
        _key_column(table, "outcome", max_width=10)
        table.add_column("why")
        for cand in sent["candidates"]:
            what = Text(cand["type"], style="bold")
            if cand.get("mode"):
                what.append(f"\n{cand['mode']}")
            outcome = {"event": "green", "cut": "yellow"}.get(cand["outcome"], "red")
            table.add_row(cand["word"], what, Text(cand["outcome"], style=outcome), _why(cand))
        screen.print(table)
    kept = len(report["events"])
    screen.print(f"{kept} event{'s' * (kept != 1)} (threshold {report['threshold']}, "
                 f"{report['threshold_nonfactual']} for events not told as done)")


def _sides_line(parties: list[dict]) -> str:
    """Parties on one line: each code, with the words naming it in the text."""
    return ", ".join(" ".join(x for x in (p.get("code") or "?", p.get("text")) if x) for p in parties) or "—"


def _why(cand: dict) -> Text:
    """A candidate's events (sides, status, confidence against the threshold) or the reason it went."""
    text = Text()
    if cand["outcome"] in ("set_aside", "dropped"):
        text.append(cand["reason"] or "?", style="bold")
        text.append(f" {cand['explanation']}")
        if cand.get("by"):
            text.append(f" (by '{cand['by']}')", style="dim")
        sides = [(role, cand.get(role)) for role in ("actor", "recipient") if cand.get(role)]
        for role, parties in sides:
            text.append(f"\n{role}: {_sides_line(parties)}", style="dim")
        return text
    for index, event in enumerate(cand["events"]):
        if index:
            text.append("\n")
        text.append(event["type"], style="bold")
        text.append(f" {_sides_line(event['actor'])} → {_sides_line(event['recipient'])}")
        limit = event["threshold"]
        passed = f" {event['status']}, confidence {event['confidence']}"
        if event["kept"]:
            text.append(passed + (f" ≥ {limit}" if limit is not None else ""), style="green")
        else:
            text.append(passed, style="dim")
            text.append(f"\n{event['reason']}", style="bold yellow")
            text.append(f" {event['explanation']}")
            if event.get("age_days") is not None:
                text.append(f" ({event['age_days']} days old, background from {event['background_days']})", style="dim")
    return text


@app.command()
def serve(
    db: DbOption = Path("veille.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on (only this machine by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_file: Annotated[Path | None, typer.Option(
        help="File holding the access token every page and API route then requires (mode 600).")] = None,
    public: Annotated[bool, typer.Option(
        "--public", help="Serve a non-local --host without a token: anyone who reaches it reads the store.")] = False,
    watch: Annotated[Path | None, typer.Option(
        "--watch", help="Also poll the sources of this SOURCES.yaml into the store while serving it.")] = None,
    watchlists: Annotated[Path | None, typer.Option(
        "--watchlists", help="The watchlists file of the /brief page (default as for 'veille brief').")] = None,
    memory_limit: Annotated[str, typer.Option(
        help="Cap on the store's cache (DuckDB memory_limit): the server's memory stays under it plus "
             "about 300MB.")] = SERVE_MEMORY_LIMIT,
) -> None:
    """Serve the REST API (/api, schema at /openapi.json) and the web UI over a store, read-only
    (with --watch the server alone writes to it: the articles that arrive show up at once).

    On an address other machines can reach, give --token-file (or say --public)."""
    import uvicorn

    from veille.serve import create_app
    from veille.serve.auth import AccessError, is_local, serving_token

    try:
        token = serving_token(host, token_file, public)
    except AccessError as error:
        console.print(f"[red]error:[/] {escape(str(error))}", highlight=False)
        raise typer.Exit(2) from error
    watcher = None
    if watch is None:
        store = _open_store(db, read_only=True, memory_limit=memory_limit)
    else:
        from veille.ingest.watch import Watcher

        sources = _load_sources(watch)
        store = _open_store(db, memory_limit=memory_limit)
        watcher = Watcher(store.connection(), sources)
        _log_watching()
    access = "token required" if token else "this machine only" if is_local(host) else "PUBLIC, no token"
    mode = f"watching {watch}" if watch else "read-only"
    console.print(f"veille: serving {db} on http://{host}:{port}/ ({mode}, {access}; Ctrl-C stops)")
    app_ = create_app(store, token=token, watcher=watcher)
    app_.state.watchlists = watchlists
    uvicorn.run(app_, host=host, port=port, log_level="info", server_header=False)


@app.command()
def watch(
    sources: Annotated[Path, typer.Argument(help="SOURCES.yaml: feeds, pages listing articles and folders, "
                                                 "each with its outlet and polling interval.")],
    db: DbOption = Path("veille.duckdb"),
    once: Annotated[bool, typer.Option("--once", help="Poll every due source once, then exit (for cron).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures.")] = False,
) -> None:
    """Poll RSS/Atom feeds, pages listing articles and folders; ingest each new article once.

    Polite: conditional GET, a User-Agent naming veille, robots.txt, a back-off on errors; a URL
    already taken is never fetched again, and the polling state is kept in the store. Ctrl-C or
    SIGTERM stops after the batch in hand. `veille serve --watch SOURCES.yaml` does the same
    while serving the store."""
    from veille.ingest.watch import Watcher, stop_on_signals

    declared = _load_sources(sources)
    store = _open_store(db, memory_limit=INGEST_MEMORY_LIMIT)
    _log_watching(quiet)
    watcher = Watcher(store, declared)
    try:
        with stop_on_signals(watcher.stop_event):
            results = watcher.run(once=once)
    finally:
        watcher.close()
        store.close()
    if not once:
        console.print("veille: stopped")
    if results and all(r.status == "failed" for r in results):
        raise typer.Exit(1)


def _load_sources(path: Path):  # -> list[veille.ingest.sources.Source]
    from veille.ingest.sources import SourcesError, load_sources

    try:
        return load_sources(path)
    except SourcesError as error:
        console.print(f"[red]error:[/] {error}", highlight=False)
        raise typer.Exit(2) from error


def _log_watching(quiet: bool = False) -> None:
    """The watcher's log (each poll, each failure with its reason) on standard error."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    log = logging.getLogger("veille.watch")
    log.setLevel(logging.WARNING if quiet else logging.INFO)
    log.addHandler(handler)
    log.propagate = False


@app.command("stories")
def list_stories(
    db: DbOption = Path("veille.duckdb"),
    query: Annotated[str | None, typer.Argument(
        help='Only stories whose label has every word of this (accents and case ignored; "a phrase").')] = None,
    min_documents: Annotated[int, typer.Option(help="Hide stories with fewer documents.")] = 2,
    limit: Annotated[int, typer.Option(help=f"Rows to show (1 to {queries.MAX_LIMIT}).")] = 50,
    offset: Annotated[int, typer.Option(help="Rows to skip.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stories (clusters of documents about the same events across outlets), latest first."""
    store = _open_store(db, read_only=True)
    try:
        total, rows = queries.find_stories(store, queries.StoryFilter(query=query, min_documents=min_documents,
                                                                      limit=limit, offset=offset))
    except InvalidParameter as error:
        console.print(f"[red]error:[/] {escape(str(error))}", highlight=False)
        raise typer.Exit(2) from error
    finally:
        store.close()
    if as_json:
        _print_json({"total": total, "limit": limit, "offset": offset, "items": rows})
        return
    table = _table(f"{len(rows)} of {total} stories")
    table.add_column("story", no_wrap=True, overflow="fold")  # an id to type: never cut
    table.add_column("label")
    _key_column(table, "from", min_width=7)
    _key_column(table, "to", min_width=7)
    _key_column(table, "docs", justify="right")
    _key_column(table, "sources", justify="right")
    for row in rows:
        table.add_row(row["story_id"], Clipped(row["label"] or "?", 2), str(row["first_date"] or "?"),
                      str(row["last_date"] or "?"), str(row["num_documents"]), str(row["num_sources"]))
    _screen().print(table)


@app.command("story")
def show_story(
    story_id: Annotated[str, typer.Argument(help="A story id from 'veille stories'.")],
    db: DbOption = Path("veille.duckdb"),
    as_json: JsonOption = False,
) -> None:
    """Tell one story as a dated timeline of merged events with their sources (a story merged into
    another since: that one)."""
    store = _open_store(db, read_only=True)
    try:
        current = queries.resolve_story(store, story_id)
        story = queries.get_story(store, current) if current else None
    finally:
        store.close()
    if story is None:
        console.print(f"[red]error:[/] no story {escape(repr(story_id))}", highlight=False)
        raise typer.Exit(2)
    if as_json:
        _print_json(story)
        return
    screen = _screen()
    if current != story_id:
        screen.print(Text(f"{story_id} was merged into {current}", style="dim"))
    # Text, not markup: a label, a status ("[reported]") or a quoted "[sic]" is printed as it is
    heading = Text(story["label"] or "?", style="bold")
    heading.append(f"  {story.get('first_date') or '?'} → {story.get('last_date') or '?'}"
                   f"  ·  {story['num_documents']} documents, {story['num_sources']} sources", style="not bold")
    screen.print(heading)
    for event in story["merged_events"]:
        line = Text("\n")
        line.append(event.get("date") or "?", style="bold")
        line.append(f"  {event['type']}  {party_label(event.get('actor'))} → {party_label(event.get('recipient'))}"
                    f"  [{event.get('status')}] · {event['num_sources']} sources")
        if event.get("independent_sources") is not None:
            line.append(f" ({event['independent_sources']} independent)")
        if event.get("state_media_only"):
            line.append(" party's own state media only", style="red")
        if event.get("conflicting"):
            line.append(" conflicting figures", style="red")
        if event.get("disputed"):
            line.append(" disputed", style="yellow")
        screen.print(line)
        for size_key, info in (event.get("size") or {}).items():
            values = info.get("values") or [] if isinstance(info, dict) else []
            told = "; ".join(f"{v.get('value')} ({', '.join(v.get('outlets') or [])})" for v in values)
            if told:
                screen.print(Padding(Text(f"{size_key}: {told}"), (0, 0, 0, 4)))
        for mention in event.get("provenance") or []:
            said = _oneline(mention.get("sentence"))
            said = said if len(said) <= 140 else said[:139].rstrip() + "…"
            kind = " ".join(k for k in (mention.get("outlet_kind"), mention.get("outlet_state")) if k)
            outlet = f"{mention.get('outlet') or mention.get('source')}" + (f" ({kind})" if kind else "")
            screen.print(Padding(Text(f"– {outlet}: {said}"), (0, 0, 0, 4)))


class BriefFormat(StrEnum):
    md = "md"
    html = "html"


@app.command()
def brief(
    db: DbOption = Path("veille.duckdb"),
    since: Annotated[str, typer.Option(help="Length of the period: 24h, 7d, 2w.")] = "24h",
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="End of the period: a date (its whole day, UTC) or date and time; now by default.")] = None,
    by: Annotated[str, typer.Option(
        "--by", help="What makes an item new: 'ingested' (stored by veille in the period) or 'published' "
                     "(publication date in the period, whole days).")] = "ingested",
    watchlist: Annotated[list[str] | None, typer.Option(
        "--watchlist", help="Only this watchlist (repeatable); all by default.")] = None,
    watchlists: Annotated[Path | None, typer.Option(
        "--watchlists", help="The watchlists file; default $VEILLE_WATCHLISTS, ./watchlists.yaml, "
                             "~/.veille/watchlists.yaml (none: the brief covers everything).")] = None,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="Markdown, or one HTML file for mail.")]
        = BriefFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")] = None,
    base_url: Annotated[str, typer.Option(
        help="Address of 'veille serve', for the links to documents without a web address, stories and dyads.")]
        = "http://127.0.0.1:8000",
    lang: Annotated[str, typer.Option(help="Language of the brief: fr or en.")] = "fr",
) -> None:
    """Write the brief of a period per watchlist: new merged events (sources, independent sources,
    state-media-only claims, conflicting figures), the followed dyads' score change against the
    previous period, new stories, each with links to its articles."""
    from veille.brief import Window, WindowError, build_brief, watchlists_for
    from veille.brief.watchlists import WatchlistsError
    from veille.serve.actors import ActorDirectory
    from veille.serve.brief_render import to_html, to_markdown

    try:
        window = Window.of(since, as_of, by)
        chosen = watchlists_for(watchlists, watchlist or ())
    except (WindowError, WatchlistsError) as error:
        console.print(f"[red]error:[/] {escape(str(error))}", highlight=False)
        raise typer.Exit(2) from error
    directory = ActorDirectory.load()
    store = _open_store(db, read_only=True)
    try:
        data = build_brief(store, chosen, window, label=lambda key: directory.label(key, lang), base_url=base_url)
    finally:
        store.close()
    text = (to_html if fmt is BriefFormat.html else to_markdown)(data, lang)
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, "utf-8")
    found = sum(len(s["events"]) for s in data["sections"])
    console.print(f"brief of {window.as_dict()['start']} → {window.as_dict()['end']}: {found} new events → {output}")

if __name__ == "__main__":
    app()
