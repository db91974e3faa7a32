"""The CAMEO/PETRARCH (Phoenix) importer on the real dictionaries of ../shared/data/petrarch2: tens of
thousands of actors, their dated roles, the import summary, the `veille actors import` command and the
knowledge base that takes them. tests/test_phoenix.py checks the parser on small dictionaries
written for the tests (tests/fixtures/phoenix)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from veille.actors.phoenix import ParseError, Registry, import_summary, parse_file, parse_files, sniff_kind

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "petrarch2"
COUNTRIES = DATA / "Phoenix.Countries.actors.txt"
INTERNATIONAL = DATA / "Phoenix.International.actors.txt"
NONSTATE = DATA / "Phoenix.MilNonState.actors.txt"
AGENTS = DATA / "Phoenix.agents.txt"
ALL_FILES = [COUNTRIES, INTERNATIONAL, NONSTATE, AGENTS]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def split(items: list[Any]) -> tuple[list[dict[str, Any]], list[ParseError]]:
    records = [i for i in items if isinstance(i, dict)]
    errors = [i for i in items if isinstance(i, ParseError)]
    return records, errors


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


def role(code: str | None, sector: str | None, start: str | None, end: str | None) -> dict[str, Any]:
    return {"code": code, "sector": sector, "title": None, "start": start, "end": end}




@pytest.fixture(scope="module")
def real() -> dict[str, Any]:
    registry = Registry()
    per_file: dict[Path, list[Any]] = {}
    started = time.perf_counter()
    for path in ALL_FILES:
        per_file[path] = list(parse_file(path, registry=registry))
    elapsed = time.perf_counter() - started
    records = [r for items in per_file.values() for r in items if isinstance(r, dict)]
    return {"per_file": per_file, "records": by_id(records), "elapsed": elapsed, "registry": registry}


@pytest.mark.slow
def test_real_files_give_tens_of_thousands_of_actors(real: dict[str, Any]) -> None:
    per_file = real["per_file"]
    counts = {p.name: split(items) for p, items in per_file.items()}
    assert len(counts[COUNTRIES.name][0]) >= 18_000
    assert len(counts[INTERNATIONAL.name][0]) >= 6_500
    assert len(counts[NONSTATE.name][0]) >= 1_000
    assert len(counts[AGENTS.name][0]) >= 2_200
    actors = [r for r in real["records"].values() if r["type"] != "agent"]
    assert len(actors) >= 26_000
    assert sum(len(r["roles"]) for r in actors) >= 26_000
    # a few dozen broken lines at most, each located
    errors = [e for _, errs in counts.values() for e in errs]
    assert 0 < len(errors) < 60
    assert all(e.lineno > 0 and e.reason for e in errors)
    # exact duplicates (the International file lists many entries twice) are dropped
    assert real["registry"].skipped["duplicate"] > 1_000


@pytest.mark.slow
def test_real_import_is_fast(real: dict[str, Any]) -> None:
    assert real["elapsed"] < 20  # a couple of seconds normally; generous for loaded CI


@pytest.mark.slow
def test_real_records_are_well_formed(real: dict[str, Any]) -> None:
    records = real["records"]
    assert len(records) == len({r["id"] for r in records.values()})
    for record in records.values():
        assert record["origin"] == "phoenix"
        assert record["names"]["en"] and record["names"]["en"][0]
        assert record["cameo"]
        if record["type"] == "agent":
            assert record["id"].startswith("phoenix-agent:")
            continue
        assert record["id"].startswith("phoenix:")
        assert record["type"] in {"person", "organisation", "state", "igo", "group"}
        assert record["members"] == []
        for r in record["roles"]:
            assert set(r) == {"code", "sector", "title", "start", "end"}
            for day in (r["start"], r["end"]):
                assert day is None or ISO_DATE.fullmatch(day)
            if r["start"] and r["end"]:
                assert r["start"] <= r["end"]


@pytest.mark.slow
def test_real_putin(real: dict[str, Any]) -> None:
    putin = real["records"]["phoenix:vladimir_putin"]
    assert putin["type"] == "person"
    assert putin["names"] == {"en": ["Vladimir Putin"]}
    assert {"Putin", "Vladimir Vladimirovich Putin"} <= set(putin["aliases"])
    # [RUSGOV 991231-080507], [RUSGOV >080508], default [RUSELI]
    assert role("RUS", "GOV", "1999-12-31", "2008-05-07") in putin["roles"]
    assert role("RUS", "GOV", "2008-05-08", None) in putin["roles"]
    assert (putin["code"], putin["sector"]) == ("RUS", "ELI")
    assert putin["cameo"] == ["RUSELI", "RUSGOV"]


@pytest.mark.slow
def test_real_kazakh_leaders(real: dict[str, Any]) -> None:
    tokayev = real["records"]["phoenix:kasymzhomart_tokayev"]
    assert tokayev["type"] == "person"
    # dated roles stop around 2016: Tokayev is prime minister / minister, not yet president
    assert role("KAZ", "GOV", "1999-10-01", "2002-01-28") in tokayev["roles"]
    assert role("KAZ", "GOV", "2003-01-01", "2007-01-31") in tokayev["roles"]
    assert all(r["end"] for r in tokayev["roles"])
    nazarbayev = real["records"]["phoenix:nursultan_nazarbayev"]
    assert role("KAZ", "GOV", "1990-04-24", None) in nazarbayev["roles"]
    assert role("KAZ", "ELI", "1958-01-01", "2000-01-01") in nazarbayev["roles"]


@pytest.mark.slow
def test_real_entries_from_each_file(real: dict[str, Any]) -> None:
    records = real["records"]
    # Countries
    afghanistan = records["phoenix:afghanistan"]
    assert (afghanistan["type"], afghanistan["code"], afghanistan["sector"]) == ("state", "AFG", None)
    assert "Afghan" in afghanistan["aliases"]
    karzai = records["phoenix:hamid_karzai"]
    assert role("AFG", "GOV", "2001-12-22", None) in karzai["roles"]
    gdr = records["phoenix:german_democratic_republic"]
    assert gdr["type"] == "state" and gdr["code"] == "DDR"
    assert role("DDR", None, "1949-10-07", "1990-10-03") in gdr["roles"]
    obama = records["phoenix:barack_obama"]
    assert role("USA", "GOV", "2009-01-20", None) in obama["roles"]
    # a code-less name line directly followed by another entry is folded into it (PETRARCH)
    brezhnev = records["phoenix:leonid_brezhnev"]
    assert "Leonid Ilyich Brezhnev" in brezhnev["aliases"]
    assert role("RUS", "GOV", "1964-10-14", "1982-11-10") in brezhnev["roles"]
    # International
    nato = records["phoenix:nato"]
    assert (nato["type"], nato["code"], nato["sector"], nato["cameo"]) == ("igo", "NATO", "IGO", ["IGOWSTNAT"])
    assert records["phoenix:the_european_union"]["code"] == "EU"
    assert records["phoenix:ecowas"]["code"] == "ECOWAS"
    annan = records["phoenix:kofi_annan"]
    assert annan["type"] == "person"
    assert role("UN", "IGO", "1997-01-01", "2006-12-31") in annan["roles"]
    ban = records["phoenix:secretary_general_ban_ki_moon"]
    assert "Ban Ki-Moon" in ban["aliases"]
    assert role("UN", "IGO", "2007-01-01", None) in ban["roles"]
    exxon = records["phoenix:exxon"]
    assert (exxon["type"], exxon["code"], exxon["sector"]) == ("organisation", "USA", "BUS")
    # MilNonState
    qaida = records["phoenix:al_qa_ida"]
    assert (qaida["type"], qaida["code"], qaida["sector"]) == ("group", None, "REB")
    assert "Al-Qaeda" in qaida["aliases"] and qaida["cameo"] == ["IMGMUSALQ"]
    # agents
    police = records["phoenix-agent:police"]
    assert police == {
        "id": "phoenix-agent:police",
        "type": "agent",
        "origin": "phoenix",
        "names": {"en": ["Police"]},
        "aliases": [],
        "sector": "COP",
        "cameo": ["~COP"],
    }
    assert records["phoenix-agent:soldier"]["aliases"] == ["Soldiers"]
    assert records["phoenix-agent:president"]["sector"] == "GOV"
    assert "Congresswomen" in records["phoenix-agent:congressman"]["aliases"]


@pytest.mark.slow
def test_real_import_summary() -> None:
    summary = import_summary(ALL_FILES)
    files = summary["files"]
    assert files[str(COUNTRIES)]["kind"] == "actors"
    assert files[str(AGENTS)]["kind"] == "agents"
    assert files[str(AGENTS)]["agents"] >= 2_200 and files[str(AGENTS)]["actors"] == 0
    assert files[str(COUNTRIES)]["roles"] >= 25_000
    assert files[str(COUNTRIES)]["types"]["person"] > 15_000
    assert files[str(INTERNATIONAL)]["duplicates"] > 1_000
    total = summary["total"]
    assert total["actors"] == sum(f["actors"] for f in files.values()) >= 26_000
    assert total["errors"] == sum(f["errors"] for f in files.values())
    assert all(len(f["error_samples"]) <= 5 for f in files.values())


def test_sniff_real_files() -> None:
    assert [sniff_kind(p) for p in ALL_FILES] == ["actors", "actors", "actors", "agents"]


# --------------------------------------------------------------------------- knowledge base contract


@pytest.mark.slow
def test_actor_dicts_load_into_the_actor_model(real: dict[str, Any]) -> None:
    model = pytest.importorskip("veille.actors.model")
    actors = [r for r in real["records"].values() if r["type"] != "agent"]
    loaded = [model.Actor.from_dict(r, origin="phoenix") for r in actors]
    assert len(loaded) == len(actors)
    nazarbayev = next(a for a in loaded if a.id == "phoenix:nursultan_nazarbayev")
    assert nazarbayev.origin == "phoenix" and nazarbayev.type == "person"
    # roles are listed by priority: in 1995 the GOV role wins over the ELI one
    first = nazarbayev.roles_on(date(1995, 1, 1))[0]
    assert (first.code, first.sector) == ("KAZ", "GOV")


# --------------------------------------------------------------------------- command and knowledge base


def test_import_the_phoenix_dictionaries(tmp_path):
    env = {**os.environ, "VEILLE_ACTORS_DIR": str(tmp_path / "actors"), "COLUMNS": "160"}
    files = sorted(str(p) for p in DATA.glob("Phoenix.*.txt"))
    result = subprocess.run([sys.executable, "-m", "veille.cli", "actors", "import", *files], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    imported = int(result.stdout.split(" actors")[0].split()[-1])
    assert imported > 25_000


def test_phoenix_importer_output_is_accepted() -> None:
    from veille.actors.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    before = len(kb)
    added = kb.add_all(parse_files([INTERNATIONAL, AGENTS]))
    assert added > 1000 and len(kb) > before and kb.agents
    nato = kb.lookup("NATO")
    assert nato[0].id == "nato" and nato[0].origin == "curated"
    assert any(actor.origin == "phoenix" for actor in nato)
