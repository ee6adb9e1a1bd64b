"""What goes into the bundles: versions and entry points from the code, assets, lean Qt, installer files."""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from backend_stub.settings import Settings
from tests.support.packaging_scripts import packaging_script

meta = packaging_script("meta")

ROOT = meta.ROOT


def test_programs_match_the_console_scripts_of_pyproject() -> None:
    scripts = meta.scripts()
    assert {p.name for p in meta.PROGRAMS} == set(scripts)
    for program in meta.PROGRAMS:
        module, _, func = scripts[program.name].partition(":")
        assert module == program.module
        entry = program.entry_script.read_text(encoding="utf-8")
        # the bundle's entry script runs the same function as the installed console script
        assert f"from {module} import {func}" in entry
        assert "raise SystemExit" in entry
        # and its name cannot shadow one of our packages (the script folder is on the import path)
        assert program.entry_script.stem not in meta.SOURCE_PACKAGES


def test_version_comes_from_pyproject() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', text, re.M)
    assert version is not None
    assert meta.version() == version.group(1)
    assert meta.archive_name() == f"wb-ops-{version.group(1)}-linux-{meta.arch()}"


def test_assets_are_bundled_without_their_sources() -> None:
    datas = meta.asset_datas()
    names = {Path(src).name: dest for src, dest in datas}
    for lang in ("ru", "en"):
        assert names.get(f"common_{lang}.qm") == "assets/translations"
    assert names.get("DejaVuSans.ttf") == "assets/fonts"
    assert names.get("common.qss") == "assets/styles"
    assert any(dest == "assets/sounds" and n.endswith(".wav") for n, dest in names.items())
    for lang in ("ru", "en"):  # the core's messages read the common catalog without Qt
        assert names.get(f"common_{lang}.ts") == "assets/translations"
    assert not [n for n in names if n.endswith((".ts", ".py")) and not n.startswith("common_")]


