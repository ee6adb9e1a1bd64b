"""Taking photo evidence: a camera view with a shutter, or a photo file, saved by the store.

    dialog = PhotoCaptureDialog(save=lambda data: store.save_photo(data, ...).sha256,
                                subject="LU123: damaged", parent=window)
    if dialog.exec():            # Done
        hashes = dialog.taken    # SHA-256 of each photo kept, in order

Frames come from a ``shared.qt.camera.FrameSource`` (the system camera through Qt Multimedia in the
apps, a virtual one in tests and screenshots). The shutter keeps the newest frame as a JPEG; a file
that is already a JPEG or PNG is kept byte for byte (its EXIF stays), anything else Qt can read is
turned into a JPEG. Nothing is kept until ``save`` returned (the store writes it to disk first).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shared.domain.evidence import MAX_PHOTO_BYTES, EvidenceRefused, sniff_image
from shared.qt.messages import fmt

from .camera import FrameSource, as_qimage, default_camera_source

MAX_SIDE = 2560  # a frame larger than this is scaled down before it is kept
JPEG_QUALITY = 88
PREVIEW = QSize(640, 400)
COMPACT_PREVIEW = QSize(400, 300)  # the terminal: 480 px wide, the dialog's margins around it
THUMB = QSize(120, 90)
COMPACT_THUMB = QSize(64, 48)


def jpeg_bytes(image: QImage, quality: int = JPEG_QUALITY) -> bytes:
    """A QImage as JPEG bytes (scaled down to MAX_SIDE; lower quality until it fits the limit)."""
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    while True:
        out = QByteArray()
        buffer = QBuffer(out)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "JPEG", quality)  # type: ignore[call-overload]  # the stub says bytes; str works
        buffer.close()
        data = bytes(out.data())
        if len(data) <= MAX_PHOTO_BYTES or quality <= 40:
            return data
        quality -= 15


def photo_from_file(path: Path) -> bytes:
    """The bytes to keep for a chosen file; EvidenceRefused when it is not a picture."""
    data = path.read_bytes()
    if sniff_image(data) is not None and len(data) <= MAX_PHOTO_BYTES:
        return data
    image = QImage.fromData(data)
    if image.isNull():
        raise EvidenceRefused("unsupported_media", "not a picture")
    return jpeg_bytes(image)


class PhotoCaptureDialog(QDialog):
    def __init__(
        self,
        save: Callable[[bytes], str],
        *,
        subject: str = "",
        source_factory: Callable[[], FrameSource] | None = None,
        pick_file: Callable[[], str | None] | None = None,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``compact``: the terminal's layout (fits 480x800; the preview above a strip of thumbnails,
        the handheld's keys F1 photo, F2 file, Enter done, Esc back)."""
        super().__init__(parent)
        self.setObjectName("PhotoCapture")
        self.setWindowTitle(self.tr("Photo evidence"))
        self._save = save
        self._source_factory = source_factory or default_camera_source
        self._pick_file = pick_file
        self._compact = compact
        self._source: FrameSource | None = None
        self._frame: QImage | None = None
        self.taken: list[str] = []

        self.subject = QLabel(subject, self)
        self.subject.setObjectName("photoSubject")
        self.subject.setWordWrap(True)
        self.subject.setVisible(bool(subject))
        self.preview = QLabel(self)
        self.preview.setObjectName("photoPreview")
        self.preview.setMinimumSize(COMPACT_PREVIEW if compact else PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #222; color: #eee;")
        self.thumbs = QListWidget(self)
        self.thumbs.setObjectName("photoThumbs")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(THUMB)
        if compact:
            self.thumbs.setIconSize(COMPACT_THUMB)
            self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
            self.thumbs.setWrapping(False)
            self.thumbs.setFixedHeight(COMPACT_THUMB.height() + 16)
        else:
            self.thumbs.setFixedWidth(THUMB.width() + 40)
        self.thumbs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel(self)
        self.message.setObjectName("photoMessage")
        self.message.setWordWrap(True)

        if compact:  # a handheld has F-keys and Enter, rarely a space bar or Ctrl
            shutter, from_file = self.tr("F1  Photo"), self.tr("F2  File…")
        else:
            shutter, from_file = self.tr("Space  Take photo"), self.tr("Ctrl+O  From file…")
        self.shutter = QPushButton(shutter, self)
        self.shutter.setObjectName("photoShutter")
        self.shutter.setProperty("primary", True)
        self.shutter.clicked.connect(self.take)
        self.from_file = QPushButton(from_file, self)
        self.from_file.clicked.connect(self.choose_file)
        self.done_button = QPushButton(self.tr("Enter  Done"), self)
        self.done_button.clicked.connect(self.accept)
        keys = [("Space", self.take), ("Ctrl+O", self.choose_file), ("Return", self.accept)]
        keys += [("F1", self.take), ("F2", self.choose_file), ("Enter", self.accept)] if compact else []
        for key, slot in keys:
            QShortcut(QKeySequence(key), self, slot)
        for button in (self.shutter, self.from_file, self.done_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if compact:
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        row = QVBoxLayout() if compact else QHBoxLayout()
        row.addWidget(self.preview, 1)
        row.addWidget(self.thumbs)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.shutter)
        buttons.addWidget(self.from_file)
        if compact:  # Done on a row of its own: three buttons do not fit 480 px with their keys
            layout.addLayout(buttons)
            buttons = QHBoxLayout()
        else:
            buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self._start_camera()

    # --- camera ---------------------------------------------------------------------------------
    def _start_camera(self) -> None:
        try:
            source = self._source_factory()
            started = source.start()
        except Exception:  # no Qt Multimedia backend, no device: the file picker still works
            source, started = None, False
        if not started or source is None:
            self.preview.setText(
                self.tr("No camera found: choose a photo file (F2).")
                if self._compact
                else self.tr("No camera found: choose a photo file (Ctrl+O).")
            )
            self.shutter.setEnabled(False)
            return
        self._source = source
        source.frameReady.connect(self._on_frame)
        self.preview.setText(self.tr("Starting the camera…"))

    def _on_frame(self, frame: Any) -> None:
        image = as_qimage(frame)
        if image.isNull():
            return
        self._frame = image
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )

    def stop_camera(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            source.stop()

    def done(self, result: int) -> None:
        self.stop_camera()
        super().done(result)

    # --- keeping photos -------------------------------------------------------------------------
    def take(self) -> None:
        """Keep the newest camera frame."""
        if self._frame is None:
            self.message.setText(self.tr("The camera has not shown a picture yet."))
            return
        self.keep(jpeg_bytes(self._frame))

    def choose_file(self) -> None:
        if self._pick_file is not None:
            name = self._pick_file()
        else:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Choose a photo"), "", self.tr("Pictures (*.jpg *.jpeg *.png *.bmp *.webp)")
            )
        if not name:
            return
        try:
            data = photo_from_file(Path(name))
        except (OSError, EvidenceRefused):
            self.message.setText(self.tr("This file is not a picture that can be kept."))
            return
        self.keep(data)

    def keep(self, data: bytes) -> str | None:
        """Save one photo through ``save``; show it among the kept ones. Returns its SHA-256."""
        try:
            sha = self._save(data)
        except EvidenceRefused:
            self.message.setText(self.tr("This picture cannot be kept: only JPEG or PNG up to 8 MiB."))
            return None
        except Exception as exc:  # the store refused the write (disk full, read-only)
            self.message.setText(
                fmt(self.tr("The photo was not saved: %1"), getattr(exc, "message", str(exc)))
            )
            return None
        if sha not in self.taken:
            self.taken.append(sha)
            image = QImage.fromData(data)
            item = QListWidgetItem(
                QIcon(QPixmap.fromImage(image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))), ""
            )
            item.setToolTip(sha[:12])
            self.thumbs.addItem(item)
        self.message.setText(
            fmt(
                self.tr("Photo kept (%1 in all). It is sent to the server with the next sync."),
                len(self.taken),
            )
        )
        return sha
