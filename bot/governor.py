"""The send governor: rate limits that keep a WeChat account from being flagged for flooding.

WeChat restricts or bans accounts that send too fast, so every live send waits for two token
buckets — one per group, one for the whole account — plus a little random jitter. Times are
plain seconds from the injected clock (``Clock.now().timestamp()``), so tests run the governor
on a ``VirtualClock`` and nothing really sleeps.

A bucket is kept as a "theoretical arrival time" (the GCRA form of a token bucket): with one
token of capacity, sends are at least ``1 / rate`` seconds apart, so "20 per minute" never
means more than 20 sends in any 60-second window.
"""

from __future__ import annotations

import math
import random

from bot.config import OutboxSection

_US = 1_000_000


def _us(seconds: float) -> int:
    """Seconds as whole microseconds (clocks keep microseconds)."""
    return round(seconds * _US)


class TokenBucket:
    """`rate` sends per second with room for a burst of `capacity` sends (exact, in microseconds)."""

    def __init__(self, rate: float, capacity: int = 1) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.interval = math.ceil(_US / rate - 1e-6)  # never shorter than configured
        self.tolerance = (capacity - 1) * self.interval
        self._tat: int | None = None  # theoretical arrival time of the next send

    def wait_time(self, now: float) -> float:
        """Seconds until a send is allowed (0 when allowed now)."""
        if self._tat is None:
            return 0.0
        return max(0, self._tat - self.tolerance - _us(now)) / _US

    def take(self, now: float, extra: float = 0.0) -> None:
        """Record a send at `now`; `extra` seconds push the next one further out (jitter)."""
        t = _us(now)
        self._tat = max(self._tat if self._tat is not None else t, t) + self.interval + _us(extra)

    def idle(self, now: float) -> bool:
        """Whether the bucket is full again (it may be forgotten)."""
        return self._tat is None or self._tat <= _us(now)


class SendGovernor:
    """Per-group and global token buckets plus jitter; implements ``bot.outbox.Governor``."""

    def __init__(
        self,
        *,
        per_group_interval: float = 3.0,
        global_per_minute: int = 20,
        jitter: float = 1.0,
        rng: random.Random | None = None,
    ) -> None:
        self.per_group_interval = per_group_interval
        self.global_bucket = TokenBucket(global_per_minute / 60.0)
        self.jitter = jitter
        self._rng = rng or random.Random()
        self._groups: dict[str, TokenBucket] = {}

    @classmethod
    def from_settings(cls, limits: OutboxSection, *, rng: random.Random | None = None) -> SendGovernor:
        """The governor configured by the ``outbox`` section."""
        return cls(
            per_group_interval=limits.per_group_interval_seconds,
            global_per_minute=limits.global_per_minute,
            jitter=limits.jitter_seconds,
            rng=rng,
        )

    def _draw(self) -> float:
        return self._rng.uniform(0.0, self.jitter) if self.jitter > 0 else 0.0

    def _group(self, room_id: str) -> TokenBucket | None:
        if self.per_group_interval <= 0:
            return None
        bucket = self._groups.get(room_id)
        if bucket is None:
            bucket = self._groups[room_id] = TokenBucket(1.0 / self.per_group_interval)
        return bucket

    def wait_time(self, room_id: str, now: float) -> float:
        """Seconds to wait before a send to `room_id` is allowed (0: send now)."""
        group = self._groups.get(room_id)
        return max(self.global_bucket.wait_time(now), group.wait_time(now) if group else 0.0)

    def record(self, room_id: str, now: float) -> None:
        """Book a send to `room_id` that happened at `now`; the next send also waits a random jitter."""
        self.global_bucket.take(now, extra=self._draw())
        group = self._group(room_id)
        if group is not None:
            group.take(now)
        if len(self._groups) > 256:  # forget groups whose bucket is full again
            for rid in [r for r, b in self._groups.items() if b.idle(now)]:
                del self._groups[rid]
