"""The JSON API, in process, against a real archive built by `ingest`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.serve import AnalyzeLimits, ServeConfig, create_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbour-talks.txt"


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/copies",
            "/api/search", "/api/quotes", "/api/people", "/api/people/{person_id}",
            "/api/events", "/api/clusters", "/api/stats", "/api/analyze"} <= paths
    assert not any(p.startswith("/stories") for p in paths)  # pages are not API


def test_latest_stories_list_each_story_once(client: TestClient) -> None:
    """Four pages stored, two of them copies of one wire story: three entries, that one
    with its copies' count; `copies=true` lists all four."""
    body = client.get("/api/stories").json()
    assert len(body["items"]) == 3
    assert {"id", "title", "publisher", "published", "cluster", "copies"} <= set(body["items"][0])
    assert sorted(item["copies"] for item in body["items"]) == [1, 1, 2]
    assert len(client.get("/api/stories", params={"copies": "true"}).json()["items"]) == 4


@pytest.mark.parametrize("path", ["/api/search", "/api/stories"])
def test_search_gives_one_hit_per_syndicated_story(client: TestClient, path: str) -> None:
    hits = client.get(path, params={"q": "fishing talks"}).json()["items"]
    assert len(hits) == 1 and hits[0]["copies"] == 2
    every = client.get(path, params={"q": "fishing talks", "copies": "true"}).json()["items"]
    assert len(every) == 2 and {h["cluster"] for h in every} == {hits[0]["cluster"]}
    assert {h["publisher"] for h in every} == {"The Northern Ledger", "The Coastal Times"}


def test_story_by_id_is_the_whole_story(client: TestClient, stories: dict[str, dict]) -> None:
    story = stories["example"]
    assert story["title"].startswith("Norway and Iceland")
    assert story["body"] and story["furniture"] and story["entities"]
    assert set(story) >= {"id", "body", "quotes", "events", "cluster", "warnings"}


def test_copies_name_each_publisher(client: TestClient, stories: dict[str, dict]) -> None:
    body = client.get(f"/api/stories/{stories['copy']['id']}/copies").json()
    publishers = {copy["publisher"] for copy in body["items"]}
    assert {"The Northern Ledger", "The Coastal Times"} <= publishers
    assert all(set(copy) >= {"url", "publisher", "published"} for copy in body["items"])
    assert body["cluster"] == stories["copy"]["cluster"]


def test_search_finds_by_word(client: TestClient) -> None:
    titles = [hit["title"] for hit in client.get("/api/search", params={"q": "undersea cable"}).json()["items"]]
    assert titles == ["Estonia and Latvia sign deal on undersea power cable"]
    assert client.get("/api/search", params={"q": "zzzunknownword"}).json()["items"] == []


def test_search_survives_query_syntax(client: TestClient) -> None:
    for query in ['"', "AND OR NOT", "cable*)(", "'; DROP TABLE stories; --"]:
        response = client.get("/api/search", params={"q": query})
        assert response.status_code == 200, query
    assert len(client.get("/api/stories", params={"copies": "true"}).json()["items"]) == 4


def test_quotes_people_events_clusters_stats(client: TestClient) -> None:
    for path in ("/api/quotes", "/api/people", "/api/events", "/api/clusters"):
        body = client.get(path).json()
        assert isinstance(body["items"], list), path
    stats = client.get("/api/stats").json()
    assert stats["stories"] == 4
    clusters = client.get("/api/clusters").json()["items"]
    assert any({"The Northern Ledger", "The Coastal Times"} <= set(c["publishers"]) for c in clusters)


def test_stats_name_the_archive_file_but_not_its_path(client: TestClient,
                                                      archive_path: Path) -> None:
    response = client.get("/api/stats")
    assert response.json()["file"] == "archive.db"
    assert "path" not in response.json()
    assert str(archive_path.parent) not in response.text


