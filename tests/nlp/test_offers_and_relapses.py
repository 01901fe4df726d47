"""Supply offers, market talk and haul reports are no buyer's list; a bare count (×8) is an amount; a trouble back
again, a result with a new question and an ask for oversight are requests (held-out sets DQ and DR, session 26)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2029, 9, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def _label(text: str, role: str = "enterprise") -> str:
    return Analyzer.default().analyze(text, now=NOW, role=role).label


@pytest.mark.parametrize(
    "text",
    [
        "有没有老板要白及的 贵州的 统货 我手上有三吨 价格好商量",  # a seller asking who wants it
        "我们冷库还有300个托位空着，常温冷藏都有，需要存货的老板可以联系",  # space on offer
        "麦冬今年价格崩了，去年统货还卖二十五六，今年二十块都难，哎",  # market talk, 块 is money
        "今天拉了一车川芎去成都 路上堵了三个钟头 中秋前都这样 😩",  # a haul told, no order
        "有没有哪个合作社办过农机补贴的？手续麻烦不",  # a peer question
        "招聘会能不能顺便帮我们小伙子找对象[捂脸]",  # a joke ask
        "新买的十台冷藏车今天提回来了，司机也培训完了",  # bought already
    ],
)
def test_offers_talk_and_jokes_are_chatter(text: str) -> None:
    assert _label(text) == "chatter"


@pytest.mark.parametrize(
    "text", ["叶总上周把我那两吨白芷收了，价格比之前高不少", "今天拉了一车黄精去成都", "昨天客户定了我们5吨"]
)
def test_goods_taken_or_hauled_are_a_deal_done(text: str) -> None:
    """把…收了 / 拉了一车: the goods went, no buyer is still looking (proc.deal_done weighs against a list)."""
    hits = {h.rule for h in Analyzer.default().analyze(text, now=NOW, role="enterprise").hits}
    assert "proc.deal_done" in hits


def test_a_list_counted_with_times_signs_is_procurement() -> None:
    text = (
        "需求清单（急用）：\n- 三菱PLC FX5U-32MT ×6\n- 昆仑通态触摸屏 TPC7062 ×6\n- 施耐德接触器 LC1D18 ×40\n"
        "月底前到货，能开13%专票，📞王 13912345678"
    )
    assert _label(text) == "procurement"


@pytest.mark.parametrize(
    "text",
    [
        "镇上收菜的那杆秤肯定有问题 一筐辣椒称少了三斤多 好几户都吃了亏 有没有人管管嘛",  # a trouble, an ask
        "厂门口的雨水井又冒出来了，一股臭味，这个月第三回了",  # back again: no fix
        "@市场监管局-刘科 复检结果出来了 合格！之前那个抽检不合格的记录怎么消掉？客户一直在问",  # a new question
        "这个新出的标签规定，有没有哪位领导给解读一下，怕印错了",  # 哪位领导: asked of the officials
    ],
)
def test_troubles_and_new_questions_are_requests(text: str) -> None:
    assert _label(text) == "request"


def test_a_trouble_back_again_acknowledges_nothing() -> None:
    a = Analyzer.default().analyze("污水管又冒出来了，就在我们厂门口", now=NOW, role="enterprise")
    assert a.resolution is False
