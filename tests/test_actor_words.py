"""The French function words the actor linker, the description grammar and the knowledge base read live in
the `words` section of actors/data/sectors.yaml, not in Python: the code asks for a class by its role, every
class it asks for is in the file (and every class in the file is asked for), and a word added to the file
changes what the code does with no Python edit."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml
from conftest import ROOT, package_copy, probe

from veille.actors import grammar, kb, lexicon, linker
from veille.actors.lexicon import (
    LexiconFileError,
    demonym_forms,
    lexicon_endings,
    lexicon_sequence,
    lexicon_tags,
    lexicon_words,
    load_word_classes,
    plural,
    word_class_names,
)

PACKAGE = ROOT / "src" / "veille"
SECTORS_YAML = PACKAGE / "actors" / "data" / "sectors.yaml"
_ASKED = re.compile(r"""lexicon_(words|sequence|tags|endings)\(\s*["']([^"']+)["']\s*\)""")


def asked() -> dict[str, set[str]]:
    """The classes the source asks for, each with the modules that ask."""
    out: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):  # lexicon.py too: it asks for a class of its own (its plural rules)
        for _, name in _ASKED.findall(path.read_text("utf-8")):
            out.setdefault(name, set()).add(path.relative_to(PACKAGE).as_posix())
    return out


def test_the_code_asks_for_no_class_the_file_lacks():
    names = asked()
    assert names, "no lexicon_words(...) call found: the scan is broken"
    missing = sorted(set(names) - word_class_names())
    assert not missing, f"classes asked for and missing from {SECTORS_YAML.name}'s `words`: {missing}"


def test_every_class_in_the_file_is_read():
    unread = sorted(word_class_names() - set(asked()))
    assert not unread, f"classes of {SECTORS_YAML.name}'s `words` no code asks for: {unread}"


def test_every_class_loads_with_its_shape():
    raw = yaml.safe_load(SECTORS_YAML.read_text("utf-8"))["words"]
    for name, value in raw.items():
        if isinstance(value, dict) and all(isinstance(forms, list) for forms in value.values()):
            assert lexicon_endings(name), name
        elif isinstance(value, dict):
            assert lexicon_tags(name), name
        else:
            assert lexicon_words(name) and lexicon_sequence(name), name
            assert all(word == word.strip() and word for word in value), name


def test_the_modules_read_the_words_folded():
    """The words the rules compare with folded token keys: "à" in the file is "a"."""
    assert {"a", "au", "aux", "en", "dans", "vers"} == linker.LOCATIVE
    assert {"l'", "la", "le", "les"} == linker.SKIP_ARTICLES
    assert {"de", "du", "d'", "des"} == linker.CONNECTORS_OF_STATE
    assert "secretaire" in grammar.MINISTERIAL and isinstance(grammar.MINISTERIAL, tuple)
    assert {"du", "des", "de la", "de l'"} == grammar.ARTICLE_CONNECTORS
    assert grammar.TAG_MODIFIERS == {"militaire": "military", "militaires": "military"}
    assert {"l", "le", "la", "les"} == kb._ARTICLES


def test_the_morphology_of_forms_is_data():
    """The plural, singular and demonym endings are classes of endings (not folded, in the file's order, "" the
    default last): no word of them is spelt in lexicon.py, and a missing or misshapen class fails naming the
    file."""
    assert [plural(w) for w in ("général", "bureau", "feu", "pays", "chef")] == \
        ["généraux", "bureaux", "feux", "pays", "chefs"]
    assert demonym_forms("burkinabè") == ["burkinabè", "burkinabès"]  # by its ending, as any word in è
    assert demonym_forms("breton") == ["breton", "bretonne", "bretons", "bretonnes"]
    assert lexicon_endings("demonym_endings")[-1] == ("", ("", "e", "s", "es"))
    source = (PACKAGE / "actors" / "lexicon.py").read_text("utf-8")
    assert "burkinab" not in source and '"aux"' not in source and '"ienne"' not in source
    with pytest.raises(LexiconFileError, match=r"sectors\.yaml.*'bad' is not a mapping of endings"):
        lexicon_endings("bad", {"bad": {"on": "x"}})


def test_an_unknown_class_fails_naming_the_file():
    with pytest.raises(LexiconFileError, match=r"veille/actors/data/sectors\.yaml.*'no_such_class'"):
        lexicon_words("no_such_class")
    with pytest.raises(LexiconFileError, match=r"sectors\.yaml.*'tag_modifiers' is not a list"):
        lexicon_words("tag_modifiers")


def test_a_word_yaml_reads_as_something_else_fails(monkeypatch):
    monkeypatch.setattr(lexicon, "_word_classes", lambda: {"bad": ["le", True, 2]})
    with pytest.raises(LexiconFileError, match=r"sectors\.yaml: word class 'bad': quote \[True, 2\]"):
        lexicon_words("bad")


def test_a_file_without_words_fails_naming_it(tmp_path):
    path = tmp_path / "sectors.yaml"
    path.write_text("connectors: [de]\n", "utf-8")
    with pytest.raises(LexiconFileError, match=r"sectors\.yaml: no `words` mapping"):
        load_word_classes(path)


def test_a_word_added_to_a_copy_of_the_file_is_read(tmp_path):
    text = SECTORS_YAML.read_text("utf-8")
    assert text.count("  locative_prepositions: [") == 1
    copy = tmp_path / "sectors.yaml"
    copy.write_text(text.replace("  locative_prepositions: [", "  locative_prepositions: [Près, "), "utf-8")
    assert "pres" in lexicon_words("locative_prepositions", load_word_classes(copy))
    assert "pres" not in linker.LOCATIVE  # the package's own file is untouched


_PROBE = textwrap.dedent("""
    from veille.actors.kb import name_key

    print(name_key("The Guardian"))
""")



def test_a_word_added_to_the_file_changes_the_lookup(tmp_path):
    """A linguist adds "the" to the articles dropped from a name in a copy of the package's data file:
    "The Guardian" is then looked up as "Guardian", with no Python edit."""
    package_copy(tmp_path)
    copy = tmp_path / "veille" / "actors" / "data" / "sectors.yaml"
    assert probe(tmp_path, _PROBE) == "the guardian"
    text = copy.read_text("utf-8")
    assert text.count("  name_articles: [") == 1
    copy.write_text(text.replace("  name_articles: [", "  name_articles: [The, "), "utf-8")
    assert probe(tmp_path, _PROBE) == "guardian"
