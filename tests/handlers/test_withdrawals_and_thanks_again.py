"""Session 37: thanks again for a fix already confirmed confirms none of the requester's other requests;
"不用麻烦王科长了" before any answer withdraws the ask; a buyer whose list is bought in full (之前发的采购清单已经
采齐了) closes it. (The trouble coming back after a confirmed fix stays a new request: test_relapse_and_routing.)"""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, raise_request

PARK = {"sender": "wxid_gwh_liu", "name": "园区管委会-刘主任"}  # official of 园区管委会 (config)
TRADE = {"sender": "wxid_swj_wang", "name": "商务局-王科长"}  # official of 商务局 (config)


async def test_thanks_again_for_a_confirmed_fix_confirms_no_other_request(harness: Harness, ledger: Ledger) -> None:
    lamp = "@园区管委会-刘主任 刘主任，我们车间门口那排路灯坏了三盏，晚上工人下班黑黢黢的，麻烦派人修一下"
    first = await raise_request(harness, lamp, LI, mentions=(PARK["sender"],))
    await harness.feed("@川康药业-李总 路灯今天已经换好了", **PARK, mentions=(LI["sender"],))
    await harness.feed("路灯都亮了，谢谢刘主任", **LI)
    assert ledger.get(first).status == "resolved"
    canteen = "@园区管委会-刘主任 刘主任，我们夜班工人多，园区食堂晚上能不能加个夜宵档口？"
    second = await raise_request(harness, canteen, LI, mentions=(PARK["sender"],))
    await harness.feed("@川康药业-李总 可以，下周开始试一个月", **PARK, mentions=(LI["sender"],))
    await harness.feed(
        "刘主任的办法真管用，门口路灯现在都好了，晚上亮堂多了，谢谢刘主任🙏",
        **LI,
        at=harness.clock.now() + timedelta(days=3),
    )
    assert ledger.get(second).status == "answered"


async def test_no_need_to_trouble_the_office_before_an_answer_withdraws(harness: Harness, ledger: Ledger) -> None:
    ask = "@商务局-王科长 王科长，我们想参加今年的广交会，能不能帮忙申请个展位？"
    no = await raise_request(harness, ask, ZHANG, mentions=(TRADE["sender"],))
    await harness.feed(
        "@商务局-王科长 展位的事我们通过行业协会报上了，已经在弄了，不用麻烦王科长了，谢谢",
        **ZHANG,
        mentions=(TRADE["sender"],),
    )
    assert ledger.get(no).status == "cancelled"


async def test_a_list_bought_in_full_is_closed(harness: Harness) -> None:
    wanted = "本月采购计划，有货的老板联系我：\n伺服电机 750W 20台\n行星减速机 速比1:10 20台\n月底前到货"
    await harness.feed(wanted, **LI)
    sent = await harness.feed("之前发的采购清单已经采齐了，感谢各位老板[抱拳]", **LI)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent
