"""PLOVER auxiliary modes of an event: asserted, reported, future, hypothetical, negated.

``assess(trigger)`` climbs from the trigger through the clauses that govern it (xcomp, ccomp,
conj, advcl, support verbs of a noun) and reads the grammar on the way: negation
("ne ... pas/jamais/plus", "aucun", "sans"), conditional mood and modal or opinion verbs
(hypothetical), future tense, "aller" + infinitive and planning verbs (future), speech
verbs and "selon X" / "d'après X" (reported, with the speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from veille.events.features import morph, present_participle
from veille.events.grammar import grammar_sequence, grammar_table, grammar_words
from veille.events.timex import TIME_WORDS
from veille.events.view import DocView, opens_incise, view_of
from veille.nlp.extensions import MENTIONS

ASSERTED, REPORTED, FUTURE, HYPOTHETICAL, NEGATED = "asserted", "reported", "future", "hypothetical", "negated"
CODED = (ASSERTED, REPORTED, FUTURE, HYPOTHETICAL, NEGATED)  # every status `assess` gives (model/vocabulary.yaml)
FACTUAL = frozenset({ASSERTED, REPORTED})
_RANK = {ASSERTED: 0, REPORTED: 1, FUTURE: 2, HYPOTHETICAL: 3, NEGATED: 4}

SPEECH_VERBS = grammar_words("speech_verbs")
_INDEFINITE_INCISE_SUBJECTS = grammar_words("indefinite_incise_subjects")  # '"...", peut-on lire': no speaker
# verbs after which the embedded event is an opinion, a wish or a possibility
OPINION_VERBS = grammar_words("opinion_verbs")
_AIM_VERBS = grammar_words("aim_verbs")  # "visés par des sanctions": the agent of aiming is no wish
_RISK_VERBS = grammar_words("risk_verbs")  # "s'expose à des sanctions": what it risks, not where it is said
_REPORTING_VERBS = SPEECH_VERBS | OPINION_VERBS  # verbs that say or think their complement clause
# verbs after which the embedded event is planned or announced for later
PLANNING_VERBS = grammar_words("planning_verbs")
_IMPERSONAL_OBLIGATION_VERBS = grammar_words("impersonal_obligation_verbs")  # "il faut que X ..."
_RECALLING_VERBS = grammar_words("recalling_verbs")  # "il faut rappeler que X a fait": told, not asked
# adjectives of readiness over an infinitive: the event is offered or intended
_WILLING_ADJ = grammar_words("willing_adjectives")
_WILLING_VERBS = grammar_words("willing_verbs")  # "est déterminée à lancer"
# aspect verbs that let the embedded event through unchanged ("ont commencé à quitter")
ASPECT_VERBS = grammar_words("aspect_verbs")
NEGATORS = grammar_words("negators")
_NE = grammar_words("ne_forms")
_NEGATIVE_PRONOUNS = grammar_words("negative_pronouns")
_NEGATIVE_DETERMINERS = grammar_words("negative_determiners")
_SI = grammar_words("si_forms")
_BOUND_MARKS = grammar_words("bound_marks")
_CLEFT_PRONOUNS = grammar_words("cleft_pronouns")
_QUE = grammar_words("que_forms")
_RESTRICTIVE = grammar_words("restrictive_marks")  # "n'a envoyé que 100 soldats": no negation
_PRIVATIVE_MARKS = grammar_words("privative_marks")  # "sans attaquer": negated
_PARTICIPLE_NEGATORS = grammar_words("participle_negators")  # "non ratifié": negated
_CLEFT_VERBS = grammar_words("cleft_verbs")  # "c'est ... que"
_TOLD_PLANNING_VERBS = grammar_words("told_planning_verbs")  # "a annoncé l'envoi": told, not planned
_OBLIGATION_VERBS = grammar_words("obligation_verbs")  # "devrait signer": hypothetical
_POSSIBILITY_VERBS = grammar_words("possibility_verbs")  # "a dit que X pourrait ...": no opinion above
_LIGHT_SPEECH_VERBS = grammar_words("light_verbs_of_speech")  # "faire" speaks only in "faire état de"
_CLAUSE_SPEECH_VERBS = grammar_words("clause_speech_verbs")  # "a soutenu que": speech only with a que-clause
_PLANNED_ADJ = grammar_words("planned_adjectives")
_POSSIBLE_ADJ = grammar_words("possible_adjectives")
_HYPO_NOUNS = grammar_words("hypothetical_nouns")
_CAPACITY_NOUNS = grammar_words("capacity_nouns")  # "le droit de manifester": an infinitive that may be done
_HALT_NOUNS = grammar_words("halting_nouns")
_HAPPENING = grammar_words("happening_words")  # "la réunion n'a pas eu lieu": the event itself did not happen
_CANCELLING = grammar_words("cancelling_verbs")  # "la rencontre a été annulée", "a reporté le sommet"
_ENDING_OBJECTS = _HALT_NOUNS | grammar_words("ending_objects")
OPENING_QUOTES = ('"', "«", "“")
CLOSING_QUOTES = ('"', "»", "”")
QUOTE_MARKS = tuple(dict.fromkeys(OPENING_QUOTES + CLOSING_QUOTES))
# "-il", "-elle" and the euphonic "-t" between them and the verb: "a-t-il été déjoué ?"
EUPHONIC = grammar_words("euphonic_marks")  # the "t" of "a-t-il": no subject (arguments.py reads it too)
INVERTED_CLITICS = grammar_words("inverted_clitics") | EUPHONIC
_QUESTION_WORDS = grammar_words("question_words")  # "pourquoi", "qui": a question that takes the act as known
QUESTION_MARKS = grammar_words("question_marks")  # "?": what it ends is asked, not told
_FRAME_STOPS = grammar_words("speech_frame_stops")  # where a speech verb read along the words stops being the clause's
_PLANNED_PASSIVES = grammar_words("planned_passive_verbs")  # "un tête-à-tête est prévu"
# verbs whose negation affirms what hangs on them ("ne manque jamais de dénoncer", "n'a cessé de bombarder"): a habit
# (habit.py), not a negated act
_UNCEASING = grammar_words("unceasing_verbs")
_OCCASION_PREPS = grammar_words("occasion_prepositions")  # "a déclaré au sommet": where, not what
_SOURCE_PREP_FORMS = grammar_words("source_preposition_forms")
_ELIDED_DE = grammar_words("elided_de")
_ELIDED_SOURCE_PREPS = grammar_words("elided_source_prepositions")  # "d' après" split in two
_TITLES = grammar_words("title_abbreviations")
_SPEECH_FAIRE = grammar_words("faire_speech_objects")  # "faire état de", "faire savoir", "faire part de"
_NOMINAL_DEPS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "conj",
                           "appos", "iobj", "dep", "expl:subj"})
_PARTY_LABELS = frozenset({"PER", "ORG", "NORP", "GPE", "LOC"})  # mentions of someone who may speak
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "parataxis", "csubj"})


@dataclass(frozen=True)
class Status:
    status: str
    reporter: Token | None = None  # head token of whoever asserts it (reported)
    cue: str | None = None  # why: a rule's label ("negation", "condition", "speech-frame", ...) or a verb's lemma


def _aux(token: Token) -> list[Token]:
    view = view_of(token.doc)
    deps = view.dep
    return [view.token(j) for j in view.kids(token.i) if deps[j].startswith("aux") or deps[j] == "cop"]


def _affirms_below(verb: Token, trigger: Token) -> bool:
    """The verb is one whose negation affirms the infinitive it governs, and the trigger is in that infinitive's clause
    ("ne manque jamais de dénoncer X, envahi par Y"; not "ne manque pas à sa parole": no infinitive)."""
    if verb.lemma_.lower() not in _UNCEASING:
        return False
    return any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") and (c == trigger or c.is_ancestor(trigger))
               for c in verb.children)


def is_negated(verb: Token) -> bool:
    """Whether the verb itself is negated ("ne pas expulser", "n'a jamais signé"; not "n'a envoyé que 100 soldats")."""
    return _is_negated(verb)


def _is_negated(verb: Token) -> bool:
    has_ne = False
    has_neg = False
    restrictive = False
    view = view_of(verb.doc)  # read as lists: no Token built
    lowers, deps, lemmas, kids = view.lower, view.dep, view.lemma, view.kids
    i = verb.i
    for j in kids(i):
        lower, dep = lowers[j], deps[j]
        if lower in _NE:
            has_ne = True
        elif dep == "advmod" and lemmas[j] in NEGATORS and not (j > 0 and view.pos[j - 1] == "DET"):
            has_neg = True  # (not a noun the tagger took for a negator: "un pas important", "le plus grave")
        elif lower in _RESTRICTIVE and dep in ("advmod", "mark", "fixed") and j > i:
            restrictive = True  # "n'a envoyé que 100 soldats" (not the "que" that opens the clause)
        elif dep in ("nsubj", "nsubj:pass", "obj") and (
                (view.pos[j] in ("PRON", "DET") and lemmas[j] in _NEGATIVE_PRONOUNS)
                or any(lemmas[d] in _NEGATIVE_DETERMINERS and deps[d] == "det" for d in kids(j))):
            has_neg = True
        elif (dep == "mark" and lower in _PRIVATIVE_MARKS) or (
                j == i - 1 and lower in _PARTICIPLE_NEGATORS and "Part" in verb.morph.get("VerbForm")
                and not any(deps[k].startswith("aux") for k in kids(i))):
            return True
    # "ne ... pas": the negator may hang from the auxiliary's slot or from an infinitive's xcomp
    if has_ne and not has_neg:
        # the subtree's words headed by the verb: its children (and itself when it is a root)
        has_neg = any(lemmas[j] in NEGATORS for j in kids(i) if deps[j] == "advmod") or (
            view.head[i] == i and deps[i] == "advmod" and lemmas[i] in NEGATORS)
    if has_ne and not has_neg and not restrictive:
        # "n'a pas" with "pas" attached elsewhere in the clause
        has_neg = any(lowers[k] in NEGATORS for k in range(max(0, i - 4), min(view.n, i + 3)))
    return has_neg and not restrictive or (has_neg and not has_ne and verb.pos_ in ("VERB", "AUX"))


_IRREGULAR_STEMS = grammar_sequence("irregular_future_stems")
_SUPPLETIVE_STEMS = {lemma: tuple(stems) for lemma, stems in grammar_table("suppletive_future_stems")}  # "serons"
_COND_ENDINGS = grammar_sequence("conditional_endings")
_FUT_ENDINGS = grammar_sequence("future_endings")
_STEM_CHANGES = tuple((ending, next(iter(stem))) for ending, stem in grammar_table("future_stem_changes"))
_FUTURE_FORM = re.compile(f"r(?:{'|'.join(map(re.escape, _FUT_ENDINGS))})$")  # every French future: stem + r + ending


@lru_cache(maxsize=4096)  # verb lemmas: a bounded few recur; unknown ones must not grow it forever
def _stems(lemma: str) -> tuple[str, ...]:
    """Stems of the future and conditional of a verb of (lower-cased) lemma ``lemma``."""
    stems = [lemma]
    for ending, stem in _STEM_CHANGES:  # prendre → prendr-; payer → paier- (envoyer → enverr- is irregular)
        if lemma.endswith(ending):
            stems.append(lemma[:-len(ending)] + stem)
    irregular = [s for s in _IRREGULAR_STEMS if lemma.startswith(s[:2])]
    return tuple(stems + irregular + list(_SUPPLETIVE_STEMS.get(lemma, ())))


def _form_is(token: Token, endings: tuple[str, ...]) -> bool:
    """The verb form is stem + ending: the model's morphology misses some conditionals
    ("inviteraient" tagged present indicative)."""
    if token.pos_ not in ("VERB", "AUX") or "Fin" not in morph(token, "VerbForm"):
        return False
    lower = token.lower_
    return any(lower.startswith(stem) and lower[len(stem):] in endings for stem in _stems(token.lemma_.lower()))


def _mood_tense(verb: Token) -> tuple[bool, bool, bool]:
    """(conditional, future, aller-future) on a verb or its auxiliaries."""
    cond = fut = going = False
    for token in [verb, *_aux(verb)]:
        mood = morph(token, "Mood")
        tense = morph(token, "Tense")
        if "Cnd" in mood or _form_is(token, _COND_ENDINGS):  # "annoncerait", "ouvrirait" are tagged imperfect
            cond = True
        elif ("Fut" in tense and _FUTURE_FORM.search(token.lower_)) or (
                "Past" not in tense and _form_is(token, _FUT_ENDINGS)):
            fut = True  # the tagger's "Fut" on a form that cannot be one ("accueille") is ignored
        if token != verb and token.lemma_ == _GOING_VERB and ("Pres" in tense or "Imp" in tense):
            going = True
    return cond, fut, going


def is_prospective(verb: Token) -> bool:
    """Whether the verb is in the future or the conditional ("tolérerons", "riposterait", "va frapper")."""
    return any(_mood_tense(verb))


def is_past(verb: Token) -> bool:
    """Whether ``verb`` tells of the past: a past tense, not a conditional ("ouvrirait", tagged imperfect)."""
    return _past(verb) and not _mood_tense(verb)[0]


def _past(verb: Token) -> bool:
    return any("Past" in morph(token, "Tense") or "Imp" in morph(token, "Tense") for token in [verb, *_aux(verb)])


def _clefted(clause: Token, sentence: Span | None) -> bool:
    """The que-clause of a cleft: the sentence opens with "c'est" / "ce sont" and the clause, with a subject
    of its own, is introduced by "que" after it."""
    view = view_of(clause.doc)
    start = sentence.start if sentence is not None else clause.sent.start
    opener = next((k for k in range(start, min(start + 3, view.n)) if view.lower[k] in _CLEFT_PRONOUNS), None)
    if opener is None or opener + 1 >= view.n or view.lemma[opener + 1] not in _CLEFT_VERBS:
        return False
    kids = view.kids(clause.i)
    return any(view.dep[j] == "mark" and view.lower[j] in _QUE and j > opener + 1 for j in kids) \
        and any(view.dep[j] in ("nsubj", "nsubj:pass") for j in kids)


def _bound(clause: Token) -> bool:
    """A clause opened by "tant que", "avant que", "à moins que" (the parser makes "tant" the mark, or "que"
    the mark after it)."""
    view = view_of(clause.doc)
    return any(view.dep[j] == "mark" and (view.lower[j] in _BOUND_MARKS or (
        j > 0 and view.lower[j] in _QUE and view.lower[j - 1] in _BOUND_MARKS)) for j in view.kids(clause.i))


def _has_child(token: Token, dep: str, lowers: frozenset[str]) -> bool:
    """Whether a child of ``token`` has dependency ``dep`` and one of the lower-cased forms ``lowers``."""
    view = view_of(token.doc)
    deps, forms = view.dep, view.lower
    return any(deps[j] == dep and forms[j] in lowers for j in view.kids(token.i))


def _subject(verb: Token) -> Token | None:
    view = view_of(verb.doc)
    deps, children = view.dep, view.kids(verb.i)
    for j in children:
        if deps[j] in ("nsubj", "expl:subj"):
            return _past_euphonic(view, j)
    for j in children:
        if deps[j] == "obl:agent":
            return view.token(j)
    return None


def asked_clause(view: DocView, clause: int) -> tuple[int, list[int]] | None:
    """The verb of getting or asking (`asking_verbs`) whose "que" clause `clause` tells the deed asked, with the
    phrases before that clause that may name whom it asks ("a obtenu du Mali qu'il libère ...", "a exigé de
    l'Algérie qu'elle expulse ...": the parser may hang the clause on that phrase as a relative);
    None otherwise."""
    opener = next((k for k in view.kids(clause) if k < clause and view.lower[k] in _QUE
                   and view.dep[k] in ("mark", "obj")), None)
    if opener is None:
        return None
    if view.dep[clause] == "ccomp":
        verb = view.head[clause]
        phrases = [k for k in view.kids(verb) if k < clause and view.dep[k] in _ASKED_DEPS]
    elif view.dep[clause] == "acl:relcl" and view.dep[view.head[clause]] in _ASKED_DEPS:
        phrases = [view.head[clause]]
        verb = view.head[phrases[0]]
    else:
        return None
    return (verb, phrases) if view.lemma[verb] in _ASKING_VERBS else None


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a noun trigger belongs to (a verb trigger is its own)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.dep_ not in _NOMINAL_DEPS or current.head == current:
            return current
        current = current.head
    return current


def reporter_from_prep(trigger: Token, sentence: Span | None = None) -> Token | None:
    """The source of "selon X" / "d'après X" attached to the trigger or to a word that governs it."""
    span = sentence if sentence is not None else trigger.sent
    view = view_of(trigger.doc)
    lowers = view.lower
    for k in range(span.start, span.end):
        lower = lowers[k]
        if not (lower in _SOURCE_PREP_FORMS or (
                lower in _ELIDED_SOURCE_PREPS and k > 0 and lowers[k - 1] in _ELIDED_DE)):
            continue
        token = view.token(k)
        head = token
        while head.dep_ in ("case", "fixed", "mark") and head.head != head:
            head = head.head
        attach = head.head if head.pos_ in ("PROPN", "NOUN", "PRON") else head
        in_scope = attach in (head, trigger) or attach.is_ancestor(trigger) or (
            attach.dep_ == "ROOT" and not any(t.dep_ in ("acl:relcl", "acl") and t.is_ancestor(trigger)
                                              for t in attach.subtree))
        if not in_scope:
            continue
        # the source is the first name after the preposition ("Selon M. Pachinian, ...")
        for nxt in token.doc[token.i + 1:min(len(token.doc), token.i + 7)]:
            if nxt.pos_ in ("PROPN", "NOUN", "PRON") and nxt.lower_ not in _TITLES:
                return nxt
            if nxt.is_punct and nxt.text not in ("'", "’", "."):
                break
    return None


_NOUN_OWN = frozenset(_PLANNED_ADJ | _POSSIBLE_ADJ)
_SOURCE_PREPS = grammar_words("source_prepositions")
_ATTRIBUTION = SPEECH_VERBS | _SOURCE_PREPS
_PURPOSE_MARKS = grammar_words("purpose_marks")
_FACTIVE_MARKS = grammar_words("factive_marks")
_PURPOSE_HEADS = grammar_words("purpose_heads")
_LAUNCH_VERBS = grammar_words("launch_verbs")
_OPERATION_NOUNS = grammar_words("operation_nouns")


def _purpose(clause: Token) -> bool:
    """An infinitive of purpose: "pour aider", "afin de", "destinée à protéger"."""
    if "Inf" not in morph(clause, "VerbForm"):
        return False
    view = view_of(clause.doc)
    deps, lowers = view.dep, view.lower
    if any(deps[j] in ("mark", "case") and lowers[j] in _PURPOSE_MARKS for j in view.kids(clause.i)):
        return True
    return view.lemma[view.head[clause.i]] in _PURPOSE_HEADS


def _launched_operation(clause: Token) -> bool:
    """The purpose of an operation its clause launches ("ont lancé une offensive pour reprendre X"): the act
    is under way, as its clause tells it."""
    head = clause.head
    return head.i != clause.i and head.lemma_.lower() in _LAUNCH_VERBS and any(
        c.dep_ == "obj" and c.lemma_.lower() in _OPERATION_NOUNS for c in head.children)


# announcing one's own measure is the measure ("a annoncé la levée de son veto", "le retrait")
ANNOUNCE_VERBS = grammar_words("announce_verbs")
_PERFORMING_VERBS = grammar_words("performing_verbs")
_GERUND_MARKS = grammar_words("gerund_marks")
# verbs of getting or asking whose "de"/"à" phrase names the one asked and whose "que" clause the deed asked
_ASKING_VERBS = grammar_words("asking_verbs")
_ASKED_DEPS = ("obl:arg", "obl", "iobj")
_ACT_SUBJECTS = grammar_words("act_subjects")  # "ce sera une grève": the pronoun stands for the act
_GOING_VERB = next(iter(grammar_words("going_verb")))  # "va rester": the near future


def _possessed(view: DocView, t: int) -> bool:
    """The noun at `t` has a possessive determiner ("sa démission", "leur démission")."""
    return any(view.dep[k] == "det" and "Yes" in morph(view.token(k), "Poss") for k in view.kids(t))


def _recalls_under_obligation(view: DocView, c: int) -> bool:
    """The verb at `c` is the infinitive of a verb of `recalling_verbs` an obligation governs ("il faut rappeler que",
    "nous devons souligner que"): the obligation bears on saying its clause, not on what the clause tells."""
    h = view.head[c]
    return view.lemma[c] in _RECALLING_VERBS and view.dep[c] == "xcomp" and h != c \
        and view.lemma[h] in _IMPERSONAL_OBLIGATION_VERBS | _OBLIGATION_VERBS \
        and "Inf" in morph(view.token(c), "VerbForm")


def _hung_main_clause(view: DocView, rel: int) -> int | None:
    """The main clause the parser hung on the relative clause at `rel`: a verb under it with neither a subject nor a
    mark of its own ("La grève, qui durera jusqu'à vendredi, a paralysé le pays": "paralysé" under "durera"). A
    clause with no "que" or other mark is no complement of the relative; its subject is the relative's antecedent."""
    for k in view.kids(rel):
        if k > rel and view.dep[k] in ("ccomp", "advcl", "parataxis") and view.pos[k] == "VERB" \
                and _finite(view.token(k)) and not any(
                    view.dep[j] in ("nsubj", "nsubj:pass", "mark", "expl:subj") for j in view.kids(k)):
            return k
    return None


def _told_under_way(view: DocView, t: int) -> bool:
    """The noun at `t` is told done or under way by the clause it is an argument of: the subject of a verb in the
    past, not one of `planned_passive_verbs` or `announce_verbs` ("les manifestations, qui continueront, ont
    rassemblé ...", "les sanctions, qui viseront ..., ont été adoptées"; not "les manifestations, qui se tiendront
    samedi, ont été programmées", "... ont été annoncées"), or the object of a verb of `launch_verbs` in the past
    ("a entamé une visite qui durera trois jours"), or that past verb the parser hung on the noun's relative clause
    ("Les frappes, qui se poursuivront, ont tué vingt civils": `_hung_main_clause`). What a relative clause tells of
    its future is then what is still to come of an act that is there."""
    for j in view.kids(t):
        if view.dep[j] == "acl:relcl" and (k := _hung_main_clause(view, j)) is not None:
            return view.lemma[k] not in _PLANNED_PASSIVES and view.lemma[k] not in ANNOUNCE_VERBS \
                and is_past(view.token(k))
    h = view.head[t]
    if h == t or view.pos[h] not in ("VERB", "AUX") or view.lemma[h] in _PLANNED_PASSIVES \
            or view.lemma[h] in ANNOUNCE_VERBS:
        return False  # "les manifestations, qui auront lieu samedi, ont été annoncées": planned
    dep = view.dep[t]
    if dep not in ("nsubj", "nsubj:pass") and not (dep == "obj" and view.lemma[h] in _LAUNCH_VERBS):
        return False
    return is_past(view.token(h))


def assess(trigger: Token, is_noun: bool | None = None, verbal: bool = False, own_act: bool = False,
           sentence: Span | None = None, lemmas: frozenset[str] | None = None) -> Status:
    """The status of the event whose trigger is ``trigger``.

    ``verbal``: the event is a speech act (REQUEST, ACCUSE ...): "pour leur demander" reports
    what was said, whereas "pour aider" states an aim, not an event. ``lemmas``: the sentence's
    lemmas, when known, spare looking for sources in sentences that name none.
    """
    attributable = lemmas is None or bool(lemmas & _ATTRIBUTION)
    view = view_of(trigger.doc)  # read as lists: Tokens built only for the words climbed through
    tags, deps, lowered, head_of, kids, token_at = view.pos, view.dep, view.lemma, view.head, view.kids, view.token
    t = trigger.i
    is_noun = tags[t] in ("NOUN", "PROPN") if is_noun is None else is_noun
    if is_noun and any(deps[j] == "nsubj" for j in kids(t)):
        is_noun = False  # a verb the tagger took for a noun ("la Turquie menace de ...")
    found = ASSERTED
    reporter: Token | None = None
    cue: str | None = None

    # a noun told by its own past clause ("des combats qui ont tué 155 soldats") is a fact, whatever
    # the sentence does with it ("pour mettre fin à ...")
    grounded = is_noun and any(
        deps[j] in ("acl:relcl", "acl") and tags[j] in ("VERB", "AUX")
        and (lowered[j] not in _PLANNED_PASSIVES or any(deps[k] == "obl:agent" for k in kids(j)))
        and _past(clause := token_at(j))
        and not _is_negated(clause) and not _mood_tense(clause)[0] for j in kids(t))

    def raise_to(status: str, why: str) -> None:
        nonlocal found, cue
        if grounded and status in (FUTURE, HYPOTHETICAL) and why not in _NOUN_OWN:
            return
        if _RANK[status] > _RANK[found]:
            found, cue = status, why

    # the noun's own modifiers: "l'envoi imminent", "composantes possibles", "aucun accord"
    if is_noun:
        for j in kids(t):
            lemma, child_dep = lowered[j], deps[j]
            if child_dep == "amod" and lemma in _PLANNED_ADJ:
                raise_to(FUTURE, lemma)
            elif child_dep == "amod" and lemma in _POSSIBLE_ADJ:
                raise_to(HYPOTHETICAL, lemma)
            elif child_dep == "det" and lemma in _NEGATIVE_DETERMINERS:
                raise_to(NEGATED, lemma)
            elif child_dep == "acl:relcl" and tags[j] in ("VERB", "AUX") and not grounded \
                    and any(_mood_tense(token_at(j))[1:]) and not _told_under_way(view, t):
                # its own relative clause tells it to come ("ces rassemblements, dont le principal se tiendra place de
                # la République", "une coopération qui normalisera les relations"): planned, not held yet
                raise_to(FUTURE, "future")
            elif child_dep == "acl" and lemma in _PLANNED_PASSIVES and tags[j] == "VERB" \
                    and "Part" in morph(token_at(j), "VerbForm") and not any(deps[k] == "obl:agent" for k in kids(j)):
                # "la visite programmée dans les prochaines semaines" (not "les sanctions prévues par la loi")
                raise_to(FUTURE, lemma)
        head_lemma = lowered[head_of[t]]
        if head_lemma in _HYPO_NOUNS and deps[t] == "nmod":
            raise_to(HYPOTHETICAL, token_at(head_of[t]).lemma_)
        if head_lemma in _HALT_NOUNS and deps[t] == "nmod" and tags[head_of[t]] == "NOUN":
            raise_to(NEGATED, token_at(head_of[t]).lemma_)  # "le moratoire sur les essais": none held
        if deps[t] in ("obl:arg", "obl") and any(deps[j] == "obj" and lowered[j] in _ENDING_OBJECTS
                                                 for j in kids(head_of[t])):
            raise_to(NEGATED, "halt")  # "mettre fin à leur coopération", "mettre un terme aux combats"
        if head_lemma in _POSSIBLE_ADJ:
            raise_to(HYPOTHETICAL, token_at(head_of[t]).lemma_)

    if tags[t] in ("NOUN", "PROPN") and any(deps[j] == "cop" for j in kids(t)) and _is_negated(trigger):
        # the noun is its clause's predicate, negated: "Pyongyang n'est plus une menace" (its tense is not the
        # act's: "seront complices des crimes" accuses now)
        raise_to(NEGATED, "negation")
    if tags[t] == "NOUN" and any(deps[j] == "cop" for j in kids(t)) \
            and any(deps[j] == "nsubj" and view.lower[j] in _ACT_SUBJECTS for j in kids(t)):
        # the act a predicate names after a pronoun that stands for it, in the future or the conditional, is to come
        # or supposed ("ce sera une grève massive", "ce serait une provocation"; not "ils seront complices", which
        # says now what they are)
        cond, fut, going = _mood_tense(trigger)
        if cond:
            raise_to(HYPOTHETICAL, "conditional")
        elif fut or going:
            raise_to(FUTURE, "future")

    # climb: from a noun through the phrases that hold it up to its verb, then through the clauses
    # that govern that verb
    current = trigger
    local = not is_noun  # a noun has no mood; its verb's is read when we get there
    speech_past = False  # a past speech verb turns a conditional into a future-in-the-past
    via_adjunct = False
    via_subject = False
    via_object = False
    via_agent = False
    via_conj = False
    via_complement = False  # reached as the complement clause of a verb that neither says nor thinks it
    top = trigger
    came_by: str | None = None  # the dependency the climb came up by to `current`
    told_frame: tuple[int, ...] = ()  # "il faut rappeler": an obligation to say, not what is said
    for _depth in range(10):
        c = current.i
        lemma, tag = lowered[c], tags[c]
        is_verbal = tag in ("VERB", "AUX", "ADJ")
        if is_verbal and _finite(current) and _bound(current):
            found, cue = HYPOTHETICAL, "bound"  # "tant que le régime n'aura pas accepté", "avant que X n'attaque"
            break
        if c != t and came_by == "ccomp" and _recalls_under_obligation(view, c):
            # "il faut rappeler que la Russie a annexé la Crimée": the text recalls what the clause tells; neither
            # the obligation (nor its mood or negation: "il ne faut pas oublier que") nor the saying is the clause's
            told_frame = (c, head_of[c])
        if c in told_frame:
            top = current
            if head_of[c] == c or (c != told_frame[0] and deps[c] not in _CLAUSE_UP):
                break
            came_by, local = deps[c], True
            current = token_at(head_of[c])
            continue
        if local and is_verbal:
            cond, fut, going = _mood_tense(current)
            # a noun subject does not share its verb's negation ("Ni le geste ... n'ont ramené le calme")
            if not via_subject and not via_complement and not (c != t and _affirms_below(current, trigger)) \
                    and _is_negated(current):
                raise_to(NEGATED, "negation")
            if cond:
                raise_to(HYPOTHETICAL, "conditional")
            if (fut or going) and not (c == t and tag == "ADJ" and lemma in _WILLING_ADJ):
                raise_to(FUTURE, "future")  # (not "nous serons prêts à discuter": the offer is made)
            if via_subject and lemma in _PLANNED_PASSIVES and tag == "VERB":
                raise_to(FUTURE, lemma)  # "un tête-à-tête est prévu"
            if via_subject and c == head_of[t] and is_noun and _is_negated(current) and (
                    lemma in _HAPPENING or any(deps[j] in ("obj", "obl", "obl:mod") and lowered[j] in _HAPPENING
                                               for j in kids(c))):
                raise_to(NEGATED, "negation")  # "la réunion n'a pas eu lieu", "le sommet ne s'est pas tenu"
            if (via_subject or via_object) and c == head_of[t] and is_noun and lemma in _CANCELLING and tag == "VERB":
                raise_to(NEGATED, lemma)  # "la rencontre a été annulée", "a reporté le sommet": called off
            if _has_child(current, "mark", _SI):
                raise_to(HYPOTHETICAL, "condition")
            if not via_adjunct and _yes_no_question(current):  # not "y a-t-il eu des failles le soir de l'attentat ?"
                raise_to(HYPOTHETICAL, "question")
        if c != t and is_verbal and not via_adjunct and (
                (tag == "ADJ" and lemma in _WILLING_ADJ)
                or (lemma in _WILLING_VERBS and any(deps[j] in ("aux:pass", "cop") for j in kids(c)))
                or any(deps[j] == "xcomp" and tags[j] == "ADJ" and lowered[j] in _WILLING_ADJ and j < t
                       for j in kids(c))):
            raise_to(FUTURE, "ready")  # "se déclare prêt à remettre les corps": offered, not done
        if c != t and is_verbal and tag != "ADJ" and not via_adjunct and not via_conj:
            if lemma in _IMPERSONAL_OBLIGATION_VERBS:
                raise_to(FUTURE, lemma)  # "il faut que Moscou retire ses troupes": asked, not done
            elif lemma in PLANNING_VERBS and not (lemma in _TOLD_PLANNING_VERBS and _past(current)) and not via_agent \
                    and not (lemma == _GOING_VERB and any(deps[j] == "mark" for j in kids(top.i))):
                # (not "est allé jusqu'à couper les liens": the near future takes a bare infinitive; one a preposition
                # introduces tells how far the act went)
                if lemma in _OBLIGATION_VERBS and _mood_tense(current)[0]:
                    raise_to(HYPOTHETICAL, lemma)
                else:
                    raise_to(FUTURE, lemma)
            elif lemma in OPINION_VERBS and lemma not in SPEECH_VERBS and not (
                    is_noun and head_of[t] == c and deps[t] == "obj" and lemma in _PERFORMING_VERBS
                    and (verbal or _possessed(view, t))) \
                    and not (via_agent and lemma in _AIM_VERBS):
                # (not "ils sont visés par des sanctions": the measure aims at them, no one imagines it)
                # not "a présenté la requête de Kaboul", "ont présenté leur démission": a speech act or the subject's
                # own act (a possessive) the verb performs, not one it imagines ("a présenté l'attaque comme ...")
                raise_to(HYPOTHETICAL, lemma)
            announces_it = own_act and is_noun and deps[t] == "obj" and head_of[t] == c \
                and lemma in ANNOUNCE_VERBS
            says = (lemma in SPEECH_VERBS and speech_use(current)) \
                or (lemma in _CLAUSE_SPEECH_VERBS and tag == "VERB" and _says_below(view, c, t))
            if says and reporter is None and not announces_it and not via_subject:
                reporter = _subject(current) or _inverted_subject(current, trigger)
                speech_past = _past(current)
                raise_to(REPORTED, lemma)
        if is_verbal and _finite(current) and _clefted(current, sentence):
            top = current
            break  # "C'est pour punir le Soudan que les Etats-Unis ont imposé des sanctions": asserted as is
        top = current
        dep = deps[c]
        p = head_of[c]
        if p == c:
            break
        if c != t and tag == "NOUN" and any(
                deps[j] == "amod" and lowered[j] in _POSSIBLE_ADJ for j in kids(c)):
            raise_to(HYPOTHETICAL, "possible")  # "composantes possibles de la force ..."
        if tag in ("NOUN", "PROPN", "PRON", "NUM") and dep in _NOMINAL_DEPS:
            via_subject = dep in ("nsubj", "nsubj:pass") and tags[p] in ("VERB", "AUX", "ADJ")
            via_object = dep == "obj" and tags[p] == "VERB"
            # "l'échange prévu par l'accord conclu en février": the agent of a plan plans, it is not planned
            via_agent = dep == "obl:agent" and tags[p] == "VERB"
            # an adjunct ("devant une session", "dans un mémorandum") sets the scene of the verb: it is
            # not what the verb thinks, plans or asks
            via_adjunct = tags[p] in ("VERB", "AUX", "ADJ") and (dep in ("obl", "obl:mod") or (
                dep == "obl:arg" and c == t and is_noun  # "a déclaré au sommet": where, not what
                and lowered[p] not in _RISK_VERBS  # (not "s'expose à des sanctions": what it risks)
                and any(deps[j] == "case" and lowered[j] in _OCCASION_PREPS
                        for j in kids(c))))
            local = True
            via_conj = False
            came_by = dep
            current = token_at(p)
            continue
        via_subject = via_object = via_adjunct = via_agent = False
        if dep == "acl:relcl" and (asked := asked_clause(view, c)) is not None:
            dep, p = "ccomp", asked[0]  # "a exigé de l'Algérie qu'elle expulse ...": the deed asked, not done
        if dep in ("ccomp", "parataxis") and deps[p] == "acl:relcl" and _hung_main_clause(view, p) == c:
            break  # "La grève, qui durera jusqu'à vendredi, a paralysé le pays": the main clause, not the relative's
        if dep not in _CLAUSE_UP:
            break
        if c == t and verbal and p < c and dep == "parataxis" and _inverted_subject(current) is not None:
            break  # '"La Turquie doit partir", a exigé X': the incise makes its demand, whatever the quote's mood
        if c != t and is_noun and _adjunct_of_incise(current, trigger, p, dep):
            break  # '"...", a déclaré X à l'issue d'un entretien': the incise's own adjunct, not the quote's mood
        if tag == "VERB" and _has_child(current, "mark", _GERUND_MARKS) and "Part" in morph(current, "VerbForm") \
                and "Pres" in morph(current, "Tense"):  # not "dit en avoir perdu 50"
            # "..., en appelant l'UE à réagir": an act of its own beside the clause, not what it says; but done by
            # doing an act still to come, it is to come too ("le feront vivre en dénonçant ...")
            served = _served(token_at(p), sentence, lemmas)
            if served.status == FUTURE or (served.status == HYPOTHETICAL and served.cue == "conditional"):
                raise_to(served.status, "served")
            break
        if not verbal and not is_noun and dep in ("advcl", "acl", "xcomp", "obl", "obl:mod") and _purpose(current) \
                and not _launched_operation(current):
            raise_to(HYPOTHETICAL, "purpose")
            break
        if dep == "conj":
            local = False  # "n'ont accepté aucune ... et appliquent un embargo": own negation, mood, tense
            # a conjunct that opens on "que" of its own is a second complement of the verb above its first conjunct
            # ("il faut adopter un plan et que le gouvernement accepte de taxer ...": asked as well)
            second_complement = any(deps[j] == "mark" and lowered[j] in _QUE and j < c for j in kids(c))
            if tag in ("VERB", "AUX") and _finite(current) and "Inf" in morph(token_at(p), "VerbForm") \
                    and not second_complement:
                # "a soutenu qu'il n'y avait aucune raison de blâmer X et a appelé Y": a finite verb the
                # parser hung on an infinitive is a clause of its own, not part of what the infinitive says
                break
            # a conjunct with a subject of its own is a clause of its own: it does not take its first
            # conjunct's meaning ("La Chine a refusé de confirmer ..., mais des médias ont affirmé que ...")
            # nor does a participle sharing the subject and auxiliary ("a dénoncé un complot et souligné son
            # rejet") or a finite verb that is the act itself, sharing the subject ("dénoncent une mesure et
            # réclament son retrait": the demand is made, not imagined by the denunciation), unlike an infinitive,
            # which shares what its first conjunct's verb does to it
            via_conj = not second_complement and (
                any(deps[j] in ("nsubj", "nsubj:pass") for j in kids(c)) or (
                    tags[c] == "VERB" and ("Part" in morph(current, "VerbForm")
                                           or (c == t and "Fin" in morph(current, "VerbForm")))))
            came_by = dep
            current = token_at(p)
            continue  # a coordinated verb shares its first conjunct's governors
        via_conj = False
        if dep == "advcl" and _has_child(current, "mark", _FACTIVE_MARKS):
            break  # "..., a estimé M. X, alors que 5 000 insurgés ont été relâchés": a fact of its own
        # "pour leur demander", "alors que la foule prenait": own assertion level
        if dep == "advcl" and not _has_child(current, "mark", _SI) \
                and lowered[p] not in SPEECH_VERBS:
            if verbal and _purpose(current):
                # "va rester en contact pour appeler les parties à ...": what one will do in order to say it,
                # is not said yet
                cond, fut, going = _mood_tense(token_at(p))
                # "va rester ... pour appeler": the infinitive the parser hung on "aller"
                aller = head_of[p] if deps[p] == "xcomp" else p
                going = going or (lowered[aller] == _GOING_VERB and "Pres" in morph(token_at(aller), "Tense")
                                  and any(deps[k] == "xcomp" for k in kids(aller)))
                if fut or going:
                    raise_to(FUTURE, "future")
                elif cond:
                    raise_to(HYPOTHETICAL, "conditional")
                else:
                    # "doit recevoir les chasseurs pour leur demander ...", "a invité les syndicats à saisir la justice
                    # pour condamner ...": what is said in order to do an act planned or asked for is not said yet
                    served = _served(token_at(p), sentence, lemmas)
                    if served.status in (FUTURE, HYPOTHETICAL):
                        raise_to(served.status, "served")
            break
        if dep == "acl" and tag != "VERB":
            break
        if dep == "acl" and tags[p] == "NOUN" and lowered[p] in _HYPO_NOUNS | _CAPACITY_NOUNS \
                and "Inf" in morph(current, "VerbForm"):
            # "le risque de condamner", "sa volonté de consulter", "le droit de manifester": what the noun fears,
            # wants or allows, not done
            raise_to(HYPOTHETICAL, lowered[p])
        if dep == "ccomp" and lowered[p] in _BOUND_MARKS:
            found, cue = HYPOTHETICAL, "bound"  # the same, the parser having hung the clause on "tant"
            break
        local = True
        # "que la France n'oubliait aucun soldat, qu'elle garderait ...": a clause the parser hung on a verb
        # that does not report it does not take that verb's negation
        via_complement = dep == "ccomp" and lowered[p] not in _REPORTING_VERBS
        came_by = dep
        current = token_at(p)
    # an incise after the clause: "..., a annoncé jeudi Armen Grigoryan", "..., a-t-il déclaré"
    if reporter is None and found in (ASSERTED, FUTURE, HYPOTHETICAL) and attributable:
        incise = _incise(top, trigger)
        if incise is not None:
            reporter = _inverted_subject(incise)
            speech_past = _past(incise)
            raise_to(REPORTED, incise.lemma_.lower())
    # the parse lost the link: read the words ("X a annoncé mardi, dans un discours, qu'au moins ...")
    if reporter is None and found in (ASSERTED, FUTURE, HYPOTHETICAL) and sentence is not None and attributable:
        frame = _linear_speech_frame(trigger, sentence)
        if frame is not None:
            reporter = frame
            speech_past = True
            raise_to(REPORTED, "speech-frame")
    # "selon X", "d'après X" governing the trigger's clause
    if (found == ASSERTED or reporter is None) and (lemmas is None or lemmas & _SOURCE_PREPS):
        prep_reporter = reporter_from_prep(trigger, sentence)
        if prep_reporter is not None:
            if found == ASSERTED:
                raise_to(REPORTED, "source")
            reporter = reporter or prep_reporter
    # conditional under a past speech verb is the future-in-the-past ("a annoncé que ... inviteraient")
    if found == HYPOTHETICAL and cue == "conditional" and speech_past and not _opinion_above(trigger):
        found, cue = FUTURE, "future-in-past"
    return Status(found, reporter if found in (REPORTED, FUTURE, HYPOTHETICAL, NEGATED) else None, cue)


def _adjunct_of_incise(verb: Token, trigger: Token, head: int, dep: str) -> bool:
    """Whether ``verb``, a verb of saying the parser hung on the quote before it with its subject after it ('"...",
    a déclaré X'), holds ``trigger`` below it (in its adjuncts, or in its subject's phrase where the parser hung them):
    what the incise's own words tell is not what the quote says."""
    if dep != "parataxis" or head > verb.i or verb.lemma_.lower() not in SPEECH_VERBS \
            or _inverted_subject(verb) is None:
        return False
    return _child_towards(view_of(verb.doc), verb.i, trigger.i) is not None


def _served(verb: Token, sentence: Span | None, lemmas: frozenset[str] | None) -> Status:
    """The status of the act a purpose clause or a gerund serves (the clause it hangs on): planned or asked for,
    the act done for it, or by doing it, is not done yet either. An incise's verb ('"nous serons prêts ...", a
    ajouté X, en plaidant ...') tells its own act, not the quote's it is hung on: done."""
    if verb.dep_ == "parataxis":
        return Status(ASSERTED)
    return assess(verb, is_noun=False, sentence=sentence, lemmas=lemmas)


def _yes_no_question(verb: Token) -> bool:
    """A clause asked, not told: its subject inverted after it and a question mark ending it ("Un attentat
    a-t-il été déjoué ?"), with no question word that would take the act as known ("Pourquoi a-t-il attaqué ?")."""
    view = view_of(verb.doc)
    kids = list(view.kids(verb.i))
    head = view.head[verb.i]
    if view.lower[head] in INVERTED_CLITICS:  # the parser hung the verb on its clitic ("a-t-elle attaqué")
        kids += [head, *view.kids(head)]
    if not any(view.lower[j] in QUESTION_MARKS for j in kids) \
            or not any(view.lower[j] in INVERTED_CLITICS for j in kids):
        return False
    start = verb.sent.start if verb.doc.has_annotation("SENT_START") else 0
    return not any(view.lower[j] in _QUESTION_WORDS for j in range(start, verb.i))


def _finite(verb: Token) -> bool:
    """A finite verb, or a participle with its own tense auxiliary ("et a appelé")."""
    return "Fin" in morph(verb, "VerbForm") or any(c.dep_ == "aux:tense" for c in verb.children)


def _linear_speech_frame(trigger: Token, sentence: Span) -> Token | None:
    """A speech verb before "que" before the trigger, or after a comma after it with its subject
    following ("..., a annoncé jeudi Armen Grigoryan"); returns the speaker."""
    view = view_of(trigger.doc)  # read as lists: no Token built for the words passed over
    texts, lowers, lemmas, tags = view.text, view.lower, view.lemma, view.pos
    que = None
    for i in range(trigger.i - 1, sentence.start - 1, -1):
        if texts[i] in _FRAME_STOPS:
            break
        if lowers[i] in _QUE and tags[i] in ("SCONJ", "PRON"):
            que = i
            break
    if que is not None:
        for i in range(que - 1, max(sentence.start - 1, que - 12), -1):
            if lemmas[i] in SPEECH_VERBS and tags[i] == "VERB" and speech_use(view.token(i)):
                subject = _subject(view.token(i))
                return subject if subject is not None else None
    for i in range(trigger.i + 1, sentence.end):
        if texts[i] in _FRAME_STOPS:
            break
        if lemmas[i] in SPEECH_VERBS and tags[i] == "VERB" and speech_use(view.token(i)):
            k = i - 1  # ", a-t-il dit": back over the inverted subject's clitics and the auxiliary
            while k > trigger.i and lowers[k] in INVERTED_CLITICS:
                k -= 1
            after_comma = k > 0 and (texts[k] == "," or (tags[k] == "AUX" and k > 1 and texts[k - 1] == ","))
            if after_comma:
                subject = _inverted_subject(view.token(i))
                if subject is not None:
                    return subject
    return None


def closing_incise(sentence: Span) -> Token | None:
    """The speaker of a quote that closes in ``sentence`` with an incise after it ('... la cohésion", a
    déclaré X.'), read when the quote opened in a sentence before: who says that sentence too."""
    view = view_of(sentence.doc)
    texts, lowers, lemmas, tags = view.text, view.lower, view.lemma, view.pos
    close = next((i for i in range(sentence.start, sentence.end) if texts[i] in CLOSING_QUOTES), None)
    if close is None or close + 2 >= sentence.end or texts[close + 1] != ",":
        return None
    for i in range(close + 2, min(close + 6, sentence.end)):
        if lemmas[i] in SPEECH_VERBS and tags[i] == "VERB":
            verb = view.token(i)
            return _inverted_subject(verb) if speech_use(verb) else None
        if tags[i] not in ("AUX", "PRON") and lowers[i] not in INVERTED_CLITICS:
            return None
    return None


def incise_speaker(trigger: Token) -> Token | None:
    """Who speaks the clause of ``trigger`` in the incise after it, whatever the clause says ('"Nous ne
    céderons pas", a déclaré X': X), or None. Any verb that opens an incise after the quote names its speaker
    ('"Ils nous visent", accuse X', '"...", a dénoncé X'), not only a verb of saying."""
    incise = _incise(trigger, trigger)
    if incise is not None:
        return _inverted_subject(incise)
    incise = _incise(trigger, trigger, any_verb=True) or _quoting_incise(trigger)
    speaker = _inverted_subject(incise) if incise is not None else None
    return None if speaker is None or speaker.lower_ in _INDEFINITE_INCISE_SUBJECTS else speaker


def _quoting_incise(trigger: Token) -> Token | None:
    """The verb of an incise after the quote that the parser hung the quote's clause on ('"Ils nous visent",
    accuse X': the quote's verb under "accuse"), a verb of saying or not, never a present participle."""
    current = trigger
    for _ in range(4):
        head = current.head
        if head == current:
            return None
        if head.i > trigger.i and head.pos_ in ("VERB", "AUX") and opens_incise(head) and not present_participle(head):
            return head
        current = head
    return None


def _incise(top: Token, trigger: Token, any_verb: bool = False) -> Token | None:
    """A speech verb with its subject after it, following the clause: ", a annoncé jeudi X" (``any_verb``: any verb
    that opens an incise just after a closing quote, ', accuse X', not a present participle, ', accusant X')."""
    view = view_of(top.doc)  # read as lists: Tokens built only for speech verbs
    head_of, lemmas, deps = view.head, view.lemma, view.dep
    heads = [top.i]
    root = top.i
    while head_of[root] != root:
        root = head_of[root]
    if root != top.i:
        heads.append(root)
    for head in heads:
        for j in view.kids(head):
            said = lemmas[j] in SPEECH_VERBS or (
                any_verb and opens_incise(view.token(j)) and not present_participle(view.token(j)))
            if j > trigger.i and said and deps[j] in ("parataxis", "conj", "advcl", "ccomp", "dep", "acl") \
                    and not any(deps[m] == "mark" for m in view.kids(j)) \
                    and not (deps[j] == "conj" and any(deps[m] == "cc" for m in view.kids(j))):
                # ("il faut que X explique": no incise; nor a verb coordinated by a conjunction, "a dénoncé un
                # complot et souligné son rejet": the subject's second act, whose object is no speaker)
                child = view.token(j)
                if (any_verb or speech_use(child)) and _inverted_subject(child) is not None:
                    return child
    return None


def _inverted_subject(verb: Token, trigger: Token | None = None) -> Token | None:
    """The subject of an incise, after its verb (often parsed as an object): "a annoncé X", "a-t-il dit".
    Not the phrase that holds the trigger ("affirmant leur volonté de rester engagés")."""
    view = view_of(verb.doc)
    deps, lowers, tags = view.dep, view.lower, view.pos
    holder = _child_towards(view, verb.i, trigger.i) if trigger is not None else None
    # "a-t-il ajouté": the pronoun between the auxiliary and the participle
    first = min([verb.i] + [k for k in view.kids(verb.i) if deps[k].startswith("aux")])
    for j in view.kids(verb.i):
        if j > first and j != holder and (deps[j] in ("nsubj", "obj", "nsubj:pass", "expl:subj") or
                           lowers[j].startswith("-")) and tags[j] in ("PROPN", "NOUN", "PRON") \
                and lowers[j] not in TIME_WORDS:  # "a annoncé jeudi Armen Grigoryan"
            return _past_euphonic(view, j)
    # "a affirmé lundi à la télévision le ministre iranien": the subject the parser hung on the oblique
    # before it, a determined noun phrase with no preposition of its own
    for j in view.kids(verb.i):
        if j > verb.i and j != holder and deps[j].startswith("obl"):
            for k in view.kids(j):
                if k > j and deps[k] in ("nmod", "appos") and tags[k] in ("NOUN", "PROPN") \
                        and any(deps[d] == "det" and d < k for d in view.kids(k)) \
                        and not any(deps[c] == "case" for c in view.kids(k)):
                    return view.token(k)
    # "a martelé vendredi le chef de la diplomatie": the subject itself read as an oblique, a determined noun
    # phrase with no preposition that names someone (not a date: "a déclaré la semaine dernière")
    for j in view.kids(verb.i):
        if j > verb.i and j != holder and deps[j].startswith("obl") and tags[j] in ("NOUN", "PROPN") \
                and any(deps[d] == "det" for d in view.kids(j)) and not any(deps[c] == "case" for c in view.kids(j)) \
                and _names_someone(verb.doc, j):
            return view.token(j)
    return None


def _past_euphonic(view: DocView, j: int) -> Token:
    """The subject at token ``j``: the clitic after it when ``j`` is the euphonic "-t" the parser read as a subject
    ("a-t-il prévenu": "-il" speaks, and stands for whoever the text last named speaking)."""
    if view.lower[j] in EUPHONIC and j + 1 < len(view.lower) and view.lower[j + 1] in INVERTED_CLITICS \
            and view.lower[j + 1] not in EUPHONIC:
        return view.token(j + 1)
    return view.token(j)


def _names_someone(doc: Doc, i: int) -> bool:
    """Token ``i`` is inside a mention of a person, a body or a state, not of a date."""
    return any(m.start <= i < m.end and m.label_ in _PARTY_LABELS for m in doc.spans.get(MENTIONS, ()))


def _child_towards(view: DocView, top: int, t: int) -> int | None:
    """The child of `top` whose subtree holds token `t`, if any."""
    for _ in range(12):
        head = view.head[t]
        if head == top:
            return t
        if head == t:
            return None
        t = head
    return None




def _says_below(view: DocView, verb: int, t: int) -> bool:
    """Token `t` lies in a que-clause of `verb` ("a soutenu qu'il n'y avait aucune raison d'accuser X")."""
    k = _child_towards(view, verb, t)
    return k is not None and view.dep[k] == "ccomp" and any(
        view.dep[j] == "mark" and view.lemma[j] in _QUE for j in view.kids(k))


def speech_use(verb: Token) -> bool:
    """``faire`` is a speech verb only in "faire état de", "faire savoir"."""
    view = view_of(verb.doc)
    lemmas = view.lemma
    if lemmas[verb.i] not in _LIGHT_SPEECH_VERBS:
        return True
    return any(lemmas[j] in _SPEECH_FAIRE for j in view.kids(verb.i))



def _opinion_above(trigger: Token) -> bool:
    view = view_of(trigger.doc)
    head_of, lemmas = view.head, view.lemma
    current = trigger.i
    for _ in range(6):
        if head_of[current] == current:
            return False
        current = head_of[current]
        if lemmas[current] in OPINION_VERBS - _POSSIBILITY_VERBS:
            return True
    return False
