"""What the packaging reads from the code: product name, version, entry points, bundle contents.

Imported by the build script, the smoke check and the benchmark, and loaded by file path from the
PyInstaller specs (which run inside PyInstaller). A version bump in pyproject.toml is the only edit a
release needs. Plain Python with no other imports from this folder.
"""

from __future__ import annotations

import importlib.util
import platform
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
# The build copies our packages here and analyses them from here, so nothing else in the source
# tree (tests, build output, virtualenv) can leak into a bundle.
STAGING = BUILD / "src"
SOURCE_PACKAGES = ("shared", "pvz_app", "scanner_app", "backend_stub")

# The two bundles: the client apps share one folder (Qt is most of the size), the backend has no Qt.
APPS_BUNDLE = "wb-ops"
BACKEND_BUNDLE = "wb-backend"

# PySide6 modules the apps import; every other Qt module is excluded from the bundle.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtPrintSupport", "QtNetwork", "QtSvg")


@dataclass(frozen=True)
class Program:
    name: str  # executable name: "pvz-app"
    module: str  # "pvz_app.__main__"
    title: str  # what a menu shows
    title_ru: str
    bundle: str
    gui: bool

    @property
    def entry_script(self) -> Path:
        # "run_" keeps the script names apart from our packages (the script folder is on the path)
        return PACKAGING / "entry" / f"run_{self.name.replace('-', '_')}.py"


PROGRAMS: tuple[Program, ...] = (
    Program("pvz-app", "pvz_app.__main__", "WB Ops pickup point", "WB Ops ПВЗ", APPS_BUNDLE, True),
    Program(
        "scanner-app",
        "scanner_app.__main__",
        "WB Ops warehouse terminal",
        "WB Ops ТСД склада",
        APPS_BUNDLE,
        True,
    ),
    Program("wb-backend", "backend_stub.cli", "WB Ops backend", "WB Ops сервер", BACKEND_BUNDLE, False),
)


def pyproject() -> dict[str, object]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)


def version() -> str:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    return str(project["version"])


def product() -> str:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    return str(project["name"])


def scripts() -> dict[str, str]:
    """[project.scripts]: executable name -> "module:function"."""
    project = pyproject()["project"]
    assert isinstance(project, dict)
    return dict(project.get("scripts", {}))


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def bundle_dir(bundle: str) -> Path:
    return DIST / bundle


def executable(program: Program) -> Path:
    suffix = ".exe" if platform.system() == "Windows" else ""
    return bundle_dir(program.bundle) / f"{program.name}{suffix}"


def archive_name(variant: str = "") -> str:
    """The Linux archive's name without .tar.gz: "wb-ops-0.1.0-linux-x86_64" (everything) or, with
    variant "apps", "wb-ops-apps-0.1.0-linux-x86_64" (the apps only, for PVZ PCs and terminals)."""
    middle = f"-{variant}" if variant else ""
    return f"{product()}{middle}-{version()}-linux-{arch()}"


CHECKSUMS = "SHA256SUMS"  # beside the artifacts in dist/, in `sha256sum -c` format


# ---- what goes into the bundles (read by the specs) ---------------------------------------------

# Asset files the programs read at run time; sources (.ts, generator scripts) stay out, except the
# common catalog's: shared/messages.py reads it without Qt (the core's error messages).
ASSET_SUFFIXES = {".qm", ".wav", ".ttf", ".qss", ".png", ".svg", ".ico", ".txt", ".json"}
ASSET_NAMES = {"common_ru.ts", "common_en.ts"}

# Never in any bundle: the test and build tool chain, and GUI toolkits we do not use.
TOOLCHAIN = [
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "mypy",
    "ruff",
    "PyInstaller",
    "tkinter",
    "_tkinter",
    "IPython",
    "matplotlib",
    "numpy",
    "pandas",
    "tests",
    "setuptools",
    "pip",
]

# The client apps talk to the backend over HTTP; its server-side stack stays out of their bundle.
SERVER_ONLY = [
    "backend_stub",
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "pydantic_settings",
    "anyio._backends._trio",
]

# The backend has no UI: no Qt, no app code, no printing or label rendering toolkits.
CLIENT_ONLY = [
    "PySide6",
    "shiboken6",
    "shared.qt",
    "pvz_app",
    "scanner_app",
    "serial",
    "PIL",
    "barcode",
    "qrcode",
    "zxingcpp",  # the apps read codes from a camera with it
    "yaml",
]


def asset_datas() -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for everything under assets/ a program reads."""
    pairs: list[tuple[str, str]] = []
    for path in sorted((ROOT / "assets").rglob("*")):
        if path.is_file() and (path.suffix.lower() in ASSET_SUFFIXES or path.name in ASSET_NAMES):
            pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    return pairs


def unused_qt_modules() -> list[str]:
    """Every PySide6 module the apps do not import (WebEngine, Qml/Quick, 3D, Charts, ...)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    names = {
        p.name.split(".")[0]
        for p in folder.glob("Qt*.*")
        if p.suffix in (".so", ".pyd") or ".abi3." in p.name
    }
    names |= {"QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtQml", "QtQuick", "QtQuick3D"}
    return sorted(f"PySide6.{n}" for n in names if n not in QT_MODULES_USED)


def our_modules(*packages: str, skip: tuple[str, ...] = ()) -> list[str]:
    """Every module of our own packages (so lazily imported screens are never left out)."""
    found: list[str] = []
    for package in packages:
        base = ROOT / package
        for path in sorted(base.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            name = ".".join(parts)
            if any(name == s or name.startswith(s + ".") for s in skip):
                continue
            found.append(name)
    return found


# Qt pieces PyInstaller's hooks pull in that the apps never use: the virtual keyboard input plugin
# (and with it Qt Quick/QML), and Qt's own translations beyond Russian and English.
DROPPED_FROM_APPS = (
    "platforminputcontexts/libqtvirtualkeyboardplugin",
    "libQt6VirtualKeyboard",
    "libQt6Quick",
    "libQt6Qml",
    "libQt6Pdf",
    "libQt6WebEngine",
    "libQt63D",
)
QT_TRANSLATIONS_KEPT = (
    "qtbase_ru.qm",
    "qtbase_en.qm",
    "qt_ru.qm",
    "qt_en.qm",
    "qtmultimedia_ru.qm",
    "qtmultimedia_en.qm",
)


def keep_in_apps_bundle(dest: str) -> bool:
    """False for a file of the apps bundle that is dead weight (see DROPPED_FROM_APPS)."""
    path = dest.replace("\\", "/")
    if any(part in path for part in DROPPED_FROM_APPS):
        return False
    if "/Qt/translations/" in path or path.startswith("PySide6/Qt/translations"):
        return path.rsplit("/", 1)[-1] in QT_TRANSLATIONS_KEPT
    return True
