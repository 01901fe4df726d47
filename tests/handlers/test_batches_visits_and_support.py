"""Session 30, second round: "托盘、周转箱、货架都齐了，这两批不用再报价了" closes both of the buyer's lists; a
trailing "…，支持" right after an ask joins it (a co-requester asking whether the promised help comes,
吸污车今天来不来哦, is checked by scenario scn52)."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, Ledger, joined, raise_request


async def test_both_batches_close_together(harness: Harness) -> None:
    await harness.feed(
        "年底备货，要采购一批：\n1. 塑料托盘 1200×1000 500个\n2. 缠绕膜 50cm宽 200卷\n有货的私聊报价", **LI
    )
    await harness.feed("补充采购：\n1. 重型货架 2000×600×2400mm 60组\n2. 物流周转箱 600×400×280 1000个", **LI)
    sent = await harness.feed("货架找到了，托盘、周转箱、货架都齐了，这两批不用再报价了 谢谢各位", **LI)
    closed = [m.text for m in sent if "已标记为完成" in m.text]
    assert len(closed) == 2
    assert any("P1" in t for t in closed) and any("P2" in t for t in closed)


async def test_a_trailing_support_joins_the_ask(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness, "各位领导，年底检查太多了，消防、安全、市监、环保前后来了七八拨，能不能统筹一下，一次性查完？", LI
    )
    await harness.feed("说到心坎上了，支持", **ZHANG)
    assert ZHANG["sender"] in joined(harness, no)
    assert ledger.get(no).status == "open"
