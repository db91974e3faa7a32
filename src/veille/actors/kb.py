"""The actor knowledge base: states (pycountry + curated French usage), IGOs,
organisations, people with dated roles, demonyms, places and the sector lexicon.

Data lives in ``data/*.yaml``; this module only loads and indexes it.

    kb = KnowledgeBase.default()
    [a.id for a in kb.lookup("Toqaev")]                   # ['tokayev']
    kb.affiliation(kb.get("stoltenberg"), date(2005, 6, 1))  # ('NOR', 'OPP')
    kb.affiliation(kb.get("stoltenberg"), date(2022, 6, 1))  # ('NATO', 'GOV')

Reading a description in a plain string ("ministère arménien de la Défense") is
``actors/describe.py``'s ``describe_text(kb, text)``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from veille.actors.lexicon import DATA_DIR, Lexicon, demonym_forms, lexicon_sequence, lexicon_words
from veille.actors.model import Actor, Membership, Role, parse_date
from veille.actors.normalize import fold, translit_key
from veille.actors.towns import declared_places, read_places
from veille.datafile import DataFileError

ORIGIN_RANK = {"phoenix": 0, "curated": 1, "user": 2}
CURATED_FILES = ("igos.yaml", "organisations.yaml", "people.yaml")
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_ARTICLES = lexicon_words("name_articles")  # the words: data/sectors.yaml, `words`
# the tail of a name written inverted after a comma ("Corée, République de", "Salomon, Îles")
_INVERTED = lexicon_words("inverted_name_connectors")
_INVERTED_ONE_WORD = frozenset(c for c in _INVERTED if " " not in c)  # its last word
_INVERTED_PHRASES = tuple(sorted(" " + c for c in _INVERTED if " " in c))  # its end, after a blank
_INVERTED_BEGINNINGS = lexicon_sequence("inverted_name_beginnings")


def name_key(text: str) -> str:
    """Lookup key of a name: words only, folded and transliteration-merged,
    without a leading article ("l'OTAN" -> "otan")."""
    words = _WORDS.findall(text)
    while len(words) > 1 and fold(words[0]) in _ARTICLES:
        words = words[1:]
    return " ".join(translit_key(word) for word in words)


def to_date(on: dt.date | str | None) -> dt.date:
    """A date from a date, an ISO string (partial allowed) or None (today)."""
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.date):
        return on
    try:
        return parse_date(on) or dt.date.today()
    except ValueError:
        return dt.date.today()


class KnowledgeBase:
    """Actors by id, searchable by any of their names."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._actors: dict[str, Actor] = {}
        self._index: dict[str, set[str]] = defaultdict(set)
        self._demonyms: dict[str, str] = {}  # folded form -> state code
        self._demonym_surfaces: dict[str, str] = {}  # surface form -> state code
        self._combining: dict[str, str] = {}  # folded first element of a compound demonym ("russo") -> state code
        self._places: dict[str, tuple[str, str | None]] = {}  # key -> (surface, code or None)
        self._seats: dict[str, str] = {}  # city key -> the organisation it seats (places.yaml seats)
        self.seat_place_prepositions: frozenset[str] = frozenset()
        self._regions: dict[str, set[str]] = defaultdict(set)  # folded region -> state codes
        # "le Nord" in a text about both Koreas: word -> [(state it names, the other half it needs)]
        self._halves: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._ambiguous: set[str] = set()
        self._by_code: dict[str, str] = {}  # state/IGO code -> actor id
        self.agents: dict[str, dict[str, Any]] = {}  # imported generic agents (Phoenix "police" -> COP)
        self.lexicon: Lexicon = lexicon or Lexicon()

    # ------------------------------------------------------------------ loading
    @classmethod
    def default(cls, extra_files: Sequence[Path] = ()) -> KnowledgeBase:
        """States from pycountry and the curated YAML, then ``extra_files``
        (YAML lists of actor dicts, origin "user" unless they say otherwise)."""
        kb = cls(Lexicon.load())
        kb.load_states()
        for name in CURATED_FILES:
            kb.load_yaml(DATA_DIR / name, origin="curated")
        kb.load_places()
        for path in extra_files:
            kb.load_yaml(Path(path), origin=None)
        return kb

    def load_yaml(self, path: Path, origin: str | None = "curated") -> int:
        """Add every actor dict of a YAML list; returns how many were read."""
        text = Path(path).read_text(encoding="utf-8")
        # JSON for big imported files: the same shape, parsed far faster than YAML
        data = (json.loads(text) if Path(path).suffix == ".json" else yaml.safe_load(text)) or []
        if isinstance(data, Mapping):
            data = data.get("actors") or []
        for item in data:
            self.add(item, origin=origin or item.get("origin") or "user")
        return len(data)

    def add_all(self, items: Iterable[Actor | Mapping[str, Any]], origin: str | None = None) -> int:
        """Add many actors (e.g. ``phoenix.parse_files(...)`` output); items that
        are not actor dicts (parse errors) are skipped. Returns how many were added."""
        added = 0
        for item in items:
            if isinstance(item, Actor | Mapping):
                self.add(item, origin=origin)
                added += 1
        return added

    def load_states(self, path: Path | None = None) -> None:
        """ISO 3166-1 states with English and French names, then states.yaml."""
        import pycountry

        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
        curated: dict[str, Any] = yaml.safe_load((path or DATA_DIR / "states.yaml").read_text(encoding="utf-8"))
        self._ambiguous |= {fold(name) for name in curated.get("ambiguous_names") or []}
        self._combining.update({fold(str(form)): str(code).upper()
                                for form, code in (curated.get("combining_forms") or {}).items()})
        for country in pycountry.countries:
            english = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
            english = [name for name in english if name]
            names_en: list[str] = []
            names_fr: list[str] = []
            for name in english:
                names_en.extend(_iso_variants(name))
                names_fr.extend(_iso_variants(french.gettext(name)))
            self.add(Actor(id=country.alpha_3, type="state", code=country.alpha_3,
                           names={"fr": _unique(names_fr), "en": _unique(names_en)}), origin="curated")
        for code, info in (curated.get("states") or {}).items():
            info = info or {}
            code = str(code).upper()
            names = {lang: [str(n) for n in values] for lang, values in (info.get("names") or {}).items()}
            capitals = [str(c) for c in info.get("capitals") or []]
            epithets = [str(e) for e in info.get("epithets") or []]
            _declared_once(path or DATA_DIR / "states.yaml", code, names, [capitals, epithets])
            actor = Actor(id=code, type="state", code=code, names=names, aliases=capitals + epithets,
                          regions=[str(r) for r in info.get("regions") or []])
            if info.get("end"):
                actor.roles = [Role(code=code, start=None, end=parse_date(info["end"], end=True))]
            # curated data completes the ISO entry without replacing it
            if code in self._actors:
                self._merge_into(self._actors[code], actor, prepend=True)
            else:
                self.add(actor, origin="curated")
            self._index_actor(self._actors[code])
            bases = [str(d) for d in info.get("demonyms") or []]
            forms = bases if len(bases) >= 4 else [form for base in bases for form in demonym_forms(base)]
            for form in forms:
                self._demonyms.setdefault(fold(form), code)
                self._demonym_surfaces.setdefault(form, code)
            for region in actor.regions:
                self._regions[fold(region)].add(code)
            half = info.get("half")
            if half:
                self._halves[str(half["name"])].append((code, str(half["of"]).upper()))

    def load_places(self, path: Path | None = None) -> None:
        """The declared places (`veille.actors.towns`: the shipped data/places.yaml, or ``path``)."""
        places = declared_places() if path is None else read_places(path)
        for town, code in places.towns:
            self._places[name_key(town)] = (town, code)
        for region in places.regions:
            self._places.setdefault(name_key(region), (region, None))
        for city, code in places.seats:
            self._seats[name_key(city)] = code
        self.seat_place_prepositions = places.seat_place_prepositions

    # ------------------------------------------------------------------ adding
    def add(self, item: Actor | Mapping[str, Any], origin: str | None = None) -> Actor | None:
        """Add an actor (or its dict). Same id: imported entries never override
        curated ones; a later curated entry's roles take precedence. Generic
        agent dicts (``type: agent``, from the Phoenix importer) are kept apart in
        ``agents`` (None is returned)."""
        if not isinstance(item, Actor) and item.get("type") == "agent":
            self.agents.setdefault(str(item["id"]), dict(item))
            return None
        actor = item if isinstance(item, Actor) else Actor.from_dict(item, origin)
        if origin:
            actor.origin = origin  # type: ignore[assignment]
        existing = self._actors.get(actor.id)
        if existing is None:
            self._actors[actor.id] = actor
        elif ORIGIN_RANK[actor.origin] >= ORIGIN_RANK[existing.origin]:
            self._merge_into(existing, actor, prepend=True)
            existing.origin = actor.origin
            for attr in ("type", "code", "sector"):
                if getattr(actor, attr):
                    setattr(existing, attr, getattr(actor, attr))
        else:
            self._merge_into(existing, actor, prepend=False)
        stored = self._actors[actor.id]
        self._index_actor(stored)
        return stored

    def _merge_into(self, target: Actor, other: Actor, *, prepend: bool) -> None:
        for lang, names in other.names.items():
            current = target.names.setdefault(lang, [])
            target.names[lang] = _unique([*names, *current] if prepend else [*current, *names])
        target.aliases = _unique([*other.aliases, *target.aliases] if prepend else [*target.aliases, *other.aliases])
        new_roles = [role for role in other.roles if role not in target.roles]
        target.roles = [*new_roles, *target.roles] if prepend else [*target.roles, *new_roles]
        members = [m for m in other.members if m not in target.members]
        target.members = [*members, *target.members] if prepend else [*target.members, *members]
        target.tags = _unique([*target.tags, *other.tags])
        target.regions = _unique([*target.regions, *other.regions])

    def _index_actor(self, actor: Actor) -> None:
        for form in actor.surface_forms():
            key = name_key(form)
            if key:
                self._index[key].add(actor.id)
        if actor.type in ("state", "igo") and actor.code:
            self._by_code.setdefault(actor.code, actor.id)

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def by_code(self, code: str) -> Actor | None:
        """The state or IGO actor whose code is ``code``."""
        actor_id = self._by_code.get(code.upper())
        return self._actors.get(actor_id) if actor_id else None

    def lookup(self, name: str) -> list[Actor]:
        """Actors with this name (accent, case, apostrophe, hyphen and
        transliteration tolerant), curated before imported."""
        ids = self._index.get(name_key(name), set())
        actors = [self._actors[i] for i in ids]
        actors.sort(key=lambda a: (-ORIGIN_RANK[a.origin], a.type != "state", a.id))
        return actors

    def search(self, text: str, limit: int = 20) -> list[Actor]:
        """Actors whose id, name or alias contains ``text`` (folded), best first."""
        needle = fold(text)
        if not needle:
            return []
        exact = {a.id for a in self.lookup(text)}
        scored: list[tuple[int, str]] = []
        for actor in self._actors.values():
            forms = [fold(form) for form in actor.surface_forms()] + [actor.id.casefold()]
            if actor.id in exact:
                scored.append((0, actor.id))
            elif any(form.startswith(needle) for form in forms):
                scored.append((1, actor.id))
            elif any(needle in form for form in forms):
                scored.append((2, actor.id))
        scored.sort()
        return [self._actors[actor_id] for _, actor_id in scored[:limit]]

    def names(self) -> Iterator[tuple[str, str]]:
        """(surface form, actor id) for gazetteer building; names listed as
        ambiguous in states.yaml (Maurice, Dominique...) are left out."""
        for actor in self._actors.values():
            for form in actor.surface_forms():
                if fold(form) not in self._ambiguous:
                    yield form, actor.id

    def demonyms(self) -> Iterator[tuple[str, str]]:
        """(demonym form, state code): kazakh, kazakhe, kazakhs, kazakhes..."""
        yield from self._demonym_surfaces.items()

    def compound_demonym(self, word: str) -> list[tuple[str, str]] | None:
        """The (element, state code) of each element of a compound demonym ("russo-ukrainiens": russo RUS,
        ukrainiens UKR): first elements of `combining_forms`, a demonym last, two states at least; else None."""
        parts = word.split("-")
        if len(parts) < 2:
            return None
        codes = [self._combining.get(fold(part)) for part in parts[:-1]] \
            + [self._demonyms.get(fold(parts[-1])) or self._group_state(parts[-1])]
        if not all(codes) or len(set(codes)) < 2:
            return None
        return [(part, str(code)) for part, code in zip(parts, codes, strict=True)]

    def _group_state(self, word: str) -> str | None:
        """The one state an armed or political group named ``word`` belongs to in all its roles ("houthis" in
        "les pourparlers saoudo-houthis"), else None."""
        codes = {code for actor in self.lookup(word) if actor.type == "group"
                 for code in (actor.code, *(role.code for role in actor.roles))}
        codes.discard(None)
        return next(iter(codes)) if len(codes) == 1 else None

    def demonym(self, word: str) -> str | None:
        return self._demonyms.get(fold(word))

    def places(self) -> Iterator[tuple[str, str | None]]:
        """(place name, state code or None) for cities and regions."""
        yield from self._places.values()

    def place(self, name: str) -> tuple[str, str | None] | None:
        return self._places.get(name_key(name))

    def seat(self, name: str) -> str | None:
        """The organisation a city seats and names by metonymy ("Bruxelles": EU), if any."""
        return self._seats.get(name_key(name))

    def states_in_region(self, region: str) -> set[str]:
        return set(self._regions.get(fold(region), set()))

    def halves(self, word: str) -> list[tuple[str, str]]:
        """States a bare compass word names in a text that names both halves ("le Nord": PRK, with KOR)."""
        return self._halves.get(word, [])

    def is_ambiguous(self, name: str) -> bool:
        return fold(name) in self._ambiguous

    # ------------------------------------------------------------------ dated knowledge
    def role_on(self, actor: Actor, on: dt.date | str | None = None) -> Role | None:
        """The role that gives ``actor`` its affiliation on a date: the first valid
        one, else (a former office holder) the latest one that had ended."""
        day = to_date(on)
        for role in actor.roles:
            if role.valid_on(day):
                return role
        ended = [role for role in actor.roles if role.end is not None and role.end < day]
        if ended:
            return max(ended, key=lambda role: role.end or dt.date.min)
        return None

    def affiliation(self, actor: Actor, on: dt.date | str | None = None) -> tuple[str | None, str | None]:
        """(code, sector) of ``actor`` on a date (None: today)."""
        if actor.roles:
            role = self.role_on(actor, on)
            if role is not None and role.code:
                return role.code, role.sector or actor.sector
            if actor.type == "person" or not actor.code:
                return None, None
        return actor.code, actor.sector

    def active_on(self, actor: Actor, on: dt.date | str | None = None) -> bool:
        """Whether some role of ``actor`` is valid on the date (True without roles)."""
        if not actor.roles:
            return True
        day = to_date(on)
        return any(role.valid_on(day) for role in actor.roles)

    def holders(self, concept: str, code: str, on: dt.date | str | None = None) -> list[Actor]:
        """People whose role valid on the date is ``concept`` (head_of_state,
        foreign_minister...) for ``code``: "le président kazakh" -> Tokayev."""
        day = to_date(on)
        found = []
        for actor in self._actors.values():
            if actor.type != "person":
                continue
            for role in actor.roles:
                if role.code == code and role.valid_on(day) and \
                        self.lexicon.concept_of_title(role.title) == concept:
                    found.append(actor)
                    break
        return found

    def title_holders(self, title: str, on: dt.date | str | None = None) -> list[Actor]:
        """People whose role valid on the date has exactly this title (folded)."""
        day, wanted = to_date(on), fold(title)
        return [actor for actor in self._actors.values() if actor.type == "person"
                and any(role.valid_on(day) and role.title and fold(role.title) == wanted for role in actor.roles)]

    def members(self, code: str, on: dt.date | str | None = None, *, observers: bool = False) -> set[str]:
        """Member states of an IGO on a date."""
        actor = self.by_code(code)
        return actor.members_on(to_date(on), observers=observers) if actor else set()

    def add_membership(self, igo_id: str, membership: Membership) -> None:
        self._actors[igo_id].members.append(membership)


