"""Storage on SQLite and PostgreSQL: idempotent raw messages, ledger numbers, aware timestamps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine

from storage.db import unit_of_work, upgrade
from storage.ledger import create_request, events_of, get_request, list_requests, set_status
from storage.messages import store_raw, unhandled
from storage.models import RawMessageCreate, RequestCreate

TZ = ZoneInfo("Asia/Shanghai")


def _raw(mid: str, ts: datetime) -> RawMessageCreate:
    return RawMessageCreate(
        transport="t", message_id=mid, room_id="r", sender_id="s", sender_name="n", text="hi", ts=ts
    )


def test_raw_message_stored_once_per_transport_id(engine: Engine) -> None:
    ts = datetime(2026, 6, 8, 9, 0, tzinfo=TZ)
    with unit_of_work(engine) as s:
        first, created = store_raw(session=s, data=_raw("m1", ts))
        assert created
    with unit_of_work(engine) as s:
        again, created = store_raw(session=s, data=_raw("m1", ts))
        assert not created and again.id == first.id
        assert [r.message_id for r in unhandled(session=s)] == ["m1"]


def test_timestamps_round_trip_timezone_aware(engine: Engine) -> None:
    ts = datetime(2026, 6, 8, 9, 30, tzinfo=TZ)
    with unit_of_work(engine) as s:
        store_raw(session=s, data=_raw("m2", ts))
    with unit_of_work(engine) as s:
        row = unhandled(session=s)[0]
        assert row.ts.tzinfo is not None
        assert row.ts == ts
        assert row.ts.astimezone(UTC).hour == 1


def test_ledger_numbers_are_one_sequence_and_events_recorded(engine: Engine) -> None:
    now = datetime(2026, 6, 8, 10, 0, tzinfo=TZ)
    with unit_of_work(engine) as s:
        nos = []
        for i, room in enumerate(["a", "b", "a"]):
            req = create_request(
                session=s,
                data=RequestCreate(
                    group_id=room, requester_id=f"u{i}", text=f"问题{i}", created_at=now + timedelta(minutes=i)
                ),
            )
            nos.append(req.id)
        assert nos == sorted(nos) and len(set(nos)) == 3
    with unit_of_work(engine) as s:
        req = get_request(session=s, no=nos[1])
        assert req is not None
        set_status(session=s, request=req, to_status="answered", at=now + timedelta(hours=1), kind="answered")
    with unit_of_work(engine) as s:
        req = get_request(session=s, no=nos[1])
        assert req is not None and req.status == "answered"
        assert req.first_answer_at == now + timedelta(hours=1)
        kinds = [(e.kind, e.from_status, e.to_status) for e in events_of(session=s, request_id=nos[1])]
        assert kinds == [("created", None, "open"), ("answered", "open", "answered")]
        assert [r.id for r in list_requests(session=s, statuses=["open"])] == [nos[0], nos[2]]


def test_failed_unit_of_work_rolls_back(engine: Engine) -> None:
    now = datetime(2026, 6, 8, 10, 0, tzinfo=TZ)
    try:
        with unit_of_work(engine) as s:
            create_request(session=s, data=RequestCreate(group_id="a", requester_id="u", text="x", created_at=now))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with unit_of_work(engine) as s:
        assert list_requests(session=s) == []


def test_upgrade_is_idempotent(engine: Engine) -> None:
    upgrade(engine)
    upgrade(engine)
