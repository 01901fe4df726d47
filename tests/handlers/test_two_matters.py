"""A requester with two open matters at the park (the barrier at the gate, the network): what they write later
goes to the matter it is about, a detail is filed on the request it adds to, and "nothing happened yet" is a nudge."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from tests.handlers.conftest import LI, Ledger, raise_request

PARK = {"sender": "wxid_gwh_huang", "name": "园区管委会-黄主任"}  # an official known by the nickname
GATE = "园区北门那个道闸坏了好几天了，货车进出都要下车喊保安开，晚上排老长"
NET = "@园区管委会-黄主任 还有个事，仓库区的网最近老断，一天断好几次，扫码枪都用不了，能不能让运营商来看下"


async def _two_matters(harness: Harness) -> tuple[int, int]:
    gate = await raise_request(harness, GATE, LI)
    net = await raise_request(harness, NET, LI)
    return gate, net


async def test_a_detail_is_filed_on_the_request_it_adds_to(harness: Harness, ledger: Ledger) -> None:
    gate = await raise_request(harness, GATE, LI)
    sent = await harness.feed("补充一下，坏的是北门进口那根杆，出口那边还能自动抬", **LI)
    assert len(sent) == 1 and f"已补充到诉求 #{gate}" in sent[0].text
    assert [e.kind for e in ledger.events(gate)][-1] == "nudge"
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


async def test_nothing_happened_yet_is_a_nudge_on_the_matter_it_names(harness: Harness, ledger: Ledger) -> None:
    gate, net = await _two_matters(harness)
    await harness.feed("@川康药业-李总 北门道闸今天换好了，自动抬杆已经恢复", **PARK)
    await harness.tick(timedelta(days=3))
    sent = await harness.feed("@园区管委会-黄主任 黄主任，网络的事还没人来看，今天早上又断了两回", **LI)
    assert len(sent) == 1 and f"诉求 #{net}" in sent[0].text and "尚未答复" in sent[0].text
    assert [e.kind for e in ledger.events(net)][-1] == "nudge"
    assert ledger.get(gate).status == "answered"  # the barrier's reported fix is not reopened
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 2


async def test_a_confirmation_that_also_hurries_another_matter(harness: Harness, ledger: Ledger) -> None:
    """ "已经正常了👌 网络那个也麻烦催一下": the fix asked about is confirmed, not the network hurried along."""
    gate, net = await _two_matters(harness)
    await harness.feed("北门道闸今天换好了，自动抬杆已经恢复，保安撤了", **PARK)
    sent = await harness.feed("好的，刚才车出去已经正常了👌 网络那个也麻烦催一下哈", **LI)
    assert any(f"诉求 #{gate} 已办结" in m.text for m in sent)
    assert ledger.get(gate).status == "resolved" and ledger.get(net).status == "open"


async def test_thanks_for_the_network_resolves_the_network_request(harness: Harness, ledger: Ledger) -> None:
    """The barrier's fix awaits confirmation; "网通了…感谢黄主任" is about the network all the same."""
    gate, net = await _two_matters(harness)
    await harness.feed("北门道闸今天换好了，自动抬杆已经恢复，保安撤了", **PARK)
    sent = await harness.feed("网通了，换完设备快多了，一下午没断过，感谢黄主任", **LI)
    assert any(f"诉求 #{net} 已办结" in m.text for m in sent)
    assert ledger.get(net).status == "resolved" and ledger.get(gate).status != "resolved"


async def test_thanks_for_what_jieba_reads_as_a_verb_goes_to_that_matter(harness: Harness, ledger: Ledger) -> None:
    """ "退税今天到账了": 退税 is the matter (a topic) though jieba tags it a verb; 姐姐 and 管理员 are no matter."""
    tax = await raise_request(
        harness, "请问税务局，我们留抵退税的申请5月20号就提交了，电子税务局上还是显示审核中，正常要多久？", LI
    )
    sent = await harness.feed("郑科 情况说明交上去了，退税今天到账了！谢谢郑科和管理员小姐姐💐", **LI)
    assert any(f"诉求 #{tax} 已办结" in m.text for m in sent)
    assert ledger.get(tax).status == "resolved"


