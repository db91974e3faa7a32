"""French temporal expressions: find them and normalise them to TIMEX3 values.

``tag(text, anchor)`` returns every temporal expression of ``text`` as a :class:`Timex`
(character offsets into ``text``, label DATE | TIME | DURATION | SET, TIMEX3 ``value``).
The lexicon (month and day names, number words, relative expressions and their offsets, the
verb cues of tense) lives in ``data/timex.yaml``; the patterns are compiled once, at import.

The tagger is split as HeidelTime splits language resources from rules:

- :mod:`veille.events.timex_lexicon`: ``data/timex.yaml`` read into tables and regex pieces;
- :mod:`veille.events.timex_recognise`: the patterns and the builders of items (recognise);
- :mod:`veille.events.timex_cues`: where the patterns run (cue windows) and which readings win;
- :mod:`veille.events.timex_tense`: the tense of an expression's clause;
- :mod:`veille.events.timex_anchor`: items anchored and normalised to TIMEX3 values;
- :mod:`veille.events.timex_calendar`: calendar arithmetic and :func:`as_calendar`;
- this module: :class:`Timex`, :func:`tag` and the spaCy component.

TIMEX3 conventions (those of the ISO-TimeML French guide and French TimeBank): a part of the
day is written on its day ("hier soir" → 2022-01-10TEV; matin TMO, midi TMI, après-midi TAF,
soir TEV, nuit TNI), a clock time on the day the text is on ("à 18 h" → 2022-01-10T18:00),
decades and centuries are padded with X ("les années 60" → 196X, "le XIXe siècle" → 18XX),
a week-end is its ISO week + "-WE", vague references are PRESENT_REF / PAST_REF / FUTURE_REF
("maintenant", "actuel", "prochaines", "précédent", "aujourd'hui" when it dates no event),
a day of no year is XXXX-MM-DD ("le 15 juillet de chaque année"). A span of days ("du 19 au
23 juillet") is two dates. The tense of the clause (its nearest verb cue, :func:`clause_tense`)
decides which way a bare weekday, season or holiday points.

Resolution (anchor = the document's publication date, ISO, possibly partial):

- Absolute dates keep their own value: "le 22 décembre 2021" → 2021-12-22, "en mars 2021"
  → 2021-03, "en 2021" → 2021, "au XXIe siècle" → 20, "les années 1990" → 199,
  "l'automne 2020" → 2020-FA. A four-digit number is a year after a preposition ("en",
  "de", "depuis"…) or standing alone ("(2020)", "1978, 1986"); not in "2 500 hommes",
  "2000 soldats", nor right after a word ("Vision 2040", "Tour de France 2022": names).
  A month name needs a day, a year or a cue ("en", "depuis", "début", "fin", "mi-"), so
  the planet Mars and the name Mai are left alone.
- A day and month without a year take the year that puts them nearest the anchor,
  preferring one where a given weekday matches ("le 28 décembre" on 2022-01-03 →
  2021-12-28). A month or season alone is the most recent one at or before the anchor
  ("en décembre" on 2022-01-11 → 2021-12).
- A weekday alone is the most recent such day *at or before* the anchor: the anchor day
  itself counts, because news copy names the day of publication by its weekday ("a
  annoncé jeudi" in a Thursday dispatch; the gold files read it so). "dernier" means
  strictly before, "prochain" strictly after, "précédent"/"suivant" are counted from the
  last date the text resolved. A future clause ("se tiendra samedi", "a lieu samedi", "est
  prévu samedi", "rendez-vous samedi") turns it to the first one at or after the anchor, as
  does "ce samedi" unless its clause is past; "mercredi 21" is the 21st that is a Wednesday.
- Deictic expressions ("hier", "il y a cinq jours", "la semaine dernière" → ISO week
  2022-W01, "le mois dernier", "l'an dernier", "cette semaine") count from the anchor:
  they are the writer's "now", so "il y a cinq jours" in a text published 2022-01-11 is
  2022-01-06 even when the text relays an older dispatch.
- Anaphoric expressions ("la veille", "le lendemain", "le jour même", "trois jours plus
  tard", "la semaine précédente") count from the last date the text resolved, else from
  the anchor. "la veille de …"/"au lendemain de …" are relative to an event: in apposition
  to a day ("mardi, au lendemain de l'émeute") they are that day, before a date ("la veille
  du 14 juillet") they count from it, else from the day the text last spoke of (unresolved
  when it spoke of none). "à ce moment-là" is the time the text last gave.
- Without an anchor, the reference is the latest calendar date the text gives before the
  expression, and a weekday is then the nearest such day (±3 days) to it. A day and month
  before any such date count from the latest full date the text gives anywhere; without an
  anchor, a day and month in a future clause ("tiendra le 11 novembre") is the first one after
  the reference. A weekday with a
  day and month ("mardi 13 septembre") with no reference at all takes the year, near the
  first year the text gives, whose calendar matches.
- Direction: a month, season or weekday alone refers to the past (news). ``tense="future"``
  turns them forward; ``tense="auto"`` does so when a future or conditional verb stands
  near the expression in its clause ("inviteraient officiellement mercredi"). The spaCy
  component uses "auto" (``nlp.add_pipe("veille_timex", config={"tense": "past"})`` to change).
- Parts of day: "dans la soirée du 5 janvier" (2022-01-05TEV), "mercredi soir", "la nuit du
  5 au 6 janvier" (2022-01-05TNI, ``end_value`` 2022-01-06) are TIME with day precision.
  Clock times ("à 20h00") are TIME on the day the text last spoke of, else the anchor's
  ("2022-01-11T20:00"); "XXXX-XX-XXT20:00" when there is neither; a clock time followed by
  its day ("vers 0 h 40, jeudi") is placed on that day.
- Vague: "récemment" PAST_REF, "actuellement"/"désormais" PRESENT_REF, "bientôt"
  FUTURE_REF; "quelques heures plus tard" is TIME FUTURE_REF; "il y a quelques jours" is
  DATE PAST_REF; "depuis quelques jours" is DURATION PXD.
- Durations: "depuis un an" P1Y, "pendant trois jours" P3D, "un mois et demi" P1.5M,
  "quatre à six mois" P4M with end_value P6M, "vingt-quatre heures" PT24H.

Unresolvable values keep TIMEX3's X notation ("XXXX-WXX-3", "XXXX-11-11", "XXXX-XX-XX")
with ``precision=None`` and ``anchored=False``. ``precision`` is day | week | month |
season | quarter | year | decade | century for calendar values, None otherwise;
``anchored`` says the value needed the anchor or the text's context. Spans leave out a
leading preposition ("en", "depuis", "dans", "à") but keep determiners and "il y a".
:func:`as_calendar` turns a value into a plain ISO date prefix (2022-W01 → 2022-01) when
there is one.

spaCy: the ``veille_timex`` factory adds one Span per Timex to ``doc.spans["mentions"]``
(label DATE/TIME/DURATION/SET, ``span._.value`` = TIMEX3 value), anchored on
``doc._.published``, and stores the full list of :class:`Timex` objects (with precision,
anchored, end_value) in ``doc.user_data["veille_timex"]``; :func:`doc_timexes` reads it
back (the objects survive ``Doc.to_bytes``, DocBin and ``nlp.pipe(n_process=2)``: a msgpack
encoder is registered for them). The event coder picks the Timex inside a clause by character offsets, e.g.
``[t for t in doc_timexes(doc) if sent.start_char <= t.start < sent.end_char]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from veille.events.timex_anchor import _aside, _Context, _resolution_order, _resolve
from veille.events.timex_calendar import _parse_anchor, as_calendar
from veille.events.timex_cues import _WORD, CUE_MARGIN, _candidates, _is_cue, _windows  # noqa: F401  (tests)
from veille.events.timex_lexicon import TIME_WORDS
from veille.events.timex_recognise import parse_number
from veille.events.timex_tense import Tense, clause_tense
from veille.nlp.extensions import MENTIONS, TIMEX_KEY, doc_text  # importing it registers doc._.published, span._.value

__all__ = [
    "TIME_WORDS",
    "Timex",
    "TimexComponent",
    "USER_DATA_KEY",
    "as_calendar",
    "clause_tense",
    "doc_timexes",
    "parse_number",
    "tag",
]

USER_DATA_KEY = TIMEX_KEY  # doc.user_data key of the Timex records


@dataclass
class Timex:
    """One temporal expression: where it is, what kind, and its TIMEX3 value."""

    start: int
    end: int
    text: str
    label: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    precision: str | None  # day | week | month | season | quarter | year | decade | century | None
    anchored: bool  # resolved against the anchor or the text's earlier dates
    end_value: str | None = None  # for periods ("du 5 au 6 janvier") and duration ranges


_EXPLICIT_YEAR_KINDS = ("date", "monthyear", "year")


def tag(text: str, anchor: str | date | None = None, tense: Tense = "past") -> list[Timex]:
    """Every temporal expression of ``text``, normalised against ``anchor`` (see the module doc).

    ``anchor`` is the publication date (ISO string, possibly partial, or a date). ``tense``
    sets which way a bare month, season or weekday points: "past" (default, news),
    "future", or "auto" (forward when a future/conditional verb is near).
    """
    if not text:
        return []
    cands = _candidates(text)
    explicit_years: list[tuple[int, int]] = []
    for c in cands:
        for it in c.items:
            if it.kind in _EXPLICIT_YEAR_KINDS:
                explicit_years.append((it.start, it.data["y"]))
            elif it.kind in ("period", "season", "quarter") and (it.data.get("y2") or it.data.get("y")):
                explicit_years.append((it.start, it.data.get("y2") or it.data["y"]))
    ctx = _Context(text, _parse_anchor(anchor), tense, explicit_years)
    full = [date(it.data["y"], it.data["m"], it.data["d"]) for c in cands for it in c.items if it.kind == "date"]
    ctx.latest_date = max(full, default=None)
    out: list[Timex] = []
    for it in _resolution_order(text, [it for c in cands for it in c.items]):
        try:
            res = _resolve(it, ctx)
        except (ValueError, OverflowError):
            res = None
        if res is None:
            continue
        out.append(
            Timex(
                it.start,
                it.end,
                text[it.start : it.end],
                res.label,
                res.value,
                res.precision,
                res.anchored,
                res.end_value,
            )  # fmt: skip
        )
        ctx.note(res.point, res.calendar_expr, res.value, told=not _aside(text, it))
        ctx.note_fronted(it.start, it.end, res.point)
        if res.point is not None and res.point.day:
            ctx.last_day_end = it.end
    return sorted(out, key=lambda t: t.start)


# --------------------------------------------------------------------------- spaCy component


def doc_timexes(doc: Doc) -> list[Timex]:
    """The Timex list the ``veille_timex`` component stored on a Doc (empty if it did not run)."""
    stored = doc.user_data.get(USER_DATA_KEY) or []
    return [t if isinstance(t, Timex) else Timex(**t) for t in stored]


class TimexComponent:
    """spaCy component: tags temporal expressions, anchored on ``doc._.published``."""

    def __init__(self, tense: Tense = "auto") -> None:
        self.tense: Tense = tense

    def __call__(self, doc: Doc) -> Doc:
        timexes = tag(doc_text(doc), doc._.published, tense=self.tense)
        doc.user_data[USER_DATA_KEY] = timexes
        spans = []
        taken: set[tuple[int, int]] = set()
        for t in timexes:
            span = doc.char_span(t.start, t.end, label=t.label, alignment_mode="expand")
            if span is None or (span.start, span.end) in taken:
                continue  # two expressions in one token ("2002/2003"): the first one speaks for it
            taken.add((span.start, span.end))
            span._.value = t.value
            spans.append(span)
        if MENTIONS in doc.spans:
            doc.spans[MENTIONS].extend(spans)
        else:
            doc.spans[MENTIONS] = spans
        return doc


if not Language.has_factory("veille_timex"):

    @Language.factory("veille_timex", default_config={"tense": "auto"}, requires=["doc._.published"],
                      assigns=["doc.spans", "span._.value", "doc.user_data"])
    def make_timex(nlp: Language, name: str, tense: Tense) -> TimexComponent:
        return TimexComponent(tense)


# Timex objects in doc.user_data must survive Doc.to_bytes, DocBin and nlp.pipe(n_process>1).


def _timex_to_msgpack(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, Timex):
        return {"__veille_timex__": asdict(obj)}
    return obj if chain is None else chain(obj)


def _timex_from_msgpack(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and "__veille_timex__" in obj:
        return Timex(**obj["__veille_timex__"])
    return obj if chain is None else chain(obj)


if "veille_timex" not in srsly.msgpack_encoders.get_all():
    srsly.msgpack_encoders.register("veille_timex", func=_timex_to_msgpack)
    srsly.msgpack_decoders.register("veille_timex", func=_timex_from_msgpack)
