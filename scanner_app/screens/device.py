"""This terminal, for a support call: its device id, warehouse, server, scanner, what waits to be
sent, and what is wrong in its configuration file (the same list the start-up notice showed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from shared.qt.config_notice import ProblemsLabel
from shared.qt.messages import fmt
from shared.qt.status import SCANNER_NONE, SCANNER_OK, StatusModel
from shared.version import version

from ..services import DeviceInfo
from .base import Context, ScanScreen, big_button, info_label


class DeviceScreen(ScanScreen):
    name = "device"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.facts = info_label(self, "LineInfo")
        self.facts.setObjectName("DeviceFacts")
        self.problems_title = info_label(self, "LineInfo")
        self.problems = ProblemsLabel((), self)
        self.body.addWidget(self.facts)
        self.body.addWidget(self.problems_title)
        self.body.addWidget(self.problems)
        self.body.addStretch(1)
        self.back = self.add_action(big_button("", self), "Esc", lambda: self.go("menu"))
        self.button_row(self.back)
        self.prompt.hide()  # nothing to scan here
        self.code.hide()
        self.code_ok.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.label_button(self.back, self.tr("Menu"))

    def title(self) -> str:
        return self.tr("This terminal")

    def activate(self, arg: Any = None) -> None:
        self.clear_result()
        self.refresh()

    def refresh(self) -> None:
        info: DeviceInfo | None = self.ctx.device
        status: StatusModel | None = self.ctx.status
        snap = status.snapshot if status is not None else None
        session = self.session
        lines = []
        if info is not None:
            lines.append(fmt(self.tr("Device: %1"), info.device_id or "-"))
        if session is not None:
            site = self.ctx.services.data.site_name(session.site_id) or session.site_id
            lines.append(fmt(self.tr("Warehouse: %1"), site))
        if info is not None:
            lines.append(fmt(self.tr("Server: %1"), info.backend_url))
            lines.append(fmt(self.tr("Scanner: %1"), self._scanner(info, snap)))
        if snap is not None:
            lines.append(fmt(self.tr("Waiting to be sent: %1"), snap.pending))
            when = snap.last_sync_at.astimezone().strftime("%d.%m %H:%M") if snap.last_sync_at else "-"
            lines.append(fmt(self.tr("Last sync: %1"), when))
        if info is not None:
            lines.append(fmt(self.tr("Data folder: %1"), str(info.data_dir)))
            lines.append(fmt(self.tr("Version: %1"), version()))
        self.facts.setText("\n".join(lines))
        problems = info.problems if info is not None else ()
        self.problems_title.setText(self.tr("The configuration file has no problems."))
        self.problems_title.setVisible(not problems)
        self.problems.set_problems(problems)  # its own heading, then file, line and setting of each

    def _scanner(self, info: DeviceInfo, snap: Any) -> str:
        if not info.scanner_port:
            return self.tr("keyboard only")
        state = getattr(snap, "scanner", SCANNER_NONE)
        word = self.tr("connected") if state == SCANNER_OK else self.tr("not connected")
        return f"{info.scanner_port} ({word})"
