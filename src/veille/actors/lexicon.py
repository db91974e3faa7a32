"""The French lexicon of actor descriptions (data/sectors.yaml), and demonym forms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from veille.actors.normalize import fold

DATA_DIR = Path(__file__).parent / "data"
SECTORS_FILE = "veille/actors/data/sectors.yaml"

# kinds of lexicon entries
HEAD, TITLE, PORTFOLIO, CONNECTOR, HONORIFIC, FORMER, STATE_ANAPHOR, IGO_ANAPHOR, DETERMINER, SCOPE, AREA = (
    "head", "title", "portfolio", "connector", "honorific", "former", "state_anaphor", "igo_anaphor",
    "determiner", "scope", "area",
)


@dataclass(frozen=True)
class LexEntry:
    """One lexicon word or phrase and what it means."""

    kind: str
    lemma: str  # folded canonical form, shared by all forms of the entry
    sector: str | None = None
    concept: str | None = None
    needs_complement: bool = False
    needs_demonym: bool = False  # only with a nationality adjective and no complement after ("la partie russe")
    place: bool = False
    tag: str | None = None  # IGO anaphors: the tag an antecedent must carry


@dataclass
class Lexicon:
    """Phrases by kind, plus the small closed lists the description grammar uses."""

    phrases: list[tuple[str, LexEntry]] = field(default_factory=list)
    modifiers: dict[str, str | None] = field(default_factory=dict)
    role_concepts: dict[str, str] = field(default_factory=dict)
    apposition_articles: frozenset[str] = frozenset()  # "X, un conseiller du roi": folded
    apposition_partitives: frozenset[tuple[str, ...]] = frozenset()  # "X, l'une des ...": folded token keys
    home_titles: frozenset[str] = frozenset()  # folded titles that, unqualified, are the outlet's state's
    name_particles: frozenset[str] = frozenset()  # folded words inside personal names ("ben", "Al-")
    surname_particles: frozenset[str] = frozenset()  # folded words opening or joining a surname ("Le Pen")
    body_nouns: frozenset[str] = frozenset()  # folded nouns of bodies whose name follows them ("parti")
    royal_titles: frozenset[str] = frozenset()  # folded titles only a monarchy has ("roi", "princesse")
    monarchies: frozenset[str] = frozenset()  # the states of state_kinds.yaml's monarchy noun (`monarchy_kind`)
    against: frozenset[str] = frozenset()  # folded prefixes that make a name the opponent ("anti-")
    # folded nouns and adjectives of state anaphors -> the states they fit (data/state_kinds.yaml)
    state_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    ordinal: re.Pattern[str] = re.compile(r"(?!)")  # a number written as an ordinal ("45e"): the data's pattern

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        data: dict[str, Any] = yaml.safe_load((path or DATA_DIR / "sectors.yaml").read_text(encoding="utf-8"))
        lexicon = cls()
        if data.get("ordinal_pattern"):
            lexicon.ordinal = re.compile(data["ordinal_pattern"])
        for kind, key in ((CONNECTOR, "connectors"), (HONORIFIC, "honorifics"), (FORMER, "former"),
                          (SCOPE, "scopes"), (AREA, "areas")):
            for form in data.get(key) or []:
                lexicon.phrases.append((str(form), LexEntry(kind, fold(str(form)))))
        lexicon.apposition_articles = frozenset(fold(str(w)) for w in data.get("apposition_articles") or [])
        lexicon.apposition_partitives = frozenset(tuple(fold(str(w)).split()) for w in
                                                  data.get("apposition_partitives") or [])
        lexicon.home_titles = frozenset(fold(str(w)) for w in data.get("home_titles") or [])
        lexicon.name_particles = frozenset(fold(str(w)) for w in data.get("name_particles") or [])
        lexicon.surname_particles = frozenset(fold(str(w)) for w in data.get("surname_particles") or [])
        lexicon.body_nouns = frozenset(fold(str(w)) for w in data.get("body_nouns") or [])
        lexicon.royal_titles = frozenset(fold(str(w)) for w in data.get("royal_titles") or [])
        lexicon.against = frozenset(fold(str(w)) for w in data.get("against") or [])
        for word, sector in (data.get("modifiers") or {}).items():
            lexicon.modifiers[fold(str(word))] = sector
        for kind, key in ((HEAD, "heads"), (TITLE, "titles"), (PORTFOLIO, "portfolios")):
            for item in data.get(key) or []:
                forms = [str(form) for form in item["forms"]]
                entry = LexEntry(
                    kind=kind,
                    lemma=fold(forms[0]),
                    sector=item.get("sector"),
                    concept=item.get("concept"),
                    needs_complement=item.get("needs") in ("complement", "demonym"),
                    needs_demonym=item.get("needs") == "demonym",
                    place=item.get("kind") == "place",
                )
                plurals = kind != PORTFOLIO and item.get("plural", True)
                expanded = list(_with_plurals(forms)) if plurals else forms
                for form in expanded:
                    lexicon.phrases.append((form, entry))
        for concept, titles in (data.get("role_concepts") or {}).items():
            for title in titles:
                lexicon.role_concepts[fold(str(title))] = str(concept)
        anaphors = data.get("anaphors") or {}
        tags = {fold(str(k)): str(v) for k, v in (anaphors.get("igo_tags") or {}).items()}
        for word in anaphors.get("state") or []:
            lexicon.phrases.append((str(word), LexEntry(STATE_ANAPHOR, fold(str(word)))))
        kinds: dict[str, Any] = yaml.safe_load((DATA_DIR / "state_kinds.yaml").read_text(encoding="utf-8")) or {}
        for section in ("nouns", "adjectives"):
            for word, codes in (kinds.get(section) or {}).items():
                lexicon.state_kinds[fold(str(word))] = frozenset(str(c) for c in codes)
                if section == "nouns":
                    lexicon.phrases.append((str(word), LexEntry(STATE_ANAPHOR, fold(str(word)))))
        if data.get("monarchy_kind"):
            lexicon.monarchies = lexicon.state_kinds.get(fold(str(data["monarchy_kind"])), frozenset())
        for word in anaphors.get("igo") or []:
            folded = fold(str(word))
            lexicon.phrases.append((str(word), LexEntry(IGO_ANAPHOR, folded, tag=tags.get(folded))))
        for word in anaphors.get("determiners") or []:
            lexicon.phrases.append((str(word), LexEntry(DETERMINER, fold(str(word)))))
        return lexicon

    def of_kind(self, *kinds: str) -> Iterator[tuple[str, LexEntry]]:
        for phrase, entry in self.phrases:
            if entry.kind in kinds:
                yield phrase, entry

    def modifier(self, word: str) -> tuple[bool, str | None]:
        """Whether ``word`` is a known modifier adjective, and the sector it implies."""
        for candidate in _singular_candidates(fold(word)):
            if candidate in self.modifiers:
                return True, self.modifiers[candidate]
        return False, None

    def concept_of_title(self, title: str | None) -> str | None:
        return self.role_concepts.get(fold(title)) if title else None


class LexiconFileError(LookupError):
    """A word class the code asks for that the lexicon file's `words` section lacks or holds in the wrong shape."""


