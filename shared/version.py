"""The suite's release number, from one place: ``[project] version`` in pyproject.toml.

A source checkout reads pyproject.toml; a built bundle reads ``shared/_build_version.py``, which
``make package`` writes into its staged copy of the sources; an installed wheel asks the package
metadata. A release bump stays one edit in pyproject.toml.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import metadata
from pathlib import Path

DIST_NAME = "wb-ops"
UNKNOWN = "0+unknown"


@functools.cache
def version() -> str:
    """The release this code belongs to, like "0.1.0" (UNKNOWN if no source of it is found)."""
    try:
        from shared import _build_version  # type: ignore[attr-defined]

        return str(_build_version.VERSION)
    except ImportError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == DIST_NAME and project.get("version"):
            return str(project["version"])
    except (OSError, tomllib.TOMLDecodeError):
        pass
    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:
        return UNKNOWN
