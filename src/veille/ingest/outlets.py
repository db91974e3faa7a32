"""Outlet profiles: who publishes a document, of what kind, from which state.

The shipped profiles are `ingest/data/outlets.yaml`; users add theirs in `$VEILLE_OUTLETS_DIR`
(default `~/.veille/outlets`), where an entry with a shipped id replaces it. Files are checked
when loaded: an unknown key, a bad kind or code is an `OutletsError` naming the file and entry.

A document is linked to an outlet by the host of its URL (subdomains match), else by the outlet
its container declares (record field, front matter, page site name, feed title: an id, name,
alias or domain), else by the scheme of its record identifier when the outlet declares one (an
archive whose records are `orangesum:<id>`), else by the home page of its feed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from veille.actors.normalize import fold
from veille.ingest.readers import host_of
from veille.ingest.types import Document

SHIPPED = "outlets.yaml"
KINDS = ("wire", "public_service", "private", "state_controlled", "party_government")
AFFILIATED_KINDS = frozenset({"state_controlled", "party_government"})  # speak for a state: `state` says which
REQUIRED = ("name", "domains", "country", "language", "kind")
OPTIONAL = ("aliases", "schemes", "state", "note")
WEB_SCHEMES = frozenset({"http", "https", "ftp", "file", "mailto", "data", "urn", "tag"})  # no outlet's own

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_STATE = re.compile(r"^[A-Z]{3}$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*$")
_URI_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(?!//)\S")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$")


class OutletsError(ValueError):
    """An outlets file is missing, not YAML, or has an invalid entry."""


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    domains: tuple[str, ...]
    country: str
    language: str
    kind: str
    state: str | None = None  # the controlling state of a state_controlled or party_government outlet
    aliases: tuple[str, ...] = ()
    note: str | None = None
    schemes: tuple[str, ...] = ()  # identifier schemes of its records ("orangesum" for "orangesum:34828")


def scheme_of(url: str | None) -> str | None:
    """The lower-case scheme of a non-web record identifier ("orangesum:34828" → "orangesum"), else None."""
    if not url:
        return None
    found = _URI_SCHEME.match(url.strip())
    return found.group(1).lower() if found else None


def outlets_dir() -> Path:
    return Path(os.environ.get("VEILLE_OUTLETS_DIR") or Path.home() / ".veille" / "outlets")


def user_files() -> list[Path]:
    folder = outlets_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


class Outlets:
    """A set of outlet profiles, looked up by host and by declared name."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.all: dict[str, Outlet] = {}
        for outlet in outlets:
            self.all.pop(outlet.id, None)
            self.all[outlet.id] = outlet
        # later entries (user files) take a domain or name from earlier ones (shipped)
        self._domains: dict[str, Outlet] = {}
        self._names: dict[str, Outlet] = {}
        self._schemes: dict[str, Outlet] = {}
        for outlet in self.all.values():
            for domain in outlet.domains:
                self._domains[domain] = outlet
            for scheme in outlet.schemes:
                self._schemes[scheme] = outlet
            for name in (outlet.id, outlet.name, *outlet.aliases):
                self._names[fold(name)] = outlet

    def __len__(self) -> int:
        return len(self.all)

    def get(self, ident: str) -> Outlet | None:
        return self.all.get(ident)

    def by_host(self, host: str | None) -> Outlet | None:
        """The outlet of a host or of its nearest parent domain (mobile.lemonde.fr → lemonde.fr)."""
        if not host:
            return None
        labels = host.lower().rstrip(".").split(".")
        for start in range(len(labels) - 1):
            found = self._domains.get(".".join(labels[start:]))
            if found is not None:
                return found
        return None

    def by_name(self, declared: str | None) -> Outlet | None:
        """The outlet a record or feed names: its id, name, an alias, or a domain or URL of it."""
        if not declared or not declared.strip():
            return None
        text = declared.strip()
        found = self._names.get(fold(text))
        if found is not None:
            return found
        if "://" in text:
            return self.by_host(host_of(text))
        if " " not in text and "." in text:
            return self.by_host(text.lower().removeprefix("www."))
        return None

    def by_scheme(self, url: str | None) -> Outlet | None:
        """The outlet whose records an identifier's scheme names ("orangesum:34828"), when one declares it."""
        scheme = scheme_of(url)
        return self._schemes.get(scheme) if scheme else None

    def link(self, url: str | None, declared: str | None = None, site: str | None = None) -> Outlet | None:
        """The outlet of a document: by its URL's host, else by the outlet declared, else by its record
        identifier's scheme, else by its feed's home page."""
        return (self.by_host(host_of(url)) or self.by_name(declared) or self.by_scheme(url)
                or self.by_host(host_of(site)))


def link_document(document: Document, outlets: Outlets) -> Document:
    """The document with its outlet's id, kind, country and controlling state (unchanged when unknown)."""
    outlet = outlets.link(document.url, document.outlet, document.site)
    if outlet is None:
        return document
    return replace(document, outlet_id=outlet.id, outlet_kind=outlet.kind, outlet_country=outlet.country,
                   outlet_state=outlet.state)


