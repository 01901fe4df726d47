"""An ask put to several departments or to the government at large stays with no department when one office
answers it, and one office's notice does not answer it; joins and nudges read what is said (session 25)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from tests.handlers.conftest import LI, WANG, ZHANG, Ledger, joined, raise_request

SAFETY = {"sender": "wxid_yjj_wu", "name": "应急局-吴科"}  # an official known by the nickname only
HR = {"sender": "wxid_rsj_zhou", "name": "人社局-周科"}
SUN = {"sender": "wxid_hr_sun", "name": "华锐精密-人事小孙"}
PLEA = "说句实在话，今年原料涨、电费涨、招工难、贷款也难，政府能不能出点政策帮帮我们这些小厂？"
INSPECTIONS = "这两周厂里来了四拨检查，消防、安全、食品、环保，每次生产线都停，能不能各部门统筹一下合并成一次？"
FIRE_NOTICE = "【应急局】下周一起开展春节前消防专项检查，重点：疏散通道、安全出口、员工宿舍用火用电，请各企业先自查。"


async def test_an_office_answering_a_plea_to_all_does_not_claim_it(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, PLEA, LI)
    assert ledger.get(no).department is None
    await harness.feed("@川康药业-李总 李总，区里2月出了稳岗复产十条，文件我放群公告了，商务这块有展会补贴。", **WANG)
    req = ledger.get(no)
    assert (req.department, req.status) == (None, "answered")


async def test_one_offices_notice_does_not_answer_an_ask_of_several(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, INSPECTIONS, LI)
    await harness.feed(FIRE_NOTICE, **SAFETY)
    req = ledger.get(no)
    assert (req.department, req.status) == (None, "open")


async def test_a_sign_up_with_plus_one_joins_no_request(harness: Harness) -> None:
    no = await raise_request(harness, "@人社局-周科 节后工人回来不到七成，区里最近有没有招聘会？", SUN)
    await harness.feed("【会议通知】周三下午3点区政府3楼召开食品企业座谈会，请回复参会人员。", **HR)
    await harness.feed("禾田参加+1", **ZHANG)
    assert joined(harness, no) == []


@pytest.mark.parametrize("reply", ["都一样，我们也是，熬吧", "是的，我们也在愁，莫得法"])
async def test_commiserating_joins_no_request(harness: Harness, reply: str) -> None:
    no = await raise_request(harness, "@人社局-周科 节后工人回来不到七成，区里最近有没有招聘会？", SUN)
    await harness.feed("节后工人回来一半，订单倒是不少，愁死了", **LI)
    await harness.feed(reply, **ZHANG)
    assert joined(harness, no) == []


async def test_a_co_requesters_new_questions_on_other_matters_are_a_new_request(harness: Harness) -> None:
    no = await raise_request(harness, "@人社局-周科 节后工人回来不到七成，区里最近有没有招聘会？", SUN)
    await harness.feed("我们也是，装配工缺十几个，有招聘会的话也想报个名", **ZHANG)
    assert joined(harness, no) == [ZHANG["sender"]]
    sent = await harness.feed(
        "@人社局-周科 周科，我们新招了15个工人，想问两个事：1. 新招人能不能申请吸纳就业补贴？2. 稳岗返还啥时候能到？",
        **ZHANG,
    )
    assert any("已登记诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 2


async def test_a_notice_sharing_parts_of_one_word_answers_nothing(harness: Harness, ledger: Ledger) -> None:
    ask = "@应急局-吴科 看到安全检查的通知了，我们冷库是液氨制冷的，想请局里专家来做一次隐患排查，能安排吗？"
    no = await raise_request(harness, ask, LI)
    await harness.tick(timedelta(days=2))  # not right after the question (then one shared word would do)
    await harness.feed(FIRE_NOTICE, **SAFETY)  # 安全 and 检查 are both inside the request's 安全检查
    assert ledger.get(no).status == "open"
