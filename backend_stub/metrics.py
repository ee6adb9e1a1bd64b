"""Observability: `/metrics` in the Prometheus text format, request counting, and rotated log files.

`install_metrics(app, ctx)` adds an ASGI middleware that counts requests (method, route template,
status) and their durations, and the `GET /metrics` endpoint. Scrapes need the metrics token
(``Authorization: Bearer <token>``, the token lives in ``<data dir>/secrets/metrics_token``,
``wb-backend metrics-token`` prints it) so device and site names do not leak to anyone who can reach
the port.

What a scrape reports, read from the backend's own tables at scrape time:

* ``wb_http_requests_total{method,route,status}`` and ``wb_http_request_duration_seconds`` (histogram
  per route);
* ``wb_outbox_events_total`` and ``wb_outbox_backlog{consumer}``: events a relay consumer has not
  handled yet (the warehouse stops getting pick tasks when this grows);
* sync, per device: ``wb_device_last_seq``, ``wb_device_last_push_age_seconds`` (how long since the
  device's last accepted push: a PVZ offline for a day shows up here), ``wb_device_sync_lag_seconds``
  (how late its newest op reached the server after it was made), and
  ``wb_device_pending_ops`` (operations still waiting on the device, as the device reported in the
  ``X-WB-Pending-Ops`` header of its last accepted sync request; recorded under the device its
  access token is bound to at login, never under a name a request merely claims in ``X-WB-Device``);
* ``wb_sync_ops_total{status}`` (applied / rejected, both at 0 from the start), ``wb_units{status}``,
  ``wb_build_info{version}`` (the release, from pyproject.toml);
* ``wb_backup_last_success_timestamp_seconds`` and ``wb_backup_last_size_bytes``: the last backup
  `wb-backend backup` finished, from ``<data dir>/last-backup.json`` (alert when it is over a day old).

Every family's ``# HELP`` and ``# TYPE`` lines come before its samples (Prometheus' parser types a
family "unknown" otherwise).

The middleware also writes the application log's ``server_error`` (any 5xx) and
``request_too_large`` (413) events, and the optional access log (backend_stub.logs).
`log_config(settings)` is the logging set-up `wb-backend serve` hands to uvicorn: stderr (journald
keeps it) plus JSON lines in ``<log dir>/wb-backend.log`` rotated at 10 MB, 10 files kept.
"""

from __future__ import annotations

import bisect
import hmac
import logging
import os
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse
from sqlalchemy import func, select

from . import logs
from .api.deps import PRINCIPAL_STATE
from .backup import last_backup
from .context import AppContext
from .db import devices, op_results, outbox, relay_offsets, units
from .settings import Settings

TOKEN_FILE = "metrics_token"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
PENDING_HEADER = "x-wb-pending-ops"
PUSH_ROUTE = "/api/v1/sync/push"
SYNC_ROUTES = "/api/v1/sync/"  # device reports count only on these routes, after authentication
MAX_DEVICES = 10_000  # bound the memory, even though only token-bound devices are recorded
OP_RESULTS = ("applied", "rejected")  # wb_sync_ops_total's statuses, each shown from the start

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# ---- the metrics token ----------------------------------------------------------------------------


def token_path(settings: Settings) -> Path:
    return settings.secrets_dir / TOKEN_FILE


def ensure_token(settings: Settings, *, rotate: bool = False) -> str:
    """The scrape token (0600 file in the secrets dir), created on first use or when rotating."""
    path = token_path(settings)
    if path.exists() and not rotate:
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    token = secrets.token_urlsafe(32)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, token.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return token


# ---- request counting -----------------------------------------------------------------------------


@dataclass
class DeviceReport:
    pending: int
    reported_at: datetime


