"""A requester asking after their request gets its status; the ask is recorded on the request."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from tests.handlers.conftest import BUS, CHEN, LI, WANG, ZHANG, Ledger, raise_request


async def test_asking_after_an_open_request_gets_its_status(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    sent = await harness.feed("末班车的事有进展吗？", **LI)
    assert len(sent) == 1
    assert f"诉求 #{no}" in sent[0].text and "交通运输局" in sent[0].text and "尚未答复" in sent[0].text
    assert "答复时限" in sent[0].text
    assert [e.kind for e in ledger.events(no)][-1] == "nudge"
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1  # not a new request


async def test_asking_after_an_answered_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, BUS, LI)
    await harness.feed("已经和公交公司沟通，下周起末班车延后到18:30", **CHEN)
    assert ledger.get(no).status == "answered"
    sent = await harness.feed("延后的事落实了没有？", **LI)
    assert f"诉求 #{no}" in sent[0].text and "已答复" in sent[0].text
    assert ledger.get(no).status == "answered"  # asking changes nothing


async def test_someone_without_a_request_gets_no_reply(harness: Harness, ledger: Ledger) -> None:
    await raise_request(harness, BUS, LI)
    sent = await harness.feed("末班车的事有进展吗？", **ZHANG)  # not theirs
    assert not any("诉求 #" in m.text for m in sent)


async def test_asking_after_one_of_several_requests_asks_which(harness: Harness, ledger: Ledger) -> None:
    first = await raise_request(harness, BUS, LI)
    second = await raise_request(harness, "厂里的宽带这个月断了五次了，打单系统老是登不上，麻烦园区看看", LI)
    sent = await harness.feed("有进展吗？", **LI)
    assert len(sent) == 1 and "请问您说的是哪一条诉求" in sent[0].text
    assert f"#{first}" in sent[0].text and f"#{second}" in sent[0].text


async def test_a_detail_after_ones_own_request_is_no_second_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(harness, "园区的网络这两天老是断，能不能请园区管委会安排人检查一下线路？", LI)
    sent = await harness.feed("园区网络今天早上断了两回，每次十来分钟，仓库扫码枪都用不了", **LI)
    assert sent and f"诉求 #{no}" in sent[0].text and "已登记" not in sent[0].text  # where #no stands, no new one
    assert [e.kind for e in ledger.events(no)].count("nudge") == 1


async def test_another_subject_for_the_same_department_soon_after_is_a_new_request(
    harness: Harness, ledger: Ledger
) -> None:
    """停车 yesterday, 路灯 today, both for the park: the ledger's topics of the first tell them apart."""
    await raise_request(harness, "园区停车位太少了，员工的车都停到马路上被贴条了，能不能再划点车位出来？", LI)
    sent = await harness.feed("园区西门那个路灯坏了一个多月了，晚上工人下班黑灯瞎火的", **LI)
    assert any("已登记诉求" in m.text for m in sent)
    with unit_of_work(harness.engine) as s:
        assert [r.department for r in list_requests(session=s)] == ["园区管委会", "园区管委会"]


async def test_hurrying_a_new_matter_on_the_same_crop_is_a_new_request(harness: Harness, ledger: Ledger) -> None:
    """黄精 种植补贴 first, then 黄精 保险 定损 with 催一下: the subject differs, so it is no nudge on the first."""
    first = await raise_request(harness, "今年种了80亩黄精，听说有种植补贴，想问下农业农村局一亩补好多，咋个申请", LI)
    text = "我的黄精地去年买了保险，开春冻死了一片，报案一个多月了保险公司还没来定损，农业局能不能帮忙催一下"
    sent = await harness.feed(text, **LI)
    assert any("已登记诉求" in m.text for m in sent) and [e.kind for e in ledger.events(first)][-1] != "nudge"
    with unit_of_work(harness.engine) as s:
        assert [r.department for r in list_requests(session=s)] == ["农业农村局", "农业农村局"]


async def test_asking_after_that_thing_the_department_promised(harness: Harness, ledger: Ledger) -> None:
    """A co-requester asks the official for "that list" he promised: no word of the request's matter, but "that"
    thing can only be their one request to his department, so it is a nudge on it, not a new request."""
    no = await raise_request(harness, "我们的黄精卖不出去，能不能请商务局帮忙对接下药企？", LI)
    await harness.feed("同问，我们的黄精也堆着卖不动", **ZHANG)
    await harness.feed("我们在梳理产销对接的企业名单，这周发给大家", **WANG)
    await harness.tick(timedelta(days=2))
    sent = await harness.feed("王科长 那个名单啥时候发呀", **ZHANG)
    assert sent and f"诉求 #{no}" in sent[0].text and "已登记诉求" not in sent[0].text
    assert [e.kind for e in ledger.events(no)][-1] == "nudge"
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


async def test_pointing_back_at_this_matter_a_week_later_is_a_nudge(harness: Harness, ledger: Ledger) -> None:
    """ "网络这个事…" eight days after their unanswered request on the network points back at it."""
    no = await raise_request(harness, "园区网络又断了，一上午断了三次，系统全部掉线，麻烦园区看看", LI)
    await harness.tick(timedelta(days=8))
    sent = await harness.feed("园区网络这个事能不能安排人看一下，上周到现在断了七八次了", **LI)
    assert sent and f"诉求 #{no}" in sent[0].text and "已登记诉求" not in sent[0].text
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "@交通局-陈科 陈科，周一说的末班车的事，能不能帮忙再协调一下？员工天天打车回家",
        "@交通局-陈科 陈科，末班车的事还麻烦再帮忙问问🙏",
        "末班车的事有人管没😓 都四天了",
    ],
)
async def test_asking_again_about_what_was_said_days_ago_is_a_nudge(
    harness: Harness, ledger: Ledger, text: str
) -> None:
    no = await raise_request(harness, BUS, LI)
    mentions = [CHEN["sender"]] if "@" in text else []
    sent = await harness.feed(text, **LI, mentions=mentions, at=harness.clock.now() + timedelta(days=4))
    assert sent and f"诉求 #{no}" in sent[0].text and "已登记" not in sent[0].text
    assert [e.kind for e in ledger.events(no)][-1] == "nudge"


async def test_trouble_again_on_another_matter_for_another_department_is_a_new_request(
    harness: Harness, ledger: Ledger
) -> None:
    """排水沟又堵了…园区能不能派人来 from a requester whose open request to 应急局 is about their cold store's ammonia
    plant: a new request for the park, not that one still unsolved (scn25)."""
    first = await raise_request(
        harness, "@应急局-吴科 吴科，我们冷库是氨制冷的，复工前想请应急局派人来做一次安全检查指导", LI
    )
    sent = await harness.feed(
        "冷库东边那条排水沟又堵了，昨晚下雨积了半尺水，叉车进不去，园区能不能派人来清一下？", **LI
    )
    assert any("已登记诉求" in m.text and "园区管委会" in m.text for m in sent)
    assert [e.kind for e in ledger.events(first)] == ["created"]
