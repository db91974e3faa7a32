"""UI labels: French by default, English with ?lang=en.

The words of the interface are in data/labels.yaml; the labels of event types and statuses
(groups `types` and `statuses`) are the event vocabulary's (model/vocabulary.yaml), which must
label both languages: a start-up error otherwise."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from veille.model.vocabulary import load_vocabulary

LANGUAGES = ("fr", "en")
DEFAULT = "fr"


@cache
def labels() -> dict[str, dict[str, Any]]:
    text = resources.files("veille.serve").joinpath("data/labels.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    vocabulary = load_vocabulary()
    missing = [lang for lang in LANGUAGES if lang not in vocabulary.languages]
    if missing:
        raise ValueError(f"{vocabulary.source}: no labels in {', '.join(missing)} "
                         f"(the UI speaks {', '.join(LANGUAGES)})")
    return {lang: {**data[lang], **vocabulary.labels(lang)} for lang in LANGUAGES}


def language(value: str | None) -> str:
    """The UI language asked for, French when none or unknown."""
    return value if value in LANGUAGES else DEFAULT


class Translator:
    """`t("key")`, `t("key", total=3)` (str.format), `t.group("types", "MOBILIZE")`."""

    def __init__(self, lang: str) -> None:
        self.lang = language(lang)
        self._labels = labels()[self.lang]
        self._fallback = labels()[DEFAULT]

    def __call__(self, key: str, **values: Any) -> str:
        text = self._labels.get(key, self._fallback.get(key, key))
        return str(text).format(**values) if values else str(text)

    def group(self, group: str, key: str | None) -> str:
        if key is None:
            return "—"
        return str(self._labels.get(group, {}).get(key) or self._fallback.get(group, {}).get(key) or key)
