"""Who answers, joins, confirms and withdraws (faults a fifth multi-day scenario showed, scn5)."""

from __future__ import annotations

from sqlmodel import Session

from bot.testing import Harness
from storage.ledger import co_requesters, list_requests
from tests.handlers.conftest import LI, ZHANG, Ledger, raise_request

TAX = {"sender": "wxid_swj_liu", "name": "税务局小刘"}  # official, known by the nickname only
CLUSTER_OFFICE = {"sender": "wxid_jqb_huang", "name": "集群办-黄主任"}  # official of no canonical department
ORGANISER = {"sender": "wxid_qun_hu", "name": "小胡（群管）"}  # runs the group; no department
NETWORK = "园区网络又断了，一上午断了三次，MES系统全部掉线，产线停了半个小时"


async def test_a_reply_of_a_body_that_is_no_department_answers_nothing(harness: Harness, ledger: Ledger) -> None:
    """集群办 telling the requester where the meeting room is does not answer their network request."""
    no = await raise_request(harness, NETWORK, LI)
    await harness.feed("报告厅是哪栋楼？新建那栋吗", **LI)
    await harness.feed("@川康药业-李总 对，园区大道口新建那栋，一楼有指引", **CLUSTER_OFFICE, mentions=(LI["sender"],))
    assert ledger.get(no).status == "open"


async def test_the_organisers_passing_on_is_no_request(harness: Harness) -> None:
    await harness.feed("@园区物业-小吴 小吴看一下B区路灯的情况", **ORGANISER)
    with Session(harness.engine) as s:
        assert list_requests(session=s) == []


async def test_our_crop_is_the_same_joins_the_request(harness: Harness) -> None:
    no = await raise_request(harness, "今年白芷收成好，就是收购的老板压价压得凶，哪个部门能帮我们找下销路嘛", LI)
    sent = await harness.feed("我们黄精也是一样的，堆在仓库里卖不动[捂脸]", **ZHANG)
    assert any(f"#{no}" in m.text and "共同诉求方" in m.text for m in sent)
    with Session(harness.engine) as s:
        assert [c.wechat_id for c in co_requesters(session=s, request_id=no)] == [ZHANG["sender"]]


async def test_this_question_solved_thanking_the_official_by_another_name_resolves(
    harness: Harness, ledger: Ledger
) -> None:
    no = await raise_request(
        harness, "想问下税务局，高企15%的优惠税率是从证书下来那个月开始享受，还是从1月1号起算？", LI
    )
    await harness.feed(
        "@川康药业-李总 按发证时间所在年度起享受，今年1月1日起就可以按15%预缴。", **TAX, mentions=(LI["sender"],)
    )
    assert ledger.get(no).status == "answered"
    await harness.feed("明白了，这个问题解决了，谢谢刘老师[强]", **LI)
    assert ledger.get(no).status == "resolved"


async def test_not_troubling_them_any_more_withdraws(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "@商务局-王科长 我们想搞一次直播带货培训，区里能不能组织一下？", LI)
    sent = await harness.feed("@商务局-王科长 王科长，培训的事先不麻烦您了，集团决定这个项目暂缓。", **LI)
    assert ledger.get(no).status == "cancelled" and any("撤销" in m.text for m in sent)
