"""Article highlighting: offsets to escaped HTML (no browser needed)."""

from __future__ import annotations

import re

import yaml

from veille.serve.highlight import anchors, mark_terms, render, runs
from veille.serve.i18n import labels
from veille.store.queries import fold, highlight_regex, search_terms, term_pattern

TEXT = "Le Kazakhstan <b>appelle</b> l'OTSC.\n\nLa Russie envoie des soldats le 6 janvier."


def test_runs_cover_the_text_exactly_and_group_event_sentences() -> None:
    first_end = TEXT.index(".") + 1
    second = TEXT.index("La Russie")
    mentions = [
        {"start": 3, "end": 13, "text": "Kazakhstan", "label": "LOC", "code": "KAZ"},
        {"start": TEXT.index("OTSC") - 2, "end": TEXT.index("OTSC") + 4, "text": "l'OTSC", "label": "ORG"},
        {"start": TEXT.index("OTSC"), "end": TEXT.index("OTSC") + 4, "text": "OTSC", "label": "ORG", "code": "CSTO"},
        {"start": TEXT.index("6 janvier"), "end": len(TEXT) - 1, "text": "6 janvier", "label": "DATE"},
        {"start": 500, "end": 510, "text": "out of range", "label": "PER"},
    ]
    events = [
        {"event_id": "e1", "start": 0, "end": first_end + 2},  # trailing line breaks are trimmed
        {"event_id": "e2", "start": second, "end": len(TEXT)},
        {"event_id": "e3", "start": second, "end": len(TEXT)},
    ]
    found = runs(TEXT, mentions, events)
    assert "".join(text for run in found for text, _ in run.pieces) == TEXT
    assert [run.events for run in found] == [("e1",), (), ("e2", "e3")]
    assert anchors(found) == {"e1": "r0", "e2": "r2", "e3": "r2"}
    innermost = [m for run in found for text, m in run.pieces if text == "OTSC"]
    assert innermost and innermost[0]["code"] == "CSTO"


def test_render_escapes_every_segment() -> None:
    html = str(render(runs(TEXT, [{"start": 3, "end": 13, "label": "LOC", "code": "KAZ", "actor_id": '"><x>'}],
                           [{"event_id": '"onclick="x', "start": 0, "end": 10}])))
    assert "<b>" not in html and "&lt;b&gt;appelle&lt;/b&gt;" in html
    assert '"onclick="x' not in html and "&#34;onclick=&#34;x" in html
    assert "<x>" not in html
    assert html.startswith('<span class="sent" id="r0" data-events="&#34;onclick=&#34;x" tabindex="-1">')
    assert '<mark class="m m-actor" title="LOC · KAZ · &#34;&gt;&lt;x&gt;">Kazakhs</mark></span>' in html


def test_search_terms_fold_and_match_accented_text() -> None:
    assert search_terms('Tokaïev  "maintien de la paix" « OTSC »') == ["tokaiev", "maintien de la paix", "otsc"]
    pattern = re.compile(term_pattern("tokaiev"), re.I)
    assert pattern.search("Kassym-Jomart TOKAÏEV") and not pattern.search("Tokaev")
    assert re.compile(term_pattern("coeur d'etat"), re.I).search("le cœur d’État")
    assert re.compile(term_pattern("nour soultan"), re.I).search("Nour-Soultan")
    assert fold("Œuvre Élysée’s") == "oeuvre elysee's"
    marked = str(mark_terms("<i>Tokaïev</i> et tokaiev", highlight_regex("Tokaïev")))
    assert marked == '&lt;i&gt;<mark class="hit">Tokaïev</mark>&lt;/i&gt; et <mark class="hit">tokaiev</mark>'


def test_labels_exist_in_both_languages() -> None:
    data = labels()

    def keys(tree: dict, prefix: str = "") -> set[str]:
        out = set()
        for key, value in tree.items():
            out |= keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
        return out

    assert keys(data["fr"]) == keys(data["en"])
    assert yaml.safe_dump(data)  # plain data
