"""Linking replies to requests without threads: each strength, and the ambiguous case."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import co_requesters, list_requests
from storage.models import Outbox
from tests.handlers.conftest import BUS, CHEN, LI, TRAINING, WANG, ZHANG, Ledger, raise_request

FREIGHT = "我们新买了两台冷藏货车，城市配送车辆备案怎么办理？想问下交通局"


async def test_explicit_number_wins(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS, LI)
    second = await raise_request(harness, FREIGHT, ZHANG)
    await harness.feed(f"#{first} 已经和公交公司沟通，正在调整班次", **CHEN)
    assert ledger.get(first).status == "answered"
    assert ledger.get(second).status == "open"


async def test_quote_of_the_request_message(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS, LI, message_id="req-bus")
    second = await raise_request(harness, FREIGHT, ZHANG)
    await harness.feed("可以的，这周内给您答复具体安排", **CHEN, quote="req-bus")
    assert ledger.get(first).status == "answered"
    assert ledger.get(second).status == "open"


async def test_quote_of_the_bots_acknowledgement(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS, LI)
    await raise_request(harness, FREIGHT, ZHANG)
    with unit_of_work(harness.engine) as s:
        ack = s.exec(select(Outbox).where(Outbox.text.contains(f"#{first}"))).first()  # type: ignore[attr-defined]
        assert ack is not None and ack.transport_message_id
    await harness.feed("已经协调，下周起延后发车", **CHEN, quote=ack.transport_message_id)
    assert ledger.get(first).status == "answered"


async def test_quoted_text_in_the_message(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS, LI)
    second = await raise_request(harness, FREIGHT, ZHANG)
    quote = f"「园区助手：@川康药业-李总 已登记诉求 #{first}，转 交通运输局 办理。」"
    text = f"{quote}\n- - - - - - - - - - - - - - -\n已安排，下周一起调整"
    await harness.feed(text, **CHEN)
    assert ledger.get(first).status == "answered"
    assert ledger.get(second).status == "open"


async def test_official_mentioning_the_requester(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS, LI)
    second = await raise_request(harness, FREIGHT, ZHANG)
    await harness.feed(
        "@禾田食品-张经理 备案材料清单已经发您微信了，按清单准备即可", **CHEN, mentions=("wxid_ht_zhang",)
    )
    assert ledger.get(second).status == "answered"
    assert ledger.get(first).status == "open"


async def test_department_latest_when_topics_agree(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    freight = await raise_request(harness, FREIGHT, ZHANG)
    await harness.feed("末班车的事已经和公交公司协调好了，下周一起延后到18:30", **CHEN)
    assert ledger.get(bus).status == "answered"
    assert ledger.get(freight).status == "open"


async def test_department_answer_on_another_topic_is_not_linked(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    await harness.feed("关于农村公路养护的资金已经下达，各乡镇抓紧施工", **CHEN)
    assert ledger.get(bus).status == "open"


async def test_ambiguous_answer_asks_which_number(harness: Harness, ledger: Ledger) -> None:
    a = await raise_request(harness, "园区末班车太早了，能不能请交通局把末班车往后延？", LI)
    b = await raise_request(harness, "末班车17:30就走了，员工下班赶不上，麻烦交通局把末班车延后", ZHANG)
    sent = await harness.feed("末班车的事我们正在研究", **CHEN)
    assert len(sent) == 1 and "哪一条诉求" in sent[0].text
    assert f"#{a}" in sent[0].text and f"#{b}" in sent[0].text
    assert ledger.get(a).status == "open" and ledger.get(b).status == "open"


async def test_completion_report_then_requester_confirmation(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    sent = await harness.feed("末班车已经调整好了，今天起18:30发车", **CHEN)
    assert "问题解决了吗" in sent[0].text and sent[0].mention_ids == ("wxid_ck_li",)
    assert ledger.get(no).status == "answered"
    sent = await harness.feed("问题已解决，谢谢交通局", **LI)
    assert f"#{no} 已办结" in sent[0].text
    req = ledger.get(no)
    assert req.status == "resolved" and req.resolved_at is not None


async def test_requester_ack_picks_the_request_it_names(harness: Harness, ledger: Ledger) -> None:
    training = await raise_request(harness, TRAINING, LI)
    bus = await raise_request(harness, BUS, LI)
    await harness.feed(f"/answer {bus} 已协调", **CHEN)
    await harness.feed(f"/answer {training} 下周培训", **WANG)
    await harness.feed("末班车的问题已经解决了，谢谢交通局", **LI)
    assert ledger.get(bus).status == "resolved"
    assert ledger.get(training).status == "answered"


async def test_trouble_still_there_after_a_promise_reopens_though_it_says_only_when(
    harness: Harness, ledger: Ledger
) -> None:
    no = await raise_request(harness, "园区这个网最近是咋回事，一天掉好几次，麻烦园区管委会看看", LI)
    await harness.feed("园区光缆这几天在做割接，下周一以后就稳定了", sender="wxid_gwh", name="园区管委会-邓主任")
    assert ledger.get(no).status == "answered"
    sent = await harness.feed("今天还在掉！！上午又断了半小时", **LI)  # 上午, 半小时: when, not another matter
    assert any(f"#{no} 已重新打开" in m.text for m in sent) and ledger.get(no).status == "open"


async def test_an_answer_naming_the_requesters_company_links_their_request(harness: Harness, ledger: Ledger) -> None:
    training = await raise_request(harness, TRAINING, LI)  # 川康药业-李总
    buyers = await raise_request(harness, "我们的黄芪今年卖不出去，能不能请商务局帮忙对接一下买家？", ZHANG)
    await harness.feed("川康那边我们在联系老师，定了告诉你们", **WANG)  # no word of either request
    assert ledger.get(training).status == "answered" and ledger.get(buyers).status == "open"


async def test_an_answer_right_after_a_request_routed_to_no_one_links_it(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "招工难 贷款也难 区里能不能开个会统筹解决下", LI)
    assert ledger.get(no).department is None
    await harness.feed("这个我们先记下，下周联席会上一起议", **CHEN)
    assert ledger.get(no).status == "answered"


async def test_not_solved_reopens_with_an_event(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    await harness.feed("末班车已经调整好了，今天起18:30发车", **CHEN)
    sent = await harness.feed("还没解决，今天末班车还是17:30就走了", **LI)
    assert any(f"#{no} 已重新打开" in m.text for m in sent)
    assert ledger.get(no).status == "open"
    assert ledger.events(no)[-1].kind == "reopened"


async def test_official_naming_the_requester_without_an_at(harness: Harness, ledger: Ledger) -> None:
    """ "收到李总，…": the answer opens with the requester's name (川康药业-李总), so it is theirs."""
    first = await raise_request(harness, BUS, LI)
    second = await raise_request(harness, FREIGHT, ZHANG)
    await harness.feed("收到李总，已经通知公交公司了，明天给您回话", **CHEN)
    assert ledger.get(first).status == "answered"
    assert ledger.get(second).status == "open"


