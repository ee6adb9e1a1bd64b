"""`make demo`: the backend with demo data, both apps logged in, a virtual scanner beside each.

    python packaging/demo.py [--keep] [--port N] [--products N] [--headless] [--for SECONDS]
                             [--screenshot FILE]

1. a fresh demo world in ./.demo (`wb-backend init` + `seed-demo`; --keep reuses the last one);
2. the backend on 127.0.0.1:8700 (or a free port when 8700 is taken);
3. two virtual scanner windows, each a pty the app opens like a real serial scanner, filled with
   labels from the demo data in the order to try them (boxes to accept and their units, pickup
   codes of orders waiting at the PVZ; locations and units to pick at the warehouse);
4. the PVZ app as demo-clerk at PVZ-DEMO-1 and the terminal app as demo-picker at WH-DEMO-1;
5. a short guide of what to try first, on the console.

Ctrl-C stops everything (apps first, so they finish their sync, then the backend). Closing both
app windows does the same. Without a display the demo runs itself inside Xvfb (xvfb-run), which
with --for and --screenshot is how CI or an admin checks it. When port 8700 is taken the backend
takes a free port and says which.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from meta import ROOT

if str(ROOT) not in sys.path:  # our packages, when the project is not installed in the venv
    sys.path.append(str(ROOT))

DEMO = ROOT / ".demo"
PVZ = "PVZ-DEMO-1"
WAREHOUSE = "WH-DEMO-1"
PREFERRED_PORT = 8700
START_TIMEOUT_S = 90.0


def log(message: str) -> None:
    print(f"[demo] {message}", flush=True)


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def http_json(method: str, url: str, body: object = None, token: str | None = None) -> object:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read().decode())


@dataclass
class Labels:
    """What the demo puts in each virtual scanner, and the facts the guide quotes."""

    pvz: list[str] = field(default_factory=list)
    terminal: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)
    short_codes: list[str] = field(default_factory=list)
    picks: int = 0
    marked: int = 0  # DataMatrix codes offered for marked units of the orders to issue


def gs1_box(sscc: str) -> str:
    """A box label as a scanner with AIM prefixes sends it: ]C1, AI 00, the SSCC."""
    return f"]C100{sscc}"


def entry(code: str, what: str) -> str:
    """A line of a virtual scanner's list: the code, a Tab, what the label is (shown, not sent)."""
    return f"{code}\t{what}"


def marking_code(gtin: str, unit_label: str) -> str:
    """A Честный знак DataMatrix for a demo unit, as a scanner with AIM prefixes sends it (]d2, GS
    between the elements): the product's GTIN, the unit's label as serial, made-up crypto parts."""
    from shared.barcodes import make_marking_code

    gtin14 = gtin.zfill(14)
    tail = secrets.token_urlsafe(33)[:44].replace("-", "+").replace("_", "/")
    return "]d2" + make_marking_code(gtin14, unit_label, "EE06", tail)


