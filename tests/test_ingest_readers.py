"""Readers: each format, folders, stdin, sniffing. Real files in tmp_path, real parsers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import ARTICLES, DEPECHES

from veille.ingest.readers import iter_raw, sniff
from veille.ingest.types import RawDocument, ReadFailure

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="fr"><head>
<title>Évacuation à Erevan - Le Courrier</title>
<meta name="author" content="Anna Petrossian">
<meta property="article:published_time" content="2022-01-07T10:00:00+01:00">
<meta property="og:site_name" content="Le Courrier d'Erevan">
<link rel="canonical" href="https://courrier.example/evacuation">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article>
<h1>Évacuation à Erevan</h1>
<p>Le ministère arménien de la Défense a déclaré vendredi 7 janvier qu'il avait envoyé 100 soldats
au Kazakhstan dans le cadre d'une opération de maintien de la paix dirigée par la Russie.</p>
<p>Le porte-parole du ministère des Affaires étrangères a déclaré qu'Erevan n'avait pas encore prévu
d'évacuer les citoyens arméniens du Kazakhstan, où les troubles se poursuivent.</p>
</article>
<footer>© 2022 Le Courrier — Mentions légales</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Le Courrier</title><link>https://courrier.example/</link>
<item>
  <title>Erevan &amp; Bakou</title>
  <link>https://courrier.example/a1</link>
  <pubDate>Tue, 13 Sep 2022 23:30:00 -0500</pubDate>
  <author>redaction@courrier.example (Jean Dupont)</author>
  <description><![CDATA[<p>L'Arménie et l'Azerbaïdjan se sont affrontés <b>mardi</b>.</p>
  <p>Le bilan est lourd.</p>]]>
  </description>
</item>
<item>
  <title>Deuxième entrée</title>
  <guid isPermaLink="false">urn:courrier:2</guid>
  <description>Texte simple de la seconde entrée du flux.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Nouvelles d'Asie centrale</title>
  <link href="https://asie.example/"/>
  <id>urn:asie</id>
  <updated>2022-11-11T12:00:00Z</updated>
  <entry>
    <title>Sommet à Samarcande</title>
    <link href="https://asie.example/samarcande"/>
    <id>urn:asie:1</id>
    <published>2022-11-11T09:00:00+05:00</published>
    <author><name>Dilnoza Karimova</name></author>
    <content type="html">&lt;p&gt;Les chefs d'État de l'Organisation des États turciques
    se sont réunis.&lt;/p&gt;
    &lt;p&gt;Ils ont signé plusieurs accords.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*paths: Path | str, **kwargs) -> list[RawDocument | ReadFailure]:
    return list(iter_raw([str(p) for p in paths], **kwargs))


def only_doc(items: list[RawDocument | ReadFailure]) -> RawDocument:
    assert len(items) == 1, items
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


# --- text and Markdown ---------------------------------------------------------------------


def test_plain_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Le Kazakhstan opère un rapprochement.\n\nDeuxième paragraphe.\n")
    doc = only_doc(read_all(path))
    assert doc.format == "text"
    assert doc.source == str(path)
    assert doc.text.startswith("Le Kazakhstan opère")


@pytest.mark.parametrize(
    "body",
    ["# Titre\n\nTexte.", "Un **gras** ici.", "Voir [le site](https://x.fr).", "Lien <https://x.fr/a>."],
)
def test_markdown_detected_in_txt_file(tmp_path: Path, body: str) -> None:
    doc = only_doc(read_all(write(tmp_path / "a.txt", body)))
    assert doc.format == "markdown"


def test_md_extension_without_markdown_syntax_is_text(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path / "note.md", "Une simple phrase sans balisage.")))
    assert doc.format == "text"


def test_article_01_is_markdown_in_a_txt_file() -> None:
    doc = only_doc(read_all(next(ARTICLES.glob("01_*.txt"))))
    assert doc.format == "markdown"
    assert only_doc(read_all(next(ARTICLES.glob("02_*.txt")))).format == "text"


# --- HTML ------------------------------------------------------------------------------------


def test_html_article_with_metadata(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path / "page.html", ARTICLE_HTML)))
    assert doc.format == "html"
    assert doc.title == "Évacuation à Erevan"
    assert doc.byline == "Anna Petrossian"
    assert doc.published == "2022-01-07"
    assert doc.outlet == "Le Courrier d'Erevan"
    assert "envoyé 100 soldats" in doc.text
    assert "Accueil" not in doc.text and "Mentions légales" not in doc.text
    assert "\n\n" in doc.text  # paragraphs kept


def test_html_body_dates_are_not_taken_for_the_publication_date(tmp_path: Path) -> None:
    page = ARTICLE_HTML.replace(
        '<meta property="article:published_time" content="2022-01-07T10:00:00+01:00">', ""
    )
    doc = only_doc(read_all(write(tmp_path / "page.htm", page)))
    assert doc.published is None


# --- JSON --------------------------------------------------------------------------------------


def test_jsonl_records_and_field_aliases(tmp_path: Path) -> None:
    lines = [
        {
            "id": "r1",
            "url": "https://a.example/1",
            "title": "T1",
            "published": "2022-01",
            "text": "Premier texte.",
            "author": "A. Auteur",
            "outlet": "a.example",
        },
        {
            "id": "r2",
            "content": "Deuxième texte.",
            "date": "2022-02-03",
            "byline": "B. Auteur",
            "site": "b.example",
        },
        {"body": "Troisième texte."},
    ]
    path = write(
        tmp_path / "r.jsonl", "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
    )
    first, second, third = read_all(path)
    assert (
        isinstance(first, RawDocument) and isinstance(second, RawDocument) and isinstance(third, RawDocument)
    )
    assert (first.source, first.url, first.title, first.published, first.byline, first.outlet) == (
        "https://a.example/1",
        "https://a.example/1",
        "T1",
        "2022-01",
        "A. Auteur",
        "a.example",
    )
    assert first.format == "record"
    assert (second.source, second.text, second.published, second.byline, second.outlet) == (
        "r2",
        "Deuxième texte.",
        "2022-02-03",
        "B. Auteur",
        "b.example",
    )
    assert third.source == f"{path}#3"


def test_ndjson_extension(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path / "r.ndjson", '{"id": "x", "text": "Bonjour."}\n')))
    assert doc.source == "x"


def test_json_array_single_record_and_nested_list(tmp_path: Path) -> None:
    array = write(tmp_path / "a.json", json.dumps([{"id": "1", "text": "Un."}, {"text": "Deux."}]))
    single = write(tmp_path / "b.json", json.dumps({"url": "https://s.example/x", "text": "Seul."}))
    nested = write(tmp_path / "c.json", json.dumps({"articles": [{"id": "n1", "body": "Imbriqué."}]}))
    items = read_all(array, single, nested)
    assert [i.source for i in items] == ["1", f"{array}#2", "https://s.example/x", "n1"]
    assert all(isinstance(i, RawDocument) for i in items)


def test_record_html_body_becomes_paragraphs(tmp_path: Path) -> None:
    record = {"id": "h", "text": "<p>Premier paragraphe.</p><p>Second <em>paragraphe</em>.</p>"}
    doc = only_doc(read_all(write(tmp_path / "h.jsonl", json.dumps(record))))
    assert doc.text == "Premier paragraphe.\n\nSecond paragraphe."


def test_dispatches_give_26_documents_with_their_metadata() -> None:
    items = read_all(DEPECHES)
    assert len(items) == 26
    assert all(isinstance(item, RawDocument) for item in items)
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.published == "2024-10-07" and first.outlet == "steppe-info.kz" and first.source.startswith("https://")
    assert first.title == "Le Kazakhstan accueille les exercices de l'OTSC" and first.format == "record"


# --- feeds ---------------------------------------------------------------------------------------


def test_rss_feed_entries(tmp_path: Path) -> None:
    items = read_all(write(tmp_path / "flux.rss", RSS))
    first, second = items
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.format == "feed"
    assert first.source == first.url == "https://courrier.example/a1"
    assert first.title == "Erevan & Bakou"
    assert first.byline == "Jean Dupont"  # from "redaction@courrier.example (Jean Dupont)"
    assert first.published == "2022-09-13"  # the date as written, not shifted to UTC
    assert first.outlet == "Le Courrier"
    assert first.text == "L'Arménie et l'Azerbaïdjan se sont affrontés mardi.\n\nLe bilan est lourd."
    assert second.url is None and second.source == "urn:courrier:2"


def test_atom_feed_entries(tmp_path: Path) -> None:
    doc = only_doc(read_all(write(tmp_path / "flux.atom", ATOM)))
    assert doc.title == "Sommet à Samarcande"
    assert doc.byline == "Dilnoza Karimova"
    assert doc.published == "2022-11-11"
    assert doc.outlet == "Nouvelles d'Asie centrale"
    assert doc.text.split("\n\n") == [
        "Les chefs d'État de l'Organisation des États turciques se sont réunis.",
        "Ils ont signé plusieurs accords.",
    ]


def test_feed_saved_with_another_extension_is_sniffed(tmp_path: Path) -> None:
    items = read_all(write(tmp_path / "export.txt", RSS), write(tmp_path / "export.dat", RSS))
    assert [i.format for i in items if isinstance(i, RawDocument)] == ["feed"] * 4


# --- sniffing, folders, stdin ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (RSS, "feed"),
        (ATOM, "feed"),
        (ARTICLE_HTML, "html"),
        ('[{"text": "a"}]', "json"),
        ('{"text": "a"}', "json"),
        ('{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ("[Photos](#) Une légende.", "text"),
        ("Du texte simple.", "text"),
    ],
)
def test_sniff(content: str, kind: str) -> None:
    assert sniff(content) == kind


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    items = read_all(
        write(tmp_path / "a.page", ARTICLE_HTML),
        write(tmp_path / "b.dump", '{"id": "j", "text": "JSON."}\n{"id": "k", "text": "Encore."}\n'),
        write(tmp_path / "c", "Texte sans extension."),
    )
    assert [(i.format, i.source) for i in items if isinstance(i, RawDocument)] == [
        ("html", str(tmp_path / "a.page")),
        ("record", "j"),
        ("record", "k"),
        ("text", str(tmp_path / "c")),
    ]


def test_folder_is_read_recursively_sorted_without_hidden_entries(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B.")
    write(tmp_path / "a" / "z.txt", "AZ.")
    write(tmp_path / "a" / "m.md", "AM.")
    write(tmp_path / ".hidden.txt", "caché")
    write(tmp_path / ".git" / "x.txt", "caché")
    items = read_all(tmp_path)
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == ["a/m.md", "a/z.txt", "b.txt"]


def test_stdin_bytes_text_and_jsonl() -> None:
    cp1252 = "Évacuation à Erevan.".encode("cp1252")
    (doc,) = iter_raw(["-"], stdin=io.BytesIO(cp1252))
    assert isinstance(doc, RawDocument) and doc.text == "Évacuation à Erevan." and doc.source == "<stdin>"
    records = list(
        iter_raw(["-"], stdin=io.StringIO('{"id": "1", "text": "Un."}\n{"id": "2", "text": "Deux."}\n'))
    )
    assert [r.source for r in records] == ["1", "2"]


def test_stdin_wrapper_with_buffer_is_read_as_bytes() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"# Titre\n\nCorps du **texte**."), encoding="utf-8")
    (doc,) = iter_raw(["-"], stdin=stream)
    assert isinstance(doc, RawDocument) and doc.format == "markdown"


def test_stdin_too_large() -> None:
    (failure,) = iter_raw(["-"], stdin=io.BytesIO(b"a" * 101), max_bytes=100)
    assert isinstance(failure, ReadFailure) and "too large" in failure.reason


def test_markdown_front_matter_is_container_metadata(tmp_path: Path) -> None:
    front = "---\ntitle: Un titre\ndate: 2022-01-11\nauthor: [Anna, Boris]\n---\n"
    text = front + "# Un titre\n\nCorps du **texte**.\n"
    doc = only_doc(read_all(write(tmp_path / "note.md", text)))
    assert (doc.title, doc.published, doc.byline) == ("Un titre", "2022-01-11", "Anna, Boris")
    assert doc.text.startswith("# Un titre") and doc.format == "markdown"


def test_feed_in_a_declared_legacy_encoding(tmp_path: Path) -> None:
    rss = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title>'
        "<item><title>Ереван</title><link>https://n.example/1</link>"
        "<description>Министерство обороны заявило об отправке войск.</description></item></channel></rss>"
    )
    doc = only_doc(read_all(write(tmp_path / "flux.xml", rss.encode("cp1251"))))
    assert (doc.outlet, doc.title) == ("Новости", "Ереван")
    assert doc.text == "Министерство обороны заявило об отправке войск."


def test_linked_folders_are_followed_once(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.txt", "A.")
    (tmp_path / "corpus" / "boucle").symlink_to(tmp_path / "corpus")  # a loop
    (tmp_path / "lien").symlink_to(tmp_path / "corpus")
    items = read_all(tmp_path)
    assert [Path(i.source).name for i in items] == ["a.txt"]
