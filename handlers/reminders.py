"""催办 and 督办: reminder rounds on the first-response deadline, one message per group per round.

For each open request: a warning `warn_before_hours` before its deadline (once), a reminder at
the deadline and then at most one a day, and after `escalate_after` reminders an escalation to
the admins instead of that day's reminder; the admins then follow it up, and the group hears of it
again only every `repeat_after_escalation_days`. Rounds run on the reminder grid outside quiet hours
(and, by default, on working days only), so what falls due at night waits for the morning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlmodel import Session

from handlers.messages import OutgoingMessage
from handlers.render import fmt_time, shorten
from handlers.schedule import Job, Outcome, local_date, stamp
from handlers.services import Services
from storage.groups import members_of, officials_of
from storage.jobs import claimed_keys
from storage.ledger import add_event, list_requests
from storage.models import Request


@dataclass(frozen=True)
class Due:
    """A request that needs a push in this round."""

    req: Request
    action: str  # warn | remind | escalate
    deadline: datetime


def warn_key(no: int | None) -> str:
    return f"sla-warn:{no}"


def day_key(no: int | None, t: datetime, services: Services) -> str:
    """At most one reminder or escalation per request per local day: the key enforces it."""
    return f"sla-day:{no}:{local_date(t, services.policy.bot.tz).isoformat()}"


def may_push(services: Services, t: datetime) -> bool:
    """Whether reminder rounds may run on this day."""
    day = local_date(t, services.policy.bot.tz)
    return not services.policy.reminders.workdays_only or services.sla.calendar.is_workday(day)


def due_now(reqs: list[Request], services: Services, t: datetime, warned: set[int]) -> list[Due]:
    """The open requests that need a warning, a reminder or an escalation at `t`."""
    conf = services.policy.reminders
    today = local_date(t, services.policy.bot.tz)
    warn = timedelta(hours=conf.warn_before_hours)
    conf_every = conf.repeat_after_escalation_days
    out = []
    for r in reqs:
        deadline = services.sla.first_response_due(r.created_at, r.department)
        if t >= deadline:
            last = local_date(r.last_reminded_at, services.policy.bot.tz) if r.last_reminded_at else None
            if last is not None and (last == today or (r.escalated_at and (today - last).days < conf_every)):
                continue  # one push a day; after 督办 one every `repeat_after_escalation_days`
            escalate = r.reminder_count >= conf.escalate_after and r.escalated_at is None
            out.append(Due(r, "escalate" if escalate else "remind", deadline))
        elif warn and t >= deadline - warn and r.created_at < deadline - warn and r.id not in warned:
            out.append(Due(r, "warn", deadline))
    return out


def _warned(session: Session, reqs: list[Request]) -> set[int]:
    taken = claimed_keys(session=session, keys=[warn_key(r.id) for r in reqs])
    return {r.id for r in reqs if r.id is not None and warn_key(r.id) in taken}


def plan(session: Session, services: Services, t: datetime, groups: list[str]) -> list[Job]:
    """One reminder-round job per group that has something due at `t`."""
    if not may_push(services, t):
        return []
    enabled = set(groups)
    reqs = [r for r in list_requests(session=session, statuses=("open",)) if r.group_id in enabled]
    dues = due_now(reqs, services, t, _warned(session, reqs))
    tz = services.policy.bot.tz
    return [
        Job(f"sla:{g}:{stamp(t, tz)}", "sla_reminder", t, partial(run_round, services=services, group_id=g, t=t))
        for g in sorted({d.req.group_id for d in dues})
    ]


def run_round(session: Session, *, services: Services, group_id: str, t: datetime) -> Outcome | None:
    """Apply one group's round (counters, audit events) and build its single message."""
    reqs = list_requests(session=session, statuses=("open",), group_id=group_id)
    dues = due_now(reqs, services, t, _warned(session, reqs))
    if not dues:
        return None
    keys: list[str] = []
    bot = services.policy.bot.name
    for d in dues:
        r = d.req
        if d.action == "warn":
            note = f"答复时限 {fmt_deadline(d.deadline, services)} 前提醒"
            add_event(session=session, request=r, at=t, kind="reminded", actor_name=bot, note=note)
            keys.append(warn_key(r.id))
            continue
        r.last_reminded_at = t
        if d.action == "escalate":
            r.escalated_at = t
            note = f"催办 {r.reminder_count} 次仍未答复，提请督办"
            add_event(session=session, request=r, at=t, kind="escalated", actor_name=bot, note=note)
        else:
            r.reminder_count += 1
            note = f"第 {r.reminder_count} 次催办"
            add_event(session=session, request=r, at=t, kind="reminded", actor_name=bot, note=note)
        session.add(r)
        keys.append(day_key(r.id, t, services))
    text, mentions = render_round(session, services, group_id, dues, t)
    message = OutgoingMessage(room_id=group_id, text=text, mention_ids=tuple(mentions))
    return Outcome("sent", [message], keys, detail=" ".join(f"#{d.req.id}:{d.action}" for d in dues))


