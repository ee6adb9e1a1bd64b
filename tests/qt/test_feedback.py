"""Scan feedback: colour and message in the same frame, distinct sounds, silence without audio."""

from __future__ import annotations

import itertools
import struct
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shared.qt.feedback import COLOURS, Feedback, FeedbackBanner, SoundPlayer, Tone, sounds_dir
from shared.qt.i18n import translations_dir
from shared.scanning import FaultKind, Health, HealthState, ScanFault


def banner_colour(banner: FeedbackBanner) -> QColor:
    return banner.grab().toImage().pixelColor(3, 3)


@pytest.mark.parametrize(
    ("call", "tone"),
    [("success", Tone.SUCCESS), ("warning", Tone.WARNING), ("error", Tone.ERROR)],
)
def test_banner_shows_colour_and_message_without_waiting_for_the_event_loop(
    qtbot: QtBot, call: str, tone: Tone
) -> None:
    player = SoundPlayer(enabled=False)
    feedback = Feedback(player)
    banner = FeedbackBanner(feedback)
    qtbot.addWidget(banner)
    banner.resize(400, 60)
    banner.show()
    qtbot.waitExposed(banner)
    getattr(feedback, call)("Ячейка 42: положите товар")
    # no event processing in between: what the next frame paints is already decided
    assert banner.text == "Ячейка 42: положите товар"
    assert banner_colour(banner) == QColor(COLOURS[tone][0])
    assert player.played == [tone]


def test_real_player_without_an_audio_device_is_silent_not_a_crash(qtbot: QtBot) -> None:
    player = SoundPlayer()  # the real QSoundEffect path; CI has no audio device
    feedback = Feedback(player)
    for _ in range(3):
        feedback.success("ok")
        feedback.error("not ok")
        feedback.warning("hm")
        feedback.repeat("U000000000017")
    qtbot.wait(50)
    assert player.played[:4] == [Tone.SUCCESS, Tone.ERROR, Tone.WARNING, Tone.REPEAT]


def test_missing_sound_files_are_not_fatal(tmp_path: Path) -> None:
    player = SoundPlayer(tmp_path)
    Feedback(player).error("still shown")
    assert player.played == [Tone.ERROR]


def _tr(source: str) -> str:
    return QCoreApplication.translate("Feedback", source)


def test_fault_and_health_messages_say_what_to_do(qtbot: QtBot) -> None:
    """Messages are the translated texts (Russian by default), each naming the next step."""
    feedback = Feedback(SoundPlayer(enabled=False))
    banner = FeedbackBanner(feedback)
    qtbot.addWidget(banner)
    feedback.fault(ScanFault(FaultKind.TOO_LONG, "x", b"", "serial", 1.0))
    assert banner.tone is Tone.ERROR
    assert banner.text == _tr(
        "The scan was too long and was discarded. Scan the label again; if it repeats, check the scanner's suffix setting."
    )
    feedback.fault(ScanFault(FaultKind.GARBLED, "x", b"", "serial", 1.0))
    assert banner.text == _tr(
        "The scanner sent unreadable data. Scan again; if it repeats, check the port speed (baud rate) in settings."
    )
    feedback.health(HealthState(Health.RECONNECTING, "lost"))
    assert banner.tone is Tone.WARNING
    assert banner.text == _tr("Scanner disconnected. Plug it back in; it reconnects by itself.")
    feedback.health(HealthState(Health.CONNECTED, ""))
    assert banner.tone is Tone.INFO


def test_russian_catalog_has_the_feedback_texts(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "common_ru.qm"))
    assert "Отсканируйте этикетку ещё раз" in translator.translate(
        "Feedback",
        "The scan was too long and was discarded. Scan the label again; if it repeats, check the scanner's suffix setting.",
    )
    assert translator.translate("Feedback", "Scanner connected.") == "Сканер подключён."


def _read(name: str) -> tuple[int, list[int]]:
    with wave.open(str(sounds_dir() / f"{name}.wav"), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        frames = w.readframes(w.getnframes())
        return w.getframerate(), list(struct.unpack(f"<{len(frames) // 2}h", frames))


def _dominant_hz(rate: int, samples: list[int]) -> float:
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return crossings * rate / len(samples)


def _sounding_ms(rate: int, samples: list[int]) -> float:
    return sum(1 for s in samples if abs(s) > 500) * 1000 / rate


def test_sounds_are_short_and_distinct() -> None:
    rate, success = _read("success")
    assert 70 <= len(success) * 1000 / rate <= 90
    assert 950 <= _dominant_hz(rate, success) <= 1050  # a 1 kHz beep

    rate, error = _read("error")
    assert 280 <= len(error) * 1000 / rate <= 320
    assert _dominant_hz(rate, error) < 250  # a low buzz

    rate, warning = _read("warning")
    half = len(warning) // 2
    assert (
        _dominant_hz(rate, warning[: half // 2]) > _dominant_hz(rate, warning[-half // 2 :]) + 100
    )  # two tones

    rate, repeat = _read("repeat")
    assert _sounding_ms(rate, repeat) < 60  # two ticks, clearly not the success beep
