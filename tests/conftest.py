"""Shared test helpers: where the real data lives, and a skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with the reason it cannot run."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {Path('../shared/data', *parts)} (the project's real test data), absent here")
    return path


@pytest.fixture
def seed_text() -> str:
    return shared_path("seed", "article.txt").read_text(encoding="utf-8")
