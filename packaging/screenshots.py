"""`make screenshots`: every app's screenshot script, plus the first-run wizard, into docs/screenshots.

    xvfb-run -a -s "-screen 0 1280x800x24" python packaging/screenshots.py [OUTDIR]

Each app has its script beside this one (`python packaging/screenshots_pvz.py OUTDIR`,
`python packaging/screenshots_terminal.py OUTDIR`), run here in its own process so one app's Qt state never leaks into another's pictures.
The setup wizard's pages are drawn here (`setup_<page>_<lang>.png`), with a stand-in connection
check and port list so the pictures do not depend on the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages, when the project is not installed in the venv
    sys.path.append(str(ROOT))

APP_SCRIPTS = (  # beside this file
    "screenshots_pvz.py",
    "screenshots_terminal.py",
    "screenshots_camera.py",
    "screenshots_evidence.py",
    "screenshots_terminal_photo.py",
    "screenshots_handover.py",
)


def wizard_screenshots(outdir: Path) -> list[Path]:
    """The four wizard pages in Russian and English, filled in as an admin would."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from shared.config import ConfigStore
    from shared.qt import i18n
    from shared.qt.setup_wizard import SetupWizard
    from shared.setup import ConnectionCheck, PortInfo

    app = QApplication.instance() or QApplication(sys.argv[:1])
    outdir.mkdir(parents=True, exist_ok=True)
    ports = [
        PortInfo("/dev/ttyACM0", "Honeywell Voyager 1450g", "0c2e:0b61", likely_scanner=True),
        PortInfo("/dev/ttyS0", "ttyS0"),
    ]
    saved: list[Path] = []
    for lang in ("ru", "en"):
        translators = i18n.install(app, lang)
        with tempfile.TemporaryDirectory() as tmp:
            store = ConfigStore("pvz", path=Path(tmp) / "pvz.json", env={})
            wizard = SetupWizard(
                "pvz",
                store,
                checker=lambda url: ConnectionCheck(True, f"connected to {url}", url=url),
                port_lister=lambda: ports,
                hostname="counter-3",
            )
            wizard.show()
            wizard.backend_page.url.setText("https://wb-ops.example.internal")
            wizard.backend_page.start_check()
            while not wizard.backend_page.last_check_ok:
                app.processEvents()
            steps = ("backend", "site", "scanner", "summary")
            for i, name in enumerate(steps):
                if name == "site":
                    wizard.site_page.site.setText("PVZ-12")
                app.processEvents()
                path = outdir / f"setup_{name}_{lang}.png"
                if not wizard.grab().save(str(path)):
                    raise OSError(f"cannot write {path}")
                saved.append(path)
                if i < len(steps) - 1:
                    wizard.next()
            wizard.close()
            wizard.deleteLater()
        i18n.uninstall(app, translators)
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    outdir.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    for name in APP_SCRIPTS:
        script = Path(__file__).resolve().parent / name
        print(f"screenshots: {name} ...", flush=True)
        done = subprocess.run([sys.executable, str(script), str(outdir)], cwd=ROOT, env=env, check=False)
        if done.returncode != 0:
            failed.append(name)
    try:
        for path in wizard_screenshots(outdir):
            print(f"screenshots: {path}")
    except Exception as exc:  # report and go on: the other pictures are still useful
        print(f"screenshots: the setup wizard failed: {exc}", file=sys.stderr)
        failed.append("setup wizard")
    if failed:
        print(f"screenshots: not made: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"screenshots in {outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
