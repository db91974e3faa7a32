"""Renderers of the brief that `build_brief` returns: Markdown (text), and one self-contained HTML
file for mail (inline styles, no script, no resource but the article links). The UI page renders
the same `_brief.html` with the app's stylesheet (serve/pages.py)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from veille.serve.i18n import Translator

# Inline styles of the mail: tables and blocks, system fonts, nothing a mail client must fetch.
MAIL_STYLES = {
    "body": "margin:0;padding:0;background:#f6f8fa;color:#1b1f24;"
            "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5",
    "outer": "background:#f6f8fa",
    "page": "max-width:760px;background:#ffffff;border:1px solid #d0d7de",
    "page_cell": "padding:16px 20px",
    "h1": "font-size:22px;margin:4px 0 8px",
    "h2": "font-size:19px;margin:22px 0 4px;padding-top:10px;border-top:2px solid #1b1f24",
    "h3": "font-size:16px;margin:16px 0 6px",
    "section": "margin:0",
    "period": "margin:0 0 8px",
    "muted": "color:#57606a;font-size:13px",
    "item": "margin:0 0 10px;border-left:4px solid #d0d7de",
    "cell": "padding:4px 10px",
    "head": "margin:0",
    "line": "margin:2px 0",
    "flag": "display:inline-block;margin-left:4px;padding:0 6px;border:1px solid #c62828;color:#c62828;"
            "font-size:12px;border-radius:3px",
    "link": "color:#0a4fb5",
    "links": "margin:4px 0 0;padding-left:18px",
    "figures": "margin:4px 0;border-collapse:collapse",
    "figkey": "text-align:left;padding:2px 8px 2px 0;font-weight:normal;color:#57606a",
    "figure": "padding:2px 10px;border:1px solid #d0d7de;vertical-align:top",
    "figure_conflict": "padding:2px 10px;border:1px solid #c62828;background:#fdecea;vertical-align:top",
    "table": "border-collapse:collapse;margin:4px 0 8px",
    "th": "text-align:left;padding:4px 10px;border-bottom:2px solid #d0d7de",
    "td": "padding:4px 10px;border-bottom:1px solid #d0d7de",
    "td_cooperation": "padding:4px 10px;border-bottom:1px solid #d0d7de;color:#1a7f37",
    "td_conflict": "padding:4px 10px;border-bottom:1px solid #d0d7de;color:#c62828",
    "td_steady": "padding:4px 10px;border-bottom:1px solid #d0d7de",
    "td_quiet": "padding:4px 10px;border-bottom:1px solid #d0d7de;color:#57606a",
}


@cache
def templates() -> jinja2.Environment:
    folder = Path(str(resources.files("veille.serve").joinpath("templates")))
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True)


def fmt_score(value: float | None) -> str:
    """+2.5, −19.5, 0."""
    if value is None:
        return "—"
    text = f"{value:+.1f}" if value else "0"
    return text.removesuffix(".0").replace("-", "−")


def to_html(brief: dict[str, Any], lang: str = "fr") -> str:
    """The brief as one HTML file for mail."""
    t = Translator(lang)
    return templates().get_template("brief_mail.html").render(brief=brief, t=t, lang=t.lang, styles=MAIL_STYLES,
                                                               fmt_score=fmt_score)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: Any) -> str:
    """Text safe inside Markdown: its markup characters escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _url(href: str) -> str:
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _links(item: dict[str, Any], t: Translator, indent: str = "  ") -> list[str]:
    lines = []
    for doc in item["documents"]:
        kind = ""
        if doc.get("outlet_kind"):
            state = f" {doc['outlet_state']}" if doc.get("outlet_state") else ""
            kind = " " + _md(f"({t.group('outlet_kinds', doc['outlet_kind'])}{state})")
        where = ", ".join(_md(p) for p in (doc.get("outlet") or "?", doc.get("published")) if p)
        page = "" if doc.get("original") else f" · {t('brief_veille_page')}"
        lines.append(f"{indent}- [{_md(doc['title'])}]({_url(doc['href'])}) — {where}{page}{kind}")
    if item.get("more_documents"):
        lines.append(f"{indent}- {t('brief_more', count=item['more_documents'])}")
    return lines


