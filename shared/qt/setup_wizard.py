"""First-run setup wizard: backend address, site, scanner port; checks the connection and saves.

Both apps call :func:`run_setup_wizard` when their config is not ``configured``. Everything that
touches the network or the serial ports arrives as a callable (defaults from :mod:`shared.setup`),
so the wizard itself never imports httpx, and tests drive it with a real backend or a plain function.

Pages:

1. backend: the address and a *Check connection* button (the check runs on a worker thread; the
   page is complete once the check passed for the address as typed, or the admin ticked
   *continue without a connection* for a PC that is set up before the network is);
2. site: the site id (``PVZ-12``, ``WH-MSK-1``) and the device id derived from it (kept when the
   device already has one: the backend knows the device by it);
3. scanner: a serial port from the detected list (likely scanners first and preselected), a port
   typed by hand, or none (keyboard-wedge scanner);
4. summary: what will be saved; *Finish* saves through the :class:`ConfigStore` and a save error is
   shown on the page, with nothing lost.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from shared.config import AppConfig, ConfigError, ConfigStore
from shared.setup import (
    SITE_KINDS,
    AddressError,
    Checker,
    ConnectionCheck,
    PortInfo,
    PortLister,
    SiteChecker,
    best_port,
    check_backend,
    check_site,
    list_serial_ports,
    new_device_id,
    normalise_url,
    validate_site,
)

from .messages import fmt
from .relay import GuiRelay

NO_PORT = ""  # the combo's data for "no serial scanner"


class BackendPage(QWizardPage):
    def __init__(self, checker: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backend"))
        self.setSubTitle(self.tr("The address of the WB Ops server this device works with."))
        self._checker = checker
        self._passed_for: str | None = None
        self._running: str | None = None
        self._relay = GuiRelay(self)  # the check's result comes back to the GUI thread through it

        self.url = QLineEdit(self)
        self.url.setObjectName("backendUrl")
        self.url.setPlaceholderText("http://server:8700")
        self.check_button = QPushButton(self.tr("Check connection"), self)
        self.check_button.setObjectName("checkButton")
        self.status = QLabel(self)
        self.status.setObjectName("checkStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skip = QCheckBox(self.tr("Continue without a connection (check it later)"), self)
        self.skip.setObjectName("skipCheck")

        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Backend address:"), self))
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.skip)

        self.check_button.clicked.connect(self.start_check)
        self.url.returnPressed.connect(self.start_check)
        self.url.textChanged.connect(self._url_edited)
        self.skip.toggled.connect(self.completeChanged)

    @property
    def last_check_ok(self) -> bool:
        return self._passed_for is not None and self._passed_for == self.url.text().strip()

    def start_check(self) -> None:
        typed = self.url.text().strip()
        try:
            normalise_url(typed)
        except AddressError as exc:
            self._show(False, self.address_problem(exc.code))
            return
        if self._running is not None:
            return
        self._running = typed
        self.check_button.setEnabled(False)
        self.status.setText(fmt(self.tr("Checking %1 ..."), typed))
        self.status.setProperty("tone", "")

        def work() -> None:
            try:
                result = self._checker(typed)
            except Exception as exc:  # a checker bug must not leave the page waiting forever
                result = ConnectionCheck(False, f"{type(exc).__name__}: {exc}", url=typed)
            self._relay.post(lambda: self._on_checked(typed, result))

        threading.Thread(target=work, name="setup-check", daemon=True).start()

    def _on_checked(self, typed: str, result: ConnectionCheck) -> None:
        self._running = None
        self.check_button.setEnabled(True)
        if result.ok:
            self._passed_for = typed
        else:
            self._passed_for = None
        self._show(result.ok, self.describe(result))
        self.completeChanged.emit()

    def address_problem(self, code: str) -> str:
        texts = {
            "empty": self.tr("Type the server address."),
            "scheme": self.tr("The address must start with http:// or https://."),
            "no_host": self.tr("The address has no server name."),
            "bad_port": self.tr("The port in the address is wrong."),
        }
        return texts.get(code, self.tr("The address is wrong."))

    def describe(self, result: ConnectionCheck) -> str:
        """The check's outcome in the UI language; the technical cause, in English, on a new line."""
        url = result.url or self.url.text().strip()
        if result.code == "ok" or (result.ok and not result.code):
            return fmt(self.tr("Connected to %1."), url)
        if result.code == "bad_address":
            return self.address_problem(result.detail)
        reason = {
            "timeout": self.tr("%1 did not answer in time."),
            "unreachable": self.tr(
                "Cannot reach %1: check the address, the network and that the server runs."
            ),
            "http_status": self.tr("%1 answered with an HTTP error."),
            "not_wb_ops": self.tr("%1 answered, but it is not a WB Ops server."),
        }.get(result.code)
        text = fmt(reason or self.tr("No connection to %1."), url)
        return f"{text}\n{result.message}" if result.message else text

    def _show(self, ok: bool, text: str) -> None:
        self.status.setText(text)
        self.status.setProperty("tone", "ok" if ok else "error")
        self.status.setStyleSheet("color: #1b7f3a;" if ok else "color: #b00020;")

    def _url_edited(self, _text: str) -> None:
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        typed = self.url.text().strip()
        if not typed:
            return False
        if self.skip.isChecked():
            try:
                normalise_url(typed)
            except ValueError:
                return False
            return True
        return self.last_check_ok

    def backend_url(self) -> str:
        return normalise_url(self.url.text())


