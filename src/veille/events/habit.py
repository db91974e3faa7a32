"""Habits, generalities and careers: acts a clause tells as done often, always or for years, not as an occurrence.

``habitual(trigger)`` reads the clause of the trigger, and the clauses an infinitive or a gerund of it hangs on
("a toujours été prompt à dénoncer", "s'est fait un nom en dénonçant"), for a word of frequency or long duration
hung on that clause (grammar.yaml `habit_phrases`), a repetition counted from a start long past ("à plusieurs
reprises depuis son élection"), "toujours" in a compound past, a negated "cesser" ("n'a cessé de dénoncer") or a
negated verb whose object is "cesse" ("n'ont eu de cesse de dénoncer"), a "manquer" negated by "jamais" ("ne manque
jamais de dénoncer", not "n'a pas manqué de"), a career ("se faire un nom en ...") or what one is known for
("connu pour ...") or wont to do ("prompt à ...").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from veille.events.dates import BACKGROUND_DAYS, age_in_days, clause_tense, date_index
from veille.events.features import morph
from veille.events.grammar import grammar_words
from veille.events.recall import old_start, over_adverbs
from veille.events.status import _clause_verb
from veille.events.view import view_of

_PHRASES = grammar_words("habit_phrases")
_COMPOUND_PHRASES = grammar_words("compound_habit_phrases")
_UNTIL_THEN = grammar_words("until_then_phrases")  # "jusque-là": a habit only in the imperfect or pluperfect
_ITERATIVE = grammar_words("iterative_phrases")  # "à plusieurs reprises": a habit only counted from a start
_SINCE = grammar_words("since_words")
_STARTS = grammar_words("since_start_nouns")  # "depuis son élection"
_UNCEASING = grammar_words("unceasing_verbs")
_UNCEASING_OBJECTS = grammar_words("unceasing_objects")  # "n'a eu de cesse de dénoncer"
_UNFAILING = grammar_words("unfailing_verbs")  # a habit only under a habitual negator ("ne manque jamais de")
_HABITUAL_NEGATORS = grammar_words("habitual_negators")
_CAREER_OBJECTS = grammar_words("career_objects")
_CAREER_ADJ = grammar_words("career_adjectives")
_DISPOSITION_ADJ = grammar_words("disposition_adjectives")  # "prompt à défendre": what one is wont to do
_COMPARISON = grammar_words("comparison_marks")  # "comme chaque année": this year's instance
_COMPARATIVES = grammar_words("comparative_words")  # "plus tôt que d'habitude": this time's, compared
_QUE = grammar_words("que_forms")
_NE = grammar_words("ne_forms")
_NEGATORS = grammar_words("negators")
# every beginning of a marker phrase, spaces included: a scan stops as soon as its words begin none
_MARKERS = _PHRASES | _COMPOUND_PHRASES | _ITERATIVE | _UNTIL_THEN
_BEGINNINGS = frozenset(p[:n] for p in _MARKERS for n in range(1, len(p) + 1))
_BEFORE_THEN = frozenset({"imperfect", "pluperfect"})
_CLIMB = frozenset({"xcomp", "advcl", "acl", "obl", "obl:arg", "obl:mod", "conj"})


@lru_cache(maxsize=8)  # asked once per trigger candidate: a sentence's candidates share its scan
def _phrases(sent: Span) -> tuple[tuple[str, Span], ...]:
    """The marker phrases of ``sent``, with their words."""
    doc, found = sent.doc, []
    view = view_of(doc)
    lower, space = view.lower, view.space
    for k in range(sent.start, sent.end):
        text = ""
        for m in range(k, sent.end):
            text += lower[m]
            if text not in _BEGINNINGS:
                break
            if text in _MARKERS:
                found.append((text, doc[k:m + 1]))
            text += space[m]
    return tuple(found)


def _attached(text: str, span: Span, clause: Token) -> bool:
    """The phrase hangs on the clause: the heads of its words outside it are the clause's verb."""
    heads = {over_adverbs(t.head) for t in span if t.head not in span or t.head == t}
    if len(heads) != 1:
        return False
    head = heads.pop()
    # "opposent régulièrement séparatistes et ...": the parser hung the adverb on the object right after it
    if head == clause or (head.head == clause and head.dep_ == "obj" and clause.i < span.start < head.i):
        return True
    # "soutenait sans réserve jusque-là": a phrase of `until_then_phrases` the parser hung on the verb's adjunct
    # just before it
    return text in _UNTIL_THEN and head.head == clause and head.dep_.startswith("obl") \
        and head.i < span.start


