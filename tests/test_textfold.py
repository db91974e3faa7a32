"""One text normaliser (issue 15): every folded comparison goes through `veille.textfold`, whose named
variants differ only where their matching must."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from veille import textfold
from veille.textfold import fold_boilerplate, fold_date_text, fold_name, fold_place, fold_query, fold_words

SOURCE = Path(textfold.__file__).parent


def test_no_module_folds_text_its_own_way() -> None:
    own = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "textfold.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.lstrip("_").startswith("fold"):
                own.append(f"{path.relative_to(SOURCE)}:{node.lineno} {node.name}")
    assert not own, own


@pytest.mark.parametrize(("fold", "text", "folded"), [
    (fold_name, "Recep Tayyip Erdoğan", "recep tayyip erdogan"),
    (fold_name, "l’Œuvre  d’Orient", "l'oeuvre d'orient"),
    (fold_name, "Kahramanmaraş – Sud", "kahramanmaras - sud"),
    (fold_place, "Almaty ", "almaty"),
    (fold_place, "Côte d’Ivoire", "cote d'ivoire"),
    (fold_place, "Œuvre", "œuvre"),  # place names never spell the ligature out: it stays
    (fold_words, "Tokaïev a dit: « l’ordre »", "tokaiev a dit: « l’ordre »"),
    (fold_query, "Cœur d’Œuvre", "coeur d'oeuvre"),
    (fold_boilerplate, "« Lire aussi »  :  notre dossier…", "lire aussi : notre dossier"),
    (fold_boilerplate, "Élysée", "élysée"),  # the rules are written with their accents
    (fold_date_text, "1er  Décembre 2024 ", "1er decembre 2024"),
])
def test_each_variant_folds_what_its_matching_needs(fold, text: str, folded: str) -> None:
    assert fold(text) == folded


def test_the_name_variant_is_stable() -> None:
    for text in ("İstanbul", "ǅemal Bijedić", "Straße", "ﬁn"):
        once = fold_name(text)
        assert fold_name(once) == once
