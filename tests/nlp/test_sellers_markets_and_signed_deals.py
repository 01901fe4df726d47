"""Session 30, second round: a seller's offer in so many words (谁家要白芷的联系我, 板蓝根我这有…要不要, 有人要天麻不,
有车 9.6米高栏) is chatter, a buyer wanting steady suppliers is not; the buying price moving is market news; 两头受气
counts no heads, 6樘 counts doors; 包材 is no typo of 包菜; 或者 opens no item's name and 卡板 is a pallet; a backup
generator started is no fix; "好了，谢谢X" after the news confirms; 都签好了 thanked and 被X订了 are deals; a report
the requester sent in (报告补上了) is their step; "来不来", "补了没有", "有没有人管哦" ask after a request; a trailing
"支持" joins."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.extract import extract_items
from nlp.threads import asks_arrival, asks_progress

TZ = timezone(timedelta(hours=8))
NOW = datetime(2031, 11, 12, 10, 0, tzinfo=TZ)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.default()


def _label(analyzer: Analyzer, text: str, role: str = "enterprise") -> str:
    return analyzer.analyze(text, now=NOW, role=role).label


@pytest.mark.parametrize(
    "text",
    [
        "今天白芷开始挖了 谁家要白芷的联系我 统货 估计有3吨",
        "板蓝根我这有 自己种的 不过只有一吨多 小陈要不要 [微笑]",
        "王姐 川芎还要不要 我这边还有四五吨统货",
        "有人要天麻不 乌天麻鲜货 一千多斤 放在冷库头的 价格好商量",
        "有车 9.6米高栏 明天回成都 有货的联系 13541612345",
        "出丹参，统货，晒得干，有三吨多，在刘家湾，要货的老板来看货 152-8387-0094",
        "今年菜籽收购价比去年高了快两毛 油价又上不去 两头受气[捂脸]",
        "今天镇上黄连统货收购价涨到68一斤了，比上个月高了5块，还在观望的可以考虑出了",
    ],
)
def test_offers_and_market_news_are_chatter(analyzer: Analyzer, text: str) -> None:
    assert _label(analyzer, text) == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "长期收颗粒干冰3mm，每周2吨，要稳定供货的厂家，价格合适签年单",  # the buyer wants suppliers
        "收菜籽，含油率40%以上，200吨，3.1元/斤到厂，要的联系何总",
        "月台的快速卷帘门被淹坏了，要换新：3.5*4m 6樘，带防撞感应，有厂家的报价 微信/电话 13808169870",
    ],
)
def test_buyers_lists_stay_lists(analyzer: Analyzer, text: str) -> None:
    assert _label(analyzer, text) == "procurement"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("汤圆礼盒包材：吸塑内托（20格）5万个，手提款外盒 5万个", ["汤圆礼盒包材", "手提款外盒"]),
        ("求购：二手电动叉车 1.5吨 2台，或者全新堆高车 2台", ["电动叉车", "堆高车"]),
        ("膠卡板 1200×1000 四面進叉 800片", ["托盘"]),
        ("草菓 150公斤，白扣 100公斤", ["草果", "豆蔻"]),
    ],
)
def test_packaging_conjunctions_and_trade_names(text: str, names: list[str]) -> None:
    assert [i.name for i in extract_items(text)] == names


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("停电了，发电机开起来了，还好提前准备", False),  # their own backup, no fix
        ("消防检测报告补上了 @住建局-石工 麻烦石工安排验收", False),  # their own step
        ("昨晚东门开到十二点，员工都正常走了，好了谢谢何主任🙏", True),
        ("保租房15套都签好了，下周员工就能入住，谢谢石工、周科👍", True),
        ("@县商务局-吴敏 白芷剩下的二十几吨也被岚川饮片订了，今年的白芷全部出完了！感谢吴科牵线🙏", True),
    ],
)
def test_what_confirms_a_fix(analyzer: Analyzer, text: str, flag: bool) -> None:
    assert analyzer.analyze(text, now=NOW, role="enterprise").resolution is flag


@pytest.mark.parametrize(
    "text",
    [
        "@食品产业园管委会-何主任 何主任，吸污车今天来不来哦？",
        "@交通局-陈科 陈科 X103的坑补了没有？这几天还是颠得厉害",
        "X032那个路，有没有人管哦 @县交通运输局-陈科",
    ],
)
def test_asking_after_the_help_promised(text: str) -> None:
    assert asks_progress(text)


def test_a_trailing_support_joins(analyzer: Analyzer) -> None:
    assert analyzer.analyze("说到心坎上了，支持", now=NOW, role="enterprise").me_too
    assert not analyzer.analyze("支持的政策有哪些", now=NOW, role="enterprise").me_too


@pytest.mark.parametrize(
    ("text", "asks"),
    [("吸污车今天来不来哦？", True), ("帮办员小杨元旦后哪天来？我们好安排人", True), ("稳岗返还啥时候能到？", False)],
)
def test_asking_whether_someone_comes(text: str, asks: bool) -> None:
    assert asks_arrival(text) is asks
