"""The sync engine: push the journal in order, pull changes by cursor, report status. No Qt.

Everything outside is injected: the httpx client (and so its transport), the clock, the sleep and
random functions the backoff uses, and the token source. ``sync_once`` never raises: it returns a
report and updates ``status``; the Qt adapter (shared/qt/sync_adapter.py) calls it off the UI thread.

Exactly once: an op is marked done only by the server's result for it (store.apply_push_results,
one transaction). If the process dies after the server committed but before that transaction, the
op is still pending and the next push gets the server's stored result with ``replayed: true``.
"""

from __future__ import annotations

import contextlib
import random as _random
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

import httpx

from shared.auth.client import chain_of
from shared.auth.errors import LoginRequired
from shared.domain import Clock
from shared.store import ChangeSet, LocalStore, StoreError

from .errors import ErrorKind, SyncError, classify_exception, classify_response

PUSH_PATH = "/api/v1/sync/push"
PULL_PATH = "/api/v1/sync/pull"
EPOCH_PATH = "/api/v1/sync/epoch"
SSCC_PATH = "/api/v1/sync/sscc-block"

# Acknowledged ops stay in the device's journal this long, then a successful sync prunes them (at
# most once a day). Longer than the backend's backup history (14 nightly backups, docs/ADMIN.md):
# after a restore the app re-sends what the server lost, which needs the ops acknowledged since the
# backup. Disputes older than this are packed from the server's journal (the admin endpoint).
JOURNAL_RETENTION = timedelta(days=90)
PRUNE_EVERY = timedelta(days=1)
_PRUNED_AT_KEY = "journal_pruned_at"


class TokenSource(Protocol):
    """What the engine needs from the login session (shared.auth.Session implements it)."""

    def access_token(self) -> str | None:
        """The current access token, or None when there is no session."""
        ...

    def refresh(self) -> str:
        """Get a new access token with the refresh token; raise LoginRequired when that is refused."""
        ...


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the user always sees. Field names match shared.qt.status.StatusSnapshot where shared."""

    online: bool = False  # the last exchange with the server worked
    syncing: bool = False
    pending: int = 0
    oldest_pending_at: datetime | None = None
    oldest_pending_age_s: float | None = None
    last_sync_at: datetime | None = None  # last fully successful sync
    last_error: str = ""
    last_error_kind: str = ""  # ErrorKind value, "" when none
    last_error_code: str = ""  # SyncError.code ("timeout", "connect", "seq_gap", ...), "" when none
    last_error_key: str = ""  # the message's catalog code (SyncError.key, a StoreError's code)
    last_error_params: Mapping[str, Any] = field(default_factory=dict)  # its params
    needs_login: bool = False
    progress_done: int | None = None  # first sync / resync: changes applied so far
    progress_total: int | None = None
    conflicts: int = 0
    next_retry_in_s: float | None = None


@dataclass(slots=True)
class SyncReport:
    ok: bool = False
    pushed: int = 0
    applied: int = 0
    rejected: int = 0
    pulled: int = 0
    pages: int = 0
    resynced: bool = False
    pruned: int = 0  # acknowledged ops dropped from the journal after this sync (retention)
    error: SyncError | None = None
    changes: ChangeSet = field(default_factory=ChangeSet)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Capped exponential backoff with jitter: delay n is in [d/2, d], d = min(cap, base * 2**n)."""

    base_s: float = 0.5
    cap_s: float = 30.0

    def delay(self, attempt: int, rnd: float) -> float:
        d = min(self.cap_s, self.base_s * float(2 ** max(0, attempt)))
        return d / 2 + d / 2 * rnd


