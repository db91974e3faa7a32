"""What a French actor description or name in a plain string stands for, without spaCy.

    describe_text(kb, "police kazakhe")                          # ('KAZ', 'COP')
    describe_text(kb, "ministère de l'Intérieur du Kazakhstan")  # ('KAZ', 'GOV')
    describe_text(kb, "Toqaev", "2022-01-10")                    # ('KAZ', 'GOV')

`TextAnnotator` annotates the words of a string as the linker annotates tokens (lexicon
phrases, demonyms, knowledge-base names and places); `grammar.Grammar` then reads the
description. It sits above both `kb` and `grammar`, which import neither it nor each other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from veille.actors.grammar import Annotations, Grammar, NameHit, Tok, tokenize
from veille.actors.kb import KnowledgeBase
from veille.actors.lexicon import DETERMINER, FORMER, HEAD, TITLE, LexEntry
from veille.actors.normalize import fold


class TextAnnotator:
    """Annotations for plain strings (no spaCy): used by ``describe_text``."""

    MAX_NAME = 8

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.grammar = Grammar(kb.lexicon)
        self._phrases: dict[tuple[str, ...], list[LexEntry]] = defaultdict(list)
        for phrase, entry in kb.lexicon.phrases:
            self._phrases[tuple(fold(w) for w in tokenize(phrase))].append(entry)
        self._longest = max((len(k) for k in self._phrases), default=1)

    def annotate(self, text: str, on: dt.date | str | None = None) -> Annotations:
        words = tokenize(text)
        ann = Annotations(tokens=[Tok(w, fold(w)) for w in words])
        keys = [t.key for t in ann.tokens]
        for i in range(len(words)):
            for size in range(1, min(self._longest, len(words) - i) + 1):
                for entry in self._phrases.get(tuple(keys[i:i + size]), ()):
                    ann.lex[i].append((i + size, entry))
            code = self.kb.demonym(words[i])
            if code:
                ann.demonyms[i] = code
        i = 0
        while i < len(words):
            hit = self._name_at(words, i, on)
            if hit:
                ann.names[i] = hit
            i += 1
        return ann

    def _name_at(self, words: list[str], i: int, on: dt.date | str | None) -> NameHit | None:
        for size in range(min(self.MAX_NAME, len(words) - i), 0, -1):
            surface = " ".join(words[i:i + size])
            actors = self.kb.lookup(surface)
            if actors:
                code, sector = self.kb.affiliation(actors[0], on)
                return NameHit(i, i + size, [a.id for a in actors], code, actors[0].type, sector)
            place = self.kb.place(surface)
            if place:
                return NameHit(i, i + size, [], place[1], "place")
        return None


def describe_text(kb: KnowledgeBase, text: str, on: dt.date | str | None = None) -> tuple[str | None, str | None]:
    annotator = TextAnnotator(kb)
    ann = annotator.annotate(text, on)
    n = len(ann.tokens)
    start = 0
    det = ann.first(0, DETERMINER)
    if det and ann.first(det[0], HEAD, TITLE, FORMER):
        start = det[0]
    name = ann.names.get(start)
    if name and name.end == n:
        actors = [kb.get(i) for i in name.actor_ids]
        if actors and actors[0] is not None:
            return kb.affiliation(actors[0], on)
        return name.code, None
    found = annotator.grammar.description(ann, start)
    if found is None:
        return None, None
    if found.code and found.concept and not found.former and found.head.kind == TITLE:
        holders = kb.holders(found.concept, found.code, on)
        if len(holders) == 1:
            code, sector = kb.affiliation(holders[0], on)
            return code, sector
    return found.code, found.sector
