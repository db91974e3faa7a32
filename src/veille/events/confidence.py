"""How sure veille is of a coded event: a logistic model over what the coder saw.

`event_features` describes each event the coder makes by a few dozen general features (its
type, how the trigger sits in the parse, whether the sides are named in the sentence or
inferred from the document, its status, tense and date, how crowded and how long the sentence is);
`placement_features` adds where it stands in its document (its sides' sectors, where their codes come from,
the days since the act, the sentence's place). The weights are learnt from the gold sets and the hand-judged
samples by ``scripts/train_confidence.py`` (scikit-learn, grouped cross-validation) and stored as data in
``data/confidence.json``, with the threshold under which an event is not emitted. Applying them needs no
scikit-learn: a dot product.

A user can pass another weights file (component config ``model``) or another threshold.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veille.events.dates import age_in_days
from veille.events.status import QUESTION_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from veille.events.arguments import Arguments, Party
    from veille.events.dates import EventDate
    from veille.events.lexicon import Entry

DEFAULT_MODEL = "confidence.json"
POLITICS_EDGES = (0.2, 0.4, 0.6, 0.8)  # buckets of doc._.politics (events/topic.py)
# days from the event's date to the article's: the same day or so, the week, the month, the year, before
GAP_EDGES = (2, 8, 32, 366)
# sentences from an event's sentence back to the last one naming its side's code: the same, the one before, the
# paragraph, further
DISTANCE_EDGES = (1, 2, 4)


def load_weights(path: str | Path | None, default: str, kind: str, floats: tuple[str, ...] = (),
                 optional: tuple[str, ...] = (), tables: dict[str, str] | None = None) -> dict | None:
    """A trained logistic model's file, `path` or the packaged `data/<default>` (None when none is shipped):
    its weights, bias, the named numbers in `floats` (0.0 when absent) and in `optional` (None when absent),
    the named tables of numbers in `tables` (file name → returned name; empty when absent), and where it was
    read."""
    if path:
        source: Any = Path(path)
    else:
        source = resources.files("veille.events") / "data" / default
        if not source.is_file():
            return None
    try:
        data = json.loads(source.read_text("utf-8"))
        return {"weights": {str(k): float(v) for k, v in data["weights"].items()}, "bias": float(data["bias"]),
                **{name: float(data.get(name, 0.0)) for name in floats},
                **{name: None if data.get(name) is None else float(data[name]) for name in optional},
                **{out: {str(k): float(v) for k, v in (data.get(name) or {}).items()}
                   for name, out in (tables or {}).items()},
                "source": str(source)}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{source}: not a {kind} model ({exc})") from exc


def logistic(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class ConfidenceModel:
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.0  # an asserted or reported event under it is not emitted
    # the same for a planned, hypothetical or negated event, which claims nothing happened (the threshold when
    # the file has none)
    threshold_nonfactual: float | None = None
    source: str = ""
    # per lexicon entry (ENTRY_KEY), the log-odds of its events being right against all events', learnt from the
    # gold (smoothed): how often the entry's trigger is the event it codes
    priors: dict[str, float] = field(default_factory=dict)
    # pairs of feature-name prefixes whose products are features too (`crossed`): how a side was found weighs
    # differently by genre
    crosses: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # per slot of `meaning_vectors` (MEANING_SLOTS), what the model reads of its vector (`meaning_features`)
    meaning: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConfidenceModel:
        data = load_weights(path, DEFAULT_MODEL, "confidence", floats=("threshold",),
                            optional=("threshold_nonfactual",), tables={"entry_priors": "priors"})
        if not data:
            return cls(source="none")  # not trained yet: the coder's own weights stand
        source = Path(data["source"]) if path else resources.files("veille.events") / "data" / DEFAULT_MODEL
        return cls(**data, crosses=read_crosses(source), meaning=read_meaning(source))

    @property
    def trained(self) -> bool:
        return bool(self.weights)

    def meaning_features(self, vectors: dict[str, Any]) -> dict[str, float]:
        """What the model reads of an event's word vectors (`meaning_vectors`), per slot of its `meaning`: the
        vector's projection on the slot's learnt axis (plus its offset), "meaning_<slot>", or which of the slot's
        centroids it is nearest to, "meaning_<slot>=<k>". A slot the event leaves empty gives nothing."""
        import numpy as np

        f: dict[str, float] = {}
        for slot, params in self.meaning.items():
            vector = vectors.get(slot)
            if vector is None:
                continue
            if "centroids" in params:
                f[f"meaning_{slot}={int(np.argmax(params['centroids'] @ vector))}"] = 1.0
            else:
                f[f"meaning_{slot}"] = float(params["axis"] @ vector) + params["offset"]
        return f

    def probability(self, features: dict[str, float]) -> float:
        return logistic(self.bias, self.weights, crossed(with_prior(features, self.priors), self.crosses))


Cross = tuple[tuple[str, ...], tuple[str, ...]]


def read_crosses(source: Any) -> tuple[Cross, ...]:
    """The model file's ``crosses``: pairs of lists of feature-name prefixes (none when absent)."""
    try:
        raw = json.loads(source.read_text("utf-8")).get("crosses") or []
        return tuple((tuple(str(p) for p in a), tuple(str(p) for p in b)) for a, b in raw)
    except (ValueError, TypeError, AttributeError) as exc:
        raise ValueError(f"{source}: not a confidence model ({exc})") from exc


