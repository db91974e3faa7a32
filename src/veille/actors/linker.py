"""spaCy component ``veille_actors``: every actor mention of a document, linked.

Runs after ``ner``, or runs it itself when the pipeline holds it disabled: then only around the
capitalised words that no KB name, demonym or lexicon phrase covers (a few words each side, within
the sentence), the only places where its entities can add a mention (``build_nlp(ner="unknown")``).
Writes ``doc.spans["mentions"]`` with, for each mention, ``label_`` (PER, LOC, ORG, GPE,
MISC, NORP) and ``_.actor_id``, ``_.code``, ``_.sector`` (None when unknown: the linker
never guesses).

Mentions come from
  1. the gazetteer: a phrase index over the normalised forms (accents, case,
     apostrophes, hyphens, transliteration) of every KB name, alias and place;
  2. descriptions (grammar.py): sector nouns and titles with a demonym or an
     "of-state" complement ("ministère arménien de la Défense", "le président
     kazakh"), titles fused with the name they introduce ("le président
     Kassym-Jomart Tokaïev", "M. Pachinian");
  3. definite descriptions of a state or an IGO met earlier ("l'alliance
     militaire", "ce pays d'Asie centrale");
  4. the statistical NER (unknown names), whose labels the KB corrects where it is sure.

Resolution, in document order:
  - people through the role valid at ``doc._.published`` (today when unknown);
  - role phrases through the KB ("le chef de la diplomatie russe" -> Lavrov);
  - short names through a full name met earlier ("M. Dupont" after "Jean Dupont");
  - unknown people through a title in apposition ("le porte-parole du ministère
    arménien, Vahan Hunanian");
  - anaphors to the most salient compatible antecedent, when unambiguous;
  - acronym typos (OSTC) to an IGO the document names elsewhere;
  - generic nouns ("le gouvernement", "les forces de sécurité") through a KB
    group named by that noun (la junte), a same-noun antecedent, or else the
    document's focus state: the state most mentioned (and located) so far, when
    it clearly leads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy
from spacy import attrs
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.pipeline import EntityRecognizer
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from veille.actors.grammar import (
    Anaphor,
    Annotations,
    Description,
    Grammar,
    NameHit,
    Tok,
)
from veille.actors.kb import ORIGIN_RANK, KnowledgeBase, to_date
from veille.actors.lexicon import CONNECTOR, FORMER, HEAD, HONORIFIC, TITLE, LexEntry, lexicon_words
from veille.actors.model import Actor
from veille.actors.normalize import damerau_levenshtein, fold, translit_key
from veille.actors.userdata import user_files
from veille.nlp.extensions import MENTIONS, register

register()

TYPE_LABELS = {"state": "GPE", "igo": "ORG", "organisation": "ORG", "group": "ORG", "person": "PER",
               "place": "LOC"}
LOCATIVE = lexicon_words("locative_prepositions")  # the words: data/sectors.yaml, `words`
SKIP_ARTICLES = lexicon_words("definite_articles")
FRAMED_HEADS = lexicon_words("framed_heads")  # "Au Kenya, le régime a ...": the opening place says whose
REPEATED_KINDS = frozenset({"organisation", "igo"})  # named bodies a bare noun may repeat ("le Trésor")
CONNECTORS_OF_STATE = lexicon_words("state_connectors")
NAME_PLACE_CONNECTORS = lexicon_words("name_place_connectors")  # "Hamad de Bahreïn"
INDEFINITE_ARTICLES = lexicon_words("indefinite_articles")  # "un", "une"
OWNER_RELATIVES = lexicon_words("owner_relatives")  # "dont"
PLACEHOLDER = "\u00a7"
DISCOVERED = "discovered:"  # id prefix of people and bodies linked from their description (span._.discovered)
WORD_CACHE_SIZE = 50_000  # word forms whose keys are remembered (emptied when full)
FUZZY_CACHE_SIZE = 20_000  # fuzzy name and acronym lookups remembered (emptied when full)
DECAY = 0.5  # salience lost per sentence of distance
MARGIN = 2.0  # the focus state must lead the next one by this factor
PASSING_PLACE_WEIGHT = 0.5  # a place within a sentence's share in the focus state, against 1 for any mention
SCENE_WEIGHT = 2.0  # a place opening its sentence ("Au Mali, ...") or qualifying an actor
OPENING_MARKS = frozenset({"\"", "«", "“", "-", "–", "—", "("})
# a text naming at least MIN_OFFICIALS mentions of these sectors is about politics: its unnamed people are
# the focus state's
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB"})
MIN_OFFICIALS = 2
SAME_NOUN_WINDOW = {False: 6, True: 2}  # sentences back a same-noun antecedent may be (plural?)
NER_BEFORE, NER_AFTER = 6, 6  # words of context the NER reads around an unknown name


_Reading = tuple[tuple[str, ...], str | None, str, str | None]  # actor ids, code, kind, sector


class _Word(NamedTuple):
    """What the linker needs to know about a word form."""

    text: str
    key: str  # folded
    tkey: str  # transliteration key
    key_word: str  # the folded form as the phrase indexes see it
    tkey_word: str  # the transliteration key as the phrase indexes see it
    ordinal: bool  # "45e"
    acronym: bool  # three to six capital letters (maybe a typo for a known acronym)


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # name | person | description | anaphor | norp | ner | typo | repeat
    label: str
    priority: int = 0  # lower wins among candidates of equal length
    hit: NameHit | None = None
    desc: Description | None = None
    anaphor: Anaphor | None = None
    person_hit: NameHit | None = None  # the name part of a fused title + name
    name_start: int = -1  # where the personal name starts (fused mentions)
    actor_id: str | None = None
    code: str | None = None
    sector: str | None = None
    direct: bool = False  # evidence for the focus state
    sent: int = 0
    subject: bool = False
    lemmas: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        return self.end - self.start


class _Prepared(NamedTuple):
    """A document with its names found, before its mentions are chosen and resolved."""

    doc: Doc
    day: dt.date
    ann: Annotations
    name_hits: list[NameHit]
    words: list[_Word]


@lru_cache(maxsize=4)
def default_kb(extra_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The default knowledge base, loaded once per process and set of extra files."""
    return KnowledgeBase.default([Path(p) for p in extra_files])


@Language.factory(
    "veille_actors",
    default_config={"extra_files": [], "user_actors": False, "use_ner": True},
    requires=["token.pos", "token.dep", "doc.ents", "doc._.published", "doc._.home"],
    assigns=["doc.spans", "doc._.demonyms", "span._.actor_id", "span._.code", "span._.sector", "span._.discovered"],
)
def make_actor_linker(nlp: Language, name: str, extra_files: list[str], user_actors: bool,
                      use_ner: bool) -> ActorLinker:
    """`user_actors`: also load the user's actors folder (actors/userdata.py), before `extra_files`."""
    # a disabled ``ner`` is run here, on the sentences with names the knowledge base does not know
    ner = nlp.get_pipe("ner") if use_ner and "ner" in nlp.disabled else None
    files = [*(user_files() if user_actors else ()), *extra_files]
    return ActorLinker(nlp, name, kb=default_kb(tuple(str(p) for p in files)), use_ner=use_ner, ner=ner)


