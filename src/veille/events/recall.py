"""Acts an article recalls, read on the clause: background, not its news, though they have no date.

``in_past_period(trigger)``: a clause in a past tense set in a past period that the text names without a date — a
period of a participant's life or office ("Durant la campagne présidentielle, il avait promis", "au cours de son
mandat", "sous sa présidence") or of history ("pendant la Seconde Guerre mondiale") — tells what was done then.
The period is a noun of grammar.yaml `period_nouns` (a lemma, or a lemma and the lemmas of its modifiers), after a
preposition of `period_prepositions` or inside the frame of a `period_frames` noun ("au cours de"), hung on the
trigger's clause or on a clause an infinitive, gerund or participle of it hangs on ("avait promis d'exonérer").

``told_in_simple_past(trigger)``: a clause in the passé simple is history told ("la Belgique annexa le Congo", "le roi
fut renversé"): what it tells is recalled, whatever its date. Not the passé antérieur, the anterior of a clause "après
que" in news too ("après que le maire eut dénoncé ...").

``describes_antecedent(trigger)``: a relative clause on a participant that tells, with no date of its own, what it had
done ("l'ancienne ministre, qui avait signé l'accord avec ...", in the pluperfect; "le Portugal, qui a déjà
expulsé ...", in the compound past with an aside) describes who it is by its past: recalled, not the article's news.

``told_before_undated(trigger)``: a clause of its own in the pluperfect ("Il s'était engagé à ..."), which the coder
holds recalled when neither the clause nor the narrative dates it: the act came before the story, at a time not given.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from veille.events.dates import BACKGROUND_DAYS, BACKGROUND_DAYS_TOLD, age_in_days, clause_tense, date_index
from veille.events.features import morph
from veille.events.grammar import grammar_table, grammar_words
from veille.events.status import _clause_verb
from veille.events.view import DocView, view_of
from veille.model import TIME_LABELS
from veille.nlp.extensions import MENTIONS

_PERIOD_NOUNS = grammar_words("period_nouns")
_PERIOD_PREPOSITIONS = grammar_words("period_prepositions")
_PERIOD_FRAMES = grammar_words("period_frames")
_SIMPLE_PAST_ENDINGS = grammar_table("simple_past_endings")
_SIMPLE_PAST_SPELLINGS = dict(grammar_table("simple_past_spellings"))
_SIMPLE_PAST_FORMS = grammar_words("simple_past_forms")
_MOMENT_NOUNS = grammar_words("moment_nouns")  # "date à laquelle", "le jour où"
_SINCE_WORDS = grammar_words("since_words")
_DESCRIBING = grammar_words("describing_relatives")  # "X, qui avait signé ...": the antecedent's past
_DESCRIBED_PRONOUNS = grammar_words("describing_pronouns")  # "celui qui avait été emprisonné ..."
_ASIDES = grammar_words("recalled_aside_marks")  # "qui a déjà expulsé", "qui a d'ailleurs présidé"
_CLEFT_SUBJECTS = grammar_words("cleft_subjects")  # "c'est X qui ..."
_CLEFT_COPULAS = grammar_words("cleft_copulas")
_ORIGIN_PARTICIPLES = grammar_words("origin_participles")  # "le projet proposé par X"
# the labels of the mentions of participants (persons, bodies, states, peoples)
_PARTICIPANT_LABELS = frozenset({"PER", "ORG", "GPE", "NORP"})
# the roles of a relative pronoun in its clause (not "que" marking a clause: "a dit que ...")
_RELATIVE_ROLES = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "nmod"})
_ASIDE_LENGTH = max(len(p.split()) + p.count("'") + p.count("’") for p in _ASIDES)
_PAST = frozenset({"perfect", "pluperfect", "imperfect"})
_EARLIER = grammar_words("earlier_marks")  # "avait déjà", "à l'époque": back to the past the text told (dates.py)
_THEN_ADVERBS = grammar_words("then_adverbs")  # "avait alors promis", "avait ensuite nié": the time told before
# the dependencies of a non-finite clause on the clause it belongs to ("avait promis d'exonérer", "en tendant")
_CLIMB = frozenset({"xcomp", "advcl", "acl", "obl", "obl:arg", "obl:mod", "conj", "ccomp"})


def _anchors(trigger: Token) -> set[Token]:
    """The words a phrase of the trigger's clause may hang on: the trigger, the words between it and its clause's
    verb, and up through the non-finite clauses it belongs to, the verbs above."""
    return _climb(trigger)[0]


def _climb(trigger: Token) -> tuple[set[Token], Token]:
    """The trigger's anchors (:func:`_anchors`) and the verb the climb stops at: the first finite one, or the verb
    of a clause with its own subject."""
    found = {trigger}
    token = trigger
    for _ in range(12):
        verb = _clause_verb(token)
        while token != verb and token.head != token:
            found.add(token)
            token = token.head
        found.add(verb)
        finite = "Fin" in morph(verb, "VerbForm") or any(c.dep_ in ("aux", "aux:tense") for c in verb.children)
        if finite or verb.dep_ not in _CLIMB or verb.head == verb \
                or any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
            break
        token = verb.head
    return found, verb


def _period(noun: Token) -> bool:
    """The noun names a period of `period_nouns`: its lemma, or its lemma with its modifiers' ("guerre mondiale")."""
    return _period_at(view_of(noun.doc), noun.i)


