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
    synced = (clock.now() - timedelta(minutes=1)).astimezone().strftime("%H:%M")
    assert bar.last_sync.text() == f"Last sync: {synced} (1 min)"
    assert bar.conflicts.text() == "Conflicts: 2"
    assert bar.conflicts.property("tone") == "error"
    assert bar.scanner.text() == "Scanner: ready"
    assert bar.user.text() == "Anna"
    assert bar.site.text() == "PVZ-DEMO-1"
    model.update(
        online=False,
        scanner=SCANNER_DISCONNECTED,
        last_error="нет связи с сервером",
        error_kind="network",
        error_code="connect",
    )
    assert bar.connection.text() == "● Offline"
    assert bar.reason.text() == "No connection to the server."  # in words, on the bar
    assert bar.connection.toolTip() == "нет связи с сервером"  # the engine's detail for an admin
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
    cells = ("connection", "pending", "last_sync", "conflicts", "scanner", "reason")

    def tones(widget: StatusBar | TerminalStatusStrip) -> list[str]:
        return [getattr(widget, name).property("tone") for name in cells]

    error = "нет ответа от сервера (таймаут)"
    synced_at = clock.now() - timedelta(hours=2, minutes=5)
    model.update(
        online=False,
        pending=2,
        oldest_pending_at=clock.now() - timedelta(minutes=7),
        last_sync_at=synced_at,
        last_error=error,
        error_kind="network",
        error_code="timeout",
        conflicts=1,
        scanner=SCANNER_DISCONNECTED,
        scanner_detail="/dev/ttyACM0 gone",
    )
    hhmm = synced_at.astimezone().strftime("%H:%M")
    assert tones(bar) == tones(strip) == ["error", "warn", "", "error", "error", "error"]
    assert bar.pending.text() == "Pending: 2 (oldest 7 min)"
    assert strip.pending.text() == "Pending 2 (7 min)"
    assert bar.last_sync.text() == f"Last sync: {hhmm} (2 h 5 min)"
    assert strip.last_sync.text() == f"Synced {hhmm}"
    assert bar.reason.text() == strip.reason.text() == "No answer from the server."
    assert bar.connection.toolTip() == strip.connection.toolTip() == error
    assert bar.scanner.toolTip() == strip.scanner.toolTip() == "/dev/ttyACM0 gone"
    assert (bar.scanner.text(), strip.scanner.text()) == ("Scanner: disconnected", "Scanner ✗")

    model.update(
        online=True, syncing=True, pending=0, last_error="", error_kind="", conflicts=0, scanner=SCANNER_OK
    )
    assert tones(bar) == tones(strip) == ["ok", "", "", "", "ok", ""]
    assert (bar.connection.text(), strip.connection.text()) == ("● Syncing…", "● Syncing")
    assert bar.reason.text() == "" and bar.reason.isHidden()
    assert bar.connection.toolTip() == ""


class EngineStatus:
    """What shared.sync.SyncStatus carries, for feeding the model as the engine would."""

    def __init__(self, **kw: object) -> None:
        self.online = False
        self.syncing = False
        self.pending = 0
        self.oldest_pending_age_s = None
        self.last_sync_at = None
        self.last_error = ""
        self.last_error_kind = ""
        self.last_error_code = ""
        self.needs_login = False
        self.progress_done = None
        self.conflicts = 0
        self.__dict__.update(kw)


