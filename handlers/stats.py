"""Ledger statistics with explicit denominators; the same functions feed /stats, digests and the web.

resolution rate = resolved / (collected − cancelled); "answered in time" = answered within the
first-response limit / (collected − cancelled).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlmodel import Session

from handlers.sla import SlaClock
from storage.ledger import list_requests
from storage.models import Request


@dataclass(frozen=True)
class Period:
    """A reporting period [start, end) with its Chinese label."""

    key: str
    label: str
    start: datetime | None
    end: datetime | None


PERIOD_WORDS = {
    "本周": "week",
    "week": "week",
    "本月": "month",
    "month": "month",
    "今年": "year",
    "本年": "year",
    "year": "year",
    "all": "all",
    "全部": "all",
    "累计": "all",
}


def period(key: str, now: datetime, sla: SlaClock) -> Period:
    """The period named by `key` (week, month, year, all) containing `now`, in local time."""
    local = now.astimezone(sla.tz)
    today = datetime.combine(local.date(), time(0), tzinfo=sla.tz)
    if key == "week":
        start = today - timedelta(days=local.weekday())
        return Period(key, "本周", start, None)
    if key == "month":
        return Period(key, f"{local.month}月", today.replace(day=1), None)
    if key == "year":
        return Period(key, f"{local.year}年", today.replace(month=1, day=1), None)
    return Period("all", "累计", None, None)


@dataclass(frozen=True)
class Figures:
    """The ledger figures for a set of requests."""

    collected: int
    answered: int
    resolved: int
    cancelled: int
    overdue: int
    answered_in_time: int
    median_first_answer: timedelta | None
    median_resolution: timedelta | None

    @property
    def base(self) -> int:
        """The denominator of rates: collected − cancelled."""
        return self.collected - self.cancelled

    @property
    def resolution_rate(self) -> float | None:
        return self.resolved / self.base if self.base else None

    @property
    def in_time_rate(self) -> float | None:
        return self.answered_in_time / self.base if self.base else None


def _median(values: list[timedelta]) -> timedelta | None:
    return statistics.median(values) if values else None


def figures(requests: Iterable[Request], sla: SlaClock, now: datetime) -> Figures:
    """Compute the figures for these requests, with overdue evaluated at `now`."""
    reqs = list(requests)
    live = [r for r in reqs if r.status != "cancelled"]
    first = [r.first_answer_at - r.created_at for r in live if r.first_answer_at]
    done = [r.resolved_at - r.created_at for r in live if r.resolved_at and r.status == "resolved"]
    in_time = sum(
        1 for r in live if r.first_answer_at and r.first_answer_at <= sla.first_response_due(r.created_at, r.department)
    )
    return Figures(
        collected=len(reqs),
        answered=sum(1 for r in live if r.first_answer_at is not None),
        resolved=sum(1 for r in reqs if r.status == "resolved"),
        cancelled=len(reqs) - len(live),
        overdue=sum(1 for r in live if sla.is_overdue(r.status, r.created_at, r.department, now)),
        answered_in_time=in_time,
        median_first_answer=_median(first),
        median_resolution=_median(done),
    )


def breakdown(
    requests: Iterable[Request], key: Callable[[Request], str], sla: SlaClock, now: datetime
) -> dict[str, Figures]:
    """Figures per department, group, … (by `key`)."""
    buckets: dict[str, list[Request]] = {}
    for r in requests:
        buckets.setdefault(key(r), []).append(r)
    return {k: figures(v, sla, now) for k, v in sorted(buckets.items())}


def requests_in(session: Session, p: Period, **filters: object) -> list[Request]:
    """Requests registered in the period."""
    return list_requests(session=session, created_from=p.start, created_to=p.end, **filters)  # type: ignore[arg-type]


def fmt_rate(num: int, den: int) -> str:
    """ "95.4%（393/412）" — a rate with its denominator."""
    if den == 0:
        return "—（无有效诉求）"
    return f"{num / den * 100:.1f}%（{num}/{den}）"


def fmt_duration(d: timedelta | None) -> str:
    """ "3.5小时" / "2.1天"."""
    if d is None:
        return "—"
    hours = d.total_seconds() / 3600
    return f"{hours:.1f}小时" if hours < 48 else f"{hours / 24:.1f}天"


def render_figures(f: Figures) -> list[str]:
    """The figures as plain-text lines."""
    return [
        f"收集诉求 {f.collected} 件，已答复 {f.answered} 件，已办结 {f.resolved} 件，已撤销 {f.cancelled} 件",
        f"办结率 {fmt_rate(f.resolved, f.base)}",
        f"按时答复率 {fmt_rate(f.answered_in_time, f.base)}",
        f"当前超期 {f.overdue} 件",
        f"首次答复中位用时 {fmt_duration(f.median_first_answer)}，办结中位用时 {fmt_duration(f.median_resolution)}",
    ]


@dataclass(frozen=True)
class WeekFlow:
    """One week's flow: requests registered in it, and requests resolved in it."""

    start: datetime
    label: str
    new: int
    resolved: int


def weekly_flow(requests: Iterable[Request], sla: SlaClock, now: datetime, weeks: int = 12) -> list[WeekFlow]:
    """New and resolved requests per week (Monday to Sunday, local time) for the last `weeks` weeks."""
    this_week = period("week", now, sla).start
    assert this_week is not None
    starts = [this_week - timedelta(weeks=i) for i in range(weeks - 1, -1, -1)]

    def week_of(ts: datetime | None) -> int | None:
        if ts is None or ts < starts[0]:
            return None
        index = (ts.astimezone(sla.tz) - starts[0]).days // 7
        return index if index < weeks else None

    new = [0] * weeks
    done = [0] * weeks
    for r in requests:
        i = week_of(r.created_at)
        if i is not None:
            new[i] += 1
        j = week_of(r.resolved_at) if r.status == "resolved" else None
        if j is not None:
            done[j] += 1
    return [WeekFlow(s, f"{s.month}/{s.day}", new[i], done[i]) for i, s in enumerate(starts)]
