"""Session 31: a requester who did what the office asked and wants it checked (整改完了…麻烦安排复查), who asks how
long the fix the office's visit found takes (你们客户经理来看过了…多久能弄好), or whether the money was paid again
(钱重新拨了么) follows up their request; "清单上的都搞定了，谢谢大家" closes the buyer's list and leaves their request
alone; "好了，谢谢马哥" confirms the fix of the office whose 老马 it thanks."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, WANG, ZHANG, Ledger, raise_request

SAFETY = {"sender": "wxid_yjj_luo", "name": "应急管理局-罗科"}
POWER = {"sender": "wxid_gdgs_zhao", "name": "供电公司-赵磊"}
HR = {"sender": "wxid_rsj_zhou", "name": "人社局-周科"}
PROPERTY = {"sender": "wxid_yqwy_ma", "name": "园区物业-老马"}


async def _no_new_request_but_a_nudge(harness: Harness, text: str, who: dict, mentions: tuple, no: int) -> None:
    sent = await harness.feed(text, **who, mentions=mentions)
    assert not any("已登记诉求" in m.text for m in sent), sent
    assert any(f"#{no}" in m.text for m in sent), sent


async def test_the_rectification_done_and_a_recheck_asked_follows_up(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness,
        "@应急管理局-罗科 罗科，我们冷库是液氨制冷，安全检查说要做涉氨整改，能不能派专家上门指导一下？",
        LI,
        mentions=(SAFETY["sender"],),
    )
    await harness.feed(
        "@川康药业-李总 现场看了，防火墙开口要封堵，报警器要跟风机联动，整改完了告诉我们复查",
        **SAFETY,
        mentions=(LI["sender"],),
    )
    harness.clock.advance(timedelta(days=5).total_seconds())
    text = "@应急管理局-罗科 罗科，整改完了：防火墙开口封堵了，报警器和风机联动调试好了。麻烦安排复查"
    await _no_new_request_but_a_nudge(harness, text, LI, (SAFETY["sender"],), no)
    assert ledger.get(no).status == "answered"


async def test_how_long_the_fix_the_visit_found_takes_follows_up(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@供电公司-赵磊 赵经理好，我们仓库要装20个叉车充电桩，现有变压器带不动，这个要怎么报装？",
        LI,
        mentions=(POWER["sender"],),
    )
    await harness.feed(
        "@川康药业-李总 可以在网上国网APP提交，明天我安排客户经理上门看下配电房", **POWER, mentions=(LI["sender"],)
    )
    harness.clock.advance(timedelta(days=3).total_seconds())
    text = "@供电公司-赵磊 赵经理，昨天你们客户经理来看过了，说要新上一台箱变，大概多久能弄好？"
    await _no_new_request_but_a_nudge(harness, text, LI, (POWER["sender"],), no)


async def test_asking_whether_the_money_was_paid_again_follows_up(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@人社局-周科 周科，我们去年的稳岗返还到现在还没到账，是不是材料有问题？",
        ZHANG,
        mentions=(HR["sender"],),
    )
    await harness.feed(
        "@禾田食品-张经理 你们基本户变更过，原账户退回了，把新账户信息发我，重新发起拨付",
        **HR,
        mentions=(ZHANG["sender"],),
    )
    harness.clock.advance(timedelta(days=4).total_seconds())
    text = "@人社局-周科 周科，新账户信息上周就发您了，稳岗返还的钱重新拨了么？"
    await _no_new_request_but_a_nudge(harness, text, ZHANG, (HR["sender"],), no)


async def test_the_list_settled_closes_the_list_not_the_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "我们缺少直播带货的经验，能不能请商务局组织一次直播电商培训？", LI)
    await harness.feed("@川康药业-李总 下月有一期直播电商培训，报名表我发群里", **WANG, mentions=(LI["sender"],))
    await harness.feed("【采购需求】仓库扩容，需要：\n塑料托盘 1200×1000 300个\n缠绕膜 50cm宽 50卷\n月底前到货", **LI)
    sent = await harness.feed("托盘和缠绕膜已经送过来了，清单上的都搞定了，谢谢大家", **LI)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent)
    assert ledger.get(no).status == "answered"


async def test_thanks_to_the_office_by_its_brother_form_confirms(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("@园区物业-老马 马哥，周末保洁几点来？", **ZHANG, mentions=(PROPERTY["sender"],))
    door = await raise_request(
        harness,
        "@园区物业-老马 马哥，B区门禁晚上11点就关了，我们做实验要弄到半夜，能不能给研发人员开个夜间通道？",
        LI,
        mentions=(PROPERTY["sender"],),
    )
    await harness.feed(
        "@川康药业-李总 可以的，把名单报给物业，这两天给开通24小时权限", **PROPERTY, mentions=(LI["sender"],)
    )
    training = await raise_request(harness, "我们缺少直播带货的经验，能不能请商务局组织一次直播电商培训？", LI)
    await harness.feed("@川康药业-李总 下月有一期直播电商培训，报名表我发群里", **WANG, mentions=(LI["sender"],))
    harness.clock.advance(timedelta(days=2).total_seconds())
    await harness.feed("今晚试了，刷卡能出去了，谢谢马哥[强]", **LI)
    assert ledger.get(door).status == "resolved"
    assert ledger.get(training).status == "answered"
