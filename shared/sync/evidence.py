"""Uploads queued photos: ``PUT /api/v1/evidence/{sha256}`` for each, oldest first. No Qt.

Runs on the sync worker right after a sync (shared/qt/sync_adapter.py), through the engine's own
request path (retries with backoff, one token refresh). A photo leaves the queue only by the
server's answer for it: 201 (stored) or 200 (already there: a repeat after a kill, or another
device of the site sent the same bytes), so a photo sent and killed before that answer was recorded
is simply sent again and arrives once. A permanent refusal (not an image, too large, a hash the bytes
do not have, a device of another site) takes it out of the queue with the reason; a network or
server failure stops this round and leaves the rest queued for the next sync.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shared.domain.evidence import EvidenceRefused
from shared.store import LocalStore, StoreError

from .engine import SyncEngine
from .errors import ErrorKind, SyncError

EVIDENCE_PATH = "/api/v1/evidence/"


@dataclass(slots=True)
class UploadReport:
    uploaded: int = 0
    refused: int = 0
    error: SyncError | None = None  # what stopped the round (network, server, login), if anything


class EvidenceUploader:
    def __init__(
        self, engine: SyncEngine, *, batch: int = 20, before_answer: Callable[[str], None] | None = None
    ) -> None:
        self.engine = engine
        self.batch = batch
        self._before_answer = before_answer  # tests: a hook between the PUT and recording its answer

    @property
    def store(self) -> LocalStore:
        return self.engine.store

    def upload_pending(self) -> UploadReport:
        """Send every queued photo; never raises (see the report)."""
        report = UploadReport()
        try:
            while True:
                photos = self.store.pending_photos(self.batch)
                if not photos:
                    return report
                for photo in photos:
                    if not self._upload_one(photo.sha256, report):
                        return report
        except StoreError as exc:
            report.error = SyncError(ErrorKind.STORE, exc.code, params=exc.params)
        return report

    def _upload_one(self, sha: str, report: UploadReport) -> bool:
        try:
            data = self.store.read_photo(sha)
        except (OSError, KeyError) as exc:
            self.store.mark_photo_refused(sha, "missing_file", f"the photo file is gone: {exc}")
            report.refused += 1
            return True
        except EvidenceRefused as exc:
            self.store.mark_photo_refused(sha, exc.code, exc.message)
            report.refused += 1
            return True
        try:
            # no Content-Type needed: the server goes by the magic bytes alone
            self.engine.request("PUT", EVIDENCE_PATH + sha, content=data)
        except SyncError as exc:
            if exc.retryable or exc.kind in (ErrorKind.AUTH, ErrorKind.STORE):
                self.store.mark_photo_failed(sha, exc.message)
                report.error = exc
                return False
            self.store.mark_photo_refused(sha, exc.code or "refused", exc.message)
            report.refused += 1
            return True
        if self._before_answer is not None:
            self._before_answer(sha)
        self.store.mark_photo_uploaded(sha)
        report.uploaded += 1
        return True
