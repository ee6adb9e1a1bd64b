"""The Linux archive and its install script, end to end on stand-in bundles (no PyInstaller run).

The archive is built by the real `linux_archive`, unpacked, and `install.sh --user` installs it
into a temporary home: menu entries, icons, commands, the `current` version link, an update to a
second version and the uninstall.
"""

from __future__ import annotations

import os
import stat
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.support.packaging_scripts import packaging_script

meta = packaging_script("meta")
linux_archive = packaging_script("build").linux_archive

APPS = [p for p in meta.PROGRAMS if p.gui]


def _fake_bundles(dist: Path) -> None:
    for program in meta.PROGRAMS:
        folder = dist / program.bundle
        (folder / "_internal").mkdir(parents=True, exist_ok=True)
        (folder / "_internal" / "libstandin.so").write_bytes(b"\x7fELF stand-in")
        exe = folder / program.name
        exe.write_text(
            f'#!/bin/sh\necho "{program.name} from $(dirname "$(readlink -f "$0")")"\n', encoding="utf-8"
        )
        exe.chmod(0o755)


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    _fake_bundles(dist)
    archive = linux_archive(dist=dist, work=tmp_path / "work")
    assert archive.name == f"{meta.archive_name()}.tar.gz"
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
        top = meta.archive_name()
        assert stat.S_IMODE(members[f"{top}/install.sh"].mode) == 0o755
        for name in (
            "VERSION",
            "ADMIN.md",
            "share/systemd/wb-backend.service",
            "share/systemd/wb-backend.env",
            "share/systemd/wb-backend-backup.timer",
            "share/rollout.example.toml",
            "wb-ops/pvz-app",
            "wb-ops/_internal/libstandin.so",
            "wb-backend/wb-backend",
        ):
            assert f"{top}/{name}" in members, name
        for program in APPS:
            assert f"{top}/share/applications/{program.name}.desktop" in members
            assert f"{top}/share/icons/{program.name}.png" in members
        assert all(m.uid == 0 and m.uname == "root" for m in members.values())
        tar.extractall(tmp_path / "unpacked", filter="tar")
    return tmp_path / "unpacked" / meta.archive_name()


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return env


def _sh(script: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(script), *args], env=_env(home), capture_output=True, text=True, timeout=60
    )


def test_user_install_update_and_uninstall(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    version = meta.version()
    done = _sh(unpacked / "install.sh", "--user", home=home)
    assert done.returncode == 0, done.stderr
    prefix = home / ".local" / "opt" / "wb-ops"
    assert (prefix / "current").resolve() == (prefix / version).resolve()
    assert not (prefix / version / "wb-backend").exists()  # the apps only
    for program in APPS:
        command = home / ".local" / "bin" / program.name
        ran = subprocess.run([str(command)], capture_output=True, text=True, timeout=30)
        assert ran.stdout.strip() == f"{program.name} from {(prefix / version / 'wb-ops').resolve()}"
        desktop = (home / ".local" / "share" / "applications" / f"{program.name}.desktop").read_text(
            encoding="utf-8"
        )
        assert f"Exec={command}" in desktop
        assert f"Icon={program.name}" in desktop
        assert (
            home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{program.name}.png"
        ).is_file()

    # an update: the same archive as a newer version switches `current` and keeps the old one
    (unpacked / "VERSION").write_text("9.9.9\n", encoding="utf-8")
    done = _sh(unpacked / "install.sh", "--user", home=home)
    assert done.returncode == 0, done.stderr
    assert os.readlink(prefix / "current") == "9.9.9"
    assert (prefix / version / "wb-ops" / "pvz-app").exists()  # rollback stays possible

    done = _sh(unpacked / "uninstall.sh", "--user", home=home)
    assert done.returncode == 0, done.stderr
    assert not prefix.exists()
    for program in APPS:
        assert not (home / ".local" / "bin" / program.name).exists()
        assert not (home / ".local" / "share" / "applications" / f"{program.name}.desktop").exists()


def test_dry_run_changes_nothing_and_bad_options_are_refused(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = _sh(
        unpacked / "install.sh", "--backend", "--prefix", str(tmp_path / "opt"), "--dry-run", home=home
    )
    assert done.returncode == 0, done.stderr
    assert "useradd --system" in done.stdout
    assert "wb-backend init --data-dir /var/lib/wb-ops" in done.stdout
    assert "/etc/systemd/system/wb-backend.service" in done.stdout
    assert not (tmp_path / "opt").exists()

    refused = _sh(unpacked / "install.sh", "--user", "--backend", home=home)
    assert refused.returncode == 2
    assert "system service" in refused.stderr
    unknown = _sh(unpacked / "install.sh", "--frobnicate", home=home)
    assert unknown.returncode == 2
    assert "unknown option --frobnicate" in unknown.stderr


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def test_uninstall_removes_only_what_the_installer_wrote(unpacked: Path, tmp_path: Path) -> None:
    """A prefix shared with another vendor (think --prefix /opt): their files survive, ours go."""
    home = tmp_path / "home"
    home.mkdir()
    prefix = tmp_path / "opt"
    (prefix / "other-vendor" / "bin").mkdir(parents=True)
    (prefix / "other-vendor" / "bin" / "tool").write_text("theirs", encoding="utf-8")
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "my-script").write_text("mine", encoding="utf-8")
    before_home = _tree(home)

    done = _sh(unpacked / "install.sh", "--user", f"--prefix={prefix}", home=home)
    assert done.returncode == 0, done.stderr
    manifest = (prefix / "install-manifest.txt").read_text(encoding="utf-8")
    assert f"apps tree {prefix}/{meta.version()}/wb-ops" in manifest
    assert f"common dir {prefix}\n" not in manifest  # it was there before: not ours to remove
    command = home / ".local" / "bin" / "pvz-app"
    assert os.readlink(command) == f"{prefix}/current/wb-ops/pvz-app"

    done = _sh(unpacked / "uninstall.sh", "--user", "--prefix", str(prefix), home=home)
    assert done.returncode == 0, done.stderr
    assert _tree(prefix) == {"other-vendor", "other-vendor/bin", "other-vendor/bin/tool"}
    assert _tree(home) == before_home  # ~/.local/bin existed: kept, with the user's own script

    again = _sh(unpacked / "uninstall.sh", "--user", "--prefix", str(prefix), home=home)
    assert again.returncode == 2 and "nothing removed" in again.stderr
    assert (prefix / "other-vendor" / "bin" / "tool").exists()


def test_both_prefix_spellings_and_a_missing_value(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    for spelling in (["--prefix", str(tmp_path / "a")], [f"--prefix={tmp_path / 'b'}"]):
        done = _sh(unpacked / "install.sh", "--user", *spelling, home=home)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "a" / "current" / "wb-ops" / "pvz-app").exists()
    assert (tmp_path / "b" / "current" / "wb-ops" / "pvz-app").exists()
    for script in ("install.sh", "uninstall.sh"):
        missing = _sh(unpacked / script, "--user", "--prefix", home=home)
        assert missing.returncode == 2
        assert "--prefix needs a folder" in missing.stderr
    done = _sh(unpacked / "uninstall.sh", "--user", f"--prefix={tmp_path / 'a'}", home=home)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "a").exists()  # install.sh created it, so it goes when empty
    assert (tmp_path / "b" / "current").exists()


