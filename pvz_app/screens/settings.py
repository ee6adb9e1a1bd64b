"""Settings behind an admin login: backend URL, PVZ id, scanner port and timings, printer, language;
and the support bundle (pending operations, conflicts and settings, no secrets) written to a folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from shared.barcodes import Scan
from shared.config import AppConfig, ConfigError
from shared.qt.config_notice import ProblemsLabel
from shared.qt.messages import fmt
from shared.qt.operations import OpFailure
from shared.store.support_bundle import SupportBundle, write_support_bundle

from .base import Screen, credentials_form

LABEL_SIZES = ("58x40", "100x150", "A4")


class SettingsScreen(Screen):
    key = "settings"
    needs_shift = False

    def title(self) -> str:
        return self.tr("Settings")

    def build(self) -> None:
        self.unlocked = False
        self.pages = QStackedWidget(self)
        # page 0: admin login
        login, self.admin_user, self.admin_password = credentials_form(
            self.pages,
            (self.tr("Administrator"), self.tr("Password")),
            ("adminUser", "adminPassword"),
            self.unlock,
        )
        self.pages.addWidget(login)
        # page 1: the settings
        form_page = QWidget(self.pages)
        f = QFormLayout(form_page)
        self.backend_url = QLineEdit(form_page)
        self.backend_url.setObjectName("backendUrl")
        self.site_id = QLineEdit(form_page)
        self.site_id.setObjectName("siteId")
        self.scanner_port = QComboBox(form_page)
        self.scanner_port.setObjectName("scannerPort")
        self.scanner_port.setEditable(True)
        self.baudrate = QComboBox(form_page)
        for b in (9600, 19200, 38400, 57600, 115200):
            self.baudrate.addItem(str(b))
        self.debounce = QSpinBox(form_page)
        self.debounce.setRange(0, 5000)
        self.debounce.setSuffix(self.tr(" ms"))
        self.key_interval = QSpinBox(form_page)
        self.key_interval.setRange(5, 500)
        self.key_interval.setSuffix(self.tr(" ms"))
        self.printer = QLineEdit(form_page)
        self.printer.setPlaceholderText(self.tr("system default printer"))
        self.label_size = QComboBox(form_page)
        self.label_size.addItems(list(LABEL_SIZES))
        self.language = QComboBox(form_page)
        self.language.setObjectName("language")
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        f.addRow(self.tr("Server address"), self.backend_url)
        f.addRow(self.tr("Pickup point id"), self.site_id)
        f.addRow(self.tr("Scanner port"), self.scanner_port)
        f.addRow(self.tr("Scanner speed (baud)"), self.baudrate)
        f.addRow(self.tr("Ignore a repeat scan within"), self.debounce)
        f.addRow(self.tr("Keyboard scanner: max pause between keys"), self.key_interval)
        f.addRow(self.tr("Printer"), self.printer)
        f.addRow(self.tr("Label size"), self.label_size)
        f.addRow(self.tr("Language"), self.language)
        scroll = QScrollArea(self.pages)
        scroll.setWidget(form_page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.pages.addWidget(scroll)
        # what is wrong in the config files, shown locked or unlocked, until it is fixed
        self.problems = self.add(ProblemsLabel(getattr(self.ctx.config, "problems", []), self))
        self.add(self.pages, 1)
        self.add_action(
            "unlock", self.tr("Log in as administrator"), "Ctrl+Return", self.unlock, primary=True
        )
        self.add_action("save", self.tr("Save"), "Ctrl+S", self.save)
        self.add_action("lock", self.tr("Lock settings"), "Ctrl+L", self.lock)
        self.add_action("bundle", self.tr("Support bundle"), "Ctrl+Shift+E", self.support_bundle)
        self._sync()

    def _sync(self) -> None:
        self.pages.setCurrentIndex(1 if self.unlocked else 0)
        self.enable(unlock=not self.unlocked, save=self.unlocked, lock=self.unlocked, bundle=self.unlocked)

    def reset_prompt(self) -> None:
        if getattr(self, "unlocked", False):
            self.prompt.set_step(
                self.tr("Change the settings and save (Ctrl+S)"),
                self.tr("Server, pickup point and scanner changes apply after a restart."),
            )
        else:
            self.prompt.set_step(
                self.tr("Settings need an administrator"), self.tr("Log in with an administrator account.")
            )

    def on_activated(self) -> None:
        if not self.unlocked:
            self.admin_user.setFocus()

    def on_scan(self, scan: Scan) -> None:
        self.refuse_kind(scan, [])

    def unlock(self) -> None:
        user, password = self.admin_user.text().strip(), self.admin_password.text()
        self.admin_password.clear()
        if not user or not password:
            return
        self.query(lambda: self.ctx.admin_check(user, password), self._checked, self._check_failed)

    def _checked(self, ok: bool) -> None:
        if not ok:
            self.prompt.set_step(self.tr("Settings need an administrator"), tone="error")
            self.error(self.tr("Not an administrator, or a wrong password."))
            return
        self.unlocked = True
        self._load(self.ctx.config.load())
        self._sync()
        self.reset_prompt()
        self.backend_url.setFocus()

    def _check_failed(self, failure: OpFailure) -> None:
        self.error(failure.message)

    def _load(self, cfg: AppConfig) -> None:
        self.config = cfg
        self.backend_url.setText(cfg.backend_url)
        self.site_id.setText(cfg.site_id)
        ports = self.ctx.ports.list_ports()
        self.scanner_port.clear()
        self.scanner_port.addItem(self.tr("keyboard scanner (no port)"), "")
        for port in ports:
            self.scanner_port.addItem(str(port), str(port))
        if cfg.scanner.port:
            i = self.scanner_port.findData(cfg.scanner.port)
            if i < 0:
                self.scanner_port.addItem(cfg.scanner.port, cfg.scanner.port)
                i = self.scanner_port.count() - 1
            self.scanner_port.setCurrentIndex(i)
        self.baudrate.setCurrentText(str(cfg.scanner.baudrate))
        self.debounce.setValue(cfg.scanner.debounce_ms)
        self.key_interval.setValue(cfg.scanner.max_key_interval_ms)
        self.printer.setText(cfg.printer.name)
        self.label_size.setCurrentText(cfg.printer.label_size)
        self.language.setCurrentIndex(max(0, self.language.findData(cfg.language)))

    def save(self) -> None:
        if not self.unlocked:
            return
        port = self.scanner_port.currentData()
        if port is None:
            port = self.scanner_port.currentText().strip()
        cfg = replace(
            self.config,
            backend_url=self.backend_url.text().strip(),
            site_id=self.site_id.text().strip().upper(),
            language=str(self.language.currentData()),
            scanner=replace(
                self.config.scanner,
                port=str(port),
                baudrate=int(self.baudrate.currentText()),
                debounce_ms=self.debounce.value(),
                max_key_interval_ms=self.key_interval.value(),
            ),
            printer=replace(
                self.config.printer,
                name=self.printer.text().strip(),
                label_size=self.label_size.currentText(),
            ),
        )
        try:
            self.ctx.config.save(cfg)
        except ConfigError as exc:
            self.error(str(exc))
            return
        language_changed = cfg.language != self.ctx.lang
        self.config = cfg
        self.success(self.tr("Settings saved"))
        if language_changed and self.ctx.on_language is not None:
            self.ctx.on_language(cfg.language)

    def choose_folder(self) -> str:
        """Where the bundle goes (a USB stick, say); "" when the admin cancels. Tests replace it."""
        return QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the support bundle"), str(Path.home())
        )

    def support_bundle(self) -> None:
        """Pending operations, conflicts and settings of this PC (nothing secret), as JSON and CSV."""
        if not self.unlocked:
            return
        folder = self.choose_folder()
        if not folder:
            return
        store = self.ctx.store_path
        self.query(
            lambda: write_support_bundle(store, Path(folder)), self._bundle_written, self._bundle_failed
        )

    def _bundle_written(self, bundle: SupportBundle) -> None:
        self.success(fmt(self.tr("Support bundle saved: %1"), bundle.archive))
        self.prompt.set_step(
            self.tr("Support bundle saved"),
            fmt(
                self.tr("%1 pending operations, %2 conflicts. Send the file %3 to support."),
                bundle.pending,
                bundle.conflicts,
                bundle.archive.name,
            ),
        )

    def _bundle_failed(self, failure: OpFailure) -> None:
        self.error(fmt(self.tr("The support bundle was not written: %1"), failure.message))

    def lock(self) -> None:
        self.unlocked = False
        self._sync()
        self.reset_prompt()
