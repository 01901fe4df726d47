"""Every command: happy path, bad arguments, missing permission (and nothing changes then)."""

from __future__ import annotations

import pytest

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from tests.handlers.conftest import ADMIN, BUS, CHEN, LI, WANG, ZHANG, Ledger, raise_request


async def test_help_lists_only_what_this_person_may_use(harness: Harness) -> None:
    member = (await harness.feed("/help", **LI))[0].text
    admin = (await harness.feed("/帮助", **ADMIN))[0].text
    assert "/my" in member and "/stats" not in member and "/assign" not in member
    assert "/stats" in admin and "/assign" in admin and "/list" in admin


async def test_my_lists_own_and_joined_requests(harness: Harness) -> None:
    no = await raise_request(harness)
    assert f"#{no}" in (await harness.feed("/my", **LI))[0].text
    assert "还没有登记过诉求" in (await harness.feed("/我的", **ZHANG))[0].text


async def test_show_details_bad_number_and_unknown_number(harness: Harness) -> None:
    no = await raise_request(harness)
    text = (await harness.feed(f"/show #{no}", **ZHANG))[0].text
    assert f"诉求 #{no}" in text and "商务局" in text and "办理记录" in text
    assert (await harness.feed("/查看 abc", **LI))[0].text == "@川康药业-李总 用法：/show 编号"
    assert "没有找到诉求 #999" in (await harness.feed("/show 999", **LI))[0].text


async def test_cancel_own_request_only(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness)
    refused = (await harness.feed(f"/cancel {no}", **ZHANG))[0].text
    assert "抱歉" in refused and ledger.get(no).status == "open"
    assert "用法：/cancel" in (await harness.feed("/撤销", **LI))[0].text
    assert f"诉求 #{no} 已撤销" in (await harness.feed(f"/撤销 {no} 已自行解决", **LI))[0].text
    req = ledger.get(no)
    assert req.status == "cancelled" and req.cancelled_at is not None
    assert ledger.events(no)[-1].note == "已自行解决"


async def test_admin_may_cancel_any_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness)
    await harness.feed(f"/cancel {no} 不属于诉求", **ADMIN)
    assert ledger.get(no).status == "cancelled"


async def test_done_by_requester_resolves(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness)
    assert "抱歉" in (await harness.feed(f"/done {no}", **ZHANG))[0].text
    assert ledger.get(no).status == "open"
    assert f"#{no} 已办结" in (await harness.feed(f"/已解决 {no}", **LI))[0].text
    assert ledger.get(no).status == "resolved"


async def test_done_by_department_reports_completion_and_asks_requester(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness)
    assert "抱歉" in (await harness.feed(f"/done {no}", **CHEN))[0].text  # another department
    sent = await harness.feed(f"/done {no} 培训已举办", **WANG)
    assert "问题解决了吗" in sent[0].text and sent[0].mention_ids == ("wxid_ck_li",)
    assert ledger.get(no).status == "answered"


async def test_answer_by_department_posts_to_group(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness)
    assert "抱歉" in (await harness.feed(f"/answer {no} 好的", **CHEN))[0].text
    assert "抱歉" in (await harness.feed(f"/answer {no} 好的", **ZHANG))[0].text
    assert ledger.get(no).status == "open"
    assert "用法：/answer" in (await harness.feed(f"/答复 {no}", **WANG))[0].text
    sent = await harness.feed(f"/答复 {no} 下周三下午在园区组织直播培训", **WANG)
    assert f"诉求 #{no} 答复" in sent[0].text and "下周三" in sent[0].text
    assert sent[0].room_id == "room-pharma" and "wxid_ck_li" in sent[0].mention_ids
    req = ledger.get(no)
    assert req.status == "answered" and req.first_answer_at is not None


async def test_assign_by_alias_and_errors(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS)
    assert "抱歉" in (await harness.feed(f"/assign {no} 商务局", **LI))[0].text
    bad = (await harness.feed(f"/交办 {no} 外星局", **ADMIN))[0].text
    assert "用法：/assign" in bad and "外星局" in bad
    assert ledger.get(no).department == "交通运输局"
    sent = await harness.feed(f"/交办 {no} 管委会", **ADMIN)
    assert "已交办 园区管委会" in sent[0].text
    assert ledger.get(no).department == "园区管委会"
    assert ledger.events(no)[-1].from_department == "交通运输局"


