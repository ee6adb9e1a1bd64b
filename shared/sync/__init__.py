"""Sync engine: push the journal, pull changes, classify errors, report status (no Qt)."""

from .engine import Backoff, SyncEngine, SyncReport, SyncStatus, TokenSource
from .errors import ErrorKind, LoginRequired, SyncError, classify_exception, classify_response

__all__ = [
    "Backoff",
    "ErrorKind",
    "LoginRequired",
    "SyncEngine",
    "SyncError",
    "SyncReport",
    "SyncStatus",
    "TokenSource",
    "classify_exception",
    "classify_response",
]
