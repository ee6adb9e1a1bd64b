"""`wb-backend`: serve, init, create-site, create-user, seed-demo, rotate-keys. Every command takes
--data-dir (default: $WB_DATA_DIR or ./wb-backend-data)."""

from __future__ import annotations

import argparse
import gc
import getpass
import os
import sys
from pathlib import Path

from .settings import Settings


def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    values: dict[str, object] = dict(extra)
    if args.data_dir is not None:
        values["data_dir"] = Path(args.data_dir)
    return Settings(**values)  # type: ignore[arg-type]


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
    app = create_app(settings)
    print(f"wb-backend serving {settings.data_dir} on http://{settings.host}:{settings.port}", flush=True)
    # The imported modules and the built app are hundreds of thousands of objects that live as long
    # as the process: out of the collector's way, a full collection no longer walks them all (it
    # was a 60-100 ms pause about every 4,000 pushed ops).
    gc.freeze()
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        access_log=False,
        timeout_graceful_shutdown=5,
        log_config=log_config(settings),
    )
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from .context import open_context

    ctx = open_context(_settings(args))
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
    user_id = create_user(ctx, args.username, args.role, password, args.site, args.display_name or "")
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
        return p

    p = add("serve", "create or migrate the database and serve HTTP")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)
    p.set_defaults(fn=_cmd_serve)

    add("init", "create the database and keys").set_defaults(fn=_cmd_init)

    p = add("create-site", "add a PVZ or a warehouse")
    p.add_argument("site_id")
    p.add_argument("--kind", choices=["pvz", "warehouse"], required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--cells", type=int, default=0, help="PVZ cells, or warehouse locations")
    p.add_argument("--address", default="")
    p.set_defaults(fn=_cmd_create_site)

    p = add("create-user", "add a user")
    p.add_argument("username")
    p.add_argument("--role", choices=["clerk", "warehouse", "admin", "customer"], required=True)
    p.add_argument("--site", default=None)
    p.add_argument("--display-name", default=None)
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
    from .metrics import add_commands as add_metrics_commands

    add_backup_commands(add, _settings)
    add_metrics_commands(add, _settings)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.fn(args))
    except (ValueError, OSError) as exc:
        print(f"wb-backend: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
