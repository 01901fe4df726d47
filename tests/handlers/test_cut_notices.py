"""After an official's notice of a cut, the group's remarks on it register no request; an ask to move it does."""

from __future__ import annotations

from bot.testing import Harness
from storage.db import unit_of_work
from storage.ledger import list_requests
from tests.handlers.conftest import LI, ZHANG, Ledger, raise_request

POWER = {"sender": "wxid_gd_he", "name": "供电公司-客户经理小贺"}  # an official known by the nickname only
CUT = "【停电通知】因10kV园区线路改造，6月13日（周六）7:00-18:00 园区B区停电，请各企业提前安排生产，做好设备保护。"
REMARK = "又停电了😩 客户那边天天催货"


async def test_a_remark_on_an_announced_cut_is_no_request(harness: Harness, ledger: Ledger) -> None:
    await harness.feed(CUT, **POWER)
    sent = await harness.feed(REMARK, **LI)
    assert not any("已登记诉求" in m.text for m in sent)
    no = await raise_request(harness, "能不能改到周日停？我们周六要赶一批出口的货", ZHANG)
    assert ledger.get(no).department == "供电公司"
    with unit_of_work(harness.engine) as s:
        assert len(list_requests(session=s)) == 1


async def test_without_the_notice_the_same_remark_reports_a_cut(harness: Harness) -> None:
    await raise_request(harness, REMARK, LI)
