"""Camera frames rendered from the project's own labels, for the virtual camera in tests, the
benchmark and the screenshot.

Each frame is 1280x720 grayscale, like a counter webcam or a terminal's camera at 720p: a label
from `shared.barcodes.labels.render_label` (58x40 mm at 203 dpi) lying on a textured desk, in one of
the degradations a real camera gives:

    sharp    in focus, square to the camera
    blurred  out of focus (Gaussian blur over the whole frame)
    rotated  turned 25 degrees and a little smaller (held at an angle, further away)
    dim      a dark corner of the counter: low light, low contrast, sensor noise
    phone    a pickup QR on a phone screen a customer holds up (dark body, bright screen, tilted)

The desk texture and noise are seeded, so every run renders the same pixels.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFilter

from shared.barcodes import (
    ScanKind,
    make_cell_label,
    make_gtin13,
    make_marking_code,
    make_pickup_code,
    make_sscc,
    make_unit_label,
)
from shared.barcodes.labels import render_label

FRAME_SIZE = (1280, 720)
DEGRADATIONS = ("sharp", "blurred", "rotated", "dim")

# A pickup token's shape (the PVZ verifies real ones; the decoder does not care)
PICKUP_TOKEN = "eyJvcmRlciI6IjEyMzQ1NiIsInUiOlsxLDIsM119.q3H0b5cVfX2n-8_k1ZQp7Lr9sT4wYe6mAaBbCcDdEe"
MARKING = make_marking_code("0" + make_gtin13("460123456789"), "sN7q2Lx9aPz0K", "EE07", "AbCd" * 10 + "+/=9")


@dataclass(frozen=True)
class LabelSpec:
    name: str  # what the benchmark calls it
    kind: ScanKind
    code: str  # the label's code, as the parser returns it
    lines: tuple[str, ...]


def label_specs() -> list[LabelSpec]:
    """One label of each symbology the apps meet: Code 128, GS1-128, EAN-13, QR, GS1 DataMatrix."""
    return [
        LabelSpec(
            "unit (Code 128)", ScanKind.UNIT, make_unit_label(98765), ("Иванова А. С.", "Заказ 123456")
        ),
        LabelSpec("cell (Code 128)", ScanKind.CELL, make_cell_label("PVZ-DEMO-1", 42), ("Ячейка 42",)),
        LabelSpec("box (GS1-128)", ScanKind.BOX, make_sscc(4242), ("Короб в ПВЗ-ДЕМО-1",)),
        LabelSpec("product (EAN-13)", ScanKind.PRODUCT, make_gtin13("460123456789"), ("Футболка",)),
        LabelSpec("pickup (QR)", ScanKind.PICKUP, make_pickup_code(PICKUP_TOKEN), ("Код получения",)),
        LabelSpec("marking (GS1 DataMatrix)", ScanKind.MARKING, MARKING, ("Честный знак",)),
    ]


@cache
def _desk() -> Image.Image:
    """A gray desk with a soft light gradient and grain."""
    w, h = FRAME_SIZE
    gradient = Image.linear_gradient("L").resize((w, h)).point(lambda v: 120 + v // 4)
    return Image.blend(gradient, _grain(FRAME_SIZE, 1), 0.12)


def _grain(size: tuple[int, int], seed: int) -> Image.Image:
    """Uniform noise, the same for the same seed."""
    return Image.frombytes("L", size, random.Random(seed).randbytes(size[0] * size[1]))


def _label(spec: LabelSpec) -> Image.Image:
    return render_label(spec.kind, spec.code, list(spec.lines))


def _paste(frame: Image.Image, item: Image.Image, centre: tuple[int, int], mask: Image.Image | None) -> None:
    x = centre[0] - item.width // 2
    y = centre[1] - item.height // 2
    frame.paste(item, (x, y), mask)


def _rotated(img: Image.Image, angle: float) -> tuple[Image.Image, Image.Image]:
    """img turned by angle, and the mask of where it is (the corners show the desk)."""
    mask = Image.new("L", img.size, 255).rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0), mask


def _noise(frame: Image.Image, amount: float, seed: int) -> Image.Image:
    return Image.blend(frame, _grain(frame.size, seed + 2), amount)


def render_frame(spec: LabelSpec, degradation: str, *, seed: int = 0) -> Image.Image:
    """A 1280x720 grayscale frame showing `spec`'s label in the given degradation."""
    frame = _desk().copy()
    label = _label(spec)
    centre = (FRAME_SIZE[0] // 2 + 40, FRAME_SIZE[1] // 2 - 10)
    if degradation == "sharp":
        _paste(frame, label, centre, None)
    elif degradation == "blurred":
        _paste(frame, label, centre, None)
        frame = frame.filter(ImageFilter.GaussianBlur(1.6))
    elif degradation == "rotated":
        small = label.resize((label.width * 9 // 10, label.height * 9 // 10), Image.Resampling.LANCZOS)
        turned, mask = _rotated(small, 25)
        _paste(frame, turned, centre, mask)
    elif degradation == "dim":
        _paste(frame, label, centre, None)
        frame = frame.point(lambda v: 18 + v * 22 // 100)  # a quarter of the light, a fifth of the contrast
        frame = _noise(frame, 0.08, seed)
    elif degradation == "phone":
        return phone_frame(spec.code if spec.kind is ScanKind.PICKUP else make_pickup_code(PICKUP_TOKEN))
    else:
        raise ValueError(f"unknown degradation {degradation!r}")
    return frame


def phone_frame(pickup_code: str, *, angle: float = 8.0) -> Image.Image:
    """A customer's phone showing the pickup QR, held up in front of the counter camera."""
    import qrcode

    qr = qrcode.QRCode(border=2, box_size=6, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(pickup_code)
    qr.make(fit=True)
    code = qr.make_image(fill_color="black", back_color="white").get_image().convert("L")
    screen_w = code.width + 40
    phone = Image.new("L", (screen_w + 36, int(screen_w * 1.9)), 25)  # the dark body
    draw = ImageDraw.Draw(phone)
    screen = (18, 60, phone.width - 18, phone.height - 60)
    draw.rectangle(screen, fill=235)  # a bright screen, not quite white
    phone.paste(
        code.point(lambda v: 235 if v > 128 else 10),
        (18 + 20, 60 + (screen[3] - screen[1] - code.height) // 2),
    )
    turned, mask = _rotated(phone, angle)
    frame = _desk().copy()
    _paste(frame, turned, (FRAME_SIZE[0] // 2, FRAME_SIZE[1] // 2), mask)
    return frame.filter(ImageFilter.GaussianBlur(0.7))


def empty_frame() -> Image.Image:
    """The desk with nothing on it: what the camera sees most of the time."""
    return _desk().copy()


def frames(degradations: tuple[str, ...] = DEGRADATIONS) -> Iterator[tuple[LabelSpec, str, Image.Image]]:
    """Every test label in every degradation: (label, degradation, frame)."""
    for spec in label_specs():
        for degradation in degradations:
            yield spec, degradation, render_frame(spec, degradation)
