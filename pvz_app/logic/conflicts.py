"""Which resolutions a rejected operation allows, by the server's reason code."""

from __future__ import annotations

from shared.store.models import Conflict

from .ports import Clerk, Done, PvzData, PvzJournal

# Codes where trying again can succeed (the data was not there yet, a transient disagreement).
RETRYABLE = frozenset({"unknown_unit", "unknown_box", "unknown_cell", "conflict", "seq_gap"})


def allowed_actions(reason_code: str) -> tuple[str, ...]:
    """('retry', 'discard') or ('discard',): a final refusal can only be acknowledged."""
    return ("retry", "discard") if reason_code in RETRYABLE else ("discard",)


class ConflictsFlow:
    """The operations the server rejected, and their resolution (tried again or discarded)."""

    def __init__(self, data: PvzData, journal: PvzJournal, clerk: Clerk) -> None:
        self.data = data
        self.journal = journal
        self.clerk = clerk

    def open(self) -> list[Conflict]:
        return self.data.conflicts()

    def resolve(self, op_id: str, action: str, reason: str) -> Done:
        """'retry' journals the op again, 'discard' records ``reason``; both name the clerk."""
        return None, self.journal.resolve(op_id, action, reason, self.clerk.require())
