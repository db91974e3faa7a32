"""The event vocabulary, as declared in vocabulary.yaml: PLOVER event types and event statuses.

`load_vocabulary()` reads the packaged `vocabulary.yaml`, or the file `$VEILLE_VOCABULARY` names
(it replaces the packaged one whole), once per process, and checks it: a key the layout below does
not have, a missing one or a value of the wrong kind raises `DataFileError` naming the file, the
line and the key.

- `types`: `EventType` by name, in the file's order. Each has a `doc`, a `score` (PLOVER
  conflict/cooperation score) and `modes` ({mode: score}; a mode written `~` takes the type's
  score), a `family` (a name of `families`), `de` (`actor` or `recipient`: whom a "de X"
  complement of a noun trigger names), a true or false for each flag of `flags` (false when absent; `flags`),
  `promised` and `threatened` (a `Recast`: the type and mode an act of it told as to come, or promised as a
  threat, is coded as; None when absent) and `labels`, one per language of `languages`.
- `flags`: {flag: doc}, the properties a type may have, each with the role the coder gives it;
  `Vocabulary.with_flag(flag)` is the set of types that have it (a flag the file does not declare is a
  `LookupError` naming the file: the code asks for a role, the file says which types play it).
- `families`: each with `reciprocal` (false when absent): its types' events have partners, not a
  direction; `EventType.reciprocal` reads it.
- `statuses`: `Status` by name, in order of precedence (`Vocabulary.status_order`), each with a
  `doc`, a `group` and `labels`.

`Vocabulary.score(type, mode)` is the score of a coded event: the mode's own when it has one, else
the type's, 0 for a type the vocabulary does not hold. `Vocabulary.family(type)` is the type's
family, the type itself when unknown (it then only meets its own kind).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from veille.datafile import DataFileError, Key, Located, read_located

ENV = "VEILLE_VOCABULARY"
ROLES = ("actor", "recipient")
OWN_MODE = "own"  # a recast's mode: the act's own, when the type it is recast as has it


@dataclass(frozen=True)
class Recast:
    """The type and mode (None: none; with `own_mode`, the act's own when `type` has it) an act is coded as."""
    type: str
    mode: str | None = None
    own_mode: bool = False  # the act's own mode when `type` has it, else none


@dataclass(frozen=True)
class EventType:
    name: str
    doc: str
    score: float
    modes: dict[str, float]  # every mode, with its own score or the type's
    family: str
    reciprocal: bool
    de: str  # actor | recipient
    flags: frozenset[str]  # the flags (of `Vocabulary.flags`) it has
    promised: Recast | None  # what an act of it told as to come is coded as
    threatened: Recast | None  # what an act of it promised on a condition or as a warning is coded as
    labels: dict[str, str]  # language → label


@dataclass(frozen=True)
class Status:
    name: str
    doc: str
    group: str
    labels: dict[str, str]


@dataclass(frozen=True)
class Vocabulary:
    source: str  # the file it was read from
    languages: tuple[str, ...]
    flags: dict[str, str]  # flag → its role
    types: dict[str, EventType]
    statuses: dict[str, Status]

    @property
    def type_names(self) -> tuple[str, ...]:
        return tuple(self.types)

    @property
    def status_order(self) -> tuple[str, ...]:
        return tuple(self.statuses)

    def score(self, event_type: str, mode: str | None) -> float:
        known = self.types.get(event_type)
        if known is None:
            return 0.0
        return known.modes.get(mode, known.score) if mode else known.score

    def family(self, event_type: str | None) -> str:
        known = self.types.get(event_type or "")
        return known.family if known is not None else (event_type or "?")

    def with_flag(self, flag: str) -> frozenset[str]:
        """The types that have `flag` (one of `flags`, or `reciprocal`: their family's)."""
        if flag == "reciprocal":
            return frozenset(name for name, t in self.types.items() if t.reciprocal)
        if flag not in self.flags:
            raise LookupError(f"{self.source}: no flag {flag!r} is declared (flags: {', '.join(self.flags)})")
        return frozenset(name for name, t in self.types.items() if flag in t.flags)

    def recast(self, event_type: str, mode: str | None, how: str) -> tuple[str, str | None] | None:
        """The type and mode an act of `event_type` (`mode`) is coded as when `how` (promised, threatened) it is;
        None when its type says nothing of it."""
        known = self.types.get(event_type)
        recast: Recast | None = getattr(known, how) if known is not None else None
        if recast is None:
            return None
        if recast.own_mode:
            return recast.type, mode if mode in self.types[recast.type].modes else None
        return recast.type, recast.mode

    def labels(self, lang: str) -> dict[str, dict[str, str]]:
        """{"types": {name: label}, "statuses": {name: label}} in `lang`."""
        return {"types": {n: t.labels[lang] for n, t in self.types.items()},
                "statuses": {n: s.labels[lang] for n, s in self.statuses.items()}}


def vocabulary_path() -> Path | None:
    """The file `$VEILLE_VOCABULARY` names, None for the packaged one."""
    value = os.environ.get(ENV, "").strip()
    return Path(value) if value else None


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary of `path`, else of `$VEILLE_VOCABULARY`, else the packaged one; checked."""
    path = path or vocabulary_path()
    if path is None:
        return read_vocabulary(resources.files("veille.model").joinpath("vocabulary.yaml"))
    return read_vocabulary(path)


def read_vocabulary(path: str | Path | Traversable, name: str | None = None) -> Vocabulary:
    """The vocabulary of one file, checked (`name`: how errors name the file, its path by default)."""
    return _Checker(read_located(path, name)).vocabulary()


class _Checker:
    def __init__(self, located: Located) -> None:
        self.located = located

    def fail(self, path: tuple[Key, ...], message: str) -> DataFileError:
        return self.located.error(path, message)

    def mapping(self, value: Any, path: tuple[Key, ...], required: tuple[str, ...] = (),
                optional: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a mapping, got {_kind(value)}")
        if required or optional:
            for key in value:
                if key not in required + optional:
                    raise self.fail((*path, key), f"unknown key {key!r} (expected {', '.join(required + optional)})")
            for key in required:
                if key not in value:
                    raise self.fail(path, f"missing key {key!r}")
        return value

    def name(self, value: Any, path: tuple[Key, ...]) -> str:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise self.fail(path, f"expected a name, got {value!r}")
        return value

    def text(self, value: Any, path: tuple[Key, ...]) -> str:
        if not isinstance(value, str):
            raise self.fail(path, f"expected text, got {_kind(value)}")
        return value

    def number(self, value: Any, path: tuple[Key, ...]) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(path, f"expected a number, got {value!r}")
        return float(value)

    def flag(self, value: Any, path: tuple[Key, ...]) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, f"expected true or false, got {value!r}")
        return value

    def choice(self, value: Any, path: tuple[Key, ...], choices: tuple[str, ...] | dict) -> str:
        if value not in choices:
            raise self.fail(path, f"unknown value {value!r} (expected one of {', '.join(choices)})")
        return value

    def labels(self, value: Any, path: tuple[Key, ...], languages: tuple[str, ...]) -> dict[str, str]:
        found = self.mapping(value, path, required=languages)
        return {lang: self.name(found[lang], (*path, lang)) for lang in languages}

    def each(self, value: Any, path: tuple[Key, ...], read: Callable[[str, Any, tuple[Key, ...]], Any]) -> dict:
        entries = self.mapping(value, path)
        if not entries:
            raise self.fail(path, "is empty")
        return {self.name(key, (*path, key)): read(key, item, (*path, key)) for key, item in entries.items()}

    def vocabulary(self) -> Vocabulary:
        raw = self.mapping(self.located.value, (),
                           required=("version", "languages", "flags", "families", "types", "statuses"))
        if raw["version"] != 1:
            raise self.fail(("version",), f"unknown version {raw['version']!r} (this veille reads version 1)")
        if not isinstance(raw["languages"], list) or not raw["languages"]:
            raise self.fail(("languages",), "expected a list of language codes")
        languages = tuple(self.name(lang, ("languages", i)) for i, lang in enumerate(raw["languages"]))

        def family(name: str, value: Any, path: tuple[Key, ...]) -> bool:
            spec = self.mapping(value if value is not None else {}, path, optional=("doc", "reciprocal"))
            if "doc" in spec:
                self.text(spec["doc"], (*path, "doc"))
            return self.flag(spec.get("reciprocal", False), (*path, "reciprocal"))

        families = self.each(raw["families"], ("families",), family)
        flags = self.each(raw["flags"], ("flags",), lambda name, value, path: self.text(value, path))
        declared = self.mapping(raw["types"], ("types",))

        def recast(value: Any, path: tuple[Key, ...]) -> Recast | None:
            if value is None:
                return None
            spec = self.mapping(value, path, required=("as",), optional=("mode",))
            target = self.choice(spec["as"], (*path, "as"), declared)
            modes = self.mapping(self.mapping(declared[target], ("types", target)).get("modes") or {},
                                 ("types", target, "modes"))
            mode = spec.get("mode")
            if mode is None or mode == OWN_MODE:
                return Recast(target, None, own_mode=mode == OWN_MODE)
            return Recast(target, self.choice(mode, (*path, "mode"), (*modes, OWN_MODE)))

        def event_type(name: str, value: Any, path: tuple[Key, ...]) -> EventType:
            spec = self.mapping(value, path, required=("doc", "score", "family", "de", "labels"),
                                optional=("modes", "promised", "threatened", *flags))
            score = self.number(spec["score"], (*path, "score"))
            modes = {}
            for mode, own in self.mapping(spec.get("modes") or {}, (*path, "modes")).items():
                where = (*path, "modes", self.name(mode, (*path, "modes", mode)))
                modes[mode] = score if own is None else self.number(own, where)
            kin = self.choice(spec["family"], (*path, "family"), families)
            return EventType(
                name=name, doc=self.text(spec["doc"], (*path, "doc")), score=score, modes=modes, family=kin,
                reciprocal=families[kin], de=self.choice(spec["de"], (*path, "de"), ROLES),
                flags=frozenset(flag for flag in flags if self.flag(spec.get(flag, False), (*path, flag))),
                promised=recast(spec.get("promised"), (*path, "promised")),
                threatened=recast(spec.get("threatened"), (*path, "threatened")),
                labels=self.labels(spec["labels"], (*path, "labels"), languages))

        def status(name: str, value: Any, path: tuple[Key, ...]) -> Status:
            spec = self.mapping(value, path, required=("doc", "group", "labels"))
            return Status(name=name, doc=self.text(spec["doc"], (*path, "doc")),
                          group=self.name(spec["group"], (*path, "group")),
                          labels=self.labels(spec["labels"], (*path, "labels"), languages))

        return Vocabulary(source=self.located.name, languages=languages, flags=flags,
                          types=self.each(raw["types"], ("types",), event_type),
                          statuses=self.each(raw["statuses"], ("statuses",), status))


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: f"text {value!r}"}.get(type(value), repr(value))
