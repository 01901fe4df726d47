"""An official's notice of a cut of power, water or gas: the remarks right after it react to it (又停？冷库咋整),
an ask to move or shorten it is a request, and coping with a cut (幸好昨天储了水) is no report."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.analyzer import analyze_record, classify_record
from nlp.officials import Officials, OfficialsByGroup

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))
CUT = {
    "cluster": "logistics",
    "sender": "供电公司-客户经理小贺",
    "text": "【停电通知】因10kV园区线路改造，6月13日（周六）7:00-18:00 物流园B区停电，请各企业提前安排生产。",
}
MEETING = {
    "cluster": "logistics",
    "sender": "交通运输局-陈科",
    "text": "6月12日下午2:30在园区管委会三楼会议室召开物流企业座谈会，请各企业负责人参加。",
}


def _rules_after(an: Analyzer, notice: dict, text: str, minutes: int = 10) -> set[str]:
    """The rules that fire on `text` from a company, `minutes` after `notice`."""
    groups = OfficialsByGroup()
    classify_record(an, notice, NOW, groups.of(notice))
    record = {"cluster": "logistics", "sender": "安达冷链-周经理", "text": text}
    return {h.rule for h in analyze_record(an, record, NOW + timedelta(minutes=minutes), groups.of(record), None).hits}


def _after(an: Analyzer, notice: dict | None, text: str, minutes: int = 10) -> str:
    """The label of `text` from a company, `minutes` after `notice` (None: with no notice before it)."""
    groups = OfficialsByGroup()
    if notice is not None:
        classify_record(an, notice, NOW, groups.of(notice))
    record = {"cluster": "logistics", "sender": "安达冷链-周经理", "text": text}
    return classify_record(an, record, NOW + timedelta(minutes=minutes), groups.of(record))["label"]


def test_a_cut_is_remembered_for_three_hours() -> None:
    officials = Officials()
    assert not officials.recent_interruption(NOW)
    officials.posted("供电公司", NOW)  # a notice, but of no cut
    assert not officials.recent_interruption(NOW + timedelta(minutes=5))
    officials.posted(None, NOW, interruption=True)  # the poster's department need not be known
    assert officials.recent_interruption(NOW + timedelta(hours=2))
    assert not officials.recent_interruption(NOW + timedelta(hours=4))
    assert not officials.recent_interruption(NOW - timedelta(minutes=1))


def test_a_notice_says_whether_it_announces_a_cut(an: Analyzer) -> None:
    assert an.analyze(CUT["text"], now=NOW, role="official").interruption
    meeting = an.analyze(MEETING["text"], now=NOW, role="official")
    assert meeting.label == "meeting" and not meeting.interruption
    # a company's complaint of a cut is no notice of one
    assert not an.analyze("又停电了，这个月第三回了", now=NOW, role="enterprise").interruption


@pytest.mark.parametrize(
    "text",
    [
        "又停电了，这个月订单赶得要死",
        "又停电，这个月订单赶得要死，冷库的货也不好弄",
        "又停电 冷库一停就是一整天，这个天真的遭不住",
    ],
)
def test_remarks_right_after_an_announced_cut_react_to_it(an: Analyzer, text: str) -> None:
    assert _after(an, None, text) == "request"  # alone, it reports a cut
    assert _after(an, CUT, text) == "chatter"
    assert "chat.cut_reaction" not in _rules_after(an, MEETING, text)  # a notice of something else: no reaction
    assert _after(an, CUT, text, minutes=4 * 60) == "request"  # hours later: a cut of its own


@pytest.mark.parametrize(
    "text",
    [
        "能不能改到周日停？我们周六在赶货",
        "周六停电的话能不能给我们留一路电？",
        "B区停一整天，冷库几十吨冻品咋办？麻烦帮忙协调一台发电车",
    ],
)
def test_asking_to_move_or_shorten_the_cut_is_a_request(an: Analyzer, text: str) -> None:
    assert _after(an, CUT, text) == "request"


@pytest.mark.parametrize(
    "text",
    [
        "又停水了，幸好昨天储了水",
        "昨晚跳闸了，好在冷库有备用电源",
        "断网了一上午，幸亏订单昨天就传完了",
        "又停电了，幸好冷库的货昨天就转走了",
        "停电了，冷库保冷中，祈祷下午4点准时来电🙏",  # the announced restoration awaited
    ],
)
def test_coping_with_a_cut_is_no_report(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "chatter"