def _period_at(view: DocView, i: int) -> bool:
    """:func:`_period` of the view's token `i` (read as lists: no Token built)."""
    lemma, lemmas, deps = view.lemma[i], view.lemma, view.dep
    if lemma in _PERIOD_NOUNS:
        return True
    return any(f"{lemma} {lemmas[c]}" in _PERIOD_NOUNS for c in view.kids(i) if deps[c] in ("amod", "nmod"))


def period_phrase(noun: Token) -> bool:
    """The noun heads a period phrase: a noun of `period_nouns` after a preposition of `period_prepositions` ("sous
    le mandat de X", "pendant la présidence de X"): a time, whose owner does nothing in the clause."""
    return noun.pos_ == "NOUN" and _period(noun) \
        and any(c.dep_ in ("case", "fixed") and c.lower_ in _PERIOD_PREPOSITIONS for c in noun.children)


def in_past_period(trigger: Token) -> bool:
    """Whether the trigger's clause, in a past tense, is set in a past period named without a date."""
    if clause_tense(trigger) not in _PAST:
        return False
    anchors = _anchors(trigger)
    sent = trigger.sent
    view = view_of(trigger.doc)  # the sentence's nouns read as lists: a Token built only for a period's
    for i in range(sent.start, sent.end):
        if view.pos[i] != "NOUN" or not _period_at(view, i):
            continue
        noun = view.token(i)
        # up through the frame of the period ("au cours de son mandat", "durant leurs cinq ans de règne")
        # (the phrase the preposition or frame marks is the adjunct: no further up, into a noun it may complete)
        phrase, marked = noun, False
        for _ in range(3):
            marked = any(c.dep_ in ("case", "fixed") and c.lower_ in _PERIOD_PREPOSITIONS for c in phrase.children) \
                or (phrase is not noun and phrase.lemma_.lower() in _PERIOD_FRAMES)
            if marked or phrase.dep_ != "nmod" or phrase.head.pos_ != "NOUN":
                break
            phrase = phrase.head
        if marked and phrase.head in anchors and phrase not in anchors and not _of_subject(phrase):
            return True
    return False


def _of_subject(phrase: Token) -> bool:
    """The period phrase right after the subject's noun completes it ("l'ex-garde des Sceaux sous le mandat de
    François Hollande a déploré": a title of the subject, whatever the parser hung it on)."""
    left = phrase.left_edge
    if left.i == 0:
        return False
    word = left.doc[left.i - 1]
    for _ in range(6):
        if word.pos_ not in ("NOUN", "PROPN", "ADJ") and word.dep_ != "flat:name":
            return False
        if word.dep_ in ("nsubj", "nsubj:pass"):
            return True
        if word.head == word:
            return False
        word = word.head
    return False


