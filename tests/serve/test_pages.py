"""The web pages in real headless Chromium against a real uvicorn server on loopback.

Screenshots of the main pages go to `artifacts/` (git-ignored) for people to look at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import Entity, Quote, Story
from tests.serve.conftest import EXAMPLE, screenshot

XSS_CHECK = "() => window.__xss === undefined && document.querySelectorAll('img[src=x]').length === 0"


def _open_story(page: Any, live_server: str, story: dict) -> None:
    """Reach a story the way outside checks do: follow the home page's link to its headline
    and, when another copy of a syndicated story stands for it there, that page's copies."""
    page.goto(live_server + "/")
    page.locator(".story-item > a", has_text=story["title"]).click()
    page.wait_for_url(re.compile(r"/stories/"))
    if not page.url.endswith(f"/stories/{story['id']}"):
        page.locator(f".copies a[href='/stories/{story['id']}']").click()
        page.wait_for_url(re.compile(f"/stories/{story['id']}$"))


def test_home_links_to_stories(page: Any, live_server: str) -> None:
    response = page.goto(live_server + "/")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    links = page.locator(".story-item > a[href^='/stories/']")
    assert links.count() == 3  # four stories, two of them copies of one
    screenshot(page, "home")


def test_story_page_marks_quotes_by_speaker(page: Any, live_server: str,
                                             stories: dict[str, dict]) -> None:
    story = stories["example"]
    _open_story(page, live_server, story)
    assert page.locator("h1").inner_text() == story["title"]
    quotes = page.locator("mark.quote")
    expected_pieces = sum(len(q["content"]) for q in story["quotes"])
    assert quotes.count() >= expected_pieces
    names = {e["id"]: e["name"] for e in story["entities"]}
    for quote in story["quotes"]:
        speaker = names.get(quote["speaker"]) or quote["speaker_name"] or "unknown speaker"
        marked = page.locator(f"mark.quote[data-speaker={json.dumps(speaker)}]")
        assert marked.count() >= 1, speaker
        start, end = quote["content"][0]
        text = story["body"][start:end].strip().split("\n")[0][:20]
        assert any(text in shown for shown in marked.all_inner_texts()), (speaker, text)
    screenshot(page, "story")
    if story["quotes"]:
        first = quotes.first
        first.hover()
        label = first.evaluate("el => getComputedStyle(el, '::after').content")
        assert first.get_attribute("data-speaker") in label
        classes = {m.get_attribute("class") for m in quotes.all()}
        assert all(re.search(r"speaker-\d", c) for c in classes)
    # The furniture is there but folded away; the copy and its publisher are listed.
    details = page.locator("details.furniture")
    assert details.get_attribute("open") is None
    assert "READ MORE" in details.text_content()
    assert "The Coastal Times" in page.locator("ul.copies").inner_text()


def test_story_page_highlights_a_known_quote_with_hover_label(page: Any, live_server: str) -> None:
    """Highlighting checked on a hand-made Story, whatever the annotators find today."""
    body = "“We agreed,” Holm said.\n\nEriksson said nothing."
    story = Story(
        id="hand", body=body, title="Talks",
        entities=(Entity("e1", "Ingrid Holm", "PERSON", role="Norwegian Foreign Minister",
                         mentions=((13, 17),)),),
        quotes=(Quote(content=((0, 12),), kind="direct", speaker="e1", speaker_name="Holm"),),
    )
    page.goto(live_server + "/analyze")
    page.evaluate("json => { const f = document.getElementById('analyze-view');"
                  " f.elements.story.value = json; f.submit(); }", json.dumps(story.to_dict()))
    page.wait_for_url(re.compile(r"/analyze/view$"))
    mark = page.locator("mark.quote")
    assert mark.count() == 1
    assert mark.get_attribute("class") == "quote speaker-0"
    assert mark.get_attribute("title") == "Ingrid Holm — Norwegian Foreign Minister"
    page.keyboard.press("Tab")  # skip link
    for _ in range(10):
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "quote speaker-0"
    label = mark.evaluate("el => getComputedStyle(el, '::after').content")
    assert "Norwegian Foreign Minister" in label
    assert "Ingrid Holm" in page.locator(".legend").inner_text()


