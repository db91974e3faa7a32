"""RawDocument → clean Document: Markdown and boilerplate removed, metadata found, language set.

Cleaning is one pass (`_clean_pass`) repeated until the text stops changing, so that the
result is a fixed point: cleaning a clean text changes nothing.

One pass:
1. split into lines (Markdown block syntax interpreted, inline syntax removed);
2. line rules from the boilerplate files: drop lines, truncate, capture metadata;
3. group lines into paragraphs (headings, list items and hard line breaks stand alone);
4. paragraph rules, the same way;
5. title: the container's title or a captured title hint when it appears as a paragraph
   (short section labels before it are dropped), else the first heading or short line;
6. re-join paragraphs that Markdown broke mid-sentence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from veille.ingest.dates import normalize_date, parse_date, precision_of
from veille.ingest.decode import normalize_text
from veille.ingest.langid import detect_language
from veille.ingest.markdown import Line, collapse_spaces, looks_like_markdown, split_lines
from veille.ingest.types import Document, RawDocument
from veille.textfold import fold_boilerplate as _fold

SHIPPED_RULES = "boilerplate.yaml"
HEAD_LINES, TAIL_LINES = 8, 8
HEAD_PARAGRAPHS, TAIL_PARAGRAPHS = 5, 5
MAX_PASSES = 12
METADATA_FIELDS = ("title", "byline", "published", "outlet", "url")
DATE_GROUPS = ("published", "updated")

_SCOPES = ("line", "paragraph")
_ACTIONS = ("drop", "truncate", "keep")
_WHERE = ("anywhere", "head", "tail", "last")


class EmptyDocument(ValueError):
    """Nothing is left of the document once boilerplate and markup are removed."""


class RulesError(ValueError):
    """A boilerplate rules file is missing, not YAML, or has an invalid rule."""


@dataclass(frozen=True)
class Rule:
    name: str
    scope: str
    pattern: re.Pattern[str]
    action: str = "drop"
    where: str = "anywhere"
    raw: bool = False

    def match(self, text: str) -> dict[str, str] | None:
        """The captured groups when the rule matches (a 'published' group must be a date), else None."""
        found = self.pattern.search(text)
        if found is None:
            return None
        groups = {name: collapse_spaces(value) for name, value in found.groupdict().items() if value}
        if "published" in groups and parse_date(groups["published"]) is None:
            return None
        return groups


@dataclass
class BoilerplateRules:
    rules: list[Rule] = field(default_factory=list)

    def scoped(self, scope: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.scope == scope]


def _pattern_text(value: Any, where: str) -> str:
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return "".join(value)
    if isinstance(value, str):
        return value
    raise RulesError(f"{where}: 'pattern' must be a string or a list of strings")


def _parse_rules(data: Any, origin: str) -> list[tuple[str, Rule | None]]:
    """(name, rule) pairs of one rules file; rule None means 'disable this name'."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulesError(f"{origin}: expected a mapping with a 'rules' list")
    parsed: list[tuple[str, Rule | None]] = []
    for number, item in enumerate(data["rules"], 1):
        where = f"{origin}: rule {number}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise RulesError(f"{where}: each rule needs a 'name'")
        name = item["name"]
        where = f"{origin}: rule {name!r}"
        if item.get("enabled", True) is False:
            parsed.append((name, None))
            continue
        scope = item.get("scope", "line")
        action = item.get("action", "drop")
        position = item.get("where", "anywhere")
        for key, value, allowed in (
            ("scope", scope, _SCOPES),
            ("action", action, _ACTIONS),
            ("where", position, _WHERE),
        ):
            if value not in allowed:
                raise RulesError(f"{where}: {key} must be one of {', '.join(allowed)}, not {value!r}")
        try:
            pattern = re.compile(_pattern_text(item.get("pattern"), where))
        except re.error as error:
            raise RulesError(f"{where}: invalid pattern ({error})") from error
        raw = bool(item.get("raw", False))
        parsed.append((name, Rule(name, scope, pattern, action, position, raw)))
    return parsed


