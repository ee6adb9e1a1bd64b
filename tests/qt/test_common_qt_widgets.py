"""Common widgets and models: the status bar, the step prompt, record tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from shared.domain import ManualClock
from shared.qt import i18n
from shared.qt.models import Column, RecordTableModel
from shared.qt.operations import Operations, SyncRunner
from shared.qt.status import SCANNER_DISCONNECTED, SCANNER_OK, StatusModel
from shared.qt.widgets import ProgressStrip, StatusBar, StepPrompt


@pytest.fixture
def english(qapp):
    translators = i18n.install(qapp, "en", ["common"])
    yield
    i18n.uninstall(qapp, translators)
    i18n.install(qapp, "ru", [])


def test_status_bar_shows_sync_scanner_user_and_site(qtbot, english) -> None:
    clock = ManualClock(datetime(2026, 3, 1, 10, 0, tzinfo=UTC))
    model = StatusModel(clock)
    bar = StatusBar(model)
    qtbot.addWidget(bar)
    assert bar.connection.text() == "● Offline"
    model.update(
        online=True,
        pending=3,
        oldest_pending_at=clock.now() - timedelta(minutes=4),
        last_sync_at=clock.now() - timedelta(minutes=1),
        conflicts=2,
        scanner=SCANNER_OK,
        user="Anna",
        site="PVZ-DEMO-1",
    )
    assert bar.connection.text() == "● Online"
    assert bar.pending.text() == "Pending: 3 (oldest 4 min)"
    assert bar.last_sync.text() == "Last sync: 1 min"
    assert bar.conflicts.text() == "Conflicts: 2"
    assert bar.conflicts.property("tone") == "error"
    assert bar.scanner.text() == "Scanner: ready"
    assert bar.user.text() == "Anna"
    assert bar.site.text() == "PVZ-DEMO-1"
    model.update(online=False, scanner=SCANNER_DISCONNECTED, last_error="connection refused")
    assert bar.connection.text() == "● Offline"
    assert bar.connection.toolTip() == "connection refused"
    assert bar.scanner.text() == "Scanner: disconnected"


def test_status_bar_in_russian(qtbot, qapp) -> None:
    translators = i18n.install(qapp, "ru", ["common"])
    try:
        model = StatusModel(ManualClock())
        bar = StatusBar(model)
        qtbot.addWidget(bar)
        model.update(online=True)
        assert bar.connection.text() == "● В сети"
    finally:
        i18n.uninstall(qapp, translators)


def test_status_model_copies_a_core_status(qtbot) -> None:
    @dataclass
    class CoreStatus:
        online: bool
        pending: int
        unrelated: str = "x"

    model = StatusModel(ManualClock())
    seen = []
    model.changed.connect(seen.append)
    model.update_from(CoreStatus(True, 5))
    model.update_from(CoreStatus(True, 5))  # no change, no signal
    assert len(seen) == 1
    assert model.snapshot.pending == 5


def test_step_prompt_tones(qtbot) -> None:
    prompt = StepPrompt()
    qtbot.addWidget(prompt)
    prompt.set_step("Scan a box", "a box label from the courier")
    assert (prompt.text, prompt.hint, prompt.tone) == ("Scan a box", "a box label from the courier", "info")
    prompt.set_step("Wrong label", tone="error")
    assert prompt.tone == "error"
    assert prompt.property("tone") == "error"
    with pytest.raises(ValueError):
        prompt.set_step("x", tone="purple")


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    ready: bool


def test_record_table_model(qtbot) -> None:
    model: RecordTableModel[Row] = RecordTableModel(
        [Column("Key", lambda r: r.key), Column("Name", lambda r: r.name)],
        key=lambda r: r.key,
        greyed=lambda r: None if r.ready else "in transit",
    )
    model.set_rows([Row("a", "Alpha", True), Row("b", "Beta", False)])
    assert model.rowCount() == 2
    assert model.cell_text(1, 1) == "Beta"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Key"
    assert model.is_greyed(1) == "in transit"
    assert model.is_greyed(0) is None
    assert model.find("b") == 1
    assert model.update_row(Row("b", "Beta 2", True))
    assert model.cell_text(1, 1) == "Beta 2"
    assert model.is_greyed(1) is None
    assert model.find("zzz") == -1


def test_progress_strip_follows_long_operations(qtbot) -> None:
    ops = Operations(SyncRunner())
    strip = ProgressStrip(ops)
    qtbot.addWidget(strip)
    strip.show()
    seen: list[tuple[bool, str]] = []

    def long(p) -> None:  # type: ignore[no-untyped-def]
        p.report(1, 2, "Half way")
        seen.append((strip.isVisible(), strip.text))

    ops.run_with_progress(long, "Syncing")
    assert seen and seen[0][1] in ("Syncing", "Half way")
    assert not strip.isVisible()  # hidden once the work is done


def test_the_desktop_bar_and_the_terminal_strip_show_the_same_cells_in_their_own_words(
    qtbot, english
) -> None:
    from scanner_app.status_strip import TerminalStatusStrip

    clock = ManualClock(datetime(2026, 3, 1, 10, 0, tzinfo=UTC))
    model = StatusModel(clock)
    bar, strip = StatusBar(model), TerminalStatusStrip(model)
    qtbot.addWidget(bar)
    qtbot.addWidget(strip)
    cells = ("connection", "pending", "last_sync", "conflicts", "scanner")

    def tones(widget: StatusBar | TerminalStatusStrip) -> list[str]:
        return [getattr(widget, name).property("tone") for name in cells]

    error = "connection refused by 127.0.0.1:8700 after three retries, giving up"
    model.update(
        online=False,
        pending=2,
        oldest_pending_at=clock.now() - timedelta(minutes=7),
        last_sync_at=clock.now() - timedelta(hours=2, minutes=5),
        last_error=error,
        conflicts=1,
        scanner=SCANNER_DISCONNECTED,
        scanner_detail="/dev/ttyACM0 gone",
    )
    assert tones(bar) == tones(strip) == ["error", "warn", "", "error", "error"]
    assert bar.pending.text() == "Pending: 2 (oldest 7 min)"
    assert strip.pending.text() == "Pending 2 (7 min)"
    assert bar.last_sync.text() == "Last sync: 2 h 5 min"  # the wide bar keeps the error in a tooltip
    assert strip.last_sync.text() == f"Synced: 2 h 5 min · {error[:40]}"  # the narrow strip shows it
    assert bar.connection.toolTip() == strip.connection.toolTip() == error
    assert bar.scanner.toolTip() == strip.scanner.toolTip() == "/dev/ttyACM0 gone"
    assert (bar.scanner.text(), strip.scanner.text()) == ("Scanner: disconnected", "Scanner ✗")

    model.update(online=True, syncing=True, pending=0, last_error="", conflicts=0, scanner=SCANNER_OK)
    assert tones(bar) == tones(strip) == ["ok", "", "", "", "ok"]
    assert (bar.connection.text(), strip.connection.text()) == ("● Syncing…", "● Syncing")
    assert strip.last_sync.text() == "Synced: 2 h 5 min"
    assert bar.connection.toolTip() == ""
