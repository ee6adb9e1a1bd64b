"""Typed store errors with a message a screen can show as it is."""

from __future__ import annotations

import sqlite3


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


def translate(exc: sqlite3.Error) -> StoreError:
    """Map a sqlite3 error onto a typed StoreError (the screen shows ``message``)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    low = text.lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in low or "database or disk is full" in low:
        return DiskFullError(_MESSAGES["disk_full"], detail=text)
    if name.startswith("SQLITE_READONLY") or "readonly" in low or "read-only" in low:
        return ReadOnlyError(_MESSAGES["read_only"], detail=text)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in low:
        return LockedError(_MESSAGES["locked"], detail=text)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in low or "malformed" in low:
        return CorruptError(_MESSAGES["corrupt"], detail=text)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in low:
        return StoreError(_MESSAGES["cannot_open"], detail=text)
    return StoreError("Ошибка локальной базы данных: операция не сохранена.", detail=text)
