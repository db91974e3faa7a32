"""A day named right after a verb, and what the parser hangs on it. fr_core_news_md reads the words that complement
the verb after "lundi", "mercredi" as the day's own ("a promis mercredi de ruiner X": the infinitive a modifier of
the day; "a appelé jeudi les Français à voter": the object the day's). veille_attachments, right after the parser,
hangs them back on the verb (data/attachments.yaml: the day words and the relations moved): the coder then finds the
verb's infinitive and object where they belong. (The day the parser reads as the verb's object, "a refusé mardi de
...", is left as it is: the coder reads such a day as a time wherever it hangs.)"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Token


@cache
def _data() -> tuple[frozenset[str], dict[str, str]]:
    text = resources.files("veille.nlp").joinpath("data/attachments.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return frozenset(data.get("days") or []), dict(data.get("moved") or {})


def _marked_infinitive(token: Token) -> bool:
    return token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm") and any(
        c.dep_ == "mark" and c.i < token.i for c in token.children)


def reattach(doc: Doc) -> Doc:
    """Hang back on its verb what the parser hung on a bare day that modifies it (a day with no preposition nor
    determiner of its own: "mercredi", not "le mercredi suivant" nor "depuis lundi")."""
    days, moved = _data()
    for day in doc:
        verb = day.head
        if day.lemma_.lower() not in days or verb == day or verb.pos_ != "VERB" or day.i < verb.i \
                or day.dep_ not in ("obl:mod", "obl", "obj") \
                or any(c.dep_ in ("case", "det") for c in day.children):
            continue
        for child in list(day.children):
            relation = moved.get(child.dep_)
            if relation is None or child.i < day.i:
                continue
            if child.dep_ == "acl" and not _marked_infinitive(child):
                continue  # ("mercredi dernier", "lundi qui vient": the day's own)
            child.head = verb
            child.dep_ = relation
    return doc


@Language.component("veille_attachments", assigns=["token.dep", "token.head"], requires=["token.dep", "token.head"])
def attachments(doc: Doc) -> Doc:
    return reattach(doc)
