"""A disk that is full by quota or by file-size limit is the same `disk_full` to the clerk as a full
filesystem, and loses nothing recorded before.

SQLite reports a full filesystem (ENOSPC) as SQLITE_FULL, but a used-up quota (EDQUOT) and a file
that may not grow past RLIMIT_FSIZE (EFBIG) only as an I/O error of the write. The file-size limit is
tested for real: a child process under `setrlimit(RLIMIT_FSIZE)` (Python ignores SIGXFSZ, so writes
fail with EFBIG) records operations until the limit. A real quota needs root and quota tools (the
tmpfs here has no quota support), so EDQUOT is tested where it is translated.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.domain import ManualClock, OpType, Role, SiteKind
from shared.store import Actor, DiskFullError, LocalStore, StoreError
from shared.store.errors import is_disk_full, translate

ROOT = Path(__file__).resolve().parents[2]
ACTOR = Actor("u1", "clerk", Role.CLERK, "PVZ-1", SiteKind.PVZ)
CLOCK = ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
DISK_FULL_TEXT = "Диск заполнен"

needs_rlimit = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")

CHILD = textwrap.dedent(
    """
    import json, os, resource, sys
    from datetime import UTC, datetime
    from shared.domain import ManualClock, OpType, Role, SiteKind
    from shared.store import Actor, LocalStore, StoreError

    path, headroom = sys.argv[1], int(sys.argv[2])
    actor = Actor("u1", "clerk", Role.CLERK, "PVZ-1", SiteKind.PVZ)
    store = LocalStore.open(path, "dev", ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC)))
    sizes = [os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s)]
    limit = max(sizes) + headroom
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    recorded, errors = [], []
    for n in range(100000):
        try:
            op = store.record(OpType.SHIFT_OPEN, {"shift_id": f"shift-{n}-" + "x" * 300}, actor).op
        except StoreError as exc:
            errors.append({"type": type(exc).__name__, "code": exc.code, "message": exc.message,
                           "detail": exc.detail})
            if len(errors) == 2:  # the first refusal and the next try: both say the disk is full
                break
            continue
        recorded.append(op.op_id)
    print(json.dumps({"limit": limit, "recorded": recorded, "errors": errors,
                      "pending": store.pending_count()}))
    """
)


@needs_rlimit
@pytest.mark.parametrize("headroom", [64 * 1024, 300 * 1024])
def test_file_size_limit_is_disk_full_and_nothing_recorded_is_lost(tmp_path: Path, headroom: int) -> None:
    path = tmp_path / "s.sqlite3"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(headroom)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr  # not killed by SIGXFSZ: the write failed instead
    report = json.loads(done.stdout.strip().splitlines()[-1])
    recorded = report["recorded"]
    assert recorded, "the limit left no room for a single op: raise the headroom"
    assert len(report["errors"]) == 2
    for err in report["errors"]:
        assert (err["type"], err["code"]) == ("DiskFullError", "disk_full"), err
        assert DISK_FULL_TEXT in err["message"]
    assert report["pending"] == len(recorded)  # the store still reads after the refusal
    again = LocalStore.open(path, "dev", CLOCK)  # room again: a process without the limit
    try:
        assert [op.op_id for op in again.pending_ops(100000)] == recorded
        assert [op.seq for op in again.pending_ops(100000)] == list(range(1, len(recorded) + 1))
        again.record(OpType.SHIFT_OPEN, {"shift_id": "after"}, ACTOR)
        assert again.pending_count() == len(recorded) + 1
    finally:
        again.close()


def _sqlite_error(name: str, text: str = "disk I/O error") -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorname = name  # what sqlite3 sets on errors it raises
    return exc


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EFBIG])
def test_os_errors_of_a_full_disk_quota_or_size_limit_are_disk_full(code: int) -> None:
    err = translate(OSError(code, os.strerror(code)))
    assert isinstance(err, DiskFullError) and err.code == "disk_full" and DISK_FULL_TEXT in err.message


def test_other_os_errors_are_not_disk_full() -> None:
    err = translate(OSError(errno.EIO, os.strerror(errno.EIO)))
    assert isinstance(err, StoreError) and not isinstance(err, DiskFullError)


def test_sqlite_full_is_disk_full_as_before() -> None:
    assert isinstance(translate(_sqlite_error("SQLITE_FULL", "database or disk is full")), DiskFullError)


def _no_file_size_limit() -> None:
    if sys.platform != "win32":
        import resource

        if resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY:
            pytest.skip("this test process runs under a file-size limit")


def test_a_write_error_under_a_used_up_quota_is_disk_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLITE_IOERR_WRITE from EDQUOT: the scratch write beside the database is refused the same way."""
    _no_file_size_limit()
    db = tmp_path / "s.sqlite3"
    db.write_bytes(b"")

    def over_quota(fd: int, data: bytes) -> int:
        raise OSError(errno.EDQUOT, os.strerror(errno.EDQUOT))

    monkeypatch.setattr(os, "write", over_quota)  # the scratch write beside the database
    err = translate(_sqlite_error("SQLITE_IOERR_WRITE"), db)
    assert isinstance(err, DiskFullError) and DISK_FULL_TEXT in err.message
    assert [p.name for p in tmp_path.iterdir()] == ["s.sqlite3"]  # the scratch file is gone


def test_a_write_error_with_room_to_spare_is_not_called_disk_full(tmp_path: Path) -> None:
    """A failing disk (EIO) is not a full one: with room beside the database and no size limit."""
    _no_file_size_limit()
    db = tmp_path / "s.sqlite3"
    db.write_bytes(b"")
    assert not is_disk_full(_sqlite_error("SQLITE_IOERR_WRITE"), db)
    err = translate(_sqlite_error("SQLITE_IOERR_WRITE"), db)
    assert type(err) is StoreError
    assert not is_disk_full(_sqlite_error("SQLITE_IOERR_READ"), db)
    assert [p.name for p in tmp_path.iterdir()] == ["s.sqlite3"]
