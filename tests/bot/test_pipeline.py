"""The pipeline end to end on the in-memory transport (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlmodel import select

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from storage.models import Outbox, ProcurementList, RawMessage

REQUEST = "我们公司缺少直播带货的经验，能不能请商务局组织一次电商直播培训？"


async def test_request_is_registered_routed_and_acknowledged(harness: Harness) -> None:
    sent = await harness.feed(REQUEST, sender="wxid_ck_li", name="川康药业-李总")
    assert len(sent) == 1
    assert sent[0].room_id == "room-pharma"
    assert "已登记诉求 #1" in sent[0].text and "商务局" in sent[0].text
    assert sent[0].mention_ids[0] == "wxid_ck_li"
    with unit_of_work(harness.engine) as s:
        [req] = list_requests(session=s)
        assert (req.status, req.department, req.requester_id) == ("open", "商务局", "wxid_ck_li")
        assert req.organisation == "川康药业"


async def test_ack_mentions_known_officials_of_the_department(harness: Harness) -> None:
    await harness.feed("大家好", sender="wxid_swj_wang", name="商务局-王科长")
    sent = await harness.feed(REQUEST, sender="wxid_ck_li", name="川康药业-李总")
    assert set(sent[0].mention_ids) == {"wxid_ck_li", "wxid_swj_wang"}
    assert "@商务局-王科长" in sent[0].text


async def test_duplicate_delivery_is_recorded_once(harness: Harness) -> None:
    msg = harness.message(REQUEST, sender="wxid_ck_li", name="川康药业-李总", message_id="dup-1")
    first = await harness.deliver(msg)
    second = await harness.deliver(msg)
    assert len(first) == 1 and second == []
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1
        assert len(list(s.exec(select(RawMessage)))) == 1


async def test_procurement_list_is_registered(harness: Harness) -> None:
    text = "求购黄芪统货 5吨，6月30日前到货，联系电话 139-1234-5678"
    sent = await harness.feed(text, sender="wxid_ht_zhang", name="禾田食品-张经理")
    assert len(sent) == 1 and "采购清单" in sent[0].text
    with unit_of_work(harness.engine) as s:
        [plist] = list(s.exec(select(ProcurementList)))
        assert plist.contact_phone == "13912345678"
        assert str(plist.deadline) == "2026-06-30"
        assert list_requests(session=s) == []


async def test_a_list_with_no_item_read_out_quotes_its_start(harness: Harness) -> None:
    """Nothing to list by name: the acknowledgement quotes the message, so the group sees what was logged."""
    sent = await harness.feed("求购 统货 5吨，有货的联系", sender="wxid_ht_zhang", name="禾田食品-张经理")
    assert len(sent) == 1 and "已登记采购清单 P1（求购 统货 5吨，有货的联系）" in sent[0].text


async def test_chatter_gets_no_reply(harness: Harness) -> None:
    assert await harness.feed("收到👍", sender="wxid_ck_li", name="川康药业-李总") == []


async def test_unknown_group_is_stored_but_not_acted_on(harness: Harness) -> None:
    sent = await harness.feed(REQUEST, room="room-unknown", sender="wxid_ck_li", name="川康药业-李总")
    assert sent == []
    with unit_of_work(harness.engine) as s:
        assert list_requests(session=s) == []
        raw = s.exec(select(RawMessage)).one()
        assert raw.room_id == "room-unknown" and raw.handled_at is not None


async def test_message_stored_but_not_handled_is_handled_at_next_start(harness: Harness, settings, analyzer) -> None:
    msg = harness.message(REQUEST, sender="wxid_ck_li", name="川康药业-李总")
    harness.app.pipeline.store(msg)  # the process "dies" here, before handling
    restarted = Harness(settings, harness.engine, start=harness.clock.now(), analyzer=analyzer)
    assert restarted.app.pipeline.recover() == 1
    assert restarted.app.pipeline.recover() == 0
    await restarted.app.outbox.flush()
    sent = restarted.transport.take()
    assert len(sent) == 1 and "已登记诉求 #1" in sent[0].text
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


async def test_handler_crash_rolls_back_and_replies_politely(harness: Harness) -> None:
    from handlers import admin

    def boom(ctx) -> None:
        raise RuntimeError("database on fire")

    spec = next(c for c in harness.app.dispatcher.commands if c.name == "stats")
    object.__setattr__(spec, "handler", boom)
    try:
        sent = await harness.feed("/stats", sender="wxid_admin_zhao", name="管理员-赵")
    finally:
        object.__setattr__(spec, "handler", admin.stats)
    assert len(sent) == 1 and "出错" in sent[0].text
    with unit_of_work(harness.engine) as s:
        raw = s.exec(select(RawMessage)).one()
        assert raw.label == "error" and "database on fire" in (raw.error or "")


async def test_failed_send_is_retried_then_marked_failed(harness: Harness) -> None:
    harness.transport.fail_next = 100
    await harness.feed(REQUEST, sender="wxid_ck_li", name="川康药业-李总")
    for _ in range(10):
        harness.clock.advance(600)
        await harness.app.outbox.flush()
    with unit_of_work(harness.engine) as s:
        row = s.exec(select(Outbox)).one()
        assert row.status == "failed"
        assert row.attempts == harness.settings.outbox.max_attempts


async def test_direct_message_commands_are_answered_privately(harness: Harness) -> None:
    msg = harness.message("/stats", sender="wxid_admin_zhao", name="赵主任", room="")
    sent = await harness.deliver(msg)
    assert len(sent) == 1 and sent[0].room_id == "wxid_admin_zhao"
    assert "诉求统计" in sent[0].text


async def test_non_text_messages_are_stored_not_classified(harness: Harness) -> None:
    sent = await harness.feed("[图片]", sender="wxid_ck_li", name="川康药业-李总", kind="image")
    assert sent == []
    with unit_of_work(harness.engine) as s:
        assert s.exec(select(RawMessage)).one().kind == "image"


async def test_a_mentioned_official_the_group_has_not_heard_from_is_named_as_written(harness: Harness) -> None:
    """WeChat writes "@名字" for each mention: an official unknown to the group so far is still an official, so a
    question put to them is a request for their department, not a remark to another member."""
    text = "@行政审批局-小杨 小杨 我们要新增两台危化品运输车（拉柴油的），危货道路运输许可要变更车辆，能网上办吗？"
    sent = await harness.feed(text, sender="wxid_sc_ma", name="顺畅物流-马总", mentions=("wxid_spj_yang",))
    assert len(sent) == 1 and "已登记诉求 #1" in sent[0].text and "行政审批局" in sent[0].text
    with unit_of_work(harness.engine) as s:
        [req] = list_requests(session=s)
        assert req.department == "行政审批局"
