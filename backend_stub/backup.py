"""`wb-backend backup DIR` and `wb-backend restore BACKUP`: the database and the key files, safely.

Backup uses SQLite's online backup API in one step: the copy is one read transaction, so it is a
consistent snapshot even while the backend serves and writes (WAL: the writers are not blocked).
The copy is checked with ``PRAGMA integrity_check`` before the backup counts as made, turned into a
self-contained file (journal_mode=DELETE), and written next to copies of the key files and a
manifest with SHA-256 sums. Everything lands in a temporary folder first and is renamed into place,
so a crash never leaves something that looks like a finished backup.

Restore refuses a backup whose sums or integrity check fail, refuses to run while a backend holds
the database open, and moves what it replaces aside (``*.before-restore-<time>``) instead of
deleting it. Run as root, it gives the restored files to the data dir's owner (the service user).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from shared.domain import Clock, SystemClock

from .settings import Settings

DB_FILE = "backend.sqlite3"
SECRETS_DIR = "secrets"
EVIDENCE_DIR = "evidence"  # photo evidence (services/evidence.py): write-once files named by their SHA-256
MANIFEST = "manifest.json"
PREFIX = "wb-backup-"
FORMAT = 1
LAST_BACKUP = "last-backup.json"  # in the data dir, read by /metrics


class BackupError(ValueError):
    """A backup or restore that cannot go ahead; the message says why and what to do.

    A ValueError, so the wb-backend CLI prints it as one line and exits with status 2."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: str
    tables: dict[str, int]
    files: dict[str, str]  # relative path -> sha256
    size_bytes: int


def database_path(settings: Settings) -> Path:
    """The SQLite file behind the settings' database URL; BackupError for another database."""
    url = settings.db_url
    if not url.startswith("sqlite"):
        raise BackupError(
            "wb-backend backup handles the bundled SQLite database; back up PostgreSQL with pg_dump"
        )
    raw = urlsplit(url).path
    # sqlite:////abs/path -> path "//abs/path"; sqlite:///rel -> "/rel"
    path = raw[1:] if raw.startswith("//") else raw.lstrip("/")
    if not path or path == ":memory:":
        raise BackupError("the database is in memory: nothing to back up")
    return Path(unquote(path))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows)


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    counts: dict[str, int] = {}
    for name in names:
        try:
            counts[name] = int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
        except sqlite3.DatabaseError:  # an FTS shadow table we cannot count: not worth failing for
            continue
    return counts


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")


