"""The in-memory transport: the test twin of every real transport. It records what was sent."""

from __future__ import annotations

import asyncio
import itertools

from bot.transports.base import Sink
from handlers.messages import OutgoingMessage


class MemoryTransport:
    """Feeds messages in-process and records sends; `fail_next` simulates send failures."""

    name = "memory"
    resend_interrupted = True  # a send only records: redoing one cut off by a crash is safe

    def __init__(self, clock=None) -> None:
        self.sent: list[OutgoingMessage] = []
        self.sent_at: list[object] = []
        self.fail_next = 0
        self._ids = itertools.count(1)
        self._stop = asyncio.Event()
        self._clock = clock

    async def run(self, sink: Sink) -> None:
        await self._stop.wait()

    async def send(self, message: OutgoingMessage) -> str:
        if self.fail_next > 0:
            self.fail_next -= 1
            raise ConnectionError("simulated send failure")
        self.sent.append(message)
        self.sent_at.append(self._clock.now() if self._clock else None)
        return f"out{next(self._ids)}"

    async def stop(self) -> None:
        self._stop.set()

    def take(self) -> list[OutgoingMessage]:
        """The messages sent since the last take()."""
        out, self.sent = self.sent, []
        self.sent_at = []
        return out
