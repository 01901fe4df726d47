"""Session 35: a department's notice that @-mentions requesters answers their requests on its matter (not another
of theirs, nor one put to several offices); an answer opening with the form the group calls a requester by, after
their name in the nickname (李安 Amy, 钱立 钱经理), is for them; an official asking the requester's designers to
work with them (让你们设计院先跟我对接) keeps the case while naming another office's part in it."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import ZHANG, Ledger, raise_request

PARK = {"sender": "wxid_gwh_liu", "name": "园区管委会-刘主任"}  # official of 园区管委会 (config)
AMY = {"sender": "wxid_zk_amy", "name": "中科视觉-李安 Amy"}
QIAN = {"sender": "wxid_by_qian", "name": "博远新材料-钱立 钱经理"}
BUILD = {"sender": "wxid_zj_liu", "name": "住建局-刘工"}
GATE = "@园区管委会-刘主任 刘主任，冷链仓那边北门晚上10点就锁了，我们冷藏车夜里回来得绕到南门，能不能晚点锁？"
NOTICE = "【通知】从今天起园区北门夜间开放时间延长至24:00，冷链仓车辆夜间可走北门进出，请司机配合登记。"


async def test_a_notice_tagging_requesters_answers_their_request_on_its_matter(
    harness: Harness, ledger: Ledger
) -> None:
    """Both are tagged; the notice answers the ask about the gate, not the ask put to several offices."""
    gate = await raise_request(harness, GATE, AMY, mentions=(PARK["sender"],))
    several = "年底检查太多了，交通来查完消防来，消防查完应急来，一礼拜三拨，能不能合并着一起查啊"
    checks = await raise_request(harness, several, QIAN)
    assert ledger.get(checks).department is None
    await harness.feed("今天天气不错", **ZHANG)
    tags = "@中科视觉-李安 Amy @博远新材料-钱立 钱经理"
    sent = await harness.feed(NOTICE + tags, **PARK, mentions=(AMY["sender"], QIAN["sender"]))
    assert any(f"#{gate}" in m.text for m in sent) and not any(f"#{checks}" in m.text for m in sent)
    assert ledger.get(gate).status == "answered"
    assert ledger.get(checks).status == "open"


async def test_an_answer_opening_with_the_name_the_group_uses_is_for_that_requester(
    harness: Harness, ledger: Ledger
) -> None:
    amy = await raise_request(harness, GATE, AMY, mentions=(PARK["sender"],))
    other = await raise_request(harness, "园区北门道闸又坏了，车进不来，管委会能不能派人修一下？", ZHANG)
    await harness.feed("Amy你好，北门晚上锁门的时间我们在研究，这周给你答复", **PARK)
    assert ledger.get(amy).status == "answered"
    assert ledger.get(other).status == "open"


async def test_working_with_the_official_keeps_the_case(harness: Harness, ledger: Ledger) -> None:
    ask = "@住建局-刘工 刘工好，我们茶厂打算新建一栋2000平的加工厂房，施工图审查一般要多久？要先办啥子？"
    no = await raise_request(harness, ask, QIAN, mentions=(BUILD["sender"],))
    assert ledger.get(no).department == "住建局"
    await harness.feed(
        "@博远新材料-钱立 钱经理 先要有用地手续和建设工程规划许可证（自然资源局办），然后施工图送审，"
        "资料齐全的话10个工作日出审查意见。让你们设计院先跟我对接。",
        **BUILD,
        mentions=(QIAN["sender"],),
    )
    assert ledger.get(no).department == "住建局"
    assert ledger.get(no).status == "answered"
