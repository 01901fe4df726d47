"""Resignation after venting, guesses at prices, questions about the group and the way in, approximate counts,
follow-ups by how much longer, renewals and easier lives as fixes, processed herbs, and public bodies outside
departments.json (session 28).

Each text is written apart from the labelled sets, in the shape of a case a held-out set or a scenario showed.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer, extraction
from nlp.roles import looks_official, parse_nickname, public_authority
from nlp.route import load_departments
from nlp.threads import OpenRequest
from nlp.withdrawal import withdraws

NOW = datetime(2028, 4, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def _an(text: str, role: str = "enterprise", **kw):
    return Analyzer.default().analyze(text, now=NOW, role=role, **kw)


# (text, label, the flag it must carry or "-" for none, what the flag must be)
CASES = [
    # venting that ends in resignation asks no one; the same trouble with an ask, or with stock unsold, is a request
    ("鸡蛋又涨了三毛，蛋糕一分钱不敢涨，难搞哦", "chatter", "-", True),
    ("这场倒春寒把黄精苗子冻蔫了一片，莫得办法，听天由命嘛", "chatter", "-", True),
    ("今年大蒜压了三十吨在冷库，找不到销路，愁死了", "request", "-", True),
    ("@人社局-周科 周科，招了两个月焊工一个都没招到，愁死了，招聘会能不能帮我们留个位置", "request", "-", True),
    # a guess at where prices go is market talk
    ("今年种花椒的太多了，明年价格估计要跌", "chatter", "-", True),
    ("雨水太多 花椒地里好多落果 今年价钱怕是要涨哦", "chatter", "-", True),
    # asking the group's peers, with how they are called in the group
    ("有没有同行用过那种自动装箱机的 好不好使", "chatter", "-", True),
    ("有没有兄弟懂跨境电商报关的 想请教一下流程", "chatter", "-", True),
    # questions about the group itself and the way in: housekeeping; where trucks may park for good: a request
    ("请问这是冷链企业的群吗，我是刚进群的", "chatter", "-", True),
    ("请问三楼报告厅怎么走，电梯出来没看到牌子", "chatter", "-", True),
    ("刘主任 开会的车停哪边？", "chatter", "-", True),
    ("@园区办-周主任 周主任，国庆值班电话是多少来着，前面那条找不到了", "chatter", "-", True),
    ("物流园门口划了禁停，我们二十几台货车晚上停哪里嘛，能不能规划个货车停车场", "request", "-", True),
    # a count in tens or hundreds tells how big a trouble is, not how much a buyer wants
    ("几十台挂车天天堵在门口，园区能不能把北门晚上也开了", "request", "-", True),
    # how much longer, or whether the paper is out: a nudge
    ("@审批局-孙科 孙科，换证的事还要等多久啊，客户天天问", "chatter", "nudge", True),
    ("@商务局-王科长 王科，展会补贴的正式文件出了吗？", "chatter", "nudge", True),
    # a loan renewed, the new hours running, life easier at last: a fix; asking whether it was renewed: none
    ("@金融办-徐科 徐科，那笔500万续上了，今天签的合同，太感谢了！", "chatter", "resolution", True),
    ("末班车昨晚开始延后到十点了，夜班的都坐上车了，谢谢交通局", "chatter", "resolution", True),
    ("门禁卡发下来了，晚班的兄弟们终于不用在门口等了😂", "chatter", "resolution", True),
    ("许可证续下来了吗？", "chatter", "resolution", False),
    ("找到了，红冲的发票已经开出来了，谢谢周姐", "chatter", "resolution", True),
    ("退税那个不用回了，我撤回，问到了在网上就能办", "chatter", "resolution", True),
    ("这个问题不用管了，还没问到", "chatter", "resolution", False),
    # the last item bought too: the buyer's list is done
    ("缠绕膜也买到了，全部齐了，谢谢各位老板", "chatter", "need_met", True),
    ("食堂终于有人管了", "chatter", "resolution", False),
]


@pytest.mark.parametrize(("text", "label", "flag", "value"), CASES)
def test_label_and_flag(text: str, label: str, flag: str, value: bool) -> None:
    a = _an(text)
    assert a.label == label
    if flag != "-":
        assert getattr(a, flag) is value


def test_a_follow_up_on_an_application_to_another_office_is_a_first_report() -> None:
    text = "@经信局-冯科 冯科 我们3月份报的技改补贴 公示出来没有 啥时候能拨付哦"
    earlier = OpenRequest(NOW - timedelta(days=30), "行政审批局", frozenset({"许可证"}))
    same = OpenRequest(NOW - timedelta(days=30), "经信局", frozenset({"技改"}))
    assert _an(text, mentions=["经信局-冯科"], open_request=earlier).label == "request"
    assert _an(text, mentions=["经信局-冯科"], open_request=same).label == "chatter"


def test_a_safety_officer_course_goes_to_emergency_management_with_certificates_or_not() -> None:
    assert Analyzer.default().route("我们要送3个人参加安全管理员培训，要取证的，最近有班吗") == "应急管理局"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("收：法夏 300公斤，姜半夏 1吨", ["半夏", "半夏"]),  # processing is a spec of the herb
        ("收蜜炙甘草 2吨", ["甘草"]),
        ("求购 秦九 统货 1吨，蚕羌 500公斤", ["秦艽", "羌活"]),  # a typo and a trade grade
    ],
)
def test_processed_forms_typos_and_grades_name_the_herb(text: str, names: list[str]) -> None:
    assert [i.name for i in extraction.items(text)] == names


@pytest.mark.parametrize(
    ("nickname", "official", "authority"),
    [
        ("交警大队-刘警官", True, True),
        ("城西派出所-张警官", True, True),
        ("发改委-赵科", True, True),
        ("镇政府-刘书记", True, False),  # a township office coordinates: no remit of its own here
        ("集群办-张敏", True, False),
        ("社区团购-小王", False, False),
        ("消防器材-王总", False, False),
        ("商务局-王科长", True, False),  # a department of departments.json is no outside authority
    ],
)
def test_public_bodies_outside_the_list(nickname: str, official: bool, authority: bool) -> None:
    depts = load_departments()
    org, _, department = parse_nickname(nickname, depts)
    assert looks_official(nickname, depts) is official
    assert (official and department is None and public_authority(org)) is authority


@pytest.mark.parametrize(
    ("text", "taken_back"),
    [
        ("满分学习那个不用回了，我撤回，问到了", True),
        ("不用回复了，已经办好了", True),
        ("文件我撤回去改一下再发", False),  # the requester's own paperwork, not the ask
    ],
)
def test_taking_an_ask_back(text: str, taken_back: bool) -> None:
    assert withdraws(text) is taken_back
