"""Peer questions that come with a trouble, nudges by "the matter of X", verdicts that it works now, buyers closing
their lists, questions about a gathering, and goods counted in 块 (session 27).

Each text is written apart from the labelled sets, in the shape of a case a held-out set or a scenario showed.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2027, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def _an(text: str, role: str = "enterprise"):
    return Analyzer.default().analyze(text, now=NOW, role=role)


# (text, label, the flag it must carry or "-" for none, what the flag must be)
CASES = [
    # seeking a peer, whatever trouble comes with it
    ("群里有没有懂小红书运营的朋友？我们号开了三个月了还是没人看，求指点😭", "chatter", "-", True),
    ("有没有用过做农残检测快一点的第三方机构，推荐一下，我们送的那家一周都出不来报告", "chatter", "-", True),
    ("有没有哪家厂最近招到电工的？我们开到九千都没人来，头大", "chatter", "-", True),
    # asking after the matter of an earlier ask: a nudge; a request naming its matter is none
    ("@农技站-刘站长 刘站长，上回说的菌剂的事还有没有信？地里又死了一片", "chatter", "nudge", True),
    ("@供电所-马工 马工，光伏并网的事麻烦有空再看一下🙏", "chatter", "nudge", True),
    ("@人社局-周科 周科新年好，年前说的培训方案现在进度咋样了？", "chatter", "nudge", True),
    ("园区北门的路灯坏了一排，晚上卸货看不见，麻烦物业派人修一下", "request", "nudge", False),
    # enough now, it works: a fix; asking whether it works, or getting ready to use it: none
    ("周科，摘果工已经来了二十几个，够用了，谢谢人社局！", "chatter", "resolution", True),
    ("@园区办-徐经理 徐经理，昨晚11点回来的车都从东门进来了，好使[强]", "chatter", "resolution", True),
    ("这个扫码枪好使吗", "chatter", "resolution", False),
    ("请大家提前准备好使用登记证和维保记录", "policy", "resolution", False),
    # a buyer closing the list opens none; one still wanting the rest keeps it open
    ("叉车3台和货架20组都到货了，采购清单这块结了，感谢各位老板", "chatter", "need_met", True),
    ("上周发的包材那个询价清单不要了，项目推到明年，谢谢各位报价", "chatter", "need_met", True),
    ("黃芪已經收齊，黨參暫時唔要住，呢張單完結，多謝各位", "chatter", "need_met", True),
    ("托盘已经订好了，缠绕膜还差50卷，有货的联系我", "procurement", "need_met", False),
    # a past event learnt too late is no report of a fix
    (
        "前天隔壁镇下冰雹，把果园打得稀烂。能不能让有关部门有冰雹预警的时候给种植户发个短信？每次都是打完了才知道",
        "request",
        "resolution",
        False,
    ),
    # questions about a gathering: housekeeping
    ("王科，讲座要不要自己带电脑？我们的人都不太会用手机", "chatter", "-", True),
    ("@人社局-小周 报名表填好了，发哪个邮箱？", "chatter", "-", True),
    ("李主任 我们厂长那天在外地，可以让生产经理去参加座谈会吗", "chatter", "-", True),
    ("陈科 这个会是所有冷链企业都要去吗 还是点了名的才去？", "chatter", "-", True),
    ("@人社局-周科 周科，我们想让几个员工去学直播带货，人社局有没有这方面的培训？", "request", "-", True),
    # a hurry on "that one" of an earlier ask is a nudge; a buyer's forwarded list settled is closed; dropped for now
    ("好的，年检那个麻烦尽快", "chatter", "nudge", True),
    ("前面转发的超市月饼采购已经对接好了，采购方说3000盒都落实了，谢谢两家", "chatter", "need_met", True),
    ("上周问的叉车证培训先不用了，公司说这期不派人，等明年再说", "chatter", "-", True),
]


@pytest.mark.parametrize(("text", "label", "flag", "value"), CASES)
def test_label_and_flag(text: str, label: str, flag: str, value: bool) -> None:
    a = _an(text, "official" if label == "policy" else "enterprise")
    assert a.label == label
    if flag != "-":
        assert getattr(a, flag) is value


def test_dropping_a_booth_because_the_plan_moved_is_a_withdrawal() -> None:
    a = _an("@商务局-王科长 王科长，展会那个展位我们先不要了，新品上市推迟到秋天了，不好意思哈🙏")
    assert a.label == "chatter" and a.resolution


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("@鑫源包装-林老板 林老板，我们新库要食品级塑料托盘（1200×1000 九脚）150块，你那有现货吗？", "procurement"),
        ("食堂的饭又涨价了，一份两荤一素要18块，员工意见很大，能不能管一下", "request"),
    ],
)
def test_goods_counted_in_kuai_are_wanted_money_in_kuai_is_not(text: str, label: str) -> None:
    assert _an(text).label == label


@pytest.mark.parametrize(
    ("text", "asked", "owner"),
    [
        ("孙科，我们营业执照想加个经营范围，网上提交三次了都被退回，是哪里不对？", "市场监管局", "行政审批局"),
        ("彭科，我们新仓库消防验收卡了快一个月了，能不能帮忙催一下？", "应急管理局", "住建局"),
        ("陈科，我们新上了6台城配车，去城区配送的备案要准备哪些材料？", "交通运输局", "交通运输局"),  # preferred
        ("周科，我们给员工交社保，今年有没有减免", "人社局", "人社局"),  # the office asked has the remit
    ],
)
def test_an_ask_put_to_an_office_without_its_remit_goes_to_the_owner(text: str, asked: str, owner: str) -> None:
    assert Analyzer.default().router.route_specs(text, [asked])[0] == owner


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("我们仓库有一批过期的药材和不合格品，大概3吨，要按危废处理吗？哪家有资质的公司能拉走？", "request"),
        ("@农业局-谢站长 谢站长，我们村今年党参压了二十多吨在屋头，能不能帮忙联系几个收购商嘛", "request"),
    ],
)
def test_waste_to_dispose_of_and_a_crop_with_no_buyer_are_no_lists(text: str, label: str) -> None:
    assert _an(text).label == label