def _qt_modules_imported() -> set[str]:
    found: set[str] = set()
    for package in ("shared", "pvz_app", "scanner_app"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names: list[str] = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                elif isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                for name in names:
                    parts = name.split(".")
                    if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                        found.add(parts[1])
    return found


def test_every_qt_module_the_code_imports_is_kept_and_heavy_ones_are_excluded() -> None:
    used = _qt_modules_imported()
    missing = used - set(meta.QT_MODULES_USED)
    assert not missing, f"the apps import {missing}: add them to packaging/meta.py QT_MODULES_USED"
    excluded = set(meta.unused_qt_modules())
    assert not {f"PySide6.{m}" for m in used} & excluded
    for heavy in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtCharts", "QtDesigner"):
        assert f"PySide6.{heavy}" in excluded


def test_files_pulled_in_by_qt_hooks_are_filtered() -> None:
    keep = meta.keep_in_apps_bundle
    assert not keep("PySide6/Qt/lib/libQt6Quick.so.6")
    assert not keep("PySide6/Qt/lib/libQt6Qml.so.6")
    assert not keep("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("PySide6/Qt/translations/qtbase_ru.qm")
    assert keep("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("assets/translations/common_ru.qm")


def test_the_backend_bundle_has_no_qt_and_the_apps_no_server() -> None:
    assert "PySide6" in meta.CLIENT_ONLY and "shared.qt" in meta.CLIENT_ONLY
    assert {"fastapi", "uvicorn", "sqlalchemy", "backend_stub"} <= set(meta.SERVER_ONLY)
    assert "pytest" in meta.TOOLCHAIN and "PyInstaller" in meta.TOOLCHAIN


def test_desktop_entries_name_their_program_and_icon() -> None:
    for program in meta.PROGRAMS:
        if not program.gui:
            continue
        parser = configparser.ConfigParser(interpolation=None, strict=True)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read(ROOT / "packaging" / "linux" / f"{program.name}.desktop", encoding="utf-8")
        entry = parser["Desktop Entry"]
        assert entry["Type"] == "Application"
        assert entry["Exec"] == program.name
        assert entry["Icon"] == program.name
        assert entry["Name"] == program.title
        assert entry["Name[ru]"] == program.title_ru
        assert (ROOT / "packaging" / "icons" / f"{program.name}.png").is_file()
        assert (ROOT / "packaging" / "icons" / f"{program.name}.ico").is_file()


def test_every_setting_in_the_env_file_is_a_real_backend_setting() -> None:
    fields = set(Settings.model_fields)
    text = (ROOT / "packaging" / "linux" / "wb-backend.env").read_text(encoding="utf-8")
    seen = []
    for line in text.splitlines():
        m = re.match(r"^#?(WB_[A-Z0-9_]+)=", line)
        if m:
            name = m.group(1).removeprefix("WB_").lower()
            assert name in fields, f"{m.group(1)} in wb-backend.env is not a backend setting"
            seen.append(name)
    assert {"data_dir", "host", "port", "log_level"} <= set(seen)


def test_systemd_units_start_the_installed_binary_with_the_env_file() -> None:
    linux = ROOT / "packaging" / "linux"
    service = (linux / "wb-backend.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/wb-ops/current/wb-backend/wb-backend serve" in service
    assert "EnvironmentFile=/etc/wb-ops/wb-backend.env" in service
    assert "User=wb-backend" in service
    assert "ReadWritePaths=/var/lib/wb-ops /var/backups/wb-ops" in service
    backup = (linux / "wb-backend-backup.service").read_text(encoding="utf-8")
    assert "wb-backend backup /var/backups/wb-ops --keep" in backup
    timer = (linux / "wb-backend-backup.timer").read_text(encoding="utf-8")
    assert "OnCalendar=" in timer and "Persistent=true" in timer
    install = (linux / "install.sh").read_text(encoding="utf-8")
    for unit in ("wb-backend.service", "wb-backend-backup.service", "wb-backend-backup.timer"):
        assert unit in install


def test_inno_setup_script_matches_the_bundle() -> None:
    iss = (ROOT / "packaging" / "windows" / "wb-ops.iss").read_text(encoding="utf-8")
    default = re.search(r'#define AppVersion "([^"]+)"', iss)
    assert default is not None and default.group(1) == meta.version()
    assert re.search(r'#define SourceDir "\.\.\\\.\.\\dist\\' + meta.APPS_BUNDLE + '"', iss)
    for program in meta.PROGRAMS:
        if program.gui:
            assert f"{{#SourceDir}}\\{program.name}.exe" in iss
            assert f"{{app}}\\{program.name}.exe" in iss
    # every file the script takes from the source tree exists
    here = ROOT / "packaging" / "windows"
    for source in re.findall(r'Source: "(\.\.[^"]+)"', iss):
        assert (here / source.replace("\\", "/")).resolve().exists(), source
    for icon in re.findall(r'#define IconDir "([^"]+)"', iss):
        assert (here / icon.replace("\\", "/") / "pvz-app.ico").exists()
    assert "WB_OPS_CONFIG" in iss  # a roll-out file can be handed over at install time


def test_backup_unit_reports_failure_and_is_hardened_like_the_service() -> None:
    linux = ROOT / "packaging" / "linux"
    service = (linux / "wb-backend.service").read_text(encoding="utf-8")
    backup = (linux / "wb-backend-backup.service").read_text(encoding="utf-8")
    assert "OnFailure=wb-backend-backup-failed.service" in backup
    assert (linux / "wb-backend-backup-failed.service").is_file()
    for setting in (
        "CapabilityBoundingSet=\n",
        "RestrictAddressFamilies=",
        "SystemCallFilter=@system-service",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "PrivateDevices=yes",
        "ProtectKernelTunables=yes",
        "RestrictSUIDSGID=yes",
    ):
        assert setting in service, setting
        assert setting in backup, setting
    assert "PrivateNetwork=yes" in backup  # a backup needs no network at all
    install = (linux / "install.sh").read_text(encoding="utf-8")
    assert "wb-backend-backup-failed.service" in install


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    linux = ROOT / "packaging" / "linux"
    units = []
    for name in ("wb-backend.service", "wb-backend-backup.service", "wb-backend-backup-failed.service"):
        text = (linux / name).read_text(encoding="utf-8")
        text = text.replace("/opt/wb-ops/current/wb-backend/wb-backend", "/bin/true")
        (tmp_path / name).write_text(text, encoding="utf-8")
        units.append(str(tmp_path / name))
    done = subprocess.run(
        ["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if str(tmp_path) in line or "wb-backend" in line
    ]
    assert not problems, problems


def test_windows_update_removes_the_previous_runtime() -> None:
    iss = (ROOT / "packaging" / "windows" / "wb-ops.iss").read_text(encoding="utf-8")
    section = iss.split("[InstallDelete]", 1)
    assert len(section) == 2, "no [InstallDelete]: stale files of the previous version stay"
    body = section[1].split("\n[", 1)[0]
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in body
    assert "LOCALAPPDATA" not in body and "{localappdata}" not in body  # offline queues stay
