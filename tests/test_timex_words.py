"""The French words of the temporal tagger live in events/data/timex.yaml, and the transliteration rules
of the actors' name keys in actors/data/transliteration.yaml, not in Python: the timex modules name a class
by its role (`words("demonstratives")`, `seq("set_openers")`), every role they ask for is in the file and
every role of the file is read, and no string of their code is a word of the file."""

from __future__ import annotations

import ast
import re
import textwrap

import pytest
import yaml
from conftest import ROOT, package_copy, probe

from veille.actors.normalize import translit_key

PACKAGE = ROOT / "src" / "veille"
TIMEX_YAML = PACKAGE / "events" / "data" / "timex.yaml"
TRANSLIT_YAML = PACKAGE / "actors" / "data" / "transliteration.yaml"
TIMEX_MODULES = sorted((PACKAGE / "events").glob("timex*.py"))
# the sections of timex.yaml that group classes (each of their keys is a class, not a word)
_GROUPS = {"future_cue", "past_cue", "occasion", "media", "part_of_day_alone", "apposition", "aside", "prepositions",
           "generic_dates", "pattern_words"}
_ASKED = re.compile(r"""\b(?:words|seq|then|bounded|plain|table|elided)\(\s*["']([^"']+)["']"""
                    r"""|\["pattern_words"\]\["([^"]+)"\]""")
# English strings of the code that are also French words of the file: the clause tense "future" (ref_adjectives)
_ENGLISH = {"future"}
_IDENTIFIER = re.compile(r"_*[a-z]+(?:_+[a-z0-9]+)+_*")  # a role, key or component name ("at_or_before")


def _collect(section: dict, out: set[str]) -> set[str]:
    for key, value in section.items():
        if key in _GROUPS and isinstance(value, dict):
            _collect(value, out)
        elif isinstance(value, list):
            out |= {item for item in value if isinstance(item, str)}
        elif isinstance(value, dict):
            out |= {str(item) for item in value if not isinstance(item, int)}
    return out


def timex_words() -> set[str]:
    """Every form of every class of timex.yaml (list items, table keys), codes and numbers left out."""
    return _collect(yaml.safe_load(TIMEX_YAML.read_text("utf-8")), set())


