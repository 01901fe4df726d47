"""Session 36: a seller's minimum order (万个起发) and stock words (要的提前订, 新货到) are offers while a buyer's
restock (补库存) and "再来10吨" order; goods to arrive on site (9月下旬进场, 国庆前进场) are delivered by then;
lunar festivals resolve for any year; a Chinese range gives its low end (三到四百吨 → 300); a code glued to a name
is a spec (乳化液DX-4, 冷轧板SPCC, 防寒棉服XL); countries are origins (澳洲牛奶); 生日 is no raw 生; a batch's share
(第一批八月底前15吨) is no item; "8:00只办理" holds no amount; peers' tips and questions (有没有车队老板在用…,
你先打电话问下) and a nudge naming the earlier ask (年前问的…的事) are chatter; "要走啥子程序" asks."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from nlp import Analyzer
from nlp.extract import extract_items
from nlp.numbers import lower_bound

NOW = datetime(2032, 9, 5, 10, 0)
ENT = "enterprise"
OFF = "official"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("出鲜艾草 菖蒲 端午挂门口的 一捆2块 要的提前订 13541196287", "chatter"),
        ("新货到：\n川芎 个子 统货 2吨 28元/kg\n白芍 切片 1吨 35元/kg\n要的赶紧，先到先得", "chatter"),
        ("节后补库存：\n猪肉馅 7:3肥瘦 15吨\n芹菜 6吨\n干香菇 1吨\n下周一前到 谢谢各位老板", "procurement"),
        ("@金穗粮油-老金 金老板 再来10吨糯米 明天能到不", "procurement"),
        ("彩钢板 V840 0.5mm 8000平方，檩条 C型 160 20吨，9月下旬进场", "procurement"),
        ("有没有车队老板在用北斗加油耗监控的，哪家平台好用点", "chatter"),
        ("有没有人出过锂电池的货？危包证找哪家做比较快", "chatter"),
        ("@华曜医疗-邝丽 我们去年是在政务大厅那个窗口办的，要企业统一申请，你先打电话问下要么子材料", "chatter"),
        ("@市场监管局-许科 许科过年好，年前问的当归二氧化硫复检的事，您看节后能安排吗", "chatter"),
        ("@林业站-邓工 邓工，我们合作社想在后山那片集体林下种重楼，大概50亩，是商品林，要走啥子程序", "request"),
    ],
)
def test_enterprise_labels(an: Analyzer, text: str, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).label == label


def test_a_minimum_order_is_an_offer_not_a_need(an: Analyzer) -> None:
    a = an.analyze("冰袋厂家直销 400ml注水冰袋 0.45元/个 支持定制印logo 万个起发", now=NOW, role=ENT)
    assert any(h.rule == "proc.moq" for h in a.hits)
    b = an.analyze("又来一单，腊肉礼盒 2000盒，有SC的同行可以一起做，私聊", now=NOW, role=ENT)
    assert not any(h.rule == "proc.moq" for h in b.hits)  # 一起做 is no "1 起做"


def test_a_time_is_no_amount(an: Analyzer) -> None:
    a = an.analyze(
        "元旦假期卡口安排：12月31日17:00至1月3日8:00只办理鲜活及急需货物进出区，其他业务请提前安排。", now=NOW, role=OFF
    )
    assert a.label == "policy"


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("彩钢板 8000平方，檩条 20吨，9月下旬进场", date(2032, 9, 30)),
        ("钢筋 HRB400E Φ16 50吨，Φ12 30吨，国庆前进场", date(2032, 9, 30)),
        ("月饼礼盒 2000盒，中秋前送到", date(2032, 9, 18)),  # 中秋 2032 is 9-19: no table of years needed
        ("腊肉 5吨，春节前要到", date(2033, 1, 30)),
    ],
)
def test_delivery_on_site_and_festivals_of_any_year(an: Analyzer, text: str, deadline: date) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == "procurement" and a.deadline == deadline


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("今年冬菜季要收芥菜，三到四百吨", [("芥菜", Decimal(300), "吨")]),
        ("要收花椒 两到三千斤", [("花椒", Decimal(2000), "斤")]),
        ("要收白芷 10-15万斤", [("白芷", Decimal(100000), "斤")]),
        ("求购 钼丝 0.18mm 50卷，乳化液DX-4 200公斤", [("钼丝", Decimal(50), "卷"), ("乳化液", Decimal(200), "公斤")]),
        ("急求 冷轧板SPCC 1.5mm 20吨", [("冷轧板", Decimal(20), "吨")]),
        ("求购防寒棉服XL/XXL 150套", [("防寒棉服", Decimal(150), "套")]),
        ("要手持PDA 20台", [("手持PDA", Decimal(20), "台")]),  # a product word, no code
        (
            "求购：澳洲牛奶 1L*12 200箱，韩国海苔 礼盒装 300盒",
            [("牛奶", Decimal(200), "箱"), ("海苔", Decimal(300), "盒")],
        ),
        (
            "国庆备货：蛋糕盒 2000个，生日蜡烛 1万支",
            [("蛋糕盒", Decimal(2000), "个"), ("生日蜡烛", Decimal(10000), "支")],
        ),
        ("火锅底料厂要牛油 五十吨，分三批交，第一批八月底前15吨", [("牛油", Decimal(50), "吨")]),
        ("艾草足贴 1万贴，下周内要", [("艾草足贴", Decimal(10000), "贴")]),
    ],
)
def test_items(text: str, want: list[tuple[str, Decimal, str]]) -> None:
    assert [(i.name, i.quantity, i.unit) for i in extract_items(text)] == want


def test_a_glued_code_moves_to_the_spec() -> None:
    (item,) = extract_items("急求 冷轧板SPCC 1.5mm 20吨")
    assert item.spec is not None and item.spec.startswith("SPCC")


def test_a_chinese_range_low_end() -> None:
    key = "三到四百吨"
    assert lower_bound(key, key.index("四"), "四百") == Decimal(300)
    assert lower_bound("四百吨", 0, "四百") is None