def load_word_classes(path: Path | None = None) -> dict[str, Any]:
    """The `words` section of the lexicon file (``data/sectors.yaml``): closed word classes by role."""
    raw = yaml.safe_load((path or DATA_DIR / "sectors.yaml").read_text(encoding="utf-8")) or {}
    classes = raw.get("words") if isinstance(raw, dict) else None
    if not isinstance(classes, dict):
        raise LexiconFileError(f"{SECTORS_FILE}: no `words` mapping")
    return classes


@cache
def _word_classes() -> dict[str, Any]:
    return load_word_classes()


def word_class_names() -> frozenset[str]:
    """Every class the `words` section holds."""
    return frozenset(_word_classes())


def _word_class(name: str, shape: type, classes: dict[str, Any] | None = None) -> Any:
    value = (_word_classes() if classes is None else classes).get(name)
    if value is None:
        raise LexiconFileError(f"{SECTORS_FILE}: no word class {name!r} under `words`")
    if not isinstance(value, shape):
        raise LexiconFileError(f"{SECTORS_FILE}: word class {name!r} is not a {shape.__name__}")
    words = [*value, *value.values()] if isinstance(value, dict) else value
    bad = [word for word in words if not isinstance(word, str)]
    if bad:  # an unquoted `on`, `no` or `2` is read by YAML as a boolean or a number
        raise LexiconFileError(f"{SECTORS_FILE}: word class {name!r}: quote {bad!r}")
    return value