def _literals(path) -> list[str]:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text("utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


def test_the_scan_sees_the_words():
    words = timex_words()
    assert {"prochain", "dernier", "cette", "midi", "noël", "années", "il y a", "jusqu"} <= words
    assert not {"PAST_REF", "MO", "next", "easter", "prepositions"} & words  # codes and structure, no words


def test_the_roles_asked_for_are_the_roles_of_the_file():
    asked = {a or b for path in TIMEX_MODULES for a, b in _ASKED.findall(path.read_text("utf-8"))}
    roles = set(yaml.safe_load(TIMEX_YAML.read_text("utf-8"))["pattern_words"])
    assert asked, "no words(...) call found: the scan is broken"
    assert not asked - roles, f"roles asked for and missing from {TIMEX_YAML.name}: {sorted(asked - roles)}"
    assert not roles - asked, f"roles of {TIMEX_YAML.name}'s pattern_words no code reads: {sorted(roles - asked)}"


def test_the_timex_modules_spell_no_french_word():
    """No string of the tagger's code is a form of timex.yaml, nor holds one as a word of its own (the
    words of a pattern): single letters are the patterns' group names and TIMEX3 unit codes, identifiers
    (role and key names) are English, and codes are upper case."""
    words = timex_words()
    single = {w for w in words if re.fullmatch(r"[^\W\d_]{2,}", w)}
    for path in TIMEX_MODULES:
        spelt = set()
        for literal in _literals(path):
            if len(literal) < 2 or literal in _ENGLISH or _IDENTIFIER.fullmatch(literal):
                continue
            if literal in words:
                spelt.add(literal)
            unescaped = re.sub(r"\\(?:u[0-9a-fA-F]{4}|.)", " ", literal)  # \w, \d, \u00a0 are no words
            spelt |= {t for t in re.findall(r"[^\W\d_]+", unescaped) if t in single and t not in _ENGLISH}
        assert not spelt, f"French words spelt in {path.name}, not in {TIMEX_YAML.name}: {sorted(spelt)}"


def _spelling_literals(path) -> list[str]:
    """The string constants of a module that could spell a word: docstrings, a match's group or a dict's key
    (`m["h"]`, `{"y": ...}`) and f-string format specs ("02d") left out."""
    tree = ast.parse(path.read_text("utf-8"))
    skipped = {id(node.body[0].value) for node in ast.walk(tree)
               if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
               and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            skipped |= {id(part) for part in ast.walk(node.slice)}
        elif isinstance(node, ast.Dict):
            skipped |= {id(key) for key in node.keys if key is not None}
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            skipped |= {id(part) for part in ast.walk(node.format_spec)}
        elif isinstance(node, ast.Call) and (
                isinstance(node.func, ast.Name) and node.func.id == "_g"
                or isinstance(node.func, ast.Attribute) and node.func.attr in ("start", "end", "span", "group")):
            skipped |= {id(arg) for arg in node.args}  # _g(m, "ch"), m.end("u"): a group of the match
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]


_REGEX_NAMES = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\(\?\(\w+\)|\(\?[a-zA-Z-]+[:)]")  # groups, inline flags
_ESCAPES = re.compile(r"\\(?:u[0-9a-fA-F]{4}|.)")  # \w, \d, \u00a0
_RANGES = re.compile(r"[^\W\d_]-[^\W\d_]")  # a-z, à-ÿ in a character class


def test_the_timex_modules_spell_no_french_letter():
    """No string of the tagger's code spells a one-letter form of timex.yaml: not the hour's mark of "14 h 30",
    nor a plural's ending ("lundis") or a conditional's letter ("-rait"), as a string, a regex letter or a
    character class's letter. Group names of patterns and matches, dict keys and format specs are no words."""
    letters = {w for w in timex_words() if re.fullmatch(r"[^\W\d_]", w)}
    assert {"h", "s", "x", "r"} <= letters
    for path in TIMEX_MODULES:
        spelt = set()
        for literal in _spelling_literals(path):
            bare = _RANGES.sub(" ", _ESCAPES.sub(" ", _REGEX_NAMES.sub(" ", literal)))
            for chars in re.findall(r"\[\^?([^\]]*)\]", bare):
                spelt |= set(chars) & letters
            spelt |= set(re.findall(r"[^\W_]+", re.sub(r"\[[^\]]*\]", " ", bare))) & letters  # "m1" is no "m"
        assert not spelt, f"letters of {TIMEX_YAML.name} spelt in {path.name}: {sorted(spelt)}"


def test_normalize_spells_no_transliteration_rule():
    rules = yaml.safe_load(TRANSLIT_YAML.read_text("utf-8"))["rules"]
    spelt = {part for rule in rules for part in rule if part} & set(_literals(PACKAGE / "actors" / "normalize.py"))
    assert not spelt, f"transliteration rules spelt in normalize.py, not in {TRANSLIT_YAML.name}: {sorted(spelt)}"


def test_the_transliteration_rules_still_merge_the_variants():
    assert translit_key("Pashinyan") == translit_key("Pachinian")
    assert translit_key("Tokayev") == translit_key("Tokaïev") == translit_key("Toqaev")
    assert translit_key("Zelenskyy") == translit_key("Zelensky")
    assert translit_key("Erdoğan") == translit_key("Erdogan")


_PROBE = textwrap.dedent("""
    from veille.actors.normalize import translit_key
    from veille.events.timex import tag

    print([(t.text, t.value) for t in tag("Il est arrivé voici trois jours.", "2022-01-10")], translit_key("Tsipras"))
""")


@pytest.mark.slow
def test_words_changed_in_the_data_change_the_tagging(tmp_path):
    """In a copy of the package, a linguist adds "voici" to the words of a shift back from the anchor
    (timex.yaml, `ago`) and a rule to the transliterations: "voici trois jours" becomes three days before
    the anchor, and "Tsipras" takes the new spelling, with no Python edit."""
    package_copy(tmp_path)
    assert probe(tmp_path, _PROBE) == "[('trois jours', 'P3D')] tsipras"
    data = tmp_path / "veille" / "events" / "data" / "timex.yaml"
    text = data.read_text("utf-8")
    assert text.count("  ago: [il y a]") == 1
    data.write_text(text.replace("  ago: [il y a]", "  ago: [il y a, voici]"), "utf-8")
    rules = tmp_path / "veille" / "actors" / "data" / "transliteration.yaml"
    text = rules.read_text("utf-8")
    assert text.count("rules:\n") == 1
    rules.write_text(text.replace("rules:\n", 'rules:\n  - ["ts", "c"]\n'), "utf-8")
    assert probe(tmp_path, _PROBE) == "[('voici trois jours', '2022-01-07')] cipras"
