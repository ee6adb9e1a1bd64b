"""The admin CLI, in-process, on a tmp data dir."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from backend_stub.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {
        "WB_ARGON2_TIME_COST": "1",
        "WB_ARGON2_MEMORY_KIB": "1024",
        "WB_ARGON2_PARALLELISM": "1",
    }.items():
        monkeypatch.setenv(key, value)


def test_init_is_idempotent_and_keeps_secrets_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "d")
    assert _run(capsys, "init", "--data-dir", d)[0] == 0
    secret = (tmp_path / "d" / "secrets" / "payment_webhook_secret").read_text()
    assert _run(capsys, "init", "--data-dir", d)[0] == 0
    assert (tmp_path / "d" / "secrets" / "payment_webhook_secret").read_text() == secret
    assert stat.S_IMODE((tmp_path / "d" / "secrets").stat().st_mode) == 0o700


def test_bad_input_gets_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = str(tmp_path / "d")
    code, _, err = _run(capsys, "create-site", "pvz 1", "--kind", "pvz", "--name", "x", "--data-dir", d)
    assert code == 2 and "bad site id" in err
    code, _, err = _run(capsys, "create-user", "c", "--role", "clerk", "--password-stdin", "--data-dir", d)
    assert code == 2  # no password on stdin
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = _run(capsys, "create-user", "c", "--role", "customer", "--password-stdin", "--data-dir", d)
    assert code == 2 and "8 characters" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-1\n"))
    code, _, err = _run(
        capsys,
        "create-user",
        "c",
        "--role",
        "clerk",
        "--site",
        "PVZ-NONE",
        "--password-stdin",
        "--data-dir",
        d,
    )
    assert code == 2 and "unknown site" in err


def test_rotate_keys_publishes_the_new_public_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from backend_stub.context import open_context
    from backend_stub.services.pickup import public_key_b64
    from backend_stub.settings import Settings

    d = tmp_path / "d"
    _run(capsys, "init", "--data-dir", str(d))
    before = public_key_b64(open_context(Settings(data_dir=d)))
    old_secret = (d / "secrets" / "payment_webhook_secret").read_text()
    code, out, _ = _run(capsys, "rotate-keys", "--webhook-secret", "--data-dir", str(d))
    assert code == 0 and "new payment webhook secret" in out
    ctx = open_context(Settings(data_dir=d))
    after = public_key_b64(ctx)
    assert after != before and (d / "secrets" / "payment_webhook_secret").read_text() != old_secret
    with ctx.db.read() as conn:
        data = conn.exec_driver_sql("SELECT data FROM changes WHERE entity = 'pickup_key'").scalar_one()
    assert after in data
