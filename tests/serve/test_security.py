"""Security without a browser: escaping, headers on every response, no traces, safe links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Story


@pytest.mark.parametrize("path", ["/", "/api/stats", "/static/style.css", "/api/stories/nope",
                                  "/stories/nope", "/openapi.json", "/analyze"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"


def test_stored_payload_is_escaped_on_every_page(client: TestClient, stories: dict[str, dict]) -> None:
    story = stories["xss"]
    for path in ("/", f"/stories/{story['id']}", "/search?q=ferry", "/events?actor=Bergen"):
        html = client.get(path).text
        assert "<script>window" not in html, path
        assert "<img src=x" not in html, path
    html = client.get(f"/stories/{story['id']}").text
    assert "&lt;script&gt;" in html and "onerror=" in html


def test_only_http_links_leave_the_site(client: TestClient) -> None:
    story = Story(id="x", body="Rain.", title="<b>t</b>", url="javascript:alert(1)")
    html = client.post("/analyze/view", data={"story": json.dumps(story.to_dict())}).text
    assert 'href="javascript' not in html
    assert "&lt;b&gt;t&lt;/b&gt;" in html


def test_a_bad_story_for_the_view_is_a_clean_error(client: TestClient) -> None:
    response = client.post("/analyze/view", data={"story": '{"id": 1}'})
    assert response.status_code == 422
    assert "Traceback" not in response.text


def test_form_posts_are_bounded_and_typed(client: TestClient) -> None:
    assert client.post("/analyze", content=b"{}", headers={"content-type": "application/json"}
                       ).status_code == 415
    response = client.post("/analyze", content=b"content=" + b"a" * 7_000_000,
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_a_broken_archive_is_a_clean_error_without_details(tmp_path: Path) -> None:
    from newsgraph.serve import ServeConfig, create_app

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not an SQLite file" * 100)
    with TestClient(create_app(ServeConfig(db=broken)), raise_server_exceptions=False) as bad:
        response = bad.get("/api/stats")
        assert response.status_code == 503
        assert response.json() == {"error": {"status": 503, "code": "archive_unavailable",
                                             "message": "the archive cannot answer right now"}}
        page = bad.get("/")
        assert page.status_code == 503 and "broken.db" not in page.text
        assert "content-security-policy" in page.headers


@pytest.mark.parametrize("path", ["/", "/api/stats", "/api/stories", "/api/clusters", "/people",
                                  "/events", "/search?q=harbour"])
def test_no_server_file_path_reaches_a_client(client: TestClient, archive_path: Path,
                                              path: str) -> None:
    assert str(archive_path.parent) not in client.get(path).text


def test_a_story_names_its_source_file_without_its_directory(client: TestClient,
                                                             stories: dict[str, dict]) -> None:
    story_id = stories["cable"]["id"]
    assert client.get(f"/api/stories/{story_id}").json()["source_path"] == "baltic-grid.txt"
    assert "tests/serve/pages" not in client.get(f"/stories/{story_id}").text
