"""The actor model, declared once.

An actor is a state, an intergovernmental organisation (IGO), a person, an
organisation (ministry, army, party, company, seat of power...) or a group
(junta, rebels...). Its affiliation is a code (ISO 3166-1 alpha-3 for states, an
IGO code such as ``CSTO`` or ``NATO``) and a PLOVER/CAMEO sector (``GOV``, ``MIL``,
``COP``...). People get theirs from dated roles; other actors carry a fixed
``code``/``sector`` and may add dated roles too.

The YAML/dict shape (what ``Actor.from_dict`` reads and ``Actor.to_dict`` writes)::

    - id: tokayev
      type: person
      names: {fr: [Kassym-Jomart Tokaïev, Tokaïev], en: [Kassym-Jomart Tokayev]}
      aliases: [Qasym-Zhomart Toqaev, Toqaev]
      roles:
        - {code: KAZ, sector: GOV, title: président, start: 2019-03-20}
      members:                    # IGOs: member states over time
        - {code: KAZ, start: 2002-10-07}
      tags: [alliance, military]  # optional: what definite descriptions it answers to
      regions: [Asie centrale]    # optional (states): regions it belongs to

Roles are listed by priority: when several are valid on a date, the first wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ActorType = Literal["state", "igo", "person", "organisation", "group"]
Origin = Literal["curated", "phoenix", "user"]

ACTOR_TYPES: tuple[str, ...] = ("state", "igo", "person", "organisation", "group")
ORIGINS: tuple[str, ...] = ("curated", "phoenix", "user")


def parse_date(value: Any, *, end: bool = False) -> dt.date | None:
    """A date from YAML (already a date), an ISO string (partial allowed) or None.

    A partial date is widened to the start of its period, or to its end when
    ``end`` is true ("2019" as an end date means 2019-12-31).
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            if end:
                next_month = dt.date(year + month // 12, month % 12 + 1, 1)
                return next_month - dt.timedelta(days=1)
            return dt.date(year, month, 1)
        return dt.date(year, month, int(parts[2][:2]))
    except (ValueError, IndexError) as error:
        raise ValueError(f"not an ISO date: {value!r}") from error


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class Role:
    """A position held over a period: who the holder speaks for on a date."""

    code: str | None
    sector: str | None = None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Role:
        return cls(
            code=_upper(data.get("code")),
            sector=_upper(data.get("sector")),
            title=data.get("title"),
            start=parse_date(data.get("start")),
            end=parse_date(data.get("end"), end=True),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "sector": self.sector, "title": self.title,
                               "start": _iso(self.start), "end": _iso(self.end)}
        return {key: value for key, value in out.items() if value is not None}


@dataclass(frozen=True)
class Membership:
    """A state's membership of an IGO (or an observer seat, with ``status``)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    status: str = "member"

    def valid_on(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str) -> Membership:
        if isinstance(data, str):
            return cls(code=data.upper())
        return cls(
            code=str(data["code"]).upper(),
            start=parse_date(data.get("start")),
            end=parse_date(data.get("end"), end=True),
            status=str(data.get("status") or "member"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "start": _iso(self.start), "end": _iso(self.end)}
        if self.status != "member":
            out["status"] = self.status
        return {key: value for key, value in out.items() if value is not None}


@dataclass
class Actor:
    """One actor of the knowledge base."""

    id: str
    type: ActorType
    code: str | None = None
    sector: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    members: list[Membership] = field(default_factory=list)
    origin: Origin = "curated"
    tags: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """A display name: the first French name, else any name, else the id."""
        for lang in ("fr", "en"):
            if self.names.get(lang):
                return self.names[lang][0]
        for names in self.names.values():
            if names:
                return names[0]
        return self.aliases[0] if self.aliases else self.id

    def surface_forms(self) -> list[str]:
        """Every name and alias, without duplicates, in declaration order."""
        seen: dict[str, None] = {}
        for names in self.names.values():
            for name in names:
                seen.setdefault(name, None)
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return list(seen)

    def roles_on(self, on: dt.date) -> list[Role]:
        return [role for role in self.roles if role.valid_on(on)]

    def members_on(self, on: dt.date, *, observers: bool = False) -> set[str]:
        return {m.code for m in self.members
                if m.valid_on(on) and (observers or m.status == "member")}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], origin: str | None = None) -> Actor:
        actor_type = str(data.get("type") or "organisation")
        if actor_type not in ACTOR_TYPES:
            raise ValueError(f"actor {data.get('id')!r}: unknown type {actor_type!r}")
        chosen_origin = origin or str(data.get("origin") or "curated")
        if chosen_origin not in ORIGINS:
            raise ValueError(f"actor {data.get('id')!r}: unknown origin {chosen_origin!r}")
        names_in = data.get("names") or {}
        if isinstance(names_in, list | tuple):
            names_in = {"und": list(names_in)}
        names = {str(lang): _strings(values) for lang, values in names_in.items()}
        return cls(
            id=str(data["id"]),
            type=actor_type,  # type: ignore[arg-type]
            code=_upper(data.get("code")),
            sector=_upper(data.get("sector")),
            names=names,
            aliases=_strings(data.get("aliases")),
            roles=[Role.from_dict(role) for role in data.get("roles") or []],
            members=[Membership.from_dict(member) for member in data.get("members") or []],
            origin=chosen_origin,  # type: ignore[arg-type]
            tags=_strings(data.get("tags")),
            regions=_strings(data.get("regions")),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.code:
            out["code"] = self.code
        if self.sector:
            out["sector"] = self.sector
        out["names"] = {lang: list(names) for lang, names in self.names.items()}
        for key in ("aliases", "tags", "regions"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if self.roles:
            out["roles"] = [role.to_dict() for role in self.roles]
        if self.members:
            out["members"] = [member.to_dict() for member in self.members]
        out["origin"] = self.origin
        return out


def _upper(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value).upper()


def _strings(values: Iterable[Any] | str | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [str(value) for value in values if value is not None and str(value).strip()]
