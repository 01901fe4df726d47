"""Session 37, second round: members asked for a pick or told where to ask (有没有推荐的…品牌, 你去问下环保局嘛,
家人们…有没有好的降温方案) are chatter whatever office or trouble they name; a buyer asking for quotes (求几样东西报价)
or tendering (招标公告) lists, while a seller's reply (有8桶现货, 四十条给你1420, 今天下单, 我们…专业做…) and a delivery
under way (那批到了10台) do not; a monitor put in (监测仪装好了) is no fix, while "进出没问题，谢谢", the Cantonese
"好返了", "搞完了" and goods a buyer the office found took in full (把我们2吨白及全要了…太感谢了) confirm; a further
ask (还有个事麻烦下) is no follow-up of the request before."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nlp import Analyzer
from nlp.classify import RuleSet
from nlp.threads import OpenRequest

NOW = datetime(2034, 4, 10, 10, 0)
ENT = "enterprise"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("大家午安，請問有沒有推薦的工業除濕機品牌？廠房最近回南天好潮濕，地板都在冒水😩", "chatter"),
        ("大家有去過廣交會的嗎？想問問值不值得去，攤位要顧五天蠻累的", "chatter"),
        ("家人们 假期加班的饮料厂 车间太热了有没有好的降温方案 工业风扇还是冷风机？", "chatter"),
        (
            "求几样东西报价，数量看价格定：\n• 线性模组 KK60 行程300\n• 直线导轨 HGR20 长度1000\n能做的老板私信",
            "procurement",
        ),
        (
            "丰禾物流招标公告（简版）\n项目：分拣中心保洁外包服务\n服务面积：约12000㎡\n投标截止：2034年5月19日下午5点",
            "procurement",
        ),
        ("魏姐 嘉实多的全合成有8桶现货，剩下两桶下午调，导轨油液压油都有", "chatter"),
        ("小吴 双钱12R22.5 1480一条含安装，四十条给你1420，今天下单明天就能去", "chatter"),
        ("苏主管您好，我们坤鹏货架专业做横梁式和阁楼货架15年，可免费上门测量出方案", "chatter"),
    ],
)
def test_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


@pytest.mark.parametrize(
    "text",
    [
        "@宏图汽配-唐总 唐总你们可以去问下人社局有没有返岗包车，往年好像有补贴的，我们去年就是去申请的",
        "@东岳铸造-马厂长 马厂长 你去问下环保局嘛，废砂属不属于危废他们说了算，是一般固废的话建材厂有收的",
    ],
)
def test_telling_a_member_where_to_ask_is_advice(an: Analyzer, text: str) -> None:
    mention = text.split()[0].lstrip("@")
    assert an.analyze(text, now=NOW, role=ENT, mentions=[mention]).label == "chatter"


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("@供电公司-罗工 罗工，监测仪装好了，谢谢", False),
        ("北门昨晚试了，12点多员工刷卡进出没问题，谢谢冯主任🙏", True),
        ("网今日下午好返了，多谢冯主任[抱拳]", True),
        ("团体标准辅导搞完了，标准化院老师提了很多建议，谢谢郭科", True),
        ("@商务局-冯科长 冯科长，今天对接会上一家连锁药企把我们2吨白及全要了，合同都签了，太感谢了！🙏🙏", True),
        ("白及全要了，谢谢各位老板", False),  # thanks to the members: the seller's news
        ("价格没问题，谢谢", False),
        ("还没搞完，下周再说", False),
    ],
)
def test_confirmations(an: Analyzer, text: str, resolved: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolved


def test_a_further_ask_is_no_follow_up(an: Analyzer) -> None:
    earlier = OpenRequest(NOW - timedelta(days=1), "市场监管局", frozenset({"抽检"}), "上周区里抽检我们一批黄芪")
    text = (
        "@市场监管局-葛科 葛科，还有个事麻烦下，我们车间那台蒸汽锅炉年检到期了，打特检所电话说排到4月中，"
        "可我们3月底就到期，能不能帮协调快一点？"
    )
    a = an.analyze(text, now=NOW, role=ENT, mentions=["市场监管局-葛科"], open_request=earlier)
    assert a.label == "request" and not a.nudge


def test_a_rule_written_twice_stops_the_load() -> None:
    rule = {"name": "req.twice", "target": "request", "weight": 1.0, "when": ["ask"]}
    with pytest.raises(ValueError, match=r"req\.twice"):
        RuleSet({"rules": [rule, dict(rule)]})


@pytest.mark.parametrize("text", ["东门道闸又不认车牌了，今早三台货车堵在门口", "仓库顶上又开始漏水了"])
def test_the_trouble_back_is_unresolved(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).unresolved
