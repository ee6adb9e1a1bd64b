"""`wb-backend`: serve, init, create-site, create-user, seed-demo, rotate-keys. Every command takes
--data-dir (default: $WB_DATA_DIR) and --database-url (default: $WB_DATABASE_URL, else SQLite in
the data dir).

Without either, a machine with a server install (``/etc/wb-ops/wb-backend.env``) is refused rather
than given a fresh database in the current folder; elsewhere (a developer's checkout, the demo)
``./wb-backend-data`` is used and its full path printed. Run as root on a data dir that belongs to
the service user, every command but ``restore`` (which hands the restored files to that user) is
refused: files it made would be root's, and the service could not open them. A full disk and a
damaged database are one line each, not a traceback.
"""

from __future__ import annotations

import argparse
import errno
import gc
import getpass
import os
import sys
from pathlib import Path

from .settings import Settings

SERVER_ENV_FILE = Path("/etc/wb-ops/wb-backend.env")  # written by install.sh --backend
DEFAULT_DATA_DIR = Path("wb-backend-data")
# commands that never write into the data dir, or (restore) fix the owner of what they write
OWNER_SAFE = frozenset({"verify-backup", "restore"})


class CliError(ValueError):
    """Printed as one line, exit status 2."""


def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    values: dict[str, object] = dict(extra)
    values["data_dir"] = _data_dir(args)
    if getattr(args, "database_url", None):
        values["database_url"] = args.database_url
    return Settings(**values)  # type: ignore[arg-type]


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return Path(args.data_dir)
    if SERVER_ENV_FILE.exists():
        raise CliError(
            "no data dir given, and this machine has a server install: give --data-dir /var/lib/wb-ops "
            f"(or WB_DATA_DIR; see {SERVER_ENV_FILE}) and run as the service user: "
            "sudo -u wb-backend env WB_DATA_DIR=/var/lib/wb-ops wb-backend ..."
        )
    print(
        f"wb-backend: no --data-dir or WB_DATA_DIR given: using {DEFAULT_DATA_DIR.resolve()}",
        file=sys.stderr,
    )
    return DEFAULT_DATA_DIR


def check_owner(data_dir: Path, command: str, euid: int | None = None) -> None:
    """Refuse a root run on a data dir another user (the service user) owns, but for restore."""
    euid = os.geteuid() if euid is None and hasattr(os, "geteuid") else euid
    if euid != 0 or command in OWNER_SAFE or not data_dir.exists():
        return
    owner = data_dir.stat().st_uid
    if owner == 0:
        return
    try:
        import pwd

        name = pwd.getpwuid(owner).pw_name
    except (ImportError, KeyError):
        name = str(owner)
    raise CliError(
        f"{data_dir} belongs to {name}, and files made by root there would stop the service: "
        f"run it as that user: sudo -u {name} env WB_DATA_DIR={data_dir} wb-backend {command} ..."
    )


