"""The admin CLI does not guess a data dir on a server, does not leave root-owned files for the
service to trip over, and says in one line when the disk is full or the database is damaged."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backend_stub import cli
from backend_stub.cli import main

ROOT = Path(__file__).resolve().parents[2]
SERVICE_UID = 4242  # stands in for the wb-backend system user


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WB_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("WB_ARGON2_MEMORY_KIB", "1024")
    monkeypatch.setenv("WB_ARGON2_PARALLELISM", "1")
    monkeypatch.delenv("WB_DATA_DIR", raising=False)


def test_a_server_install_is_not_given_a_database_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env_file = tmp_path / "etc" / "wb-backend.env"
    env_file.parent.mkdir()
    env_file.write_text("WB_DATA_DIR=/var/lib/wb-ops\n")
    monkeypatch.setattr(cli, "SERVER_ENV_FILE", env_file)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    for command in (["init"], ["create-site", "PVZ-1", "--kind", "pvz", "--name", "x"], ["metrics-token"]):
        code, _out, err = _run(capsys, *command)
        assert code == 2, command
        assert "no data dir given" in err and "--data-dir /var/lib/wb-ops" in err
        assert len(err.strip().splitlines()) == 1
    assert list(work.iterdir()) == []


def test_elsewhere_the_default_data_dir_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "SERVER_ENV_FILE", tmp_path / "absent.env")
    monkeypatch.chdir(tmp_path)
    code, _out, err = _run(capsys, "init")
    assert code == 0, err
    assert f"using {tmp_path / 'wb-backend-data'}" in err
    assert (tmp_path / "wb-backend-data" / "backend.sqlite3").exists()


@pytest.fixture
def service_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("needs root to hand files to another user")
    data = tmp_path / "lib"
    assert _run(capsys, "init", "--data-dir", str(data))[0] == 0
    for item in [data, *data.rglob("*")]:
        os.chown(item, SERVICE_UID, SERVICE_UID)
    yield data


def test_root_is_refused_on_the_service_users_data_dir(
    service_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys, "create-site", "PVZ-1", "--kind", "pvz", "--name", "x", "--data-dir", str(service_dir)
    )
    assert code == 2
    assert f"belongs to {SERVICE_UID}" in err or "sudo -u" in err
    assert len(err.strip().splitlines()) == 1
    owners = {p.stat().st_uid for p in [service_dir, *service_dir.rglob("*")]}
    assert owners == {SERVICE_UID}


def test_a_restore_as_root_hands_the_files_to_the_service_user(
    service_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the backup is made as the service would make it; the restore is run by root, as admins do
    source = tmp_path / "source"
    assert _run(capsys, "init", "--data-dir", str(source))[0] == 0
    assert _run(capsys, "backup", str(tmp_path / "backups"), "--data-dir", str(source))[0] == 0
    made = next((tmp_path / "backups").iterdir())
    code, _out, err = _run(capsys, "restore", str(made), "--force", "--data-dir", str(service_dir))
    assert code == 0, err
    restored = [
        service_dir / "backend.sqlite3",
        service_dir / "secrets",
        *(service_dir / "secrets").iterdir(),
    ]
    assert {p.stat().st_uid for p in restored} == {SERVICE_UID}
    assert {p.stat().st_gid for p in restored} == {SERVICE_UID}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WB_ARGON2_MEMORY_KIB": "1024", "WB_ARGON2_TIME_COST": "1"}
    env.pop("WB_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "backend_stub.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_damaged_database_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "backend.sqlite3").write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    for command in ("init", "serve"):
        done = _cli(command, "--data-dir", str(data))
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
        assert "is damaged" in done.stderr and "restore the last backup" in done.stderr


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=120k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root in a mount namespace)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_is_one_line(tiny_disk: Path) -> None:
    done = _cli("init", "--data-dir", str(tiny_disk / "d"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert (
        done.stderr.strip()
        == f"wb-backend: the disk holding {tiny_disk / 'd'} is full: free some space and run the command again"
    )
