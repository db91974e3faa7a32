"""The web application: REST API under /api, HTML pages, static files, all over one
read-only store (or, with `veille serve --watch`, over a read-write store that a watcher
thread writes to through its own connection: readers see each batch once it is committed).

    from veille.serve import create_app
    app = create_app("veille.duckdb")          # then: uvicorn.run(app, host="127.0.0.1")

The store is opened read-only once; every request gets its own DuckDB connection
(`store.con.cursor()`), closed when the request is done, since connections are not
thread-safe and FastAPI runs handlers in a thread pool. Errors are JSON for /api
(`{"error", "message", "details"}`: 404 unknown id or route, 422 bad parameter, 500
without any trace) and an HTML page elsewhere.

This module assembles the app from the route modules (`api`, `pages`, `login`); they and
what they share (`deps`, `views`, `rendering`) never import it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from veille.serve.actors import ActorDirectory
from veille.serve.api import router as api_router
from veille.serve.auth import Gate
from veille.serve.deps import STATIC_TYPES, ServeState
from veille.serve.i18n import Translator, language
from veille.serve.login import install
from veille.serve.pages import router as pages_router
from veille.serve.rendering import page_context, wants_json
from veille.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

    from veille.ingest.watch import Watcher

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(store: Store | str | Path, *, directory: ActorDirectory | None = None,
               token: str | None = None, watcher: Watcher | None = None, nlp: Language | None = None) -> FastAPI:
    """The FastAPI app over a store (a path is opened read-only). With a `token`, every route but
    the login page and the static files requires it (serve/login.py). With a `watcher` (writing to
    `store.connection()` of a read-write store), the app runs it in a thread for its lifetime. `nlp`: the pipeline
    `POST /api/explain` parses with (by default the French model, loaded on the first such request)."""
    if not isinstance(store, Store):
        store = Store(store, read_only=True)
    app = FastAPI(
        lifespan=_watching(watcher) if watcher is not None else None,
        title="veille",
        version="1",
        summary="Strategic news monitoring: documents, actors, PLOVER events, stories.",
        description=(
            "Read-only API over a veille store. Every list is paginated (`limit`, `offset`) and returns "
            "`total`, the number of matching rows. Dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD). Actors are "
            "named by their code (KAZ, CSTO) or knowledge-base id (tokayev). Errors are JSON: "
            "`{error, message, details}`."
        ),
        docs_url=None,  # Swagger UI and ReDoc load their code from a CDN: the UI must work offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.serve = ServeState(store, directory or ActorDirectory.load(), nlp)
    if watcher is not None:
        watcher.listeners.append(lambda result: app.state.serve.changed() if result.new else None)

    app.include_router(api_router)
    app.include_router(pages_router)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str, request: Request) -> Response:
        path = request.app.state.serve.static_files.get(name)
        if path is None:
            raise HTTPException(404, f"no static file {name!r}")
        return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers={"Cache-Control": "max-age=300"})

    if token is not None:
        install(app, Gate(token))  # before security_headers, which then wraps its answers too

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    _install_error_handlers(app)
    return app


def _watching(watcher: Watcher) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        watcher.start()
        try:
            yield
        finally:
            await asyncio.to_thread(watcher.stop)  # after the batch in hand

    return lifespan


# -- errors ---------------------------------------------------------------------------
def _problem(request: Request, status: int, error: str, message: str, details: list[str] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse({"error": error, "message": message, "details": details or []}, status_code=status)
    state: ServeState = request.app.state.serve
    t = Translator(language(request.query_params.get("lang")))
    html = state.templates.get_template("error.html").render(
        **page_context(request, t), status=status, message=message, details=details or [])
    return HTMLResponse(html, status_code=status)


def _readable(error: dict[str, Any]) -> str:
    where = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
    name = ".".join(where) or "request"
    message = str(error.get("msg", "invalid value"))
    if "input" in error and error.get("type") != "missing":
        return f"{name}: {message} (got {error['input']!r})"
    return f"{name}: {message}"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [_readable(e) for e in exc.errors()]
        return _problem(request, 422, "invalid_parameter", "; ".join(details) or "invalid request", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            message = exc.detail if exc.detail and exc.detail != "Not Found" else f"nothing at {request.url.path}"
            return _problem(request, 404, "not_found", str(message))
        if exc.status_code == 422:
            return _problem(request, 422, "invalid_parameter", str(exc.detail), [str(exc.detail)])
        if exc.status_code == 405:
            return _problem(request, 405, "method_not_allowed", f"{request.method} is not allowed here (read-only)")
        return _problem(request, exc.status_code, "error", str(exc.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error while serving %s", request.url.path)
        return _problem(request, 500, "internal_error", "internal error; the server log has the details")
