"""schemathesis against the real server's own /openapi.json: no 5xx, and every response matches the
schema (status code documented, content type, body). Bounded examples keep it short.

schemathesis runs as its CLI in a subprocess outside the source tree, so its own imports never mix
with the project's modules.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.backend import BackendServer
from tests.support.world import World

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


@pytest.fixture(scope="module")
def fuzz_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    server = BackendServer(Path(tmp_path_factory.mktemp("fuzz")) / "backend")
    server.start()
    try:
        with World.standard(server, products=30) as w:
            for account in (w.clerk1, w.picker, w.admin, w.customer):
                w.login(account)
            order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
            w.pay(order)
            yield w
    finally:
        server.stop()


# (who calls, which paths): each role fuzzes the endpoints it is meant to use
ROLES = [
    ("clerk1", r"^/api/v1/sync/"),
    ("picker", r"^/api/v1/(warehouse|events)"),
    ("customer", r"^/api/v1/orders"),
    ("admin", r"^/(health|api/v1/(catalog|payments|admin/devices|auth/(login|refresh|me)))"),
]


@pytest.mark.parametrize(("who", "paths"), ROLES, ids=[r[0] for r in ROLES])
def test_api_conforms_to_its_schema(fuzz_world: World, who: str, paths: str, tmp_path: Path) -> None:
    account = getattr(fuzz_world, who if who != "picker" else "picker")
    st = Path(sys.executable).with_name("st")
    cmd = [
        str(st),
        "run",
        fuzz_world.server.url + "/openapi.json",
        "--checks",
        CHECKS,
        "--include-path-regex",
        paths,
        "--max-examples",
        "25",
        "--seed",
        "1",
        "--phases",
        "examples,coverage,fuzzing",
        "--workers",
        "1",
        "--request-timeout",
        "20",
        "-H",
        f"Authorization: Bearer {account.token}",
    ]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