class SyncEngine:
    def __init__(
        self,
        store: LocalStore,
        client: httpx.Client,
        tokens: TokenSource | None,
        clock: Clock,
        *,
        batch_size: int = 250,
        page_size: int = 1000,
        full_page_size: int = 5000,
        max_attempts: int = 4,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] = _random.random,
        journal_retention: timedelta | None = JOURNAL_RETENTION,
    ) -> None:
        if not 1 <= batch_size <= 500:
            raise ValueError("batch_size is 1..500 (the protocol's limit)")
        self.store = store
        self.client = client
        self.tokens = tokens
        self.clock = clock
        self.batch_size = batch_size
        self.page_size = page_size
        self.full_page_size = full_page_size  # first sync and resync: fewer, larger pages
        self.max_attempts = max_attempts
        self.backoff = backoff or Backoff()
        self._sleep = sleep
        self._random = random
        if journal_retention is not None and journal_retention < timedelta(days=15):
            raise ValueError("journal_retention must outlast the backend's backups (15 days or more)")
        self.journal_retention = journal_retention  # None: keep every acknowledged op
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._change_listeners: list[Callable[[ChangeSet], None]] = []
        self._was_offline = False
        self._failures = 0  # consecutive failed syncs, for the scheduler's backoff
        self._last_mismatch: tuple[tuple[str, int, int], ...] | None = None

    # ------------------------------------------------------------------ status
    @property
    def status(self) -> SyncStatus:
        return self._status

    def on_status(self, listener: Callable[[SyncStatus], None]) -> None:
        self._listeners.append(listener)

    def on_changes(self, listener: Callable[[ChangeSet], None]) -> None:
        """Called after a pull (or a push result) changed local data."""
        self._change_listeners.append(listener)

    def _set(self, **kw: Any) -> None:
        self._status = replace(self._status, **kw)
        for listener in list(self._listeners):
            listener(self._status)

    def refresh_status(self) -> SyncStatus:
        """Re-read the local figures (pending, oldest age, conflicts) into the status."""
        try:
            now = self.clock.now()
            age = self.store.oldest_pending_age(now)
            self._set(
                pending=self.store.pending_count(),
                oldest_pending_at=None if age is None else now - age,
                oldest_pending_age_s=None if age is None else age.total_seconds(),
                conflicts=self.store.conflicts_count(),
            )
        except StoreError as exc:
            self._set(
                last_error=exc.message,
                last_error_kind=ErrorKind.STORE.value,
                last_error_key=exc.code,
                last_error_params=dict(exc.params),
            )
        return self._status

    def next_delay(self) -> float:
        """How long a scheduler should wait before the next automatic sync after failures."""
        if self._failures == 0:
            return 0.0
        return self.backoff.delay(self._failures - 1, self._random())

    # ------------------------------------------------------------------ HTTP with retries
    def _headers(self) -> dict[str, str]:
        token = self.tokens.access_token() if self.tokens else None
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        device = self.store.device_id
        if device.isascii():  # the backend's /metrics shows each device's queue (wb_device_pending_ops)
            headers["X-WB-Device"] = device
            headers["X-WB-Pending-Ops"] = str(self._status.pending)
        return headers

    def _request(self, method: str, path: str, **kw: Any) -> Any:
        """One request: retried on network/5xx/429 with backoff, one token refresh on 401."""
        refreshed = False
        attempt = 0
        while True:
            try:
                response = self.client.request(method, path, headers=self._headers(), **kw)
                error = classify_response(response)
            except httpx.HTTPError as exc:
                error, response = classify_exception(exc), None
            if error is None and response is not None:
                try:
                    return response.json()
                except ValueError:
                    error = SyncError(ErrorKind.PERMANENT, "sync_not_json", status=response.status_code)
            assert error is not None
            if error.kind is ErrorKind.AUTH and not refreshed and self.tokens is not None:
                refreshed = True
                self._refresh_token()
                continue
            if error.kind is ErrorKind.AUTH:
                raise SyncError(ErrorKind.AUTH, "sync_session_expired", status=401)
            attempt += 1
            if not error.retryable or attempt >= self.max_attempts:
                raise error
            wait = self.backoff.delay(attempt - 1, self._random())
            if response is not None and response.status_code == 429:
                with contextlib.suppress(ValueError):
                    wait = max(wait, min(self.backoff.cap_s, float(response.headers.get("Retry-After", 0))))
            self._sleep(wait)

    def request(self, method: str, path: str, **kw: Any) -> Any:
        """One authenticated request with the engine's retries and token refresh (the photo uploader
        uses it); raises SyncError."""
        return self._request(method, path, **kw)

    def _refresh_token(self) -> None:
        if self.tokens is None:
            return
        try:
            self.tokens.refresh()
        except LoginRequired as exc:
            raise SyncError(ErrorKind.AUTH, "sync_session_expired", status=401) from exc
        except httpx.HTTPError as exc:
            raise classify_exception(exc) from exc

    def _reconnect_token(self) -> None:
        """On reconnect, a fresh token before pushing. With no refresh token here (a shift opened
        offline) that refusal is local: whether a login is needed is for the server to say (the
        push's 401), so a device still offline stays "offline" instead of asking for a password."""
        try:
            self._refresh_token()
        except SyncError as exc:
            if exc.kind is not ErrorKind.AUTH:
                raise

    # ------------------------------------------------------------------ the sync
    def sync_once(self) -> SyncReport:
        """Push every pending op, then pull until caught up. Never raises; see the report and status."""
        with self._lock:
            report = SyncReport()
            self._set(syncing=True)
            try:
                if self._was_offline and self.tokens is not None:
                    self._reconnect_token()
                self._push(report)
                self._pull(report)
                self._refill_sscc()
                report.ok = True
            except SyncError as exc:
                report.error = exc
            except StoreError as exc:
                report.error = SyncError(ErrorKind.STORE, exc.code, params=exc.params)
            except LoginRequired:
                report.error = SyncError(ErrorKind.AUTH, "sync_session_expired", status=401)
            if report.ok:
                self._failures = 0
                self._was_offline = False
                report.pruned = self._prune_journal()
                self._set(
                    online=True,
                    last_sync_at=self.clock.now(),
                    last_error="",
                    last_error_kind="",
                    last_error_code="",
                    last_error_key="",
                    last_error_params={},
                    needs_login=False,
                    progress_done=None,
                    progress_total=None,
                    next_retry_in_s=None,
                )
            else:
                err = report.error
                assert err is not None
                self._failures += 1
                offline = err.kind in (ErrorKind.NETWORK, ErrorKind.SERVER)
                self._was_offline = self._was_offline or offline
                self._set(
                    online=False if offline or err.kind is ErrorKind.AUTH else self._status.online,
                    last_error=err.message,
                    last_error_kind=err.kind.value,
                    last_error_code=err.code,
                    last_error_key=err.key,
                    last_error_params=dict(err.params),
                    needs_login=err.kind is ErrorKind.AUTH,
                    next_retry_in_s=self.next_delay() if err.retryable else None,
                )
            self._set(syncing=False)
            self.refresh_status()
            if report.changes:
                for listener in list(self._change_listeners):
                    listener(report.changes)
            return report

    def _prune_journal(self) -> int:
        """Drop ops acknowledged longer ago than the retention, at most once a day; never fails a sync."""
        if self.journal_retention is None:
            return 0
        now = self.clock.now()
        last = self.store.kv_get(_PRUNED_AT_KEY)
        with contextlib.suppress(ValueError):
            if last and now - datetime.fromisoformat(last) < PRUNE_EVERY:
                return 0
        try:
            pruned = self.store.prune_journal(now - self.journal_retention)
            self.store.kv_set(_PRUNED_AT_KEY, now.isoformat())
        except StoreError:
            return 0  # a full disk or a locked file: the next day's sync tries again
        return pruned

    def _push(self, report: SyncReport) -> None:
        recovered = False  # one seq recovery (re-send or new epoch) per sync, never a loop
        while True:
            ops = self.store.pending_ops(self.batch_size)
            if not ops:
                return
            device = self.store.device_id
            body = {"device_id": device, "ops": [self.store.wire(op) for op in ops]}
            try:
                answer = self._request("POST", PUSH_PATH, json=body)
            except SyncError as exc:
                if exc.status == 409 and exc.code in ("seq_gap", "seq_conflict") and not recovered:
                    recovered = True
                    self._recover_seqs(exc)
                    continue
                if exc.status == 409 and exc.code == "seq_gap":
                    raise SyncError(
                        ErrorKind.PERMANENT,
                        "sync_seq_gap",
                        status=409,
                        code="seq_gap",
                    ) from exc
                raise
            results = answer.get("results") if isinstance(answer, Mapping) else None
            if not isinstance(results, list):
                raise SyncError(ErrorKind.PERMANENT, "sync_no_results")
            outcome = self.store.apply_push_results(results)
            report.pushed += len(ops)
            report.applied += outcome.applied
            report.rejected += outcome.rejected
            if outcome.changes.units or outcome.changes.conflicts:
                report.changes.merge(outcome.changes)
            self.refresh_status()
            if outcome.applied + outcome.rejected == 0:
                still = {op.op_id for op in self.store.pending_ops(self.batch_size)}
                if still.isdisjoint(op.op_id for op in ops):
                    continue  # confirmed meanwhile (another push of this journal): nothing is wrong
                raise SyncError(ErrorKind.PERMANENT, "sync_none_confirmed")

    def _recover_seqs(self, exc: SyncError) -> None:
        """The server's numbering and this journal's disagree. After a restore of the server (seq_gap
        below what it acknowledged) the journal still holds the lost ops: they are sent again. A
        journal that restarted (seq_conflict), or one whose lost ops were pruned, carries on under a
        new device epoch so no pending op is dropped or given another op's seq."""
        if exc.code == "seq_gap":
            expected = exc.detail.get("expected_seq")
            if isinstance(expected, int) and expected >= 1 and self.store.mark_for_resend(expected) >= 0:
                self.refresh_status()
                return
        answer = self._request("POST", EPOCH_PATH)
        if not isinstance(answer, Mapping) or not isinstance(answer.get("device_id"), str):
            raise SyncError(ErrorKind.PERMANENT, "sync_no_epoch")
        block = answer.get("sscc_block")
        chain_key, _ = chain_of(answer)  # the new id's chain key: its ops are keyed from the first
        self.store.start_epoch(str(answer["device_id"]), block if isinstance(block, int) else None, chain_key)
        self.store.add_sscc_ranges(answer.get("sscc_ranges"), replace=True)
        self.refresh_status()

    def _refill_sscc(self) -> None:
        """The next block of box numbers when the newest is half used: asked ahead of need, so a failure
        here fails nothing (the next sync asks again)."""
        position = self.store.sscc_refill_position()
        if position is None:
            return
        try:
            answer = self._request("POST", SSCC_PATH, json={"position": position})
        except SyncError:
            return
        if isinstance(answer, Mapping):
            self.store.add_sscc_ranges(answer.get("sscc_ranges"))

    def _pull(self, report: SyncReport) -> None:
        resynced = False
        while True:
            counts = self._pull_all(report)
            mismatch = self._mismatch(counts)
            if not mismatch or resynced or mismatch == self._last_mismatch:
                self._last_mismatch = mismatch or None
                return
            # Local totals disagree with the server's: pull everything again from an empty cursor.
            self._last_mismatch = mismatch
            self.store.start_resync()
            report.resynced = resynced = True

    def _mismatch(self, counts: Mapping[str, Any] | None) -> tuple[tuple[str, int, int], ...]:
        if not counts:
            return ()
        local = self.store.local_counts()
        out = []
        for entity, n in sorted(counts.items()):
            if entity in local and isinstance(n, int) and local[entity] != n:
                out.append((entity, n, local[entity]))
        return tuple(out)

    def _pull_all(self, report: SyncReport) -> Mapping[str, Any] | None:
        cursor = self.store.cursor
        full = cursor is None or cursor == "" or self.store.resync_in_progress
        done = 0
        limit = min(self.full_page_size, 5000) if full else self.page_size

        def fetch(at: str) -> Any:
            return self._request("GET", PULL_PATH, params={"cursor": at, "limit": limit})

        # The next page is fetched while this one is applied (the server and the disk work at once);
        # each page is still applied with its own cursor in one transaction, strictly in order.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as pool:
            pending: Future[Any] = pool.submit(fetch, cursor or "")
            try:
                while True:
                    answer = pending.result()
                    if not isinstance(answer, Mapping) or not isinstance(answer.get("changes"), list):
                        raise SyncError(ErrorKind.PERMANENT, "sync_pull_incomplete")
                    changes = answer["changes"]
                    next_cursor = str(answer.get("next_cursor") or cursor or "")
                    has_more = bool(answer.get("has_more")) and bool(changes)
                    if has_more:
                        pending = pool.submit(fetch, next_cursor)
                    applied = self.store.apply_pull_page(changes, next_cursor)
                    report.pages += 1
                    report.pulled += applied.applied
                    if full:
                        report.changes.full = True
                    else:
                        report.changes.merge(applied.changes)
                    done += applied.applied
                    if full:
                        remaining = int(answer.get("remaining") or 0)
                        self._set(progress_done=done, progress_total=done + (remaining if has_more else 0))
                    if not has_more:
                        report.changes.merge(self.store.finish_pull())
                        counts = answer.get("counts")
                        return counts if isinstance(counts, Mapping) else None
                    cursor = next_cursor
            except BaseException:
                pending.cancel()
                raise