def read_meaning(source: Any) -> dict[str, dict[str, Any]]:
    """The model file's ``meaning``: per slot of `meaning_vectors`, an axis and offset, or centroids, as arrays
    (none when absent)."""
    import numpy as np

    try:
        raw = json.loads(source.read_text("utf-8")).get("meaning") or {}
        return {str(slot): {"centroids": np.asarray(p["centroids"], dtype=np.float32)} if "centroids" in p
                else {"axis": np.asarray(p["axis"], dtype=np.float32), "offset": float(p.get("offset", 0.0))}
                for slot, p in raw.items()}
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise ValueError(f"{source}: not a confidence model ({exc})") from exc


def crossed(features: dict[str, float], crosses: tuple[Cross, ...] | list) -> dict[str, float]:
    """`features` with, for each pair of prefix lists in `crosses`, the product of every feature named by the first
    with every other one named by the second, named "a&b"."""
    if not crosses:
        return features
    out = dict(features)
    for left, right in crosses:
        lefts = [(k, v) for k, v in features.items() if k.startswith(tuple(left))]
        if not lefts:
            continue
        rights = [(k, v) for k, v in features.items() if k.startswith(tuple(right))]
        for a, va in lefts:
            for b, vb in rights:
                if a != b and va and vb:
                    out[f"{a}&{b}"] = va * vb
    return out


ENTRY_KEY = "entry="  # the lexicon entry an event was coded from: not a feature, the key of its prior


def entry_key(entry: Entry) -> str:
    return f"{ENTRY_KEY}{entry.lemma}|{entry.type}|{entry.mode or ''}"


def with_prior(features: dict[str, float], priors: dict[str, float]) -> dict[str, float]:
    """`features` with its entry's key replaced by the entry's prior (0.0, the average, for an entry the gold
    never showed)."""
    keys = [k for k in features if k.startswith(ENTRY_KEY)]
    if not keys:
        return features
    out = {k: v for k, v in features.items() if not k.startswith(ENTRY_KEY)}
    out["entry_prior"] = priors.get(keys[0][len(ENTRY_KEY):], 0.0)
    return out


def bucket(value: float, edges: tuple[float, ...]) -> int:
    """Index of the first edge ``value`` is below (len(edges) when above all)."""
    for i, edge in enumerate(edges):
        if value < edge:
            return i
    return len(edges)