def backup(settings: Settings, dest: Path, *, clock: Clock, keep: int | None = None) -> BackupInfo:
    """Write `dest/wb-backup-<UTC time>/` (database, secrets, manifest); return what was written.

    `clock` names the folder and stamps the manifest. `keep`: afterwards delete the oldest
    `wb-backup-*` folders in `dest` beyond this many.
    """
    now = clock.now()
    source = database_path(settings)
    if not source.exists():
        raise BackupError(f"no database at {source}: run `wb-backend init` first, or check --data-dir")
    dest.mkdir(parents=True, exist_ok=True)
    final = dest / f"{PREFIX}{_stamp(now)}"
    n = 1
    while final.exists():
        n += 1
        final = dest / f"{PREFIX}{_stamp(now)}-{n}"
    work = dest / f".{final.name}.partial"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(mode=0o700)
    try:
        target = work / DB_FILE
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        dst = sqlite3.connect(target)
        try:
            src.execute("PRAGMA busy_timeout=30000")
            # pages=-1: the whole database in one step, i.e. inside one read transaction, so the
            # copy is a snapshot; a stepwise copy restarts on every concurrent write.
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")
            tables = _table_counts(dst)
            dst.commit()
        finally:
            dst.close()
            src.close()
        verdict = _integrity(target)
        if verdict != "ok":
            raise BackupError(f"the copy failed its integrity check ({verdict}); the source may be damaged")
        files: dict[str, str] = {DB_FILE: _sha256(target)}
        secrets_src = settings.secrets_dir
        if secrets_src.is_dir():
            (work / SECRETS_DIR).mkdir(mode=0o700)
            for item in sorted(secrets_src.iterdir()):
                if item.is_file() and not item.name.endswith(".tmp"):
                    copy = work / SECRETS_DIR / item.name
                    shutil.copyfile(item, copy)
                    os.chmod(copy, 0o600)
                    files[f"{SECRETS_DIR}/{item.name}"] = _sha256(copy)
        # after the database snapshot: every photo a row of it names was written before its row
        files.update(_copy_evidence(settings.data_dir / EVIDENCE_DIR, work / EVIDENCE_DIR))
        manifest = {
            "format": FORMAT,
            "created_at": now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "source": str(source),
            "integrity_check": verdict,
            "tables": tables,
            "files": files,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        for path in work.rglob("*"):
            if path.is_file():
                with open(path, "rb") as fh:
                    os.fsync(fh.fileno())
        _fsync_dir(work)
        os.replace(work, final)
        _fsync_dir(dest)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    if keep is not None:
        prune(dest, keep)
    size = sum(p.stat().st_size for p in final.rglob("*") if p.is_file())
    info = BackupInfo(final, manifest["created_at"], tables, files, size)  # type: ignore[arg-type]
    _record_success(settings, info, clock.now())
    return info


@dataclass(frozen=True)
class LastBackup:
    finished_at: datetime
    path: str
    size_bytes: int


def _copy_evidence(src: Path, dst: Path) -> dict[str, str]:
    """Copy the photo evidence folder (copies, not hard links: a backup touched later must never
    change a live photo); return manifest entries. Half-written temporary files are left out."""
    files: dict[str, str] = {}
    if not src.is_dir():
        return files
    for item in sorted(src.glob("??/*")):
        if not item.is_file() or item.name.startswith(".") or item.name.endswith(".part"):
            continue
        copy = dst / item.parent.name / item.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item, copy)
        files[f"{EVIDENCE_DIR}/{item.parent.name}/{item.name}"] = item.name.split(".")[0]
    return files


def _record_success(settings: Settings, info: BackupInfo, finished: datetime) -> None:
    """<data dir>/last-backup.json: what /metrics reports as the last successful backup. Best
    effort: the backup itself is made, a failure to note it must not turn it into an error."""
    state = {
        "finished_at": finished.astimezone(UTC).isoformat(timespec="seconds"),
        "path": str(info.path),
        "size_bytes": info.size_bytes,
    }
    target = settings.data_dir / LAST_BACKUP
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass


