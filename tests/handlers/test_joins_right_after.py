"""A member's "我们…也…" right after another member's request (我们黄精地也差不多…, 我们那边也是黑的) joins it."""

from __future__ import annotations

import pytest

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from tests.handlers.conftest import LI, ZHANG, joined, raise_request

LAMP = "园区B区5号楼到7号楼那段路灯全黑了，好几天了，晚上卸货看不清，麻烦物业看看"


@pytest.mark.parametrize(
    "reply",
    [
        "我们那边也是黑的，上次还有人差点摔了",
        "我们仓库门口也差不多，顺便也帮我们看看吧🙏",
        "我们也在B区，晚上黑咕隆咚的",
        "郭经理说的是实话，我们仓库门口也这样，晚上黑咕隆咚的",  # a word for the requester first
    ],
)
async def test_we_too_right_after_a_request_joins_it(harness: Harness, reply: str) -> None:
    no = await raise_request(harness, LAMP, LI)
    await harness.feed(reply, **ZHANG)
    assert joined(harness, no) == [ZHANG["sender"]]
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


async def test_we_too_after_other_talk_joins_nothing(harness: Harness) -> None:
    no = await raise_request(harness, LAMP, LI)
    await harness.feed("今天好热啊，车间里34度", **LI)
    await harness.feed("我们那边也是，热得遭不住", **ZHANG)
    assert joined(harness, no) == []


@pytest.mark.parametrize(
    "reply",
    [
        "路灯都这样，我们去年也黑了半个月，后来物业换了灯头就好了",  # a peer's experience
        "我们也在B区，倒没发现这问题，可能是你们那段线路的事",  # the same place without the trouble
        "顺便把我们的电费也免了呗，哈哈哈",  # a joke
    ],
)
async def test_a_peers_experience_or_other_case_right_after_a_request_joins_nothing(
    harness: Harness, reply: str
) -> None:
    no = await raise_request(harness, LAMP, LI)
    await harness.feed(reply, **ZHANG)
    assert joined(harness, no) == []


async def test_the_same_setting_without_the_trouble_joins_nothing(harness: Harness) -> None:
    gas = "我们烘干房用的是管道天然气，这几天一到下午气压就上不去，烘的黄精还是软的，能不能帮忙协调一下"
    no = await raise_request(harness, gas, LI)
    await harness.feed("我们厂也用天然气，倒没发现这问题，可能你们那片在管网末端", **ZHANG)
    assert joined(harness, no) == []
