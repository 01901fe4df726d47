"""Session 33: "我们也是，…也有…+1" right after the requester's thanks to the office joins the ask (the thanks is no
remark of its own to agree with); "同感+1，…" right after an ask joins it, while "同感，…" after a gripe joins nothing;
a buyer answering a grower's ask for buyers ("李总，白芷我们禾田也要…私聊") is no co-requester."""

from __future__ import annotations

from datetime import timedelta

from bot.testing import Harness
from tests.handlers.conftest import LI, WANG, ZHANG, joined, raise_request

HU = {"sender": "wxid_sun_hu", "name": "阿坤"}


async def test_we_too_after_the_requesters_thanks_joins_the_ask(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@商务局-王科长 王科长，我们坝子那片白芷这几天叶子边边发黄，根颈有点烂，能不能派人下来看一哈？",
        LI,
        mentions=(WANG["sender"],),
    )
    at = harness.clock.now()
    await harness.feed(
        "@川康药业-李总 收到，明天上午让人过来看", **WANG, mentions=(LI["sender"],), at=at + timedelta(minutes=30)
    )
    await harness.feed("要得要得，谢谢王科长[抱拳]", **LI, at=at + timedelta(minutes=33))
    await harness.feed(
        "我们也是，我们那边白芷也有十几窝黄叶子的，明天看完能不能顺路过来一趟 +1",
        **ZHANG,
        at=at + timedelta(minutes=50),
    )
    assert ZHANG["sender"] in joined(harness, no)


async def test_same_feeling_plus_one_joins_the_ask_right_before(harness: Harness) -> None:
    no = await raise_request(harness, "园区食堂饭菜越来越难吃，价钱还涨了两块，工人意见大得很，能不能管一哈嘛", LI)
    await harness.feed("同感+1，上周打的菜里头还吃出一根头发😤", **HU, at=harness.clock.now() + timedelta(minutes=6))
    assert HU["sender"] in joined(harness, no)


async def test_same_feeling_about_a_gripe_joins_nothing(harness: Harness) -> None:
    no = await raise_request(harness, "园区食堂饭菜越来越难吃，价钱还涨了两块，工人意见大得很，能不能管一哈嘛", LI)
    at = harness.clock.now()
    await harness.feed(
        "今年蛋黄价格都快翻倍了，月饼成本根本压不住，真是没法做了😤", **ZHANG, at=at + timedelta(minutes=5)
    )
    await harness.feed("同感，利润都让原料商赚走了", **HU, at=at + timedelta(minutes=8))
    assert HU["sender"] not in joined(harness, no)


async def test_a_buyer_answering_an_ask_for_buyers_is_no_co_requester(harness: Harness) -> None:
    no = await raise_request(
        harness,
        "@商务局-王科长 王科长，今年白芷种得多，估计要出两百来吨干货，区里有没有渠道帮我们对接一下大药厂？",
        LI,
        mentions=(WANG["sender"],),
    )
    await harness.feed(
        "李总，白芷我们禾田也要，价格合适的话可以长期签，私聊", **ZHANG, at=harness.clock.now() + timedelta(minutes=6)
    )
    assert ZHANG["sender"] not in joined(harness, no)
