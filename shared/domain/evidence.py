"""Photo evidence: what a photo file may be and how it is named, the same on the device and the backend.

A photo is named by the SHA-256 of its bytes (lower-case hex) and kept as
``<evidence dir>/<first two hex digits>/<sha256>.<jpg|png>``. Only JPEG and PNG are accepted, told
apart by their magic bytes alone (a name or a declared content type proves nothing), and at most
``MAX_PHOTO_BYTES`` long. Pure: no I/O.
"""

from __future__ import annotations

import hashlib
import re

MAX_PHOTO_BYTES = 8 * 1024 * 1024  # 8 MiB: a 12-megapixel JPEG at a good quality fits
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS = {JPEG: "jpg", PNG: "png"}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"


class EvidenceRefused(ValueError):
    """A photo that cannot be evidence: ``code`` is ``invalid_hash``, ``unsupported_media``,
    ``too_large``, ``empty`` or ``hash_mismatch``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def sniff_image(data: bytes) -> str | None:
    """The media type by magic bytes: ``image/jpeg``, ``image/png`` or None for anything else."""
    if data.startswith(_PNG_MAGIC):
        return PNG
    if data.startswith(_JPEG_MAGIC):
        return JPEG
    return None


def is_sha256(text: str) -> bool:
    return bool(_SHA256.fullmatch(text))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_photo(data: bytes, claimed_sha256: str | None = None) -> tuple[str, str]:
    """Return ``(sha256, media type)`` of an acceptable photo or raise EvidenceRefused."""
    if claimed_sha256 is not None and not is_sha256(claimed_sha256):
        raise EvidenceRefused("invalid_hash", "the name is not a lower-case hex SHA-256")
    if not data:
        raise EvidenceRefused("empty", "the photo is empty")
    if len(data) > MAX_PHOTO_BYTES:
        raise EvidenceRefused("too_large", f"the photo is over {MAX_PHOTO_BYTES // (1024 * 1024)} MiB")
    mime = sniff_image(data)
    if mime is None:
        raise EvidenceRefused("unsupported_media", "only JPEG and PNG photos are accepted")
    digest = sha256_hex(data)
    if claimed_sha256 is not None and digest != claimed_sha256:
        raise EvidenceRefused("hash_mismatch", "the SHA-256 of the body is not the one named")
    return digest, mime


def relative_path(sha256: str, mime: str) -> str:
    """Where a photo lives under an evidence folder: ``ab/abcd....jpg``."""
    if not is_sha256(sha256):
        raise ValueError("not a sha256")
    return f"{sha256[:2]}/{sha256}.{EXTENSIONS[mime]}"
