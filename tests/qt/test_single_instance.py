"""One app instance per data dir: a second start (another process) is refused and brings the first
window forward; a lock left by a killed instance does not block the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from shared.qt.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from PySide6.QtCore import QCoreApplication
from shared.qt.single_instance import SingleInstance
app = QCoreApplication([])
inst = SingleInstance(sys.argv[1])
ok = inst.acquire()
print("acquired" if ok else "refused", flush=True)
"""


def _second_start(folder: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)], env=env, capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip()


def test_a_second_process_on_the_same_data_dir_is_refused_and_wakes_the_first(
    qtbot: QtBot, tmp_path: Path
) -> None:
    woken: list[bool] = []
    first = SingleInstance(tmp_path / "pvz", on_activate=lambda: woken.append(True))
    assert first.acquire()
    try:
        assert _second_start(tmp_path / "pvz") == "refused"
        qtbot.waitUntil(lambda: bool(woken), timeout=5000)
        assert _second_start(tmp_path / "other") == "acquired"  # another data dir is another app
    finally:
        first.release()
    assert _second_start(tmp_path / "pvz") == "acquired"


def test_a_lock_left_by_a_killed_instance_does_not_block_the_next_start(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    holder = subprocess.Popen(
        [sys.executable, "-c", CHILD + "\nimport time; time.sleep(60)\n", str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "acquired"
    assert _second_start(tmp_path) == "refused"
    holder.kill()
    holder.wait(10)
    assert (tmp_path / "instance.lock").exists()  # left behind by the killed process
    assert _second_start(tmp_path) == "acquired"
