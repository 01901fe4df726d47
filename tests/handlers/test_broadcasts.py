"""A department's notice to the whole group answers the waiting requests on its matter."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import CHEN, LI, WANG, ZHANG, Ledger, raise_request

BUS_LATE = "园区306路末班车17:30就走了，我们18:00才下班，工人没车回城，能不能请交通局把末班车往后延一点？"
NOTICE = "【公交调整】自6月29日起，306路（园区—城区汽车站）增开晚班，末班车延后至20:30从园区发车。"


async def test_a_notice_on_the_matter_answers_the_waiting_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS_LATE, LI)
    sent = await harness.feed(NOTICE, **CHEN)
    assert len(sent) == 1 and f"诉求 #{no}" in sent[0].text and "@川康药业-李总" in sent[0].text
    assert sent[0].mention_ids == (LI["sender"],)
    assert ledger.get(no).status == "answered"
    assert [e.kind for e in ledger.events(no)][-1] == "answered"


async def test_a_notice_answers_every_requester_of_the_matter(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS_LATE, LI)
    second = await raise_request(harness, "306路末班车太早了，夜班工人下班没公交，交通局能不能加个晚班？", ZHANG)
    sent = await harness.feed(NOTICE, **CHEN)
    assert len(sent) == 1 and f"#{first}" in sent[0].text and f"#{second}" in sent[0].text
    assert ledger.get(first).status == ledger.get(second).status == "answered"


async def test_a_notice_of_another_department_or_matter_answers_nothing(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS_LATE, LI)
    other_dept = "【展会补贴】2026年度参展补贴开始申报，306路沿线企业参加境内外展会的，可申请展位费50%补贴。"
    assert not any("诉求 #" in m.text for m in await harness.feed(other_dept, **WANG))
    other_matter = "【通知】园区道路施工期间，306路公交站临时北移50米，请各企业提醒员工。"
    assert not any("诉求 #" in m.text for m in await harness.feed(other_matter, **CHEN))
    assert ledger.get(no).status == "open"


async def test_a_gathering_called_on_the_matter_answers_the_waiting_request(harness: Harness, ledger: Ledger) -> None:
    """The training asked for, announced as a meeting notice by the department, answers the request for it."""
    no = await raise_request(harness, "我们缺少直播带货的经验，能不能请商务局组织一次直播电商培训？", LI)
    sent = await harness.feed("6月20日下午2点在区商务局三楼会议室举办直播电商培训，请有需要的企业报名参加", **WANG)
    assert any(f"诉求 #{no}" in m.text for m in sent)
    assert ledger.get(no).status == "answered"


async def test_a_gathering_answers_only_a_request_asking_for_its_kind(harness: Harness, ledger: Ledger) -> None:
    """A briefing on the 直播带货 subsidy answers no complaint that it is unpaid: nobody asked for a briefing."""
    no = await raise_request(harness, "去年直播带货设备的补贴还没到账，能不能请商务局帮忙问问？", LI)
    notice = "6月20日下午2点在区商务局三楼会议室召开直播带货设备补贴政策宣讲会，请各企业参加"
    sent = await harness.feed(notice, **WANG)
    assert not any(f"诉求 #{no}" in m.text for m in sent)
    assert ledger.get(no).status == "open"


async def test_a_gathering_answers_a_request_written_in_traditional_characters(
    harness: Harness, ledger: Ledger
) -> None:
    no = await raise_request(harness, "我們缺少直播帶貨的經驗，能不能請商務局組織一次直播電商培訓？", LI)
    sent = await harness.feed("6月20日下午2点在区商务局三楼会议室举办直播电商培训，请有需要的企业报名参加", **WANG)
    assert any(f"诉求 #{no}" in m.text for m in sent)
    assert ledger.get(no).status == "answered"


async def test_one_shared_place_ties_no_notice_to_a_request_routed_to_no_one(harness: Harness, ledger: Ledger) -> None:
    """A request for a briefing by several offices has no owner; a bus notice sharing only 物流园 answers nothing."""
    no = await raise_request(
        harness, "节后新政策一大堆，税务、人社、商务的都有，能不能各部门一起来物流园搞一次集中政策宣讲？", LI
    )
    assert ledger.get(no).department is None
    await harness.feed("【公交调整】下周一起物流园区间车早高峰加开两班，请各企业转告员工。", **CHEN)
    assert ledger.get(no).status == "open"


async def test_a_departments_line_right_after_a_question_put_to_it_answers_it(harness: Harness, ledger: Ledger) -> None:
    """ "展位补贴明年还有吗？" to 商务局, then from 商务局 without an @ "展会补贴政策明年继续执行…": one shared word is
    enough so soon after the question; hours later, on another matter, it would not be."""
    no = await raise_request(harness, "请问商务局，明年春季广交会我们想去参展，展位补贴今年的政策明年还有吗？", LI)
    await harness.feed("收到[强]", **ZHANG)  # the line is read as a notice, not as a reply to the message before
    sent = await harness.feed("展会补贴政策明年继续执行，境内重点展会按展位费50%补助，明年一季度发申报通知。", **WANG)
    assert any(f"诉求 #{no}" in m.text for m in sent)
    assert ledger.get(no).status == "answered"
