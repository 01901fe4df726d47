"""Asks that are jokes, gripes and despair are chatter; asks about a licence or about who handles something are
requests even when they look like housekeeping or a buyer's list (session 25)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2028, 2, 14, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def _label(an: Analyzer, text: str, role: str = "enterprise") -> str:
    return an.analyze(text, now=NOW, role=role).label


@pytest.mark.parametrize(
    "text",
    [
        # an ask closed by laughter is a joke
        "能不能请税务局把我们的社保也免了，哈哈哈",
        "王科长，能不能给我们厂也发个补贴，发个老婆也行哈哈哈[捂脸]",
        "要是区里能把夏天的电费全包了就好了哈哈",
    ],
)
def test_an_ask_closed_by_laughter_is_a_joke(an: Analyzer, text: str) -> None:
    a = an.analyze(text, now=NOW, role="enterprise")
    assert (a.label, a.joke) == ("chatter", True)


def test_an_ask_without_laughter_is_no_joke(an: Analyzer) -> None:
    a = an.analyze("能不能请税务局讲讲今年社保减免怎么申请？", now=NOW, role="enterprise")
    assert (a.label, a.joke) == ("request", False)


@pytest.mark.parametrize(
    "text",
    [
        "这个季度电费又涨了，还扣了一笔力调电费，真的干不动了",  # despair
        "年后招人都这样，工资开高了还嫌累，这生意还做不做了？",
        "又要抽检了，我们亚硝酸盐一直控得很严，不怕",  # not worried
        "又抽检？开年都第几轮了[捂脸]",  # griping that it happens again
        "应急局的专家到了，正在看冷库",  # a progress report
    ],
)
def test_gripes_and_reports_are_chatter(an: Analyzer, text: str) -> None:
    assert _label(an, text) == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        # asking for the papers of a licence application is a request, not housekeeping
        "@审批局-刘科 刘科，我们想申请食品经营许可证，材料清单能发我一份吗？",
        "我们要办城市配送车辆备案，要准备的资料能发我一下吗",
        # who handles it: a request, though it counts goods
        "我们准备上电动叉车，要装8个充电桩，报装找谁？变压器可能也要增容",
        "想问下农机补贴怎么弄，我要买两台烘干机，是先买了再去申请还是先申请再买",
        # 那个 followed by a new thing's name opens a question, not a nudge
        "请问交通局，园区到火车站那个21路春节后什么时候恢复？员工都打车来的",
    ],
)
def test_asks_about_a_procedure_are_requests(an: Analyzer, text: str) -> None:
    assert _label(an, text) == "request"


@pytest.mark.parametrize(
    "text",
    [
        "上次培训的课件能发我一份吗",  # still housekeeping
        "应急局那个隐患清单在群文件哪里？找半天没找到",
        "五一园区谁值班？有事找谁",
        "政务中心的停车场入口在哪边啊？上次绕了好几圈",
    ],
)
def test_housekeeping_stays_chatter(an: Analyzer, text: str) -> None:
    assert _label(an, text) == "chatter"


def test_an_officials_reply_that_offers_more_help_is_an_answer(an: Analyzer) -> None:
    text = "@青山合作社-王社长 昨天去看了，黄芪叶子发黄是积水沤根，不是病害。赶紧开沟排水，有问题随时打电话。"
    assert _label(an, text, role="official") == "answer"


@pytest.mark.parametrize(
    "text",
    [
        "我们合作社也想问这个，打算扩种一百亩",
        "我们厂也想问一下这个",
        "我们也有十几个人想考，能一起开班不？",  # taken along (not 一起拼个单, a joint order)
        "我们迅捷去年在那段堵了两个小时，支持几个部门一起协调",  # backing the ask
    ],
)
def test_also_wanting_to_ask_the_same_joins(an: Analyzer, text: str) -> None:
    a = an.analyze(text, now=NOW, role="enterprise")
    assert (a.label, a.me_too) == ("chatter", True)


@pytest.mark.parametrize("text", ["禾田参加+1", "我们也参加+1"])
def test_signing_up_with_plus_one_is_no_me_too(an: Analyzer, text: str) -> None:
    assert not an.analyze(text, now=NOW, role="enterprise").me_too


@pytest.mark.parametrize(
    "text",
    [
        # "还是…要不要" is no "still not": 还是 here is "still (green)", 不 belongs to 要不要
        "@农技站-李站长 李站长 问一哈 今年霜来得早 我屋头黄精苗都还是青的 要不要盖点草 莫得经验",
        # "一直没批下来" is no approval
        "城市配送车辆备案一直没批下来，交上去快十天了，车进不了城 @交通局-王科",
        # pointing back at what was said, to ask which way to proceed
        "@商务局-李科 上次说的展会补贴，我们是参展后再申请吗？还是要先报名？",
    ],
)
def test_asks_that_look_like_a_still_a_done_or_a_nudge(an: Analyzer, text: str) -> None:
    assert _label(an, text) == "request"
