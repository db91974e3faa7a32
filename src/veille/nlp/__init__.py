"""The spaCy side of veille: the pipeline and the Doc extensions its components share."""

from enum import StrEnum


class NerMode(StrEnum):
    """Where the model's statistical NER runs."""

    unknown = "unknown"  # only on sentences with a capitalised word no knowledge-base name covers
    all = "all"  # on every sentence, as the model ships
    off = "off"  # nowhere: names the knowledge base does not know are not mentions


def ner_mode(value: NerMode | str) -> NerMode:
    """`value` as a NerMode, or a ValueError naming the modes."""
    try:
        return NerMode(value)
    except ValueError:
        raise ValueError(f"ner must be one of {', '.join(NerMode)}, not {value!r}") from None