async def test_resolve_and_reopen_are_admin_only(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness)
    assert "抱歉" in (await harness.feed(f"/resolve {no}", **WANG))[0].text
    assert "用法：/resolve" in (await harness.feed("/resolve", **ADMIN))[0].text
    await harness.feed(f"/办结 {no} 已协调", **ADMIN)
    assert ledger.get(no).status == "resolved"
    assert "抱歉" in (await harness.feed(f"/reopen {no}", **LI))[0].text
    assert ledger.get(no).status == "resolved"
    await harness.feed(f"/重办 {no} 企业反映仍未解决", **ADMIN)
    req = ledger.get(no)
    assert req.status == "open" and req.resolved_at is None
    assert [e.kind for e in ledger.events(no)][-2:] == ["resolved", "reopened"]


async def test_list_filters_and_permissions(harness: Harness) -> None:
    a = await raise_request(harness)
    b = await raise_request(harness, BUS, ZHANG)
    await harness.feed(f"/answer {b} 已协调公交公司", **CHEN)
    assert "抱歉" in (await harness.feed("/list", **LI))[0].text
    assert "无法识别" in (await harness.feed("/list 乱七八糟", **ADMIN))[0].text
    open_list = (await harness.feed("/list open", **ADMIN))[0].text
    assert f"#{a}" in open_list and f"#{b}" not in open_list
    by_dep = (await harness.feed("/台账 all 交通局", **ADMIN))[0].text
    assert f"#{b}" in by_dep and f"#{a}" not in by_dep
    harness.clock.advance(5 * 24 * 3600)
    overdue = (await harness.feed("/list overdue", **ADMIN))[0].text
    assert f"#{a}" in overdue and "超期" in overdue and f"#{b}" not in overdue


async def test_long_lists_are_cut_with_a_count(harness: Harness) -> None:
    for i in range(18):
        await raise_request(harness, f"我们厂区{i + 1}号楼门口的路灯坏了，麻烦管委会派人修一下", ZHANG)
    text = (await harness.feed("/list", **ADMIN))[0].text
    assert "共 18 件" in text and "另有 3 条未显示" in text


async def test_stats_with_explicit_denominators(harness: Harness) -> None:
    a = await raise_request(harness)
    b = await raise_request(harness, BUS, ZHANG)
    await raise_request(harness, "厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下", ZHANG)
    await harness.feed(f"/resolve {a}", **ADMIN)
    await harness.feed(f"/cancel {b}", **ADMIN)
    assert "抱歉" in (await harness.feed("/stats", **WANG))[0].text
    assert "用法：/stats" in (await harness.feed("/stats 去年", **ADMIN))[0].text
    text = (await harness.feed("/统计 本月", **ADMIN))[0].text
    assert "收集诉求 3 件" in text and "已撤销 1 件" in text
    assert "办结率 50.0%（1/2）" in text


@pytest.mark.parametrize(("typed", "suggested"), [("/stast", "/stats"), ("/lsit", "/list"), ("/halp", "/help")])
async def test_unknown_command_suggests_nearest(harness: Harness, typed: str, suggested: str) -> None:
    text = (await harness.feed(typed, **ADMIN))[0].text
    assert f"您是不是要输入 {suggested}？" in text


async def test_permission_override_from_config(harness: Harness) -> None:
    harness.settings.permissions["stats"] = ["admin", "official"]
    assert "诉求统计" in (await harness.feed("/stats", **WANG))[0].text
    assert "抱歉" in (await harness.feed("/stats", **LI))[0].text


async def test_permissions_use_the_id_not_the_display_name(harness: Harness) -> None:
    text = (await harness.feed("/stats", sender="wxid_impostor", name="管理员-赵主任"))[0].text
    assert "抱歉" in text


async def test_unlinked_answers_are_visible_to_admins(harness: Harness) -> None:
    await harness.feed("这个问题我们已经在协调了，下周给答复", **CHEN)
    assert "抱歉" in (await harness.feed("/unlinked", **LI))[0].text
    text = (await harness.feed("/待关联", **ADMIN))[0].text
    assert "未关联到诉求的部门答复 1 条" in text and "交通局-陈科" in text


async def test_a_member_registers_a_request_the_bot_did_not_take_for_one(harness: Harness, ledger: Ledger) -> None:
    """/request (诉求): the text is registered as the sender's request and routed like any other."""
    sent = await harness.feed("/诉求 我们新上了一条线，想问下园区的变压器能不能增容到1250", **LI)
    assert len(sent) == 1 and "已登记诉求 #1" in sent[0].text and "供电公司" in sent[0].text
    req = ledger.get(1)
    assert (req.requester_id, req.status, req.department) == (LI["sender"], "open", "供电公司")
    assert req.text == "我们新上了一条线，想问下园区的变压器能不能增容到1250"
    assert "增容" in req.topics.split()


async def test_a_request_command_without_text_explains_itself(harness: Harness) -> None:
    sent = await harness.feed("/request", **LI)
    assert "用法：/request 内容" in sent[0].text
    with unit_of_work(harness.engine) as s:
        assert list_requests(session=s) == []
