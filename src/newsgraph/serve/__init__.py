"""Serve: the archive as web pages and a JSON HTTP API (FastAPI, run by uvicorn).

>>> from newsgraph.serve import ServeConfig, create_app
>>> app = create_app(ServeConfig(db=None))  # analyze-only: no archive
"""

from newsgraph.serve.analysis import AnalyzeLimits
from newsgraph.serve.app import ServeConfig, create_app

__all__ = ["AnalyzeLimits", "ServeConfig", "create_app"]
