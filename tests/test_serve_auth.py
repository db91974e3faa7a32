"""Serving to a team: the access token (bearer header, login form and session cookie, logout),
the rule that a non-local address needs a token or --public, the token file's checks, and
that no answer names the store. A small real store (the synthetic story of test_api_server),
served by a real uvicorn on 127.0.0.1, read with httpx."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from test_api_server import SYN_DOCS, SYN_STORY, free_port, synthetic_batch
from veille.serve.auth import SESSION_COOKIE, SESSION_SECONDS, AccessError, Gate, is_local, load_token, serving_token
from veille.store import Store

TOKEN = "tok-7f3c9a1e5b2d4c6f8a0b"
API_ROUTES = ["/api/stats", "/api/documents", f"/api/documents/{SYN_DOCS[0]}", "/api/events", "/api/actors",
              "/api/actors/SRB", "/api/stories", f"/api/stories/{SYN_STORY}", "/api/dyads/SRB/XKX", "/api/graph",
              "/openapi.json", "/api/no-such-route"]
PAGES = ["/", "/events", "/actors", "/actors/SRB", "/stories", f"/stories/{SYN_STORY}", f"/documents/{SYN_DOCS[0]}",
         "/dyads/SRB/XKX", "/graph", "/no-such-page"]


@dataclass
class Gated:
    base: str
    db: Path

    def client(self, **options: Any) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=30, follow_redirects=False, **options)


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("secret-store-folder") / "private-watch.duckdb"
    with Store(db) as store:
        store.write(synthetic_batch())
    return db


@pytest.fixture(scope="module")
def gated(store_file: Path) -> Iterator[Gated]:
    import uvicorn

    from veille.serve import create_app

    app = create_app(store_file, token=TOKEN)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, name="veille-auth-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield Gated(f"http://127.0.0.1:{port}", store_file)
    server.should_exit = True
    thread.join(10)
    app.state.serve.store.close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def log_in(gated: Gated, client: httpx.Client, token: str = TOKEN, next_path: str = "/") -> httpx.Response:
    return client.post("/login", data={"token": token, "next": next_path})


# -- who may serve without a token ------------------------------------------------------------
@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_local_addresses(host: str) -> None:
    assert is_local(host)
    assert serving_token(host, None, public=False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "veille.example.org", ""])
def test_a_reachable_address_needs_a_token_or_public(host: str) -> None:
    assert not is_local(host)
    with pytest.raises(AccessError, match="--token-file.*--public"):
        serving_token(host, None, public=False)
    assert serving_token(host, None, public=True) is None


# -- the token file ---------------------------------------------------------------------------
def token_file(folder: Path, text: str, mode: int = 0o600) -> Path:
    path = folder / "token"
    path.write_text(text, "utf-8")
    path.chmod(mode)
    return path


def test_token_file_is_read_stripped(tmp_path: Path) -> None:
    assert load_token(token_file(tmp_path, f"  {TOKEN}\n")) == TOKEN
    assert load_token(token_file(tmp_path, TOKEN, 0o640)) == TOKEN  # a group may share it
    assert serving_token("0.0.0.0", token_file(tmp_path, TOKEN), public=False) == TOKEN


@pytest.mark.parametrize(("text", "mode", "words"), [
    ("", 0o600, "is empty"),
    ("  \n\n", 0o600, "is empty"),
    (TOKEN, 0o644, "readable by every user"),
    (TOKEN, 0o604, "chmod 600"),
    ("short-token", 0o600, "too short"),
    (f"{TOKEN} {TOKEN}", 0o600, "one token"),
    (f"{TOKEN}\n{TOKEN}", 0o600, "one token"),
])
def test_unusable_token_files_are_refused(tmp_path: Path, text: str, mode: int, words: str) -> None:
    with pytest.raises(AccessError, match=words):
        load_token(token_file(tmp_path, text, mode))


def test_missing_token_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AccessError, match="not found"):
        load_token(tmp_path / "nowhere")


# -- the command line -------------------------------------------------------------------------
@pytest.fixture
def uvicorn_runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append({"app": app, **options}))
    return calls


def serve(*args: str) -> Any:
    from veille.cli import app

    return CliRunner().invoke(app, ["serve", *args])


def test_cli_refuses_a_reachable_address_without_token(store_file: Path, uvicorn_runs: list) -> None:
    result = serve("--db", str(store_file), "--host", "0.0.0.0")
    assert result.exit_code == 2, result.output
    assert "--token-file" in result.output and "--public" in result.output
    assert uvicorn_runs == []


def test_cli_serves_a_reachable_address_with_token_or_public(store_file: Path, tmp_path: Path,
                                                             uvicorn_runs: list) -> None:
    result = serve("--db", str(store_file), "--host", "0.0.0.0", "--token-file", str(token_file(tmp_path, TOKEN)))
    assert result.exit_code == 0, result.output
    assert "token required" in result.output
    assert uvicorn_runs[-1]["host"] == "0.0.0.0" and uvicorn_runs[-1]["app"].state.gate.token_matches(TOKEN)
    result = serve("--db", str(store_file), "--host", "0.0.0.0", "--public")
    assert result.exit_code == 0, result.output
    assert "PUBLIC" in result.output and not hasattr(uvicorn_runs[-1]["app"].state, "gate")
    result = serve("--db", str(store_file))  # 127.0.0.1: no token needed
    assert result.exit_code == 0 and not hasattr(uvicorn_runs[-1]["app"].state, "gate")
    for call in uvicorn_runs:
        call["app"].state.serve.store.close()


def test_cli_refuses_an_unusable_token_file(store_file: Path, tmp_path: Path, uvicorn_runs: list) -> None:
    loose = token_file(tmp_path, TOKEN, 0o644)
    result = serve("--db", str(store_file), "--host", "0.0.0.0", "--token-file", str(loose))
    assert result.exit_code == 2 and "chmod 600" in " ".join(result.output.split())
    result = serve("--db", str(store_file), "--host", "0.0.0.0", "--token-file", str(tmp_path / "missing"))
    # the message is wrapped to the terminal's width: read it with its line breaks as spaces
    assert result.exit_code == 2 and "not found" in " ".join(result.output.split())
    assert uvicorn_runs == []


# -- the gate over HTTP -----------------------------------------------------------------------
@pytest.mark.parametrize("headers", [{}, bearer("wrong-token-0123456789"), bearer(TOKEN + "x"), bearer(TOKEN[:-1]),
                                     {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Cookie": f"{SESSION_COOKIE}={TOKEN}"}])
def test_api_refuses_requests_without_the_token(gated: Gated, headers: dict[str, str]) -> None:
    with gated.client(headers=headers) as client:
        for route in API_ROUTES:
            response = client.get(route)
            assert response.status_code == 401, (route, response.status_code)
            assert response.json()["error"] == "unauthorized"
            assert response.headers["www-authenticate"].startswith("Bearer")
            assert "Serbie" not in response.text and "SRB" not in response.text


@pytest.mark.parametrize("headers", [{}, bearer("wrong-token-0123456789")])
def test_pages_send_to_the_login_form_without_the_token(gated: Gated, headers: dict[str, str]) -> None:
    with gated.client(headers=headers) as client:
        for page in PAGES:
            response = client.get(page, params={"q": "Serbie"} if page == "/" else None)
            assert response.status_code == 303, (page, response.status_code)
            assert response.headers["location"].startswith("/login?next=%2F")
            assert "Serbie" not in response.text
        assert client.post("/logout").status_code == 303


def test_api_and_pages_answer_with_the_bearer_token(gated: Gated) -> None:
    with gated.client(headers=bearer(TOKEN)) as client:
        assert client.get("/api/stats").json()["counts"]["documents"] == len(SYN_DOCS)
        assert client.get(f"/api/stories/{SYN_STORY}").json()["story_id"] == SYN_STORY
        assert "/api/events" in client.get("/openapi.json").json()["paths"]
        assert client.get("/api/no-such-route").status_code == 404
        for page in PAGES[:-1]:
            assert client.get(page).status_code == 200, page
        assert "Serbie" in client.get(f"/documents/{SYN_DOCS[0]}").text
        assert client.get("/no-such-page").status_code == 404
        assert 'action="/logout"' not in client.get("/").text  # no session to end


def test_static_files_and_login_page_are_open(gated: Gated) -> None:
    with gated.client() as client:
        for name in ("app.css", "article.js", "graph.js", "favicon.svg"):
            assert client.get(f"/static/{name}").status_code == 200, name
        page = client.get("/login")
        assert page.status_code == 200 and 'type="password"' in page.text and "Serbie" not in page.text


def test_login_form_sets_a_session_cookie_that_is_not_the_token(gated: Gated) -> None:
    with gated.client() as client:
        wrong = log_in(gated, client, token="wrong-token-0123456789")
        assert wrong.status_code == 401 and "set-cookie" not in wrong.headers
        assert client.get("/api/stats").status_code == 401
        right = log_in(gated, client, next_path="/events?actor=SRB")
        assert right.status_code == 303 and right.headers["location"] == "/events?actor=SRB"
        cookie = right.headers["set-cookie"]
        assert cookie.startswith(f"{SESSION_COOKIE}=")
        assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Path=/" in cookie
        value = client.cookies[SESSION_COOKIE]
        assert TOKEN not in value and TOKEN not in cookie
        assert client.get("/api/stats").json()["counts"]["documents"] == len(SYN_DOCS)
        page = client.get("/events", params={"actor": "SRB"})
        assert page.status_code == 200 and 'action="/logout"' in page.text
        assert client.get(f"/documents/{SYN_DOCS[0]}").status_code == 200
    with gated.client(cookies={SESSION_COOKIE: value[:-1] + ("0" if value[-1] != "0" else "1")}) as forged:
        assert forged.get("/api/stats").status_code == 401
    issued, _, mac = value.partition(".")
    with gated.client(cookies={SESSION_COOKIE: f"{int(issued) + 1}.{mac}"}) as forged:
        assert forged.get("/").status_code == 303


def test_login_refuses_oversized_and_malformed_forms(gated: Gated) -> None:
    with gated.client() as client:
        big = client.post("/login", content=b"token=" + b"x" * 100_000,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert big.status_code == 413 and "set-cookie" not in big.headers
        many = client.post("/login", content="&".join(f"f{i}=1" for i in range(50)).encode(),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert many.status_code == 400 and "set-cookie" not in many.headers


def test_login_goes_back_to_this_site_only(gated: Gated) -> None:
    with gated.client() as client:
        for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"):
            assert log_in(gated, client, next_path=target).headers["location"] == "/", target


def test_logout_ends_the_session(gated: Gated) -> None:
    with gated.client() as client:
        log_in(gated, client)
        value = client.cookies[SESSION_COOKIE]
        assert client.get("/api/stats").status_code == 200
        out = client.post("/logout")
        assert out.status_code == 303 and out.headers["location"] == "/login"
        assert f'{SESSION_COOKIE}=""' in out.headers["set-cookie"] and "Max-Age=0" in out.headers["set-cookie"]
        assert SESSION_COOKIE not in client.cookies
        assert client.get("/api/stats").status_code == 401
    with gated.client(cookies={SESSION_COOKIE: value}) as replay:  # the cookie kept aside no longer works
        assert replay.get("/api/stats").status_code == 401


def test_sessions_expire_and_die_with_the_server() -> None:
    now = [1_000_000.0]
    gate = Gate(TOKEN, clock=lambda: now[0])
    session = gate.new_session()
    assert gate.session_matches(session)
    assert not Gate(TOKEN).session_matches(session)  # another server process: another secret
    now[0] += SESSION_SECONDS - 1
    assert gate.session_matches(session)
    now[0] += 1
    assert not gate.session_matches(session)
    assert not gate.session_matches(None) and not gate.session_matches("") and not gate.session_matches("x.y")


def test_nothing_served_names_the_store(gated: Gated) -> None:
    secrets_of_the_host = (str(gated.db), gated.db.name, gated.db.stem, gated.db.parent.name)
    answers = []
    with gated.client() as anonymous:
        answers += [anonymous.get(path) for path in [*API_ROUTES, *PAGES, "/login", "/static/nothing"]]
        answers.append(log_in(gated, anonymous, token="wrong-token-0123456789"))
    with gated.client(headers=bearer(TOKEN)) as client:
        answers += [client.get(path) for path in [*API_ROUTES, *PAGES]]
        answers += [client.get("/api/events", params={"since": "soon"}), client.get("/api/events", params={"limit": 0}),
                    client.get("/api/documents/none"), client.get("/events", params={"since": "soon"}),
                    client.post("/api/events"), client.get("/docs"), client.get("/redoc")]
    assert {r.status_code for r in answers} >= {200, 303, 401, 404, 405, 422}
    for response in answers:
        for secret in secrets_of_the_host:
            assert secret not in response.text, (response.request.url, secret)
            assert secret not in str(response.headers), (response.request.url, secret)


def test_token_checks_are_constant_time_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    import hmac

    from veille.serve import auth

    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    gate = Gate(TOKEN)
    assert gate.bearer_matches(f"bearer {TOKEN}") and not gate.bearer_matches("Bearer nope")
    assert gate.token_matches(TOKEN) and not gate.token_matches("")
    assert len(compared) == 4

