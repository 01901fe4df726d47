"""Notices before a date: a procurement list's deadline (the day before) and a meeting's start.

Procurement lists due tomorrow are announced once per group per day, in the first round of the
morning; a list posted only the day before its deadline is not announced again. A meeting is
reminded of `meeting_before_hours` before it starts (or in the morning, if that falls in quiet
hours), unless it was announced inside that window or has already started.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial

from sqlmodel import Session

from handlers.messages import OutgoingMessage
from handlers.render import fmt_time, items_summary, shorten
from handlers.schedule import Job, Outcome, local_date
from handlers.services import Services
from storage.jobs import lists_due_between, meetings_to_remind
from storage.models import Meeting, ProcurementList
from storage.procurement import items_of


def _lists_due_tomorrow(session: Session, services: Services, t: datetime, group_id: str | None = None):
    tz = services.policy.bot.tz
    today = local_date(t, tz)
    start_of_today = datetime.combine(today, time(0), tzinfo=tz)
    tomorrow = today + timedelta(days=1)
    rows = lists_due_between(session=session, first=tomorrow, last=tomorrow, group_id=group_id, unreminded=True)
    return [p for p in rows if p.created_at < start_of_today]


def _meetings_due(session: Session, services: Services, t: datetime, group_id: str | None = None) -> list[Meeting]:
    before = timedelta(hours=services.policy.reminders.meeting_before_hours)
    if not before:
        return []
    rows = meetings_to_remind(session=session, after=t, before=t + before, group_id=group_id)
    return [m for m in rows if m.starts_at is not None and m.created_at < m.starts_at - before]


def plan(session: Session, services: Services, t: datetime, groups: list[str]) -> list[Job]:
    """Procurement and meeting notices due at `t` in these groups."""
    tz = services.policy.bot.tz
    jobs: list[Job] = []
    if services.policy.reminders.procurement_day_before:
        day = local_date(t, tz).isoformat()
        for g in sorted({p.group_id for p in _lists_due_tomorrow(session, services, t) if p.group_id in groups}):
            run = partial(run_procurement, services=services, group_id=g, t=t)
            jobs.append(Job(f"procurement:{g}:{day}", "procurement_reminder", t, run))
    for m in _meetings_due(session, services, t):
        if m.group_id in groups:
            run = partial(run_meeting, services=services, meeting_id=m.id, t=t)
            jobs.append(Job(f"meeting:{m.id}", "meeting_reminder", t, run))
    return jobs


def list_goods(session: Session, plist: ProcurementList, width: int = 20) -> str:
    """What a list asks for: "川芎 15吨、当归 2吨", or the start of its text when no item was read out of it."""
    assert plist.id is not None
    items = items_of(session=session, list_id=plist.id)
    return items_summary(items) if items else shorten(plist.text, width)


def procurement_line(session: Session, plist: ProcurementList, when: str = "") -> str:
    """ "P3 川芎 15吨、当归 2吨 {when}，联系 13988886666"."""
    what = list_goods(session, plist, 24)
    phone = f"，联系 {plist.contact_phone}" if plist.contact_phone else ""
    return f"P{plist.id} {what}{when}{phone}"


def run_procurement(session: Session, *, services: Services, group_id: str, t: datetime) -> Outcome | None:
    """One message for the group's lists due tomorrow; marks them reminded."""
    lists = _lists_due_tomorrow(session, services, t, group_id)
    if not lists:
        return None
    deadline = lists[0].deadline
    assert deadline is not None
    when = f"明天（{deadline.month}月{deadline.day}日）"
    if len(lists) == 1:
        text = f"【采购提醒】{procurement_line(session, lists[0], f' 采购{when}截止')}。有货源的企业请抓紧联系。"
    else:
        lines = [f"【采购提醒】以下采购清单{when}截止，有货源的企业请抓紧联系："]
        lines += [procurement_line(session, p) for p in lists]
        text = "\n".join(lines)
    for p in lists:
        p.reminded_at = t
        session.add(p)
    return Outcome("sent", [OutgoingMessage(room_id=group_id, text=text)], detail=" ".join(f"P{p.id}" for p in lists))


def run_meeting(session: Session, *, services: Services, meeting_id: int, t: datetime) -> Outcome | None:
    """The reminder of one meeting; marks it reminded."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.reminded_at is not None or meeting.starts_at is None or meeting.starts_at <= t:
        return None
    tz = services.policy.bot.tz
    place = f"在{meeting.place}" if meeting.place else ""
    title = meeting.title or "会议"
    text = f"【会议提醒】{title}将于 {fmt_time(meeting.starts_at, tz)} {place}举行，请参会人员提前安排、准时参加。"
    meeting.reminded_at = t
    session.add(meeting)
    return Outcome("sent", [OutgoingMessage(room_id=meeting.group_id, text=text)], detail=title)
