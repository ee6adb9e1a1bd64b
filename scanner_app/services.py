"""What the terminal's screens need from the core, as small interfaces the composition root fills.

Screens never touch the store, the HTTP client or the keyring: they get a :class:`Services` with
the data port (reads), the journal (writes), authentication, sync, printing and feedback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from shared.config import ConfigProblem
from shared.domain import Clock, Operation, Role

from .logic.common import Record, WarehouseData


@dataclass(frozen=True, slots=True)
class Session:
    """The logged-in worker."""

    user_id: str
    username: str
    display_name: str
    role: Role
    site_id: str
    offline: bool = False  # unlocked from the local verifier, not by the backend

    @property
    def name(self) -> str:
        return self.display_name or self.username


class LoginError(Exception):
    """A login that did not work; ``code`` maps to a translated message (shared.qt.i18n codes)."""

    def __init__(self, code: str, message: str = "", params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message or code)
        self.code = code
        self.message = message or code
        self.params: Mapping[str, Any] = dict(params or {})  # the catalog text's placeholders


class Auth(Protocol):
    """Login online (backend) or offline (local argon2id verifiers of users seen on this device)."""

    def login_password(self, username: str, password: str) -> Session: ...

    def login_badge(self, badge: str, pin: str) -> Session: ...

    def badge_known(self, badge: str) -> bool: ...

    def enrol_badge(self, session: Session, badge: str, pin: str) -> None: ...

    def logout(self, session: Session) -> None: ...

    def touch(self) -> None:
        """The worker did something (a scan, a key, a tap): the idle clock starts again."""
        ...

    def idle_locked(self) -> bool:
        """True once the session sat idle past the lock time."""
        ...


class Journal(Protocol):
    """Writes operations to the local journal (in one transaction each) and returns the change set."""

    def record(self, records: Sequence[Record], session: Session) -> Any: ...

    def conflicts(self) -> list[Any]:
        """Open conflicts (shared.store Conflict records), oldest first."""
        ...

    def ops_by(self, user_id: str, types: Sequence[str], since: datetime) -> list[Operation]:
        """The user's ops of these types on this terminal since a time (not rejected), oldest first."""
        ...

    def resolve(self, op_id: str, action: str, reason: str, session: Session) -> Any:
        """'retry' journals the op again, 'discard' records why it is dropped."""
        ...

    def save_photo(self, data: bytes, unit_id: str, session: Session, subject_kind: str = "unit") -> str:
        """Keep a photo of a unit (or, with ``subject_kind`` "box", of the box ``unit_id``) on disk
        first, then queued for upload; return its SHA-256.
        Raises EvidenceRefused (not a JPEG/PNG, too large) or StoreError (the disk refused)."""
        ...


class Sync(Protocol):
    def sync_now(self) -> None: ...


class Printer(Protocol):
    def print_box_label(self, box_id: str, destination: str, units: int) -> str:
        """Print (or queue) a box label; returns where it went (printer name or file)."""
        ...

    def print_label(self, kind: str, code: str, lines: list[str]) -> str:
        """Print a box ("box": its SSCC) or unit ("unit": its label) label again."""
        ...


class Feedback(Protocol):
    """Sounds, colours and the vibration hook, by level: 'ok', 'warn', 'error' (and 'info': silent)."""

    def signal(self, level: str, text: str) -> None: ...


class BoxNumbers(Protocol):
    def next_sscc(self) -> str: ...


@dataclass
class Services:
    data: WarehouseData
    journal: Journal
    auth: Auth
    clock: Clock
    new_id: Callable[[], str]
    boxes: BoxNumbers
    printer: Printer
    feedback: Feedback
    sync: Sync | None = None


@dataclass(frozen=True)
class DeviceInfo:
    """What the composition root knows about this terminal's set-up."""

    device_id: str
    backend_url: str
    data_dir: Path
    scanner_port: str = ""  # "" : keyboard wedge only
    problems: tuple[ConfigProblem, ...] = field(default_factory=tuple)
