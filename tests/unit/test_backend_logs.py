"""backend_stub.logs: events as JSON, secrets redacted by name, a 5xx is an event."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from backend_stub import logs
from tests.support.inprocess import InProcessBackend


def _events(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == logs.EVENTS]


def test_secret_fields_are_redacted_whatever_the_caller_passes(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=logs.EVENTS)
    logs.security_event(
        "login_failed",
        username="anna",
        password="hunter2-secret",
        refresh_token="rt-123",
        extra={"api_key": "k"},
    )
    [event] = _events(caplog)
    assert event == {
        "event": "login_failed",
        "category": "security",
        "username": "anna",
        "password": logs.REDACTED,
        "refresh_token": logs.REDACTED,
        "extra": {"api_key": logs.REDACTED},
    }
    formatted = logs.JsonFormatter().format(caplog.records[0])
    assert "hunter2" not in formatted and "rt-123" not in formatted
    assert json.loads(formatted)["level"] == "warning"


def test_an_unexpected_error_is_a_server_error_event(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=logs.EVENTS)
    with InProcessBackend(tmp_path / "b") as backend:

        @backend.app.get("/boom")
        def boom() -> None:
            raise RuntimeError("kaput")

        answer = backend.client().get("/boom?token=should-not-be-logged")
        assert answer.status_code == 500
    [event] = [e for e in _events(caplog) if e["event"] == "server_error"]
    assert event["path"] == "/boom" and event["status"] == 500
    assert "should-not-be-logged" not in json.dumps(event)


def test_log_dir_follows_the_setting(tmp_path: Path) -> None:
    from backend_stub.settings import Settings

    assert logs.log_dir(Settings(data_dir=tmp_path / "d")) == tmp_path / "d" / "logs"
    assert logs.log_dir(Settings(data_dir=tmp_path / "d", log_dir=tmp_path / "l")) == tmp_path / "l"
