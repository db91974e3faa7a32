"""The French words of the counts (sizes.py), of the event's date (dates.py), of the temporal tagger's
cues, prepositions and anchoring (timex_cues.py, timex_anchor.py, timex_lexicon.py) and of the story
engine (stories/text.py) live in the data files (grammar.yaml, timex.yaml, stories/data/words.yaml), not
in Python: the sections load, and a word changed in a copy of a data file changes what the code does,
with no Python edit. (That every class of grammar.yaml is read, and every class asked for is there, is
tests/test_grammar_words.py.)"""

from __future__ import annotations

import textwrap

import yaml
from conftest import ROOT, package_copy, probe

from veille.events.grammar import grammar_table

PACKAGE = ROOT / "src" / "veille"
TIMEX_YAML = PACKAGE / "events" / "data" / "timex.yaml"

# the timex.yaml sections that hold the words dates.py, timex_cues.py and timex_anchor.py used to spell out
_TIMEX_SECTIONS = {
    "days_after": dict,
    "part_of_day_alone": dict,
    "pattern_cue_words": list,
    "not_cues": list,
    "apposition": dict,
    "of_forms": list,
    "aside": dict,
    "prepositions": dict,
    "plural_determiners": list,
}


def test_the_timex_sections_load_and_hold_words():
    lexicon = yaml.safe_load(TIMEX_YAML.read_text("utf-8"))
    for name, shape in _TIMEX_SECTIONS.items():
        value = lexicon.get(name)
        assert isinstance(value, shape) and value, name
        lists = value.values() if isinstance(value, dict) and name != "days_after" else [value]
        for words in lists:
            assert words and all(isinstance(w, str) and w == w.strip() and w for w in words), (name, words)
    assert all(isinstance(n, int) for n in lexicon["days_after"].values())


def test_the_story_words_load():
    from veille.stories import text

    assert {"lundi", "selon", "apres"} <= text.STOPWORDS  # folded, as the words they are compared with
    assert {"la", "l", "les"} <= text._DETERMINERS
    raw = yaml.safe_load((PACKAGE / "stories" / "data" / "words.yaml").read_text("utf-8"))
    assert all(isinstance(w, str) and w for value in raw.values() for w in value)


def test_the_size_cues_have_only_known_kinds_of_forms():
    """nouns, participles, words: a misspelt kind would be read as no cue at all."""
    for name in ("size_cues_dead", "size_cues_injured", "size_cues_arrested", "size_cues_troops"):
        kinds = dict(grammar_table(name))
        assert kinds and set(kinds) <= {"nouns", "participles", "words"}, name
    assert {key for key, _ in grammar_table("size_cues_before")} == {"dead", "injured", "arrested"}
    assert {key for key, _ in grammar_table("size_cues_before_bounds")} == {"dead", "injured", "arrested"}


_PROBE = textwrap.dedent("""
    from veille.events.sizes import extract_sizes
    from veille.events.timex_anchor import _SINCE

    print(extract_sizes("12 manifestants écroués", "COERCE"), bool(_SINCE.search("mobilisés dès ")))
""")



def test_words_changed_in_the_data_change_the_counts_and_the_cues(tmp_path):
    """In a copy of the package, a linguist adds "écroué" to the participles that count the arrested
    (grammar.yaml), and "dès" to the words of a start that puts a day aside from the narrative (timex.yaml):
    "12 manifestants écroués" becomes 12 arrested, and "mobilisés dès lundi" names a day the narrative is
    not on."""
    package_copy(tmp_path)
    assert probe(tmp_path, _PROBE) == "{} False"
    data = tmp_path / "veille" / "events" / "data"
    grammar = (data / "grammar.yaml").read_text("utf-8")
    old = "    participles: [arrêté, "
    assert grammar.count(old) == 1
    (data / "grammar.yaml").write_text(grammar.replace(old, "    participles: [écroué, arrêté, "), "utf-8")
    timex = (data / "timex.yaml").read_text("utf-8")
    old = "  since: [depuis]"
    assert timex.count(old) == 1
    (data / "timex.yaml").write_text(timex.replace(old, "  since: [depuis, dès]"), "utf-8")
    assert probe(tmp_path, _PROBE) == "{'arrested': 12} True"
