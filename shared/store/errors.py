"""Typed store errors with a message a screen can show as it is."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
from pathlib import Path

if sys.platform != "win32":
    import resource


class StoreError(Exception):
    """The local database could not do what was asked. ``message`` is meant for the user."""

    code = "store_error"

    def __init__(self, message: str, *, detail: str = "") -> None:
        self.message = message
        self.detail = detail
        super().__init__(message if not detail else f"{message} ({detail})")


class DiskFullError(StoreError):
    code = "disk_full"


class ReadOnlyError(StoreError):
    code = "read_only"


class LockedError(StoreError):
    code = "locked"


class CorruptError(StoreError):
    code = "corrupt"


_MESSAGES = {
    "disk_full": "Диск заполнен: операция не сохранена. Освободите место и повторите. "
    "Уже подтверждённые операции сохранены.",
    "read_only": "База данных доступна только для чтения: операция не сохранена. "
    "Проверьте права на папку данных приложения.",
    "locked": "База данных занята другим процессом: операция не сохранена. "
    "Закройте вторую копию приложения и повторите.",
    "corrupt": "Файл базы данных повреждён или это не база данных приложения.",
    "cannot_open": "Не удалось открыть базу данных приложения.",
}


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
        return DiskFullError(_MESSAGES["disk_full"], detail=str(exc))
    if isinstance(exc, OSError):
        return StoreError("Ошибка записи файлов приложения: операция не сохранена.", detail=str(exc))
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    low = text.lower()
    if name.startswith("SQLITE_READONLY") or "readonly" in low or "read-only" in low:
        return ReadOnlyError(_MESSAGES["read_only"], detail=text)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in low:
        return LockedError(_MESSAGES["locked"], detail=text)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in low or "malformed" in low:
        return CorruptError(_MESSAGES["corrupt"], detail=text)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in low:
        return StoreError(_MESSAGES["cannot_open"], detail=text)
    return StoreError("Ошибка локальной базы данных: операция не сохранена.", detail=text)
