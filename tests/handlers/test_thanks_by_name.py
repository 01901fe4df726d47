"""A requester's thanks that names an official the way companies say it (陈姐 for 政务服务中心-陈敏) confirms that
official's department's request, not the requester's latest one."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import LI, WANG, Ledger, raise_request

CHEN_MIN = {"sender": "wxid_zwzx_chen", "name": "政务服务中心-陈敏"}  # 行政审批局, known by the nickname only


async def test_thanks_to_chen_jie_confirms_the_licence_request(harness: Harness, ledger: Ledger) -> None:
    licence = await raise_request(
        harness, "请教下审批局，我们饮片厂的药品生产许可证明年1月到期，换证要准备哪些材料？", LI
    )
    await harness.feed("@川康药业-李总 李总，换证材料清单我私发您了，这周让经办人来3号窗口，我们全程帮办", **CHEN_MIN)
    assert ledger.get(licence).status == "answered"
    sales = await raise_request(harness, "@商务局-王科长 王科长，我们的川芎今年卖不动，能不能帮忙对接几家药企？", LI)
    await harness.feed("@川康药业-李总 李总，几家药企的采购联系人我私发你了", **WANG, mentions=[LI["sender"]])
    assert ledger.get(sales).status == "answered"
    await harness.feed("新证已经拿到了，陈姐你们帮办真是快，谢谢！", **LI)
    assert ledger.get(licence).status == "resolved"
    assert ledger.get(sales).status == "answered"