def recalled(trigger: Token) -> bool:
    """Whether the trigger's clause recalls the past rather than tells news (:func:`in_past_period`,
    :func:`told_in_simple_past`, :func:`start_of_state`, :func:`describes_antecedent`,
    :func:`names_by_origin`)."""
    return in_past_period(trigger) or told_in_simple_past(trigger) or start_of_state(trigger) \
        or describes_antecedent(trigger) or names_by_origin(trigger)


def names_by_origin(trigger: Token) -> bool:
    """Whether the trigger is the past participle of a verb of `origin_participles` that qualifies the noun before it
    ("le projet proposé par X", "celles promises par Y"), with no auxiliary and no date of its own: the noun named by
    the offer it came from, not an act told. Not where an auxiliary of the sentence before it has no verb of its own
    ("X a pour sa part proposé ...": the parser took the finite verb for a participle on the noun "part")."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "acl" or trigger.lemma_.lower() not in _ORIGIN_PARTICIPLES \
            or "Part" not in morph(trigger, "VerbForm") or "Pres" in morph(trigger, "Tense"):
        return False
    noun = trigger.head
    if noun.pos_ not in ("NOUN", "PRON", "PROPN") or noun.i > trigger.i \
            or any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in trigger.children):
        return False
    doc = trigger.doc
    if any(t.pos_ == "AUX" and t.dep_ != "cop" and not (t.dep_.startswith("aux") and t.head.pos_ in ("VERB", "AUX"))
           for t in doc[trigger.sent.start:trigger.i]):
        return False
    return not date_index(doc).in_range(trigger.left_edge.i, trigger.right_edge.i + 1)


def describes_antecedent(trigger: Token) -> bool:
    """Whether the trigger's act is told, with no date of its own, in a relative clause that describes its antecedent
    by its past: a clause opened by a pronoun of `describing_relatives` on a noun ("l'ancienne ministre, qui avait
    signé l'accord avec ...", "les syndicats qui avaient défilé") in the pluperfect, or in the compound past
    with an aside of `recalled_aside_marks` ("la préfecture, qui a déjà interdit ..."). The act a relative clause tells
    with a date ("le maire, qui avait réclamé mardi ...") is dated by it, and a place's clause ("où ...") is no
    description. The words of the clause's participles, gerunds and infinitives ("qui avait choqué Ankara en
    accusant ...") and its nouns are its act too."""
    anchors, verb = _climb(trigger)
    # a gerund or participle set off by a comma after the relative clause is the main clause's ("X, qui s'était rendu
    # à Ankara, en appelant ...": the parser may hang it on the relative's verb)
    doc = trigger.doc
    if any(t != verb and t.i > verb.i and t.pos_ == "VERB" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","
           for t in anchors):
        return False
    relative = next((c for c in verb.children if c.lower_ in _DESCRIBING and c.i < verb.i
                     and c.dep_ in _RELATIVE_ROLES), None)
    if relative is None or not _on_noun(verb, relative):
        return False
    tense = _compound_tense(verb)
    if tense != "pluperfect" and not (tense == "perfect" and _aside(verb)):
        return False
    return not date_index(trigger.doc).in_range(verb.left_edge.i, verb.right_edge.i + 1)


def _compound_tense(verb: Token) -> str | None:
    """The clause's tense (:func:`clause_tense`), or, where the tagger took its auxiliary for a verb ("qui a par
    ailleurs présidé"), "perfect" or "pluperfect" by the auxiliary's own tense."""
    tense = clause_tense(verb)
    if tense in ("perfect", "pluperfect"):
        return tense
    auxiliary = next((c for c in verb.children if c.dep_ == "aux:tense" and c.i < verb.i), None)
    if auxiliary is None:
        return tense
    own = morph(auxiliary, "Tense")
    return "pluperfect" if "Imp" in own else "perfect" if "Pres" in own else tense


def _on_noun(verb: Token, relative: Token) -> bool:
    """The relative clause's antecedent is a participant: the word the clause hangs on, or, where the parser lost it,
    the one right before the comma before the pronoun ("l'ancienne ministre, qui ..."); a noun or a name that does
    the clause's act ("les syndicats qui avaient défilé"), else a word of a mention of a person, a body, a state
    or a people ("le texte que le ministre avait signé" is no description of a participant, nor "un débat
    qu'avait quitté X": what happened at it). A demonstrative pronoun of `describing_pronouns` that the clause's
    subject stands for is someone described too ("celui qui avait été emprisonné ...")."""
    doc = verb.doc
    if verb.dep_ == "acl:relcl":
        antecedent = verb.head
    elif relative.i >= 2 and doc[relative.i - 1].text == ",":
        antecedent = doc[relative.i - 2]
    else:
        return False
    if antecedent.pos_ == "PRON" and antecedent.lemma_.lower() in _DESCRIBED_PRONOUNS:
        return relative.dep_ in ("nsubj", "nsubj:pass")  # "celui qui avait été emprisonné": someone, by his past
    if antecedent.pos_ not in ("NOUN", "PROPN") or _cleft(antecedent):
        return False
    if relative.dep_ in ("nsubj", "nsubj:pass"):
        return True
    return any(m.label_ in _PARTICIPANT_LABELS and m.start <= antecedent.i < m.end
               for m in doc.spans.get(MENTIONS, []))


def _cleft(antecedent: Token) -> bool:
    """The antecedent is the predicate of a cleft ("c'est la marine qui avait saisi ..."): a copula of
    `cleft_copulas` and a subject of `cleft_subjects` hang on it."""
    kids = list(antecedent.children)
    return any(c.dep_ == "cop" and c.lemma_.lower() in _CLEFT_COPULAS for c in kids) \
        and any(c.dep_.startswith("nsubj") and (c.lemma_.lower() in _CLEFT_SUBJECTS or c.lower_ in _CLEFT_SUBJECTS)
                for c in kids)


def over_adverbs(head: Token) -> Token:
    """The word a chain of adverbs hangs on, from `head` up ("a par ailleurs longtemps présidé": "ailleurs" on
    "longtemps", "longtemps" on "présidé")."""
    for _ in range(3):
        if head.pos_ != "ADV" or head.head == head:
            break
        head = head.head
    return head


def _aside(verb: Token) -> bool:
    """A phrase of `recalled_aside_marks` hangs on the clause's verb ("qui a déjà interdit", "qui a d'ailleurs")."""
    doc = verb.doc
    for token in verb.subtree:
        for n in range(1, _ASIDE_LENGTH + 1):
            start = token.i - n + 1
            if start < verb.left_edge.i:
                break
            phrase = doc[start:token.i + 1]
            if phrase.text.lower() in _ASIDES and any(over_adverbs(t.head) == verb for t in phrase):
                return True
    return False


def start_of_state(trigger: Token) -> bool:
    """Whether the trigger's clause is a relative on a noun of a moment (`moment_nouns`) that a state counts from:
    the noun after "depuis" ("depuis le jour où il a été élu"), or set after a comma right behind a date that follows
    "depuis" ("détenu depuis le 4 mai, jour où il a été interpellé"). The act is the start of the state the sentence
    tells, recalled, when that start is no news: a date of the start (:func:`old_start`) decides; a noun after
    "depuis" with no date is a start long enough ago."""
    verb = _clause_verb(trigger)
    if verb.dep_ != "acl:relcl" or verb.head.lemma_.lower() not in _MOMENT_NOUNS:
        return False
    noun = verb.head
    doc = trigger.doc
    left = noun.left_edge.i
    index = date_index(doc)
    if any(c.dep_ == "case" and c.lower_ in _SINCE_WORDS for c in noun.children):
        dated = index.in_range(left, verb.left_edge.i)  # "depuis le matin du 4 mai où ..."
        return not dated or old_start(dated[0][1], index.published)
    if left == 0 or doc[left - 1].text != ",":
        return False
    # the date right before the comma, after "depuis" ("depuis le 4 mai, jour où ...")
    for span, value, _ in index.in_range(trigger.sent.start, left - 1):
        if span.end == left - 1 and any(t.lower_ in _SINCE_WORDS for t in doc[max(span.start - 1, 0):span.start + 1]):
            return old_start(value, index.published)
    return False


def old_start(value: str, published: str | None) -> bool:
    """The start dated ``value`` is no news: its period ended ``BACKGROUND_DAYS`` or more before the publication (an
    age unknown decides nothing)."""
    age = age_in_days(value, published, since="end")
    return age is not None and age >= BACKGROUND_DAYS


def told_in_pluperfect(trigger: Token) -> bool:
    """Whether the trigger is a verb told in the pluperfect by its own auxiliary ("avait apporté son soutien", "avaient
    été arrêtés"), the tense of what came before the story: background from fewer days before (the coder's
    ``BACKGROUND_DAYS_TOLD``). Not a participle or noun inside such a clause: "l'accord signé en février", in a
    clause "qui avait précédé ...", is dated by its own words."""
    if trigger.pos_ != "VERB" or not any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in trigger.children):
        return False
    return clause_tense(trigger) == "pluperfect"


