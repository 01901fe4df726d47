"""Session 29: an office's reply sharing no word with the requester's asks answers the one put to that office, not
an earlier one no office owns; a "+1" to a call to raise hands joins no request; the group's 群管 passing an ask on
raises none."""

from __future__ import annotations

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from tests.handlers.conftest import LI, ZHANG, Ledger, joined, raise_request

AGRI = {"sender": "wxid_nj_tang", "name": "农技中心-唐站长"}  # 农业农村局 by its alias
PEER = {"sender": "wxid_js_sun", "name": "金石铸造-孙厂长"}
ADMIN = {"sender": "wxid_qun_lin", "name": "集群群管-小林"}
PARK = {"sender": "wxid_yqb_tang", "name": "园区办-小唐"}


async def test_a_reply_on_no_shared_word_answers_the_ask_put_to_that_office(harness: Harness, ledger: Ledger) -> None:
    broad = await raise_request(
        harness,
        "说个事，我们这些种药材的散户，种植补贴、贷款贴息、电商卖货、用地这些政策分散在好几个部门，根本搞不清楚，"
        "能不能出个汇总？",
        LI,
    )
    assert ledger.get(broad).department is None
    rot = await raise_request(
        harness,
        "@农技中心-唐站长 唐站，丹参根腐病又起来了，东边那块地一片一片地死，能不能派人来看看",
        LI,
        mentions=(AGRI["sender"],),
    )
    await harness.feed("李总，我明天上午带植保站的人过去，先别乱打药", **AGRI)
    await harness.feed(
        "@川康药业-李总 已经到你地里了，取了样，初步看是镰刀菌，先用咯菌腈灌根，病株拔了带出去烧掉",
        **AGRI,
        mentions=(LI["sender"],),
    )
    assert ledger.get(rot).status == "answered"
    assert ledger.get(broad).status == "open"


async def test_a_plus_one_to_a_call_to_raise_hands_joins_nothing(harness: Harness) -> None:
    crane = "@市监局-吴工 吴工，我们车间两台桥式起重机定期检验下个月到期，约特检约了半个月没排上，能不能帮忙催一下"
    no = await raise_request(harness, crane, ZHANG)
    await harness.feed("周末还在车间的举个手🙋", **PEER)
    await harness.feed("🙋 赶模具", **ZHANG)
    await harness.feed("🙋 +1 老板都在车间", **LI)
    assert LI["sender"] not in joined(harness, no)


async def test_the_groups_admin_passing_an_ask_on_raises_none(harness: Harness) -> None:
    await raise_request(harness, "园区B区那段污水管又堵了，味道很大，麻烦园区办看一下", ZHANG)
    sent = await harness.feed("@园区办-小唐 唐主任麻烦看下张经理说的污水管问题", **ADMIN, mentions=(PARK["sender"],))
    assert not any("已登记诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1
