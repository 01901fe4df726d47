"""Session 35: a peer's "我屋头的也是这个样子" joins an ask; praise (挺帮忙的) and a courtesy for later (后面还得麻烦)
ask nothing; holding out through a cut (扛六个钟头没问题) is no trouble; the weather asked of an office is a joke;
"有做的报价" invites offers; "有没有下文" follows an ask up; whether a class or a scheme still takes them (还有班吗,
还能报吗) is asked of its office; "再问个：" asks afresh after thanks; a seller's stock on hand (我这边还有点去年的货)
is no list; a notice laid out as 时间：/地点： is a meeting, and a bracketed notice that tags someone after it stays
a notice; a reply opening "Amy你好，" answers; officials' words about peers and rumours (别听同行乱说) are no chat."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer

NOW = datetime(2031, 5, 20, 10, 0)
ENT = "enterprise"
OFF = "official"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("去年报过，材料多，但是经信局的人挺帮忙的", "chatter"),
        ("冷库已经打到零下25度了，停电扛六个钟头没问题 😂", "chatter"),
        ("@农技中心-罗工 罗工你们农技中心能不能管管老天爷，莫下冰雹了嘛 [捂脸]", "chatter"),
        ("车队新车要装北斗定位终端（带视频监控，部标）30台，下周内装完，有做的报价，158 2816 7730", "procurement"),
        ("@应急局-郑科 郑科，我们想给新来的5个仓库主管报安全员培训，1月份还有班吗？", "request"),
        ("@松潘-林经理 林经理，松贝我这边还有点去年的货，一等的不多，三十公斤左右，今年新货要七月份了", "chatter"),
        ("陈厂长，我们社里还有六十来吨，就是水分怕要九个点，晒一哈再拉过来要得不？", "chatter"),
        (
            "@区税务局-邓科 邓科，上次的问题解决了，谢谢！再问个：我们收购药材开了收购发票，"
            "计算进项是按9%扣除还是10%？",
            "request",
        ),
    ],
)
def test_enterprise_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


def test_a_peer_with_the_same_trouble_joins(an: Analyzer) -> None:
    a = an.analyze("我屋头的黄精也是这个样子，罗工顺便也来看看嘛 🙏", now=NOW, role=ENT)
    assert a.label == "chatter" and a.me_too


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "【会议通知】重点工业企业政企座谈会\n时间：7月2日（周五）下午3:00\n地点：区政府3号楼一楼会议室\n"
            "议题：用工、用电、融资等问题现场交流。\n请企业6月30日前报参会人姓名和拟反映的问题。",
            "meeting",
        ),
        (
            "【培训通知】安全管理人员培训\n时间：6月22日-24日\n地点：区应急管理局四楼培训室\n"
            "报名：6月18日前把报名表发 yjj@163.com，联系电话 0838—6202371",
            "meeting",
        ),
        ("Amy你好，今年高企认定申报预计5月启动，3月下旬科技局会办一期认定辅导培训，届时群里通知。", "answer"),
        (
            "关于昨天问的扣除率：购进农产品用于生产13%税率货物的，按10%扣除率计算进项；其他的按9%。"
            "饮片大部分适用9%税率，所以一般按9%扣，别听同行乱说。",
            "answer",
        ),
    ],
)
def test_official_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=OFF).label == label


def test_a_notice_tagging_someone_after_it_stays_a_notice(an: Analyzer) -> None:
    text = (
        "【培训通知】12月3日至4日在区应急管理局三楼举办第四期主要负责人和安全管理人员培训，考核合格发证。"
        "需要参训的企业请于11月29日前报名，联系电话 0816-2298110。@辣妹子火锅底料-曾姐 你们的安全员可以报这期"
    )
    a = an.analyze(text, now=NOW, role=OFF, mentions=["辣妹子火锅底料-曾姐"])
    assert a.label == "meeting"


def test_no_news_yet_follows_up(an: Analyzer) -> None:
    a = an.analyze("停车场的事有没有下文哦？昨晚又贴了两张", now=NOW, role=ENT)
    assert a.nudge


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("村里到镇上那条路一下雨就烂成泥塘，收药材的车根本进不来，能不能修一下啊", "交通运输局"),
        (
            "新能源物流车都到了，就差城市配送备案，交通局那边说要先办许可证的车辆增项，审批局又说要先备案，"
            "两边推了一个多星期，到底先办哪样嘛？",
            None,
        ),
    ],
)
def test_routing(an: Analyzer, text: str, department: str | None) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == "request" and a.department == department


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("急！明天要两台9.6米冷藏车去昆明，-18℃的，有空车的老板赶紧联系我", [("冷藏车", 2, "台")]),
        ("秋粮收购要用编织袋，50公斤装的白色覆膜编织袋 10万条，价格0.9元/条左右", [("编织袋", 100000, "条")]),
        ("需临时租用常温仓 3000平方米，期限6个月", [("常温仓", 3000, "平方米")]),
        (
            "手持PDA终端 100台，工牌式对讲机 60部，10月20号前到货",
            [("手持PDA终端", 100, "台"), ("工牌式对讲机", 60, "部")],
        ),
        ("需要组装式小冷库（30立方，0-5℃）12座，含安装调试", [("组装式小冷库", 12, "座")]),
        ("要买10台4.5吨的新能源冷藏车，厢体要7.5个方以上", [("冷藏车", 10, "台")]),  # 7.5个方: a size, no amount
        ("一部分货先发，冷藏车 3台", [("冷藏车", 3, "台")]),  # 一部分 is no amount
    ],
)
def test_items(text: str, items: list) -> None:
    from nlp.extract import extract_items

    assert [(i.name, float(i.quantity), i.unit) for i in extract_items(text)] == [(n, float(q), u) for n, q, u in items]


def test_a_word_holding_a_common_word_is_no_misspelt_name() -> None:
    from nlp.homophones import correct

    assert correct("仓库维修") == "仓库维修"  # 维修 is a word: not 仓库 + a misspelt 库位
    assert correct("鱼星草") == "鱼腥草" and correct("电揽线") == "电缆线"


@pytest.mark.parametrize(
    ("text", "role", "resolved"),
    [
        ("C区宽带已经恢复，各家看一下是否正常，还有问题的跟我说。", OFF, True),  # an offer for later, no rest left
        ("C区两台箱变已经安装送电，今天起可以正常使用，临时接的4个桩线路我们下午拆回。", OFF, True),
        ("箱变先临时接上了，正式的下周装", OFF, False),  # the stopgap stays
        ("燃气公司上周四换了调压器，这一个礼拜早上炒锅火力都足了[强] 谢谢经信局！", ENT, True),
        ("换了交换机以后一个礼拜没断过网，追溯码都传上去了，谢谢物业老马", ENT, True),
        ("压力还是不够，炒锅火上不来", ENT, False),
        ("增容的事，供电客户经理昨天就来现场勘查了，效率可以[强]", ENT, False),  # a visit, not the fix
    ],
)
def test_resolution(an: Analyzer, text: str, role: str, resolved: bool) -> None:
    assert an.analyze(text, now=NOW, role=role).resolution is resolved


def test_urging_or_taking_up_an_offer_follows_the_ask_up() -> None:
    from datetime import timedelta

    from nlp.threads import OpenRequest, is_follow_up

    power = OpenRequest(NOW - timedelta(days=2, hours=23), "供电公司")  # no word of its matter known
    assert is_follow_up(power, NOW, "供电公司", {"ask", "can_q"}, "彭工 早，客户经理还没联系我们哦，能帮催一下吗")
    safety = OpenRequest(NOW - timedelta(hours=20), "应急管理局", frozenset({"冷库"}))
    assert is_follow_up(safety, NOW, "应急管理局", {"ask"}, "好的，那麻烦韦工安排，我们配合")
    assert not is_follow_up(safety, NOW, "应急管理局", {"ask"}, "我们还想问下安全员培训什么时候开班？")
