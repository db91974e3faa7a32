"""Morphological features of a token, parsed once per analysis: ``token.morph.get`` parses the
features again on every call, and the event coder asks for them thousands of times per document."""

from __future__ import annotations

from spacy.tokens import Token

# hash of a morphological analysis → its features; a model has a few hundred distinct analyses
_PARSED: dict[int, dict[str, tuple[str, ...]]] = {}


def morph(token: Token, field: str) -> tuple[str, ...]:
    """The values of ``field`` in ``token``'s analysis, as ``token.morph.get(field)`` (empty if absent)."""
    analysis = token.morph
    parsed = _PARSED.get(analysis.key)
    if parsed is None:
        parsed = _PARSED[analysis.key] = _parse(str(analysis))
    return parsed.get(field, ())


def _parse(feats: str) -> dict[str, tuple[str, ...]]:
    """"Mood=Ind|Number=Sing|PronType=Int,Rel" → {"Mood": ("Ind",), ..., "PronType": ("Int", "Rel")}."""
    out: dict[str, tuple[str, ...]] = {}
    for feature in feats.split("|"):
        name, sep, values = feature.partition("=")
        if sep:
            out[name] = tuple(values.split(","))
    return out


def present_participle(token: Token) -> bool:
    """The token is a present participle ("accusant", "levant")."""
    return "Part" in morph(token, "VerbForm") and "Pres" in morph(token, "Tense")
