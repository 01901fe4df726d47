"""Session 38, second round: a tax deduction for a 高企 is 税务局's (加计扣除, as its rate); one remit far ahead of
the rest owns a plea that lists expenses (工资、油费); burst and frozen pipes and uploads that fail are troubles, and
"园区的赶紧来" asks; something to be done once installed (安装好了要办使用登记吗？) is no done thing; a market report
(干货市场：…还在涨) is no list, and "再给我拉150桶" orders; "想预约检验，怎么约？" asks."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer
from nlp.withdrawal import dropped_or_met_alone, withdraws

NOW = datetime(2035, 1, 10, 10, 0)
ENT = "enterprise"


def _mentions(text: str) -> list[str]:
    return [text[1 : text.index(" ")]] if text.startswith("@") else []


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("@郑科 郑科你好，我们公司去年底认定了高新技术企业，想问下研发费用加计扣除今年是不是还是100%？", "税务局"),
        (
            "@谭主任 谭主任，农商行把我们500万的流动资金贷款到期只续了一半，我们车队工资、油费都等到这个钱，"
            "能不能帮忙跟银行协调一下？",
            "金融办",
        ),
        ("我们想在园区建个厂，税收、用地、人才公寓这些有什么政策", None),  # several offices' matters listed
    ],
)
def test_owners(an: Analyzer, text: str, department: str | None) -> None:
    a = an.analyze(text, now=NOW, role=ENT, mentions=_mentions(text))
    assert a.label == "request"
    assert a.department == department


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("放了三天假回来 车间消防管又冻爆了 一地的水 园区的赶紧来", "request"),
        ("再问下市监局，我们新买的提取罐属于压力容器，安装好了要办使用登记吗？在哪里办", "request"),
        ("@市监局-冯雨 冯科您好，我们车间两台16吨行车的定期检验下周到期，想预约检验，怎么约？", "request"),
        ("今天成都干货市场：二荆条 13.5，子弹头 11，大红袍花椒 55-60，八角 16块，都是元/斤，还在涨📈", "chatter"),
        ("@绿源菜籽油-何经理 何经理再给我拉150桶，还是20L的，这周五前送到", "procurement"),
    ],
)
def test_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT, mentions=_mentions(text)).label == label


def test_failed_uploads_and_frozen_roads_are_troubles(an: Analyzer) -> None:
    for text in ("我们系统里传不上去 一直显示文件过大", "X032那段又结冰了 今天早上又有个车溜到沟里头"):
        a = an.analyze(text, now=NOW, role=ENT)
        assert any(h.evidence.startswith("not_official=enterprise + problem=") for h in a.hits), text


def test_asking_whether_it_is_needed_asks(an: Analyzer) -> None:
    a = an.analyze("我们烟熏房去年装了油烟净化的 环评还需不需要再报", now=NOW, role=ENT)
    assert any("question=" in h.evidence for h in a.hits)


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("好的明白了，没得问题了，谢谢郑科🙏", True),  # no more questions: the answer settled it
        ("好的明白了，谢谢郑科", False),
    ],
)
def test_no_more_questions_confirms(an: Analyzer, text: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolution


def test_a_matter_dropped_because_the_members_arranged_it_is_withdrawn() -> None:
    text = "对了，昨天说那个公交站的事算了哈，我们几家商量好了，自己合伙开个班车"
    assert withdraws(text) and dropped_or_met_alone(text)
    assert not withdraws("那个事算了解了吗")


def test_a_matter_settled_at_last_is_no_withdrawal() -> None:
    assert not withdraws("撤销不合格的正式文书收到了，这事总算了了，谢谢罗股长")