def _iso_variants(name: str) -> list[str]:
    """'Russie, Fédération de' -> ['Russie', 'Fédération de Russie']; drops '(...)'."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if "," not in name:
        return [name] if name else []
    head, tail = (part.strip() for part in name.split(",", 1))
    out = [head]
    tail_folded = fold(tail)
    if tail_folded.endswith("'"):
        out.append(f"{tail}{head}")
    elif tail_folded.split(" ")[-1] in _INVERTED_ONE_WORD or tail_folded.endswith(_INVERTED_PHRASES) or \
            tail_folded.startswith(_INVERTED_BEGINNINGS):
        out.append(f"{tail} {head}")
    return out


def _declared_once(path: Path, code: str, names: dict[str, list[str]], others: list[list[str]]) -> None:
    """A state's form is declared once: twice in one list, or both as a name and as a capital or an epithet
    (a fixed description of the state is an epithet, not a name), is an error naming the file. The same
    spelling in two languages' names ("France") is a name of each language, and allowed."""
    declared: set[str] = set()
    for forms in [*others, *names.values()]:
        if len(set(forms)) < len(forms):
            twice = next(form for form in forms if forms.count(form) > 1)
            raise DataFileError(f"{path}: states.{code}: {twice!r} is declared twice")
    named = {form for forms in names.values() for form in forms}
    for forms in others:
        twice = (declared | named) & set(forms)
        if twice:
            raise DataFileError(f"{path}: states.{code}: {sorted(twice)[0]!r} is declared twice")
        declared |= set(forms)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))
