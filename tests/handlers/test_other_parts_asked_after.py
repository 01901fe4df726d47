"""Session 29: a requester asking after the part of their question an answer left out (那第二个问题呢, 那稳岗那个呢)
nudges that request; it registers no new one."""

from __future__ import annotations

import pytest

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import events_of, list_requests
from tests.handlers.conftest import LI, ZHANG, Ledger, raise_request

ZHOU = {"sender": "wxid_rsj_zhou", "name": "人社局-周科"}  # official of 人社局 (config)
TWO_PARTS = (
    "@人社局-周科 周科，我们节后新招了15个工人，想问两个事：1. 新招人能不能申请一次性吸纳就业补贴？"
    "2. 去年的稳岗返还我们啥时候能到？"
)
HALF = "@川康药业-李总 一次性吸纳就业补贴可以申请，签一年以上合同、缴满3个月社保后在公众号上报"


def _count(harness: Harness) -> int:
    with unit_of_work(harness.engine) as s:
        return len(list_requests(session=s))


@pytest.mark.parametrize("after", ["好的，那稳岗那个呢周科？", "谢谢周科，那第二个问题呢？去年的算不算？"])
async def test_asking_after_the_other_part_is_a_nudge(harness: Harness, ledger: Ledger, after: str) -> None:
    no = await raise_request(harness, TWO_PARTS, LI, mentions=(ZHOU["sender"],))
    await harness.feed(HALF, **ZHOU, mentions=(LI["sender"],))
    sent = await harness.feed(after, **LI)
    assert not any("已登记诉求" in m.text for m in sent)
    assert _count(harness) == 1
    with unit_of_work(harness.engine) as s:
        assert [e.kind for e in events_of(session=s, request_id=no)][-1] == "nudge"


async def test_a_part_of_another_members_question_is_no_nudge_of_theirs(harness: Harness) -> None:
    await raise_request(harness, TWO_PARTS, LI, mentions=(ZHOU["sender"],))
    await harness.feed(HALF, **ZHOU, mentions=(LI["sender"],))
    await raise_request(harness, "想问下人社局，那稳岗那个呢？我们也没到账", ZHANG)
    assert _count(harness) == 2
