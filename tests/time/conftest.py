"""Helpers for the time-driven tests: seed the ledger directly, and see what was sent when."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.testing import Harness
from handlers.messages import OutgoingMessage
from storage.db import unit_of_work
from storage.groups import upsert_group, upsert_member
from storage.jobs import runs
from storage.ledger import create_request, events_of, get_request
from storage.models import JobRun, Outbox, Request, RequestCreate, RequestEvent

TZ = ZoneInfo("Asia/Shanghai")
PHARMA = "room-pharma"
FOOD = "room-food"
ADMIN = {"sender": "wxid_admin_zhao", "name": "管理员-赵主任"}
LI = {"sender": "wxid_ck_li", "name": "川康药业-李总"}
WANG = {"sender": "wxid_swj_wang", "name": "商务局-王科长"}


def at(day: str, hhmm: str = "00:00") -> datetime:
    """Local time in Asia/Shanghai: at("06-08", "18:00") is 2026-06-08 18:00."""
    y = "" if day.count("-") == 2 else "2026-"
    return datetime.fromisoformat(f"{y}{day}T{hhmm}:00+08:00")


def seed_group(h: Harness, room: str = PHARMA) -> None:
    """The group and its members: 商务局 and 交通运输局 officials, the admin, an enterprise."""
    with unit_of_work(h.engine) as s:
        upsert_group(session=s, room_id=room, name=h.settings.groups[room].name, enabled=True)
        upsert_member(
            session=s, group_id=room, wechat_id="wxid_swj_wang", display_name="商务局-王科长", department="商务局"
        )
        upsert_member(
            session=s, group_id=room, wechat_id="wxid_jtj_chen", display_name="交通局-陈科", department="交通运输局"
        )
        upsert_member(session=s, group_id=room, wechat_id="wxid_admin_zhao", display_name="管理员-赵主任")
        upsert_member(
            session=s, group_id=room, wechat_id="wxid_ck_li", display_name="川康药业-李总", organisation="川康药业"
        )


def add_request(
    h: Harness,
    created: datetime,
    department: str | None = "商务局",
    text: str = "请帮忙对接电商平台",
    room: str = PHARMA,
) -> int:
    """Register an open request directly in the ledger."""
    with unit_of_work(h.engine) as s:
        req = create_request(
            session=s,
            data=RequestCreate(
                group_id=room,
                requester_id="wxid_ck_li",
                requester_name="川康药业-李总",
                organisation="川康药业",
                text=text,
                department=department,
                created_at=created,
            ),
        )
        assert req.id is not None
        return req.id


def request(h: Harness, no: int) -> Request:
    with unit_of_work(h.engine) as s:
        req = get_request(session=s, no=no)
        assert req is not None
        return req


def events(h: Harness, no: int, kind: str | None = None) -> list[RequestEvent]:
    with unit_of_work(h.engine) as s:
        return [e for e in events_of(session=s, request_id=no) if kind is None or e.kind == kind]


def job_runs(h: Harness, prefix: str = "") -> list[JobRun]:
    with unit_of_work(h.engine) as s:
        return runs(session=s, prefix=prefix)


def outbox(h: Harness, purpose: str | None = None) -> list[Outbox]:
    from sqlmodel import col, select

    with unit_of_work(h.engine) as s:
        stmt = select(Outbox).order_by(col(Outbox.id))
        rows = list(s.exec(stmt))
    return [r for r in rows if purpose is None or r.purpose == purpose]


async def run_until(h: Harness, to: datetime) -> list[tuple[str, OutgoingMessage]]:
    """Let virtual time pass up to `to`; return (local "MM-DD HH:MM" sent, message) pairs."""
    await h.app.run_time_jobs(to)
    h.clock.set(to)
    await h.app.outbox.flush()
    pairs = [
        (t.astimezone(TZ).strftime("%m-%d %H:%M"), m)
        for t, m in zip(h.transport.sent_at, h.transport.sent, strict=True)
    ]
    h.transport.take()
    return pairs


def by_hour(h: Harness, start: datetime, hours: int) -> list[datetime]:
    """Hourly stops from `start` (to walk a harness forward in small steps)."""
    return [start + timedelta(hours=i) for i in range(1, hours + 1)]


@pytest.fixture
def settings(settings):
    """The shipped config with working-day limits running to the end of their last day (答复时限 6月10日 24:00): the
    timing these schedules were written for. The shipped same-time deadlines are checked in test_sla_calendar.py
    and test_same_time_deadlines.py."""
    settings.sla.working_days_end = "end_of_day"
    return settings


@pytest.fixture
def make_harness(settings, engine, analyzer):
    """Build harnesses on the test database (tweak `settings` first); `catch_up` starts like a restart."""

    def make(start: datetime, *, catch_up: bool = False, on=None) -> Harness:
        return Harness(settings, on or engine, start=start, analyzer=analyzer, catch_up=catch_up)

    return make
