"""`/metrics` read by Prometheus' own text parser: every family typed and described before its
samples, the counters there from the first scrape, the release number, the last backup."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from backend_stub.backup import backup
from backend_stub.cli import main as cli_main
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.packaging_scripts import packaging_script
from tests.support.world import World

DEVICE = "pvz-format-pc-1"
meta = packaging_script("meta")


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with InProcessBackend(tmp_path / "b", clock=clock) as backend, World.standard(backend) as world:
        yield world


def _scrape(w: World) -> str:
    token = (w.server.data_dir / "secrets" / "metrics_token").read_text().strip()
    answer = w.anonymous.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    return str(answer.text)


def _families(text: str) -> dict[str, object]:
    return {family.name: family for family in text_string_to_metric_families(text)}


def test_every_family_is_typed_before_its_samples(w: World) -> None:
    # a device-bound sync request puts the per-device families on the page
    bound = w.login(w.clerk1, DEVICE)
    pull = w.anonymous.get(
        "/api/v1/sync/pull", headers={"Authorization": f"Bearer {bound}", "X-WB-Pending-Ops": "3"}
    )
    assert pull.is_success
    text = _scrape(w)
    families = _families(text)
    assert "wb_device_pending_ops" in families and "wb_device_report_age_seconds" in families
    for name, family in families.items():
        assert family.type != "unknown", f"{name} is typed 'unknown': its # TYPE line comes after samples"  # type: ignore[attr-defined]
        assert family.documentation, f"{name} has no # HELP"  # type: ignore[attr-defined]
    # and literally: no sample line before its family's # TYPE
    typed: set[str] = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            typed.add(line.split()[2])
        elif line and not line.startswith("#"):
            name = line.split("{")[0].split(" ")[0]
            base = name.removesuffix("_bucket").removesuffix("_sum").removesuffix("_count")
            assert name in typed or base in typed, f"{name} sampled before its # TYPE line"


def test_counters_are_there_at_zero_and_the_version_is_the_release(w: World) -> None:
    families = _families(_scrape(w))
    ops = {s.labels["status"]: s.value for s in families["wb_sync_ops"].samples}  # type: ignore[attr-defined]
    assert ops == {"applied": 0, "rejected": 0}
    build = families["wb_build_info"].samples  # type: ignore[attr-defined]
    assert [s.labels["version"] for s in build] == [meta.version()] == ["0.1.0"]
    last = families["wb_backup_last_success_timestamp_seconds"].samples  # type: ignore[attr-defined]
    assert [s.value for s in last] == [0]


def test_the_last_successful_backup_shows(w: World, tmp_path: Path) -> None:
    backend = w.server
    info = backup(backend.settings, tmp_path / "backups", clock=backend.clock)  # type: ignore[union-attr]
    families = _families(_scrape(w))
    last = families["wb_backup_last_success_timestamp_seconds"].samples  # type: ignore[attr-defined]
    assert [s.value for s in last] == [datetime(2026, 11, 25, 9, 0, tzinfo=UTC).timestamp()]
    size = families["wb_backup_last_size_bytes"].samples  # type: ignore[attr-defined]
    assert [s.value for s in size] == [info.size_bytes]


def test_wb_backend_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli_main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"wb-backend {meta.version()}"


def test_a_device_whose_pushes_are_refused_shows_as_stuck_until_one_goes_through(w: World) -> None:
    dev = w.device(w.clerk1, DEVICE)
    dev.op("shift.open", {"shift_id": "S1"})

    def sample(name: str, **labels: str) -> float | None:
        for family in text_string_to_metric_families(_scrape(w)):
            for s in family.samples:
                if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                    return float(s.value)
        return None

    assert sample("wb_device_push_stuck", device=DEVICE) == 0
    # as after a restore: the device is ahead of the server
    ahead = dev.make_op("shift.close", {"shift_id": "S1"})
    ahead["seq"] = 9
    for _ in range(2):
        assert dev.push_raw([ahead]).status_code == 409
    assert sample("wb_device_refused_pushes_total", device=DEVICE, code="seq_gap") == 2
    assert sample("wb_device_push_stuck", device=DEVICE) == 1
    dev.seq = 1
    dev.op("shift.close", {"shift_id": "S1"})
    assert sample("wb_device_push_stuck", device=DEVICE) == 0
