"""Typed store errors: a stable ``code`` with ``params``; ``message`` is its text in the current language
(shared/messages.py renders it from the translation catalog)."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from shared.domain import InvalidOperation
from shared.messages import Coded, render

if sys.platform != "win32":
    import resource


class StoreError(Coded, Exception):
    """The local database could not do what was asked. ``code`` says what (one of :data:`CODES`),
    ``message`` says it to the user, ``detail`` is the technical cause for logs."""

    code = "store_error"

    def __init__(self, code: str | None = None, *, detail: str = "", **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params: Mapping[str, Any] = params
        self.detail = detail
        super().__init__(f"{self.code} ({detail})" if detail else self.code)

    def __str__(self) -> str:
        text = self.message
        return f"{text} ({self.detail})" if self.detail else text


class DiskFullError(StoreError):
    code = "disk_full"


class ReadOnlyError(StoreError):
    code = "read_only"


class LockedError(StoreError):
    code = "locked"


class CorruptError(StoreError):
    code = "corrupt"


# Every code a StoreError carries; each has a text in both languages (a test checks).
CODES: Final = (
    "store_error",  # any other local database error
    "disk_full",
    "read_only",
    "locked",
    "corrupt",
    "cannot_open",
    "store_io",  # an OS error writing the app's files
    "data_folder",  # the data folder cannot be created
    "no_wal",
    "foreign_device",  # the database's journal belongs to another device
    "newer_schema",  # made by a newer version of the app (a rollback)
    "photo_not_saved",
)

# The codes of the operations the store refuses (InvalidOperation from shared/store/effects.py and
# conflicts.py), besides the domain's own (invalid_payload, unknown_type, illegal_transition, ...).
REFUSAL_CODES: Final = (
    "unknown_unit",
    "unknown_box",
    "unknown_cell",
    "unknown_location",
    "unknown_task",
    "unknown_route",
    "not_in_task",
    "not_in_box",
    "not_in_cell",
    "wrong_site",
    "wrong_box",
    "wrong_box_kind",
    "wrong_order",
    "wrong_destination",
    "wrong_status",
    "box_exists",
    "box_closed",
    "box_empty",
    "box_open",
    "route_closed",
    "reason_required",
    "unknown_conflict",
    "already_resolved",
    "invalid_payload",
    "invalid_operation",
    "unknown_type",
)


def refused(code: str, **params: Any) -> InvalidOperation:
    """An InvalidOperation the store raises: ``code`` and ``params``, the message in words."""
    return InvalidOperation(code, render(code, params), params)


# What a full disk looks like from below: the filesystem is full (ENOSPC), the user's quota is used up
# (EDQUOT), or the file may not grow past the process's file-size limit (EFBIG, RLIMIT_FSIZE; Python
# ignores SIGXFSZ, so the write fails instead of killing the app).
DISK_FULL_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EFBIG) if code is not None
)
# SQLite turns ENOSPC into SQLITE_FULL, but EDQUOT and EFBIG into an I/O error of the write (or of
# growing a file) that does not say why; Python does not expose the errno behind it.
_WRITE_IOERRS = ("SQLITE_IOERR_WRITE", "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_FSYNC")
_PROBE_BYTES = 1 << 20  # more than SQLite writes at once (a page, a WAL frame, a size hint step)


def _file_size_limit() -> int | None:
    if sys.platform == "win32":
        return None  # no RLIMIT_FSIZE there
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return None if soft == resource.RLIM_INFINITY else int(soft)


def _at_file_size_limit(path: Path | None) -> bool:
    """A file-size limit is in force and (when the database is known) one of its files is at it."""
    limit = _file_size_limit()
    if limit is None:
        return False
    if path is None:
        return True  # a write failed under a file-size limit: the limit is by far the likeliest cause
    for suffix in ("", "-wal", "-journal", "-shm"):
        try:
            if os.path.getsize(f"{path}{suffix}") + _PROBE_BYTES >= limit:
                return True
        except OSError:
            continue
    return False


def _no_room_beside(path: Path) -> bool:
    """Try to write a scratch file next to the database: True when the disk (or quota) refuses it."""
    probe = path.with_name(f".{path.name}.space-probe-{os.getpid()}")
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        return exc.errno in DISK_FULL_ERRNOS
    try:
        chunk = b"\0" * 65536
        written = 0
        while written < _PROBE_BYTES:
            n = os.write(fd, chunk)
            if n <= 0:
                return True
            written += n
        os.fsync(fd)  # some filesystems (NFS) report a quota only when the data is flushed
        return False
    except OSError as exc:
        return exc.errno in DISK_FULL_ERRNOS
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)


def is_disk_full(exc: BaseException, path: Path | str | None = None) -> bool:
    """Whether an error means there is no room to write: a full filesystem, a used-up quota or a
    file-size limit. ``path`` (the database file) lets an unexplained SQLite write error be checked
    against the file-size limit and with a scratch write beside the database."""
    if isinstance(exc, OSError):
        return exc.errno in DISK_FULL_ERRNOS
    name = getattr(exc, "sqlite_errorname", "") or ""
    low = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in low:
        return True
    if not name.startswith(_WRITE_IOERRS):
        return False
    where = Path(path) if path is not None else None
    return _at_file_size_limit(where) or (where is not None and _no_room_beside(where))


def translate(exc: sqlite3.Error | OSError, path: Path | str | None = None) -> StoreError:
    """Map a sqlite3 (or OS) error onto a typed StoreError (the screen shows ``message``).

    ``path``, the database file, is optional: with it an I/O error of a write is checked for a used-up
    quota too (a scratch write beside the database), not only for a file-size limit.
    """
    if is_disk_full(exc, path):
        return DiskFullError(detail=str(exc))
    if isinstance(exc, OSError):
        return StoreError("store_io", detail=str(exc))
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    low = text.lower()
    if name.startswith("SQLITE_READONLY") or "readonly" in low or "read-only" in low:
        return ReadOnlyError(detail=text)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in low:
        return LockedError(detail=text)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in low or "malformed" in low:
        return CorruptError(detail=text)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in low:
        return StoreError("cannot_open", detail=text)
    return StoreError("store_error", detail=text)
