"""Browsing a busy archive in real headless Chromium: long lists paged with type filters,
one search box, facts lines without stray separators, a colour for each of twelve speakers,
entity links one tab stop per list, a favicon; and the screenshots in docs/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from newsgraph.corpus import Archive
from newsgraph.model import Entity, Quote, Story
from tests.corpus.conftest import make_story, quoted_story, store
from tests.serve.conftest import ARTIFACTS, running_server

STORIES = 120
THREATS = STORIES // 4  # every fourth story's event is a threat, the others sanctions
SPEAKERS = [f"{first} {last}" for first, last in zip(
    ["Ann", "Bo", "Cai", "Dag", "Eva", "Finn", "Gro", "Hal", "Ida", "Jon", "Kari", "Lars",
     "Mia", "Nils"],
    ["Marsh", "Lund", "Berg", "Holt", "Strand", "Vik", "Dahl", "Moe", "Aas", "Lie", "Bakke",
     "Hauge", "Ruud", "Sand"], strict=True)]
# The 120 stories quote 120 different people (distinct surname and initial: distinct ids).
FIRSTS = ["Anna", "Bjorn", "Carl", "Dina", "Erik", "Frida", "Geir", "Hege", "Ivar", "Jorunn",
          "Knut", "Liv"]
SURNAMES = ["Olsen", "Pedersen", "Quist", "Rasmussen", "Solberg", "Thorsen", "Ulvik", "Vold",
            "Wold", "Ystad"]
# What the stylesheet draws between the facts of a .parts line, read as a reader sees it.
VISIBLE_TEXT = """el => [...el.children].map(child => {
  const before = getComputedStyle(child, '::before').content;
  return (before && before !== 'none' && before !== 'normal' ? JSON.parse(before) : '')
    + child.innerText; }).join('')"""


def many_speakers() -> Story:
    """A story quoting fourteen people, with a timestamp and no publisher or dateline."""
    body = "\n\n".join(f'"We need the ferry back by spring," said {name} at the meeting.'
                       for name in SPEAKERS)
    entities, quotes = [], []
    for n, name in enumerate(SPEAKERS):
        at = body.index(name)
        entities.append(Entity(id=f"p{n}", name=name, type="PERSON", mentions=((at, at + len(name)),)))
        start = body.index('"', body.rindex("\n\n", 0, at) if n else 0)
        end = body.index('"', start + 1) + 1
        quotes.append(Quote(content=((start, end),), kind="direct", speaker=f"p{n}",
                            speaker_name=name, source=(at, at + len(name))))
    return make_story(body, "https://council.example/ferry-meeting", title="Fourteen voices on the ferry",
                      published="2020-04-10T17:58:15+01:00", entities=tuple(entities),
                      quotes=tuple(quotes))


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Story]]:
    """A server over an archive where Tarvik acts in 120 stories, and the crowded story."""
    stories = []
    for n in range(STORIES):
        day = (date(2020, 1, 1) + timedelta(days=3 * n)).isoformat()
        speaker = f"{FIRSTS[n % 12]} {SURNAMES[n // 12]}"
        story = quoted_story(f"https://gazette.example/{n}", speaker, f"The levy is number {n}",
                             f"harbour levy {n}", day, role="mayor")
        if n % 4 == 0:
            story = replace(story, events=(replace(story.events[0], type="THREATEN"),))
        stories.append(story)
    crowded = many_speakers()
    path = tmp_path_factory.mktemp("busy") / "busy.db"
    with Archive.open(path) as archive:
        store(archive, *stories, crowded)
    with running_server(path) as url:
        yield url, crowded


def event_items(page: Any) -> list[str]:
    return page.locator("ol.events > li .event-words").all_inner_texts()


def test_events_page_pages_by_fifty(page: Any, busy: tuple[str, Story]) -> None:
    url, _ = busy
    page.goto(url + "/events?actor=Tarvik")
    assert len(event_items(page)) == 50
    assert "Events 1–50 of 120" in page.locator("nav.pager").inner_text()
    assert page.get_by_role("link", name="Previous events").count() == 0
    page.get_by_role("link", name="Next events").click()
    page.wait_for_url(re.compile(r"offset=50"))
    assert len(event_items(page)) == 50
    assert page.locator("ol.events").get_attribute("start") == "51"
    page.get_by_role("link", name="Next events").click()
    page.wait_for_url(re.compile(r"offset=100"))
    assert len(event_items(page)) == STORIES - 100
    assert page.get_by_role("link", name="Next events").count() == 0
    assert "actor=Tarvik" in (page.get_by_role("link", name="Previous events").get_attribute("href") or "")
    # The timeline counts every event of the actor, not only this page's.
    assert "120 dated events" in page.locator("figure.timeline figcaption").inner_text()


def test_events_page_filters_by_type(page: Any, busy: tuple[str, Story]) -> None:
    url, _ = busy
    page.goto(url + "/events?actor=Tarvik")
    choices = page.locator("#events-type option").all_inner_texts()
    assert choices == [f"All types ({STORIES})", f"Threaten ({THREATS})",
                       f"Sanction ({STORIES - THREATS})"]
    page.get_by_label("Type of event").select_option("THREATEN")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url(re.compile(r"type=THREATEN"))
    shown = event_items(page)
    assert len(shown) == THREATS and all("THREATEN" in words for words in shown)
    assert page.locator("nav.pager").count() == 0  # thirty fit on one page
    assert page.get_by_label("Actor (a person, organisation or country)").input_value() == "Tarvik"


def test_timeline_labels_stay_inside_the_chart(page: Any, busy: tuple[str, Story]) -> None:
    url, _ = busy
    page.goto(url + "/events?actor=Tarvik")
    outside = page.evaluate("""() => {
      const svg = document.querySelector('figure.timeline svg');
      const width = svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].filter(t => {
        const box = t.getBBox(); return box.x < 0 || box.x + box.width > width; })
        .map(t => t.textContent); }""")
    assert page.locator("figure.timeline svg text").count() >= 2
    assert outside == []


def test_every_page_has_one_search_box(page: Any, busy: tuple[str, Story]) -> None:
    url, crowded = busy
    for path in ("/", "/search?q=levy", "/events?actor=Tarvik", "/people",
                 f"/stories/{crowded.id}", "/analyze"):
        page.goto(url + path)
        assert page.locator("input[type=search]").count() == 1, path
        assert page.locator("[role=search]").count() == 1, path
    page.goto(url + "/search?q=levy")
    assert page.get_by_label("Search stories").input_value() == "levy"


def test_people_list_pages_by_fifty(page: Any, busy: tuple[str, Story]) -> None:
    url, _ = busy
    page.goto(url + "/people")
    people = STORIES + len(SPEAKERS)
    seen: list[str] = page.locator("tbody tr td:first-child").all_inner_texts()
    assert len(seen) == 50 and "People 1–50" in page.locator("nav.pager").inner_text()
    while page.get_by_role("link", name="Next people").count():
        page.get_by_role("link", name="Next people").click()
        page.wait_for_load_state()
        seen += page.locator("tbody tr td:first-child").all_inner_texts()
    assert len(seen) == len(set(seen)) == people


def test_facts_line_has_no_stray_separator_and_reads_dates_as_people_write_them(
        page: Any, busy: tuple[str, Story]) -> None:
    url, crowded = busy
    page.goto(url + f"/stories/{crowded.id}")
    assert page.locator("p.meta.parts").first.evaluate(VISIBLE_TEXT) == "10 April 2020, 17:58"
    page.goto(url + "/search?q=fourteen+voices")
    found = [item.evaluate(VISIBLE_TEXT) for item in page.locator(".story-item .parts").all()]
    assert found == ["10 April 2020, 17:58"]  # no publisher, no copies: the date alone
    page.goto(url + "/")
    lines = [item.evaluate(VISIBLE_TEXT) for item in page.locator(".story-item .parts").all()]
    assert any(line.startswith("Harbour Gazette · ") for line in lines)
    assert not any(line.startswith("·") or "· ·" in line or line.endswith("·") for line in lines)


def test_twelve_speakers_in_distinct_colours_then_one_for_the_others(
        page: Any, busy: tuple[str, Story]) -> None:
    url, crowded = busy
    page.goto(url + f"/stories/{crowded.id}")
    legend = page.locator(".legend li").all_inner_texts()
    assert [next(n for n in SPEAKERS if n in line) for line in legend] == SPEAKERS
    swatches = page.evaluate("() => [...document.querySelectorAll('.legend .swatch')]"
                             ".map(s => getComputedStyle(s).backgroundColor)")
    assert len(set(swatches[:12])) == 12
    assert swatches[12] == swatches[13] and swatches[12] not in swatches[:12]
    marks = page.evaluate("() => [...document.querySelectorAll('mark.quote')]"
                          ".map(m => [m.dataset.speaker, getComputedStyle(m).backgroundColor])")
    assert dict(marks) == dict(zip(SPEAKERS, swatches, strict=True))


def test_entity_links_are_one_tab_stop_per_list(page: Any, busy: tuple[str, Story]) -> None:
    url, crowded = busy
    page.goto(url + f"/stories/{crowded.id}")
    links = ".body a.entity"
    assert page.locator(links).count() == len(SPEAKERS)
    tab_stops = page.evaluate(f"() => [...document.querySelectorAll('{links}')]"
                              ".filter(a => a.tabIndex === 0).length")
    assert tab_stops == 1
    # Tab from the legend's list reaches the story's first name; arrows move within.
    page.locator(".legend a").first.focus()
    page.keyboard.press("Tab")
    active = "() => document.activeElement.textContent"
    focused = page.evaluate(active)
    assert focused == SPEAKERS[0] or page.evaluate("() => document.activeElement.tagName") == "MARK"
    page.locator(links).first.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate(active) == SPEAKERS[1]
    page.keyboard.press("End")
    assert page.evaluate(active) == SPEAKERS[-1]
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(active) == SPEAKERS[-2]
    # Tab leaves the list; Shift+Tab comes back to the name last chosen.
    page.keyboard.press("Tab")
    assert not page.evaluate("() => !!document.activeElement.closest('.body a.entity')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(active) == SPEAKERS[-2]


def test_favicon(page: Any, busy: tuple[str, Story]) -> None:
    url, _ = busy
    response = page.goto(url + "/favicon.ico")
    assert response.status == 200 and response.headers["content-type"] == "image/x-icon"
    page.goto(url + "/")
    assert page.locator("link[rel=icon]").get_attribute("href") == "/favicon.ico"


# --- the screenshots in docs/ ---------------------------------------------------------------

WIDTHS = {"desktop": (1100, 820), "phone": (375, 740)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["home", "story", "person", "search", "events"])
def test_pages_fit_and_are_photographed(browser: Any, live_server: str, busy: tuple[str, Story],
                                        stories: dict[str, dict], name: str, width: str) -> None:
    """Each main page at desktop and phone width: nothing wider than the screen. The shots go
    to artifacts/docs-*.png; docs/web-and-api.md says how they become docs/screenshots/."""
    busy_url, _ = busy
    path = {"home": live_server + "/",
            "story": live_server + f"/stories/{stories['example']['id']}",
            "person": live_server + "/people/holm-i",
            "search": live_server + "/search?q=fishing+talks",
            "events": busy_url + "/events?actor=Tarvik"}[name]
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, is_mobile=width == "phone")
    try:
        tab = context.new_page()
        assert tab.goto(path).status == 200
        assert tab.evaluate("document.documentElement.scrollWidth") <= w + 1, path
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"docs-{name}-{width}.png"))
    finally:
        context.close()
