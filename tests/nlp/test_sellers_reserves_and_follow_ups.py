"""Session 33, second round: a grower's or a dealer's offer (出川芎统货20吨, 出一台二手…, 有没有要二手冷库机组的,
需要的厂家联系我) is no list, goods kept aside for the sender (给我们留8吨) are; workers wanted (加80个包粽子的工人,
缺30个装配工) are staff, machines one has (我们车间有12台电子秤) are no order; an office's bracketed notice is no chat;
"之前不晓得能这么开" asks nothing; "去年报的高企，结果出来了没有" asks after an application; 台斤, 号箱 and 血橙 name
amounts and goods; a Traditional request's utility is its matter; "N套够了" and "找齐了" meet a buyer's need."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from nlp import Analyzer, extraction
from nlp.threads import OpenRequest, utilities

NOW = datetime(2035, 1, 31, 11, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        ("出川芎统货20吨，今年新货，19.5元/公斤，量大可谈，电话 1390 816 5520", ENT, "chatter"),
        ("出一台二手光纤激光切割机，3000W，2021年的，成色很好，有兴趣的私聊", ENT, "chatter"),
        ("有没有要二手冷库机组的，比泽尔半封闭活塞机两台，拆下来的，能用", ENT, "chatter"),
        ("新青花椒烘干货出来了，一级色泽好，今年行情65-70元/公斤，需要的厂家联系我，量大优惠", ENT, "chatter"),
        ("@付社长 付社长，青花椒一级给我们留8吨，68块一公斤可以的话我们就定了，下周五前送到", ENT, "procurement"),
        ("@老坛酸菜-谢姐 谢姐，你们家的老坛泡菜给我留20坛，过年走亲戚用，钱微信转你", ENT, "procurement"),
        ("周科，招聘会给我们留2个展位哈", ENT, "chatter"),
        ("有冇人晓得哪家做喷涂外协的靠谱？我们喷涂线检修要停半个月", ENT, "chatter"),  # Cantonese 冇: 没有
        ("人社局的领导，我们端午要临时加80个包粽子的工人，能不能帮忙在零工驿站发个信息", ENT, "request"),
        ("请问市监局，我们车间有12台电子秤，去年10月检定的，今年端午前要不要再检一次？", ENT, "request"),
        ("符工请教一下，包装上是不是必须单独标致敏物质提示？还是推荐标就行？", ENT, "request"),
        ("【抽检结果】11月肉制品专项抽检共抽样42批次，合格41批次。本群企业全部合格，请继续保持。", OFF, "policy"),
        ("【双11网络销售提醒】各食品企业网店请注意：1. 网店首页亮照亮证；2. 预包装食品标签与实物一致。", OFF, "policy"),
        ("收购发票我们有资格，之前不晓得能这么开，好了，问题解决了，谢谢吴科", ENT, "chatter"),
        ("问下科技局，我们去年报的高企，结果出来了没有？网上没查到", ENT, "request"),
        ("昨晚降温降狠了，白芷苗冻蔫了一大片 @农业农村局-何站 何站，能不能派个农技员来看看", ENT, "request"),
        ("「集群办-郑晓雯：联席会议纪要稍后发群里」\n- - - - - - - - - -\n纪要发了吗？没找到", ENT, "chatter"),
    ],
)
def test_labels(an: Analyzer, text: str, role: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=role).label == label


def test_a_plant_disease_asked_after_a_training_goes_to_agriculture(an: Analyzer) -> None:
    text = "唐老师，昨天培训说的那个白绢病用的噻呋酰胺，镇上农资店说莫得货，地里已经开始倒苗了，有没有别的药可以替代？"
    assert an.router.route_specs(text, ())[0] == "农业农村局"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("台湾中药行采购：白芍 片 500台斤", [("白芍", 500, "台斤")]),
        ("纸箱采购：3号箱 十万个，5号箱 八万个", [("纸箱", 100000, "个"), ("纸箱", 80000, "个")]),
        ("收泡菜坛 500个；顺便收粗盐 25kg/袋 200袋", [("泡菜坛", 500, "个"), ("粗盐", 200, "袋")]),
        ("收本地血橙，果径80-85，5000斤，12月5号前要", [("血橙", 5000, "斤")]),
        ("大米 一级粳米 5kg袋装 2000袋\n菜籽油 5L桶装 300桶", [("大米", 2000, "袋"), ("菜籽油", 300, "桶")]),
    ],
)
def test_items(text: str, items: list[tuple[str, int, str]]) -> None:
    assert [(i.name, int(i.quantity or 0), i.unit) for i in extraction.items(text)] == items


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("金银花苗订好了，邻县苗圃的北花一号，5万株够了，谢谢大家推荐[抱拳]", True),
        ("礼盒包装已经找齐了，3000套够了，谢谢推荐的厂家", True),
        ("5万株够了吗？", False),
    ],
)
def test_need_met(an: Analyzer, text: str, met: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).need_met is met


@pytest.mark.parametrize(
    "text", ["收到了，登进去了，数据也报了，谢谢郭科[强]", "好了，放心了，根没事就行，谢谢何站和小熊[抱拳]"]
)
def test_confirmations(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution


def test_a_traditional_request_is_about_its_utility() -> None:
    assert utilities("園區網絡這兩天老是斷，我們ERP一天掉線好幾次") == utilities("网络正常了") == {"网"}


def test_asking_when_within_days_follows_up_the_same_matter(an: Analyzer) -> None:
    ask = "村里到我丹参基地那段村道，被拉药材的大车压烂了，下雨天三轮都进不去"
    mine = OpenRequest(NOW - timedelta(days=2), "交通运输局", frozenset({"村里", "大车"}), ask)
    again = an.analyze("@交通局-陈科 陈科，我们那条村道啥时候能修啊？", now=NOW, role=ENT, open_request=mine)
    assert again.label == "chatter" and again.nudge
    power = OpenRequest(NOW - timedelta(days=2), "供电公司", frozenset({"停电"}), "冷库停电了，啥时候来电？")
    new_cut = an.analyze("又停电了，冷库里的货咋整，啥时候来电？", now=NOW, role=ENT, open_request=power)
    assert not new_cut.nudge  # a new cut, not how the old one stands