def test_a_silent_server_shows_no_answer_within_ten_seconds_and_retries_do_not_flash_green(
    qtbot, english
) -> None:
    clock = ManualClock(datetime(2026, 3, 1, 10, 0, tzinfo=UTC))
    model = StatusModel(clock)
    bar = StatusBar(model)
    qtbot.addWidget(bar)
    good = clock.now()
    model.update_from_sync(EngineStatus(online=True, last_sync_at=good, pending=3))
    assert bar.connection.text() == "● Online"
    assert model.snapshot.last_sync_at == good  # the engine's last_sync_at (not "last_success")

    # a sync starts and the server goes quiet (frozen): after 10 s the bar says so, not "Syncing…"
    model.update_from_sync(EngineStatus(online=True, syncing=True, last_sync_at=good, pending=3))
    assert bar.connection.text() == "● Syncing…"
    clock.advance(9)
    bar.tick()
    assert bar.connection.text() == "● Syncing…"
    clock.advance(2)
    bar.tick()
    assert bar.connection.text() == "● No answer" and bar.connection.property("tone") == "error"
    assert bar.reason.text() == "No answer from the server for 11 s."
    # the sync gives up after its retries: offline, with the reason
    failed = dict(last_sync_at=good, pending=3, last_error="x", last_error_kind="network")
    model.update_from_sync(EngineStatus(syncing=True, last_error_code="timeout", **failed))
    model.update_from_sync(EngineStatus(last_error_code="timeout", **failed))
    seen: list[str] = []
    model.changed.connect(lambda _s: seen.append(bar.connection.text()))
    # the next tries while still frozen: red all along, no green flash at each attempt
    for _ in range(3):
        model.update_from_sync(EngineStatus(syncing=True, last_error_code="timeout", **failed))
        clock.advance(12)
        bar.tick()
        seen.append(bar.connection.text())
        model.update_from_sync(EngineStatus(last_error_code="timeout", **failed))
    assert "● Syncing…" not in seen and "● Online" not in seen, seen
    assert set(seen) <= {"● Offline", "● No answer"}
    assert bar.reason.text() == "No answer from the server."
    # a batch landing during a long sync is a sign of life: no "no answer" while data flows
    model.update_from_sync(EngineStatus(online=True, syncing=True, last_sync_at=good, pending=3))
    for left in (2, 1):
        clock.advance(8)
        model.update_from_sync(EngineStatus(online=True, syncing=True, last_sync_at=good, pending=left))
        assert bar.connection.text() == "● Syncing…"


def test_seq_gap_and_login_are_said_in_words_while_online(qtbot, english) -> None:
    model = StatusModel(ManualClock(datetime(2026, 3, 1, 10, 0, tzinfo=UTC)))
    bar = StatusBar(model)
    qtbot.addWidget(bar)
    model.update_from_sync(
        EngineStatus(
            online=True, last_error="разрыв нумерации", last_error_kind="permanent", last_error_code="seq_gap"
        )
    )
    assert bar.connection.text() == "● Online"
    assert "missing earlier operations" in bar.reason.text() and not bar.reason.isHidden()
    model.update_from_sync(EngineStatus(needs_login=True, last_error_kind="auth"))
    assert bar.connection.text() == "● Offline" and bar.reason.text() == ""  # nobody to ask yet
    model.update(user="anna")
    assert bar.connection.text() == "● Log in again"
    assert "log in again" in bar.reason.text()


def test_a_long_status_gives_way_instead_of_widening_the_window(qtbot, english) -> None:
    """At a busy counter the strip says a lot (pending with its age, the last sync, a long user and
    site name): the cells that may give way are cut with '…' so the window still fits the screen."""
    clock = ManualClock(datetime(2026, 3, 1, 10, 0, tzinfo=UTC))
    model = StatusModel(clock)
    bar = StatusBar(model)
    qtbot.addWidget(bar)
    model.update(
        online=True,
        pending=12345,
        oldest_pending_at=clock.now() - timedelta(hours=5),
        last_sync_at=clock.now() - timedelta(minutes=42),
        conflicts=7,
        scanner=SCANNER_DISCONNECTED,
        user="Константинопольская Анастасия Владиславовна",
        site="PVZ-MOSKVA-NOVOKOSINSKAYA-ULITSA-0001",
    )
    whole = sum(w.sizeHint().width() for w in (bar.pending, bar.last_sync, bar.scanner, bar.user, bar.site))
    assert bar.minimumSizeHint().width() < 800 < whole  # everything said would need more than 800 px
    bar.resize(800, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.user.text() == "Константинопольская Анастасия Владиславовна"  # the text stays whole
    assert bar.connection.width() >= bar.connection.sizeHint().width()  # online/offline never cut
    assert bar.conflicts.width() >= bar.conflicts.sizeHint().width()
