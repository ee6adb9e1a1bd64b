"""The backend's application log: one JSON object per line, for events an admin acts on.

    from backend_stub import logs
    logs.security_event("login_failed", username="anna", address="10.0.0.7", code="invalid_credentials")
    logs.event("backup_made", path="/var/backups/wb-ops/wb-backup-...", size_bytes=41_300_000)

Events go to the logger ``wb.events`` (always at INFO and above, whatever ``WB_LOG_LEVEL`` says:
they are the audit trail, not chatter). ``log_config`` (used by ``wb-backend serve`` and by
the backup and restore commands) writes them, with uvicorn's own lines, as JSON lines to
``<log dir>/wb-backend.log`` and as text to stderr (journald). The log dir is ``WB_LOG_DIR``, by
default ``<data dir>/logs``; put it outside the data dir (``/var/log/wb-ops``) so a restore onto a
new machine does not take the old logs' place. ``WB_ACCESS_LOG=true`` adds ``access.log``: one
JSON line per HTTP request (method, route, path without the query, status, seconds, client).

What is never written: passwords, tokens, secrets, signatures, Authorization headers and query
strings. Field names that look like one of those are replaced by "[redacted]" here, whatever a
caller passes.

Event names (``event`` field): login_failed, login_locked, login_busy, webhook_rejected,
sync_seq_gap, sync_seq_conflict, sync_ops_rejected, request_too_large, server_error, backup_made,
backup_failed, restore_done, restore_refused.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

EVENTS = "wb.events"
ACCESS = "wb.access"
LOG_FILE = "wb-backend.log"
ACCESS_FILE = "access.log"
LOG_MAX_BYTES = 10 * 1024 * 1024
LOG_BACKUPS = 10
REDACTED = "[redacted]"
_SECRET_WORDS = ("password", "token", "secret", "signature", "authorization", "cookie", "key")
_MAX_VALUE = 300

_events = logging.getLogger(EVENTS)
_access = logging.getLogger(ACCESS)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value if len(value) <= _MAX_VALUE else value[:_MAX_VALUE] + "…"
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): (REDACTED if _secret(str(k)) else _clean(v)) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_clean(v) for v in list(value)[:50]]
    return _clean(str(value))


def _secret(name: str) -> bool:
    low = name.lower()
    return any(word in low for word in _SECRET_WORDS)


def event(name: str, level: int = logging.INFO, /, **fields: Any) -> None:
    """Write one application event (a JSON line in the log file)."""
    data = {"event": name, **{k: (REDACTED if _secret(k) else _clean(v)) for k, v in fields.items()}}
    _events.log(level, json.dumps(data, ensure_ascii=False, separators=(",", ":")), extra={"wb_event": data})


def security_event(name: str, /, **fields: Any) -> None:
    """A security event (failed login, lockout, forged webhook): WARNING, category "security"."""
    event(name, logging.WARNING, category="security", **fields)


def login_refused(username: str, address: str, status: int, code: str) -> None:
    """A login answered with an error: 401 failed, 429 locked out, 503 busy (the password pool)."""
    name = {401: "login_failed", 429: "login_locked", 503: "login_busy"}.get(status, "login_refused")
    security_event(name, username=username, address=address, status=status, code=code)


WEBHOOK_PATH = "/api/v1/payments/webhook"
LOGIN_PATH = "/api/v1/auth/login"
SYNC_EVENTS = {"seq_gap": "sync_seq_gap", "seq_conflict": "sync_seq_conflict"}


def api_error(
    method: str,
    path: str,
    client: str | None,
    principal: Any,
    status: int,
    code: str,
    extra: Mapping[str, Any],
) -> None:
    """The error handler's hook: a refused webhook and a device's sequence gap or clash are events."""
    if path == WEBHOOK_PATH:
        security_event("webhook_rejected", status=status, code=code, address=client)
    elif path == LOGIN_PATH:  # a login route that raises instead of calling login_refused itself
        login_refused("", client or "?", status, code)
    elif code in SYNC_EVENTS:
        event(
            SYNC_EVENTS[code],
            logging.WARNING,
            device=getattr(principal, "device_id", None),
            user=getattr(principal, "username", None),
            site=getattr(principal, "site_id", None),
            expected_seq=extra.get("expected_seq"),
            status=status,
        )


def push_rejections(principal: Any, device_id: str, answer: Mapping[str, Any]) -> None:
    """One ``sync_ops_rejected`` event for a push whose answer rejected ops (the user's conflicts)."""
    rejected = [
        r for r in answer.get("results", ()) if r.get("status") == "rejected" and not r.get("replayed")
    ]
    if not rejected:
        return
    event(
        "sync_ops_rejected",
        logging.INFO,
        device=device_id,
        user=getattr(principal, "username", None),
        site=getattr(principal, "site_id", None),
        count=len(rejected),
        ops=[{"seq": r.get("seq"), "code": (r.get("reason") or {}).get("code")} for r in rejected[:20]],
    )


def access(**fields: Any) -> None:
    _access.info("", extra={"wb_event": _clean(fields)})


class JsonFormatter(logging.Formatter):
    """{"ts": ..., "level": ..., "logger": ..., then the event's fields or "message"} per line."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        extra = getattr(record, "wb_event", None)
        if isinstance(extra, dict):
            data.update(extra)
        else:
            data["message"] = record.getMessage()
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def log_dir(settings: Any) -> Path:
    configured = getattr(settings, "log_dir", None)
    return Path(configured) if configured else Path(settings.data_dir) / "logs"


def log_config(settings: Any, *, stderr: bool = True) -> dict[str, Any]:
    """dictConfig: stderr (text) plus ``<log dir>/wb-backend.log`` (JSON lines, rotated at 10 MB,
    10 kept), and ``access.log`` when ``settings.access_log``."""
    folder = log_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    level = str(settings.log_level).upper()
    out = ["stderr", "file"] if stderr else ["file"]
    handlers: dict[str, Any] = {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"},
        "file": {
            "class": "logging.handlers.RotatingFileHandler",
            "formatter": "json",
            "filename": str(folder / LOG_FILE),
            "maxBytes": LOG_MAX_BYTES,
            "backupCount": LOG_BACKUPS,
            "encoding": "utf-8",
        },
    }
    loggers: dict[str, Any] = {
        "uvicorn": {"handlers": out, "level": level, "propagate": False},
        "uvicorn.error": {"level": level},
        "uvicorn.access": {"handlers": out, "level": level, "propagate": False},
        EVENTS: {"handlers": out, "level": "INFO", "propagate": False},
    }
    if getattr(settings, "access_log", False):
        handlers["access"] = {**handlers["file"], "filename": str(folder / ACCESS_FILE)}
        loggers[ACCESS] = {"handlers": ["access"], "level": "INFO", "propagate": False}
    else:
        loggers[ACCESS] = {"handlers": [], "level": "CRITICAL", "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "json": {"()": JsonFormatter},
        },
        "handlers": handlers,
        "root": {"handlers": out, "level": level},
        "loggers": loggers,
    }
