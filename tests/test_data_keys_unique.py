"""A key written twice in a YAML mapping is silently overwritten by its second value (PyYAML keeps the last):
a list of words or places added under a key that already exists would drop the first list without a word. Every
shipped data file is read with a loader that refuses such duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

SOURCE = Path(__file__).resolve().parents[1] / "src" / "veille"
DATA_FILES = sorted(SOURCE.rglob("*.yaml"))


class _StrictLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_the_shipped_data_files_are_found() -> None:
    assert len(DATA_FILES) >= 5, DATA_FILES


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_no_key_is_written_twice(path: Path) -> None:
    yaml.load(path.read_text("utf-8"), Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)


def test_the_loader_refuses_a_duplicate() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'IRN'"):
        yaml.load("cities:\n  IRN: [Qom]\n  IRN: [Ispahan]\n", Loader=_StrictLoader)  # noqa: S506


@pytest.mark.parametrize(
    "text",
    [
        "words: [a]\nwords: [b]\n",  # the top level
        "classes:\n  words: [a]\n  other: [c]\n  words: [b]\n",  # a class of grammar.yaml
        "classes:\n  table:\n    key: [a]\n    key: [b]\n",  # a named list inside a class
        "a:\n  b:\n    c:\n      words: [a]\n      words: [b]\n",  # deeper still
        "entries:\n  - words: [a]\n    words: [b]\n",  # a mapping inside a list
        "classes: {words: [a], words: [b]}\n",  # a flow mapping
    ],
    ids=["top", "class", "table", "deep", "in-list", "flow"],
)
def test_a_duplicate_is_refused_at_every_level(text: str) -> None:
    """Not only the top level: a class written twice under ``classes:`` (grammar.yaml) or a key twice in a nested
    table is refused too."""
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'words'|duplicate key 'key'"):
        yaml.load(text, Loader=_StrictLoader)  # noqa: S506
