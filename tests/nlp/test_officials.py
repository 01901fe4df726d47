"""nlp.officials: how a group's officials are addressed, and routing a request that names one."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.analyzer import classify_record
from nlp.officials import Officials, OfficialsByGroup, address_forms

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    ("person", "forms"),
    [
        ("王科长", ["王科长", "王科"]),
        ("陈科", ["陈科", "陈科长"]),
        ("张站", ["张站", "张站长"]),
        ("黄主任", ["黄主任"]),
        ("谭工", ["谭工"]),
        ("小刘", ["小刘", "刘老师", "刘师傅", "刘工", "刘哥", "刘姐"]),  # 税务局小刘 is thanked as 刘老师
        (
            "老李",
            ["老李", "李老师", "李师傅", "李工", "李哥", "李姐"],
        ),  # 供电所老李 is asked as 李师傅, 物业老马 as 马哥
        ("客户经理小唐", []),  # not a way anyone is addressed
        ("陈敏", ["陈敏", "陈姐", "陈哥", "陈老师", "陈科", "陈工"]),  # 政务服务中心-陈敏: 陈姐 thanked, 陈科 asked
        ("客服", ["客服"]),  # no surname: no forms of one
        ("李", []),
    ],
)
def test_address_forms(person: str, forms: list[str]) -> None:
    assert address_forms(person) == forms


def test_a_named_official_routes_the_request(an: Analyzer) -> None:
    officials = Officials()
    an.learn(officials, "园区管委会-黄主任")
    text = "黄主任 我们晚班生产线要用水的，能不能推到周六晚上再停？"
    assert an.route(text) is None
    assert an.route(text, officials=officials) == "园区管委会"


def test_an_explicit_mention_wins_and_a_shared_name_says_nothing(an: Analyzer) -> None:
    officials = Officials()
    an.learn(officials, "商务局-王科长")
    text = "@交通局-陈科 王科长说这个归你们管，货车通行证能不能帮忙办一下？"
    assert an.analyze(text, now=NOW, role="enterprise", mentions=["交通局-陈科"], officials=officials).department == (
        "交通运输局"
    )
    an.learn(officials, "税务局-王科长")  # two 王科长 now: the name no longer says who is meant
    assert officials.addressed("王科长，能不能抽空来一趟？") is None


def test_records_teach_the_officials_of_their_own_group_only(an: Analyzer) -> None:
    groups = OfficialsByGroup()
    ask = {"cluster": "food", "sender": "鲜达冷链-马经理", "text": "王科长 我们遇到点难处，能不能帮忙想想办法？"}
    hello = {"cluster": "pharma", "sender": "商务局-王科长", "text": "各位好"}
    classify_record(an, hello, NOW, groups.of(hello))
    assert classify_record(an, ask, NOW, groups.of(ask))["department"] is None
    same_group = {**hello, "cluster": "food"}
    classify_record(an, same_group, NOW, groups.of(same_group))
    assert classify_record(an, ask, NOW, groups.of(ask))["department"] == "商务局"


def test_a_notice_is_recent_for_three_hours() -> None:
    officials = Officials()
    assert officials.recent_notice(NOW) is None
    officials.posted("交通运输局", NOW)
    assert officials.recent_notice(NOW + timedelta(hours=2)) == "交通运输局"
    assert officials.recent_notice(NOW + timedelta(hours=4)) is None
    assert officials.recent_notice(NOW - timedelta(minutes=1)) is None  # before the notice
    officials.posted(None, NOW + timedelta(hours=1))  # an official whose department is unknown: nothing changes
    assert officials.recent_notice(NOW + timedelta(hours=2)) == "交通运输局"


def test_a_short_question_right_after_a_notice_asks_its_department(an: Analyzer) -> None:
    groups = OfficialsByGroup()
    notice = {
        "cluster": "logistics",
        "sender": "交通运输局-陈科",
        "text": "通知：明天起X082县道半幅施工，货车请绕行S106，工期10天。",
    }
    ask = {"cluster": "logistics", "sender": "顺达物流-老彭", "text": "挂车能不能走？麻烦帮忙确认一下"}
    assert classify_record(an, notice, NOW, groups.of(notice))["label"] == "policy"
    got = classify_record(an, ask, NOW + timedelta(minutes=20), groups.of(ask))
    assert (got["label"], got["department"]) == ("request", "交通运输局")
    later = classify_record(an, ask, NOW + timedelta(hours=5), OfficialsByGroup().of(ask))
    assert later["department"] is None  # no notice to ask about: no department to infer
    # a question put to someone by name (刘主任，…) whom the group knows as no official of 交通运输局
    named = {**ask, "text": "刘主任，我们去年报的几个补贴到现在还没到账，能不能帮忙问问？"}
    assert classify_record(an, notice, NOW, groups.of(notice))["label"] == "policy"
    got = classify_record(an, named, NOW + timedelta(minutes=20), groups.of(named))
    assert (got["label"], got["department"]) == ("request", None)


def test_the_previous_message_is_one_from_someone_else_within_three_hours() -> None:
    officials = Officials()
    assert officials.previous(NOW, "wxid_li") is None
    officials.heard("request", False, "wxid_li", NOW)
    assert officials.previous(NOW + timedelta(minutes=5), "wxid_li") is None  # the sender's own message
    assert officials.previous(NOW + timedelta(minutes=5), "wxid_chen") == ("request", False)
    assert officials.previous(NOW + timedelta(hours=4), "wxid_chen") is None
    officials.heard("policy", True, "wxid_chen", NOW + timedelta(hours=4))
    assert officials.previous(NOW + timedelta(hours=4, minutes=1), None) == ("policy", True)


def test_what_a_message_follows_weighs_in(an: Analyzer) -> None:
    officials = Officials()
    officials.heard("request", False, "wxid_li", NOW)
    text = "收到，我们明天去现场看一下"
    after = an.analyze(text, now=NOW + timedelta(minutes=10), role="official", officials=officials, sender="wxid_c")
    alone = an.analyze(text, now=NOW + timedelta(minutes=10), role="official")
    assert after.scores != alone.scores
    assert any(h.rule.startswith("learned.prev_") for h in after.hits)


def test_an_official_of_no_department_makes_their_name_name_no_department() -> None:
    officials = Officials()
    officials.learn("刘主任", "园区管委会")
    assert officials.addressed("刘主任，路灯的事麻烦看下") == "园区管委会"
    officials.learn_unplaced("刘主任")  # 区营商办-刘主任 speaks in the group
    assert officials.addressed("刘主任，路灯的事麻烦看下") is None
    officials.learn("刘主任", "园区管委会")  # seen again: still two people the form may mean
    assert officials.addressed("刘主任，路灯的事麻烦看下") is None


def test_a_question_opening_with_a_known_officials_name_is_put_to_them(an: Analyzer) -> None:
    """王站长 … with no @: the name of an official the group knows opens the question (named_official)."""
    officials = Officials()
    text = "王站长 我们那片柴胡地里草长得比苗还快，能打除草剂不？"
    alone = an.analyze(text, now=NOW, role="enterprise", officials=officials)
    an.learn(officials, "农业农村局-王站长")
    assert officials.opens(text) and not officials.opens("跟王站长说过了")
    named = an.analyze(text, now=NOW, role="enterprise", officials=officials)
    rules = {h.rule for h in named.hits}
    assert "req.named_official_q" in rules and "req.named_official_q" not in {h.rule for h in alone.hits}
    assert named.scores["request"] > alone.scores["request"]


def test_an_officials_own_title_wins_over_a_guessed_form() -> None:
    """冯洁 of 审批局 is 冯科 to the companies, but where 交通局-陈科 sits, 陈科 is him, not 陈敏 of another office."""
    officials = Officials()
    officials.learn("冯洁", "行政审批局")
    assert officials.addressed("冯科，新厂房的材料网上已经提交了") == "行政审批局"
    officials.learn("陈敏", "政务服务中心")
    officials.learn("陈科", "交通运输局")
    assert officials.addressed("陈科，通行证6月底到期，还能续吗？") == "交通运输局"
    officials.learn("陈敏", "政务服务中心")  # seen again: the guess does not take the name back
    assert officials.addressed("陈科，通行证6月底到期，还能续吗？") == "交通运输局"
    officials.learn("陈卫东", "税务局")  # two guesses alike: 陈姐 names no one
    assert officials.addressed("陈姐，材料发您了") is None
