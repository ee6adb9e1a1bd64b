"""The setup wizard asks the backend whether the site exists (and is of the app's kind) before it
saves it: `pvz-77` typed for a PVZ the server calls something else is caught at the counter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from backend_stub.services.admin import create_site
from shared.config import ConfigStore
from shared.qt.setup_wizard import SetupWizard
from shared.setup import ConnectionCheck, check_site
from tests.support.inprocess import InProcessBackend


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[Any]:
    with InProcessBackend(tmp_path / "b") as server:
        create_site(server.ctx, "PVZ-12", "pvz", "ПВЗ на Ленина", cells_count=2)
        create_site(server.ctx, "WH-MSK-1", "warehouse", "Склад", locations_count=2)
        client = server.client()
        yield client._transport  # the real app, in process


def test_check_site_asks_the_backend(backend: Any) -> None:
    url = "http://testserver"
    assert check_site(url, "PVZ-12", "pvz", transport=backend).code == "ok"
    assert check_site(url, "PVZ-12", "pvz", transport=backend).name == "ПВЗ на Ленина"
    assert check_site(url, "PVZ-77", "pvz", transport=backend).code == "unknown_site"
    wrong = check_site(url, "WH-MSK-1", "pvz", transport=backend)
    assert wrong.code == "wrong_kind" and wrong.kind == "warehouse"


def test_the_wizard_refuses_a_site_the_backend_does_not_know(
    qtbot: Any, tmp_path: Path, backend: Any
) -> None:
    def checker(url: str) -> ConnectionCheck:
        return ConnectionCheck(True, "connected", url=url, code="ok")

    wizard = SetupWizard(
        "pvz",
        ConfigStore("pvz", path=tmp_path / "cfg" / "pvz.json", env={}),
        checker=checker,
        port_lister=lambda: [],
        hostname="counter-3",
        site_checker=lambda url, site, kind: check_site("http://testserver", site, kind, transport=backend),
    )
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.backend_page.url.setText("http://testserver")
    wizard.next()  # to the site page (the connection checker says ok)
    assert wizard.currentPage() is wizard.site_page
    wizard.site_page.site.setText("pvz-77")
    wizard.next()
    assert wizard.currentPage() is wizard.site_page  # not accepted
    assert "no site PVZ-77" in wizard.site_page.error.text()
    wizard.site_page.site.setText("wh-msk-1")
    wizard.next()
    assert wizard.currentPage() is wizard.site_page
    assert "warehouse" in wizard.site_page.error.text()
    wizard.site_page.site.setText("pvz-12")
    wizard.next()
    assert wizard.currentPage() is wizard.scanner_page
    wizard.button(QWizard.WizardButton.CancelButton)
