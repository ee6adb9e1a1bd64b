"""`packaging/` is a folder of scripts, not a Python package: PyPI's `packaging` library must still
load from the repository root (pip, setuptools, PyInstaller and schemathesis import it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"

PROBE = """
import json, sys
import packaging.version
print(json.dumps({
    "path0": sys.path[0],
    "file": packaging.version.__file__,
    "paths": list(packaging.__path__),
    "newer": packaging.version.Version("24.1") > packaging.version.Version("24.0"),
}))
"""


def _probe(*argv: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)  # the repository root twice over: cwd and the path
    done = subprocess.run(
        [sys.executable, *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_folder_is_no_package_and_has_no_library_module_names() -> None:
    assert PACKAGING.is_dir()
    assert not (PACKAGING / "__init__.py").exists()
    # none of the library's own module names, so even a namespace lookup never lands here
    for name in ("version", "specifiers", "requirements", "markers", "tags", "utils", "metadata"):
        assert not (PACKAGING / f"{name}.py").exists(), name
        assert not (PACKAGING / name).exists(), name


def test_import_packaging_version_from_the_repository_root_loads_the_library() -> None:
    found = _probe("-c", PROBE)
    assert found["path0"] == ""  # `-c`: the current directory, the repository root, comes first
    assert found["newer"] is True
    file = Path(str(found["file"])).resolve()
    assert PACKAGING not in file.parents, file
    assert all(Path(p).resolve() != PACKAGING for p in found["paths"])  # type: ignore[attr-defined]


def test_import_packaging_version_with_the_root_first_on_the_path(tmp_path: Path) -> None:
    """A script run from the root, sys.path[0] the root itself (as `python some_script.py` there)."""
    script = tmp_path / "probe.py"
    script.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n{PROBE}", encoding="utf-8")
    found = _probe(str(script))
    assert Path(str(found["path0"])).resolve() == ROOT
    assert found["newer"] is True
    assert PACKAGING not in Path(str(found["file"])).resolve().parents


def test_the_scripts_run_by_path() -> None:
    """`python packaging/build.py --help`: the sibling imports resolve with no package around them."""
    for script in ("build.py", "smoke.py", "demo.py"):
        done = subprocess.run(
            [sys.executable, str(PACKAGING / script), "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, (script, done.stderr)
        assert "usage" in done.stdout.lower(), script
