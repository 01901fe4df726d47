"""Laughing at an aside, an official's greeting or routing, a diagnosis, a rule for those that pass, a run of
questions to several offices, a grower's crop with no buyer (scenarios scn36 and scn37, session 26)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analysis, Analyzer
from nlp.resolution import default_cues
from nlp.roles import introduced_department
from nlp.route import load_departments
from nlp.threads import asks_progress
from nlp.withdrawal import dropped_or_met_alone, withdraws

NOW = datetime(2029, 10, 20, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def _an(text: str, role: str = "enterprise") -> Analysis:
    return Analyzer.default().analyze(text, now=NOW, role=role)


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        # the laugh is at the aside after the question: the question is meant
        ("@经信小李 李科，去年的技改补贴钱啥时候能拨下来？我们财务天天追着我问😂", "enterprise", "request"),
        ("车间温度38度了，空调开到最大都不顶用，电费又要起飞，真是没法活了[流汗]", "enterprise", "chatter"),  # despair
        ("林科长 对接会我们种植户能不能带样品去", "enterprise", "chatter"),  # the gathering's logistics
        ("@商务局-林晓 金银花烤干了三吨多 往年收货那个老板今年不来了 能不能帮忙对接一哈药厂", "enterprise", "request"),
        ("各位周末愉快，下周降温，烘干房注意用电用火安全", "official", "chatter"),  # a greeting to all
        ("这趟班车归交通运输局管，已转给交通运输局，@交通局-陈科 请帮忙跟进一下", "official", "answer"),  # routed
        (
            # a long reply ending in a file put up: the file is its appendix
            "@山里人 黄精种苗补贴今年县里有，按亩补300元，到村里登记面积；种苗建议到县里定点的育苗基地买，"
            "名单我放群文件了",
            "official",
            "answer",
        ),
    ],
)
def test_labels(text: str, role: str, label: str) -> None:
    assert _an(text, role).label == label


def test_an_official_routing_a_matter_is_no_nudge() -> None:
    assert _an("已转给交通运输局，@交通局-陈科 请帮忙跟进一下", "official").nudge is False


@pytest.mark.parametrize(
    "text",
    [
        "网络的事查清楚了，是施工把主干光缆挖伤了，电信今天下午来熔接",  # the cause found, the fix to come
        "费用先由申请方垫付，复检合格的退还。你们时间来得及",  # what happens to those that pass
    ],
)
def test_diagnoses_and_rules_are_no_fix(text: str) -> None:
    assert "res_done" not in default_cues().cues(text, True, True)


def test_a_run_of_questions_to_several_offices_has_no_single_owner() -> None:
    text = "我们合作社想建个初加工厂 用地咋个批 环评要不要做 用电咋个报装 加工要办啥子证 各位领导给指点一下"
    an = Analyzer.default()
    assert an.route(text) is None and an.no_single_owner(text)


def test_weeds_go_to_agriculture() -> None:
    assert Analyzer.default().route("王站长 柴胡地里草长得比苗还快，能打除草剂不？打啥的好") == "农业农村局"


def test_a_plan_dropped_withdraws_the_ask() -> None:
    text = "之前问的林地那个事不用问了哈 今年不打算扩了 先把现有的地种好 谢谢各位"
    assert withdraws(text) and dropped_or_met_alone(text)


def test_an_official_introducing_themselves_at_length() -> None:
    text = "@科瑞传感-孙悦 您好，我是科技局负责高企认定的小许（群昵称一直没改，大家见谅）。"
    assert introduced_department(text, load_departments()) == "科技局"


def test_asking_whether_anyone_handles_it_asks_after_it() -> None:
    assert asks_progress("消防验收那个有没有人管管啊 设备都在厂房里吃灰了")


@pytest.mark.parametrize("text", ["我们联创也是，名单上有，钱一直没到", "支持邓厂长，这种现场办公最管用[强]"])
def test_backing_with_a_company_or_a_title_is_a_me_too(text: str) -> None:
    a = _an(text)
    assert (a.label, a.me_too) == ("chatter", True)
