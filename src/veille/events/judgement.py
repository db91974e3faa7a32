"""The frame of a word of judgement (triggers.yaml entries with ``judgement: true``): who judges, and what is judged.

A speaker's evaluation of another party is an event even when no verb names it: the word that judges ("une
trahison", "inacceptable", "une avancée", "sans fondement") must be what a clause says of the judged, in
one of two frames, read off the parse:

- the predicate of a clause (a copula, or a verb that says what its subject is: "constitue une provocation",
  "présente des lacunes") whose subject names the judged ('"le quota de X est une trahison", a dit Y', "Y a
  estimé que la décision de X était inacceptable"); who judges is whoever says the clause (its status's source, or
  the "pour Y" that fronts it), which the coder reads;
- the attribute of the object of a verb of judging ("Y a jugé la décision de X inacceptable", "Y a qualifié de
  mascarade le scrutin organisé par X", "Y voit dans le vote de X une trahison", "Y y a vu une provocation", "les
  mesures de X, jugées inacceptables par Y"): its subject (a passive's agent) judges, and its object (a passive's
  subject, or the noun its participle qualifies; what "dans" introduces) is judged; "y" stands for an act told
  before, whose sides the coder may guess. "C'est une trahison" names no side: no event.

A word of a party's own feeling (entries with `feeling`: "déçu", "préoccupé", "ses félicitations") has a frame of
its own, :func:`feeling_frame`: who feels it (the subject of "se dire", "se montrer", "être" + the word, or of the verb
that voices the noun, "a exprimé sa préoccupation", "a adressé ses félicitations") and what it is about (the word's
complement after a preposition of `feeling_prepositions`, "déçu par la décision de X", "ses félicitations au président
X", or the subject of its que-clause, "déçu que X ait refusé").

Nothing here decides sides: :func:`judgement_frame` names the tokens, the coder (``EventCoder._judgement``) reads
their parties and drops a judgement of no other party. A question is no judgement ('"Est-ce une trahison ?"').
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from veille.events.arguments import INCISE_DEPS, reports_quote
from veille.events.features import morph
from veille.events.grammar import grammar_words
from veille.events.lexicon import Lexicon, que_clause
from veille.events.status import QUESTION_MARKS, SPEECH_VERBS
from veille.events.view import view_of

# verbs whose object the word of judgement is said of ("juge la décision inacceptable", "qualifie de trahison")
_JUDGING_VERBS = grammar_words("judging_verbs")
# verbs that, like the copula, say what their subject is ("constitue une provocation", "présente des lacunes")
_PREDICATING_VERBS = grammar_words("predicating_verbs") | grammar_words("copular_verbs")
# the clitics that stand for an act told before ("y voit une provocation", "en dit")
_TOLD_CLITICS = grammar_words("told_clitics")
# prepositions of what a verb of judging sees the judgement in ("voit dans ce vote une trahison")
_SEEN_IN = grammar_words("seen_in_prepositions")
# prepositions that front the holder of an opinion ("Pour Oslo, c'est une provocation")
_HOLDER_PREPS = grammar_words("opinion_holder_prepositions")
_ACT_SUBJECTS = grammar_words("act_subjects")  # "c'est une trahison": the act told before
# words of sport and the arts: what is judged in their sentence is a performance, not a party's act
_PASTIMES = grammar_words("pastime_words")
_MEASURED = grammar_words("measured_nouns")  # figures and tests: "positive" measures them, judges no one
_CLIMB = 4  # words climbed from the word of judgement to its verb of judging
# verbs through which a subject says a feeling of its own ("s'est dit déçu", "s'est montré satisfait")
_FEELING_VERBS = grammar_words("feeling_verbs")
# verbs by which a subject voices a feeling noun ("a exprimé sa préoccupation", "a adressé ses félicitations")
_EXPRESSING_VERBS = grammar_words("expressing_verbs")
_FEELING_PREPS = grammar_words("feeling_prepositions")  # what a feeling is about ("déçu par", "inquiet face à")
_DE_FORMS = grammar_words("de_forms")  # a feeling noun's "de X" is whose feeling it is ("la colère de X")
_SUBJECTS = ("nsubj", "nsubj:pass")
_QUALIFYING = ("acl", "amod", "appos")  # a word qualifying a noun ("le ministre, déçu par ...")


@dataclass(frozen=True)
class Frame:
    judged: Token | None  # the phrase judged; None: an act told before ("y", "c'est")
    judge: Token | None  # the verb of judging whose subject judges; None: whoever says the clause
    clause: Token  # the head of the clause the judgement is the predicate of (its holder's "pour Y" hangs on it)
    told: bool = False  # the judged may be an act told before ("y voit une offre hostile", "c'est")
    feeler: Token | None = None  # a word of feeling: the subject who feels it (its clause's own, not the speaker)


def judgement_frame(token: Token, lexicon: Lexicon) -> Frame | None:
    """The frame of the word of judgement ``token`` (module docstring), or None when it is in neither or when what it
    is said of is a figure or a test's outcome (grammar class `measured_nouns`); ``lexicon`` tells the other words of
    judgement."""
    frame = _frame(token, lexicon)
    if frame is not None and frame.judged is not None and frame.judged.lemma_.lower() in _MEASURED:
        return None  # "la croissance de X est positive": a figure, no party's act
    return frame


def _frame(token: Token, lexicon: Lexicon) -> Frame | None:
    """The frame of the word of judgement ``token``, whatever it is said of."""
    view = view_of(token.doc)
    deps, heads, pos, lemmas, kids, lowers = view.dep, view.head, view.pos, view.lemma, view.kids, view.lower
    if _no_party_judged(view, token):
        return None  # a question, or a match, a race, a show: no judgement of a party
    # the phrase the word heads or qualifies ("une offre cynique et hostile": the offer)
    h = token.i
    for _ in range(3):
        if deps[h] in ("amod", "conj") and heads[h] != h and pos[heads[h]] in ("NOUN", "ADJ", "PROPN"):
            h = heads[h]
        else:
            break
    if h != token.i and any(entry.judgement for entry in lexicon.entries.get(lemmas[h], ())):
        return None  # "une erreur historique": the noun judges, its adjective only says how much
    # a copular clause, or a verb that says what its subject is
    clause = None
    if any(deps[k] == "cop" for k in kids(h)):
        clause = h
    elif deps[h] in ("obj", "xcomp") and heads[h] != h and lemmas[heads[h]] in _PREDICATING_VERBS:
        clause = heads[h]
    if clause is not None:
        subject = next((k for k in kids(clause) if deps[k] in ("nsubj", "nsubj:pass")), None)
        if subject is None:
            return None
        if lowers[subject] in _ACT_SUBJECTS:
            return None  # "c'est une trahison": of an act told before, whose sides the clause leaves to a guess
        return Frame(view.token(subject), None, view.token(clause))
    # the attribute of a verb of judging's object
    current = h
    for _ in range(_CLIMB):
        head = heads[current]
        if head == current:
            return None
        if pos[head] in ("VERB", "AUX"):
            if lemmas[head] not in _JUDGING_VERBS:
                return None
            return _judged_by(view, head, h, token.i)
        current = head
    return None


def _no_party_judged(view, token: Token) -> bool:
    """Whether the sentence of ``token`` asks a question or tells of a match, a race or a show."""
    sent = token.sent
    return any(view.lower[k] in QUESTION_MARKS or view.lemma[k] in _PASTIMES for k in range(sent.start, sent.end))


def feeling_frame(token: Token) -> Frame | None:
    """The frame of the word of feeling ``token`` (module docstring): ``feeler`` the subject who feels it, ``judged``
    what it is about, ``clause`` the verb (or the word) whose clause states it; the one who feels it may also be the
    noun the word qualifies ("le ministre, déçu par ..."); None out of the frame (a finite verb, no one who feels it),
    with nothing it is about, in a question or a sentence of sport and the arts."""
    view = view_of(token.doc)
    deps, heads, pos, lemmas, kids = view.dep, view.head, view.pos, view.lemma, view.kids
    if _no_party_judged(view, token):
        return None
    i = token.i
    if pos[i] == "NOUN":
        # "a exprimé sa préoccupation", "a fait part de sa déception": the noun voiced by the verb's subject
        clause = heads[i]
        if clause == i or lemmas[clause] not in _EXPRESSING_VERBS \
                or not (deps[i] == "obj" or deps[i].startswith("obl")):
            return None
    elif pos[i] in ("ADJ", "VERB"):
        # "X est déçu par", "X est atterré par" (read as a passive), "X s'est dit déçu", "X s'est montré satisfait"
        # (a participle, whatever form the tagger reads: the frame tells it from a finite verb, "a déçu X")
        if any(deps[k] in ("cop", "aux:pass") for k in kids(i)):
            clause = i
        elif deps[i] == "xcomp" and heads[i] != i and lemmas[heads[i]] in _FEELING_VERBS:
            clause = heads[i]
        elif deps[i] in _QUALIFYING and pos[heads[i]] in ("NOUN", "PROPN"):
            # "le ministre, (se disant) déçu par ..., a quitté la réunion": the noun it qualifies feels it
            return _about(view, i, i, view.token(heads[i]), word_de=True)
        elif _set_off_subject(view, i) is not None:
            # the same apposition read as the clause's head: "X, déçu par la décision de Y, a exhorté ..."
            return _about(view, i, i, view.token(_set_off_subject(view, i)), word_de=True)
        else:
            return None
    else:
        return None
    feeler = next((k for k in kids(clause) if deps[k] in _SUBJECTS and k != i), None)
    if feeler is None:
        return None
    return _about(view, i, clause, view.token(feeler), word_de=pos[i] != "NOUN")


def _set_off_subject(view, i: int) -> int | None:
    """The subject of the word ``i`` when the parser made an apposition the clause's head: a subject of its own, set
    off by a comma, with no auxiliary nor object ("X, déçu par Y, a ..."), or None."""
    deps, kids, lowers = view.dep, view.kids, view.lower
    if any(deps[k].startswith("aux") or deps[k] in ("obj", "cop") for k in kids(i)):
        return None
    subject = next((k for k in kids(i) if deps[k] == "nsubj" and k < i), None)
    if subject is None or not any(lowers[j] == "," for j in range(view.token(subject).right_edge.i + 1, i)):
        return None
    return subject


def _about(view, i: int, clause: int, feeler: Token, word_de: bool) -> Frame | None:
    """The frame of the word of feeling ``i`` felt by ``feeler`` in the clause of ``clause``: what it is about, the
    first complement of the word (or of the clause's verb, where the parser hangs it) after a preposition of
    `feeling_prepositions` (a noun's "de X" only when ``word_de``: "la déception de X" is whose it is), else the
    subject of its que-clause; None when it is about nothing named or about a figure (`measured_nouns`)."""
    deps, pos, kids, lowers = view.dep, view.pos, view.kids, view.lower
    about = None
    for holder in dict.fromkeys((i, clause)):  # the word's complement, or the verb's where the parser hung it
        for k in kids(holder):
            if k in (i, feeler.i) or pos[k] not in ("NOUN", "PROPN", "PRON") \
                    or not (deps[k].startswith("obl") or deps[k] == "nmod"):
                continue
            case = next((c for c in kids(k) if deps[c] == "case"), None)
            if case is None or lowers[case] not in _FEELING_PREPS:
                continue
            if not word_de and holder == i and lowers[case] in _DE_FORMS:
                continue  # "la déception de X": whose feeling it is
            about = k
            break
        if about is None:  # "déçu que X ait refusé": the subject of its que-clause
            clause_kid = next((k for k in kids(holder) if deps[k] == "ccomp" and que_clause(view, k)), None)
            if clause_kid is not None:
                about = next((k for k in kids(clause_kid) if deps[k] in _SUBJECTS), None)
        if about is not None:
            break
    if about is None or view.lemma[about] in _MEASURED:
        return None  # (a figure: "satisfait de la croissance de X" judges no one)
    return Frame(view.token(about), None, view.token(clause), feeler=feeler)


def _judged_by(view, verb: int, phrase: int, word: int) -> Frame | None:
    """The frame of a verb of judging ``verb`` above the word of judgement ``word``, which heads or qualifies
    ``phrase``."""
    deps, kids, lowers, pos = view.dep, view.kids, view.lower, view.pos
    told = any(lowers[k] in _TOLD_CLITICS and pos[k] == "PRON" for k in kids(verb))
    obj = next((k for k in kids(verb) if deps[k] == "obj"), None)
    if obj is None:
        # "a jugé inacceptables les propos de X", the object read as a bare oblique after the verb
        obj = next((k for k in kids(verb) if k > verb and deps[k].startswith("obl") and pos[k] == "NOUN"
                    and not any(deps[c] == "case" for c in kids(k))), None)
    if obj is not None and obj != word and (obj != phrase or pos[word] == "ADJ"):
        # "juge la décision de X inacceptable" (the adjective said of the object, however the parser hung it),
        # "qualifie de trahison l'accord", "y voit une offre hostile"
        return Frame(view.token(obj), view.token(verb), view.token(verb), told)
    if obj is None and "Part" in morph(view.token(verb), "VerbForm"):
        # "les quotas, jugés injustifiés par X": the participle's passive subject, or the noun it qualifies
        passive = next((k for k in kids(verb) if deps[k] == "nsubj:pass"), None)
        if passive is None and deps[verb] == "acl" and pos[view.head[verb]] in ("NOUN", "PROPN"):
            passive = view.head[verb]
        if passive is not None and passive != phrase:
            return Frame(view.token(passive), view.token(verb), view.token(verb), told)
    seen = next((k for k in kids(verb) if deps[k].startswith("obl") and k != phrase
                 and any(deps[c] == "case" and lowers[c] in _SEEN_IN for c in kids(k))), None)
    if seen is not None:  # "voit dans ce vote une trahison"
        return Frame(view.token(seen), view.token(verb), view.token(verb), told)
    if told:
        return Frame(None, view.token(verb), view.token(verb), True)  # "y a vu une provocation"
    return None


def opinion_holder(clause: Token) -> Token | None:
    """The holder of the opinion a clause states, fronted by "pour" and a comma ("Pour Oslo, la reprise des essais
    est une provocation"), or None."""
    view = view_of(clause.doc)
    deps, kids, lowers = view.dep, view.kids, view.lower
    for k in kids(clause.i):
        if k < clause.i and deps[k].startswith("obl") and any(
                deps[c] == "case" and lowers[c] in _HOLDER_PREPS for c in kids(k)) \
                and any(lowers[j] == "," for j in range(view.token(k).right_edge.i + 1, clause.i)):
            return view.token(k)
    return None


def quote_incise(clause: Token) -> Token | None:
    """The speech verb of the incise after the quote whose clause ``clause`` heads ('"le quota est une trahison", a
    lancé devant les élus X'), however the parser hung the two: the verb the clause hangs on, or a verb hung on the
    clause, after it; None when there is none."""
    view = view_of(clause.doc)
    heads, kids, lemmas = view.head, view.kids, view.lemma
    candidates = [heads[clause.i]] + [k for k in kids(clause.i) if view.dep[k] in INCISE_DEPS]
    for j in candidates:
        if j > clause.i and lemmas[j] in SPEECH_VERBS and reports_quote(view.token(j)):
            return view.token(j)
    return None

