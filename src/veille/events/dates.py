"""The date of an event: a temporal expression of its own clause, else a shift of the narrative
date ("vingt-quatre heures après l'annonce"), else the narrative date of the sentences before it,
else the date of the report the sentence cites ("selon un bilan annoncé vendredi 16 septembre"),
else the document's publication date; the last two are flagged (``date_fallback``).

The tense of the event's clause (:func:`clause_tense`, read on the parse) decides between these: a
clause in the present is on the publication day (or on the lead's day while the story is still
there), a pluperfect one on the background the sentences before it set in the pluperfect
(:func:`next_reference`); a pluperfect sentence, or a day weeks before the narrative's, does not move
the narrative day.

Temporal expressions are the DATE/TIME spans of ``doc.spans["mentions"]`` with a TIMEX3
``_.value`` (written by ``veille_timex``); the precision comes from the value's shape or from
the ``Timex`` records the tagger keeps in ``doc.user_data["veille_timex"]``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from veille.events.grammar import grammar_words
from veille.events.status import SPEECH_VERBS
from veille.events.timex_lexicon import (
    DAYS_AFTER,
    MEDIA_NOUNS,
    MEDIA_PREPOSITIONS,
    OCCASION_FRAMES,
    OCCASION_PREPOSITIONS,
    PARTS_OF_DAY,
    POD_ALONE,
)
from veille.events.view import active_view, view_of
from veille.nlp.extensions import MENTIONS, TIMEX_KEY, doc_text

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")
_YEAR_RE = re.compile(r"^(\d{4}|\d{3})(?:X|-\d{2}(?:-\d{2})?)?$")  # "1983", "198X", "2018-10"
_DATE_LABELS = frozenset({"DATE", "TIME"})
_DURATION_RE = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([HDWM])$")
_YEARS_RE = re.compile(r"^P(\d+)Y$")
# how a typographic sentence ends (the coder also cuts at the clause ends, ";" and ":")
SENTENCE_ENDS = tuple(sorted(grammar_words("sentence_end_marks")))


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: str | None
    text: str | None
    fallback: bool
    # on a narrative date: the date a background told in the pluperfect set ("Le 12 juin 2018, ils
    # s'étaient rencontrés. Ils avaient signé ..."), while the story's day stays ``date``
    background: EventDate | None = None
    # on a narrative date still to come when the text was written ("M. Ndaw doit prêter serment
    # vendredi"): the narrative date before it, for what the text goes on telling in a past tense
    told: EventDate | None = None
    # on a background: set by a sentence that tells a past year in the present ("En 2016, il s'y déclare
    # favorable"): the sentences after it that go on in the present go on in that past (a historical present)
    historical: bool = False
    # the last background the text told, kept after the sentences stop going on in it ("... en 2018. Le
    # GRU est suspect. Cette affaire avait déjà entraîné des sanctions"): for a pluperfect that goes back to it
    earlier: EventDate | None = None


def precision_of(value: str | None) -> str | None:
    if not value:
        return None
    match = _DATE_RE.match(value)
    if not match:
        return None
    if match.group(3):
        return "day"
    if match.group(2):
        return "month"
    return "year"


def normalise(value: str | None) -> str | None:
    """The calendar part of a TIMEX3 value ("2022-01-07T15:00" → "2022-01-07"; an ISO week → its
    Thursday, the day that decides the week's month), or None."""
    if not value:
        return None
    week = _WEEK_RE.match(value)
    if week:
        try:
            day = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        except ValueError:
            return week.group(1)
        return day.isoformat()
    match = _DATE_RE.match(value)
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def night_end(timex: object) -> str | None:
    """The day a night between two days ends on ("la nuit de lundi à mardi", "la nuit du 5 au 6
    janvier"): what happens that night is dated by it. None for any other expression."""
    end_value = normalise(getattr(timex, "end_value", None))
    text = (getattr(timex, "text", "") or "").lower()
    if end_value and precision_of(end_value) == "day" and any(word in text for word in _NIGHT_WORDS):
        return end_value
    return None


class DateIndex:
    """Dated temporal expressions of a document, by token position. ``now`` is the day the text
    reports from (its lead's day, :func:`lead_date`), set by the coder once the lead is read."""

    def __init__(self, doc: Doc, mentions: list[Span]) -> None:
        self.now: EventDate | None = None
        self.published = normalise(doc._.published)
        precisions: dict[tuple[int, int], str] = {}
        night_ends: dict[tuple[int, int], str] = {}
        for timex in doc.user_data.get(TIMEX_KEY, []) or []:
            start, end = getattr(timex, "start", None), getattr(timex, "end", None)
            precision = getattr(timex, "precision", None)
            if start is not None and precision:
                precisions[(start, end)] = precision
            night = night_end(timex)
            if start is not None and night:
                night_ends[(start, end)] = night
        self.spans: list[tuple[Span, str, str | None]] = []
        for span in mentions:
            if span.label_ not in _DATE_LABELS:
                continue
            # "dans la nuit de lundi à mardi": what happens that night is dated by the day it ends on
            value = night_ends.get((span.start_char, span.end_char)) or normalise(span._.value)
            if value is None:
                continue
            precision = (precisions.get((span.start_char, span.end_char))
                         or precisions.get((span.start, span.end)) or precision_of(value))
            if precision == "week":
                precision = "day" if _WEEK_RE.match(span._.value or "") is None else "week"
            # the tagger's precision may be coarser than the value ("2022-01" for "en janvier")
            if precision in ("day", "week") and precision_of(value) != "day":
                precision = precision_of(value)
            self.spans.append((span, value, precision))
        self.spans.sort(key=lambda item: item[0].start)
        # years and decades ("en 1983", "au début des années 1990": its last year), for the acts of a
        # past episode told without a date of their own (:func:`past_episode`)
        self.years: list[tuple[Span, int]] = []
        for span in mentions:
            if span.label_ not in _DATE_LABELS:
                continue
            match = _YEAR_RE.match(span._.value or "")
            if match:
                digits = match.group(1)
                self.years.append((span, int(digits) if len(digits) == 4 else int(digits) * 10 + 9))
        self.years.sort(key=lambda item: item[0].start)
        # durations ("vingt-quatre heures", "trois jours"): (span, unit, amount) for "N après X"
        self.durations: list[tuple[Span, str, float]] = []
        for span in mentions:
            match = _DURATION_RE.match(span._.value or "") if span.label_ == "DURATION" else None
            if match:
                unit = "H" if match.group(1) and match.group(3) == "H" else match.group(3)
                if match.group(1) and unit != "H":
                    continue  # minutes
                self.durations.append((span, unit, float(match.group(2))))

        # durations of years ("depuis 30 ans"): (span, years), for a state held since then (:func:`held_since`)
        self.year_spans: list[tuple[Span, int]] = []
        for span in mentions:
            match = _YEARS_RE.match(span._.value or "") if span.label_ == "DURATION" else None
            if match:
                self.year_spans.append((span, int(match.group(1))))

        # a sentence's main dates (:func:`_main_dates`), by its bounds: read three times or more per sentence
        self.main: dict[tuple[int, int], list[tuple[Span, str, str | None, Token]]] = {}

    def in_range(self, start: int, end: int) -> list[tuple[Span, str, str | None]]:
        return [item for item in self.spans if start <= item[0].start and item[0].end <= end]


def date_index(doc: Doc) -> DateIndex:
    """The document's :class:`DateIndex`, from its mentions: while the event coder codes ``doc``, the one it codes
    with (kept in its view, ``now`` set once the lead is read), which the readers of a clause (recall, habit) share;
    else a new one."""
    view = active_view(doc)
    index = view.memo.get(("date_index",)) if view is not None else None
    if index is None:
        index = DateIndex(doc, list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else [])
        if view is not None:
            view.memo[("date_index",)] = index
    return index


def date_head(timex: Span) -> Token:
    """The word a date modifies. A bare date the parser hangs on the noun before it ("ont pris le
    contrôle samedi de l'île", "une opération déclenchée vendredi") modifies a verb: the participle
    or verb between that noun and the date, else the verb of the noun's clause. A date with a
    preposition ("la guerre de 2020", "le sommet du 5 août") stays on its noun."""
    root = timex.root
    head = root.head
    doc = timex.doc
    if root.dep_ == "nmod" and head.pos_ in ("NOUN", "PROPN") and head.i < timex.start and timex.start > 0 \
            and doc[timex.start - 1].lower_ in _CLAUSE_DATE_PREPOSITIONS:
        verb = _complemented_verb(head)
        if verb is not None and verb.i < timex.start and not any(
                doc[i].pos_ in ("VERB", "AUX") or doc[i].text in _CLAUSE_BREAKS
                for i in range(verb.i + 1, timex.start)):
            return verb  # (not past a participle, a clause or a punctuation that opens another phrase)
    if (root.dep_ != "nmod" or head.pos_ not in ("NOUN", "PROPN") or head.i >= timex.start
            or _nominal_date(timex) or any(t.pos_ == "ADP" for t in timex)
            or doc[timex.start - 1].pos_ == "ADP"):
        return head
    for i in range(timex.start - 1, head.i, -1):
        if doc[i].pos_ == "VERB" and head.is_ancestor(doc[i]):
            return doc[i]
    verb = _clause_verb(head)
    if _second_subject(head, verb):
        # "Tranchant avec les déclarations la semaine dernière de X, Y a réaffirmé ...": a fronted phrase the parser
        # read as a second subject of the verb; its date is its noun's, not the verb's
        return head
    return verb


def _second_subject(noun: Token, verb: Token) -> bool:
    """The noun ``noun`` lies in a subject phrase of ``verb`` set off by a comma before another subject of it: a
    fronted phrase the parser misread as a subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) < 2:
        return False
    first = next((s for s in subjects if s.is_ancestor(noun) or s == noun), None)
    if first is None:
        return False
    later = [s for s in subjects if s.i > first.right_edge.i]
    return bool(later) and any(noun.doc[k].text == "," for k in range(first.right_edge.i, later[0].left_edge.i))


def _reported_act(clause: Token) -> bool:
    """An infinitive a verb of saying governs, or one in the perfect a verb of opinion governs ("a annoncé
    vouloir signer", "lui reproche d'avoir voté"): an act the verb tells of, at a time of its own."""
    verb = clause.head
    if clause.dep_ != "xcomp" or verb.lemma_.lower() not in _REPORTING_VERBS:
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "aux:tense", "aux:pass")]
    if not any("Inf" in t.morph.get("VerbForm") for t in [clause, *auxiliaries]):
        return False
    return verb.lemma_.lower() in SPEECH_VERBS or bool(auxiliaries)