def test_people_have_pages(client: TestClient) -> None:
    people = client.get("/api/people").json()["items"]
    if not people:
        pytest.skip("no quotes with speakers in the archive yet (quote annotator)")
    person = client.get(f"/api/people/{people[0]['id']}").json()
    assert person["person"]["id"] == people[0]["id"]
    assert person["quotes"]


@pytest.mark.parametrize("path", ["/api/stories/nope", "/api/stories/nope/copies",
                                  "/api/people/nobody-x", "/api/nothing"])
def test_not_found_has_the_one_error_shape(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
    assert set(response.json()["error"]) == {"status", "code", "message"}


def test_bad_parameters_have_the_one_error_shape(client: TestClient) -> None:
    response = client.get("/api/stories", params={"limit": "many"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
    assert "limit" in response.json()["error"]["message"]


def test_analyze_returns_a_story_without_storing_it(client: TestClient) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("Norway", "Sweden")
    response = client.post("/api/analyze", json={"content": text, "kind": "text"})
    assert response.status_code == 200
    story = response.json()
    assert story["title"].startswith("Sweden and Iceland")
    assert story["publisher"] == "The Northern Ledger"
    assert client.get(f"/api/stories/{story['id']}").status_code == 404
    assert client.get("/api/stats").json()["stories"] == 4


def test_analyze_takes_raw_html(client: TestClient) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in (
        ("Ferry workers in Bergen ended a three-day strike on Friday after the company agreed to"
         " raise wages by four percent this year and three percent next year, the union said."),
        ("Services on the coastal routes will resume on Saturday morning, the company said in a"
         " statement, and tickets bought for cancelled sailings will be refunded in full."),
        ("The strike had stranded hundreds of travellers on the islands north of the city and"
         " forced fish farms to find other ways to move their catch to the mainland."),
        ("Union leaders said members would vote on the agreement next week, and that most of"
         " them were expected to accept it after months of difficult negotiations.")))
    html = ("<html><head><title>Ferry strike ends</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>Ferry strike ends</h1>{paragraphs}</article></body></html>")
    response = client.post("/api/analyze", content=html, headers={"content-type": "text/html"})
    assert response.status_code == 200
    assert "Ferry workers" in response.json()["body"]


CYRILLIC = ("Москва, 3 марта. Министр иностранных дел встретился с коллегами в Женеве, чтобы"
            " обсудить поставки зерна через Чёрное море, сообщило министерство.\n\n"
            "Переговоры продолжатся на следующей неделе, заявили участники встречи журналистам.")
CYRILLIC_HTML = ("<html><head><title>Переговоры в Женеве</title></head><body><article>"
                 f"<h1>Переговоры в Женеве</h1><p>{CYRILLIC}</p></article></body></html>")


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/html; charset=windows-1251", CYRILLIC_HTML.encode("cp1251")),
        ("text/html", CYRILLIC_HTML.encode("cp1251")),  # no charset: detected, as the CLI does
        ("text/plain", CYRILLIC.encode("cp1251")),
        ("text/plain; charset=utf-8", CYRILLIC.encode("cp1251")),  # a wrong declaration
        ("text/plain; charset=no-such-codec", CYRILLIC.encode("cp1251")),
        ("text/plain; charset=UTF-16", CYRILLIC.encode("utf-16")),
        ("text/plain; charset=koi8-r", CYRILLIC.encode("koi8_r")),
    ],
)
def test_analyze_reads_pages_in_any_charset(client: TestClient, content_type: str,
                                            body: bytes) -> None:
    response = client.post("/api/analyze", content=body, headers={"content-type": content_type})
    assert response.status_code == 200, response.text
    assert "Министр иностранных дел" in response.json()["body"]


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"json": {"kind": "text"}}, 422, "invalid_request"),
        ({"json": {"content": "   "}}, 422, "empty_page"),
        ({"content": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
          "headers": {"content-type": "text/plain"}}, 400, "bad_request"),
        ({"content": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
          "headers": {"content-type": "text/html; charset=latin-1"}}, 400, "bad_request"),
        ({"content": b"x", "headers": {"content-type": "image/png"}}, 415, "unsupported_media_type"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "invalid_request"),
    ],
)
def test_analyze_rejects_bad_requests(client: TestClient, kwargs: dict, status: int, code: str) -> None:
    response = client.post("/api/analyze", **kwargs)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert "Traceback" not in response.text


