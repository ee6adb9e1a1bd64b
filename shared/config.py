"""Per-device app configuration: where it lives, what it holds, and where a roll-out file overrides it.

Plain Python (no Qt), so the apps, the first-run wizard and the tests share one implementation.
Order of precedence, lowest first: built-in defaults < the user's config file in the platform config
folder < a roll-out file named by WB_OPS_CONFIG (admins push one file to many PCs) < explicit
command-line overrides. Secrets never live here: tokens go to the OS keyring.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
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


SUPPORTED_LANGUAGES = ("ru", "en")  # the UI languages with catalogs (shared/qt/i18n.LANGUAGES)
LAST_GOOD_SUFFIX = ".last-good.json"


class ConfigError(Exception):
    """A config file that cannot be read or written; the message says which file and why."""


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong in a config file, for the user: which file, line and setting, and what.

    ``kind``: "unreadable" (missing file, unreachable share, no permission), "syntax" (not TOML/JSON),
    "unknown_setting", "wrong_type", "unknown_language"; ``used`` says what the app runs on instead.
    """

    file: str
    kind: str
    message: str
    line: int | None = None
    setting: str | None = None
    used: str = ""

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        what = f"{self.setting}: " if self.setting else ""
        tail = f" ({self.used})" if self.used else ""
        return f"{where}: {what}{self.message}{tail}"


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


_TYPE_NAMES = {str: "text in quotes", int: "a whole number", bool: "true or false"}


def _line_of(text: str, key: str, section: str | None) -> int | None:
    """The line where `key` is set (TOML `key =`, JSON `"key":`), inside `[section...]` if given."""
    inside = section is None
    pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*[=:]')
    json_pattern = re.compile(rf'"{re.escape(key)}"\s*:')
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if section is not None and stripped.startswith("["):
            name = stripped.strip("[]").strip()
            inside = name == section or name.startswith(section + ".")
            continue
        if inside and (pattern.match(line) or json_pattern.search(line)):
            return number
    return None


def _syntax_line(exc: Exception) -> int | None:
    if isinstance(exc, json.JSONDecodeError):
        return exc.lineno
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else None


class _Checker:
    """Applies one source's settings onto a config, keeping good ones and reporting bad ones."""

    def __init__(self, source: str, text: str, section: str | None) -> None:
        self.source = source
        self.text = text
        self.section = section
        self.problems: list[ConfigProblem] = []

    def problem(self, kind: str, key: str, message: str, used: str = "") -> None:
        self.problems.append(
            ConfigProblem(
                self.source, kind, message, _line_of(self.text, key.split(".")[-1], self.section), key, used
            )
        )

    def _value(self, kind: type, key: str, value: Any, current: Any) -> tuple[bool, Any]:
        names = {f.name: f.type for f in fields(kind)}
        expected = {"str": str, "int": int, "bool": bool}.get(str(names[key.split(".")[-1]]), str)
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if not ok:
            self.problem(
                "wrong_type",
                key,
                f"must be {_TYPE_NAMES[expected]}, not {value!r}",
                f"kept {current!r}",
            )
        return ok, value

    def apply(self, base: AppConfig, data: Mapping[str, Any]) -> AppConfig:
        known = {f.name for f in fields(AppConfig)}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            if key in ("app", "pvz", "terminal"):
                continue
            if key not in known:
                self.problem("unknown_setting", key, "unknown setting, ignored (a typo?)")
                continue
            if key in ("scanner", "printer"):
                kind: type = ScannerSettings if key == "scanner" else PrinterSettings
                current = getattr(base, key)
                if not isinstance(value, Mapping):
                    self.problem("wrong_type", key, "must be a table of settings", "kept as before")
                    continue
                sub: dict[str, Any] = {}
                sub_known = {f.name for f in fields(kind)}
                for name, item in value.items():
                    if name not in sub_known:
                        self.problem("unknown_setting", f"{key}.{name}", "unknown setting, ignored (a typo?)")
                        continue
                    ok, item = self._value(kind, f"{key}.{name}", item, getattr(current, name))
                    if ok:
                        sub[name] = item
                changes[key] = replace(current, **sub)
                continue
            ok, value = self._value(AppConfig, key, value, getattr(base, key))
            if not ok:
                continue
            if key == "language" and value not in SUPPORTED_LANGUAGES:
                self.problem(
                    "unknown_language",
                    key,
                    f"unknown language {value!r}: the app speaks {', '.join(SUPPORTED_LANGUAGES)}",
                    f"kept {base.language!r}",
                )
                continue
            changes[key] = value
        return replace(base, **changes)