def _complemented_verb(noun: Token) -> Token | None:
    """The verb a noun complements, through the nouns it complements ("a signé un accord sur les
    quotas", "a rompu avec son allié"): the verb whose object or oblique the phrase is, else None."""
    while noun.dep_ == "nmod" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head != noun:
        noun = noun.head
    if noun.dep_ in _HELD_OBJECTS and noun.head.pos_ == "VERB" and noun.head.i < noun.i:
        return noun.head
    return None


def _own(timex: Span, trigger: Token) -> bool:
    """The expression dates the trigger's own clause, not a phrase inside it ("la tentative de coup
    d'État de juillet 2016", "la guerre de 2020")."""
    root = timex.root
    head = date_head(timex)
    if _nominal_date(timex):
        # "la réunion du 19 juillet" dates the meeting itself, and what was done "lors de" it
        return head == trigger or _at_occasion(timex, trigger)
    if head == trigger or _at_occasion(timex, trigger):
        return True
    anchor = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        if root.is_ancestor(trigger) is False and trigger.is_ancestor(root) and not any(
                t.dep_ == "acl:relcl" and t.is_ancestor(root) and trigger.is_ancestor(t) for t in trigger.subtree):
            return True  # inside the noun's own phrase: "la levée du veto turc la veille"
        while anchor.pos_ not in ("VERB", "AUX") and anchor.head != anchor and anchor.dep_ != "ROOT":
            anchor = anchor.head
        if head == anchor:
            return True
    # an adjunct clause of the trigger: "Réunis à Sotchi ce 5 août, ... se sont mis d'accord"; not the act a verb of
    # saying reports ("lui reprochait d'avoir voté contre en 2012")
    # nor a clause set before or after it ("arrêtés ... avant d'être transférés en février")
    if head.dep_ in ("advcl", "xcomp", "acl") and head.head in (trigger, anchor) and not _reported_act(head) \
            and not any(c.dep_ in ("mark", "case") and c.lower_ in _TEMPORAL_PREPOSITIONS for c in head.children):
        return True
    if _governs(timex, trigger):
        return True
    # "a fustigé X et rappelé son rejet de Y, dans un entretien accordé lundi": a verb coordinated with the one
    # before it, sharing its subject, is dated by an adjunct after both that the parser hung on the first
    first = anchor.head
    return anchor.dep_ == "conj" and anchor.pos_ == "VERB" and first.pos_ == "VERB" and timex.start > anchor.i \
        and not any(c.dep_.startswith("nsubj") for c in anchor.children) and _own(timex, first)


# the dependencies of a clause under another (relative, participial, adverbial, completive)
_EMBEDDED = frozenset({"acl:relcl", "acl", "advcl", "ccomp"})
_PRECISE = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3}  # the rest (years, decades ...) after


# "au lendemain de X", "à la veille de X": how many days X lies before the expression's day (timex.yaml)
_DAYS_AFTER = DAYS_AFTER
_ELIDED_DE = grammar_words("elided_de")  # "d'", "d’"
_DE_FORMS = grammar_words("de_forms") | _ELIDED_DE  # "de", "du", "des", "d'", "d’"
_FRONTED_MARKS = grammar_words("fronted_date_marks")  # "en octobre, ..."
_NIGHT_WORDS = grammar_words("night_words")  # "la nuit de lundi à mardi"
_NOT_FRONTING = grammar_words("not_fronting_prepositions")  # "après le sommet de ..., "
_COMPLEMENT_DE = grammar_words("date_complement_forms")  # "de 2020", "du 5 janvier"
_OCCURRENCE_WORDS = grammar_words("occurrence_words")  # "la réunion, qui doit se tenir lundi"
_NOT_MAIN_MARKS = grammar_words("not_main_date_marks")  # "depuis mardi", "comme en 2020"
_NOT_INCISE_MARKS = grammar_words("not_incise_marks")  # ", depuis 2012, ..."
_SINCE_WORDS = grammar_words("since_words")  # "depuis l'automne 2020"
_RECORD_WORDS = grammar_words("record_words")  # "leur premier choc depuis 1975"
_AS_EARLY_AS_WORDS = grammar_words("as_early_as_words")  # "dès le printemps"
_LORS = grammar_words("lors_forms")  # "lors de"
_AFTER_WORDS = grammar_words("after_words")  # "deux jours après le putsch"
_COMPARISON_MARKS = grammar_words("comparison_marks")  # "comme la veille"
_TEMPORAL_CLAUSE_MARKS = grammar_words("temporal_clause_marks")  # "lorsqu'il déplorait"
_RELATIVES = grammar_words("relative_pronouns")  # "qui", "que", "dont"
_EARLIER_MARKS = grammar_words("earlier_marks")  # "avait déjà", "à l'époque"
_CLAUSE_YEAR_PREPOSITIONS = grammar_words("clause_year_prepositions")  # "en 2005"
# "a signé un accord sur les quotas en octobre": a date after this preposition, hung on a complement of the
# verb, dates the verb's clause
_CLAUSE_DATE_PREPOSITIONS = grammar_words("clause_date_prepositions")
_CLAUSE_BREAKS = frozenset(SENTENCE_ENDS) | grammar_words("clause_end_marks") | grammar_words("incise_openers")
_REPORTING_VERBS = SPEECH_VERBS | grammar_words("opinion_verbs")
_TEMPORAL_PREPOSITIONS = grammar_words("temporal_prepositions")  # "avant de", "après"


def _day_after(timex: Span, trigger: Token) -> int:
    """The event is what the expression counts from ("au lendemain de nouvelles condamnations",
    "à la veille du sommet"): the days between the two, else 0."""
    word = timex.root.lower_
    if word not in _DAYS_AFTER or not timex.root.is_ancestor(trigger) or trigger.i < timex.end:
        return 0
    following = timex.doc[timex.end] if timex.end < len(timex.doc) else None
    if following is None or following.lower_ not in _DE_FORMS:
        return 0
    return _DAYS_AFTER[word]


def _after_act(timex: Span, index: DateIndex, acts: Callable[[Token], EventDate | None] | None) -> str | None:
    """The day of an expression counted from an act ("au lendemain de la condamnation", "à la veille du sommet"), from
    the day of that act: a day its own phrase gives ("au lendemain de l'attaque du 5 mars"), else the day the text
    gave an act of its kind (``acts``). The tagger counts it from the last day the text named, which need not be the
    act's. None when neither is known."""
    word = timex.root.lower_
    doc = timex.doc
    if word not in _DAYS_AFTER or timex.end >= len(doc) or doc[timex.end].lower_ not in _DE_FORMS:
        return None
    noun = doc[timex.end].head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i <= timex.end:
        return None
    own = next((value for span, value, precision in index.in_range(noun.i, noun.right_edge.i + 1)
                if precision == "day" and noun.is_ancestor(span.root)), None)
    told = acts(noun) if own is None and acts is not None else None
    day = own or (told.date if told is not None and told.precision == "day" and told.date else None)
    if day is None:
        return None
    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=_DAYS_AFTER[word])).isoformat()


