"""First-run setup without Qt: addresses, site ids, device ids, port ranking, the health check."""

from __future__ import annotations

import httpx
import pytest

from shared.setup import (
    PortInfo,
    best_port,
    check_backend,
    new_device_id,
    normalise_url,
    sort_ports,
    validate_site,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("server:8700", "http://server:8700"),
        ("  https://wb.example/ ", "https://wb.example"),
        ("http://10.0.0.5:8700/", "http://10.0.0.5:8700"),
    ],
)
def test_addresses_are_normalised(typed: str, expected: str) -> None:
    assert normalise_url(typed) == expected


@pytest.mark.parametrize("typed", ["", "ftp://server", "http://", "http://server:99999999"])
def test_hopeless_addresses_are_refused_with_a_reason(typed: str) -> None:
    with pytest.raises(ValueError) as info:
        normalise_url(typed)
    assert str(info.value)


def test_site_ids_are_upper_cased_and_checked() -> None:
    assert validate_site(" pvz-12 ") == "PVZ-12"
    with pytest.raises(ValueError, match="PVZ-DEMO-1"):
        validate_site("PVZ 12")


def test_device_ids_are_readable_and_distinct() -> None:
    a = new_device_id("pvz", "PVZ-12", "Counter-3.corp.local")
    others = {new_device_id("pvz", "PVZ-12", "Counter-3.corp.local") for _ in range(20)}
    assert a.startswith("pvz-pvz-12-counter-3-")
    assert len(others | {a}) > 1  # a random tail: two PCs with the same name still differ
    assert new_device_id("terminal", "WH-1", "ТСД №5", suffix="beef") == "terminal-wh-1-5-beef"
    assert len(new_device_id("pvz", "PVZ-1", "x" * 500)) <= 100


def test_scanners_come_first_and_one_is_preselected() -> None:
    modem = PortInfo("/dev/ttyS0")
    usb = PortInfo("/dev/ttyUSB0", "USB serial", "0403:6001")
    scanner = PortInfo("/dev/ttyACM1", "Honeywell", "0c2e:0b61", likely_scanner=True)
    assert [p.device for p in sort_ports([modem, usb, scanner])] == [
        "/dev/ttyACM1",
        "/dev/ttyUSB0",
        "/dev/ttyS0",
    ]
    assert best_port([modem, usb, scanner]) == scanner
    assert best_port([modem, usb]) == usb  # the only USB port
    assert best_port([modem]) is None  # a bare serial port may be anything: the admin chooses
    assert best_port([usb, PortInfo("/dev/ttyUSB1", "", "0403:6001")]) is None


def _transport(status: int, body: object) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/health"
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


def test_health_check_accepts_a_backend_and_refuses_anything_else() -> None:
    ok = check_backend("server:8700", transport=_transport(200, {"status": "ok"}))
    assert ok.ok and ok.url == "http://server:8700" and ok.code == "ok"
    down = check_backend("server:8700", transport=_transport(503, {"error": {"code": "unavailable"}}))
    assert not down.ok and "503" in down.message
    assert (down.code, down.detail) == ("http_status", "503")
    other = check_backend("server:8700", transport=_transport(200, ["a web page"]))
    assert not other.ok and "not a WB Ops backend" in other.message and other.code == "not_wb_ops"
    bad = check_backend("ftp://x")
    assert not bad.ok and "http://" in bad.message
    assert (bad.code, bad.detail) == ("bad_address", "scheme")


def test_health_check_reports_an_unreachable_server() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    result = check_backend("http://server:8700", transport=httpx.MockTransport(refuse))
    assert not result.ok and result.code == "unreachable"
    assert "cannot reach http://server:8700" in result.message
