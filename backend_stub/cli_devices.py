"""`wb-backend devices list|register|retire`: the device registry from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from .errors import ApiError


def _run(settings: Callable[..., Any], args: argparse.Namespace) -> int:
    from .context import open_context
    from .services import devices

    ctx = open_context(settings(args))
    try:
        if args.action == "list":
            rows = devices.list_devices(ctx, args.site)
            print(f"{'device':<32} {'site':<14} {'status':<8} {'block':>5} {'last seq':>9}")
            for d in rows:
                block = "-" if d.sscc_block is None else str(d.sscc_block)
                print(f"{d.device_id:<32} {d.site_id:<14} {d.status:<8} {block:>5} {d.last_seq:>9}")
            print(f"{len(rows)} device(s)")
        elif args.action == "register":
            if not args.site:
                raise ValueError("register needs --site SITE_ID")
            d = devices.register(ctx, args.device_id, args.site)
            print(f"device {d.device_id} registered at {d.site_id}, SSCC block {d.sscc_block}")
        else:
            d = devices.retire(ctx, args.device_id)
            print(f"device {d.device_id} retired: its tokens are revoked, it can no longer log in or push")
    except ApiError as exc:
        raise ValueError(exc.message) from exc
    finally:
        ctx.db.dispose()
    return 0


def add_commands(add: Callable[[str, str], argparse.ArgumentParser], settings: Callable[..., Any]) -> None:
    p = add("devices", "list, register or retire devices (each gets its own SSCC block)")
    p.add_argument("action", choices=["list", "register", "retire"])
    p.add_argument("device_id", nargs="?", default="")
    p.add_argument("--site", default=None, help="the site (register; a filter for list)")

    def run(args: argparse.Namespace) -> int:
        if args.action != "list" and not args.device_id:
            raise ValueError(f"devices {args.action} needs a device id")
        return _run(settings, args)

    p.set_defaults(fn=run)
