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


YAN = {"sender": "wx_gds_yan", "name": "严所"}  # placed by nothing but the cluster office's introduction
OFFICE = {"sender": "wx_jqb_tao", "name": "集群办-陶婷"}


async def test_an_introduced_official_answers_for_their_office(harness: Harness, ledger: Ledger) -> None:
    await harness.feed("新进群的几位领导介绍一下：贺主任（园区管委会）、严所（城东供电所），大家欢迎👏", **OFFICE)
    no = await raise_request(
        harness, "想问下供电所，我们新上了两台加工中心，原来500千伏安不够用了，想增容到800，流程怎么走？", LI
    )
    await harness.feed("增容在网上国网APP上提交申请，我们5个工作日内上门勘查，出供电方案", **YAN)
    req = ledger.get(no)
    assert (req.department, req.status) == ("供电公司", "answered")


async def test_goods_bought_close_the_buyers_list_not_their_request(harness: Harness, ledger: Ledger) -> None:
    no = await raise_request(
        harness, "@金融办-唐主任 唐主任，农商行300万的流动资金贷款要压到150万，能不能帮忙协调一下？", LI
    )
    listed = await harness.feed("求购设备：\n- 不锈钢蒸药箱 2台\n- 直线往复式切药机 1台\n年底急用", **LI)
    assert any("已登记采购清单" in m.text for m in listed)
    sent = await harness.feed("蒸药箱和切药机已经买到了，赵经理介绍的那家，谢谢！", **LI)
    assert any("已标记为完成" in m.text for m in sent)
    assert ledger.get(no).status == "open"