def describe_database_error(exc: BaseException, where: str) -> str | None:
    """One line for a database error an admin can act on, or None for anything else."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    cause = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(cause, sqlite3.Error):
        return None
    text = str(cause).lower()
    name = str(getattr(cause, "sqlite_errorname", ""))
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return f"the disk holding {where} is full: free some space and run the command again"
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or "not a database" in text
    ):
        return (
            f"the database in {where} is damaged ({cause}): stop the backend and restore the last "
            "backup (wb-backend restore, see ADMIN.md)"
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return f"the database in {where} is read-only for this user ({cause}): run as the service user"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return f"cannot open the database in {where} ({cause}): check the folder and its owner"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return f"the database in {where} is busy ({cause}): try again, or stop the backend first"
    return None


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app
    from .metrics import log_config

    extra: dict[str, object] = {}
    if args.host:
        extra["host"] = args.host
    if args.port is not None:
        extra["port"] = args.port
    settings = _settings(args, **extra)
    options = {
        "host": settings.host,
        "port": settings.port,
        "log_level": settings.log_level,
        "access_log": False,
        "timeout_graceful_shutdown": 5,
        "log_config": log_config(settings),
    }
    if args.workers > 1:
        # N API processes, each building its app from the environment (uvicorn starts them by
        # import string); the database is created and migrated once here, before any of them.
        from .context import open_context
        from .services.pickup import ensure_public_key_published

        ctx = open_context(settings)
        ensure_public_key_published(ctx)
        ctx.db.dispose()
        os.environ["WB_DATA_DIR"] = str(settings.data_dir.resolve())
        if settings.database_url:
            os.environ["WB_DATABASE_URL"] = settings.database_url
        where = settings.database_url_for_humans
        print(
            f"wb-backend serving {where} on http://{settings.host}:{settings.port} with {args.workers} workers",
            flush=True,
        )
        uvicorn.run("backend_stub.app:create_app_from_env", factory=True, workers=args.workers, **options)  # type: ignore[arg-type]
        return 0
    app = create_app(settings)
    print(
        f"wb-backend serving {settings.database_url_for_humans} on http://{settings.host}:{settings.port}",
        flush=True,
    )
    # The imported modules and the built app are hundreds of thousands of objects that live as long
    # as the process: out of the collector's way, a full collection no longer walks them all (it
    # was a 60-100 ms pause about every 4,000 pushed ops).
    gc.freeze()
    uvicorn.run(app, **options)  # type: ignore[arg-type]
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from .context import open_context
    from .services.pickup import ensure_public_key_published

    ctx = open_context(_settings(args))
    ensure_public_key_published(ctx)
    ctx.db.dispose()
    print(f"data dir ready: {ctx.settings.data_dir.resolve()}")
    return 0


def _cmd_create_site(args: argparse.Namespace) -> int:
    from .context import open_context
    from .services.admin import create_site

    ctx = open_context(_settings(args))
    create_site(
        ctx,
        args.site_id,
        args.kind,
        args.name,
        cells_count=args.cells if args.kind == "pvz" else 0,
        locations_count=args.cells if args.kind == "warehouse" else 0,
        address=args.address,
    )
    print(f"site {args.site_id} ({args.kind}) created")
    return 0


def _cmd_set_cart_size(args: argparse.Namespace) -> int:
    from .context import open_context
    from .services.admin import set_cart_size

    set_cart_size(open_context(_settings(args)), args.site_id, args.totes)
    print(f"{args.site_id}: carts of {args.totes} totes")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat: ") != first:
        raise ValueError("the passwords differ")
    return first


def _cmd_create_user(args: argparse.Namespace) -> int:
    from .context import open_context
    from .services.admin import create_user

    password = _read_password(args)
    ctx = open_context(_settings(args))
    user_id = create_user(
        ctx, args.username, args.role, password, args.site, args.display_name or "", args.phone or ""
    )
    print(f"user {args.username} ({args.role}) created: {user_id}")
    return 0


def _cmd_seed_demo(args: argparse.Namespace) -> int:
    from .context import open_context
    from .seed import seed_demo

    ctx = open_context(_settings(args))
    password = seed_demo(ctx, products=args.products, password=args.password)
    print("demo data loaded: PVZ-DEMO-1, PVZ-DEMO-2, WH-DEMO-1")
    print("users: demo-clerk, demo-clerk2, demo-picker, demo-admin, demo-customer")
    print(f"password for every demo user: {password}")
    return 0


def _cmd_rotate_keys(args: argparse.Namespace) -> int:
    from .context import open_context
    from .services.pickup import publish_public_key

    ctx = open_context(_settings(args))
    ctx.keys.rotate_signing_key()
    publish_public_key(ctx)
    print("pickup signing key rotated; PVZs receive the new public key on their next pull")
    if args.webhook_secret:
        secret = ctx.keys.rotate_webhook_secret()
        print(f"new payment webhook secret (give it to the payment provider): {secret}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from shared.version import version

    parser = argparse.ArgumentParser(prog="wb-backend", description="WB Ops bundled backend")
    parser.add_argument("--version", action="version", version=f"wb-backend {version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--data-dir", default=os.environ.get("WB_DATA_DIR"), help="data directory")
        p.add_argument(
            "--database-url",
            default=os.environ.get("WB_DATABASE_URL"),
            help="database (default: $WB_DATABASE_URL, else SQLite in the data dir); "
            "postgresql+psycopg://user:password@host/db for PostgreSQL",
        )
        return p

    p = add("serve", "create or migrate the database and serve HTTP")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WB_WORKERS", "1")),
        help="API processes (default 1); exactly one of them runs the outbox relay at a time",
    )
    p.set_defaults(fn=_cmd_serve)

    add("init", "create the database and keys").set_defaults(fn=_cmd_init)

    p = add("create-site", "add a PVZ or a warehouse")
    p.add_argument("site_id")
    p.add_argument("--kind", choices=["pvz", "warehouse"], required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--cells", type=int, default=0, help="PVZ cells, or warehouse locations")
    p.add_argument("--address", default="")
    p.set_defaults(fn=_cmd_create_site)

    p = add("set-cart-size", "totes on a warehouse's picking cart (cluster picking; default 6)")
    p.add_argument("site_id")
    p.add_argument("totes", type=int)
    p.set_defaults(fn=_cmd_set_cart_size)

    p = add("create-user", "add a user")
    p.add_argument("username")
    p.add_argument("--role", choices=["clerk", "warehouse", "admin", "customer"], required=True)
    p.add_argument("--site", default=None)
    p.add_argument("--display-name", default=None)
    p.add_argument("--phone", default=None, help="a customer's phone (pickup points see it masked)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(fn=_cmd_create_user)

    p = add("seed-demo", "load demo sites, users, products and orders")
    p.add_argument("--products", type=int, default=10_000)
    p.add_argument("--password", default=None, help="demo users' password (default: generated)")
    p.set_defaults(fn=_cmd_seed_demo)

    p = add("rotate-keys", "new pickup signing key (and optionally webhook secret)")
    p.add_argument("--webhook-secret", action="store_true", help="also rotate the payment webhook secret")
    p.set_defaults(fn=_cmd_rotate_keys)
    from .backup import add_commands as add_backup_commands
    from .cli_devices import add_commands as add_device_commands
    from .cli_devices import add_dispute_command
    from .metrics import add_commands as add_metrics_commands

    add_backup_commands(add, _settings)
    add_metrics_commands(add, _settings)
    add_device_commands(add, _settings)
    add_dispute_command(add, _settings)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    where = str(args.data_dir or DEFAULT_DATA_DIR)
    try:
        args.data_dir = str(_data_dir(args))
        check_owner(Path(args.data_dir), args.command)
        return int(args.fn(args))
    except (ValueError, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            print(
                f"wb-backend: the disk holding {exc.filename or where} is full: free some space",
                file=sys.stderr,
            )
        else:
            print(f"wb-backend: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        message = describe_database_error(exc, where)
        if message is None:
            raise
        print(f"wb-backend: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
