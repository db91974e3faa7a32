"""What readers produce and what cleaning returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """A document as read, before cleaning. Metadata is whatever the container gave."""

    source: str  # file path, else the record's url, else its id
    text: str  # decoded text: Markdown/plain text, or text extracted from HTML/feeds
    format: str  # text | markdown | html | record | feed
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO date, possibly partial ("2022-01")
    outlet: str | None = None  # the outlet the container declares (record field, site name, feed title)
    url: str | None = None
    site: str | None = None  # home page of the publication the container names (a feed's channel link)


@dataclass
class ReadFailure:
    """A file or record that could not be read, with a one-line reason."""

    source: str
    reason: str


@dataclass
class Document:
    """A clean document, ready for NLP and storage."""

    doc_id: str
    source: str
    text: str
    format: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    published_precision: str | None = None  # day | month | year
    outlet: str | None = None
    url: str | None = None
    site: str | None = None
    lang: str = "und"
    # the outlet profile it was linked to (ingest.outlets), None when unknown
    outlet_id: str | None = None
    outlet_kind: str | None = None
    outlet_country: str | None = None
    outlet_state: str | None = None  # controlling state of a state_controlled or party_government outlet
    extra: dict[str, str] = field(default_factory=dict)  # e.g. republished_from
