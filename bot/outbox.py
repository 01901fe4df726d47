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
from bot.transports.base import SendOutcomeUnknown, Transport, TransportUnavailable
from handlers.messages import OutgoingMessage
from storage.db import unit_of_work
from storage.models import Outbox
from storage.outbox import (
    due_heads,
    fail_interrupted,
    mark_attempt_failed,
    mark_sending,
    mark_sent,
    mark_skipped,
    recently_sent_same,
    release,
)

log = logging.getLogger(__name__)
INTERRUPTED = "发送过程中程序中断，无法确认是否已发出；为避免重复，未自动重发（可用 /outbox retry 编号 重发）"
UNKNOWN = "发送过程中连接中断，无法确认是否已发出；为避免重复，未自动重发（可用 /outbox retry 编号 重发）"


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

    poll_seconds: float = 2.0  # the live loop looks for retries at least this often

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
        self._idle = asyncio.Event()
        self._idle.set()
        self._stopping = False
        listen = getattr(transport, "add_connected_listener", None)
        if listen is not None:  # a reconnected transport: send what waited meanwhile, now
            listen(self.wake)

    def wake(self) -> None:
        """Tell the loop there may be something new to send."""
        self._wake.set()

    def recover(self) -> int:
        """At start: messages a crash left half-sent are marked failed (never sent twice); return how many.

        A transport whose sends only record (replay, memory: ``resend_interrupted``) gets them again."""
        resend = bool(getattr(self.transport, "resend_interrupted", False))
        with unit_of_work(self.engine) as session:
            return fail_interrupted(session=session, reason=INTERRUPTED, resend=resend)

    async def flush(self) -> int:
        """Send everything that is due now (waiting out rate limits on the clock); return the count.

        Each round picks, among the oldest due message of every room, the one the governor lets
        go first, so a busy room does not hold up the others. Stops early when the transport is
        not connected (the messages stay pending, no attempt is counted).
        """
        sent = 0
        while not self._stopping:
            picked = self._pick()
            if picked is None:
                return sent
            if isinstance(picked, float):
                await self.clock.sleep(picked)
                continue
            result = await self._deliver(*picked)
            if result is None:
                return sent
            sent += result
        return sent

    def _pick(self) -> tuple[int, OutgoingMessage, int] | float | None:
        """In one unit of work: the next message, marked "sending" (id, message, attempts so far);
        or the seconds the governor wants to wait first; or None when nothing is due."""
        window = timedelta(seconds=self.limits.dedupe_window_seconds)
        with unit_of_work(self.engine) as session:
            while True:
                now = self.clock.now()
                heads = due_heads(session=session, now=now)
                if not heads:
                    return None
                waits = {r.room_id: self.governor.wait_time(r.room_id, now.timestamp()) for r in heads}
                row = min(heads, key=lambda r: (waits[r.room_id], r.id or 0))
                if waits[row.room_id] > 0:
                    return waits[row.room_id]
                if window and recently_sent_same(session=session, row=row, window=window, now=now):
                    mark_skipped(session=session, row=row, reason="identical message sent moments ago")
                    session.flush()
                    continue
                mark_sending(session=session, row=row)
                msg = OutgoingMessage(
                    room_id=row.room_id,
                    text=row.text,
                    mention_ids=tuple(row.mention_ids or ()),
                    reply_to=row.reply_to,
                    file_path=row.file_path,
                )
                assert row.id is not None
                return row.id, msg, row.attempts

    async def _deliver(self, row_id: int, msg: OutgoingMessage, attempts: int) -> int | None:
        """Hand one message to the transport: 1 when sent, 0 when failed, None when it is not connected."""
        self._idle.clear()
        try:
            tid = await self.transport.send(msg)
        except TransportUnavailable as exc:
            log.info("transport not connected, outbox %s stays pending: %s", row_id, exc)
            self._finish(row_id, lambda session, row: release(session=session, row=row))
            return None
        except SendOutcomeUnknown as exc:
            log.warning("outbox %s may or may not have been sent (%s); not resending", row_id, exc)
            self.governor.record(msg.room_id, self.clock.now().timestamp())  # count it: it may have gone out
            at, error = self.clock.now(), f"{UNKNOWN}（{exc}）"
            self._finish(
                row_id,
                lambda session, row: mark_attempt_failed(session=session, row=row, at=at, error=error, retry_at=None),
            )
            return 0
        except Exception as exc:  # the transport failed: retry later, or give up
            log.warning("send of outbox %s failed: %s", row_id, exc)
            retry_at = None
            if attempts + 1 < self.limits.max_attempts:
                retry_at = self.clock.now() + timedelta(seconds=min(300, 2 ** (attempts + 1)))
            at, error = self.clock.now(), f"{type(exc).__name__}: {exc}"
            self._finish(
                row_id,
                lambda session, row: mark_attempt_failed(
                    session=session, row=row, at=at, error=error, retry_at=retry_at
                ),
            )
            return 0
        now = self.clock.now()
        self.governor.record(msg.room_id, now.timestamp())
        self._finish(row_id, lambda session, row: mark_sent(session=session, row=row, at=now, transport_message_id=tid))
        return 1

    def _finish(self, row_id: int, update) -> None:
        try:
            with unit_of_work(self.engine) as session:
                row = session.get(Outbox, row_id)
                if row is not None:
                    update(session, row)
        finally:
            self._idle.set()

    async def run(self) -> None:
        """Send forever: wake on new messages, and at least every few seconds for retries."""
        while not self._stopping:
            try:
                await self.flush()
            except Exception:
                log.exception("outbox flush failed")
            if self._stopping:
                return
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)

    def stop(self) -> None:
        """Stop after the message being sent."""
        self._stopping = True
        self._wake.set()

    async def wait_idle(self, timeout: float) -> bool:
        """Wait (up to `timeout` real seconds) until no message is in the transport's hands."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True
