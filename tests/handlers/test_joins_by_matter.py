"""Who joins which request: "我也想问这个" joins the ask before it, a peer's past experience joins nothing, and
the people concerned (员工) are no matter shared (scenarios scn36 and scn37, session 26)."""

from __future__ import annotations

from bot.testing import Harness
from tests.handlers.conftest import LI, ZHANG, joined, raise_request

SUN = {"sender": "wxid_hr_sun", "name": "华锐精密-人事小孙"}
TAX = "问下税务局 我们自己种自己卖的金银花 药厂要我们开发票 农户自产自销是不是免税的 发票去哪里代开"
LOAN = "@金融办-吴科 吴科您好，中行这个月突然通知要压缩我们500万授信，说是行业风险，能不能帮忙协调一下？"
LAMP = "园区B区3号路那排路灯坏了快两个礼拜了，晚上夜班下班黑咕隆咚的，上周有个员工骑电瓶车差点摔沟里去"
CANTEEN = "@园区管委会-赵主任 赵主任，园区食堂中午能不能多开个窗口？现在排队要排20多分钟，工人吃完饭午休都没了"


async def test_wanting_to_ask_the_same_joins_the_ask_before_it(harness: Harness) -> None:
    no = await raise_request(harness, TAX, LI)
    await harness.feed("我也想问这个 卖给康源人家也要票", **ZHANG)
    assert joined(harness, no) == [ZHANG["sender"]]


async def test_a_peers_past_experience_joins_nothing(harness: Harness) -> None:
    no = await raise_request(harness, LOAN, LI)
    await harness.feed("马总别急，去年我们也遇到过，找金融办是对的", **ZHANG)
    assert joined(harness, no) == []


async def test_the_people_concerned_are_no_shared_matter(harness: Harness) -> None:
    lamp = await raise_request(harness, LAMP, LI)
    canteen = await raise_request(harness, CANTEEN, SUN)
    await harness.feed("+1", **LI)
    await harness.feed("同问，我们员工也天天吐槽这个", **ZHANG)
    assert ZHANG["sender"] in joined(harness, canteen)
    assert ZHANG["sender"] not in joined(harness, lamp)
