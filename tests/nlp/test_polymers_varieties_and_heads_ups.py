"""Session 39: resins named by their abbreviation (PA66, PP) are goods, not grades of the item before; 糯米粉 is no
米粉; a variety after its product (干辣椒 二荆条) leaves the product's name; 幅 and 棒 count goods; a rating and a
drive between a machine and its count (叉车 3吨 柴油 … 2台) are specs; a lone word between two amounts names the
second (带皮 3吨 猪后腿 2吨); a ton written T stays T; finished goods of a resin (PP奶茶杯) are the goods.
A heads-up to the members (…各家注意), where to park on a visit,
a supplier short of a buyer's amount (我这凑不够十吨哦 统货要不要), a guess at where to ask (应该找林业站吧) and a
4.2米的 vehicle to hire are chatter; a broken barrier gate (道闸) is the park's; a notice after a greeting (辛苦了 …
另外通知一下：) is policy, and a notice still to come told to someone who asked is an answer."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal as D

import pytest

from nlp import Analyzer
from nlp.extract import extract_items
from nlp.threads import asks_recheck

NOW = datetime(2036, 3, 10, 10, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1 PP 注塑级 20吨\n2 PA66 加纤30% 5吨\n3 色母 黑色 500公斤",
            [("PP", 20, "吨"), ("PA66", 5, "吨"), ("色母", 500, "公斤")],
        ),
        ("清明青团要备料了：糯米粉 水磨 25kg/袋 120袋", [("糯米粉", 120, "袋")]),
        ("再来一单 干辣椒 二荆条 5000斤 八角 300斤", [("干辣椒", 5000, "斤"), ("八角", 300, "斤")]),
        ("冷库门帘 PVC 2米*3米 15幅，防冻手套 100双", [("冷库门帘", 15, "幅"), ("防冻手套", 100, "双")]),
        ("萌发菌 200袋，蜜环菌 菌材 500棒", [("萌发菌", 200, "袋"), ("蜜环菌", 500, "棒")]),
        (
            "急购：\n深沟球轴承 6205-2RS 2000套\n6308 开式 500套",
            [("深沟球轴承", 2000, "套"), ("深沟球轴承", 500, "套")],
        ),
        ("求购二手叉车 3吨 柴油 合力或杭叉 2台，电动堆高车 1.5吨 1台", [("叉车", 2, "台"), ("电动堆高车", 1, "台")]),
        ("问下有没有做新能源物流车的：4.2米纯电厢式货车 3台，3吨轻卡 2台", [("厢式货车", 3, "台"), ("轻卡", 2, "台")]),
        ("收购 五花肉 带皮 3吨 猪后腿 2吨 冻品也行", [("五花肉", 3, "吨"), ("猪后腿", 2, "吨")]),
        ("白芷 统 5T、当归 归头 2T", [("白芷", 5, "T"), ("当归", 2, "T")]),
        (
            "奶茶店备货：PP奶茶杯 20万个，ABS安全帽 100顶，PP颗粒 20吨",
            [("奶茶杯", 200000, "个"), ("安全帽", 100, "顶"), ("PP颗粒", 20, "吨")],
        ),
    ],
)
def test_items(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(i.name, i.quantity, i.unit) for i in extract_items(text)] == [(n, D(q), u) for n, q, u in expected]


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("有没有人晓得哪里能租到4.2米的冷藏车，想租一个月", ENT, "chatter"),
        ("物流园北门那个道闸坏了三四天了，一直抬起的，晚上大车乱进乱停，早上我们的车都出不去", ENT, "request"),
        ("又要抽检了哇，我们原料批批都有检测报告，不虚", ENT, "chatter"),
        ("王科 停车场满了 车停哪点哦", ENT, "chatter"),
        ("各位在会场没有，我在区政府门口，哪个下来帮我刷下门禁", ENT, "chatter"),
        ("停水了停水了 冷库冷却塔的补水只够撑到中午 各家注意", ENT, "chatter"),
        ("罗站长 选货我这凑不够十吨哦 统货要不要", ENT, "chatter"),
        ("邓社长 这个应该找林业站吧", ENT, "chatter"),
        ("群里好像没得林业站的人哦", ENT, "chatter"),
        ("中午吃啥 食堂又是土豆？", ENT, "chatter"),
        (
            "各位老板 一季度辛苦了💪 另外通知一下：4月1号起园区东门改造施工，为期两周，期间货车请走南门进出。",
            OFF,
            "policy",
        ),
        ("油茶低改今年还有的，每亩补600，7月初发申报通知，到时候合作社把地块清单、农户名单准备好就行", OFF, "answer"),
    ],
)
def test_labels(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("物流园北门那个道闸坏了三四天了，一直抬起的，早上我们的车都出不去", "园区管委会"),
        (
            "想请教一下，我们合作社在油茶林里头想修一条作业便道，要占一点林地，这个要办啥子手续？找哪个部门？",
            "自然资源局",
        ),
    ],
)
def test_owners(an: Analyzer, text: str, department: str) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert (a.label, a.department) == ("request", department)


@pytest.mark.parametrize(
    ("text", "role", "flag"),
    [
        (
            "【通知】3月10日起城区货车限行时段调整。冷链及城市配送车辆已备案的可凭电子通行证通行，未备案的请尽快办理。",
            OFF,
            False,
        ),
        ("@博远电机-周姐 有的，3月14号有一场专场招聘会，我把你们加到名单里，岗位信息整理好了发我一下", OFF, False),
        ("分布式光伏并网先在APP提交并网申请，10个工作日内出方案，装完验收合格再办并网调试。", OFF, False),
        ("今早在二环被拍了[捂脸] 我的车明明备了案的 通行证咋个显示过期了哦", ENT, False),
        ("路灯已经修好的", OFF, True),
        ("路修好了 车可以正常通行了", ENT, True),
    ],
)
def test_resolution(an: Analyzer, text: str, role: str, flag: bool) -> None:
    assert an.analyze(text, now=NOW, role=role).resolution is flag


def test_who_spoke_of_a_pre_check_asks_none() -> None:
    assert not asks_recheck("我们的变更材料上周交了，预审的小刘说设备布局图要重画，请问有没有模板参考？")
    assert asks_recheck("汤圆线的变更材料网上交了，节后麻烦安排核查")