async def test_a_further_ask_after_an_answer_is_a_new_request(harness: Harness, ledger: Ledger) -> None:
    """ "那顺便看下我们仓库的WiFi，一直没信号": still the network, but another ask (顺便), so not a reopening."""
    speed = await raise_request(harness, "黄主任，车间网速太慢，视频会老卡，麻烦园区看看", LI)
    await harness.feed("@川康药业-李总 园区光纤这周升级，周五后会好", **PARK)
    sent = await harness.feed("那顺便看下我们仓库的WiFi，一直没信号，扫码枪连不上，麻烦园区安排人看看", **LI)
    assert any("已登记诉求" in m.text for m in sent) and not any("重新打开" in m.text for m in sent)
    assert ledger.get(speed).status == "answered"


ZHANG_ = {"sender": "wxid_ht_zhang", "name": "禾田食品-张经理"}
GATE_NIGHT = "园区北门晚上10点就关了，我们夜班车从外地回来进不了园区，只能停在路边，北门晚上能不能晚点关？"


async def test_a_plus_one_that_opens_the_message_joins_what_the_group_just_raised(
    harness: Harness, ledger: Ledger
) -> None:
    """ "+1 我们冷链车也经常半夜到…" agrees first and then says why in words of its own."""
    gate = await raise_request(harness, GATE_NIGHT, LI)
    sent = await harness.feed("+1 我们冷链车也经常半夜到，在门口一等就等到天亮", **ZHANG_)
    assert any(f"加入诉求 #{gate}" in m.text for m in sent)


async def test_an_echo_of_others_confirms_none_of_ones_own_requests(harness: Harness, ledger: Ledger) -> None:
    """ "我们的也坐上了" after others' bus news: not a confirmation of the sender's answered licence question."""
    own = await raise_request(harness, "想问下审批局，我们药品经营许可证6月份到期，延续要提前多久办？", ZHANG_)
    await harness.feed(
        "需在有效期届满前6个月至2个月期间提出延续申请，可在网上提交", sender="wxid_spj", name="审批局-黄主任"
    )
    assert ledger.get(own).status == "answered"
    await harness.feed("我们的也坐上了[强]", **ZHANG_)
    assert ledger.get(own).status == "answered"


async def test_pointing_back_at_ones_own_question_is_a_nudge(harness: Harness, ledger: Ledger) -> None:
    """ "总部落户政策那个问题…" asks after their own request that went to no single department."""
    text = "想问下各位领导，我们打算把西南区域总部搬到园区来，区里对总部落户有啥扶持政策？税收、用地、人才公寓都想了解"
    no = await raise_request(harness, text, LI)
    sent = await harness.feed("各位领导，总部落户政策那个问题有没有哪个部门能给讲一下？", **LI)
    assert len(sent) == 1 and f"诉求 #{no}" in sent[0].text and "已登记" not in sent[0].text
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


async def test_thanks_to_another_official_confirms_no_fix(harness: Harness, ledger: Ledger) -> None:
    """ "辛苦刘主任" after a meeting run by another office is no confirmation of the park's reported fix."""
    lights = await raise_request(
        harness, "@园区管委会-黄主任 黄主任，厂东侧那条路的路灯坏了快一个月了，晚上黑灯瞎火的", LI
    )
    await harness.feed("李总，东侧路灯昨天换了5个灯头，现在应该都亮了，晚上您再看下", **PARK)
    await harness.feed(
        "今天联席会议大家提的问题会后形成清单分到各部门，下周反馈。", sender="wx_ysb", name="区营商办-刘主任"
    )
    await harness.feed("辛苦刘主任", **LI)
    assert ledger.get(lights).status == "answered"
    await harness.feed("看到了，都亮了，谢谢黄主任", **LI)
    assert ledger.get(lights).status == "resolved"
