"""nlp.threads: a would-be request from a requester who just raised one to the same department follows it up."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.analyzer import analyze_record
from nlp.officials import OfficialsByGroup
from nlp.threads import (
    OpenRequest,
    RequestsBySender,
    asks_progress,
    matter_words,
    specific_words,
    utilities,
    without_asks_after,
)

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))
NETWORK = "园区的网络这两天老是断，能不能请园区管委会安排人检查一下线路？"
DETAIL = "园区网络今天早上断了两回，每次十来分钟，仓库扫码枪都用不了"


def test_a_detail_soon_after_a_request_to_the_same_department_follows_it_up(an: Analyzer) -> None:
    alone = an.analyze(DETAIL, now=NOW, role="enterprise")
    assert alone.label == "request" and alone.department == "园区管委会"
    open_request = OpenRequest(NOW - timedelta(hours=20), "园区管委会")
    followed = an.analyze(DETAIL, now=NOW, role="enterprise", open_request=open_request)
    assert followed.label == "chatter" and followed.nudge and followed.department is None


@pytest.mark.parametrize(
    "open_request",
    [
        OpenRequest(NOW - timedelta(days=5), "园区管委会"),  # days ago, and no word of its matter known
        OpenRequest(NOW - timedelta(days=8), "园区管委会", frozenset({"网络"})),  # over a week ago
        OpenRequest(NOW - timedelta(hours=2), "供电公司"),  # another department
    ],
)
def test_an_old_request_or_another_department_is_no_thread(an: Analyzer, open_request: OpenRequest) -> None:
    assert an.analyze(DETAIL, now=NOW, role="enterprise", open_request=open_request).label == "request"


@pytest.mark.parametrize(
    "text",
    [
        "园区网络今天又断了，能不能派人今天就来看看？",  # an ask of its own
        "昨天刚修好，今天网络又断了",  # the trouble is back: raised again
    ],
)
def test_a_new_ask_or_trouble_not_over_stays_a_request(an: Analyzer, text: str) -> None:
    open_request = OpenRequest(NOW - timedelta(hours=3), "园区管委会")
    assert an.analyze(text, now=NOW, role="enterprise", open_request=open_request).label == "request"


GATE_DETAIL = "补充一下，坏的是北门进口那根杆，出口那边还能自动抬"


def test_a_detail_the_sender_says_adds_to_their_request_follows_it_up(an: Analyzer) -> None:
    """补充一下 says it adds to what they raised, whatever its words (进口/出口 are trade words elsewhere), and a
    department the words do not settle is no other department."""
    alone = an.analyze(GATE_DETAIL, now=NOW, role="enterprise")
    assert alone.label == "request" and alone.department is None
    gate = OpenRequest(NOW - timedelta(hours=19), "园区管委会", frozenset({"道闸", "货车"}))
    followed = an.analyze(GATE_DETAIL, now=NOW, role="enterprise", open_request=gate)
    assert followed.label == "chatter" and followed.nudge


@pytest.mark.parametrize(
    "text",
    [
        "路灯那个维护单位说下周才排得上，能不能快点嘛",
        "增容的事麻烦再催一下",
        "网络的事还没人来看",
        "材料交上去一直没动静",
        "县道那段又有车陷进去了，交通局到底有没有人管",
    ],
)
def test_hurrying_an_outcome_along_asks_after_it(text: str) -> None:
    assert asks_progress(text)


def test_records_keep_each_senders_latest_request_per_group(an: Analyzer) -> None:
    groups, requests = OfficialsByGroup(), RequestsBySender()
    first = {"cluster": "logistics", "sender": "云仓供应链-许经理", "text": NETWORK}
    other = {**first, "sender": "顺达物流-何站长", "text": DETAIL}
    again = {**first, "text": DETAIL}
    assert analyze_record(an, first, NOW, groups.of(first), requests).label == "request"
    later = NOW + timedelta(hours=5)
    assert analyze_record(an, other, later, groups.of(other), requests).label == "request"  # another sender
    assert analyze_record(an, again, later, groups.of(again), requests).label == "chatter"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("冯经理，增容的资料上周就交齐了，方案啥时候能出哦？", True),
        ("陈科，公交站挪位置的流程走到哪步了？", True),
        ("补贴批下来没有", True),
        ("证办下来了吗", True),
        ("赵科 那个对接名单啥时候发呀", True),  # when the promised list is sent
        ("复检合格了，之前那个不合格的结果能撤下来吗", False),  # a new ask, not "is it done yet"
        ("货车能停下来吗", False),
        ("厂门口的路灯坏了，麻烦园区帮忙看看", False),
        ("我们想申请人才公寓，条件是啥？", False),
        ("@人社局-周科 周科，学徒培训补贴那块呢？", True),  # what about the part not answered
        ("那块地呢，能不能租", False),
        ("群里有没有人管过危废转运的？求推荐", False),  # asks the members
    ],
)
def test_asks_progress(text: str, expected: bool) -> None:
    assert asks_progress(text) is expected


def test_another_subject_for_the_same_department_is_a_new_request(an: Analyzer) -> None:
    """Yesterday 停车 to the park, today 路灯 to the park: two matters, two requests."""
    parking = OpenRequest(NOW - timedelta(hours=20), "园区管委会", frozenset({"停车"}))
    text = "园区西门那个路灯坏了一个多月了，晚上工人下班黑灯瞎火的"
    assert an.analyze(text, now=NOW, role="enterprise", open_request=parking).label == "request"
    lights = OpenRequest(NOW - timedelta(hours=20), "园区管委会", frozenset({"路灯"}))
    assert an.analyze(text, now=NOW, role="enterprise", open_request=lights).label == "chatter"  # more on it


def test_the_matter_words_leave_out_the_goods_and_the_departments() -> None:
    topics = ["保险", "保险公司", "农业局", "报案", "黄精", "末班车", "交通局"]
    assert matter_words(topics) == {"保险", "保险公司", "报案", "末班车"}


def test_a_trade_word_both_share_does_not_make_a_new_problem_a_follow_up(an: Analyzer) -> None:
    """冷链 is in most requests of a cold-chain company: 跳闸 after 充电桩报装 is a new request to the utility."""
    earlier = OpenRequest(NOW - timedelta(hours=30), "供电公司", frozenset({"冷链", "充电桩", "报装"}))
    text = "冷链园区这几天半夜老跳闸，一跳冷库温度就往上冲，上周坏了两车冻品，怕是供电线路的问题"
    assert an.analyze(text, now=NOW, role="enterprise", open_request=earlier).label == "request"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("仓库区的网最近老断，扫码枪都用不了", {"网"}),
        ("网通了，换完设备快多了", {"网"}),
        ("车间又跳闸了，停水也停了半天", {"电", "水"}),
        ("网上申请交了半个月了", set()),  # applying online is no network trouble
        ("燃气管道还没接过去", {"气"}),
    ],
)
def test_utilities_a_matter_is_about(text: str, expected: set[str]) -> None:
    assert utilities(text) == expected


def test_what_a_confirmation_confirms_leaves_out_what_it_hurries() -> None:
    kept = without_asks_after("好的，刚才车出去已经正常了👌 网络那个也麻烦催一下哈")
    assert "正常" in kept and "网络" not in kept


def test_specific_words_leave_out_what_a_clusters_notices_all_say() -> None:
    """补贴, 申报, 中药材 are in every other notice; goods (黄精) and departments are no matter either."""
    assert specific_words(["中药材", "种植基地", "补贴", "申报", "黄精", "商务局", "展位"]) == {"种植基地", "展位"}


def test_days_later_a_report_on_the_same_matter_still_follows_the_request_up(an: Analyzer) -> None:
    """网络 five days after asking about the network: the same matter, within a week."""
    network = OpenRequest(NOW - timedelta(days=5), "园区管委会", frozenset({"网络"}))
    assert an.analyze(DETAIL, now=NOW, role="enterprise", open_request=network).label == "chatter"
    lights = OpenRequest(NOW - timedelta(days=5), "园区管委会", frozenset({"路灯"}))
    assert an.analyze(DETAIL, now=NOW, role="enterprise", open_request=lights).label == "request"


def test_an_application_stuck_with_no_earlier_request_is_the_first_report_of_it(an: Analyzer) -> None:
    """ "申请递上去半个月了没动静，麻烦帮催一下" reads like a nudge; with no request of the sender's to nudge it is the
    first report of the matter: a request. With their open request to that office, it is the nudge."""
    text = "@供电所-高工 我们冷库屋顶装了光伏，逆变器都装好了，并网申请递上去半个月了没动静，麻烦帮催一下"
    mentions = ["供电所-高工"]
    first = an.analyze(text, now=NOW, role="enterprise", mentions=mentions, open_request=None)
    assert first.label == "request" and first.department == "供电公司"
    earlier = OpenRequest(NOW - timedelta(days=3), "供电公司")
    assert an.analyze(text, now=NOW, role="enterprise", mentions=mentions, open_request=earlier).label == "chatter"


def test_details_added_minutes_after_an_ask_follow_it_questions_and_all(an: Analyzer) -> None:
    """ "补充一下：…不知道能不能先报许可变更" four minutes after the ask adds to it; a day later it asks anew."""
    text = "补充一下：是在原厂区新建的一个炮制车间，已经装修完了，GMP符合性检查还没做，不知道能不能先报许可变更"
    soon = OpenRequest(NOW - timedelta(minutes=4), "行政审批局", frozenset({"许可"}))
    assert an.analyze(text, now=NOW, role="enterprise", open_request=soon).label == "chatter"
    later = OpenRequest(NOW - timedelta(days=1), "行政审批局", frozenset({"许可"}))
    assert an.analyze(text, now=NOW, role="enterprise", open_request=later).label == "request"
