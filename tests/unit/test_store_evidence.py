"""The device's photo store: files by hash, the upload queue, recovery after a crash."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from shared.domain import ManualClock
from shared.domain.evidence import EvidenceRefused
from shared.store import LocalStore


def jpeg(color: tuple[int, int, int] = (1, 2, 3)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), color).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore.open(tmp_path / "pvz.sqlite3", "pvz-1", ManualClock())


def test_a_photo_is_kept_by_hash_and_queued(store: LocalStore, tmp_path: Path) -> None:
    data = jpeg()
    photo = store.save_photo(data, taken_by="u1", subject="UNIT-1", subject_kind="unit", note="вмятина")
    sha = hashlib.sha256(data).hexdigest()
    assert photo.sha256 == sha and photo.mime == "image/jpeg" and photo.state == "pending"
    assert store.photo_path(sha) == tmp_path / "evidence" / sha[:2] / f"{sha}.jpg"
    assert store.photo_path(sha).read_bytes() == data
    assert store.save_photo(data).sha256 == sha  # the same bytes again: the same photo
    assert [p.sha256 for p in store.pending_photos()] == [sha]
    assert [p.note for p in store.photos_for("UNIT-1")] == ["вмятина"]
    store.mark_photo_uploaded(sha)
    assert store.pending_photo_count() == 0
    assert store.read_photo(sha) == data


def test_not_a_photo_is_refused_and_nothing_is_written(store: LocalStore, tmp_path: Path) -> None:
    with pytest.raises(EvidenceRefused) as err:
        store.save_photo(b"GIF89a....")
    assert err.value.code == "unsupported_media"
    assert not (tmp_path / "evidence").exists()
    assert store.pending_photo_count() == 0


def test_recovery_removes_half_files_and_queues_whole_orphans(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    whole = jpeg((9, 9, 9))
    sha = hashlib.sha256(whole).hexdigest()
    (folder / sha[:2]).mkdir(parents=True)
    (folder / sha[:2] / f"{sha}.jpg").write_bytes(whole)  # written, then killed before its row
    (folder / sha[:2] / f".{sha}.jpg.x1.part").write_bytes(whole[:10])  # killed mid-write
    bad = "0" * 64
    (folder / "00").mkdir()
    (folder / "00" / f"{bad}.jpg").write_bytes(whole)  # a name its bytes do not have
    store = LocalStore.open(tmp_path / "pvz.sqlite3", "pvz-1", ManualClock())
    assert store.recover_photos() == 1
    assert [p.sha256 for p in store.pending_photos()] == [sha]
    assert not list(folder.rglob("*.part"))
    assert store.photo(bad) is None
    store.close()


def test_a_damaged_file_is_not_uploaded(store: LocalStore) -> None:
    photo = store.save_photo(jpeg())
    store.photo_path(photo.sha256).write_bytes(jpeg((200, 0, 0)))
    with pytest.raises(EvidenceRefused):
        store.read_photo(photo.sha256)
