"""Sentences scraped press glues together with no space: a sub-heading or a byline run into the next
sentence ("... le 27 mai.Accusation de tortureComme dix autres ..."). veille_junctions splits the word at
the junction and starts a sentence there, before the parser runs; the text itself is not changed."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import yaml
from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH as _FRENCH_WORD
from spacy.language import Language
from spacy.tokens import Doc

from veille.nlp.extensions import doc_text

_LOWER = "a-zà-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD_START = rf"(?=[{_UPPER}](?:[{_LOWER}]|['’]\w))"  # a capitalised word ("Comme", "L'armée")
# a lower-case letter, a closing parenthesis or guillemet, a straight quote after a word (closing one
# sentence or opening the next: their count in the paragraph tells), or a word's period ("en mai.Le", which
# the tokenizer splits, GLUED_INFIXES), then that word
JUNCTION = re.compile(rf"(?:(?<=[{_LOWER}])|(?<=[)»])|(?<=\w\")|(?<=[{_LOWER}]\.)){_WORD_START}")
_CAMEL = re.compile(rf"\b\w*[{_LOWER}][{_UPPER}][{_LOWER}]\w*")
_ACTOR_FILES = ("igos.yaml", "organisations.yaml", "people.yaml", "states.yaml", "places.yaml")


@cache
def name_shapes() -> tuple[frozenset[str], frozenset[str]]:
    """(prefixes, names) of the words whose internal capital is no junction (data/junctions.yaml), with
    the knowledge base's names of that shape."""
    text = resources.files("veille.nlp").joinpath("data/junctions.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    names = set(data.get("names") or [])
    actors = resources.files("veille.actors").joinpath("data")  # read as data: nlp/ imports no actors/ code
    for name in _ACTOR_FILES:
        path = actors.joinpath(name)
        if path.is_file():
            names.update(_CAMEL.findall(path.read_text("utf-8")))
    return frozenset(data.get("prefixes") or []), frozenset(names)


def junctions(text: str) -> list[int]:
    """Character offsets where a glued sentence starts."""
    return list(_junctions(text))


def starts_glued(text: str, offset: int) -> bool:
    """Whether a glued sentence starts at `offset` of `text`."""
    return offset in _junctions(text)


# the coder asks again (starts_glued) after the rest of the pipeline ran: by then nlp.pipe has split a batch's
# other documents (32 by default, each stage a batch at a time), so the cache holds a few batches' texts
@lru_cache(maxsize=128)
def _junctions(text: str) -> tuple[int, ...]:
    found = []
    for match in JUNCTION.finditer(text):
        at = match.start()
        if _in_name(text, at):
            continue
        if text[at - 1] == '"':
            paragraph = text.rfind("\n", 0, at - 1) + 1
            if text.count('"', paragraph, at - 1) % 2 == 0:
                at -= 1  # an opening quote: the glued sentence starts with it
        found.append(at)
    return tuple(found)


def _in_name(text: str, at: int) -> bool:
    if not text[at - 1].isalpha():
        return False
    prefixes, names = name_shapes()
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:at] in prefixes or text[start:end] in names


@Language.component("veille_junctions", assigns=["token.is_sent_start"])
def split_junctions(doc: Doc) -> Doc:
    """Split the tokens at each junction and make the glued sentence's first token a sentence start."""
    _rejoin_hyphenated(doc)
    text = doc_text(doc)
    starts = junctions(text)
    if not starts:
        return doc
    cuts: dict[int, set[int]] = {}  # token index -> character offsets to cut it at
    for at in starts:
        token = doc[_token_at(doc, at)]
        end = token.idx + len(token)
        # the quote or parenthesis at the junction a token of its own: 'français)Le', 'vitesse"Il'
        for cut in (at - 1, at, at + 1):
            if token.idx < cut < end and (cut == at or text[min(cut, at)] in ')»"'):
                cuts.setdefault(token.i, set()).add(cut)
    if cuts:
        with doc.retokenize() as retokenizer:
            for i, offsets in cuts.items():
                token = doc[i]
                bounds = [token.idx, *sorted(offsets), token.idx + len(token)]
                orths = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
                retokenizer.split(token, orths, heads=[(token, k) for k in range(len(orths))])
    for at in starts:
        doc[_token_at(doc, at)].is_sent_start = True
    return doc


def _rejoin_hyphenated(doc: Doc) -> None:
    """Make one token again of a French hyphenated word ("sud-coréenne", "porte-parole") the tokenizer cut at its
    hyphens because punctuation and the next sentence were glued to it ('sud-coréenne."Laisser', "Etats-Unis.Le"):
    it keeps such a word whole when it stands alone (the parser and the demonyms read the word, not its pieces)."""
    spans = []
    i = 0
    while i < len(doc):
        j = i
        # word, hyphen, word ..., each piece glued to the next
        while j + 2 < len(doc) and not doc[j].whitespace_ and not doc[j + 1].whitespace_ and doc[j + 1].text == "-" \
                and doc[j].is_alpha and doc[j + 2].is_alpha:
            j += 2
        if j > i and not doc[j].whitespace_ and j + 1 < len(doc) and doc[j + 1].is_punct \
                and _whole_word(doc[i:j + 1].text):
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)


def _whole_word(text: str) -> bool:
    """spaCy's French tokenizer keeps ``text`` as one word (its hyphenated-words pattern matches all of it)."""
    match = _FRENCH_WORD(text)
    return match is not None and match.end() == len(text)


def _token_at(doc: Doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc) - 1
