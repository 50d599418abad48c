"""The web pages: server-rendered HTML over the same library calls as the API.

Every string from a page or the archive reaches the browser through Jinja2 with autoescaping
on, so a story whose body says `<script>` shows those characters and runs nothing. Links to
outside pages are only ever http(s), so a stored `javascript:` URL stays text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsgraph.corpus import Copy, queries
from newsgraph.corpus.people import name_key, person_id
from newsgraph.errors import LimitExceeded
from newsgraph.limits import check_json_depth
from newsgraph.model import EVENT_TYPES, Entity, KindOption, Story, evidence_text, shown_events
from newsgraph.serve.analysis import PageAnalyzer
from newsgraph.serve.bodies import read_form
from newsgraph.serve.charts import timeline_chart
from newsgraph.serve.errors import ApiError, not_found
from newsgraph.serve.view import (
    EntityLink,
    Speaker,
    entity_index,
    event_row_words,
    event_words,
    for_client,
    reader_date,
    speaker_colours,
    story_paragraphs,
)

router = APIRouter(include_in_schema=False)

_environment = Environment(
    loader=PackageLoader("newsgraph.serve", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    # Templates are package files that change only with the package: compiled once, never
    # checked on disk again (the check was a stat of each template on every page view).
    auto_reload=False,
)

def web_href(url: str | None) -> str | None:
    """A URL safe to put in href: http(s) only."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


_environment.filters["web_href"] = web_href
_environment.filters["reader_date"] = reader_date

# Form-encoding can triple a page's size (%XX per byte); the page itself is checked again.
FORM_OVERHEAD = 3


def render(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from a template; `query` (the search box) defaults to empty."""
    context.setdefault("query", "")
    html = _environment.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def render_error(error: ApiError) -> HTMLResponse:
    return render("error.html", error.status, status=error.status, code=error.code,
                  message=error.message)


@dataclass(frozen=True, slots=True)
class LinkedEntity:
    entity: Entity
    href: str | None


@dataclass(frozen=True, slots=True)
class LinkedSpeaker:
    name: str
    role: str | None
    css: str
    quotes: int
    href: str | None


@dataclass(frozen=True, slots=True)
class EventLine:
    words: str
    evidence: str
    background: bool


def story_page(
    story: Story,
    *,
    link: EntityLink,
    copies: Sequence[Copy] | None = None,
    analysed: bool = False,
) -> HTMLResponse:
    """The story page for any Story, stored or just analysed."""
    speakers = speaker_colours(story)
    entities = entity_index(story)
    return render(
        "story.html",
        story=story,
        analysed=analysed,
        speakers=[_linked_speaker(s, link) for s in speakers.values()],
        paragraphs=story_paragraphs(story, speakers, link),
        events=[
            EventLine(event_words(e, entities), evidence_text(story, e), e.background)
            for e in shown_events(story.events)
        ],
        entities=[LinkedEntity(e, link(e)) for e in story.entities],
        copies=copies or [],
        source_href=web_href(story.url),
        source_text=story.url or story.source_path or story.source_id,
    )


def _linked_speaker(speaker: Speaker, link: EntityLink) -> LinkedSpeaker:
    href = link(speaker.entity) if speaker.entity is not None else None
    return LinkedSpeaker(speaker.name, speaker.role, speaker.css, speaker.quotes, href)


def archive_link(speakers: set[str]) -> EntityLink:
    """Links for a stored story: its quoted people to their person pages, every other
    entity to its events page.

    The archive groups a speaker as a person when the entity is a PERSON; a full name's
    person id is its folded surname and first initial (`corpus.people`). A bare surname may
    have joined a fuller name's group, so it gets the events page instead of a guess.
    """

    def link(entity: Entity) -> str | None:
        if entity.id in speakers and entity.type == "PERSON":
            surname, first = name_key(entity.name)
            if surname and first:
                return f"/people/{quote(person_id(surname, first), safe='')}"
        return f"/events?actor={quote(entity.name)}"

    return link


def search_link(entity: Entity) -> str | None:
    """Where an entity of a story outside the archive leads: a search for its name."""
    return f"/search?q={quote(entity.name)}"


def _analyzer(request: Request) -> PageAnalyzer:
    analyzer: PageAnalyzer = request.app.state.analyzer
    return analyzer


def _analyze_form(analyzer: PageAnalyzer, status: int = 200, message: str = "",
                  content: str = "", kind: str = "auto", url: str = "") -> HTMLResponse:
    return render("analyze.html", status, message=message, content=content, kind=kind,
                  url=url, max_kb=analyzer.limits.max_bytes // 1000)


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return _analyze_form(_analyzer(request))


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_submit(request: Request) -> HTMLResponse:
    """The paste box without JavaScript: analyse the form's page and show it as a story."""
    analyzer = _analyzer(request)
    form = await read_form(request, analyzer.limits.max_bytes * FORM_OVERHEAD)
    content, kind, url = form.get("content", ""), form.get("kind", "auto"), form.get("url", "")
    if kind not in ("auto", "html", "text"):
        kind = "auto"
    try:
        story = await analyzer.analyze(content, _kind(kind), web_href(url))
    except ApiError as error:
        return _analyze_form(analyzer, error.status, error.message, content, kind, url)
    return story_page(story, link=search_link, analysed=True)


@router.post("/analyze/view", response_class=HTMLResponse)
async def analyze_view(request: Request) -> HTMLResponse:
    """Show a Story the paste box got from POST /api/analyze, as a story page."""
    analyzer = _analyzer(request)
    form = await read_form(request, analyzer.limits.max_bytes * FORM_OVERHEAD * 4)
    try:
        text = form.get("story", "")
        check_json_depth(text)
        story = Story.from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError, RecursionError, LimitExceeded) as error:
        raise ApiError(422, "invalid_story", f"not a Story: {error}") from None
    return story_page(story, link=search_link, analysed=True)


