"""A PVZ PC starts whatever its roll-out file says: config problems are shown in words (file, line,
setting) at start and on the settings screen; the data folder is private; the window fits a
1366x768 screen; a PC without a secure keyring says so."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from pvz_app.__main__ import Options, build, fit_to_screen, startup_notices
from shared.auth.tokens import INSECURE_WARNING
from shared.qt.config_notice import keyring_text
from shared.qt.operations import SyncRunner

ROOT = Path(__file__).resolve().parents[2]
BROKEN = """[pvz]
backend_ulr = "https://wb-ops.example.internal"
idle_lock_minutes = "fifteen"
language = "de"

[pvz.scanner]
debounce_ms = 800
"""


def _configured(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pvz.json").write_text(
        json.dumps(
            {"backend_url": "http://127.0.0.1:9", "site_id": "PVZ-CFG-1", "device_id": "pvz-cfg-pc-1"}
        ),
        encoding="utf-8",
    )


@pytest.fixture
def built(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    rollout = tmp_path / "share" / "rollout.toml"
    rollout.parent.mkdir()
    rollout.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setenv("WB_OPS_CONFIG", str(rollout))
    _configured(tmp_path / "pvz")
    app = build(
        Options(data_dir=tmp_path / "pvz", lang="en"),
        qapp,
        runner=SyncRunner(),
        sync_inline=True,
        keyring_backend=NoKeyring(),
        sounds=False,
    )
    yield app, rollout
    app.close()


def test_a_broken_rollout_file_is_shown_not_fatal(built: Any, qtbot: Any) -> None:
    app, rollout = built
    problems = app.ctx.config.problems
    assert [(p.line, p.setting, p.kind) for p in problems] == [
        (2, "backend_ulr", "unknown_setting"),
        (3, "idle_lock_minutes", "wrong_type"),
        (4, "language", "unknown_language"),
    ]
    assert all(p.file == str(rollout) for p in problems)
    assert app.config.idle_lock_minutes == 15 and app.config.language == "en"  # the good values stay
    app.window.show()
    notice = startup_notices(app)
    assert notice is not None and notice.isVisible() and not notice.isModal()
    text = notice.text()
    assert f"{rollout}, line 2: backend_ulr" in text
    assert "idle_lock_minutes: must be a whole number, not 'fifteen'" in text
    assert "unknown language 'de'" in text
    # no secure keyring on this PC: said at start, in the UI's language, as the guide promises
    assert app.session.tokens.warning_code == INSECURE_WARNING and keyring_text() in text
    notice.close()
    settings = app.window.findChild(object, "configProblems")
    assert settings is not None and "backend_ulr" in settings.text()


def test_the_data_folder_is_private(built: Any, tmp_path: Path) -> None:
    folder = tmp_path / "pvz"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("pvz.json", "pvz.sqlite"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name


def test_the_window_fits_a_1366x768_screen(built: Any) -> None:
    app, _ = built
    available = QRect(0, 0, 1366, 728)  # 768 minus a task bar
    fit_to_screen(app.window, available)
    assert app.window.width() <= 1366 and app.window.height() <= 728 - 40
    hint = app.window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728 - 40, hint


def _start(tmp_path: Path, rollout: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WB_OPS_CONFIG": rollout, "HOME": str(tmp_path)}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, "-m", "pvz_app", "--data-dir", str(tmp_path / "pvz"), "--startup-check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[pvz]\nbackend_url = "http://x\n', "line 2"),  # not TOML
        (None, "cannot be read"),  # the file share is unreachable
        ('[pvz]\nidle_lock_minutes = "fifteen"\n', "line 2: idle_lock_minutes"),
    ],
)
def test_the_real_start_up_survives_a_bad_rollout(tmp_path: Path, content: str | None, expected: str) -> None:
    _configured(tmp_path / "pvz")
    rollout = tmp_path / "share" / "rollout.toml"
    if content is not None:
        rollout.parent.mkdir()
        rollout.write_text(content, encoding="utf-8")
    done = _start(tmp_path, str(rollout))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "pvz-app: started" in done.stdout
    assert f"pvz-app: configuration: {rollout}" in done.stderr and expected in done.stderr


def test_an_unreachable_rollout_file_falls_back_to_its_last_good_copy(tmp_path: Path) -> None:
    _configured(tmp_path / "pvz")
    rollout = tmp_path / "share" / "rollout.toml"
    rollout.parent.mkdir()
    rollout.write_text('[pvz]\nbackend_url = "https://fleet.example:8700"\n', encoding="utf-8")
    assert _start(tmp_path, str(rollout)).returncode == 0
    rollout.unlink()  # the share is down at the next start
    from shared.config import ConfigStore

    store = ConfigStore("pvz", tmp_path / "pvz" / "pvz.json", env={"WB_OPS_CONFIG": str(rollout)})
    config, problems = store.load_checked()
    assert config.backend_url == "https://fleet.example:8700"
    assert [p.kind for p in problems] == ["unreadable"] and "last good copy" in str(problems[0])


def test_the_terminal_start_up_survives_a_bad_rollout_too(tmp_path: Path) -> None:
    rollout = tmp_path / "rollout.toml"
    rollout.write_text('[terminal]\nbackend_url = "http://127.0.0.1:9"\nlanguage = "fr"\n[terminal.scanner\n')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WB_OPS_CONFIG": str(rollout), "HOME": str(tmp_path)}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("XDG_CONFIG_HOME", None)
    done = subprocess.run(
        [sys.executable, "-m", "scanner_app", "--data-dir", str(tmp_path / "t"), "--startup-check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert f"scanner-app: configuration: {rollout}, line 4" in done.stderr
