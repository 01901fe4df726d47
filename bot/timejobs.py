"""The time-job runner: walks the clock through every moment that has passed and runs what is due.

One code path for replay and live. `advance(until)` lists the moments in (last, until] from
the ledger (handlers/jobs.py); on a virtual clock it moves the clock to each moment before
running it, so replies, reminders and digests come out at their virtual times. On the real clock
a moment that is already far behind (the process was down or asleep) only has its digests
evaluated, and the state-driven jobs run once, at `until`.

Each job runs in its own unit of work; an IntegrityError means another process claimed the job
first. The first `advance` of a process resumes from the heartbeat the previous run left in the
ledger, so a digest missed while the bot was down is sent within its grace period or recorded
as skipped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.clock import Clock, VirtualClock
from handlers import jobs
from handlers.schedule import Moment
from handlers.services import Services
from storage import jobs as store
from storage.db import unit_of_work

log = logging.getLogger(__name__)

MAX_CATCH_UP = timedelta(days=7)
"""How far back a restart looks for missed digests (to record them as skipped)."""


class TimeJobRunner:
    """Runs the time-driven jobs for one process."""

    def __init__(
        self,
        engine: Engine,
        services: Services,
        clock: Clock,
        flush: Callable[[], Awaitable[int]] | None = None,
        *,
        since: datetime | None = None,
    ) -> None:
        self.engine = engine
        self.services = services
        self.clock = clock
        self.flush = flush
        self.last = since
        self._lock = asyncio.Lock()

    @property
    def tolerance(self) -> timedelta:
        """How late a moment may be run and still count as on time for the state-driven jobs."""
        return timedelta(minutes=self.services.policy.reminders.check_every_minutes)

    async def advance(self, until: datetime) -> int:
        """Run every moment in (last, until]; return how many jobs were done."""
        async with self._lock:
            first = self.last is None
            since = self._resume_point(until) if first else self.last
            assert since is not None
            if until <= since:
                self.last = since
                return 0
            with unit_of_work(self.engine) as session:
                found = jobs.moments(session=session, services=self.services, since=since, until=until)
            if first and (not found or found[-1].at != until):
                found.append(Moment(until))
            done = 0
            for moment in found:
                if isinstance(self.clock, VirtualClock):
                    self.clock.set(moment.at)
                now = self.clock.now()
                fresh = now - moment.at <= self.tolerance or moment.at == until
                done += self.run_moment(moment, now, state=fresh)
                if self.flush is not None:
                    await self.flush()
            self.last = until
            self._beat(until)
            return done

    def _resume_point(self, until: datetime) -> datetime:
        with unit_of_work(self.engine) as session:
            beat = store.heartbeat(session=session)
        if beat is None:
            return until
        return max(beat, until - MAX_CATCH_UP)

    def _beat(self, at: datetime) -> None:
        try:
            with unit_of_work(self.engine) as session:
                store.beat(session=session, at=at)
        except (IntegrityError, OperationalError) as exc:  # another process wrote it at the same time
            log.debug("heartbeat not written: %s", exc)

    def run_moment(self, moment: Moment, now: datetime, *, state: bool = True) -> int:
        """Plan and execute the jobs of one moment; return how many were done by this process."""
        with unit_of_work(self.engine) as session:
            planned = jobs.plan(session=session, services=self.services, moment=moment, now=now, state=state)
        done = 0
        for job in planned:
            try:
                with unit_of_work(self.engine) as session:
                    outcome = jobs.execute(session=session, services=self.services, job=job, now=now)
            except IntegrityError:
                log.info("time job %s was done by another process", job.key)
                continue
            except Exception:
                log.exception("time job %s failed", job.key)
                continue
            if outcome is not None:
                done += 1
                log.info("time job %s: %s %s", job.key, outcome.status, outcome.detail)
        return done
