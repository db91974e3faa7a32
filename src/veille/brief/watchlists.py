"""watchlists.yaml: what an analyst follows, read and checked before any brief is made.

    watchlists:
      russie-allemagne:
        description: Relations germano-russes
        actors: [RUS, DEU, navalny]        # codes (RUS, NATO) or knowledge-base ids (tokayev)
        dyads: [[RUS, DEU]]                # pairs whose cooperation/conflict score is followed
        types: [ACCUSE, SANCTION]          # PLOVER types of model/vocabulary.yaml (optional: all when absent)
        statuses: [asserted, reported]     # event statuses (optional: all when absent)
        keywords: [Novitchok]              # words or phrases of the articles

An item is on a watchlist when it involves one of its actors, both ends of one of its dyads, or
an article holding one of its keywords — and, when `types` or `statuses` are given, is of one of
them. A watchlist of types alone follows those types whoever the parties are.

Where the file is: `--watchlists FILE`, else `$VEILLE_WATCHLISTS`, else `./watchlists.yaml`,
else `~/.veille/watchlists.yaml`. Every error names the file and the watchlist.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.datafile import DataFileError, read_yaml
from veille.store.queries import STATUSES, TYPES, fold

LISTS = ("actors", "dyads", "types", "statuses", "keywords")
KEYS = ("description", *LISTS)
FILE_NAME = "watchlists.yaml"


class WatchlistsError(ValueError):
    """A watchlists file that cannot be used; the message names the file and the watchlist."""


@dataclass(frozen=True)
class Watchlist:
    name: str
    description: str | None = None
    actors: tuple[str, ...] = ()
    dyads: tuple[tuple[str, str], ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    # every key a followed actor is stored under: a state's or IGO's code and its knowledge-base id
    keys: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def keys_of(self, actor: str) -> frozenset[str]:
        return self.keys.get(actor, frozenset({actor}))

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "actors": list(self.actors),
                "dyads": [list(d) for d in self.dyads], "types": list(self.types),
                "statuses": list(self.statuses), "keywords": list(self.keywords)}


EVERYTHING = Watchlist("*")  # follows nothing, so matches everything: the brief without a watchlists file


def default_path() -> Path | None:
    """The watchlists file used when none is given: $VEILLE_WATCHLISTS, ./watchlists.yaml or
    ~/.veille/watchlists.yaml, the first that is set or exists; None when there is none."""
    if os.environ.get("VEILLE_WATCHLISTS"):
        return Path(os.environ["VEILLE_WATCHLISTS"])
    for candidate in (Path.cwd() / FILE_NAME, Path.home() / ".veille" / FILE_NAME):
        if candidate.is_file():
            return candidate
    return None


Resolver = Callable[[str], frozenset[str] | None]


def kb_resolver(kb: Any | None = None) -> Resolver:
    """Checks actors against a knowledge base (default: the shipped one and the user's actors folder):
    the keys an actor's events are stored under (code and id for a state or IGO, the id for a person),
    or None."""
    if kb is None:
        from veille.actors.kb import KnowledgeBase
        from veille.actors.userdata import user_files

        kb = KnowledgeBase.default(user_files())

    def resolve(key: str) -> frozenset[str] | None:
        actor = kb.get(key) or (kb.by_code(key) if key.isupper() else None)
        if actor is None:
            return None
        keys = {key, actor.id}
        if actor.type in ("state", "igo") and actor.code:
            keys.add(actor.code)
        return frozenset(keys)

    return resolve


def load_watchlists(path: str | Path, resolve: Resolver | None = None) -> list[Watchlist]:
    """The watchlists of a file, in file order; WatchlistsError naming the file and the watchlist otherwise.
    `resolve` checks actors (default: the knowledge base)."""
    path = Path(path)
    try:
        data = read_yaml(path)
    except DataFileError as error:
        raise WatchlistsError(str(error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("watchlists"), dict) or not data["watchlists"]:
        raise WatchlistsError(f"{path}: expected 'watchlists:' mapping names to watchlists, each with actors, "
                              "dyads, types, statuses or keywords")
    unknown = sorted(set(data) - {"watchlists"})
    if unknown:
        raise WatchlistsError(f"{path}: unknown top-level key {unknown[0]!r} (expected 'watchlists')")
    resolve = resolve or kb_resolver()
    return [_watchlist(path, str(name), entry, resolve) for name, entry in data["watchlists"].items()]


def _watchlist(path: Path, name: str, entry: Any, resolve: Resolver) -> Watchlist:
    def error(problem: str) -> WatchlistsError:
        return WatchlistsError(f"{path}: watchlist {name!r}: {problem}")

    if not name.strip() or name == EVERYTHING.name:
        raise error("a watchlist needs a name")
    if not isinstance(entry, dict):
        raise error(f"expected a mapping with {', '.join(LISTS)}; got {entry!r}")
    unknown = sorted(set(map(str, entry)) - set(KEYS))
    if unknown:
        raise error(f"unknown key {unknown[0]!r} (expected one of {', '.join(KEYS)})")
    lists = {key: _strings(entry, key, error) for key in LISTS if key != "dyads"}
    description = entry.get("description")
    if description is not None and not isinstance(description, str):
        raise error("description: expected text")
    keys: dict[str, frozenset[str]] = {}

    def actor(value: str, where: str) -> str:
        found = resolve(value)
        if found is None:
            raise error(f"{where}: unknown actor {value!r} (not in the knowledge base; "
                        "'veille actors list NAME' finds codes and ids)")
        keys[value] = found
        return value

    actors = tuple(actor(a, "actors") for a in lists["actors"])
    dyads = []
    for pair in entry.get("dyads") or []:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and p.strip() for p in pair)):
            raise error(f"dyads: expected pairs of actors such as [RUS, DEU]; got {pair!r}")
        a, b = (p.strip() for p in pair)
        if a == b:
            raise error(f"dyads: {pair!r} names the same actor twice")
        dyads.append((actor(a, "dyads"), actor(b, "dyads")))
    types = tuple(t.upper() for t in lists["types"])
    for event_type in types:
        if event_type not in TYPES:
            raise error(f"types: unknown PLOVER type {event_type!r} (expected one of {', '.join(TYPES)})")
    for status in lists["statuses"]:
        if status not in STATUSES:
            raise error(f"statuses: unknown status {status!r} (expected one of {', '.join(STATUSES)})")
    keywords = tuple(k for k in lists["keywords"] if fold(k).strip())
    if not (actors or dyads or types or keywords):
        raise error("follows nothing: give actors, dyads, types or keywords")
    return Watchlist(name, description, actors, tuple(dyads), types, tuple(lists["statuses"]), keywords, keys)


def _strings(entry: dict[str, Any], key: str, error: Callable[[str], WatchlistsError]) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in value):
        raise error(f"{key}: expected a list of names; got {value!r}")
    out: list[str] = []
    for item in (str(v).strip() for v in value):
        if not item:
            raise error(f"{key}: an empty entry")
        if item not in out:
            out.append(item)
    return tuple(out)


def select(watchlists: Sequence[Watchlist], names: Sequence[str], path: Path | None = None) -> list[Watchlist]:
    """The watchlists named (all when none is); WatchlistsError for a name the file does not hold."""
    if not names:
        return list(watchlists)
    known = {w.name: w for w in watchlists}
    for name in names:
        if name not in known:
            where = f"{path}: " if path else ""
            raise WatchlistsError(f"{where}no watchlist {name!r} (there are: {', '.join(known) or 'none'})")
    return [known[n] for n in names]
