"""Session 33: an office's reply by name (小吴，跟交警商量了…) or reporting what it arranged is an answer, a bracketed
notice tag (【…公告】) a notice; "1个百分点" and goods already arrived are no wanted amounts; 蔸 and 棵 count seedlings;
machines offered for trial and a price list headed 批发价： are sellers'; a tip to everyone (大家…注意) asks nothing;
an ask of "which department" over several offices' matters goes to none; buying verbs, time words and a company's
name in a header stay out of an item's name; checks passed, work restarted and worries gone confirm a fix."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nlp import Analyzer, extraction
from nlp.threads import OpenRequest

NOW = datetime(2034, 5, 16, 10, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        (
            "小吴，跟交警和施工方商量了，每天早上6-8点、晚上8-10点放行大货车走施工路段，其他时间绕行。具体方案下午发群里",
            OFF,
            "answer",
        ),
        (
            "钟姐，跟食堂承包方谈好了，9月14日到9月30日晚上延长到9点，各企业把加班人数每天下午4点前报给食堂。",
            OFF,
            "answer",
        ),
        (
            "【稳岗返还拨付公告】2026年第二批稳岗返还资金已拨付，共涉及全区136家企业，请企业查收对公账户。",
            OFF,
            "policy",
        ),
        (
            "@孙会计 收购农产品开具的收购发票可以抵扣，用于生产13%税率货物的，可以加计1个百分点按10%扣除。",
            OFF,
            "answer",
        ),
        ("上周那2吨浙贝已经到货了，货不错，谢谢谭哥[强]", ENT, "chatter"),
        ("还差麦冬苗，要川麦冬的，15万蔸，后天要，哪个有？", ENT, "procurement"),
        ("今日鲜肉批发价：\n白条 13.2元/斤\n前腿肉 15.5元/斤\n后腿肉 16元/斤\n要货的提前一天下单", ENT, "chatter"),
        (
            "天府云仓扩租了一个冷库，要配货架：\n重型横梁货架 四层 60组\n冷库专用塑料托盘 1200*1000 1500个",
            ENT,
            "procurement",
        ),
        ("@农技中心-唐老师 唐老师，刚栽的丹参苗遭地老虎咬断了好多，有没有啥子办法？", ENT, "request"),
        ("明天有雨，大家地里注意清沟排水哈，莫又烂根了", ENT, "chatter"),
        ("提醒下各位，上规奖励的材料要盖骑缝章，我们去年就是因为这个被退回来一次😂", ENT, "chatter"),
        ("何科，我们公司能派个副总去不？老板那天在外地", ENT, "chatter"),
    ],
)
def test_labels(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "department"),
    [
        (
            "我们合作社想建个初加工中心，用地要找自规局，环评要找环保，电要找供电，区里能不能几个部门一起来现场看一下？",
            None,
        ),
        (
            "中秋期间城区货车几点限行、高速免费那几天货车能不能走、司机加班费咋个算，有没有哪个部门统一给我们讲一下嘛？",
            None,
        ),
        ("我们第一次接越南的单子，报关找哪个、出口退税找哪个、外汇咋个收，哪个部门能帮忙理一下嘛", None),
        ("国庆停产检修几天，停产期间的安全检查有啥子要求？值班工人加班工资咋个算？哪个部门能一起说一下", None),
        ("问一下市监局，我们想牵头几家做萝卜干的企业搞一个团体标准，要走哪些程序？", "市场监管局"),
    ],
)
def test_routing(an: Analyzer, text: str, department: str | None) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == "request"
    assert a.department == department


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("急购白砂糖 一级 10吨（50kg/袋），周四前要到", [("白砂糖", 10, "吨")]),
        ("节后要订黄油（无盐）50箱，25公斤一箱", [("黄油", 50, "箱")]),
        ("帮朋友问下，他们单位要订月饼200盒，单价100元/盒左右的", [("月饼", 200, "盒")]),
        ("蜀乡收鲜辣椒：二荆条 100吨，1.8元/斤", [("辣椒", 100, "吨")]),
        ("@凯旋包装-胡姐 你们的五层瓦楞纸箱能不能做？规格 60*40*40 5000个", [("纸箱", 5000, "个")]),
        ("渝蓉补轮胎：12R22.5 全钢子午线 40条", [("轮胎", 40, "条")]),
        ("还差麦冬苗，15万蔸，后天要", [("麦冬苗", 150000, "蔸")]),
        ("桂花树苗 500棵", [("桂花树苗", 500, "棵")]),
        ("国庆备货：\n新米 5kg装 3000袋\n腊肉 2000斤", [("大米", 3000, "袋"), ("腊肉", 2000, "斤")]),
        ("连蓉馅 1000kg，山奈 500公斤", [("莲蓉馅", 1000, "kg"), ("山柰", 500, "公斤")]),
        ("川力电机采购漆包铜圆线：QZY-2/180 0.75mm 8吨", [("漆包线", 8, "吨")]),
        ("@金川药材-老谭 再给我找1吨一样的货，下周五前要", []),
    ],
)
def test_item_names(text: str, items: list[tuple[str, int, str]]) -> None:
    assert [(i.name, int(i.quantity or 0), i.unit) for i in extraction.items(text)] == items


def test_a_header_naming_the_buyer_names_no_goods() -> None:
    names = [i.name for i in extraction.items("智链求购：西门子 S7-1200 CPU 1214C 30台，研华工控机 IPC-610L 10台")]
    assert "智链" not in names and "研华工控机" in names


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("审过了！谢谢陈科[强][强]", True),
        ("太好了！冰皮月饼可以开工了，感谢审批局，效率高[强]", True),
        ("去看了，划得巴适，再也不得贴条了，谢谢孔主任🙏", True),
        ("昨晚工人们坐上22:30的末班车了，大家都说安逸，谢谢陈科！", True),
        ("好嘞，那省事多了！谢谢邓科，我马上跟客户回话👍", True),
        ("红旗超市签了供货协议，每周送三次，菜不愁卖了！谢谢刘股长", True),
        ("昨晚检修完，今天一上午都没晃过了，谢谢曾师傅连夜加班👍", True),
        ("审过了没？", False),
    ],
)
def test_confirmations(an: Analyzer, text: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolution


@pytest.mark.parametrize(
    ("ask", "text"),
    [
        (
            "@经信局-何科 何科，我们明年想申报专精特新，材料清单要准备哪些？",
            "@经信局-何科 何科，专精特新那个材料清单麻烦有空回一下哈",
        ),
        ("园区西路我们门口那段排水沟堵死了，下个小雨水就漫到车间门口，这个归哪个管哦", "园区物业有没有人管下排水沟哦"),
    ],
)
def test_urging_a_reply_follows_the_open_request_up(an: Analyzer, ask: str, text: str) -> None:
    first = an.analyze(ask, now=NOW, role=ENT)
    assert first.label == "request"
    mine = OpenRequest(NOW - timedelta(days=1), first.department, frozenset(first.subjects))
    a = an.analyze(text, now=NOW, role=ENT, open_request=mine)
    assert a.label == "chatter" and a.nudge
