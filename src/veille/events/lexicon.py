"""French PLOVER trigger lexicon: lemmas (and small constraints) mapped to type, mode, context.

The lexicon is data (``data/triggers.yaml``, plus any user YAML with the same layout); this
module compiles it into lookups keyed by lemma so matching a token is a dict access.

Each file is checked as it is read, against its layout and the event vocabulary
(``veille.model.vocabulary``): an unknown key (of the file or of an entry), a type the vocabulary
does not hold, a mode that is not one of its type's, or a ``de`` that is not a role raises
``DataFileError`` naming the file and the line. An entry's ``de`` defaults to its type's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from veille.datafile import Located, read_located
from veille.events.features import morph
from veille.events.gazetteer import city, fold
from veille.events.grammar import grammar_table, grammar_words
from veille.events.status import QUESTION_MARKS, is_negated
from veille.events.timex_lexicon import REL_MODS, TIME_WORDS, UNITS
from veille.events.view import DocView, opens_incise, view_of
from veille.model.vocabulary import ROLES, Vocabulary, load_vocabulary
from veille.nlp.extensions import MENTIONS

FILE_KEYS = ("version", "classes", "generic_actors", "types")
_REFLEXIVE = grammar_words("reflexive_pronouns")
_A_FORMS = grammar_words("a_forms")  # "à", "au", "aux": a reflexive verb's target ("s'attaquer à")
_DE_FORMS = grammar_words("de_forms")  # a noun's "de" complement ("la mobilisation du gouvernement")
# "signer" → "signé", "signées"; "réunir" → "réunis"
_PARTICIPLE_ENDINGS = grammar_table("past_participle_endings")


@dataclass(frozen=True)
class Entry:
    lemma: str
    type: str
    pos: frozenset[str] = frozenset()
    with_: frozenset[str] = frozenset()
    # words none of which is with the trigger: hangs on it (or introduces what does: "pour"; or is what a quantity
    # hung on it counts: "de centaines de questions"), or is its head
    not_with: frozenset[str] = frozenset()
    # words none of which is near the trigger: with it, or inside its complements ("la fin du moratoire", "la quatrième
    # place de la liste": what the complement is of), as `with` reads
    not_near: frozenset[str] = frozenset()
    # words that hang on the trigger itself are none of these ("se demander": its own "se"; "de se retirer", an
    # infinitive's, is no matter)
    not_child: frozenset[str] = frozenset()
    refl: bool | None = None
    obj: frozenset[str] = frozenset()
    not_obj: frozenset[str] = frozenset()
    not_subj: frozenset[str] = frozenset()  # the subject (a passive's agent) is none of these ("le plan propose")
    # who alone does the act in this sense: the subject (a passive's agent), when the clause names one, is one of
    # these or a state or body named, never a person named nor anyone else ("interpellé par la police" arrests;
    # "interpellé par un auditeur", "la chanteuse a interpellé X" address someone)
    subj: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()  # the object, when there is one, is of these ("s'attaquer à un convoi")
    prep: frozenset[str] = frozenset()
    case: frozenset[str] = frozenset()  # a noun's own preposition is one of these ("sans fondement")
    not_case: frozenset[str] = frozenset()  # a noun's own preposition is none of these ("en accord avec": in line with)
    # the complement `prep` introduces is of these (or, misparsed, one of its words): "mettre en garde X contre
    # une offensive" warns of an act, not "contre les dangers du tabac"
    against: frozenset[str] = frozenset()
    # a noun's "de" complement, whose act it is, is none of these ("la mobilisation du gouvernement": no protest); its
    # other complements may be ("la mobilisation contre le gouvernement")
    not_of: frozenset[str] = frozenset()
    mode: str | None = None
    context: tuple[str, ...] = ()
    sym: bool = False
    de: str = "actor"
    # whom a possessive determiner of the noun names: its doer ("sa visite", "son attaque"), or, for a noun of what is
    # done to someone, the one who undergoes it ("son arrestation", "sa libération")
    poss: str = "actor"
    weight: float = 0.8
    needs_args: bool = False
    # the recipient is the party the trigger's complement names as the doer, of another side (the coder's
    # `_wanted_doer`): "veut voir X céder", "souhaite que X cède"; with none named, a will is no demand
    needs_recipient: bool = False
    transparent: bool = False
    victim: bool = False  # the subject is the victim ("perdre 50 soldats", "trouver la mort")
    number: str | None = None  # Sing | Plur
    # Masc | Fem: the gender the words agreeing with the noun (its determiner, adjectives) must show when they show
    # one ("une critique de X" is an act; "un critique de X", a critic, names a person)
    gender: str | None = None
    verbform: str | None = None  # Part | Inf | Fin
    needs_size: bool = False
    needs_cause: bool = False  # a toll is an attack only with a cause named nearby (class toll_cause)
    not_saying: bool = False  # introducing a que-clause or a quote, the verb only says ("a soutenu que ...")
    not_question: bool = False  # asking a question ("a demandé si ...", '"... ?", a demandé X'), no request
    # a word of obligation ("X doit réagir", "il faut que X cède"): said by a speaker of another side, a demand
    # by the speaker toward the one obliged (coder: the speaker acts, the obliged receives)
    deontic: bool = False
    # the noun also names someone ("soutien", a supporter): set beside a name ("X, soutien de la première heure
    # de Y") it is that person's role, no act
    role_noun: bool = False
    # an infinitive complement ("inviter X à se retirer", "s'inquiète de ne pas pouvoir"): True, it must have one;
    # False, it must not; lemmas, it must have one of them
    infinitive: bool | frozenset[str] | None = None
    not_infinitive: frozenset[str] = frozenset()  # the infinitive complement, if any, is none of these
    # a clause or an infinitive complement introduced by one of these words ("plaider pour rehausser le seuil",
    # "plaider pour que X cède": what is pleaded for), which `with` does not see (a clause has its own words)
    clause_mark: frozenset[str] = frozenset()
    # words none of which may introduce a complement of the object, inside its phrase or right after it, wherever the
    # parser hung that complement ("appelant le gouvernement à rouvrir", "à rouvrir" hung on another verb; "a appelé
    # son homologue au calme", "au calme" on the object): what is asked of the one called
    not_after_obj: frozenset[str] = frozenset()
    # a third party's act between two others ("une médiation entre X et Y"): the pair "entre" names receives it,
    # the noun's owner or its verb's subject does it
    third_party: bool = False
    # an act only the authorities of a state do (charging or prosecuting someone): told in the passive with no agent
    # ("a été inculpé", "est poursuivi en justice"), it is done by the authorities of where it happens
    authority: bool = False
    # a word by which a speaker judges another party or its act ("une trahison", "inacceptable", "sans fondement"):
    # an event only in the frame that names who judges and who is judged (events/judgement.py), the speaker acting
    judgement: bool = False
    # (with judgement) a word of a party's own feeling about another party or its act ("déçu", "ses félicitations"):
    # its frame names who feels it, who acts, and what it is about, whose party receives (events/judgement.py)
    feeling: bool = False
    # a word of violence in its sense of political life ("multiplie les attaques contre le Premier ministre", "mène
    # l'offensive contre le gouvernement"): fits only where the document names no word of war, terror or protest
    # (class `armed_frame`) and the sentence no word of `violence` but the words of violence said of politics
    # (class `attack_words`) themselves; no blow struck with a thing (class `instruments`), nor of a body outside
    # political life (class `private_life`: "le président du club")
    unarmed: bool = False

    @property
    def specificity(self) -> int:
        """Entries with more constraints win over bare ones on the same lemma."""
        return 2 * bool(self.with_) + 2 * bool(self.obj) + bool(self.prep) + bool(self.against) \
            + (self.refl is True) \
            + 2 * (self.infinitive is True or isinstance(self.infinitive, frozenset))


@dataclass
class Lexicon:
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    generic_actors: dict[str, str] = field(default_factory=dict)
    forms: dict[str, str] | None = None

    @classmethod
    def load(cls, extra: Iterable[str | Path] = (), vocabulary: Vocabulary | None = None) -> Lexicon:
        """The packaged lexicon, extended by user YAML files with the same layout, each checked against
        `vocabulary` (the process's by default)."""
        lexicon = cls()
        vocabulary = vocabulary or load_vocabulary()
        lexicon.add(read_located(resources.files("veille.events").joinpath("data/triggers.yaml")), vocabulary)
        for path in extra:
            lexicon.add(read_located(Path(path)), vocabulary)
        lexicon._build_forms()
        return lexicon

    def add(self, source: Located, vocabulary: Vocabulary) -> None:
        """Add the classes, generic actors and entries of one trigger file, checked (module docstring)."""
        self.forms = None
        raw = source.value or {}
        if not isinstance(raw, dict):
            raise source.error((), "expected a mapping of " + ", ".join(FILE_KEYS))
        for key in raw:
            if key not in FILE_KEYS:
                raise source.error((key,), f"unknown key {key!r} (expected one of {', '.join(FILE_KEYS)})")
        for name, words in (raw.get("classes") or {}).items():
            # matched against lower-cased lemmas: "CRS" is the word "crs"
            self.classes[name] = self.classes.get(name, frozenset()) | frozenset(str(w).lower() for w in words)
        self.generic_actors.update({str(k).lower(): v for k, v in (raw.get("generic_actors") or {}).items()})
        for event_type, items in (raw.get("types") or {}).items():
            if event_type not in vocabulary.types:
                raise source.error(("types", event_type), f"unknown PLOVER type {event_type!r} (the vocabulary, "
                                                          f"{vocabulary.source}, holds {', '.join(vocabulary.types)})")
            for index, item in enumerate(items or ()):
                _check_entry(source, ("types", event_type, index), item, vocabulary)
                path = ("types", event_type, index)
                # "lemma: $blame_words": one entry for each word of the class
                for lemma in sorted(self._words(item["lemma"], source, (*path, "lemma"))):
                    entry = self._entry(event_type, {**item, "lemma": lemma}, vocabulary, source, path)
                    bucket = self.entries.setdefault(entry.lemma, [])
                    bucket.append(entry)
                    bucket.sort(key=lambda e: -e.specificity)

    def _words(self, value: object, source: Located, path: tuple[str | int, ...]) -> frozenset[str]:
        """The words of a word list (or of one word): ``$name`` stands for the words of class ``name``, any other
        item for itself. An unknown class is an error, and so is a bare class name that is not one of its class's
        own words ("troops" for "$troops"), which would silently mean the English word."""
        if value is None:
            return frozenset()
        out: set[str] = set()
        for word in [value] if isinstance(value, str) else value:  # type: ignore[union-attr]
            word = str(word)
            if word.startswith(CLASS_MARK):
                name = word[len(CLASS_MARK):]
                if name not in self.classes:
                    raise source.error(path, f"unknown class {name!r} (the classes: {', '.join(sorted(self.classes))})")
                out |= self.classes[name]
            elif word in self.classes and word.lower() not in self.classes[word]:
                raise source.error(path, f"{word!r} names a class: write {CLASS_MARK}{word} for its words")
            else:
                out.add(word.lower())
        return frozenset(out)

    def _entry(self, event_type: str, item: dict, vocabulary: Vocabulary, source: Located,
               path: tuple[str | int, ...]) -> Entry:
        def words(key: str) -> frozenset[str]:
            return self._words(item.get(key), source, (*path, key))

        pos = item.get("pos")
        pos_set = frozenset({pos}) if isinstance(pos, str) else frozenset(pos or ())
        if "VERB" in pos_set:
            pos_set = pos_set | {"AUX"}
        return Entry(
            lemma=str(item["lemma"]).lower(),
            type=event_type,
            pos=pos_set,
            with_=words("with"),
            not_with=words("not_with"),
            not_near=words("not_near"),
            not_child=words("not_child"),
            refl=item.get("refl"),
            obj=words("obj"),
            not_obj=words("not_obj"),
            not_subj=words("not_subj"),
            subj=words("subj"),
            target=words("target"),
            prep=frozenset(item.get("prep") or ()),
            case=frozenset(item.get("case") or ()),
            not_case=frozenset(item.get("not_case") or ()),
            against=words("against"),
            not_of=words("not_of"),
            mode=item.get("mode"),
            context=tuple(item.get("context") or ()),
            sym=bool(item.get("sym", False)),
            de=item.get("de") or vocabulary.types[event_type].de,
            poss=item.get("poss") or "actor",
            weight=float(item.get("weight", 0.8)),
            needs_args=bool(item.get("needs_args", False)),
            needs_recipient=bool(item.get("needs_recipient", False)),
            transparent=bool(item.get("transparent", False)),
            victim=bool(item.get("victim", False)),
            number=item.get("number"),
            gender=item.get("gender"),
            verbform=item.get("verbform"),
            needs_cause=bool(item.get("needs_cause", False)),
            needs_size=bool(item.get("needs_size", False)),
            not_saying=bool(item.get("not_saying", False)),
            not_question=bool(item.get("not_question", False)),
            deontic=bool(item.get("deontic", False)),
            role_noun=bool(item.get("role_noun", False)),
            infinitive=item["infinitive"] if isinstance(item.get("infinitive"), bool)
            else (words("infinitive") if item.get("infinitive") is not None else None),
            not_infinitive=words("not_infinitive"),
            clause_mark=words("clause_mark"),
            not_after_obj=words("not_after_obj"),
            third_party=bool(item.get("third_party", False)),
            authority=bool(item.get("authority", False)),
            judgement=bool(item.get("judgement", False)),
            feeling=bool(item.get("feeling", False)),
            unarmed=bool(item.get("unarmed", False)),
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
            ending, ends = next(((e, ends) for e, ends in _PARTICIPLE_ENDINGS if lemma.endswith(e)), ("", ()))
            if not ending:
                continue
            stem = lemma[:-len(ending)]
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
        if not candidates and (token.pos_ == "PROPN" or misread_participle(view_of(token.doc), token.i)):
            if self.forms is None:
                self._build_forms()
            lemma = self.forms.get(token.lower_)
            candidates = self.entries.get(lemma) if lemma else None
            by_form = True
        if not candidates:
            return None
        view = view_of(token.doc)  # read as lists: no Token built
        deps = view.dep
        if deps[token.i] == "obj" and view.pos[token.i] == "NOUN" and view.lemma[view.head[token.i]] in _APPRECIATION:
            return None  # a kind of act, liked or disliked: no event
        verb_like = view.pos[token.i] == "NOUN" and any(deps[j] == "nsubj" for j in view.kids(token.i))
        near: set[str] | None = None  # the words around, read once for all the entries tried
        for entry in candidates:
            if entry.pos and token.pos_ not in entry.pos and not by_form and not (verb_like and "VERB" in entry.pos):
                continue
            if by_form and entry.pos and "VERB" not in entry.pos:
                continue
            if near is None and (entry.with_ or entry.not_near):
                near = _near_lemmas(token)
            if self._fits(token, entry, loose=by_form, near=near):
                return entry
        return None

    def _fits(self, token: Token, entry: Entry, loose: bool = False, near: set[str] | None = None) -> bool:
        if entry.number and entry.number not in morph(token, "Number") and not loose:
            return False
        if entry.verbform and entry.verbform not in morph(token, "VerbForm") and not loose:
            return False
        if entry.gender and not loose and _agreement(token) - {entry.gender}:
            return False
        if near is None and (entry.with_ or entry.not_near):
            near = _near_lemmas(token)
        if entry.with_ and not (entry.with_ & near):
            return False
        if entry.not_near and entry.not_near & near:
            return False
        if entry.not_with and entry.not_with & _near_lemmas(token, deep=False):
            return False
        if entry.not_child:
            view = view_of(token.doc)
            # a verb barred with its "se" is barred with its reflexive of any person too, which the parser reads as
            # an expletive ("je me demandais si ...", "nous nous demandons"; not the object of "il me demande de")
            reflexive = bool(entry.not_child & _REFLEXIVE)
            if any(view.lower[j] in entry.not_child
                   or (reflexive and view.lower[j] in _REFLEXIVE and view.dep[j].startswith("expl"))
                   for j in view.kids(token.i)):
                return False
        if entry.case and _case_of(token) not in entry.case:
            return False
        if entry.not_case and _case_of(token) in entry.not_case:
            return False
        if entry.refl is not None and _is_reflexive(token) != entry.refl:
            return False
        if entry.not_saying and _says(token):
            return False
        if entry.not_question and _asks(token):
            return False
        if entry.role_noun and _apposed(token):
            return False
        if entry.unarmed and (self._armed(token) or self._struck_with(token) or self._outside_politics(token)):
            return False
        if entry.infinitive is not None or entry.not_infinitive:
            done = _infinitive(token)
            if entry.infinitive is True and done is None or entry.infinitive is False and done is not None:
                return False
            if isinstance(entry.infinitive, frozenset) and done not in entry.infinitive:
                return False
            if done is not None and done in entry.not_infinitive:
                return False
        if entry.clause_mark and not entry.clause_mark & _clause_marks(token):
            return False
        if entry.not_subj or entry.subj:
            subject = _subject(token)
            if subject is not None and subject.lemma_.lower() in entry.not_subj:
                return False
            if entry.subj and subject is not None \
                    and not _may_do(subject, entry.subj, self.classes.get("group_nouns", frozenset())):
                return False
        if entry.against and not any(
                lemma in entry.against for lemma in _complement_words(token, entry.prep)):
            return False
        if entry.not_of and _of_whom(token) & entry.not_of:
            return False
        if entry.obj or entry.not_obj or entry.prep or entry.target:
            theme, prep = _theme(token)
            theme = _counted(theme)  # "des dizaines de milliers de soldats": the soldiers
            lemma = theme.lemma_.lower() if theme is not None else None
            if entry.obj and not self._of(theme, lemma, entry.obj) and not any(
                    self._of(c, c.lemma_.lower(), entry.obj) for c in _conjuncts(theme)) and not any(
                    self._of(c, c.lemma_.lower(), entry.obj) for c in _introduced(token, entry.prep)):
                # (with a preposition, the complement it introduces may be what the entry asks for: "sont partis
                # de Lettonie", which the parser may read as a passive whose subject would be the theme)
                return False
            if entry.target and theme is not None and theme.pos_ != "PRON" \
                    and (prep in _A_FORMS if _is_reflexive(token) else prep is None) \
                    and not self._of(theme, lemma, entry.target):
                # a verb of violence whose direct object (reflexive, its "à" complement) is no one and nothing
                # one strikes: an idea, a problem, a sector ("s'attaquer à l'industrie", "affronter la
                # tempête"); a pronoun may be anyone, "se sont affrontés le 15 juin" has no target
                return False
            if entry.not_obj and lemma in entry.not_obj and not _beyond_clause(token, theme):
                return False
            if entry.not_after_obj and theme is not None and _object_followed(theme, entry.not_after_obj):
                return False
            if entry.prep and not entry.against and prep not in entry.prep and not any(
                    _case_of(c) in entry.prep for c in _children(token)
                    if c.dep_.startswith("obl") or c.dep_ in ("iobj", "nmod", "obj")):
                # an object with its preposition is an oblique the parser misread ("ne se soumettra pas aux
                # demandes", with "demandes" as the object)
                return False
        return True

    def _armed(self, token: Token) -> bool:
        """The document of ``token`` names a word of war, terror or protest (class `armed_frame`), or its sentence a
        word of violence (class `violence`), other than those political life also says of words (`attack_words`)."""
        view = view_of(token.doc)
        said = self.classes.get("attack_words", frozenset())
        armed = view.memo.get(_ARMED_KEY)
        if armed is None:
            armed = view.memo[_ARMED_KEY] = not (self.classes.get("armed_frame", frozenset()) - said).isdisjoint(
                view.lemma)
        if armed:
            return True
        violence = self.classes.get("violence", frozenset()) - said
        sent = token.sent
        return any(view.lemma[i] in violence for i in range(sent.start, sent.end))

    def _struck_with(self, token: Token) -> bool:
        """The act names a thing one strikes with (class `instruments`) as its complement, or as the "de" phrase of
        its complement of blows (class `blows`): "avec une barre de fer", "à coups de couteau": a blow, not words ("à
        coups de tweets", "au sujet de la pierre tombale")."""
        view = view_of(token.doc)
        tools = self.classes.get("instruments", frozenset())
        blows = self.classes.get("blows", frozenset())  # "à coups de couteau": the instrument is the blows' own
        # (the parser may hang the phrase on the object: "a attaqué le candidat avec une barre de fer")
        heads = [token.i, *(j for j in view.kids(token.i) if view.dep[j] in ("obj", "nsubj:pass"))]
        for j in (j for h in heads for j in view.kids(h) if view.dep[j].startswith("obl") or view.dep[j] == "nmod"):
            if _case_of(view.token(j)) not in _INSTRUMENT_PREPS:
                continue
            if view.lemma[j] in tools or view.lemma[j] in blows and any(
                    view.dep[k] == "nmod" and view.lemma[k] in tools for k in view.kids(j)):
                return True
        return False

    def _outside_politics(self, token: Token) -> bool:
        """A word of political life the act is aimed at or done by belongs to a body outside it (class
        `private_life`: "le président du club", "la gestion de l'entreprise"): no political life, no verbal attack.
        Not a body the actor linker names with the word, as one office ("le président du groupe Renaissance", "le
        président de la Fédération de Russie"): a party or a state's."""
        view = view_of(token.doc)
        life = self.classes.get("political_life", frozenset())
        private = self.classes.get("private_life", frozenset())
        named = [(m.start, m.end) for m in token.doc.spans.get(MENTIONS, ())]
        for j in view.kids(token.i):
            for k in (j, *view.kids(j)):
                if view.lemma[k] not in life:
                    continue
                bodies = [b for b in view.kids(k) if view.lemma[b] in private and view.lemma[b] in
                          _of_whom(view.token(k))]
                if any(not any(start <= min(k, b) and max(k, b) < end for start, end in named) for b in bodies):
                    return True
        return False

    def _of(self, theme: Token | None, lemma: str | None, words: frozenset[str]) -> bool:
        """Whether the object ``theme`` (of lower-cased lemma ``lemma``) is one of ``words``: a person named
        is one of the `people` ("a libéré Zia Ahmad"); a named person, state or body one of the `state_like`
        ("a reçu Moustafa al-Kazimi"); a named town or region one of the `places` ("pour reprendre Zinjibar")."""
        if lemma in words:
            return True
        if theme is None:
            return False
        if (theme.ent_type_ == "PER" or _nationality_noun(theme)) and self.classes.get("people", frozenset()) <= words:
            return True
        if (theme.ent_type_ in _ACTOR_ENTS or _linked_name(theme)) \
                and not any(c.like_num for c in theme.children) \
                and self.classes.get("state_like", frozenset()) <= words:  # not "15 000 Casques bleus"
            return True
        return _place_name(theme) and self.classes.get("places", frozenset()) <= words


_ARMED_KEY = ("lexicon.armed",)  # the memo of the document's view: whether it names a word of `armed_frame`
_GENDERS = ("Masc", "Fem")  # the values of the parser's Gender feature
# the mark of a class in a word list ("obj: [$troops, otage]": the words of class troops, and "otage")
CLASS_MARK = "$"
# the keys of a trigger entry: `Entry`'s fields, `with` for `with_`
ENTRY_KEYS = tuple(f.name.rstrip("_") for f in fields(Entry) if f.name != "type")


def _check_entry(source: Located, path: tuple[str | int, ...], item: Any, vocabulary: Vocabulary) -> None:
    if not isinstance(item, dict):
        raise source.error(path, "expected an entry such as {lemma: déployer, pos: VERB}")
    for key in item:
        if key not in ENTRY_KEYS:
            raise source.error((*path, key), f"unknown key {key!r} (expected one of {', '.join(ENTRY_KEYS)})")
    if not item.get("lemma"):
        raise source.error(path, "missing key 'lemma'")
    modes = vocabulary.types[str(path[1])].modes
    if item.get("mode") is not None and item["mode"] not in modes:
        raise source.error((*path, "mode"), f"unknown mode {item['mode']!r} of {path[1]} (the vocabulary, "
                                            f"{vocabulary.source}, holds {', '.join(modes) or 'none'})")
    if item.get("gender") is not None and item["gender"] not in _GENDERS:
        raise source.error((*path, "gender"), f"unknown gender {item['gender']!r} (expected one of "
                                              f"{', '.join(_GENDERS)})")
    if item.get("feeling") and not item.get("judgement"):
        raise source.error((*path, "feeling"), "a word of feeling is a word of judgement: add judgement: true")
    for key in ("de", "poss"):
        if item.get(key) is not None and item[key] not in ROLES:
            raise source.error((*path, key), f"unknown role {item[key]!r} (expected one of {', '.join(ROLES)})")


def _children(token: Token) -> list[Token]:
    """``token.children``, as the view's Tokens (built once per document)."""
    view = view_of(token.doc)
    return [view.token(j) for j in view.kids(token.i)]


_OWN_CLAUSES = frozenset({"advcl", "parataxis", "conj"})


def _near_lemmas(token: Token, deep: bool = True) -> set[str]:
    """Lemmas of the children and grandchildren of ``token`` and of its head (for "état d'urgence",
    "prendre d'assaut", "levée du veto", "placé en alerte"); not a noun's own preposition, nor the words of a
    clause hung on it, which has its own, nor the rest of a subordinator ("alors que X fait ..., Y a appelé à":
    that "que" is no complement of "appeler"), nor an infinitive negated and its words ("a promis de ne jamais
    frapper", "a juré de ne pas lancer d'offensive": an act said not to be done is not the act around). Not
    ``deep``: of the grandchildren, only the little words that introduce a child (`not_with`: "s'inquiéter pour")
    and what a child of quantity counts ("bombardé de centaines de questions", "un barrage de centaines de
    policiers": the questions, the policemen are with the trigger), and the complement of an adverb the parser reads
    in place of a preposition ("se sont affrontés lors d'un débat": the debate is with the trigger), not a
    complement's own complements ("une base militaire", "la fin du moratoire")."""
    out: set[str] = set()
    view = view_of(token.doc)  # read as lists: no Token built
    lemmas, lowers, deps, kids = view.lemma, view.lower, view.dep, view.kids
    i = token.i
    noun = view.pos[i] == "NOUN"
    for child in kids(i):
        if noun and deps[child] == "case":
            continue  # a noun's own preposition ("parler de son engagement") is what governs it, no complement
        if view.pos[child] == "VERB" and "Inf" in morph(token.doc[child], "VerbForm") \
                and is_negated(token.doc[child]):
            continue
        out.add(lemmas[child])
        out.add(lowers[child])
        if deps[child] in _OWN_CLAUSES:
            continue
        for grandchild in kids(child):
            if deps[child] == "mark" and deps[grandchild] == "fixed":
                continue  # the rest of a subordinator ("alors que", "pour que"), no complement
            if deps[grandchild] not in ("acl:relcl", "advcl", "ccomp", "conj") \
                    and (deep or deps[grandchild] in _FUNCTION_DEPS
                         or (deps[grandchild] == "nmod" and lemmas[child] in _COUNTED_THROUGH)
                         or (deps[child] == "advmod" and deps[grandchild] == "obl:arg")):
                out.add(lemmas[grandchild])
    if view.head[i] != i:
        out.add(lemmas[view.head[i]])
    return out


_FUNCTION_DEPS = frozenset({"case", "mark", "fixed", "det"})  # the little words that introduce a child
# nouns of a quantity or a batch: their "de" phrase is what is with the trigger ("des centaines de questions")
_COUNTED_THROUGH = grammar_words("quantity_nouns") | grammar_words("collection_nouns")


def _place_name(token: Token) -> bool:
    """A town or region named ("reprendre Zinjibar"): a place the parser's entities, the actor linker or the
    gazetteer's cities know, not a person, a body or a company."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    if token.ent_type_ in _PLACE_ENTS or city(token.text) is not None:
        return True
    mentions = token.doc.spans.get(MENTIONS, ())
    return any(m.start <= token.i < m.end and m.label_ in _PLACE_ENTS for m in mentions)


def _nationality_noun(token: Token) -> bool:
    """"un Algérien de 24 ans": a person named by nationality (a capitalised demonym the linker found)."""
    demonyms = token.doc._.demonyms or {}
    return token.text[:1].isupper() and fold(token.text) in demonyms


def _says(token: Token) -> bool:
    """The verb reports speech: it introduces a que-clause ("a soutenu qu'il n'y avait aucune raison") or a
    bare infinitive ("soutient ne pas comprendre"), or follows a quote as its incise ('"La paix est possible",
    a soutenu le négociateur')."""
    view = view_of(token.doc)
    deps, kids = view.dep, view.kids
    if says_that(view, token.i):
        return True
    if view.pos[token.i] == "VERB" and not any(deps[j] in ("obj", "iobj") for j in kids(token.i)) and any(
            deps[j] == "xcomp" and "Inf" in morph(view.token(j), "VerbForm")
            and not any(deps[k] == "mark" for k in kids(j)) for j in kids(token.i)):
        return True  # "soutient ne pas comprendre", "affirme avoir vu": an infinitive said, with no "à" or "de"
    return opens_incise(token)


def que_clause(view: DocView, j: int) -> bool:
    """The clause `j` opens on "que" (a mark of `que_forms`): "que la trêve tienne", "qu'il viendrait"."""
    return any(view.dep[k] == "mark" and view.lower[k] in _QUE for k in view.kids(j))


def says_that(view: DocView, i: int) -> bool:
    """The word `i` has a que-clause as its complement: "a affirmé qu'il n'y avait aucune raison"."""
    return any(view.dep[j] == "ccomp" and que_clause(view, j) for j in view.kids(i))


def _asks(token: Token) -> bool:
    """The verb asks a question: its clausal complement opens on a question word and has no "que"
    ("a demandé si ...", "demande pourquoi ..."; not "a demandé que, si la trêve échoue, ..."), or it is the incise,
    addressed to no one, of a quote that ends on a question mark ('"... ?", a demandé le député'; one put to a side,
    '"... ?", a demandé le député au ministre', is a demand made of it)."""
    view = view_of(token.doc)
    deps, lowers, kids = view.dep, view.lower, view.kids

    def que(j: int) -> bool:  # a que-clause, or one the parser hung on the clause ("que, si X échoue, Y ...")
        return que_clause(view, j) or says_that(view, j)

    # (with nothing else asked for, the parser may read the question as an adverbial clause: "a demandé à X quand
    # cesseraient les frappes")
    bare = not any(deps[j] in ("obj", "xcomp", "ccomp") for j in kids(token.i))
    for j in kids(token.i):
        if (deps[j] == "ccomp" or (bare and deps[j] == "advcl" and j > token.i)) and not que(j) \
                and lowers[view.token(j).left_edge.i] in _INDIRECT_QUESTIONS:
            return True
    if not opens_incise(token):
        return False
    # the addressee, on the verb or on its inverted subject ('a demandé le ministre à X')
    heads = [token.i] + [j for j in kids(token.i) if deps[j] in ("obj", "nsubj") and j > token.i]
    if any(deps[j] == "iobj" or (deps[j].startswith(("obl", "nmod")) and any(
            deps[k] == "case" and lowers[k] in _A_FORMS for k in kids(j))) for h in heads for j in kids(h)):
        return False
    i = token.i - 1
    while i >= 0 and lowers[i] != ",":
        i -= 1
    return i >= 2 and lowers[i - 2] in QUESTION_MARKS


def _infinitive(token: Token) -> str | None:
    """The lemma of the infinitive complement of ``token``, bare or after "à" or "de" ("invités à se désister",
    "s'inquiète de ne pas pouvoir", "prêt à négocier"; not "pour parler", a purpose), or None. A compound
    infinitive is one too: the participle whose auxiliary is an infinitive ("soutient n'avoir rien reçu")."""
    view = view_of(token.doc)
    deps, kids = view.dep, view.kids

    def infinitive(j: int) -> bool:
        return "Inf" in morph(view.token(j), "VerbForm") or (
            "Part" in morph(view.token(j), "VerbForm")
            and any(deps[k].startswith("aux") and "Inf" in morph(view.token(k), "VerbForm") for k in kids(j)))

    # (the parser may hang it on the object: "a invité les belligérants à cesser", with "cesser" under "belligérants")
    heads = [token.i] + [j for j in kids(token.i) if deps[j] == "obj"]
    for head in heads:
        for j in kids(head):
            if deps[j] in (("xcomp", "ccomp", "advcl", "acl") if head == token.i else ("acl",)) \
                    and view.pos[j] in ("VERB", "AUX") and infinitive(j):
                marks = [view.lower[k] for k in kids(j) if deps[k] == "mark"]
                if all(mark in _INFINITIVE_MARKS for mark in marks) and (marks or head == token.i):
                    return view.lemma[j]
    return None


def _clause_marks(token: Token) -> set[str]:
    """The words that introduce the clauses and infinitives hung on ``token`` ("pour" of "plaide pour rehausser",
    "pour que" of "plaide pour que X cède")."""
    view = view_of(token.doc)
    deps, kids = view.dep, view.kids
    return {view.lower[k] for j in kids(token.i) if deps[j] in _CLAUSE_COMPLEMENTS and view.pos[j] in ("VERB", "AUX")
            for k in kids(j) if deps[k] == "mark"}


_CLAUSE_COMPLEMENTS = frozenset({"advcl", "xcomp", "ccomp"})


def _object_followed(theme: Token, words: frozenset[str]) -> bool:
    """Whether one of ``words`` introduces a complement of the object ``theme``, wherever the parser hung it: the
    first preposition or subordinator after the object that is no part of a relative clause or of an incise between
    commas ("son homologue au calme", "le gouvernement slovaque à rouvrir", "le gouvernement, qui a ..., à coopérer";
    not "son homologue pour évoquer la situation à Gaza", whose "pour" comes first).
    """
    view = view_of(theme.doc)
    end = theme.sent.end
    relative = {t.i for j in range(theme.i + 1, end) if view.dep[j] == "acl:relcl" for t in view.token(j).subtree}
    k = theme.i + 1
    while k < end:
        if view.lower[k] == "," and k + 1 < end and view.pos[k + 1] not in ("ADP", "SCONJ"):
            close = next((j for j in range(k + 1, end) if view.lower[j] == ","), None)
            k = close + 1 if close is not None else k + 1  # an incise ("selon la présidence"), passed over
            continue
        if k in relative:
            k += 1
            continue
        if view.lower[k] in words and view.dep[k] in ("case", "mark"):
            return True
        if view.dep[k] == "mark" or view.pos[k] in ("VERB", "AUX") or view.lower[k] in (".", ";", ":"):
            return False
        k += 1
    return False


def _of_whom(token: Token) -> set[str]:
    """Lemmas of a noun's own "de" complements ("la mobilisation du gouvernement"), not of its complements' ("la
    mobilisation contre la réforme du ministre")."""
    view = view_of(token.doc)
    deps, kids = view.dep, view.kids
    return {view.lemma[j] for j in kids(token.i) if deps[j] == "nmod"
            and any(deps[k] == "case" and view.lower[k] in _DE_FORMS for k in kids(j))}


def _complement_words(token: Token, preps: frozenset[str]) -> set[str]:
    """Lemmas of the complements of ``token`` (or of its own complements: "mis en garde X contre") that one of
    ``preps`` introduces; when the complement is no noun, its dependents too (the parser may hang "une nouvelle
    escalade" on "nouvelle"); a relative pronoun stands for the noun its clause qualifies ("l'offensive contre
    laquelle ...")."""
    view = view_of(token.doc)
    deps, kids, lemmas, pos = view.dep, view.kids, view.lemma, view.pos
    # (a relative pronoun may hang on the clause's subject: "contre laquelle la Russie l'a mise en garde")
    heads = [token.i, *(j for j in kids(token.i) if deps[j].startswith(("obl", "obj", "nmod", "nsubj")))]
    out: set[str] = set()
    for head in heads:
        for j in kids(head):
            # (its preposition may hang on a modifier: "contre toute nouvelle offensive" with "contre" on "nouvelle")
            marks = [*kids(j), *(g for k in kids(j) if deps[k] in ("amod", "det", "nummod") for g in kids(k))]
            if j == token.i or not any(deps[k] == "case" and lemmas[k] in preps for k in marks):
                continue
            if "Rel" in morph(view.token(j), "PronType") and deps[token.i] == "acl:relcl":
                # the noun the clause qualifies, and the first noun up the complements that one fills ("une
                # offensive dans le nord, contre laquelle", the clause hung on "nord")
                j = k = view.head[token.i]
                for _ in range(_NMOD_CLIMB):
                    if deps[k] != "nmod" or view.head[k] == k:
                        break
                    k = view.head[k]
                    if pos[k] in ("NOUN", "PROPN"):
                        out.add(lemmas[k])
                        break
            out.add(lemmas[j])
            if pos[j] not in ("NOUN", "PROPN"):
                out.update(lemmas[k] for k in kids(j) if deps[k] not in ("case", "det", "punct"))
    return out


def _agreement(token: Token) -> set[str]:
    """The genders the determiners and adjectives of ``token`` show ("un grand critique": Masc; "des critiques":
    none shown), read off the words that agree with it, not the noun's own tag, a guess for a noun of both."""
    view = view_of(token.doc)
    return {g for j in view.kids(token.i) if view.dep[j] in ("det", "amod") and j < token.i
            for g in morph(view.token(j), "Gender")}


def _apposed(token: Token) -> bool:
    """A noun set beside another between commas ("Gérard Collomb, soutien de la première heure", "X, fidèle
    soutien de Y"): an apposition, also when the parser made it a conjunct with no "et"."""
    view = view_of(token.doc)
    i, head = token.i, view.head[token.i]
    if any(view.dep[j] == "nsubj" for j in view.kids(i)):
        return False  # a verb the tagger read as a noun ("X, président de Y, critique la mention ...")
    if view.dep[i] == "appos":
        return True
    start = i  # (the words the noun opens with: "fidèle soutien", "un proche soutien")
    while start > 0 and view.head[start - 1] == i and view.dep[start - 1] in ("amod", "det", "advmod"):
        start -= 1
    if view.dep[i] == "conj" and view.pos[head] in ("NOUN", "PROPN") and start > 0 \
            and view.lower[start - 1] == "," and not any(view.dep[j] == "cc" for j in view.kids(i)):
        return True
    return _person_beside(view, token, start)


_BESIDE_REACH = 6  # how many words after its comma a noun's apposition names the person in


def _person_beside(view: DocView, token: Token, start: int) -> bool:
    """A noun with no definite article opening a phrase set off, at the sentence's start or after a comma, before a
    comma and a person named ("Une vive critique du Kremlin, l'écrivain X, a ...", "Critique du président, la
    journaliste X a ..."): the person's role, however the parser hung the two (an apposition, two subjects, a
    fragment)."""
    i = token.i
    if not (start == token.sent.start or view.lower[start - 1] == ","):
        return False
    if any(view.dep[j] == "det" and "Def" in morph(view.token(j), "Definite") for j in view.kids(i)):
        return False  # "Le soutien de Paris, le ministre l'a réaffirmé": the act, set before the clause
    end = i  # the noun's own words: its complements and modifiers up to the comma
    for j in view.kids(i):
        if j > i and view.dep[j] in ("nmod", "amod", "acl"):
            end = max(end, view.token(j).right_edge.i)
    comma = end + 1
    size = len(token.doc)  # (not the sentence's end: the parser may cut a fragment there)
    if comma >= size or view.lower[comma] != "," or any(view.lower[k] == "," for k in range(i, comma)):
        return False
    persons = {k for m in token.doc.spans.get(MENTIONS, ()) if m.label_ == "PER" for k in range(m.start, m.end)}
    for k in range(comma + 1, min(comma + 1 + _BESIDE_REACH, size)):
        if view.pos[k] in ("PUNCT", "VERB", "AUX"):
            return False
        if k in persons:
            return True
    return False


def _subject(token: Token) -> Token | None:
    """Who or what does the act of a verb: its subject, a passive's agent, the noun a relative clause or a present
    participle hangs on ("le plan, qui propose", "une plateforme proposant"), a conjunct's or an infinitive's head's
    subject ("a décidé de proposer")."""
    view = view_of(token.doc)  # read as lists: Tokens built only for the subject returned
    deps, kids, head, pos = view.dep, view.kids, view.head, view.pos
    i = token.i
    for _ in range(3):
        children = kids(i)
        passive = any(deps[j] in ("aux:pass", "nsubj:pass") for j in children)
        subject = next((j for j in children if deps[j] == ("obl:agent" if passive else "nsubj")), None)
        if subject is not None:
            if deps[i] == "acl:relcl" and "Rel" in morph(view.token(subject), "PronType"):
                return view.token(head[i])
            return view.token(subject)
        if deps[i] == "acl" and "Pres" in morph(view.token(i), "Tense"):
            noun = head[i]
            if pos[noun] == "ADJ" and any(deps[k] == "det" for k in kids(noun)):
                # "l'extrême pauvreté frappant ...", the phrase headed on its adjective: its noun
                noun = next((k for k in kids(noun) if pos[k] == "NOUN"), noun)
            return view.token(noun) if pos[noun] in ("NOUN", "PROPN") else None
        if deps[i] not in ("conj", "xcomp") or head[i] == i:
            return None
        if deps[i] == "xcomp" and any(deps[j] in ("obj", "iobj") for j in kids(head[i])):
            return None  # "l'amendement contraint Boris Johnson à demander": the object does it
        i = head[i]
    return None


def _beyond_clause(token: Token, theme: Token | None) -> bool:
    """The object the parser gave ``token`` lies past a clause of its own, a finite verb with its own subject between
    them ("accusent les autorités de ..., ce qui explique la hausse", with "hausse" hung on "accusent"): it is that
    clause's, not what the verb is said of."""
    if theme is None or theme.i <= token.i:
        return False
    view = view_of(token.doc)
    return any(view.pos[k] in ("VERB", "AUX") and "Fin" in morph(view.token(k), "VerbForm")
               and any(view.dep[c].startswith("nsubj") for c in view.kids(k)) for k in range(token.i + 1, theme.i))


def _may_do(subject: Token, words: frozenset[str], groups: frozenset[str] = frozenset()) -> bool:
    """Whether ``subject`` may be the doer an entry's `subj` asks for: one of ``words`` ("la police", "les
    enquêteurs"), a pronoun (anyone), or a state or body named ("la Turquie a interpellé"); not a person named nor
    any other noun ("interpellé par un auditeur", "Marie Dupont a interpellé le ministre"). A noun of ``groups``
    does it when its own complement or adjective does ("les équipes de la police", "le groupe jihadiste"), not
    alone nor as a person's ("l'équipe du candidat")."""
    lemma = subject.lemma_.lower()
    if lemma in groups:
        return any(_may_do(c, words, groups) for c in subject.children if c.dep_ in _GROUP_OF_DEPS)
    if lemma in words or subject.pos_ == "PRON":
        return True
    labels = {subject.ent_type_} | {m.label_ for m in subject.doc.spans.get(MENTIONS, ())
                                    if m.start <= subject.i < m.end}
    return "PER" not in labels and not _nationality_noun(subject) and bool(labels & _BODY_ENTS)


def _is_reflexive(token: Token) -> bool:
    """A reflexive pronoun hangs on the verb ("se sont entendus", "nous nous retirons"). The clause's subject is
    none, though "nous" and "vous" may be both ("nous n'avons pas entendu de réponse": no one agreed); a clitic the
    parser reads as a second subject still counts ("la préfecture m'a appelé")."""
    view = view_of(token.doc)  # read as lists: no Token built
    lowers, tags, deps = view.lower, view.pos, view.dep
    kids = view.kids(token.i)
    subject = next((j for j in kids if deps[j].startswith("nsubj")), None)
    return any(lowers[j] in _REFLEXIVE and tags[j] == "PRON" and j != subject for j in kids)


def _introduced(token: Token, preps: frozenset[str]) -> list[Token]:
    """The complements of ``token`` that one of ``preps`` introduces."""
    if not preps:
        return []
    return [c for c in _children(token) if (c.dep_.startswith("obl") or c.dep_ in ("iobj", "nmod"))
            and _case_of(c) in preps]


def _case_of(token: Token) -> str | None:
    view = view_of(token.doc)  # read as lists: no Token built
    deps = view.dep
    for j in view.kids(token.i):
        if deps[j] == "case":
            return view.lemma[j]
    return None


_QUE = grammar_words("que_forms")
_INSTRUMENT_PREPS = grammar_words("instrument_prepositions")  # "avec une barre de fer", "à coups de couteau"
_QUANTITY_NOUNS = grammar_words("quantity_nouns")
_QUANTITY_ADVERBS = grammar_words("quantity_adverbs")  # "beaucoup plus de sanctions"
_INFINITIVE_MARKS = grammar_words("infinitive_marks")  # "invités à se désister"
_APPRECIATION = grammar_words("appreciation_verbs")
_INDIRECT_QUESTIONS = grammar_words("indirect_question_words")  # "a demandé si ...", "demande pourquoi ..."
_NMOD_CLIMB = 3  # complements climbed from a relative's noun to the noun they complete
_ACTOR_ENTS = frozenset({"PER", "ORG", "GPE", "LOC"})
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_BODY_ENTS = frozenset({"ORG", "GPE", "LOC"})  # a state or a body named, not a person
_GROUP_OF_DEPS = frozenset({"nmod", "amod", "appos", "flat:name"})  # what names whom a group is made of


def behind_day(view: DocView, j: int) -> int:
    """The object a day hides: "a envoyé jeudi 300 parachutistes" is parsed with "jeudi" as the object
    and the soldiers hung on it; "a reçu mardi à l'Elysée son homologue" with both as objects of the verb."""
    if view.lemma[j] in TIME_WORDS:
        nominal = next((k for k in view.kids(j) if view.dep[k] == "nmod" and k > j
                        and not any(view.dep[c] == "case" for c in view.kids(k))), None)
        if nominal is not None:
            return nominal
        head = view.head[j]
        later = next((k for k in view.kids(head) if k > j and view.dep[k] == "obj"), None) if head != j else None
        if later is not None:
            return later
    return j


def stranded_object(view: DocView, verb: int) -> int | None:
    """The object the parser hung as an apposition on an oblique before it ("a reçu à la Maison Blanche le
    Premier ministre irakien"): a determined noun phrase set after the verb's oblique, when the verb has
    no object of its own."""
    kids, deps, pos = view.kids, view.dep, view.pos
    if any(deps[j] in ("obj", "nsubj:pass", "ccomp", "xcomp") for j in kids(verb)):
        return None
    for j in kids(verb):
        if j < verb or not deps[j].startswith("obl"):
            continue
        for k in kids(j):
            if k > j and deps[k] == "appos" and pos[k] in ("NOUN", "PROPN") and any(
                    deps[d] == "det" and d < k for d in kids(k)) and not any(deps[c] == "case" for c in kids(k)):
                return k
    return None


def _linked_name(token: Token) -> bool:
    """A name the actor linker found, whatever its tag ("a suspendu le Soudan", with "Soudan" tagged as a
    common noun; not "les Casques bleus", troops)."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    mentions = token.doc.spans.get(MENTIONS, ())
    return any(m.start <= token.i < m.end and m.label_ in _ACTOR_ENTS for m in mentions)


def _span_of_time(view: DocView, j: int) -> bool:
    """A unit of time dated by a demonstrative or a relative word ("la semaine dernière", "ces derniers mois")."""
    return view.lemma[j] in UNITS and any(
        (view.dep[k] == "det" and "Dem" in morph(view.token(k), "PronType"))
        or (view.dep[k] == "amod" and view.lower[k] in REL_MODS) for k in view.kids(j))


def _counted(theme: Token | None) -> Token | None:
    """What a quantity noun or adverb counts: "des dizaines de milliers de soldats" → "soldats", "beaucoup plus
    de sanctions" → "sanctions"."""
    view = view_of(theme.doc) if theme is not None else None
    for _ in range(3):
        if theme is None or view is None:
            return theme
        adverb = view.pos[theme.i] == "ADV" and view.lemma[theme.i] in _QUANTITY_ADVERBS
        if not adverb and view.lemma[theme.i] not in _QUANTITY_NOUNS:
            return theme
        counted_deps = ("nmod", "obl:arg", "obl") if adverb else ("nmod",)
        inner = next((k for k in view.kids(theme.i) if view.dep[k] in counted_deps and k > theme.i), None)
        if inner is None:
            return theme
        theme = view.token(inner)
    return theme


def _conjuncts(theme: Token | None) -> list[Token]:
    """The nouns coordinated with an object, also where the parser hung them on its complement ("s'expose à
    des restrictions de voyage et à des sanctions", "sanctions" a conjunct of "voyage")."""
    if theme is None:
        return []
    view = view_of(theme.doc)
    heads = [theme.i, *(k for k in view.kids(theme.i) if view.dep[k] == "nmod")]
    return [view.token(k) for h in heads for k in view.kids(h)
            if view.dep[k] == "conj" and view.pos[k] in ("NOUN", "PROPN")]


def misread_participle(view: DocView, i: int) -> bool:
    """A past participle the tagger read as a noun, told by its auxiliary ("avoir fait pression", with "fait"
    a noun): its verb's entries are found by its form."""
    return view.pos[i] == "NOUN" and any(view.dep[k].startswith("aux") for k in view.kids(i))


def _theme(token: Token) -> tuple[Token | None, str | None]:
    """The object of a verb (or the subject of its passive, or the noun it modifies as a
    participle), with the preposition that introduces it if any."""
    view = view_of(token.doc)  # read as lists: Tokens built only for the theme returned
    deps, tags, lowers, lemmas, kids = view.dep, view.pos, view.lower, view.lemma, view.kids
    fallback: tuple[Token | None, str | None] = (None, None)
    i = token.i
    # a clause with an object is active: a passive subject beside it is a misreading ("Kaboul a relâché 5.000
    # talibans" with "Kaboul" as nsubj:pass), the object is the theme
    active = any(deps[j] == "obj" and not (tags[j] in ("PRON", "SCONJ") and lowers[j] in _QUE) for j in kids(i))
    for j in kids(i):
        dep = deps[j]
        if (dep == "obj" or (dep == "nsubj:pass" and not active)) \
                and not (tags[j] in ("PRON", "SCONJ") and lowers[j] in _QUE):
            if lemmas[j] in TIME_WORDS or _span_of_time(view, j):
                # "a reçu lundi Moustafa al-Kazimi", "a détruit la semaine dernière le bureau": the time, then the
                # object
                j = next((k for k in kids(i) if k > j and deps[k] == "obj"), j)
            return view.token(behind_day(view, j)), None
        if dep == "ccomp" and tags[j] == "NOUN" and any(lowers[c] in _QUE for c in kids(j)):
            return view.token(j), None  # "n'a envoyé que 100 soldats": the restrictive object read as a clause
        if dep in ("obl:arg", "obl", "obl:mod", "iobj", "nmod") and fallback[0] is None:
            case = next((lemmas[c] for c in kids(j) if deps[c] == "case"), None)
            fallback = (view.token(j), case)
    if deps[i] in ("acl", "amod") and tags[i] in ("VERB", "ADJ"):
        return view.token(view.head[i]), None
    stranded = stranded_object(view, i) if tags[i] in ("VERB", "AUX") else None
    if stranded is not None:
        return view.token(stranded), None
    return fallback
