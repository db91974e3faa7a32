"""A document's parse as plain Python lists, read once per document.

``doc[i]``, ``token.head`` and ``token.children`` build a new Token object on every access, and
``token.dep_``, ``token.lemma_`` decode a new string each time: the event coder's scans over a
sentence read these lists instead, and build Tokens only for the words they keep.
"""

from __future__ import annotations

import threading
from functools import cached_property
from typing import Any

import numpy
from spacy import attrs
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

# string hash → string, and → lower-cased string, shared by documents; emptied when full (names and
# numbers are their own lemmas, so the set grows with the corpus)
_STRINGS: dict[int, str] = {}
_LOWER: dict[int, str] = {}
_MAX_STRINGS = 100_000

_ATTRS = [attrs.ORTH, attrs.LOWER, attrs.LEMMA, attrs.DEP, attrs.POS, attrs.HEAD, attrs.IS_PUNCT]


class DocView:
    """Per token: text, lower-cased form, lower-cased lemma, POS, dependency, head index, is_punct."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = self.n = len(doc)
        if len(_STRINGS) > _MAX_STRINGS:
            _STRINGS.clear()
            _LOWER.clear()
        strings = doc.vocab.strings
        array = doc.to_array(_ATTRS) if n else numpy.zeros((0, len(_ATTRS)), dtype="uint64")
        # the string columns through their distinct values (a few hundred per document)
        keys, inverse = numpy.unique(array[:, :4], return_inverse=True)
        keys = keys.tolist()
        known, known_lower = _STRINGS.get, _LOWER.get  # inlined lookups: most strings are known
        names = [known(key) or _string(key, strings) for key in keys]
        lowered = [known_lower(key) or _lower(key, strings) for key in keys]
        orth, lower, lemma, dep = inverse.reshape(n, 4).T.tolist() if n else ([], [], [], [])
        self.text = [names[k] for k in orth]
        self.lower = [names[k] for k in lower]
        self.lemma = [lowered[k] for k in lemma]  # token.lemma_.lower()
        self.dep = [names[k] for k in dep]
        self.pos = [POS_NAMES[p] for p in array[:, 4].tolist()]
        # heads come relative and unsigned: back to signed offsets, then to indices
        self.head = (array[:, 5].astype(numpy.int64) + numpy.arange(n)).tolist()
        self.is_punct = [bool(p) for p in array[:, 6].tolist()]
        self._tokens: list[Token | None] = [None] * n
        self._kids: list[tuple[int, ...]] | None = None  # the children of each token (see kids)
        self.memo: dict[tuple, Any] = {}  # what a reader keeps of the document while it is active (by its key)

    @cached_property
    def space(self) -> list[str]:
        """The whitespace after each token (``token.whitespace_``: one space or nothing)."""
        return [" " if s else "" for s in self.doc.to_array(attrs.SPACY).tolist()] if self.n else []

    def kids(self, i: int) -> tuple[int, ...]:
        """Indices of the children of token ``i``, in order (as ``token.children``); read over and over, so
        every token's are grouped once, on the first call."""
        if self._kids is None:
            # tokens sorted by head (stably: in order among siblings), roots left out
            heads = numpy.array(self.head, dtype=numpy.int64)
            children = numpy.flatnonzero(heads != numpy.arange(self.n))
            order = numpy.argsort(heads[children], kind="stable")
            grouped = tuple(children[order].tolist())
            starts = numpy.searchsorted(heads[children][order], numpy.arange(self.n + 1)).tolist()
            self._kids = [grouped[a:b] for a, b in zip(starts, starts[1:], strict=False)]
        return self._kids[i]

    def token(self, i: int) -> Token:
        """``doc[i]``, built once."""
        token = self._tokens[i]
        if token is None:
            token = self._tokens[i] = self.doc[i]
        return token


def _string(key: int, strings: StringStore) -> str:
    found = _STRINGS.get(key)
    if found is None:
        found = _STRINGS[key] = strings[key]
    return found


def _lower(key: int, strings: StringStore) -> str:
    found = _LOWER.get(key)
    if found is None:
        found = _LOWER[key] = _string(key, strings).lower()
    return found


class _Active(threading.local):
    """The views of the documents the event coder is working on, each thread its own (`serve --watch` ingests in a
    thread of its own while a request's thread explains a sentence)."""

    def __init__(self) -> None:
        self.views: list[DocView] = []


_ACTIVE = _Active()


def active_view(doc: Doc) -> DocView | None:
    """The event coder's view of ``doc`` while it codes ``doc``, else None."""
    views = _ACTIVE.views
    return views[-1] if views and views[-1].doc is doc else None


def view_of(doc: Doc) -> DocView:
    """The view of ``doc``: the event coder's while it codes ``doc``, else a new one."""
    views = _ACTIVE.views
    if views and views[-1].doc is doc:
        return views[-1]
    return DocView(doc)


class active:
    """``with active(view):`` makes ``view_of(view.doc)`` return ``view``."""

    def __init__(self, view: DocView) -> None:
        self.view = view

    def __enter__(self) -> DocView:
        _ACTIVE.views.append(self.view)
        return self.view

    def __exit__(self, *exc: object) -> None:
        _ACTIVE.views.pop()


def opens_incise(verb: Token) -> bool:
    """The verb opens an incise: a closing quotation mark and a comma just before it (auxiliaries
    and clitics aside, an inverted subject too): '", a dénoncé', '», a-t-il ajouté'."""
    view = view_of(verb.doc)
    i = verb.i - 1
    while i >= 0 and (view.dep[i] in ("aux", "aux:tense", "aux:pass", "advmod", "expl:subj")
                      or (len(view.lower[i]) > 1 and view.lower[i][0] == "-")) and view.lower[i] != ",":
        i -= 1  # an inverted subject clitic ('a-t-il') is read as any other dependent
    return i >= 1 and view.lower[i] == "," and view.lower[i - 1] in ('"', "»", "”", "'")