def _parse(path: Path) -> tuple[str, dict[str, Any]]:
    """The file's text and data; ConfigError (with the line for a syntax error) otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot be read: not UTF-8 text ({exc.reason})") from exc
    try:
        data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        line = _syntax_line(exc)
        raise _SyntaxProblem(str(path), line, str(exc)) from exc
    if not isinstance(data, dict):
        raise _SyntaxProblem(str(path), None, "expected a table of settings")
    return text, data


class _SyntaxProblem(ConfigError):
    def __init__(self, file: str, line: int | None, detail: str) -> None:
        super().__init__(f"{file}: not valid {'JSON' if file.endswith('.json') else 'TOML'}: {detail}")
        self.file = file
        self.line = line
        self.detail = detail


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

    @property
    def last_good_path(self) -> Path:
        """Where the last roll-out file that read cleanly is kept (beside the user's config)."""
        return self.path.with_name(f"{self.app}.rollout{LAST_GOOD_SUFFIX}")

    def load_checked(
        self, overrides: Mapping[str, Any] | None = None
    ) -> tuple[AppConfig, list[ConfigProblem]]:
        """Like :meth:`load`, but never stops the app: a bad setting is reported and skipped (the
        value before it stays), a file that cannot be read or parsed is reported and, for the
        roll-out file, replaced by the last copy of it that read cleanly. Returns the config and
        the problems, each naming the file, line and setting."""
        config = AppConfig(app=self.app)
        problems: list[ConfigProblem] = []
        if self.path.exists():
            config = self._source(config, self.path, None, problems)
        rollout = self.env.get(ROLLOUT_ENV)
        if rollout:
            config = self._rollout(config, Path(rollout), problems)
        if overrides:
            checker = _Checker("command line", "", None)
            config = checker.apply(config, {k: v for k, v in overrides.items() if v is not None})
            problems.extend(checker.problems)
        return config, problems

    def _source(
        self, config: AppConfig, path: Path, section: str | None, problems: list[ConfigProblem]
    ) -> AppConfig:
        try:
            text, data = _parse(path)
        except _SyntaxProblem as exc:
            problems.append(ConfigProblem(str(path), "syntax", exc.detail, exc.line, None, "file skipped"))
            return config
        except ConfigError as exc:
            problems.append(ConfigProblem(str(path), "unreadable", str(exc), None, None, "file skipped"))
            return config
        has_section = section is not None and section in data
        if section is not None:
            data = data.get(section, data)
            if not isinstance(data, dict):
                problems.append(ConfigProblem(str(path), "wrong_type", "must be a table", None, section))
                return config
        checker = _Checker(str(path), text, section if has_section else None)
        config = checker.apply(config, data)
        problems.extend(checker.problems)
        return config

    def _rollout(self, config: AppConfig, path: Path, problems: list[ConfigProblem]) -> AppConfig:
        found: list[ConfigProblem] = []
        applied = self._source(config, path, self.app, found)
        problems.extend(found)
        unusable = [p for p in found if p.kind in ("unreadable", "syntax")]
        if not unusable:
            if not found:  # a clean read: remember it for the day the file is unreachable or broken
                self._remember(path)
            return applied
        try:
            kept = json.loads(self.last_good_path.read_text(encoding="utf-8"))
            data = kept["data"]
        except (OSError, ValueError, KeyError, TypeError):
            return config
        checker = _Checker(str(self.last_good_path), "", None)
        config = checker.apply(config, data)
        problems.extend(checker.problems)
        for p in unusable:
            problems[problems.index(p)] = replace(
                p, used=f"its last good copy is used: {self.last_good_path}"
            )
        return config

    def _remember(self, path: Path) -> None:
        try:
            _, data = _parse(path)
            section = data.get(self.app, data)
            payload = {
                "source": str(path),
                "data": {k: v for k, v in section.items() if k not in ("pvz", "terminal")},
            }
            _atomic_write(self.last_good_path, json.dumps(payload, ensure_ascii=False, indent=2))
        except (ConfigError, OSError, AttributeError):
            pass  # remembering is a convenience; the app runs either way

    def save(self, config: AppConfig) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a config."""
        payload = json.dumps(config.to_dict(), ensure_ascii=False, indent=2)
        try:
            _atomic_write(self.path, payload)
        except OSError as exc:
            raise ConfigError(f"cannot save {self.path}: {exc}") from exc


def _atomic_write(path: Path, payload: str) -> None:
    """Temp file + fsync + rename (mode 0600: the file is the user's alone)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cfg-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
