"""Bundle sizes and start-up times of the built programs (`make package` first).

* size of dist/wb-ops (both apps), dist/wb-backend and the Linux archive;
* app start: spawn the binary (offscreen Qt, WB_OPS_SMOKE=1 so it quits by itself) until it reports
  its window shown and its event loop running; the first run after the build (cold: nothing of the
  bundle in memory yet, unless something else ran it) and the median of the next runs (warm);
* backend start: spawn `wb-backend serve` until /health answers 200.

Without bundles in dist/ every row says so in its note and carries 0.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.benchmarks import Row
from tests.support.packaging_scripts import packaging_script

_meta = packaging_script("meta")
_smoke = packaging_script("smoke")
APPS_BUNDLE, BACKEND_BUNDLE, DIST = _meta.APPS_BUNDLE, _meta.BACKEND_BUNDLE, _meta.DIST
PROGRAMS, Program, archive_name, executable = (
    _meta.PROGRAMS,
    _meta.Program,
    _meta.archive_name,
    _meta.executable,
)
app_args, clean_env, free_port = _smoke.app_args, _smoke.clean_env, _smoke.free_port

WARM_RUNS = 3
NO_BUNDLE = "dist/ has no bundles: run `make package` first"


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _app_start(program: Program, work: Path) -> float:
    """Seconds from spawn to the smoke hook's 'event loop' line (window shown, loop running)."""
    env = clean_env(work / "home", {"WB_OPS_SMOKE": "1", "WB_OPS_SMOKE_DELAY_MS": "0"})
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(executable(program)), *app_args(program, work)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    seen = None
    for line in proc.stdout:
        if line.startswith("smoke: event loop") and seen is None:
            seen = time.perf_counter() - started
    proc.wait(timeout=120)
    if seen is None or proc.returncode != 0:
        raise RuntimeError(f"{program.name} did not show its window (exit {proc.returncode})")
    return seen


def _backend_start(program: Program, work: Path) -> float:
    data = work / "backend-data"
    env = clean_env(work / "home")
    if not (data / "backend.sqlite3").exists():
        subprocess.run(
            [str(executable(program)), "init", "--data-dir", str(data)],
            env=env,
            check=True,
            capture_output=True,
        )
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            str(executable(program)),
            "serve",
            "--data-dir",
            str(data),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("wb-backend did not answer /health")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def run() -> list[Row]:
    rows: list[Row] = []
    bundles = {APPS_BUNDLE: DIST / APPS_BUNDLE, BACKEND_BUNDLE: DIST / BACKEND_BUNDLE}
    archive = DIST / f"{archive_name()}.tar.gz"
    for name, path in [*bundles.items(), ("linux archive", archive)]:
        if path.exists():
            rows.append(
                Row(
                    "package",
                    f"size of {name}",
                    round(_size_mb(path), 1),
                    "MB",
                    note=str(path.relative_to(DIST.parent)),
                )
            )
        else:
            rows.append(Row("package", f"size of {name}", 0.0, "MB", note=NO_BUNDLE))
    with tempfile.TemporaryDirectory(prefix="wb-bench-package-") as tmp:
        work = Path(tmp)
        for program in PROGRAMS:
            if not executable(program).exists():
                rows.append(Row("package", f"{program.name} start", 0.0, "s", note=NO_BUNDLE))
                continue
            measure = _app_start if program.gui else _backend_start
            what = "to window shown" if program.gui else "to /health 200"
            try:
                first = measure(program, work)
                warm = [measure(program, work) for _ in range(WARM_RUNS)]
            except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
                rows.append(Row("package", f"{program.name} start", 0.0, "s", note=f"failed: {exc}"))
                continue
            rows.append(
                Row(
                    "package",
                    f"{program.name} start, first run",
                    round(first, 3),
                    "s",
                    note=f"spawn {what}" + (", offscreen" if program.gui else ""),
                )
            )
            rows.append(
                Row(
                    "package",
                    f"{program.name} start, warm",
                    round(statistics.median(warm), 3),
                    "s",
                    note=f"median of {WARM_RUNS}, spawn {what}, {os.cpu_count()} cores",
                )
            )
    return rows
