"""Disputes: what this point's journal and photos say about a unit, an order or a box, as a file.

Scan a unit or a box (or type a unit label, an order id or an SSCC), see the timeline, take more
photos of it, and save the dispute pack: a ZIP with the PDF act, the photos, the raw ops and the
times to look up in the point's CCTV recording (pvz_app/logic/dispute.py, shared/qt/dispute_pdf.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QLineEdit, QTextBrowser, QWidget

from pvz_app.logic.dispute import KINDS, Subject, UnknownSubject
from shared.barcodes import Scan, ScanKind
from shared.printing.dispute import DisputePack
from shared.qt import i18n
from shared.qt.dispute_pdf import act_html, export_pack
from shared.qt.messages import fmt
from shared.qt.photo_capture import PhotoCaptureDialog
from shared.store import ChangeSet

from .base import Screen


class DisputeScreen(Screen):
    key = "dispute"
    needs_shift = False

    def title(self) -> str:
        return self.tr("Disputes")

    def build(self) -> None:
        self.subject: Subject | None = None
        self.pack: DisputePack | None = None
        row = QWidget(self)
        form = QFormLayout(row)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox(row)
        self.kind.setObjectName("disputeKind")
        for key, text in zip(KINDS, (self.tr("Unit"), self.tr("Order"), self.tr("Box")), strict=True):
            self.kind.addItem(text, key)
        self.code = QLineEdit(row)
        self.code.setObjectName("disputeCode")
        self.code.setPlaceholderText(self.tr("unit label, order id or box SSCC"))
        self.code.returnPressed.connect(self.show_subject)
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("Code"), self.code)
        self.add(row)
        self.view = QTextBrowser(self)
        self.view.setObjectName("disputeTimeline")
        self.add(self.view, 1)
        self.add_action("show", self.tr("Show"), "Ctrl+Return", self.show_subject, primary=True)
        self.add_action("photo", self.tr("Take a photo"), "Ctrl+P", self.take_photo)
        self.add_action("save", self.tr("Save dispute pack"), "Ctrl+S", self.save_pack)
        self.enable(photo=False, save=False)

    def reset_prompt(self) -> None:
        if getattr(self, "subject", None) is None:
            self.prompt.set_step(
                self.tr("Scan a unit or a box, or type a code"),
                self.tr("The pack proves who did what, when, where, with photos."),
            )
        else:
            self.prompt.set_step(
                self.tr("Save the dispute pack (Ctrl+S) or add a photo (Ctrl+P)"),
                self.tr("Send the saved ZIP file with your objection to the penalty."),
            )

    def on_scan(self, scan: Scan) -> None:
        if scan.kind is ScanKind.UNIT:
            self._select("unit", scan.code)
        elif scan.kind is ScanKind.BOX:
            self._select("box", scan.code)
        else:
            self.refuse_kind(scan, [ScanKind.UNIT, ScanKind.BOX])

    def on_changed(self, changes: ChangeSet) -> None:
        if self.subject is not None and (changes.full or changes.journal or changes.units):
            self._refresh()

    def on_activated(self) -> None:
        self.code.setFocus()

    # --- steps ----------------------------------------------------------------------------------
    def _select(self, kind: str, code: str) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.code.setText(code)
        self.show_subject()

    def show_subject(self) -> None:
        kind = str(self.kind.currentData())
        code = self.code.text().strip()
        if not code:
            self.error(self.tr("Type or scan a code first."))
            return
        try:
            self.subject = self.ctx.flows.dispute.resolve(kind, code)
        except UnknownSubject:
            self.subject = None
            self.pack = None
            self.view.clear()
            self.enable(photo=False, save=False)
            self.error(self.tr("Nothing with this code on this device."))
            self.reset_prompt()
            return
        self._refresh()
        self.enable(photo=True, save=True)
        self.reset_prompt()

    def _refresh(self) -> None:
        assert self.subject is not None
        dispute = self.ctx.flows.dispute
        self.pack = dispute.pack(
            self.subject, site_id=self.ctx.site_id, now=self.ctx.clock.now(), status_name=i18n.state_name
        )
        read = dispute.photos()
        doc = self.view.document()
        for sha, info in self.pack.photos.items():
            data = read(sha)
            if data:
                image = QImage.fromData(data)
                if not image.isNull():
                    doc.addResource(
                        QTextDocument.ResourceType.ImageResource,
                        QUrl(f"photo:{info.sha256}"),
                        image.scaledToWidth(240),
                    )
        self.view.setHtml(act_html(self.pack, photo_src=lambda p: f"photo:{p.sha256}"))

    def take_photo(self) -> None:
        subject = self.subject
        if subject is None:
            return
        dispute = self.ctx.flows.dispute

        def save(data: bytes) -> str:
            return dispute.save_photo(subject, data)

        factory = self.ctx.ports.camera_source
        dialog = PhotoCaptureDialog(save, subject=subject.shown, source_factory=factory, parent=self)
        dialog.exec()
        self.window().activateWindow()  # the window's shortcuts work again at once
        if dialog.taken:
            self.success(
                self.tr("%n photo(s) kept; they go to the server with the next sync.", "", len(dialog.taken))
            )
            if self.ctx.sync is not None:
                self.ctx.sync.kick()
            self._refresh()

    def save_pack(self) -> None:
        if self.pack is None or self.subject is None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = f"dispute-{self.subject.kind}-{_safe(self.subject.key)}-{stamp}.zip"
        ask = self.ctx.ports.ask_save_path
        if ask is not None:
            name = ask(suggested)
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save dispute pack"), str(Path.home() / suggested), self.tr("ZIP files (*.zip)")
            )
        if not name:
            return
        target = Path(name)
        try:
            export_pack(self.pack, target, self.ctx.flows.dispute.photos())
        except OSError as exc:
            self.error(fmt(self.tr("The pack was not saved: %1"), exc.strerror or str(exc)))
            return
        self.success(fmt(self.tr("Dispute pack saved: %1"), target))


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:40]
