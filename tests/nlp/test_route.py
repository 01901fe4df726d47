"""Routing requests to one department: addressees first, then remit keywords and the overlap rules."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture(scope="module")
def an() -> Analyzer:
    return Analyzer.default()


def route(an: Analyzer, text: str, mentions: tuple[str, ...] = ()) -> str | None:
    a = an.analyze(text, now=NOW, role="enterprise", mentions=mentions)
    assert a.label == "request", (text, a.label)
    return a.department


def test_mention_of_official_wins(an: Analyzer) -> None:
    assert route(an, "@交通局-陈科 路灯坏了能不能帮忙看看", ("交通局-陈科",)) == "交通运输局"
    assert route(an, "@商务局-王科长 能不能帮忙对接一下买家？", ("商务局-王科长",)) == "商务局"


def test_named_department_in_text(an: Analyzer) -> None:
    assert route(an, "想问下税务局，残保金怎么交？") == "税务局"
    assert route(an, "请问市监局，复检要多久？") == "市场监管局"


@pytest.mark.parametrize(
    ("text", "dept"),
    [
        ("我们的当归卖不出去，能不能帮忙找找销路？", "商务局"),
        ("想参加电商直播培训，有没有名额？", "商务局"),
        ("今年想种黄芪，种苗补贴怎么申请？", "农业农村局"),
        ("农机购置补贴今年还有吗？", "农业农村局"),
        ("食品经营许可证快到期了，延续要准备什么材料？", "行政审批局"),
        ("产品要复检，标签也要改，能不能帮忙指导一下？", "市场监管局"),
        ("高企的企业所得税优惠怎么享受？", "税务局"),
        ("高企认定申报需要准备哪些材料？", "科技局"),
        ("车间燃气压力不够，锅炉开不起来，能不能协调一下？", "经信局"),
        ("新厂房要接天然气管道，报了两个月没人来铺，该找谁？", "住建局"),
        ("能不能组织一期叉车工技能培训，有补贴吗？", "人社局"),
        ("安全员培训什么时候有？我们有三个人要考证", "应急管理局"),
        ("园区到县城的公交末班车太早了，能不能延后？", "交通运输局"),
        ("园区里面的路灯坏了一个月了，麻烦看看", "园区管委会"),
        ("食堂饭菜涨价太多了，能不能管一下？", "园区管委会"),
        ("工业用地指标还有吗？我们想扩建", "自然资源局"),
        ("施工许可证办了两个月还没下来，能不能帮忙催一下？", "住建局"),
        ("银行突然抽贷，资金周转困难，能不能帮忙协调？", "金融办"),
        ("厂里三天两头停电，能不能让供电公司查一下？", "供电公司"),
        ("环评批复一直下不来，麻烦问一下", "生态环境局"),
    ],
)
def test_remit_and_overlap_rules(an: Analyzer, text: str, dept: str) -> None:
    assert route(an, text) == dept


def test_no_single_owner(an: Analyzer) -> None:
    assert route(an, "新项目落地，土地、环评、供电、施工许可一堆事，能不能有人牵个头统一对接？") is None
    assert route(an, "我们遇到困难了，能不能帮帮忙？") is None


def test_outside_every_remit(an: Analyzer) -> None:
    assert route(an, "员工子女入学的事能不能帮忙解决？孩子要上学") is None


def test_in_park_words_beat_bus_words(an: Analyzer) -> None:
    text = "园区北门晚上10点就关了，我们夜班车进不来，能不能开个夜间通道？"
    assert route(an, text) == "园区管委会"


def test_quoted_department_is_an_implicit_addressee(an: Analyzer) -> None:
    text = "「商务局-王科长：展会补贴开始申报」\n- - - - - - - - - - - - - - -\n请问小微企业能申请吗？"
    assert route(an, text) == "商务局"
    two = "「商务局-王科长：展会补贴开始申报」\n- - - - - - - - - - - - - - -\n这个补贴和经信局的技改补贴能同时享受吗？"
    assert route(an, two) is None
