"""Which resolutions a rejected operation allows, by the server's reason code."""

from __future__ import annotations

# Codes where trying again can succeed (the data was not there yet, a transient disagreement).
RETRYABLE = frozenset({"unknown_unit", "unknown_box", "unknown_cell", "conflict", "seq_gap"})


def allowed_actions(reason_code: str) -> tuple[str, ...]:
    """('retry', 'discard') or ('discard',): a final refusal can only be acknowledged."""
    return ("retry", "discard") if reason_code in RETRYABLE else ("discard",)
