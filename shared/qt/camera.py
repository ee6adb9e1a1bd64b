"""Camera scanning in Qt: frame sources, a preview with the scan area, and the panel both apps open.

    panel = CameraPanel(bridge, source_factory=None, clock=clock)   # None: the system's camera
    panel.toggle()        # a key (F11 at the PVZ, F6 on the terminal) or a button

A frame source is a `FrameSource`: `QtCameraSource` (Qt Multimedia: QCamera -> QMediaCaptureSession
-> QVideoSink) in the apps, `ImageFrameSource` (a list or iterator of images) in tests, the demo and
the screenshot. The panel converts a frame to grayscale, cuts out the scan area drawn on the preview
and offers it to a `shared.scanning.camera.CameraScanner`, which decodes on its own thread and drops
frames while it is busy. The scanner is one more driver of the app's `ScannerBridge`: a code read
from the camera is debounced, routed to the active screen and parsed exactly like a hardware scan.

Qt Multimedia and zxing-cpp are imported when the camera is first opened, so an app whose camera
stays closed loads neither. Closing the panel (or hiding the screen it is on) stops the camera.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from shared.domain.clock import Clock
from shared.qt.messages import fmt
from shared.scanning.camera import CameraScanner
from shared.scanning.events import Health, ScanEvent

from .scanner_bridge import ScannerBridge, emit_signal

# The scan area, as fractions of the frame (x, y, width, height): only this part is decoded (a third
# of the pixels fewer, and a label lying at the edge of the desk is not read by accident).
SCAN_AREA = (0.125, 0.125, 0.75, 0.75)
PREVIEW_FPS = 15  # repaints of the preview a second; decoding has its own pace


class FrameSource(QObject):
    """Where frames come from. Emits `frameReady(QImage | QVideoFrame)` on the GUI thread."""

    frameReady = Signal(object)
    failed = Signal(str)  # the camera stopped with an error (unplugged, taken by another program)

    def description(self) -> str:
        """The camera's name for the status line."""
        return ""

    def start(self) -> bool:
        """Start delivering frames; False when there is no such camera."""
        return False

    def stop(self) -> None:
        """Stop delivering frames (idempotent)."""


def _pil_to_qimage(img: Any) -> QImage:
    if img.mode == "L":
        return QImage(img.tobytes(), img.width, img.height, img.width, QImage.Format.Format_Grayscale8).copy()
    rgb = img.convert("RGB")
    return QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


def as_qimage(frame: Any) -> QImage:
    """A QImage of a frame: a QImage, a QVideoFrame (Qt Multimedia) or a Pillow image."""
    if isinstance(frame, QImage):
        return frame
    to_image = getattr(frame, "toImage", None)
    if callable(to_image):
        image = to_image()
        assert isinstance(image, QImage)
        return image
    return _pil_to_qimage(frame)


class ImageFrameSource(FrameSource):
    """A virtual camera: frames from a list or iterator of images (QImage or Pillow), one every
    `interval_ms` on a timer, or one per `step()` call. At the end it repeats the last frame when
    `hold_last` (a label left in front of the camera), else it stops."""

    def __init__(
        self,
        images: Iterable[Any],
        name: str = "virtual camera",
        *,
        interval_ms: int = 40,
        hold_last: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._images: Iterator[Any] = iter(images)
        self._name = name
        self._last: QImage | None = None
        self.hold_last = hold_last
        self.sent = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.step)

    def description(self) -> str:
        return self._name

    def start(self) -> bool:
        if self._timer.interval() > 0:
            self._timer.start()
        return True

    def stop(self) -> None:
        self._timer.stop()

    def step(self) -> bool:
        """Emit the next frame now; False when there is none left."""
        try:
            self._last = as_qimage(next(self._images))
        except StopIteration:
            if not self.hold_last or self._last is None:
                self._timer.stop()
                return False
        self.sent += 1
        emit_signal(self.frameReady, self._last)
        return True


