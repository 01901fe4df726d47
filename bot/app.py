"""Application assembly: the app's start-up and shutdown own the long-lived things."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from bot.clock import Clock, RealClock
from bot.config import Settings
from bot.dispatch import Dispatcher
from bot.outbox import Governor, OutboxSender
from bot.pipeline import Pipeline
from bot.scheduler import LiveScheduler
from bot.timejobs import TimeJobRunner
from bot.transports.base import Transport
from handlers import build_routers
from handlers.services import Services
from storage.db import make_engine, upgrade

log = logging.getLogger(__name__)


def build_analyzer(settings: Settings):
    """The NLP analyzer, built once, with the configured departments."""
    from nlp import Analyzer

    return Analyzer(departments=[d.model_dump() for d in settings.departments])


def build_dispatcher(settings: Settings) -> Dispatcher:
    """A dispatcher with every handlers router included in one place."""
    dispatcher = Dispatcher(settings)
    dispatcher.include_routers(*build_routers())
    return dispatcher


@dataclass
class App:
    """The running bot: engine, services, dispatcher, pipeline, outbox sender, transport."""

    settings: Settings
    engine: Engine
    services: Services
    dispatcher: Dispatcher
    pipeline: Pipeline
    outbox: OutboxSender
    transport: Transport
    clock: Clock
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    time_jobs: list = field(default_factory=list)
    runner: TimeJobRunner | None = None
    scheduler: LiveScheduler | None = None
    companions: list = field(default_factory=list)
    """Services run beside the transport (e.g. the dashboard next to Wechaty): run() / stop()."""

    @classmethod
    def build(
        cls,
        settings: Settings,
        transport: Transport,
        *,
        clock: Clock | None = None,
        engine: Engine | None = None,
        migrate: bool = True,
        trust_unknown_groups: bool = False,
        governor: Governor | None = None,
        analyzer=None,
    ) -> App:
        """Assemble the app (and bring the schema up to date unless told not to)."""
        clock = clock or RealClock()
        engine = engine or make_engine(settings.storage.url, echo=settings.storage.echo)
        if migrate:
            upgrade(engine)
        services = Services.build(settings, analyzer or build_analyzer(settings))
        dispatcher = build_dispatcher(settings)
        if governor is None and getattr(transport, "rate_limited", False):
            from bot.governor import SendGovernor

            governor = SendGovernor.from_settings(settings.outbox)
        outbox = OutboxSender(engine, transport, clock, settings.outbox, governor)
        pipeline = Pipeline(
            engine, settings, services, dispatcher, trust_unknown_groups=trust_unknown_groups, on_outbox=outbox.wake
        )
        app = cls(settings, engine, services, dispatcher, pipeline, outbox, transport, clock)
        app.runner = TimeJobRunner(engine, services, clock, outbox.flush)
        app.time_jobs.append(app.runner.advance)
        return app

    def latest_message_time(self):
        """The time of the newest stored message (a replay resumes its clock there)."""
        from sqlmodel import func, select

        from storage.db import unit_of_work
        from storage.models import RawMessage

        with unit_of_work(self.engine) as session:
            return session.exec(select(func.max(RawMessage.ts))).one()

    async def run_time_jobs(self, now) -> None:
        """Run the time-driven jobs that are due at `now` (reminders, digests)."""
        for job in self.time_jobs:
            await job(now)
        await self.outbox.flush()

    async def run(self) -> None:
        """Recover unhandled messages, then run the transport and the outbox until stopped."""
        interrupted = self.outbox.recover()
        if interrupted:
            log.warning("%d message(s) were being sent when the last run stopped; marked failed", interrupted)
        recovered = self.pipeline.recover()
        if recovered:
            log.info("handled %d message(s) left over from the last run", recovered)
        self.tasks = [asyncio.create_task(self.outbox.run(), name="outbox")]
        self.tasks += [asyncio.create_task(c.run(), name=type(c).__name__) for c in self.companions]
        self.scheduler = LiveScheduler(self.run_time_jobs, self.services, self.clock)
        self.scheduler.start()
        try:
            await self.transport.run(self.pipeline)
        finally:
            await self.shutdown()

    async def stop(self, grace: float = 3.0) -> None:
        """Ask the running app to stop: the outbox first (a send in progress finishes), then the transport."""
        self.outbox.stop()
        await self.outbox.wait_idle(grace)
        await self.transport.stop()

    async def shutdown(self, grace: float = 3.0) -> None:
        """Stop the scheduler and the outbox (letting a message in the transport's hands finish), then the transport."""
        if self.scheduler is not None:
            self.scheduler.stop()
        self.outbox.stop()
        await self.outbox.wait_idle(grace)
        with contextlib.suppress(Exception):
            await self.transport.stop()
        for companion in self.companions:
            with contextlib.suppress(Exception):
                await companion.stop()
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(BaseException):
                await task
        self.tasks = []
