"""A local database written by a newer version (a rollback of the app) stops the start with words
naming what to do, in both apps: never a traceback, never running on it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _newer(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        conn.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', '2027-01-01T00:00:00Z')")


def _run(module: str, data: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("WB_OPS_CONFIG", None)
    args = [sys.executable, "-m", module, "--data-dir", str(data), "--startup-check"]
    if module == "scanner_app":
        args += ["--backend-url", "http://127.0.0.1:9"]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_the_pvz_app_refuses_a_newer_database_in_words(tmp_path: Path) -> None:
    data = tmp_path / "pvz"
    _newer(data / "pvz.sqlite")
    (data / "pvz.json").write_text(
        json.dumps({"backend_url": "http://127.0.0.1:9", "site_id": "PVZ-N-1", "device_id": "pvz-n-1"}),
        encoding="utf-8",
    )
    done = _run("pvz_app", data, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "более новой версией" in done.stderr and "9999_from_the_future" in done.stderr


def test_the_terminal_refuses_a_newer_database_in_words(tmp_path: Path) -> None:
    data = tmp_path / "t"
    _newer(data / "terminal.sqlite3")
    done = _run("scanner_app", data, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "более новой версией" in done.stderr
