"""An admin's dispute pack from the server's journal, over a real uvicorn: a unit picked and packed at
the warehouse, accepted at a PVZ and marked damaged there with a photo; the admin fetches the ZIP and
finds the act (its PDF read back by poppler), the photo, and every device's ops with their chain
hashes. Clerks, admins of another site and unknown subjects get nothing."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.support.backend import BackendServer
from tests.support.world import Device, World


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture(scope="module")
def damaged(world: World) -> dict[str, Any]:
    """A unit shipped to PVZ-T-1, accepted and marked damaged there with a photo."""
    order = world.place_order(world.customer, world.pvz1, [world.skus[1], world.skus[2]])
    world.pay(order)
    box = world.ship(order)
    order = world.get_order(world.customer, order["id"])
    unit = order["units"][0]
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 40, 40)).save(buf, "PNG")
    photo = buf.getvalue()
    sha = hashlib.sha256(photo).hexdigest()
    clerk = world.devices.setdefault("pvz-pc-1", Device(world, world.clerk1, "pvz-pc-1", chain=True))
    put = clerk.client().put(f"/api/v1/evidence/{sha}", content=photo, headers={"Content-Type": "image/png"})
    assert put.status_code == 201, put.text
    clerk.op("unit.accept", {"unit_id": unit["id"], "box_id": box, "cell_id": f"{world.pvz1}:0003"})
    clerk.op("unit.damaged", {"unit_id": unit["id"], "reason": "crushed corner", "photos": [sha]})
    return {"order": order, "unit": unit, "box": box, "sha": sha, "photo": photo}


def _zip(resp: Any) -> zipfile.ZipFile:
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(resp.content))


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "act.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_an_admin_gets_the_units_pack_with_act_photo_and_chained_ops(
    world: World, damaged: dict[str, Any], tmp_path: Path
) -> None:
    label, sha = damaged["unit"]["label"], damaged["sha"]
    zf = _zip(world.client(world.admin).get(f"/api/v1/admin/disputes/unit/{label}"))
    names = set(zf.namelist())
    assert {"act.pdf", "act.html", "timeline.json", "ops.jsonl", "cctv.txt", "manifest.json"} <= names
    assert zf.read(f"photos/{sha}.png") == damaged["photo"]  # the original, byte for byte

    ops = [json.loads(line) for line in zf.read("ops.jsonl").decode().splitlines()]
    by_type = {op["type"]: op for op in ops}
    # the warehouse's ops and the PVZ's, each with its device, actor and state
    assert {"pick.unit", "pack.unit", "unit.accept", "unit.damaged"} <= set(by_type)
    assert by_type["pick.unit"]["device_id"] != by_type["unit.damaged"]["device_id"]
    damage = by_type["unit.damaged"]
    assert damage["device_id"] == "pvz-pc-1" and damage["status"] == "applied"
    assert damage["payload"]["photos"] == [sha]
    # the PVZ's chained ops carry their hashes, linked one to the next
    accept = by_type["unit.accept"]
    assert len(accept["hash"]) == 64 and damage["prev_hash"] == accept["hash"]

    text = _pdf_text(zf.read("act.pdf"), tmp_path)
    assert label in text and "unit.damaged" in text and "crushed corner" in text
    assert "pvz-pc-1" in text and "clerk1" in text and damage["hash"][:16] in text
    assert sha in text  # the photo's caption names it
    assert "camera recording" in text  # the CCTV times close the act

    # the act renders as a page image (looked at by hand: timeline table, photo, CCTV lines)
    (tmp_path / "act.pdf").write_bytes(zf.read("act.pdf"))
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
    page = next(tmp_path.glob("page*.png"))
    with Image.open(page) as image:
        assert image.width > 400 and image.getextrema() != ((255, 255),) * 3  # not blank


def test_an_order_and_a_box_by_their_codes(world: World, damaged: dict[str, Any]) -> None:
    admin = world.client(world.admin)
    order = damaged["order"]
    zf = _zip(admin.get(f"/api/v1/admin/disputes/order/{order['id']}"))
    timeline = json.loads(zf.read("timeline.json"))
    both = {u["label"] for u in order["units"]}
    assert both <= {label for e in timeline for label in e["units"]}
    zf = _zip(admin.get(f"/api/v1/admin/disputes/box/{damaged['box']}"))
    ops = [json.loads(line) for line in zf.read("ops.jsonl").decode().splitlines()]
    assert {"pack.open", "pack.close", "unit.accept", "unit.damaged"} <= {op["type"] for op in ops}


def test_only_admins_of_the_subjects_sites_get_it(world: World, damaged: dict[str, Any]) -> None:
    path = f"/api/v1/admin/disputes/unit/{damaged['unit']['label']}"
    refused = world.client(world.clerk1).get(path)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    other = world.add_user("admin-pvz2", "admin", world.pvz2)
    hidden = world.client(other).get(path)
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "unknown_subject"
    own = world.add_user("admin-pvz1", "admin", world.pvz1)
    assert world.client(own).get(path).status_code == 200
    assert world.anonymous.get(path).status_code == 401


def test_unknown_subjects_and_kinds(world: World) -> None:
    admin = world.client(world.admin)
    missing = admin.get("/api/v1/admin/disputes/unit/NO-SUCH-LABEL")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "unknown_subject"
    assert admin.get("/api/v1/admin/disputes/box/000000000000000000").status_code == 404
    assert admin.get("/api/v1/admin/disputes/order/99999999").status_code == 404
    wrong = admin.get("/api/v1/admin/disputes/shelf/A-1")
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "invalid_kind"


def test_the_cli_writes_the_same_pack(world: World, damaged: dict[str, Any], tmp_path: Path) -> None:
    assert isinstance(world.server, BackendServer)
    out = tmp_path / "pack.zip"
    done = world.server.cli("dispute-pack", "unit", damaged["unit"]["label"], "--out", str(out))
    assert "1 photo" in done.stdout
    with zipfile.ZipFile(out) as zf:
        assert f"photos/{damaged['sha']}.png" in zf.namelist() and "act.pdf" in zf.namelist()
    refused = world.server.cli("dispute-pack", "unit", "NO-SUCH", "--out", str(out), check=False)
    assert refused.returncode == 2 and "no unit" in refused.stderr
