"""Session 32: an office that is no department (区营商办) answers what was put to it; "把末班延后一点" asks something
new of another department, no other part of the sender's open ask; "看别人…我们也想学…培训" is the sender's own ask,
not a me-too on another's training ask; "…的事能不能给个说法" follows the open ask up; a list closes on "这个采购关了"
or "清明备货够了" even when it names its goods by other words, and stays open on "货架找到厂家了，叉车还在看"."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import CHEN, LI, WANG, ZHANG, Ledger, joined, raise_request

OFFICE = {"sender": "wxid_yshb_he", "name": "区营商办-何静"}  # official, of no canonical department
HR = {"sender": "wxid_rsj_li", "name": "人社局-李晓燕"}


async def test_an_office_answers_what_was_put_to_it(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("各位好，我是区营商办何静，有事可以找我", **OFFICE)
    no = await raise_request(
        harness,
        "@区营商办-何静 何主任，年后我们想扩一条SMT线，用地、贷款、招人都要弄，到底先找哪个部门？"
        "能不能有个人统一帮我们对接？",
        LI,
        mentions=(OFFICE["sender"],),
        at=harness.clock.now() + timedelta(hours=1),
    )
    await harness.feed(
        "@川康药业-李总 李总，节后营商办牵头组个服务专班上门，把经信、自规、金融办、人社的同志一起叫上，时间定了通知你",
        **OFFICE,
        mentions=(LI["sender"],),
        at=harness.clock.now() + timedelta(hours=2),
    )
    assert ledger.get(no).status == "answered"


async def test_an_office_answers_nothing_not_put_to_it(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "园区门口跟国道交叉口早上堵得走不动，没有红绿灯，能不能协调一下？", LI)
    await harness.feed(
        "@川康药业-李总 李总，这个我们跟交通局说一下，让他们去看看",
        **OFFICE,
        mentions=(LI["sender"],),
        at=harness.clock.now() + timedelta(hours=2),
    )
    assert ledger.get(no).status == "open"


async def test_moving_the_last_bus_later_is_a_new_ask(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(
        harness,
        "@人社局-李晓燕 李科，我们养老院要招十几个护理员，想搞一期养老护理员技能培训，人社这边有补贴吗",
        ZHANG,
        mentions=(HR["sender"],),
    )
    sent = await harness.feed(
        "@交通局-陈科 陈科，员工下班都是6点半以后，18路末班车6点就没了，能不能把末班延后一点，或者开个班车",
        **ZHANG,
        mentions=(CHEN["sender"],),
        at=harness.clock.now() + timedelta(days=10),
    )
    assert any("已登记诉求" in m.text and f"#{first}" not in m.text for m in sent), sent


async def test_wanting_to_learn_like_others_is_an_ask_of_ones_own(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(
        harness,
        "@人社局-李晓燕 李科，我们养老院要招十几个护理员，想搞一期养老护理员技能培训，人社这边有补贴吗",
        LI,
        mentions=(HR["sender"],),
    )
    sent = await harness.feed(
        "@商务局-王科长 王科长，看别人直播卖农产品卖得好，我们也想学直播卖白芷，商务局有没有培训嘛",
        **ZHANG,
        mentions=(WANG["sender"],),
        at=harness.clock.now() + timedelta(days=12),
    )
    assert any("已登记诉求" in m.text for m in sent), sent
    assert ZHANG["sender"] not in joined(harness, first)


async def test_asking_for_word_on_the_matter_follows_it_up(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@人社局-李晓燕 李科，我们年前新招了两个博士，想申请人才公寓，资格怎么认定？在哪里申请？",
        LI,
        mentions=(HR["sender"],),
    )
    sent = await harness.feed(
        "@人社局-李晓燕 李科，两个博士人才公寓的事能不能年前给个说法？他们初八就来报到了",
        **LI,
        mentions=(HR["sender"],),
        at=harness.clock.now() + timedelta(days=17),
    )
    assert not any("已登记诉求" in m.text for m in sent), sent
    assert any(f"#{no}" in m.text for m in sent), sent


async def test_the_buyer_closing_the_purchase_closes_the_list(harness: Harness) -> None:
    wanted = "【采购】年货季急需：\nEPP保温箱 60L 1000个\n冰袋 600ml 5000个\n温度记录仪（带蓝牙）200个\n本周内到货"
    await harness.feed(wanted, **LI)
    sent = await harness.feed("EPP箱、冰袋和温度记录仪都到货了，谢谢蒋总，这个采购关了 👌", **LI)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent


async def test_enough_stock_closes_the_list(harness: Harness) -> None:
    await harness.feed("万家福清明备货，急需：\n青团 3000个\n艾草糕 1000盒\n清明粿/米糕 500袋\n4月1号前要到店", **ZHANG)
    sent = await harness.feed("青团、艾草糕都跟麦趣定了，米糕山溪那边也供上了，清明备货够了，谢谢大家[玫瑰]", **ZHANG)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent


async def test_part_still_looked_at_keeps_the_list_open(harness: Harness) -> None:
    await harness.feed(
        "【询价】青溪仓储年后扩库：\n二手电动平衡重叉车 3吨 2台\n横梁式重型货架 2.5米高 200组\n有货的老板报个价", **LI
    )
    sent = await harness.feed("货架找到厂家了，叉车还在看，年后再说", **LI)
    assert not any("已标记为完成" in m.text for m in sent), sent
