"""The journal's hash chain: each device's ops, in seq order, each naming the hash of the one before.

One definition, used by the apps' journal (which computes it when recording) and by the backend
(which verifies it on push). An op's hash is the hex SHA-256 of its canonical bytes: the JSON object
of exactly CHAIN_FIELDS, keys sorted, no spaces, non-ASCII kept as is (ensure_ascii=False), encoded
as UTF-8, with every field in its wire form (seq an integer, type and created_at strings, payload
the JSON object as sent, prev_hash a hex string or null). The first op of a device epoch chains
from GENESIS, sha256("wb-ops:" + device_id). See docs/PROTOCOL.md, "The hash chain".
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from typing import Any

CHAIN_FIELDS = ("op_id", "device_id", "seq", "type", "payload", "actor", "created_at", "prev_hash")
HASH_RE = re.compile(r"^[0-9a-f]{64}$")
KEY_BYTES = 32  # a device's chain key (random), for the keyed link (op_hash with key)


def genesis(device_id: str) -> str:
    """What the first op of a device (epoch) chains from."""
    return hashlib.sha256(("wb-ops:" + device_id).encode("utf-8")).hexdigest()


def canonical_bytes(op: Mapping[str, Any]) -> bytes:
    """The bytes an op's hash is taken over (its wire form; missing fields count as null)."""
    body = {name: op.get(name) for name in CHAIN_FIELDS}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def op_hash(op: Mapping[str, Any], key: bytes | None = None) -> str:
    """The hex SHA-256 of an op's canonical bytes (its prev_hash included); with the device's chain
    ``key`` (KEY_BYTES random bytes), the hex HMAC-SHA256 of the same bytes instead, which nobody
    without the key can recompute after editing the journal."""
    if key is not None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"a chain key is {KEY_BYTES} bytes")
        return hmac.new(key, canonical_bytes(op), hashlib.sha256).hexdigest()
    return hashlib.sha256(canonical_bytes(op)).hexdigest()


def links(op: Mapping[str, Any], key: bytes | None = None) -> bool:
    """Whether an op's ``hash`` is the one its canonical bytes give (keyed when ``key`` is given),
    compared in constant time."""
    claimed = op.get("hash")
    return is_hash(claimed) and hmac.compare_digest(str(claimed), op_hash(op, key))


def is_hash(value: object) -> bool:
    """Whether a value is a hex SHA-256 as the chain and photo fields carry them (64 lowercase hex)."""
    return isinstance(value, str) and HASH_RE.match(value) is not None