def lexicon_words(name: str, classes: dict[str, Any] | None = None) -> frozenset[str]:
    """The folded words of class ``name`` (``classes``: a `words` section read by `load_word_classes`)."""
    return frozenset(fold(word) for word in _word_class(name, list, classes))


def lexicon_sequence(name: str, classes: dict[str, Any] | None = None) -> tuple[str, ...]:
    """The folded words of class ``name``, in the file's order (prefixes a ``str.startswith`` tries)."""
    return tuple(fold(word) for word in _word_class(name, list, classes))


def lexicon_tags(name: str, classes: dict[str, Any] | None = None) -> dict[str, str]:
    """A class mapping folded words to the tag (a name the code knows, not a French word) each gives."""
    return {fold(word): tag for word, tag in _word_class(name, dict, classes).items()}


def lexicon_endings(name: str, classes: dict[str, Any] | None = None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A class of endings (morphology, read as written, not folded): each ending with its list, in the file's
    order, so that the first ending a word has decides ("" ends every word: the default, last)."""
    value = (_word_classes() if classes is None else classes).get(name)
    if value is None:
        raise LexiconFileError(f"{SECTORS_FILE}: no word class {name!r} under `words`")
    if not isinstance(value, dict) or not all(isinstance(ending, str) and isinstance(forms, list)
                                              and all(isinstance(form, str) for form in forms)
                                              for ending, forms in value.items()):
        raise LexiconFileError(f"{SECTORS_FILE}: word class {name!r} is not a mapping of endings to quoted lists")
    return tuple((ending, tuple(forms)) for ending, forms in value.items())


_PLURAL_ENDINGS = lexicon_endings("plural_endings")
_SINGULAR_ENDINGS = lexicon_endings("singular_endings")
_DEMONYM_ENDINGS = lexicon_endings("demonym_endings")


def _ending(word: str, endings: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, tuple[str, ...]]:
    return next(((ending, forms) for ending, forms in endings if word.endswith(ending)), ("", ()))


def plural(word: str) -> str:
    """French plural of one word (regular rules of `plural_endings`, enough for the lexicon)."""
    if not word or not word[-1].isalpha():
        return word
    ending, forms = _ending(word, _PLURAL_ENDINGS)
    return word[:len(word) - len(ending)] + forms[0] if forms else word


_PLURAL_HEAD_CONNECTORS = lexicon_words("plural_head_connectors")  # "ministère(s) de la Défense"


def _with_plurals(forms: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for form in forms:
        words = form.split(" ")
        variants = [form]
        if len(words) == 1:
            variants.append(plural(form))
        elif fold(words[1]) in _PLURAL_HEAD_CONNECTORS or "'" in words[1]:
            variants.append(" ".join([plural(words[0]), *words[1:]]))
        elif len(words) == 2:
            variants.append(f"{plural(words[0])} {plural(words[1])}")
        for variant in variants:
            if variant not in seen:
                seen.add(variant)
                yield variant


def _singular_candidates(word: str) -> list[str]:
    out = [word]
    for suffix, (replacement, *_) in _SINGULAR_ENDINGS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + replacement)
    return out


def demonym_forms(base: str) -> list[str]:
    """Masculine/feminine, singular/plural forms of a French demonym adjective.

    ``kazakh`` -> kazakh, kazakhe, kazakhs, kazakhes; ``arménien`` -> arménienne...;
    ``russe`` -> russe, russes; ``français`` -> française, françaises. Irregular
    words (turc/turque, grec/grecque) are listed in full in states.yaml.
    """
    return [base + suffix for suffix in _ending(base, _DEMONYM_ENDINGS)[1]]
