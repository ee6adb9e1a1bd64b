"""The layout's one-way dependency rules, checked over every module's imports, over the import graph
(no cycles) and over what a fresh interpreter actually loads (transitive imports included)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["shared", "backend_stub", "pvz_app", "scanner_app"]

FLOW_FORBIDDEN = [
    "PySide6",
    "httpx",
    "sqlite3",
    "sqlalchemy",
    "keyring",
    "serial",
    "shared.qt",
    "shared.auth",  # its package loads the store's client side, httpx and keyring
    "shared.sync",
    "shared.scanning",
    "shared.store.store",
    "shared.store.connection",
    "pvz_app.context",
    "pvz_app.window",
    "pvz_app.ports",  # the PVZ's dialog ports (Qt); the flows' ports are pvz_app.logic.ports
    "pvz_app.__main__",
    "scanner_app.__main__",
    "scanner_app.window",
]
FLOW_PACKAGES = ("pvz_app.logic", "scanner_app.logic")

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
    # the Qt-free reader of the message catalog: everything in the core may use it
    ("shared.messages", ["PySide6", "shared.", "backend_stub", "pvz_app", "scanner_app", "httpx", "sqlite3"]),
    ("shared.scanning", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.config", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.printing", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.store", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.sync", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.auth", ["PySide6", "shared.qt", "backend_stub", "pvz_app", "scanner_app"]),
    ("shared.qt", ["backend_stub", "pvz_app", "scanner_app", "httpx", "sqlite3"]),
    (
        "backend_stub",
        [
            "PySide6",
            "pvz_app",
            "scanner_app",
            "shared.qt",
            "shared.store",
            "shared.sync",
            "shared.auth",
            "shared.scanning",
            "keyring",
        ],
    ),
    ("pvz_app", ["backend_stub", "scanner_app", "httpx", "sqlite3", "sqlalchemy"]),
    ("scanner_app", ["backend_stub", "pvz_app", "httpx", "sqlite3", "sqlalchemy"]),
    # the apps' flows are pure: they read and write through the ports their composition roots fill
    # (pvz_app/logic/ports.py, scanner_app/logic/common.py), never the store, HTTP, the keyring or Qt
    *[
        (f"{app}.logic", [*FLOW_FORBIDDEN, f"{app}.screens", f"{app}.adapters"])
        for app in ("pvz_app", "scanner_app")
    ],
]
# The composition roots wire real clients and stores together; only they may name httpx/sqlite3
# (shared.qt.kit is the part of both roots that builds the store, HTTP client and sync from the config).
COMPOSITION_ROOTS = {"pvz_app.__main__", "scanner_app.__main__", "shared.qt.kit"}


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


def _names_imported(path: Path) -> set[str]:
    """Every name a module imports, as it is bound (``from shared.store import LocalStore``: LocalStore)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names.update(a.name.rsplit(".", 1)[-1] for a in node.names)
    return names


@pytest.mark.parametrize(
    ("module", "path"),
    [(m, p) for m, p in _modules() if m.startswith(FLOW_PACKAGES)],
    ids=lambda v: str(v),
)
def test_flows_never_name_the_store(module: str, path: Path) -> None:
    """A flow reads through its data port and writes through its journal port: it never names the
    LocalStore (a re-export through shared.store included), sqlite3, httpx or PySide6."""
    named = _names_imported(path) & {"LocalStore", "sqlite3", "httpx", "PySide6"}
    assert not named, f"{module} imports {sorted(named)}: a flow goes through its ports"
    test_module_respects_layering(module, path)


def test_flow_rule_catches_the_store(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from shared.store import ChangeSet, LocalStore\nfrom PySide6 import QtCore\n")
    assert {"LocalStore", "QtCore"} <= _names_imported(bad)
    with pytest.raises(AssertionError, match="LocalStore"):
        test_flows_never_name_the_store("pvz_app.logic.bad", bad)
    bad.write_text("from shared.auth import check_pickup\n")
    with pytest.raises(AssertionError, match=r"shared\.auth"):
        test_flows_never_name_the_store("pvz_app.logic.bad", bad)


def _graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (anywhere in its body), parents of itself left out."""
    mods = dict(_modules())
    graph: dict[str, set[str]] = {}
    for module, path in mods.items():
        deps = set()
        for name in _imports(module, path):
            parts = name.split(".")
            while parts and ".".join(parts) not in mods:
                parts.pop()
            target = ".".join(parts)
            if target and target != module and not module.startswith(target + "."):
                deps.add(target)
        graph[module] = deps
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles() -> None:
    """A circle (context <-> services.pickup, say) means neither module can be read or loaded alone."""
    assert _cycles(_graph()) == []


def test_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


# What a fresh interpreter loads, transitive imports included. The backend's SQLite driver needs
# sqlite3 and it signs with cryptography; what it must never load is the client side.
CLIENT_MODULES = [
    "shared.store",
    "shared.sync",
    "shared.auth",
    "shared.qt",
    "shared.scanning",
    "shared.config",
    "pvz_app",
    "scanner_app",
    "PySide6",
    "keyring",
    "serial",
    "httpx",  # the backend calls out to nothing today; allow it here when it starts to
]
PURE_FORBIDDEN = [
    *CLIENT_MODULES,
    "shared.printing",
    "backend_stub",
    "sqlite3",
    "sqlalchemy",
    "fastapi",
]

_LOADER = """
import importlib, json, pkgutil, sys
from pathlib import Path
data_dir, packages = sys.argv[1], sys.argv[2:]
for name in packages:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
        importlib.import_module(info.name)
if data_dir:
    from backend_stub.app import create_app
    from backend_stub.settings import Settings

    settings = Settings(
        data_dir=Path(data_dir), argon2_time_cost=1, argon2_memory_kib=1024, argon2_parallelism=1
    )
    create_app(settings).state.ctx.db.dispose()
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(packages: list[str], data_dir: Path | None = None) -> list[str]:
    """Module names a fresh interpreter holds after importing every module of `packages` (and, with
    `data_dir`, building the backend app on it)."""
    result = subprocess.run(
        [sys.executable, "-c", _LOADER, str(data_dir or ""), *packages],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def _hits(loaded: list[str], forbidden: list[str]) -> list[str]:
    return [m for m in loaded if any(m == f or m.startswith(f + ".") for f in forbidden)]


def test_backend_loads_no_client_code(tmp_path: Path) -> None:
    """Every backend module (the app, its routers and services, the admin CLI) and a built app."""
    loaded = _loaded(["backend_stub"], tmp_path / "data")
    assert "backend_stub.cli" in loaded and "backend_stub.services.pickup" in loaded
    assert _hits(loaded, CLIENT_MODULES) == []


def test_pure_packages_load_no_io_or_qt() -> None:
    """shared.domain (pickup-token crypto included) and shared.barcodes are what both sides share."""
    loaded = _loaded(["shared.domain", "shared.barcodes"])
    assert "shared.domain.pickup_token" in loaded
    assert _hits(loaded, PURE_FORBIDDEN) == []


def test_loaded_check_sees_transitive_imports() -> None:
    """The client's auth package drags in the store and the HTTP client: the check must notice."""
    assert _hits(_loaded(["shared.auth"]), ["shared.store", "httpx"]) != []
