"""HTTP stack: a bare uvicorn hello-world (the ceiling) beside the backend's /health, both loaded
from a second process with keep-alive clients."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests.benchmarks import Row
from tests.support.backend import ROOT, BackendServer, free_port

N = 3000
THREADS = 4


def _load(url: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks._backend_load", "get", url, str(N), str(THREADS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run() -> list[Row]:
    rows: list[Row] = []
    port = free_port()
    hello = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks._backend_load", "hello", str(port)], cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        bare = _load(f"http://127.0.0.1:{port}/")
    finally:
        hello.terminate()
        hello.wait(10)
    note = f"{N} GETs, {THREADS} keep-alive clients in a second process"
    rows.append(Row("backend", "bare uvicorn hello-world", bare["rps"], "req/s", "", note))
    rows.append(Row("backend", "bare uvicorn hello-world p50", bare["p50"], "ms", "", note))
    with tempfile.TemporaryDirectory() as tmp, BackendServer(Path(tmp) / "b") as server:
        health = _load(server.url + "/health")
    rows.append(Row("backend", "backend GET /health (FastAPI + DB ping)", health["rps"], "req/s", "", note))
    rows.append(Row("backend", "backend GET /health p50", health["p50"], "ms", "", note))
    return rows
