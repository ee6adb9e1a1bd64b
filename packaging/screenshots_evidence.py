"""Screenshots of photo evidence and dispute packs: ``python packaging/screenshots_evidence.py OUTDIR``.

Run under a display (``xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots_evidence.py
docs/screenshots``; `make screenshots` runs it). A virtual camera shows a drawn damaged parcel;
everything after it is the production path (the photo is kept by the store, the act is rendered by
shared/qt/dispute_pdf.py and its first page turned into a PNG by pdftoppm).

Files: ``pvz_photo_capture_<lang>.png`` (the photo dialog over the Disputes screen, a photo taken),
``pvz_dispute_<lang>.png`` (the Disputes screen with a unit's timeline) and
``pvz_dispute_act_<lang>.png`` (page 1 of the pack's PDF act).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages and tests.support, when run by path from a checkout
    sys.path.append(str(ROOT))

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication

from pvz_app.logic.dispute import photo_reader
from screenshots_pvz import SITE, Shooter, _login, offline_pvz
from shared.barcodes.formats import cell_id
from shared.domain import OpType
from shared.qt.camera import ImageFrameSource
from shared.qt.dispute_pdf import export_pack
from shared.qt.photo_capture import PhotoCaptureDialog


def damaged_parcel(width: int = 1280, height: int = 720) -> Image.Image:
    """A parcel on a counter with a crushed corner and a torn tape: what a clerk photographs."""
    img = Image.new("RGB", (width, height), (92, 96, 104))
    d = ImageDraw.Draw(img)
    d.rectangle((0, int(height * 0.72), width, height), fill=(150, 120, 88))  # the counter
    box = [(330, 170), (930, 150), (960, 560), (300, 590)]
    d.polygon(box, fill=(196, 154, 98), outline=(120, 88, 50))
    d.polygon([(830, 150), (930, 150), (945, 330), (860, 260)], fill=(150, 112, 66))  # crushed corner
    d.line([(860, 260), (945, 330)], fill=(90, 60, 30), width=6)
    d.rectangle((600, 165, 660, 575), fill=(215, 200, 160))  # tape
    d.line([(612, 300), (650, 360), (618, 420)], fill=(120, 88, 50), width=5)  # torn
    d.rectangle((380, 420, 560, 520), fill=(250, 250, 250), outline=(40, 40, 40))  # the unit label
    for i in range(9):
        x = 395 + i * 18
        d.rectangle((x, 435, x + (6 if i % 2 else 10), 485), fill=(20, 20, 20))
    return img


def shots(app: QApplication, out: Path, lang: str) -> list[Path]:
    written: list[Path] = []
    with (
        offline_pvz(app, lang, "evidence") as (built, world, clock),
        tempfile.TemporaryDirectory(prefix="pvz-evidence-pack-") as tmp,
    ):
        s = Shooter(app, built, clock, world, out, lang)
        _login(s)
        store = built.store
        actor = built.ctx.actor
        assert actor is not None
        box = world.boxes[0]
        first, second = store.units_in_box(box)[:2]
        clock.advance(40)
        store.record(
            OpType.ACCEPT_UNIT, {"unit_id": first.id, "box_id": box, "cell_id": cell_id(SITE, 7)}, actor
        )
        clock.advance(25)
        screen = s.flow("dispute")
        screen._select("unit", second.label)
        source = ImageFrameSource([damaged_parcel()], "USB 2.0 HD Camera", interval_ms=0, hold_last=True)

        def save(data: bytes) -> str:
            return store.save_photo(
                data, taken_by=actor.user_id, subject=second.id, subject_kind="unit"
            ).sha256

        dialog = PhotoCaptureDialog(save, subject=second.label, source_factory=lambda: source, parent=screen)
        dialog.resize(900, 560)
        dialog.show()
        for _ in range(3):
            source.step()
            s.settle()
        dialog.take()
        s.settle()
        s.shot("photo_capture", dialog)
        written.append(s.files[-1])
        dialog.accept()
        clock.advance(20)
        store.record(
            OpType.MARK_DAMAGED, {"unit_id": second.id, "reason": "коробка смята, скотч порван"}, actor
        )
        clock.advance(300)
        screen._select("box", box)
        s.shot("dispute")
        written.append(s.files[-1])
        pack_zip = Path(tmp) / "pack.zip"
        export_pack(screen.pack, pack_zip, photo_reader(store))
        with zipfile.ZipFile(pack_zip) as zf:
            (Path(tmp) / "act.pdf").write_bytes(zf.read("act.pdf"))
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "90",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(Path(tmp) / "act.pdf"),
                str(Path(tmp) / "act"),
            ],
            check=True,
        )
        target = out / f"pvz_dispute_act_{lang}.png"
        shutil.copyfile(Path(tmp) / "act.png", target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("ru", "en"), action="append")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    for lang in args.lang or ["ru", "en"]:
        for path in shots(app, args.outdir, lang):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
