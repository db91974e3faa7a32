"""`veille actors` through the real command, with a private actors folder."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import PHOENIX, ROOT


def actors(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "VEILLE_ACTORS_DIR": str(tmp_path / "actors"), "COLUMNS": "160"}
    return subprocess.run([sys.executable, "-m", "veille.cli", "actors", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_show_resolves_roles_by_date(tmp_path):
    result = actors(tmp_path, "show", "Toqaev", "--on", "2022-01-07")
    assert result.returncode == 0, result.stderr
    assert "affiliation on 2022-01-07: KAZ GOV" in result.stdout
    assert actors(tmp_path, "show", "Nobody Atall").returncode == 1


def test_add_then_list_and_show(tmp_path):
    added = actors(tmp_path, "add", "--id", "smailov", "--name", "Alikhan Smaïlov", "--alias", "Smailov",
                   "--role", "KAZ/GOV/premier ministre/2022-01-11")
    assert added.returncode == 0, added.stderr
    assert (tmp_path / "actors" / "user.yaml").exists()
    listed = actors(tmp_path, "list", "Smailov", "--origin", "user")
    assert "smailov" in listed.stdout and "KAZ" in listed.stdout
    shown = actors(tmp_path, "show", "smailov", "--on", "2021-06-01")
    assert "affiliation on 2021-06-01" in shown.stdout
    bad = actors(tmp_path, "add", "--id", "x", "--name", "X", "--role", "/GOV")
    assert bad.returncode != 0


def test_import_reports_malformed_lines_and_never_overrides_curated(tmp_path):
    dictionary = tmp_path / "mini.actors.txt"
    dictionary.write_text(
        "KASSYM-JOMART_TOKAYEV [KAZELI]\n"
        "+TOKAYEV\n"
        "NEW_PERSON_ONE [FRAGOV >150101]\n"
        "BROKEN_LINE [KAZGOV 9008223]\n"
        "ANOTHER_PERSON [DEUGOV]\n", "utf-8")
    result = actors(tmp_path, "import", str(dictionary))
    assert result.returncode == 0, result.stderr
    assert "mini.actors.txt:4" in result.stderr
    assert "lines skipped" in result.stdout
    shown = actors(tmp_path, "show", "tokayev", "--on", "2022-01-07")
    assert "KAZ GOV" in shown.stdout and "curated" in shown.stdout
    assert "New Person One" in actors(tmp_path, "list", "New Person One").stdout


def test_import_phoenix_dictionaries(tmp_path):
    """The four kinds of Phoenix files (tests/fixtures/phoenix); the real ones are imported in eval/."""
    files = sorted(str(p) for p in PHOENIX.glob("Phoenix.*.txt"))
    result = actors(tmp_path, "import", *files)
    assert result.returncode == 0, result.stderr
    imported = int(result.stdout.split(" actors")[0].split()[-1])
    assert imported == 20 and "10 agents" in result.stdout and "2 lines skipped" in result.stdout
    assert "Phoenix.Countries.actors.txt:39" in result.stderr and "Phoenix.agents.txt:16" in result.stderr
    shown = actors(tmp_path, "show", "Jens Stoltenberg", "--on", "2020-01-01")
    assert shown.returncode == 0 and "NATO" in shown.stdout, shown.stdout + shown.stderr


def test_add_twice_extends_the_entry(tmp_path):
    first = actors(tmp_path, "add", "--id", "smailov", "--name", "Alikhan Smaïlov",
                   "--role", "KAZ/GOV/vice-premier ministre/2018-02-01/2019-02-25")
    second = actors(tmp_path, "add", "--id", "smailov", "--name", "Alikhan Smaïlov", "--alias", "Smailov",
                    "--role", "KAZ/GOV/premier ministre/2022-01-11")
    assert first.returncode == 0 and second.returncode == 0 and "extended" in second.stdout
    text = (tmp_path / "actors" / "user.yaml").read_text("utf-8")
    assert "vice-premier ministre" in text and "premier ministre" in text and "Smailov" in text


def test_an_import_that_reads_nothing_changes_nothing(tmp_path):
    broken = tmp_path / "broken.actors.txt"
    broken.write_text("BROKEN_LINE [KAZGOV 9008223]\n", "utf-8")
    result = actors(tmp_path, "import", str(broken))
    assert result.returncode == 1 and "unchanged" in result.stderr
    assert not list((tmp_path / "actors").glob("phoenix-*.json"))
