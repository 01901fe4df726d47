"""The live scheduler: APScheduler drives the time-job runner on the real clock.

An interval job every `tick_seconds`, and a cron job per digest schedule so digests go out on
the second, all call the same `run(now)` (``App.run_time_jobs``), which runs every moment that
has passed since the last call. A start job runs it at once, catching up missed digests.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.clock import Clock
from handlers.jobs import digest_schedules
from handlers.schedule import cron_trigger
from handlers.services import Services

log = logging.getLogger(__name__)


class LiveScheduler:
    """Starts and stops the APScheduler jobs that call `run(now)`."""

    def __init__(
        self,
        run: Callable[[datetime], Awaitable[None]],
        services: Services,
        clock: Clock,
        *,
        tick_seconds: float = 60.0,
    ) -> None:
        self.run = run
        self.services = services
        self.clock = clock
        self.tick_seconds = tick_seconds
        self.scheduler: AsyncIOScheduler | None = None

    async def _tick(self) -> None:
        try:
            await self.run(self.clock.now())
        except Exception:
            log.exception("time jobs failed")

    def start(self) -> None:
        """Add the jobs and start (inside the running event loop)."""
        tz = self.services.policy.bot.tz
        sched = AsyncIOScheduler(timezone=tz)
        common = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        sched.add_job(self._tick, "date", id="catch-up", **common)
        sched.add_job(self._tick, IntervalTrigger(seconds=self.tick_seconds, timezone=tz), id="tick", **common)
        for name, cron in digest_schedules(self.services).items():
            sched.add_job(self._tick, cron_trigger(cron, tz), id=f"digest-{name}", **common)
        sched.start()
        self.scheduler = sched

    def stop(self) -> None:
        """Stop without waiting for a running job (the runner's unit of work finishes or rolls back)."""
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.scheduler = None