def test_help_is_clean(unpacked: Path, tmp_path: Path) -> None:
    for script in ("install.sh", "uninstall.sh"):
        done = _sh(unpacked / script, "--help", home=tmp_path)
        assert done.returncode == 0 and done.stderr == ""
        assert done.stdout.startswith("Usage: ")
        assert "--prefix DIR" in done.stdout and "--prefix=DIR" in done.stdout
        assert "set -eu" not in done.stdout and "#" not in done.stdout


def test_backend_units_follow_the_prefix(unpacked: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "srv" / "wb"
    done = _sh(
        unpacked / "install.sh", "--backend", "--no-apps", "--prefix", str(prefix), "--dry-run", home=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert f"ExecStart={prefix}/current/wb-backend/wb-backend serve" in done.stdout
    assert f"ExecStart={prefix}/current/wb-backend/wb-backend backup /var/backups/wb-ops" in done.stdout
    assert "/opt/wb-ops" not in done.stdout
    assert "wb-backend-backup-failed.service" in done.stdout
    assert not prefix.exists()


def test_apps_only_archive_and_checksums(tmp_path: Path) -> None:
    write_checksums = packaging_script("build").write_checksums

    dist = tmp_path / "dist"
    _fake_bundles(dist)
    full = linux_archive(dist=dist, work=tmp_path / "work")
    apps = linux_archive(dist=dist, work=tmp_path / "work", backend=False)
    assert apps.name == f"{meta.archive_name('apps')}.tar.gz"
    with tarfile.open(apps) as tar:
        names = tar.getnames()
    top = meta.archive_name("apps")
    assert f"{top}/wb-ops/pvz-app" in names and f"{top}/install.sh" in names
    assert not [n for n in names if "wb-backend" in n]
    sums = write_checksums(dist)
    assert sums.name == "SHA256SUMS"
    listed = sums.read_text(encoding="utf-8")
    assert full.name in listed and apps.name in listed
    check = subprocess.run(["sha256sum", "-c", sums.name], cwd=dist, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    unpacked = tmp_path / "u"
    with tarfile.open(apps) as tar:
        tar.extractall(unpacked, filter="tar")
    refused = _sh(unpacked / top / "install.sh", "--backend", "--dry-run", home=tmp_path)
    assert refused.returncode == 2 and "wb-backend is not in this archive" in refused.stderr
