"""Daily and weekly digests (简报) per group, on cron schedules, and the admin command /digest.

A digest covers the period since the schedule's previous fire time: new and resolved requests,
the oldest overdue ones with department and age, the year's resolution rate with its
denominators (handlers/stats.py), procurement lists whose deadline is near and upcoming
meetings. An empty period gives a short digest or none (digests.send_empty).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from sqlmodel import Session

from handlers.framework import ADMIN, Context, Router
from handlers.messages import OutgoingMessage
from handlers.notices import procurement_line
from handlers.render import cut_list, fmt_time, request_line, shorten
from handlers.schedule import Job, Moment, Outcome, cron_trigger, previous_fire, stamp
from handlers.services import Services
from handlers.stats import figures, fmt_rate, period, requests_in
from storage.groups import get_group
from storage.jobs import lists_due_between, resolved_between
from storage.ledger import list_requests
from storage.procurement import upcoming_meetings

router = Router("digest")

TITLES = {"daily": "每日简报", "weekly": "每周简报"}
_WEEKDAYS = "一二三四五六日"
_SOON_DAYS = {"daily": 3, "weekly": 7}


def period_start(services: Services, name: str, fire: datetime) -> datetime:
    """The start of the period a digest fired at `fire` covers: the schedule's previous fire time."""
    sched = getattr(services.policy.digests, name)
    prev = previous_fire(cron_trigger(sched.cron, services.policy.bot.tz), fire)
    return prev or fire - timedelta(days=7 if name == "weekly" else 1)


def _title(name: str, start: datetime, end: datetime, group: str, services: Services) -> str:
    tz = services.policy.bot.tz
    e = end.astimezone(tz)
    if name == "weekly":
        s, last = start.astimezone(tz), (end - timedelta(days=1)).astimezone(tz)
        return f"【每周简报】{s.month}月{s.day}日—{last.month}月{last.day}日 {group}"
    if name == "daily":
        return f"【每日简报】{e.month}月{e.day}日（周{_WEEKDAYS[e.weekday()]}）{group}"
    return f"【本群简报】截至 {fmt_time(end, tz)} {group}"


def _age(now: datetime, since: datetime) -> str:
    hours = int((now - since).total_seconds() // 3600)
    return f"已登记 {hours // 24} 天" if hours >= 24 else f"已登记 {max(hours, 1)} 小时"


def build_digest(
    session: Session,
    services: Services,
    *,
    group_id: str,
    name: str,
    start: datetime,
    end: datetime,
    force: bool = False,
) -> str | None:
    """The digest text for a group and period [start, end); None when empty and not to be sent."""
    tz, sla, conf = services.policy.bot.tz, services.sla, services.policy.digests
    group = get_group(session=session, room_id=group_id)
    new = list_requests(session=session, group_id=group_id, created_from=start, created_to=end)
    resolved = resolved_between(session=session, group_id=group_id, start=start, end=end)
    overdue = [
        r
        for r in list_requests(session=session, statuses=("open",), group_id=group_id)
        if sla.is_overdue(r.status, r.created_at, r.department, end)
    ]
    overdue.sort(key=lambda r: (r.created_at, r.id or 0))
    today = end.astimezone(tz).date()
    soon = timedelta(days=_SOON_DAYS.get(name, 3))
    lists = lists_due_between(session=session, first=today, last=today + soon, group_id=group_id)
    meetings = upcoming_meetings(session=session, after=end, before=end + soon, group_id=group_id)
    year = period("year", end, sla)
    f = figures(requests_in(session, year, group_id=group_id), sla, end)
    empty = not (new or resolved or overdue or lists or meetings)
    if empty and not (force or conf.send_empty):
        return None
    lines = [_title(name, start, end, group.name if group else group_id, services)]
    if empty:
        lines.append("本期无新增、无办结诉求，暂无超期事项。")
    else:
        if not (new or resolved):
            lines.append("本期无新增、无办结诉求。")
        for head, rows in (("新增诉求", new), ("办结诉求", resolved)):
            if rows:
                lines.append(f"{head} {len(rows)} 件：")
                lines += cut_list([request_line(r, tz) for r in rows], 5)
        if overdue:
            top = conf.top_overdue
            lines.append(f"超期未答复 {len(overdue)} 件" + (f"（最早的 {top} 件）：" if len(overdue) > top else "："))
            lines += [
                f"#{r.id} {r.department or '未分派'}｜{r.organisation or r.requester_name}："
                f"{shorten(r.text, 24)}（{_age(end, r.created_at)}）"
                for r in overdue[:top]
            ]
        else:
            lines.append("暂无超期未答复的诉求。")
    lines.append(
        f"{year.label}本群：收集诉求 {f.collected} 件，办结率 {fmt_rate(f.resolved, f.base)}，"
        f"按时答复率 {fmt_rate(f.answered_in_time, f.base)}"
    )
    if lists:
        lines.append("近期截止的采购清单：")
        due = [
            f"{procurement_line(session, p)}，{p.deadline.month}月{p.deadline.day}日截止" for p in lists if p.deadline
        ]
        lines += cut_list(due, 5)
    if meetings:
        lines.append("近期会议：")
        lines += cut_list(
            [
                f"{fmt_time(m.starts_at, tz)} {m.title or '会议'}" + (f"（{m.place}）" if m.place else "")
                for m in meetings
            ],
            5,
        )
    lines.append(f"—— {services.policy.bot.name}")
    return "\n".join(lines)


def plan(services: Services, moment: Moment, groups: list[str], now: datetime) -> list[Job]:
    """A digest job per firing schedule and group; one missed by more than the grace period is skipped."""
    tz = services.policy.bot.tz
    grace = timedelta(minutes=services.policy.digests.grace_minutes)
    jobs = []
    for name in moment.digests:
        fire = moment.at
        start = period_start(services, name, fire)
        late = now - fire
        for g in groups:
            key = f"digest:{name}:{g}:{stamp(fire, tz)}"
            if late > grace:
                minutes = int(late.total_seconds() // 60)
                run = partial(_skipped, detail=f"错过 {minutes} 分钟，超过宽限 {grace.total_seconds() // 60:.0f} 分钟")
            else:
                run = partial(run_digest, services=services, name=name, group_id=g, start=start, fire=fire)
            jobs.append(Job(key, "digest", fire, run))
    return jobs


def _skipped(session: Session, *, detail: str) -> Outcome:
    return Outcome("skipped", detail=detail)


def run_digest(
    session: Session, *, services: Services, name: str, group_id: str, start: datetime, fire: datetime
) -> Outcome:
    """Build one group's digest; an empty one is recorded, not sent (unless send_empty)."""
    text = build_digest(session, services, group_id=group_id, name=name, start=start, end=fire)
    if text is None:
        return Outcome("empty", detail="本期无内容")
    return Outcome("sent", [OutgoingMessage(room_id=group_id, text=text)])


@router.command("digest", "简报", usage="/digest", summary="立即在本群发送简报（自上次每日简报以来）", permission=ADMIN)
def digest_now(ctx: Context) -> None:
    """Post the current digest of this group."""
    if ctx.message.is_direct:
        ctx.reply("请在需要简报的群里发送 /digest。")
        return
    services: Services = ctx.services
    daily = services.policy.digests.daily
    prev = previous_fire(cron_trigger(daily.cron, services.policy.bot.tz), ctx.now) if daily.enabled else None
    start = prev or ctx.now - timedelta(days=1)
    text = build_digest(
        ctx.session, services, group_id=ctx.message.room_id, name="now", start=start, end=ctx.now, force=True
    )
    ctx.reply(text or "")
