"""An amount given each (各) is one item per name or listed variant; portions, quilts and jars are counted."""

from __future__ import annotations

import pytest

from nlp.each import variant_spec, variants
from nlp.extract import extract_items
from tests.nlp.test_extract import D, nqu


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收黄蓍 川牛膝 各一吨 统货", [("黄芪", D(1), "吨"), ("川牛膝", D(1), "吨")]),  # names parted by spaces
        ("氧气 乙炔 各100瓶，周五前送到", [("氧气", D(100), "瓶"), ("乙炔", D(100), "瓶")]),
        ("要一批钢板，12mm 和 16mm 各50吨", [("钢板", D(50), "吨"), ("钢板", D(50), "吨")]),  # two thicknesses
        ("粽子（鲜肉、蛋黄）真空装 各3000个", [("粽子", D(3000), "个"), ("粽子", D(3000), "个")]),  # two fillings
        ("生铁 Z14 Z18 各一百吨", [("生铁", D(100), "吨"), ("生铁", D(100), "吨")]),  # two grades
        ("要买冷轧板啊1.0的和1.5的各要10吨", [("冷轧板", D(10), "吨"), ("冷轧板", D(10), "吨")]),
        (
            "求购电子线 红、黑各200卷",
            [("电子线", D(200), "卷"), ("电子线", D(200), "卷")],
        ),  # goods not in the dictionary
        ("BV 4平方 红黄蓝 各10卷", [("电线", D(10), "卷")]),  # colours run together: one wire
        ("当归 统货 各1吨", [("当归", D(1), "吨")]),  # one grade: one item
    ],
)
def test_each_amount(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_each_variant_keeps_its_own_spec() -> None:
    specs = [i.spec for i in extract_items("粽子（鲜肉、蛋黄）真空装 各3000个")]
    assert specs == ["鲜肉 真空装", "蛋黄 真空装"]
    assert [i.spec for i in extract_items("收黄蓍 川牛膝 各一吨 统货")] == ["统货", "统货"]  # not each other's name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("钢板，12mm 和 16mm ", ["12mm", "16mm"]),
        ("求购电子线 红、黑", ["红", "黑"]),
        ("生铁 Z14 Z18 ", ["Z14", "Z18"]),
        ("当归 统货 ", []),
        ("当归、", []),  # a list that ends on its separator lists nothing yet
    ],
)
def test_variants(text: str, expected: list[str]) -> None:
    assert variants(text, 0, len(text))[0] == expected


def test_variant_spec() -> None:
    assert variant_spec("鲜肉 蛋黄 真空装", "蛋黄", ["鲜肉", "蛋黄"]) == "蛋黄 真空装"
    assert variant_spec(None, "Z14", ["Z14", "Z18"]) == "Z14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("腊味礼盒 2kg 200份，1月10日前要", [("腊味礼盒", D(200), "份")]),  # portions are counted; 2kg is each one's
        ("采购冷链保温被 2x3米 200床", [("冷链保温被", D(200), "床")]),
        ("泡菜（2.5kg坛装）2000坛", [("泡菜", D(2000), "坛")]),
        ("M8螺絲 5000顆", [("螺丝", D(5000), "顆")]),  # a Traditional unit is a unit (kept as written)
        ("帮客户问：4.2米二手冷藏车2台", [("冷藏车", D(2), "台")]),  # the size, a spec word, the truck, its count
        ("补一份清单：\n花椒油 2.5L/桶 300桶", [("花椒油", D(300), "桶")]),  # 一份 before a noun is an article
    ],
)
def test_count_units(text: str, expected: list) -> None:
    assert nqu(text) == expected