def _fronted(timex: Span, trigger: Token, sent: Span) -> bool:
    """An adjunct that opens the sentence before its first verb ("Mardi, ...", "Un peu plus tôt, en
    octobre, ..."): it dates the clause that follows, whatever the parser hung it on."""
    doc = timex.doc
    if timex.end >= trigger.i or timex.end >= len(doc) or doc[timex.end].text != ",":
        return False
    start = timex.start - 1 if timex.start > sent.start and doc[timex.start - 1].lower_ in _FRONTED_MARKS \
        else timex.start  # "en octobre"; not "après le sommet de ...", "depuis la réunion du ..."
    if start > sent.start and doc[start - 1].lower_ in _NOT_FRONTING:
        return False
    return all(doc[i].pos_ in ("ADV", "PUNCT", "DET", "ADJ") for i in range(sent.start, start))


def _incise(timex: Span, trigger: Token, sent: Span) -> bool:
    """A date set between commas, in a phrase with no verb, just before the trigger's clause ("A son
    arrivée à la Maison Blanche, en 2017, Donald Trump avait promis", "un soldat qui, en 2012 dans la
    province de Kapisa, avait tué"): it dates that clause, whatever the parser hung it on."""
    doc = timex.doc
    start = timex.start
    while start > sent.start and doc[start - 1].pos_ in ("ADP", "DET") and doc[start - 1].text != ",":
        start -= 1
    if start == sent.start or doc[start - 1].text != "," or doc[start].lower_ in _NOT_INCISE_MARKS:
        return False
    close = next((i for i in range(timex.end, sent.end) if doc[i].text == ","), None)
    if close is None or close >= trigger.i or any(doc[i].pos_ in ("VERB", "AUX") for i in range(timex.end, close)):
        return False
    verb = _clause_verb(trigger)
    first = next((doc[i] for i in range(close + 1, sent.end) if doc[i].pos_ == "VERB"), None)
    return first is not None and first in (trigger, verb)


def _across_cut(timex: Span, trigger: Token, sent: Span) -> bool:
    """The expression dates the trigger's clause across a cut the parser made inside the sentence the coder reads
    (``sent``, the parser's pieces re-joined), where the parse tree, cut in two, cannot tell. A piece with no verb
    continues the clause the piece before it ends on: a date hung on the root of such a piece after the trigger's
    ("ont été inculpés et placés en détention | vendredi par un juge") dates the main clause of the trigger's piece
    (its root, or a verb coordinated with it), and a noun right before the cut ("à la suite de l'agression, | le 10
    juin, d'un jeune homme"); a trigger in such a piece after the date's, with no verb before it, is dated as the last
    verb of the piece before it would be ("a signé mardi | l'accord de cessez-le-feu", "le recours déposé le 14 mai
    par X, | conseillère municipale, pour protester")."""
    piece = trigger.sent
    if piece.start <= timex.start < piece.end or not (sent.start <= piece.start and piece.end <= sent.end):
        return False
    doc = timex.doc
    if timex.start >= piece.end:
        head = timex.root
        while head.head != head and head.dep_ != "ROOT":
            head = head.head
            if head.pos_ in ("VERB", "AUX"):
                return False  # the date hangs on a verb of its own piece
        if head.pos_ in ("VERB", "AUX"):
            return False
        if any(doc[i].pos_ in ("VERB", "AUX") for i in range(piece.end, timex.start)):
            return False  # another clause opens before the date
        if trigger.pos_ in ("NOUN", "PROPN") and all(doc[i].is_punct for i in range(trigger.i + 1, timex.start)):
            return True  # the date set beside the noun it follows
        if _nominal_date(timex):
            return False  # "| du 5 mars": a complement of the noun before it
        top = piece.root
        verb = _clause_verb(trigger)
        return top.pos_ in ("VERB", "AUX") and (verb == top or (verb.dep_ == "conj" and verb.head == top)
                                                 or (top.dep_ == "conj" and top.head == verb))
    if piece.start <= sent.start or any(doc[i].pos_ in ("VERB", "AUX") for i in range(piece.start, trigger.i)) \
            or (piece.root.pos_ in ("VERB", "AUX") and piece.root != trigger):
        return False
    before = doc[piece.start - 1].sent
    verb = next((doc[i] for i in range(before.end - 1, before.start - 1, -1) if doc[i].pos_ == "VERB"), None)
    if verb is None or not before.start <= timex.start < before.end:
        return False
    return _own(timex, verb) or _fronted(timex, verb, sent)


def _bound(timex: Span, precision: str | None = None) -> bool:
    """A start ("depuis l'automne 2020", "dès le printemps"): it dates a state of the clause it hangs
    on, not the events of the clauses below it. "dès mercredi" is a day: what was done as early as
    that day ("avait donné le ton dès mercredi en recevant son homologue") was done on it."""
    if timex.start == 0:
        return False
    before = timex.doc[timex.start - 1].lower_
    return before in _SINCE_WORDS or (before in _AS_EARLY_AS_WORDS and precision != "day")


