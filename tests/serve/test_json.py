"""The API's JSON (encoded by orjson) is the same text the standard encoder writes."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/api/stories", "/api/search?q=harbour", "/api/quotes",
                                  "/api/people", "/api/events", "/api/clusters"])
def test_api_json_is_compact_utf8_as_before(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.json()["items"]
    assert response.headers["content-type"] == "application/json"
    assert response.content == json.dumps(response.json(), ensure_ascii=False,
                                          separators=(",", ":")).encode()


def test_a_story_with_any_characters_round_trips(client: TestClient, stories: dict) -> None:
    response = client.get(f"/api/stories/{stories['xss']['id']}")
    assert "<script>" in response.json()["body"]
    assert response.content == json.dumps(response.json(), ensure_ascii=False,
                                          separators=(",", ":")).encode()
