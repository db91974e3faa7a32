"""The web UI in a real browser (Debian's Chromium, headless, driven by Playwright) against the real
server of test_api_server.py. Screenshots of every page go to artifacts/screenshots/."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from test_api_server import SYN_STORY, XSS_IMG, XSS_SCRIPT, Served, Tab

pytest_plugins = ["test_api_server"]


def first_story(server: Served) -> str:
    stories = server.get("/api/stories", limit=50).json()["items"]
    return next(s["story_id"] for s in stories if s["story_id"] != SYN_STORY)


def pages(server: Served) -> list[tuple[str, str]]:
    return [
        ("search", "/"),
        ("search-tokaiev", "/?q=Toka%C3%AFev"),
        ("article-01", f"/documents/{server.article_doc_id}"),
        ("events", "/events?actor=KAZ"),
        ("actors", "/actors"),
        ("actor-kaz", "/actors/KAZ"),
        ("actor-tokayev", "/actors/tokayev"),
        ("stories", "/stories"),
        ("story", f"/stories/{first_story(server)}"),
        ("story-synthetic", f"/stories/{SYN_STORY}"),
        ("dyad-kaz-csto", "/dyads/KAZ/CSTO"),
        ("graph", "/graph"),
        ("brief", "/brief?since=520w&by=published"),
        ("search-en", "/?lang=en"),
        ("not-found", "/documents/nope"),
    ]


def test_every_page_loads_without_script_errors(server: Served, tab: Tab) -> None:
    for name, path in pages(server):
        response = tab.page.goto(server.base + path)
        assert response is not None
        assert response.status == (404 if name == "not-found" else 200), path
        assert tab.page.locator("h1").count() == 1, path
        if name == "graph":
            tab.page.wait_for_selector("svg#graph[data-ready='true']")
        tab.shot(name, full_page=name in ("story", "actor-kaz"))
        if name == "not-found":  # the browser logs the 404 of the page itself, nothing else
            assert all("status of 404" in error for error in tab.errors), tab.errors
            tab.errors.clear()
        assert tab.errors == [] and tab.dialogs == [], path


def test_search_for_tokaiev(server: Served, tab: Tab) -> None:
    tab.open(server.base, "/")
    tab.page.get_by_label(re.compile("Mots")).fill("Tokaïev")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(re.compile(r"q=Toka"))
    count = tab.page.locator("#results-title .count")
    total = int(count.get_attribute("data-total") or 0)
    assert total == server.get("/api/documents", q="Tokaïev").json()["total"] >= 3
    assert re.search(rf"{total} document", count.inner_text())
    hits = tab.page.locator("ol.hits li")
    assert hits.count() == min(total, 20)
    assert tab.page.locator("mark.hit", has_text=re.compile("Tokaïev|Tokaiev", re.I)).count() >= 1
    assert tab.page.locator("aside a", has_text="Kassym-Jomart Tokaïev").count() == 1
    tab.shot("search-results")
    hits.first.locator("h3 a").click()
    tab.page.wait_for_url(re.compile("/documents/"))
    assert tab.errors == [] and tab.dialogs == []


def _in_viewport(tab: Tab, locator: Any) -> bool:
    box = locator.bounding_box()
    height = tab.page.viewport_size["height"]
    return box is not None and box["y"] + box["height"] > 0 and box["y"] < height


def test_clicking_an_event_highlights_its_sentence(server: Served, tab: Tab) -> None:
    document = server.get(f"/api/documents/{server.article_doc_id}").json()
    assert document["events"], "the fixture article has coded events"
    tab.open(server.base, f"/documents/{server.article_doc_id}")
    assert tab.page.locator(".sent.hl").count() == 0
    for event in (document["events"][-1], document["events"][0]):
        link = tab.page.locator(f'a.event-link[data-event="{event["event_id"]}"]')
        link.click()
        highlighted = tab.page.locator(".sent.hl")
        assert highlighted.count() >= 1
        text = "".join(highlighted.all_inner_texts())
        assert " ".join(text.split()) == " ".join(event["sentence"].split())
        assert _in_viewport(tab, highlighted.first)
        assert tab.page.locator(f'li.event.active[data-event="{event["event_id"]}"]').count() == 1
        assert tab.page.evaluate("document.activeElement.classList.contains('sent')")
    tab.shot("article-event-highlighted")
    # keyboard: focus an event link and press Enter
    other = document["events"][len(document["events"]) // 2]
    tab.page.locator(f'a.event-link[data-event="{other["event_id"]}"]').focus()
    tab.page.keyboard.press("Enter")
    assert tab.page.locator(f'li.event.active[data-event="{other["event_id"]}"]').count() == 1
    assert tab.errors == [] and tab.dialogs == []


def test_a_link_to_an_event_opens_the_article_with_its_sentence_highlighted(server: Served, tab: Tab) -> None:
    tab.open(server.base, f"/stories/{SYN_STORY}")
    tab.page.locator("ul.provenance a", has_text="Serbie et Kosovo").first.click()
    tab.page.wait_for_url(re.compile(r"/documents/test-srb-xkx-1#ev-"))
    highlighted = tab.page.locator(".sent.hl")
    assert highlighted.count() == 1
    assert highlighted.inner_text() == "La Serbie a accusé le Kosovo de provocations le 3 mars 2023."
    assert tab.page.locator("mark.m-actor", has_text="Kosovo").count() == 2


def test_graph_shows_kaz_rus_and_csto(server: Served, tab: Tab) -> None:
    tab.open(server.base, "/graph")
    tab.page.wait_for_selector("svg#graph[data-ready='true']")
    for code in ("KAZ", "RUS", "CSTO"):
        node = tab.page.locator(f'svg#graph a.node[data-code="{code}"]')
        assert node.count() == 1, code
        assert node.locator("circle").is_visible()
    assert tab.page.locator("svg#graph line.coop").count() >= 1
    assert tab.page.locator("svg#graph line").count() == len(server.get("/api/graph").json()["edges"])
    tab.page.locator('svg#graph a.node[data-code="KAZ"]').focus()
    assert tab.page.locator("svg#graph line.on").count() >= 1
    tab.shot("graph-kaz-focused")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(re.compile("/actors/KAZ"))
    window = "/graph?since=2023-03-01&until=2023-03-31"
    tab.open(server.base, window)
    tab.page.wait_for_selector("svg#graph[data-ready='true']")
    assert tab.page.locator('svg#graph a.node[data-code="SRB"]').count() == 1
    assert tab.page.locator('svg#graph a.node[data-code="KAZ"]').count() == 0
    assert tab.errors == [] and tab.dialogs == []


def test_xss_document_shows_its_payload_as_text(server: Served, tab: Tab) -> None:
    tab.open(server.base, f"/documents/{server.xss_doc_id}")
    tab.page.wait_for_timeout(300)
    text = tab.page.locator(".article-text").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert XSS_SCRIPT in tab.page.locator("h1").inner_text()
    assert XSS_SCRIPT in tab.page.title()
    assert tab.page.locator("main script, main img, .article-text *[onerror]").count() == 0
    tab.shot("article-xss")
    tab.open(server.base, "/?q=alert")
    assert tab.page.locator("ol.hits li").count() >= 1
    assert tab.page.locator("main img").count() == 0
    tab.page.wait_for_timeout(300)
    assert tab.dialogs == [] and tab.errors == []
    html = httpx.get(f"{server.base}/documents/{server.xss_doc_id}").text
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_english_labels_and_keyboard_navigation(server: Served, tab: Tab) -> None:
    tab.open(server.base, "/")
    assert tab.page.locator("html").get_attribute("lang") == "fr"
    assert tab.page.locator("nav a", has_text="Recherche").count() == 1
    tab.page.locator("a.lang").click()
    tab.page.wait_for_url(re.compile(r"lang=en"))
    assert tab.page.locator("html").get_attribute("lang") == "en"
    assert tab.page.locator("nav a", has_text="Events").count() == 1
    tab.page.locator("nav a", has_text="Actors").click()
    tab.page.wait_for_url(re.compile(r"/actors\?lang=en"))
    assert tab.page.locator("h1").inner_text() == "Actors"
    tab.page.keyboard.press("Tab")
    focused = tab.page.evaluate("[document.activeElement.className, getComputedStyle(document.activeElement).left]")
    assert focused[0] == "skip"
    tab.page.keyboard.press("Enter")
    assert tab.page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/events?since=not-a-date", "/graph?max_nodes=0"])
def test_bad_parameters_render_a_readable_error_page(server: Served, tab: Tab, path: str) -> None:
    response = tab.page.goto(server.base + path)
    assert response is not None and response.status == 422
    message = tab.page.locator(".error-message").inner_text()
    assert "since" in message or "max_nodes" in message
    assert "Traceback" not in tab.page.content()
