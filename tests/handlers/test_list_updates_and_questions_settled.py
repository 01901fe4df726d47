"""Session 32, second round: a buyer's update naming other goods of their list (托盘和缠绕膜都到货了，地牛还差3台)
updates that list instead of registering a second one, so "地牛也配齐了，我们这单采购齐了" closes it; "好了，明白了，
谢谢X" after an answer settles the question asked."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, WANG, Ledger, raise_request


async def test_an_update_naming_other_goods_updates_the_list(harness: Harness) -> None:
    await harness.feed(
        "我们618要扩一个临时分拣区，采购：塑料托盘 200片，缠绕膜 100卷，手动液压搬运车（地牛）5台，求报价", **LI
    )
    sent = await harness.feed("托盘和缠绕膜都到货了，地牛还差3台", **LI, at=harness.clock.now() + timedelta(days=3))
    assert any("已更新采购清单 P1" in m.text for m in sent), sent
    assert not any("P2" in m.text for m in sent), sent
    sent = await harness.feed(
        "地牛也配齐了，我们这单采购齐了，感谢丁老板范师傅🙏", **LI, at=harness.clock.now() + timedelta(days=5)
    )
    assert any("P1" in m.text and "已标记为完成" in m.text for m in sent), sent


async def test_understood_after_an_answer_settles_the_question(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness,
        "@商务局-王科长 王科长，请教个问题：展会补贴是按展位费补还是按总费用补？",
        LI,
        mentions=(WANG["sender"],),
    )
    await harness.feed(
        "@川康药业-李总 按展位费的50%补，单个展会最高3万，展会结束后一个月内申报",
        **WANG,
        mentions=(LI["sender"],),
        at=harness.clock.now() + timedelta(hours=1),
    )
    await harness.feed("好了，明白了，谢谢王科长 [强]", **LI, at=harness.clock.now() + timedelta(hours=2))
    assert ledger.get(no).status == "resolved"
