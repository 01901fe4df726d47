"""End to end: the app ⇄ python-wechaty 0.10.7 ⇄ gRPC ⇄ node wechaty-puppet-service ⇄ wechaty-puppet-mock.

The tests start the node gateway themselves on a free localhost port, once for the module (each
test looks only at what happened after its own mark). Without node or its packages they skip,
unless CLUSTERBOT_REQUIRE_NODE=1 (tests/run.sh), where they must run.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import os
import signal
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy.engine import Engine

from bot.config import GroupConfig, Settings
from bot.transports.wechaty import WechatyTransport
from handlers.messages import OutgoingMessage
from storage.models import Member, Outbox, RawMessage, Request
from tests.wechaty.cli_process import start_run, stop_and_time
from tests.wechaty.conftest import BOT, FAST, LI, PEOPLE, PHARMA, STREETLIGHT, ZHAO, rows, running, until
from tests.wechaty.node_gateway import NodeGateway, node_missing

pytestmark = [pytest.mark.node, pytest.mark.asyncio(loop_scope="module")]
FOOD, MFG, LOGISTICS = "food@chatroom", "mfg@chatroom", "logistics@chatroom"
ROOMS = {
    PHARMA: "医药健康产业集群群",
    FOOD: "食品加工产业集群群",
    MFG: "智能制造产业集群群",
    LOGISTICS: "现代物流产业集群群",
}
COMPANIES = [f"企业{i:02d}-经理" for i in range(20)]  # burst senders, by the nickname convention


def _fixture() -> dict[str, Any]:
    contacts = [{"id": cid, "name": name} for cid, name, _ in PEOPLE]
    contacts += [{"id": f"wxid_ent{i:02d}", "name": f"经理{i:02d}"} for i in range(len(COMPANIES))]
    members = [BOT, *(c["id"] for c in contacts)]
    aliases = {cid: alias for cid, _, alias in PEOPLE if alias}
    aliases.update({f"wxid_ent{i:02d}": name for i, name in enumerate(COMPANIES)})
    return {
        "self": {"id": BOT, "name": "园区助手"},
        "contacts": contacts,
        "rooms": [{"id": rid, "topic": topic, "memberIdList": members} for rid, topic in ROOMS.items()],
        "aliases": {rid: aliases for rid in ROOMS},
    }


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def gateway() -> AsyncIterator[NodeGateway]:
    reason = node_missing()
    if reason:
        if os.environ.get("CLUSTERBOT_REQUIRE_NODE") == "1":
            pytest.fail(f"CLUSTERBOT_REQUIRE_NODE=1 but {reason}")
        pytest.skip(reason)
    gw = await NodeGateway(_fixture()).start()
    try:
        yield gw
    finally:
        await gw.stop()


@pytest.fixture
def e2e_settings(wx_settings: Settings) -> Settings:
    wx_settings.groups = {rid: GroupConfig(name=topic) for rid, topic in ROOMS.items()}
    return wx_settings


def _transport(gw: NodeGateway, **kw: Any) -> WechatyTransport:
    return WechatyTransport(gw.token, gw.endpoint, **{**FAST, "teardown_timeout": 0.5, **kw})


def _acks(gw: NodeGateway, since: int) -> list[dict[str, Any]]:
    return [e for e in gw.sent(since=since) if "已登记诉求" in e["text"]]


async def test_request_in_room_gets_ledger_row_and_acknowledgement_with_real_mention(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway
) -> None:
    m = gateway.mark()
    async with running(e2e_settings, engine, analyzer, _transport(gateway)):
        sent = await gateway.send("say", **{"from": LI}, room=PHARMA, text=STREETLIGHT)
        ack = await gateway.expect(lambda e: e["event"] == "bot_send_text", since=m)
        await until(lambda: rows(engine, Outbox, Outbox.status == "sent"))
    assert ack["conversation"] == PHARMA
    assert ack["text"].startswith("@川康药业-李总 已登记诉求 #1，转 园区管委会 办理")
    assert ack["mentions"][0] == LI
    [raw] = rows(engine, RawMessage)
    assert (raw.message_id, raw.sender_name, raw.room_name, raw.label) == (
        sent["id"],
        "川康药业-李总",
        "医药健康产业集群群",
        "request",
    )
    [req] = rows(engine, Request)
    assert (req.requester_id, req.department, req.group_id) == (LI, "园区管委会", PHARMA)


async def test_admin_command_and_the_same_from_a_member_and_in_private(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway
) -> None:
    m = gateway.mark()
    async with running(e2e_settings, engine, analyzer, _transport(gateway)):
        await gateway.send("say", **{"from": ZHAO}, room=PHARMA, text="/outbox")
        await gateway.wait_for(lambda ev: len(gateway.sent(since=m)) == 1)
        await gateway.send("say", **{"from": LI}, room=PHARMA, text="/outbox")
        await gateway.wait_for(lambda ev: len(gateway.sent(since=m)) == 2)
        await gateway.send("say", **{"from": ZHAO}, text="/发送队列")
        await gateway.wait_for(lambda ev: len(gateway.sent(since=m)) == 3)
    admin, member, private = gateway.sent(since=m)
    assert admin["conversation"] == member["conversation"] == PHARMA
    assert "发送队列：待发送" in admin["text"]
    assert "仅限管理员使用" in member["text"] and "待发送" not in member["text"]
    assert private["conversation"] == ZHAO and "发送队列：待发送" in private["text"]
    assert private["mentions"] == []


async def test_duplicate_delivery_gives_one_row_and_one_reply(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway
) -> None:
    m = gateway.mark()
    async with running(e2e_settings, engine, analyzer, _transport(gateway)):
        mid = (await gateway.send("say", **{"from": LI}, room=FOOD, text=STREETLIGHT))["id"]
        await gateway.wait_for(lambda ev: len(_acks(gateway, m)) == 1)
        await gateway.send("redeliver", id=mid)
    # The bot restarts (nothing of python-wechaty's memory survives) and the service delivers again.
    async with running(e2e_settings, engine, analyzer, _transport(gateway)):
        await gateway.send("redeliver", id=mid)
        await gateway.send("redeliver", id=mid)
        await gateway.send("say", **{"from": ZHAO}, room=FOOD, text="/outbox")  # handled after the duplicates
        await gateway.wait_for(lambda ev: any("发送队列" in e["text"] for e in gateway.sent(since=m)))
    assert [r.message_id for r in rows(engine, RawMessage)].count(mid) == 1
    assert len(rows(engine, Request)) == 1
    assert len(_acks(gateway, m)) == 1


async def test_puppet_service_restart_loses_nothing_and_sends_nothing_twice(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway
) -> None:
    e2e_settings.outbox = e2e_settings.outbox.model_copy(update={"per_group_interval_seconds": 0.3})
    transport = _transport(gateway)
    m = gateway.mark()
    async with running(e2e_settings, engine, analyzer, transport):
        await gateway.send("exit_after_sends", count=1)  # down right after the first acknowledgement
        texts = [f"{n}号厂房门口的路灯坏了一个月了，麻烦园区管委会尽快修一下" for n in (1, 2, 3)]
        await gateway.send("say_batch", messages=[{"from": LI, "room": PHARMA, "text": t} for t in texts])
        await gateway.wait_for(lambda ev: ev[-1]["event"] == "exited")  # two acknowledgements still queued
        await gateway.stop()
        await until(lambda: not transport.connected, what="the drop to be noticed")
        await gateway.start()  # ... and comes back on the same port
        await until(lambda: transport.connects == 2, timeout=10, what="the reconnect")
        await gateway.wait_for(lambda ev: len(_acks(gateway, m)) == 3)
        await gateway.send("say", **{"from": LI}, room=PHARMA, text=STREETLIGHT)
        await gateway.wait_for(lambda ev: len(_acks(gateway, m)) == 4)
    exited = next(i for i, e in enumerate(gateway.events) if i >= m and e["event"] == "exited")
    assert len(_acks(gateway, m)) - len(_acks(gateway, exited)) == 1  # one before the drop, the rest after
    numbers = sorted(e["text"].split("已登记诉求 ")[1].split("，")[0] for e in _acks(gateway, m))
    assert numbers == ["#1", "#2", "#3", "#4"]
    assert len(rows(engine, Request)) == 4
    # The first acknowledgement went out as the service went down; if its reply was lost on the way
    # back, its row says so (failed, outcome unknown) instead of sending it a second time.
    for o in rows(engine, Outbox):
        assert o.status == "sent" or (o.status == "failed" and "无法确认是否已发出" in (o.last_error or ""))


async def test_burst_of_200_requests_respects_the_send_limits(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway
) -> None:
    per_group, per_minute = 0.05, 6000
    e2e_settings.outbox = e2e_settings.outbox.model_copy(
        update={"per_group_interval_seconds": per_group, "global_per_minute": per_minute, "jitter_seconds": 0.002}
    )
    rooms = itertools.cycle(ROOMS)
    messages = [
        {
            "from": f"wxid_ent{i % 20:02d}",
            "room": next(rooms),
            "text": f"{i}号厂房门口的路灯坏了，麻烦园区管委会尽快修一下",
        }
        for i in range(200)
    ]
    m = gateway.mark()
    async with running(e2e_settings, engine, analyzer, _transport(gateway)):
        await gateway.send("say_batch", messages=messages)
        await gateway.wait_for(lambda ev: len(_acks(gateway, m)) == 200, timeout=40)
    acks = _acks(gateway, m)
    assert len(rows(engine, Request)) == 200
    assert {o.status for o in rows(engine, Outbox)} == {"sent"}
    assert sorted(a["mentions"][0] for a in acks) == sorted(x["from"] for x in messages)
    times = [a["t"] / 1000 for a in gateway.sent(since=m)]
    assert min(b - a for a, b in itertools.pairwise(times)) >= 60 / per_minute
    assert max(sum(1 for u in times if t <= u < t + 60) for t in times) <= per_minute
    for room in ROOMS:
        ts = [e["t"] / 1000 for e in gateway.sent(since=m) if e["conversation"] == room]
        assert len(ts) == 50
        assert min(b - a for a, b in itertools.pairwise(ts)) >= per_group


async def test_watchdog_recovers_from_a_frozen_puppet_service(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway
) -> None:
    transport = _transport(gateway, ding_interval=0.2, ding_timeout=0.5, login_timeout=1.0)
    m = gateway.mark()
    async with running(e2e_settings, engine, analyzer, transport):
        try:
            gateway.freeze()  # the TCP connection stays open, nothing answers
            await until(lambda: not transport.connected, timeout=5, what="the watchdog to notice")
        finally:
            gateway.freeze(False)
        await until(lambda: transport.connects >= 2, timeout=10, what="the reconnect")
        await gateway.send("say", **{"from": LI}, room=MFG, text=STREETLIGHT)
        await gateway.wait_for(lambda ev: len(_acks(gateway, m)) == 1)


async def test_room_events_and_files_both_ways(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway, tmp_path
) -> None:
    png = base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode()
    report = tmp_path / "周报.txt"
    report.write_text("本周办结 3 件", encoding="utf-8")
    transport = _transport(gateway)
    m = gateway.mark()
    async with running(e2e_settings, engine, analyzer, transport):
        await gateway.send("contact", id="wxid_new", name="小周")
        await gateway.send("join", room=LOGISTICS, contacts=["wxid_new"], by=ZHAO)
        welcome = await gateway.expect(lambda e: e["event"] == "bot_send_text", since=m)
        await gateway.send("say_file", **{"from": LI}, room=LOGISTICS, name="路灯.png", base64=png)
        await until(lambda: rows(engine, RawMessage, RawMessage.kind == "image"))
        await transport.send(OutgoingMessage(room_id=LOGISTICS, text="", file_path=str(report)))
        sent_file = await gateway.expect(lambda e: e["event"] == "bot_send_file", since=m)
        await gateway.send("topic", room=LOGISTICS, topic="物流集群", by=ZHAO)
        await gateway.send("say", **{"from": LI}, room=LOGISTICS, text="改名以后")
        raw = await until(lambda: rows(engine, RawMessage, RawMessage.text == "改名以后"))
    assert welcome["conversation"] == LOGISTICS and welcome["mentions"] == ["wxid_new"]
    assert "@小周" in welcome["text"] and "单位-姓名" in welcome["text"]
    assert rows(engine, Member, Member.wechat_id == "wxid_new")
    [image] = rows(engine, RawMessage, RawMessage.kind == "image")
    assert (image.sender_id, image.label) == (LI, None)
    assert sent_file["name"] == "周报.txt"
    assert base64.b64decode(sent_file["base64"]).decode() == "本周办结 3 件"
    assert raw[0].room_name == "物流集群"


async def test_reconnecting_bots_one_after_another(
    e2e_settings: Settings, engine: Engine, analyzer, gateway: NodeGateway
) -> None:
    m = gateway.mark()
    for _ in range(3):
        async with running(e2e_settings, engine, analyzer, _transport(gateway)):
            pass
    await asyncio.sleep(0)
    assert len([e for e in gateway.events[m:] if e["event"] == "logged_in"]) == 3


async def test_clusterbot_run_wechaty_answers_and_stops_on_sigint(gateway: NodeGateway, tmp_path) -> None:
    """The command line with the two environment variables, as in production."""
    m = gateway.mark()
    env = {"WECHATY_PUPPET_SERVICE_TOKEN": gateway.token, "WECHATY_PUPPET_SERVICE_ENDPOINT": gateway.endpoint}
    proc = await start_run(tmp_path, env=env, verbose=True)  # no --transport: chosen because both are set
    try:
        assert proc.stderr is not None
        while b"logged in to WeChat as" not in await asyncio.wait_for(proc.stderr.readline(), 30):
            pass  # python has logged in and listens for events
        await gateway.send("say", **{"from": ZHAO}, text="/outbox")  # an admin, privately
        reply = await gateway.expect(lambda e: e["event"] == "bot_send_text", since=m, timeout=15)
    finally:
        code, seconds, err = await stop_and_time(proc, signal.SIGINT)
    assert reply["conversation"] == ZHAO and "发送队列" in reply["text"]
    assert code == 0, err
    assert seconds < 5
