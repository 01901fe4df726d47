"""Which request a reply is about (session 28): a quote of an ask posted in Traditional Chinese, an office that keeps
the case it mentions another office in, an ask passed on by its own words rather than to the requester's older ask
already with that office, and an explanation right after a fresh ask."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, raise_request

ZHOU = {"sender": "wxid_rsj_zhou", "name": "人社局-周科"}  # official of 人社局 (config)

TAX = {"sender": "wxid_sw_ye", "name": "青溪税务小叶"}  # a 税务局 official: the district's name, the bureau's short one
HALL = {"sender": "wxid_zw_deng", "name": "政务大厅-小邓"}  # 行政审批局 by its alias
BUILD = {"sender": "wxid_zj_zhong", "name": "住建局-钟工"}
POWER = {"sender": "wxid_gd_chen", "name": "国网临江供电-陈工"}  # 供电公司


async def test_a_quote_of_an_ask_in_traditional_chinese_links_it(harness: Harness, ledger: Ledger) -> None:
    ask = "請問一下，我哋想將點心出口去香港，唔知要辦啲咩手續，商務局可唔可以指導下？"
    no = await raise_request(harness, ask, ZHANG)
    reply = "「禾田食品-张经理：請問一下，我哋想將點心出口去香港，唔知要辦啲咩手續…」\n- - - - - - - - - - - - - - -\n"
    await harness.feed(reply + "出口食品要先做生产企业备案，再报检，具体我私信发你清单", **TAX)
    assert ledger.get(no).status == "answered"


async def test_an_office_that_keeps_the_case_passes_it_to_no_one(harness: Harness, ledger: Ledger) -> None:
    ask = "我们厂想扩建一栋仓库，用地、规划、施工许可一大堆手续，有没有帮办代办的？"
    no = await raise_request(harness, ask, LI)
    assert ledger.get(no).department == "行政审批局"
    await harness.feed(
        "@川康药业-李总 用地先报批，后面的规划许可、施工许可我们可以全程帮办代办，给你安排专员对接。@住建局-钟工 知悉",
        **HALL,
        mentions=(LI["sender"], BUILD["sender"]),
    )
    assert ledger.get(no).department == "行政审批局"
    assert ledger.get(no).status == "answered"


async def test_passing_an_ask_on_moves_the_ask_its_words_are_about(harness: Harness, ledger: Ledger) -> None:
    older = await raise_request(harness, "想问下税务局，我们7月刚拿到高企证书，三季度预缴能不能按15%交？", LI)
    await harness.feed("@川康药业-李总 可以的，预缴时填报减免就行", **TAX, mentions=(LI["sender"],))
    ask = "@人社局-周科 周科，残保金今年什么时候申报？我们安排了2个残疾人，能不能减免？"
    newer = await raise_request(
        harness, ask, LI, mentions=(ZHOU["sender"],), at=harness.clock.now() + timedelta(days=5)
    )
    await harness.feed(
        "@川康药业-李总 残保金是税务局征收的，申报的事我转给@青溪税务小叶了",
        **ZHOU,
        mentions=(LI["sender"], TAX["sender"]),
    )
    assert ledger.get(newer).department == "税务局"
    assert ledger.get(older).department == "税务局" and ledger.get(older).status == "answered"


async def test_an_explanation_right_after_a_fresh_ask_answers_it(harness: Harness, ledger: Ledger) -> None:
    grow = "@国网临江供电-陈工 陈工，我们二期车间要上新设备，变压器想从800增容到1250，流程要多久？"
    older = await raise_request(harness, grow, LI, mentions=(POWER["sender"],))
    await harness.feed("@川康药业-李总 把户号和新增设备清单发我，我先去现场勘查", **POWER, mentions=(LI["sender"],))
    fresh = await raise_request(
        harness,
        "刚才A区突然闪断了一下，机器人全部报警停机，什么情况？",
        ZHANG,
        at=harness.clock.now() + timedelta(days=20),
    )
    await harness.feed(
        "A区刚才是上级线路被施工挖机碰线，电压暂降，线路已经恢复正常，建议重要设备加装UPS",
        **POWER,
        at=harness.clock.now() + timedelta(minutes=40),
    )
    assert ledger.get(fresh).status == "answered"
    assert ledger.get(older).status == "answered"
