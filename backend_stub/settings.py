"""Backend settings: `WB_` environment variables, then defaults, all rooted in one data directory."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset(
    {"", "changeme", "change-me", "changethis", "secret", "placeholder", "xxx", "test", "password"}
)
MIN_SECRET_LENGTH = 16


def refuse_placeholder(secret: str, what: str) -> str:
    """Return the secret, or raise ValueError when it is empty, a placeholder or too short."""
    if secret.strip().lower() in PLACEHOLDER_SECRETS or len(secret.strip()) < MIN_SECRET_LENGTH:
        raise ValueError(f"{what} is empty, a placeholder or shorter than {MIN_SECRET_LENGTH} characters")
    return secret


class Settings(BaseSettings):
    """Everything the backend needs to know; the data dir holds the database and the keys."""

    model_config = SettingsConfigDict(env_prefix="WB_", extra="ignore")

    data_dir: Path = Field(default=Path("wb-backend-data"))
    database_url: str | None = None  # default: sqlite:///<data_dir>/backend.sqlite3
    host: str = "127.0.0.1"
    port: int = 8700
    payment_webhook_secret: SecretStr | None = None  # overrides the one generated in the data dir
    webhook_tolerance_s: int = 300
    access_token_ttl_s: int = 15 * 60
    refresh_token_ttl_s: int = 30 * 24 * 3600
    login_max_failures: int = 5  # per username and client address within the window
    login_window_s: int = 15 * 60
    # per username from any address: a ceiling for guessing spread over many addresses
    login_user_max_failures: int = Field(default=50, ge=1)
    # per client address, whatever the usernames (made-up ones too)
    login_address_max_failures: int = Field(default=100, ge=1)
    # password checks run on this many threads (0: one per CPU core) ...
    login_hash_workers: int = Field(default=0, ge=0, le=64)
    # ... at most this many more wait, each at most this long; past that 503 `busy` with Retry-After
    login_hash_queue: int = Field(default=16, ge=0, le=10_000)
    login_hash_wait_s: float = Field(default=2.0, gt=0, le=60)
    # a rotated refresh token still answers with the same successor pair for this long (lost answers)
    refresh_overlap_s: int = Field(default=60, ge=0, le=3600)
    pickup_token_ttl_s: int = 3 * 24 * 3600
    relay_enabled: bool = True
    relay_interval_s: float = 0.5
    # nats://host:4222: the relay publishes the outbox to JetStream (stream WB_EVENTS) and the
    # warehouse side consumes OrderPaid from it (durable consumer wb-warehouse); unset: in-process
    broker_url: str | None = None
    log_level: str = "warning"
    # application log (JSON lines) and access log folder; default <data dir>/logs. Keep it outside
    # the data dir (/var/log/wb-ops) so a restore onto a new machine does not replace the logs
    log_dir: Path | None = None
    api_docs: bool = True  # /docs, /redoc and /openapi.json; WB_API_DOCS=false turns them off
    access_log: bool = False  # one JSON line per HTTP request in <log dir>/access.log
    argon2_time_cost: int = Field(default=3, ge=1, le=20)
    argon2_memory_kib: int = Field(default=65536, ge=1024, le=4 * 1024 * 1024)
    argon2_parallelism: int = Field(default=4, ge=1, le=16)

    @field_validator("payment_webhook_secret")
    @classmethod
    def _no_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            refuse_placeholder(value.get_secret_value(), "WB_PAYMENT_WEBHOOK_SECRET")
        return value

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir.resolve() / 'backend.sqlite3'}"

    @property
    def database_url_for_humans(self) -> str:
        """The database as a log line may show it: no password."""
        if not self.database_url:
            return str(self.data_dir)
        from sqlalchemy.engine import make_url

        return make_url(self.database_url).render_as_string(hide_password=True)

    @property
    def secrets_dir(self) -> Path:
        return self.data_dir / "secrets"
