"""`make package-smoke`: run each built binary headless and check it really works.

* `pvz-app` and `scanner-app` (offscreen Qt, WB_OPS_SMOKE=1, see rthooks/pyi_rth_wb_ops_smoke.py):
  each must open its main window and quit with status 0;
* `wb-backend`: `init` a data dir, `serve` on a free 127.0.0.1 port until `/health` answers 200,
  `backup` it while it serves, then stop it with SIGTERM.

Everything runs in a temporary HOME, so the check never touches a real config or keyring.
Exit status 0 when every check passed; a line per check either way.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from meta import PROGRAMS, Program, executable

START_TIMEOUT_S = 60.0


@dataclass
class Check:
    name: str
    ok: bool
    seconds: float
    detail: str


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WB_", "PYTHON", "QT_"))}
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    (home / "run").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra or {})
    return env


def app_args(program: Program, work: Path) -> list[str]:
    backend = f"http://127.0.0.1:{free_port()}"  # nothing listens: the apps must start offline
    args = ["--data-dir", str(work / program.name), "--backend-url", backend, "--lang", "ru"]
    if program.name == "pvz-app":
        args += ["--site", "PVZ-SMOKE-1"]
    return args


def smoke_app(program: Program, work: Path, timeout: float = 120.0) -> Check:
    exe = executable(program)
    if not exe.exists():
        return Check(program.name, False, 0.0, f"not built: {exe}")
    env = clean_env(work / "home", {"WB_OPS_SMOKE": "1"})
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [str(exe), *app_args(program, work)], env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return Check(program.name, False, timeout, "did not quit: the window never came up")
    seconds = time.perf_counter() - started
    windows = [
        line.removeprefix("smoke: window ")
        for line in done.stdout.splitlines()
        if line.startswith("smoke: window")
    ]
    if done.returncode == 0 and windows:
        return Check(program.name, True, seconds, "; ".join(windows))
    tail = (done.stderr or done.stdout).strip().splitlines()[-8:]
    return Check(program.name, False, seconds, f"exit {done.returncode}: " + " | ".join(tail))


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return int(answer.status)
    except OSError:
        return 0


def smoke_backend(program: Program, work: Path) -> Check:
    exe = executable(program)
    if not exe.exists():
        return Check(program.name, False, 0.0, f"not built: {exe}")
    data = work / "backend-data"
    env = clean_env(work / "home")
    started = time.perf_counter()
    init = subprocess.run(
        [str(exe), "init", "--data-dir", str(data)], env=env, capture_output=True, text=True, timeout=120
    )
    if init.returncode != 0:
        return Check(
            program.name, False, time.perf_counter() - started, f"init failed: {init.stderr.strip()[-400:]}"
        )
    port = free_port()
    log = open(work / "backend.log", "wb")  # noqa: SIM115 - handed to the child
    server = subprocess.Popen(
        [str(exe), "serve", "--data-dir", str(data), "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        status = 0
        while time.monotonic() < deadline and server.poll() is None:
            status = _get(f"http://127.0.0.1:{port}/health")
            if status == 200:
                break
            time.sleep(0.1)
        up = time.perf_counter() - started
        if status != 200:
            text = (work / "backend.log").read_text(errors="replace")[-600:]
            return Check(program.name, False, up, f"/health never answered 200: {text}")
        backup = subprocess.run(
            [str(exe), "backup", str(work / "backups"), "--data-dir", str(data)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if backup.returncode != 0:
            return Check(
                program.name, False, up, f"backup while serving failed: {backup.stderr.strip()[-400:]}"
            )
        return Check(program.name, True, up, f"/health 200 on port {port}; {backup.stdout.strip()}")
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def run(names: list[str] | None = None) -> list[Check]:
    checks: list[Check] = []
    with tempfile.TemporaryDirectory(prefix="wb-ops-smoke-") as tmp:
        work = Path(tmp)
        for program in PROGRAMS:
            if names and program.name not in names:
                continue
            checks.append(smoke_app(program, work) if program.gui else smoke_backend(program, work))
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make package-smoke", description="run the built bundles headless")
    parser.add_argument("programs", nargs="*", help="pvz-app, scanner-app, wb-backend (default: all)")
    args = parser.parse_args(argv)
    checks = run(args.programs or None)
    for c in checks:
        print(f"{'ok  ' if c.ok else 'FAIL'} {c.name:<12} {c.seconds:6.2f} s  {c.detail}", flush=True)
    failed = [c.name for c in checks if not c.ok]
    if failed:
        print(f"package-smoke: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("package-smoke: every bundle works")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
