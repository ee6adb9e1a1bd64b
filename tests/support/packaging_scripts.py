"""The scripts of `packaging/` for tests: `packaging_script("build").linux_archive(...)`.

`packaging/` is a plain folder of scripts run by path (no `__init__.py`, so it never shadows PyPI's
`packaging` library). Its scripts import each other as siblings (`from meta import ROOT`) because a
script's own folder is first on its import path; here that folder goes first on the test process's
path for the same effect.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def packaging_script(name: str) -> ModuleType:
    """The module of ``packaging/<name>.py``, imported as its siblings import it."""
    folder = str(PACKAGING)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    module = importlib.import_module(name)
    found = Path(module.__file__ or "").resolve()
    if found.parent != PACKAGING:
        raise ImportError(f"{name!r} came from {found}, not from {PACKAGING}")
    return module