def last_backup(settings: Settings) -> LastBackup | None:
    """The last successful backup on record for this data dir, or None."""
    try:
        state = json.loads((settings.data_dir / LAST_BACKUP).read_text(encoding="utf-8"))
        return LastBackup(
            datetime.fromisoformat(state["finished_at"]), str(state["path"]), int(state["size_bytes"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_backups(dest: Path) -> list[Path]:
    """Finished backups in `dest`, oldest first."""
    if not dest.is_dir():
        return []
    return sorted(
        p for p in dest.iterdir() if p.is_dir() and p.name.startswith(PREFIX) and (p / MANIFEST).exists()
    )


def prune(dest: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups (keep >= 1); return the deleted folders."""
    if keep < 1:
        raise BackupError("--keep must be at least 1")
    old = list_backups(dest)[:-keep]
    for path in old:
        shutil.rmtree(path)
    return old


def verify(backup_dir: Path) -> dict[str, object]:
    """Check a backup's manifest sums and its database's integrity; return the manifest."""
    manifest_path = backup_dir / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{backup_dir} is not a backup: no {MANIFEST} (give the wb-backup-<time> folder)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files: dict[str, str] = dict(manifest["files"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"{manifest_path} is unreadable: {exc}") from exc
    if DB_FILE not in files:
        raise BackupError(f"{backup_dir} holds no database")
    for rel, digest in files.items():
        path = backup_dir / rel
        if not path.is_file():
            raise BackupError(f"{backup_dir} is incomplete: {rel} is missing")
        if _sha256(path) != digest:
            raise BackupError(f"{backup_dir} is damaged: {rel} does not match its checksum")
    verdict = _integrity(backup_dir / DB_FILE)
    if verdict != "ok":
        raise BackupError(f"the backed-up database fails its integrity check: {verdict}")
    return dict(manifest)


def _in_use(db: Path) -> bool:
    """True when another process has the database open (a running backend)."""
    conn = sqlite3.connect(db, timeout=0.5)
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            try:
                conn.execute("BEGIN EXCLUSIVE")
                conn.execute("ROLLBACK")
            except sqlite3.OperationalError:
                return True
            return False
        # Leaving WAL mode needs the only connection; it also folds the WAL into the main file, so
        # the database we move aside is complete on its own.
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError:
            return True
        return str(mode).lower() != "delete"
    finally:
        conn.close()


# SSCC blocks (services/devices.py) the restored counter skips: the backup does not know the blocks
# handed out after it was taken, and devices still draw box numbers from them.
RESTORE_SSCC_SKIP = 5_000


def _skip_sscc_blocks(db_path: Path) -> None:
    """Move the restored database's SSCC block counter past any block given out since the backup."""
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'counters'").fetchone() is None:
                return
            conn.execute("INSERT OR IGNORE INTO counters (name, value) VALUES ('sscc_block', 0)")
            conn.execute(
                "UPDATE counters SET value = value + ? WHERE name = 'sscc_block'", (RESTORE_SSCC_SKIP,)
            )
    finally:
        conn.close()


def restore(settings: Settings, backup_dir: Path, *, clock: Clock, force: bool = False) -> Path:
    """Put a backup's database and key files into the data dir; return the restored database path.

    Replacing existing data needs `force`; what is replaced is moved aside (named with `clock`'s
    time), never deleted.
    """
    now = clock.now()
    verify(backup_dir)
    target = database_path(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = f".before-restore-{_stamp(now)}"
    moved: list[tuple[Path, Path]] = []
    if target.exists():
        if not force:
            raise BackupError(
                f"{target} exists; stop the backend and run restore with --force "
                "(the current database is kept as *.before-restore-<time>)"
            )
        if _in_use(target):
            raise BackupError(f"{target} is in use: stop the backend (systemctl stop wb-backend) first")
    staging = target.with_name(target.name + ".restoring")
    shutil.copyfile(backup_dir / DB_FILE, staging)
    _skip_sscc_blocks(staging)
    with open(staging, "rb") as fh:
        os.fsync(fh.fileno())
    for suffix in ("", "-wal", "-shm", "-journal"):
        old = target.with_name(target.name + suffix)
        if old.exists():
            moved_to = old.with_name(old.name + aside)
            os.replace(old, moved_to)
            moved.append((old, moved_to))
    os.replace(staging, target)
    secrets_backup = backup_dir / SECRETS_DIR
    if secrets_backup.is_dir():
        live = settings.secrets_dir
        if live.exists():
            os.replace(live, live.with_name(live.name + aside))
        live.mkdir(parents=True, mode=0o700)
        os.chmod(live, 0o700)
        for item in sorted(secrets_backup.iterdir()):
            if item.is_file():
                shutil.copyfile(item, live / item.name)
                os.chmod(live / item.name, 0o600)
    evidence_backup = backup_dir / EVIDENCE_DIR
    live_evidence = settings.data_dir / EVIDENCE_DIR
    if evidence_backup.is_dir():  # photos are named by their hash: add the missing, replace none
        for item in sorted(evidence_backup.glob("??/*")):
            into = live_evidence / item.parent.name / item.name
            if item.is_file() and not into.exists():
                into.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(item, into)
    _hand_over(target.parent, [target, settings.secrets_dir, live_evidence])
    _fsync_dir(target.parent)
    return target


def _hand_over(data_dir: Path, paths: list[Path]) -> None:
    """Run as root, give what a restore wrote to the data dir's owner (the service user): a
    root-owned database or key file is one the service cannot open, and it would restart-loop."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    owner = data_dir.stat()
    if owner.st_uid == 0:
        return
    for path in paths:
        if not path.exists():
            continue
        for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.chown(item, owner.st_uid, owner.st_gid, follow_symlinks=False)


# ---- CLI ----------------------------------------------------------------------------------------

SettingsFor = Callable[[argparse.Namespace], Settings]


def _file_log(settings: Settings) -> None:
    """The backup and restore commands write their events to the backend's log file too."""
    import logging.config

    from .logs import LOG_FILE, log_config, log_dir

    with contextlib.suppress(OSError, ValueError):  # no log folder we may write: stdout/stderr remain
        logging.config.dictConfig(log_config(settings, stderr=False))
        # run as root: the log folder and file stay the service user's, or the service cannot log
        folder = log_dir(settings)
        if settings.data_dir.exists():
            _hand_over(settings.data_dir, [folder] if folder.parent == settings.data_dir else [])
        _hand_over(folder, [folder / LOG_FILE])


def _cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    from . import logs

    _file_log(settings)
    try:
        info = backup(settings, Path(args.dest), clock=SystemClock(), keep=args.keep)
    except Exception as exc:
        logs.event("backup_failed", logging.ERROR, dest=str(args.dest), error=str(exc)[:300])
        raise
    rows = sum(info.tables.values())
    logs.event("backup_made", path=str(info.path), size_bytes=info.size_bytes, rows=rows)
    print(f"backup written: {info.path} ({info.size_bytes / 1e6:.1f} MB, {rows} rows, integrity ok)")
    return 0


def _cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    from . import logs

    _file_log(settings)
    try:
        path = restore(settings, Path(args.backup), clock=SystemClock(), force=args.force)
    except Exception as exc:
        logs.event("restore_refused", logging.ERROR, backup=str(args.backup), error=str(exc)[:300])
        raise
    logs.event("restore_done", logging.WARNING, backup=str(args.backup), database=str(path))
    print(f"restored {args.backup} into {path}; start the backend again (systemctl start wb-backend)")
    return 0


def _cmd_verify(args: argparse.Namespace, settings: Settings) -> int:
    manifest = verify(Path(args.backup))
    print(f"{args.backup}: ok (made {manifest.get('created_at')}, {len(manifest.get('files', {}))} files)")  # type: ignore[arg-type]
    return 0


def add_commands(add: Callable[[str, str], argparse.ArgumentParser], settings_for: SettingsFor) -> None:
    """Register `backup`, `restore` and `verify-backup` on the wb-backend parser.

    `add(name, help)` makes a sub-parser with the common options (--data-dir); `settings_for(args)`
    turns parsed arguments into Settings.
    """

    def bind(fn: Callable[[argparse.Namespace, Settings], int]) -> Callable[[argparse.Namespace], int]:
        return lambda args: fn(args, settings_for(args))

    p = add("backup", "online backup of the database and key files into DIR/wb-backup-<time>")
    p.add_argument("dest", metavar="DIR", help="folder that collects the backups")
    p.add_argument("--keep", type=int, default=None, help="keep only the newest N backups in DIR")
    p.set_defaults(fn=bind(_cmd_backup))

    p = add("restore", "restore a backup folder into the data dir (stop the backend first)")
    p.add_argument("backup", metavar="BACKUP", help="a wb-backup-<time> folder")
    p.add_argument("--force", action="store_true", help="replace an existing database (kept aside)")
    p.set_defaults(fn=bind(_cmd_restore))

    p = add("verify-backup", "check a backup's checksums and database integrity")
    p.add_argument("backup", metavar="BACKUP")
    p.set_defaults(fn=bind(_cmd_verify))
