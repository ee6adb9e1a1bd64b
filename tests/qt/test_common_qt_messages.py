"""The one message pipeline in the UI: codes from the core rendered through the Qt catalogs."""

from __future__ import annotations

import pytest

from shared import messages as core
from shared.qt import i18n, messages
from shared.qt.messages import fmt
from shared.qt.operations import failure_from
from shared.store.errors import DiskFullError, LockedError, refused
from shared.sync.errors import REASON_CODES, ErrorKind, SyncError


@pytest.fixture
def english(qapp):
    translators = i18n.install(qapp, "en", ["common"])
    yield
    i18n.uninstall(qapp, translators)
    i18n.install(qapp, "ru", [])  # leave the default locale Russian for other tests


@pytest.fixture
def russian(qapp):
    translators = i18n.install(qapp, "ru", ["common"])
    yield
    i18n.uninstall(qapp, translators)


def test_english_ui_shows_a_store_error_in_english(english) -> None:
    err = LockedError(detail="database is locked")
    failure = failure_from(err)
    assert failure.code == "locked"
    assert failure.message.startswith("The database is busy in another process")
    assert err.message == failure.message  # the core's own message follows the UI language too
    assert i18n.error_message("disk_full") == DiskFullError().message


def test_russian_ui_shows_a_store_error_in_russian(russian) -> None:
    assert failure_from(DiskFullError()).message.startswith("Диск заполнен")
    assert failure_from(refused("box_closed", box="B1")).message == "Короб уже закрыт."


def test_sync_error_text_follows_its_key_not_the_servers_code(english) -> None:
    err = SyncError(ErrorKind.SERVER, "sync_server_busy", params={"status": 503, "text": "x"}, code="busy")
    assert failure_from(err).message == "the server is temporarily unavailable (503): x"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_qt_and_core_readers_of_the_catalog_agree(qapp, lang: str) -> None:
    translators = i18n.install(qapp, lang, ["common"])
    try:
        for context, table in messages.TABLES.items():
            for code in table:
                assert messages.render(code, {}, context) == core.render(code, {}, lang, context), code
    finally:
        i18n.uninstall(qapp, translators)
        i18n.install(qapp, "ru", [])


def test_rejection_reasons_are_translated(qapp) -> None:
    for code in REASON_CODES:
        assert messages.known(code), code
    translators = i18n.install(qapp, "ru", ["common"])
    try:
        shown = messages.reason("illegal_transition", "SHIPPED -> ISSUED: no transition")
        assert shown == "В текущем состоянии товара это действие запрещено."
        assert messages.reason("brand_new_code", "Server words") == "Server words"
        assert messages.reason("", None) == ""
    finally:
        i18n.uninstall(qapp, translators)


def test_fmt_fills_qt_style_placeholders() -> None:
    assert fmt("%1 h %2 min", 2, 10) == "2 h 10 min"
    assert fmt("%2 of %1", "a", "b") == "b of a"
    assert fmt("Box %1", "%2", "x") == "Box %2"  # one pass: a value is never filled again
    assert fmt("%1 and %3", "a") == "a and %3"
