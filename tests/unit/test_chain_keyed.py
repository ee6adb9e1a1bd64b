"""The keyed link of the journal's chain (shared/domain/chain.py): with a device's 32-byte key an op's
hash is an HMAC-SHA256 over the same canonical bytes, so an op edited and re-hashed without the key
no longer links, while the unkeyed hash stays what it was."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from shared.domain.chain import KEY_BYTES, canonical_bytes, genesis, links, op_hash

KEY = bytes(range(KEY_BYTES))


def _op(**changes: object) -> dict[str, object]:
    op: dict[str, object] = {
        "op_id": "01J",
        "device_id": "pvz-pc-1",
        "seq": 1,
        "type": "unit.damaged",
        "payload": {"unit_id": "U1", "reason": "мокрая коробка"},
        "actor": "u",
        "created_at": "2026-01-02T03:04:05.000000Z",
        "prev_hash": genesis("pvz-pc-1"),
    }
    op.update(changes)
    return op


def test_the_keyed_link_is_hmac_sha256_of_the_canonical_bytes() -> None:
    op = _op()
    assert op_hash(op, KEY) == hmac.new(KEY, canonical_bytes(op), hashlib.sha256).hexdigest()
    assert op_hash(op) == hashlib.sha256(canonical_bytes(op)).hexdigest()  # unkeyed: unchanged
    assert op_hash(op, KEY) != op_hash(op)


def test_an_edit_rehashed_without_the_key_does_not_link() -> None:
    op = _op()
    op["hash"] = op_hash(op, KEY)
    assert links(op, KEY)
    forged = _op(payload={"unit_id": "U1", "reason": "не было"})
    forged["hash"] = op_hash(forged)  # what someone editing the SQLite file can compute
    assert not links(forged, KEY)
    forged["hash"] = op_hash(forged, bytes(KEY_BYTES))  # or with a guessed key
    assert not links(forged, KEY)
    assert not links(_op(hash="not-a-hash"), KEY)


def test_a_key_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError):
        op_hash(_op(), b"short")
