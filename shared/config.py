"""Per-device app configuration: where it lives, what it holds, and where a roll-out file overrides it.

Plain Python (no Qt), so the apps, the first-run wizard and the tests share one implementation.
Order of precedence, lowest first: built-in defaults < the user's config file in the platform config
folder < a roll-out file named by WB_OPS_CONFIG (admins push one file to many PCs) < explicit
command-line overrides. Secrets never live here: tokens go to the OS keyring.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

APP_DIR_NAME = "wb-ops"
ROLLOUT_ENV = "WB_OPS_CONFIG"


def _base(kind: str, env: Mapping[str, str], platform: str) -> Path:
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        var = "APPDATA" if kind == "config" else "LOCALAPPDATA"
        fallback = home / "AppData" / ("Roaming" if kind == "config" else "Local")
        return Path(env[var]) if env.get(var) else fallback
    if platform == "darwin":
        return home / "Library" / "Application Support"
    var, fallback = (
        ("XDG_CONFIG_HOME", home / ".config")
        if kind == "config"
        else ("XDG_DATA_HOME", home / ".local" / "share")
    )
    xdg = env.get(var)
    return Path(xdg) if xdg and Path(xdg).is_absolute() else fallback


def config_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The platform's per-user config folder for the suite (XDG, %APPDATA%, ~/Library)."""
    return _base("config", os.environ if env is None else env, platform or sys.platform) / APP_DIR_NAME


def data_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The platform's per-user data folder (local databases live here: XDG, %LOCALAPPDATA%, ~/Library)."""
    return _base("data", os.environ if env is None else env, platform or sys.platform) / APP_DIR_NAME


@dataclass(frozen=True)
class ScannerSettings:
    port: str = ""  # serial port name or "" for keyboard wedge only
    usb_vid_pid: str = ""  # "0c2e:0b61" to find the scanner again after a replug
    baudrate: int = 9600
    suffix: str = "\r"
    max_key_interval_ms: int = 40  # keyboard wedge: slower keys are a human typing
    min_length: int = 4
    debounce_ms: int = 800


@dataclass(frozen=True)
class PrinterSettings:
    name: str = ""  # "" = the system default printer
    label_size: str = "58x40"  # "58x40", "100x150", "A4"
    zpl: bool = False  # send raw ZPL to a Zebra printer instead of a rendered image


@dataclass(frozen=True)
class AppConfig:
    app: str  # "pvz" or "terminal"
    backend_url: str = "http://127.0.0.1:8700"
    site_id: str = ""
    device_id: str = ""  # assigned on first run
    language: str = "ru"
    idle_lock_minutes: int = 15
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)

    @property
    def configured(self) -> bool:
        """True once the first-run setup gave this device a backend, a site and an id."""
        return bool(self.backend_url and self.site_id and self.device_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ConfigError(Exception):
    """A config file that cannot be read or written; the message says which file and why."""


def _merge(base: AppConfig, data: Mapping[str, Any], source: str) -> AppConfig:
    known = {f.name for f in fields(AppConfig)}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{source}: unknown settings {', '.join(sorted(unknown))}")
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key == "scanner":
            changes[key] = replace(base.scanner, **_checked(ScannerSettings, value, source))
        elif key == "printer":
            changes[key] = replace(base.printer, **_checked(PrinterSettings, value, source))
        elif key != "app":
            changes[key] = value
    try:
        return replace(base, **changes)
    except TypeError as exc:
        raise ConfigError(f"{source}: {exc}") from exc


def _checked(kind: type, value: Any, source: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: expected a table")
    names = {f.name: f.type for f in fields(kind)}
    bad = set(value) - set(names)
    if bad:
        raise ConfigError(f"{source}: unknown settings {', '.join(sorted(bad))}")
    return dict(value)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        return json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc


class ConfigStore:
    """Loads and saves one app's config file; `path` is injectable for tests and portable installs."""

    def __init__(self, app: str, path: Path | None = None, env: Mapping[str, str] | None = None) -> None:
        self.app = app
        self.env = os.environ if env is None else env
        self.path = path or config_dir(self.env) / f"{app}.json"

    def load(self, overrides: Mapping[str, Any] | None = None) -> AppConfig:
        config = AppConfig(app=self.app)
        if self.path.exists():
            config = _merge(config, _read(self.path), str(self.path))
        rollout = self.env.get(ROLLOUT_ENV)
        if rollout:
            data = _read(Path(rollout))
            section = data.get(self.app, data)
            config = _merge(
                config, {k: v for k, v in section.items() if k not in ("pvz", "terminal")}, rollout
            )
        if overrides:
            config = _merge(config, {k: v for k, v in overrides.items() if v is not None}, "command line")
        return config

    def save(self, config: AppConfig) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a config."""
        payload = json.dumps(config.to_dict(), ensure_ascii=False, indent=2)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".cfg-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            raise ConfigError(f"cannot save {self.path}: {exc}") from exc
