"""Session 38: whoever has the goods is to call or deliver (哪个有货价格合适的联系我, 有货的朋友这周内送到) and a
buyer's words for a tender or a haul (递交标书截止, 找车：, 有车的报价, 20号前报价) make a list; a seller's stock
(都有现货, 川芎个子我有，) and a market report (钢材行情（出厂含税）) do not, nor does a steel's fixed length (定尺8米);
a question put to everyone (请问大家…), a lift shared (拼个车) and when to set up a stall are no asks; a plea to the
government (政府能不能想想办法) and a dialect "what now" (啷个办) ask; an official's reply to what members asked
(统一回复…问的标签问题：) answers; a first step hoped for (能先划临时位就好多了) confirms nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer
from nlp.threads import asks_progress

NOW = datetime(2034, 9, 10, 10, 0)
ENT = "enterprise"
OFF = "official"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "合作社帮村民统一买点东西：\n编织袋（装药材的）5000条\n晒席 2米×4米 200张\n竹筐 300个\n"
            "下周内要，哪个有货价格合适的联系我",
            "procurement",
        ),
        (
            "店里补货，要以下几样：当归 片 50公斤，党参 段 30公斤，黄芪 片 50公斤，有货的朋友这周内送到仁和堂，谢谢",
            "procurement",
        ),
        ("找车：10月26日 德阳园区→重庆果园港 40HQ重箱4柜，走高速当天到，有车的报价", "procurement"),
        ("补一个：绝缘纸 DMD 0.25mm 2吨，也是20号前报价", "procurement"),
        (
            "【转】某家电品牌西南仓 城配外包招标\n服务内容：成都市区及周边门店配送，日均约35车次（4.2米）\n"
            "递交标书截止：10月20日上午10:00\n联系人：付女士 0838—6227513",
            "procurement",
        ),
        ("@精工机械-刘总 刘总，Q355B 20厚的定尺8米要等3天，其余都有现货，单子我整理好私你", "chatter"),
        ("@嶺南參茸行-鄧生 邓老板，川芎个子我有，今年的货，2吨莫得问题，白芷也有，加个微信嘛", "chatter"),
        (
            "节后钢材行情（出厂含税）\nQ355B 中板 20mm  3980元/吨\nQ235B 中板 10mm  3760元/吨\n节后涨了一点，量大可谈",
            "chatter",
        ),
        ("有没有明早去市区冷库拉货的 拼个车 我这边还剩半车位置", "chatter"),
        ("孙主任 天麻特级我们合作社凑得到两吨 我私聊你哈", "chatter"),  # a grower can supply
        ("@人社局-周科 周科，明天招聘会我们几点去布展？", "chatter"),
        (
            "说句实在话，节后油价又涨了，平台运费一压再压，我们小车队快撑不下去了。政府能不能想想办法帮帮我们这些跑运输的",
            "request",
        ),
        (
            "我们白岩村这个电压一到下午就低得很，烘干机根本带不起，电机都烧了一个了，现在药材都堆起不敢烘，啷个办嘛😭",
            "request",
        ),
        ("@农业农村局-罗建平 罗科，我的黄精叶子上起了好多褐色的斑斑 [图片] 这是啥子病哦，咋个治？", "request"),
        # vans just acquired, and workers wanted, are no goods to buy: asks of the office they name
        ("@交通局-陈科 陈科 我们新整了五台4.2米的电动厢货 城市配送备案咋整啊 到底上哪儿办", "request"),
        (
            "@人社局-周科 周科您好，中秋前我们仓临时需要50个左右分拣打包的零工，县里有没有零工市场能帮忙对接？",
            "request",
        ),
    ],
)
def test_enterprise_labels(an: Analyzer, text: str, label: str) -> None:
    mentions = [text[1 : text.index(" ")]] if text.startswith("@") else []
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == label


def test_a_question_put_to_everyone_is_no_ask_of_an_office(an: Analyzer) -> None:
    a = an.analyze("请问大家 今天电子税务局是不是很卡 我一上午都没登进去", now=NOW, role=ENT)
    assert any(h.rule == "req.peer_ask" for h in a.hits)
    b = an.analyze("请问各位领导，我们厂的电子税务局登不进去怎么办", now=NOW, role=ENT)
    assert not any(h.rule == "req.peer_ask" for h in b.hits)  # leaders are asked, not peers
    c = an.analyze("哪个晓得哪里能租到抽水泵？我们合作社那台坏了，急用", now=NOW, role=ENT)
    assert any(h.rule == "req.peer_seek" for h in c.hits)


def test_a_seller_replying_with_stock_offers(an: Analyzer) -> None:
    a = an.analyze(
        "@瑞达电子-采购周敏 周小姐，电阻电容我们都有现货，0603 10K 厚声的3.8元/千只含税，风华的0805 100nF 9块一盘",
        now=NOW,
        role=ENT,
        mentions=["瑞达电子-采购周敏"],
    )
    assert any(h.rule == "proc.sell_strong" for h in a.hits)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "统一回复一下昨天杜总、余总问的标签问题：新版标签通则有两年过渡期，到明年3月底，过渡期内按老标准印好的包装"
            "可以继续用完。",
            "answer",
        ),
        ("今天会上企业反映的问题，我们梳理以后逐一回复，谢谢各位参会[抱拳]", "chatter"),  # a promise to reply
    ],
)
def test_official_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=OFF).label == label


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("能先划临时位就好多了 感谢陈科", False),  # thanks for a first step promised
        ("能先有个临时的就好多了，谢谢", False),
        ("现在好多了，谢谢刘主任", True),
    ],
)
def test_a_first_step_hoped_for_confirms_nothing(an: Analyzer, text: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolution


def test_asking_which_day_someone_comes_asks_after_progress() -> None:
    assert asks_progress("韦工 冷库专家下周几来？我们好安排人")
    assert asks_progress("现场核查几号来？")
    assert not asks_progress("我们下周几个人过去")


def test_turning_to_the_matter_after_an_ack_is_no_mere_ack(an: Analyzer) -> None:
    a = an.analyze("好的邱科😄 是这样，我们那批泡菜的标签，净含量和固形物要不要分开标，我们不太懂", now=NOW, role=ENT)
    assert not any(h.rule == "req.ack_lead" for h in a.hits)
    b = an.analyze("好的邱科，收到", now=NOW, role=ENT)
    assert any(h.rule == "req.ack_lead" for h in b.hits)


def test_a_cover_crushed_is_a_problem(an: Analyzer) -> None:
    a = an.analyze("B区冷库门口那个排水沟盖板压烂了，昨天一个叉车轮子卡进去", now=NOW, role=ENT)
    assert any("problem=" in h.evidence and "压烂了" in h.evidence for h in a.hits)
