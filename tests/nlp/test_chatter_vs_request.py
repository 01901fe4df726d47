"""Chatter that looks like a request (housekeeping, nudges, unsold stock) and requests that look like chatter."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0)


@pytest.fixture(scope="module")
def an() -> Analyzer:
    return Analyzer.default()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("会议的二维码能再发下吗，上午那个失效了", "chatter"),  # housekeeping ask
        ("@交通局-陈科 班车改点的事定下来了吗", "chatter"),  # nudge pointing back
        ("我这有台旧装载机要转让 5吨的 有意向私聊", "chatter"),  # a supply offer
        ("今年党参收成不错 可惜没销路 库房里压着二十多吨", "request"),  # unsold crop: a sales-channel need
        ("厂里想新上一条产线 要装两台空压机 用电增容走什么流程", "request"),  # procedure question
        ("评上专精特新以后 研发费用是不是可以加计扣除100%", "request"),  # policy clarification
        ("车间的宽带这个月断了五次了，打单系统老是登不上", "request"),  # implicit problem
        ("黄芪、防风各3吨，要内蒙产的，月底前要", "procurement"),  # items, quantity and a cut-off
    ],
)
def test_label(an: Analyzer, text: str, label: str) -> None:
    mentions = ["交通局-陈科"] if "@交通局-陈科" in text else ()
    assert an.analyze(text, now=NOW, role="enterprise", mentions=mentions).label == label


@pytest.mark.parametrize(
    "text",
    [
        "这个事到底啥时候能解决啊，都反映好几次了",  # a nudge
        "要不给我们也发点补贴吧哈哈，开个玩笑",  # a joke phrased as an ask
        "下午那个座谈会还开吗",  # housekeeping about a meeting
        "招人难啊，大家都一样",  # venting
    ],
)
def test_chatter_phrased_as_asks(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"


def test_asking_a_department_to_chase_is_a_request(an: Analyzer) -> None:
    text = "仓库建好两年了，产权证一直没办下来，能帮忙催一下吗"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_buy_demand_addressed_to_an_official_is_procurement(an: Analyzer) -> None:
    text = "@商务局-王科长 我们要收白芷 5吨，帮忙问问有没有合作社有货"
    assert an.analyze(text, now=NOW, role="enterprise", mentions=["商务局-王科长"]).label == "procurement"