def told_before_undated(trigger: Token, sentence: Span | None = None) -> bool:
    """Whether the trigger is told in the pluperfect (:func:`told_in_pluperfect`) in a clause of its own: not a clause
    a verb takes as its complement ("a affirmé que les soldats avaient été tués", where the pluperfect is the past
    of the speech), nor one that a word of `then_adverbs` or `earlier_marks` ties to the time the text told before
    ("avait alors promis", "avait déjà condamné": dates.py takes it back to the past told before it), nor one whose
    sentence names a time ("Quelques heures plus tôt, ... avait annoncé"), nor a relative clause that sets a place
    or time of the story ("où", a pronoun not of `describing_relatives`). Such an act with no date, of its own or
    of the narrative, came before the story at a time the article does not give: recalled (the coder drops it when
    its date is a fallback, unless someone reports it). ``sentence``: the sentence the coder reads (the parser's pieces
    re-joined), else the parser's."""
    if not _pluperfect_of_its_own(trigger):
        return False
    return not _times_of(trigger, sentence)  # "Quelques heures plus tôt, ... avait annoncé"


def told_before_long_ago(trigger: Token, sentence: Span | None = None) -> bool:
    """Whether the trigger is told in the pluperfect in a clause of its own (as :func:`told_before_undated` reads it)
    in a sentence whose times are all of a past long before the story: each a calendar date whose period ended
    ``BACKGROUND_DAYS_TOLD`` days or more before the publication, wherever the parser hung it ("Dans son discours
    de mars 2011, le député avait réclamé ...", "Après l'incendie du 3 mai 2016, la ville s'était mobilisée"). The
    pluperfect tells of that past, before the story: recalled, whatever date the narrative lends the act. A time
    the sentence gives that is recent, or that is no calendar date ("quelques heures plus tôt", "pendant deux ans"),
    keeps the act in the story, as an unknown publication date does; but a time with no calendar date that counts from
    another act ("peu avant son départ", :func:`_relative_to_act`) is that act's, and is passed over. ``sentence``: as
    :func:`told_before_undated` reads it."""
    if not _pluperfect_of_its_own(trigger):
        return False
    times = _times_of(trigger, sentence)
    published = date_index(trigger.doc).published
    if published is None:
        return False
    ages = [age_in_days(m._.value, published, since="end") for m in times]
    verb = _clause_verb(trigger)
    # a time with no calendar value that counts from another act ("peu avant son départ", "quelques minutes après
    # l'attaque") is that act's, not the story's, when a date of long ago before the act frames it ("Dans son
    # discours d'août 2014, prononcé peu avant son départ, ...") or its act is no time of the trigger's clause
    # ("... par l'un des frères, quelques minutes après l'attaque, le 7 janvier 2015"): it decides nothing. One
    # that frames the clause alone ("Quelques heures avant le vote, X avait accusé Y de violer l'accord de 2015")
    # is the story's
    framed = any(age is not None and age >= BACKGROUND_DAYS_TOLD and m.start < min(verb.i, trigger.i)
                 for age, m in zip(ages, times, strict=True))
    ages = [age for age, m in zip(ages, times, strict=True)
            if age is not None or not _relative_to_act(m, None if framed else verb)]
    return bool(ages) and all((age or 0) >= BACKGROUND_DAYS_TOLD for age in ages)


