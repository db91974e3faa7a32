"""French PLOVER trigger lexicon: lemmas (and small constraints) mapped to type, mode, context.

The lexicon is data (``data/triggers.yaml``, plus any user YAML with the same layout); this
module compiles it into lookups keyed by lemma so matching a token is a dict access.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Token

from veille.events.features import morph
from veille.events.gazetteer import fold
from veille.events.grammar import grammar_sequence, grammar_words
from veille.events.timex_lexicon import TIME_WORDS
from veille.events.view import DocView, view_of

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# PLOVER conflict/cooperation scores (manual, table "PLOVER conflict--cooperation scores").
# Keys: TYPE or TYPE:mode (mode as written in the manual, lower case).
SCORES: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 2.5, "CONSULT:visit": 4, "CONSULT:third-party": 1,
    "CONSULT:multilateral": 4, "CONSULT:phone": 1.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5,
    "AID": 10, "RETREAT": 6.5, "RETREAT:withdraw": 8, "RETREAT:release": 6.5, "RETREAT:disarm": 10,
    "RETREAT:ceasefire": 7.5, "RETREAT:access": 6.5, "RETREAT:resign": 4.5, "REQUEST": 0,
    "REQUEST:assist": 0.5, "REQUEST:change": -1, "REQUEST:yield": -1, "REQUEST:meet": 0, "ACCUSE": 3,
    "ACCUSE:disapprove": -2, "ACCUSE:investigate": -3.5, "ACCUSE:allege": -3.5, "REJECT": -2,
    "REJECT:assist": -1.5, "REJECT:change": -2, "REJECT:yield": -2, "REJECT:meet": -2, "THREATEN": -3.5,
    "THREATEN:restrict": -3, "THREATEN:arrest": -3.5, "THREATEN:relations": -3.5, "THREATEN:expel": -3.5,
    "THREATEN:territory": -4, "THREATEN:violence": -3.5, "PROTEST": -5, "PROTEST:demo": -5,
    "PROTEST:riot": -7, "PROTEST:strike": -5, "PROTEST:hunger": -4.5, "PROTEST:boycott": -4.5,
    "PROTEST:obstruct": -4.5, "SANCTION": -6, "SANCTION:convict": -6, "SANCTION:expel": -5.5,
    "SANCTION:withdraw": -6, "SANCTION:discontinue": -6, "MOBILIZE": -5.5, "MOBILIZE:troops": -6.5,
    "MOBILIZE:weapons": -6.5, "MOBILIZE:police": -5.5, "MOBILIZE:militia": -6, "COERCE": -7,
    "COERCE:seize": -7, "COERCE:restrict": -7, "COERCE:censor": -6.5, "COERCE:curfew": -6.5,
    "COERCE:martial-law": -7.5, "COERCE:arrest": -7, "COERCE:deport": -7, "COERCE:withhold": -7,
    "COERCE:misinformation": -6.5, "COERCE:cyber": -7, "ASSAULT": -9, "ASSAULT:abduct": -8.5,
    "ASSAULT:beat": -7.5, "ASSAULT:torture": -8.5, "ASSAULT:sexual": -8.5, "ASSAULT:targeted": -9.5,
    "ASSAULT:destroy": -8.5, "ASSAULT:primitive": -8, "ASSAULT:firearms": -9, "ASSAULT:explosives": -9,
    "ASSAULT:suicide-attack": -9.5, "ASSAULT:aerial": -9.5, "ASSAULT:drone": -9.5,
    "ASSAULT:heavy-weapons": -9.5, "ASSAULT:crowd-control": -7.5, "ASSAULT:unconventional": -10,
}

# Types whose "de X" complement on a noun trigger names the actor ("le déploiement des soldats
# de l'OTSC", "la réunion des chefs d'État"), else it names the recipient ("l'invasion de l'Ukraine").
_DE_IS_ACTOR = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "MOBILIZE", "PROTEST", "REQUEST",
                "CONCEDE", "REJECT", "THREATEN", "ACCUSE"}
_REFLEXIVE = grammar_words("reflexive_pronouns")
_ER_PARTICIPLE = grammar_sequence("er_participle_endings")  # "signer" → "signé", "signées"
_IR_PARTICIPLE = grammar_sequence("ir_participle_endings")  # "réunir" → "réunis"


def score(event_type: str, mode: str | None) -> float:
    """The PLOVER score of a type and mode (the type's own when the mode has none)."""
    if mode and f"{event_type}:{mode}" in SCORES:
        return SCORES[f"{event_type}:{mode}"]
    return SCORES.get(event_type, 0.0)


@dataclass(frozen=True)
class Entry:
    lemma: str
    type: str
    pos: frozenset[str] = frozenset()
    with_: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()
    refl: bool | None = None
    obj: frozenset[str] = frozenset()
    not_obj: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    mode: str | None = None
    context: tuple[str, ...] = ()
    sym: bool = False
    de: str = "actor"
    weight: float = 0.8
    needs_args: bool = False
    transparent: bool = False
    victim: bool = False  # the subject is the victim ("perdre 50 soldats", "trouver la mort")
    number: str | None = None  # Sing | Plur
    verbform: str | None = None  # Part | Inf | Fin
    needs_size: bool = False
    needs_cause: bool = False  # a toll is an attack only with a cause named nearby (class toll_cause)
    not_saying: bool = False  # introducing a que-clause or a quote, the verb only says ("a soutenu que ...")

    @property
    def specificity(self) -> int:
        """Entries with more constraints win over bare ones on the same lemma."""
        return 2 * bool(self.with_) + 2 * bool(self.obj) + bool(self.prep) + (self.refl is True)


@dataclass
class Lexicon:
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    generic_actors: dict[str, str] = field(default_factory=dict)
    forms: dict[str, str] | None = None

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> Lexicon:
        """The packaged lexicon, extended by user YAML files with the same layout."""
        lexicon = cls()
        text = resources.files("veille.events").joinpath("data/triggers.yaml").read_text("utf-8")
        lexicon.add(yaml.safe_load(text))
        for path in extra:
            lexicon.add(yaml.safe_load(Path(path).read_text("utf-8")))
        lexicon._build_forms()
        return lexicon

    def add(self, raw: dict) -> None:
        self.forms = None
        for name, words in (raw.get("classes") or {}).items():
            self.classes[name] = self.classes.get(name, frozenset()) | frozenset(words)
        self.generic_actors.update(raw.get("generic_actors") or {})
        for event_type, items in (raw.get("types") or {}).items():
            if event_type not in PLOVER_TYPES:
                raise ValueError(f"triggers: unknown PLOVER type {event_type!r}")
            for item in items:
                entry = self._entry(event_type, item)
                bucket = self.entries.setdefault(entry.lemma, [])
                bucket.append(entry)
                bucket.sort(key=lambda e: -e.specificity)

    def _words(self, value: object) -> frozenset[str]:
        if value is None:
            return frozenset()
        if isinstance(value, str):
            return self.classes.get(value, frozenset({value}))
        out: set[str] = set()
        for word in value:  # type: ignore[union-attr]
            out |= self.classes.get(word, {word})
        return frozenset(out)

    def _entry(self, event_type: str, item: dict) -> Entry:
        pos = item.get("pos")
        pos_set = frozenset({pos}) if isinstance(pos, str) else frozenset(pos or ())
        if "VERB" in pos_set:
            pos_set = pos_set | {"AUX"}
        return Entry(
            lemma=str(item["lemma"]).lower(),
            type=event_type,
            pos=pos_set,
            with_=self._words(item.get("with")),
            not_with=self._words(item.get("not_with")),
            refl=item.get("refl"),
            obj=self._words(item.get("obj")),
            not_obj=self._words(item.get("not_obj")),
            prep=frozenset(item.get("prep") or ()),
            mode=item.get("mode"),
            context=tuple(item.get("context") or ()),
            sym=bool(item.get("sym", False)),
            de=item.get("de") or ("actor" if event_type in _DE_IS_ACTOR else "recipient"),
            weight=float(item.get("weight", 0.8)),
            needs_args=bool(item.get("needs_args", False)),
            transparent=bool(item.get("transparent", False)),
            victim=bool(item.get("victim", False)),
            number=item.get("number"),
            verbform=item.get("verbform"),
            needs_cause=bool(item.get("needs_cause", False)),
            needs_size=bool(item.get("needs_size", False)),
            not_saying=bool(item.get("not_saying", False)),
        )

    def in_class(self, lemma: str, name: str) -> bool:
        return lemma in self.classes.get(name, ())

    def _build_forms(self) -> None:
        """Past participles of the verbs ("réunis", "signé"), for words the tagger got wrong
        (a capitalised participle opening a sentence is read as a proper noun)."""
        self.forms = {}
        for lemma, entries in self.entries.items():
            if not any("VERB" in e.pos or not e.pos for e in entries):
                continue
            if lemma.endswith("er"):
                stem, ends = lemma[:-2], _ER_PARTICIPLE
            elif lemma.endswith("ir"):
                stem, ends = lemma[:-2], _IR_PARTICIPLE
            else:
                continue
            for end in ends:
                self.forms.setdefault(stem + end, lemma)

    def may_match(self, lemma: str, pos: str) -> bool:
        """False when no entry can match a token of lower-cased lemma ``lemma`` and tag ``pos`` (a cheap
        test before ``match``)."""
        return lemma in self.entries or pos == "PROPN"

    def match(self, token: Token) -> Entry | None:
        """The most specific entry whose constraints ``token`` satisfies, or None."""
        candidates = self.entries.get(token.lemma_.lower())
        by_form = False
        if not candidates and token.pos_ == "PROPN":
            if self.forms is None:
                self._build_forms()
            lemma = self.forms.get(token.lower_)
            candidates = self.entries.get(lemma) if lemma else None
            by_form = True
        if not candidates:
            return None
        view = view_of(token.doc)  # read as lists: no Token built
        deps = view.dep
        verb_like = view.pos[token.i] == "NOUN" and any(deps[j] == "nsubj" for j in view.kids(token.i))
        near: set[str] | None = None  # the words around, read once for all the entries tried
        for entry in candidates:
            if entry.pos and token.pos_ not in entry.pos and not by_form and not (verb_like and "VERB" in entry.pos):
                continue
            if by_form and entry.pos and "VERB" not in entry.pos:
                continue
            if near is None and (entry.with_ or entry.not_with):
                near = _near_lemmas(token)
            if self._fits(token, entry, loose=by_form, near=near):
                return entry
        return None

    def _fits(self, token: Token, entry: Entry, loose: bool = False, near: set[str] | None = None) -> bool:
        if entry.number and entry.number not in morph(token, "Number") and not loose:
            return False
        if entry.verbform and entry.verbform not in morph(token, "VerbForm") and not loose:
            return False
        if near is None and (entry.with_ or entry.not_with):
            near = _near_lemmas(token)
        if entry.with_ and not (entry.with_ & near):
            return False
        if entry.not_with and entry.not_with & near:
            return False
        if entry.refl is not None and _is_reflexive(token) != entry.refl:
            return False
        if entry.not_saying and _says(token):
            return False
        if entry.obj or entry.not_obj or entry.prep:
            theme, prep = _theme(token)
            lemma = theme.lemma_.lower() if theme is not None else None
            named_person = theme is not None and (theme.ent_type_ == "PER" or _nationality_noun(theme))
            if entry.obj and lemma not in entry.obj \
                    and not (named_person and self.classes.get("people", frozenset()) <= entry.obj):
                return False  # a person named as the object is one of the `people` ("a libéré Zia Ahmad")
            if entry.not_obj and lemma in entry.not_obj:
                return False
            if entry.prep and prep not in entry.prep and not any(
                    _case_of(c) in entry.prep for c in _children(token)
                    if c.dep_.startswith("obl") or c.dep_ in ("iobj", "nmod")):
                return False
        return True


def _children(token: Token) -> list[Token]:
    """``token.children``, as the view's Tokens (built once per document)."""
    view = view_of(token.doc)
    return [view.token(j) for j in view.kids(token.i)]


def _near_lemmas(token: Token) -> set[str]:
    """Lemmas of the children and grandchildren of ``token`` and of its head (for "état d'urgence",
    "prendre d'assaut", "levée du veto", "placé en alerte")."""
    out: set[str] = set()
    view = view_of(token.doc)  # read as lists: no Token built
    lemmas, lowers, deps, kids = view.lemma, view.lower, view.dep, view.kids
    i = token.i
    for child in kids(i):
        out.add(lemmas[child])
        out.add(lowers[child])
        for grandchild in kids(child):
            if deps[grandchild] not in ("acl:relcl", "advcl", "ccomp", "conj"):
                out.add(lemmas[grandchild])
    if view.head[i] != i:
        out.add(lemmas[view.head[i]])
    return out


def _nationality_noun(token: Token) -> bool:
    """"un Algérien de 24 ans": a person named by nationality (a capitalised demonym the linker found)."""
    demonyms = token.doc._.demonyms or {}
    return token.text[:1].isupper() and fold(token.text) in demonyms


def _says(token: Token) -> bool:
    """The verb reports speech: it introduces a que-clause ("a soutenu qu'il n'y avait aucune raison") or
    follows a quote as its incise ('"La paix est possible", a soutenu le négociateur')."""
    view = view_of(token.doc)
    deps, lowers, kids = view.dep, view.lower, view.kids
    if any(deps[j] == "ccomp" and any(deps[k] == "mark" and lowers[k] in _QUE for k in kids(j))
           for j in kids(token.i)):
        return True
    i = token.i - 1
    while i >= 0 and deps[i].startswith("aux"):
        i -= 1
    return i >= 1 and lowers[i] == "," and lowers[i - 1] in ('"', "»", "”")


def _is_reflexive(token: Token) -> bool:
    view = view_of(token.doc)  # read as lists: no Token built
    lowers, tags = view.lower, view.pos
    return any(
        lowers[j] in _REFLEXIVE and tags[j] == "PRON"
        for j in view.kids(token.i)
    )


def _case_of(token: Token) -> str | None:
    view = view_of(token.doc)  # read as lists: no Token built
    deps = view.dep
    for j in view.kids(token.i):
        if deps[j] == "case":
            return view.lemma[j]
    return None


_QUE = grammar_words("que_forms")


def behind_day(view: DocView, j: int) -> int:
    """The object a day hides: "a envoyé jeudi 300 parachutistes" is parsed with "jeudi" as the object
    and the soldiers hung on it."""
    if view.lemma[j] in TIME_WORDS:
        nominal = next((k for k in view.kids(j) if view.dep[k] == "nmod" and k > j
                        and not any(view.dep[c] == "case" for c in view.kids(k))), None)
        if nominal is not None:
            return nominal
    return j


def _theme(token: Token) -> tuple[Token | None, str | None]:
    """The object of a verb (or the subject of its passive, or the noun it modifies as a
    participle), with the preposition that introduces it if any."""
    view = view_of(token.doc)  # read as lists: Tokens built only for the theme returned
    deps, tags, lowers, lemmas, kids = view.dep, view.pos, view.lower, view.lemma, view.kids
    fallback: tuple[Token | None, str | None] = (None, None)
    i = token.i
    for j in kids(i):
        dep = deps[j]
        if dep in ("obj", "nsubj:pass") and not (tags[j] in ("PRON", "SCONJ") and lowers[j] in _QUE):
            return view.token(behind_day(view, j)), None
        if dep == "ccomp" and tags[j] == "NOUN" and any(lowers[c] in _QUE for c in kids(j)):
            return view.token(j), None  # "n'a envoyé que 100 soldats": the restrictive object read as a clause
        if dep in ("obl:arg", "obl", "obl:mod", "iobj", "nmod") and fallback[0] is None:
            case = next((lemmas[c] for c in kids(j) if deps[c] == "case"), None)
            fallback = (view.token(j), case)
    if deps[i] in ("acl", "amod") and tags[i] in ("VERB", "ADJ"):
        return view.token(view.head[i]), None
    return fallback
