"""Warehouse terminal: a 5,000-task list opened and scrolled, frame by frame; cold start of the app.

Frames: the list is scrolled programmatically from top to bottom in steps of a third of a screen;
each frame is the time to move the scroll bar and repaint the viewport synchronously (what a
finger drag costs). Cold start: `python -m scanner_app --startup-check` in a fresh process, from
spawn to exit, window built and shown (median of 3).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Row

ROOT = Path(__file__).resolve().parents[2]
TASKS = 5000


def _task_list() -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from scanner_app.__main__ import TerminalConfig, build
    from scanner_app.services import Session
    from shared.domain import ManualClock, Role
    from tests.support.demo_terminal import seed

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench-terminal-"))
    clock = ManualClock()
    terminal = build(
        TerminalConfig(backend_url="http://127.0.0.1:9", data_dir=tmp, inline=True, wedge=False),
        clock=clock,
        app=app,
    )
    t0 = time.perf_counter()
    seed(terminal.store, clock, tasks=TASKS, units_per_task=2)
    seeded = time.perf_counter() - t0
    window = terminal.window
    window.resize(480, 800)
    window.show()
    window.start_shift(Session("U1", "bench", "bench", Role.WAREHOUSE, "WH-DEMO-1"))
    app.processEvents()

    screen = window.screens["tasks"]
    t0 = time.perf_counter()
    window.navigate("tasks")
    screen.view.viewport().repaint()  # type: ignore[attr-defined]
    app.processEvents()
    opened = (time.perf_counter() - t0) * 1000
    rows = screen.model.rowCount()  # type: ignore[attr-defined]

    view = screen.view  # type: ignore[attr-defined]
    bar = view.verticalScrollBar()
    step = max(1, view.viewport().height() // 3)
    frames: list[float] = []
    for direction in (1, -1):
        value = bar.minimum() if direction == 1 else bar.maximum()
        while bar.minimum() <= value <= bar.maximum():
            f0 = time.perf_counter()
            bar.setValue(value)
            view.viewport().repaint()
            app.processEvents()
            frames.append((time.perf_counter() - f0) * 1000)
            value += direction * step
    terminal.close()
    frames.sort()
    p95 = frames[int(len(frames) * 0.95) - 1]
    load = os.getloadavg()[0]
    note = f"{rows} open tasks, {len(frames)} frames, offscreen, load {load:.1f} on {os.cpu_count()} cores"
    return [
        Row("terminal", "seed 5,000 tasks (pull apply)", seeded * 1000, "ms", "", f"{TASKS * 4} changes"),
        Row("terminal", "open task list", opened, "ms", "", note),
        Row("terminal", "scroll frame max", frames[-1], "ms", "< 50", note),
        Row("terminal", "scroll frame p95", p95, "ms", "< 50", note),
    ]


def _cold_start(runs: int = 3) -> list[Row]:
    walls: list[float] = []
    inner: list[float] = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    for _ in range(runs):
        data = tempfile.mkdtemp(prefix="bench-terminal-start-")
        t0 = time.perf_counter()
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "scanner_app",
                "--startup-check",
                "--data-dir",
                data,
                "--backend-url",
                "http://127.0.0.1:9",
                "--device-id",
                "BENCH-1",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        walls.append(time.perf_counter() - t0)
        for line in out.stdout.splitlines():
            if line.startswith("startup "):
                inner.append(float(line.split()[1].rstrip("s")))
    return [
        Row(
            "terminal",
            "cold start (process, window shown)",
            statistics.median(walls),
            "s",
            "< 1.5",
            f"median of {runs}",
        ),
        Row(
            "terminal",
            "start to window (in process)",
            statistics.median(inner) if inner else float("nan"),
            "s",
            "",
            "from scanner_app.__main__ import to window shown",
        ),
    ]


def run() -> list[Row]:
    return _task_list() + _cold_start()
