"""Draw the app icons (PNG for Linux menus, ICO for Windows) from the bundled DejaVu font.

    python packaging/icons/make_icons.py

The results are committed; run this again only to change the design.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parents[1] / "assets" / "fonts" / "DejaVuSans-Bold.ttf"
PURPLE = (126, 34, 206)  # the marketplace's violet
MAGENTA = (203, 17, 171)

ICONS = {
    "pvz-app": ("ПВЗ", PURPLE),
    "scanner-app": ("ТСД", MAGENTA),
    "wb-backend": ("WB", (60, 60, 70)),
}


def draw(text: str, colour: tuple[int, int, int], size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    pad = size // 16
    d.rounded_rectangle((pad, pad, size - pad, size - pad), radius=size // 5, fill=colour)
    # a barcode strip along the bottom: what the apps are about
    bars = [3, 1, 2, 1, 1, 3, 1, 2, 2, 1, 3, 1, 1, 2, 1, 1, 2, 3, 1]
    unit = max(1, size // 64)
    x = (size - sum(bars) * unit) // 2
    y0, y1 = int(size * 0.62), int(size * 0.80)
    for i, w in enumerate(bars):
        if i % 2 == 0:
            d.rectangle((x, y0, x + w * unit - 1, y1), fill="white")
        x += w * unit
    font = ImageFont.truetype(str(FONT), size // 4)
    box = d.textbbox((0, 0), text, font=font)
    tx = (size - (box[2] - box[0])) // 2 - box[0]
    d.text((tx, int(size * 0.22)), text, font=font, fill="white")
    return image


def main() -> None:
    for name, (text, colour) in ICONS.items():
        image = draw(text, colour)
        image.save(HERE / f"{name}.png")
        image.save(
            HERE / f"{name}.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
        )
        print(f"wrote {name}.png and {name}.ico")


if __name__ == "__main__":
    main()