class RequestMetrics:
    """Counters the middleware fills; thread-safe (the sync endpoints run in a thread pool)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = {}
        self.buckets: dict[str, list[int]] = {}
        self.sums: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.devices: dict[str, DeviceReport] = {}
        # refused pushes per (device, error code), and when each device's pushes last failed and last
        # went through: a device refused since its last accepted push is stuck (after a restore, say)
        self.refused: dict[tuple[str, str], int] = {}
        self.last_refused: dict[str, int] = {}  # the push's number in arrival order (not a clock time:
        self.last_accepted: dict[str, int] = {}  # two pushes may share one)
        self._pushes = 0

    def push_outcome(self, device: str, code: str | None) -> None:
        with self._lock:
            known = device in self.last_refused or device in self.last_accepted
            if not known and len(self.last_refused) + len(self.last_accepted) >= MAX_DEVICES:
                return
            self._pushes += 1
            if code is None:
                self.last_accepted[device] = self._pushes
            else:
                self.refused[(device, code)] = self.refused.get((device, code), 0) + 1
                self.last_refused[device] = self._pushes

    def push_snapshot(self) -> tuple[dict[tuple[str, str], int], dict[str, bool]]:
        with self._lock:
            stuck = {
                d: d not in self.last_accepted or self.last_accepted[d] < at
                for d, at in self.last_refused.items()
            }
            stuck.update({d: False for d in self.last_accepted if d not in stuck})
            return dict(self.refused), stuck

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            key = (method, route, status)
            self.requests[key] = self.requests.get(key, 0) + 1
            hist = self.buckets.setdefault(route, [0] * len(BUCKETS))
            i = bisect.bisect_left(BUCKETS, seconds)
            if i < len(BUCKETS):
                hist[i] += 1
            self.sums[route] = self.sums.get(route, 0.0) + seconds
            self.counts[route] = self.counts.get(route, 0) + 1

    def device_report(self, device: str, pending: int, at: datetime) -> None:
        with self._lock:
            if device not in self.devices and len(self.devices) >= MAX_DEVICES:
                return
            self.devices[device] = DeviceReport(pending, at)

    def snapshot(
        self,
    ) -> tuple[
        dict[tuple[str, str, int], int],
        dict[str, list[int]],
        dict[str, float],
        dict[str, int],
        dict[str, DeviceReport],
    ]:
        with self._lock:
            return (
                dict(self.requests),
                {k: list(v) for k, v in self.buckets.items()},
                dict(self.sums),
                dict(self.counts),
                dict(self.devices),
            )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            try:
                return bytes(value).decode("latin-1")
            except (TypeError, ValueError):
                return None
    return None


class MetricsMiddleware:
    """Pure ASGI: times each HTTP request and records it under its route template (not the raw
    path, so ids in URLs do not explode the series); unmatched paths count as "other"."""

    def __init__(self, app: ASGIApp, metrics: RequestMetrics, ctx: AppContext) -> None:
        self.app = app
        self.metrics = metrics
        self.ctx = ctx
        self.access_log = bool(getattr(ctx.settings, "access_log", False))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def sending(message: Message) -> None:
            if message.get("type") == "http.response.start":
                status["code"] = int(message.get("status", 500))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "other"
            seconds = time.perf_counter() - started
            self.metrics.observe(str(scope.get("method", "")), template, status["code"], seconds)
            self._device_report(scope, template, status["code"])
            self._log(scope, template, status["code"], seconds)

    def _log(self, scope: Scope, template: str, status: int, seconds: float) -> None:
        """Application events for 5xx answers and refused bodies; the access log line if enabled.
        Never the query string (a token could be in it) nor any header."""
        if status < 413 and not self.access_log:
            return
        client = scope.get("client")
        fields: dict[str, Any] = {
            "method": str(scope.get("method", "")),
            "route": template,
            "path": str(scope.get("path", ""))[:200],
            "status": status,
            "seconds": round(seconds, 4),
            "client": client[0] if client else None,
        }
        if status >= 500:
            logs.event("server_error", logging.ERROR, **fields)
        elif status == 413:
            logs.event("request_too_large", logging.WARNING, **fields)
        if self.access_log:
            logs.access(**fields)

    def _device_report(self, scope: Scope, template: str, status: int) -> None:
        """Record the pending count a device reported, only for an accepted sync request and only
        under the device the caller's token is bound to (login `device_id`): anyone can send
        headers, so an unauthenticated or unbound request must not add a device to the table."""
        if not template.startswith(SYNC_ROUTES):
            return
        state = scope.get("state")
        principal = state.get(PRINCIPAL_STATE) if isinstance(state, dict) else None
        device = getattr(principal, "device_id", None)
        if template == PUSH_ROUTE and device:
            code = None if status < 400 else str(state.get("error_code") or status)  # type: ignore[union-attr]
            self.metrics.push_outcome(str(device), code)
        if status >= 400:
            return
        pending = _header(scope, PENDING_HEADER.encode())
        if (
            not device
            or pending is None
            or not (pending.isascii() and pending.isdigit() and len(pending) <= 12)
        ):
            return
        self.metrics.device_report(str(device), int(pending), self.ctx.clock.now())


# ---- the exposition -------------------------------------------------------------------------------


def _esc(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(**labels: object) -> str:
    if not labels:
        return ""
    return "{" + ",".join(f'{k}="{_esc(v)}"' for k, v in labels.items()) + "}"


def _num(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0")


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def family(self, name: str, kind: str, help_text: str) -> None:
        self.lines.append(f"# HELP {name} {help_text}")
        self.lines.append(f"# TYPE {name} {kind}")

    def sample(self, name: str, value: float, **labels: object) -> None:
        self.lines.append(f"{name}{_labels(**labels)} {_num(value)}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def render(ctx: AppContext, metrics: RequestMetrics, version: str) -> str:
    """The whole scrape as Prometheus text."""
    out = _Out()
    now = ctx.clock.now()
    requests, buckets, sums, counts, reports = metrics.snapshot()

    out.family("wb_build_info", "gauge", "Backend version.")
    out.sample("wb_build_info", 1, version=version)

    out.family("wb_http_requests_total", "counter", "HTTP requests by method, route and status.")
    for (method, route, status), n in sorted(requests.items()):
        out.sample("wb_http_requests_total", n, method=method, route=route, status=status)
    out.family("wb_http_request_duration_seconds", "histogram", "HTTP request durations by route.")
    for route in sorted(buckets):
        running = 0
        for le, n in zip(BUCKETS, buckets[route], strict=True):
            running += n
            out.sample("wb_http_request_duration_seconds_bucket", running, route=route, le=_num(le))
        out.sample("wb_http_request_duration_seconds_bucket", counts[route], route=route, le="+Inf")
        out.sample("wb_http_request_duration_seconds_sum", sums[route], route=route)
        out.sample("wb_http_request_duration_seconds_count", counts[route], route=route)

    with ctx.db.read() as conn:
        last_event = conn.execute(select(func.coalesce(func.max(outbox.c.id), 0))).scalar_one()
        total_events = conn.execute(select(func.count()).select_from(outbox)).scalar_one()
        consumers = conn.execute(select(relay_offsets.c.consumer, relay_offsets.c.cursor)).all()
        backlog: dict[str, int] = {}
        for row in consumers:
            backlog[row.consumer] = int(
                conn.execute(
                    select(func.count()).select_from(outbox).where(outbox.c.id > row.cursor)
                ).scalar_one()
            )
        device_rows = conn.execute(
            select(devices.c.device_id, devices.c.site_id, devices.c.last_seq, devices.c.updated_at)
        ).all()
        newest = {
            (r.device_id, r.seq): (r.created_at, r.applied_at)
            for r in conn.execute(
                select(
                    op_results.c.device_id, op_results.c.seq, op_results.c.created_at, op_results.c.applied_at
                ).join(
                    devices,
                    (devices.c.device_id == op_results.c.device_id)
                    & (devices.c.last_seq == op_results.c.seq),
                )
            )
        }
        ops_by_status = conn.execute(
            select(op_results.c.status, func.count()).group_by(op_results.c.status)
        ).all()
        units_by_status = conn.execute(select(units.c.status, func.count()).group_by(units.c.status)).all()

    out.family("wb_outbox_events_total", "counter", "Events written to the outbox.")
    out.sample("wb_outbox_events_total", total_events)
    out.family("wb_outbox_last_id", "gauge", "Id of the newest outbox event.")
    out.sample("wb_outbox_last_id", last_event)
    out.family("wb_outbox_backlog", "gauge", "Outbox events a relay consumer has not handled yet.")
    if backlog:
        for consumer, n in sorted(backlog.items()):
            out.sample("wb_outbox_backlog", n, consumer=consumer)
    else:  # no consumer has started: everything is waiting
        out.sample("wb_outbox_backlog", total_events, consumer="none")

    out.family("wb_device_last_seq", "gauge", "Highest operation sequence number a device has pushed.")
    for r in device_rows:
        out.sample("wb_device_last_seq", r.last_seq, device=r.device_id, site=r.site_id)
    out.family("wb_device_last_push_age_seconds", "gauge", "Seconds since the device's last accepted push.")
    for r in device_rows:
        seen = _parse_time(r.updated_at)
        if seen is not None:
            out.sample(
                "wb_device_last_push_age_seconds",
                max(0.0, (now - seen).total_seconds()),
                device=r.device_id,
                site=r.site_id,
            )
    out.family(
        "wb_device_sync_lag_seconds",
        "gauge",
        "How late the device's newest op reached the server after it was made.",
    )
    for r in device_rows:
        created, applied = (_parse_time(t) for t in newest.get((r.device_id, r.last_seq), (None, None)))
        if created is not None and applied is not None:
            out.sample(
                "wb_device_sync_lag_seconds",
                max(0.0, (applied - created).total_seconds()),
                device=r.device_id,
                site=r.site_id,
            )
    out.family("wb_device_pending_ops", "gauge", "Operations waiting on the device, as it last reported.")
    for device, report in sorted(reports.items()):
        out.sample("wb_device_pending_ops", report.pending, device=device)
    out.family(
        "wb_device_report_age_seconds", "gauge", "Seconds since the device last reported its pending count."
    )
    for device, report in sorted(reports.items()):
        out.sample(
            "wb_device_report_age_seconds",
            max(0.0, (now - report.reported_at).total_seconds()),
            device=device,
        )

    refused, stuck = metrics.push_snapshot()
    out.family(
        "wb_device_refused_pushes_total",
        "counter",
        "Pushes the backend refused, per device and error code (seq_gap after a restore, seq_conflict, ...).",
    )
    for (device, code), n in sorted(refused.items()):
        out.sample("wb_device_refused_pushes_total", n, device=device, code=code)
    out.family(
        "wb_device_push_stuck",
        "gauge",
        "1 when the device's pushes have been refused since its last accepted push: its queue cannot move.",
    )
    for device, is_stuck in sorted(stuck.items()):
        out.sample("wb_device_push_stuck", int(is_stuck), device=device)

    out.family("wb_sync_ops_total", "counter", "Pushed operations by result.")
    by_result = dict.fromkeys(OP_RESULTS, 0)  # present at 0 before the first op
    by_result.update({str(result): int(n) for result, n in ops_by_status})
    for result, n in sorted(by_result.items()):
        out.sample("wb_sync_ops_total", n, status=result)
    out.family("wb_units", "gauge", "Units by state.")
    for status, n in sorted(units_by_status):
        out.sample("wb_units", n, status=status)

    last = last_backup(ctx.settings)
    out.family(
        "wb_backup_last_success_timestamp_seconds",
        "gauge",
        "Unix time the last successful `wb-backend backup` finished (0: none on record).",
    )
    out.sample("wb_backup_last_success_timestamp_seconds", last.finished_at.timestamp() if last else 0)
    out.family(
        "wb_backup_last_size_bytes", "gauge", "Size of the last successful backup (0: none on record)."
    )
    out.sample("wb_backup_last_size_bytes", last.size_bytes if last else 0)
    return out.text()


def install_metrics(app: FastAPI, ctx: AppContext) -> RequestMetrics:
    """Add the counting middleware and `GET /metrics` (token-protected) to the app."""
    metrics = RequestMetrics()
    token = ensure_token(ctx.settings)
    app.state.metrics = metrics
    app.add_middleware(MetricsMiddleware, metrics=metrics, ctx=ctx)

    @app.get("/metrics", include_in_schema=False)
    def metrics_endpoint(request: Request) -> PlainTextResponse:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            return PlainTextResponse(
                "metrics need the token from <data dir>/secrets/metrics_token (wb-backend metrics-token)\n",
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return PlainTextResponse(render(ctx, metrics, app.version), media_type=CONTENT_TYPE)

    return metrics


# ---- logs -----------------------------------------------------------------------------------------


def log_config(settings: Settings) -> dict[str, Any]:
    """dictConfig for `wb-backend serve` (see backend_stub.logs): stderr plus JSON lines in the log dir."""
    from .logs import log_config as config

    return config(settings)


def add_commands(add: Callable[[str, str], Any], settings_for: Callable[[Any], Settings]) -> None:
    """Register `metrics-token` on the wb-backend parser (see backup.add_commands)."""

    def run(args: Any) -> int:
        print(ensure_token(settings_for(args), rotate=args.rotate))
        return 0

    p = add("metrics-token", "print the token Prometheus sends to /metrics (created on first use)")
    p.add_argument("--rotate", action="store_true", help="make a new token (restart the backend after)")
    p.set_defaults(fn=run)