async def test_a_name_two_requesters_share_links_nothing_by_name(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS, LI)
    second = await raise_request(harness, FREIGHT, {"sender": "wxid_other_li", "name": "蜀香食品-李总"})
    await harness.feed("收到李总，已经通知公交公司了，明天给您回话", **CHEN)
    assert ledger.get(first).status == "open"
    assert ledger.get(second).status == "open"


async def test_thanks_after_a_reported_fix_confirms_it(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    asked = await harness.feed("末班车已经调整好了，今天起18:30发车", **CHEN)
    assert any("问题解决了吗" in m.text for m in asked)
    sent = await harness.feed("看到了，稳当得很，谢谢陈科[抱拳]", **LI)
    assert any(f"#{no} 已办结" in m.text for m in sent)
    assert ledger.get(no).status == "resolved"


async def test_a_thumbs_up_soon_after_a_reported_fix_confirms_it(harness: Harness, ledger: Ledger) -> None:
    """ "[强][强]" from the requester right after the department says it is done: resolved; after a promise, or
    from someone else, nothing."""
    no = await raise_request(harness, BUS, LI)
    await harness.feed(f"#{no} 已经和公交公司沟通，下周起调整班次", **CHEN)
    await harness.feed("[强][强]", **LI)
    assert ledger.get(no).status == "answered"
    await harness.feed("末班车已经调整好了，今天起18:30发车", **CHEN)
    await harness.feed("👍", **ZHANG)
    assert ledger.get(no).status == "answered"
    sent = await harness.feed("[强][强]", **LI)
    assert any(f"#{no} 已办结" in m.text for m in sent)
    assert ledger.get(no).status == "resolved"


async def test_thanks_for_a_promise_confirms_nothing(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    await harness.feed(f"#{no} 已经和公交公司沟通，下周起调整班次", **CHEN)
    await harness.feed("好的，谢谢陈科[抱拳]", **LI)
    assert ledger.get(no).status == "answered"


async def test_requester_thanks_naming_an_official_picks_that_departments_request(
    harness: Harness, ledger: Ledger
) -> None:
    training = await raise_request(harness, TRAINING, LI)
    bus = await raise_request(harness, BUS, LI)
    await harness.feed(f"/answer {bus} 已协调", **CHEN)
    await harness.feed(f"/answer {training} 下周培训", **WANG)
    sent = await harness.feed("都办好了，员工不用再赶车了，感谢陈科！", **LI)
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(bus).status == "resolved"
    assert ledger.get(training).status == "answered"


async def test_an_answer_to_a_requester_with_two_alike_requests_goes_to_the_unanswered_one(
    harness: Harness, ledger: Ledger
) -> None:
    first = await raise_request(harness, BUS, LI)
    await harness.feed(f"#{first} 已经和公交公司沟通，正在调整班次", **CHEN)
    second = await raise_request(harness, FREIGHT, LI)
    sent = await harness.feed("@川康药业-李总 下周一给您回复", **CHEN, mentions=("wxid_ck_li",))
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(second).status == "answered"


async def _answered_bus_request(harness: Harness, ledger: Ledger, *, days: int) -> tuple[int, datetime]:
    """LI's request on the last bus, answered by 交通局; and the moment `days` after it was raised."""
    no = await raise_request(harness, BUS, LI)
    await harness.feed(f"#{no} 已经和公交公司沟通，正在调整班次", **CHEN)
    return no, ledger.get(no).created_at + timedelta(days=days)


async def test_asking_when_the_outcome_comes_is_a_nudge_on_that_request(harness: Harness, ledger: Ledger) -> None:
    """ "末班车的调整方案啥时候能出？" two weeks on: the requester's own request on 末班车, not a second one."""
    no, later = await _answered_bus_request(harness, ledger, days=14)
    sent = await harness.feed("陈科，末班车的调整方案啥时候能出？员工天天问", **LI, at=later)
    assert any(f"诉求 #{no}" in m.text for m in sent) and not any("已登记诉求" in m.text for m in sent)
    assert ledger.events(no)[-1].kind == "nudge"
    other = await harness.feed("陈科，我们冷藏货车的城市配送备案啥时候能办好？", **LI, at=later)
    assert any("已登记诉求" in m.text for m in other)  # another matter: a new request


async def test_hurrying_ones_request_along_is_a_nudge(harness: Harness, ledger: Ledger) -> None:
    no, later = await _answered_bus_request(harness, ledger, days=3)
    sent = await harness.feed("陈科，末班车那个公交公司说下个月才调得了，能不能快点嘛", **LI, at=later)
    assert any(f"诉求 #{no}" in m.text for m in sent) and not any("已登记诉求" in m.text for m in sent)


async def test_asking_when_someone_comes_about_that_matter_is_a_nudge(harness: Harness, ledger: Ledger) -> None:
    no, later = await _answered_bus_request(harness, ledger, days=10)
    sent = await harness.feed("陈科，末班车那个事公交公司的人啥时候来嘛？", **LI, at=later)
    assert any(f"诉求 #{no}" in m.text for m in sent) and not any("已登记诉求" in m.text for m in sent)


async def test_a_word_inside_a_longer_topic_counts_for_the_link(harness: Harness, ledger: Ledger) -> None:
    """保险 in the answer is the 农业保险 of one request: that one, no "which one?" question."""
    claim = await raise_request(
        harness, "王科长，我们白芷地被淹了十五亩，买了农业保险的，理赔找哪个？保险公司电话打不通", LI
    )
    subsidy = await raise_request(harness, "王科长，想问下今年白芷种植补贴还有没有？去年一亩200", LI)
    sent = await harness.feed(
        "@川康药业-李总 保险这块我来联系查勘员，今天下午去你地里定损", **WANG, mentions=("wxid_ck_li",)
    )
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(claim).status == "answered"
    assert ledger.get(subsidy).status == "open"


async def test_no_which_one_question_over_other_departments_requests(harness: Harness, ledger: Ledger) -> None:
    """交通局 @-mentions a requester whose two requests are for 商务局 and 人社局: neither is its to answer."""
    training = await raise_request(harness, TRAINING, LI)
    hiring = await raise_request(harness, "周科，我们招不到操作工，能不能帮忙对接一下技校？", LI)
    sent = await harness.feed("@川康药业-李总 李总，下周一给您回复", **CHEN, mentions=("wxid_ck_li",))
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(training).status == "open" and ledger.get(hiring).status == "open"


SUBSIDY = "周科，去年我们送了8个人考电工证，说有技能提升补贴，到现在还没到账，能帮忙查一下吗"


async def test_a_new_request_that_says_not_yet_is_registered(harness: Harness, ledger: Ledger) -> None:
    """ "还没到账" marks the message unresolved, but it raises a matter of its own: a new request, not a drop."""
    sent = await harness.feed(SUBSIDY, **LI)
    assert any("已登记诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert [r.department for r in list_requests(session=s)] == ["人社局"]


async def test_a_new_matter_does_not_reopen_the_requesters_other_request(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    await harness.feed("末班车已经调整好了，今天起18:30发车", **CHEN)
    sent = await harness.feed(SUBSIDY, **LI)
    assert any("已登记诉求" in m.text for m in sent)
    assert ledger.get(bus).status == "answered"
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 2


async def test_me_too_adds_a_co_requester_not_a_new_request(harness: Harness) -> None:
    no = await raise_request(harness, TRAINING, LI)
    sent = await harness.feed("+1 我们也需要", **ZHANG)
    assert any(f"加入诉求 #{no}" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1
        assert [c.organisation for c in co_requesters(session=s, request_id=no)] == ["禾田食品"]
    assert "#" + str(no) in (await harness.feed("/my", **ZHANG))[0].text


async def test_me_too_going_on_to_an_ask_of_its_own_joins_and_registers_that_ask(harness: Harness) -> None:
    """ "同问李总 另外想问下税务局…": the +1 joins the bus request, the further ask is a request of its own."""
    bus = await raise_request(harness, BUS, LI)
    sent = await harness.feed("同问李总 另外想问下税务局，小规模纳税人季度免税额度今年变了没有？", **ZHANG)
    assert any(f"加入诉求 #{bus}" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        reqs = list_requests(session=s)
        assert [(r.id, r.department) for r in reqs if r.id != bus] == [(bus + 1, "税务局")]


async def test_me_too_on_a_matter_joins_the_request_on_it_not_the_latest(harness: Harness) -> None:
    bus = await raise_request(harness, BUS, LI)
    training = await raise_request(harness, TRAINING, LI)
    sent = await harness.feed("同问，我们员工也是末班车赶不上", **ZHANG)
    assert any(f"加入诉求 #{bus}" in m.text for m in sent)
    sent = await harness.feed("我们也想搞应收账款融资", **ZHANG)  # neither the bus nor the training
    assert not any("加入诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert co_requesters(session=s, request_id=training) == []


async def test_me_too_pointing_back_at_what_was_just_said_joins_the_latest(harness: Harness) -> None:
    """ "同求，我们仓库晚班的人也是这样" agrees with the request just raised, though 仓库 is an older request's word."""
    forklift = await raise_request(harness, "我们仓库3台叉车今年到期要年检了，是直接找特检院还是要先到市监局报？", LI)
    bus = await raise_request(harness, BUS, LI)
    sent = await harness.feed("同求，我们仓库晚班的人也是这样[流泪]", **ZHANG)
    assert any(f"加入诉求 #{bus}" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert co_requesters(session=s, request_id=forklift) == []


@pytest.mark.parametrize(
    ("raised", "reply"),
    [
        (
            "我们冷库这个月来了五拨检查，每次都要停下来配合，能不能请几个部门统筹一下一起查？",
            "确实，我们禾田也是，上个礼拜来了三拨检查",
        ),
        (  # agreement first, then the same trouble in other words
            "物流园北门晚上十点就关了，我们夜里到的货车进不来，能不能请园区延长开门时间？",
            "对对对，我们车队也天天被堵在门外头，要是能开到12点就好了",
        ),
    ],
)
async def test_we_too_in_other_words_joins_the_request(harness: Harness, raised: str, reply: str) -> None:
    """ "确实，我们禾田也是…" (the company's name between 我们 and 也是) and "对对对，我们车队也…" say "me too"."""
    no = await raise_request(harness, raised, LI)
    sent = await harness.feed(reply, **ZHANG)
    assert any(f"加入诉求 #{no}" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert [c.wechat_id for c in co_requesters(session=s, request_id=no)] == [ZHANG["sender"]]


async def test_a_plus_one_after_a_peer_question_answers_it_and_joins_nothing(harness: Harness) -> None:
    no = await raise_request(harness, TRAINING, LI)
    await harness.feed("[强]", **LI)  # what is not a question to the group does not stop the +1 ...
    sent = await harness.feed("+1", **ZHANG)
    assert any(f"加入诉求 #{no}" in m.text for m in sent)
    await harness.feed("今晚谁去撸串", **LI)  # ... an invitation does: 算我一个 answers it
    sent = await harness.feed("算我一个", sender="wxid_hd_zhou", name="恒达电机-周总")
    assert not any("加入诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert [c.organisation for c in co_requesters(session=s, request_id=no)] == ["禾田食品"]


async def test_a_bare_plus_one_long_after_a_request_joins_nothing(harness: Harness) -> None:
    no = await raise_request(harness, TRAINING, LI)
    for chat in ["中午吃啥", "火锅走起", "哈哈", "明天下雨不", "听说要下", "[捂脸]"]:
        await harness.feed(chat, **LI)
    sent = await harness.feed("哈哈哈 +1", **ZHANG)  # agrees with the chat, not with the request
    assert not any("加入诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert co_requesters(session=s, request_id=no) == []


async def test_official_routing_reassigns_the_department(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "园区末班车太早了，员工下班赶不上，希望有关部门协调一下末班车时间", LI)
    await harness.feed("大家好", **CHEN)
    req = ledger.get(no)
    await harness.feed(
        f"#{no} 这个归交通局管，已转给交通运输局，@交通局-陈科 请跟进", **WANG, mentions=("wxid_jtj_chen",)
    )
    req = ledger.get(no)
    assert req.department == "交通运输局"
    assert req.status == "answered"


async def test_an_answer_naming_where_to_apply_keeps_the_department(harness: Harness, ledger: Ledger) -> None:
    """ "在区政务大厅交通窗口办…再申请通行证": where to go, not a transfer to the approval bureau (申请 holds 请)."""
    no = await raise_request(harness, "请问交通局，我们冷链车要进城区配送，城市配送车辆备案和通行证怎么办？", LI)
    await harness.feed(
        "@川康药业-李总 城市配送车辆备案在区政务大厅交通窗口办，带行驶证、营业执照，备案后再申请通行证。",
        **CHEN,
        mentions=(LI["sender"],),
    )
    req = ledger.get(no)
    assert req.department == "交通运输局" and req.status == "answered"


async def test_withdrawal_without_need_met_cancels(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, TRAINING, LI)
    sent = await harness.feed("这个诉求我们撤回吧，暂时不搞直播了", **LI)
    assert any(f"#{no} 已按您的意思撤销" in m.text for m in sent)
    assert ledger.get(no).status == "cancelled"


async def test_withdrawal_because_the_need_is_met_elsewhere_cancels(harness: Harness, ledger: Ledger) -> None:
    """No department has answered: the need met elsewhere withdraws the request (LABELS.md: cancelled), and it
    does not count in the department's resolution rate."""
    no = await raise_request(harness, TRAINING, LI)
    sent = await harness.feed("直播培训不用安排了，我们自己找到老师了，谢谢商务局", **LI)
    assert ledger.get(no).status == "cancelled" and "已按您的意思撤销" in sent[0].text


async def test_a_need_met_after_the_departments_answer_resolves(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, TRAINING, LI)
    await harness.feed("@川康药业-李总 下周二我们请了电商学院的老师来园区开班，到时通知你们", **WANG)
    assert ledger.get(no).status == "answered"
    await harness.feed("培训上完了，效果很好，不用再安排了，谢谢商务局", **LI)
    assert ledger.get(no).status == "resolved"


async def test_a_confirmation_then_another_ask_resolves_and_registers(harness: Harness, ledger: Ledger) -> None:
    """ "培训办完了，谢谢王科长！另外想问下税务局…": the first request is resolved, the new ask registered."""
    no = await raise_request(harness, TRAINING, LI)
    await harness.feed("@川康药业-李总 下周二我们请了电商学院的老师来园区开班，到时通知你们", **WANG)
    text = "@商务局-王科长 直播培训办完了，效果很好，谢谢王科长！另外想问下税务局，研发费用加计扣除能不能预缴时享受？"
    sent = await harness.feed(text, **LI)
    assert ledger.get(no).status == "resolved"
    assert any(f"诉求 #{no} 已办结" in m.text for m in sent) and any("已登记诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert [r.department for r in list_requests(session=s)] == ["商务局", "税务局"]


async def test_a_need_met_by_the_requester_after_a_promise_cancels(harness: Harness, ledger: Ledger) -> None:
    """The department only promised; the requester then met the need themselves: withdrawn (cancelled), not a
    resolution to the department's credit."""
    no = await raise_request(harness, TRAINING, LI)
    await harness.feed("@川康药业-李总 培训的事我们在研究，下周给你答复", **WANG)
    assert ledger.get(no).status == "answered"
    sent = await harness.feed("@商务局-王科长 培训的事不用麻烦了，我们跟电商学院谈好了，他们派老师来厂里讲", **LI)
    assert ledger.get(no).status == "cancelled" and any("已按您的意思撤销" in m.text for m in sent)


async def test_a_need_met_that_names_no_item_goes_to_the_request_not_the_list(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, TRAINING, LI)
    listed = await harness.feed("求购川芎 5吨，月底前到货", **LI)
    assert any("已登记采购清单 P1" in m.text for m in listed)
    sent = await harness.feed("直播培训不用安排了，我们自己找到老师了，谢谢商务局", **LI)
    assert ledger.get(no).status == "cancelled" and not any("采购清单" in m.text for m in sent)
    sent = await harness.feed("川芎也找到货源了，不用再报价了", **LI)
    assert [m.text for m in sent] == ["采购清单 P1（川芎 5吨）已标记为完成，不再提醒。"]


async def test_nudge_with_number_is_not_a_new_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    sent = await harness.feed(f"#{no} 末班车的事能不能请交通局尽快处理一下？", **LI)
    assert not any("已登记诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


async def test_answer_by_another_department_on_a_clear_topic_claims_the_request(
    harness: Harness, ledger: Ledger
) -> None:
    no = await raise_request(harness, "我们想参加今年的广交会，展位费有没有补贴？能不能请商务局帮忙对接", LI)
    await harness.feed(f"/assign {no} 经信局", sender="wxid_admin_zhao", name="管理员-赵主任")
    await harness.feed("广交会展位费今年还有补贴，按展位费的50%补，参展后凭发票到我们这里申请", **WANG)
    req = ledger.get(no)
    assert (req.status, req.department) == ("answered", "商务局")
    assert [e.kind for e in ledger.events(no)][-2:] == ["assigned", "answered"]


async def test_an_answer_right_after_the_departments_only_request_links_whatever_its_words(
    harness: Harness, ledger: Ledger
) -> None:
    bus = await raise_request(harness, BUS, LI)
    await harness.feed("你们大概几点下班？发个定位我看看", **CHEN)  # no word of the request's
    assert ledger.get(bus).status == "answered"


async def test_an_answer_hours_later_on_other_words_is_not_linked_to_the_lone_request(
    harness: Harness, ledger: Ledger
) -> None:
    bus = await raise_request(harness, BUS, LI)
    later = harness.clock.now() + timedelta(hours=5)
    await harness.feed("你们大概几点下班？发个定位我看看", **CHEN, at=later)
    assert ledger.get(bus).status == "open"


async def test_a_bare_thanks_confirms_the_request_the_bot_asked_about_last(harness: Harness, ledger: Ledger) -> None:
    training = await raise_request(harness, TRAINING, LI)
    bus = await raise_request(harness, BUS, LI)
    await harness.feed(f"#{training} 直播培训已经办完了", **WANG)
    await harness.feed(f"#{bus} 末班车已经调整好了，今天起18:30发车", **CHEN)  # the bot asks about #bus last
    sent = await harness.feed("好了 谢谢", **LI)
    assert sent and f"#{bus} 已办结" in sent[0].text
    assert ledger.get(bus).status == "resolved" and ledger.get(training).status == "answered"


async def test_a_fix_of_something_else_links_nothing_and_asks_nothing(harness: Harness, ledger: Ledger) -> None:
    training = await raise_request(harness, TRAINING, LI)
    bus = await raise_request(harness, BUS, LI)
    sent = await harness.feed("屋顶光伏装好了 并网要等好久", **LI)
    assert not any("哪一条诉求" in m.text for m in sent)
    assert ledger.get(training).status == "open" and ledger.get(bus).status == "open"


async def test_done_right_after_an_answer_is_about_that_request(harness: Harness, ledger: Ledger) -> None:
    training = await raise_request(harness, TRAINING, LI)
    bus = await raise_request(harness, BUS, LI)
    await harness.feed(f"#{training} 可以安排，下个月办一期", **WANG)
    await harness.feed(f"#{bus} 已经和公交公司沟通，下周起延后发车", **CHEN)  # the department spoke last of #bus
    sent = await harness.feed("OK 搞定了", **LI)
    assert sent and f"#{bus} 已办结" in sent[0].text and "哪一条" not in sent[0].text
    assert ledger.get(training).status == "answered"


async def test_an_official_addressing_a_requester_on_no_topic_of_theirs_answers_their_latest(
    harness: Harness, ledger: Ledger
) -> None:
    bus = await raise_request(harness, BUS, ZHANG)
    freight = await raise_request(harness, FREIGHT, ZHANG)
    sent = await harness.feed("@禾田食品-张经理 电话打不通，方便时回个电话", **CHEN, mentions=("wxid_ht_zhang",))
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(freight).status == "answered" and ledger.get(bus).status == "open"


async def test_an_outage_of_something_else_does_not_reopen_the_requesters_answered_request(
    harness: Harness, ledger: Ledger
) -> None:
    no = await raise_request(harness, TRAINING, LI)
    await harness.feed(f"#{no} 可以安排，下个月办一期", **WANG)
    await harness.feed("B区怎么今天又没水了？", **LI)
    assert ledger.get(no).status == "answered"
    assert [e.kind for e in ledger.events(no)].count("reopened") == 0


async def test_a_me_too_quoting_a_request_joins_that_request_whatever_the_punctuation(harness: Harness) -> None:
    parking = await raise_request(harness, "区里有没有规划货车停车场哦？我们三十几台车晚上没地方停，天天被贴条", LI)
    await raise_request(harness, TRAINING, LI)
    quote = "「川康药业-李总：区里有没有规划货车停车场哦？我们三十几台车晚上没地方停……」"
    sent = await harness.feed(f"{quote}\n- - - - - - - - - - - - - - -\n同问，我们也是", **ZHANG)
    assert any(f"加入诉求 #{parking}" in m.text for m in sent)


async def test_an_answer_after_another_unregistered_question_is_not_taken_for_the_requests(
    harness: Harness, ledger: Ledger
) -> None:
    bus = await raise_request(harness, BUS, LI)
    for chat in ["陈科在吗", "问个事", "明天那个会几点开始？"]:  # the request is no longer the topic
        await harness.feed(chat, **ZHANG)
    await harness.feed("明天上午九点，会场在三楼，你们直接过来就行", **CHEN)  # answers 张经理's question
    assert ledger.get(bus).status == "open"


async def test_a_named_topic_beats_the_request_answered_last(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    training = await raise_request(harness, TRAINING, LI)
    await harness.feed(f"#{training} 可以安排，下个月办一期", **WANG)  # the department spoke last of the training
    sent = await harness.feed("末班车延后了，员工都坐上了，谢谢", **LI)
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(bus).status == "resolved" and ledger.get(training).status == "answered"


async def test_not_yet_about_ones_own_purchase_reopens_nothing(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    await harness.feed(f"#{no} 已经和公交公司沟通，下周起延后发车", **CHEN)
    await harness.feed("漆包线有两家报价了，硅钢片还没人报，有渠道的兄弟推一下", **LI)
    assert ledger.get(no).status == "answered"


async def test_a_road_number_tells_which_request_a_thanks_is_for(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    road = await raise_request(harness, "X156县道石桥那段坑太多了，货车天天爆胎，麻烦交通局修一下", LI)
    await harness.feed(f"#{road} 已安排养护队，这周补", **CHEN)
    await harness.feed(f"#{bus} 已经和公交公司沟通，正在调整班次", **CHEN)
    sent = await harness.feed("X156补好了，今天跑了一趟，平多了，谢谢陈科", **LI)
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(road).status == "resolved" and ledger.get(bus).status == "answered"


async def test_an_answer_on_one_requesters_two_requests_on_one_matter_goes_to_the_latest(
    harness: Harness, ledger: Ledger
) -> None:
    first = await raise_request(harness, BUS, LI)
    second = await raise_request(harness, "末班车的事，员工又在说了，18点半那班能不能加上，麻烦交通局", LI)
    sent = await harness.feed("末班车下周起延后到18:30，公交公司已经同意了", **CHEN)
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(second).status == "answered" and ledger.get(first).status == "open"


async def test_an_answer_to_a_member_with_no_request_links_nothing(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    reply = "@禾田食品-张经理 你说的那个班车站点，下周我去现场看看"
    sent = await harness.feed(reply, **CHEN, mentions=("wxid_ht_zhang",))
    assert not any("哪一条" in m.text for m in sent)
    assert ledger.get(bus).status == "open"  # 张经理 asked something the ledger does not hold


async def _freight_then_bus(harness: Harness, ledger: Ledger, hours: int) -> tuple[int, int, datetime]:
    """ZHANG asks 交通局 about freight, LI about the bus `hours` later: (freight no, bus no, when the bus came)."""
    older = await raise_request(harness, FREIGHT, ZHANG)
    at = ledger.get(older).created_at + timedelta(hours=hours)
    return older, await raise_request(harness, BUS, LI, at=at), at


async def test_an_answer_right_after_a_request_links_it_though_the_department_has_older_ones(
    harness: Harness, ledger: Ledger
) -> None:
    older, bus, at = await _freight_then_bus(harness, ledger, 5)
    await harness.feed("光缆被挖断了，运营商在接，晚上能好", **CHEN, at=at + timedelta(minutes=20))
    assert ledger.get(bus).status == "answered" and ledger.get(older).status == "open"


async def test_an_answer_to_the_message_right_before_links_it_though_another_request_is_as_recent(
    harness: Harness, ledger: Ledger
) -> None:
    older, bus, at = await _freight_then_bus(harness, ledger, 1)
    await harness.feed("可以的，先准备材料", **CHEN, at=at + timedelta(minutes=15))  # right after the bus request
    assert ledger.get(bus).status == "answered" and ledger.get(older).status == "open"


async def test_an_answer_after_other_talk_is_not_guessed_between_two_recent_requests(
    harness: Harness, ledger: Ledger
) -> None:
    older, bus, at = await _freight_then_bus(harness, ledger, 1)
    await harness.feed("今天好热啊", **ZHANG, at=at + timedelta(minutes=5))
    await harness.feed("可以的，先准备材料", **CHEN, at=at + timedelta(minutes=15))
    assert ledger.get(bus).status == "open" and ledger.get(older).status == "open"


async def test_asking_for_speed_in_a_new_request_is_no_nudge(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, "1号厂房门口的路灯坏了一个月了，麻烦园区管委会尽快修一下", LI)
    second = await raise_request(harness, "2号厂房门口的路灯坏了一个月了，麻烦园区管委会尽快修一下", LI)
    assert second != first  # 尽快 belongs to any request: not hurrying the first one along


async def test_the_same_ask_days_later_joins_the_members_request(harness: Harness) -> None:
    """ "我们禾田也想问人才公寓的事" to the same department, on the same matter, joins the request raised days ago
    instead of raising a second one; an ask of their own on another matter is a new request."""
    flats = await raise_request(harness, "@人社局-周科 我们今年招了3个硕士，想问一下人才公寓怎么申请？", LI)
    await harness.tick(timedelta(days=2))
    sent = await harness.feed("我们禾田也想问人才公寓的事，今年进了两个博士，人社局能不能一起看下", **ZHANG)
    assert any(f"加入诉求 #{flats}" in m.text for m in sent)
    sent = await harness.feed("我们也想问下社保补贴怎么申请，人社局能帮忙看下吗", **ZHANG)
    assert any("已登记诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 2
        assert [c.wechat_id for c in co_requesters(session=s, request_id=flats)] == [ZHANG["sender"]]


async def test_asking_to_be_taken_along_joins_the_request_just_raised(harness: Harness) -> None:
    """ "我们也缺人，车间普工十来个，求一起对接" names its own trade (车间) but asks to join what was just raised."""
    no = await raise_request(harness, "@人社局-周科 我们厂急缺包装工大概20个，能不能帮忙对接下劳务资源？", LI)
    sent = await harness.feed("我们也缺人，车间普工十来个，求一起对接🙏", **ZHANG)
    assert any(f"加入诉求 #{no}" in m.text for m in sent)


async def test_the_same_case_in_other_words_joins_a_recent_request(harness: Harness) -> None:
    """ "我们家的玉竹也是一样愁卖，王科一起帮忙问问嘛" shares no word with "重楼…压价…对接下药厂" but says the case is
    the same, to the same department, the day after: it joins."""
    crop = await raise_request(harness, "商务局的领导，今年重楼收了三千多斤，贩子压价凶，能不能帮忙对接下药厂", LI)
    await harness.tick(timedelta(hours=20))
    sent = await harness.feed(
        "@商务局-王科长 我们家的玉竹也是一样愁卖，王科一起帮忙问问嘛", **ZHANG, mentions=(WANG["sender"],)
    )
    assert any(f"加入诉求 #{crop}" in m.text for m in sent), [m.text for m in sent]
