"""How the sync engine classifies what went wrong."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Final

import httpx

from shared.auth.errors import LoginRequired
from shared.messages import Coded  # lives in auth; re-exported for older imports

__all__ = [
    "CODES",
    "REASON_CODES",
    "ErrorKind",
    "LoginRequired",
    "SyncError",
    "classify_exception",
    "classify_response",
]

# The text keys of SyncError (besides store codes for ErrorKind.STORE); each has a text in both
# languages (a test checks).
CODES: Final = (
    "sync_server_busy",  # status, text
    "sync_session_expired",
    "sync_refused",  # status, text
    "sync_timeout",
    "sync_offline",
    "sync_unexpected",  # error
    "sync_not_json",
    "sync_seq_gap",
    "sync_no_results",
    "sync_none_confirmed",
    "sync_no_epoch",
    "sync_pull_incomplete",
)

# The reason codes a push result's rejection carries (docs/PROTOCOL.md); the apps show them in words.
REASON_CODES: Final = (
    "illegal_transition",
    "unknown_unit",
    "unknown_box",
    "unknown_cell",
    "unknown_order",
    "unknown_task",
    "unknown_route",
    "unknown_location",
    "wrong_site",
    "wrong_destination",
    "forbidden_role",
    "invalid_payload",
    "unknown_type",
    "conflict",
)


class ErrorKind(StrEnum):
    NETWORK = "network"  # no connection, reset, timeout: retry, show offline
    SERVER = "server"  # 5xx or 429: retry with backoff
    AUTH = "auth"  # 401 after one refresh: the user must log in again
    PERMANENT = "permanent"  # other 4xx, a broken answer: shown, not retried blindly
    STORE = "store"  # the local database refused a write


class SyncError(Coded, Exception):
    """What went wrong with a sync. ``code`` is what failed (the server's error code, or "timeout",
    "connect"; "" when neither), ``key`` the catalog entry of the text (one of :data:`CODES`, or a
    store error's code for ErrorKind.STORE) with its ``params``; ``message`` renders them."""

    def __init__(
        self,
        kind: ErrorKind,
        key: str,
        *,
        params: Mapping[str, Any] | None = None,
        status: int | None = None,
        code: str = "",
        detail: dict[str, Any] | None = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.params: Mapping[str, Any] = dict(params or {})
        self.status = status
        self.code = code
        self.detail = detail or {}  # the error object's other fields (expected_seq, seq, ...)
        super().__init__(f"{kind}: {key} {dict(self.params)}" if self.params else f"{kind}: {key}")

    @property
    def retryable(self) -> bool:
        return self.kind in (ErrorKind.NETWORK, ErrorKind.SERVER)


def classify_response(response: httpx.Response) -> SyncError | None:
    """None for 2xx; otherwise the error the response means."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    code, message = "", ""
    detail: dict[str, Any] = {}
    try:
        body = response.json()
        err = body.get("error", {}) if isinstance(body, dict) else {}
        err = err if isinstance(err, dict) else {}
        code, message = str(err.get("code", "")), str(err.get("message", ""))
        detail = {k: v for k, v in err.items() if k not in ("code", "message")}
    except ValueError:
        pass
    text = message or response.reason_phrase or f"HTTP {status}"
    if status == 429 or status >= 500:
        params = {"status": status, "text": text}
        return SyncError(ErrorKind.SERVER, "sync_server_busy", params=params, status=status, code=code)
    if status == 401:
        return SyncError(ErrorKind.AUTH, "sync_session_expired", status=status, code=code)
    return SyncError(
        ErrorKind.PERMANENT,
        "sync_refused",
        params={"status": status, "text": text},
        status=status,
        code=code,
        detail=detail,
    )


def classify_exception(exc: Exception) -> SyncError:
    # the message reaches the status bar's tooltip: words, not an exception class (the code tells apart)
    if isinstance(exc, httpx.TimeoutException):
        return SyncError(ErrorKind.NETWORK, "sync_timeout", code="timeout")
    if isinstance(exc, httpx.TransportError):
        return SyncError(ErrorKind.NETWORK, "sync_offline", code="connect")
    return SyncError(ErrorKind.PERMANENT, "sync_unexpected", params={"error": repr(exc)})
