"""Tests for veille.actors.phoenix: the CAMEO/PETRARCH actor and agent dictionary importer."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import PHOENIX
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.actors.phoenix import (
    ParseError,
    Registry,
    decompose,
    display_name,
    import_summary,
    parse_actors,
    parse_agents,
    parse_date,
    parse_file,
    parse_files,
    plural,
    sniff_kind,
)

# Small dictionaries in the Phoenix format written for these tests; the real ones (../shared/data/petrarch2)
# are read in eval/test_phoenix_dictionaries.py.
COUNTRIES = PHOENIX / "Phoenix.Countries.actors.txt"
INTERNATIONAL = PHOENIX / "Phoenix.International.actors.txt"
NONSTATE = PHOENIX / "Phoenix.MilNonState.actors.txt"
AGENTS = PHOENIX / "Phoenix.agents.txt"
ALL_FILES = [COUNTRIES, INTERNATIONAL, NONSTATE, AGENTS]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def write(tmp_path: Path, text: str, name: str = "test.actors.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def split(items: list[Any]) -> tuple[list[dict[str, Any]], list[ParseError]]:
    records = [i for i in items if isinstance(i, dict)]
    errors = [i for i in items if isinstance(i, ParseError)]
    return records, errors


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


def role(code: str | None, sector: str | None, start: str | None, end: str | None) -> dict[str, Any]:
    return {"code": code, "sector": sector, "title": None, "start": start, "end": end}


# --------------------------------------------------------------------------- fixture dictionaries


@pytest.fixture(scope="module")
def dictionaries() -> dict[str, Any]:
    registry = Registry()
    per_file: dict[Path, list[Any]] = {}
    for path in ALL_FILES:
        per_file[path] = list(parse_file(path, registry=registry))
    records = [r for items in per_file.values() for r in items if isinstance(r, dict)]
    return {"per_file": per_file, "records": by_id(records), "registry": registry}


def test_fixture_files_give_their_actors(dictionaries: dict[str, Any]) -> None:
    per_file = dictionaries["per_file"]
    counts = {p.name: split(items) for p, items in per_file.items()}
    assert len(counts[COUNTRIES.name][0]) == 9
    assert len(counts[INTERNATIONAL.name][0]) == 8
    assert len(counts[NONSTATE.name][0]) == 3
    assert len(counts[AGENTS.name][0]) == 10
    actors = [r for r in dictionaries["records"].values() if r["type"] != "agent"]
    assert len(actors) == 20
    assert sum(len(r["roles"]) for r in actors) == 16
    # the broken lines, each located
    errors = [e for _, errs in counts.values() for e in errs]
    assert [(e.path.name, e.lineno) for e in errors] == [(COUNTRIES.name, 39), (AGENTS.name, 16)]
    assert all(e.reason for e in errors)
    # exact duplicates (the International file lists NATO twice, as the real one lists many entries) are dropped
    assert dictionaries["registry"].skipped["duplicate"] == 2


def test_fixture_records_are_well_formed(dictionaries: dict[str, Any]) -> None:
    records = dictionaries["records"]
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


def test_fixture_tokayev(dictionaries: dict[str, Any]) -> None:
    tokayev = dictionaries["records"]["phoenix:kassym_jomart_tokayev"]
    assert tokayev["type"] == "person"
    assert tokayev["names"] == {"en": ["Kassym-Jomart Tokayev"]}
    assert tokayev["aliases"] == ["Tokayev", "President Tokayev"]
    # [KAZGOV 991001-020128] ... [IGOUNO 110312-131015] ... [KAZGOV >20190320], default [KAZELI]
    assert role("KAZ", "GOV", "1999-10-01", "2002-01-28") in tokayev["roles"]
    assert role("UN", "IGO", "2011-03-12", "2013-10-15") in tokayev["roles"]
    assert role("KAZ", "GOV", "2019-03-20", None) in tokayev["roles"]
    assert tokayev["roles"][-1] == role("KAZ", "ELI", "1975-01-01", "2019-12-31")  # elite roles last
    assert (tokayev["code"], tokayev["sector"]) == ("KAZ", "ELI")
    assert tokayev["cameo"] == ["KAZGOV", "KAZLEG", "IGOUNO", "KAZELI"]


def test_fixture_entries_from_each_file(dictionaries: dict[str, Any]) -> None:
    records = dictionaries["records"]
    # Countries
    kazakhstan = records["phoenix:kazakhstan"]
    assert (kazakhstan["type"], kazakhstan["code"], kazakhstan["sector"]) == ("state", "KAZ", None)
    assert "Kazakh" in kazakhstan["aliases"]
    ussr = records["phoenix:soviet_union"]
    assert ussr["type"] == "state" and ussr["code"] == "SUN"
    assert role("SUN", None, "1922-12-30", "1991-12-26") in ussr["roles"]
    pashinyan = records["phoenix:nikol_pashinyan"]
    assert role("ARM", "GOV", "2018-05-08", None) in pashinyan["roles"]
    # a code-less name line directly followed by another entry is folded into it (PETRARCH)
    smailov = records["phoenix:alikhan_askhanovich_smailov"]
    assert "Alikhan Smailov" in smailov["aliases"]
    assert smailov["roles"] == [role("KAZ", "GOV", "2022-01-11", "2024-02-06")]  # the broken line is left out
    knb = records["phoenix:kazakh_national_security_committee"]
    assert (knb["type"], knb["code"], knb["sector"], knb["aliases"]) == ("organisation", "KAZ", "SPY", ["KNB"])
    # International
    nato = records["phoenix:nato"]
    assert (nato["type"], nato["code"], nato["sector"], nato["cameo"]) == ("igo", "NATO", "IGO", ["IGOWSTNAT"])
    assert records["phoenix:the_united_nations"]["code"] == "UN"
    assert records["phoenix:ecowas"]["code"] == "ECOWAS"
    assert records["phoenix:commonwealth_of_independent_states"]["code"] == "CIS"
    stoltenberg = records["phoenix:jens_stoltenberg"]
    assert stoltenberg["type"] == "person"
    assert stoltenberg["roles"] == [role("NATO", "IGO", "2014-10-01", "2024-10-01")]
    guterres = records["phoenix:antonio_guterres"]
    assert "Secretary-General Antonio Guterres" in guterres["aliases"]
    assert role("UN", "IGO", "2017-01-01", None) in guterres["roles"]
    company = records["phoenix:caspian_freight_company"]
    assert (company["type"], company["code"], company["sector"]) == ("organisation", "KAZ", "BUS")
    # MilNonState
    isis = records["phoenix:islamic_state"]
    assert (isis["type"], isis["code"], isis["sector"]) == ("group", None, "REB")
    assert "Daesh" in isis["aliases"] and isis["cameo"] == ["IMGMUSISI"]
    assert records["phoenix:kurdistan_workers_party"]["code"] == "TUR"
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
    assert "Spokeswomen" in records["phoenix-agent:spokesman"]["aliases"]


def test_fixture_import_summary() -> None:
    summary = import_summary(ALL_FILES)
    files = summary["files"]
    assert files[str(COUNTRIES)]["kind"] == "actors"
    assert files[str(AGENTS)]["kind"] == "agents"
    assert files[str(AGENTS)]["agents"] == 10 and files[str(AGENTS)]["actors"] == 0
    assert files[str(COUNTRIES)]["roles"] == 12
    assert files[str(COUNTRIES)]["types"] == {"state": 3, "person": 4, "organisation": 2}
    assert files[str(INTERNATIONAL)]["duplicates"] == 2
    total = summary["total"]
    assert total["actors"] == sum(f["actors"] for f in files.values()) == 20
    assert total["errors"] == sum(f["errors"] for f in files.values()) == 2
    assert all(len(f["error_samples"]) <= 5 for f in files.values())


def test_sniff_fixture_files() -> None:
    assert [sniff_kind(p) for p in ALL_FILES] == ["actors", "actors", "actors", "agents"]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000101", "2000-01-01"),
        ("300101", "2030-01-01"),
        ("310101", "1931-01-01"),
        ("991231", "1999-12-31"),
        ("090120", "2009-01-20"),
        ("19411207", "1941-12-07"),
        ("20130918", "2013-09-18"),
    ],
)
def test_parse_date_and_two_digit_pivot(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2004017", "201005011", "1920030320", "20100931", "991301"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_each_date_restriction_form(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "JOHN_DOE_  # CountryInfo.txt\n"
        "+DOE_\n"
        "\t[USAELI 19460101-090119]\n"  # YYYYMMDD-YYMMDD range
        "\t[USAGOV >090120]\n"  # from (YYMMDD)
        "\t[USAMIL >20170120]\n"  # from (YYYYMMDD)
        "\t[USALEG <800101]\n"  # until
        "\t[USAJUD > 140608]\n"  # blank after the operator
        "\t[USAOPP 20010101 - 20021231]\n"  # blanks around the dash
        "\t[USAELI]\n",  # default code
    )
    records, errors = split(list(parse_actors(path)))
    assert errors == []
    [doe] = records
    assert doe["id"] == "phoenix:john_doe"
    assert doe["type"] == "person"
    assert doe["names"] == {"en": ["John Doe"]} and doe["aliases"] == ["Doe"]
    assert (doe["code"], doe["sector"]) == ("USA", "ELI")  # the undated default
    # file order, elite (ELI) roles last: the knowledge base takes the first valid role
    assert doe["roles"] == [
        role("USA", "GOV", "2009-01-20", None),
        role("USA", "MIL", "2017-01-20", None),
        role("USA", "LEG", None, "1980-01-01"),
        role("USA", "JUD", "2014-06-08", None),
        role("USA", "OPP", "2001-01-01", "2002-12-31"),
        role("USA", "ELI", "1946-01-01", "2009-01-19"),
    ]
    assert doe["cameo"] == ["USAELI", "USAGOV", "USAMIL", "USALEG", "USAJUD", "USAOPP"]


def test_two_digit_year_pivot_in_restrictions(tmp_path: Path) -> None:
    path = write(tmp_path, "JANE_ROE_\n\t[FRAGOV 310101-300101]\n\t[FRAMIL 991231-000101]\n")
    [jane] = list(parse_actors(path))
    assert isinstance(jane, dict)
    assert role("FRA", "GOV", "1931-01-01", "2030-01-01") in jane["roles"]
    assert role("FRA", "MIL", "1999-12-31", "2000-01-01") in jane["roles"]


def test_inline_codes_on_the_name_line(tmp_path: Path) -> None:
    path = write(tmp_path, "ABN_AMRO_\t[NLDGOVBUS >081004][MNCNLD]\t# recoded\n")
    [abn] = list(parse_actors(path))
    assert isinstance(abn, dict)
    assert (abn["type"], abn["code"], abn["sector"]) == ("organisation", "NLD", "BUS")
    assert abn["roles"] == [role("NLD", "GOV", "2008-10-04", None)]


# --------------------------------------------------------------------------- errors and syntax


def test_malformed_lines_reported_and_skipped(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "# header comment\n"  # 1
        "ALPHA_PERSON_\n"  # 2
        "\t[USAGOV 0901-100101]\n"  # 3: bad date
        "\t[USAGOV >100101]\n"  # 4
        "\t[USAMIL 100101-090101]\n"  # 5: range ends before it starts
        "\t[USAGOV 20121204]\n"  # 6: date without <, > or range
        "\t[usagov]\n"  # 7: lower-case code
        "\tnothing here\n"  # 8: indented, neither code nor synonym
        "BETA_PERSON_ [FRAGOV\n"  # 9: unbalanced bracket: entry skipped
        "+BETA_\n"  # 10: belongs to the skipped entry
        "\t[FRAGOV >100101]\n"  # 11: idem
        "GAMMA_PERSON_ [DEUGOV >100101]\n",  # 12
    )
    records, errors = split(list(parse_actors(path)))
    assert [e.lineno for e in errors] == [3, 5, 6, 7, 8, 9]
    assert errors[0].line == "\t[USAGOV 0901-100101]"
    assert errors[0].path == path
    assert "neither YYMMDD nor YYYYMMDD" in errors[0].reason
    assert "ends before it starts" in errors[1].reason
    assert "entry skipped" in errors[5].reason
    assert str(errors[0]).startswith(f"{path}:3: ")
    ids = by_id(records)
    assert set(ids) == {"phoenix:alpha_person", "phoenix:gamma_person"}
    assert ids["phoenix:alpha_person"]["roles"] == [role("USA", "GOV", "2010-01-01", None)]
    assert ids["phoenix:gamma_person"]["roles"] == [role("DEU", "GOV", "2010-01-01", None)]


def test_comments_and_blank_lines_are_ignored(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "# a comment line\n"
        "\n"
        "   \n"
        "\t\n"
        "<!-- an html comment -->\n"
        "<!-- a comment over\n"
        "NOT_AN_ACTOR_ [USA]\n"
        "several lines -->\n"
        "FRANCE_  [FRA]  # trailing comment [DEU]\n"
        "+FRENCH_ ; legacy comment\n"
        "\n"
        "+PARIS_\n"  # a blank line does not end the entry
        "#+LYON_\n"
        "\t# an indented comment\n",
    )
    items = list(parse_actors(path))
    assert len(items) == 1
    france = items[0]
    assert isinstance(france, dict)
    assert france["id"] == "phoenix:france"
    assert (france["type"], france["code"], france["sector"]) == ("state", "FRA", None)
    assert france["aliases"] == ["French", "Paris"]
    assert france["cameo"] == ["FRA"]


def test_codeless_name_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "IVO_JOSIPOVIC_\n"  # folded into the next entry (adjacent)
        "PRESIDENT_JOSIPOVIC_\n"
        "\t[HRVGOV >20100219]\n"
        "LONELY_NAME_\n"  # not adjacent to the next entry: reported
        "\n"
        "ZORAN_MILANOVIC_\n"
        "\t[HRVGOV >111223]\n"
        "AHMED_DARWISH_  # the soccer player\n"  # null code: not an actor, silently dropped
        "\t[---]\n"
        "LAST_NAME_\n",  # no code at end of file: reported
    )
    registry = Registry()
    records, errors = split(list(parse_actors(path, registry=registry)))
    assert [r["id"] for r in records] == ["phoenix:ivo_josipovic", "phoenix:zoran_milanovic"]
    assert records[0]["aliases"] == ["President Josipovic"]
    assert [(e.lineno, e.line) for e in errors] == [(4, "LONELY_NAME_"), (10, "LAST_NAME_")]
    assert all("no code" in e.reason for e in errors)
    assert registry.skipped["null code"] == 1


def test_synonym_syntax(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]\n"
        "+ARMY_OF_MOHAMMED+_ISLAMIC_ADEN_ARMY_\n"  # two synonyms glued with '+_'
        "+B+H_GROUP_\n"  # a '+' inside a name is kept
        "+BROKEN_\x1aNAME_\n"  # corrupt character: reported, entry kept
        "\tOTHER_NAME_\t[YEMREB]\n",  # an indented name with a code (PETRARCH reads the code)
    )
    records, errors = split(list(parse_actors(path)))
    [army] = records
    assert army["names"] == {"en": ["Aden Abyan Islamic Army (AAIA)"]}
    assert army["aliases"] == ["Army of Mohammed", "Islamic Aden Army", "B+H Group", "Other Name"]
    assert army["type"] == "group" and (army["code"], army["sector"]) == ("YEM", "REB")
    assert [e.lineno for e in errors] == [4]


def test_lower_case_name_line_is_not_an_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "Source: MNC.MLH.actors\nA._SCHULMAN_\t[MNCUSA]\t# Chemicals\n")
    records, errors = split(list(parse_actors(path)))
    assert [e.lineno for e in errors] == [1]
    assert [r["id"] for r in records] == ["phoenix:a_schulman"]
    assert records[0]["aliases"] == []


def test_lines_before_any_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "+ORPHAN_\n\t[USAGOV]\nREAL_ [USA]\n")
    records, errors = split(list(parse_actors(path)))
    assert [e.lineno for e in errors] == [1, 2]
    assert [r["id"] for r in records] == ["phoenix:real"]


# --------------------------------------------------------------------------- codes and types


@pytest.mark.parametrize(
    ("cameo", "code", "sector", "kind"),
    [
        ("RUSGOV", "RUS", "GOV", "state"),
        ("AFGGOVAGR", "AFG", "GOV", "state"),
        ("AFG", "AFG", None, "state"),
        ("SUN", "SUN", None, "state"),  # historic codes are kept
        ("TMP", "TLS", None, "state"),  # renamed ones are mapped
        ("USRARM", "ARM", None, "state"),  # region + state
        ("IGOUNO", "UN", "IGO", "igo"),
        ("IGOUNOREFHCR", "UN", "IGO", "igo"),
        ("IGOWSTNAT", "NATO", "IGO", "igo"),
        ("IGOEUREEC", "EU", "IGO", "igo"),
        ("IGOAFRAFU", "AU", "IGO", "igo"),
        ("IGOWAFWAS", "ECOWAS", "IGO", "igo"),
        ("IGOWAFBUSWAS", "ECOWAS", "IGO", "igo"),
        ("IGOLKA", None, "IGO", "igo"),  # unidentified IGO: no code
        ("NGOUSA", "USA", "NGO", "ngo"),
        ("NGOHRI", None, "NGO", "ngo"),
        ("MNCUSAMED", "USA", "BUS", "mnc"),
        ("IMGMUSALQ", None, "REB", "img"),  # MUS is Muslim here, not Mauritius
        ("IMGJPN", "JPN", "REB", "img"),
        ("MEAREB", None, "REB", "region"),
        ("ELI", None, "ELI", "sector"),
        ("HINRAD", None, "RAD", "sector"),
        ("MOS", None, "REL", "sector"),
        ("SYRREBMUS", "SYR", "REB", "state"),
    ],
)
def test_decompose(cameo: str, code: str | None, sector: str | None, kind: str) -> None:
    parts = decompose(cameo)
    assert (parts.code, parts.sector, parts.kind, parts.raw) == (code, sector, kind, cameo)


def test_unknown_igo_keeps_raw_cameo(tmp_path: Path) -> None:
    path = write(tmp_path, "SRI_LANKA_MONITORING_MISSION_ [IGOLKA]\n", "Phoenix.International.actors.txt")
    [slmm] = list(parse_actors(path))
    assert isinstance(slmm, dict)
    assert (slmm["type"], slmm["code"], slmm["sector"], slmm["cameo"]) == ("igo", None, "IGO", ["IGOLKA"])


def test_type_inference(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "GERMANY_ [DEU]\n"
        "KREMLIN_ [RUSGOV]\n"
        "FEDERAL_BUREAU_OF_INVESTIGATION_ [USACOP]\n"
        "SYRIAN_FREE_ARMY_ [SYRREB]\n"
        "JOHN_Q._PUBLIC_ [USAGOV]\n"
        "MARY_SMITH_  # CountryInfo.txt\n\t[GBRELI]\n"
        "PAUL_JONES_\n\t[GBRGOV 990101-000101]\n",
        "Phoenix.Countries.actors.txt",
    )
    types = {r["id"]: r["type"] for r in parse_actors(path) if isinstance(r, dict)}
    assert types == {
        "phoenix:germany": "state",
        "phoenix:kremlin": "organisation",
        "phoenix:federal_bureau_of_investigation": "organisation",
        "phoenix:syrian_free_army": "group",
        "phoenix:john_q_public": "person",
        "phoenix:mary_smith": "person",
        "phoenix:paul_jones": "person",
    }


def test_source_kind_from_file_name(tmp_path: Path) -> None:
    text = "HARAKAT_HAZM_ [SYROPP]\n"
    nonstate = write(tmp_path, text, "Phoenix.MilNonState.actors.txt")
    generic = write(tmp_path, text, "other.txt")
    assert next(iter(parse_actors(nonstate)))["type"] == "group"  # type: ignore[index]
    assert next(iter(parse_actors(generic)))["type"] == "person"  # type: ignore[index]
    assert next(iter(parse_actors(generic, source="nonstate")))["type"] == "group"  # type: ignore[index]


def test_duplicates_dropped_and_ids_unique(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "UN_ [IGOUNO]\n"
        "UN_ [IGOUNO]\n"  # exact duplicate: dropped
        "JOHN_SMITH_ [AUSGOV]\n"
        "JOHN_SMITH_ [GBRGOV]\n"  # same name, other entry: suffixed id
        "JOHN_SMITH_ [GBRGOV]\n+SMITHY_\n",  # same again but with a new alias: kept
        "Phoenix.International.actors.txt",
    )
    registry = Registry()
    ids = [r["id"] for r in parse_actors(path, registry=registry) if isinstance(r, dict)]
    assert ids == ["phoenix:un", "phoenix:john_smith", "phoenix:john_smith_gbrgov", "phoenix:john_smith_gbrgov_2"]
    assert registry.skipped["duplicate"] == 1
    # the registry spans files
    again = [r["id"] for r in parse_actors(path, registry=registry) if isinstance(r, dict)]
    assert again == []


def test_display_names() -> None:
    assert display_name("VLADIMIR_PUTIN_") == "Vladimir Putin"
    assert display_name("NATO_") == "NATO"
    assert display_name("IRAN", acronyms=False) == "Iran"
    assert display_name("U.N._SECRETARY_GENERAL") == "U.N. Secretary General"
    assert display_name("MR._OBAMA", acronyms=False) == "Mr. Obama"
    assert display_name("US_VICE_PRESIDENT") == "US Vice President"
    assert display_name("CHARLES_DE_GAULLE", acronyms=False) == "Charles de Gaulle"
    assert display_name("PEOPLE'S_LIBERATION_ARMY") == "People's Liberation Army"
    assert display_name("O'BRIEN", acronyms=False) == "O'Brien"
    assert display_name("KING_ABDULLAH_II", acronyms=False) == "King Abdullah II"


# --------------------------------------------------------------------------- agents


AGENT_TEXT = (
    "# agents\n"  # 1
    "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"  # 2
    "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"  # 3
    "POLICE {} [~COP]\n"  # 4: no plural
    "SOLDIER [~MIL] # ab 06 Jul 2005\n"  # 5: regular plural
    "MILITIA_PARTY [~REB]\n"  # 6: Y -> IES
    "HEAD_OF_STATE [~GOV]\n"  # 7: the head word takes the plural
    "THIEF {THIEVES} [~CRM]\n"  # 8: irregular plural
    "CONGRESS!PERSON!  [~LEG]\n"  # 9: substitution set
    "!MINIST! FOR_DEFENCE [~GOVMIL]\n"  # 10
    "HUMAN_RIGHTS_BODY  [NGO~]\n"  # 11: prefix code
    "ISLAMIC_MILITANT [~MUSUAF]\n"  # 12: religion + armed
    "ISLAMIC_EXTREMIST\n"  # 13: no code
    "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"  # 14: bad bracket
    "SPACE!ALIEN! [~GOV]\n"  # 15: undefined marker
    "POLICE {} [~COP]\n"  # 16: duplicate line: dropped
    "SECURITY_FORCE [~COP]\n"  # 17
    "SECURITY_FORCE [~MIL]\n"  # 18: same phrase, other code: suffixed id
)


def test_agents(tmp_path: Path) -> None:
    path = write(tmp_path, AGENT_TEXT, "test.agents.txt")
    records, errors = split(list(parse_agents(path)))
    assert [e.lineno for e in errors] == [13, 14, 15]
    agents = by_id(records)
    assert list(agents) == [
        "phoenix-agent:police",
        "phoenix-agent:soldier",
        "phoenix-agent:militia_party",
        "phoenix-agent:head_of_state",
        "phoenix-agent:thief",
        "phoenix-agent:congressman",
        "phoenix-agent:minister_for_defence",
        "phoenix-agent:human_rights_body",
        "phoenix-agent:islamic_militant",
        "phoenix-agent:security_force",
        "phoenix-agent:security_force_mil",
    ]
    assert agents["phoenix-agent:police"] == {
        "id": "phoenix-agent:police",
        "type": "agent",
        "origin": "phoenix",
        "names": {"en": ["Police"]},
        "aliases": [],
        "sector": "COP",
        "cameo": ["~COP"],
    }
    assert agents["phoenix-agent:soldier"]["aliases"] == ["Soldiers"]
    assert agents["phoenix-agent:militia_party"]["aliases"] == ["Militia Parties"]
    assert agents["phoenix-agent:head_of_state"]["aliases"] == ["Heads of State"]
    assert agents["phoenix-agent:thief"]["aliases"] == ["Thieves"]
    congress = agents["phoenix-agent:congressman"]
    assert congress["names"] == {"en": ["Congressman"]}
    assert congress["aliases"] == ["Congressmen", "Congresswoman", "Congresswomen", "Congressperson"]
    defence = agents["phoenix-agent:minister_for_defence"]
    assert defence["aliases"] == ["Ministers for Defence", "Ministry for Defence", "Ministries for Defence"]
    assert (defence["sector"], defence["cameo"]) == ("GOV", ["~GOVMIL"])
    assert agents["phoenix-agent:human_rights_body"]["sector"] == "NGO"
    assert agents["phoenix-agent:human_rights_body"]["cameo"] == ["NGO~"]
    assert agents["phoenix-agent:islamic_militant"]["sector"] == "UAF"
    assert agents["phoenix-agent:security_force_mil"]["sector"] == "MIL"


def test_plural() -> None:
    assert plural("SOLDIER") == "SOLDIERS"
    assert plural("PARTY") == "PARTIES"
    assert plural("ATTORNEY") == "ATTORNEYS"
    assert plural("BOSS") == "BOSSES"
    assert plural("CHURCH") == "CHURCHES"
    assert plural("MEMBER OF PARLIAMENT") == "MEMBERS OF PARLIAMENT"
    assert plural("ALLEGED MILITANTS") is None


# --------------------------------------------------------------------------- files


def test_parse_file_chooses_by_content(tmp_path: Path) -> None:
    agents = write(tmp_path, AGENT_TEXT, "dictionary-one.txt")
    actors = write(tmp_path, "# x\n\nFRANCE_ [FRA]\n", "dictionary-two.txt")
    assert sniff_kind(agents) == "agents" and sniff_kind(actors) == "actors"
    assert {r["type"] for r in parse_file(agents) if isinstance(r, dict)} == {"agent"}
    assert [r["id"] for r in parse_file(actors) if isinstance(r, dict)] == ["phoenix:france"]
    both = [r["id"] for r in parse_files([actors, agents]) if isinstance(r, dict)]
    assert both[0] == "phoenix:france" and "phoenix-agent:police" in both


def test_import_summary_counts(tmp_path: Path) -> None:
    actors = write(
        tmp_path,
        "FRANCE_ [FRA]\nJOHN_DOE_\n\t[FRAGOV >100101]\n\t[FRAGOV 990101-000101]\n\t[FRAGOV 1]\n"
        "UN_ [IGOUNO]\nUN_ [IGOUNO]\nNOBODY_ [---]\n",
    )
    agents = write(tmp_path, AGENT_TEXT, "test.agents.txt")
    summary = import_summary([actors, agents])
    assert summary["files"][str(actors)] == {
        "kind": "actors",
        "actors": 3,
        "agents": 0,
        "roles": 2,
        "errors": 1,
        "duplicates": 1,
        "null_entries": 1,
        "types": {"state": 1, "person": 1, "igo": 1},
        "error_samples": [summary["files"][str(actors)]["error_samples"][0]],
    }
    assert summary["files"][str(agents)]["agents"] == 11
    assert summary["files"][str(agents)]["errors"] == 3
    assert summary["total"]["actors"] == 3 and summary["total"]["agents"] == 11
    assert summary["total"]["errors"] == 4


# --------------------------------------------------------------------------- property

LINE_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\ufeff")
DICTIONARY_BITS = st.sampled_from(
    ["[", "]", "+", "_", "#", "<!--", "-->", "\t", " ", "{", "}", "~", "!", "=", ">", "<", "-", ",", ";"]
    + ["USAGOV", "IGOUNO", "---", "990101", "20101231", "!PERSON!", "NAME_", "PERSON"]
)
LINE = st.lists(st.one_of(st.text(LINE_CHARS, max_size=8), DICTIONARY_BITS), max_size=8).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, max_size=25), agents=st.booleans())
def test_parser_never_raises_and_errors_carry_line_numbers(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], agents: bool
) -> None:
    directory = tmp_path_factory.mktemp("prop")
    path = directory / ("x.agents.txt" if agents else "x.actors.txt")
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    parser = parse_agents if agents else parse_actors
    items = list(parser(path))
    for item in items:
        if isinstance(item, ParseError):
            assert 1 <= item.lineno <= len(lines)
            assert item.line == lines[item.lineno - 1]
            assert item.reason and item.path == path
        else:
            assert item["id"].startswith("phoenix-agent:" if agents else "phoenix:")
            assert item["names"]["en"][0]
    list(parse_file(path))


# --------------------------------------------------------------------------- knowledge base contract


def test_actor_dicts_load_into_the_actor_model(dictionaries: dict[str, Any]) -> None:
    model = pytest.importorskip("veille.actors.model")
    actors = [r for r in dictionaries["records"].values() if r["type"] != "agent"]
    loaded = [model.Actor.from_dict(r, origin="phoenix") for r in actors]
    assert len(loaded) == len(actors)
    tokayev = next(a for a in loaded if a.id == "phoenix:kassym_jomart_tokayev")
    assert tokayev.origin == "phoenix" and tokayev.type == "person"
    # roles are listed by priority: in mid-2019 the GOV role wins over the ELI one
    first = tokayev.roles_on(date(2019, 6, 1))[0]
    assert (first.code, first.sector) == ("KAZ", "GOV")
    assert (tokayev.roles_on(date(2012, 1, 1))[0].code) == "UN"
