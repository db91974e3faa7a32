"""Counts attached to events: troops, dead, injured, arrested, vague quantities (no model needed)."""

from __future__ import annotations

import re

import pytest

from veille.events.sizes import extract_sizes, find_quantities, parse_number

CASES = [
    # (clause, event type, expected sizes)
    ("qu'il avait envoyé 100 soldats au Kazakhstan", "AID", {"troops": 100}),
    ("L'Arménie a envoyé cent soldats au Kazakhstan", "AID", {"troops": 100}),
    ("un contingent militaire de 2 500 hommes déployé par la Russie", "AID", {"troops": 2500}),
    ("un contingent de 2\u202f500 hommes", "AID", {"troops": 2500}),
    ("un contingent de 2\u00a0500 hommes", "MOBILIZE", {"troops": 2500}),
    ("La mission compte 2 030 soldats et 250 pièces de matériel militaire", "AID", {"troops": 2030}),
    ("Plus de 2 000 soldats de l'OTSC ont été déployés", "AID", {"troops": 2000}),
    ("trois mille hommes ont été mobilisés", "MOBILIZE", {"troops": 3000}),
    ("26 « criminels armés » ont été « liquidés »", "ASSAULT", {"dead": 26}),
    ("18 policiers et membres de la garde nationale ont été tués", "ASSAULT", {"dead": 18}),
    ("au moins 164 morts, dont 103 à Almaty", "ASSAULT", {"dead": 164}),
    ("qu'au moins 105 militaires arméniens avaient été tués", "ASSAULT", {"dead": 105}),
    ("des combats qui ont tué 155 soldats des deux côtés", "ASSAULT", {"dead": 155}),
    ("une flambée de violence qui a fait plus de 150 morts", "ASSAULT", {"dead": 150}),
    ("la guerre qui avait coûté la vie à plus de 6 500 personnes", "ASSAULT", {"dead": 6500}),
    ("l'Azerbaïdjan dit en avoir perdu 50", "ASSAULT", {"dead": 50}),
    ("deux membres des forces séparatistes arméniennes étaient tués", "ASSAULT", {"dead": 2}),
    ("105 militaires arméniens ont trouvé la mort", "ASSAULT", {"dead": 105}),
    ("a fait état de plus d'un millier de blessés", "ASSAULT", {"injured": 1000}),
    ("une centaine de blessés", "ASSAULT", {"injured": 100}),
    ("plus de 3 000 d'entre eux ont été placés en détention", "COERCE", {"arrested": 3000}),
    ("7 939 personnes arrêtées", "COERCE", {"arrested": 7939}),
    ("quelque 5 800 personnes officiellement interpellées", "COERCE", {"arrested": 5800}),
    ("3.000 manifestants ont été arrêtés", "COERCE", {"arrested": 3000}),
    ("des « dizaines » de manifestants ont été abattus", "ASSAULT", {"vague": "des dizaines"}),
    ("des centaines de blessés dans les deux camps", "ASSAULT", {"vague": "des centaines"}),
    ("des milliers de manifestants sont descendus dans les rues", "PROTEST", {"vague": "des milliers"}),
    # not counts of people
    ("Le 5 janvier 2022, la police a tiré", "ASSAULT", {}),
    ("une hausse de 10,7 % des prix", "PROTEST", {}),
    ("la guerre de 2020 pour le contrôle du Karabakh", "ASSAULT", {}),
    ("pendant 45 jours de combats", "ASSAULT", {}),
]


@pytest.mark.parametrize(("text", "event_type", "expected"), CASES)
def test_sizes_table(text: str, event_type: str, expected: dict) -> None:
    assert extract_sizes(text, event_type) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("100", 100), ("2 500", 2500), ("2\u202f500", 2500), ("3.000", 3000), ("cent", 100), ("trois mille", 3000),
     ("un millier", 1000), ("deux cents", 200), ("vingt-six", 26), ("10,7", None)],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_vague_quantities_are_never_invented() -> None:
    quantities = find_quantities("des dizaines de manifestants")
    assert [q.value for q in quantities] == [None]
    assert quantities[0].vague == "des dizaines"


def test_nearest_count_wins() -> None:
    text = "Les autorités recensent 26 morts à Almaty; ailleurs, 40 morts"
    assert extract_sizes(text, "ASSAULT", anchor=text.index("ailleurs")) == {"dead": 40}


def test_the_number_words_are_read_from_the_grammar_file():
    """The number words and collective nouns live in events/data/grammar.yaml (number_words, number_links,
    collective_numbers): every word of the file is found and valued, the longest form winning."""
    from veille.events import sizes
    from veille.events.grammar import grammar_numbers, grammar_words

    assert grammar_numbers("number_words") == sizes._UNITS
    assert grammar_numbers("collective_numbers") == sizes._COLLECTIVE
    for word, value in grammar_numbers("number_words").items():
        assert parse_number(word) == value, word
        if word not in ("un", "une"):  # an article, not a count
            assert [q.value for q in find_quantities(f"{word} soldats")] == [value], word
    for word, value in grammar_numbers("collective_numbers").items():
        assert [q.value for q in find_quantities(f"une {word} de soldats")] == [value], word
    for word in grammar_words("number_links"):
        assert re.fullmatch(sizes._WORD, word, re.IGNORECASE), word
    assert sizes._alternation(["cent", "cents", "un", "une"]) == "(?:cents|cent|une|un)"
