"""Boilerplate rules: each shipped rule, and user rule files."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.ingest.clean import EmptyDocument, RulesError, clean_document, load_rules
from veille.ingest.types import RawDocument

BODY = "Le président kazakh a limogé le gouvernement mercredi soir."


def clean(text: str, fmt: str = "text", **kwargs) -> str:
    return clean_document(RawDocument("t", text, fmt), **kwargs).text


def test_shipped_rules_load_and_have_unique_names() -> None:
    rules = load_rules().rules
    assert len({rule.name for rule in rules}) == len(rules) > 10


def test_paywall_teaser_truncates() -> None:
    teaser = "Il vous reste 52.55% de cet article à lire. La suite est réservée aux abonnés."
    text = f"{BODY}\n\n{teaser}\n\nPlus rien."
    assert clean(text) == BODY


@pytest.mark.parametrize(
    "teaser", ["La suite est réservée aux abonnés.", "Cet article est réservé aux abonnés. Déjà abonné ?"]
)
def test_subscribers_only_truncates(teaser: str) -> None:
    assert clean(f"{BODY}\n\n{teaser}\n\nFin cachée.") == BODY


def test_truncating_rule_at_the_top_only_drops_its_line() -> None:
    assert clean(f"La suite est réservée aux abonnés.\n\n{BODY}") == BODY


def test_syndication_footer_is_dropped_and_captured() -> None:
    doc = clean_document(
        RawDocument("t", f"{BODY}\n\nL’article Un titre est apparu en premier sur Zimo News.", "text")
    )
    assert doc.text == BODY
    assert doc.extra["republished_by"] == "Zimo News"
    assert doc.title == "Un titre"


def test_english_syndication_footer() -> None:
    doc = clean_document(RawDocument("t", f"{BODY}\n\nThe post A title appeared first on Some Site.", "text"))
    assert doc.text == BODY and doc.extra["republished_by"] == "Some Site"


@pytest.mark.parametrize("line", ["Source", "Sources :", "SOURCE"])
def test_lone_source_line(line: str) -> None:
    assert clean(f"{BODY}\n\n{line}") == BODY


def test_source_line_at_the_end_gives_an_outlet() -> None:
    doc = clean_document(RawDocument("t", f"{BODY}\n\nSource : Radio Free Europe", "text"))
    assert doc.text == BODY and doc.outlet == "Radio Free Europe"


@pytest.mark.parametrize(
    "line",
    [
        "Partager",
        "Partager sur Facebook",
        "Facebook Twitter LinkedIn E-mail",
        "Abonnez-vous à notre newsletter",
        "Recevez notre newsletter quotidienne",
        "Suivez-nous sur Telegram",
        "Lire aussi : Kazakhstan, la révolte du gaz",
        "À lire également Le grand entretien",
        "Read more: the full story",
        "Publicité",
        "© AFP",
        "Crédit photo : Reuters",
    ],
)
def test_calls_to_action_are_dropped(line: str) -> None:
    assert clean(f"{BODY}\n{line}\nFin du texte.") == f"{BODY}\n\nFin du texte."


def test_sentences_that_merely_mention_these_words_stay() -> None:
    text = (
        "Selon la source, la newsletter du ministère a été partagée.\n\n"
        "Le partage du pouvoir est en jeu.\n\n"
        "Photos : les manifestants ont envahi la place centrale d'Almaty hier."
    )
    assert clean(text) == text


def test_photo_credit_link_line() -> None:
    text = "*La mairie d'Almaty incendiée.*  \n[Photos Radio Free Europe](#)\n\nSuite."
    assert clean(text, "markdown") == "La mairie d'Almaty incendiée.\n\nSuite."


def test_related_articles_header_truncates() -> None:
    assert clean(f"{BODY}\n\nSur le même sujet\n\nAutre article sans rapport.") == BODY


def test_only_boilerplate_raises_empty_document() -> None:
    with pytest.raises(EmptyDocument):
        clean_document(RawDocument("t", "Partager\n\nSource\n\n**  **", "markdown"))
    assert issubclass(EmptyDocument, ValueError)


def test_user_rules_file_adds_replaces_and_disables(tmp_path: Path) -> None:
    user = tmp_path / "maison.yaml"
    user.write_text(
        "rules:\n"
        "  - name: maison_signature\n"
        "    scope: line\n"
        "    pattern: '^—\\s*(?P<desk>La rédaction[^.]*)$'\n"
        "  - name: lone_source\n"
        "    enabled: false\n"
        "  - name: fin_de_depeche\n"
        "    scope: paragraph\n"
        "    action: truncate\n"
        "    pattern:\n"
        "      - '^FIN'\n"
        "      - ' DE DÉPÊCHE$'\n",
        encoding="utf-8",
    )
    rules = load_rules([user])
    names = [rule.name for rule in rules.rules]
    assert "maison_signature" in names and "lone_source" not in names
    doc = clean_document(
        RawDocument("t", f"{BODY}\n— La rédaction de Paris\n\nSource\n\nFIN DE DÉPÊCHE\n\nx", "text"), rules
    )
    assert doc.text == f"{BODY}\n\nSource"
    assert doc.extra["desk"] == "La rédaction de Paris"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("rules: [", "not valid YAML"),
        ("rules: 3", "'rules' list"),
        ("rules:\n  - scope: line\n", "needs a 'name'"),
        ("rules:\n  - name: x\n    scope: page\n    pattern: a\n", "scope must be one of"),
        ("rules:\n  - name: x\n    pattern: '(('\n", "invalid pattern"),
    ],
)
def test_invalid_rules_files_are_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_rules([path])


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules([tmp_path / "absent.yaml"])
