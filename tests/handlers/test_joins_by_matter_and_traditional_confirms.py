"""Session 33, second round: "我们也缺人，司机要十个…" right after an ask for workers joins it, not an older ask that
only shares 司机; "我们也要，…" after the office answered an ask joins that ask; a requester confirming in Traditional
Chinese (網絡正常了) resolves their ask written in Traditional; "礼盒包装已经找齐了，3000套够了" closes the list;
"…村道啥时候能修啊？" two days after the ask follows it up."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, WANG, ZHANG, Ledger, joined, raise_request

HU = {"sender": "wxid_sun_hu", "name": "骏驰快运-杨队"}


async def test_we_too_lack_people_joins_the_ask_for_workers_right_before(harness: Harness) -> None:
    older = await raise_request(harness, "我们去年有几个司机社保断缴了，后来补缴了，还能申请稳岗返还吗？", ZHANG)
    at = harness.clock.now() + timedelta(days=1)
    hiring = await raise_request(
        harness, "双十一马上到了，我们仓要临时招分拣工200人左右，人社这边能不能帮忙对接劳务资源？", LI, at=at
    )
    await harness.feed("我们也缺人，B2以上的司机要十个，能不能一块儿整", **HU, at=at + timedelta(minutes=4))
    assert HU["sender"] in joined(harness, hiring)
    assert HU["sender"] not in joined(harness, older)


async def test_we_want_it_too_after_the_answer_joins_the_ask(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@商务局-王科长 王科长，10号停电那天，我们冷库停不得，能不能申请临时接个发电车？",
        LI,
        mentions=(WANG["sender"],),
    )
    at = harness.clock.now()
    answer = "@川康药业-李总 可以，这次准备了两台应急发电车"
    await harness.feed(answer, **WANG, mentions=(LI["sender"],), at=at + timedelta(minutes=20))
    await harness.feed("我们也要，灌装线一停就要重新消毒，停不得", **ZHANG, at=at + timedelta(minutes=25))
    assert ZHANG["sender"] in joined(harness, no)


async def test_a_traditional_confirmation_resolves_a_traditional_ask(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness, "園區網絡這兩天老是斷，我們ERP一天掉線好幾次 @商务局-王科长", LI, mentions=(WANG["sender"],)
    )
    at = harness.clock.now()
    fixed = "@川康药业-李总 光缆已经熔接好了，网络恢复"
    await harness.feed(fixed, **WANG, mentions=(LI["sender"],), at=at + timedelta(hours=6))
    await harness.feed("網絡正常了，ERP也連上了，謝謝王科長[强]", **LI, at=at + timedelta(hours=7))
    assert ledger.get(no).status == "resolved"


async def test_found_them_all_closes_the_list(harness: Harness) -> None:
    await harness.feed("年货礼盒包装采购：\n双层礼盒（带手提）3000套\n吸塑内衬 3000个\n要求2月1日前交货", **LI)
    sent = await harness.feed(
        "礼盒包装已经找齐了，3000套够了，谢谢推荐的厂家", **LI, at=harness.clock.now() + timedelta(days=3)
    )
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent


async def test_asking_when_days_later_follows_the_ask_up(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "村里到我们基地那段村道，被拉药材的大车压烂了，下雨天三轮都进不去", LI)
    sent = await harness.feed("陈科，我们那条村道啥时候能修啊？", **LI, at=harness.clock.now() + timedelta(days=2))
    assert not any("已登记诉求" in m.text for m in sent), sent
    assert ledger.get(no).status == "open"
