"""Session 37: Cantonese 仲系/只系/唔系 read as 还是/只是/不是; a sender pointing back at their earlier ask (路灯那件事,
之前反映过的…, 到底啥时候) weeks later follows it up rather than raising it anew, unless it asks something new;
who buys and the verb before the goods (酱园收黄豆, 车队要订柴油, 冷库要配货架, 第二批黄豆) stay out of an item's
name; a sentence-final 嘛 (看效果嘛) asks nothing; sellers' discounts and stock (打9折, 现货在仓, 出…15吨, 出一吨多没得
问题) are offers and "有货的先寄样品" a buyer's; "我们也想要，选货 8吨" orders; asking who else is going to an office
is for members; fixes told in other words (降回来了, 没再丢油, 再报就过了, 这次应该是好了) confirm, while the
utility's staff coming (供电所的师傅来了) does not."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nlp import Analyzer
from nlp.extract import extract_items
from nlp.normalize import to_mandarin
from nlp.threads import OpenRequest

NOW = datetime(2032, 9, 5, 10, 0)
ENT = "enterprise"


@pytest.mark.parametrize(
    ("text", "mandarin"),
    [
        ("路灯修咗两日，仲系冇电", "路灯修了两日，还是没电"),
        ("只系后门嘅灯唔亮", "只是后门的灯不亮"),
        ("唔系我哋嘅问题", "不是我们的问题"),
        ("这个系统好用", "这个系统好用"),  # no Cantonese: a 系 of 系统 stays
    ],
)
def test_cantonese_is_reads_as_mandarin(text: str, mandarin: str) -> None:
    assert to_mandarin(text) == mandarin


@pytest.mark.parametrize(
    ("days", "text", "follows"),
    [
        (20, "@住建局-黄工 黄工，路灯那件事到底啥时候能修好？晚上还是黑的", True),
        (20, "@住建局-黄工 之前反映过的路灯，啥时候能来修？晚上工人下班不安全", True),
        (20, "@住建局-黄工 黄工 路灯的事呢，啥时候能安排人来修", True),
        # still dark, asked again: a relapse told anew (annotators read it as a request)
        (20, "@住建局-黄工 黄工，路灯那件事，现在晚上还是黑的，能不能安排人来修一下", False),
        (20, "@住建局-黄工 黄工，我们厂门口的路灯不亮了，晚上工人下班不安全，麻烦安排人修下", False),  # anew
        (45, "@住建局-黄工 黄工，路灯那件事到底啥时候能修好？晚上还是黑的", False),  # too long ago
        (45, "@住建局-黄工 之前反映过的路灯，啥时候能来修？晚上工人下班不安全", False),
    ],
)
def test_pointing_back_at_the_matter_weeks_on(an: Analyzer, days: int, text: str, follows: bool) -> None:
    lamp = OpenRequest(NOW - timedelta(days=days), "住建局", frozenset({"路灯"}), "厂门口路灯坏了两盏，晚上很黑")
    a = an.analyze(text, now=NOW, role=ENT, mentions=["住建局-黄工"], open_request=lamp)
    assert (a.label == "chatter" and a.nudge) is follows
    assert a.label == ("chatter" if follows else "request")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("酱园收黄豆 30吨，月底前", "黄豆"),
        ("车队要订柴油 0号 30吨", "柴油"),
        ("冷库要配货架 120组", "货架"),
        ("第二批黄豆 10吨 下周到", "黄豆"),
        ("我们也要点油 大豆油 一级 5吨", "大豆油"),
        ("我要买点遮阳网 六针的 5000平方", "遮阳网"),
        ("包子要用面粉 800袋", "面粉"),
        ("车队要装北斗定位终端50台", "北斗定位终端"),
    ],
)
def test_the_buyer_and_their_verb_are_no_part_of_the_name(text: str, name: str) -> None:
    assert [i.name for i in extract_items(text)] == [name]


@pytest.mark.parametrize(
    ("days", "text", "follows"),
    [
        (20, "@园区管委会-刘主任 网络还是卡 扩容到底啥时候弄？今天下午又掉了三回", True),
        (20, "@园区管委会-刘主任 上回说的网络扩容我们定了，想再拉一条专线，要准备啥子资料？", False),  # a new question
    ],
)
def test_pointing_back_asks_how_it_stands_or_something_new(an: Analyzer, days: int, text: str, follows: bool) -> None:
    net = OpenRequest(
        NOW - timedelta(days=days), "园区管委会", frozenset({"网络"}), "园区这个网太差了，下午一到两点就断"
    )
    a = an.analyze(text, now=NOW, role=ENT, mentions=["园区管委会-刘主任"], open_request=net)
    assert (a.label == "chatter" and a.nudge) is follows


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("今天食堂会开得还可以，承包方答应下周换厨师，看效果嘛", "chatter"),
        ("天和检测七月优惠，药材全项检测打9折，欢迎咨询", "chatter"),
        ("急！！出川白芷 选货 15吨 价格美丽 现货在仓 看货议价 158 0812 3396", "chatter"),
        ("马总 白芷我们合作社有 今年新货 选货出一吨多没得问题 等哈给你打电话", "chatter"),
        ("今天有人去区里办事没？政务大厅下午几点下班啊", "chatter"),
        ("百味堂收：\n艾叶 五月艾 统货 3吨\n陈艾绒 10:1 500kg\n做艾灸产品用的 有货的先寄样品", "procurement"),
    ],
)
def test_enterprise_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


def test_wanting_the_same_goods_too_is_an_order(an: Analyzer) -> None:
    text = "@商务局-罗科长 罗科长，上次对接会那个黄家坪的白芷，我们也想要，选货 8吨，能帮忙牵个线不"
    assert an.analyze(text, now=NOW, role=ENT, mentions=["商务局-罗科长"]).label == "procurement"


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("@管委会-鲁主任 鲁主任，今天食堂价格降回来了，还多了个10块的套餐，工人都说好[强]", True),
        ("@物流园管委会-祁主任 停车场那个好了，这几天没再丢油，谢谢祁主任👍", True),
        ("@税务局-柏科长 今天再报就过了，谢谢柏科[强]", True),
        ("下午到现在都很稳定，这次应该是好了，谢谢魏主任🙏", True),
        ("[图片] 供电所的师傅来了，在查", False),
        ("燃气公司的人来了", False),
        ("过了两天还是不行", False),
        ("地标材料初审过了，下周来签字", False),  # one step of several
        ("这下好了，看下周执行得咋样", False),  # pleased with a promise
    ],
)
def test_fixes_told_in_other_words(an: Analyzer, text: str, resolved: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolved
