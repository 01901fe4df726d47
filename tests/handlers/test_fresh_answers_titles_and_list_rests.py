"""Session 34, second round: "门开了，好了，谢谢王主任" half an hour after the office answered the ask about the gate
confirms that ask, not an older one whose fix the bot asked to confirm days ago; "@曾科 …想申请复检" registers a
request though the official has not spoken yet and the sender has a list naming the same herb; "我们也有个冷库，也能
一起安排吗" right after the requester's reply to the office joins the ask; "算我一个，…也想学" joins the ask just
made; "就要你那台了，再找两台" updates the buyer's list and "叉车凑齐了" closes it; "技改补贴那个，付科帮忙看一下嘛"
the day after the ask follows it up."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, WANG, ZHANG, Ledger, joined, raise_request

PARK = {"sender": "wxid_yq_wang", "name": "园区管委会-王强 王主任"}
POWER = {"sender": "wxid_gd_qian", "name": "供电公司-钱经理"}
HU = {"sender": "wxid_rh_zhong", "name": "润禾食品-钟华"}
SELLER = {"sender": "wxid_hy_zhao", "name": "宏远车队-赵志刚"}


async def test_thanks_soon_after_an_answer_confirm_that_ask(harness: Harness, ledger: Ledger) -> None:
    ditch = await raise_request(
        harness,
        "@园区管委会-王强 王主任，我们厂房后头那条排水沟堵了，一下雨就漫到车间门口",
        LI,
        mentions=(PARK["sender"],),
    )
    at = harness.clock.now()
    fixed = "@川康药业-李总 排水沟已经疏通好了"
    await harness.feed(fixed, **PARK, mentions=(LI["sender"],), at=at + timedelta(days=1))
    gate = await raise_request(
        harness,
        "@园区管委会-王强 王主任，北门门禁晚上10点以后刷卡刷不开，货车进不来，能不能请值班的帮忙开一下？",
        LI,
        mentions=(PARK["sender"],),
        at=at + timedelta(days=3),
    )
    answer = "@川康药业-李总 我已经打给值班保安了，他马上去北门手动开"
    await harness.feed(answer, **PARK, mentions=(LI["sender"],), at=at + timedelta(days=3, minutes=15))
    await harness.feed("门开了，车已经进来了，好了，谢谢王主任！", **LI, at=at + timedelta(days=3, minutes=50))
    assert ledger.get(gate).status == "resolved"
    assert ledger.get(ditch).status == "answered"


async def test_a_title_mention_asks_an_office_though_the_sender_has_a_list(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("川康要收川芎 2吨，白芷 3吨，要求无硫熏，有货的联系我", **LI)
    text = "@曾科 曾科你好，我们上个月被抽检的那批川芎饮片说二氧化硫超标，想申请复检，流程咋个走？"
    no = await raise_request(harness, text, LI, mentions=("wxid_scj_zeng",), at=harness.clock.now() + timedelta(days=1))
    assert ledger.get(no).department == "市场监管局"


async def test_a_me_too_after_the_requesters_reply_joins_the_ask(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@供电公司-钱经理 钱经理，看到12月1号停电的通知，我们冷库里有几十吨冻品，能不能协调发电车？",
        ZHANG,
        mentions=(POWER["sender"],),
    )
    at = harness.clock.now()
    reply = "@禾田食品-张经理 可以申请应急发电车，请把冷库用电负荷和接入点位置发给我"
    await harness.feed(reply, **POWER, mentions=(ZHANG["sender"],), at=at + timedelta(minutes=30))
    await harness.feed("好的，负荷大概280kW，位置我拍照私发您", **ZHANG, at=at + timedelta(minutes=35))
    await harness.feed(
        "我们润禾也有个冷库，小一点，也能一起安排吗 @供电公司-钱经理",
        **HU,
        mentions=(POWER["sender"],),
        at=at + timedelta(minutes=40),
    )
    assert HU["sender"] in joined(harness, no)


async def test_count_me_in_joins_the_ask_just_made(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@商务局-王科长 王科长，我们村几个种川芎的想学抖音直播卖货，有没有直播带货的培训？",
        ZHANG,
        mentions=(WANG["sender"],),
    )
    await harness.feed("算我一个，合作社的年轻人也想学", **LI, at=harness.clock.now() + timedelta(minutes=6))
    assert LI["sender"] in joined(harness, no)


async def test_the_rest_of_a_list_updates_it_and_all_found_closes_it(harness: Harness) -> None:
    await harness.feed("要收二手电动叉车3台，3吨的，电池要好的", **LI)
    at = harness.clock.now()
    sent = await harness.feed(
        "@宏远车队-赵志刚 叉车看了，就要你那台了，再找两台",
        **LI,
        mentions=(SELLER["sender"],),
        at=at + timedelta(days=1),
    )
    assert any("已更新采购清单 P1" in m.text for m in sent), sent
    sent = await harness.feed("叉车凑齐了，3台都到了，谢谢兄弟们", **LI, at=at + timedelta(days=2))
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent


async def test_asking_to_look_into_it_the_next_day_follows_the_ask_up(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness,
        "@商务局-王科长 王科长，我们去年报的展会补贴，公示完两个月了，钱啥时候拨下来？",
        LI,
        mentions=(WANG["sender"],),
    )
    sent = await harness.feed(
        "@商务局-王科长 展会补贴那个，王科长帮忙看一下嘛",
        **LI,
        mentions=(WANG["sender"],),
        at=harness.clock.now() + timedelta(days=1),
    )
    assert not any("已登记诉求" in m.text for m in sent), sent
    assert ledger.get(no).status == "open"
