"""Officials of authorities missing from departments.json (交警大队, 发改委), an office that worked with another on a
request without passing it on, and a member placed by what they said of themselves (session 28)."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import CHEN, LI, ZHANG, Ledger, raise_request

POLICE = {"sender": "wxid_jj_liu", "name": "交警大队-刘警官"}  # traffic police: no department of the list
HUB = {"sender": "wxid_jqb_xu", "name": "集群办-徐主任"}  # the cluster office: coordinates, owns no remit
JIANG = {"sender": "wxid_nj_jiang", "name": "蒋建华"}  # a nickname that says nothing of where he works


async def test_an_answer_from_the_traffic_police_answers_the_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "问一下交警同志，园区门口电子眼拍了我们车违章，其实没压线，这个咋申诉？", LI)
    await harness.feed(
        "@川康药业-李总 在交管12123上点违法处理-申诉，附上行车记录仪视频，我们人工复核",
        **POLICE,
        mentions=(LI["sender"],),
        at=harness.clock.now() + timedelta(hours=2),
    )
    assert ledger.get(no).status == "answered"


async def test_a_reply_from_the_cluster_office_answers_nothing(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "问一下交警同志，园区门口电子眼拍了我们车违章，其实没压线，这个咋申诉？", LI)
    await harness.feed("@川康药业-李总 收到，我问问看", **HUB, mentions=(LI["sender"],))
    assert ledger.get(no).status == "open"


async def test_an_outside_authority_answers_no_ask_put_to_another_official(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, "园区门口跟国道交叉口早上堵得走不动，没有红绿灯，能不能协调一下？", LI)
    later = "@交通局-陈科 陈科，高速口附近能不能规划一个货车停车场？现在大车都停应急车道"
    second = await raise_request(
        harness, later, LI, mentions=(CHEN["sender"],), at=harness.clock.now() + timedelta(days=2)
    )
    await harness.feed(
        "@川康药业-李总 交叉口信号灯的事，我们跟交通局对接了，下周去现场勘查，出配时方案",
        **POLICE,
        mentions=(LI["sender"],),
        at=harness.clock.now() + timedelta(hours=3),
    )
    assert ledger.get(first).status == "answered"
    assert ledger.get(second).status == "open"
    assert ledger.get(second).department == "交通运输局"  # worked with, not passed on


async def test_a_member_who_said_where_he_works_is_an_official_when_mentioned(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("大家好，我是区农技中心的蒋建华，负责药材病虫害，有问题可以找我", **JIANG)
    ask = "@蒋建华 蒋老师，我们天麻窖里最近生了好多白色小虫，在天麻上钻眼，能不能来帮我们看一下？"
    no = await raise_request(
        harness, ask, ZHANG, mentions=(JIANG["sender"],), at=harness.clock.now() + timedelta(days=1)
    )
    assert ledger.get(no).department == "农业农村局"


async def test_dropping_an_ask_cancels_the_one_still_unanswered(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, "问一下交警同志，园区门口电子眼拍了我们车违章，其实没压线，这个咋申诉？", LI)
    await harness.feed(
        "@川康药业-李总 在交管12123上点违法处理-申诉，附上行车记录仪视频",
        **POLICE,
        mentions=(LI["sender"],),
        at=harness.clock.now() + timedelta(hours=2),
    )
    second = await raise_request(
        harness, "问下交警，驾驶证记分满12分了，满分学习在哪里报名？", LI, at=harness.clock.now() + timedelta(days=3)
    )
    await harness.feed("满分学习那个不用回了，我撤回，问到了", **LI, at=harness.clock.now() + timedelta(hours=20))
    assert ledger.get(second).status == "cancelled"
    assert ledger.get(first).status == "answered"