def _times_of(trigger: Token, sentence: Span | None) -> list[Span]:
    """The time mentions of ``sentence`` (the coder's), else of the parser's sentence of ``trigger``."""
    sent = sentence if sentence is not None else trigger.sent
    return [m for m in trigger.doc.spans.get(MENTIONS, [])
            if m.label_ in TIME_LABELS and sent.start <= m.start < sent.end]


def _relative_to_act(time: Span, clause: Token | None = None) -> bool:
    """The time counts from a noun after it: its last word, or the word right after it, is the preposition of a noun
    phrase that follows ("peu avant son départ", "quelques minutes après l'attaque"). With ``clause``, a noun that
    is a complement of that clause's verb does not count: the time is the clause's ("Peu avant le vote, X avait
    ...")."""
    doc = time.doc
    for word in (doc[time.end - 1], doc[time.end] if time.end < len(doc) else None):
        if word is not None and word.dep_ == "case" and word.head.i >= time.end \
                and word.head.pos_ in ("NOUN", "PROPN"):
            return clause is None or _clause_verb(word.head) != clause
    return False


def _pluperfect_of_its_own(trigger: Token) -> bool:
    """The trigger is told in the pluperfect (:func:`told_in_pluperfect`) in a clause of its own: not one a verb takes
    as its complement, nor a relative that sets a place or time of the story, nor one tied to the time told before
    (:func:`told_before_undated`)."""
    if not told_in_pluperfect(trigger):
        return False
    verb = _clause_verb(trigger)
    if verb.dep_ in ("ccomp", "csubj"):
        return False
    if any("Rel" in morph(c, "PronType") and c.lower_ not in _DESCRIBING for c in verb.children if c.i < verb.i):
        return False  # "A Marseille, où les enseignants avaient manifesté, ...": a place of the story, no past
    ties = _THEN_ADVERBS | _EARLIER
    return not any(c.lower_ in ties or any(g.lower_ in ties for g in c.children)
                   for c in verb.children if c.dep_ in ("advmod", "obl:mod", "obl"))