def to_markdown(brief: dict[str, Any], lang: str = "fr") -> str:
    """The brief as Markdown."""
    t = Translator(lang)
    window, previous = brief["window"], brief["previous"]
    out = [f"# {t('app_name')} — {t('brief_title')}", "",
           f"**{t('brief_period', start=window['start'], end=window['end'])}** — "
           f"{t('brief_basis_' + window['basis'])}; "
           f"{t('brief_previous', start=previous['start'], end=previous['end'])}. "
           f"_{t('brief_generated', when=brief['generated_at'])}_"]
    for section in brief["sections"]:
        w = section["watchlist"]
        title = t("brief_everything") if w["name"] == "*" else _md(w["name"]) + (
            f" — {_md(w['description'])}" if w.get("description") else "")
        out += ["", f"## {title}"]
        if w["name"] != "*":
            dyads = ", ".join("–".join(d) for d in w["dyads"])
            follows = [f"{t('brief_actors')} {', '.join(w['actors'])}" if w["actors"] else "",
                       f"{t('brief_dyads_followed')} {dyads}" if dyads else "",
                       ", ".join(t.group("types", x) for x in w["types"]),
                       ", ".join(t.group("statuses", x) for x in w["statuses"]),
                       f"{t('brief_keywords')} « {' », « '.join(w['keywords'])} »" if w["keywords"] else ""]
            out += ["", f"{t('brief_follows')} " + _md(" · ".join(f for f in follows if f))]
        out += ["", f"### {t('brief_new_events')} ({section['events_total']})", ""]
        if not section["events"]:
            out.append(t("brief_no_events"))
        for e in section["events"]:
            flags = [t(k) for k, on in (("disputed", e["disputed"]), ("state_media_only", e["state_media_only"]),
                                        ("conflicting", e["conflicting"])) if on]
            independent = e["independent_sources"] if e["independent_sources"] is not None else "?"
            head = (f"- **{_md(e['date'] or '?')} · {_md(t.group('types', e['type']))}** · "
                    f"{_md(', '.join(e['actors']) or '—')} → {_md(', '.join(e['recipients']) or '—')}"
                    f"{' · ' + _md(e['location']) if e['location'] else ''} · {t.group('statuses', e['status'])} · "
                    f"{t('brief_sources', sources=e['num_sources'], independent=independent)}")
            out.append(head + "".join(f" · **⚠ {_md(f)}**" for f in flags) + f" · [{t('story')}]({_url(e['href'])})")
            if e["reported_by"]:
                out.append(f"  - {t('reported_by')} {_md(', '.join(e['reported_by']))}")
            for figure in e["figures"]:
                told = " | ".join(f"**{_md(v['value'])}**"
                                  + (f" ({_md(', '.join(v['outlets']))})" if v["outlets"] else "")
                                  for v in figure["values"])
                out.append(f"  - {t.group('sizes', figure['key'])} : {told}")
            out += _links(e, t)
        if section["events_total"] > len(section["events"]):
            out.append(t("brief_more", count=section["events_total"] - len(section["events"])))
        if section["dyads"]:
            out += ["", f"### {t('brief_dyads')}", "",
                    f"| {t('dyad')} | {t('brief_this_period')} | {t('brief_previous_period')} | {t('brief_change')} |",
                    "|---|---:|---:|---|"]
            for d in section["dyads"]:
                now, before = d["current"], d["previous"]
                out.append(f"| [{_md(d['a_label'])} – {_md(d['b_label'])}]({_url(d['href'])}) "
                           f"| {fmt_score(now['score'])} ({t('brief_events_short', count=now['events'])}) "
                           f"| {fmt_score(before['score'])} ({t('brief_events_short', count=before['events'])}) "
                           f"| **{fmt_score(d['change'])}** {t.group('brief_trends', d['trend'])} |")
        out += ["", f"### {t('brief_new_stories')} ({section['stories_total']})", ""]
        if not section["stories"]:
            out.append(t("brief_no_stories"))
        for s in section["stories"]:
            span = s["first_date"] or "?"
            if s["last_date"] and s["last_date"] != s["first_date"]:
                span += f" → {s['last_date']}"
            out.append(f"- [{_md(s['label'] or s['story_id'])}]({_url(s['href'])}) · {_md(span)} · "
                       f"{t('documents_count', total=s['num_documents'])} · {s['num_sources']} {t('sources').lower()}")
            out += _links(s, t)
        if section["stories_total"] > len(section["stories"]):
            out.append(t("brief_more", count=section["stories_total"] - len(section["stories"])))
    return "\n".join(out) + "\n"