def collect_labels(db_path: Path, backend_url: str, password: str) -> Labels:
    """Labels to scan, read from the demo database (read-only) and the backend's API."""
    out = Labels()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        # PVZ: boxes on their way to PVZ-DEMO-1 (route closed, not accepted yet), then their units
        boxes = conn.execute(
            "SELECT DISTINCT b.id FROM boxes b JOIN units u ON u.box_id = b.id "
            "WHERE b.destination_site_id = ? AND b.kind = 'forward' AND b.accepted_at IS NULL "
            "AND u.status = 'SHIPPED' ORDER BY b.id",
            (PVZ,),
        ).fetchall()
        box_ids = [r["id"] for r in boxes][:3]
        for n, box in enumerate(box_ids, 1):
            out.pvz.append(entry(gs1_box(box), f"Приёмка: короб {n} (SSCC)"))
            for u in conn.execute("SELECT label FROM units WHERE box_id = ? ORDER BY label", (box,)):
                out.pvz.append(entry(u["label"], f"Приёмка: единица товара из короба {n}"))
        out.boxes = box_ids
        for r in conn.execute(
            "SELECT label, number FROM cells WHERE site_id = ? ORDER BY number LIMIT 6", (PVZ,)
        ):
            out.pvz.append(entry(r["label"], f"Ячейка {r['number']}"))
        ready = [
            r["id"]
            for r in conn.execute(
                "SELECT DISTINCT order_id AS id FROM units WHERE pvz_id = ? AND status = 'ACCEPTED' ORDER BY order_id",
                (PVZ,),
            )
        ][:2]
        ready_units: dict[str, list[str]] = {}
        for oid in ready:
            lines = ready_units.setdefault(oid, [])
            for r in conn.execute(
                "SELECT u.label, p.gtin, p.needs_marking FROM units u LEFT JOIN products p ON p.sku = u.sku "
                "WHERE u.order_id = ? ORDER BY u.label",
                (oid,),
            ):
                lines.append(entry(r["label"], "Выдача: единица товара"))
                if r["needs_marking"] and r["gtin"]:
                    out.marked += 1
                    lines.append(
                        entry(
                            marking_code(str(r["gtin"]), r["label"]),
                            "Выдача: DataMatrix «Честный знак» этой единицы",
                        )
                    )
        # warehouse: open pick tasks, each unit after its location
        picks = conn.execute(
            "SELECT u.label AS unit, l.label AS location FROM pick_tasks t "
            "JOIN units u ON u.order_id = t.order_id LEFT JOIN locations l ON l.id = u.location_id "
            "WHERE t.site_id = ? AND t.status = 'OPEN' AND u.status = 'PAID' ORDER BY t.created_at, u.location_id LIMIT 8",
            (WAREHOUSE,),
        ).fetchall()
        for r in picks:
            if r["location"]:
                out.terminal.append(entry(r["location"], "Подбор: ячейка склада"))
            out.terminal.append(entry(r["unit"], "Подбор: единица товара"))
        out.picks = len(picks)
    finally:
        conn.close()

    # pickup codes come from the backend, signed, as the customer's phone would show them
    codes: list[str] = []
    try:
        token = http_json(
            "POST", backend_url + "/api/v1/auth/login", {"username": "demo-customer", "password": password}
        )
        access = str(token["access_token"])  # type: ignore[index]
        for oid in ready:
            code = http_json("GET", f"{backend_url}/api/v1/orders/{oid}/pickup-code", token=access)
            short = str(code["short_code"])  # type: ignore[index]
            out.pvz.append(entry(str(code["qr"]), f"Выдача: QR-код получения (короткий код {short})"))  # type: ignore[index]
            out.pvz.extend(ready_units[oid])
            codes.append(str(code["short_code"]))  # type: ignore[index]
    except (urllib.error.URLError, KeyError, TypeError, ValueError) as exc:
        log(f"could not fetch pickup codes ({exc}); the issue flow can still use short codes from the app")
    out.short_codes = codes
    return out


