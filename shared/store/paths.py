"""Where an app keeps its data by default, by platform rules (no Qt here)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


def default_data_dir(
    app_name: str, *, env: Mapping[str, str] | None = None, platform: str | None = None
) -> Path:
    """The per-user application data folder for ``app_name``.

    Linux: $XDG_DATA_HOME/<app> or ~/.local/share/<app>; Windows: %APPDATA%\\<app>;
    macOS: ~/Library/Application Support/<app>. Callers may pass any other path instead.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / app_name


def default_db_path(app_name: str) -> Path:
    """The one SQLite file of an installed app."""
    return default_data_dir(app_name) / "local.sqlite3"
