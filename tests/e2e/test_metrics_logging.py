"""`wb-backend serve` logs to stderr and to <data dir>/logs/wb-backend.log, rotated by size."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.backend import ROOT, BackendServer

SCRIPT = textwrap.dedent(
    """
    import logging, logging.config, sys
    from pathlib import Path
    from backend_stub import logs, metrics
    from backend_stub.settings import Settings

    logs.LOG_MAX_BYTES = 2000  # small files, so the test sees a rotation
    logs.LOG_BACKUPS = 2
    logging.config.dictConfig(metrics.log_config(Settings(data_dir=Path(sys.argv[1]), log_level="info")))
    for i in range(200):
        logging.getLogger("uvicorn.error").info("line %d of the server log", i)
    logging.getLogger("wb.backend.relay").warning("relay says hello")
    """
)


def test_log_files_rotate_and_keep_a_bounded_number(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    logs = tmp_path / "data" / "logs"
    names = sorted(p.name for p in logs.iterdir())
    assert names == ["wb-backend.log", "wb-backend.log.1", "wb-backend.log.2"]
    assert all((logs / n).stat().st_size <= 2000 for n in names)
    current = (logs / "wb-backend.log").read_text(encoding="utf-8")
    assert "relay says hello" in current  # the app's own loggers land in the file too
    assert "line 199 of the server log" in current
    assert "line 199 of the server log" in done.stderr  # and on stderr, for journald


def test_a_served_backend_writes_its_log_file(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend", env={"WB_LOG_LEVEL": "info"}) as server:
        log_file = server.data_dir / "logs" / "wb-backend.log"
        assert log_file.exists()
    text = log_file.read_text(encoding="utf-8")
    assert "Application startup complete" in text
    assert "Shutting down" in text or "Finished server process" in text
