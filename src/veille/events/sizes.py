"""Counts attached to an event: troops, dead, injured, arrested (and vague quantities).

Works on plain text (a clause or sentence), so it is independent of the parser:
``find_quantities`` finds number expressions (digits with French grouping, numbers in
words, "un millier", "des dizaines"), ``classify`` decides what each one counts from the
words that follow it, and ``extract_sizes`` keeps the counts that belong to an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from text_to_num import text2num

from veille.events.grammar import (
    GRAMMAR_FILE,
    GrammarFileError,
    grammar_numbers,
    grammar_sequence,
    grammar_table,
    grammar_words,
)

SIZE_KEYS = ("troops", "dead", "injured", "arrested")

_SPACES = "\u00a0\u202f\u2009\u2007 "
# 2 500 / 2 500 (nbsp, narrow nbsp) / 3.000 / 12,000 is NOT grouping in French (decimal comma)
_DIGITS = rf"\d{{1,3}}(?:[{_SPACES}.]\d{{3}})+(?!\d)|\d+(?:,\d+)?"

# number words and collective nouns ("un millier de", "une centaine de", "des dizaines de"): grammar.yaml
_UNITS = grammar_numbers("number_words")
_COLLECTIVE = grammar_numbers("collective_numbers")


def _alternation(words: Iterable[str]) -> str:
    """A regex group of ``words``, the longest first: a word is never cut short by one it begins with."""
    return "(?:" + "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_WORD = _alternation([*_UNITS, *grammar_sequence("number_links")])
_NUMBER_AND = grammar_words("number_conjunctions")
_TOUCHING_ENDS = tuple(sorted(grammar_words("number_touching_ends")))  # "plus de5", "près d'un"
_WORDS = rf"{_WORD}(?:[- ]{_WORD})*"
_COLL = _alternation(_COLLECTIVE)
_QUOTE = r"[«»\"“”]?\s*"

# the words of every cue below are in grammar.yaml; the regexes around them are built here
_ARTICLES = grammar_sequence("indefinite_articles")  # "un", "une": an article, not a count
_AND = grammar_sequence("and_forms")
_ARTICLE = _alternation(_ARTICLES)


def _phrase(form: str) -> str:
    """A word or phrase of the grammar file as a regex: any run of blanks between its words."""
    return r"\s+".join(re.escape(word) for word in form.split())


def _phrases(forms: Iterable[str]) -> str:
    """A regex group of phrases; the alternatives are tried in full, so their order does not matter."""
    return "(?:" + "|".join(_phrase(form) for form in sorted(set(forms), key=lambda f: (-len(f), f))) + ")"


_BLANKS = r"[\s«»\"“”]*"  # blanks and quotes ("des « centaines » de")
# a vague quantity: "des dizaines", and before the word it counts "de nombreux", "d'innombrables" (grammar.yaml)
_VAGUE_OPENER = _alternation(grammar_sequence("vague_quantity_openers"))
_VAGUE_NOUN = rf"\b{_alternation(grammar_sequence('vague_quantity_articles'))}\s+{_QUOTE}{_COLL}s{_QUOTE}"
_NUMBER_RE = re.compile(
    rf"(?P<vague>{_VAGUE_NOUN}\s*)"
    rf"|(?P<coll>\b(?:(?P<cnum>{_DIGITS}|{_WORDS})\s+)?(?P<cname>{_COLL})s?\b)"
    rf"|(?P<num>(?<![\w.,])(?:{_DIGITS})(?![\w%]|\s*%|[.,]\d))"
    rf"|(?P<words>\b{_WORDS}\b)",
    re.IGNORECASE,
)
# a vague quantity right before the word it counts ("des dizaines de| morts", "de « nombreux »| blessés")
# (the adjectives, "de nombreux", count only the word right after them: no size of their own)
_VAGUE_BEFORE_RE = re.compile(
    rf"(?:{_VAGUE_NOUN}|\b{_VAGUE_OPENER}\s*{_QUOTE}{_alternation(grammar_sequence('vague_quantity_adjectives'))}\b)"
    rf"{_BLANKS}(?:{_VAGUE_OPENER}{_BLANKS})?$", re.IGNORECASE)
_APPROX_RE = re.compile(rf"(?:{_phrases(grammar_sequence('size_approximators'))}\s*|{_ARTICLE}\s+)$", re.IGNORECASE)
# before a four-digit number, what makes it a year ("en 2020", "septembre 2021")
_YEAR_BEFORE_RE = re.compile(
    rf"\b(?:{_phrases(grammar_sequence('year_before_words'))}"
    rf"|[a-zé]+{_phrases(grammar_sequence('year_before_endings'))})\s*$")


def _cue(table: tuple[tuple[str, frozenset[str]], ...]) -> re.Pattern[str]:
    """The cue of one count, from its grammar-file entry: ``nouns`` take a plural s on each word,
    ``participles`` agree (é, ée, és, ées) on their first word, ``words`` are as written."""
    forms = dict(table)
    unknown = set(forms) - {"nouns", "participles", "words"}
    if unknown:
        raise GrammarFileError(f"{GRAMMAR_FILE}: a size cue has nouns, participles and words, not {sorted(unknown)}")
    nouns = [r"\s+".join(re.escape(word) + "s?" for word in form.split()) for form in forms.get("nouns", ())]
    participles = [re.escape(first) + "e?s?" + "".join(r"\s+" + re.escape(word) for word in rest)
                   for first, *rest in (form.split() for form in forms.get("participles", ()))]
    words = [_phrase(form) for form in forms.get("words", ())]
    return re.compile(r"\b(?:" + "|".join(sorted(nouns + participles + words)) + r")\b", re.IGNORECASE)


def _bound(form: str) -> str:
    """A bound before a number: the number may touch a "de" or an elided "d'" ("plus de5", "près d'un")."""
    return _phrase(form) + (r"\s*" if form.endswith(_TOUCHING_ENDS) else r"\s+")


# What follows a number decides what it counts. Order matters: casualties before troops,
# since "105 militaires arméniens ont été tués" counts dead soldiers.
_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("dead", _cue(grammar_table("size_cues_dead"))),
    ("injured", _cue(grammar_table("size_cues_injured"))),
    ("arrested", _cue(grammar_table("size_cues_arrested"))),
    ("troops", _cue(grammar_table("size_cues_troops"))),
]
# a verb before the number: "ont tué 155 soldats", "avoir perdu 50", "coûté la vie à 6 500"
_BOUNDS_BEFORE = dict(grammar_table("size_cues_before_bounds"))
_BEFORE_CUES: list[tuple[str, re.Pattern[str]]] = [
    (key, re.compile(rf"\b{_phrases(verbs)}\s+(?:" + "|".join(sorted(_bound(b) for b in _BOUNDS_BEFORE[key])) + ")?$",
                     re.IGNORECASE))
    for key, verbs in grammar_table("size_cues_before")
]
# words that end the scope of a number (a new clause or list item)
_STOP_RE = re.compile(
    rf"[;:.!?()—–]|\b{_phrases(grammar_sequence('size_scope_ends'))}\b"
    rf"|\b{_phrases(_AND)}\s+(?:\d|{_phrases(grammar_sequence('size_scope_and_bounds'))})"
    rf"|,\s*{_phrases(grammar_sequence('size_scope_comma_links'))}\b",
    re.IGNORECASE)
# not counts of people
_NOT_PEOPLE = dict(grammar_table("not_people_after"))
_NOT_PEOPLE_RE = re.compile(rf"^\s*(?:{_phrases(_NOT_PEOPLE['beginnings'])}|{_phrases(_NOT_PEOPLE['words'])}\b)",
                            re.IGNORECASE)
_WINDOW = 110  # characters after a number searched for its cue


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: int | None  # None for vague quantities
    text: str
    vague: str | None = None  # "des dizaines"
    lower_bound: bool = False  # "plus de", "au moins"


def parse_number(text: str) -> int | None:
    """An integer from a French number expression: digits with grouping, words, collectives."""
    text = text.strip().strip("«»\"“” ").lower()
    if not text:
        return None
    squeezed = re.sub(rf"[{_SPACES}]", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", squeezed):
        return int(squeezed.replace(".", ""))
    if re.fullmatch(r"\d+", squeezed):
        return int(squeezed)
    if re.fullmatch(r"\d+,\d+", squeezed):
        return None  # a decimal, not a head count
    match = re.fullmatch(rf"(?:(.+?)\s+)?({_COLL})s?", text)
    if match:
        base = _COLLECTIVE[match.group(2)]
        lead = match.group(1)
        if not lead or lead in _ARTICLES:
            return base
        factor = parse_number(lead)
        return factor * base if factor else None
    if text in _UNITS:
        return _UNITS[text]
    try:
        joined = text
        for link in _NUMBER_AND:  # "vingt et un" → "vingt-et-un"
            joined = joined.replace(f" {link} ", f"-{link}-")
        return int(text2num(joined.replace(" ", "-"), "fr"))
    except (ValueError, TypeError):
        try:
            return int(text2num(text, "fr"))
        except (ValueError, TypeError):
            return None


def find_quantities(text: str) -> list[Quantity]:
    """Number expressions in ``text`` with their character offsets."""
    found: list[Quantity] = []
    for match in _NUMBER_RE.finditer(text):
        start, end = match.span()
        before = text[max(0, start - 30):start]
        lower = bool(_APPROX_RE.search(before)) and not before.rstrip().endswith(_ARTICLES)
        if match.group("vague"):
            vague = re.sub(r"[«»\"“”]\s*|\s*[«»\"“”]", "", match.group("vague")).strip()
            found.append(Quantity(start, end, None, match.group(0), vague=re.sub(r"\s+", " ", vague)))
            continue
        if match.group("words"):
            words = match.group("words").strip()
            if words.lower() in (*_ARTICLES, *_AND):
                continue  # an article, not a count
            if words.lower().startswith(_AND):
                continue
            value = parse_number(words)
        elif match.group("coll"):
            value = parse_number(match.group(0))
        else:
            value = parse_number(match.group("num"))
            # years and times are not counts
            raw = match.group("num")
            if value is not None and raw.isdigit() and 1900 <= value <= 2100 and _YEAR_BEFORE_RE.search(before):
                continue
        if value is None:
            continue
        found.append(Quantity(start, end, value, match.group(0), lower_bound=lower))
    return found


def classify(text: str, quantity: Quantity) -> str | None:
    """What a number counts (a SIZE_KEYS key), from the words around it."""
    after = text[quantity.end:quantity.end + _WINDOW]
    if _NOT_PEOPLE_RE.match(after):
        return None
    before = text[max(0, quantity.start - 40):quantity.start]
    for key, pattern in _BEFORE_CUES:
        if pattern.search(before):
            return key
    stop = _STOP_RE.search(after)
    scope = after[:stop.start()] if stop else after
    best: tuple[int, str] | None = None
    for key, pattern in _CUES:
        match = pattern.search(scope)
        if not match:
            continue
        if key == "troops":
            # a troop noun only counts right after the number ("2 500 hommes", "100 soldats de")
            if match.start() > 25:
                continue
            # "105 militaires ... tués": casualties win whenever they are in scope
            if best is not None:
                continue
            best = (match.start(), key)
            continue
        if best is None or best[1] == "troops" or match.start() < best[0]:
            best = (match.start(), key)
    return best[1] if best else None


def extract_sizes(text: str, event_type: str | None = None, anchor: int | None = None) -> dict:
    """Counts in ``text`` (a clause) for an event of ``event_type``.

    ``anchor`` is the trigger's offset in ``text``: when several numbers count the same thing,
    the one nearest the trigger wins. Vague quantities are kept as text under ``vague``.
    """
    sizes: dict = {}
    distances: dict[str, int] = {}
    for quantity in find_quantities(text):
        key = classify(text, quantity)
        if quantity.vague:
            if key is not None or _people_follow(text, quantity):
                sizes.setdefault("vague", quantity.vague)
            continue
        if key is None:
            continue
        if key == "troops" and event_type in ("ASSAULT",):
            continue  # soldiers counted in an attack are casualties or nothing
        distance = abs((anchor if anchor is not None else quantity.start) - quantity.start)
        if key not in sizes or distance < distances[key]:
            sizes[key] = quantity.value
            distances[key] = distance
    return sizes


def _people_follow(text: str, quantity: Quantity) -> bool:
    after = text[quantity.end:quantity.end + 40]
    return bool(re.match(r"\s*(?:de\s+|d')?[«»\"“”]?\s*\w+", after))


def counted_vaguely(before: str) -> bool:
    """Whether ``before``, the text right before a word, ends with a vague quantity of that word ("ont fait des
    dizaines de", "faisant de « nombreux »"): the word's count, given with no number."""
    return bool(_VAGUE_BEFORE_RE.search(before))
