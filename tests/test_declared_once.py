"""What the model declares is declared once (issue 16: the code names roles, the data holds the words): no module
declares its own set of PLOVER type names (the vocabulary's flags say which types play a role) nor its own set of
the labels of time or place mentions (`veille.model.TIME_LABELS`, `PLACE_LABELS`)."""

from __future__ import annotations

import ast
from pathlib import Path

import veille
from veille.model import PLACE_LABELS, TIME_LABELS
from veille.model.vocabulary import load_vocabulary

SOURCE = Path(veille.__file__).parent


def _string_collections(tree: ast.Module) -> list[tuple[int, set[str]]]:
    """(line, strings) of every set, tuple or list literal (frozenset({...}) included) made of two or more strings
    that a module-level name is given."""
    found = []
    values = [node.value for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign) and node.value]
    for node in (inner for value in values for inner in ast.walk(value)):
        if isinstance(node, ast.Set | ast.Tuple | ast.List) and len(node.elts) > 1 \
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            found.append((node.lineno, {e.value for e in node.elts}))
    return found


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text("utf-8"))) for path in sorted(SOURCE.rglob("*.py"))]


def test_no_module_lists_the_types_that_play_a_role() -> None:
    types = set(load_vocabulary().types)
    lists = [f"{path.relative_to(SOURCE)}:{line} {sorted(strings)}" for path, tree in _modules()
             for line, strings in _string_collections(tree) if len(strings & types) > 1]
    assert not lists, lists


def test_the_labels_of_time_mentions_are_declared_once() -> None:
    assert {"DATE", "TIME", "DURATION", "SET"} == TIME_LABELS
    own = [f"{path.relative_to(SOURCE)}:{line}" for path, tree in _modules() if path.parent.name != "model"
           for line, strings in _string_collections(tree) if {"DURATION", "SET"} <= strings]
    assert not own, own


def test_the_labels_of_place_mentions_are_declared_once() -> None:
    assert {"LOC", "GPE", "FAC"} == PLACE_LABELS
    own = [f"{path.relative_to(SOURCE)}:{line}" for path, tree in _modules() if path.parent.name != "model"
           for line, strings in _string_collections(tree) if strings >= PLACE_LABELS]
    assert not own, own
