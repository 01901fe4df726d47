"""Questions put to the district, trouble reported in few words, an official's reply to one person, a notice's
closing formula and a fix that no longer holds."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0)


@pytest.mark.parametrize(
    "text",
    [
        # asking the district about its support is a request, even beside a question to the members
        "明年打算申报专精特新，区里对这个有什么奖励政策吗？顺便问下有没有做辅导的机构推荐",
        "我们想去广州参加食品展，区里有没有参展补贴？",
        # voice to text
        "经信局张科你好那个我们厂想上一条自动化产线就是想问一下现在区里面对这个有没有啥子补贴政策啊麻烦有空回一下谢谢",
        # a burst pipe and a call for the property company; break-ins and a plea for patrols
        "三号楼的消防水管爆了，水都漫到楼道了，物业快来个人看看",
        "仓库门口停的两台货车昨晚被撬了，治安太差了，晚上能不能多巡逻几趟",
    ],
)
def test_asks_to_the_district_and_trouble_in_few_words_are_requests(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_asking_the_members_alone_stays_chatter(an: Analyzer) -> None:
    assert an.analyze("有没有做专精特新辅导的机构推荐一下", now=NOW, role="enterprise").label == "chatter"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # an official's message opening with one person's name answers them, whatever it says of a cut
        ("王经理，问了供电所，是10kV分支线一组跌落保险老化，明天上午带电更换，更换时不停电", "answer"),
        ("陈总，查了，是你们厂那段线路一个接头老化，今天下午3点到4点带电更换，不停电", "answer"),
        # "谢谢配合" closes a notice; it thanks no one for a fix
        ("各位早上好，明天经二路东段封闭施工，货车请从南门进出，谢谢配合", "policy"),
        # 各位老总 addresses everyone: a notice
        ("各位老总：明天上午9点园区东区停电检修，请提前安排生产。", "policy"),
    ],
)
def test_an_officials_reply_to_one_person_and_a_notice_to_all(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role="official").label == label


def test_a_fix_that_no_longer_holds_is_no_confirmation(an: Analyzer) -> None:
    text = "天然气压力前两天好了，今天早上又掉到0.2了，@经信局-胡科 麻烦再协调一下"
    got = an.analyze(text, now=NOW, role="enterprise", mentions=["经信局-胡科"])
    assert (got.label, got.resolution) == ("request", False)
    fixed = an.analyze("天然气压力前两天好了，谢谢胡科", now=NOW, role="enterprise")
    assert fixed.resolution  # a fix that holds


@pytest.mark.parametrize("role", ["enterprise", "unknown"])
@pytest.mark.parametrize(
    "text",
    [
        "有没有哪家有空闲的烘干机借用几天？",  # asked of the members
        "座谈会的会议室是四楼哪一间啊？",  # where to go: housekeeping
    ],
)
def test_peer_and_housekeeping_questions_are_chatter(an: Analyzer, text: str, role: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == "chatter"


def test_a_deal_closed_with_thanks_to_the_official_who_arranged_it_confirms(an: Analyzer) -> None:
    text = "跟德兴谈成了，15吨，价格比贩子给的高了一块五一斤！感谢@商务局-王科长 牵线[抱拳]"
    assert an.analyze(text, now=NOW, role="enterprise", mentions=["商务局-王科长"]).resolution


def test_a_delayed_application_first_told_in_the_group_is_a_request(an: Analyzer) -> None:
    """节前递了增容申请…到现在没动静: the application went in outside the chat; with no request of theirs in the
    ledger, hurrying it along is its first report."""
    text = "@供电公司-郑经理 郑经理好，我们二期生产线节后要开了，节前递了增容申请，到现在没动静，能帮忙催一下吗"
    got = an.analyze(text, now=NOW, role="enterprise", mentions=["供电公司-郑经理"], open_request=None)
    assert (got.label, got.department) == ("request", "供电公司")


@pytest.mark.parametrize(
    "text",
    [
        # asking who repairs it is no report of having repaired it oneself
        "仓库的卷帘门坏了，这是园区统一装的，是物业负责修还是我们自己修？",
        # a purchase planned and a subsidy asked about: a question for the department, not a buyer's list
        "我想買兩台烘乾機，聽說有農機購置補貼，能補多少？要先報還是先買？",
        # agreeing with a quoted ask, then asking one's own (另外…？)
        "「宏达电子-吴工：许科，我们研发投入占比2.8%，还有没有机会？」\n- - - - - - - - - - - - - - -\n"
        "同问，另外许科我们是去年10月才上规的，上规奖励今年还能不能申请？",
    ],
)
def test_questions_for_a_department_in_other_guises_are_requests(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"