class ActorLinker:
    """Builds its matchers once; per document runs them and a few small loops."""

    def __init__(self, nlp: Language, name: str = "veille_actors", *, kb: KnowledgeBase | None = None,
                 use_ner: bool = True, ner: EntityRecognizer | None = None) -> None:
        self.name = name
        self.kb = kb or default_kb()
        self.use_ner = use_ner
        self.ner = ner  # the model's NER, when the pipeline does not run it on whole documents
        self.vocab = nlp.vocab
        self.grammar = Grammar(self.kb.lexicon)
        self._tokenizer = nlp.tokenizer
        self._words: dict[int, _Word] = {}  # orth id -> keys of the word form, see _word
        self._build_gazetteer()
        self._build_lexicon()
        # fuzzy lookups only read tables built above, and the same names recur from document to
        # document: remembered (plain dicts, emptied when full, so the linker stays picklable)
        self._fuzzy: dict[tuple[str, str, str], tuple[str, ...]] = {}

    # ------------------------------------------------------------------ building
    def _tokenize(self, text: str) -> list[str]:
        """Words of a KB name or lexicon phrase, as the pipeline tokenizes text."""
        if text.endswith(("'", "’")):  # an elided word alone ("de l'") is split off only before a word
            return [t.text for t in self._tokenizer(text + "X")][:-1]
        return [t.text for t in self._tokenizer(text)]


    def _build_gazetteer(self) -> None:
        """People keyed by transliteration keys (Tokaïev = Tokayev = Toqaev); other
        names and places by folded forms (accents, case, apostrophes), so that
        "Seul" is not "Séoul" nor "Route" "Rutte"."""
        self.person_names: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> [(surface, id)]
        self.names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.places: dict[str, tuple[str, str | None]] = {}
        self.acronyms: dict[str, set[str]] = defaultdict(set)  # IGO acronym -> actor ids
        self.surnames: dict[str, list[tuple[str, str]]] = defaultdict(list)  # last word key -> (first key, id)
        self.first_words: dict[str, set[str]] = defaultdict(set)  # first word key -> people ids
        self.noun_heads: dict[str, list[str]] = defaultdict(list)  # "junte" -> KB groups named by it
        self.person_matcher = PhraseIndex()
        self.name_matcher = PhraseIndex()
        for surface, actor_id in self.kb.names():
            actor = self.kb.get(actor_id)
            words = self._tokenize(surface)
            if actor is None or not words:
                continue
            if actor.type == "person":
                for variant in _hyphen_variants(words):
                    key = " ".join(translit_key(w) for w in variant)
                    self.person_names[key].append((surface, actor_id))
                    self.person_matcher.add(key.split(" "))
                if len(words) >= 2:
                    self.surnames[translit_key(words[-1])].append((translit_key(words[0]), actor_id))
                    self.first_words[translit_key(words[0])].add(actor_id)
                continue
            for variant in _hyphen_variants(words):
                key = " ".join(fold(w) for w in variant)
                self.names[key].append((surface, actor_id))
                self.name_matcher.add(key.split(" "))
            if _is_acronym(surface) and actor.type == "igo":
                self.acronyms[surface].add(actor_id)
            if actor.type != "state" and surface[:1].islower():
                head = fold(words[0])
                if actor_id not in self.noun_heads[head]:
                    self.noun_heads[head].append(actor_id)
        for surface, code in self.kb.places():
            for variant in _hyphen_variants(self._tokenize(surface)):
                key = " ".join(fold(w) for w in variant)
                if key.strip() and key not in self.names:
                    self.places[key] = (surface, code)
                    self.name_matcher.add(key.split(" "))

    def _build_lexicon(self) -> None:
        """Lexicon phrases and demonyms keyed by folded forms."""
        self.lex: dict[str, list[LexEntry]] = defaultdict(list)
        self.lex_capital: dict[tuple[str, LexEntry], bool] = {}  # only written with a capital
        self.demonyms: dict[str, str] = {}
        self.lex_matcher = PhraseIndex()
        for phrase, entry in self.kb.lexicon.phrases:
            key = " ".join(fold(w) for w in self._tokenize(phrase))
            if entry not in self.lex[key]:
                self.lex[key].append(entry)
            capital = phrase[:1].isupper()
            self.lex_capital[(key, entry)] = self.lex_capital.get((key, entry), True) and capital
            self.lex_matcher.add(key.split(" "))
        for form, code in self.kb.demonyms():
            key = " ".join(fold(w) for w in self._tokenize(form))
            if " " not in key:
                self.demonyms.setdefault(key, code)
                self.lex_matcher.add([key])

    # ------------------------------------------------------------------ per document
    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Documents a batch at a time, so that the NER (when this component runs it) sees all the
        sentences of the batch that need it in one call."""
        for batch in minibatch(docs, size=batch_size):
            prepared = [self._prepare(doc) for doc in batch]
            if self.ner is not None:
                self._recognise_unknown([p for p in prepared if not p.doc.has_annotation("ENT_IOB")])
            for item in prepared:
                yield self._link(item)

    def _prepare(self, doc: Doc) -> _Prepared:
        day = to_date(doc._.published)
        ann, name_hits, words = self._annotate(doc, day)
        return _Prepared(doc, day, ann, name_hits, words)

    def _link(self, item: _Prepared) -> Doc:
        doc = item.doc
        hits = self._unsupported_acronyms(doc, item.ann, item.name_hits)
        candidates = self._candidates(doc, item.ann, hits, item.words)
        chosen = _select(candidates)
        _Resolver(self, doc, item.ann, item.day).run(chosen)
        chosen = [m for m in chosen if m.code or m.kind != "repeat"]  # a bare noun that repeats no body
        chosen = sorted(chosen + self._halves(doc, chosen, item.words), key=lambda m: m.start)
        group = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
        for mention in chosen:
            span = Span(doc, mention.start, mention.end, label=mention.label)
            extension = span._
            actor_id = mention.actor_id
            if actor_id and actor_id.startswith(DISCOVERED):  # linked from its description, not the KB
                extension.discovered, actor_id = actor_id, None
            extension.actor_id, extension.code, extension.sector = actor_id, mention.code, mention.sector
            group.append(span)
        doc.spans[MENTIONS] = group
        return doc

    def _unsupported_acronyms(self, doc: Doc, ann: Annotations, hits: list[NameHit]) -> list[NameHit]:
        """A state's body named by an acronym alone ("SPA", "KCNA") is that body only in a text that names
        its state some other way (a name, a place, a nationality, another of its bodies' acronyms) or from
        that state's outlet: acronyms are short and shared ("la SPA" of French animal shelters is not the
        Saudi Press Agency, "LREM" and "UDI" together are French politics)."""
        def acronym_body(hit: NameHit) -> bool:
            state = self.kb.by_code(hit.code or "")
            return hit.kind in ("organisation", "group") and hit.end - hit.start == 1 and state is not None \
                and state.type == "state" and _is_acronym(ann.tokens[hit.start].text)
        supported = {h.code for h in hits if h.code and not acronym_body(h)} | set(ann.demonyms.values())
        acronyms: dict[str, set[str]] = defaultdict(set)
        for hit in hits:
            if acronym_body(hit) and hit.code:
                acronyms[hit.code].add(ann.tokens[hit.start].text)
        supported |= {code for code, surfaces in acronyms.items() if len(surfaces) >= 2}
        dropped = [h for h in hits if acronym_body(h) and h.code not in supported and h.code != doc._.home]
        for hit in dropped:
            del ann.names[hit.start]
        return [h for h in hits if h not in dropped]

    def _halves(self, doc: Doc, chosen: list[Mention], words: list[_Word]) -> list[Mention]:
        """"le Nord", "contre le Sud" in a text that names both halves of a divided nation: the state that
        half is (states.yaml `half`); not "le Nord du pays", "au Nord", nor a word a linked mention covers.
        An unlinked mention of the word (the NER's "Nord") is linked; an uncovered word becomes one."""
        named = {m.code for m in chosen if m.code}
        if len(named) < 2:
            return []
        cover = {i: m for m in chosen for i in range(m.start, m.end)}
        found = []
        for i, word in enumerate(words):  # the document's words (no Token built for each)
            halves = self.kb.halves(word.text) if i > 0 else []
            if not halves or doc[i - 1].lower_ not in SKIP_ARTICLES | CONNECTORS_OF_STATE:
                continue  # "au Nord" is where
            if i + 1 < len(doc) and doc[i + 1].lower_ in CONNECTORS_OF_STATE:
                continue  # "le Nord du pays": a region
            code = next((code for code, other in halves if code in named and other in named), None)
            mention = cover.get(i)
            if code is None or (mention is not None and (mention.code or mention.end != i + 1)):
                continue
            if mention is None:
                found.append(Mention(i, i + 1, "name", "GPE", actor_id=code, code=code))
            else:
                mention.label, mention.actor_id, mention.code = "GPE", code, code
        return found

    def _recognise_unknown(self, prepared: list[_Prepared]) -> None:
        """Run the NER around the capitalised words that no KB name, demonym or lexicon phrase covers,
        the only places where its entities can add a mention (see _unknown_name_runs; all the pieces of
        the batch in one call). Other tokens are left without entity annotation (missing, not outside)."""
        pieces: list[tuple[int, int, int]] = []  # (document, start, end)
        for number, item in enumerate(prepared):
            pieces += [(number, start, end) for start, end in _unknown_name_runs(item.doc, item.ann, item.name_hits)]
        if not pieces:
            return
        ents: list[list[Span]] = [[] for _ in prepared]
        outside: list[list[Span]] = [[] for _ in prepared]
        arrays = {n: prepared[n].doc.to_array(PIECE_ATTRS) for n in {n for n, _, _ in pieces}}  # once a document
        parsed = self.ner.pipe((_piece(prepared[n], a, b, arrays[n]) for n, a, b in pieces), batch_size=len(pieces))
        for (number, start, end), piece in zip(pieces, parsed, strict=True):
            doc = prepared[number].doc
            at = start
            for e in piece.ents:
                if start + e.start > at:
                    outside[number].append(Span(doc, at, start + e.start))
                ents[number].append(Span(doc, start + e.start, start + e.end, label=e.label))
                at = start + e.end
            if end > at:
                outside[number].append(Span(doc, at, end))
        for number in {n for n, _, _ in pieces}:
            prepared[number].doc.set_ents(ents[number], outside=outside[number], default="missing")

    def _word(self, orth: int, strings: StringStore) -> _Word:
        """The keys of a word form, memoised by orth id (a hash of the text, the same in any vocab)."""
        if len(self._words) >= WORD_CACHE_SIZE:
            self._words.clear()
        text = strings[orth]
        key = fold(text)
        tkey = translit_key(text)
        word = _Word(text, key, tkey, _matchable(key), _matchable(tkey), self.kb.lexicon.ordinal.match(key) is not None,
                     3 <= len(text) <= 6 and text.isupper() and text.isalpha())
        self._words[orth] = word
        return word

    def _annotate(self, doc: Doc, day: dt.date) -> tuple[Annotations, list[NameHit], list[_Word]]:
        """Lexicon phrases, demonyms and KB names of the document; also its words."""
        has_pos, has_dep = doc.has_annotation("POS"), doc.has_annotation("DEP")
        # form, part of speech and absolute head index of every token, read in one go (no Token objects)
        strings = doc.vocab.strings
        words = [self._words.get(orth) or self._word(orth, strings) for orth in doc.to_array(attrs.ORTH).tolist()]
        n = len(words)
        array = doc.to_array([attrs.POS, attrs.HEAD]).astype(numpy.int64)  # heads relative to the token
        tags = [POS_NAMES[p] for p in array[:, 0].tolist()] if has_pos else [None] * n
        heads = (array[:, 1] + numpy.arange(n)).tolist() if has_dep else [None] * n
        tokens = [Tok(word.text, word.key, tag, head) for word, tag, head in zip(words, tags, heads, strict=True)]
        ann = Annotations(tokens=tokens)
        texts = [word.text for word in words]
        fkeys = [word.key for word in words]
        tkeys = [word.tkey for word in words]
        key_words = [word.key_word for word in words]
        for start, end in self.lex_matcher(key_words):
            key = " ".join(fkeys[start:end])
            for entry in self.lex.get(key, ()):
                if self.lex_capital.get((key, entry)) and not texts[start][:1].isupper():
                    continue
                ann.lex[start].append((end, entry))
            if end == start + 1 and key in self.demonyms:
                ann.demonyms[start] = self.demonyms[key]
        # every demonym the document's words spell, names' ones included: doc._.demonyms, read by the coder
        doc._.demonyms = {fkeys[i]: code for i, code in ann.demonyms.items()}
        # and each element of a compound one ("russo-ukrainiens": russo, ukrainiens), one state each
        for text in {text for text in texts if "-" in text}:
            for element, code in self.kb.compound_demonym(text) or ():
                doc._.demonyms.setdefault(fold(element), code)
        hits: list[NameHit] = []
        readings: dict[tuple[str, ...], _Reading] = {}  # the same names recur in a document
        for start, end in self.name_matcher(key_words):
            hit = self._name_hit(doc, ann, fkeys, start, end, day, self.names, readings)
            if hit is not None:
                hits.append(hit)
        for start, end in self.person_matcher([word.tkey_word for word in words]):
            hit = self._name_hit(doc, ann, tkeys, start, end, day, self.person_names, readings)
            if hit is not None:
                hits.append(hit)
        # the longest name at each position, and no name inside a longer one
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken = [False] * n
        kept: list[NameHit] = []
        for hit in hits:
            if any(taken[hit.start:hit.end]):
                continue
            kept.append(hit)
            for i in range(hit.start, hit.end):
                taken[i] = True
        for hit in kept:
            ann.names[hit.start] = hit
        # demonyms that are part of a name ("Conseil européen") are not demonyms
        for hit in kept:
            for i in range(hit.start, hit.end):
                ann.demonyms.pop(i, None)
        return ann, kept, words

    def _name_hit(self, doc: Doc, ann: Annotations, keys: list[str], start: int, end: int, day: dt.date,
                  table: dict[str, list[tuple[str, str]]], readings: dict[tuple[str, ...], _Reading]) -> NameHit | None:
        key = " ".join(keys[start:end])
        tokens = ann.tokens
        if key in table:
            ids: list[str] = []
            for surface, actor_id in table[key]:
                if not _case_fits(surface, doc, tokens, start, end) or actor_id in ids:
                    continue
                if table is self.person_names and end - start == 1 and fold(surface) != tokens[start].key \
                        and _pos(tokens[start]) not in ("PROPN", "X") and not doc[start].ent_type_:
                    continue  # a transliteration match on a single common word ("Route" is not Rutte)
                ids.append(actor_id)
            if not ids:
                return None
            reading = readings.get(tuple(ids))
            if reading is None:
                reading = readings[tuple(ids)] = self._reading(ids, day)
            actor_ids, code, kind, sector = reading
            return NameHit(start, end, list(actor_ids), code, kind, sector)
        if table is self.names and key in self.places and _case_fits(self.places[key][0], doc, tokens, start, end):
            surface, code = self.places[key]
            return NameHit(start, end, [], code, "place")
        return None

    def _reading(self, ids: list[str], day: dt.date) -> _Reading:
        """The actors a name stands for on the date, their affiliation and type."""
        actors = [a for a in (self.kb.get(i) for i in ids) if a is not None]
        actors = _best_actors(self.kb, actors, day)
        codes = {self.kb.affiliation(a, day)[0] for a in actors}
        code, sector = self.kb.affiliation(actors[0], day) if len(codes) == 1 else (None, None)
        kind = actors[0].type if len({a.type for a in actors}) == 1 else "organisation"
        return tuple(a.id for a in actors), code, kind, sector

    def _candidates(self, doc: Doc, ann: Annotations, hits: list[NameHit], words: list[_Word]) -> list[Mention]:
        out: list[Mention] = []
        for hit in hits:
            if hit.kind == "person" and len(hit.actor_ids) == 1:
                hit = self._with_first_name(doc, ann, hit)
            end = hit.end
            if hit.kind in ("organisation", "group") and hit.code and ann.demonyms.get(end) == hit.code:
                end += 1  # "le département d'État américain"
            out.append(Mention(hit.start, end, "name", TYPE_LABELS.get(hit.kind, "ORG"), priority=0, hit=hit))
        ents = doc.ents if self.use_ner else ()
        ner_people = {e.start: e for e in ents if e.label_ in ("PER", "MISC")}
        ent_labels = {e.start: e.label_ for e in ents if len(e) == 1}
        tokens = ann.tokens
        bodies: list[tuple[str, ...]] = []  # names of bodies descriptions introduce
        # descriptions, and titles fused with the name that follows (they start with a lexicon phrase or an ordinal)
        ordinals = [i for i, word in enumerate(words) if word.ordinal]
        for i in sorted({*ann.lex, *ordinals}):
            if not (ann.first(i, HEAD, TITLE, FORMER) or words[i].ordinal):
                continue
            desc = self.grammar.description(ann, i)
            if desc is None:
                continue
            person = self._name_after(doc, ann, desc.end, ner_people) if desc.head.kind == TITLE else None
            if person is not None:
                end, hit = person
                out.append(Mention(desc.start, end, "person", "PER", priority=0, desc=desc, person_hit=hit,
                                   name_start=desc.end))
                continue
            if desc.scope_end > 0:  # "l'émissaire américain pour la Syrie Jim Jeffrey": the name alone
                person = self._name_after(doc, ann, desc.scope_end, ner_people)
                if person is not None:
                    end, hit = person
                    out.append(Mention(desc.scope_end, end, "person", "PER", priority=0, desc=desc, person_hit=hit,
                                       name_start=desc.scope_end))
            if desc.head.needs_demonym and (not desc.demonym or desc.complement_ids or desc.end >= len(words)
                                            or ann.first(desc.end, CONNECTOR)):
                continue  # "la partie russe", not "la partie serbe du Danube", "une partie de la Syrie"
            if desc.code or desc.anaphor or desc.complement_ids or not desc.head.needs_complement or desc.qualified:
                label = "NORP" if desc.demonym else ("PER" if desc.head.kind == TITLE else
                                                     "LOC" if desc.head.place else "ORG")
                out.append(Mention(desc.start, desc.end, "description", label, priority=1, desc=desc))
            elif desc.head.kind == HEAD and not desc.plural and not desc.former:
                # "Le Trésor" after "le Trésor américain": the bare noun may repeat a body the text qualified
                out.append(Mention(desc.start, desc.end, "repeat", "ORG", priority=5, desc=desc))
            named = self._org_name_after(ann, desc, ents) if desc.code and desc.head.kind == HEAD else None
            if named is not None:  # "l'agence nord-coréenne KCNA": the name is the described body's
                out.append(Mention(desc.start, named, "description", "ORG", priority=1, desc=desc,
                                   name_start=desc.end))
                bodies.append(tuple(word.key for word in words[desc.end:named]))
        # honorifics and anaphors (they start with a lexicon phrase), demonyms, acronyms
        acronyms = [i for i, word in enumerate(words) if word.acronym]
        for i in sorted({*ann.lex, *ann.demonyms, *acronyms}):
            if i in ann.lex:
                honorific = ann.first(i, HONORIFIC)
                if honorific:
                    person = self._name_after(doc, ann, honorific[0], ner_people)
                    if person is not None:
                        end, hit = person
                        out.append(Mention(i, end, "person", "PER", priority=0, person_hit=hit,
                                           name_start=honorific[0]))
                anaphor = self.grammar.anaphor(ann, i)
                if anaphor is not None:
                    out.append(Mention(anaphor.start, anaphor.end, "anaphor",
                                       "ORG" if anaphor.kind == "igo" else "GPE", priority=2, anaphor=anaphor))
            if i in ann.demonyms and tokens[i].capitalised and i not in ann.names:
                out.append(Mention(i, i + 1, "norp", "NORP", priority=3))
                person = self._name_after(doc, ann, i + 1, ner_people) if i > 0 and \
                    tokens[i - 1].key in self.kb.lexicon.apposition_articles else None
                if person is not None and person[1] is None:  # "l'Iranien Ahmad Karimi": a person of that state
                    out.append(Mention(i, person[0], "person", "PER", priority=0, name_start=i + 1))
            if words[i].acronym and i not in ann.names:
                out.append(Mention(i, i + 1, "typo", ent_labels.get(i, "ORG"), priority=3))
        for body in dict.fromkeys(bodies):  # the body named again later: a mention the resolver links to it
            size = len(body)
            for i in range(len(words) - size + 1):
                if words[i].key == body[0] and tuple(w.key for w in words[i:i + size]) == body \
                        and words[i].text[:1].isupper():
                    out.append(Mention(i, i + size, "ner", "ORG", priority=4))
        for ent in ents:
            person = self._fuzzy_person(ann, ent) if ent.label_ in ("PER", "MISC") else None
            if person is not None:
                out.append(Mention(ent.start, ent.end, "name", "PER", priority=0, hit=person))
            else:
                start, end = ent.start, ent.end
                if ent.label_ == "PER":
                    start, end = self._start_of_name(ann, start), self._rest_of_name(ann, end)
                out.append(Mention(start, end, "ner", ent.label_ or "MISC", priority=4))
        return out

    def _name_after(self, doc: Doc, ann: Annotations, i: int,
                    ner_people: dict[int, Span]) -> tuple[int, NameHit | None] | None:
        """A personal name starting at token ``i``: a KB person, an NER person, or
        a run of capitalised proper nouns."""
        tokens = ann.tokens
        if i >= len(tokens):
            return None
        hit = ann.names.get(i)
        if hit is not None:
            return (hit.end, hit) if hit.kind == "person" else None
        ent = ner_people.get(i)
        if ent is not None and ent.label_ == "PER":
            fuzzy = self._fuzzy_person(ann, ent)
            return (ent.end, fuzzy) if fuzzy is not None else (self._rest_of_name(ann, ent.end), None)
        j = i
        while j < len(tokens) and j - i < 4 and tokens[j].capitalised and tokens[j].text.isalpha() and \
                tokens[j].pos == "PROPN" and j not in ann.names and j not in ann.demonyms:
            j += 1
        return (self._rest_of_name(ann, j), None) if j > i else None

    def _start_of_name(self, ann: Annotations, start: int) -> int:
        """Where a personal name starts when the NER left out the capitalised particle that opens its surname
        and the first name before it ("Marine Le | Pen": "Marine" is also the navy)."""
        tokens = ann.tokens
        particles = self.kb.lexicon.surname_particles | self.kb.lexicon.name_particles

        def particle(i: int) -> bool:
            return i >= 0 and tokens[i].key in particles and tokens[i].capitalised and i not in ann.names

        if particle(start - 1):
            start -= 1
        first = start - 1
        if particle(start) and first >= 0 and tokens[first].capitalised and tokens[first].text.isalpha() \
                and first not in ann.names and first not in ann.demonyms:
            start = first
        return start

    def _rest_of_name(self, ann: Annotations, end: int) -> int:
        """Where a personal name ends when the NER or the tagger stopped at a particle or a hyphen
        ("Tahnoun ben Zayed Al-Nahyane")."""
        tokens, n = ann.tokens, len(ann.tokens)
        particles = self.kb.lexicon.name_particles
        while end < n and end not in ann.names and end not in ann.demonyms:
            here = tokens[end]
            if end > 0 and tokens[end - 1].key in particles and here.capitalised and here.text.isalpha():
                end += 1  # the NER stopped after the particle: "Saïd ben | Hamdan"
                continue
            if end + 1 >= n:
                break
            after = tokens[end + 1]
            if (here.key in particles or (here.text == "-" and tokens[end - 1].capitalised)) \
                    and after.capitalised and after.text.isalpha() and (end + 1) not in ann.names:
                end += 2
                continue
            if here.key in particles and after.text == "-" and end + 2 < n and tokens[end + 2].capitalised \
                    and tokens[end + 2].text.isalpha():  # "Al-Nahyane" split in three
                end += 3
                continue
            break
        return end

    def _org_name_after(self, ann: Annotations, desc: Description, ents: Sequence[Span]) -> int | None:
        """End of the name of a body the description introduces ("l'agence nord-coréenne KCNA",
        "le parti centriste Bleu Blanc"): an acronym, an organisation the NER found, or capitalised
        proper nouns, right after the description, that no KB name or demonym covers."""
        tokens, i = ann.tokens, desc.end
        if desc.head.place or desc.plural or i >= len(tokens) or i in ann.names or i in ann.demonyms:
            return None
        for ent in ents:
            if ent.start == i and ent.label_ in ("ORG", "MISC"):
                return ent.end if not any(j in ann.names for j in range(ent.start, ent.end)) else None
        j = i
        while j < len(tokens) and j - i < 4 and tokens[j].capitalised and tokens[j].text.isalpha() and \
                (tokens[j].pos == "PROPN" or _is_capitals(tokens[j].text)) and j not in ann.names \
                and j not in ann.demonyms:
            j += 1
        return j if j > i else None

    def _with_first_name(self, doc: Doc, ann: Annotations, hit: NameHit) -> NameHit:
        """Extend a person's surname to the first name written before it when it is
        a variant of the KB one ("Sadr Japarov", "Kassem-Jomart Tokaïev")."""
        named = {i for other in ann.names.values() for i in range(other.start, other.end)}
        tokens = ann.tokens
        start = hit.start
        while start > 0 and hit.start - start < 3 and (start - 1) not in ann.demonyms and (start - 1) not in named \
                and (tokens[start - 1].text == "-" or (tokens[start - 1].text.isalpha()
                                                       and tokens[start - 1].capitalised
                                                       and _pos(tokens[start - 1]) in ("PROPN", "NOUN", "X", ""))):
            start -= 1
        while start < hit.start and tokens[start].text == "-":
            start += 1
        if start == hit.start:
            return hit
        first = translit_key("".join(t.text for t in tokens[start:hit.start]))
        actor = self.kb.get(hit.actor_ids[0])
        if actor is None:
            return hit
        firsts = {translit_key("".join(self._tokenize(name)[:-1])) for name in actor.surface_forms()
                  if len(self._tokenize(name)) >= 2}
        if any(damerau_levenshtein(first, known) <= 2 for known in firsts if known):
            return NameHit(start, hit.end, hit.actor_ids, hit.code, hit.kind, hit.sector)
        return hit

    def _fuzzy_person(self, ann: Annotations, ent: Span) -> NameHit | None:
        """A KB person for a name not written as in the KB: its surname is a KB
        person's and its first name is within two edits ("Sadr Japarov")."""
        words = [t.text for t in ann.tokens[ent.start:ent.end] if t.text.isalpha()]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return None
        candidates = self._surname_matches(translit_key(words[-1]), translit_key(words[0]))
        if len(candidates) != 1:
            return None
        actor = self.kb.get(candidates[0])
        if actor is None:
            return None
        return NameHit(ent.start, ent.end, [actor.id], None, "person")


    def _remembered(self, key: tuple[str, str, str], compute: Callable[[], Iterable[str]]) -> tuple[str, ...]:
        found = self._fuzzy.get(key)
        if found is None:
            if len(self._fuzzy) >= FUZZY_CACHE_SIZE:
                self._fuzzy.clear()
            found = self._fuzzy[key] = tuple(compute())
        return found

    def _surname_matches(self, last: str, first: str) -> tuple[str, ...]:
        """KB people with surname key ``last`` and a first name within two edits of ``first``."""
        return self._remembered(("surname", last, first), lambda: sorted(
            {actor_id for first_key, actor_id in self.surnames.get(last, ())
             if damerau_levenshtein(first_key, first) <= 2}))

    def _acronyms_near(self, text: str) -> frozenset[str]:
        """IGOs whose acronym is one edit away from ``text`` (a typo: OSTC for OTSC)."""
        return frozenset(self._remembered(("acronym", text, ""), lambda: sorted(
            {actor_id for acronym, ids in self.acronyms.items()
             if damerau_levenshtein(acronym, text) == 1 for actor_id in ids})))


# ---------------------------------------------------------------------- phrase lookup
class PhraseIndex:
    """Every occurrence of known phrases in a sequence of token keys, as a
    PhraseMatcher on ORTH finds them (overlaps included, by start then end), without
    building a spaCy Doc of the keys."""

    def __init__(self) -> None:
        self._phrases: set[tuple[str, ...]] = set()
        self._lengths: dict[str, list[int]] = {}  # first word -> lengths of the phrases it starts

    def add(self, words: Sequence[str]) -> None:
        phrase = tuple(_matchable(w) for w in words)
        self._phrases.add(phrase)
        lengths = self._lengths.setdefault(phrase[0], [])
        if len(phrase) not in lengths:
            lengths.append(len(phrase))
            lengths.sort()

    def __call__(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """``words``: token keys passed through ``_matchable``."""
        n = len(words)
        found: list[tuple[int, int]] = []
        firsts = self._lengths
        for start in [i for i, word in enumerate(words) if word in firsts]:
            for size in firsts[words[start]]:
                if start + size > n:
                    break
                if size == 1 or tuple(words[start:start + size]) in self._phrases:
                    found.append((start, start + size))
        return found


def _matchable(key: str) -> str:
    """A key as a matchable word: blank ones become a placeholder."""
    return key if key.strip() else PLACEHOLDER


# ---------------------------------------------------------------------- selection
def _select(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: KB-backed ones longest first, then the NER's
    entities and acronym typos in the gaps."""
    kb_backed = [m for m in candidates if m.kind not in ("ner", "typo", "repeat")]
    others = [m for m in candidates if m.kind in ("ner", "typo")]
    kb_backed.sort(key=lambda m: (-len(m), m.priority, m.start))
    others.sort(key=lambda m: (m.priority, -len(m), m.start))
    others += [m for m in candidates if m.kind == "repeat"]  # bare nouns last: only where nothing else is
    taken: set[int] = set()
    chosen: list[Mention] = []
    for mention in [*kb_backed, *others]:
        cells = set(range(mention.start, mention.end))
        if cells & taken:
            continue
        if mention.kind == "typo" and any(m.start == mention.start for m in chosen):
            continue
        taken |= cells
        chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return chosen


# ---------------------------------------------------------------------- resolution
class _Resolver:
    def __init__(self, linker: ActorLinker, doc: Doc, ann: Annotations, day: dt.date) -> None:
        self.kb = linker.kb
        self.linker = linker
        self.doc = doc
        self.ann = ann
        self.tokens = ann.tokens
        self.deps = doc.to_array(attrs.DEP).tolist()  # dependency label ids
        self.day = day
        self.history: list[Mention] = []
        self.people: dict[str, Mention] = {}  # surname key -> mention that named the person
        self.first_words: dict[str, Mention | None] = {}  # first word of a name -> its mention (None: several)
        self.bodies: dict[str, Mention] = {}  # name key -> the description that introduced the body
        self.sent_of = _sentence_index(doc)
        self.undated = doc._.published is None
        self.home: str | None = doc._.home  # the outlet's state, when the ingest knows it
        self.named_codes: dict[str, int] = {}
        self.covering: dict[int, list[Mention]] = {}  # the mentions over each token (_focus_weight asks per token)
        self._doc_states: set[str] | None = None  # _document_states, computed once

    def run(self, mentions: list[Mention]) -> None:
        named_ids = {i for m in mentions for hit in (m.hit, m.person_hit) if hit for i in hit.actor_ids}
        self.all_mentions = mentions
        self.covering = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.covering.setdefault(i, []).append(m)
        for m in mentions:
            if m.kind == "name" and m.hit is not None and m.hit.code and m.hit.kind != "person":
                self.named_codes[m.hit.code] = self.named_codes.get(m.hit.code, 0) + 1
        for mention in mentions:
            mention.sent = self.sent_of[mention.start]
            mention.subject = self._subject(mention)
            if mention.desc is not None:
                mention.lemmas = set(mention.desc.chain)
            handler = getattr(self, f"_{mention.kind}")
            handler(mention, named_ids)
            self._apposition(mention)
            self._remember_kb_person(mention)
            if mention.kind == "description" and mention.name_start >= 0 and mention.code:
                self._remember_body(mention)
            self.history.append(mention)
        self._parentheses(mentions)
        self._people_of_the_focus(mentions)

    def _people_of_the_focus(self, mentions: list[Mention]) -> None:
        """People the text names without saying whose, in a political text about one state, are its
        own ("l'imam Mahmoud Dicko" in a dispatch on Mali); a text with no official in it (sport,
        culture) leaves them unlinked."""
        officials = sum(1 for m in mentions if m.code and m.sector in POLITICAL_SECTORS)
        if officials < MIN_OFFICIALS:
            return
        for mention in mentions:
            if mention.label != "PER" or mention.code or mention.kind not in ("ner", "person"):
                continue
            mention.code = self._focus(mention)
            if mention.code:
                mention.actor_id = mention.actor_id or self._discovered(mention)
                self._remember(mention, mention.name_start if mention.name_start >= 0 else mention.start)

    def _subject(self, mention: Mention) -> bool:
        # coordinated subjects are all subjects: "La Russie et la Turquie entretiennent..."
        if len(mention) == 1:  # a one-token span is its own root
            root = mention.start
            head = self.tokens[root].head
            head = root if head is None else head
            dep, head_dep = self._dep(root), self._dep(head)
        else:
            token = self.doc[mention.start:mention.end].root
            dep, head_dep = token.dep_, token.head.dep_
        return dep.startswith("nsubj") or (dep == "conj" and head_dep.startswith("nsubj"))

    def _dep(self, i: int) -> str:
        return self.doc.vocab.strings[self.deps[i]]

    def _between(self, end: int, start: int, text: str) -> bool:
        """Whether the only token between two mentions is ``text``."""
        return start - end == 1 and self.tokens[end].text == text

    def _parentheses(self, mentions: list[Mention]) -> None:
        """"Comité de sécurité nationale (KNB)": a name and the acronym in
        parentheses after it are one actor; the known one links the other."""
        tokens = self.tokens
        for first, second in zip(mentions, mentions[1:], strict=False):
            if not self._between(first.end, second.start, "(") or second.end >= len(tokens) \
                    or tokens[second.end].text != ")":
                continue
            if first.label == "PER" or second.label == "PER":
                continue
            known, unknown = (first, second) if first.code else (second, first)
            if known.code and unknown.code is None and unknown.kind in ("ner", "typo", "description"):
                unknown.actor_id, unknown.code, unknown.sector = known.actor_id, known.code, known.sector
                if known.label in ("ORG", "GPE"):
                    unknown.label = known.label

    # --- kinds
    def _name(self, mention: Mention, named_ids: set[str]) -> None:
        hit = mention.hit
        assert hit is not None
        if hit.kind == "place":
            mention.code, mention.label, mention.direct = hit.code, "LOC", hit.code is not None
            seat = self.kb.seat(" ".join(t.text for t in self.tokens[mention.start:mention.end]))
            if seat is not None and not (mention.start > 0 and self.tokens[mention.start - 1].text.lower()
                                         in self.kb.seat_place_prepositions):
                # "entre Londres et Bruxelles": the organisation the city seats, not a place
                mention.code, mention.label, mention.direct = seat, "ORG", True
            return
        actor = self.kb.get(hit.actor_ids[0]) if len(hit.actor_ids) == 1 else None
        if actor is None:
            mention.code, mention.sector = hit.code, hit.sector
            if hit.actor_ids and hit.code is not None:
                mention.actor_id = hit.actor_ids[0]
            mention.direct = hit.code is not None and hit.kind == "state"
            return
        self._link(mention, actor)
        mention.label = TYPE_LABELS.get(actor.type, "ORG")
        mention.direct = actor.type in ("state", "person", "group", "organisation") and mention.code is not None
        if actor.type == "person":
            self._remember(mention, mention.start)

    def _person(self, mention: Mention, named_ids: set[str]) -> None:
        hit, desc = mention.person_hit, mention.desc
        actor = self.kb.get(hit.actor_ids[0]) if hit is not None and len(hit.actor_ids) == 1 else None
        if actor is not None:
            self._link(mention, actor)
            title_code = self._title_code(desc, mention) if desc is not None else None
            role = self.kb.role_on(actor, self.day)
            concept = desc.concept if desc is not None else None
            role_concept = self.kb.lexicon.concept_of_title(role.title) if role else None
            if title_code and (title_code != mention.code or (concept and concept != role_concept)):
                self._adopt_role(mention, actor, title_code, concept)
            mention.direct = mention.code is not None
        elif desc is None and mention.start in self.ann.demonyms:  # "l'Iranien Ahmad Karimi"
            known = self._known_person(mention.name_start, mention.end)
            if known is not None and known.code == self.ann.demonyms[mention.start]:
                mention.actor_id, mention.sector = known.actor_id, known.sector
            mention.code = self.ann.demonyms[mention.start]
            mention.actor_id = mention.actor_id or self._discovered(mention)
        else:
            known = self._known_person(mention.name_start, mention.end)
            words = self._name_words(mention.name_start, mention.end)
            if known is not None and len(words) >= 2 and not self._same_first_name(words[0], known):
                # "Mojtaba Khamenei" after "Ali Khamenei": another of that family, of its state unless a title
                # says whose ("le vice-président afghan Amrullah Saleh" after Barham Saleh)
                if desc is None or desc.code is None:
                    mention.code, mention.sector = known.code, desc.sector if desc is not None else None
                    self._remember(mention, mention.name_start)
                    return
                known = None
            kb_person = self._kb_surname(mention.name_start, mention.end, named_ids) if known is None else None
            if known is not None:
                mention.actor_id, mention.code, mention.sector = known.actor_id, known.code, known.sector
            elif kb_person:
                self._link_people(mention, kb_person)
            elif desc is not None:
                state = self._state_in_name(mention)
                if state is not None and desc.code is None:
                    mention.code, mention.sector = state, desc.sector
                else:
                    self._description(mention, named_ids)
                mention.actor_id = self._discovered(mention) if mention.code else None
        self._remember(mention, mention.name_start)

    def _description(self, mention: Mention, named_ids: set[str]) -> None:
        desc = mention.desc
        assert desc is not None
        mention.sector = desc.sector
        code = desc.code
        if code is None and desc.anaphor is not None:
            antecedent = self._antecedent(desc.anaphor, mention)
            if antecedent is None:
                return  # "soldats de l'alliance": the alliance's, or unknown
            code = antecedent.code
        if desc.head.kind == TITLE:
            self._title(mention, desc, code)
            return
        if code is not None:
            mention.code = code
            mention.direct = desc.via == "demonym" or desc.complement_kind in ("state", "place")
            return
        if desc.ambiguous:
            return
        qualifier = self._qualifying_name(mention)
        if qualifier is not None:
            mention.code = qualifier
            return
        group = self._named_group(desc)
        if group is not None:
            self._link(mention, group)
            return
        if self._indefinite(mention):
            return  # "une force de maintien de la paix" is a new entity, not the focus state's
        same = self._same_noun(mention)
        if same is not None:
            mention.code = same.code
            return
        mention.code = self._focus(mention)

    def _title(self, mention: Mention, desc: Description, code: str | None) -> None:
        """A person's title: its holder on the date, else an apposed or earlier
        person with that role; a title with an unknown name falls back to the
        focus state, a bare one does not."""
        if code is not None:
            mention.code = code
            mention.direct = desc.via == "demonym" or desc.complement_kind in ("state", "place")
            if not desc.plural:
                holder = self._role_holder(desc, code)
                if holder is not None:
                    self._link(mention, holder)
            return
        if desc.ambiguous:
            return
        if desc.plural:
            # "les députés", "deux ministres": holders of the title in the state the text is about (its focus, when
            # one leads), as a crowd or a police is; a plural is no one person to look for (a bare plural, "en cas
            # de démission de députés", names a kind, no one)
            # (nor when a complement that names no state says whose they are, "les ministres des deux pays", "les
            # présidents de groupes"; nor of a state named only as the place where something happens, "réunis à
            # Londres")
            root = self.doc[mention.start:mention.end].root
            complement = len(desc.chain) > 1 or (
                mention.end < len(self.tokens) and self.tokens[mention.end].key in CONNECTORS_OF_STATE)
            if any(c.dep_ in ("det", "nummod") for c in root.children) and not complement:
                mention.code = self._focus(mention, settled=True)
            return
        apposed = self._apposed_person(mention)
        if apposed is not None:
            mention.actor_id, mention.code, mention.sector = apposed.actor_id, apposed.code, apposed.sector
            return
        if not desc.former:
            person = self._person_antecedent(desc, mention)
            if person is not None:
                mention.actor_id, mention.code, mention.sector = person.actor_id, person.code, person.sector
                return
        if (len(desc.chain) > 1 or desc.portfolio) and not desc.anaphor:
            # "le porte-parole du Conseil de sécurité nationale": the title of an institution the text
            # does not qualify is the institution's state (same noun earlier, or the focus); so is a
            # portfolio's, "le ministre de la Santé", a member of the government of the state the text is about
            same = self._same_noun(mention)
            mention.code = same.code if same is not None else self._title_focus(mention, desc)
            if mention.code:
                return
        words = " ".join(t.key for t in self.tokens[mention.start:mention.end])
        if self.home and words in self.kb.lexicon.home_titles \
                and not (mention.end < len(self.tokens) and self.tokens[mention.end].text == ","):
            mention.code = self.home  # "le président de la République" in a French outlet: France's
            return
        if mention.kind == "person":
            mention.code = self._title_focus(mention, desc)

    def _title_focus(self, mention: Mention, desc: Description) -> str | None:
        """The focus state of a title the text gives no state, unless a monarch's or a royal's title and the
        focus is no monarchy ("le roi Albert" in a text about France)."""
        code = self._focus(mention)
        if code is not None and desc.title in self.kb.lexicon.royal_titles:
            return code if code in self.kb.lexicon.monarchies else None
        return code

    def _anaphor(self, mention: Mention, named_ids: set[str]) -> None:
        assert mention.anaphor is not None
        antecedent = self._antecedent(mention.anaphor, mention)
        if antecedent is not None:
            mention.actor_id, mention.code, mention.sector = antecedent.actor_id, antecedent.code, antecedent.sector
            mention.label = antecedent.label if antecedent.label in ("ORG", "GPE") else mention.label

    def _repeat(self, mention: Mention, named_ids: set[str]) -> None:
        """"Le Trésor américain a sanctionné [...] Le Trésor a aussi": a body's noun that needs a complement,
        repeated bare, stands for the body the text named with it before (a KB organisation or a description
        whose first word it is), when all those it named share one code."""
        start = mention.start
        article = self.tokens[start].key in SKIP_ARTICLES or (start > 0 and self.tokens[start - 1].key in SKIP_ARTICLES)
        if not article:
            return  # "un changement de régime", "un groupe agile": not the body named before
        key = self._first_word(mention)
        framed = self._framing_state(mention) if key in FRAMED_HEADS and mention.subject else None
        if framed is not None:
            mention.code, mention.sector = framed, mention.desc.sector if mention.desc is not None else None
            return
        earlier = [m for m in self.history if m.code and len(m) > 1 and self._first_word(m) == key and (
            m.kind == "description" or (m.kind == "name" and m.hit is not None
                                        and m.hit.kind in REPEATED_KINDS))]
        if not earlier or len({m.code for m in earlier}) != 1:
            return
        last = earlier[-1]
        mention.actor_id, mention.code, mention.sector = last.actor_id, last.code, last.sector
        mention.label = last.label

    def _framing_state(self, mention: Mention) -> str | None:
        """The state a place opening the sentence names when the mention's clause follows it at once, as its subject:
        "Au Kenya, le régime a ...", "En Bolivie, le pouvoir a ...", or after another fronted adjunct that names no
        one, "Au Kenya, mardi, le régime a ..." (the sentence's own frame says whose the bare organ is; a place named
        anywhere else in the sentence, or in the text before, does not)."""
        frame = next((m for m in self.history if m.sent == mention.sent), None)
        if frame is None or frame.end >= mention.start or frame.hit is None or not frame.hit.code \
                or frame.hit.kind not in ("state", "place") or frame.label == "ORG":
            return None
        preposition = self._locative_at(frame)
        first = preposition
        while first > 0 and self.tokens[first - 1].text in OPENING_MARKS:
            first -= 1
        if preposition < 0 or (first > 0 and self.sent_of[first - 1] == self.sent_of[first]):
            return None
        if frame.end >= len(self.tokens) or self.tokens[frame.end].text != ",":
            return None
        between = range(frame.end + 1, mention.start)
        last_comma = max((i for i in between if self.tokens[i].text == ","), default=frame.end)
        if any(self.tokens[i].key not in SKIP_ARTICLES for i in range(last_comma + 1, mention.start)):
            return None
        # "Au Kenya, mardi, le régime a ...": another fronted adjunct may stand between, with no clause nor party
        if any(self.doc[i].pos_ in ("VERB", "AUX") or self.covering.get(i) for i in range(frame.end + 1, last_comma)):
            return None
        return frame.hit.code

    def _first_word(self, mention: Mention) -> str:
        i = mention.start
        while i < mention.end - 1 and self.tokens[i].key in SKIP_ARTICLES:
            i += 1
        return self.tokens[i].key

    def _norp(self, mention: Mention, named_ids: set[str]) -> None:
        mention.code = self.ann.demonyms.get(mention.start)

    def _typo(self, mention: Mention, named_ids: set[str]) -> None:
        body = self.bodies.get(self._name_key(mention.start, mention.end))
        if body is not None:
            mention.actor_id, mention.code, mention.sector = body.actor_id, body.code, body.sector
            return
        targets = self.linker._acronyms_near(self.tokens[mention.start].text) & named_ids
        if len(targets) == 1:
            actor = self.kb.get(next(iter(targets)))
            if actor is not None:
                self._link(mention, actor)
                mention.label = TYPE_LABELS.get(actor.type, "ORG")

    def _ner(self, mention: Mention, named_ids: set[str]) -> None:
        body = self.bodies.get(self._name_key(mention.start, mention.end))
        if body is not None and mention.label != "PER":
            mention.actor_id, mention.code, mention.sector = body.actor_id, body.code, body.sector
            return
        words = self._name_words(mention.start, mention.end)
        if mention.label != "PER" and len(words) == 1 and words[0][:1].isupper():
            # a surname the document gave a person, whatever label the NER put on it ("Mouallem")
            known = self.people.get(translit_key(words[0]))
            if known is not None and known.code and known.label == "PER":
                mention.label = "PER"
                mention.actor_id, mention.code, mention.sector = known.actor_id, known.code, known.sector
                return
        if mention.label == "PER":
            known = self._known_person(mention.start, mention.end)
            kb_person = self._kb_surname(mention.start, mention.end, named_ids) if known is None else None
            if known is not None:
                mention.actor_id, mention.code, mention.sector = known.actor_id, known.code, known.sector
            elif kb_person:
                self._link_people(mention, kb_person)
            self._remember(mention, mention.start)

    # --- helpers
    def _link(self, mention: Mention, actor: Actor) -> None:
        mention.actor_id = actor.id
        mention.code, mention.sector = self.kb.affiliation(actor, self.day)
        if self.undated and actor.type == "person":
            self._context_role(mention, actor)

    def _context_role(self, mention: Mention, actor: Actor) -> None:
        """Undated document: of a person's affiliations over time, the one the
        document names most (Stoltenberg in a NATO story is NATO's)."""
        codes = {role.code for role in actor.roles if role.code}
        if len(codes) < 2:
            return
        named = self.named_codes
        best = max(codes, key=lambda code: (named.get(code, 0), code == mention.code))
        if named.get(best, 0) > named.get(mention.code or "", 0):
            self._adopt_role(mention, actor, best)

    def _adopt_role(self, mention: Mention, actor: Actor, code: str, concept: str | None = None) -> bool:
        """Give ``mention`` the person's role with ``code`` (and ``concept`` when
        one matches; valid on the date if one is, else the latest); False when
        the person never had one."""
        roles = [role for role in actor.roles if role.code == code]
        if not roles:
            return False
        fitting = [r for r in roles if concept and self.kb.lexicon.concept_of_title(r.title) == concept]
        roles = fitting or roles
        valid = [role for role in roles if role.valid_on(self.day)]
        role = valid[0] if valid else max(roles, key=lambda r: r.end or r.start or dt.date.min)
        mention.code, mention.sector = role.code, role.sector or mention.sector
        return True

    def _name_words(self, start: int, end: int) -> list[str]:
        return [t.text for t in self.tokens[start:end] if t.text.isalpha() or "-" in t.text.strip("-")]

    def _name_key(self, start: int, end: int) -> str:
        return " ".join(translit_key(t.text) for t in self.tokens[start:end] if t.text.isalnum())

    def _remember(self, mention: Mention, name_start: int) -> None:
        words = self._name_words(max(name_start, mention.start), mention.end)
        if words and words[-1][:1].isupper():
            self._remember_words(words, mention)

    def _remember_words(self, words: list[str], mention: Mention) -> None:
        key = translit_key(words[-1])
        previous = self.people.get(key)
        if previous is None or previous.code is None or mention.code is not None:
            self.people[key] = mention
        if len(words) >= 2 and words[0][:1].isupper():  # "M. Kim" after "Kim Jong Un"
            first = translit_key(words[0])
            if first not in self.first_words:
                self.first_words[first] = mention
            elif (earlier := self.first_words[first]) is not None and \
                    (earlier.actor_id, earlier.code) != (mention.actor_id, mention.code) and earlier.code:
                self.first_words[first] = None

    def _remember_kb_person(self, mention: Mention) -> None:
        """A KB person the text names by a title only ("le chef de la diplomatie américaine"):
        "M. Pompeo" later is that person."""
        if mention.kind != "description" or not mention.actor_id or not mention.code:
            return
        actor = self.kb.get(mention.actor_id)
        if actor is None or actor.type != "person":
            return
        for form in actor.surface_forms():
            words = form.split()
            if len(words) >= 2 and translit_key(words[-1]) not in self.people:
                self._remember_words(words, mention)

    def _remember_body(self, mention: Mention) -> None:
        """The name a description introduced ("l'agence nord-coréenne KCNA"): later "KCNA" alone
        is that body."""
        key = self._name_key(mention.name_start, mention.end)
        if key:
            mention.actor_id = mention.actor_id or self._discovered(mention)
            self.bodies[key] = mention

    def _known_person(self, start: int, end: int) -> Mention | None:
        words = self._name_words(start, end)
        if not words:
            return None
        found = self.people.get(translit_key(words[-1]))
        if found is None and len(words) == 1:
            found = self.first_words.get(translit_key(words[0]))
        return found

    def _same_first_name(self, first: str, found: Mention) -> bool:
        """Whether a first name fits the person a mention named: its own first name when it wrote one, else
        the KB person's it was linked to ("M. Saleh" linked to Barham Saleh is not "Amrullah Saleh")."""
        named = self._name_words(max(found.name_start, found.start), found.end)
        actor = self.kb.get(found.actor_id) if found.actor_id else None
        if len(named) >= 2:
            firsts = [named[0]]
        elif actor is not None and actor.type == "person":
            firsts = [form.split()[0] for form in actor.surface_forms() if len(form.split()) >= 2]
        else:
            return True
        key = translit_key(first)
        return not firsts or any(damerau_levenshtein(key, translit_key(known)) <= 2 for known in firsts)

    def _link_people(self, mention: Mention, people: list[Actor]) -> None:
        """The one person, or the state all of them served on the date ("M. Kim": PRK)."""
        if len(people) == 1:
            self._link(mention, people[0])
            return
        codes = {self.kb.affiliation(a, self.day) for a in people}
        if len(codes) == 1:
            mention.code, mention.sector = next(iter(codes))

    def _kb_surname(self, start: int, end: int, named_ids: set[str]) -> list[Actor]:
        """"M. Pompeo", "Pompeo": the KB person with that surname in office on the document's
        date (the ones the document names, if several are)."""
        words = self._name_words(start, end)
        if len(words) != 1 or not words[0][:1].isupper():
            return []
        key = translit_key(words[0])
        ids = {actor_id for _, actor_id in self.linker.surnames.get(key, ())}
        actors = [a for a in (self.kb.get(i) for i in sorted(ids)) if a is not None and self.kb.active_on(a, self.day)
                  and a.roles]
        actors = self._vouched(actors, named_ids)
        if not actors:  # family name first ("M. Kim" for Kim Jong Un)
            first = [a for a in (self.kb.get(i) for i in sorted(self.linker.first_words.get(key, set())))
                     if a is not None]
            actors = self._vouched(first, named_ids, by_state=False)
        return actors

    def _vouched(self, actors: list[Actor], named_ids: set[str], by_state: bool = True) -> list[Actor]:
        """The KB people a word alone ("M. Saleh") may stand for, scored by what the text says of them: named
        in full (2), or, when the word is the only candidate's surname (``by_state``), their state named (1);
        the best score wins, and a candidate the text says nothing of is none (an Afghan "M. Saleh" is not
        Iraq's president Barham Saleh in a text that never names Iraq)."""
        def score(actor: Actor) -> int:
            if actor.id in named_ids:
                return 2
            alone = by_state and len(actors) == 1
            return 1 if alone and self.kb.affiliation(actor, self.day)[0] in self.named_codes else 0

        scores = {actor.id: score(actor) for actor in actors}
        best = max(scores.values(), default=0)
        return [actor for actor in actors if best and scores[actor.id] == best]

    def _state_in_name(self, mention: Mention) -> str | None:
        """"le roi Hamad de Bahreïn", "le ministre Pablo Ortega de l'Équateur": a state named
        inside or right after the name part of a titled person."""
        for hit in self.ann.names.values():
            if not (mention.name_start < hit.start <= mention.end + 2 and hit.kind == "state" and hit.code):
                continue
            k = hit.start - 1
            if k > mention.name_start and self.tokens[k].key in SKIP_ARTICLES:
                k -= 1
            if k > mention.name_start and self.tokens[k].key in CONNECTORS_OF_STATE and k <= mention.end:
                return hit.code
        return None

    def _discovered(self, mention: Mention) -> str | None:
        """The id of a person or body the KB does not hold, linked from how the text presents it:
        "discovered:" and its folded name ("discovered:yoon_do-han")."""
        start = mention.name_start if mention.name_start >= 0 else mention.start
        end = mention.end
        # a title that opens the name is none of it: "Me Sophie Garnier" is sophie_garnier
        while (honorific := self.ann.first(start, HONORIFIC)) is not None and honorific[0] < end:
            start = honorific[0]
        places = [h.start for h in self.ann.names.values() if start < h.start < end and h.kind in ("state", "place")]
        if places:  # "Hamad de Bahreïn" is Hamad
            end = min(places)
            while end > start and self.tokens[end - 1].key in NAME_PLACE_CONNECTORS:
                end -= 1
        name = fold(self.doc[start:end].text) if end > start else ""
        words = [w for w in re.split(r"[^\w'-]+", name) if w]
        return DISCOVERED + "_".join(words) if words else None

    def _apposed_person(self, mention: Mention) -> Mention | None:
        """The resolved person just before ", <title>"."""
        if not self.history:
            return None
        previous = self.history[-1]
        if self._between(previous.end, mention.start, ",") and previous.label == "PER" and previous.code \
                and previous.kind in ("name", "person", "ner"):
            return previous
        return None

    def _title_code(self, desc: Description, mention: Mention) -> str | None:
        if desc.code:
            return desc.code
        if desc.anaphor is not None:
            antecedent = self._antecedent(desc.anaphor, mention)
            return antecedent.code if antecedent else None
        return None

    def _apposed_nationality(self, mention: Mention) -> str | None:
        """A nationality set off by commas beside a name: "Paul Dumont, français, spécialiste de ...",
        "sa collègue australienne, Kylie Moore-Gilbert, a ...", or qualifying the common noun right
        before it: "le compositeur autrichien Johann Strauss"."""
        tokens, demonyms, end, start = self.tokens, self.ann.demonyms, mention.end, mention.start
        closes = (",", ".", ";", ")")
        if end + 2 <= len(tokens) and tokens[end].text == "," and end + 1 in demonyms \
                and (end + 2 == len(tokens) or tokens[end + 2].text in closes):
            return demonyms[end + 1]
        after_mention = bool(self.history) and self.history[-1].end >= start - 2  # "les soldats russes, X"
        if start >= 3 and not after_mention and tokens[start - 1].text == "," and start - 2 in demonyms \
                and end < len(tokens) \
                and tokens[end].text == "," and self.doc[start - 3].pos_ == "NOUN" \
                and not tokens[start - 2].text[:1].isupper():
            return demonyms[start - 2]
        if start >= 2 and start - 1 in demonyms and not tokens[start - 1].text[:1].isupper() \
                and self.doc[start - 2].pos_ in ("NOUN", "PROPN") and tokens[start - 2].text[:1].islower() \
                and not (self.history and self.history[-1].end > start - 2):
            return demonyms[start - 1]  # "le compositeur autrichien Johann Strauss"
        return None

    def _complement_of(self, mention: Mention, title: Mention) -> bool:
        """Whether ``mention`` only completes ``title`` ("auprès de l'ONU", "à Paris"): nothing but words
        of a phrase between them, and the mention hangs on the title in the parse."""
        if mention.start <= title.end or mention.start - title.end > 4 \
                or any(t.text in (",", ";", ".", "(", ")") for t in self.tokens[title.end:mention.start]):
            return False
        token = self.doc[mention.start]
        for _ in range(4):
            if title.start <= token.i < title.end:
                return True
            if token.head.i == token.i:
                return False
            token = token.head
        return False

    def _apposed(self, end: int, start: int) -> bool:
        """Whether a comma, maybe followed by an article ("X, un conseiller du roi"), is all
        that separates two mentions."""
        if self._between(end, start, ","):
            return True
        if start - end >= 3 and self.tokens[end].text == "," and \
                tuple(t.key for t in self.tokens[end + 1:start]) in self.kb.lexicon.apposition_partitives:
            return True  # "X, l'une des négociatrices de Kaboul"
        return start - end == 2 and self.tokens[end].text == "," and \
            self.tokens[end + 1].key in self.kb.lexicon.apposition_articles

    def _opens_a_clause(self, before: Mention, after: Mention) -> bool:
        """Whether the comma between two mentions closes a phrase and ``after`` is the subject of the clause
        that follows, so that they are no apposition: "selon Slate, l'ancien Premier ministre aurait ...",
        "comme le rappelle Slate, le ministre a ..." (in the parse, ``after`` is a verb's subject and
        ``before`` an oblique of it or an argument of another verb)."""
        first, second = self.doc[before.start:before.end].root, self.doc[after.start:after.end].root
        if not second.dep_.startswith("nsubj") or second.head.pos_ not in ("VERB", "AUX") \
                or before.start <= second.head.i < before.end:
            return False
        return first.dep_.startswith("obl") or (first.head.i != second.head.i and first.dep_.startswith("nsubj"))

    def _apposition(self, mention: Mention) -> None:
        """"<title>, <unknown person>" and "<unknown person>, <title>": the person
        takes the title's affiliation."""
        known = mention.actor_id is not None and not mention.actor_id.startswith(DISCOVERED)
        if mention.label == "PER" and not known and mention.kind in ("ner", "person", "description"):
            code = self._apposed_nationality(mention)
            if code is not None and code != mention.code:  # what the text says beats a guess
                mention.code = code
                mention.actor_id = self._discovered(mention)
                self._remember(mention, mention.name_start if mention.name_start >= 0 else mention.start)
                return
        if not self.history:
            return
        previous = self.history[-1]
        gap = previous.end if previous.desc is None or previous.desc.scope_end < 0 else previous.desc.scope_end
        if len(self.history) >= 2 and (title := self.history[-2]).desc is not None \
                and title.desc.scope_end == previous.end:
            previous = title  # "l'envoyé spécial de l'ONU pour le Yémen, Martin Griffiths"
        elif len(self.history) >= 2 and (title := self.history[-2]).desc is not None and previous.desc is not None \
                and title.desc.head.kind == TITLE and previous.desc.head.kind == HEAD and title.code \
                and previous.code == title.code and self._apposed(title.end, previous.start) \
                and self._apposed(gap, mention.start):
            previous = title  # "le porte-parole de la Maison bleue, la présidence sud-coréenne, Yoon Do-han"
        elif len(self.history) >= 2 and (title := self.history[-2]).desc is not None \
                and title.desc.head.kind == TITLE and title.code and self._complement_of(previous, title):
            previous = title  # "Ambassadeur de l'Union européenne auprès de l'ONU, Olof Skoog"
        if not self._apposed(gap, mention.start) or self._opens_a_clause(previous, mention):
            return
        pairs = ((previous, mention), (mention, previous))
        for person, title in pairs:
            is_title = title.kind == "description" and title.desc is not None and title.desc.head.kind == TITLE
            if is_title and title.code is None and person.label == "PER" and person.code and \
                    person.kind in ("name", "person") and title.desc is not None and not title.desc.plural:
                # "Le chef de l'État, Kassym-Jomart Tokaïev, ..."
                title.actor_id, title.code, title.sector = person.actor_id, person.code, person.sector
                continue
            if person.kind == "name" and person.label == "PER" and person.actor_id and title.code and is_title:
                actor = self.kb.get(person.actor_id)
                assert title.desc is not None
                if actor is not None and person.code != title.code:
                    self._adopt_role(person, actor, title.code, title.desc.concept)
                if person.code == title.code:
                    title.actor_id = person.actor_id  # the text says who holds the title
            if person.label == "PER" and person.code is None and person.kind in ("ner", "person") \
                    and title.kind == "description" and title.desc is not None \
                    and title.desc.head.kind == TITLE and title.code is not None:
                if title.desc.code is None and title.desc.anaphor is None and title.actor_id:
                    # the title was read as an earlier holder's ("le ministre des Affaires étrangères"
                    # after Pompeo); the new name says it is someone else's, of unknown state
                    title.actor_id = title.code = None
                    continue
                person.code, person.sector = title.code, title.sector
                person.actor_id = self._discovered(person)
                self._remember(person, person.name_start if person.name_start >= 0 else person.start)

    def _role_holder(self, desc: Description, code: str | None) -> Actor | None:
        if desc.former or code is None or desc.area:
            return None
        holders: list[Actor] = []
        if desc.concept and desc.concept not in ("minister", "leader", "officer", "counterpart", "adviser",
                                                 "ambassador", "diplomat", "opponent", "mayor", "secretary"):
            holders = self.kb.holders(desc.concept, code, self.day)
        elif desc.complement_ids:
            holders = [a for a in self.kb.title_holders(desc.title, self.day)
                       if self.kb.affiliation(a, self.day)[0] == code]
        return holders[0] if len(holders) == 1 else None

    def _salience(self, mention: Mention, fits: Any, margin: float = 1.5, by_actor: bool = False) -> Mention | None:
        """The antecedent (among earlier mentions that ``fits``) with the best
        recency-weighted frequency, when it clearly leads the next one."""
        scores: dict[str, float] = defaultdict(float)
        best: dict[str, Mention] = {}
        for earlier in self.history:
            if earlier.code is None or not fits(earlier):
                continue
            key = earlier.actor_id if by_actor and earlier.actor_id else earlier.code
            weight = (2.0 if earlier.subject else 1.0) * DECAY ** max(0, mention.sent - earlier.sent)
            scores[key] += weight
            best[key] = earlier
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] < margin * ranked[1][1]:
            return None
        return best[ranked[0][0]]

    def _antecedent(self, anaphor: Anaphor, mention: Mention) -> Mention | None:
        """States: any earlier mention coded with a state (its people and
        institutions count); IGOs: mentions coded with an IGO carrying the tags."""
        if anaphor.kind == "state":
            owner = self._relative_owner(mention)
            if owner is not None:
                return owner if owner.code else None
            region_states = self.kb.states_in_region(anaphor.region) if anaphor.region else None

            def fits(m: Mention) -> bool:
                actor = self.kb.by_code(m.code or "")
                if actor is None or actor.type != "state" or m.kind == "anaphor":
                    return False
                if anaphor.states is not None and m.code not in anaphor.states:
                    return False  # "le petit royaume": a kingdom, "le pays communiste": a communist state
                return region_states is None or (m.code or "") in region_states
            found = self._salience(mention, fits, margin=MARGIN)
            if found is None and anaphor.states is not None and not any(
                    m.code and self.kb.by_code(m.code) is not None and self.kb.by_code(m.code).type == "state"
                    for m in self.history):
                found = self._cataphor(mention, anaphor.states)
            return self._as_actor(found, "GPE")

        def fits_igo(m: Mention) -> bool:
            actor = self.kb.by_code(m.code or "")
            if actor is None or actor.type != "igo":
                return False
            wanted = [t for t in (anaphor.tag, *anaphor.tags) if t]
            return all(t in actor.tags for t in wanted)
        return self._as_actor(self._salience(mention, fits_igo), "ORG")

    def _relative_owner(self, mention: Mention) -> Mention | None:
        """"M. Ghazouani, dont le pays ...": the state of the relative's antecedent (the mention just before
        it), an empty mention when the text ties that antecedent to no state; None when no relative opens it."""
        i = mention.start - 1
        while i >= 0 and self.tokens[i].key in SKIP_ARTICLES:
            i -= 1
        if i < 0 or self.tokens[i].key not in OWNER_RELATIVES:
            return None
        end = i - 1 if i > 0 and self.tokens[i - 1].text == "," else i
        before = next((m for m in reversed(self.history) if m.end == end), None)
        if before is None:
            return None
        actor = self.kb.by_code(before.code or "")
        if actor is None or actor.type != "state":
            return Mention(before.start, before.end, "name", "GPE")
        return Mention(before.start, before.end, "name", "GPE", actor_id=actor.id, code=actor.code)

    def _qualifying_name(self, mention: Mention) -> str | None:
        """"les rebelles houthis", "les miliciens Wagner": a description that a known name right after it
        qualifies is of that name's state, whatever state the document is mostly about."""
        after = next((m for m in self.all_mentions if m.start == mention.end), None)
        if after is None or after.kind != "name" or after.hit is None or not after.hit.code:
            return None
        return after.hit.code if mention.start <= self.doc[after.start].head.i < mention.end else None

    def _cataphor(self, mention: Mention, states: frozenset[str]) -> Mention | None:
        """"Depuis la semaine dernière, le pays communiste a proféré des reproches [...] Pyongyang": a
        description of a kind of state that opens a text, before any state is named, stands for the one
        state of that kind the text names next (in its sentence or the next)."""
        later = [m for m in self.all_mentions if m.start >= mention.end and m.kind == "name" and m.hit is not None
                 and m.hit.code and self.sent_of[m.start] - mention.sent <= 1]
        fitting = {m.hit.code for m in later if m.hit.code in states}
        if len(fitting) != 1:
            return None
        first = next(m for m in later if m.hit.code in fitting)
        return Mention(first.start, first.end, "name", "GPE", code=first.hit.code)

    def _as_actor(self, found: Mention | None, label: str) -> Mention | None:
        """The state or IGO an antecedent stands for (not the person or the
        description that made it salient)."""
        if found is None:
            return None
        actor = self.kb.by_code(found.code or "")
        if actor is None:
            return None
        return Mention(found.start, found.end, "name", label, actor_id=actor.id, code=actor.code)

    def _person_antecedent(self, desc: Description, mention: Mention) -> Mention | None:
        if not desc.concept or desc.concept in ("counterpart",):
            return None

        def fits(m: Mention) -> bool:
            if m.label != "PER" or m.actor_id is None:
                return False
            actor = self.kb.get(m.actor_id)
            role = self.kb.role_on(actor, self.day) if actor else None
            return role is not None and self.kb.lexicon.concept_of_title(role.title) == desc.concept
        return self._salience(mention, fits, by_actor=True)

    def _named_group(self, desc: Description) -> Actor | None:
        """"la junte" -> the one KB group named "junte ..." active on the date in
        a state the document mentions."""
        ids = self.linker.noun_heads.get(desc.head.lemma, [])
        if not ids:
            return None
        mentioned = {m.code for m in self.all_mentions if m.kind == "name" and m.code}
        found = []
        for actor_id in ids:
            actor = self.kb.get(actor_id)
            if actor is None or not any(r.valid_on(self.day) for r in actor.roles):
                continue
            code, _ = self.kb.affiliation(actor, self.day)
            if code in mentioned:
                found.append(actor)
        return found[0] if len(found) == 1 else None

    def _same_noun(self, mention: Mention) -> Mention | None:
        """The latest earlier description sharing one of this one's nouns, a few
        sentences back at most ("Le ministère a publié..."; plural collectives such
        as "les troupes" only look at the previous two sentences)."""
        plural = mention.desc is not None and mention.desc.plural
        window = SAME_NOUN_WINDOW[plural]
        for earlier in reversed(self.history):
            if mention.sent - earlier.sent > window:
                break
            if earlier.kind == "description" and earlier.code and earlier.lemmas & mention.lemmas:
                return earlier
        return None

    def _focus(self, mention: Mention, settled: bool = False) -> str | None:
        """The state most mentioned so far (weighed by _focus_weight), when it
        leads the next one by MARGIN; the whole document when nothing precedes. `settled`: not a state the text
        names only as places where something happens."""
        pool = [(m, m.code) for m in self.history if m.direct and m.code and not self._in_its_act(m, mention)]
        if not pool:  # nothing precedes: the states the whole document names
            pool = [(m, m.hit.code) for m in self.all_mentions if m.kind == "name" and m.hit is not None
                    and m.hit.code and m.hit.kind in ("state", "place", "person", "group", "organisation")
                    and not self._in_its_act(m, mention)]
        counts: dict[str, float] = defaultdict(float)
        passing: dict[str, bool] = {}  # the state is named only as a place where something happens
        for m, code in pool:
            actor = self.kb.by_code(code or "")
            if actor is None or actor.type != "state":
                continue
            weight = self._focus_weight(m)
            counts[code or ""] += weight
            passing[code or ""] = passing.get(code or "", True) and weight == PASSING_PLACE_WEIGHT
        if not counts:
            # a text that names no state speaks of the outlet's own; one that names another state only further
            # on is not the outlet's story: its actors wait for the steps that code them with the document's
            return self.home if self.home and not (self._document_states() - {self.home}) else None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]:
            return None
        if settled and passing[ranked[0][0]]:
            return None
        if self.home and passing[ranked[0][0]] and mention.kind == "person":
            # "l'ancien ministre, réfugié au Liban" in a French outlet's story: a person is the outlet's state's
            # though named where he is; an institution or a crowd ("la police", "le gouvernement", "des
            # manifestants") is the state of the place where the text has it act, even in a foreign story
            return self.home
        return ranked[0][0]

    def _in_its_act(self, other: Mention, mention: Mention) -> bool:
        """Whether ``other`` is named in the predicate of the clause ``mention`` is the subject of, after it and not as
        a place where something happens: a state the actor's act is about or aimed at ("le ministre X a dénoncé la
        politique de la Pologne") says nothing of whose the actor is; where he acts ("à Varsovie", "ont pillé des
        magasins dans le centre de Lyon", "se sont emparés de Tombouctou") does."""
        if not mention.subject or other.start < mention.end or self._locative_at(other) >= 0 \
                or self.sent_of[other.start] != self.sent_of[mention.start]:
            return False
        if other.hit is not None and other.hit.kind == "place":
            return False  # a town or region, even as the act's object ("se sont emparés de Tombouctou"), is where
        subject = self.doc[mention.start:mention.end].root
        while subject.dep_ == "conj" and subject.head.i != subject.i:
            subject = subject.head  # "X et Y ont dénoncé": the first subject hangs on the verb
        verb = subject.head
        return verb.i != subject.i and verb.is_ancestor(self.doc[other.start:other.end].root)

    def _document_states(self) -> set[str]:
        """The states the whole document names or gives an actor (by name, nationality or complement)."""
        if self._doc_states is None:
            codes: set[str] = set()
            for m in self.all_mentions:
                if m.kind == "name" and m.hit is not None and m.hit.code \
                        and m.hit.kind in ("state", "place", "person", "group", "organisation"):
                    codes.add(m.hit.code)
                elif m.desc is not None and m.desc.code \
                        and (m.desc.via == "demonym" or m.desc.complement_kind in ("state", "place")):
                    codes.add(m.desc.code)
            self._doc_states = {c for c in codes if (a := self.kb.by_code(c)) is not None and a.type == "state"}
        return self._doc_states

    def _indefinite(self, mention: Mention) -> bool:
        """A singular noun phrase introduced by un/une."""
        i = mention.start - 1
        return i >= 0 and self.tokens[i].key in INDEFINITE_ARTICLES

    def _focus_weight(self, mention: Mention) -> float:
        """A place where something happens ("mis en place à Pékin", "réfugié au Liban") says less about
        whose the document's actors are than a name or a nationality the text gives an actor; a place that
        opens its sentence ("À Bamako, le gouvernement...") or qualifies an actor sets the scene of its actors
        and says more."""
        place = mention.hit is not None and mention.hit.kind in ("state", "place") and mention.label != "ORG"
        preposition = self._locative_at(mention)
        if not place or preposition < 0:
            return 1.0
        first = preposition
        while first > 0 and self.tokens[first - 1].text in OPENING_MARKS:
            first -= 1
        if first == 0 or self.sent_of[first - 1] != self.sent_of[first]:
            return SCENE_WEIGHT
        # a place complementing an actor's noun qualifies the actor ("la junte au pouvoir au Niger"); one
        # complementing a verb or any other noun is where something happened ("le rebond à Pékin")
        token = self.doc[mention.start:mention.end].root
        while token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
            token = token.head
            if any(m is not mention for m in self.covering.get(token.i, ())):
                return SCENE_WEIGHT
        return PASSING_PLACE_WEIGHT

    def _locative_at(self, mention: Mention) -> int:
        """The index of the locative preposition before the mention ("à", "au", "en"), or -1."""
        i = mention.start - 1
        while i >= 0 and self.tokens[i].key in SKIP_ARTICLES:
            i -= 1
        return i if i >= 0 and self.tokens[i].key in LOCATIVE else -1


# ---------------------------------------------------------------------- small functions
def _hyphen_variants(words: list[str]) -> list[list[str]]:
    """A name's words, and the same with its hyphenated words split as the tokenizer splits them
    when text is glued to them ("Etats-Unis." before a quote: Etats, -, Unis)."""
    split: list[str] = []
    for word in words:
        if "-" in word.strip("-"):
            split.extend(part for part in re.split(r"(-)", word) if part)
        else:
            split.append(word)
    return [words, split] if split != words else [words]


def _is_acronym(surface: str) -> bool:
    return surface.isupper() and surface.isalpha() and 2 <= len(surface) <= 6


def _case_fits(surface: str, doc: Doc, tokens: list[Tok], start: int, end: int) -> bool:
    """Acronyms match only as written and outside all-capitals text; names
    written with a capital need one in the text."""
    if _is_acronym(surface):
        text = doc[start:end].text
        if text != surface and not _acronym_as_word(surface, text):
            return False
        return not any(0 <= i < len(tokens) and _is_capitals(tokens[i].text) for i in (start - 1, end))
    if surface[:1].isupper():
        return tokens[start].capitalised
    return True


def _acronym_as_word(surface: str, text: str) -> bool:
    """An acronym of four letters or more written as a word, as French press writes those it
    pronounces ("Otan", "Cédéao" for OTAN, CEDEAO)."""
    return len(surface) >= 4 and " " not in text and text[:1].isupper() and text[1:].islower()


def _is_capitals(text: str) -> bool:
    """An all-capitals word of two letters or more (spaCy's is_alpha and is_upper)."""
    return text.isalpha() and len(text) > 1 and text.isupper()


def _pos(token: Tok) -> str:
    """The token's part of speech as spaCy's ``pos_`` gives it ("" when untagged)."""
    return token.pos or ""


def _best_actors(kb: KnowledgeBase, actors: list[Actor], day: dt.date) -> list[Actor]:
    """Curated before imported; among several, those active on the date."""
    top = max(ORIGIN_RANK[a.origin] for a in actors)
    actors = [a for a in actors if ORIGIN_RANK[a.origin] == top]
    active = [a for a in actors if kb.active_on(a, day)]
    actors = active or actors
    actors.sort(key=lambda a: (a.type != "state", a.id))
    return actors


def _unknown_name_runs(doc: Doc, ann: Annotations, hits: list[NameHit]) -> list[tuple[int, int]]:
    """Token ranges around the capitalised words no KB name, demonym or lexicon phrase covers (not the
    capital a sentence or a quotation starts with, unless a proper noun): NER_BEFORE words before each
    and NER_AFTER after, within its sentence; ranges that touch are one."""
    tokens = ann.tokens
    covered = bytearray(len(tokens))
    for hit in hits:
        covered[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
    for i in ann.demonyms:
        covered[i] = 1
    for start, found in ann.lex.items():  # "Premier ministre", "ministère de la Défense": the grammar reads them
        end = max(end for end, _ in found)
        covered[start:end] = b"\x01" * (end - start)
    runs: list[tuple[int, int]] = []
    sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sentences:
        start, end = sent.start, sent.end
        for i in range(start, end):
            if covered[i] or not tokens[i].text[:1].isupper():
                continue
            if tokens[i].pos != "PROPN" and (i == start or not tokens[i - 1].text[:1].isalnum()):
                continue
            first, last = max(start, i - NER_BEFORE), min(end, i + NER_AFTER + 1)
            if runs and runs[-1][1] >= first:
                runs[-1] = (runs[-1][0], max(last, runs[-1][1]))
            else:
                runs.append((first, last))
    return runs


PIECE_ATTRS = [attrs.SPACY, attrs.NORM, attrs.SENT_START]


def _piece(item: _Prepared, start: int, end: int, array: numpy.ndarray) -> Doc:
    """`doc[start:end].as_doc()` as the NER reads it: the words with their spaces, norms and sentence starts
    (`array`: the document's PIECE_ATTRS), without the copies as_doc makes for nothing here (every
    attribute of the whole document, dependencies rewired, the span's vector)."""
    piece = Doc(item.doc.vocab, words=[word.text for word in item.words[start:end]],
                spaces=array[start:end, 0].astype(bool).tolist())
    return piece.from_array(PIECE_ATTRS[1:], array[start:end, 1:])


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    if doc.has_annotation("SENT_START"):
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                index[i] = number
    return index


def mentions_of(doc: Doc) -> Iterable[dict[str, Any]]:
    """The mentions of a processed document as plain dicts (character offsets)."""
    for span in doc.spans.get(MENTIONS, []):
        yield {"start": span.start_char, "end": span.end_char, "text": span.text, "label": span.label_,
               "actor_id": span._.actor_id, "code": span._.code, "sector": span._.sector}