_DEPS = frozenset({"ROOT", "acl", "acl:relcl", "advcl", "ccomp", "xcomp", "conj", "obj", "obl:arg", "obl:mod", "nmod",
                   "nsubj", "nsubj:pass", "appos", "amod"})


def _named(party: Party, sent: Span) -> bool:
    return bool(party.text) and party.token is not None and sent.start <= party.token.i < sent.end


def event_features(token: Token, entry: Entry, args: Arguments, event_type: str, status: str, actor: list[Party],
              recipient: list[Party], reporter: dict | None, when: EventDate, published: str | None, sent: Span,
              size: dict, heuristic: float) -> dict[str, float]:
    """What the confidence model reads of one event: general properties, never words of a text."""
    text = sent.text
    before = text[:token.idx - sent.start_char]
    dep = token.dep_ if token.dep_ in _DEPS else "other"
    f: dict[str, float] = {
        f"type={event_type}": 1.0, f"pos={token.pos_}": 1.0, f"dep={dep}": 1.0, f"status={status}": 1.0,
        f"type_pos={event_type}|{token.pos_}": 1.0, "heuristic": heuristic, "weight": entry.weight,
        f"len={bucket(len(text), (120, 250, 400, 600))}": 1.0,
        f"at={bucket((token.i - sent.start) / max(1, len(sent)), (0.2, 0.5, 0.8))}": 1.0,
    }
    if any(p.token is not None and p.token.pos_ == "PRON" for p in actor):
        f["actor_pronoun"] = 1.0
    elif any(_named(p, sent) for p in actor):
        f["actor_named"] = 1.0
    elif all(not p.text for p in actor):
        f["actor_inferred"] = 1.0
    else:
        f["actor_elsewhere"] = 1.0
    if not recipient:
        f["recipient_none"] = 1.0
    elif any(_named(p, sent) for p in recipient):
        f["recipient_named"] = 1.0
    else:
        f["recipient_inferred"] = 1.0
    if any(p.generic for p in actor):
        f["actor_generic"] = 1.0
    if {p.code for p in actor} & {p.code for p in recipient}:
        f["same_side"] = 1.0
    if args.explicit:
        f["explicit"] = 1.0
    if args.passive:
        f["passive"] = 1.0
    if reporter:
        f["reporter_coded" if reporter.get("code") else "reporter_uncoded"] = 1.0
    if when.fallback:
        f["date_fallback"] = 1.0
    elif published and when.date and when.date[:4] < published[:4]:
        f["date_past_year"] = 1.0
    if size:
        f["sized"] = 1.0
    if (before.count('"') + before.count("«") - before.count("»")) % 2 == 1:
        f["quoted"] = 1.0
    if text.rstrip().endswith(tuple(QUESTION_MARKS)):
        f["question"] = 1.0
    f[f"tense={_tense(token)}"] = 1.0
    f[f"clause={clause(token)}"] = 1.0
    if published and _past_year(sent, published):
        f["sentence_past_year"] = 1.0
    f[entry_key(entry)] = 1.0
    # how the lexicon entry reads its trigger (its flags, not its word)
    for flag in ("sym", "transparent", "victim", "needs_cause", "needs_size", "needs_args", "not_saying", "deontic"):
        if getattr(entry, flag):
            f[f"entry_{flag}"] = 1.0
    if token.pos_ == "NOUN":
        dets = [c for c in token.children if c.dep_ == "det"]
        if any("Def" in c.morph.get("Definite") for c in dets):
            f["noun_definite"] = 1.0
        elif not dets:
            f["noun_bare"] = 1.0
        if "Plur" in token.morph.get("Number"):
            f["noun_plural"] = 1.0
    return f


# the words whose vectors tell what a text is about (`meaning_vectors`): content words, not the tool words
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# the words of an event whose meaning the model may read (`meaning_vectors`), and the document's (`document_vector`)
MEANING_SLOTS = ("trigger", "theme", "subject", "recipient", "sentence", "document")


