"""Sync: push (exactly-once application of journalled operations) and pull (per-site change feed).

opcontext.py  one op's context: lookups checked against the device's site, the unit move, actors
handlers.py   each op type's server effect: its Plan (run_plan) or a composite handler
batched.py    runs of new single-unit ops, checked in memory and written in a few statements
queries.py    prebuilt IN-list queries
push.py       push: groups, replays, seqs, and the answer built in one place
pull.py       pull: the change feed since a cursor
"""

from .handlers import COMPOSITE, apply_handler, run_plan
from .opcontext import SYNC_ROLES, OpContext, Reject
from .pull import pull, pull_json
from .push import MAX_CLOCK_AHEAD_S, MAX_OPS_PER_PUSH, MAX_PAYLOAD_BYTES, push

__all__ = [
    "COMPOSITE",
    "MAX_CLOCK_AHEAD_S",
    "MAX_OPS_PER_PUSH",
    "MAX_PAYLOAD_BYTES",
    "SYNC_ROLES",
    "OpContext",
    "Reject",
    "apply_handler",
    "pull",
    "pull_json",
    "push",
    "run_plan",
]
