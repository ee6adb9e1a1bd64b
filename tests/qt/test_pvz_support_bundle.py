"""The settings screen's support bundle button: admin only, written to the folder chosen, no secrets."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


def test_the_admin_writes_a_support_bundle_to_a_chosen_folder(
    pvz: PvzHarness, world: World, tmp_path: Path
) -> None:
    pvz.login(world.clerk1)
    pvz.sync()
    pvz.key(Qt.Key.Key_F9)
    settings: Any = pvz.current
    assert settings.key == "settings"
    assert not settings.buttons["bundle"].isEnabled()  # locked: no bundle
    out = tmp_path / "usb"
    out.mkdir()
    settings.choose_folder = lambda: str(out)
    pvz.type_into(settings.admin_user, world.admin.username)
    pvz.type_into(settings.admin_password, world.admin.password)
    pvz.key(Qt.Key.Key_Return)
    assert settings.unlocked and settings.buttons["bundle"].isEnabled()

    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    pvz.qtbot.waitUntil(lambda: any(out.glob("*.zip")), timeout=10_000)
    (archive,) = out.glob("wb-ops-support-*.zip")
    pvz.qtbot.waitUntil(lambda: pvz.tone == "success", timeout=5_000)
    assert archive.name in pvz.banner
    with zipfile.ZipFile(archive) as zf:
        names = {n.split("/", 1)[1] for n in zf.namelist()}
        manifest = json.loads(zf.read(f"{archive.stem}/manifest.json"))
        everything = "".join(zf.read(n).decode("utf-8-sig") for n in zf.namelist())
    assert {"pending_ops.json", "pending_ops.csv", "conflicts.csv", "settings.json", "manifest.json"} <= names
    assert manifest["store"] == "pvz.sqlite"
    assert manifest["device_id"] == pvz.app.store.device_id
    assert world.admin.password not in everything and world.clerk1.password not in everything

    settings.choose_folder = lambda: ""  # cancelled: nothing written, nothing said
    before = len(list(out.iterdir()))
    settings.trigger("bundle")
    assert len(list(out.iterdir())) == before
