"""`veille actors`: list, show, add and import actors of the knowledge base, and list the
candidates a store holds (`discovered`, read through `veille.store.queries`).

Only `veille.cli` imports this module."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.table import Table

from veille.actors.kb import KnowledgeBase
from veille.actors.lexicon import CONNECTOR
from veille.actors.model import Actor
from veille.actors.normalize import fold
from veille.actors.userdata import actors_dir, user_files

app = typer.Typer(help="The actor knowledge base: states, IGOs, people and organisations with dated roles.",
                  no_args_is_help=True)
out = Console()
err = Console(stderr=True)
TYPES = ("state", "igo", "person", "organisation", "group")


def _kb() -> KnowledgeBase:
    return KnowledgeBase.default(user_files())


def _name(actor: Actor) -> str:
    names = actor.names.get("fr") or actor.names.get("en") or next(iter(actor.names.values()), None) or [actor.id]
    return names[0]


@app.command("list")
def list_actors(
    query: Annotated[str | None, typer.Argument(help="Text to search in names and aliases.")] = None,
    actor_type: Annotated[str | None, typer.Option("--type", help="state, igo, person, organisation, group.")] = None,
    code: Annotated[str | None, typer.Option(help="Only actors affiliated to this code today.")] = None,
    origin: Annotated[str | None, typer.Option(help="curated, phoenix or user.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
) -> None:
    """List actors, optionally searching names."""
    kb = _kb()
    actors = kb.search(query, limit=10_000) if query else list(kb)
    rows = []
    for actor in actors:
        affiliation, sector = kb.affiliation(actor)
        if actor_type and actor.type != actor_type:
            continue
        if code and (affiliation or "").upper() != code.upper():
            continue
        if origin and actor.origin != origin:
            continue
        rows.append((actor, affiliation, sector))
    table = Table(title=f"{min(len(rows), limit)} of {len(rows)} actors ({len(kb)} in the knowledge base)")
    for column in ("id", "type", "name", "code", "sector", "origin"):
        table.add_column(column)
    for actor, affiliation, sector in rows[:limit]:
        table.add_row(actor.id, actor.type, _name(actor), affiliation or "", sector or "", actor.origin)
    out.print(table)


@app.command()
def show(
    actor: Annotated[str, typer.Argument(help="Actor id or name.")],
    on: Annotated[str | None, typer.Option(help="Resolve the affiliation on this ISO date (default: today).")] = None,
) -> None:
    """Show one actor: names, aliases, dated roles and memberships, affiliation on a date."""
    kb = _kb()
    found = kb.get(actor) or next(iter(kb.lookup(actor)), None)
    if found is None:
        err.print(f"[red]error:[/] no actor named {actor!r}")
        raise typer.Exit(1)
    code, sector = kb.affiliation(found, on)
    out.print(f"[bold]{_name(found)}[/]  ({found.id}, {found.type}, {found.origin})")
    out.print(f"affiliation{' on ' + on if on else ''}: {code or '—'} {sector or ''}")
    out.print(yaml.safe_dump(found.to_dict(), allow_unicode=True, sort_keys=False).rstrip())


def _parse_role(text: str) -> dict[str, str]:
    parts = (text.split("/") + [""] * 5)[:5]
    keys = ("code", "sector", "title", "start", "end")
    role = {k: v.strip() for k, v in zip(keys, parts, strict=True) if v.strip()}
    if "code" not in role:
        raise typer.BadParameter(
            f"role {text!r}: expected CODE/SECTOR/title/start/end, e.g. KAZ/GOV/président/2019-03-20")
    return role


@app.command()
def add(
    actor_id: Annotated[str, typer.Option("--id", help="Stable id, e.g. smailov.")],
    name: Annotated[list[str], typer.Option(help="Name (repeatable); the first is the display name.")],
    actor_type: Annotated[str, typer.Option("--type", help="state, igo, person, organisation, group.")] = "person",
    alias: Annotated[list[str] | None, typer.Option(help="Other spellings (repeatable).")] = None,
    code: Annotated[str | None, typer.Option(help="Own code (states: ISO alpha-3; IGOs: NATO, CSTO…).")] = None,
    sector: Annotated[str | None, typer.Option(help="Sector of a sub-state actor: GOV, MIL, COP…")] = None,
    role: Annotated[list[str] | None, typer.Option(help="Dated role CODE/SECTOR/title/start/end (repeatable).")] = None,
    lang: Annotated[str, typer.Option(help="Language of the names.")] = "fr",
) -> None:
    """Add (or extend) an actor in your user file; it takes precedence over shipped entries."""
    if actor_type not in TYPES:
        raise typer.BadParameter(f"--type must be one of {', '.join(TYPES)}")
    entry = {"id": actor_id, "type": actor_type, "names": {lang: list(name)}, "aliases": list(alias or []),
             "roles": [_parse_role(r) for r in role or []]}
    if code:
        entry["code"] = code.upper()
    if sector:
        entry["sector"] = sector.upper()
    Actor.from_dict(entry, "user")  # validates before anything is written
    path = actors_dir() / "user.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = (yaml.safe_load(path.read_text("utf-8")) if path.exists() else None) or []
    existing = next((e for e in entries if e.get("id") == actor_id), None)
    if existing is None:
        entries.append(entry)
    else:  # extend: keep what was there, add the new names, aliases and roles
        for language, names in entry["names"].items():
            known = existing.setdefault("names", {}).setdefault(language, [])
            known += [n for n in names if n not in known]
        existing["aliases"] = [*existing.get("aliases", []),
                               *(a for a in entry["aliases"] if a not in existing.get("aliases", []))]
        existing["roles"] = [*entry["roles"], *(r for r in existing.get("roles", []) if r not in entry["roles"])]
        existing["type"] = actor_type
        for key in ("code", "sector"):
            if key in entry:
                existing[key] = entry[key]
    _write_atomically(path, yaml.safe_dump(entries, allow_unicode=True, sort_keys=False))
    out.print(f"{'extended' if existing else 'added'} {actor_id} → {path}")


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, "utf-8")
    os.replace(partial, path)


@app.command("import")
def import_dictionaries(
    files: Annotated[list[Path], typer.Argument(help="CAMEO/PETRARCH actor or agent dictionaries.")],
) -> None:
    """Import CAMEO/PETRARCH (Phoenix) dictionaries: dated actors and agents, never overriding curated ones."""
    from veille.actors.phoenix import ParseError, parse_files

    folder = actors_dir()
    folder.mkdir(parents=True, exist_ok=True)
    entries, errors = [], 0
    for item in parse_files(files):
        if isinstance(item, ParseError):
            errors += 1
            err.print(f"[yellow]skipped[/] {item}", highlight=False)
        else:
            entries.append(item)
    if not entries:
        err.print("[red]error:[/] nothing could be imported; the actors folder is unchanged")
        raise typer.Exit(1)
    names = sorted(str(p.resolve()) for p in files)
    digest = hashlib.sha256("\n".join(names).encode()).hexdigest()[:10]
    target = folder / f"phoenix-{Path(names[0]).stem.replace('.', '_')[:40]}-{digest}.json"
    _write_atomically(target, json.dumps(entries, ensure_ascii=False, default=str))
    actors = sum(e.get("type") != "agent" for e in entries)
    out.print(f"{actors} actors and {len(entries) - actors} agents imported, {errors} lines skipped → {target}")



@app.command()
def discovered(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file.", envvar="VEILLE_DB")],
    code: Annotated[str | None, typer.Option(help="Only actors linked to this state or IGO code.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print them as KB entries to review and add.")] = False,
) -> None:
    """People and bodies the knowledge base does not hold, linked from how the texts present them
    ("le ministre uruguayen des Affaires étrangères, Tomás Ferreira"): candidates for the KB.

    They are the stored PER and ORG mentions with a code but no actor_id whose text ends with a
    name (the linker marks them ``span._.discovered``; the store has no column for it), kept when
    one of the name's mentions presents it as an actor: a title or function (the mention has the
    sector its description gives) or a nationality ("l'Italien David Sassoli"). A name the text
    only sets in a state's story (a singer, a victim, a street, a pet) is none."""
    from veille.store import Store, StoreError
    from veille.store.queries import unlinked_mentions

    if not db.exists():
        err.print(f"[red]error:[/] no store at {db}")
        raise typer.Exit(2)
    try:
        store = Store(db, read_only=True)
    except StoreError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(2) from error
    wanted = code.upper() if code else None
    with store:
        rows = unlinked_mentions(store, wanted)
    kb = _kb()
    lexicon_words = {fold(phrase) for phrase, _ in kb.lexicon.phrases}
    surnames = _kb_surnames(kb)
    connectors = frozenset(phrase for phrase, entry in kb.lexicon.of_kind(CONNECTOR))
    particles = kb.lexicon.name_particles | kb.lexicon.surname_particles
    found: dict[tuple[str, str], dict] = {}
    in_document: dict[tuple[str, str], list[str]] = {}  # (document, code) -> folded full names it gave
    for row in rows:
        text, found_code, sector, label, doc_id, published = (
            row["text"], row["code"], row["sector"], row["label"], row["doc_id"], row["published"])
        name = trailing_name(text, particles, lexicon_words, connectors)
        nationality = False
        while " " in name and kb.demonym(name.split(" ", 1)[0]):  # "l'Italien David Sassoli"
            name, nationality = name.split(" ", 1)[1], True
        bare = _without_place(name, particles, lambda part: bool(kb.place(part) or kb.lookup(part)))
        if not name or kb.lookup(name) or kb.lookup(bare) or fold(bare) in surnames or kb.place(name) \
                or kb.demonym(name) or fold(name) in surnames:
            continue  # a KB name that qualifies a description ("régime Assad", "roi Hamad de Bahreïn", "M. Kim")
        if label == "PER" and not _person_name(text, name, kb.lexicon.body_nouns):
            continue  # "députée PS", "porte-parole du groupe SNCF": the name is the body's
        key = (fold(name), found_code)
        named = in_document.setdefault((doc_id, found_code), [])
        if _one_surname(key[0], particles):  # "M. Heitz": the one full name of that surname its document gave
            fuller = [k for k in named if k.endswith(" " + key[0])]
            key = (fuller[0], found_code) if len(set(fuller)) == 1 else key
        else:
            named.append(key[0])
        entry = found.setdefault(key, {"name": name, "code": found_code, "sectors": {}, "label": label,
                                       "mentions": 0, "documents": set(), "first": published, "last": published,
                                       "presented": False})
        entry["presented"] = entry["presented"] or bool(sector) or nationality
        entry["mentions"] += 1
        entry["documents"].add(doc_id)
        entry["sectors"][sector] = entry["sectors"].get(sector, 0) + 1
        if len(name) > len(entry["name"]):
            entry["name"] = name
        if published and (not entry["first"] or str(published) < str(entry["first"])):
            entry["first"] = published
        if published and (not entry["last"] or str(published) > str(entry["last"])):
            entry["last"] = published
    # surnames alone ("M. Ferreira") count for the full name they stand for
    for (key, found_code), entry in list(found.items()):
        if not _one_surname(key, particles):
            continue
        fuller = [e for (k, c), e in found.items() if c == found_code and k != key and k.endswith(" " + key)]
        if len(fuller) == 1:
            fuller[0]["mentions"] += entry["mentions"]
            fuller[0]["documents"] |= entry["documents"]
            fuller[0]["presented"] = fuller[0]["presented"] or entry["presented"]
            del found[(key, found_code)]
    found = {key: entry for key, entry in found.items() if entry["presented"]}
    ranked = sorted(found.values(), key=lambda e: (-len(e["documents"]), -e["mentions"], fold(e["name"])))[:limit]
    if as_yaml:
        entries = []
        for entry in ranked:
            sector = max(entry["sectors"], key=lambda s: entry["sectors"][s] if s else 0)
            role = {k: v for k, v in (("code", entry["code"]), ("sector", sector),
                                      ("start", str(entry["first"]) if entry["first"] else None)) if v}
            entries.append({"id": "_".join(fold(entry["name"]).split()),
                            "type": "person" if entry["label"] == "PER" else "organisation",
                            "names": {"fr": [entry["name"]]}, "roles": [role], "origin": "user"})
        out.print(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), end="", markup=False)
        return
    table = Table(title=f"{len(ranked)} discovered actors")
    for column in ("name", "code", "label", "mentions", "documents", "first", "last"):
        table.add_column(column)
    for entry in ranked:
        table.add_row(entry["name"], entry["code"], entry["label"], str(entry["mentions"]),
                      str(len(entry["documents"])), str(entry["first"] or ""), str(entry["last"] or ""))
    out.print(table)


