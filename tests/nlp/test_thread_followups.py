"""Follow-ups in a request thread and remarks about trouble that is no ask (chatter), against new asks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def label(an: Analyzer, text: str) -> str:
    return an.analyze(text, now=NOW, role="enterprise").label


@pytest.mark.parametrize(
    "text",
    [
        "周科，我们那个补贴核出来没有呀",  # a nudge with a trailing particle
        "刘主任，厂房那个事有空回一下哈",
        "停气那个到底有人管没？",
        "停电我们还好，本来周末就不生产",  # the trouble does not hurt the writer
        "又停网了，还好今天不出单，影响不大",
        "镇上农资店就有卖的，我前年买的，农机补贴返了差不多一半",  # 差不多 is no complaint
        "园区有没有吃饭的地方啊，我们中午过去",  # 有没有 is no complaint
        "收到王科，表格今天下午填好发您",  # an acknowledgement that only reports
        "好的李主任，我们明天把资料带过去",
        "专家上午来过了，讲得很透，申报书知道怎么改了，感谢张科",  # 怎么 inside what is now known
        "请问群里有用过国产AGV的吗？哪个牌子好用点",  # a question to peers
        "明天对接会在哪里上车啊，我们镇上没车",  # event housekeeping
        "会场有没有停车的地方，我们开货车拉样品",
        "党参有货，黄芪我问下隔壁村",  # asking someone else on the writer's behalf
        "6月的早就交了，回执已私发，麻烦刘科了",  # thanks for the trouble, closing a report
        "听做代账的朋友说下半年社保也要全面上线上了，大家早做准备",  # hearsay passed on
        "对接会上谈了一家超市，说先试销看看，总算有点盼头了",  # good news, no ask
        "去地里看了下川芎长势还行，就是这阵雨水多，怕烂根[捂脸]",  # a grower's worry, no ask
        "成绵高速又在修，半幅通行，早上堵了四十分钟",  # a traffic report
        "刘站长，上礼拜说的桃树流胶那个，抽空能来看下不",  # a matter raised before
        "园区食堂今天的菜咸得齁人🙃",  # rolling one's eyes: venting
    ],
)
def test_followups_and_remarks_are_chatter(an: Analyzer, text: str) -> None:
    assert label(an, text) == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "光伏装好一个月了，并网验收什么时候来？",  # a new ask, not a nudge
        "停电影响不大，但是能不能提前一天通知我们？",  # an ask after all
        "我们厂门口的路灯坏了一个多月了，能不能安排人修一下",
        "好的，那麻烦尽快安排人来修一下",  # an acknowledgement, then an ask
        "今年雨水多，黄精怕烂根，能不能请农技站派人来看看？",  # the worry with an ask
        "资料已经发您邮箱了。还有个事，我们想在门口搭个临时棚子，要不要报批？",  # a new ask after a report
    ],
)
def test_new_asks_stay_requests(an: Analyzer, text: str) -> None:
    assert label(an, text) == "request"