def _compared(timex: Span) -> bool:
    """A date the clause compares itself with ("comme la veille", "comme en 2015"): not its date."""
    doc = timex.doc
    return any(doc[i].lower_ in _COMPARISON_MARKS for i in range(max(0, timex.start - 2), timex.start))


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a word belongs to (the word itself when it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head != token and token.dep_ != "ROOT":
        token = token.head
    return token


# how a clause's finite verb is read off the parse: "a déclaré" perfect, "avait déclaré" pluperfect,
# "déclare" present, "déclarait" imperfect, "déclarera" future, "déclarerait" conditional
_QUOTES_OPEN, _QUOTES_CLOSE = ("«", "“"), ("»", "”")


def _clause_verb_at(i: int, pos: list[str], dep: list[str], head: list[int]) -> int:
    """:func:`_clause_verb` on a document's lists (DocView), by index."""
    while pos[i] not in ("VERB", "AUX") and head[i] != i and dep[i] != "ROOT":
        i = head[i]
    return i


def _finite(token: Token) -> bool:
    return "Fin" in token.morph.get("VerbForm")


def clause_tense(trigger: Token) -> str | None:
    """The tense of the clause a trigger belongs to, read on its finite verb: a participle, gerund or
    infinitive takes the tense of the clause it hangs on ("ajoutent-ils, fustigeant ..." is in the
    present). "present", "perfect", "pluperfect", "imperfect", "future", "conditional", or None."""
    view = active_view(trigger.doc)  # while the coder codes the document: each word's tense read once
    if view is None:
        return _clause_tense(trigger)
    key = ("clause_tense", trigger.i)
    if key not in view.memo:
        view.memo[key] = _clause_tense(trigger)
    return view.memo[key]


def _clause_tense(trigger: Token) -> str | None:
    view = view_of(trigger.doc)  # the climb read as lists: Tokens built only for their morphology
    pos, dep, head, kids = view.pos, view.dep, view.head, view.kids
    verb = _clause_verb_at(trigger.i, pos, dep, head)
    copula = next((c for c in kids(verb) if dep[c] == "cop"), None)
    if pos[verb] not in ("VERB", "AUX") and copula is not None:
        verb = copula  # "nous serons prêts": the copula carries the tense
    for _ in range(8):
        if pos[verb] in ("VERB", "AUX") and (
                any(dep[c] in ("aux", "aux:tense", "aux:pass") and pos[c] == "AUX" for c in kids(verb))
                or _finite(view.token(verb))):
            break
        if head[verb] == verb or dep[verb] == "ROOT":
            return None
        verb = _clause_verb_at(head[verb], pos, dep, head)
    else:
        return None
    compound = [c for c in kids(verb) if dep[c] in ("aux", "aux:tense") and pos[c] == "AUX"]
    if not compound and any("Yes" in view.token(c).morph.get("Reflex") for c in kids(verb)):
        # "ils s'étaient rencontrés": the parser reads the auxiliary of a reflexive as a passive's
        compound = [c for c in kids(verb) if dep[c] == "aux:pass" and pos[c] == "AUX"]
    finite = view.token(compound[0] if compound else next(
        (c for c in kids(verb) if dep[c] == "aux:pass" and pos[c] == "AUX"), verb))
    mood, tense = finite.morph.get("Mood"), finite.morph.get("Tense")
    if "Cnd" in mood:
        return "conditional"
    if "Fut" in tense:
        return "future"
    if compound:
        return "pluperfect" if "Imp" in tense else "perfect" if "Pres" in tense else None
    if "Imp" in tense:
        return "imperfect"
    if "Pres" in tense and "Ind" in mood:
        return "present"
    return None


def _quoted(token: Token, sent: Span) -> bool:
    """The word stands inside quotation marks of its sentence (what a speaker says), counted from the
    sentence's start or from its end (the parser may leave the opening mark to the sentence before)."""
    doc = token.doc
    before = [doc[i].text for i in range(sent.start, token.i)]
    after = [doc[i].text for i in range(token.i + 1, sent.end)]
    opened = sum(t in _QUOTES_OPEN for t in before) - sum(t in _QUOTES_CLOSE for t in before)
    closed = sum(t in _QUOTES_CLOSE for t in after) - sum(t in _QUOTES_OPEN for t in after)
    return opened > 0 or closed > 0 or before.count('"') % 2 == 1 or after.count('"') % 2 == 1


def _quoted_apart(timex: Span, trigger: Token, sent: Span) -> bool:
    """The expression stands inside a quotation the trigger stands outside of ("« ils nous ont trahis en
    2019 », dénonce le ministre"): it dates the acts the quotation tells, not the verb that reports it."""
    return _quoted(timex.root, sent) and not _quoted(trigger, sent)


def _at_occasion(timex: Span, trigger: Token) -> bool:
    """The expression dates an occasion at which the trigger's clause takes place: "au sommet de
    Téhéran à la mi-juillet, Poutine avait rejeté ces plans", "lors de la réunion du 19 juillet, ils
    ont signé". Not an occasion the clause counts from ("depuis la guerre de 2020", "après le
    sommet du 5 août")."""
    root = timex.root
    medium = False
    if (root.dep_.startswith("obl") or root.dep_ == "nmod" and root.head.pos_ == "VERB") \
            and root.head.dep_ in ("acl", "conj") and "Part" in root.head.morph.get("VerbForm"):
        # "l'accord conclu en 2018", "la réunion tenue lundi": a participle dates the noun it qualifies
        participle = root.head
        while participle.dep_ == "conj" and participle.head != participle:
            participle = participle.head
        if participle.dep_ != "acl" or participle.head.pos_ not in ("NOUN", "PROPN"):
            return False
        noun = participle.head
        if noun.lemma_.lower() in MEDIA_NOUNS and noun.dep_ == "nmod" and noun.head.pos_ == "NOUN" \
                and noun.head.lemma_.lower() in COLLECTION_NOUNS:
            noun = noun.head  # "dans une série de tweets publiés samedi": the series
        medium = noun.lemma_.lower() in MEDIA_NOUNS or (noun.lemma_.lower() in COLLECTION_NOUNS and any(
            c.dep_ == "nmod" and c.lemma_.lower() in MEDIA_NOUNS for c in noun.children))
    elif root.dep_ == "nmod":
        noun = root.head
    else:
        return False
    frame = noun.head if noun.dep_ == "nmod" else None
    if frame is not None and frame.lower_ in OCCASION_FRAMES and any(
            c.dep_ == "case" and c.lower_ == OCCASION_FRAMES[frame.lower_] for c in frame.children):
        noun = frame  # "dans le cadre d'un accord conclu en 2018": the occasion is the frame's
    elif root.dep_ == "nmod" and not _nominal_date(timex):
        # "à la mi-juillet" may hang from a complement of the occasion ("au sommet tripartite de
        # Téhéran"); "de 2020" only dates the noun it complements ("lors de la commémoration de la
        # guerre de 2020" is not a 2020 event)
        while noun.dep_ == "nmod" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head != noun:
            noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or not noun.dep_.startswith("obl"):
        return False
    lors = noun.head if noun.head.lower_ in _LORS else None  # "lors de": the parser may head it by "lors"
    said_in = medium and (lors or noun).head.dep_ == "xcomp" and (lors or noun).head.head == trigger
    if (lors or noun).head not in (trigger, _clause_verb(trigger)) and not said_in:
        return False  # (a medium may hang on the infinitive the trigger governs: "prêt à frapper ..., dans")
    cases = OCCASION_PREPOSITIONS | ({OCCASION_FRAMES[noun.lower_]} if noun.lower_ in OCCASION_FRAMES else set())
    if medium or noun.lemma_.lower() in MEDIA_NOUNS:
        cases = cases | MEDIA_PREPOSITIONS
    return lors is not None or any(c.dep_ == "case" and c.lower_ in cases for c in noun.children)


COLLECTION_NOUNS = grammar_words("collection_nouns")

def _glued(forms: list[str]) -> str:
    """Forms that each come before a word: after one blank, or with none after an elided form ("d'", "l'")."""
    return "(?:" + "|".join(re.escape(f) + ("" if f.endswith("'") else " ") for f in forms) + ")"


# "en fin d'après-midi": the words are in timex.yaml (part_of_day_alone, parts_of_day)
_POD_ALONE = re.compile(
    rf"^(?:{_glued(POD_ALONE['prepositions'])}?(?:{'|'.join(re.escape(f) for f in POD_ALONE['edges'])}) "
    rf"{_glued(POD_ALONE['of'])}?)?{_glued(POD_ALONE['articles'])}?(?:"
    + "|".join(sorted((re.escape(k) for k in PARTS_OF_DAY), key=len, reverse=True)) + r")$")


def _part_of_day(timex: Span) -> bool:
    """A part of the day that names no day ("dans la matinée", "en fin d'après-midi")."""
    return bool(_POD_ALONE.match(timex.text.lower().replace("’", "'")))


def _nominal_date(timex: Span) -> bool:
    """"de 2020", "du 5 janvier": a date complementing a noun."""
    doc = timex.doc
    first = doc[timex.start]
    before = doc[timex.start - 1] if timex.start > 0 else None
    return first.lower_ in _COMPLEMENT_DE or (before is not None and before.lower_ in _COMPLEMENT_DE | _ELIDED_DE)


def _governs(timex: Span, trigger: Token) -> bool:
    """The expression modifies the trigger or a word the trigger depends on ("a déclaré vendredi
    qu'il avait envoyé"), not some other phrase ("la tentative de coup d'État de juillet 2016")."""
    root = timex.root
    head = date_head(timex)
    if head.i in range(timex.start, timex.end) or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if not (root.dep_.startswith("obl") or root.dep_ in ("advmod", "nmod", "nmod:tmod") or _second_object(root)):
        return False
    if head == trigger:
        return True
    if not head.is_ancestor(trigger):
        return False
    # a relative clause tells of its noun, at its own time ("les forces, qui avaient débarqué en
    # 2018, ont quitté l'île lundi"): the date of the clause above does not reach it, unless the
    # noun is what the dated clause did and the relative goes on in its tense ("M. Kim a présidé la
    # veille une réunion qui a suspendu les plans")
    token = trigger
    while token != head:
        if token.dep_ == "acl:relcl" and not _same_occasion(token, head):
            return False
        token = token.head
    return True


def _second_object(root: Token) -> bool:
    """A date the parser reads as an object beside the verb's real one ("a présidé la veille une
    réunion"): an adjunct."""
    return root.dep_ == "obj" and any(c.dep_ == "obj" and c != root for c in root.head.children)


def _same_occasion(relative: Token, dated: Token) -> bool:
    """A relative clause on the object of the dated verb, in that verb's tense (not a pluperfect
    or imperfect background)."""
    noun = relative.head
    while noun.dep_ == "nmod" and noun.head != noun:
        noun = noun.head  # "une réunion de la Commission militaire centrale qui a suspendu ..."
    if noun.dep_ != "obj" or _clause_verb(noun.head) != dated:
        return False
    tense = clause_tense(relative)
    return tense in ("perfect", "present") and tense == clause_tense(dated)


def event_date(trigger: Token, index: DateIndex, published: str | None,
               reference: EventDate | None = None, sentence: Span | None = None,
               antecedent: EventDate | None = None,
               acts: Callable[[Token], EventDate | None] | None = None) -> EventDate:
    """The date of the event whose trigger is ``trigger``.

    ``reference`` is the narrative time so far (the last date the text set in an earlier
    sentence): a sentence without its own date continues the story told before it. ``antecedent``: the date of
    the act an anaphoric noun names ("ces nouvelles sanctions"), which its sentence, naming no date of its own,
    refers to rather than to the narrative day. ``acts``: the date the text gave the act a noun names, if it told
    one of its kind (for "au lendemain de la condamnation", :func:`_after_act`).
    """
    sent = sentence if sentence is not None else trigger.sent
    since = held_since(trigger, index, published, sent)
    if since is not None:
        return since
    candidates = index.in_range(sent.start, sent.end)
    tense = clause_tense(trigger)
    if candidates:
        own = [c for c in candidates if (_own(c[0], trigger) or _fronted(c[0], trigger, sent)
                                         or _incise(c[0], trigger, sent) or _across_cut(c[0], trigger, sent))
               and not (_bound(c[0], c[2]) and c[0].root.head != trigger) and not _compared(c[0])
               and not _quoted_apart(c[0], trigger, sent)]
        if tense in _PAST_TENSES and not _quoted(trigger, sent):
            # what a past tense tells was done by the time of writing: a day after it is no date of
            # the clause ("Le lendemain, Téhéran a menacé" in a text with no day told before)
            own = [c for c in own if not _after_publication(EventDate(c[1], c[2], None, False), published)]
        # "les attentats de janvier 2015": a date complementing the event noun is its own date, before any
        # date of the clause around it ("à la veille du procès des attentats de janvier 2015")
        # and so is the date of a participle qualifying it, or of the participle itself ("un accord secret passé en
        # 1984", "Mardi, Kaboul a libéré des prisonniers, conformément à l'accord signé en février")
        named = [c for c in own if (trigger.pos_ == "NOUN" and (
            (date_head(c[0]) == trigger and _nominal_date(c[0])) or _dates_participle_of(c[0], trigger)))
            or (date_head(c[0]) == trigger and _bare_participle(trigger))]
        if trigger.pos_ == "NOUN":
            # "la réunion, qui doit se tenir lundi": the relative says when the noun's event happens
            named += [c for c in candidates if _dates_occurrence_of(c[0], trigger) and c not in named]
        verb = _clause_verb(trigger)
        if not named and trigger.pos_ in ("VERB", "AUX") and verb.dep_ in _EMBEDDED:
            # an embedded clause's own adjunct before a date the sentence fronts for its main clause ("Mardi, la
            # police a libéré le journaliste qu'elle avait arrêté en 2018")
            named = [c for c in own if date_head(c[0]) in (trigger, verb)]
        clause_dates, own = own, named or own
        if own:
            # the most precise first ("en octobre, ... signait pour une coopération en 2022": a bare
            # year is often what the event is for), then the nearest
            span, value, precision = min(own, key=lambda c: (_PRECISE.get(c[2] or "", 9), abs(c[0].start - trigger.i)))
            if _part_of_day(span) and reference is not None and reference.date and not reference.fallback \
                    and reference.precision == "day":
                # "dans la matinée": the morning of the day the story is on, not of the last day named
                return EventDate(reference.date, "day", span.text, False)
            value = _in_year_before(span, value, precision, clause_dates)
            back = _day_after(span, trigger)
            if back and precision == "day":
                # "au lendemain de nouvelles condamnations": they were the day before it
                value = (dt.date.fromisoformat(value[:10]) - dt.timedelta(days=back)).isoformat()
            elif precision == "day":
                value = _after_act(span, index, acts) or value
            return EventDate(value, precision, span.text, False)
    if antecedent is not None and antecedent.date:
        return replace(antecedent, background=None, told=None, earlier=None, historical=False)
    if tense in _PAST_TENSES:
        episode = past_episode(trigger, index, published)
        if episode is not None:
            return episode
    if tense not in _AHEAD_TENSES and _after_publication(reference, published):
        # "M. Ndaw doit prêter serment vendredi. [...] Macron a répondu": a day still to come when the
        # text was written is no narrative day for what the text tells, only for what it announces
        reference = reference.told  # type: ignore[union-attr]
    shifted = _shifted(sent, index, reference, trigger)
    if shifted is not None:
        return shifted
    if tense == "pluperfect" and reference is not None and reference.background is not None:
        return replace(reference.background, background=None)  # the background goes on
    if tense == "pluperfect" and reference is not None and reference.earlier is not None and _goes_back(trigger):
        return replace(reference.earlier, background=None, earlier=None)  # back to the past told before
    if tense == "present" and reference is not None and reference.background is not None \
            and reference.background.historical and not _quoted(trigger, sent):
        # "En 2016, il s'y déclare favorable. [...] Fillon propose": a narration in the present of a past year
        return replace(reference.background, background=None, historical=False)
    # a clause in the present reports what holds or is said as the text is written ("ajoutent-ils,
    # fustigeant ..."): the day of publication, not the day a past clause before it told of; while the
    # story is still on the day its lead reports, that day (what a text says in the present of it)
    if tense == "present" and not _quoted(trigger, sent):
        now = index.now
        if now is not None and now.date and reference is not None and reference.date == now.date:
            return replace(now, background=None)  # the story is still on the day its lead reports
        value = normalise(published)
        if precision_of(value) == "day":
            return EventDate(value, "day", None, True)
        # no day of publication: the narrative day is the best guess at the text's present
    if reference is not None and reference.date and not reference.fallback:
        return replace(reference, background=None, told=None, earlier=None)
    report = _report_date(candidates, trigger)
    if report is not None:
        return report
    if published:
        value = normalise(published)
        return EventDate(value, precision_of(value), None, True)
    return EventDate(None, None, None, True)


def _dates_participle_of(timex: Span, noun: Token) -> bool:
    """The expression dates a bare participle that qualifies the noun ("un accord passé en 1984", "l'accord signé
    en février entre ...", "un accord secret conclu en 1984" with "secret" read as a noun): the act the noun names
    was done then."""
    head = date_head(timex)
    if not _bare_participle(head):
        return False
    above = head.head
    for _ in range(2):
        if above == noun:
            return True
        if above.dep_ not in ("nmod", "amod") or above.pos_ not in ("NOUN", "ADJ"):
            return False
        above = above.head
    return above == noun


def _dates_occurrence_of(timex: Span, noun: Token) -> bool:
    """The expression dates a relative clause that says when the noun happens ("la réunion, qui doit se tenir lundi",
    "le sommet de l'OTAN, qui aura lieu mardi"), on the noun or a name its phrase holds (where the parser hangs it)."""
    head = date_head(timex)
    verb, path = head, [head]
    while verb.dep_ == "xcomp" and verb.head != verb:
        verb = verb.head  # "doit se tenir"
        path.append(verb)
    if verb.dep_ != "acl:relcl" or not any(
            t.lemma_.lower() in _OCCURRENCE_WORDS or any(c.dep_ == "obj" and c.lemma_.lower() in _OCCURRENCE_WORDS
                                                        for c in t.children) for t in path):
        return False
    above = verb.head
    for _ in range(3):
        if above == noun:
            return True
        if above.dep_ not in ("nmod", "conj", "flat:name", "appos") or above.head == above:
            return False
        above = above.head
    return above == noun


def _bare_participle(token: Token) -> bool:
    """A past participle without auxiliary qualifying a noun ("l'accord signé en février")."""
    return token.dep_ == "acl" and "Part" in token.morph.get("VerbForm") \
        and token.head.pos_ in ("NOUN", "PROPN", "ADJ") \
        and not any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in token.children)


