"""First-run wizard: an admin types the backend, checks it, picks the site and scanner, and it saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from shared.config import ROLLOUT_ENV, ConfigStore
from shared.qt.setup_wizard import SetupWizard, ensure_configured, run_setup_wizard
from shared.setup import ConnectionCheck, PortInfo
from tests.support.backend import BackendServer

SCANNER = PortInfo("/dev/ttyACM0", "Honeywell 1900", "0c2e:0b61", likely_scanner=True)
MODEM = PortInfo("/dev/ttyS0", "ttyS0")


class FakeBackend:
    """A checker that answers like a backend at one address and counts the checks."""

    def __init__(self, good_url: str = "http://server:8700") -> None:
        self.good_url = good_url
        self.calls: list[str] = []

    def __call__(self, url: str) -> ConnectionCheck:
        self.calls.append(url)
        if url.rstrip("/") == self.good_url:
            return ConnectionCheck(True, f"connected to {url}", url=url, code="ok")
        return ConnectionCheck(False, f"cannot reach {url}: connection refused", url=url, code="unreachable")


def _store(tmp_path: Path) -> ConfigStore:
    return ConfigStore("pvz", path=tmp_path / "cfg" / "pvz.json", env={})


def _wizard(qtbot, store: ConfigStore, checker=None, ports=(SCANNER, MODEM)) -> SetupWizard:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(
        "pvz",
        store,
        checker=checker or FakeBackend(),
        port_lister=lambda: list(ports),
        hostname="counter-3.local",
    )
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _check(qtbot, wizard: SetupWizard, url: str) -> None:  # type: ignore[no-untyped-def]
    page = wizard.backend_page
    page.url.setText(url)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.check_button.isEnabled() and page.status.text() != "", timeout=10_000)


def test_admin_walks_through_and_the_config_is_saved(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    wizard = _wizard(qtbot, store)
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    assert not next_button.isEnabled() or not wizard.backend_page.isComplete()
    _check(qtbot, wizard, "http://server:8700")
    assert "server:8700" in wizard.backend_page.status.text()
    assert wizard.backend_page.isComplete()
    wizard.next()

    assert wizard.currentPage() is wizard.site_page
    assert not wizard.site_page.isComplete()
    wizard.site_page.site.setText("PVZ-12")
    device = wizard.site_page.device.text()
    assert device.startswith("pvz-pvz-12-counter-3-")
    wizard.next()

    assert wizard.currentPage() is wizard.scanner_page
    # the likely scanner is preselected, the plain serial port is listed too
    assert wizard.scanner_page.selected_port() == "/dev/ttyACM0"
    assert wizard.scanner_page.port.findData("/dev/ttyS0") >= 0
    wizard.next()

    assert wizard.currentPage() is wizard.summary_page
    summary = wizard.summary_page.summary.text()
    assert "PVZ-12" in summary and "/dev/ttyACM0" in summary and device in summary
    wizard.accept()  # what Finish does once the last page validates
    assert wizard.saved is not None

    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["backend_url"] == "http://server:8700"
    assert saved["site_id"] == "PVZ-12"
    assert saved["device_id"] == device
    assert saved["scanner"]["port"] == "/dev/ttyACM0"
    assert saved["scanner"]["usb_vid_pid"] == "0c2e:0b61"  # to find the scanner again after a replug
    assert store.load().configured


def test_a_failed_check_keeps_the_admin_on_the_page_with_the_reason(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    checker = FakeBackend()
    wizard = _wizard(qtbot, _store(tmp_path), checker)
    _check(qtbot, wizard, "http://wrong:8700")
    page = wizard.backend_page
    assert "Cannot reach http://wrong:8700" in page.status.text()
    assert "connection refused" in page.status.text()  # the technical cause, for the admin
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    # a good check, then editing the address again needs a new check
    _check(qtbot, wizard, "http://server:8700")
    assert page.isComplete()
    page.url.setText("http://server:8701")
    assert not page.isComplete()
    assert checker.calls == ["http://wrong:8700", "http://server:8700"]


def test_a_typo_in_the_address_is_explained_without_a_network_call(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    checker = FakeBackend()
    wizard = _wizard(qtbot, _store(tmp_path), checker)
    wizard.backend_page.url.setText("ftp://server")
    qtbot.mouseClick(wizard.backend_page.check_button, Qt.MouseButton.LeftButton)
    assert "http://" in wizard.backend_page.status.text()
    assert checker.calls == []


def test_offline_install_can_continue_and_says_the_check_is_pending(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    wizard = _wizard(qtbot, store, ports=())
    wizard.backend_page.url.setText("http://10.0.0.5:8700")
    assert not wizard.backend_page.isComplete()
    wizard.backend_page.skip.setChecked(True)
    assert wizard.backend_page.isComplete()
    wizard.next()
    wizard.site_page.site.setText("wh-msk-1")  # lower case is accepted and upper-cased
    wizard.next()
    assert wizard.scanner_page.selected_port() == ""
    assert "No serial port found" in wizard.scanner_page.found.text()
    wizard.next()
    assert "not checked" in wizard.summary_page.summary.text()
    wizard.accept()
    config = store.load()
    assert config.site_id == "WH-MSK-1"
    assert config.scanner.port == ""
    assert config.configured


def test_bad_site_id_blocks_next_and_says_why(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, _store(tmp_path))
    _check(qtbot, wizard, "http://server:8700")
    wizard.next()
    wizard.site_page.site.setText("PVZ 12!")
    assert not wizard.site_page.isComplete()
    assert "PVZ-12" in wizard.site_page.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_rerun_keeps_the_device_id_and_preselects_the_configured_port(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text(
        json.dumps(
            {
                "backend_url": "http://server:8700",
                "site_id": "PVZ-12",
                "device_id": "pvz-pvz-12-old-beef",
                "scanner": {"port": "/dev/ttyS0", "baudrate": 115200},
            }
        ),
        encoding="utf-8",
    )
    wizard = _wizard(qtbot, store)
    _check(qtbot, wizard, "http://server:8700")
    wizard.next()
    wizard.site_page.site.setText("PVZ-13")  # the PC moved to another point: same device
    assert wizard.site_page.device.text() == "pvz-pvz-12-old-beef"
    wizard.next()
    assert wizard.scanner_page.selected_port() == "/dev/ttyS0"
    wizard.next()
    wizard.accept()
    config = store.load()
    assert config.device_id == "pvz-pvz-12-old-beef"
    assert config.site_id == "PVZ-13"
    assert config.scanner.baudrate == 115200  # settings the wizard does not show are kept


def test_a_port_typed_by_hand_is_saved(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    wizard = _wizard(qtbot, store)
    _check(qtbot, wizard, "http://server:8700")
    wizard.next()
    wizard.site_page.site.setText("PVZ-12")
    wizard.next()
    wizard.scanner_page.port.setEditText("COM7")
    wizard.next()
    wizard.accept()
    assert store.load().scanner.port == "COM7"
    assert store.load().scanner.usb_vid_pid == ""


def test_a_save_error_is_shown_and_the_wizard_stays_open(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the config folder should be")
    store = ConfigStore("pvz", path=blocker / "pvz.json", env={})
    wizard = _wizard(qtbot, store)
    _check(qtbot, wizard, "http://server:8700")
    wizard.next()
    wizard.site_page.site.setText("PVZ-12")
    wizard.next()
    wizard.next()
    wizard.accept()
    assert wizard.isVisible()
    assert wizard.saved is None
    assert "Cannot save" in wizard.summary_page.error.text()


def test_rollout_file_prefills_the_wizard(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rollout = tmp_path / "rollout.toml"
    rollout.write_text('[pvz]\nbackend_url = "http://server:8700"\nsite_id = "PVZ-40"\n', encoding="utf-8")
    store = ConfigStore("pvz", path=tmp_path / "cfg" / "pvz.json", env={ROLLOUT_ENV: str(rollout)})
    wizard = _wizard(qtbot, store)
    assert wizard.backend_page.url.text() == "http://server:8700"
    assert wizard.site_page.site.text() == "PVZ-40"


def test_run_setup_wizard_returns_none_on_cancel_and_the_config_on_finish(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)

    def cancel(wizard: SetupWizard) -> int:
        qtbot.addWidget(wizard)
        wizard.reject()
        return int(wizard.result())

    assert run_setup_wizard("pvz", store, checker=FakeBackend(), port_lister=list, exec_fn=cancel) is None
    assert not store.path.exists()

    def finish(wizard: SetupWizard) -> int:
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.backend_page.url.setText("http://server:8700")
        wizard.backend_page.skip.setChecked(True)
        wizard.next()
        wizard.site_page.site.setText("PVZ-12")
        wizard.next()
        wizard.next()
        wizard.accept()
        return int(wizard.result())

    config = run_setup_wizard("pvz", store, checker=FakeBackend(), port_lister=list, exec_fn=finish)
    assert config is not None and config.site_id == "PVZ-12"
    assert store.load() == config


@pytest.mark.timeout(120)
def test_the_check_talks_to_a_real_backend(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shared.setup import check_backend

    wizard = _wizard(qtbot, _store(tmp_path), checker=check_backend)
    with BackendServer(tmp_path / "backend") as server:
        _check(qtbot, wizard, server.url)
        assert wizard.backend_page.isComplete(), wizard.backend_page.status.text()
        port = server.port
    # the same address once the server is gone: refused, and the reason is on screen
    _check(qtbot, wizard, f"http://127.0.0.1:{port}/")
    assert not wizard.backend_page.isComplete()
    assert "127.0.0.1" in wizard.backend_page.status.text()


def test_the_wizard_speaks_russian_by_default(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shared.qt import i18n

    translators = i18n.install(qapp, None)  # no --lang: Russian
    try:
        wizard = _wizard(qtbot, _store(tmp_path))
        assert wizard.backend_page.check_button.text() == "Проверить связь"
        _check(qtbot, wizard, "http://wrong:8700")
        assert "Нет связи с http://wrong:8700" in wizard.backend_page.status.text()
        _check(qtbot, wizard, "http://server:8700")
        assert wizard.backend_page.status.text() == "Связь с http://server:8700 есть."
    finally:
        i18n.uninstall(qapp, translators)


def test_ensure_configured_runs_the_wizard_only_when_needed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    shown: list[SetupWizard] = []

    def finish(wizard: SetupWizard) -> int:
        shown.append(wizard)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.backend_page.skip.setChecked(True)
        wizard.next()
        wizard.site_page.site.setText("PVZ-7")
        wizard.next()
        wizard.next()
        wizard.accept()
        return int(wizard.result())

    first = ensure_configured("pvz", store, checker=FakeBackend(), port_lister=list, exec_fn=finish)
    assert first is not None and first.site_id == "PVZ-7" and len(shown) == 1
    # configured now: no wizard, and command-line overrides still win
    again = ensure_configured("pvz", store, overrides={"language": "en"}, exec_fn=finish)
    assert again is not None and again.language == "en" and again.device_id == first.device_id
    assert len(shown) == 1
    # a cancelled wizard on an unconfigured device: None, nothing saved
    other = _store(tmp_path / "other")
    assert (
        ensure_configured("pvz", other, port_lister=list, exec_fn=lambda w: int(w.reject() or w.result()))
        is None
    )
    assert not other.path.exists()


def test_first_run_shows_the_wizard_in_the_device_language_and_only_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shared.qt.setup_wizard import first_run

    titles: list[str] = []

    def cancel(wizard: SetupWizard) -> int:
        qtbot.addWidget(wizard)
        titles.append(wizard.windowTitle())
        wizard.reject()
        return int(wizard.result())

    store = _store(tmp_path)
    assert first_run("terminal", store, "ru", checker=FakeBackend(), port_lister=list, exec_fn=cancel) is None
    assert first_run("terminal", store, "en", checker=FakeBackend(), port_lister=list, exec_fn=cancel) is None
    assert not store.path.exists()
    assert any("\u0400" <= ch <= "\u04ff" for ch in titles[0]), titles
    assert titles[0] != titles[1]

    def finish(wizard: SetupWizard) -> int:
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.backend_page.skip.setChecked(True)
        wizard.next()
        wizard.site_page.site.setText("WH-DEMO-1")
        wizard.next()
        wizard.next()
        wizard.accept()
        return int(wizard.result())

    config = first_run("terminal", store, None, checker=FakeBackend(), port_lister=list, exec_fn=finish)
    assert config is not None and config.site_id == "WH-DEMO-1"
    # set up now: the next start goes straight to the app
    assert first_run("terminal", store, None, exec_fn=cancel) == config
    assert len(titles) == 2