def test_analyze_bounds_size_and_time() -> None:
    limits = AnalyzeLimits(max_bytes=5_000, timeout_s=0.001, max_concurrent=1)
    with TestClient(create_app(ServeConfig(db=None, limits=limits))) as small:
        too_big = small.post("/api/analyze", content=b"word " * 2_000,
                             headers={"content-type": "text/plain"})
        assert too_big.status_code == 413
        assert too_big.json()["error"]["code"] == "too_large"
        slow = small.post("/api/analyze", json={"content": "Rain fell on Tuesday. " * 200})
        assert slow.status_code == 504
        assert slow.json()["error"]["code"] == "timeout"


def test_without_an_archive_only_analyze_works() -> None:
    with TestClient(create_app(ServeConfig(db=None))) as bare:
        response = bare.get("/api/stats")
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "no_archive"


@pytest.mark.parametrize("path", ["/", "/search?q=harbour", "/people", "/events", "/analyze",
                                  "/api/stories", "/api/stats", "/openapi.json",
                                  "/static/style.css"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    assert "content-security-policy" in head.headers


def test_head_keeps_errors_and_post_only_routes(client: TestClient) -> None:
    assert client.head("/api/stories/nope").status_code == 404
    assert client.head("/api/analyze").status_code == 405


@pytest.mark.parametrize(
    ("path", "params", "named"),
    [
        ("/api/quotes", {"since": "notadate"}, "since"),
        ("/api/quotes", {"until": "2019-13-40"}, "until"),
        ("/api/quotes", {"since": "yesterday", "until": "2019-01-01"}, "since"),
        ("/api/events", {"type": "BOGUS"}, "SANCTION"),
    ],
)
def test_invalid_filters_are_refused(client: TestClient, path: str, params: dict,
                                     named: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert set(error) == {"status", "code", "message"}
    assert error["code"] == "invalid_request"
    assert named in error["message"]


def test_event_types_name_every_valid_type(client: TestClient) -> None:
    from newsgraph.model import EVENT_TYPES

    message = client.get("/api/events", params={"type": "bogus"}).json()["error"]["message"]
    assert all(kind in message for kind in EVENT_TYPES)


def test_valid_filters_are_accepted(client: TestClient) -> None:
    everything = client.get("/api/events").json()["items"]
    if not everything:
        pytest.skip("no events in the test archive")
    kind = everything[0]["type"]
    for value in (kind, kind.lower()):
        typed = client.get("/api/events", params={"type": value}).json()["items"]
        assert typed and all(item["type"] == kind for item in typed)
    for params in ({"since": "2000-01-01"}, {"until": "2100-12-31"}, {"since": ""}):
        assert client.get("/api/quotes", params=params).status_code == 200
    assert client.get("/api/quotes", params={"since": "2100-01-01"}).json()["items"] == []


@pytest.mark.parametrize(("command", "path"), [
    (["search", "fishing"], "/api/search?q=fishing"),
    (["quotes"], "/api/quotes"),
    (["people"], "/api/people"),
    (["events"], "/api/events"),
    (["clusters"], "/api/clusters"),
    (["stats"], "/api/stats"),
])
def test_the_cli_and_the_api_name_every_field_alike(client: TestClient, archive_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     command: list[str], path: str) -> None:
    from newsgraph.cli import main

    assert main([*command, "--db", str(archive_path), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    served = client.get(path).json()
    if isinstance(shown, list):
        assert shown and served["items"], command
        shown, served = shown[0], served["items"][0]
    assert set(shown) == set(served), command
