"""The layout's one-way dependency rules, checked over every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["shared", "backend_stub", "pvz_app", "scanner_app"]

# (package prefix, forbidden import prefixes)
RULES = [
    (
        "shared.domain",
        [
            "PySide6",
            "shared.",
            "backend_stub",
            "pvz_app",
            "scanner_app",
            "httpx",
            "sqlite3",
            "sqlalchemy",
            "serial",
            "keyring",
        ],
    ),
    (
        "shared.barcodes",
        [
            "PySide6",
            "shared.store",
            "shared.sync",
            "shared.auth",
            "shared.qt",
            "shared.scanning",
            "backend_stub",
            "pvz_app",
            "scanner_app",
        ],
    ),
    ("shared.scanning", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.config", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.printing", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.store", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.sync", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.auth", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.qt", ["backend_stub", "pvz_app", "scanner_app", "httpx", "sqlite3"]),
    ("backend_stub", ["PySide6", "pvz_app", "scanner_app", "shared.qt", "shared.store", "shared.sync"]),
    ("pvz_app", ["backend_stub", "scanner_app", "httpx", "sqlite3", "sqlalchemy"]),
    ("scanner_app", ["backend_stub", "pvz_app", "httpx", "sqlite3", "sqlalchemy"]),
]
# The composition roots wire real clients and stores together; only they may name httpx/sqlite3.
COMPOSITION_ROOTS = {"pvz_app.__main__", "scanner_app.__main__"}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found.append((".".join(parts), path))
    return found


def _imports(module: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                is_pkg = path.name == "__init__.py"
                base = base[: len(base) - node.level + (1 if is_pkg else 0)]
                full = [*base, node.module] if node.module else base
                names.add(".".join(full))
                names.update(".".join([*full, a.name]) for a in node.names)
            elif node.module:
                names.add(node.module)
    return names


@pytest.mark.parametrize(("module", "path"), _modules(), ids=lambda v: str(v))
def test_module_respects_layering(module: str, path: Path) -> None:
    imported = _imports(module, path)
    for prefix, forbidden in RULES:
        if module != prefix and not module.startswith(prefix + "."):
            continue
        if module in COMPOSITION_ROOTS:
            forbidden = [f for f in forbidden if f not in ("httpx", "sqlite3")]
        for name in imported:
            for bad in forbidden:
                if bad.endswith("."):
                    hit = name.startswith(bad) and not name.startswith(prefix)
                else:
                    hit = name == bad or name.startswith(bad + ".")
                assert not hit, f"{module} imports {name}, which {prefix} must not depend on"


def test_rules_catch_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6 import QtCore\nfrom . import sibling\n")
    assert "PySide6" in _imports("shared.domain.bad", bad)
    assert "shared.domain.sibling" in _imports("shared.domain.bad", bad)
