"""Photo evidence: devices upload photos by SHA-256; site staff and admins read them back.

Files live in ``<data dir>/evidence/<ab>/<sha256>.<jpg|png>`` (written atomically: temporary file,
fsync, rename, folder fsync), one file per distinct photo whichever sites hold it. The ``evidence``
table records which site holds which photo: the site of the device that uploaded it. A photo is
accepted only as JPEG or PNG by its magic bytes, at most ``MAX_PHOTO_BYTES``, and only when its
bytes hash to the name it is put under. A repeat of the same photo from the same site changes
nothing and answers as the first did, so a device that lost the first answer just sends again.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from shared.domain import Role
from shared.domain.evidence import EvidenceRefused, check_photo, is_sha256, relative_path

from ..context import AppContext
from ..db import devices, evidence
from ..errors import ApiError
from .auth import Principal

EVIDENCE_DIR = "evidence"
_STATUS = {
    "invalid_hash": 400,
    "empty": 400,
    "hash_mismatch": 400,
    "too_large": 413,
    "unsupported_media": 415,
}


@dataclass(frozen=True, slots=True)
class Stored:
    sha256: str
    site_id: str
    mime: str
    size: int
    created: bool  # False: this site already held it (a repeat)

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "site_id": self.site_id,
            "mime": self.mime,
            "size": self.size,
            "created": self.created,
        }


def evidence_dir(ctx: AppContext) -> Path:
    return ctx.settings.data_dir / EVIDENCE_DIR


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    _fsync_dir(target.parent)


def _device_site(ctx: AppContext, caller: Principal) -> str:
    if caller.role not in (Role.CLERK, Role.WAREHOUSE, Role.ADMIN):
        raise ApiError(403, "forbidden", "only a site's staff upload evidence")
    if caller.device_id is None:
        raise ApiError(403, "wrong_device", "evidence is uploaded by a device: log in naming it")
    with ctx.db.read() as conn:
        site = conn.execute(select(devices.c.site_id).where(devices.c.device_id == caller.device_id)).scalar()
    if site is None:
        raise ApiError(403, "wrong_device", "the device is not registered")
    if caller.role is not Role.ADMIN and caller.site_id != site:
        raise ApiError(403, "wrong_site", "the device belongs to another site")
    return str(site)


def put(ctx: AppContext, caller: Principal, sha256: str, body: bytes) -> Stored:
    """Store one photo for the caller's device's site (see the module doc); raises ApiError."""
    if not is_sha256(sha256):
        raise ApiError(400, "invalid_hash", "the name is not a lower-case hex SHA-256")
    site = _device_site(ctx, caller)
    try:
        digest, mime = check_photo(body, sha256)
    except EvidenceRefused as exc:
        raise ApiError(_STATUS.get(exc.code, 400), exc.code, exc.message) from exc
    target = evidence_dir(ctx) / relative_path(digest, mime)
    if not (target.exists() and target.stat().st_size == len(body)):
        _write_atomically(target, body)  # before the row: a row never names a missing file
    with ctx.db.write() as conn:
        held = conn.execute(
            select(evidence.c.sha256).where(evidence.c.sha256 == digest, evidence.c.site_id == site)
        ).first()
        if held is None:
            conn.execute(
                insert(evidence).values(
                    sha256=digest,
                    site_id=site,
                    mime=mime,
                    size=len(body),
                    device_id=caller.device_id,
                    uploaded_by=caller.user_id,
                    uploaded_at=ctx.now_iso(),
                )
            )
    return Stored(digest, site, mime, len(body), held is None)


def locate(ctx: AppContext, caller: Principal, sha256: str) -> tuple[Path, str]:
    """The file and media type of a photo the caller may read: an admin any, a site's staff their
    site's. Anyone else, and a photo that is not there, is 404 (no hint it exists elsewhere)."""
    if not is_sha256(sha256):
        raise ApiError(400, "invalid_hash", "the name is not a lower-case hex SHA-256")
    if caller.role not in (Role.CLERK, Role.WAREHOUSE, Role.ADMIN):
        raise ApiError(403, "forbidden", "evidence is for a site's staff and admins")
    query = select(evidence.c.mime).where(evidence.c.sha256 == sha256)
    if caller.role is not Role.ADMIN:
        query = query.where(evidence.c.site_id == (caller.site_id or ""))
    with ctx.db.read() as conn:
        mime = conn.execute(query.limit(1)).scalar()
    if mime is None:
        raise ApiError(404, "unknown_evidence", "no such photo for this site")
    path = evidence_dir(ctx) / relative_path(sha256, str(mime))
    if not path.is_file():
        raise ApiError(404, "unknown_evidence", "the photo file is missing from the data dir")
    return path, str(mime)


def known(ctx: AppContext, sha256s: list[str]) -> dict[str, tuple[Path, str]]:
    """Files of the photos among ``sha256s`` the backend holds (for dispute packs)."""
    wanted = [s for s in dict.fromkeys(sha256s) if is_sha256(s)]
    if not wanted:
        return {}
    with ctx.db.read() as conn:
        rows = conn.execute(select(evidence.c.sha256, evidence.c.mime).where(evidence.c.sha256.in_(wanted)))
        found = {r.sha256: str(r.mime) for r in rows}
    out: dict[str, tuple[Path, str]] = {}
    for sha, mime in found.items():
        path = evidence_dir(ctx) / relative_path(sha, mime)
        if path.is_file():
            out[sha] = (path, mime)
    return out