class QtCameraSource(FrameSource):
    """The system's camera through Qt Multimedia (imported on start)."""

    def __init__(self, device: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device = device
        self._name = ""
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None

    def description(self) -> str:
        return self._name

    def start(self) -> bool:
        if self._camera is not None:
            return True
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        device = self._device if self._device is not None else QMediaDevices.defaultVideoInput()
        if device is None or device.isNull():
            return False
        self._name = device.description()
        self._camera = QCamera(device, self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self.frameReady)
        self._camera.errorOccurred.connect(lambda _error, text: self.failed.emit(text))
        self._camera.start()
        return True

    def stop(self) -> None:
        camera, self._camera = self._camera, None
        if camera is not None:
            camera.stop()
            camera.deleteLater()


def default_camera_source() -> FrameSource:
    return QtCameraSource()


class CameraPreview(QWidget):
    """The last frame, scaled to fit, the scan area outlined and the rest darkened; a green outline
    for a moment after a code was read."""

    def __init__(self, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.setFixedSize(size)
        self.image: QImage | None = None
        self.placeholder = ""
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(600)
        self._flash.timeout.connect(self.update)

    def show_frame(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def flash(self) -> None:
        self._flash.start()
        self.update()

    def target(self) -> QRectF:
        """Where the frame is drawn: the widget, letterboxed to the frame's aspect ratio."""
        w, h = self.width(), self.height()
        if self.image is None or self.image.isNull():
            return QRectF(0, 0, w, h)
        scale = min(w / self.image.width(), h / self.image.height())
        fw, fh = self.image.width() * scale, self.image.height() * scale
        return QRectF((w - fw) / 2, (h - fh) / 2, fw, fh)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#1e1e1e"))
        target = self.target()
        if self.image is not None and not self.image.isNull():
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(target, self.image)
        x, y, w, h = SCAN_AREA
        area = QRectF(
            target.x() + x * target.width(),
            target.y() + y * target.height(),
            w * target.width(),
            h * target.height(),
        )
        shade = QColor(0, 0, 0, 110)
        p.fillRect(QRectF(target.left(), target.top(), target.width(), area.top() - target.top()), shade)
        p.fillRect(
            QRectF(target.left(), area.bottom(), target.width(), target.bottom() - area.bottom()), shade
        )
        p.fillRect(QRectF(target.left(), area.top(), area.left() - target.left(), area.height()), shade)
        p.fillRect(QRectF(area.right(), area.top(), target.right() - area.right(), area.height()), shade)
        read = self._flash.isActive()
        p.setPen(QPen(QColor("#2ecc71" if read else "#f5f5f5"), 4 if read else 2))
        p.drawRect(area)
        if self.image is None and self.placeholder:
            p.setPen(QColor("#dddddd"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
        p.end()


SourceFactory = Callable[[], FrameSource]


class CameraPanel(QWidget):
    """A small camera preview with its status line; opened and closed by the screen that owns it.

    bridge: the app's ScannerBridge; the camera's scanner becomes one of its drivers (without
        reporting health: the status bar's scanner state stays the hardware scanner's; the camera
        says its state in this panel's status line).
    source_factory: makes the frame source on each open (default: the system's camera).
    clock: the app's clock, for the scans' times (the bridge's debouncer compares them).
    preview_size: the preview's fixed size (320x180 by default); `beside` puts the status line to
        its right instead of below.
    """

    opened = Signal(bool)  # True: the camera runs; False: closed, or there is none

    def __init__(
        self,
        bridge: ScannerBridge,
        *,
        source_factory: SourceFactory | None = None,
        clock: Clock | None = None,
        preview_size: QSize | None = None,
        beside: bool = False,
        margins: tuple[int, int, int, int] = (0, 0, 0, 0),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.bridge = bridge
        self.source_factory = source_factory or default_camera_source
        self.clock = clock
        self.source: FrameSource | None = None
        self.scanner: CameraScanner | None = None
        self.preview = CameraPreview(preview_size or QSize(320, 180), self)
        self.status = QLabel(self)
        self.status.setObjectName("cameraStatus")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # beside: the status line right of the preview (the terminal has no height to spare)
        layout = QHBoxLayout(self) if beside else QVBoxLayout(self)
        layout.setContentsMargins(*margins)
        layout.setSpacing(8 if beside else 4)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.status, 1)
        self._last_paint = 0.0
        self._paint_every = 1.0 / PREVIEW_FPS
        bridge.scanned.connect(self._scanned)
        self.setVisible(False)

    # --- open and close -------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.source is not None

    def toggle(self) -> None:
        if self.is_open or self.isVisible():
            self.close_camera()
        else:
            self.open_camera()

    def open_camera(self) -> bool:
        """Show the panel and start the camera; False (and the panel says so) when there is none."""
        if self.is_open:
            return True
        self.setVisible(True)
        source = self.source_factory()
        try:
            started = source.start()
        except ImportError:  # Qt Multimedia missing from this installation
            started = False
        if not started:
            self.preview.show_frame(None)
            self.preview.placeholder = self.tr("No camera")
            self.status.setText(self.tr("No camera found: scan with the scanner or type the code."))
            emit_signal(self.opened, False)
            return False
        name = source.description() or self.tr("camera")
        if self.scanner is None:
            self.scanner = CameraScanner(name, hold_s=self.bridge.debouncer.window_s, clock=self.clock)
            self.bridge.add_driver(self.scanner, health=False)
        self.scanner.start()
        if self.scanner.health.state is not Health.CONNECTED:
            source.stop()
            self.status.setText(self.tr("Camera scanning is not available: the barcode decoder is missing."))
            emit_signal(self.opened, False)
            return False
        self.source = source
        source.frameReady.connect(self._frame)
        source.failed.connect(self._failed)
        self.preview.placeholder = ""
        self.status.setText(fmt(self.tr("Camera: %1. Hold the code inside the frame."), name))
        emit_signal(self.opened, True)
        return True

    def close_camera(self) -> None:
        """Stop the camera and hide the panel (idempotent)."""
        source, self.source = self.source, None
        if source is not None:
            source.frameReady.disconnect(self._frame)
            source.stop()
        if self.scanner is not None:
            self.scanner.stop()
        self.preview.show_frame(None)
        was_visible = self.isVisible()
        self.setVisible(False)
        if source is not None or was_visible:
            emit_signal(self.opened, False)

    def hideEvent(self, event: QHideEvent) -> None:
        # the screen went away (another flow, the idle lock, a closed window): the camera stops
        if self.is_open:
            self.close_camera()
        super().hideEvent(event)

    # --- frames -------------------------------------------------------------------------------
    def _frame(self, frame: Any) -> None:
        scanner = self.scanner
        wants = scanner is not None and scanner.wants_frame()
        now = time.perf_counter()
        paint = now - self._last_paint >= self._paint_every
        if not wants and not paint:
            return  # neither the decoder nor the preview needs this frame: no conversion
        image = as_qimage(frame)
        if image.isNull():
            return
        if paint:
            self._last_paint = now
            self.preview.show_frame(image)
        if wants and scanner is not None:
            scanner.offer(decode_area(image))

    def _failed(self, message: str) -> None:
        self.close_camera()
        self.setVisible(True)
        self.status.setText(fmt(self.tr("The camera stopped: %1"), message))

    def _scanned(self, event: ScanEvent) -> None:
        if self.is_open and event.source.startswith("camera:"):
            self.preview.flash()


def decode_area(image: QImage) -> QImage:
    """The scan area of a frame, in grayscale: what the decoder gets."""
    x, y, w, h = SCAN_AREA
    rect = QRect(
        round(x * image.width()),
        round(y * image.height()),
        round(w * image.width()),
        round(h * image.height()),
    )
    gray = (
        image
        if image.format() == QImage.Format.Format_Grayscale8
        else image.convertToFormat(QImage.Format.Format_Grayscale8)
    )
    return gray.copy(rect)