def _in_year_before(span: Span, value: str, precision: str | None,
                    own: list[tuple[Span, str, str | None]]) -> str:
    """A month or day written without its year, after a year of the same clause before it ("L'an passé, ... fin
    novembre", "L'année dernière, en mars, ..."): in that year, not in the one the tagger anchored it to."""
    if precision not in ("month", "day") or _WRITTEN_YEAR.search(span.text) or not _DATE_RE.match(value):
        return value
    years = [c[1] for c in own if c[0].end <= span.start and _YEAR_ONLY.match(c[1] or "") and c[1] < value[:4]]
    if not years:
        return value
    moved = years[-1] + value[4:]
    return moved if _middle(moved) is not None else value


_WRITTEN_YEAR = re.compile(r"\d{4}")
_YEAR_ONLY = re.compile(r"^\d{4}$")


def _goes_back(trigger: Token) -> bool:
    """The clause says its act came before the story's day ("avait déjà entraîné", "à l'époque"), or the
    clause a relative in the pluperfect hangs on does ("avait déjà entraîné des sanctions contre la Russie,
    qui avait nié")."""
    verb = _clause_verb(trigger)
    verbs = [verb]
    if verb.dep_ in ("acl:relcl", "conj", "advcl"):
        above = _clause_verb(verb.head)
        if above != verb and clause_tense(above) == "pluperfect":
            verbs.append(above)
    return any(t.lower_ in _EARLIER_MARKS and v in (t.head, t.head.head) for v in verbs for t in v.subtree
               if t.i != trigger.i)


