"""First-run setup, the part without Qt: check a backend, find scanner ports, name the device.

The Qt wizard (``shared/qt/setup_wizard.py``) calls these through injected callables, so tests
drive it against a real backend or a fake checker without patching anything, and the UI code never
touches httpx itself.
"""

from __future__ import annotations

import re
import secrets
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from shared.barcodes.formats import SITE_ID_RE

HEALTH_PATH = "/health"

# USB vendor ids of the scanner makers we meet in PVZs and warehouses; a port from one of them is
# offered first. (Generic USB-serial chips are listed too, after these.)
SCANNER_VENDORS: dict[str, str] = {
    "0c2e": "Honeywell",
    "05e0": "Zebra (Symbol)",
    "05f9": "Datalogic",
    "1eab": "Newland",
    "0536": "Hand Held Products",
    "1a86": "QinHeng (CH340, common in budget scanners)",
    "2dd6": "Mertech",
    "27dd": "Mindeo",
    "1504": "Atol",
}


@dataclass(frozen=True)
class ConnectionCheck:
    """The result of one backend check.

    ``code`` says what happened, for the UI to show in its language: "ok", "bad_address" (then
    ``detail`` is the AddressError code), "timeout", "unreachable", "http_status" (``detail`` is the
    status) or "not_wb_ops". ``message`` is the same in English, with the technical cause.
    """

    ok: bool
    message: str
    version: str = ""
    url: str = ""
    code: str = ""
    detail: str = ""


