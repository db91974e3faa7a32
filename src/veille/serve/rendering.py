"""Rendering HTML: the values every template gets, links that keep the UI language, and the
answer form a request wants.

- `page_context(request, t)`: what every template is rendered with (translator, `href`,
  `seg`, the language switch, formatting helpers, whether the visitor signed in).
- `render(state, request, t, template, **values)`: a template as an `HTMLResponse`.
- `wants_json(request)`: API routes (and the schema) answer in JSON, every other path in HTML
  (errors, the access-token refusal).

Used by the pages, the error pages of `app` and the login page; imports no route module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse

from veille.serve.deps import ServeState
from veille.serve.i18n import Translator
from veille.store.queries import party_key


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def make_href(lang: str) -> Callable[..., str]:
    def href(path: str, /, **params: Any) -> str:
        pairs = [(k, str(v)) for k, v in params.items() if v is not None and v != ""]
        if lang != "fr":
            pairs.append(("lang", lang))
        return path + ("?" + urlencode(pairs) if pairs else "")

    return href


def seg(value: Any) -> str:
    """A value as one URL path segment."""
    return quote(str(value), safe="")


def page_context(request: Request, t: Translator) -> dict[str, Any]:
    other = "en" if t.lang == "fr" else "fr"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    if other != "fr":
        params.append(("lang", other))
    switch = request.url.path + ("?" + urlencode(params) if params else "")
    return {"t": t, "lang": t.lang, "href": make_href(t.lang), "seg": seg, "path": request.url.path,
            "switch_url": switch, "party_key": party_key, "fmt_score": fmt_score, "web_url": web_url,
            "signed_in": getattr(request.state, "signed_in", False)}


def web_url(url: str | None) -> str | None:
    """A document's URL if it is a web address (http/https), else None: never a javascript: link."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def fmt_score(value: float | None) -> str:
    if value is None:
        return "—"
    text = f"{value:+.1f}" if value else "0"
    return text.replace(".0", "") if text.endswith(".0") else text


def render(state: ServeState, request: Request, t: Translator, template: str, **values: Any) -> HTMLResponse:
    html = state.templates.get_template(template).render(**page_context(request, t), **values)
    return HTMLResponse(html)
