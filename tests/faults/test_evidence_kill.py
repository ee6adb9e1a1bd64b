"""Photos survive a SIGKILL of the client mid-save and mid-upload, and reach the backend exactly once.

Each run is a forked child on the same store file and evidence folder, against a real backend
(uvicorn on loopback). A child saves photos (logging each hash only once ``save_photo`` returned,
i.e. once it was confirmed) and uploads the queue; the parent kills it with SIGKILL at a random
moment. Afterwards: no half-written file under any photo's name, every confirmed photo is on the
device and queued or sent, and after one clean upload the backend holds each exactly once.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from shared.domain import SystemClock
from shared.sync.evidence import EvidenceUploader
from tests.support.backend import BackendServer
from tests.support.client import open_client
from tests.support.world import World

DEVICE = "pvz-photo-kill-1"
RUNS = int(os.environ.get("WB_EVIDENCE_KILL_RUNS", "12"))


def _photo(rnd: random.Random) -> bytes:
    """A PNG of noise: a few hundred KiB, so a kill often lands inside a write."""
    side = rnd.randint(200, 420)
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), rnd.randbytes(side * side * 3)).save(out, "PNG", compress_level=0)
    return out.getvalue()


def _child(db: Path, url: str, token: str, seed: int, log: Path, upload: bool) -> None:
    rnd = random.Random(seed)
    store, engine, _client = open_client(
        db, url, token, DEVICE, clock=SystemClock(), timeout=5.0, max_attempts=2
    )
    uploader = EvidenceUploader(engine, batch=3)
    with open(log, "a", encoding="utf-8") as confirmed:
        while True:
            for _ in range(rnd.randint(1, 3)):
                p = store.save_photo(
                    _photo(rnd), taken_by="u-clerk", subject=f"U-{seed}", subject_kind="unit"
                )
                confirmed.write(p.sha256 + "\n")
                confirmed.flush()
            if upload:
                uploader.upload_pending()


def _server_rows(server: BackendServer) -> list[str]:
    from backend_stub.db import evidence

    ctx = server.context()
    try:
        with ctx.db.read() as conn:
            return [r.sha256 for r in conn.execute(select(evidence.c.sha256))]
    finally:
        ctx.db.dispose()


def _check_device_folder(db: Path) -> list[Path]:
    files = [p for p in (db.parent / "evidence").rglob("*") if p.is_file()]
    for p in files:
        if p.name.endswith(".part"):
            continue  # a temporary file: never under a photo's name, removed at the next start
        assert hashlib.sha256(p.read_bytes()).hexdigest() == p.name.split(".")[0], f"half a photo: {p}"
    return files


@pytest.mark.slow
def test_photos_survive_kills_mid_save_and_mid_upload_and_arrive_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    db, log = tmp_path / "pvz.sqlite3", tmp_path / "confirmed.txt"
    log.touch()
    with BackendServer(tmp_path / "backend") as server:
        world = World.standard(server, products=1)
        token = world.device_token(world.clerk1, DEVICE)
        rnd = random.Random(1717)
        for run in range(RUNS):
            p = ctx.Process(target=_child, args=(db, server.url, token, run, log, run % 3 != 0), daemon=True)
            p.start()
            time.sleep(rnd.uniform(0.05, 0.6))
            p.kill()
            p.join(10)
            assert p.exitcode == -signal.SIGKILL
            _check_device_folder(db)

        confirmed = sorted({line for line in log.read_text().split() if line})
        assert len(confirmed) >= RUNS  # the runs did real work
        store, engine, client = open_client(db, server.url, token, DEVICE)
        assert store.recover_photos() >= 0
        files = _check_device_folder(db)
        assert not [p for p in files if p.name.endswith(".part")]  # leftovers cleared at start
        for sha in confirmed:
            photo = store.photo(sha)
            assert photo is not None, f"a confirmed photo was lost: {sha}"
            assert store.photo_path(sha).is_file()
        sent_before = set(_server_rows(server))
        report = EvidenceUploader(engine).upload_pending()
        assert report.error is None and report.refused == 0
        assert store.pending_photo_count() == 0
        on_server = _server_rows(server)
        assert len(on_server) == len(set(on_server))  # exactly once each
        assert set(confirmed) <= set(on_server)
        assert sent_before, "no run got as far as an upload"
        server_files = [f for f in (tmp_path / "backend" / "evidence").rglob("*") if f.is_file()]
        assert len(server_files) == len(on_server)
        for f in server_files:
            assert hashlib.sha256(f.read_bytes()).hexdigest() == f.name.split(".")[0]
        store.close()
        client.close()
        world.close()


def _killed_after_the_server_stored(db: Path, url: str, token: str) -> None:
    _store, engine, _client = open_client(db, url, token, DEVICE, clock=SystemClock())

    def die(_sha: str) -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # the server answered 201; its answer is never recorded

    EvidenceUploader(engine, before_answer=die).upload_pending()


def test_a_photo_whose_answer_was_lost_is_sent_again_and_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "pvz.sqlite3"
    with BackendServer(tmp_path / "backend") as server:
        world = World.standard(server, products=1)
        token = world.device_token(world.clerk1, DEVICE)
        store, engine, client = open_client(db, server.url, token, DEVICE)
        photo = store.save_photo(_photo(random.Random(7)), taken_by="u", subject="U-1", subject_kind="unit")
        store.close()
        client.close()
        p = multiprocessing.get_context("fork").Process(
            target=_killed_after_the_server_stored, args=(db, server.url, token)
        )
        p.start()
        p.join(30)
        assert p.exitcode == -signal.SIGKILL
        assert _server_rows(server) == [photo.sha256]

        store, engine, client = open_client(db, server.url, token, DEVICE)
        assert [q.sha256 for q in store.pending_photos()] == [photo.sha256]  # still queued
        report = EvidenceUploader(engine).upload_pending()
        assert (report.uploaded, report.refused, report.error) == (1, 0, None)
        assert store.pending_photo_count() == 0
        assert _server_rows(server) == [photo.sha256]
        store.close()
        client.close()
        world.close()
