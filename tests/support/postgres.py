"""`PostgresServer`: a throwaway PostgreSQL cluster on a free 127.0.0.1 port, in a temp folder.

Nothing is assumed to be running: the cluster is made with the distribution's `initdb` and run with
its `postgres` (Debian: /usr/lib/postgresql/<version>/bin, installed by `make system-deps`). Both
refuse to run as root, so under root the folder is handed to the `postgres` user and the binaries
run as that user. A missing binary is a test failure naming `make system-deps`, never a skip.

    with PostgresServer() as pg:
        url = pg.new_database()     # postgresql+psycopg://wb@127.0.0.1:<port>/t_<n>
        pg.kill()                   # SIGKILL, like a power cut

The fixtures: `postgres_server` (one per test session, started on first use) and
`backend_database` (parametrized: None for SQLite, a fresh PostgreSQL database's URL).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

from .backend import free_port

SERVICE_USER = "postgres"
START_TIMEOUT_S = 60.0
_names = itertools.count(1)


class MissingServerBinary(RuntimeError):
    pass


def find_binary(name: str) -> str:
    """The path of a PostgreSQL server binary (newest installed version first), or a clear error."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key, reverse=True)
    if found:
        return found[0]
    on_path = shutil.which(name)
    if on_path:
        return on_path
    raise MissingServerBinary(
        f"PostgreSQL's {name} is not installed: run `make system-deps` (it installs the postgresql "
        "package) to run the PostgreSQL tests"
    )


def _version_key(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _as_service_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise MissingServerBinary("running as root needs runuser (util-linux) to start PostgreSQL")
    return [runuser, "-u", SERVICE_USER, "--"]


class PostgresServer:
    """A PostgreSQL cluster of its own: start, SIGKILL, start again on the same folder."""

    def __init__(self, folder: Path | None = None, *, port: int | None = None, user: str = "wb") -> None:
        self.initdb = find_binary("initdb")
        self.postgres = find_binary("postgres")
        self.folder = folder or Path(tempfile.mkdtemp(prefix="wb-pg-"))
        self.data = self.folder / "data"
        self.port = port or free_port()
        self.user = user
        self.process: subprocess.Popen[bytes] | None = None
        self._prefix = _as_service_user()
        self._owned_folder = folder is None

    def _chown(self) -> None:
        if self._prefix:
            shutil.chown(self.folder, SERVICE_USER, SERVICE_USER)
            for path in self.folder.rglob("*"):
                shutil.chown(path, SERVICE_USER, SERVICE_USER)

    def init(self, *extra_conf: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._chown()
        subprocess.run(
            [
                *self._prefix,
                self.initdb,
                "-D",
                str(self.data),
                "-U",
                self.user,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        conf = [
            "listen_addresses = '127.0.0.1'",
            f"unix_socket_directories = '{self.folder}'",
            "max_connections = 200",
            "shared_buffers = 64MB",
            # a test cluster: losing it in a power cut loses nothing (the failover drill sets its own)
            "fsync = off",
            "full_page_writes = off",
            *extra_conf,
        ]
        with open(self.data / "postgresql.conf", "a") as f:
            f.write("\n".join(conf) + "\n")

    def start(self) -> PostgresServer:
        if not (self.data / "PG_VERSION").exists():
            self.init()
        log = open(self.folder / "postgres.log", "ab")  # noqa: SIM115 - handed to the child
        self.process = subprocess.Popen(
            [*self._prefix, self.postgres, "-D", str(self.data), "-p", str(self.port)],
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"postgres exited; log:\n{self.log_tail()}")
            try:
                self.execute("SELECT 1", dbname="postgres")
                return self
            except Exception:
                time.sleep(0.1)
        raise RuntimeError(f"postgres did not start; log:\n{self.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return (self.folder / "postgres.log").read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def execute(self, sql: str, dbname: str = "postgres") -> list[tuple[object, ...]]:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=self.user,
            dbname=dbname,
            autocommit=True,
            connect_timeout=5,
        ) as conn:
            cur = conn.execute(sql.encode())
            return list(cur.fetchall()) if cur.description else []

    def new_database(self) -> str:
        """A fresh empty database; returns its SQLAlchemy URL."""
        name = f"t_{os.getpid()}_{next(_names)}"
        self.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def kill(self) -> None:
        """SIGKILL the postmaster (its backends exit on their own when it is gone)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        """Fast shutdown (SIGINT to the postmaster); SIGKILL if it takes more than 20 s."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None

    def close(self) -> None:
        self.stop()
        if self._owned_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the test session; each test takes a fresh database of its own."""
    try:
        server = PostgresServer()
    except MissingServerBinary as exc:
        pytest.fail(str(exc), pytrace=False)
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.new_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_database(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """The backend's database for a test that runs on both: None (SQLite in the data dir), or the
    URL of a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield None
        return
    yield request.getfixturevalue("postgres_url")