def trailing_name(text: str, particles: frozenset[str] = frozenset(), lexicon: set[str] | None = None,
                  connectors: frozenset[str] = frozenset()) -> str:
    """The proper name a mention ends with: "président sud-coréen Moon Jae-in" -> "Moon Jae-in",
    "agence chilienne Noticias Libres" -> "Noticias Libres"; "" when it ends with a common word
    (or a capitalised lexicon word: honorifics, "Parlement"). After a complement's connector the first
    capitalised word names the description's complement ("ministre de la Culture Cheick Oumar Sissoko":
    "Cheick Oumar Sissoko"; "chef des Gardiens de la Révolution": none), and a word glued to a capitalised
    one before it is the end of that name ("chef de la Force Qods": none)."""
    words = text.split()
    start = len(words)
    lexicon = lexicon or set()
    while start > 0:
        word = words[start - 1]
        capitalised = word[:1].isupper() and not word.endswith(".") and fold(word) not in lexicon
        if capitalised or (fold(word) in particles and start < len(words)):
            start -= 1
        else:
            break
    # a particle opens the name only capitalised and before a word: "Le Pen", not "de la Culture"
    while start < len(words) and fold(words[start]) in particles \
            and (not words[start][:1].isupper() or start == len(words) - 1):
        start += 1
    if 0 < start < len(words) - 1 and fold(words[start]) in particles and words[start - 1][:1].isupper() \
            and not words[start - 1].endswith("."):
        start -= 1  # the first name before a surname a particle opens, a lexicon word too ("Marine Le Pen")
    if 0 < start < len(words):
        before = words[start - 1]
        if _connector_end(words[:start], connectors):
            # a person's name is two words at least: one left is the complement's ("de la Maison Blanche")
            start = start + 1 if len(words) - start >= 3 else len(words)
        elif before[:1].isupper() and not before.endswith("."):
            return ""
    return " ".join(words[start:])


