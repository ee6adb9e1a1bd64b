"""Photo evidence on the device: files by SHA-256 beside the database, and their upload queue.

    photo = store.save_photo(jpeg_bytes, taken_by=user_id, subject=unit_id, subject_kind="unit")
    store.photo_path(photo.sha256)            # <data>/evidence/ab/abcd....jpg
    store.pending_photos(10)                  # what the uploader sends next (oldest first)
    store.mark_photo_uploaded(sha) / store.mark_photo_refused(sha, code, message)

A photo is written before its queue row: to a temporary file in its final folder, flushed to the
disk (fsync), renamed into place and the folder synced. Only then is the row committed, and only
then is the photo confirmed to the user. A kill at any point leaves either no photo or a whole one
(never half a file under a photo's name); ``recover_photos`` (run when the queue is first used)
removes temporary leftovers and queues a whole photo whose row never got written, so nothing a
camera delivered is lost.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from shared.domain import SPECS, OpType, utc_iso
from shared.domain.evidence import (
    EXTENSIONS,
    EvidenceRefused,
    check_photo,
    is_sha256,
    relative_path,
    sha256_hex,
)
from shared.domain.operations import MAX_PHOTOS_PER_OP

from .connection import StoreCore, parse_dt
from .errors import StoreError, is_disk_full, translate

EVIDENCE_DIR = "evidence"
TEMP_SUFFIX = ".part"


@dataclass(frozen=True, slots=True)
class Photo:
    """One photo the device holds (the file is ``store.photo_path(sha256)``)."""

    sha256: str
    mime: str
    size: int
    taken_at: datetime
    taken_by: str
    subject_kind: str  # "unit", "box", "order", "route" or "" (recovered after a crash)
    subject: str
    note: str
    state: str  # pending | uploaded | refused
    attempts: int
    last_error: str
    uploaded_at: datetime | None


def _photo(row: sqlite3.Row) -> Photo:
    taken = parse_dt(row["taken_at"])
    assert taken is not None
    return Photo(
        sha256=row["sha256"],
        mime=row["mime"],
        size=int(row["size"]),
        taken_at=taken,
        taken_by=row["taken_by"],
        subject_kind=row["subject_kind"],
        subject=row["subject"],
        note=row["note"],
        state=row["state"],
        attempts=int(row["attempts"]),
        last_error=row["last_error"],
        uploaded_at=parse_dt(row["uploaded_at"]),
    )


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to sync it; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that a crash leaves the old state or the whole new file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix="." + target.name + ".", suffix=TEMP_SUFFIX, dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


class EvidenceQueue(StoreCore):
    """Photos by hash in ``<data dir>/evidence`` and the ``evidence`` table that queues their upload."""

    _photos_recovered = False

    @property
    def evidence_dir(self) -> Path:
        return self.path.parent / EVIDENCE_DIR

    def photo_path(self, sha256: str, mime: str | None = None) -> Path:
        if mime is None:
            row = self._one("SELECT mime FROM evidence WHERE sha256 = ?", (sha256,))
            if row is None:
                raise KeyError(sha256)
            mime = str(row[0])
        return self.evidence_dir / relative_path(sha256, mime)

    def save_photo(
        self,
        data: bytes,
        *,
        taken_by: str = "",
        subject: str = "",
        subject_kind: str = "",
        note: str = "",
    ) -> Photo:
        """Keep a JPEG or PNG photo and queue its upload; return it once it is safely on disk.

        Raises EvidenceRefused (not a JPEG or PNG, too large, empty) or StoreError (the disk refused;
        nothing is queued then). Saving the same bytes again returns the photo already kept.
        """
        sha, mime = check_photo(data)
        self.recover_photos()
        target = self.evidence_dir / relative_path(sha, mime)
        try:
            if not (target.exists() and target.stat().st_size == len(data)):
                write_atomically(target, data)
        except OSError as exc:
            if is_disk_full(exc):
                raise translate(exc) from exc
            raise StoreError("photo_not_saved", detail=str(exc)) from exc
        now = utc_iso(self.clock.now())
        with self._tx() as db:
            db.execute(
                "INSERT INTO evidence (sha256, mime, size, taken_at, taken_by, subject_kind, subject, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                (sha, mime, len(data), now, taken_by, subject_kind, subject, note),
            )
        photo = self.photo(sha)
        assert photo is not None
        return photo

    def photo(self, sha256: str) -> Photo | None:
        row = self._one("SELECT * FROM evidence WHERE sha256 = ?", (sha256,))
        return _photo(row) if row is not None else None

    def photos_for(self, subject: str) -> list[Photo]:
        """Photos taken of a unit, box or order (its id), oldest first."""
        rows = self._q("SELECT * FROM evidence WHERE subject = ? ORDER BY taken_at, sha256", (subject,))
        return [_photo(r) for r in rows]

    def unit_photos(self, unit_ids: Iterable[str], limit: int = MAX_PHOTOS_PER_OP) -> list[str]:
        """The hashes of the photos taken of these units (the newest `limit`, oldest first)."""
        ids = list(dict.fromkeys(unit_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self._q(
            f"""SELECT sha256 FROM evidence WHERE subject IN ({marks}) AND subject_kind IN ('unit', '')
                ORDER BY taken_at DESC, sha256 DESC LIMIT ?""",
            (*ids, int(limit)),
        )
        return [str(r[0]) for r in reversed(rows)]

    def with_photos(self, op_type: OpType | str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """The payload of an op at a damage or defect point (its spec declares `photos`) with the
        hashes of the photos taken of its units; any other payload, or one naming photos already,
        as it is. What the apps record, so the op names the photos the dispute pack shows."""
        body = dict(payload)
        try:
            spec = SPECS[OpType(op_type)]
        except (KeyError, ValueError):
            return body
        if spec.photos is None or "photos" in body:
            return body
        try:
            units = spec.photos(body)
        except (KeyError, TypeError):
            return body  # a malformed payload: record() refuses it with its own reason
        hashes = self.unit_photos(units)
        if hashes:
            body["photos"] = hashes
        return body

    def pending_photos(self, limit: int = 20) -> list[Photo]:
        self.recover_photos()
        rows = self._q(
            "SELECT * FROM evidence WHERE state = 'pending' ORDER BY taken_at, sha256 LIMIT ?", (int(limit),)
        )
        return [_photo(r) for r in rows]

    def pending_photo_count(self) -> int:
        row = self._one("SELECT COUNT(*) FROM evidence WHERE state = 'pending'")
        return int(row[0]) if row is not None else 0

    def mark_photo_uploaded(self, sha256: str) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE evidence SET state = 'uploaded', uploaded_at = ?, attempts = attempts + 1, "
                "last_error = '' WHERE sha256 = ?",
                (utc_iso(self.clock.now()), sha256),
            )

    def mark_photo_failed(self, sha256: str, message: str) -> None:
        """A try that did not get through (network, server): the photo stays queued."""
        with self._tx() as db:
            db.execute(
                "UPDATE evidence SET attempts = attempts + 1, last_error = ? WHERE sha256 = ?",
                (message, sha256),
            )

    def mark_photo_refused(self, sha256: str, code: str, message: str) -> None:
        """The server refused the photo for good (or the file is gone): it leaves the queue, kept
        with its reason so an admin sees it, and is never retried forever."""
        with self._tx() as db:
            db.execute(
                "UPDATE evidence SET state = 'refused', attempts = attempts + 1, last_error = ? "
                "WHERE sha256 = ?",
                (f"{code}: {message}", sha256),
            )

    def recover_photos(self) -> int:
        """After a crash: drop half-written temporary files, queue whole photos that have no row.

        Runs once per opened store (later calls return 0). Returns how many photos were queued."""
        if self._photos_recovered:
            return 0
        self._photos_recovered = True
        root = self.evidence_dir
        if not root.is_dir():
            return 0
        known = {r[0] for r in self._q("SELECT sha256 FROM evidence")}
        found: list[tuple[str, str, int, str]] = []
        for path in sorted(root.glob("??/*")):
            if path.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    path.unlink()
                continue
            sha, _, ext = path.name.partition(".")
            if not is_sha256(sha) or sha in known or ext not in EXTENSIONS.values():
                continue
            try:
                data = path.read_bytes()
                _, mime = check_photo(data, sha)
            except (OSError, EvidenceRefused):
                continue  # not a whole photo of that name: leave it for an admin, never upload it
            mtime = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            found.append((sha, mime, len(data), utc_iso(mtime)))
        if found:
            with self._tx() as db:
                db.executemany(
                    "INSERT INTO evidence (sha256, mime, size, taken_at, note) VALUES (?, ?, ?, ?, "
                    "'recovered') ON CONFLICT (sha256) DO NOTHING",
                    found,
                )
        return len(found)

    def read_photo(self, sha256: str) -> bytes:
        """The photo's bytes, checked against its name (OSError or EvidenceRefused when not whole)."""
        data = self.photo_path(sha256).read_bytes()
        if sha256_hex(data) != sha256:
            raise EvidenceRefused("hash_mismatch", "the photo file on this device is damaged")
        return data
