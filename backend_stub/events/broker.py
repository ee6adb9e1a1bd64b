"""The outbox through NATS JetStream (`WB_BROKER_URL=nats://host:4222`): the seed's "publish
OrderPaid to a message broker", done from the outbox so no event is lost or published twice.

Publisher (the relay leader): outbox rows after its stored cursor, in id order, each to the stream
`WB_EVENTS` on `wb.events.<Type>` with `Nats-Msg-Id` = the event id, waiting for the stream's ack;
the cursor (relay_offsets 'nats-publisher') moves after the acks. A leader killed between the ack
and the cursor makes its successor publish those events again, and the stream drops them as
duplicates (same Nats-Msg-Id within the duplicate window, `DUPLICATE_WINDOW_S`).

Warehouse side: the durable pull consumer `wb-warehouse` reads the stream in order and hands each
event to the relay's handler (OrderPaid -> a pick task, deduped on the event id; cancellations),
acking after the transaction that made the task committed. A redelivered event finds its task and
changes nothing. The pick-task cursor the warehouse event feed shows moves with it, in the same
transaction, never backwards.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Protocol

from sqlalchemy import insert, select, update

from ..context import AppContext
from ..db import relay_offsets
from .outbox import read_after


class EventHandler(Protocol):
    """What the bridge needs of the relay (relay.py imports this module, not the other way)."""

    @property
    def ctx(self) -> AppContext: ...

    def handle_event(self, event: dict[str, Any]) -> bool: ...


STREAM = "WB_EVENTS"
SUBJECTS = "wb.events.>"
DURABLE = "wb-warehouse"
PUBLISHER = "nats-publisher"
DUPLICATE_WINDOW_S = 600.0  # far beyond a leader takeover (about one relay interval)
PUBLISH_BATCH = 200
FETCH_BATCH = 32
log = logging.getLogger("wb.backend.relay")


def subject(event_type: str) -> str:
    return f"wb.events.{event_type}"


class NatsBridge:
    def __init__(self, relay: EventHandler, url: str) -> None:
        self._relay = relay
        self._url = url
        self._nc: Any = None
        self._js: Any = None
        self._sub: Any = None

    async def connect(self) -> None:
        import nats
        from nats.js.api import AckPolicy, ConsumerConfig, StorageType, StreamConfig
        from nats.js.errors import NotFoundError

        self._nc = await nats.connect(self._url, connect_timeout=2, allow_reconnect=False)
        self._js = self._nc.jetstream(timeout=5)
        try:
            await self._js.stream_info(STREAM)
        except NotFoundError:
            await self._js.add_stream(
                StreamConfig(
                    name=STREAM,
                    subjects=[SUBJECTS],
                    storage=StorageType.FILE,
                    duplicate_window=DUPLICATE_WINDOW_S,
                )
            )
        self._sub = await self._js.pull_subscribe(
            SUBJECTS,
            durable=DURABLE,
            stream=STREAM,
            config=ConsumerConfig(ack_policy=AckPolicy.EXPLICIT, ack_wait=30, max_deliver=-1),
        )
        log.info("relay: publishing the outbox to %s (stream %s)", self._url, STREAM)

    async def close(self) -> None:
        if self._nc is not None:
            try:
                await self._nc.close()
            except Exception:  # already gone with the connection
                log.debug("closing the NATS connection failed", exc_info=True)
            self._nc = self._js = self._sub = None

    async def pump(self) -> int:
        """Publish what the outbox has that the stream has not, then consume what the stream has
        for the warehouse; return how many events moved either way."""
        return await self.publish() + await self.consume()

    # ---- publisher -------------------------------------------------------------------------------
    def _unpublished(self) -> list[dict[str, Any]]:
        with self._relay.ctx.db.read() as conn:
            cursor = conn.execute(
                select(relay_offsets.c.cursor).where(relay_offsets.c.consumer == PUBLISHER)
            ).scalar_one_or_none()
            return read_after(conn, int(cursor or 0), PUBLISH_BATCH)

    def _published(self, cursor: int) -> None:
        with self._relay.ctx.db.write() as conn:
            moved = conn.execute(
                update(relay_offsets).where(relay_offsets.c.consumer == PUBLISHER).values(cursor=cursor)
            ).rowcount
            if not moved:
                conn.execute(insert(relay_offsets).values(consumer=PUBLISHER, cursor=cursor))

    async def publish(self) -> int:
        total = 0
        while events := await asyncio.to_thread(self._unpublished):
            for event in events:
                await self._js.publish(
                    subject(event["type"]),
                    json.dumps(event, ensure_ascii=False).encode(),
                    stream=STREAM,
                    headers={"Nats-Msg-Id": event["id"]},
                )
            await asyncio.to_thread(self._published, int(events[-1]["cursor"]))
            total += len(events)
        return total

    # ---- warehouse consumer ----------------------------------------------------------------------
    async def consume(self) -> int:
        from nats.errors import TimeoutError as NatsTimeout

        total = 0
        while True:
            try:
                msgs = await self._sub.fetch(FETCH_BATCH, timeout=0.2)
            except (TimeoutError, NatsTimeout):
                return total
            for i, msg in enumerate(msgs):
                event = json.loads(msg.data)
                if not await asyncio.to_thread(self._relay.handle_event, event):
                    for later in msgs[i:]:  # cannot place it yet: again after a pause, in order
                        await later.nak(delay=1.0)
                    return total
                await msg.ack_sync(timeout=5)
                total += 1
