"""Service-level limits on the Chinese working-day calendar.

A limit is either a number of hours or a number of working days. "N working days" ends at
midnight after the N-th working day following the day the request was registered.
"""

from __future__ import annotations

import logging
import warnings
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from handlers.holidays import estimated_workday
from handlers.policy import Duration, Policy, SlaLimits

log = logging.getLogger(__name__)


class WorkCalendar:
    """Working days: statutory holidays and make-up workdays, plus config additions."""

    def __init__(self, extra_holidays: list[str] | None = None, extra_workdays: list[str] | None = None) -> None:
        self.extra_holidays = {date.fromisoformat(d) for d in extra_holidays or []}
        self.extra_workdays = {date.fromisoformat(d) for d in extra_workdays or []}
        self._warned: set[int] = set()

    def is_workday(self, day: date) -> bool:
        """Whether `day` is a working day."""
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        known = _statutory(day)
        if known is not None:
            return known
        estimate = estimated_workday(day)
        if day.year not in self._warned:
            self._warned.add(day.year)
            if estimate is None:
                log.warning("no holiday calendar for %s: using Monday to Friday", day.year)
            else:
                log.warning(
                    "no published holiday schedule for %s: estimating the statutory holidays (set "
                    "sla.extra_holidays / sla.extra_workdays once it is out)",
                    day.year,
                )
        return day.weekday() < 5 if estimate is None else estimate

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (not counting `start` itself)."""
        day = start
        count = 0
        while count < n:
            day += timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return day


@lru_cache(maxsize=4096)
def _statutory(day: date) -> bool | None:
    try:
        import chinese_calendar

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return bool(chinese_calendar.is_workday(day))
    except (NotImplementedError, ImportError):
        return None


def deadline(
    start: datetime, limit: Duration, calendar: WorkCalendar, tz: ZoneInfo, *, end_of_day: bool = False
) -> datetime:
    """When a limit that starts at `start` runs out: working days at the same time of day on the last of them, or
    at its end (`end_of_day`)."""
    if limit.hours is not None:
        return start + timedelta(hours=limit.hours)
    assert limit.working_days is not None
    local = start.astimezone(tz)
    last = calendar.add_working_days(local.date(), limit.working_days)
    if end_of_day:
        return datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
    return datetime.combine(last, local.time(), tzinfo=tz)


class SlaClock:
    """First-response and resolution deadlines for requests, per department."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.tz = policy.bot.tz
        self.calendar = WorkCalendar(policy.sla.extra_holidays, policy.sla.extra_workdays)
        self._eod = policy.sla.working_days_end == "end_of_day"

    def limits(self, department: str | None) -> SlaLimits:
        """The limits that apply to a department: its own where set, the defaults otherwise."""
        base = self.policy.sla
        own = base.per_department.get(department or "")
        if own is None:
            return base
        return SlaLimits(
            first_response=own.first_response if "first_response" in own.model_fields_set else base.first_response,
            resolution=own.resolution if "resolution" in own.model_fields_set else base.resolution,
        )

    def first_response_due(self, created_at: datetime, department: str | None) -> datetime:
        """When the first answer is due."""
        return deadline(
            created_at, self.limits(department).first_response, self.calendar, self.tz, end_of_day=self._eod
        )

    def resolution_due(self, created_at: datetime, department: str | None) -> datetime:
        """When resolution is due."""
        return deadline(created_at, self.limits(department).resolution, self.calendar, self.tz, end_of_day=self._eod)

    def is_overdue(self, status: str, created_at: datetime, department: str | None, now: datetime) -> bool:
        """Open (unanswered) past the first-response deadline."""
        return status == "open" and now >= self.first_response_due(created_at, department)