def fmt_deadline(t: datetime, services: Services) -> str:
    """A deadline; midnight reads as the end of the previous day (6月10日 24:00)."""
    local = t.astimezone(services.policy.bot.tz)
    if local.hour == 0 and local.minute == 0:
        day = local - timedelta(days=1)
        return f"{day.month}月{day.day}日 24:00"
    return fmt_time(local, services.policy.bot.tz)


def _overdue_for(t: datetime, deadline: datetime) -> str:
    hours = int((t - deadline).total_seconds() // 3600)
    if hours >= 24:
        return f"超期 {hours // 24} 天"
    return f"超期 {hours} 小时" if hours >= 1 else "已到答复时限"


def _line(d: Due, services: Services, t: datetime) -> str:
    r = d.req
    who = r.organisation or r.requester_name
    head = f"#{r.id} {r.department or '未分派'}｜{who}：{shorten(r.text, 28)}"
    if d.action == "warn":
        return f"{head}（答复时限 {fmt_deadline(d.deadline, services)}）"
    if d.action == "escalate":
        return f"{head}（{_overdue_for(t, d.deadline)}，已催办 {r.reminder_count} 次仍未答复）"
    return f"{head}（{_overdue_for(t, d.deadline)}，第 {r.reminder_count} 次催办）"


def render_round(
    session: Session, services: Services, group_id: str, dues: list[Due], t: datetime
) -> tuple[str, list[str]]:
    """The round's text and the ids it @-mentions: the departments' officials, and admins for 督办."""
    sections = [
        ("已超期，请尽快答复：", [d for d in dues if d.action == "remind"]),
        ("多次催办仍未答复，提请督办：", [d for d in dues if d.action == "escalate"]),
        ("即将到期，请在时限内答复：", [d for d in dues if d.action == "warn"]),
    ]
    if sections[1][1]:
        title = "【诉求督办】"
    elif sections[0][1]:
        title = "【诉求催办】"
    else:
        title = "【答复时限提醒】"
    lines = [title + "本群以下诉求请相关部门关注："]
    for head, items in sections:
        if items:
            lines.append(head)
            lines += [_line(d, services, t) for d in items]
    mentions: list[str] = []
    names: list[str] = []
    need_admins = any(d.action == "escalate" or d.req.department is None for d in dues)
    for dep in sorted({d.req.department for d in dues if d.req.department}):
        officials = officials_of(session=session, group_id=group_id, department=dep)
        if not officials:
            need_admins = True
        for m in officials:
            if m.wechat_id not in mentions:
                mentions.append(m.wechat_id)
                names.append(f"@{m.display_name}")
    if names:
        lines.append(" ".join(names) + " 请及时答复。")
    if need_admins:
        admins = _admins(session, services, group_id)
        mentions += [a for a, _ in admins if a not in mentions]
        lines.append(" ".join(f"@{n}" for _, n in admins) + " 请管理员协调督办。" if admins else "请管理员协调督办。")
    return "\n".join(lines), mentions


def _admins(session: Session, services: Services, group_id: str) -> list[tuple[str, str]]:
    """The configured admins as (id, name to show), named as they appear in the group."""
    shown = {m.wechat_id: m.display_name for m in members_of(session=session, group_id=group_id)}
    return [(a, shown.get(a) or services.directory.person(a, "管理员").name) for a in services.policy.people.admins]
