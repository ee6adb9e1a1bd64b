"""How the sync engine classifies what went wrong."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import httpx

from shared.auth.errors import LoginRequired  # lives in auth; re-exported for older imports

__all__ = ["ErrorKind", "LoginRequired", "SyncError", "classify_exception", "classify_response"]


class ErrorKind(StrEnum):
    NETWORK = "network"  # no connection, reset, timeout: retry, show offline
    SERVER = "server"  # 5xx or 429: retry with backoff
    AUTH = "auth"  # 401 after one refresh: the user must log in again
    PERMANENT = "permanent"  # other 4xx, a broken answer: shown, not retried blindly
    STORE = "store"  # the local database refused a write


class SyncError(Exception):
    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        code: str = "",
        detail: dict[str, Any] | None = None,
    ) -> None:
        self.kind = kind
        self.message = message
        self.status = status
        self.code = code
        self.detail = detail or {}  # the error object's other fields (expected_seq, seq, ...)
        super().__init__(f"{kind}: {message}")

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
        return SyncError(
            ErrorKind.SERVER, f"сервер временно недоступен ({status}): {text}", status=status, code=code
        )
    if status == 401:
        return SyncError(ErrorKind.AUTH, "сессия истекла: войдите снова", status=status, code=code)
    return SyncError(
        ErrorKind.PERMANENT,
        f"сервер отклонил запрос ({status}): {text}",
        status=status,
        code=code,
        detail=detail,
    )


def classify_exception(exc: Exception) -> SyncError:
    # the message reaches the status bar's tooltip: words, not an exception class (the code tells apart)
    if isinstance(exc, httpx.TimeoutException):
        return SyncError(ErrorKind.NETWORK, "нет ответа от сервера (таймаут)", code="timeout")
    if isinstance(exc, httpx.TransportError):
        return SyncError(ErrorKind.NETWORK, "нет связи с сервером", code="connect")
    return SyncError(ErrorKind.PERMANENT, f"неожиданная ошибка: {exc!r}")
