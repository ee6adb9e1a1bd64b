"""`wb-backend devices list|register|retire` (the device registry) and `wb-backend dispute-pack`."""

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
            print(f"{'device':<32} {'site':<14} {'status':<8} {'last seq':>9}  SSCC serials")
            for d in rows:
                serials = ", ".join(f"{a}-{b}" for a, b in d.sscc_ranges) or "-"
                print(f"{d.device_id:<32} {d.site_id:<14} {d.status:<8} {d.last_seq:>9}  {serials}")
            print(f"{len(rows)} device(s)")
        elif args.action == "register":
            if not args.site:
                raise ValueError("register needs --site SITE_ID")
            d = devices.register(ctx, args.device_id, args.site)
            serials = ", ".join(f"{a}-{b}" for a, b in d.sscc_ranges)
            print(f"device {d.device_id} registered at {d.site_id}, SSCC serial references {serials}")
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


def add_dispute_command(
    add: Callable[[str, str], argparse.ArgumentParser], settings: Callable[..., Any]
) -> None:
    """`wb-backend dispute-pack KIND CODE --out FILE`: the admin endpoint's ZIP, written locally."""
    p = add("dispute-pack", "write the dispute pack (ZIP) of a unit, an order or a box from the journal")
    p.add_argument("kind", choices=["unit", "order", "box"])
    p.add_argument("code", help="a unit's label or id, an order's id or number, a box's SSCC")
    p.add_argument("--out", required=True, help="the ZIP file to write")
    p.add_argument("--site", default=None, help="only if the subject touches this site")

    def run(args: argparse.Namespace) -> int:
        from pathlib import Path

        from .context import open_context
        from .services import disputes

        ctx = open_context(settings(args))
        try:
            target = Path(args.out)
            files = disputes.write_pack(
                ctx, args.kind, args.code, target, site_scope=args.site, built_by="wb-backend dispute-pack"
            )
        except ApiError as exc:
            raise ValueError(exc.message) from exc
        finally:
            ctx.db.dispose()
        photos = sum(1 for name in files if name.startswith("photos/"))
        print(f"dispute pack of {args.kind} {args.code} written to {target} ({photos} photo(s))")
        return 0

    p.set_defaults(fn=run)
