"""The web side of the access token: the middleware that lets in only requests carrying it
(bearer header or session cookie), the login form and logging out. Installed by `create_app`
when the server is given a token; the policy and the checks live in `serve/auth.py`."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from veille.serve.auth import SESSION_COOKIE, SESSION_SECONDS, Gate, is_open, local_target
from veille.serve.deps import ServeState
from veille.serve.i18n import Translator, language
from veille.serve.rendering import page_context, wants_json

MAX_FORM_BYTES = 4096


def install(app: FastAPI, gate: Gate) -> None:
    app.state.gate = gate

    @app.middleware("http")
    async def require_token(request: Request, call_next: Any) -> Response:
        if gate.session_matches(request.cookies.get(SESSION_COOKIE)):
            request.state.signed_in = True
        elif not (is_open(request.url.path) or gate.bearer_matches(request.headers.get("authorization"))):
            return _refused(request)
        response: Response = await call_next(request)
        return response

    @app.get("/login", include_in_schema=False)
    def login_page(request: Request) -> Response:
        return _login_page(request, local_target(request.query_params.get("next")), wrong=False)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        body = b""
        async for chunk in request.stream():  # read no more than a login form holds
            body += chunk
            if len(body) > MAX_FORM_BYTES:
                return _login_page(request, "/", wrong=True, status=413)
        try:
            form = parse_qs(body.decode("utf-8", "replace"), max_num_fields=8)
        except ValueError:
            return _login_page(request, "/", wrong=True, status=400)
        target = local_target((form.get("next") or ["/"])[0])
        if not gate.token_matches((form.get("token") or [""])[0]):
            return _login_page(request, target, wrong=True, status=401)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(SESSION_COOKIE, gate.new_session(), max_age=SESSION_SECONDS, path="/", httponly=True,
                            samesite="lax", secure=request.url.scheme == "https")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request) -> Response:
        gate.revoke(request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
        return response


def _refused(request: Request) -> Response:
    if wants_json(request):
        return JSONResponse({"error": "unauthorized", "details": [],
                             "message": "this server needs its access token: send 'Authorization: Bearer <token>'"},
                            status_code=401, headers={"WWW-Authenticate": 'Bearer realm="veille"'})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def _login_page(request: Request, target: str, *, wrong: bool, status: int = 200) -> Response:
    state: ServeState = request.app.state.serve
    t = Translator(language(request.query_params.get("lang")))
    html = state.templates.get_template("login.html").render(**page_context(request, t), next=target, wrong=wrong)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})