def held_since(trigger: Token, index: DateIndex, published: str | None, sent: Span) -> EventDate | None:
    """The year or month a state began, for the act that began it, when a clause in the present or the imperfect,
    or a participle, says it has held since a date before the publication ("la ville occupée et annexée par Israël
    depuis 1967", "les combats nourrissent les tensions depuis 30 ans", "il était détenu depuis seize mois", "détenu
    depuis son arrestation en juillet 2018"): the act is that start, not the day of the report. Not a clause in a
    compound past ("Depuis 2018, Téhéran a repris ...": what was done since)."""
    months = [(span, amount) for span, unit, amount in index.durations if unit == "M" and amount >= 1]
    if not published or not published[:4].isdigit() or not (index.years or index.year_spans or months):
        return None
    verb = _clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("aux", "aux:tense") for c in verb.children):
        return None
    if trigger != verb and trigger.dep_ not in ("nsubj", "nsubj:pass", "obj"):
        return None  # "le tireur de l'attentat était fiché depuis 2016": the state of another word
    passive = next((c for c in verb.children if c.dep_ == "aux:pass"), None)
    finite = passive or verb
    bare_participle = passive is None and "Part" in verb.morph.get("VerbForm")  # "la ville occupée depuis 1967"
    if not bare_participle and not (finite.morph.get("Tense") and set(finite.morph.get("Tense")) <= {"Pres", "Imp"}
                                    and "Ind" in finite.morph.get("Mood")):
        return None
    partners = {verb} | {c for c in verb.children if c.dep_ == "conj"} | ({verb.head} if verb.dep_ == "conj" else set())
    doc, now = trigger.doc, int(published[:4])

    def since(span: Span) -> bool:
        head = date_head(span)
        mark = next((i for i in range(max(sent.start, span.start - 3), span.start) if doc[i].lower_ in _SINCE_WORDS),
                    None)
        if mark is None and (passive is not None or bare_participle) and head.pos_ == "NOUN" and head.i < span.start:
            # "détenu depuis son arrestation en juillet 2018": the date of the event a state undergone holds since
            # (not "Depuis le retrait en mai 2018 de Washington, les Européens lui dénient ce droit": a stance)
            mark = next((c.i for c in head.children if c.dep_ == "case" and c.lower_ in _SINCE_WORDS), None)
            head = head.head
        return (mark is not None and span.end <= sent.end and _held_on(head, partners)
                and not any(doc[i].lemma_.lower() in _RECORD_WORDS for i in range(max(sent.start, mark - 6), mark)))

    for span, year in index.years:
        if year < now and since(span):
            value = normalise(span._.value)
            exact = value if value is not None and precision_of(value) in ("month", "day") else str(year)
            return EventDate(exact, precision_of(exact), span.text, False)
    for span, years in index.year_spans:
        if years >= 1 and since(span):
            return EventDate(str(now - years), "year", span.text, False)
    start = _middle(normalise(published))
    for span, amount in months:
        if start is not None and since(span):
            back = start.year * 12 + start.month - 1 - round(amount)
            return EventDate(f"{back // 12:04d}-{back % 12 + 1:02d}", "month", span.text, False)
    return None


def _held_on(head: Token, partners: set[Token]) -> bool:
    """The start hangs on the clause's verb, or on its object the parser hung it on ("nourrissent les tensions
    depuis 30 ans"); not on another noun ("cet accrochage, leur premier choc depuis 1975": a record's span)."""
    return head in partners or (head.dep_ == "obj" and head.head in partners)


def past_episode(trigger: Token, index: DateIndex, published: str | None) -> EventDate | None:
    """The year, before the year of publication, of the past episode a clause without a date of its
    own tells of: a relative clause right after a year or decade ("l'attentat de Beyrouth en 1983, qui
    avait fait 58 morts", "une guerre au début des années 1990 qui a fait 30.000 morts": the relative
    stands for what the date closes); a year after
    "en" hung on the clause's object; a decade the clause is set in; a clause "lorsque"/"quand" set in
    the year or decade of the clause it hangs on ("déjà dans les années 1980, lorsqu'il déplorait ...").
    A start ("depuis 2012") or a comparison ("comme en 2015") is no episode's date."""
    if not index.years or not published or not published[:4].isdigit():
        return None
    verb = _clause_verb(trigger)
    doc = trigger.doc
    ends: dict[int, tuple[Span, int]] = {span.end: (span, year) for span, year in index.years
                                          if year < int(published[:4]) and not _bound(span)
                                          and not _compared(span)}
    for child in verb.children:
        if child.i < verb.i and child.lower_ in _RELATIVES and child.dep_ not in ("mark", "fixed"):
            before = child.i - 1 if child.i > 0 and doc[child.i - 1].text != "," else child.i - 2
            found = ends.get(before + 1)
            if found is not None:
                return EventDate(str(found[1]), "year", found[0].text, False)
    for span, year in index.years:
        # "a tué le ministre en 2005": a year after "en" the parser hung on the clause's object
        if (span.end in ends and span.start > 0 and doc[span.start - 1].lower_ in _CLAUSE_YEAR_PREPOSITIONS
                and span.root.head.head == verb and span.root.head.dep_ in ("obj", "obl:arg", "obl:mod")
                and span.root.head.i < span.start):
            return EventDate(str(year), "year", span.text, False)
    for span, year in index.years:
        # a decade the clause is set in ("dans les années 1990, lorsque l'Irak bombardait ..."): no
        # day of the narrative; the dated expressions the clause owns are read before this
        if span.end in ends and span.root.head in (trigger, verb) and "X" in (span._.value or ""):
            return EventDate(str(year), "year", span.text, False)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_CLAUSE_MARKS
                                    for c in verb.children):
        for span, year in index.years:
            if span.root.head == verb.head and span.end in ends:
                return EventDate(str(year), "year", span.text, False)
        if clause_tense(verb) in ("perfect", "pluperfect"):
            # "le club le boudait depuis 2011, quand il l'a radié": the clause "lorsque" in a compound past after
            # a start tells the act the state began with, done in the start's year (the start hung on the clause's
            # verb, or on its complement, where the parser may hang it: "ne répondait plus à son associé depuis
            # 2011")
            for span, year in index.years:
                if year < int(published[:4]) and span.start > 0 and doc[span.start - 1].lower_ in _SINCE_WORDS \
                        and span.end <= verb.left_edge.i and (span.root.head == verb.head or (
                            span.root.head.head == verb.head and span.root.head.dep_ in _HELD_OBJECTS)):
                    return EventDate(str(year), "year", span.text, False)
    return None


# the complements of a verb the parser may hang its start on ("parlait à son père depuis 2015")
_HELD_OBJECTS = frozenset({"obj", "obl:arg", "obl:mod", "obl"})
_AHEAD_TENSES = frozenset({"future", "conditional"})
_PAST_TENSES = frozenset({"perfect", "pluperfect", "imperfect"})


def _after_publication(when: EventDate | None, published: str | None) -> bool:
    """The date lies after the day of publication (an announced day: "prêtera serment vendredi")."""
    value = normalise(published)
    if when is None or not when.date or precision_of(value) != "day" or when.precision != "day":
        return False
    return when.date[:10] > value  # type: ignore[operator]


# how far after "après" the day of the event counted from may stand ("deux jours après le putsch
# du 18 août contre M. Keïta")
_AFTER_WINDOW = 6


def _same_clause(span: Span, trigger: Token) -> bool:
    """The expression and the trigger belong to one clause or to clauses one under the other, with no
    relative clause between them ("La Cédéao, qui a imposé des sanctions deux jours après le putsch,
    a condamné la junte": the relative's date is not the main clause's)."""
    here, there = _clause_verb(date_head(span)), _clause_verb(trigger)
    for low, high in ((there, here), (here, there)):
        if low == high or high.is_ancestor(low):
            token = low
            while token != high:
                if token.dep_ == "acl:relcl":
                    return False
                token = token.head
            return True
    return True  # clauses apart (a tangled parse): as before


