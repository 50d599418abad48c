"""The one error shape every client sees, and nothing more.

Every error, expected or not, reaches an API client as
`{"error": {"status": 404, "code": "not_found", "message": "..."}}` and a browser as a plain
page with the same message. Unexpected exceptions become a 500 with a fixed message: a stack
trace tells an attacker about the server and tells a reader nothing.
"""

from __future__ import annotations

from typing import Any

from newsgraph.errors import NewsgraphError


class ApiError(NewsgraphError):
    """An error meant for the client: an HTTP status, a stable code and a readable message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"status": self.status, "code": self.code, "message": self.message}}


STATUS_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "busy",
    504: "timeout",
}


def error_for_status(status: int, message: str) -> ApiError:
    """An ApiError for a status raised by the framework (routing, validation)."""
    return ApiError(status, STATUS_CODES.get(status, "error"), message)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"no such {what}")


INTERNAL_ERROR = ApiError(500, "internal_error", "the server met an unexpected error")

__all__ = ["INTERNAL_ERROR", "STATUS_CODES", "ApiError", "error_for_status", "not_found"]
