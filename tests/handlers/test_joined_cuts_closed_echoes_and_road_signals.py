"""Session 34: "我们这边来电了" from a company that joined the ask about a cut ("同问") speaks of that cut, not of its
own ask for more capacity; "确实，我们的员工也没迟到" after a requester confirmed their fix joins no older ask;
"我们做药厂的也难…" commiserates and joins nothing; an office answering an ask about a traffic signal on a public
road does not make it its own; "宽松多了" confirms the fix of a crowded bus."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import CHEN, LI, WANG, ZHANG, Ledger, joined, raise_request

POWER = {"sender": "wxid_gdgs_ma", "name": "供电公司-马经理"}
PARK = {"sender": "wxid_wly_qian", "name": "物流园管委会-钱主任"}
HU = {"sender": "wxid_hu_tianfu", "name": "天府电子-胡姐"}


async def test_power_back_from_a_joiner_of_the_cut_leaves_their_own_ask_alone(harness: Harness, ledger: Ledger) -> None:
    own = await raise_request(
        harness,
        "@供电公司-马经理 马经理，我们厂变压器要从630增容到1250，报装流程怎么走？",
        ZHANG,
        mentions=(POWER["sender"],),
    )
    at = harness.clock.now()
    answer = "@禾田食品-张经理 网上国网APP提交申请，客户经理3个工作日内上门勘查"
    await harness.feed(answer, **POWER, mentions=(ZHANG["sender"],), at=at + timedelta(hours=2))
    cut = await raise_request(
        harness,
        "@供电公司-马经理 周六食品园A区停电检修，我们冷库停不得，能不能安排个发电车？",
        LI,
        mentions=(POWER["sender"],),
        at=at + timedelta(days=2),
    )
    await harness.feed("我们也在A区，同问", **ZHANG, at=at + timedelta(days=2, minutes=5))
    assert ZHANG["sender"] in joined(harness, cut)
    await harness.feed("我们这边10点半就来电了，比说的还早[强]", **ZHANG, at=at + timedelta(days=4))
    assert ledger.get(own).status == "answered"


async def test_agreeing_with_a_confirmation_joins_no_older_ask(harness: Harness, ledger: Ledger) -> None:
    hiring = await raise_request(
        harness,
        "@商务局-王科长 王科长，我们想招10个电商运营的应届生，能不能帮忙对接下高校？",
        LI,
        mentions=(WANG["sender"],),
    )
    at = harness.clock.now() + timedelta(minutes=10)
    bus = await raise_request(harness, "园区到地铁站的通勤车早上7点那班挤得上不去，能不能早高峰加一班？", ZHANG, at=at)
    await harness.feed("+1 我们厂的工人也反映好多次了", **HU, at=at + timedelta(minutes=5))
    assert HU["sender"] in joined(harness, bus)
    done = "@禾田食品-张经理 今天起早高峰7:20加开一班区间车"
    await harness.feed(done, **CHEN, mentions=(ZHANG["sender"],), at=at + timedelta(days=3))
    thanks = "@交通局-陈科 陈科，今早坐了7:20那班，宽松多了，谢谢[强]"
    await harness.feed(thanks, **ZHANG, mentions=(CHEN["sender"],), at=at + timedelta(days=3, hours=1))
    assert ledger.get(bus).status == "resolved"
    await harness.feed("确实，今早我们的员工也没迟到👍", **HU, at=at + timedelta(days=3, hours=1, minutes=5))
    assert HU["sender"] not in joined(harness, hiring)


async def test_a_buyer_commiserating_joins_no_ask(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@商务局-王科长 王科长，我们川芎压了30吨货，收购价才14块，能不能帮忙对接下药厂？",
        ZHANG,
        mentions=(WANG["sender"],),
    )
    await harness.feed(
        "原料价格一天一个样，我们做药厂的也难，说涨就涨说跌就跌", **LI, at=harness.clock.now() + timedelta(minutes=5)
    )
    assert LI["sender"] not in joined(harness, no)


async def test_a_traffic_signal_ask_stays_unrouted_when_the_park_answers(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness, "物流园南门出来那个路口没有红绿灯，大货车左转全靠抢，今天又差点撞了，能不能装个红绿灯？", LI
    )
    assert ledger.get(no).department is None
    answer = "@川康药业-李总 这个路口信号灯归交警大队管，上周我们已经报过一次，今天再发函催一下"
    await harness.feed(answer, **PARK, mentions=(LI["sender"],), at=harness.clock.now() + timedelta(minutes=30))
    req = ledger.get(no)
    assert req.status == "answered"
    assert req.department is None