class Demo:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.children: list[tuple[str, subprocess.Popen[bytes]]] = []
        self.backend: subprocess.Popen[bytes] | None = None
        self.stopping = False
        self.env = dict(os.environ)
        self.env.update(
            {
                "PYTHONPATH": str(ROOT) + os.pathsep + self.env.get("PYTHONPATH", ""),
                "XDG_CONFIG_HOME": str(DEMO / "config"),  # the demo never touches the real config
                "XDG_DATA_HOME": str(DEMO / "share"),
                # nor the real keyring: the demo's own, its file inside .demo (shared/auth/demo_keyring.py)
                "PYTHON_KEYRING_BACKEND": "shared.auth.demo_keyring.DemoKeyring",
                "WB_DEMO_KEYRING_FILE": str(DEMO / "keyring.json"),
                "WB_DATA_DIR": str(DEMO / "backend"),
                # one line per HTTP request in .demo/backend/logs/access.log (docs/ADMIN.md)
                "WB_ACCESS_LOG": "true",
            }
        )
        self.env.pop("WB_OPS_CONFIG", None)

    # -- processes ------------------------------------------------------------------------------
    def spawn(self, name: str, argv: list[str], log_name: str) -> subprocess.Popen[bytes]:
        log_file = open(DEMO / "logs" / log_name, "ab")  # noqa: SIM115 - handed to the child
        proc = subprocess.Popen(
            [sys.executable, *argv],
            cwd=ROOT,
            env=self.env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches only us; we stop the children in order
        )
        log_file.close()
        self.children.append((name, proc))
        return proc

    def cli(self, *argv: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "backend_stub.cli", *argv, "--data-dir", str(DEMO / "backend")],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"demo: wb-backend {argv[0]} failed:\n{done.stderr}")
        return done.stdout

    def prepare(self) -> str:
        """The demo data dir (fresh unless --keep); returns the demo users' password."""
        password_file = DEMO / "password.txt"
        if self.args.keep and password_file.exists() and (DEMO / "backend" / "backend.sqlite3").exists():
            log("reusing the demo data in .demo (without --keep every run starts fresh)")
            return password_file.read_text(encoding="utf-8").strip()
        for sub in ("backend", "pvz", "terminal", "config", "share", "labels", "logs"):
            shutil.rmtree(DEMO / sub, ignore_errors=True)
        (DEMO / "keyring.json").unlink(missing_ok=True)  # the last run's sign-ins
        DEMO.mkdir(exist_ok=True)
        (DEMO / "logs").mkdir()
        password = "demo-" + secrets.token_hex(4)
        started = time.perf_counter()
        log(f"creating the demo world in {DEMO} ...")
        self.cli("init")
        self.cli("seed-demo", "--products", str(self.args.products), "--password", password)
        password_file.write_text(password + "\n", encoding="utf-8")
        os.chmod(password_file, 0o600)
        log(f"demo data ready in {time.perf_counter() - started:.0f} s")
        return password

    def start_backend(self) -> str:
        port = self.args.port or PREFERRED_PORT
        if not self.args.port and not port_free(PREFERRED_PORT):
            port = free_port()
            log(f"port {PREFERRED_PORT} is busy (another backend or demo?): the backend uses port {port}")
        url = f"http://127.0.0.1:{port}"
        self.backend = self.spawn(
            "backend",
            [
                "-m",
                "backend_stub.cli",
                "serve",
                "--data-dir",
                str(DEMO / "backend"),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            "backend.log",
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.backend.poll() is not None:
                raise SystemExit(f"demo: the backend stopped; see {DEMO / 'logs' / 'backend.log'}")
            with contextlib.suppress(OSError, ValueError):
                health = http_json("GET", url + "/health")
                if isinstance(health, dict) and health.get("status") == "ok":
                    log(f"backend up on {url}")
                    return url
            time.sleep(0.2)
        raise SystemExit(f"demo: the backend did not answer /health within {START_TIMEOUT_S:.0f} s")

    def start_scanner(self, name: str, labels: list[str], title: str, geometry: str) -> str:
        (DEMO / "labels").mkdir(exist_ok=True)
        label_file = DEMO / "labels" / f"{name}.txt"
        label_file.write_text("\n".join(labels) + "\n", encoding="utf-8")
        link = DEMO / f"scanner-{name}"
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
        self.spawn(
            f"scanner-{name}",
            [
                "-m",
                "shared.qt.virtual_scanner",
                "--labels",
                str(label_file),
                "--link",
                str(link),
                "--title",
                title,
                *(["--geometry", geometry] if geometry else []),
            ],
            f"scanner-{name}.log",
        )
        deadline = time.monotonic() + 30
        while not link.exists():
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"demo: the virtual scanner did not start; see {DEMO / 'logs' / f'scanner-{name}.log'}"
                )
            time.sleep(0.1)
        return str(link)

    def start_apps(self, url: str, password: str, pvz_port: str, terminal_port: str) -> None:
        common = ["--backend-url", url, "--lang", self.args.lang]
        self.spawn(
            "pvz-app",
            ["-m", "pvz_app", *common, "--data-dir", str(DEMO / "pvz"), "--site", PVZ, "--scanner-port", pvz_port,
             "--demo-user", "demo-clerk", "--demo-password", password],
            "pvz-app.log",
        )  # fmt: skip
        self.spawn(
            "scanner-app",
            ["-m", "scanner_app", *common, "--data-dir", str(DEMO / "terminal"), "--scanner-port", terminal_port,
             "--device-id", "terminal-demo-1", "--demo-user", "demo-picker", "--demo-password", password],
            "scanner-app.log",
        )  # fmt: skip

    def stop(self) -> None:
        """Apps and scanners first (SIGTERM, then SIGKILL after 10 s), the backend last."""
        if self.stopping:
            return
        self.stopping = True
        ordered = [c for c in self.children if c[0] != "backend"] + [
            c for c in self.children if c[0] == "backend"
        ]
        for name, proc in ordered:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    log(f"{name} did not stop: killing it")
                    proc.kill()
                    proc.wait()
        log("stopped everything; the demo data stays in .demo (make demo starts fresh, --keep reuses it)")

    def screenshot(self, path: Path) -> None:
        code = (
            "import sys\nfrom PySide6.QtWidgets import QApplication\n"
            "app = QApplication(sys.argv[:1])\n"
            "shot = app.primaryScreen().grabWindow(0)\n"
            "sys.exit(0 if shot.save(sys.argv[1]) else 1)\n"
        )
        subprocess.run([sys.executable, "-c", code, str(path)], env=self.env, check=False, timeout=60)
        log(f"screenshot: {path}")

    # -- the run --------------------------------------------------------------------------------
    def run(self) -> int:
        password = self.prepare()
        url = self.start_backend()
        labels = collect_labels(DEMO / "backend" / "backend.sqlite3", url, password)
        # Under Xvfb (no window manager places them) the windows go side by side on its 2400x1300
        # screen: the terminal (480x800, at 0,0) with its scanner below, the PVZ app (1280x800,
        # centred) and its scanner to its right. On a desktop the window manager places them.
        xvfb = os.environ.get("WB_DEMO_IN_XVFB") == "1"
        pvz_port = self.start_scanner(
            "pvz", labels.pvz, "Виртуальный сканер → ПВЗ (demo-clerk)", "1860,0,530,640" if xvfb else ""
        )
        terminal_port = self.start_scanner(
            "terminal",
            labels.terminal,
            "Виртуальный сканер → терминал склада (demo-picker)",
            "0,840,530,440" if xvfb else "",
        )
        self.start_apps(url, password, pvz_port, terminal_port)
        print(guide(url, password, labels, self.backend.pid if self.backend else 0), flush=True)
        started = time.monotonic()
        shot_taken = False
        while True:
            time.sleep(0.5)
            if self.backend is not None and self.backend.poll() is not None:
                log(f"the backend stopped unexpectedly; see {DEMO / 'logs' / 'backend.log'}")
                return 1
            apps = [p for n, p in self.children if n in ("pvz-app", "scanner-app")]
            if all(p.poll() is not None for p in apps):
                failed = [
                    n
                    for n, p in self.children
                    if n in ("pvz-app", "scanner-app") and p.returncode not in (0, None)
                ]
                if failed:
                    log(f"{', '.join(failed)} stopped with an error; see the logs in {DEMO / 'logs'}")
                    return 1
                log("both app windows are closed")
                return 0
            elapsed = time.monotonic() - started
            if self.args.screenshot and not shot_taken and elapsed >= min(8.0, self.args.duration or 8.0):
                self.screenshot(Path(self.args.screenshot))
                shot_taken = True
            if self.args.duration and elapsed >= self.args.duration:
                log(f"--for {self.args.duration:g} s is over")
                return 0


def guide(url: str, password: str, labels: Labels, backend_pid: int) -> str:
    boxes, codes = labels.boxes, labels.short_codes
    lines = [
        "",
        "WB Ops demo is running.",
        f"  backend      {url}   (OpenAPI: {url}/docs)",
        f"  PVZ app      demo-clerk at {PVZ}",
        f"  terminal     demo-picker at {WAREHOUSE}",
        f"  password     {password}   (every demo user: demo-clerk, demo-clerk2, demo-picker, demo-admin, demo-customer)",
        "",
        "What to try first (pick a label in a 'Виртуальный сканер' window and press Scan; each line",
        "says what the label is, and the window title which app that scanner feeds):",
        "  0. PVZ app: open the shift (F8, Ctrl+O); the status bar shows online, pending 0, scanner ready.",
        "  1. PVZ app, Acceptance: scan the box label at the top of the PVZ scanner's list"
        + (f" (box {boxes[0]})" if boxes else "")
        + ", then each unit label under it; the app says which cell each unit goes to; scan that",
        "     cell's label (C-PVZ-DEMO-1-....) to confirm. Close the acceptance: shortages are recorded.",
        "  2. PVZ app, Issue: scan a pickup QR (the long code further down the list) or type a short code"
        + (f" ({', '.join(codes)})" if codes else "")
        + "; then scan the units the app lists (a marked unit asks for its DataMatrix: it is the line"
        + " under the unit), let the customer take or refuse each, and complete.",
        "  3. Terminal app: open a pick task, scan the location label, then the unit it names;",
        "     then pack the picked units into a box and close it (a box label is printed to a PDF).",
        "  4. Try the awkward cases: Bounce (a double scan is ignored with a short beep), Send garbage",
        "     (a clear error, nothing recorded), Unplug (the status bar shows the scanner is gone; Plug in",
        "     and it comes back by itself).",
        f"  5. Offline: pause the backend with `kill -STOP {backend_pid}`: the status bar turns offline and",
        "     counts pending operations while you keep working; `kill -CONT` it and they sync, exactly once.",
        "",
        f"Logs: {DEMO / 'logs'} (HTTP requests: {DEMO / 'backend' / 'logs' / 'access.log'}).",
        "Ctrl-C here stops everything.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make demo", description="WB Ops demo: backend, both apps, virtual scanners"
    )
    parser.add_argument("--keep", action="store_true", help="reuse the demo data from the last run")
    parser.add_argument("--port", type=int, default=None, help="backend port (default 8700, or a free one)")
    parser.add_argument("--products", type=int, default=10_000, help="catalog size of the demo world")
    parser.add_argument("--lang", default="ru", choices=["ru", "en"], help="UI language of the apps")
    parser.add_argument("--headless", action="store_true", help="run inside Xvfb when there is no display")
    parser.add_argument("--for", dest="duration", type=float, default=None, help="stop after SECONDS")
    parser.add_argument("--screenshot", default=None, help="save a screenshot of the whole screen to FILE")
    args = parser.parse_args(argv)

    if not has_display():
        if not args.headless:
            log("no display: running the demo inside Xvfb (add --screenshot FILE to see it)")
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print(
                "demo: there is no display and no xvfb-run to make one: run `sudo make system-deps` "
                "(it installs xvfb), or run the demo on a desktop session",
                file=sys.stderr,
            )
            return 2
        if os.environ.get("WB_DEMO_IN_XVFB") == "1":
            print("demo: xvfb-run gave no display", file=sys.stderr)
            return 2
        env = dict(os.environ, WB_DEMO_IN_XVFB="1")
        cmd = [
            xvfb,
            "-a",
            "-s",
            "-screen 0 2400x1300x24",
            sys.executable,
            str(Path(__file__).resolve()),
            *(argv if argv is not None else sys.argv[1:]),
        ]
        return subprocess.call(cmd, cwd=ROOT, env=env)

    demo = Demo(args)

    def interrupted(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        return demo.run()
    except KeyboardInterrupt:
        print()
        log("Ctrl-C: stopping")
        return 0
    finally:
        demo.stop()


if __name__ == "__main__":
    raise SystemExit(main())
