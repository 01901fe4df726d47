"""Session 36: a requester telling what the fix left (5栋门口是好了，但是后面仓库那边还是积水，麻烦再安排看看) goes on
with their request, a week later too, and the visit that could not fix it (疏通车来了但是捅不开) confirms nothing;
a plan dropped (喷涂线决定不上了…不用办了) or an ask taken back in so many words (这个事撤回哈) cancels it though
the office had answered; a peer in the same trouble (我们屋里白芍的也没到) joins, one it does not hurt (4个钟头还好，
冷库撑得住) does not; the deal the office brokered, thanked to it, confirms; a date still to come (月底前能送电) reports
no completion."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, joined, raise_request

PARK = {"sender": "wxid_gwh_liu", "name": "园区管委会-刘主任"}  # official of 园区管委会 (config)
HR = {"sender": "wxid_rsj_zhou", "name": "人社局-周科"}  # official of 人社局 (config)
TRADE = {"sender": "wxid_swj_wang", "name": "商务局-王科长"}  # official of 商务局 (config)
DRAIN = "@园区管委会-刘主任 刘主任，我们5栋门口那个雨水井堵了，上周下雨积水淹到车间门口，麻烦派人疏通一下"


async def test_what_the_fix_left_goes_on_with_the_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, DRAIN, LI, mentions=(PARK["sender"],))
    await harness.feed("@川康药业-李总 好的，明天安排疏通车过去", **PARK, mentions=(LI["sender"],))
    await harness.feed("@园区管委会-刘主任 疏通车来了但是捅不开，井里堵的是水泥块", **LI, mentions=(PARK["sender"],))
    assert ledger.get(no).status == "answered"  # no fix yet
    await harness.tick(timedelta(days=7))
    sent = await harness.feed(
        "@园区管委会-刘主任 昨晚下大雨，5栋门口是好了，但是后面仓库那边还是积了一大片水，麻烦再安排看看",
        **LI,
        mentions=(PARK["sender"],),
    )
    assert not any("已登记诉求" in m.text for m in sent)
    assert ledger.get(no).status == "answered"


async def test_a_dropped_plan_cancels_the_answered_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness, "@园区管委会-刘主任 我们想新上一条喷涂线，厂房里要不要报备？", LI, mentions=(PARK["sender"],)
    )
    await harness.feed("@川康药业-李总 要报备，把方案发我看看", **PARK, mentions=(LI["sender"],))
    await harness.feed(
        "@园区管委会-刘主任 喷涂线老板决定不上了，改成外协，这个事不用办了，谢谢哈", **LI, mentions=(PARK["sender"],)
    )
    assert ledger.get(no).status == "cancelled"


async def test_an_ask_taken_back_in_so_many_words_is_cancelled(harness: Harness, ledger: Ledger) -> None:
    ask = "@人社局-周科 周科 我们这个月订单多，急招普工30个，能不能帮忙组织一场招聘？"
    no = await raise_request(harness, ask, ZHANG, mentions=(HR["sender"],))
    await harness.feed("@禾田食品-张经理 17号有专场招聘会，给你们留个展位", **HR, mentions=(ZHANG["sender"],))
    await harness.feed(
        "@人社局-周科 周科 招聘会我们就不参加了，劳务公司已经送了30个人过来，这个事撤回哈，麻烦您了",
        **ZHANG,
        mentions=(HR["sender"],),
    )
    assert ledger.get(no).status == "cancelled"


async def test_the_same_trouble_joins_and_an_unhurt_peer_does_not(harness: Harness) -> None:
    ask = "@园区管委会-刘主任 刘主任，去年说好的种苗补贴每亩300，到现在都还没到账，是什么情况？"
    no = await raise_request(harness, ask, LI, mentions=(PARK["sender"],))
    await harness.feed("我们屋里白芍的也没到😂 还以为就我一个人没收到", sender="wxid_sy_yang", name="芍药花开")
    assert "wxid_sy_yang" in joined(harness, no)
    cut = "@园区管委会-刘主任 16号停电那天我们榨油线停不得，能不能改个时间或者给我们接个临时电？"
    other = await raise_request(harness, cut, ZHANG, mentions=(PARK["sender"],))
    await harness.feed(
        "我们酱菜厂也在停电范围里，4个钟头还好，冷库撑得住", sender="wxid_ltj_tan", name="老谭家酱菜-谭秀英"
    )
    assert "wxid_ltj_tan" not in joined(harness, other)


async def test_the_brokered_deal_thanked_to_the_office_confirms(harness: Harness, ledger: Ledger) -> None:
    ask = "@商务局-王科长 王科长，我们山茶油产量上来了，想进区里的商超，有没有渠道帮忙对接一下？"
    no = await raise_request(harness, ask, LI, mentions=(TRADE["sender"],))
    await harness.feed(
        "@川康药业-李总 惠民超市正好在收山茶油，我跟她打了招呼，你直接联系她", **TRADE, mentions=(LI["sender"],)
    )
    await harness.feed("@商务局-王科长 跟惠民签了，先供800桶，谢谢王科牵线[抱拳]", **LI, mentions=(TRADE["sender"],))
    assert ledger.get(no).status == "resolved"


async def test_a_date_still_to_come_is_no_completion(harness: Harness, ledger: Ledger) -> None:
    ask = "@园区管委会-刘主任 我们冷库扩建的增容申请提交两个礼拜了，一直没人来现场勘察，能不能催一下？"
    no = await raise_request(harness, ask, ZHANG, mentions=(PARK["sender"],))
    await harness.feed("@禾田食品-张经理 明天安排人上门勘察", **PARK, mentions=(ZHANG["sender"],))
    await harness.feed(
        "@禾田食品-张经理 供电方案批下来了，线路工程大概10天，月底前能送电", **PARK, mentions=(ZHANG["sender"],)
    )
    await harness.feed("好 辛苦刘主任，月底能送电就行", **ZHANG)
    assert ledger.get(no).status == "answered"
