"""Importer for the Phoenix / PETRARCH2 CAMEO actor and agent dictionaries.

The dictionaries (``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt``, ``Phoenix.agents.txt``) use the TABARI/PETRARCH flat
format. This module turns them into the actor dicts the knowledge base accepts with
``origin="phoenix"`` (same shape as the curated YAML), plus generic *agent* dicts.

Actor files: a record is a primary phrase line (``NAME_ [CODE]`` — the code is optional),
``+SYNONYM_`` lines, then code lines ``<tab>[CODE restriction]``. Restrictions are ``>DATE``
(from), ``<DATE`` (until) or ``DATE-DATE``; dates are ``YYMMDD`` (00–30 → 20xx, else 19xx) or
``YYYYMMDD``, bounds inclusive. An undated code is the record's default code. Phrases use
``_`` (consecutive words) or blanks; a trailing ``_`` only means "no stemming". ``#`` and
``;`` start comments, ``<!-- ... -->`` comments may span lines, ``[---]`` is the null code.
As in PETRARCH, a primary line without any code that is *immediately* followed by another
primary line shares that record's codes: it is folded into it (first name kept as name).

Agent files: ``PHRASE {plural} [~CODE]`` (``~`` before the code: sector added after the
actor code; after it, e.g. ``NGO~``: before), substitution sets ``!PERSON! = MAN, MEN...``
used as ``CONGRESS!PERSON! [~LEG]``; regular plurals are generated unless ``{...}`` gives
them (``{}``: none).

Everything streams; malformed lines come out as :class:`ParseError` items (with their line
number) and parsing goes on.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

ORIGIN = "phoenix"
ACTOR_ID_PREFIX = "phoenix:"
AGENT_ID_PREFIX = "phoenix-agent:"
MAX_FORMS = 1000  # cap on the phrases one agent line may expand to

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ParseError:
    """A line that could not be used; it was skipped and parsing went on."""

    path: Path
    lineno: int
    line: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.lineno}: {self.reason}: {self.line.strip()!r}"


# --------------------------------------------------------------------------- CAMEO codes


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: CAMEO role/sector codes kept as veille sectors.
SECTORS = _words(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LEG HLH REF MOD RAD AGR DEV ELI "
    "ENV HRI LAB UAF INS SEP SET IGO NGO REL"
)
#: CAMEO religion codes: reported as sector REL.
RELIGIONS = _words("MUS CHR JEW HIN BUD SIK BAH TAO JAN ZRO SHI SUN SUF CTH PRO ORT CPT DOX MOS ALE ADR ATH CON ITR")
#: Sectors that make a non-person actor an armed *group*.
ARMED_SECTORS = frozenset({"REB", "UAF", "INS", "SEP"})

#: CAMEO state codes that differ from today's ISO 3166-1 alpha-3.
STATE_RENAMES = {"TMP": "TLS", "ZAR": "COD", "BUR": "MMR", "ROM": "ROU", "KSV": "XKX"}

#: IGO codes identified in the International dictionary → veille code (longest prefix wins).
IGO_CODES = {
    "IGOUNO": "UN",
    "IGOWSTNAT": "NATO",
    "IGOWSTBUS": "OECD",
    "IGOEUREEC": "EU",
    "IGOEURCOE": "COE",
    "IGOEURSCE": "OSCE",
    "IGOEURBUSEFT": "EFTA",
    "IGOEURDEVEBR": "EBRD",
    "IGOAFRAFU": "AU",
    "IGOAFROAU": "OAU",
    "IGOAFRDEVAFB": "AFDB",
    "IGOAFRDEVNEP": "NEPAD",
    "IGOAFRBUSCES": "COMESA",
    "IGOAFRBCA": "BEAC",
    "IGOWAFWAS": "ECOWAS",
    "IGOWAFBUSWAS": "ECOWAS",
    "IGOWAFDEVWAM": "UEMOA",
    "IGOWAFWAD": "BOAD",
    "IGOCAFECA": "ECCAS",
    "IGOCAFCEM": "CEMAC",
    "IGOSAFSAD": "SADC",
    "IGOSAFDEVSAD": "SADC",
    "IGOEAFEAC": "EAC",
    "IGOEAFDEVIAD": "IGAD",
    "IGODEVIAD": "IGAD",
    "IGOSEAASN": "ASEAN",
    "IGOSASSAA": "SAARC",
    "IGOMEAARL": "LAS",
    "IGOMEAAMU": "AMU",
    "IGOPGSGCC": "GCC",
    "IGOMOS": "OIC",
    "IGOMOSDEVIDB": "ISDB",
    "IGOCASCIS": "CIS",
    "IGOOAS": "OAS",
    "IGOCRB": "CARICOM",
    "IGONAMDEV": "IADB",
    "IGOASADEVADB": "ADB",
    "IGOOPC": "OPEC",
    "IGOBUSOPC": "OPEC",
    "IGOBUSIMF": "IMF",
    "IGOBUSWTO": "WTO",
    "IGOBUSBIS": "BIS",
    "IGOBUSGOE": "G8",
    "IGOGOE": "G8",
    "IGOGOS": "G7",
    "IGOBUSGSS": "G77",
    "IGOJUDICC": "ICC",
    "IGOCOPITP": "INTERPOL",
    "IGOLEGIPU": "IPU",
    "IGOIPU": "IPU",
    "IGONON": "NAM",
}
_IGO_PREFIXES = sorted(IGO_CODES, key=len, reverse=True)


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    current = {c.alpha_3 for c in pycountry.countries}
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(current | historic)


def _state(group: str) -> str | None:
    """veille state code for a 3-letter CAMEO group, or None when it is not a state."""
    if group in STATE_RENAMES:
        return STATE_RENAMES[group]
    return group if group in _iso_codes() else None


def _inner_state(groups: Iterable[str]) -> str | None:
    """First state among the groups after the first (MUS there is Muslim, not Mauritius)."""
    return next((s for s in map(_state, groups) if s and s not in RELIGIONS), None)


def _first_sector(groups: Iterable[str]) -> str | None:
    """First sector group; a religion (MUS, CHR...) only counts as REL when nothing else does."""
    religion = None
    for group in groups:
        if group in SECTORS:
            return group
        if religion is None and group in RELIGIONS:
            religion = "REL"
    return religion


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO code split into veille's code + sector."""

    raw: str
    code: str | None
    sector: str | None
    kind: str  # state, igo, ngo, mnc, img, sector, region


