"""Why the event coder made an event of a trigger candidate, or did not (`veille explain`).

The reasons are data (``data/reasons.yaml``: an id, the stage where the candidate goes, a line in French and in
English); each place of ``coder.py`` that lets a candidate go names its id. The coder records them only in a
:class:`Trace` the caller puts on the Doc (``doc.user_data[EXPLAIN_KEY]``, ``nlp/extensions.py``) before the
pipeline runs: with none (the ingest, the evaluation) nothing is recorded, and the events are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from veille.datafile import read_located
from veille.events.lexicon import Entry

REASONS_FILE = "veille/events/data/reasons.yaml"
STAGES = ("candidate", "code", "event")
LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Reason:
    id: str
    stage: str  # candidate: set aside before coding; code: no event came out; event: coded, not emitted
    fr: str
    en: str

    def line(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


@cache
def reasons() -> dict[str, Reason]:
    """The reasons of ``data/reasons.yaml`` by id, checked (a stage or a language missing is an error naming the
    file and line)."""
    located = read_located(resources.files("veille.events").joinpath("data/reasons.yaml"), REASONS_FILE)
    table = (located.value or {}).get("reasons")
    if not isinstance(table, dict) or not table:
        raise located.error(("reasons",), "a mapping of reason ids is needed")
    out = {}
    for rid, spec in table.items():
        if not isinstance(spec, dict) or set(spec) != {"stage", *LANGUAGES}:
            raise located.error(("reasons", rid), f"needs exactly stage, {', '.join(LANGUAGES)}")
        if spec["stage"] not in STAGES:
            raise located.error(("reasons", rid, "stage"), f"one of {', '.join(STAGES)}")
        if not all(isinstance(spec[lang], str) and spec[lang].strip() for lang in LANGUAGES):
            raise located.error(("reasons", rid), "a line of text in each language")
        out[rid] = Reason(rid, spec["stage"], spec["fr"], spec["en"])
    return out


def _sides(parties: Any) -> list[dict]:
    """The parties found so far (arguments.Party or exported dicts), as the text names them and their code."""
    out = []
    for p in parties or ():
        text, code = (p.get("text"), p.get("code")) if isinstance(p, dict) else (p.text, p.code)
        out.append({"text": text, "code": code})
    return out


@dataclass
class Trace:
    """What the coder did with each trigger candidate of one document, sentence by sentence."""

    sentences: list[dict] = field(default_factory=list)
    _current: dict | None = None  # the candidate being coded
    _events: dict[int, dict] = field(default_factory=dict)  # id of a coded event dict → its record

    # --- what the coder calls (only when a trace was asked for) ---
    def sentence(self, start: int, end: int) -> None:
        self.sentences.append({"start": start, "end": end, "candidates": []})

    def _candidate(self, token: Token, entry: Entry) -> dict:
        record = {"word": token.text, "start": token.idx, "end": token.idx + len(token.text),
                  "lemma": entry.lemma, "type": entry.type, "mode": entry.mode,
                  "drops": [], "events": [], "set_aside": None}
        self.sentences[-1]["candidates"].append(record)
        return record

    def set_aside(self, token: Token, entry: Entry, reason: str, by: Token | None = None) -> None:
        record = self._candidate(token, entry)
        record["set_aside"] = {"reason": reason, "by": by.text if by is not None else None}

    def begin(self, token: Token, entry: Entry) -> None:
        self._current = self._candidate(token, entry)

    def drop(self, reason: str, actor: Any = (), recipient: Any = ()) -> None:
        if self._current is not None:
            self._current["drops"].append({"reason": reason, "actor": _sides(actor), "recipient": _sides(recipient)})

    def coded(self, events: list[dict]) -> None:
        for event in events:
            record = {"event": event, "cut": None, "threshold": None}
            self._events[id(event)] = record
            if self._current is not None:
                self._current["events"].append(record)
        self._current = None

    def cut(self, event: dict, reason: str, **info: Any) -> None:
        record = self._events.get(id(event))
        if record is not None and record["cut"] is None:
            record["cut"] = {"reason": reason, **info}

    def judged(self, event: dict, threshold: float | None) -> None:
        record = self._events.get(id(event))
        if record is not None:
            record["threshold"] = threshold

    # --- what the caller reads ---
    def report(self, text: str, lang: str = "en") -> list[dict]:
        """Each sentence the coder read, with its candidates: the trigger word (offsets, lemma, PLOVER type and
        mode) and its outcome, ``event`` (the events it gave, each kept or cut with a reason), ``dropped`` (the
        reason and the sides found so far) or ``set_aside`` (the reason, and the trigger that took its place)."""
        table = reasons()

        def why(reason: str | None) -> dict:
            known = table.get(reason or "")
            return {"reason": reason, "stage": known.stage if known else None,
                    "explanation": known.line(lang) if known else "no reason recorded"}

        out = []
        for sent in self.sentences:
            candidates = []
            for record in sent["candidates"]:
                item = {k: record[k] for k in ("word", "start", "end", "lemma", "type", "mode")}
                if record["set_aside"] is not None:
                    item.update(outcome="set_aside", **why(record["set_aside"]["reason"]), by=record["set_aside"]["by"])
                elif record["events"]:
                    events = [_event_outcome(r, why) for r in record["events"]]
                    item.update(outcome="event" if any(e["kept"] for e in events) else "cut", events=events)
                    if record["drops"]:
                        item["drops"] = [{**why(d["reason"]), "actor": d["actor"], "recipient": d["recipient"]}
                                         for d in record["drops"]]
                else:
                    drop = record["drops"][-1] if record["drops"] else {"reason": None, "actor": [], "recipient": []}
                    item.update(outcome="dropped", **why(drop["reason"]), actor=drop["actor"],
                                recipient=drop["recipient"])
                candidates.append(item)
            out.append({"start": sent["start"], "end": sent["end"], "text": text[sent["start"]:sent["end"]],
                        "candidates": candidates})
        return out


def _event_outcome(record: dict, why: Any) -> dict:
    event = record["event"]
    out = {"type": event["type"], "mode": event["mode"], "actor": _sides(event["actor"]),
           "recipient": _sides(event["recipient"]), "status": event["status"], "date": event["date"],
           "confidence": event["confidence"], "threshold": record["threshold"], "kept": record["cut"] is None}
    if record["cut"] is not None:
        cut = dict(record["cut"])
        out.update(why(cut.pop("reason")), **cut)
    return out
