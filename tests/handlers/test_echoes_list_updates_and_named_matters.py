"""Session 30: "禾田这边也正常了👍" from a co-requester echoes the fix just confirmed, not a fix of their own other
request; an office's report naming the matter of a request it already answered (食堂的事…谈了) is about that one,
not about the ask just raised; a buyer's update on their own list (艾条供上了，护理床还在找) is no request; a list
closes when the buyer names its goods by a short form (玻璃瓶 for 玻璃管制瓶) or says no more quotes are wanted,
even with a request of theirs open; asking whether the promised change began follows up the request."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, TRAINING, WANG, ZHANG, Ledger, raise_request

ECON = {"sender": "wxid_jxj_deng", "name": "经信局-邓科长"}
PARK = {"sender": "wxid_gwh_shao", "name": "园区管委会-邵主任"}
TRANSPORT = {"sender": "wxid_jtj_chenli", "name": "区交通运输局-陈立"}


async def test_an_echo_of_a_fix_confirms_no_other_request_of_the_co_requester(harness: Harness, ledger: Ledger) -> None:
    gas = await raise_request(
        harness,
        "@经信局-邓科长 这两天早上燃气压力掉得厉害，炒料锅火力上不来，能不能协调下燃气公司？",
        LI,
        mentions=(ECON["sender"],),
    )
    await harness.feed("我们也是！禾田早班熬制锅也是火小", **ZHANG)
    training = await raise_request(harness, TRAINING, ZHANG)
    await harness.feed(
        "@禾田食品-张经理 张经理，下月有一期直播电商培训，报名表我发群里", **WANG, mentions=(ZHANG["sender"],)
    )
    await harness.feed(
        "@川康药业-李总 @禾田食品-张经理 已协调燃气公司明早起给园区单独提压",
        **ECON,
        mentions=(LI["sender"], ZHANG["sender"]),
    )
    harness.clock.advance(timedelta(days=1).total_seconds())
    await harness.feed("@经信局-邓科长 今天早上压力正常了，问题解决，谢谢[强]", **LI, mentions=(ECON["sender"],))
    await harness.feed("禾田这边也正常了👍", **ZHANG)
    assert ledger.get(gas).status == "resolved"
    assert ledger.get(training).status == "answered"


async def test_a_report_naming_an_answered_matter_answers_that_request(harness: Harness, ledger: Ledger) -> None:
    canteen = await raise_request(
        harness,
        "@园区管委会-邵主任 园区食堂的菜越来越贵，一荤两素要15块，工人意见很大，能不能跟承包方谈一下？",
        ZHANG,
        mentions=(PARK["sender"],),
    )
    await harness.feed("@禾田食品-张经理 收到，下周二我们约食堂承包方来谈", **PARK, mentions=(ZHANG["sender"],))
    harness.clock.advance(timedelta(days=5).total_seconds())
    parking = await raise_request(
        harness,
        "@园区管委会-邵主任 园区停车位太少了，送货的半挂只能停路边，能不能划个货车临时停车区？",
        LI,
        mentions=(PARK["sender"],),
    )
    harness.clock.advance(timedelta(hours=1).total_seconds())
    await harness.feed("食堂的事今天上午跟承包方谈了：下周一起一荤两素回调到12元，管委会每周抽查一次。", **PARK)
    assert ledger.get(parking).status == "open"
    answers = [e for e in ledger.events(canteen) if e.kind in ("answered", "answer")]
    assert len(answers) == 2


async def test_a_buyers_update_on_their_own_list_is_no_request(harness: Harness) -> None:
    listed = await harness.feed(
        "禾田采购：\n艾条（三年陈艾）500盒\n电动护理床 10张\n中药熏蒸机 2台\n有供货渠道的联系我", **ZHANG
    )
    assert any("已登记采购清单" in m.text for m in listed)
    sent = await harness.feed("艾条马哥那边供上了，护理床和熏蒸机还在找，有渠道的继续帮忙介绍下", **ZHANG)
    assert not any("已登记诉求" in m.text for m in sent)


async def test_a_list_closes_on_its_goods_short_names_though_a_request_is_open(harness: Harness) -> None:
    await raise_request(harness, TRAINING, ZHANG)
    listed = await harness.feed(
        "询个价：\n10ml 药用低硼硅玻璃管制瓶 20万只\n20mm 铝塑组合盖 20万只\n有资源的朋友介绍下", **ZHANG
    )
    assert any("已登记采购清单 P1" in m.text for m in listed)
    sent = await harness.feed("前两天询价的药用玻璃瓶和铝塑盖，找到厂家了，已经下单，够了，谢谢大家推荐", **ZHANG)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent)


async def test_no_more_quotes_closes_the_list_though_a_request_is_open(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, TRAINING, ZHANG)
    await harness.feed("收土猪：\n毛猪（200斤以上）20吨\n鲜猪后腿 8吨\n本周内要，价格电话谈", **ZHANG)
    sent = await harness.feed("土猪已经收够了，谢谢马哥帮忙联系的几个养殖户，收猪的不用再报了", **ZHANG)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent)
    assert ledger.get(no).status == "open"


async def test_asking_whether_the_promised_change_began_is_a_follow_up(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness,
        "@区交通运输局-陈立 陈科，园区4号路的末班车8点10分就没了，我们晚班9点下班，能不能把末班车延后一点？",
        LI,
        mentions=(TRANSPORT["sender"],),
    )
    await harness.feed(
        "@川康药业-李总 跟公交公司商量了，末班车从下周一起延后到21:30", **TRANSPORT, mentions=(LI["sender"],)
    )
    harness.clock.advance(timedelta(days=6).total_seconds())
    sent = await harness.feed(
        "@区交通运输局-陈立 陈科，今天开始末班车延后了吧？我好通知员工", **LI, mentions=(TRANSPORT["sender"],)
    )
    assert not any("已登记诉求" in m.text for m in sent)
    assert any(f"#{no}" in m.text for m in sent)
