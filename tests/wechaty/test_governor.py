"""The send governor and the outbox sender on a virtual clock: nothing really sleeps."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import select

from bot.clock import VirtualClock
from bot.config import OutboxSection
from bot.governor import SendGovernor, TokenBucket
from bot.outbox import OutboxSender
from bot.transports.base import SendOutcomeUnknown, TransportUnavailable
from bot.transports.memory import MemoryTransport
from handlers.messages import OutgoingMessage
from storage.db import unit_of_work
from storage.models import Outbox, OutboxBase
from storage.outbox import enqueue, recent_failed, status_counts

T0 = datetime(2026, 6, 8, 9, 0, tzinfo=UTC)


def _enqueue(engine: Engine, items: list[tuple[str, str]], at: datetime = T0) -> None:
    with unit_of_work(engine) as session:
        for room, text in items:
            enqueue(session=session, data=OutboxBase(room_id=room, text=text), at=at)


def _sender(engine: Engine, limits: OutboxSection, governor=None, transport=None):
    clock = VirtualClock(T0)
    transport = transport or MemoryTransport(clock)
    return OutboxSender(engine, transport, clock, limits, governor), transport, clock


def _offsets(transport: MemoryTransport) -> list[float]:
    return [(t - T0).total_seconds() for t in transport.sent_at]  # type: ignore[operator]


def _max_in_window(times: list[float], window: float) -> int:
    return max(sum(1 for u in times if t <= u < t + window) for t in times)


def test_token_bucket_spacing_and_burst() -> None:
    bucket = TokenBucket(rate=1 / 3)
    assert bucket.wait_time(0.0) == 0.0
    bucket.take(0.0)
    assert bucket.wait_time(1.0) == 2.0
    bucket.take(3.0)
    assert bucket.wait_time(3.0) == 3.0
    burst = TokenBucket(rate=1.0, capacity=3)
    for _ in range(3):
        assert burst.wait_time(10.0) == 0.0
        burst.take(10.0)
    assert burst.wait_time(10.0) == 1.0


async def test_default_limits_exactly(engine: Engine) -> None:
    """Defaults: one message per 3 s per group and 20 per minute overall (jitter off to be exact)."""
    limits = OutboxSection()
    assert (limits.per_group_interval_seconds, limits.global_per_minute) == (3.0, 20)
    governor = SendGovernor.from_settings(limits.model_copy(update={"jitter_seconds": 0}))
    rooms = [f"room{i}@chatroom" for i in range(5)]
    _enqueue(engine, [(rooms[i % 5], f"消息 {i}") for i in range(45)])
    sender, transport, _clock = _sender(engine, limits, governor)
    assert await sender.flush() == 45
    times = _offsets(transport)
    assert times == [3.0 * i for i in range(45)]  # the global bucket: exactly 20 per minute
    assert _max_in_window(times, 60.0) == 20
    by_room: dict[str, list[float]] = {}
    for msg, t in zip(transport.sent, times, strict=True):
        by_room.setdefault(msg.room_id, []).append(t)
    for ts in by_room.values():
        assert min(b - a for a, b in itertools.pairwise(ts)) >= 3.0


async def test_per_group_interval_when_global_is_loose(engine: Engine) -> None:
    limits = OutboxSection(per_group_interval_seconds=3, global_per_minute=600, jitter_seconds=0)
    _enqueue(engine, [("a@chatroom", f"a{i}") for i in range(5)] + [("b@chatroom", f"b{i}") for i in range(5)])
    sender, transport, _clock = _sender(engine, limits, SendGovernor.from_settings(limits))
    await sender.flush()
    got = list(zip([m.room_id for m in transport.sent], _offsets(transport), strict=True))
    a = [t for r, t in got if r == "a@chatroom"]
    b = [t for r, t in got if r == "b@chatroom"]
    assert a == [0.0, 3.0, 6.0, 9.0, 12.0]
    assert b == [0.1, 3.1, 6.1, 9.1, 12.1]  # a busy room does not hold the other back


async def test_jitter_only_adds_delay(engine: Engine) -> None:
    limits = OutboxSection(jitter_seconds=1.0)
    governor = SendGovernor.from_settings(limits, rng=random.Random(7))
    _enqueue(engine, [("a@chatroom", f"a{i}") for i in range(30)])
    sender, transport, _clock = _sender(engine, limits, governor)
    await sender.flush()
    times = _offsets(transport)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert all(3.0 <= g <= 4.0 for g in gaps)
    assert len({round(g, 3) for g in gaps}) > 5  # really random
    assert _max_in_window(times, 60.0) <= 20


async def test_identical_text_to_same_group_sent_once(engine: Engine) -> None:
    limits = OutboxSection(dedupe_window_seconds=60)
    _enqueue(engine, [("a@chatroom", "同一句话"), ("a@chatroom", "同一句话"), ("b@chatroom", "同一句话")])
    sender, transport, clock = _sender(engine, limits)
    assert await sender.flush() == 2
    assert sorted(m.room_id for m in transport.take()) == ["a@chatroom", "b@chatroom"]
    clock.advance(61)  # outside the window it may be said again
    _enqueue(engine, [("a@chatroom", "同一句话")], at=clock.now())
    assert await sender.flush() == 1
    with unit_of_work(engine) as session:
        assert status_counts(session=session) == {"sent": 3, "skipped": 1}


async def test_retries_with_backoff_then_failed_and_visible(engine: Engine) -> None:
    limits = OutboxSection(max_attempts=3)
    _enqueue(engine, [("a@chatroom", "发不出去")])
    sender, transport, clock = _sender(engine, limits)
    transport.fail_next = 10
    assert await sender.flush() == 0
    with unit_of_work(engine) as session:
        row = session.exec(select(Outbox)).one()
        assert (row.status, row.attempts) == ("pending", 1)
        assert row.not_before.astimezone(UTC) == T0 + timedelta(seconds=2)
    clock.advance(2)
    await sender.flush()
    clock.advance(4)
    await sender.flush()
    with unit_of_work(engine) as session:
        failed = recent_failed(session=session)
        assert [(r.status, r.attempts) for r in failed] == [("failed", 3)]
        assert "simulated send failure" in (failed[0].last_error or "")
    assert transport.sent == []


class _Unsure(MemoryTransport):
    async def send(self, message: OutgoingMessage) -> str:
        raise SendOutcomeUnknown("StreamTerminatedError: connection lost")


async def test_send_with_unknown_outcome_is_not_resent(engine: Engine) -> None:
    _enqueue(engine, [("a@chatroom", "可能已发出")])
    limits = OutboxSection(jitter_seconds=0)
    governor = SendGovernor.from_settings(limits)
    clock = VirtualClock(T0)
    sender = OutboxSender(engine, _Unsure(clock), clock, limits, governor)
    assert await sender.flush() == 0
    clock.advance(3600)
    assert await sender.flush() == 0
    with unit_of_work(engine) as session:
        [row] = recent_failed(session=session)
        assert row.attempts == 1 and "无法确认是否已发出" in (row.last_error or "")
    assert governor.wait_time("a@chatroom", T0.timestamp()) == 3.0  # counted as a send


class _Offline(MemoryTransport):
    connected = False

    async def send(self, message: OutgoingMessage) -> str:
        if not self.connected:
            raise TransportUnavailable("not logged in")
        return await super().send(message)


async def test_unavailable_transport_keeps_messages_pending_without_attempts(engine: Engine) -> None:
    _enqueue(engine, [("a@chatroom", "一"), ("a@chatroom", "二")])
    clock = VirtualClock(T0)
    transport = _Offline(clock)
    sender = OutboxSender(engine, transport, clock, OutboxSection())
    assert await sender.flush() == 0
    with unit_of_work(engine) as session:
        assert status_counts(session=session) == {"pending": 2}
        assert {r.attempts for r in session.exec(select(Outbox))} == {0}
    transport.connected = True
    assert await sender.flush() == 2
    assert [m.text for m in transport.sent] == ["一", "二"]


async def test_pending_survive_restart_and_are_sent_once(engine: Engine) -> None:
    """A stop between sends leaves the rest pending; a new sender sends them, none twice."""
    _enqueue(engine, [("a@chatroom", f"第{i}条") for i in range(6)])
    limits = OutboxSection(jitter_seconds=0)
    first, t1, _clock = _sender(engine, limits, SendGovernor.from_settings(limits))
    original_send = t1.send

    async def send_then_stop(message: OutgoingMessage) -> str:
        tid = await original_send(message)
        if len(t1.sent) == 2:
            first.stop()  # e.g. SIGTERM while the outbox is busy
        return tid

    t1.send = send_then_stop  # type: ignore[method-assign]
    await first.flush()
    assert [m.text for m in t1.sent] == ["第0条", "第1条"]
    second, t2, _ = _sender(engine, limits, SendGovernor.from_settings(limits))
    assert second.recover() == 0
    assert await second.flush() == 4
    assert [m.text for m in t2.sent] == [f"第{i}条" for i in range(2, 6)]
    with unit_of_work(engine) as session:
        assert status_counts(session=session) == {"sent": 6}


async def test_message_interrupted_mid_send_is_never_resent(engine: Engine) -> None:
    _enqueue(engine, [("a@chatroom", "发到一半")])
    with unit_of_work(engine) as session:
        row = session.exec(select(Outbox)).one()
        row.status = "sending"  # the process died inside transport.send()
        session.add(row)
    sender, transport, _ = _sender(engine, OutboxSection())
    transport.resend_interrupted = False  # like a real account: the message may already be in the group
    assert sender.recover() == 1
    assert await sender.flush() == 0
    with unit_of_work(engine) as session:
        [row] = recent_failed(session=session)
        assert "未自动重发" in (row.last_error or "")
    assert transport.sent == []


async def test_message_interrupted_mid_send_is_redone_where_sending_only_records(engine: Engine) -> None:
    _enqueue(engine, [("a@chatroom", "回放中断")])
    with unit_of_work(engine) as session:
        row = session.exec(select(Outbox)).one()
        row.status = "sending"  # the replay died between recording and marking
        session.add(row)
    sender, transport, _ = _sender(engine, OutboxSection())
    assert sender.recover() == 1
    assert await sender.flush() == 1
    assert [m.text for m in transport.sent] == ["回放中断"]
