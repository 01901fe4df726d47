"""Session 29: a confirmation that names the request's matter after a power cut (增容昨天送上电了) confirms it, a bare
"来电了" does not; "这事解决了" confirms the requester's one answered request; a report on one zone of the park (B区)
is no news of a request about another (C区); an office's reply echoing the question a member just asked answers
that member's request, not a fresh ask of someone else's."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, raise_request

POWER = {"sender": "wxid_gd_zhou", "name": "国网青湾供电-周经理"}  # 供电公司
AGRI = {"sender": "wxid_nj_wang", "name": "农业农村局-王站长"}
CUT = "【停电通知】5月29日（周六）8:00-16:00因线路检修，物流园东区停电，请各企业提前做好准备。"
GROW = "@国网青湾供电-周经理 周经理，我们冷库二期要上马了，现有的变压器不够用，要增容800kVA，麻烦安排一下流程"


async def _grow_answered(harness: Harness) -> int:
    no = await raise_request(harness, GROW, LI, mentions=(POWER["sender"],))
    await harness.feed("@川康药业-李总 李总，增容方案已经批复了，下周二施工接电。", **POWER, mentions=(LI["sender"],))
    harness.clock.advance(timedelta(days=2).total_seconds())
    await harness.feed(CUT, **POWER)
    await harness.feed("又停电，冷库最怕这个[捂脸]", **LI)
    return no


async def test_a_confirmation_naming_the_matter_after_a_cut_confirms_it(harness: Harness, ledger: Ledger) -> None:
    no = await _grow_answered(harness)
    await harness.feed("冷库二期增容昨天送上电了，谢谢国网周经理团队加班加点👍", **LI)
    assert ledger.get(no).status == "resolved"


async def test_power_back_after_a_cut_confirms_no_request_for_more_power(harness: Harness, ledger: Ledger) -> None:
    no = await _grow_answered(harness)
    await harness.feed("来电了", **LI)
    assert ledger.get(no).status != "resolved"


async def test_said_solved_confirms_the_one_answered_request(harness: Harness, ledger: Ledger) -> None:
    moved = await raise_request(
        harness, "@国网青湾供电-周经理 10月9号是调休上班日，能不能改到国庆假期里停？", LI, mentions=(POWER["sender"],)
    )
    broad = await raise_request(
        harness, "各位领导，我们明年想上智能产线，资金、用地、技术工人都缺，有没有综合扶持政策？", LI
    )
    await harness.feed("@川康药业-李总 跟调度商量了，检修改到10月5日同样时段", **POWER, mentions=(LI["sender"],))
    await harness.feed("通知看到了，9号我们照常生产，这事解决了👍", **LI)
    assert ledger.get(moved).status == "resolved"
    assert ledger.get(broad).status == "open"


async def test_a_report_on_another_zone_answers_nothing(harness: Harness, ledger: Ledger) -> None:
    cut = await raise_request(harness, "C区突然停电了！真空炉里还有一炉料，麻烦供电所看一下", LI)
    await harness.feed("C区已恢复供电，原因是一只避雷器击穿，已更换。", **POWER)
    harness.clock.advance(timedelta(days=10).total_seconds())
    await harness.feed("B区增容改造已完成，5:50恢复送电。", **POWER)
    completed = [e for e in ledger.events(cut) if e.kind == "completed"]
    assert len(completed) == 1


async def test_a_reply_echoing_a_members_question_answers_their_request(harness: Harness, ledger: Ledger) -> None:
    spots = await raise_request(harness, "王站长，我家白芷叶子黄了一大片，还起黑斑，咋整", ZHANG)
    await harness.feed("@禾田食品-张经理 像是斑枯病，买点代森锰锌喷一下", **AGRI, mentions=(ZHANG["sender"],))
    fresh = await raise_request(harness, "想问下，我想在承包的林子里套种点黄精，林下种植要不要办手续？", LI)
    await harness.feed("王站长 药买回来了 是代森锰锌 一包兑多少水来着", **ZHANG)
    await harness.feed("一包兑一喷雾器水，叶子正反面都要喷到，你隔七天再喷一次", **AGRI)
    assert ledger.get(fresh).status == "open"
    assert len([e for e in ledger.events(spots) if e.kind == "answered" or e.kind == "answer"]) == 2
