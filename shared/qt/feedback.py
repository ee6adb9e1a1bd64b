"""Scan feedback: a sound and a coloured message, shown in the same frame as the scan.

    feedback = Feedback()                      # one per window, injected into screens
    banner = FeedbackBanner(feedback)          # a screen embeds it where the message shows
    feedback.success(tr("Unit placed: cell 42"))
    feedback.error(tr("Unknown code. Scan the unit label (starts with U), not the product barcode."))

Messages come from the caller and should say what to do next. The sounds are WAVs in assets/sounds
(see generate.py there) played with QSoundEffect; with no audio device (a terminal without a
speaker, CI, a missing PulseAudio) playing is silently skipped: feedback never crashes a screen.
"""

from __future__ import annotations

import logging
import sys
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from shared.qt.scanner_bridge import emit_signal
from shared.scanning.events import FaultKind, Health, HealthState, ScanFault

log = logging.getLogger(__name__)


def sounds_dir() -> Path:
    """assets/sounds in a source checkout or in a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets" / "sounds"
    return Path(__file__).resolve().parents[2] / "assets" / "sounds"


class Tone(StrEnum):
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"
    REPEAT = "repeat"  # a repeat scan, ignored by the debouncer
    INFO = "info"  # no sound: a neutral message ("Scan a box label")


# background, text colour; high contrast, readable at arm's length on a counter PC
COLOURS: dict[Tone, tuple[str, str]] = {
    Tone.SUCCESS: ("#1e7b34", "#ffffff"),
    Tone.WARNING: ("#f0b400", "#1a1a1a"),
    Tone.ERROR: ("#c62828", "#ffffff"),
    Tone.REPEAT: ("#37474f", "#ffffff"),
    Tone.INFO: ("#eceff1", "#1a1a1a"),
}


class SoundPlayer:
    """Plays the tone WAVs; any failure (no QtMultimedia backend, no device) means silence."""

    def __init__(self, directory: Path | None = None, *, enabled: bool = True, volume: float = 0.8) -> None:
        self.sounds_dir = directory or sounds_dir()
        self.enabled = enabled
        self.volume = volume
        self._effects: dict[Tone, object] = {}
        self._broken = False
        self.played: list[Tone] = []  # what was asked to play, in order (diagnostics, tests)

    def play(self, tone: Tone) -> None:
        if tone is Tone.INFO:
            return
        self.played.append(tone)
        if not self.enabled or self._broken:
            return
        try:
            effect = self._effects.get(tone)
            if effect is None:
                from PySide6.QtMultimedia import QSoundEffect

                path = self.sounds_dir / f"{tone.value}.wav"
                if not path.exists():
                    log.warning("sound file missing: %s", path)
                    return
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(self.volume)
                self._effects[tone] = effect
            effect.play()  # type: ignore[attr-defined]
        except Exception:  # an absent multimedia backend must not break scanning
            log.exception("sound playback unavailable; continuing silently")
            self._broken = True


class Feedback(QObject):
    """What a screen calls after handling a scan. Emits `shown(tone, message)` synchronously, so a
    connected `FeedbackBanner` repaints in the next frame, and starts the tone's sound."""

    shown = Signal(str, str)  # Tone value, message

    def __init__(self, player: SoundPlayer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player or SoundPlayer()
        self.last: tuple[Tone, str] | None = None

    def show(self, tone: Tone, message: str) -> None:
        self.last = (tone, message)
        emit_signal(self.shown, tone.value, message)
        self.player.play(tone)

    def success(self, message: str) -> None:
        self.show(Tone.SUCCESS, message)

    def warning(self, message: str) -> None:
        self.show(Tone.WARNING, message)

    def error(self, message: str) -> None:
        self.show(Tone.ERROR, message)

    def info(self, message: str) -> None:
        self.show(Tone.INFO, message)

    def repeat(self, code: str = "") -> None:
        """A repeat scan the debouncer ignored (connect ScannerBridge.repeated here)."""
        msg = QCoreApplication.translate("Feedback", "Already scanned, counted once. Scan the next item.")
        self.show(Tone.REPEAT, f"{msg} ({code})" if code else msg)

    def fault(self, fault: ScanFault) -> None:
        """A driver discarded input (connect ScannerBridge.faulted here)."""
        messages = {
            FaultKind.TOO_LONG: QCoreApplication.translate(
                "Feedback",
                "The scan was too long and was discarded. Scan the label again; if it repeats, check the scanner's suffix setting.",
            ),
            FaultKind.GARBLED: QCoreApplication.translate(
                "Feedback",
                "The scanner sent unreadable data. Scan again; if it repeats, check the port speed (baud rate) in settings.",
            ),
            FaultKind.INCOMPLETE: QCoreApplication.translate(
                "Feedback",
                "The scan was cut off. Scan again; if it repeats, set the scanner's suffix to Enter.",
            ),
            FaultKind.DEVICE: QCoreApplication.translate(
                "Feedback", "The scanner reported an error. Unplug it and plug it back in."
            ),
        }
        self.show(Tone.ERROR, messages.get(fault.kind, fault.message))

    def health(self, state: HealthState) -> None:
        """A driver's health changed (connect ScannerBridge.healthChanged here)."""
        if state.state is Health.CONNECTED:
            self.show(Tone.INFO, QCoreApplication.translate("Feedback", "Scanner connected."))
        elif state.state is Health.RECONNECTING:
            self.show(
                Tone.WARNING,
                QCoreApplication.translate(
                    "Feedback", "Scanner disconnected. Plug it back in; it reconnects by itself."
                ),
            )
        else:
            self.show(
                Tone.WARNING,
                QCoreApplication.translate(
                    "Feedback", "No scanner found. Plug it in or choose its port in settings."
                ),
            )


class FeedbackBanner(QWidget):
    """A coloured strip with the latest feedback message; screens embed it (one per screen)."""

    def __init__(self, feedback: Feedback | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedbackBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.label.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.tone: Tone = Tone.INFO
        self.show_message(Tone.INFO.value, "")
        if feedback is not None:
            self.attach(feedback)

    def attach(self, feedback: Feedback) -> None:
        feedback.shown.connect(self.show_message)

    @property
    def text(self) -> str:
        return self.label.text()

    def show_message(self, tone: str, message: str) -> None:
        self.tone = Tone(tone)
        bg, fg = COLOURS[self.tone]
        self.setStyleSheet(f"#FeedbackBanner {{ background: {bg}; }} QLabel {{ color: {fg}; }}")
        self.label.setText(message)
        self.setAccessibleDescription(f"{self.tone.value}: {message}")
        self.repaint()  # paint now: the colour must change in the same frame as the scan
