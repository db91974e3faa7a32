"""The wheel, built from this source tree and installed in a new virtual environment, works
without the source tree: it holds every data file, ingests the example corpus and serves it."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import tarfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

PACKAGE = ROOT / "src" / "veille"
CORPUS = ROOT / "examples" / "corpus"


def data_files() -> list[str]:
    """Every file of the package that is not Python source, as a path inside the wheel."""
    return sorted(
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    )


def build_wheel(out: Path) -> tuple[Path, str]:
    """Build the wheel (and, with `build`, the sdist the wheel is built from) into `out`; returns
    the wheel and the build's whole log. Neither way leaves a build/ folder in the source tree."""
    if importlib.util.find_spec("build") is not None:
        command, cwd = [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], ROOT
    else:  # pip builds in the tree it is given: give it a copy
        cwd = out.parent / "source"
        for name in ("pyproject.toml", "README.md", "MANIFEST.in"):
            if (ROOT / name).exists():
                shutil.copy2(ROOT / name, cwd / name if cwd.exists() else _mkdir(cwd) / name)
        shutil.copytree(ROOT / "src", cwd / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(cwd)]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    wheels = list(out.glob("veille-*.whl"))
    assert len(wheels) == 1, log
    return wheels[0], log


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def new_venv(folder: Path, wheel: Path) -> tuple[Path, dict[str, str]]:
    """A new virtual environment holding the wheel and nothing else of veille; it borrows the
    heavy dependencies (spaCy and its French model, DuckDB, ...) from this interpreter's
    site-packages through a .pth file naming that folder only: the .pth files inside it, such as
    the editable install's pointer to src/, are not read, so the source tree stays out of sight."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=300)
    python = folder / "bin" / "python"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                              "--no-index", "--quiet", str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stdout + install.stderr
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    borrowed = dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
    (site / "zz_borrowed_dependencies.pth").write_text("".join(f"{path}\n" for path in borrowed), "utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env["COLUMNS"] = "120"
    return site, env


def test_the_wheel_works_without_the_source_tree(tmp_path):
    started = time.perf_counter()
    wheel, log = build_wheel(tmp_path / "dist")
    assert "deprecat" not in log.lower(), log  # e.g. SetuptoolsDeprecationWarning, a TOML-table license

    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = data_files()
    assert len(shipped) >= 20  # the knowledge base, the lexicons, the model, the UI
    assert not [name for name in shipped if name not in names], "data files missing from the wheel"
    modules = sorted(p.relative_to(PACKAGE.parent).as_posix() for p in PACKAGE.rglob("*.py"))
    assert not [name for name in modules if name not in names], "modules missing from the wheel"
    metadata = zipfile.ZipFile(wheel).read(f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}"
                                           ".dist-info/METADATA").decode("utf-8")
    assert "License-Expression: MIT" in metadata
    for sdist in wheel.parent.glob("veille-*.tar.gz"):  # built by `build`: the wheel came from it
        with tarfile.open(sdist) as archive:
            members = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        assert not [name for name in shipped if f"src/{name}" not in members], "data files missing from the sdist"

    site, env = new_venv(tmp_path / "venv", wheel)
    bin_dir = tmp_path / "venv" / "bin"
    where = subprocess.run([str(bin_dir / "python"), "-c", "import veille; print(veille.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).resolve().is_relative_to(site.resolve()), where
    assert not Path(where).resolve().is_relative_to(ROOT.resolve()), where

    db = tmp_path / "x.duckdb"
    ingest = subprocess.run([str(bin_dir / "veille"), "ingest", "--db", str(db), str(CORPUS)], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=600)
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute("SELECT count(*) FROM documents WHERE status = 'parsed'").fetchone()[0]
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        mentions = con.execute("SELECT count(*) FROM mentions WHERE code IS NOT NULL").fetchone()[0]
    assert documents >= 5 and events >= 5 and mentions >= 10, (documents, events, mentions)

    port = free_port()
    server = subprocess.Popen([str(bin_dir / "veille"), "serve", "--db", str(db), "--port", str(port)],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.communicate()[0]
            try:
                status, body = get(f"{base}/api/stats")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.3)
        assert status == 200, body
        assert json.loads(body)["counts"]["events"] == events

        status, body = get(f"{base}/api/events?limit=5")
        assert status == 200, body
        page = json.loads(body)
        assert page["total"] == events and len(page["items"]) == min(5, events)

        status, body = get(f"{base}/api/actors/KAZ")  # the shipped knowledge base
        assert status == 200 and "Kazakhstan" in body, body

        status, home = get(f"{base}/")  # templates
        assert status == 200 and "<html" in home and "/static/app.css" in home, home[:500]
        status, body = get(f"{base}/events")
        assert status == 200 and "<table" in body, body[:500]
        status, css = get(f"{base}/static/app.css")  # static files
        assert status == 200 and css == (PACKAGE / "serve" / "static" / "app.css").read_text("utf-8")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    print(f"wheel {wheel.stat().st_size} bytes, {len(shipped)} data files, {time.perf_counter() - started:.1f} s")