def load_rules(extra: Sequence[Path | str] = ()) -> BoilerplateRules:
    """The shipped rules plus those of each extra YAML file, in order (same name replaces)."""
    sources: list[tuple[str, str]] = [
        (
            f"veille:{SHIPPED_RULES}",
            resources.files("veille.ingest").joinpath("data", SHIPPED_RULES).read_text("utf-8"),
        )
    ]
    for path in extra:
        try:
            sources.append((str(path), Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise RulesError(f"{path}: cannot read rules file ({error})") from error
    by_name: dict[str, Rule | None] = {}
    for origin, text in sources:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise RulesError(f"{origin}: not valid YAML ({error})".replace("\n", " ")) from error
        for name, rule in _parse_rules(data, origin):
            by_name.pop(name, None)  # a replaced rule moves to its new place
            by_name[name] = rule
    return BoilerplateRules([rule for rule in by_name.values() if rule is not None])


_DEFAULT_RULES: BoilerplateRules | None = None


def _default_rules() -> BoilerplateRules:
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = load_rules()
    return _DEFAULT_RULES


# --- one pass ---------------------------------------------------------------------------

_TERMINAL = ".!?…:;"
_CLOSERS = "»”\"')]’*_ "
_OPENERS = "«“\"‘'([„‹"
# Words a sentence cannot end on: a paragraph ending with one was cut by the markup.
_DANGLING_WORDS = (
    "le la les l' un une des du de d' au aux à et ou que qu' qui dont par pour avec sans sous sur dans "
    "vers chez entre the an of to and or with from for by at"
)
_DANGLING = frozenset(_DANGLING_WORDS.split())
_LABEL_WORDS = 5


@dataclass
class _Paragraph:
    text: str
    heading: bool = False


@dataclass
class _Found:
    """What one pass found in the text."""

    hints: dict[str, str] = field(default_factory=dict)
    title: str | None = None

    def capture(self, groups: dict[str, str]) -> None:
        for name, value in groups.items():
            self.hints.setdefault(name, value)


def _positions(count: int, head: int, tail: int) -> tuple[set[int], set[int]]:
    return set(range(min(head, count))), set(range(max(0, count - tail), count))


def _allowed(rule: Rule, position: int, head: set[int], tail: set[int], count: int) -> bool:
    if rule.where == "head":
        return position in head
    if rule.where == "tail":
        return position in tail
    if rule.where == "last":
        return position == count - 1
    return True


def _apply_rules(
    texts: list[str], raws: list[str], rules: list[Rule], found: _Found, head_size: int, tail_size: int
) -> list[int]:
    """Indexes of the items to keep, after drop/truncate rules; captures go into `found`."""
    count = len(texts)
    head, tail = _positions(count, head_size, tail_size)
    dropped: set[int] = set()
    truncate_at: list[int] = []
    for index, (text, raw) in enumerate(zip(texts, raws, strict=True)):
        for rule in rules:
            if not _allowed(rule, index, head, tail, count):
                continue
            groups = rule.match(raw if rule.raw else text)
            if groups is None:
                continue
            found.capture(groups)
            if rule.action == "drop":
                dropped.add(index)
            elif rule.action == "truncate":
                truncate_at.append(index)
    cut = count
    for index in truncate_at:
        if any(i not in dropped for i in range(index)):
            cut = min(cut, index)
        else:
            dropped.add(index)
    return [i for i in range(cut) if i not in dropped]


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _starts_lowercase(text: str) -> bool:
    """True when the first letter, after opening quotes and spaces, is lowercase."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _last_word(text: str) -> str:
    text = text.replace("’", "'").rstrip('»”")]*_ ').lower()  # an elided "l'" keeps its apostrophe
    words = re.findall(r"[^\W\d_]+'?", text)
    return words[-1] if words else ""


def _continues(previous: str, following: str) -> bool:
    """True when `following` carries on the sentence `previous` left open."""
    if not previous or not following or _ends_sentence(previous):
        return False
    if _starts_lowercase(following):
        return True
    first = following.lstrip(_OPENERS + " ")
    return (
        _last_word(previous) in _DANGLING and bool(first) and (first[0].isalnum() or following[0] in _OPENERS)
    )


def _group(lines: list[Line], markdown: bool) -> list[_Paragraph]:
    """Paragraphs from lines: blank lines separate; headings and list items stand alone."""
    paragraphs: list[_Paragraph] = []
    current: list[str] = []
    previous: Line | None = None
    one_per_line = not markdown and not any(line.kind == "blank" for line in lines)

    def close() -> None:
        if current:
            paragraphs.append(_Paragraph(" ".join(current)))
            current.clear()

    for line in lines:
        if line.kind == "blank":
            close()
        elif line.kind == "heading":
            close()
            paragraphs.append(_Paragraph(line.text, heading=True))
        else:
            joins = bool(current) and previous is not None and line.kind == "text"
            if joins and previous is not None:
                if markdown:
                    joins = not previous.hard_break
                else:
                    joins = (
                        not one_per_line
                        and not _ends_sentence(previous.text)
                        and (len(previous.text) >= 50 or _starts_lowercase(line.text))
                    )
            if not joins:
                close()
            current.append(line.text)
        previous = line if line.kind != "blank" else None
    close()
    return paragraphs


def _is_label(paragraph: _Paragraph) -> bool:
    text = paragraph.text
    return len(text.split()) <= _LABEL_WORDS and not re.search(r"[.!?…:;,]", text)


def _is_title_like(paragraph: _Paragraph) -> bool:
    words = paragraph.text.split()
    if not 3 <= len(words) <= 30 or len(paragraph.text) > 220:
        return False
    return paragraph.heading or not paragraph.text.rstrip(_CLOSERS).endswith((".", ",", ";", ":"))


def _find_title(paragraphs: list[_Paragraph], hint: str | None) -> tuple[list[_Paragraph], str | None]:
    """The title, and the paragraphs without the section labels that came before a known title."""
    if hint:
        wanted = _fold(hint)
        for index, paragraph in enumerate(paragraphs[: HEAD_PARAGRAPHS + 1]):
            if _fold(paragraph.text) == wanted:
                if all(_is_label(p) for p in paragraphs[:index]):
                    paragraphs = paragraphs[index:]
                return paragraphs, paragraph.text
        return paragraphs, hint
    for paragraph in paragraphs[:3]:
        if _is_title_like(paragraph):
            return paragraphs, paragraph.text
        if not _is_label(paragraph):
            break
    return paragraphs, None


def _rejoin(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    joined: list[_Paragraph] = []
    for paragraph in paragraphs:
        if joined and _continues(joined[-1].text, paragraph.text):
            space = "" if joined[-1].text.endswith(("'", "’")) else " "
            joined[-1] = _Paragraph(f"{joined[-1].text}{space}{paragraph.text}", joined[-1].heading)
        else:
            joined.append(paragraph)
    return joined


def _clean_pass(
    text: str, fmt: str, rules: BoilerplateRules, container_title: str | None
) -> tuple[str, _Found]:
    found = _Found()
    markdown = fmt == "markdown" or looks_like_markdown(text)
    lines = split_lines(text, markdown)
    content = [i for i, line in enumerate(lines) if line.kind != "blank"]
    keep = _apply_rules(
        [lines[i].text for i in content],
        [lines[i].raw for i in content],
        rules.scoped("line"),
        found,
        HEAD_LINES,
        TAIL_LINES,
    )
    kept_lines = set(content[k] for k in keep)
    cut = content[keep[-1]] if keep else -1
    lines = [line for i, line in enumerate(lines) if i in kept_lines or (line.kind == "blank" and i < cut)]
    paragraphs = _group(lines, markdown)
    texts = [p.text for p in paragraphs]
    keep = _apply_rules(texts, texts, rules.scoped("paragraph"), found, HEAD_PARAGRAPHS, TAIL_PARAGRAPHS)
    paragraphs = [paragraphs[i] for i in keep]
    paragraphs, found.title = _find_title(paragraphs, container_title or found.hints.get("title"))
    paragraphs = _rejoin(paragraphs)
    return "\n\n".join(p.text for p in paragraphs if p.text), found


# --- the document -----------------------------------------------------------------------


def _clean_value(value: str | None) -> str | None:
    if value is None:
        return None
    value = collapse_spaces(normalize_text(value)).strip(" |,;·•–—-")
    return value or None


def clean_text(raw: RawDocument, rules: BoilerplateRules | None = None) -> tuple[str, dict[str, str]]:
    """The clean text of a raw document and the metadata found in it (first pass wins)."""
    rules = rules or _default_rules()
    text = normalize_text(raw.text)
    container_title = _clean_value(raw.title)
    found: dict[str, str] = {}
    for _ in range(MAX_PASSES):
        cleaned, this_pass = _clean_pass(text, raw.format, rules, container_title)
        for name, value in this_pass.hints.items():
            found.setdefault(name, value)
        if this_pass.title:
            found.setdefault("found_title", this_pass.title)
        if cleaned == text:
            break
        text = cleaned
    return text, found


def _merge_extra(found: dict[str, str]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for name, value in found.items():
        if name in METADATA_FIELDS or name == "found_title":
            continue
        if name in DATE_GROUPS:
            value = normalize_date(value) or value
        extra[name] = value
    return extra


def clean_document(raw: RawDocument, rules: BoilerplateRules | None = None) -> Document:
    """Clean a raw document. Container metadata wins over what the text says.

    Raises EmptyDocument (a ValueError) when no text is left.
    """
    text, found = clean_text(raw, rules)
    if not text.strip():
        raise EmptyDocument("no text left after removing markup and boilerplate")
    published = normalize_date(raw.published) or normalize_date(found.get("published"))
    return Document(
        doc_id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        source=raw.source,
        text=text,
        format=raw.format,
        title=_clean_value(raw.title) or _clean_value(found.get("found_title")),
        byline=_clean_value(raw.byline) or _clean_value(found.get("byline")),
        published=published,
        published_precision=precision_of(published),
        outlet=_clean_value(raw.outlet) or _clean_value(found.get("outlet")),
        url=_clean_value(raw.url) or _clean_value(found.get("url")),
        site=raw.site,
        lang=detect_language(text),
        extra=_merge_extra(found),
    )