class AddressError(ValueError):
    """A backend address that cannot be right; ``code``: empty, scheme, no_host or bad_port."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class PortInfo:
    """One serial port as the wizard shows it."""

    device: str  # "/dev/ttyACM0", "COM3"
    description: str = ""
    vid_pid: str = ""  # "0c2e:0b61" or ""
    likely_scanner: bool = False

    @property
    def label(self) -> str:
        parts = [self.device]
        if self.description and self.description not in ("n/a", self.device):
            parts.append(self.description)
        if self.vid_pid:
            parts.append(f"[{self.vid_pid}]")
        return " ".join(parts)


Checker = Callable[[str], ConnectionCheck]
PortLister = Callable[[], Sequence[PortInfo]]


def normalise_url(url: str) -> str:
    """'server:8700' -> 'http://server:8700'; trailing slashes dropped. Raises ValueError when hopeless."""
    url = url.strip()
    if not url:
        raise AddressError("empty", "the backend address is empty")
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise AddressError(
            "scheme", f"the backend address must start with http:// or https://, not {parts.scheme}://"
        )
    if not parts.hostname:
        raise AddressError("no_host", f"no host name in {url!r}")
    try:
        _ = parts.port
    except ValueError as exc:
        raise AddressError("bad_port", f"bad port in {url!r}") from exc
    return url.rstrip("/")


def check_backend(
    url: str, *, transport: httpx.BaseTransport | None = None, timeout: float = 5.0
) -> ConnectionCheck:
    """GET <url>/health; ok only for a 200 answer whose JSON says the backend is up."""
    try:
        base = normalise_url(url)
    except AddressError as exc:
        return ConnectionCheck(False, str(exc), url=url, code="bad_address", detail=exc.code)
    try:
        with httpx.Client(transport=transport, timeout=timeout) as client:
            response = client.get(base + HEALTH_PATH)
    except httpx.TimeoutException:
        return ConnectionCheck(False, f"{base} did not answer within {timeout:g} s", url=base, code="timeout")
    except httpx.HTTPError as exc:
        return ConnectionCheck(False, f"cannot reach {base}: {exc}", url=base, code="unreachable")
    if response.status_code != 200:
        return ConnectionCheck(
            False,
            f"{base}{HEALTH_PATH} answered HTTP {response.status_code}",
            url=base,
            code="http_status",
            detail=str(response.status_code),
        )
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or str(body.get("status", "")).lower() not in ("ok", "up", "healthy"):
        return ConnectionCheck(
            False, f"{base} answered, but it is not a WB Ops backend", url=base, code="not_wb_ops"
        )
    version = str(body.get("version", ""))
    message = f"connected to {base}" + (f" (backend {version})" if version else "")
    return ConnectionCheck(True, message, version=version, url=base, code="ok")


@dataclass(frozen=True)
class SiteCheck:
    """Whether the backend knows the site: ``code`` "ok", "unknown_site", "wrong_kind" (a warehouse
    id given to a PVZ PC, say), "unchecked" (an older backend that cannot say) or "unreachable"."""

    ok: bool
    code: str
    message: str
    kind: str = ""
    name: str = ""


SiteChecker = Callable[[str, str, str], SiteCheck]  # (backend url, site id, expected kind)
SITE_KINDS = {"pvz": "pvz", "terminal": "warehouse"}  # app -> the kind of site it runs at


def check_site(
    url: str, site_id: str, kind: str, *, transport: httpx.BaseTransport | None = None, timeout: float = 5.0
) -> SiteCheck:
    """Ask the backend (GET /health?site=<id>) whether `site_id` exists and is a `kind` site."""
    try:
        base = normalise_url(url)
        with httpx.Client(transport=transport, timeout=timeout) as client:
            response = client.get(base + HEALTH_PATH, params={"site": site_id})
        body: Any = response.json() if response.status_code == 200 else None
    except (AddressError, httpx.HTTPError, ValueError) as exc:
        return SiteCheck(False, "unreachable", f"cannot ask {url} about {site_id}: {exc}")
    if not isinstance(body, dict):
        return SiteCheck(False, "unreachable", f"{url} did not answer about {site_id}")
    if "site" not in body:
        return SiteCheck(True, "unchecked", f"{url} cannot check site ids (an older backend)")
    found = body.get("site")
    if not isinstance(found, dict):
        return SiteCheck(False, "unknown_site", f"the backend has no site {site_id}")
    found_kind, name = str(found.get("kind", "")), str(found.get("name", ""))
    if kind and found_kind != kind:
        return SiteCheck(
            False, "wrong_kind", f"{site_id} is a {found_kind} site, not a {kind}", found_kind, name
        )
    return SiteCheck(True, "ok", f"{site_id}: {name}", found_kind, name)


def validate_site(site_id: str) -> str:
    """The site id upper-cased and trimmed; ValueError with the expected shape when it is wrong."""
    site = site_id.strip().upper()
    if not SITE_ID_RE.match(site):
        raise ValueError(f"bad site id {site_id!r}: capital letters, digits and dashes, like PVZ-DEMO-1")
    return site


_DEVICE_SAFE = re.compile(r"[^a-z0-9-]+")


def new_device_id(app: str, site_id: str, hostname: str | None = None, suffix: str | None = None) -> str:
    """A readable, unique device id: '<app>-<site>-<host>-<4 hex>' in lower case, at most 100 chars.

    The id is what the backend records against every operation this device pushes (and binds the
    device's tokens to at login), so it must never change after the first run: the wizard keeps an
    existing one.
    """
    host = hostname if hostname is not None else socket.gethostname()
    host = _DEVICE_SAFE.sub("-", host.lower().split(".")[0]).strip("-")[:30] or "host"
    site = _DEVICE_SAFE.sub("-", site_id.lower()).strip("-") or "site"
    tail = suffix if suffix is not None else secrets.token_hex(2)
    return f"{app}-{site}-{host}-{tail}"[:100]


def list_serial_ports() -> list[PortInfo]:
    """Serial ports on this machine (pyserial), likely scanners first; [] when pyserial finds none."""
    from serial.tools import list_ports

    found: list[PortInfo] = []
    for port in list_ports.comports():
        vid = getattr(port, "vid", None)
        pid = getattr(port, "pid", None)
        vid_pid = f"{vid:04x}:{pid:04x}" if vid is not None and pid is not None else ""
        likely = vid is not None and f"{vid:04x}" in SCANNER_VENDORS
        found.append(
            PortInfo(
                device=str(port.device),
                description=str(port.description or ""),
                vid_pid=vid_pid,
                likely_scanner=likely,
            )
        )
    return sort_ports(found)


def sort_ports(ports: Sequence[PortInfo]) -> list[PortInfo]:
    """Likely scanners first, then USB ports (ACM/USB/COM), then the rest, each by name."""

    def key(p: PortInfo) -> tuple[int, str]:
        if p.likely_scanner:
            rank = 0
        elif p.vid_pid:
            rank = 1
        else:
            rank = 2
        return rank, p.device

    return sorted(ports, key=key)


def best_port(ports: Sequence[PortInfo]) -> PortInfo | None:
    """The port to preselect: the first likely scanner, else the only USB port, else none."""
    ordered = sort_ports(ports)
    if ordered and ordered[0].likely_scanner:
        return ordered[0]
    usb = [p for p in ordered if p.vid_pid]
    return usb[0] if len(usb) == 1 else None
