"""Session 29: saying whose remit a matter is (归审批局办了) reports no fix; power, water or gas switched on
(送上电了, 通上水了) does, also for a project's second phase (二期); an official's @-reply to one person (你, 您) that
mentions a gathering answers that person, it announces no meeting."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.resolution import default_cues

NOW = datetime(2027, 5, 21, 14, 30, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    "text",
    [
        "罗总，危货运输许可的换证现在归审批局办了，已转给政务服务中心",
        "这块现在归人社管了，我帮你问问",
        "今年办了两期培训班，反响很好",
    ],
)
def test_no_fix(text: str) -> None:
    assert default_cues().completion(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "冷库二期增容昨天送上电了，谢谢国网周经理团队加班加点👍",
        "新厂房昨天通上水了，谢谢",
        "二期项目已经批了，感谢",
        "宿舍楼今天用上电了",
    ],
)
def test_a_fix(text: str) -> None:
    assert default_cues().completion(text) is not None


def test_an_officials_reply_to_one_person_naming_a_briefing_is_an_answer(an: Analyzer) -> None:
    text = (
        "跨境电商这块，区里对B2C出口按实际出口额给奖励，海外仓租金补贴30%，最高20万。"
        "下周二（25日）下午有个跨境电商政策线上宣讲会，建议你参加。"
    )
    assert an.analyze("@Kevin " + text, now=NOW, role="official").label == "answer"


def test_the_same_briefing_told_to_all_is_a_meeting(an: Analyzer) -> None:
    text = "下周二（25日）下午3点跨境电商政策线上宣讲会，腾讯会议号 538-221-906，欢迎大家参加"
    assert an.analyze(text, now=NOW, role="official").label == "meeting"
