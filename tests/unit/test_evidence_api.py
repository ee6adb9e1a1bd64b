"""PUT/GET /api/v1/evidence/{sha256}: what is accepted, what is refused, who may read it back."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from shared.domain.evidence import MAX_PHOTO_BYTES, check_photo, sniff_image
from tests.support.inprocess import InProcessBackend
from tests.support.world import World


def photo(color: tuple[int, int, int] = (200, 30, 30), fmt: str = "JPEG", size: int = 64) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), color).save(out, fmt)
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    backend = InProcessBackend(tmp_path / "b")
    w = World.standard(backend, products=2)
    try:
        yield w
    finally:
        w.close()
        backend.close()


def test_a_photo_is_stored_once_and_read_back_by_its_site(world: World, tmp_path: Path) -> None:
    dev = world.device_client(world.clerk1, "pvz-ev-1")
    data = photo()
    first = dev.put(f"/api/v1/evidence/{sha(data)}", content=data)
    assert first.status_code == 201, first.text
    assert first.json() == {
        "sha256": sha(data),
        "site_id": world.pvz1,
        "mime": "image/jpeg",
        "size": len(data),
        "created": True,
    }
    again = dev.put(f"/api/v1/evidence/{sha(data)}", content=data)
    assert again.status_code == 200 and again.json()["created"] is False
    files = [p for p in (tmp_path / "b" / "evidence").rglob("*") if p.is_file()]
    assert [p.relative_to(tmp_path / "b" / "evidence").as_posix() for p in files] == [
        f"{sha(data)[:2]}/{sha(data)}.jpg"
    ]
    got = world.client(world.clerk1).get(f"/api/v1/evidence/{sha(data)}")
    assert got.status_code == 200 and got.content == data
    assert got.headers["content-type"] == "image/jpeg"
    assert world.client(world.admin).get(f"/api/v1/evidence/{sha(data)}").content == data


def test_another_sites_staff_and_customers_cannot_read_it(world: World) -> None:
    data = photo(fmt="PNG")
    assert (
        world.device_client(world.clerk1, "pvz-ev-1")
        .put(f"/api/v1/evidence/{sha(data)}", content=data)
        .status_code
        == 201
    )
    other = world.client(world.clerk2).get(f"/api/v1/evidence/{sha(data)}")
    assert other.status_code == 404 and other.json()["error"]["code"] == "unknown_evidence"
    assert world.client(world.picker).get(f"/api/v1/evidence/{sha(data)}").status_code == 404
    assert world.client(world.customer).get(f"/api/v1/evidence/{sha(data)}").status_code == 403


@pytest.mark.parametrize(
    ("name", "body", "status", "code"),
    [
        ("forged", "forged", 400, "hash_mismatch"),
        ("not-hex", "good", 400, "invalid_hash"),
        ("gif", "gif", 415, "unsupported_media"),
        ("jpeg-named-png", "text", 415, "unsupported_media"),
        ("empty", "empty", 400, "empty"),
    ],
)
def test_refused_uploads_store_nothing(
    world: World, tmp_path: Path, name: str, body: str, status: int, code: str
) -> None:
    good = photo()
    data = {
        "forged": good,
        "good": good,
        "gif": b"GIF89a" + b"\x00" * 64,
        "text": b"this is not a photo at all, whatever its name says",
        "empty": b"",
    }[body]
    key = {"forged": sha(photo((1, 2, 3))), "not-hex": "ABC" + sha(good)[3:].upper()}.get(name, sha(data))
    resp = world.device_client(world.clerk1, "pvz-ev-1").put(f"/api/v1/evidence/{key}", content=data)
    assert resp.status_code == status, resp.text
    assert resp.json()["error"]["code"] == code
    assert not any(p.is_file() for p in (tmp_path / "b" / "evidence").rglob("*"))


def test_too_large_is_413_before_the_body_is_read(world: World) -> None:
    big = b"\xff\xd8\xff" + b"\x00" * MAX_PHOTO_BYTES
    resp = world.device_client(world.clerk1, "pvz-ev-1").put(f"/api/v1/evidence/{sha(big)}", content=big)
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large"


def test_only_a_device_token_uploads(world: World) -> None:
    data = photo()
    no_device = world.client(world.clerk1).put(f"/api/v1/evidence/{sha(data)}", content=data)
    assert no_device.status_code == 403 and no_device.json()["error"]["code"] == "wrong_device"
    customer = world.client(world.customer).put(f"/api/v1/evidence/{sha(data)}", content=data)
    assert customer.status_code == 403


def test_the_same_photo_from_two_sites_is_one_file_readable_by_both(world: World, tmp_path: Path) -> None:
    data = photo((10, 200, 10))
    assert (
        world.device_client(world.clerk1, "pvz-ev-1")
        .put(f"/api/v1/evidence/{sha(data)}", content=data)
        .status_code
        == 201
    )
    assert (
        world.device_client(world.clerk2, "pvz-ev-2")
        .put(f"/api/v1/evidence/{sha(data)}", content=data)
        .status_code
        == 201
    )
    assert world.client(world.clerk2).get(f"/api/v1/evidence/{sha(data)}").content == data
    assert len([p for p in (tmp_path / "b" / "evidence").rglob("*") if p.is_file()]) == 1


def test_magic_bytes_decide_not_names() -> None:
    assert sniff_image(photo(fmt="PNG")) == "image/png"
    assert sniff_image(photo()) == "image/jpeg"
    assert sniff_image(b"BM" + b"\x00" * 10) is None
    assert check_photo(photo())[0] == sha(photo())
