"""Load generator for the backend benchmarks, run as a second process:

    python -m tests.benchmarks._backend_load webhook SPEC.json   # steady-rate signed webhooks
    python -m tests.benchmarks._backend_load get URL N THREADS   # GETs as fast as they go
    python -m tests.benchmarks._backend_load hello PORT           # bare uvicorn hello-world server

Prints one JSON line of results (latencies in ms).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import statistics
import sys
import threading
import time
from typing import Any


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def webhook(spec_path: str) -> dict[str, Any]:
    import httpx

    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    secret = spec["secret"].encode()
    interval = 1.0 / spec["rate"]
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    with httpx.Client(base_url=spec["url"], timeout=30) as client:
        client.get("/health")
        start = time.perf_counter()
        for i, (order_id, amount) in enumerate(spec["orders"]):
            due = start + i * interval
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            body = json.dumps(
                {
                    "event_id": f"bench-evt-{i}-{order_id}",
                    "type": "payment.succeeded",
                    "tx_id": f"bench-tx-{i}-{order_id}",
                    "order_id": order_id,
                    "amount_kopecks": amount,
                    "currency": "RUB",
                    "created_at": "2026-11-25T10:00:00.000Z",
                }
            ).encode()
            t = int(time.time())
            mac = hmac.new(secret, f"{t}.".encode() + body, hashlib.sha256).hexdigest()
            sent = time.perf_counter()
            r = client.post(
                "/api/v1/payments/webhook",
                content=body,
                headers={"X-Payment-Signature": f"t={t},v1={mac}", "Content-Type": "application/json"},
            )
            latencies.append((time.perf_counter() - sent) * 1000)
            key = f"{r.status_code}:{r.json().get('status', '')}"
            statuses[key] = statuses.get(key, 0) + 1
        total = time.perf_counter() - start
    return {
        "n": len(latencies),
        "p50": statistics.median(latencies),
        "p99": _pct(latencies, 99),
        "max": max(latencies),
        "rate": len(latencies) / total,
        "statuses": statuses,
    }


def get(url: str, n: int, threads: int) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    lock = threading.Lock()

    def worker(count: int) -> None:
        mine = []
        with httpx.Client(timeout=30) as client:
            client.get(url)
            for _ in range(count):
                sent = time.perf_counter()
                client.get(url).raise_for_status()
                mine.append((time.perf_counter() - sent) * 1000)
        with lock:
            latencies.extend(mine)

    per = n // threads
    pool = [threading.Thread(target=worker, args=(per,)) for _ in range(threads)]
    start = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    total = time.perf_counter() - start
    return {
        "n": len(latencies),
        "rps": len(latencies) / total,
        "p50": statistics.median(latencies),
        "p99": _pct(latencies, 99),
    }


def hello(port: int) -> None:
    import uvicorn

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": b'{"status":"ok"}'})

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "webhook":
        print(json.dumps(webhook(argv[1])))
    elif mode == "get":
        print(json.dumps(get(argv[1], int(argv[2]), int(argv[3]))))
    elif mode == "hello":
        hello(int(argv[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