def _unit(vector) -> Any:
    """`vector` scaled to length 1 (float32), or None when it is none or null (a word the model has no vector of)."""
    import numpy as np

    if vector is None:
        return None
    vector = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else None


def _mean_vector(tokens) -> Any:
    """The unit mean of the unit vectors of the content words among `tokens` (None when they have none)."""
    import numpy as np

    found = [v for v in (_unit(t.vector) for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop
                         and t.has_vector) if v is not None]
    return _unit(np.mean(found, axis=0)) if found else None


def meaning_vectors(token: Token, args: Arguments, actor: list[Party], recipient: list[Party],
                    sent: Span) -> dict[str, Any]:
    """What an event's words are about, as the model's word vectors (unit length; a slot the event leaves empty is
    absent): its trigger, the thing its clause acts on (`args.theme`), the word naming its subject (the actor the
    sentence names, else the trigger's subject), the recipient the sentence names, and the sentence's content
    words."""
    found: dict[str, Any] = {"trigger": _unit(token.vector), "sentence": _mean_vector(sent)}
    if args.theme is not None:
        found["theme"] = _unit(args.theme.vector)
    subject = next((p.token for p in actor if _named(p, sent)), None) or next(
        (c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is not None:
        found["subject"] = _unit(subject.vector)
    named = next((p.token for p in recipient if _named(p, sent)), None)
    if named is not None:
        found["recipient"] = _unit(named.vector)
    return {k: v for k, v in found.items() if v is not None}


def document_vector(doc) -> Any:
    """The document's content words' mean vector (`meaning_vectors`'s "document"): what the article is about."""
    return _mean_vector(doc)


# how many events a document tells as news, and how many of them are of an event's type (`document_features`)
DOC_EVENTS_EDGES = (3, 8, 20)
SAME_TYPE_EDGES = (2, 3, 5)
# a text of fewer sentences (a headline, a brief, a test sentence) is too short for its count of events to say what
# it is about: its events carry no document feature, the level the model's centred one-hot weights read as average
DOC_MIN_SENTENCES = 6


def document_features(events: list[dict], sentences: int = DOC_MIN_SENTENCES) -> list[dict[str, float]]:
    """Per event of a document's `events` (all those it tells as news, before the model judges them), what the
    document as a whole says of it: how many events it tells (a lone event in an article about something else is
    seldom one the article is about) and how many of them are of the event's type (an act the article tells again
    and again is its story). Counts, never words; none for a document of fewer than `DOC_MIN_SENTENCES`
    `sentences`."""
    if sentences < DOC_MIN_SENTENCES:
        return [{} for _ in events]
    types = Counter(e["type"] for e in events)
    size = f"doc_events={bucket(len(events), DOC_EVENTS_EDGES)}"
    return [{size: 1.0, f"same_type={bucket(types[e['type']], SAME_TYPE_EDGES)}": 1.0} for e in events]


def _past_year(sent: Span, published: str) -> bool:
    """Whether the sentence names a year before the article's (a number of four digits)."""
    try:
        now = int(published[:4])
    except ValueError:
        return False
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() and 1800 <= int(t.text) < now for t in sent)


# the clause a trigger's verb heads, by its dependency (and, for a clause of "acl" or "advcl", its verb form and
# whether a conjunction opens it)
def clause(token: Token) -> str:
    """How the clause of the trigger (or of the verb a noun trigger hangs from) sits in its sentence: "main",
    "relative" ("qui a signé"), "participial" ("signé la veille", "ayant signé"), "subordinate" (opened by a
    conjunction: "après qu'il a signé"), "complement" (what is said or wanted), "noun" (no verb above it),
    "other"."""
    verb = token
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "noun"
    dep = verb.dep_
    while dep == "conj" and verb.head is not verb:
        verb = verb.head
        dep = verb.dep_
    if dep == "ROOT":
        return "main"
    if dep == "acl:relcl":
        return "relative"
    if dep in ("advcl", "acl"):
        if any(c.dep_ == "mark" for c in verb.children):
            return "subordinate"
        return "participial" if "Part" in verb.morph.get("VerbForm") or dep == "acl" else "adverbial"
    if dep in ("ccomp", "xcomp", "csubj"):
        return "complement"
    return "other"


def _tense(token: Token) -> str:
    """The tense of the trigger's verb, or of the verb a noun trigger hangs from ("noun" when none): its
    morphology and its auxiliary's ("avait signé" is a pluperfect, told as background)."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head if token.head.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return "noun"
    prefix = "" if verb is token else "head_"
    aux = [c for c in verb.children if c.dep_ in ("aux", "aux:tense")]
    if aux:
        morph = aux[0].morph
        if "Cnd" in morph.get("Mood"):
            return prefix + "cond_perfect"
        return prefix + {"Imp": "pluperfect", "Fut": "future_perfect", "Past": "past_anterior"}.get(
            next(iter(morph.get("Tense")), ""), "perfect")
    morph = verb.morph
    form = next(iter(morph.get("VerbForm")), "")
    if form in ("Inf", "Part"):
        return prefix + form.lower()
    if "Cnd" in morph.get("Mood") or "Sub" in morph.get("Mood"):
        return prefix + next(iter(morph.get("Mood"))).lower()
    return prefix + {"Pres": "present", "Imp": "imperfect", "Past": "simple_past", "Fut": "future"}.get(
        next(iter(morph.get("Tense")), ""), "other")


def placement_features(event: dict, sentence_codes: set[str], anchored: set[str], focus: list[str],
                       published: str | None,
                       politics: float | None, ordinary_doc: bool, ordinary_sides: bool, sentence: int,
                       sentences: int, heading: bool,
                       distance: dict[str, int | None] | None = None) -> dict[str, float]:
    """What the confidence model reads of where an event stands in its document, from the coded event:
    the sectors of its sides (a company, a court, civilians or a government, an army), whether each side's
    code is one the sentence anchors, only names or one the document lends (its focus), the document's topic by type,
    how long before the article the act is dated, the sentence's place (a heading, the lead), how many sentences
    back each side's code was last named (`distance`, by role: None when never before). Never words."""
    f: dict[str, float] = {}
    for role in ("actor", "recipient"):
        parties = event[role]
        if not parties:
            continue
        for party in parties:
            f[f"{role}_sector={party['sector'] or 'none'}"] = 1.0
        if any(p["actor_id"] for p in parties):
            f[f"{role}_linked"] = 1.0
        codes = {p["code"] for p in parties}
        # its codes anchored in the sentence (a known actor, a place, a nationality), only named there (a code
        # the linker lent a description), or lent by the document
        source = "anchored" if codes <= anchored else "sentence" if codes <= sentence_codes else "document"
        f[f"{role}_code_{source}"] = 1.0
        if focus and focus[0] in codes:
            f[f"{role}_focus"] = 1.0
    if ordinary_doc:
        f["ordinary_doc"] = 1.0
    if ordinary_sides:
        f["ordinary_sides"] = 1.0
    f[f"politics|{event['type']}"] = 1.0 if politics is None else politics
    gap = None if event.get("date_fallback") else age_in_days(event.get("date"), published, since="end")
    if gap is not None:
        f[f"gap={'after' if gap < 0 else bucket(gap, GAP_EDGES)}"] = 1.0
    f[f"sentence={bucket(sentence, (1, 2, 5, 15))}"] = 1.0
    f[f"sentences={bucket(sentences, (4, 11, 31))}"] = 1.0
    if heading:
        f["heading"] = 1.0
    for role, gap in (distance or {}).items():
        f[f"{role}_distance={'none' if gap is None else bucket(gap, DISTANCE_EDGES)}"] = 1.0
    return f
