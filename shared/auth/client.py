"""HTTP client for the backend's auth endpoints (login, refresh, logout)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import httpx

from shared.messages import Coded

from .errors import LoginRequired

LOGIN_PATH = "/api/v1/auth/login"
REFRESH_PATH = "/api/v1/auth/refresh"
LOGOUT_PATH = "/api/v1/auth/logout"


# The text keys of AuthError; each has a text in both languages (a test checks).
CODES: Final = (
    "auth_bad_answer",
    "auth_network",
    "auth_invalid_credentials",
    "auth_too_many_attempts",
    "auth_server",  # status
    "auth_wrong_site",
    "auth_wrong_device",
    "auth_device_retired",
    "auth_rejected",  # status, text
)


class AuthError(Coded, Exception):
    """Login failed. ``code`` is the server's (or 'network', 'server', 'bad_answer'), ``key`` the
    catalog entry of the text (one of :data:`CODES`) with its ``params``; ``message`` renders them."""

    def __init__(
        self,
        code: str,
        key: str | None = None,
        *,
        params: Mapping[str, Any] | None = None,
        retry_after: int | None = None,
    ) -> None:
        self.code = code
        self.key = key or f"auth_{code}"
        self.params: Mapping[str, Any] = dict(params or {})
        self.retry_after = retry_after
        super().__init__(f"{code}: {self.key}")


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: str
    username: str
    role: str
    site_id: str | None


@dataclass(frozen=True, slots=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: UserInfo
    sscc_block: int | None = None  # the device's own SSCC block from the registry (login only)
    sscc_ranges: tuple[tuple[int, int], ...] = ()  # its SSCC serial blocks [first, last] (login only)
    chain_key: bytes | None = None  # the device's chain key (login only; docs/PROTOCOL.md)
    chain_from: int | None = None  # its ops with a wire seq above this carry the keyed link


def chain_of(body: Any) -> tuple[bytes | None, int | None]:
    """The chain key and its first keyed seq from a login's or a new epoch's answer, if it has them."""
    chain = body.get("chain") if isinstance(body, dict) else None
    if not isinstance(chain, dict):
        return None, None
    key, start = chain.get("key"), chain.get("from_seq")
    if not isinstance(key, str) or type(start) is not int or start < 0:
        return None, None
    try:
        raw = bytes.fromhex(key)
    except ValueError:
        return None, None
    return (raw, start) if len(raw) == 32 else (None, None)


def _block(device: Any) -> int | None:
    block = device.get("sscc_block") if isinstance(device, dict) else None
    return block if isinstance(block, int) and not isinstance(block, bool) else None


def _ranges(device: Any) -> tuple[tuple[int, int], ...]:
    found = device.get("sscc_ranges") if isinstance(device, dict) else None
    if not isinstance(found, list):
        return ()
    return tuple(
        (r[0], r[1]) for r in found if isinstance(r, list) and len(r) == 2 and all(type(v) is int for v in r)
    )


def _tokens(body: Any) -> Tokens:
    try:
        u = body["user"]
        return Tokens(
            access_token=str(body["access_token"]),
            refresh_token=str(body["refresh_token"]),
            expires_in=int(body.get("expires_in", 0)),
            user=UserInfo(str(u["id"]), str(u["username"]), str(u["role"]), u.get("site_id")),
            sscc_block=_block(body.get("device")),
            sscc_ranges=_ranges(body.get("device")),
            chain_key=chain_of(body)[0],
            chain_from=chain_of(body)[1],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise AuthError("bad_answer") from exc


def _error(response: httpx.Response) -> tuple[str, str]:
    try:
        err = response.json().get("error", {})
        return str(err.get("code", "")), str(err.get("message", ""))
    except (ValueError, AttributeError):
        return "", response.reason_phrase


# refusals a clerk can act on, in words (the server's message is for admins' logs)
_REFUSALS = ("wrong_site", "wrong_device", "device_retired")


class AuthClient:
    """Talks to /api/v1/auth with an injected httpx client (base_url and transport set by the caller)."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def login(
        self,
        username: str,
        password: str,
        device_id: str | None = None,
        site_id: str | None = None,
        journal_seq: int | None = None,
    ) -> Tokens:
        """Raise AuthError: 'invalid_credentials', 'too_many_attempts' (retry_after), 'network',
        'wrong_site' (the user works elsewhere), 'wrong_device', 'device_retired', ...
        ``journal_seq`` (where the device's journal stands) asks for the device's chain key."""
        body: dict[str, Any] = {"username": username, "password": password}
        if device_id:
            body["device_id"] = device_id
            if journal_seq is not None:
                body["journal_seq"] = journal_seq
        if site_id:
            body["site_id"] = site_id
        try:
            response = self.client.post(LOGIN_PATH, json=body)
        except httpx.HTTPError as exc:
            raise AuthError("network") from exc
        if response.status_code == 200:
            return _tokens(response.json())
        code, message = _error(response)
        if response.status_code == 401:
            raise AuthError(code or "invalid_credentials", "auth_invalid_credentials")
        if response.status_code == 429:
            retry = response.headers.get("Retry-After")
            raise AuthError(
                code or "too_many_attempts",
                "auth_too_many_attempts",
                retry_after=int(retry) if retry and retry.isdigit() else None,
            )
        if response.status_code >= 500:
            raise AuthError("server", params={"status": response.status_code})
        if code in _REFUSALS:
            raise AuthError(code)
        text = message or response.reason_phrase
        raise AuthError(
            code or "rejected", "auth_rejected", params={"status": response.status_code, "text": text}
        )

    def refresh(self, refresh_token: str) -> Tokens:
        """New token pair (the old one is revoked by the server). LoginRequired on 401/403;
        httpx.HTTPError (network) and AuthError('server') pass through for the caller to retry."""
        response = self.client.post(REFRESH_PATH, json={"refresh_token": refresh_token})
        if response.status_code == 200:
            return _tokens(response.json())
        if response.status_code in (400, 401, 403, 422):
            raise LoginRequired(_error(response)[1] or "refresh refused")
        raise AuthError("server", params={"status": response.status_code})

    def logout(self, access_token: str) -> None:
        """Best effort: the server revokes the pair; network errors are ignored."""
        with contextlib.suppress(httpx.HTTPError):
            self.client.post(LOGOUT_PATH, headers={"Authorization": f"Bearer {access_token}"})
