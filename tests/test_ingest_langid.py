"""Language identification as ingest uses it (veille.ingest.langid: lingua, the script, the
hand rules on close calls), on short news items written for veille in eleven languages
(tests/fixtures/langid/news_items.jsonl) and on the fixture corpus."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import ARTICLES, DEPECHES, FIXTURES, ROOT, read_jsonl

from veille.ingest import langid, langid_rules
from veille.ingest.langid import detect_language

ITEMS = read_jsonl(FIXTURES / "langid" / "news_items.jsonl")


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: f"{item['lang']}:{item['text'][:30]}")
def test_short_news_items(item: dict[str, str]) -> None:
    assert detect_language(item["text"]) == item["lang"]


def test_lingua_alone_would_say_french_of_no_foreign_item() -> None:
    alone = [langid.identify(i["text"], langid.detector(), close_call=0.0) for i in ITEMS if i["lang"] != "fr"]
    assert "fr" not in alone
    ruled = [langid_rules.detect_language(i["text"]) for i in ITEMS if i["lang"] != "fr"]
    assert "fr" in ruled  # what the switch is for: the rules take two Spanish sentences for French


@pytest.mark.parametrize(("text", "lang"), [
    ("Министерство обороны Армении (Reuters, AFP)", "ru"),
    ("Міністерство оборони України заявило", "uk"),
    ("Η κυβέρνηση ανακοίνωσε νέα μέτρα", "el"),
    ("政府宣布新的经济措施", "zh"),
    ("وزارة الدفاع الأرمينية (AFP)", "ar"),
    ("12 345 !", "und"),
    ("", "und"),
    ("— · —", "und"),
])
def test_other_scripts_and_texts_without_letters(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("detect", [langid.detect_language, langid_rules.detect_language], ids=["veille", "rules"])
def test_fixture_texts_and_every_dispatch_sentence(detect) -> None:
    for path in sorted(ARTICLES.glob("*.txt")):
        assert detect(path.read_text("utf-8")) == "fr", path.name
    assert detect((ROOT / "examples" / "corpus" / "002_sommet_turcique.txt").read_text("utf-8")) == "fr"
    assert detect((ROOT / "examples" / "corpus" / "006_english.txt").read_text("utf-8")) == "en"
    for record in read_jsonl(DEPECHES):
        assert detect(record["text"]) == "fr", record["id"]
        for sentence in re.split(r"(?<=[.!?])\s+", record["text"]):
            if len(sentence.split()) >= 4:
                assert detect(sentence) == "fr", (record["id"], sentence)


@pytest.mark.parametrize("detect", [langid.detect_language, langid_rules.detect_language], ids=["veille", "rules"])
def test_french_text_quoting_english_stays_french(detect) -> None:
    text = "Le président a déclaré « we will not back down » devant la presse, selon l'agence Reuters."
    assert detect(text) == "fr"


def test_detector_is_built_once_from_the_data_file() -> None:
    settings = langid.settings()
    assert "fr" in settings["lingua"] and settings["low_accuracy"] is False
    assert langid.detector() is langid.detector()
    names = {c.language.iso_code_639_1.name.lower() for c in langid.detector().compute_language_confidence_values("a")}
    assert names == set(settings["lingua"])


def test_without_lingua_the_hand_rules_answer(monkeypatch: pytest.MonkeyPatch, caplog: Any) -> None:
    import builtins

    real_import = builtins.__import__

    def no_lingua(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "lingua":
            raise ImportError("no lingua")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_lingua)
    langid.detector.cache_clear()
    try:
        assert langid.detector() is None
        assert "hand rules" in caplog.text
        for text in ("Le gouvernement annonce un plan contre la sécheresse", "Police arrest dozens after clashes"):
            assert detect_language(text) == langid_rules.detect_language(text)
    finally:
        langid.detector.cache_clear()


def test_long_texts_are_read_up_to_max_chars() -> None:
    french = "Le gouvernement a annoncé lundi un plan contre la sécheresse dans le sud du pays. "
    english = "The government announced on Monday a plan against the drought in the south of the country. "
    limit = langid.settings()["max_chars"]
    assert detect_language(french * (limit // len(french) + 1) + english * 200) == "fr"
