"""An in-process test harness: feed a message, await the bot's replies (no threads, no sleeps)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from bot.app import App
from bot.clock import VirtualClock
from bot.config import Settings
from bot.transports.memory import MemoryTransport
from handlers.messages import IncomingMessage, OutgoingMessage


class Harness:
    """The app on a MemoryTransport and a virtual clock."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        *,
        start: datetime,
        analyzer=None,
        trust_unknown_groups: bool = False,
        catch_up: bool = False,
    ) -> None:
        """`catch_up`: start like a restarted process (time jobs resume from the ledger's heartbeat);
        otherwise the time jobs run every moment after `start`."""
        self.clock = VirtualClock(start)
        self.transport = MemoryTransport(self.clock)
        self.app = App.build(
            settings,
            self.transport,
            clock=self.clock,
            engine=engine,
            analyzer=analyzer,
            trust_unknown_groups=trust_unknown_groups,
        )
        if not catch_up and self.app.runner is not None:
            self.app.runner.last = start
        self._ids = itertools.count(1)
        self.settings = settings

    @property
    def engine(self) -> Engine:
        return self.app.engine

    def message(
        self,
        text: str,
        *,
        sender: str = "wxid_ck_li",
        name: str | None = None,
        room: str = "room-pharma",
        at: datetime | None = None,
        mentions: tuple[str, ...] = (),
        quote: str | None = None,
        message_id: str | None = None,
        kind: str = "text",
    ) -> IncomingMessage:
        """Build an incoming message; the clock moves to `at` (default: one minute later)."""
        if at is None:
            self.clock.advance(60)
        else:
            self.clock.set(at)
        conf = self.settings.groups.get(room)
        return IncomingMessage(
            transport="memory",
            message_id=message_id or f"m{next(self._ids)}",
            room_id=room,
            room_name=conf.name if conf else room,
            sender_id=sender,
            sender_name=name or sender,
            text=text,
            timestamp=self.clock.now(),
            mention_ids=mentions,
            quote_id=quote,
            kind=kind,  # type: ignore[arg-type]
        )

    async def feed(self, text: str, **kw) -> list[OutgoingMessage]:
        """Deliver a message and return what the bot sent in response."""
        return await self.deliver(self.message(text, **kw))

    async def deliver(self, message: IncomingMessage) -> list[OutgoingMessage]:
        """Deliver a prepared message (e.g. twice, for duplicate delivery)."""
        await self.app.pipeline.on_message(message)
        await self.app.outbox.flush()
        return self.transport.take()

    async def tick(self, to: datetime | timedelta) -> list[OutgoingMessage]:
        """Let virtual time pass up to `to`: the jobs run at each moment on the way; return what was sent."""
        target = to if isinstance(to, datetime) else self.clock.now() + to
        await self.app.run_time_jobs(target)
        self.clock.set(target)
        await self.app.outbox.flush()
        return self.transport.take()
