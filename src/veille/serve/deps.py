"""What every request handler shares, and the FastAPI dependencies that hand it out.

- `ServeState` (one per app, at `app.state.serve`): the store, the knowledge base's
  `ActorDirectory`, the Jinja2 templates, the static files present at start-up, and the
  actor catalogue, computed once and again after `changed()` (a watcher stored documents).
- `reader`: a dependency yielding the request's own `Cursor` on the store, closed after it
  (DuckDB connections are not thread-safe; FastAPI runs handlers in a thread pool).
- `serve_state`: a dependency giving the `ServeState`.

This module imports no route module: `app`, `api`, `pages` and `login` all import it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from fastapi import Request

from veille.serve.actors import ActorDirectory
from veille.store import Store
from veille.store.queries import ActorEntry, Cursor, actor_catalogue

if TYPE_CHECKING:
    from spacy.language import Language

PACKAGE = resources.files("veille.serve")
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml",
                ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8"}


class ServeState:
    """What the handlers share: the store (read-only), the knowledge base, the templates, the
    static files, and the actor catalogue (computed once: a read-only store does not change;
    again after `changed()`, when a watcher stored new documents)."""

    def __init__(self, store: Store, directory: ActorDirectory, nlp: Language | None = None) -> None:
        self.store = store
        self.actors = directory
        self._catalogue: list[ActorEntry] | None = None
        self._lock = threading.Lock()
        self._nlp = nlp  # the pipeline `POST /api/explain` parses with, loaded on its first call
        self._parsing = threading.Lock()
        folder = Path(str(PACKAGE.joinpath("templates")))
        self.templates = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                                            trim_blocks=True, lstrip_blocks=True)
        static = Path(str(PACKAGE.joinpath("static")))
        # Only the files present at start-up are served, by exact name: no path is ever built from the URL.
        self.static_files = {p.name: p for p in static.iterdir() if p.is_file() and p.suffix in STATIC_TYPES}

    def catalogue(self, reader: Cursor) -> list[ActorEntry]:
        with self._lock:
            if self._catalogue is None:
                self._catalogue = actor_catalogue(reader)
            return self._catalogue

    @contextmanager
    def parsing(self) -> Iterator[Language]:
        """The French pipeline, one request at a time (a pipeline is not made for threads), loaded when first
        asked for."""
        with self._parsing:
            if self._nlp is None:
                from veille.nlp.pipeline import build_nlp
                self._nlp = build_nlp()
            yield self._nlp

    def changed(self) -> None:
        """New documents were stored (serve --watch): the catalogue is computed again when next asked for."""
        with self._lock:
            self._catalogue = None


def reader(request: Request) -> Iterator[Cursor]:
    """Dependency: this request's own connection to the store."""
    cursor = Cursor.of(request.app.state.serve.store)
    try:
        yield cursor
    finally:
        cursor.close()


def serve_state(request: Request) -> ServeState:
    return request.app.state.serve  # type: ignore[no-any-return]