def told_in_simple_past(trigger: Token) -> bool:
    """Whether the finite verb of the trigger's clause (or of the clause its participle, infinitive or gerund hangs
    on) is in the passé simple: its own form, or its passive auxiliary's ("fut renversé")."""
    verb = _clause_verb(trigger)
    for _ in range(8):
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass") and c.pos_ == "AUX"]
        if any(a.dep_ != "aux:pass" for a in auxiliaries):
            return False  # a compound tense; the passé antérieur ("après que le maire eut dénoncé") tells news too
        if auxiliaries:
            return any(_simple_past(a) for a in auxiliaries)  # "fut renversé"
        if verb.pos_ in ("VERB", "AUX") and (_simple_past(verb) or "Fin" in morph(verb, "VerbForm")):
            return _simple_past(verb)  # (a form of the passé simple the tagger may read as a participle)
        if verb.head == verb or verb.dep_ == "ROOT" or verb.dep_ not in _CLIMB:
            return False
        verb = _clause_verb(verb.head)
    return False


def _simple_past(verb: Token) -> bool:
    """The form is a third person of the passé simple (grammar.yaml ``simple_past_*``)."""
    form, lemma = verb.lower_, verb.lemma_.lower()
    if form in _SIMPLE_PAST_FORMS:
        return True
    for infinitive, endings in _SIMPLE_PAST_ENDINGS:
        if not lemma.endswith(infinitive) or len(lemma) <= len(infinitive):
            continue
        stem = lemma[: -len(infinitive)]
        for ending in endings:
            if form == stem + ending:
                return True
            for respelled in _SIMPLE_PAST_SPELLINGS.get(stem[-1], ()):
                if form == stem[:-1] + respelled + ending:  # (only before "a" does it make a form)
                    return True
    return False
