"""A dispute pack from the PVZ's journal: the ZIP's members, and its PDF act rendered and read back."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from pvz_app.logic.dispute import UnknownSubject, build_pack, photo_reader, resolve
from shared.domain import ManualClock, OpType
from shared.qt.dispute_pdf import export_pack
from shared.qt.i18n import state_name
from shared.store import CachedUser, LocalStore
from tests.unit.test_store_journal import BOX, CLERK, PVZ, seed

MSK = timezone(timedelta(hours=3))
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (make system-deps) not installed",
)


def jpeg(color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), color).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    clock = ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    s = LocalStore.open(tmp_path / "app" / "local.sqlite3", "pvz-dev-1", clock)
    s.apply_pull_page(seed(), "10")
    s.remember_user(
        CachedUser(CLERK.user_id, CLERK.username, CLERK.role, PVZ, CLERK.site_kind, "Иванова А.", "v", None)
    )
    s.record(OpType.ACCEPT_UNIT, {"unit_id": "U1", "box_id": BOX, "cell_id": f"{PVZ}:0001"}, CLERK)
    clock.advance(75)
    s.save_photo(
        jpeg((190, 40, 40)), taken_by=CLERK.user_id, subject="U2", subject_kind="unit", note="вмятина"
    )
    clock.advance(5)
    s.record(OpType.MARK_DAMAGED, {"unit_id": "U2", "reason": "коробка смята"}, CLERK)
    clock.advance(600)
    s.record(OpType.MOVE_UNIT, {"unit_id": "U1", "cell_id": f"{PVZ}:0002"}, CLERK)
    return s


def _zip(store: LocalStore, kind: str, code: str, target: Path) -> zipfile.ZipFile:
    subject = resolve(store, kind, code)
    pack = build_pack(
        store, subject, site_id=PVZ, built_by="clerk", now=store.clock.now(), status_name=state_name
    )
    export_pack(pack, target, photo_reader(store), tz=MSK)
    return zipfile.ZipFile(target)


@needs_poppler
def test_a_box_pack_holds_the_act_photos_ops_and_cctv_times(
    qapp: object, store: LocalStore, tmp_path: Path
) -> None:
    zf = _zip(store, "box", BOX, tmp_path / "box.zip")
    names = set(zf.namelist())
    assert {"act.pdf", "act.html", "timeline.json", "ops.jsonl", "cctv.txt", "manifest.json"} <= names
    photos = [n for n in names if n.startswith("photos/")]
    assert len(photos) == 1 and zf.read(photos[0]) == jpeg((190, 40, 40))
    manifest = json.loads(zf.read("manifest.json"))
    for name, info in manifest["files"].items():
        assert hashlib.sha256(zf.read(name)).hexdigest() == info["sha256"]
    ops = [json.loads(line) for line in zf.read("ops.jsonl").decode().splitlines()]
    assert [o["type"] for o in ops] == ["unit.accept", "unit.damaged", "unit.move"]
    assert {o["device_id"] for o in ops} == {"pvz-dev-1"} and [o["seq"] for o in ops] == [1, 2, 3]
    cctv = zf.read("cctv.txt").decode()
    # wall-clock times in the point's time zone, one line per moment, in order
    assert cctv.splitlines()[0].startswith("2026-03-01 12:00:00 +03:00")
    assert "2026-03-01 12:01:15 +03:00" in cctv  # the photo
    assert "2026-03-01 12:11:20 +03:00" in cctv  # the move

    (tmp_path / "act.pdf").write_bytes(zf.read("act.pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "act.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        BOX,
        "LU1",
        "LU2",
        "pvz-dev-1",
        "Иванова А.",
        f"{PVZ}:0001",
        f"{PVZ}:0002",
        "коробка смята",
    ):
        assert expected in text, expected
    stamps = [line.split()[1] for line in text.splitlines() if line.startswith("2026-03-01")]
    assert stamps[:4] == ["12:00:00", "12:01:15", "12:01:20", "12:11:20"]  # the timeline, in order
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "act.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    # the embedded photo is on the page: a block of its red somewhere
    red = page.point(lambda v: 255 if v > 150 else 0).split()[0]  # R high ...
    low_g = page.split()[1].point(lambda v: 255 if v < 80 else 0)  # ... and G low: the photo's red
    assert sum(ImageChops.multiply(red, low_g).histogram()[255:]) > 100


def test_a_unit_pack_has_only_that_units_story(qapp: object, store: LocalStore, tmp_path: Path) -> None:
    zf = _zip(store, "unit", "LU1", tmp_path / "unit.zip")
    timeline = json.loads(zf.read("timeline.json"))
    assert [e["action"] for e in timeline] == ["unit.accept", "unit.move"]
    assert timeline[1]["place"] == f"{PVZ}:0002" and timeline[1]["actor_name"] == "Иванова А."
    assert timeline[0]["when_utc"] == "2026-03-01T09:00:00.000Z" or timeline[0]["when_utc"].startswith(
        "2026-03-01T09:00:00"
    )
    assert not [n for n in zf.namelist() if n.startswith("photos/")]


def test_an_unknown_subject_is_said_so(store: LocalStore) -> None:
    with pytest.raises(UnknownSubject):
        resolve(store, "unit", "NOPE")
    with pytest.raises(UnknownSubject):
        resolve(store, "box", "000000000000000000")
