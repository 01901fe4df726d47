"""Session 31, second round: "材料网上已经提交了，啥时候能来现场核查？" to an official the companies call 冯科
(行政审批局-冯洁) and "方案我们看了，没问题，啥时候能施工？" follow up the request; "手环也买齐了" and
"采购清单可以关了" close the list."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, raise_request

PERMITS = {"sender": "wxid_spj_feng", "name": "行政审批局-冯洁"}
POWER = {"sender": "wxid_gdgs_liu", "name": "供电公司-刘庆"}


async def test_a_submission_asked_to_be_checked_follows_up(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@行政审批局-冯洁 冯科，我们下个月要搬到新厂房，食品经营许可证地址变更要准备哪些材料？要不要现场核查？",
        LI,
        mentions=(PERMITS["sender"],),
    )
    await harness.feed(
        "@川康药业-李总 网上提交变更申请，附新厂房租赁合同和平面图，提交后我们安排现场核查",
        **PERMITS,
        mentions=(LI["sender"],),
    )
    harness.clock.advance(timedelta(days=4).total_seconds())
    sent = await harness.feed("冯科，新厂房的材料网上已经提交了，啥时候能来现场核查？", **LI)
    assert not any("已登记诉求" in m.text for m in sent), sent
    assert any(f"#{no}" in m.text for m in sent), sent


async def test_the_plan_approved_and_work_asked_after_follows_up(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@供电公司-刘庆 刘工，我们想再加两台烘干机，现在那台变压器带不动，一开就跳闸，增容要走啥子流程？",
        ZHANG,
        mentions=(POWER["sender"],),
    )
    await harness.feed(
        "@禾田食品-张经理 网上国网提交增容申请，我们勘查后出供电方案", **POWER, mentions=(ZHANG["sender"],)
    )
    harness.clock.advance(timedelta(days=5).total_seconds())
    sent = await harness.feed(
        "@供电公司-刘庆 刘工，方案我们看了，没问题，啥时候能施工？", **ZHANG, mentions=(POWER["sender"],)
    )
    assert not any("已登记诉求" in m.text for m in sent), sent
    assert any(f"#{no}" in m.text for m in sent), sent


async def test_the_last_goods_bought_close_the_list(harness: Harness) -> None:
    await harness.feed("博远电子采购：\n防静电周转箱（600×400×280）600个\n防静电手环 200条\n急用，本周内到货", **LI)
    sent = await harness.feed("周转箱定了众诚的，手环也买齐了，谢谢潘总", **LI)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent


async def test_the_buyer_closing_the_list_in_words_closes_it(harness: Harness) -> None:
    await harness.feed("润生堂采购：\n医用外科口罩 20000只\n电子体温计 200支\n请有正规资质的供应商联系", **ZHANG)
    await harness.feed("口罩到货了，体温计还差80支", **ZHANG)
    sent = await harness.feed("体温计也配齐了，采购清单可以关了", **ZHANG)
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent
