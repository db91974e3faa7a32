"""The grammar of French actor descriptions, over annotated tokens.

    DESCRIPTION := [ancien|ex] [ORDINAL] HEAD (MODIFIER | DEMONYM)* [PORTFOLIO [DEMONYM]]
                   [CONNECTOR (NAME | ANAPHOR | DESCRIPTION)]
    ANAPHOR     := DETERMINER NOUN [MODIFIER]* [de|d' REGION]

HEAD is a collective noun or a person title from the lexicon (data/sectors.yaml),
DEMONYM an adjective of nationality ("kazakhe"), PORTFOLIO a ministry complement
("de la Défense"), CONNECTOR de/du/des/d'/de la/de l', NAME a KB name or a place,
ANAPHOR a definite description ("l'alliance", "ce pays d'Asie centrale").

    "ministère arménien de la Défense"        -> ARM, MIL
    "ministère de l'Intérieur du Kazakhstan"  -> KAZ, GOV
    "le chef de la diplomatie russe"          -> RUS, GOV (foreign_minister)
    "45e régiment aéroporté russe"            -> RUS, MIL
    "soldats de l'alliance"                   -> anaphor left to the linker

The linker builds the annotations from spaCy tokens and its phrase index;
``actors/describe.py`` builds them from a plain string with the knowledge base. This module
knows no knowledge base: it reads only the lexicon.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from veille.actors.lexicon import (
    AREA,
    CONNECTOR,
    DETERMINER,
    FORMER,
    HEAD,
    IGO_ANAPHOR,
    PORTFOLIO,
    SCOPE,
    STATE_ANAPHOR,
    TITLE,
    LexEntry,
    Lexicon,
    lexicon_sequence,
    lexicon_tags,
    lexicon_words,
)

# the words: data/sectors.yaml, `words`
MINISTERIAL = lexicon_sequence("ministerial_prefixes")
NOT_NOUNS = {"ADJ", "VERB", "AUX", "ADV"}
ARTICLE_CONNECTORS = lexicon_words("article_connectors")
DEMONYM_COORDINATORS = lexicon_words("demonym_coordinators")  # "turc, finlandais et suédois"
TAG_MODIFIERS = lexicon_tags("tag_modifiers")
GENERIC_ANAPHOR_MODIFIERS = lexicon_words("generic_anaphor_modifiers")  # "le premier pays arabe à"
TITLE_OF_TITLE = ("adviser", "spokesperson", "deputy_minister", "diplomat", "envoy")  # "porte-parole du président turc"


@dataclass(slots=True)
class Tok:
    """What the grammar needs to know about a token."""

    text: str
    key: str  # folded text
    pos: str | None = None  # universal POS when a tagger ran
    head: int | None = None  # index of the syntactic head when a parser ran

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class NameHit:
    """A KB name or place found in the text."""

    start: int
    end: int
    actor_ids: list[str]
    code: str | None  # affiliation on the document's date (first actor), or the place's state
    kind: str  # actor type, or "place"
    sector: str | None = None


@dataclass
class Anaphor:
    """A definite description that points back to a state or an IGO."""

    start: int
    end: int
    kind: str  # state | igo
    tag: str | None = None  # IGO tag required (alliance, bloc, union)
    tags: tuple[str, ...] = ()  # further tags required (military)
    region: str | None = None  # states: region the antecedent must lie in
    states: frozenset[str] | None = None  # states: those its kind noun and adjectives fit (data/state_kinds.yaml)


@dataclass
class Description:
    start: int
    end: int
    head: LexEntry
    code: str | None = None
    sector: str | None = None
    concept: str | None = None
    chain: list[str] = field(default_factory=list)  # head lemmas along the phrase
    via: str | None = None  # demonym | complement | anaphor
    complement_ids: list[str] = field(default_factory=list)
    complement_kind: str | None = None
    anaphor: Anaphor | None = None
    former: bool = False
    ambiguous: bool = False  # several states coordinated: "turc, finlandais et suédois"
    title: str = ""  # folded composed title ("president du conseil europeen")
    demonym: bool = False
    plural: bool = False  # the head is in the plural ("les présidents")
    scope_end: int = -1  # end of a "pour <place>" after a title ("envoyé spécial pour le Yémen")
    qualified: bool = False  # a modifier gave its sector ("forces séparatistes"): specific enough alone
    area: bool = False  # the title has an area ("secrétaire d'État aux Affaires européennes"): not the usual holder
    portfolio: bool = False  # a minister's title with its portfolio ("le ministre de la Santé")


@dataclass
class Annotations:
    tokens: list[Tok]
    lex: dict[int, list[tuple[int, LexEntry]]] = field(default_factory=lambda: defaultdict(list))
    demonyms: dict[int, str] = field(default_factory=dict)  # token index -> state code
    names: dict[int, NameHit] = field(default_factory=dict)  # start -> longest name

    def first(self, i: int, *kinds: str) -> tuple[int, LexEntry] | None:
        """Longest lexicon phrase of one of ``kinds`` starting at token ``i``."""
        best: tuple[int, LexEntry] | None = None
        for end, entry in self.lex.get(i, ()):
            if entry.kind in kinds and (best is None or end > best[0]):
                best = (end, entry)
        return best


class Grammar:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    # ------------------------------------------------------------------ anaphors
    def anaphor(self, ann: Annotations, i: int, *, determiner_done: bool = False) -> Anaphor | None:
        """``le pays``, ``ce pays d'Asie centrale``, ``l'alliance militaire``..."""
        tokens, n = ann.tokens, len(ann.tokens)
        j = i
        if not determiner_done:
            det = ann.first(j, DETERMINER)
            if det is None:
                return None
            j = det[0]
        # an adjective may come before the noun: "ce vaste pays"
        words: list[str] = []
        if j < n and tokens[j].pos == "ADJ" and ann.first(j + 1, STATE_ANAPHOR, IGO_ANAPHOR):
            if tokens[j].key in GENERIC_ANAPHOR_MODIFIERS or self.lexicon.ordinal.match(tokens[j].key):
                return None  # "le premier pays arabe à ...", "le seul pays": any state that fits, not one met
            words.append(tokens[j].key)
            j += 1
        noun = ann.first(j, STATE_ANAPHOR, IGO_ANAPHOR)
        if noun is None or j in ann.names:  # "l'Alliance atlantique" is a name
            return None
        end, entry = noun
        if end < n and end in ann.demonyms:
            return None  # "l'État russe" says which state: a description, not an anaphor
        kind = "state" if entry.kind == STATE_ANAPHOR else "igo"
        found = Anaphor(start=i, end=end, kind=kind, tag=entry.tag)
        words.append(entry.lemma)
        extra: list[str] = []
        while end < n and tokens[end].pos == "ADJ" and not tokens[end].capitalised and end - found.end < 2:
            tag = TAG_MODIFIERS.get(tokens[end].key)
            if tag:
                extra.append(tag)
            words.append(tokens[end].key)
            end += 1
        found.tags = tuple(extra)
        found.end = end
        if kind == "state":
            for word in words:  # "le petit royaume", "le pays communiste": the states each word fits
                fits = self.lexicon.state_kinds.get(word)
                if fits is not None:
                    found.states = fits if found.states is None else found.states & fits
            connector = ann.first(end, CONNECTOR)
            if connector:
                name = ann.names.get(connector[0])
                if name and name.kind == "place" and name.code is None:
                    found.region = " ".join(t.text for t in tokens[name.start:name.end])
                    found.end = name.end
                elif (name is None and connector[0] < n and tokens[connector[0]].pos == "NOUN"
                      and not tokens[connector[0]].capitalised):
                    return None  # "le pays d'accueil", "le pays d'origine": a role any state can have
        return found

    # ------------------------------------------------------------------ descriptions
    def description(self, ann: Annotations, i: int, depth: int = 0) -> Description | None:
        tokens, n = ann.tokens, len(ann.tokens)
        j, former = i, False
        marker = ann.first(j, FORMER)
        if marker:
            former, j = True, marker[0]
        if j < n and self.lexicon.ordinal.match(tokens[j].key):
            j += 1
        hit = ann.first(j, HEAD, TITLE)
        if hit is None:
            return None
        head_start, (j, entry) = j, hit
        if j == head_start + 1 and tokens[head_start].pos in NOT_NOUNS:
            return None  # "coopération militaire", "il juge que"
        found = Description(start=i, end=j, head=entry, sector=entry.sector, concept=entry.concept,
                            chain=[entry.lemma], former=former)
        first_word = tokens[head_start].key
        found.plural = first_word != entry.lemma.split(" ")[0] and first_word.endswith(("s", "x"))
        title_words = [entry.lemma]
        j = self._modifiers(ann, j, found)
        portfolio = ann.first(j, PORTFOLIO) if entry.lemma.startswith(MINISTERIAL) else None
        if portfolio:
            end, p_entry = portfolio
            found.sector = p_entry.sector or found.sector
            if entry.concept == "minister" and p_entry.concept in ("defence", "foreign", "interior"):
                found.concept = f"{p_entry.concept}_minister"
            elif entry.concept == "minister":
                found.concept = None
            title_words.append(p_entry.lemma)
            found.portfolio = True
            j = end
            if found.code is None and j < n and j in ann.demonyms:
                found.code, found.via, found.demonym = ann.demonyms[j], "demonym", True
                j += 1
        found.end = j
        if found.code is None and not found.ambiguous:
            self._complement(ann, found, depth, title_words)
        elif found.code is not None:
            self._own_body(ann, found)
        if entry.kind == TITLE:
            self._scope(ann, found)
        found.title = " ".join(title_words)
        return found

    def _scope(self, ann: Annotations, found: Description) -> None:
        """"l'envoyé spécial de l'ONU pour le Yémen": the place a title is for does not say whose
        the title is, but a name in apposition may follow it (``scope_end``); so may the area of
        a title ("le conseiller à la sécurité nationale Tahnoun ben Zayed")."""
        area = ann.first(found.end, AREA)
        if area is not None:
            tokens, k = ann.tokens, area[0]
            start = k
            while k < len(tokens) and k - start < 4 and tokens[k].text.isalpha() and k not in ann.names \
                    and (tokens[k].pos in ("NOUN", "ADJ") or (k > start and ann.first(k, CONNECTOR))):
                k += 1
            if k > start and tokens[k - 1].pos in ("NOUN", "ADJ"):
                found.scope_end, found.area = k, True
            return
        scope = ann.first(found.end, SCOPE)
        if scope is None:
            return
        k = scope[0]
        det = ann.first(k, DETERMINER)
        if det is not None:
            k = det[0]
        name = ann.names.get(k)
        if name is not None and name.kind in ("state", "place") and _attached(ann, scope[0], name.end, found):
            found.scope_end = name.end

    def _modifiers(self, ann: Annotations, j: int, found: Description) -> int:
        tokens, n = ann.tokens, len(ann.tokens)
        steps = 0
        while j < n and steps < 4:
            token = tokens[j]
            if j in ann.demonyms and not (token.capitalised and token.pos == "PROPN"):
                code = ann.demonyms[j]
                if found.code and found.code != code:
                    found.ambiguous = True
                found.code, found.via, found.demonym = found.code or code, "demonym", True
                j += 1
                steps += 1
                while j + 1 < n and tokens[j].key in DEMONYM_COORDINATORS and (j + 1) in ann.demonyms:
                    if ann.demonyms[j + 1] != found.code:
                        found.ambiguous = True
                    j += 2
                continue
            known, sector = self.lexicon.modifier(token.text)
            if j in ann.names or ann.first(j, PORTFOLIO, CONNECTOR) or token.key in self.lexicon.against:
                break
            if not known and ann.first(j, HEAD, TITLE):
                break
            if known or (token.pos == "ADJ" and not token.capitalised):
                if sector:
                    found.sector = sector
                    found.qualified = True
                j += 1
                steps += 1
                continue
            break
        if found.ambiguous:
            found.code = None
        return j

    def _complement(self, ann: Annotations, found: Description, depth: int, title_words: list[str]) -> None:
        connector = ann.first(found.end, CONNECTOR)
        if connector is None:
            self._leader_complement(ann, found)
            return
        k, c_entry = connector
        name = ann.names.get(k)
        if name is not None and not _attached(ann, name.start, name.end, found):
            return
        if name is not None and (name.code or name.actor_ids):
            found.end, found.code, found.via = name.end, name.code, "complement"
            if name.kind in ("organisation", "group") and name.code and ann.demonyms.get(name.end) == name.code:
                found.end += 1  # "du département d'État américain"
            found.complement_ids, found.complement_kind = list(name.actor_ids), name.kind
            title_words.extend([c_entry.lemma, " ".join(t.key for t in ann.tokens[name.start:name.end])])
            if name.kind not in ("state", "place") and found.concept not in ("secretary_general",):
                found.concept = None
            if name.kind in ("organisation", "group") and name.sector:
                found.sector = name.sector
            return
        anaphor = self.anaphor(ann, k, determiner_done=c_entry.lemma in ARTICLE_CONNECTORS)
        if anaphor is not None and _attached(ann, k, anaphor.end, found):
            found.end, found.anaphor, found.via = anaphor.end, anaphor, "anaphor"
            if anaphor.kind == "igo" and found.concept not in ("secretary_general",):
                found.concept = None
            return
        if depth >= 2:
            return
        sub = self.description(ann, k, depth + 1)
        if sub is None or not _attached(ann, sub.start, sub.end, found):
            return
        if sub.head.kind == TITLE and not (found.head.kind == TITLE and found.concept in TITLE_OF_TITLE and sub.code):
            return  # "conseiller du roi de Bahreïn" is Bahrain's; other titles of a title are not
        # an uncoded complement still belongs to the phrase ("gouvernement de transition")
        found.end, found.chain = sub.end, found.chain + sub.chain
        found.code, found.anaphor, found.ambiguous = sub.code, sub.anaphor, sub.ambiguous
        found.via, found.demonym = sub.via, sub.demonym
        found.complement_ids, found.complement_kind = sub.complement_ids, sub.complement_kind
        if found.head.kind == TITLE:
            if sub.sector and sub.sector != "GOV":
                found.sector = sub.sector
        else:
            found.sector = found.sector or sub.sector
        # "chef de la diplomatie russe" keeps its own concept; "porte-parole du ministère ..." too
        title_words.extend([c_entry.lemma, sub.title or sub.head.lemma])


    def _own_body(self, ann: Annotations, found: Description) -> None:
        """"l'agence nord-coréenne KCNA": a KB body of the described state named right after."""
        name = ann.names.get(found.end)
        if found.head.kind == HEAD and name is not None and name.kind in ("organisation", "group") \
                and name.code == found.code and ann.tokens[name.start].capitalised:
            found.end = name.end
            found.complement_ids, found.complement_kind = list(name.actor_ids), name.kind
            found.sector = name.sector or found.sector

    def _leader_complement(self, ann: Annotations, found: Description) -> None:
        """"le régime Assad", "l'administration Trump": an institution named after the person
        who leads it, written right after its noun, is that person's state's; "les rebelles
        Houthis": a group named right after its noun is that group."""
        name = ann.names.get(found.end)
        if found.head.kind != HEAD or name is None or name.kind not in ("person", "group", "organisation") \
                or not name.code:
            return
        if found.end > 0 and ann.tokens[found.end - 1].key in self.lexicon.against:
            return
        if not ann.tokens[name.start].capitalised:
            return  # (the parser often hangs the name on the verb or the noun before: adjacency decides)
        found.end, found.code, found.via = name.end, name.code, "complement"
        found.complement_ids, found.complement_kind = list(name.actor_ids), name.kind
        if name.kind != "person" and name.sector:
            found.sector = name.sector


def _attached(ann: Annotations, start: int, end: int, found: Description) -> bool:
    """Whether the phrase [start, end) depends on the description (when a parser
    ran): in "retirer leurs forces du pays", "du pays" goes with the verb."""
    tokens = ann.tokens
    heads = [tokens[i].head for i in range(start, end)]
    if any(head is None for head in heads):
        return True
    for i in range(start, end):
        head = tokens[i].head
        if head is not None and head != i and not start <= head < end:
            return found.start <= head < end
    return True


# ---------------------------------------------------------------------- plain text
_TOKEN = re.compile(
    r"(?:qu|jusqu|lorsqu|puisqu|[cdjlmnst])['’](?=\w)"
    r"|\d+[^\W\d_]*"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?"
    r"|\S",
    re.IGNORECASE,
)


def tokenize(text: str) -> list[str]:
    """A small French tokenizer (elisions split, hyphenated words kept)."""
    words = _TOKEN.findall(text)
    # keep the period only on abbreviations such as "M." and "Mme."
    out: list[str] = []
    for word in words:
        if word.endswith(".") and len(word) > 3:
            out.extend([word[:-1], "."])
        else:
            out.append(word)
    return out
