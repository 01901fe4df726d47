"""The outbox sender: delivers stored outgoing messages through the transport.

Every message is stored (pending) before it is sent and marked sent after; failures are
retried with backoff and end as "failed", visible to admins. A governor decides how long to
wait before the next send to a room (rate limits); identical text to the same room within a
short window is sent once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from typing import Protocol

from sqlalchemy.engine import Engine

from bot.clock import Clock
from bot.config import OutboxSection
from bot.transports.base import Transport
from handlers.messages import OutgoingMessage
from storage.db import unit_of_work
from storage.outbox import due, mark_attempt_failed, mark_sent, mark_skipped, recently_sent_same

log = logging.getLogger(__name__)


class Governor(Protocol):
    """Rate limiting: how long to wait before sending to `room_id`, and bookkeeping after."""

    def wait_time(self, room_id: str, now: float) -> float: ...

    def record(self, room_id: str, now: float) -> None: ...


class NoGovernor:
    """No rate limit (replays and tests that do not exercise the governor)."""

    def wait_time(self, room_id: str, now: float) -> float:
        return 0.0

    def record(self, room_id: str, now: float) -> None:
        return None


class OutboxSender:
    """Sends what is due; `flush()` for step-wise use, `run()` as the live loop."""

    def __init__(
        self,
        engine: Engine,
        transport: Transport,
        clock: Clock,
        limits: OutboxSection,
        governor: Governor | None = None,
    ) -> None:
        self.engine = engine
        self.transport = transport
        self.clock = clock
        self.limits = limits
        self.governor = governor or NoGovernor()
        self._wake = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        """Tell the loop there may be something new to send."""
        self._wake.set()

    async def flush(self) -> int:
        """Send everything that is due now (waiting out rate limits on the clock); return the count."""
        sent = 0
        while True:
            with unit_of_work(self.engine) as session:
                rows = due(session=session, now=self.clock.now(), limit=50)
            if not rows:
                return sent
            for row in rows:
                if self._stopping:
                    return sent
                sent += await self._send_one(row.id)  # type: ignore[arg-type]

    async def _send_one(self, row_id: int) -> int:
        from storage.models import Outbox

        with unit_of_work(self.engine) as session:
            row = session.get(Outbox, row_id)
            if row is None or row.status != "pending":
                return 0
            window = timedelta(seconds=self.limits.dedupe_window_seconds)
            if window and recently_sent_same(session=session, row=row, window=window, now=self.clock.now()):
                mark_skipped(session=session, row=row, reason="identical message sent moments ago")
                return 0
            msg = OutgoingMessage(
                room_id=row.room_id,
                text=row.text,
                mention_ids=tuple(row.mention_ids or ()),
                reply_to=row.reply_to,
                file_path=row.file_path,
            )
            attempts = row.attempts
        wait = self.governor.wait_time(msg.room_id, self.clock.now().timestamp())
        if wait > 0:
            await self.clock.sleep(wait)
        try:
            tid = await self.transport.send(msg)
        except Exception as exc:  # the transport failed: retry later, or give up
            log.warning("send of outbox %s failed: %s", row_id, exc)
            retry_at = None
            if attempts + 1 < self.limits.max_attempts:
                retry_at = self.clock.now() + timedelta(seconds=min(300, 2 ** (attempts + 1)))
            with unit_of_work(self.engine) as session:
                row = session.get(Outbox, row_id)
                if row is not None:
                    mark_attempt_failed(
                        session=session, row=row, at=self.clock.now(), error=str(exc), retry_at=retry_at
                    )
            return 0
        now = self.clock.now()
        self.governor.record(msg.room_id, now.timestamp())
        with unit_of_work(self.engine) as session:
            row = session.get(Outbox, row_id)
            if row is not None:
                mark_sent(session=session, row=row, at=now, transport_message_id=tid)
        return 1

    async def run(self) -> None:
        """Send forever: wake on new messages, and at least every few seconds for retries."""
        while not self._stopping:
            try:
                await self.flush()
            except Exception:
                log.exception("outbox flush failed")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=2.0)

    def stop(self) -> None:
        """Stop after the message being sent."""
        self._stopping = True
        self._wake.set()
