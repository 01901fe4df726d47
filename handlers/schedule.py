"""Time for the time-driven jobs: cron schedules, the reminder grid, quiet hours, and the job types.

Everything here is a pure function of its arguments; "now" is always passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from handlers.messages import OutgoingMessage

if TYPE_CHECKING:
    from sqlmodel import Session

_DOW_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DOW_NUMBER = re.compile(r"(?<![/\w])([0-7])(?![\w])")


def cron_trigger(expr: str, tz: ZoneInfo) -> CronTrigger:
    """A crontab expression (minute hour day month weekday) in `tz`.

    Weekday numbers follow crontab (0 and 7 are Sunday); they are turned into names because
    APScheduler counts from Monday.
    """
    parts = expr.split()
    if len(parts) != 5:
        raise ValueError("needs five fields: minute hour day month weekday")
    parts[4] = _DOW_NUMBER.sub(lambda m: _DOW_NAMES[int(m.group(1))], parts[4])
    return CronTrigger.from_crontab(" ".join(parts), timezone=tz)


def fire_times(trigger: CronTrigger, after: datetime, until: datetime) -> list[datetime]:
    """The trigger's fire times in (after, until]."""
    out: list[datetime] = []
    t = trigger.get_next_fire_time(None, after + timedelta(microseconds=1))
    while t is not None and t <= until:
        out.append(t)
        t = trigger.get_next_fire_time(t, t + timedelta(seconds=1))
    return out


def previous_fire(trigger: CronTrigger, before: datetime, *, horizon_days: int = 35) -> datetime | None:
    """The last fire time strictly before `before` (looking back at most `horizon_days`)."""
    fires = fire_times(trigger, before - timedelta(days=horizon_days), before - timedelta(microseconds=1))
    return fires[-1] if fires else None


def parse_hhmm(text: str) -> time:
    """ "08:00" → time(8, 0)."""
    h, m = text.split(":")
    return time(int(h), int(m))


@dataclass(frozen=True)
class QuietHours:
    """Nothing is pushed between `start` and `end` (local time; the window may span midnight)."""

    start: time
    end: time
    tz: ZoneInfo

    def is_quiet(self, t: datetime) -> bool:
        """Whether `t` falls in the quiet window."""
        lt = t.astimezone(self.tz).time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= lt < self.end
        return lt >= self.start or lt < self.end

    def push_time(self, t: datetime) -> datetime:
        """`t`, or the end of the quiet window `t` falls in."""
        if not self.is_quiet(t):
            return t
        local = t.astimezone(self.tz)
        end = datetime.combine(local.date(), self.end, tzinfo=self.tz)
        return end if end > local else end + timedelta(days=1)


def grid(
    after: datetime, until: datetime, every_minutes: int, tz: ZoneInfo, extra: tuple[time, ...] = ()
) -> list[datetime]:
    """Times in (after, until] on an `every_minutes` grid from local midnight, plus `extra` times of day."""
    out: set[datetime] = set()
    day = after.astimezone(tz).date()
    last = until.astimezone(tz).date()
    times = [time(m // 60, m % 60) for m in range(0, 1440, every_minutes)] + list(extra)
    while day <= last:
        for tod in times:
            t = datetime.combine(day, tod, tzinfo=tz)
            if after < t <= until:
                out.add(t)
        day += timedelta(days=1)
    return sorted(out)


def local_date(t: datetime, tz: ZoneInfo) -> date:
    """The local calendar day of `t`."""
    return t.astimezone(tz).date()


def stamp(t: datetime, tz: ZoneInfo) -> str:
    """A job-key time: local, to the minute, with its offset (2026-06-08T18:00+08:00)."""
    return t.astimezone(tz).isoformat(timespec="minutes")


# --- job types --------------------------------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """A moment the jobs are evaluated at; `digests` names the digest schedules firing then."""

    at: datetime
    digests: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What a job did: its status for JobRun, the messages to send, further once-only keys."""

    status: str = "sent"  # sent | empty | skipped
    messages: list[OutgoingMessage] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    detail: str = ""


@dataclass(frozen=True)
class Job:
    """A once-only job: `key` is claimed in the unit of work that applies `run` and stores its messages.

    `run` re-reads the ledger inside that unit of work and returns None when nothing is left to do.
    """

    key: str
    kind: str
    at: datetime
    run: Callable[[Session], Outcome | None]
    not_before: datetime | None = None