def test_search_from_the_header(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    page.get_by_label("Search stories").fill("undersea cable")
    page.get_by_label("Search stories").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=undersea"))
    results = page.locator("ul.stories a")
    assert results.all_inner_texts() == ["Estonia and Latvia sign deal on undersea power cable"]
    screenshot(page, "search")


def test_paste_box_shows_the_page_as_a_story(page: Any, live_server: str) -> None:
    page.goto(live_server + "/analyze")
    page.get_by_label("Page (HTML or text", exact=False).fill(
        EXAMPLE.read_text(encoding="utf-8").replace("Norway", "Denmark"))
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_url(re.compile(r"/analyze/view$"))
    assert page.locator("h1").inner_text().startswith("Denmark and Iceland")
    assert "not stored" in page.locator(".notice").inner_text()
    assert "READ MORE" in page.locator("details.furniture").text_content()
    screenshot(page, "analyze-result")


def test_paste_box_reports_errors_in_place(page: Any, live_server: str) -> None:
    page.goto(live_server + "/analyze")
    page.get_by_label("Page (HTML or text", exact=False).fill("   ")
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_function("document.getElementById('analyze-status').textContent.includes('empty')")
    assert page.url.endswith("/analyze")


def test_xss_payload_in_a_stored_story_stays_inert(page: Any, live_server: str,
                                                  stories: dict[str, dict]) -> None:
    story = stories["xss"]
    visited = []
    for path in ("/", f"/stories/{story['id']}", "/search?q=ferry", "/search?q=terminal",
                 "/events", "/events?actor=Bergen", "/people"):
        page.goto(live_server + path)
        visited.append(path)
        assert page.evaluate(XSS_CHECK), path
    page.goto(live_server + f"/stories/{story['id']}")
    assert "<script>" in page.locator("h1").inner_text()
    assert "onerror=" in page.locator(".body").inner_text()
    screenshot(page, "xss-story")
    for href in page.locator("a[href^='/people/']").evaluate_all("els => els.map(e => e.href)"):
        page.goto(href)
        assert page.evaluate(XSS_CHECK), href
    assert page.dialogs == []


def test_xss_payload_pasted_into_the_analyze_box_stays_inert(page: Any, live_server: str) -> None:
    payload = (Path(__file__).parent / "pages" / "xss-harbour.txt").read_text(encoding="utf-8")
    page.goto(live_server + "/analyze")
    page.get_by_label("Page (HTML or text", exact=False).fill(payload)
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_url(re.compile(r"/analyze/view$"))
    assert "<script>" in page.locator("h1").inner_text()
    assert page.evaluate(XSS_CHECK)
    assert page.dialogs == []


def test_person_and_events_pages(page: Any, live_server: str, stories: dict[str, dict]) -> None:
    page.goto(live_server + "/people")
    people = page.locator("tbody a")
    if people.count():
        people.first.click()
        page.wait_for_url(re.compile(r"/people/"))
        assert page.locator("ul.quotes li").count() >= 1
        screenshot(page, "person")
    page.goto(live_server + "/events")
    assert page.locator("h1").inner_text().startswith("Events")
    screenshot(page, "events")


def test_story_page_fits_a_phone(browser: Any, live_server: str, stories: dict[str, dict]) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(live_server + f"/stories/{stories['example']['id']}")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 376
        screenshot(tab, "story-phone")
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/stories/nope", "/people/nobody-x"])
def test_missing_pages_say_so(page: Any, live_server: str, path: str) -> None:
    response = page.goto(live_server + path)
    assert response.status == 404
    assert "no such" in page.locator("h1").inner_text()


def test_every_field_is_labelled_and_every_page_has_one_h1(page: Any, live_server: str,
                                                          stories: dict[str, dict]) -> None:
    unlabelled = ("() => [...document.querySelectorAll('input:not([type=hidden]), textarea')]"
                  ".filter(el => !el.closest('[hidden]') && el.labels.length === 0).length")
    for path in ("/", f"/stories/{stories['example']['id']}", "/search?q=talks", "/analyze",
                 "/events", "/people"):
        page.goto(live_server + path)
        assert page.evaluate(unlabelled) == 0, path
        assert page.locator("h1").count() == 1, path
        assert page.locator("html").get_attribute("lang") == "en"


def test_entity_links_on_a_story_lead_to_pages(page: Any, live_server: str,
                                               stories: dict[str, dict]) -> None:
    page.goto(live_server + f"/stories/{stories['example']['id']}")
    hrefs = set(page.locator(".body a.entity, .legend a, ul.entities a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"))
    assert hrefs, "no entity links"
    for href in sorted(hrefs):
        response = page.request.get(live_server + href)
        assert response.status == 200, href


def test_a_real_server_answers_head_with_headers_only(live_server: str) -> None:
    import httpx

    response = httpx.head(f"{live_server}/", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.content == b""


STORY_ITEM = re.compile(r'<li class="story-item">\s*<a href="/stories/([^"]+)">([^<]*)</a>(.*?)</li>',
                        re.DOTALL)


@pytest.mark.parametrize("path", ["/", "/search?q=Iceland", "/search?q=harbour"])
def test_a_syndicated_story_is_listed_once(client: Any, stories: dict[str, dict],
                                           path: str) -> None:
    entries = STORY_ITEM.findall(client.get(path).text)
    title = stories["example"]["title"]
    same = [entry for entry in entries if entry[1] == title]
    assert len(same) == 1, entries
    story_id, _, meta = same[0]
    assert story_id in {stories["example"]["id"], stories["copy"]["id"]}
    assert "run by 2 sites" in meta
    shown = client.get(f"/stories/{story_id}").text
    other = ({stories["example"]["id"], stories["copy"]["id"]} - {story_id}).pop()
    assert f'href="/stories/{other}"' in shown  # the story page lists the other copy


def test_home_pages_show_each_story_once(client: Any, stories: dict[str, dict],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.serve import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    seen: list[str] = []
    path: str | None = "/"
    while path is not None and len(seen) < 10:
        html = client.get(path).text
        seen += [entry[0] for entry in STORY_ITEM.findall(html)]
        found = re.search(r'<a href="(/\?offset=\d+)">Older stories</a>', html)
        path = found.group(1) if found else None
    assert len(seen) == len(set(seen)) == 3
    assert {stories["xss"]["id"], stories["cable"]["id"]} <= set(seen)