def _shifted(sent: Span, index: DateIndex, reference: EventDate | None,
             trigger: Token | None = None) -> EventDate | None:
    """"Un peu plus de vingt-quatre heures après l'annonce", "trois jours après le sommet": a
    duration before "après" counts from the event it names, dated in its own phrase ("deux jours
    après le putsch du 18 août") or else the event just told, whose day is the narrative date."""
    narrative = reference is not None and not reference.fallback and reference.precision == "day" \
        and bool(reference.date)
    doc = sent.doc
    for span, unit, amount in index.durations:
        if not (sent.start <= span.start and span.end < sent.end) or doc[span.end].lower_ not in _AFTER_WORDS:
            continue
        if trigger is not None and not _same_clause(span, trigger):
            continue
        named = next((value for other, value, precision in index.in_range(span.end + 1, sent.end)
                      if precision == "day" and other.start <= span.end + _AFTER_WINDOW
                      and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in doc[span.end + 1:other.start])),
                     None)
        if named is None and not narrative:
            continue
        base = dt.date.fromisoformat((named or reference.date)[:10])  # type: ignore[union-attr]
        if unit == "H":
            days = int(amount // 24)
        elif unit == "D":
            days = round(amount)
        elif unit == "W":
            days = round(amount * 7)
        else:
            return None  # months: too coarse to move a day
        return EventDate((base + dt.timedelta(days=days)).isoformat(), "day", span.text, False)
    return None


def _report_date(candidates: list[tuple[Span, str, str | None]], trigger: Token) -> EventDate | None:
    """The day of the report a sentence cites, when nothing in it dates the event itself: "(135
    militaires tués), selon un nouveau bilan annoncé vendredi 16 septembre par le Premier ministre".
    The event happened by then: a flagged, lower-confidence date, like the publication date. Not the day
    another clause's act was announced ("est arrivé à Bahreïn, le premier pays à saluer l'accord annoncé le
    13 août")."""
    for span, value, precision in candidates:
        head = span.root.head
        if precision == "day" and head.pos_ == "VERB" and head.lemma_.lower() in SPEECH_VERBS \
                and not _under_another_clause(head, trigger):
            return EventDate(value, precision, span.text, True)
    return None


def _under_another_clause(verb: Token, trigger: Token) -> bool:
    """Whether a verb hangs, through nouns, on a verb other than ``trigger``."""
    current = verb
    for _ in range(12):
        head = current.head
        if head in (current, trigger):
            return False
        if head.pos_ in ("VERB", "AUX"):
            return True
        current = head
    return False


LEAD_SENTENCES = 3
LEAD_WINDOW_DAYS = 7


def lead_date(sentences: list[Span], index: DateIndex, published: str | None) -> EventDate | None:
    """The day a news text is about, as its lead gives it: the first day-precise date in its
    first sentences that lies in the week before publication (or in the publication month when
    only the month is known). Undated sentences fall back to it before the publication date:
    a report published on the 6th about "vendredi" is about the 5th."""
    if not sentences:
        return None
    published_value = normalise(published)
    published_precision = precision_of(published_value)
    # count typographic sentences: pieces cut at ";" or ":" belong to the sentence they continue
    # (at most twice as many pieces, for texts without full stops: headlines, lists)
    pieces = sentences[: 2 * LEAD_SENTENCES]
    count, end = 0, pieces[-1].end
    text = doc_text(pieces[0].doc)  # a Span would build its text from its tokens
    for sent in pieces:
        if text[sent.start_char:sent.end_char].rstrip().endswith(SENTENCE_ENDS):
            count += 1
            if count == LEAD_SENTENCES:
                end = sent.end
                break
    for span, value, precision in index.in_range(sentences[0].start, end):
        if precision != "day" or _bound(span, precision):
            continue  # "réunis à Biarritz depuis samedi": the story is not on its start
        if published_precision == "day":
            gap = (dt.date.fromisoformat(published_value) - dt.date.fromisoformat(value[:10])).days  # type: ignore[arg-type]
            if 0 <= gap <= LEAD_WINDOW_DAYS:
                return EventDate(value, precision, span.text, False)
        elif published_value and value.startswith(published_value):
            return EventDate(value, precision, span.text, False)
    return None


def _main_dates(sent: Span, index: DateIndex) -> list[tuple[Span, str, str | None, Token]]:
    """The dates that hang from a sentence's main clause, with the verb whose tense they share."""
    found = index.main.get((sent.start, sent.end))
    if found is None:
        found = index.main[(sent.start, sent.end)] = _find_main_dates(sent, index)
    return found


def _find_main_dates(sent: Span, index: DateIndex) -> list[tuple[Span, str, str | None, Token]]:
    out: list[tuple[Span, str, str | None, Token]] = []
    candidates = index.in_range(sent.start, sent.end)
    if not candidates:
        return out
    view = view_of(sent.doc)
    deps, lowers = view.dep, view.lower
    roots = {i for i in range(sent.start, sent.end) if deps[i] == "ROOT"}
    main_verb = next((view.token(i) for i in sorted(roots) if view.pos[i] in ("VERB", "AUX")), None)
    for span, value, precision in candidates:
        head = date_head(span)
        if any(lowers[i] in _NOT_MAIN_MARKS
               for i in range(max(0, span.start - 2), span.start)):
            continue
        if not (head.i in roots or (head.head.i in roots and (
                head.dep_ in ("conj", "xcomp", "ccomp") or _inverted_report(head)))):
            continue
        verb = head if head.pos_ in ("VERB", "AUX") or main_verb is None else main_verb
        out.append((span, value, precision, verb))
    return out


def sentence_reference(sent: Span, index: DateIndex) -> EventDate | None:
    """The date a sentence sets for what follows: a day hanging from its main verb. Years, months and
    seasons set a background, not the story's day; so does a pluperfect ("Le 12 juin 2018, ils
    s'étaient rencontrés"): the story's day stays."""
    for span, value, precision, verb in _main_dates(sent, index):
        if precision in ("day", "week") and clause_tense(verb) != "pluperfect":
            return EventDate(value, precision, span.text, False)
    return None


def _background(sent: Span, index: DateIndex) -> EventDate | None:
    """The date of a sentence told in the pluperfect, at any precision ("En mai 2018, des forces
    avaient débarqué sur l'île")."""
    for span, value, precision, verb in _main_dates(sent, index):
        if precision and clause_tense(verb) == "pluperfect":
            return EventDate(value, precision, span.text, False)
    return None


def _historical_present(sent: Span, index: DateIndex) -> EventDate | None:
    """The date of a sentence that sets the present of its main clause in a year before the year of
    publication, the date standing before its verb ("En 2016, il s'y déclare favorable", "Ce 7 janvier
    2015, les assaillants font irruption"): a narration of the past in the present (a historical present),
    which the sentences after it in the present go on telling."""
    published = index.published
    if not published or not published[:4].isdigit():
        return None
    for span, value, precision, verb in _main_dates(sent, index):
        if precision and value[:4].isdigit() and int(value[:4]) < int(published[:4]) \
                and span.end <= verb.i and not _bound(span, precision) and not _compared(span) \
                and _main_tense(sent) == "present" and clause_tense(verb) == "present":
            return EventDate(value, precision, span.text, False, historical=True)
    return None


def _flashback(sent: Span, index: DateIndex, reference: EventDate | None) -> EventDate | None:
    """The date of a sentence that goes back to a month before the story's ("Les tensions sont montées
    en janvier 2020 quand ..."): the pluperfect sentences after it go on in it ("Dans la foulée, les
    députés avaient voté l'expulsion")."""
    now = reference.date if reference is not None and reference.date and not reference.fallback \
        else index.published
    if not now:
        return None
    for span, value, precision, _verb in _main_dates(sent, index):
        if not precision or precision_of(value) is None:
            continue
        cut = 4 if precision_of(value) == "year" or precision_of(now) == "year" else 7
        if value[:cut] < now[:cut]:
            return EventDate(value, precision, span.text, False)
    return None


@lru_cache(maxsize=8)  # read up to three times per sentence by next_reference
def _main_tense(sent: Span) -> str | None:
    # the root, or the top verb of a piece the parser hung on the sentence before ("pro-Iran.Cette
    # opération avait fait redouter ...")
    view = view_of(sent.doc)  # read as lists: one Token built, the root's
    pos, dep, head, start, end = view.pos, view.dep, view.head, sent.start, sent.end
    root = next((i for i in range(start, end) if pos[i] in ("VERB", "AUX") and (
        dep[i] == "ROOT" or not start <= head[i] < end)), None)
    if root is None:
        # a piece the parser tangled: its first verb
        root = next((i for i in range(start, end) if pos[i] == "VERB"), None)
    return clause_tense(view.token(root)) if root is not None else None


# a day more than this before the narrative day is a flashback ("Le 1er janvier, Kim Jong Un a
# annoncé ...", in a story of June): it dates its own sentence, the story goes on from its own day
BACKGROUND_DAYS = 30
# an act dated this many days or more before the publication (some ten months, from the middle of the date's
# month or year: "en mars 2019" in February 2020) is background, not news: the coder does not emit it (component
# config `background_days`, this by default; 0 keeps all). The acts of a few months before that an article
# recalls are still often its story: in the gold, acts of 170 to 210 days before are required (an agreement "signé en
# février" in a text of August), and among the judged events dated 60 to 300 days before, the right and the
# background ones are about as many, so no shorter cut.
BACKGROUND_DAYS_OLD = 300
# an act told in the pluperfect, the tense of what came before the story ("En septembre, il avait apporté son soutien
# ..."), is background from this many days before: among the judged events so told and dated two to ten months
# before, none was the article's news
BACKGROUND_DAYS_TOLD = 60


# an act the text dates to a period that starts more than this many days after the publication has not happened yet
# ("ont décidé d'organiser une manifestation dans un mois"): it is future whatever its verb's tense. A week, since a
# relative day anchored on the wrong reference ("l'après-midi", "24 heures après") lands a few days late.
FUTURE_DAYS = 7


def dated_ahead(when: EventDate, sent: Span, published: str | None) -> bool:
    """Whether the text dates the act to a period starting more than FUTURE_DAYS after the publication, by a date
    of its own: not a bound ("prolongé jusqu'au 24 juillet", "depuis"), where the act is not."""
    if when.fallback or not when.text or (age_in_days(when.date, published, since="start") or 0) >= -FUTURE_DAYS:
        return False
    at = sent.text.find(when.text)
    span = sent.char_span(at, at + len(when.text), alignment_mode="expand") if at >= 0 else None
    if span is None:
        return False  # a date the sentence does not hold (inherited from another): it does not date this act
    # the date's prepositions, also those of the period word it completes ("jusqu'à la fin juillet")
    heads = [span.root]
    if span.root.dep_ == "nmod" and span.root.head.i < span.root.i:
        heads.append(span.root.head)
    return not any(c.dep_ in ("case", "mark") and c.lower_ in _NOT_MAIN_MARKS for h in heads for c in h.children)


def to_come(when: EventDate, trigger: Token, index: DateIndex, sent: Span, published: str | None) -> EventDate:
    """The date of an act the coder tells as to come, when the tagger set the month or day that dates it, written
    without a year, in the past: with no tense cue near it ("doit se rendre en visite officielle à Riga en décembre",
    written in March) a bare month is the last one gone by. An act to come is dated at the next one, a year later.
    Only for a date the sentence holds, the only one of the trigger's clause (a year the clause names, "l'an passé,
    il devait s'y rendre en décembre", sets the month's), more than BACKGROUND_DAYS before the publication (a date of
    the weeks before is a future told of the past, "il devait signer le 3 mars"), and in a clause in the present or
    the future (a plan told in a past tense is of the past, "il devait s'y rendre en décembre")."""
    if when.fallback or not when.text or when.date is None or when.precision not in ("month", "day") \
            or _WRITTEN_YEAR.search(when.text) or not _DATE_RE.match(when.date):
        return when
    age = age_in_days(when.date, published, since="end")
    if age is None or age <= BACKGROUND_DAYS or clause_tense(trigger) in _PAST_TENSES:
        return when
    dates = index.in_range(sent.start, sent.end)
    if not any(c[0].text == when.text for c in dates) \
            or any(c[0].text != when.text and (_own(c[0], trigger) or _fronted(c[0], trigger, sent)
                                               or _incise(c[0], trigger, sent) or _across_cut(c[0], trigger, sent))
                   for c in dates):
        return when
    year = int(when.date[:4]) + 1
    moved = f"{year}{when.date[4:]}"
    if when.precision == "day":
        try:
            dt.date.fromisoformat(moved[:10])
        except ValueError:
            return when  # the 29th of February
    return replace(when, date=moved)


def age_in_days(value: str | None, published: str | None, since: str = "middle") -> int | None:
    """The days from a date to the publication; None when either is not a calendar date. ``since="middle"``: from the
    middle of the date's period ("2019": 2 July 2019; "2019-07": 16 July) to the middle of the publication's, how old
    an act is (the background filter). ``since="end"``: from the last day of the date's period to the first of the
    publication's, the fewest days it can be (a month is over by its last day; the confidence model's gap).
    ``since="start"``: from the first day of the date's period to the last of the publication's (negative when the
    period starts after it: how far ahead an act is dated)."""
    then, now = _period(normalise(value)), _period(normalise(published))
    if then is None or now is None:
        return None
    if since == "end":
        return (now[0] - (then[1] - dt.timedelta(days=1))).days
    if since == "start":
        return (now[1] - dt.timedelta(days=1) - then[0]).days
    return (_halfway(now) - _halfway(then)).days


def _period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first day of a date's period and the day after its last ("2019-07": 1 July, 1 August)."""
    match = _DATE_RE.match(value or "")
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            start = dt.date(year, month, day)  # type: ignore[arg-type]
            return start, start + dt.timedelta(days=1)
        start = dt.date(year, month or 1, 1)  # type: ignore[arg-type]
    except ValueError:
        return None
    end = dt.date(year + 1, 1, 1) if month in (None, 12) else dt.date(year, month + 1, 1)  # type: ignore[operator]
    return start, end


def _halfway(period: tuple[dt.date, dt.date]) -> dt.date:
    """The middle of a period (its day, for a day)."""
    start, end = period
    return start if end - start == dt.timedelta(days=1) else start + (end - start) / 2


def _middle(value: str | None) -> dt.date | None:
    period = _period(value)
    return _halfway(period) if period is not None else None


def next_reference(sent: Span, index: DateIndex, reference: EventDate | None) -> EventDate | None:
    """The narrative date after ``sent``: the day it sets (:func:`sentence_reference`), unless that
    day lies weeks before the narrative's, else the narrative date so far; with the background a
    pluperfect sentence sets (``EventDate.background``)."""
    new = sentence_reference(sent, index)
    if new is not None and reference is not None and reference.date and not reference.fallback \
            and reference.precision == "day" and new.precision == "day":
        gap = dt.date.fromisoformat(reference.date[:10]) - dt.date.fromisoformat(new.date[:10])
        if gap.days > BACKGROUND_DAYS:
            new = None
    result = new or reference
    # a background told in the pluperfect: its date, kept while the sentences after it go on in it
    background = _historical_present(sent, index) or _background(sent, index) or _flashback(sent, index, reference)
    if background is None and reference is not None and reference.background is not None:
        tense = _main_tense(sent)
        # the background goes on in the pluperfect; the past told in the present goes on in the present, and
        # across a piece with no finite verb ("Incapable de répondre à la question ?": a cut, a sub-heading)
        if tense == "pluperfect" or (tense in ("present", None) and reference.background.historical):
            background = reference.background
    earlier = background or _past_told(sent, index) \
        or (reference.background or reference.earlier if reference is not None else None)
    if earlier is not None:
        earlier = replace(earlier, background=None, told=None, earlier=None)
    if result is None:
        if background is None and earlier is None:
            return None
        return EventDate(None, None, None, True, background, earlier=earlier)
    told = result.told
    if new is not None and _after_publication(new, index.published):
        # a day announced: the day the story was on stays for what is told after it
        told = reference if reference is None or not _after_publication(reference, index.published) \
            else reference.told
        told = replace(told, background=None, told=None) if told is not None else None
    return replace(result, background=background, told=told, earlier=earlier)


def _past_told(sent: Span, index: DateIndex) -> EventDate | None:
    """A year before the year of publication that a sentence in the pluperfect tells of, wherever the
    parser hung it ("Le poison avait déjà été employé contre un journaliste en 2017")."""
    published = index.published
    if not published or not published[:4].isdigit():
        return None
    dated = index.in_range(sent.start, sent.end)
    if not dated or _main_tense(sent) != "pluperfect":  # the tense read only where there is a date
        return None
    lowers = view_of(sent.doc).lower
    for span, value, precision in dated:
        if precision and value[:4].isdigit() and value[:4] < published[:4] and not _bound(span, precision) \
                and not _compared(span) and not any(lowers[i] in _NOT_MAIN_MARKS
                                                    for i in range(max(0, span.start - 2), span.start)):
            return EventDate(value, precision, span.text, False)
    return None


def _inverted_report(clause: Token) -> bool:
    """A clause a speech verb after it reports ("Lundi soir, le président a signé un décret, ont annoncé
    ses services"): the parser hangs it on the speech verb, but it is what the sentence tells."""
    verb = clause.head
    return (clause.dep_ == "advcl" and clause.i < verb.i and verb.pos_ == "VERB"
            and verb.lemma_.lower() in SPEECH_VERBS)
