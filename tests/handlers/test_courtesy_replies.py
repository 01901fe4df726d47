"""An official's courtesy to a requester by name ("好的李总，后面有需要随时找我") answers none of their requests for
other departments, and no one else's."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import BUS, LI, TRAINING, WANG, ZHANG, Ledger, raise_request

COURTESY = "好的李总，后面有需要随时找我"


async def test_a_courtesy_after_a_withdrawal_answers_no_other_request(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    training = await raise_request(harness, TRAINING, LI)
    await harness.feed("@商务局-王科长 王科长，培训的事先不麻烦了，这个先撤了哈", **LI, mentions=[WANG["sender"]])
    assert ledger.get(training).status == "cancelled"
    await harness.feed(COURTESY, **WANG)
    req = ledger.get(bus)
    assert (req.department, req.status) == ("交通运输局", "open")
    assert [e.kind for e in ledger.events(bus)] == ["created"]


async def test_a_courtesy_to_one_requester_answers_nobody_elses_request(harness: Harness, ledger: Ledger) -> None:
    bus = await raise_request(harness, BUS, LI)
    other = await raise_request(harness, "我们想做跨境电商，区里有没有相关培训？", ZHANG)
    await harness.feed(COURTESY, **WANG)
    assert ledger.get(other).status == "open"
    assert (ledger.get(bus).department, ledger.get(bus).status) == ("交通运输局", "open")
