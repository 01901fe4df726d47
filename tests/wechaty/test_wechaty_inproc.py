"""The Wechaty transport with the whole app, against an in-process puppet (fast, no node)."""

from __future__ import annotations

import time

from sqlalchemy.engine import Engine

from bot.config import Settings
from bot.transports.base import TransportUnavailable
from handlers.messages import OutgoingMessage
from storage.models import Group, Member, Outbox, RawMessage, Request
from tests.wechaty.conftest import BOT, LI, LIU, PHARMA, STREETLIGHT, WANG, ZHAO, rows, running, until
from tests.wechaty.inproc_puppet import InProcPuppet, MessageType


async def test_request_in_room_is_registered_and_acknowledged_with_real_mention(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    async with running(wx_settings, engine, analyzer, inproc_transport()):
        mid = world.say(LI, STREETLIGHT, room=PHARMA)
        ack = (await until(lambda: world.sent, what="the acknowledgement"))[0]
    assert ack.conversation == PHARMA
    assert ack.text.startswith("@川康药业-李总 已登记诉求 #1")
    assert ack.mentions[0] == LI  # a real mention, not only "@name" in the text
    [raw] = rows(engine, RawMessage)
    assert (raw.transport, raw.message_id, raw.room_id, raw.room_name) == ("wechaty", mid, PHARMA, "医药健康产业集群群")
    assert (raw.sender_id, raw.sender_name, raw.kind, raw.label) == (LI, "川康药业-李总", "text", "request")
    assert raw.ts.tzinfo is not None or engine.dialect.name == "sqlite"
    assert abs(raw.ts.timestamp() - time.time()) < 60
    [req] = rows(engine, Request)
    assert (req.group_id, req.requester_id, req.department) == (PHARMA, LI, "园区管委会")
    [out] = rows(engine, Outbox)
    assert out.status == "sent" and out.transport_message_id


async def test_mentions_are_separated_own_messages_ignored_and_other_kinds_stored(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    async with running(wx_settings, engine, analyzer, inproc_transport()):
        world.say(ZHAO, "@园区助手\u2005@园区管委会-刘主任\u2005大家好", room=PHARMA, mentions=[BOT, LIU])
        world.say(ZHAO, "@园区管委会-刘主任 早上好", room=PHARMA)  # pasted, not a real mention
        world.say(BOT, "机器人自己说的话", room=PHARMA)
        world.say(LI, kind=MessageType.MESSAGE_TYPE_IMAGE, room=PHARMA, filename="路灯.jpg")
        world.say(LI, kind=MessageType.MESSAGE_TYPE_ATTACHMENT, room=PHARMA, filename="清单.xlsx")
        world.say(LI, kind=MessageType.MESSAGE_TYPE_AUDIO, room=PHARMA)
        got = await until(lambda: len(rows(engine, RawMessage)) >= 5 and rows(engine, RawMessage), what="5 rows")
    by_text = {r.text: r for r in got}
    real = by_text["@园区助手 @园区管委会-刘主任 大家好"]
    assert real.mention_ids == [BOT, LIU]
    assert by_text["@园区管委会-刘主任 早上好"].mention_ids == []
    assert "机器人自己说的话" not in by_text
    assert [(r.kind, r.text) for r in got[2:]] == [
        ("image", "[图片] 路灯.jpg"),
        ("file", "[文件] 清单.xlsx"),
        ("voice", "[语音]"),
    ]
    assert [r.label for r in got[2:]] == [None, None, None]  # stored, not classified


async def test_admin_command_in_room_and_the_same_from_a_member(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    async with running(wx_settings, engine, analyzer, inproc_transport()):
        world.say(ZHAO, "/outbox", room=PHARMA)
        await until(lambda: len(world.sent) == 1)
        world.say(LI, "/发送队列", room=PHARMA)
        await until(lambda: len(world.sent) == 2)
    admin, member = world.sent
    assert admin.conversation == member.conversation == PHARMA
    assert "发送队列：待发送" in admin.text and "发送失败 0 条" in admin.text
    assert "仅限管理员使用" in member.text and "待发送" not in member.text


async def test_direct_messages_are_answered_privately(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    async with running(wx_settings, engine, analyzer, inproc_transport()):
        world.say(ZHAO, "/outbox")  # an admin's command in a private chat
        world.say(WANG, "你好")
        await until(lambda: len(world.sent) == 2)
    by_to = {s.conversation: s for s in world.sent}
    assert "发送队列" in by_to[ZHAO].text and by_to[ZHAO].mentions == []
    assert "私聊只接受命令" in by_to[WANG].text
    assert {r.room_id for r in rows(engine, RawMessage)} == {""}


async def test_room_join_leave_and_topic_events(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    world.add_contact("wxid_new", "小周")
    async with running(wx_settings, engine, analyzer, inproc_transport()):
        world.join(PHARMA, ["wxid_new"], inviter=ZHAO)
        welcome = (await until(lambda: world.sent, what="the welcome"))[0]
        world.leave(PHARMA, ["wxid_new"], remover=ZHAO)
        await until(lambda: any(m.left_at for m in rows(engine, Member, Member.wechat_id == "wxid_new")))
        world.rename(PHARMA, "医药健康集群（新）", changer=ZHAO)
        await until(lambda: rows(engine, Group, Group.id == PHARMA)[0].name == "医药健康集群（新）")
        world.say(LI, "改名后发的一句话", room=PHARMA)
        raw = await until(lambda: rows(engine, RawMessage))
    assert welcome.conversation == PHARMA and welcome.mentions == ["wxid_new"]
    assert "@小周" in welcome.text and "单位-姓名" in welcome.text
    assert raw[0].room_name == "医药健康集群（新）"


async def test_duplicate_delivery_gives_one_row_and_one_reply(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    transport = inproc_transport()
    async with running(wx_settings, engine, analyzer, transport):
        mid = world.say(LI, STREETLIGHT, room=PHARMA)
        await until(lambda: world.sent)
        world.redeliver(mid)
        world.drop()  # after a reconnect python-wechaty's own memory of seen ids is gone
        await until(lambda: transport.connects == 2, what="the reconnect")
        world.redeliver(mid)
        world.redeliver(mid)
        await until(lambda: len(rows(engine, RawMessage)) == 1)
        world.say(LI, "/outbox", room=PHARMA)  # a later message proves the duplicates were processed
        await until(lambda: len(rows(engine, RawMessage)) == 2)
    assert len(rows(engine, Request)) == 1
    assert len([s for s in world.sent if "已登记诉求" in s.text]) == 1


async def test_reconnects_after_a_drop_and_sends_what_was_pending_once(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    wx_settings.outbox = wx_settings.outbox.model_copy(update={"per_group_interval_seconds": 0.3})
    transport = inproc_transport()
    async with running(wx_settings, engine, analyzer, transport):
        for i in range(3):
            world.say(LI, f"{i + 1}号厂房门口的路灯坏了一个月了，麻烦园区管委会尽快修一下", room=PHARMA)
        await until(lambda: world.sent, what="the first acknowledgement")
        world.refuse = 2  # the service stays down for two attempts
        world.drop()
        await until(lambda: not transport.connected)
        world.say(ZHAO, "/outbox", room=PHARMA)  # nobody hears this while the bot is offline
        await until(lambda: transport.connects == 2, what="the reconnect")
        await until(lambda: len(world.sent) == 3, what="all acknowledgements")
    assert world.starts == 4
    acks = sorted(s.text for s in world.sent)
    assert [a.split("诉求 ")[1][:2] for a in acks] == ["#1", "#2", "#3"]
    assert {o.status for o in rows(engine, Outbox)} == {"sent"}


async def test_watchdog_restarts_a_silent_connection(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    transport = inproc_transport(ding_interval=0.05, ding_timeout=0.1)
    async with running(wx_settings, engine, analyzer, transport):
        await until(lambda: world.starts == 1)
        world.silent = True
        await until(lambda: world.starts >= 2, what="a restart of the silent connection")
        world.silent = False
        await until(lambda: transport.connected)
        world.say(LI, STREETLIGHT, room=PHARMA)
        await until(lambda: world.sent)
    assert transport.connects >= 2


async def test_no_login_in_time_means_a_new_connection(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    world.hold_login = 1  # the first connection opens but never logs in
    transport = inproc_transport(login_timeout=0.2)
    async with running(wx_settings, engine, analyzer, transport):
        assert world.starts == 2 and transport.connects == 1


async def test_acknowledgements_pending_at_a_restart_are_sent_after_it_once(
    wx_settings: Settings, engine: Engine, analyzer, world: InProcPuppet, inproc_transport
) -> None:
    slow = wx_settings.model_copy(deep=True)
    slow.outbox = slow.outbox.model_copy(update={"per_group_interval_seconds": 60})
    async with running(slow, engine, analyzer, inproc_transport()):
        for n in (1, 2, 3):
            world.say(LI, f"{n}号厂房门口的路灯坏了一个月了，麻烦园区管委会尽快修一下", room=PHARMA)
        await until(lambda: len(rows(engine, Request)) == 3 and world.sent)
    assert len(world.sent) == 1  # the other two wait for the rate limit when the bot stops
    assert [o.status for o in rows(engine, Outbox)] == ["sent", "pending", "pending"]
    async with running(wx_settings, engine, analyzer, inproc_transport()):  # the restart
        await until(lambda: len(world.sent) == 3, what="the pending acknowledgements")
    acks = sorted(s.text.split("诉求 ")[1][:2] for s in world.sent)
    assert acks == ["#1", "#2", "#3"]


async def test_send_file_and_unavailable_when_offline(
    world: InProcPuppet, inproc_transport, tmp_path, wx_settings, engine, analyzer
) -> None:
    report = tmp_path / "台账.xlsx"
    report.write_bytes(b"PK fake xlsx")
    transport = inproc_transport()
    try:
        await transport.send(OutgoingMessage(room_id=PHARMA, text="x"))
    except TransportUnavailable:
        pass
    else:
        raise AssertionError("send before login must raise TransportUnavailable")
    async with running(wx_settings, engine, analyzer, transport):
        tid = await transport.send(OutgoingMessage(room_id=PHARMA, text="本周台账见附件", file_path=str(report)))
    assert tid
    text, file = world.sent
    assert (text.text, file.file_name, file.conversation) == ("本周台账见附件", "台账.xlsx", PHARMA)


async def test_stop_is_prompt(wx_settings: Settings, engine: Engine, analyzer, inproc_transport) -> None:
    transport = inproc_transport()
    async with running(wx_settings, engine, analyzer, transport) as app:
        t0 = time.monotonic()
        await app.stop()
        assert time.monotonic() - t0 < 1.0
    assert not transport.connected