class SitePage(QWizardPage):
    def __init__(
        self,
        app_name: str,
        hostname: str | None,
        parent: QWidget | None = None,
        site_checker: SiteChecker | None = None,
        backend_url: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._site_checker = site_checker
        self._backend_url = backend_url
        self.setTitle(self.tr("Site"))
        self.setSubTitle(self.tr("The pickup point or warehouse this device belongs to."))
        self._app = app_name
        self._hostname = hostname
        self._fixed_device: str = ""
        self._suffix: str | None = None

        self.site = QLineEdit(self)
        self.site.setObjectName("siteId")
        self.site.setPlaceholderText("PVZ-12")
        self.device = QLineEdit(self)
        self.device.setObjectName("deviceId")
        self.device.setReadOnly(True)
        self.error = QLabel(self)
        self.error.setObjectName("siteError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Site id:"), self.site)
        form.addRow(self.tr("Device id:"), self.device)
        form.addRow(self.error)
        self.site.textChanged.connect(self._edited)

    def preset(self, site_id: str, device_id: str) -> None:
        self._fixed_device = device_id
        self.site.setText(site_id)
        self._edited(site_id)

    def _edited(self, text: str) -> None:
        try:
            site = validate_site(text) if text.strip() else ""
        except ValueError:
            self.error.setText(
                self.tr("A site id is capital letters, digits and dashes, like PVZ-12 or WH-MSK-1.")
            )
            self.device.setText(self._fixed_device)
            self.completeChanged.emit()
            return
        self.error.setText("")
        if self._fixed_device:
            self.device.setText(self._fixed_device)
        elif site:
            if self._suffix is None:
                self._suffix = new_device_id(self._app, site, self._hostname).rsplit("-", 1)[1]
            self.device.setText(new_device_id(self._app, site, self._hostname, self._suffix))
        else:
            self.device.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        try:
            validate_site(self.site.text())
        except ValueError:
            return False
        return bool(self.device.text())

    def validatePage(self) -> bool:
        """Next only for a site the backend knows, of this app's kind (a PVZ for the PVZ app)."""
        if self._site_checker is None or self._backend_url is None:
            return True
        site = self.site_id()
        result = self._site_checker(self._backend_url(), site, SITE_KINDS.get(self._app, ""))
        if result.code == "unknown_site":
            self.error.setText(
                fmt(
                    self.tr(
                        "The server has no site %1. Check the id: an administrator creates sites with wb-backend create-site."
                    ),
                    site,
                )
            )
            return False
        if result.code == "wrong_kind":
            self.error.setText(
                fmt(self.tr("%1 is not a site for this app (it is a %2 site)."), site, result.kind)
            )
            return False
        self.error.setText("")
        return True  # ok, or a backend that cannot say (the connection was checked on the page before)

    def site_id(self) -> str:
        return validate_site(self.site.text())

    def device_id(self) -> str:
        return self.device.text()