def _one_surname(key: str, particles: frozenset[str]) -> bool:
    """Whether a folded name is one surname, with its particles ("heitz", "le pen")."""
    return all(word in particles for word in key.split()[:-1])


def _without_place(name: str, particles: frozenset[str], is_place: Callable[[str], bool]) -> str:
    """A name without the place a lower-case particle joins to it, to look it up: "Abdallah II de Jordanie"
    -> "Abdallah II"."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if fold(words[i]) in particles and words[i][:1].islower() and is_place(" ".join(words[i + 1:])):
            return " ".join(words[:i])
    return name


def _person_name(text: str, name: str, body_nouns: frozenset[str]) -> bool:
    """Whether the name a person's mention ends with can be a person's: not an acronym ("députée PS",
    "élus LR"), nor the name of the body a noun before it announces ("président du parti Debout",
    "porte-parole du groupe Elf": one lower-case word, an adjective, may come between)."""
    if not any(c.islower() for c in name):
        return False
    before = text[:len(text) - len(name)].split()
    return not any(fold(word) in body_nouns for word in before[-2:]
                   if word[:1].islower() and (word is before[-1] or before[-1][:1].islower()))


def _connector_end(words: list[str], connectors: frozenset[str]) -> bool:
    """Whether ``words`` end with a complement's connector ("de la", "des", "d'")."""
    return any(len(phrase) <= len(words) and [fold(w) for w in words[-len(phrase):]] == phrase
               for phrase in (fold(c).split() for c in connectors))


def _kb_surnames(kb: KnowledgeBase) -> frozenset[str]:
    """Folded first and last words of the KB's people: "M. Kim" names one of them, it is no new actor."""
    return frozenset(fold(form.split()[end]) for actor in kb if actor.type == "person"
                     for form in actor.surface_forms() if len(form.split()) >= 2 for end in (0, -1))