PAGE_SIZE = 30


FAVICON = files("newsgraph.serve") / "static" / "favicon.ico"


@router.get("/favicon.ico")
def favicon() -> Response:
    """The site's icon where browsers look for it (a graph of three dots)."""
    return Response(FAVICON.read_bytes(), media_type="image/x-icon",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse)
def home(request: Request, offset: int = 0) -> HTMLResponse:
    """The latest stories, one entry per syndicated story; `offset` counts entries."""
    archive = request.app.state.archives.get()
    offset = max(0, min(offset, 100_000))
    rows = queries.latest_stories(archive, limit=PAGE_SIZE + 1, offset=offset)
    return render("home.html", stories=rows[:PAGE_SIZE], stats=request.app.state.archives.stats(),
                  next_offset=offset + PAGE_SIZE if len(rows) > PAGE_SIZE else None)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    """A stored story's page, made once per archive generation (see `serve.cache`)."""
    archives, cache = request.app.state.archives, request.app.state.story_pages
    generation = archives.generation()
    cached = cache.get(story_id, generation)
    if cached is not None:
        return HTMLResponse(cached)
    record = queries.get_story(archives.get(), story_id)
    if record is None:
        raise not_found("story")
    found = for_client(record.story)
    speakers = {q.speaker for q in found.quotes if q.speaker}
    copies = [c for c in record.copies if c.id != found.id]
    page = story_page(found, link=archive_link(speakers), copies=copies)
    cache.put(story_id, generation, bytes(page.body))
    return page


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "") -> HTMLResponse:
    archive = request.app.state.archives.get()
    q = q.strip()[:500]
    stories = queries.search_stories(archive, q, limit=PAGE_SIZE) if q else []
    return render("search.html", query=q, stories=stories, limit=PAGE_SIZE)


# Long lists (an actor's events, the people quoted) show this many entries a page.
LIST_PAGE = 50


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page of a long list sits: entries `first`-`last` of `total`, and the links to
    the pages before and after (None at either end)."""

    first: int
    last: int
    total: int | None
    newer: str | None
    older: str | None

    @classmethod
    def of(cls, path: str, offset: int, shown: int, more: bool, total: int | None = None,
           **query: str) -> Pager:
        def link(at: int) -> str:
            params = {k: v for k, v in query.items() if v}
            if at:
                params["offset"] = str(at)
            return path + ("?" + urlencode(params) if params else "")

        return cls(offset + 1, offset + shown, total,
                   link(max(0, offset - LIST_PAGE)) if offset > 0 else None,
                   link(offset + LIST_PAGE) if more else None)


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, offset: int = 0) -> HTMLResponse:
    offset = max(0, min(offset, 100_000))
    rows = queries.list_people(request.app.state.archives.get(), limit=LIST_PAGE + 1,
                               offset=offset)
    shown = rows[:LIST_PAGE]
    return render("people.html", people=shown,
                  pager=Pager.of("/people", offset, len(shown), len(rows) > LIST_PAGE))


@router.get("/people/{person}", response_class=HTMLResponse)
def person_page(request: Request, person: str) -> HTMLResponse:
    record = queries.get_person(request.app.state.archives.get(), person)
    if record is None:
        raise not_found("person")
    return render("person.html", person=record.person, quotes=record.quotes,
                  alongside=record.alongside)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, actor: str = "", type: str = "",
                offset: int = 0) -> HTMLResponse:
    """An actor's events, newest first, LIST_PAGE a page, over a timeline of how many
    happened when; `type` keeps one PLOVER type (the filter lists those the actor has)."""
    archive = request.app.state.archives.get()
    actor = actor.strip()[:200]
    kind = type.strip().upper()
    kind = kind if kind in EVENT_TYPES else ""
    offset = max(0, min(offset, 100_000))
    dates, types = queries.event_counts(archive, actor or None, kind or None)
    rows = queries.find_events(archive, actor=actor or None, type=kind or None,
                               limit=LIST_PAGE, offset=offset)
    return render(
        "events.html", actor=actor, type=kind, chart=timeline_chart(dates),
        types=[(name, types[name]) for name in EVENT_TYPES if types[name]],
        all_types=sum(types.values()),
        events=[EventRowLine.of(r) for r in rows],
        pager=Pager.of("/events", offset, len(rows), offset + len(rows) < len(dates),
                       total=len(dates), actor=actor, type=kind),
    )


@dataclass(frozen=True, slots=True)
class EventRowLine:
    words: str
    evidence: str
    story_id: str
    title: str | None
    published: str | None

    @classmethod
    def of(cls, row: Any) -> EventRowLine:
        return cls(event_row_words(row), row.evidence, row.story_id, row.title, row.published)


def _kind(kind: str) -> KindOption:
    return "html" if kind == "html" else "text" if kind == "text" else "auto"


__all__ = ["render", "render_error", "router", "search_link", "story_page", "web_href"]
