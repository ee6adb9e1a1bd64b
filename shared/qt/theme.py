"""Large, high-contrast look for both apps: one stylesheet with sizes scaled to the device.

``@ICONS@`` in a stylesheet is the assets/icons folder (arrows of spin boxes and combo boxes).

``apply_theme(app, scale)`` loads ``assets/styles/common.qss`` plus an optional app stylesheet
(``assets/styles/<app>.qss``), fills the size placeholders and sets the application font. The PVZ
counter PC uses scale 1.0; a small handheld screen might use 0.85. Colours (:data:`TONES`) are
shared with widgets that paint themselves (table rows, the step prompt).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication


def styles_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets" / "styles"
    return Path(__file__).resolve().parents[2] / "assets" / "styles"


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes the stylesheet uses; the base is large enough to read at arm's length."""

    base: int = 18
    small: int = 15
    title: int = 26
    prompt: int = 34
    nav: int = 19
    button: int = 40

    def scaled(self, factor: float) -> Sizes:
        return Sizes(
            *(
                max(10, round(v * factor))
                for v in (self.base, self.small, self.title, self.prompt, self.nav, self.button)
            )
        )


TONES: dict[str, QColor] = {
    "ok": QColor("#147a2e"),
    "error": QColor("#c00018"),
    "warn": QColor("#a65f00"),
    "info": QColor("#1f4fd1"),
    "muted": QColor("#8a8a8a"),
    "ok_bg": QColor("#e9f7ed"),
    "error_bg": QColor("#ffecee"),
    "warn_bg": QColor("#fff5e0"),
    "muted_bg": QColor("#f0f0f0"),
}


def stylesheet(sizes: Sizes, app_name: str | None = None, directory: Path | None = None) -> str:
    folder = directory or styles_dir()
    text = (folder / "common.qss").read_text(encoding="utf-8")
    if app_name:
        extra = folder / f"{app_name}.qss"
        if extra.exists():
            text += "\n" + extra.read_text(encoding="utf-8")
    for name, value in (
        ("BASE", sizes.base),
        ("SMALL", sizes.small),
        ("TITLE", sizes.title),
        ("PROMPT", sizes.prompt),
        ("NAV", sizes.nav),
        ("BUTTON", sizes.button),
    ):
        text = text.replace(f"@{name}@", str(value))
    return text.replace("@ICONS@", (folder.parent / "icons").as_posix())


def apply_theme(app: QApplication, scale: float = 1.0, app_name: str | None = None) -> Sizes:
    """Set the font and stylesheet on ``app``; returns the sizes used."""
    sizes = Sizes().scaled(scale)
    font = QFont(app.font())
    font.setPointSizeF(sizes.base * 0.75)  # px -> pt at 96 dpi; widgets that scale pointSize keep working
    app.setFont(font)
    app.setStyleSheet(stylesheet(sizes, app_name))
    return sizes


def repolish(widget: object) -> None:
    """Re-apply the stylesheet after a dynamic property (tone, role) changed."""
    style = widget.style()  # type: ignore[attr-defined]
    style.unpolish(widget)
    style.polish(widget)