@lru_cache(maxsize=8192)
def decompose(cameo: str) -> CameoCode:
    """Split a CAMEO actor code (``RUSGOV``, ``IGOUNOREFHCR``, ``MNCUSA``...) into code + sector.

    The first three letters are a state (ISO alpha-3, historic codes kept), an
    IGO/NGO/MNC/IMG prefix, a bare sector (``ELI``, ``MED``), a religion, or a CAMEO region
    (``MEA``, ``WAF``...: code None). The sector is the first sector group that follows.
    """
    groups = [cameo[i : i + 3] for i in range(0, len(cameo), 3)]
    first, rest = groups[0], groups[1:]
    if first == "IGO":
        code = next((IGO_CODES[p] for p in _IGO_PREFIXES if cameo.startswith(p)), None)
        return CameoCode(cameo, code, "IGO", "igo")
    if first in ("NGO", "MNC"):
        code = _inner_state(rest)
        return CameoCode(cameo, code, "NGO" if first == "NGO" else "BUS", first.lower())
    if first == "IMG":
        code = _inner_state(rest)
        return CameoCode(cameo, code, "REB", "img")
    sector = _first_sector(rest)
    state = _state(first)
    if state:
        return CameoCode(cameo, state, sector, "state")
    own = _first_sector(groups)
    if first in SECTORS or first in RELIGIONS:
        return CameoCode(cameo, None, own, "sector")
    # CAMEO region (or an unknown prefix): a following state group still names the state,
    # e.g. USRARM (Soviet republic of Armenia).
    inner = _inner_state(rest[:1])
    return CameoCode(cameo, inner, sector, "state" if inner else "region")


# --------------------------------------------------------------------------- lexical helpers

