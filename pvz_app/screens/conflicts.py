"""Conflicts: operations the server rejected, with the reason and the actions allowed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from shared.barcodes import Scan
from shared.qt import i18n, messages
from shared.qt.messages import fmt
from shared.qt.models import Column, RecordTableModel
from shared.qt.widgets import make_table
from shared.store import ChangeSet, Conflict

from ..logic.conflicts import allowed_actions
from .base import Screen


class ConflictsScreen(Screen):
    key = "conflicts"
    needs_shift = False

    def title(self) -> str:
        return self.tr("Conflicts")

    def build(self) -> None:
        self.count_line = QLabel(self)
        self.count_line.setProperty("role", "hint")
        self.count_line.setWordWrap(True)
        self.add(self.count_line)
        self.model: RecordTableModel[Conflict] = RecordTableModel(
            [
                Column(self.tr("When"), lambda c: c.created_at.strftime("%d.%m %H:%M")),
                Column(self.tr("Operation"), lambda c: i18n.op_name(c.op_type), bold=True),
                Column(
                    self.tr("Allowed"),
                    lambda c: " / ".join(self.action_names()[a] for a in allowed_actions(c.reason_code)),
                ),
                Column(self.tr("Reason"), lambda c: messages.reason(c.reason_code, c.reason_message)),
                Column(
                    self.tr("Details"),
                    lambda c: ", ".join(f"{v}" for k, v in c.payload.items() if isinstance(v, str)),
                ),
            ],
            key=lambda c: c.op_id,
            tone=lambda c: "error",
        )
        self.table = make_table(self.model, self)
        self.table.setObjectName("conflictsTable")
        self.add(self.table, 1)
        self.add_action("retry", self.tr("Try again"), "Ctrl+R", self.retry)
        self.add_action("discard", self.tr("Acknowledge and discard"), "Ctrl+D", self.discard)
        self.add_action("sync", self.tr("Sync now"), "Ctrl+S", self.sync_now)

    def action_names(self) -> dict[str, str]:
        return {"retry": self.tr("try again"), "discard": self.tr("discard")}

    def reset_prompt(self) -> None:
        self.prompt.set_step(
            self.tr("Resolve what the server rejected"),
            self.tr("Select a row; Ctrl+R tries again where allowed, Ctrl+D discards with a reason."),
        )

    def on_activated(self) -> None:
        self.refresh()
        self.table.setFocus()

    def on_changed(self, changes: ChangeSet) -> None:
        if self.active and (changes.conflicts or changes.journal or changes.full):
            self.refresh()

    def refresh(self) -> None:
        self.query(lambda: self.ctx.flows.conflicts.open(), self._show)

    def _show(self, rows: list[Conflict]) -> None:
        self.model.set_rows(rows)
        self.count_line.setText(fmt(self.tr("Open conflicts: %1"), str(len(rows))))
        if rows:
            self.table.selectRow(0)

    def on_scan(self, scan: Scan) -> None:
        self.refuse_kind(scan, [])

    def _selected(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def retry(self) -> None:
        c = self._selected()
        if c is None:
            return
        if "retry" not in allowed_actions(c.reason_code):
            self.error(self.tr("This operation cannot succeed again: discard it (Ctrl+D)."))
            return
        conflicts = self.ctx.flows.conflicts
        self.run(
            lambda: conflicts.resolve(c.op_id, "retry", "retry"),
            lambda _v: self._done(self.tr("Sent again")),
        )

    def discard(self) -> None:
        c = self._selected()
        if c is None:
            return
        ask = self.ctx.ports.ask_text
        reason = ask(self, self.tr("Discard"), self.tr("Why is this operation discarded?"))
        if not reason:
            return
        conflicts = self.ctx.flows.conflicts
        self.run(
            lambda: conflicts.resolve(c.op_id, "discard", reason),
            lambda _v: self._done(self.tr("Discarded")),
        )

    def _done(self, text: str) -> None:
        self.success(text)
        self.refresh()
        if self.ctx.sync is not None:
            self.ctx.sync.kick()

    def sync_now(self) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now()
            self.info(self.tr("Syncing…"))
