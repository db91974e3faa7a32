"""The closed word classes the coder's grammar reads (``data/grammar.yaml``): function words,
prepositions, pronouns and the small sets of verbs, nouns and adjectives a rule names by role.

The code names a role (``NEGATORS = grammar_words("negators")``), the file holds the words: a linguist
adds a word to the file, never to Python. The numbers the grammar's rules are tuned with (a share, a reach in
words) are the file's ``parameters``, asked for by role too (``grammar_parameter("list_reach")``).
The file is read once, when the first module asks; a class
the file lacks, or one of the wrong shape, stops the import with an error naming the file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

GRAMMAR_FILE = "veille/events/data/grammar.yaml"


class GrammarFileError(LookupError):
    """A word class the code asks for that the grammar file lacks or holds in the wrong shape."""


@cache
def _raw() -> dict[str, Any]:
    text = resources.files("veille.events").joinpath("data/grammar.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    return raw if isinstance(raw, dict) else {}


def _classes() -> dict[str, Any]:
    classes = _raw().get("classes")
    if not isinstance(classes, dict):
        raise GrammarFileError(f"{GRAMMAR_FILE}: no `classes` mapping")
    return classes


def _class(name: str, shape: type) -> Any:
    value = _classes().get(name)
    if value is None:
        raise GrammarFileError(f"{GRAMMAR_FILE}: no word class {name!r}")
    if not isinstance(value, shape):
        raise GrammarFileError(f"{GRAMMAR_FILE}: word class {name!r} is not a {shape.__name__}")
    words = value if shape is list else list(value)
    bad = [word for word in words if not isinstance(word, str)]
    if bad:  # an unquoted `on`, `no` or `2` is read by YAML as a boolean or a number
        raise GrammarFileError(f"{GRAMMAR_FILE}: word class {name!r}: quote {bad!r}")
    return value


def _parameters() -> dict[str, Any]:
    parameters = _raw().get("parameters")
    if not isinstance(parameters, dict):
        raise GrammarFileError(f"{GRAMMAR_FILE}: no `parameters` mapping")
    return parameters


def parameter_names() -> frozenset[str]:
    """Every parameter the file holds."""
    return frozenset(_parameters())


def grammar_parameter(name: str) -> float:
    """The number the rules read as parameter ``name`` (a whole number stays an int)."""
    value = _parameters().get(name)
    if value is None:
        raise GrammarFileError(f"{GRAMMAR_FILE}: no parameter {name!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise GrammarFileError(f"{GRAMMAR_FILE}: parameter {name!r} is not a number")
    return value


def class_names() -> frozenset[str]:
    """Every class the file holds."""
    return frozenset(_classes())


def grammar_words(name: str) -> frozenset[str]:
    """The words of class ``name``."""
    return frozenset(_class(name, list))


def grammar_sequence(name: str) -> tuple[str, ...]:
    """The words of class ``name``, in the file's order (stems and endings tried in turn)."""
    return tuple(_class(name, list))


def grammar_numbers(name: str) -> dict[str, int]:
    """A class of number words and their values (``deux: 2``)."""
    value = _class(name, dict)
    if not all(isinstance(n, int) for n in value.values()):
        raise GrammarFileError(f"{GRAMMAR_FILE}: word class {name!r}: every value must be a whole number")
    return dict(value)


def grammar_table(name: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """A class of named word lists (``drone: [drone]``), in the file's order: the first name whose words
    a rule finds may win."""
    value = _class(name, dict)
    for key, words in value.items():
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise GrammarFileError(f"{GRAMMAR_FILE}: word class {name!r}: {key!r} must be a list of quoted words")
    return tuple((str(key), frozenset(words)) for key, words in value.items())