_COMMENT_START = re.compile(r"[#;]")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"\s*([A-Z0-9]{3,}|---)(?:\s+(.*?))?\s*")
_OPEN_RESTRICTION = re.compile(r"([<>])\s*(\d+)")
_RANGE_RESTRICTION = re.compile(r"(\d+)\s*-\s*(\d+)")
_SYNONYM_SPLIT = re.compile(r"\s\+|\+_")
_BAD_NAME_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffd\[\]{}<>]")
_LOWER = re.compile(r"[a-z]")
_SEPARATORS = re.compile(r"[_\s]+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
_SLUG_DROP = re.compile(r"[^\w]+")
_MARKER_DEF = re.compile(r"!([A-Z]+)!\s*=\s*(.*)")
_MARKER = re.compile(r"!([A-Z]+)!")
_AGENT_LINE = re.compile(r"(?P<phrase>[^\[\]{}]+?)\s*(?:\{(?P<plural>[^{}\[\]]*)\})?\s*\[(?P<code>[^\[\]]*)\]")
_AGENT_CODE = re.compile(r"~([A-Z]{3}[A-Z0-9]*)|([A-Z]{3}[A-Z0-9]*)~")


class _CommentStripper:
    """Removes ``#``/``;`` comments and (possibly multi-line) ``<!-- -->`` comments."""

    __slots__ = ("in_block",)

    def __init__(self) -> None:
        self.in_block = False

    def __call__(self, line: str) -> tuple[str, str]:
        """Return (content, comment text)."""
        if self.in_block:
            end = line.find("-->")
            if end < 0:
                return "", ""
            self.in_block = False
            line = line[end + 3 :]
        if "<!--" in line:
            line = _HTML_COMMENT.sub(" ", line)
            start = line.find("<!--")
            if start >= 0:
                self.in_block = True
                line = line[:start]
        m = _COMMENT_START.search(line)
        if m:
            return line[: m.start()], line[m.end() :]
        return line, ""


def _iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1:
                raw = raw.lstrip("\ufeff")
            yield lineno, raw.rstrip("\r\n")


def parse_date(text: str) -> str:
    """``YYMMDD`` / ``YYYYMMDD`` → ISO date. Two-digit years: 00–30 → 20xx, else 19xx."""
    if len(text) == 6:
        yy = int(text[:2])
        year = yy + (2000 if yy <= 30 else 1900)
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"invalid date {text!r}") from None


def _clean_phrase(text: str) -> str:
    """Matching form: underscores/blank runs → one space, upper case."""
    return _SEPARATORS.sub(" ", text).strip().upper()


def _check_phrase(text: str) -> str | None:
    """Reason why a raw phrase is unusable, or None."""
    if _BAD_NAME_CHARS.search(text):
        return "corrupt character or unsupported pattern syntax in phrase"
    if not any(ch.isalnum() for ch in text):
        return "empty phrase"
    return None


_LOWER_WORDS = _words("of the and for in on at to by de du des del della da das dos van von der den y et bin ibn al")
_ROMAN = _words("II III IV VI VII VIII IX XI XII XIII")
_ACRONYMS = _words(
    """
    US UK UN EU USA USSR UAE NATO PLO ANC IRA ETA FARC ELN ISIS ISIL AQAP AQIM UNHCR UNICEF
    UNESCO UNDP IAEA IMF OPEC ASEAN ECOWAS SADC OSCE OECD WTO ICC ICJ AU CIA FBI KGB NGO
    """
)
_CONSONANTS = frozenset("BCDFGHJKLMNPQRSTVWXZ")
_CONSONANT_RUN = re.compile(r"[B-DF-HJ-NP-TV-XZ]{4}")
_ABBREVIATIONS = _words("MR MRS MS DR ST STE JR SR MT FT LT GEN COL CAPT SGT")


_CAP_AT = re.compile(r"""^[^\W\d_]|(?<=[-./("`])[^\W\d_]|(?<=^')[^\W\d_]|(?<=^[^\W\d_]')[^\W\d_]""")
_NO_VOWEL_WORD = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[^AEIOUYa-z\u0080-\U0010ffff]*")
_HAS_DIGIT = re.compile(r"\d")


def _cap_word(word: str) -> str:
    """CAPITALS → Capitals, also after ``-``, ``.``, ``(``, quotes, and O'/D'/L' prefixes."""
    return _CAP_AT.sub(lambda m: m.group(0).upper(), word.lower())


