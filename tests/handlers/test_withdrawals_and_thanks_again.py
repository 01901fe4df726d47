"""Session 37: thanks again for a fix already confirmed confirms none of the requester's other requests;
"不用麻烦王科长了" before any answer withdraws the ask; a buyer whose list is bought in full (之前发的采购清单已经
采齐了) closes it. (The trouble coming back after a confirmed fix stays a new request: test_relapse_and_routing.)"""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, joined, raise_request

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


async def test_asking_to_be_asked_about_too_joins(harness: Harness) -> None:
    ask = "@市场监管局-葛科 葛科，我们车间那台蒸汽锅炉年检到期了，特检所排到4月中，能不能帮协调快一点？"
    no = await raise_request(harness, ask, LI, mentions=("wxid_scj_ge",))
    await harness.feed(
        "我们这边压力容器也卡在这了，一样排不上号，葛科帮忙一起问问🙏", sender="wxid_kr_zhen", name="康瑞制药-甄工"
    )
    assert "wxid_kr_zhen" in joined(harness, no)


async def test_the_same_trouble_on_ones_own_plot_joins(harness: Harness) -> None:
    ask = "@园区管委会-刘主任 刘主任，我家党参地里根腐病又起来了，一片一片地黄叶子，能不能请专家来地里看看"
    no = await raise_request(harness, ask, ZHANG, mentions=(PARK["sender"],))
    await harness.feed(
        "俺那黄精地边上也有几窝这样的，要来的话顺道给俺也瞅瞅", sender="wxid_ls_wei", name="岭上黄精种植-韦国庆"
    )
    assert "wxid_ls_wei" in joined(harness, no)


async def test_an_inquiry_update_changes_the_list(harness: Harness) -> None:
    wanted = (
        "【机加工件询价】\n1. 法兰盘 Φ200 Q235 500件\n2. 传动轴 45#钢调质 300根\n4月10日前定点，有能力的企业请联系我"
    )
    await harness.feed(wanted, **LI)
    sent = await harness.feed("询价更新：法兰盘数量增加到800件，其他两项不变。目前收到5家报价，周五前截止", **LI)
    assert any("已更新采购清单 P1" in m.text for m in sent), sent
    assert not any("已登记采购清单" in m.text for m in sent), sent