# -- loading and validation -------------------------------------------------------------------
def load_outlets(extra: Sequence[Path | str] = ()) -> Outlets:
    """The shipped profiles, then those of the user's folder, then `extra` files (same id replaces)."""
    found = list(_shipped(resources.files("veille.ingest").joinpath("data", SHIPPED).read_text("utf-8")))
    for path in (*user_files(), *extra):
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise OutletsError(f"{path}: cannot read outlets file ({error})") from error
        found.extend(read_outlets(text, str(path)))
    return Outlets(found)


@lru_cache(maxsize=2)
def _shipped(text: str) -> tuple[Outlet, ...]:
    """The shipped profiles, parsed once per text (a store's migration and each ingest load them)."""
    return tuple(read_outlets(text, f"veille:{SHIPPED}"))


def read_outlets(text: str, origin: str) -> list[Outlet]:
    """The entries of one outlets file; `origin` names it in errors."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise OutletsError(f"{origin}: not valid YAML ({error})".replace("\n", " ")) from error
    if not isinstance(data, dict) or set(data) != {"outlets"} or not isinstance(data["outlets"], dict):
        raise OutletsError(f"{origin}: expected one mapping 'outlets:' of outlet id → profile")
    outlets = []
    owners: dict[str, str] = {}  # domain or folded name → the outlet that has it
    for ident, entry in data["outlets"].items():
        outlet = _outlet(str(ident), entry, f"{origin}: outlet {ident!r}")
        keys = [*outlet.domains, *{fold(n) for n in (outlet.id, outlet.name, *outlet.aliases)},
                *(f"{scheme}:" for scheme in outlet.schemes)]
        for key in keys:
            if owners.get(key, outlet.id) != outlet.id:
                raise OutletsError(f"{origin}: outlet {ident!r}: {key!r} is already {owners[key]!r}'s")
            owners[key] = outlet.id
        outlets.append(outlet)
    return outlets


def _outlet(ident: str, entry: Any, where: str) -> Outlet:
    if not _ID.match(ident):
        raise OutletsError(f"{where}: an id is lower-case letters, digits and '_'")
    if not isinstance(entry, dict):
        raise OutletsError(f"{where}: expected a mapping of {', '.join(REQUIRED + OPTIONAL)}")
    unknown = sorted(set(map(str, entry)) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise OutletsError(f"{where}: unknown key {', '.join(map(repr, unknown))} "
                           f"(keys: {', '.join(REQUIRED + OPTIONAL)})")
    missing = [key for key in REQUIRED if key not in entry]
    if missing:
        raise OutletsError(f"{where}: missing {', '.join(map(repr, missing))}")
    kind = entry["kind"]
    if kind not in KINDS:
        raise OutletsError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    state = entry.get("state")
    if kind in AFFILIATED_KINDS and state is None:
        raise OutletsError(f"{where}: a {kind} outlet needs 'state', the state that controls it")
    if kind not in AFFILIATED_KINDS and state is not None:
        raise OutletsError(f"{where}: 'state' is only for {' and '.join(sorted(AFFILIATED_KINDS))} outlets")
    language = entry["language"]
    if not isinstance(language, str) or not _LANGUAGE.match(language):
        raise OutletsError(f"{where}: language {language!r} is not an ISO 639-1 code such as 'fr'")
    domains = _strings(entry["domains"], "domains", where)
    for domain in domains:
        if not _DOMAIN.match(domain):
            raise OutletsError(f"{where}: {domain!r} is not a lower-case domain such as 'lemonde.fr'")
    schemes = _strings(entry.get("schemes") or [], "schemes", where)
    for scheme in schemes:
        if not _SCHEME.match(scheme) or scheme in WEB_SCHEMES:
            raise OutletsError(f"{where}: scheme {scheme!r} is not a lower-case record identifier scheme "
                               "such as 'orangesum' (web schemes are matched by domain)")
    name = entry["name"]
    if not isinstance(name, str) or not name.strip():
        raise OutletsError(f"{where}: 'name' must be a non-empty string")
    note = entry.get("note")
    return Outlet(ident, name.strip(), domains, _state(entry["country"], "country", where), language, kind,
                  _state(state, "state", where) if state is not None else None,
                  _strings(entry.get("aliases") or [], "aliases", where), str(note) if note is not None else None,
                  schemes)


def is_state_code(code: Any) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-3 state code ('FRA'), as an outlet's country must be."""
    return isinstance(code, str) and bool(_STATE.match(code)) and pycountry.countries.get(alpha_3=code) is not None


def _state(code: Any, key: str, where: str) -> str:
    if not is_state_code(code):
        raise OutletsError(f"{where}: {key} {code!r} is not an ISO 3166-1 alpha-3 state code such as 'FRA'")
    return code


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OutletsError(f"{where}: {key!r} must be a list of strings")
    return tuple(v.strip() for v in value)
