"""Helpers for handler tests: people from config.yaml and a shortcut to raise a request."""

from __future__ import annotations

import pytest

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import co_requesters, events_of, get_request
from storage.models import Request, RequestEvent

LI = {"sender": "wxid_ck_li", "name": "川康药业-李总"}  # enterprise (config)
ZHANG = {"sender": "wxid_ht_zhang", "name": "禾田食品-张经理"}  # enterprise (config)
WANG = {"sender": "wxid_swj_wang", "name": "商务局-王科长"}  # official of 商务局 (config)
CHEN = {"sender": "wxid_jtj_chen", "name": "交通局-陈科"}  # official of 交通运输局 (config)
ADMIN = {"sender": "wxid_admin_zhao", "name": "管理员-赵主任"}
TRAINING = "我们缺少直播带货的经验，能不能请商务局组织一次直播电商培训？"
BUS = "园区末班车17:30就走了，我们18:00才下班，能不能请交通局把末班车往后延一点？"


class Ledger:
    """Read the ledger back in its own unit of work."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness

    def get(self, no: int) -> Request:
        with unit_of_work(self.harness.engine) as s:
            req = get_request(session=s, no=no)
            assert req is not None
            return req

    def events(self, no: int) -> list[RequestEvent]:
        with unit_of_work(self.harness.engine) as s:
            return events_of(session=s, request_id=no)


@pytest.fixture
def ledger(harness: Harness) -> Ledger:
    return Ledger(harness)


async def raise_request(harness: Harness, text: str = TRAINING, who: dict | None = None, **kw) -> int:
    """Post a request and return its number from the acknowledgement."""
    sent = await harness.feed(text, **(who or LI), **kw)
    assert sent and "已登记诉求 #" in sent[0].text, sent
    return int(sent[0].text.split("#", 1)[1].split("，", 1)[0])


def joined(harness: Harness, no: int) -> list[str]:
    """The wechat ids of request `no`'s co-requesters."""
    with unit_of_work(harness.engine) as s:
        return [c.wechat_id for c in co_requesters(session=s, request_id=no)]
