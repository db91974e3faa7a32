"""The contracts between veille's spaCy components are declared, met and documented.

- every component declares what it `assigns` and `requires` in its `@Language.factory`;
- every veille attribute a component requires is assigned by a component before it in the
  pipeline, or set by the caller (`nlp.extensions.CALLER_SETS`);
- every Doc/Span extension read in the source is registered by `nlp/extensions.py`, no
  `user_data` key is spelt out of it, and ARCHITECTURE.md names every extension and key.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from spacy.language import Language

from veille.nlp import extensions
from veille.nlp.pipeline import COMPONENTS

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "veille"
ARCHITECTURE = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
# what veille's components share (the model's token attributes are spaCy's business)
SHARED = re.compile(r"^(doc|span)\._\.|^doc\.(spans|user_data)$")


def factory_metas():
    for name, module in COMPONENTS:
        importlib.import_module(module)
        yield name, Language.get_factory_meta(name)


def test_every_component_declares_what_it_assigns_and_requires() -> None:
    for name, meta in factory_metas():
        assert meta.assigns, f"{name} declares no assigns"
        assert meta.requires, f"{name} declares no requires"


def test_what_a_component_requires_is_assigned_before_it() -> None:
    given = {attr.split("[")[0] for attr in extensions.CALLER_SETS}
    for name, meta in factory_metas():
        missing = [attr for attr in meta.requires if SHARED.match(attr) and attr not in given]
        assert not missing, f"{name} requires {missing}, which no component before it assigns"
        given |= set(meta.assigns)


def test_declared_extensions_are_registered() -> None:
    registered = {f"doc._.{n}" for n in extensions._DOC_ATTRS} | {f"span._.{n}" for n in extensions._SPAN_ATTRS}
    for name, meta in factory_metas():
        declared = {a for a in (*meta.assigns, *meta.requires) if "._." in a}
        assert declared <= registered, f"{name}: {declared - registered} not in nlp/extensions.py"


def test_the_source_reads_only_registered_extensions_and_named_user_data_keys() -> None:
    registered = set(extensions._DOC_ATTRS) | set(extensions._SPAN_ATTRS)
    for path in SOURCE.rglob("*.py"):
        text = path.read_text("utf-8")
        used = set(re.findall(r"\._\.([a-z_]+)", text))
        assert used <= registered, f"{path.relative_to(ROOT)}: {used - registered} not registered"
        literal = _user_data_literals(ast.parse(text))
        assert not literal, f"{path.relative_to(ROOT)}: user_data key {literal} spelt out (use nlp/extensions.py)"


def _user_data_literals(tree: ast.AST) -> list[str]:
    """Keys written as string literals in `x.user_data[...]` and `x.user_data.get(...)`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_user_data(node.value):
            key = node.slice
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args \
                and node.func.attr in ("get", "pop", "setdefault") and _is_user_data(node.func.value):
            key = node.args[0]
        else:
            continue
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            found.append(key.value)
    return found


def _is_user_data(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "user_data"


def test_architecture_names_every_contract() -> None:
    for name in extensions._DOC_ATTRS:
        assert f"doc._.{name}" in ARCHITECTURE, name
    for name in extensions._SPAN_ATTRS:
        assert f"_.{name}" in ARCHITECTURE, name
    for key in (extensions.TEXT_KEY, extensions.TIMEX_KEY, extensions.EXPLAIN_KEY):
        assert f'doc.user_data["{key}"]' in ARCHITECTURE, key
    assert f'doc.spans["{extensions.MENTIONS}"]' in ARCHITECTURE
