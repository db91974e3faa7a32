"""The tense of an expression's clause, from its nearest verb cue (future, compound past,
imperfect): it decides which way a bare weekday, month, season or holiday points."""

from __future__ import annotations

import re
from typing import Literal

from veille.events.timex_lexicon import (
    ANNOUNCED,
    FRONT_WORDS,
    FUTURE_ENDING,
    FUTURE_NOT_VERBS,
    FUTURE_WORDS,
    PAST_AUX,
    PAST_IMPERFECT,
    PAST_NOT_VERBS,
    PAST_PARTICIPLE,
    PLANNED,
    PLANNED_LINKS,
    PRESENT_AUX,
    SCHEDULED,
    SCHEDULED_REFLEXIVES,
    SHORT_PARTICIPLES,
    SUBJUNCTIVES,
    _norm,
    plain,
    words,
)

Tense = Literal["past", "future", "auto"]

_CLAUSE_OPENERS = plain("clause_openers")  # the clause ends at them after the expression ("que", "qu'")
# run on the text as written: the openers' straight apostrophe matches a curly one too ("s’il")
_OPENERS = plain("condition_openers").replace("'", "['’]")
_CONDITION = re.compile(rf"[\s,]*{_OPENERS}(?!\w)[^,.;:!?]*,", re.IGNORECASE)
_KEPT_UNFOLDED = frozenset(words("kept_unfolded"))  # looked up as written ("à": folded, the auxiliary "a")


def _future_cue(text: str, start: int, end: int) -> bool:
    """A future or conditional verb is the nearest verb cue of the expression's clause."""
    return clause_tense(text, start, end) == "future"


def _verb_cue(words: list[str], i: int) -> str | None:
    """ "future" / "past" when words[i] is a future or past cue, else None."""
    w = words[i]
    if w in FUTURE_WORDS or w in SUBJUNCTIVES:
        return "future"
    if w in SCHEDULED and i > 0 and words[i - 1] in SCHEDULED_REFLEXIVES:
        return "future"
    if w not in FUTURE_NOT_VERBS and FUTURE_ENDING.match(w):
        return "future"
    if w in PAST_AUX:
        nxt_words = words[i + 1 : i + 3]
        if nxt_words and nxt_words[0] in ANNOUNCED and w in PRESENT_AUX:
            return "future"  # "a lieu samedi", "est prévu dimanche": what is announced
        for nxt in nxt_words:
            if nxt in SHORT_PARTICIPLES or (nxt not in PAST_NOT_VERBS and PAST_PARTICIPLE.match(nxt)):
                return "perfect"
        return None
    if w not in PAST_NOT_VERBS and w not in FUTURE_NOT_VERBS and PAST_IMPERFECT.match(w):
        return "imperfect"
    return None


def _planned_for(before: list[str]) -> bool:
    """The expression completes a participle of plan with no auxiliary ("le sommet, prévu mardi", "programmée pour
    le 15 juin"), not one an auxiliary sets in the past ("était prévu mardi") nor one further back ("prévu par
    l'accord conclu en février")."""
    at = len(before) - 1
    while at >= 0 and before[at] in PLANNED_LINKS:
        at -= 1
    return at >= 0 and before[at] in PLANNED and not (
        at > 0 and (before[at - 1] in PAST_AUX or before[at - 1] in SHORT_PARTICIPLES))


def _word(w: str) -> str:
    """A word as the verb cues are looked up: the preposition "à" stays itself (the lexicon folds it
    to "a", which is the auxiliary: "aura lieu mardi à la mairie" is no compound past)."""
    lowered = w.lower()
    return lowered if lowered in _KEPT_UNFOLDED else _norm(w).split("'")[-1]


def clause_tense(text: str, start: int, end: int, aspect: bool = False) -> str | None:
    """The tense of the clause of text[start:end]: that of its nearest verb cue ("future" for a
    future, conditional or "va/doit + infinitive", "past" for a compound past or an imperfect),
    else None. The clause ends at a stop before, and at a comma or a "que" after, the expression.
    ``aspect``: tell a compound past ("perfect") from an imperfect ("imperfect")."""
    before = re.split(r"[.;:!?\n«»()]", text[max(0, start - 80) : start])[-1]
    bw = [_word(w) for w in re.findall(r"[\w'’-]+", before)][-6:]
    # a fronted expression ("Dimanche, la foire ouvrira", "A Noël, il viendra") belongs to the
    # clause after its comma
    fronted = all(_norm(w) in FRONT_WORDS for w in bw)
    if fronted:
        bw = []
    cut = r"[.;:!?\n«»()]" if fronted else r"[.;:!?\n,«»()]"
    condition = _CONDITION.match(text[end : end + 120]) if fronted else None
    if condition:
        end += condition.end()  # the clause goes on after the condition
    after = re.split(cut + rf"|(?<!\w){_CLAUSE_OPENERS}", text[end : end + 50], flags=re.IGNORECASE)[0]
    aw = [_word(w) for w in re.findall(r"[\w'’-]+", after)][: 6 if fronted else 4]
    if _planned_for(bw):
        return "future"
    best: tuple[int, str] | None = None
    for i in range(len(bw)):
        cue = _verb_cue(bw, i)
        if cue and (best is None or len(bw) - i <= best[0]):
            best = (len(bw) - i, cue)
    for i in range(len(aw)):
        cue = _verb_cue(aw, i)
        if cue and (best is None or i + 1 < best[0]):
            best = (i + 1, cue)
            break
    if best is None:
        return None
    return best[1] if aspect or best[1] == "future" else "past"
