"""An admin's support bundle: a device's pending operations, conflicts and settings, as JSON and CSV.

    python -m shared.store.support_bundle --data-dir ~/.local/share/wb-ops/pvz --out /media/usb

(the PVZ app's settings screen has a button for the same). The bundle is a folder
``wb-ops-support-<device>-<time>/`` and a zip of it beside it, for a support ticket:

* ``manifest.json``: device id, store file, when, migrations applied, operations by state;
* ``pending_ops.json`` / ``.csv``: what has not reached the server yet, oldest first;
* ``conflicts.json`` / ``.csv``: rejected operations with the reason and how each was resolved;
* ``settings.json`` / ``.csv``: the store's settings (sync cursor, device epoch, open shift, ...).

Read through sqlite-utils on a read-only connection, so it works while the app runs (WAL) and can
never change the store. Nothing secret leaves the device: a setting whose key names a secret (token,
password, verifier, PIN, badge, ...) is left out, secret-named fields inside JSON values and payloads
are masked, and the user cache (offline login verifiers) is not read at all.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

# The apps' store files inside their data folders (pvz_app and scanner_app open them by these names).
STORE_FILES = ("pvz.sqlite", "terminal.sqlite3", "local.sqlite3")
SECRET_WORDS = frozenset(
    {
        "token",
        "tokens",
        "secret",
        "password",
        "passwd",
        "verifier",
        "pin",
        "private",
        "credential",
        "credentials",
        "badge",
        "salt",
        "refresh",
        "signature",
    }
)
MASK = "***"
_SECRET_VALUE = re.compile(r"^\$argon2|^eyJ[\w-]+\.[\w-]+\.|-----BEGIN [A-Z ]*PRIVATE KEY")

PENDING_COLUMNS = ("seq", "op_id", "type", "actor", "created_at", "payload")
CONFLICT_COLUMNS = (
    "op_id",
    "seq",
    "type",
    "actor",
    "created_at",
    "reason_code",
    "reason_message",
    "rejected_at",
    "resolution",
    "resolution_reason",
    "resolved_by",
    "resolved_at",
    "retry_op_id",
    "payload",
)
SETTING_COLUMNS = ("key", "value")


class SupportBundleError(OSError):
    """No store where one was looked for, or it cannot be read (an I/O failure to the app)."""


@dataclass(frozen=True)
class SupportBundle:
    folder: Path
    archive: Path
    device_id: str
    pending: int
    conflicts: int
    settings: int
    settings_left_out: int


def is_secret_name(name: str) -> bool:
    """True for a key or field that names a secret: ``auth.refresh_token``, ``terminal.badge.<hash>``."""
    words = {w for w in re.split(r"[^a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()) if w}
    return bool(words & SECRET_WORDS)


def mask_secrets(value: Any) -> Any:
    """A JSON value with every secret-named field (at any depth) and secret-looking string masked."""
    if isinstance(value, Mapping):
        return {k: MASK if is_secret_name(str(k)) else mask_secrets(v) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_secrets(v) for v in value]
    if isinstance(value, str) and _SECRET_VALUE.search(value):
        return MASK
    return value


def find_store(path: Path) -> Path:
    """The store file: ``path`` itself, or the one app store inside the data folder ``path``."""
    if path.is_file():
        return path
    if not path.is_dir():
        raise SupportBundleError(f"no such file or folder: {path}")
    found = [path / name for name in STORE_FILES if (path / name).is_file()]
    if not found:
        raise SupportBundleError(f"no app store ({', '.join(STORE_FILES)}) in {path}")
    if len(found) > 1:
        raise SupportBundleError(f"several stores in {path}: name one ({', '.join(p.name for p in found)})")
    return found[0]


def _json_field(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    try:
        return mask_secrets(json.loads(text))
    except ValueError:
        return MASK if _SECRET_VALUE.search(text) else text


def _read(db: sqlite_utils.Database) -> dict[str, Any]:
    tables = set(db.table_names())
    for needed in ("kv", "ops", "conflicts"):
        if needed not in tables:
            raise SupportBundleError(f"not an app store: no table {needed!r}")
    pending = [
        {**row, "payload": _json_field(row["payload"])}
        for row in db.query(
            "SELECT seq, op_id, type, actor, created_at, payload FROM ops WHERE state = 'pending' ORDER BY seq"
        )
    ]
    conflicts = [
        {**row, "payload": _json_field(row["payload"])}
        for row in db.query(
            "SELECT c.op_id, o.seq, o.type, o.actor, o.created_at, c.reason_code, c.reason_message, "
            "c.rejected_at, c.resolution, c.resolution_reason, c.resolved_by, c.resolved_at, "
            "c.retry_op_id, o.payload FROM conflicts c JOIN ops o ON o.op_id = c.op_id "
            "ORDER BY c.rejected_at, o.seq"
        )
    ]
    settings: list[dict[str, Any]] = []
    left_out = 0
    for row in db["kv"].rows_where(order_by="key"):
        key = str(row["key"])
        if is_secret_name(key):
            left_out += 1
            continue
        value = row["value"]
        if isinstance(value, str) and value[:1] in "{[":
            value = json.dumps(_json_field(value), ensure_ascii=False, sort_keys=True)
        elif isinstance(value, str) and _SECRET_VALUE.search(value):
            value = MASK
        settings.append({"key": key, "value": value})
    counts = {"pending": 0, "applied": 0, "rejected": 0}
    for row in db.query("SELECT state, count(*) AS n FROM ops GROUP BY state"):
        counts[str(row["state"])] = int(row["n"])
    migrations = (
        [str(r["name"]) for r in db.query("SELECT name FROM _migrations ORDER BY rowid")]
        if "_migrations" in tables
        else []
    )
    device = next((s["value"] for s in settings if s["key"] == "device_id"), "")
    return {
        "pending": pending,
        "conflicts": conflicts,
        "settings": settings,
        "left_out": left_out,
        "ops_by_state": counts,
        "migrations": migrations,
        "device_id": str(device or "unknown-device"),
    }


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    # utf-8-sig: a spreadsheet on the admin's PC opens Cyrillic right; nested values as JSON text
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    json.dumps(row.get(c), ensure_ascii=False, sort_keys=True)
                    if isinstance(row.get(c), dict | list)
                    else ("" if row.get(c) is None else row.get(c))
                    for c in columns
                ]
            )


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "device"


def write_support_bundle(source: Path, out: Path, *, now: datetime | None = None) -> SupportBundle:
    """Export the store at ``source`` (its file, or the app's data folder) into ``out``."""
    store = find_store(Path(source))
    when = (now or datetime.now(UTC)).astimezone(UTC)
    try:
        conn = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise SupportBundleError(f"cannot open {store}: {exc}") from exc
    try:
        data = _read(sqlite_utils.Database(conn))
    except sqlite3.Error as exc:
        raise SupportBundleError(f"cannot read {store}: {exc}") from exc
    finally:
        conn.close()

    name = f"wb-ops-support-{_safe(data['device_id'])}-{when.strftime('%Y%m%dT%H%M%SZ')}"
    folder = Path(out) / name
    folder.mkdir(parents=True, exist_ok=False)
    files = {
        "pending_ops": (PENDING_COLUMNS, data["pending"]),
        "conflicts": (CONFLICT_COLUMNS, data["conflicts"]),
        "settings": (SETTING_COLUMNS, data["settings"]),
    }
    for stem, (columns, rows) in files.items():
        _write_json(folder / f"{stem}.json", rows)
        _write_csv(folder / f"{stem}.csv", columns, rows)
    _write_json(
        folder / "manifest.json",
        {
            "device_id": data["device_id"],
            "store": store.name,
            "created_at": when.isoformat().replace("+00:00", "Z"),
            "migrations": data["migrations"],
            "ops_by_state": data["ops_by_state"],
            "pending": len(data["pending"]),
            "conflicts": len(data["conflicts"]),
            "open_conflicts": sum(1 for c in data["conflicts"] if c["resolution"] is None),
            "settings": len(data["settings"]),
            "settings_left_out_as_secret": data["left_out"],
            "files": sorted(f"{stem}.{ext}" for stem in files for ext in ("json", "csv")),
        },
    )
    archive = folder.with_name(name + ".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.iterdir()):
            zf.write(path, f"{name}/{path.name}")
    return SupportBundle(
        folder=folder,
        archive=archive,
        device_id=data["device_id"],
        pending=len(data["pending"]),
        conflicts=len(data["conflicts"]),
        settings=len(data["settings"]),
        settings_left_out=data["left_out"],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m shared.store.support_bundle",
        description="export a device's pending operations, conflicts and settings (no secrets) as JSON and CSV",
    )
    parser.add_argument(
        "--data-dir",
        required=True,
        type=Path,
        help="the app's data folder (or its store file: pvz.sqlite, terminal.sqlite3)",
    )
    parser.add_argument("--out", required=True, type=Path, help="folder to write the bundle into")
    args = parser.parse_args(argv)
    try:
        bundle = write_support_bundle(args.data_dir, args.out)
    except (SupportBundleError, OSError) as exc:
        print(f"support bundle: {exc}", file=sys.stderr)
        return 1
    print(
        f"support bundle for {bundle.device_id}: {bundle.pending} pending, {bundle.conflicts} conflicts, "
        f"{bundle.settings} settings ({bundle.settings_left_out} secret ones left out)"
    )
    print(bundle.folder)
    print(bundle.archive)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