class ScannerPage(QWizardPage):
    def __init__(self, port_lister: PortLister, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scanner"))
        self.setSubTitle(
            self.tr(
                "Choose the serial port of a USB or serial scanner. A scanner that types like a "
                "keyboard needs no port."
            )
        )
        self._lister = port_lister
        self._wanted: str = ""
        self._found: dict[str, PortInfo] = {}
        self.port = QComboBox(self)
        self.port.setObjectName("scannerPort")
        self.port.setEditable(True)
        self.port.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.refresh_button = QPushButton(self.tr("Search again"), self)
        self.refresh_button.setObjectName("refreshPorts")
        self.found = QLabel(self)
        self.found.setObjectName("portsFound")
        self.found.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.port, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Scanner port:"), self))
        layout.addLayout(row)
        layout.addWidget(self.found)
        layout.addStretch(1)
        self.refresh_button.clicked.connect(self.refresh)

    def preset(self, port: str) -> None:
        self._wanted = port

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        current = self.selected_port() if self.port.count() else self._wanted
        try:
            ports: Sequence[PortInfo] = list(self._lister())
            problem = ""
        except Exception as exc:  # no permission to enumerate ports, a broken driver
            ports, problem = [], f"{type(exc).__name__}: {exc}"
        self.port.clear()
        self._found = {p.device: p for p in ports}
        self.port.addItem(self.tr("No serial port (keyboard scanner)"), NO_PORT)
        for p in ports:
            self.port.addItem(p.label, p.device)
        if problem:
            self.found.setText(fmt(self.tr("Cannot list the serial ports: %1"), problem))
        elif ports:
            self.found.setText(self.tr("Found %n serial port(s).", "", len(ports)))
        else:
            self.found.setText(
                self.tr(
                    "No serial port found. Plug the scanner in and press Search again, or go on "
                    "with a keyboard scanner."
                )
            )
        choice = current
        if not choice:
            best = best_port(ports)
            choice = best.device if best else NO_PORT
        self._select(choice)

    def _select(self, device: str) -> None:
        index = self.port.findData(device)
        if index >= 0:
            self.port.setCurrentIndex(index)
        else:  # a port typed earlier or from the config that is not plugged in right now
            self.port.setEditText(device)

    def selected_usb_id(self, previous: str = "") -> str:
        """The USB vid:pid of the chosen port when it was detected (apps find a replugged scanner
        by it); `previous` when the port is the configured one but not plugged in now."""
        port = self.selected_port()
        found = self._found.get(port)
        if found is not None:
            return found.vid_pid
        return previous if port and port == self._wanted else ""

    def selected_port(self) -> str:
        text = self.port.currentText().strip()
        index = self.port.currentIndex()
        if index >= 0 and self.port.itemText(index) == text:
            return str(self.port.itemData(index) or "")
        return text


class SummaryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Check the settings and press Finish to save them."))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel(self)
        self.error.setObjectName("saveError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        config = self._wizard.collected()
        port = config.scanner.port or self.tr("none (keyboard scanner)")
        lines = [
            fmt(self.tr("Backend: %1"), config.backend_url),
            fmt(self.tr("Site: %1"), config.site_id),
            fmt(self.tr("Device id: %1"), config.device_id),
            fmt(self.tr("Scanner port: %1"), port),
        ]
        if not self._wizard.backend_page.last_check_ok:
            lines.append(self.tr("The connection was not checked: the app will retry it on start."))
        self.summary.setText("\n".join(lines))
        self.error.setText("")

    def validatePage(self) -> bool:
        try:
            self._wizard.save()
        except (ConfigError, OSError) as exc:  # OSError: a folder that cannot be created
            self.error.setText(fmt(self.tr("Cannot save the settings: %1"), str(exc)))
            return False
        return True


class SetupWizard(QWizard):
    """The wizard; :attr:`saved` holds the saved config once Finish succeeded."""

    def __init__(
        self,
        app_name: str,
        store: ConfigStore,
        *,
        initial: AppConfig | None = None,
        checker: Checker = check_backend,
        port_lister: PortLister = list_serial_ports,
        hostname: str | None = None,
        parent: QWidget | None = None,
        site_checker: SiteChecker | None = check_site,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("WB Ops: first-run setup"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.app_name = app_name
        self.store = store
        self.initial = initial if initial is not None else store.load_checked()[0]
        self.saved: AppConfig | None = None

        self.backend_page = BackendPage(checker, self)
        self.site_page = SitePage(
            app_name,
            hostname,
            self,
            site_checker=site_checker,
            backend_url=lambda: self.backend_page.backend_url(),
        )
        self.scanner_page = ScannerPage(port_lister, self)
        self.summary_page = SummaryPage(self)
        for page in (self.backend_page, self.site_page, self.scanner_page, self.summary_page):
            self.addPage(page)

        self.backend_page.url.setText(self.initial.backend_url)
        self.site_page.preset(self.initial.site_id, self.initial.device_id)
        self.scanner_page.preset(self.initial.scanner.port)
        self.resize(640, 420)

    def collected(self) -> AppConfig:
        """The config as the pages hold it now (not saved)."""
        return replace(
            self.initial,
            backend_url=self.backend_page.backend_url(),
            site_id=self.site_page.site_id(),
            device_id=self.site_page.device_id(),
            scanner=replace(
                self.initial.scanner,
                port=self.scanner_page.selected_port(),
                usb_vid_pid=self.scanner_page.selected_usb_id(self.initial.scanner.usb_vid_pid),
            ),
        )

    def save(self) -> AppConfig:
        config = self.collected()
        self.store.save(config)
        self.saved = config
        return config


def run_setup_wizard(
    app_name: str,
    config_store: ConfigStore,
    *,
    initial: AppConfig | None = None,
    checker: Checker = check_backend,
    port_lister: PortLister = list_serial_ports,
    hostname: str | None = None,
    parent: QWidget | None = None,
    exec_fn: Callable[[SetupWizard], int] | None = None,
    site_checker: SiteChecker | None = check_site,
) -> AppConfig | None:
    """Show the wizard modally; the saved config, or None when the admin cancelled.

    ``exec_fn`` replaces ``QWizard.exec`` (tests drive the wizard inside it and return the code).
    """
    wizard = SetupWizard(
        app_name,
        config_store,
        initial=initial,
        checker=checker,
        port_lister=port_lister,
        hostname=hostname,
        site_checker=site_checker,
        parent=parent,
    )
    code = exec_fn(wizard) if exec_fn is not None else wizard.exec()
    saved = wizard.saved if code == QWizard.DialogCode.Accepted.value else None
    wizard.deleteLater()
    return saved


def ensure_configured(
    app_name: str,
    config_store: ConfigStore,
    *,
    overrides: Mapping[str, Any] | None = None,
    **wizard_options: Any,
) -> AppConfig | None:
    """What an app's composition root calls at start: the config, after the wizard when needed.

    Returns the loaded config (roll-out file and `overrides` applied) when it is `configured`;
    otherwise shows the wizard (prefilled from what is known) and returns the config as saved and
    reloaded, or None when the admin cancelled (the app should exit then). `wizard_options` go to
    :func:`run_setup_wizard` (checker, port_lister, parent, exec_fn, ...). ConfigError propagates.
    """
    config = config_store.load_checked(overrides)[0]
    if config.configured:
        return config
    saved = run_setup_wizard(app_name, config_store, initial=config, **wizard_options)
    return None if saved is None else config_store.load_checked(overrides)[0]


def first_run(
    app_name: str, config_store: ConfigStore, lang: str | None = None, **wizard_options: Any
) -> AppConfig | None:
    """At an app's start, before its window: the config, after the wizard on a device never set up.

    Creates the QApplication when there is none yet and shows the wizard in the device's language
    (common catalog). Returns None when the admin cancelled: the app exits then, having saved nothing.
    """
    from PySide6.QtWidgets import QApplication

    from . import i18n

    config = config_store.load_checked()[0]  # a bad roll-out file is shown by the app, not fatal here
    if config.configured:
        return config
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = i18n.install(app, lang or config.language, (i18n.COMMON_CATALOG,))
    try:
        return ensure_configured(app_name, config_store, **wizard_options)
    finally:
        i18n.uninstall(app, translators)
