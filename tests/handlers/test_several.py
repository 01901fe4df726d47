"""One official's reply answering several requests: @-mentions of two requesters, two quotes, two "#N"."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import CHEN, LI, ZHANG, Ledger, raise_request

BUS = "园区末班车17:30就走了，我们18:00才下班，能不能请交通局把末班车往后延一点？"
FREIGHT = "我们新买了两台冷藏货车，城市配送车辆备案怎么办理？想问下交通局"
LI_AT = "@川康药业-李总"
ZHANG_AT = "@禾田食品-张经理"
BOTH = ("wxid_ck_li", "wxid_ht_zhang")


async def test_one_reply_to_two_requesters_answers_both(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    freight = await raise_request(harness, FREIGHT, ZHANG)
    text = (
        f"{LI_AT} {ZHANG_AT} 两个一起回：\n1. 末班车已经和公交公司商量，下周一起延后到18:30；\n"
        "2. 冷藏货车备案带行驶证和营业执照到交通局二楼窗口办理"
    )
    sent = await harness.feed(text, **CHEN, mentions=BOTH)
    assert ledger.get(bus).status == "answered"
    assert ledger.get(freight).status == "answered"
    assert not any("哪一条" in m.text for m in sent)  # answers both, asks nothing


async def test_a_second_mention_with_no_word_of_their_request_answers_only_the_first(
    harness: Harness, ledger: Ledger
) -> None:
    bus = await raise_request(harness, BUS, LI)
    other = await raise_request(harness, "我们厂门口的路面塌了一块，货车进出很危险，麻烦交通局来看看", ZHANG)
    text = f"{LI_AT} {ZHANG_AT} 末班车的事已经和公交公司商量好了，下周一起延后到18:30，你们两家的员工都能赶上"
    await harness.feed(text, **CHEN, mentions=BOTH)
    assert ledger.get(bus).status == "answered"
    assert ledger.get(other).status == "open"  # named only as a rider of the bus: the road is not answered


async def test_one_reply_quoting_two_requests_answers_both(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    freight = await raise_request(harness, FREIGHT, ZHANG)
    divider = "- - - - - - - - - - - - - - -"
    text = (
        f"「禾田食品-张经理：{FREIGHT}」\n{divider}\n带行驶证和营业执照到二楼窗口办理。\n\n"
        f"「川康药业-李总：{BUS}」\n{divider}\n末班车下周一起延后到18:30"
    )
    await harness.feed(text, **CHEN)
    assert ledger.get(freight).status == "answered"
    assert ledger.get(bus).status == "answered"


async def test_two_numbers_in_one_reply_answer_both(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    freight = await raise_request(harness, FREIGHT, ZHANG)
    await harness.feed(f"#{bus} #{freight} 都已经安排专人对接，这周内给两位答复", **CHEN)
    assert ledger.get(bus).status == "answered"
    assert ledger.get(freight).status == "answered"
