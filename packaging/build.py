"""`make package`: PyInstaller bundles of the apps and the backend, and the Linux archive.

    python packaging/build.py [--only apps|backend] [--no-archive] [--clean]

Steps, each timed and printed:

1. copy our packages to build/src (see meta.STAGING for why);
2. PyInstaller: `dist/wb-ops/` (pvz-app and scanner-app, one copy of Qt) and `dist/wb-backend/`;
3. the Linux archives: `dist/wb-ops-<version>-linux-<arch>.tar.gz` (both bundles, install.sh,
   .desktop entries, icons, the systemd units and their environment file, ADMIN.md) and
   `dist/wb-ops-apps-<version>-linux-<arch>.tar.gz` (the same without the backend, for PVZ PCs and
   terminals); then `dist/SHA256SUMS` over every artifact (`sha256sum -c SHA256SUMS`).

On Windows, step 3 is the installer instead: Inno Setup's `iscc` (when on PATH) compiles
packaging/windows/wb-ops.iss with pyproject's version into dist/wb-ops-<version>-setup.exe.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from meta import (
    APPS_BUNDLE,
    BACKEND_BUNDLE,
    BUILD,
    CHECKSUMS,
    DIST,
    PACKAGING,
    PROGRAMS,
    ROOT,
    SOURCE_PACKAGES,
    STAGING,
    archive_name,
    bundle_dir,
    version,
)

SPECS = {APPS_BUNDLE: PACKAGING / "wb_ops_apps.spec", BACKEND_BUNDLE: PACKAGING / "wb_backend.spec"}


def log(message: str) -> None:
    print(f"[package] {message}", flush=True)


def stage_sources() -> None:
    if STAGING.exists():
        shutil.rmtree(STAGING)
    STAGING.mkdir(parents=True)
    for package in SOURCE_PACKAGES:
        shutil.copytree(
            ROOT / package, STAGING / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    # the bundles have no pyproject.toml: shared.version reads the release number from here
    (STAGING / "shared" / "_build_version.py").write_text(
        f'"""Written by make package."""\n\nVERSION = "{version()}"\n', encoding="utf-8"
    )


def pyinstaller(bundle: str, clean: bool) -> float:
    """Run PyInstaller on one spec (outside ROOT, see meta.STAGING); return the seconds it took."""
    started = time.perf_counter()
    work = BUILD / "pyinstaller"
    work.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(work),
    ]
    if clean:
        cmd.append("--clean")
    cmd.append(str(SPECS[bundle]))
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    log_file = BUILD / f"pyinstaller-{bundle}.log"
    with open(log_file, "w", encoding="utf-8") as out:
        done = subprocess.run(cmd, cwd=BUILD, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        sys.stderr.write(log_file.read_text(encoding="utf-8", errors="replace")[-6000:])
        raise SystemExit(f"PyInstaller failed for {bundle} (full log: {log_file})")
    errors = [
        line
        for line in log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        if "ERROR: Hidden import" in line and "not found" in line
    ]
    ours = [line for line in errors if any(f"'{p}" in line for p in SOURCE_PACKAGES)]
    if ours:
        raise SystemExit(f"{bundle}: our own modules were not found:\n" + "\n".join(ours[:20]))
    return time.perf_counter() - started


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _add(tar: tarfile.TarFile, source: Path, name: str, mode: int | None = None) -> None:
    info = tar.gettarinfo(str(source), arcname=name)
    if mode is not None:
        info.mode = mode
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if info.isfile():
        with open(source, "rb") as fh:
            tar.addfile(info, fh)
    else:
        tar.addfile(info)


UNITS = (
    "wb-backend.service",
    "wb-backend-backup.service",
    "wb-backend-backup.timer",
    "wb-backend-backup-failed.service",
    "wb-backend.env",
)


def linux_archive(dist: Path = DIST, work: Path = BUILD, *, backend: bool = True) -> Path:
    """<dist>/<product>-<version>-linux-<arch>.tar.gz with both bundles found in `dist` and
    everything install.sh needs; with ``backend=False`` the apps-only archive (no server bundle,
    no systemd units)."""
    top = archive_name() if backend else archive_name("apps")
    target = dist / f"{top}.tar.gz"
    linux = PACKAGING / "linux"
    work.mkdir(parents=True, exist_ok=True)
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        for bundle in (APPS_BUNDLE, BACKEND_BUNDLE) if backend else (APPS_BUNDLE,):
            folder = dist / bundle
            if not folder.is_dir():
                continue
            for path in sorted([folder, *folder.rglob("*")]):
                _add(tar, path, f"{top}/{bundle}/{path.relative_to(folder)}".rstrip("/."))
        _add(tar, linux / "install.sh", f"{top}/install.sh", 0o755)
        _add(tar, linux / "uninstall.sh", f"{top}/uninstall.sh", 0o755)
        for program in PROGRAMS:
            if program.gui:
                _add(
                    tar,
                    linux / f"{program.name}.desktop",
                    f"{top}/share/applications/{program.name}.desktop",
                    0o644,
                )
                _add(
                    tar,
                    PACKAGING / "icons" / f"{program.name}.png",
                    f"{top}/share/icons/{program.name}.png",
                    0o644,
                )
        for unit in UNITS if backend else ():
            _add(tar, linux / unit, f"{top}/share/systemd/{unit}", 0o644)
        _add(tar, linux / "rollout.example.toml", f"{top}/share/rollout.example.toml", 0o644)
        _add(tar, ROOT / "docs" / "ADMIN.md", f"{top}/ADMIN.md", 0o644)
        version_file = work / "VERSION"
        version_file.write_text(version() + "\n", encoding="utf-8")
        _add(tar, version_file, f"{top}/VERSION", 0o644)
    return target


def write_checksums(dist: Path = DIST) -> Path:
    """<dist>/SHA256SUMS over the archives and setup programs in `dist`, for `sha256sum -c`."""
    lines = []
    for path in sorted(dist.iterdir()):
        if path.is_file() and path.name.endswith((".tar.gz", "-setup.exe")):
            digest = hashlib.sha256()
            with open(path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
            lines.append(f"{digest.hexdigest()}  {path.name}\n")
    target = dist / CHECKSUMS
    target.write_text("".join(lines), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make package", description="build the WB Ops bundles")
    parser.add_argument("--only", choices=[APPS_BUNDLE, BACKEND_BUNDLE, "apps", "backend"], default=None)
    parser.add_argument("--no-archive", action="store_true", help="skip the Linux tar.gz")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    args = parser.parse_args(argv)
    only = {"apps": APPS_BUNDLE, "backend": BACKEND_BUNDLE}.get(args.only or "", args.only)
    bundles = [b for b in (APPS_BUNDLE, BACKEND_BUNDLE) if only in (None, b)]

    total = time.perf_counter()
    log(f"wb-ops {version()}: building {', '.join(bundles)}")
    stage_sources()
    for bundle in bundles:
        seconds = pyinstaller(bundle, args.clean)
        log(
            f"{bundle}: {seconds:.0f} s, {folder_size(bundle_dir(bundle)) / 1e6:.0f} MB in {bundle_dir(bundle)}"
        )
    if not args.no_archive and sys.platform == "win32" and APPS_BUNDLE in bundles:
        iscc = shutil.which("iscc") or shutil.which("ISCC")
        if iscc is None:
            log("Inno Setup (iscc) not on PATH: the installer is not built")
        else:
            started = time.perf_counter()
            iss = PACKAGING / "windows" / "wb-ops.iss"
            subprocess.run([iscc, f"/DAppVersion={version()}", str(iss)], check=True)
            log(
                f"installer: {DIST / f'wb-ops-{version()}-setup.exe'} ({time.perf_counter() - started:.0f} s)"
            )
    if not args.no_archive and sys.platform.startswith("linux"):
        started = time.perf_counter()
        for with_backend in (True, False):
            if not with_backend and APPS_BUNDLE not in bundles:
                continue
            archive = linux_archive(backend=with_backend)
            log(
                f"archive: {archive} ({archive.stat().st_size / 1e6:.0f} MB, {time.perf_counter() - started:.0f} s)"
            )
    if not args.no_archive:
        log(f"checksums: {write_checksums()}")
    log(f"done in {time.perf_counter() - total:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