@lru_cache(maxsize=65536)
def display_name(phrase: str, *, acronyms: bool = True) -> str:
    """Title-case a dictionary phrase (``VLADIMIR_PUTIN_`` → ``Vladimir Putin``).

    Initials (``U.N.``), known acronyms (``US``, ``NATO``), parenthesised tokens, tokens with
    digits or without vowels and roman numerals stay upper case. With ``acronyms`` (names of
    organisations), so do a lone short token and short tokens with four consonants in a row
    (``OHCHR``). Title abbreviations (``MR.``, ``ST``) are capitalised.
    """
    words = _clean_phrase(phrase).split(" ")
    if acronyms and len(words) == 1 and len(words[0]) <= 4 and words[0].isalpha():
        return words[0]
    out = []
    for i, word in enumerate(words):
        if word.rstrip(".") in _ABBREVIATIONS:
            out.append(_cap_word(word))
        elif (
            word in _ACRONYMS
            or word in _ROMAN
            or word.startswith("(")
            or _INITIALS.fullmatch(word)
            or _HAS_DIGIT.search(word)
            or _NO_VOWEL_WORD.fullmatch(word)
            or (acronyms and len(word) <= 6 and _CONSONANT_RUN.search(word))
        ):
            out.append(word)
        elif i and word.lower() in _LOWER_WORDS:
            out.append(word.lower())
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()
    return _SLUG_DROP.sub("_", norm).replace("__", "_").strip("_") or "x"


@dataclass(slots=True)
class Registry:
    """State shared by the files of one import: ids handed out, emitted entries, skips.

    An entry identical to one already emitted under the same name (same type, codes, roles
    and no new alias) is dropped and counted in ``skipped["duplicate"]``; a different entry
    with the same name gets a suffixed id (``phoenix:john_smith_aus``).
    """

    ids: set[str] = field(default_factory=set)
    seen: dict[str, list[tuple[Any, frozenset[str]]]] = field(default_factory=dict)
    skipped: Counter[str] = field(default_factory=Counter)

    def claim(self, prefix: str, names: list[str], signature: Any, hint: str | None) -> str | None:
        """A fresh id for an entry, or None when it duplicates an emitted one."""
        base = slug(names[0])
        keys = frozenset(n.casefold() for n in names)
        previous = self.seen.setdefault(prefix + base, [])
        if any(sig == signature and keys <= known for sig, known in previous):
            self.skipped["duplicate"] += 1
            return None
        previous.append((signature, keys))
        candidate = prefix + base
        if candidate in self.ids and hint:
            candidate = f"{prefix}{base}_{slug(hint)}"
        stem, n = candidate, 2
        while candidate in self.ids:
            candidate = f"{stem}_{n}"
            n += 1
        self.ids.add(candidate)
        return candidate


