"""Session 39: an ask that opens by calling an official by name (黄站长，…) is answered by their reply without an @;
a co-requester of the park's parking matter who reports another broken thing of the park's ("东门那个
地磅又坏了…快点来看看嘛") raises a new request: "那个" points at the weighbridge, not back at their one request."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, joined, raise_request


async def test_a_new_fault_is_no_nudge_of_a_joined_request(harness: Harness, ledger: Ledger) -> None:
    parking = await raise_request(harness, "园区停车场能不能说下，货车过夜一晚收40块，太贵了，能不能便宜点", ZHANG)
    await harness.feed("+1 我们车队也是天天抢车位", **LI)
    assert LI["sender"] in joined(harness, parking)
    sent = await harness.feed(
        (
            "物业小何，园区东门那个地磅又坏了，数字跳来跳去，过磅的车排了一长串，今天上午已经耽误七八车货了，快点来看看嘛"
        ),
        **LI,
    )
    registered = [m.text for m in sent if "已登记诉求" in m.text]
    assert registered, [m.text for m in sent]
    assert f"#{parking}" not in registered[0] and ledger.get(parking + 1).department == "园区管委会"


HUANG = {"sender": "wx_nj_huang", "name": "黄站长"}  # an official the nickname places in no department


async def test_an_ask_that_calls_an_official_by_name_is_answered_by_their_reply(
    harness: Harness, ledger: Ledger
) -> None:
    await harness.feed("大家好，我是新来的", **HUANG)
    no = await raise_request(harness, "黄站长，今年油茶低产林改造还有补贴没得？啥时候报？我们社里有两百多亩想改", LI)
    await harness.feed("油茶低改今年还有的，每亩补600，7月初发申报通知，到时候把地块清单准备好就行", **HUANG)
    assert ledger.get(no).status == "answered"
