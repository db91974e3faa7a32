"""Language identification. A text mostly in a script that nearly names a language
(Cyrillic, Arabic, Greek, Han...) is named by its script; a Latin-script text by
lingua-language-detector, restricted to the languages of `data/languages.yaml` and built
once, on first use, with the hand rules (`langid_rules`) settling lingua's close calls and
answering when lingua has no answer or is not installed.

    detect_language("Le gouvernement annonce un plan")   # 'fr'; 'und' when nothing tells
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from veille.ingest import langid_rules

log = logging.getLogger(__name__)

UNDETERMINED = langid_rules.UNDETERMINED


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    text = resources.files("veille.ingest").joinpath("data/languages.yaml").read_text("utf-8")
    return yaml.safe_load(text)  # type: ignore[no-any-return]


def build_detector(codes: list[str], *, low_accuracy: bool = False) -> Any:
    """A lingua detector choosing between these ISO 639-1 languages (models load on first use)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


@lru_cache(maxsize=1)
def detector() -> Any | None:
    """veille's lingua detector, or None when lingua is not installed."""
    try:
        return build_detector(settings()["lingua"], low_accuracy=settings()["low_accuracy"])
    except ImportError:
        log.warning("lingua-language-detector is not installed: language identification uses the hand rules")
        return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' when there is too little to tell."""
    return identify(text, detector(), close_call=settings()["close_call"])


def identify(text: str, lingua: Any | None, *, close_call: float) -> str:
    sample = text[: settings()["max_chars"]]
    letters = "".join(filter(str.isalpha, sample))
    if not letters:
        return UNDETERMINED
    if named := langid_rules.script_language(letters):
        return named
    ranked = lingua.compute_language_confidence_values(sample) if lingua is not None else []
    if not ranked or ranked[0].value == 0:
        return langid_rules.detect_language(sample)
    if len(ranked) > 1 and ranked[0].value - ranked[1].value < close_call:
        ruled = langid_rules.detect_language(sample)
        if ruled != UNDETERMINED:
            return ruled
    return str(ranked[0].language.iso_code_639_1.name.lower())