def _dedupe(items: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = {x.casefold() for x in exclude}
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class _Code:
    cameo: str
    start: str | None
    end: str | None


def _parse_code(content: str) -> _Code | None:
    """One bracket's content → code (None for the null code); ValueError when malformed."""
    m = _CODE.fullmatch(content)
    if not m:
        raise ValueError(f"malformed code [{content}]")
    cameo, restriction = m.group(1), m.group(2) or ""
    if cameo == "---":
        return None
    if not restriction:
        return _Code(cameo, None, None)
    if m2 := _OPEN_RESTRICTION.fullmatch(restriction):
        day = parse_date(m2.group(2))
        return _Code(cameo, day, None) if m2.group(1) == ">" else _Code(cameo, None, day)
    if m2 := _RANGE_RESTRICTION.fullmatch(restriction):
        start, end = parse_date(m2.group(1)), parse_date(m2.group(2))
        if end < start:
            raise ValueError(f"date range ends before it starts [{content}]")
        return _Code(cameo, start, end)
    raise ValueError(f"malformed date restriction [{content}]")


def _parse_codes(text: str) -> list[_Code | None]:
    """All ``[...]`` groups of a line; text around them is ignored, stray brackets are not."""
    codes = [_parse_code(m.group(1)) for m in _BRACKET.finditer(text)]
    rest = _BRACKET.sub("", text)
    if "[" in rest or "]" in rest:
        raise ValueError("unbalanced bracket")
    return codes


def _split_synonyms(text: str) -> list[str]:
    """``A_+_B_`` / ``A_ +B_`` hold two phrases; a ``+`` inside a name (``B+H_``) is kept."""
    return _SYNONYM_SPLIT.split(text)


@dataclass(slots=True)
class _Entry:
    lineno: int
    raw: str
    names: list[str]
    comments: list[str]
    codes: list[_Code] = field(default_factory=list)
    null: bool = False


_ORG_WORDS = _words(
    """
    ORGANIZATION ORGANISATION ORGANIZATIONS ASSOCIATION ASSOCIATIONS COMMITTEE COMMITTEES
    COMMISSION COMMISSIONS COUNCIL COUNCILS PARTY PARTIES MINISTRY MINISTRIES DEPARTMENT
    AGENCY AGENCIES OFFICE BUREAU ARMY ARMIES FORCE FORCES POLICE GUARD GUARDS NAVY MILITARY
    BRIGADE BRIGADES FRONT MOVEMENT UNION LEAGUE FEDERATION CONFEDERATION ALLIANCE COALITION
    BANK BANKS FUND FOUNDATION INSTITUTE INSTITUTION INSTITUTIONS CENTER CENTRE UNIVERSITY
    COLLEGE SCHOOL ACADEMY SOCIETY COMPANY CO CORPORATION CORP INC LTD LIMITED PLC GROUP
    GROUPS HOLDINGS INDUSTRIES GOVERNMENT GOVERNMENTS ADMINISTRATION CABINET PARLIAMENT
    ASSEMBLY CONGRESS SENATE COURT TRIBUNAL SECRETARIAT MISSION PROGRAM PROGRAMME PROJECT
    NETWORK FORUM CONFERENCE TREATY COMMUNITY SERVICE SERVICES AUTHORITY REGIME JUNTA NATIONS
    STATES REPUBLIC KINGDOM EMBASSY CONSULATE CHURCH TIMES NEWS POST TELEVISION RADIO PRESS
    CHAMBER BOARD CORPS UNIT CELL CELLS BATTALION REGIMENT DIVISION COMMAND MILITIA MILITIAS
    RESISTANCE REBELS INSURGENTS FIGHTERS SOLDIERS TROOPS WORKERS PEOPLE TEAM CLUB TRUST
    PARTNERSHIP INITIATIVE SYNDICATE CARTEL GANG MAFIA MINISTERS COUNTRIES HOUSE PALACE
    DIRECTORATE OPPOSITION POLITBURO PRESIDIUM SOVIET SOVIETS PANEL BODY ORDER
    """
)


def _source_kind(path: Path) -> str:
    name = path.name.lower()
    if "countries" in name:
        return "countries"
    if "international" in name or "internatnl" in name:
        return "international"
    if "milnonstate" in name or "mnsa" in name:
        return "nonstate"
    return "generic"


def _infer_type(entry: _Entry, parts: list[CameoCode], source: str) -> str:
    kinds = {p.kind for p in parts}
    sectors = {p.sector for p in parts}
    if kinds == {"state"} and sectors == {None}:
        return "state"
    comment = " ".join(entry.comments).upper()
    if "COUNTRYINFO" in comment or "ELI" in sectors:
        return "person"
    primary = entry.names[0]
    words = primary.split(" ")
    if "igo" in kinds:
        org_type = "igo"
    elif "img" in kinds or sectors & ARMED_SECTORS or source == "nonstate":
        org_type = "group"
    else:
        org_type = "organisation"
    if kinds & {"mnc", "ngo"} or any(w in _ORG_WORDS or w.endswith("'S") for w in words):
        return org_type
    # an initial (J. or a lone consonant: GHULAM_N_BUTT) — but not E/I/A/Y as in LASHKAR_E_TAIBA
    initials = any(_INITIALS.fullmatch(w) or w in _CONSONANTS for w in words)
    if initials and len(words) > 1:
        return "person"
    if source == "nonstate" or len(words) == 1:
        return org_type
    if source == "countries" and not any(c.start or c.end for c in entry.codes):
        # undated country-level entries without a person marker: institutions and metonyms
        # (KREMLIN, WHITE_HOUSE...) far more often than people.
        return org_type
    return "person"


def _role(part: CameoCode, code: _Code) -> dict[str, Any]:
    return {"code": part.code, "sector": part.sector, "title": None, "start": code.start, "end": code.end}


def _build_actor(entry: _Entry, source: str, registry: Registry) -> Record | None:
    parts = [decompose(c.cameo) for c in entry.codes]
    kind = _infer_type(entry, parts, source)
    pairs = list(zip(parts, entry.codes, strict=True))
    defaults = [(p, c) for p, c in pairs if c.start is None and c.end is None]
    dated = [(p, c) for p, c in pairs if c.start is not None or c.end is not None]
    top: CameoCode | None = defaults[0][0] if defaults else None
    if top is None and dated and kind != "person":
        # latest role stands for the actor (a state's or an organisation's current code)
        top = max(dated, key=lambda pc: (pc[1].end is None, pc[1].end or "", pc[1].start or ""))[0]
    roles: list[dict[str, Any]] = []
    for p, c in dated + defaults[1:]:
        role = _role(p, c)
        if role not in roles:
            roles.append(role)
    # listed by priority (the knowledge base takes the first role valid on a date): PETRARCH
    # tries codes in file order; elite (ELI: former officials...) and undated roles go last
    roles.sort(key=lambda r: (r["start"] is None and r["end"] is None, r["sector"] == "ELI"))
    acronyms = kind not in ("person", "state")
    names = _dedupe(display_name(n, acronyms=acronyms) for n in entry.names)
    code = top.code if top else None
    sector = None if top is None or kind == "state" else top.sector
    cameo = list(dict.fromkeys(c.cameo for c in entry.codes))
    signature = (kind, code, sector, repr(roles), tuple(cameo))
    actor_id = registry.claim(ACTOR_ID_PREFIX, names, signature, top.raw if top else None)
    if actor_id is None:
        return None
    return {
        "id": actor_id,
        "type": kind,
        "origin": ORIGIN,
        "names": {"en": names[:1]},
        "aliases": names[1:],
        "roles": roles,
        "members": [],
        "code": code,
        "sector": sector,
        "cameo": cameo,
    }


def parse_actors(
    path: Path | str, *, registry: Registry | None = None, source: str | None = None
) -> Iterator[Record | ParseError]:
    """Stream a CAMEO actor dictionary as actor dicts and :class:`ParseError` items.

    ``registry`` (shared between calls) keeps ids unique across files and drops entries
    already emitted; ``source`` (countries, international, nonstate, generic) overrides the
    guess from the file name used to infer actor types.
    """
    path = Path(path)
    registry = Registry() if registry is None else registry
    return _parse_actor_lines(_iter_lines(path), path, source or _source_kind(path), registry)


def _parse_actor_lines(
    lines: Iterable[tuple[int, str]], path: Path, source: str, registry: Registry
) -> Iterator[Record | ParseError]:
    strip = _CommentStripper()
    entry: _Entry | None = None
    skipping = False  # continuation lines of a rejected entry
    adjacent = False  # the previous line was a name line of `entry`

    def finish(done: _Entry) -> Iterator[Record | ParseError]:
        if done.codes:
            actor = _build_actor(done, source, registry)
            if actor is not None:
                yield actor
        elif done.null:
            registry.skipped["null code"] += 1
        else:
            yield ParseError(path, done.lineno, done.raw, "entry has no code; skipped")

    def add_names(entry: _Entry, text: str, lineno: int, raw: str) -> Iterator[ParseError]:
        for syn in _split_synonyms(text):
            reason = _check_phrase(syn)
            if reason:
                yield ParseError(path, lineno, raw, reason)
            else:
                entry.names.append(_clean_phrase(syn))

    for lineno, raw in lines:
        content, comment = strip(raw)
        text = content.strip()
        if not text:
            adjacent = False
            continue
        head = text[0]
        if head != "+" and (head == "[" or raw[0] in " \t"):
            # code line: [CODE restriction]... (PETRARCH reads any indented line holding a
            # bracket as one; a name before the bracket is kept as a synonym)
            adjacent = False
            if skipping:
                continue
            code_at = text.find("[")
            if code_at < 0:
                yield ParseError(path, lineno, raw, "indented line is neither a code nor a synonym")
                continue
            if entry is None:
                yield ParseError(path, lineno, raw, "code line before any entry")
                continue
            try:
                codes = _parse_codes(text[code_at:])
            except ValueError as exc:
                yield ParseError(path, lineno, raw, str(exc))
                continue
            entry.codes.extend(c for c in codes if c is not None)
            entry.null |= None in codes
            if code_at:
                yield from add_names(entry, text[:code_at], lineno, raw)
            continue
        if head == "+":
            if skipping:
                continue
            if entry is None:
                yield ParseError(path, lineno, raw, "synonym before any entry")
                continue
            body = text[1:]
            code_at = body.find("[")
            if code_at >= 0:  # a code on a synonym line still belongs to the entry
                try:
                    codes = _parse_codes(body[code_at:])
                except ValueError as exc:
                    yield ParseError(path, lineno, raw, str(exc))
                    continue
                body = body[:code_at]
                entry.codes.extend(c for c in codes if c is not None)
                entry.null |= None in codes
            yield from add_names(entry, body, lineno, raw)
            continue
        # primary line: NAME_ [CODE]...
        code_at = text.find("[")
        first, *extra = _split_synonyms(text if code_at < 0 else text[:code_at])
        reason = _check_phrase(first) or next(filter(None, map(_check_phrase, extra)), None)
        if reason is None and _LOWER.search(first):
            reason = "lower-case text where an entry name is expected"
        codes = []
        if reason is None and code_at >= 0:
            try:
                codes = _parse_codes(text[code_at:])
            except ValueError as exc:
                reason = str(exc)
        if reason is not None:
            if entry is not None:
                yield from finish(entry)
            entry, skipping, adjacent = None, True, False
            yield ParseError(path, lineno, raw, f"{reason}; entry skipped")
            continue
        new = _Entry(
            lineno,
            raw,
            [_clean_phrase(first), *map(_clean_phrase, extra)],
            [comment],
            [c for c in codes if c is not None],
            None in codes,
        )
        if entry is not None:
            if adjacent and not entry.codes and not entry.null:
                # PETRARCH: a code-less primary line shares the codes of the entry that
                # follows it directly; fold it in (its name stays the display name)
                new.names[:0] = entry.names
                new.comments[:0] = entry.comments
                new.lineno, new.raw = entry.lineno, entry.raw
            else:
                yield from finish(entry)
        entry, skipping, adjacent = new, False, True
    if entry is not None:
        yield from finish(entry)


# --------------------------------------------------------------------------- agents


_PREPOSITIONS = _words("OF FOR TO IN AT ON FROM WITH AGAINST")


def _plural_word(word: str) -> str | None:
    if word.endswith("S") and not word.endswith(("SS", "US", "IS")):
        return None  # already plural (MILITANTS, CORPS, NEWS)
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def plural(phrase: str) -> str | None:
    """Regular English plural of a phrase's head word, None when it looks plural already.

    SOLDIER → SOLDIERS, PARTY → PARTIES, HEAD OF STATE → HEADS OF STATE.
    """
    words = phrase.split(" ")
    head = next((i - 1 for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words) - 1)
    word = _plural_word(words[head])
    if word is None:
        return None
    return " ".join([*words[:head], word, *words[head + 1 :]])


def _agent_sector(code: str) -> str:
    group = code[:3]
    if group == "MNC":
        return "BUS"
    if group == "IMG":
        return "REB"
    return _first_sector(code[i : i + 3] for i in range(0, len(code), 3)) or group


def parse_agents(path: Path | str, *, registry: Registry | None = None) -> Iterator[Record | ParseError]:
    """Stream a PETRARCH agents dictionary as agent dicts and :class:`ParseError` items."""
    path = Path(path)
    registry = Registry() if registry is None else registry
    return _parse_agent_lines(_iter_lines(path), path, registry)


def _parse_agent_lines(
    lines: Iterable[tuple[int, str]], path: Path, registry: Registry
) -> Iterator[Record | ParseError]:
    strip = _CommentStripper()
    markers: dict[str, list[str]] = {}
    for lineno, raw in lines:
        text = strip(raw)[0].strip()
        if not text:
            continue
        if m := _MARKER_DEF.fullmatch(text):
            items = [_clean_phrase(x) for x in m.group(2).split(",") if x.strip()]
            if items:
                markers[m.group(1)] = items
            else:
                yield ParseError(path, lineno, raw, "empty substitution set")
            continue
        m = _AGENT_LINE.fullmatch(text)
        if not m:
            yield ParseError(path, lineno, raw, "expected 'PHRASE {plural} [~CODE]'")
            continue
        cm = _AGENT_CODE.fullmatch(m.group("code").strip())
        if not cm:
            yield ParseError(path, lineno, raw, f"malformed agent code [{m.group('code')}]")
            continue
        phrase = m.group("phrase")
        reason = _check_phrase(phrase)
        if reason:
            yield ParseError(path, lineno, raw, reason)
            continue
        names = _MARKER.findall(phrase)
        missing = [n for n in names if n not in markers]
        if missing:
            yield ParseError(path, lineno, raw, f"undefined substitution marker !{missing[0]}!")
            continue
        pieces = _MARKER.split(phrase)  # text, marker, text, marker, ...
        if "!" in "".join(pieces[::2]):
            yield ParseError(path, lineno, raw, "unbalanced substitution marker")
            continue
        choices = [[p] if i % 2 == 0 else markers[p] for i, p in enumerate(pieces)]
        if math.prod(map(len, choices)) > MAX_FORMS:
            yield ParseError(path, lineno, raw, "substitution markers expand to too many forms")
            continue
        forms = [_clean_phrase("".join(combo)) for combo in itertools.product(*choices)]
        brace = m.group("plural")
        if brace is not None:
            plurals = [_clean_phrase(p) for p in brace.split()]
        elif names:
            plurals = []  # substitution sets already list their plural forms
        else:
            plurals = [p for p in map(plural, forms) if p]
        code = cm.group(1) or cm.group(2)
        cameo = cm.group(0)
        sector = _agent_sector(code)
        shown = _dedupe(display_name(f, acronyms=False) for f in forms + plurals)
        agent_id = registry.claim(AGENT_ID_PREFIX, shown, (sector, cameo), sector)
        if agent_id is None:
            continue
        yield {
            "id": agent_id,
            "type": "agent",
            "origin": ORIGIN,
            "names": {"en": shown[:1]},
            "aliases": shown[1:],
            "sector": sector,
            "cameo": [cameo],
        }


# --------------------------------------------------------------------------- files


def sniff_kind(path: Path | str, max_lines: int = 500) -> str:
    """``"agents"`` or ``"actors"``, from the first codes of the file (file name as fallback)."""
    path = Path(path)
    strip = _CommentStripper()
    for lineno, raw in _iter_lines(path):
        if lineno > max_lines:
            break
        text = strip(raw)[0].strip()
        if _MARKER_DEF.fullmatch(text):
            return "agents"
        for m in _BRACKET.finditer(text):
            return "agents" if "~" in m.group(1) else "actors"
    return "agents" if "agent" in path.name.lower() else "actors"


def parse_file(path: Path | str, *, registry: Registry | None = None) -> Iterator[Record | ParseError]:
    """Parse an actor or agent dictionary, choosing the parser by the file's content."""
    if sniff_kind(path) == "agents":
        return parse_agents(path, registry=registry)
    return parse_actors(path, registry=registry)


def parse_files(paths: Iterable[Path | str], *, registry: Registry | None = None) -> Iterator[Record | ParseError]:
    """Parse several dictionaries with one registry: ids unique across all of them."""
    registry = Registry() if registry is None else registry
    for path in paths:
        yield from parse_file(path, registry=registry)


_COUNTS = ("actors", "agents", "roles", "errors", "duplicates", "null_entries")


def import_summary(paths: Iterable[Path | str], *, max_error_samples: int = 5) -> dict[str, Any]:
    """Per-file and total counts: actors, agents, roles, errors, skipped duplicates and
    null-coded (``[---]``) entries, actor types, and the first few errors."""
    registry = Registry()
    files: dict[str, dict[str, Any]] = {}
    total: Counter[str] = Counter()
    for path in map(Path, paths):
        kind = sniff_kind(path)
        counts: Counter[str] = Counter()
        types: Counter[str] = Counter()
        samples: list[str] = []
        before = registry.skipped.copy()
        for item in parse_file(path, registry=registry):
            if isinstance(item, ParseError):
                counts["errors"] += 1
                if len(samples) < max_error_samples:
                    samples.append(str(item))
            elif item["type"] == "agent":
                counts["agents"] += 1
            else:
                counts["actors"] += 1
                counts["roles"] += len(item["roles"])
                types[item["type"]] += 1
        counts["duplicates"] = registry.skipped["duplicate"] - before["duplicate"]
        counts["null_entries"] = registry.skipped["null code"] - before["null code"]
        stats = {k: counts[k] for k in _COUNTS}
        files[str(path)] = {"kind": kind, **stats, "types": dict(types), "error_samples": samples}
        total.update(stats)
    return {"files": files, "total": {k: total[k] for k in _COUNTS}}