def _counted_from_start(clause: Token) -> bool:
    """The clause counts from a start long past: "depuis" and a noun of `since_start_nouns` ("depuis son élection",
    "depuis le début de son mandat") or a year ("depuis 2017"), hung on it. A date of the phrase decides how old the
    start is ("depuis le début de la semaine", "depuis son arrivée mardi": recent)."""
    index = date_index(clause.doc)
    for child in clause.children:
        if not child.dep_.startswith("obl") or not any(c.dep_ == "case" and c.lower_ in _SINCE for c in child.children):
            continue
        start = child.lemma_.lower() in _STARTS
        dated = index.in_range(child.left_edge.i, child.right_edge.i + 1)
        if dated and (start or dated[0][2] == "year"):
            return old_start(dated[0][1], index.published)  # "depuis son élection en 2017", "depuis 2017"
        if start and not dated:
            return True
    return False


def _dated_recently(clause: Token, below: Token) -> bool:
    """A calendar date less than ``BACKGROUND_DAYS`` before the publication hangs on the clause or on the act below it
    ("Depuis lundi, l'armée n'a cessé de bombarder ...", "n'a pas cessé de bombarder la ville mardi"): the acts it
    tells are the story's. A date long past ("depuis 2014") or none ("depuis des années") decides nothing."""
    index = date_index(clause.doc)
    for verb in (clause, below):
        for child in verb.children:
            if child.dep_.startswith("obl") or child.dep_ == "advmod":
                for _span, value, _precision in index.in_range(child.left_edge.i, child.right_edge.i + 1):
                    age = age_in_days(value, index.published, since="end")
                    if age is not None and age < BACKGROUND_DAYS:
                        return True
    return False


def _compound(clause: Token) -> bool:
    return any(c.dep_ == "aux:tense" for c in clause.children)


def _marked(clause: Token, markers: tuple[tuple[str, Span], ...], below: Token | None) -> bool:
    doc = clause.doc
    for text, span in markers:
        if span.start > 0 and doc[span.start - 1].lower_ in _COMPARISON:
            continue
        if span.start > 0 and doc[span.start - 1].lower_ in _QUE \
                and any(t.lower_ in _COMPARATIVES for t in doc[span.sent.start:span.start - 1]):
            continue  # "plus fermement que d'habitude"
        if not _attached(text, span, clause):
            continue
        if text in _PHRASES:
            return True
        if text in _UNTIL_THEN:
            if clause_tense(clause) in _BEFORE_THEN:
                return True  # "qu'il soutenait jusque-là" (not "ont progressé jusque-là": a place)
            continue
        if text in _ITERATIVE:
            if _counted_from_start(clause):
                return True  # "a dénoncé à plusieurs reprises depuis son élection"
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if _compound(clause) and not (after is not None and after.lemma_.lower() in _NEGATORS):
            return True  # "a toujours nié" (not "n'a toujours pas")
    if below is None:
        return False
    lemma = clause.lemma_.lower()
    negated = any(c.lower_ in _NE for c in clause.children)
    unceasing = negated and (
        (lemma in _UNCEASING
         and (lemma not in _UNFAILING or any(c.lower_ in _HABITUAL_NEGATORS for c in clause.children)))
        or any(c.dep_ == "obj" and c.lemma_.lower() in _UNCEASING_OBJECTS for c in clause.children))
    # "n'a cessé de dénoncer", "n'a jamais cessé de critiquer", "ne manque jamais de critiquer", "n'ont eu de cesse de
    # dénoncer"; not with a time of the story ("depuis lundi, n'a cessé de bombarder": this week's acts)
    if unceasing and not _dated_recently(clause, below):
        return True
    if lemma in _CAREER_ADJ or lemma in _DISPOSITION_ADJ:
        return True  # "connu pour avoir dénoncé", "toujours prompt à défendre"
    return any(c.dep_ == "obj" and c.lemma_.lower() in _CAREER_OBJECTS for c in clause.children)


def habitual(trigger: Token, sent: Span) -> bool:
    """Whether the trigger's act is told as a habit, a generality or a career, not as an occurrence."""
    markers = _phrases(sent)
    clause, below = _clause_verb(trigger), None
    for _ in range(4):
        if _marked(clause, markers, below):
            return True
        # up through an infinitive or a gerund ("en dénonçant", "pour dénoncer", "de dénoncer"), not a finite
        # clause of its own (a relative, a que-clause: its own time)
        # (nor a past participle that qualifies a noun: "l'Ukraine, envahie par la Russie", that noun's own event)
        form = morph(clause, "VerbForm")
        if clause.dep_ not in _CLIMB or clause.head == clause or not ({"Inf", "Part"} & set(form)) \
                or any(c.dep_ in ("nsubj", "nsubj:pass", "aux:tense") for c in clause.children) \
                or (clause.dep_ == "acl" and "Part" in form and "Past" in morph(clause, "Tense")
                    and clause.head.pos_ in ("NOUN", "PROPN")):
            return False
        below, clause = clause, _clause_verb(clause.head)
    return False
