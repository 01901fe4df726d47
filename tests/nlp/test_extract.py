"""Procurement item extraction (nlp.extract) and the shipped vocabulary."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.extract import extract_items, vocabulary
from nlp.types import Item


def nqu(text: str) -> list[tuple[str, Decimal | None, str | None]]:
    return [(i.name, i.quantity, i.unit) for i in extract_items(text)]


def D(x: str | int) -> Decimal:
    return Decimal(str(x))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one-line demands
        ("求购黄芪统货5吨", [("黄芪", D(5), "吨")]),
        ("收川芎个子 3万斤 价格28元/公斤左右", [("川芎", D(30000), "斤")]),
        ("需要304不锈钢管 2000米", [("不锈钢管", D(2000), "米")]),
        ("求购甘肃岷县当归 统货 10吨，价格面议，联系13912345678", [("当归", D(10), "吨")]),
        ("收购板蓝根 3万斤，要求无霉变，4.5元/斤，月底前交货", [("板蓝根", D(30000), "斤")]),
        ("急需一级天麻三百公斤，本周五前要到厂", [("天麻", D(300), "公斤")]),
        ("求购麦冬统货 贰拾吨", [("麦冬", D(20), "吨")]),
        ("需要枸杞 特级 一吨半", [("枸杞", D("1.5"), "吨")]),
        ("收购鲜玉米 十来吨", [("玉米", D(10), "吨")]),
        ("要收白芷 2吨，@遂宁白芷-李哥 你那边还有没有货？", [("白芷", D(2), "吨")]),
        ("有没有山茱萸？要2吨，急", [("山茱萸", D(2), "吨")]),
        ("求购党参，有货的请报价，量不大，大概2吨", [("党参", D(2), "吨")]),
        ("本公司常年收购金银花，量大从优，每年需求50吨左右", [("金银花", D(50), "吨")]),
        # typos, trade names, variant characters, pinyin
        ("收川穹个子 3吨", [("川芎", D(3), "吨")]),
        ("收黄茋统货20吨 2.3万元/吨", [("黄芪", D(20), "吨")]),
        ("求购黄笺 1吨", [("黄芪", D(1), "吨")]),
        ("收云苓块 1000斤", [("茯苓", D(1000), "斤")]),
        ("收淮山 5吨，铁棍的", [("山药", D(5), "吨")]),
        ("求购白朮 切片 3吨", [("白术", D(3), "吨")]),
        ("求购当gui（全归）5吨", [("当归", D(5), "吨")]),
        # Traditional input: names become Simplified, units stay as written
        ("求購白朮 切片 貳噸，當歸 一噸", [("白术", D(2), "噸"), ("当归", D(1), "噸")]),
        ("詢價：黃耆 選貨 800公斤、枸杞 特級 300公斤", [("黄芪", D(800), "公斤"), ("枸杞", D(300), "公斤")]),
        ("求購 冷凍雞翅中 5噸，28元/公斤", [("鸡翅中", D(5), "噸")]),
        # several items in one line
        ("当归、党参各2吨", [("当归", D(2), "吨"), ("党参", D(2), "吨")]),
        ("需要金银花、连翘各500公斤", [("金银花", D(500), "公斤"), ("连翘", D(500), "公斤")]),
        ("收黄芪统货5吨、选货3吨", [("黄芪", D(5), "吨"), ("黄芪", D(3), "吨")]),
        ("收购黄芪5吨 党参3吨", [("黄芪", D(5), "吨"), ("党参", D(3), "吨")]),
        ("要买5台冷风机和10台冷柜", [("冷风机", D(5), "台"), ("冷柜", D(10), "台")]),
        ("采购缠绕膜 50cm宽 23μ 300卷，PP打包带 100卷", [("缠绕膜", D(300), "卷"), ("打包带", D(100), "卷")]),
        # numbered lists
        (
            "转发一个采购需求：\n某饮片厂求购\n1. 黄芪 统货 5吨\n2. 当归 全归 2吨\n3. 党参 选货 3吨\n"
            "4月15日前交货，联系人王经理 139 1234 5678",
            [("黄芪", D(5), "吨"), ("当归", D(2), "吨"), ("党参", D(3), "吨")],
        ),
        (
            "药厂采购：\n① 黄芩 统货 2吨\n② 柴胡 北柴胡 1吨\n③ 甘草片 3吨",
            [("黄芩", D(2), "吨"), ("柴胡", D(1), "吨"), ("甘草", D(3), "吨")],
        ),
        ("一、黄芪 5吨\n二、党参 1.5吨", [("黄芪", D(5), "吨"), ("党参", D("1.5"), "吨")]),
        ("黄芪采购需求：\n统货 5吨\n选货 3吨", [("黄芪", D(5), "吨"), ("黄芪", D(3), "吨")]),
        # food, manufacturing, logistics, packaging
        (
            "食堂采购：大米 5吨、面粉 2吨、食用油 100桶",
            [("大米", D(5), "吨"), ("面粉", D(2), "吨"), ("食用油", D(100), "桶")],
        ),
        ("采购面粉 25kg/袋 400袋", [("面粉", D(400), "袋")]),
        ("需要500ml纯净水 2000箱", [("纯净水", D(2000), "箱")]),
        ("采购三相异步电机 YE3-132M-4 7.5kW 20台，单价2800元/台", [("三相异步电机", D(20), "台")]),
        ("询价 西门子S7-1200 PLC 10套，7寸触摸屏 10台", [("PLC", D(10), "套"), ("触摸屏", D(10), "台")]),
        ("收YJV 3×95+1×50电缆 800米，急", [("电缆", D(800), "米")]),
        ("要一批 M12×40 高强螺栓 8.8级，八千套", [("高强螺栓", D(8000), "套")]),
        ("304不锈钢管 Φ57×3 200米，316L不锈钢管 Φ32×2 150米", [("不锈钢管", D(200), "米"), ("不锈钢管", D(150), "米")]),
        ("需要9.6米冷藏车 3台，成都到重庆，每周两趟", [("冷藏车", D(3), "台")]),
        ("收二手4.2米厢式货车 5台，车龄3年内，预算6万元/台", [("厢式货车", D(5), "台")]),
        ("需要電動叉車 3噸 2台，租賃也可以", [("电动叉车", D(2), "台")]),
        ("求购重型横梁式货架 高4.5米 200组", [("货架", D(200), "组")]),
        ("询价：五层瓦楞包装箱 40×30×25cm 一万个", [("包装箱", D(10000), "个")]),  # 五层瓦楞: in the spec
        ("公司要採購 一千件 禮盒裝臘肉 500g/盒", [("腊肉", D(1000), "件")]),
        ("采购复合铝箔包装袋 500g/袋 10万个", [("复合铝箔包装袋", D(100000), "个")]),
        ("求购二手注塑机 海天 200吨 2台", [("注塑机", D(2), "台")]),
        ("求购三七 40头 500公斤", [("三七", D(500), "公斤")]),
        ("采购空压机 37kW 1台 储气罐 1立方 1个", [("空压机", D(1), "台"), ("储气罐", D(1), "个")]),
        ("聚氨酯保温板 100mm 3000平方米，冷风机 8台", [("保温板", D(3000), "平方米"), ("冷风机", D(8), "台")]),
        ("收购生猪 200头，体重120公斤以上", [("生猪", D(200), "头")]),
        ("求购云苓 500KG", [("茯苓", D(500), "KG")]),  # the unit as written
        ("采购木托盘 1200×1000 1000片", [("木托盘", D(1000), "片")]),
        ("求购中药材：黄芪3吨，党参2吨，甘草1吨", [("黄芪", D(3), "吨"), ("党参", D(2), "吨"), ("甘草", D(1), "吨")]),
        (
            "本公司需采购以下物资：\n1、工作服 200套\n2、安全帽 200顶",
            [("工作服", D(200), "套"), ("安全帽", D(200), "顶")],
        ),
        (
            "求购：黄芪（统货）5吨；党参（选货）3吨；当归2吨。",
            [("黄芪", D(5), "吨"), ("党参", D(3), "吨"), ("当归", D(2), "吨")],
        ),
        ("求购黄芪五吨、党参三吨", [("黄芪", D(5), "吨"), ("党参", D(3), "吨")]),
        ("急收一批鸡蛋，大概500箱", [("鸡蛋", D(500), "箱")]),
        ("黄芪 5T", [("黄芪", D(5), "T")]),
        # names that are not in the dictionaries
        ("需要XX 500件", [("XX", D(500), "件")]),
        ("采购PP粒子 20吨", [("PP粒子", D(20), "吨")]),
        ("要一千二百件劳保服", [("劳保服", D(1200), "件")]),
        # non-item numbers stay out
        ("采购大米 20吨，分2批送", [("大米", D(20), "吨")]),
        ("采购黄芪 5吨（分两批，每批2.5吨）", [("黄芪", D(5), "吨")]),
        ("采购黄芪 5吨\n合计：5吨", [("黄芪", D(5), "吨")]),
        ("需要周转筐 500个，尺寸600*400，承重30公斤", [("周转筐", D(500), "个")]),
        ("需要叉车司机2名", []),
        ("", []),
    ],
)
def test_names_quantities_units(text: str, expected: list[tuple[str, Decimal, str]]) -> None:
    assert nqu(text) == expected


def test_full_item_with_spec_and_price() -> None:
    assert extract_items("收川芎个子 3万斤 价格28元/公斤左右") == [
        Item("川芎", "个子", Decimal(30000), "斤", Decimal(28), "元/公斤")
    ]


@pytest.mark.parametrize(
    ("text", "price", "price_unit"),
    [
        ("求购黄芪统货5吨，28元/公斤", "28", "元/公斤"),
        ("收黄芪统货20吨 3.5万元/吨", "3.5", "万元/吨"),
        ("采购电机 20台，单价120元", "120", "元"),
        ("收购鲜玄参3万斤，收购价2.6元/斤", "2.6", "元/斤"),
        ("求购二手数控车床 CK6140 2台，每台预算8万元", "8", "万元"),
        ("收购茯苓 10吨，价格 5.5元一斤", "5.5", "元/斤"),
        ("采购快递袋 40×50cm 10万个，0.15元/个", "0.15", "元/个"),
    ],
)
def test_prices(text: str, price: str, price_unit: str) -> None:
    items = extract_items(text)
    assert len(items) == 1
    assert items[0].price == Decimal(price)
    assert items[0].price_unit == price_unit


def test_price_on_its_own_line_goes_to_the_item() -> None:
    items = extract_items("求购黄芪统货5吨\n价格28元/公斤左右")
    assert [(i.name, i.price, i.price_unit) for i in items] == [("黄芪", Decimal(28), "元/公斤")]


def test_specs_as_written() -> None:
    items = extract_items("求购白朮 切片 貳噸")
    assert items[0].spec == "切片"
    items = extract_items("需要304不锈钢管 2000米")
    assert items[0].spec == "304"
    items = extract_items("采购面粉 25kg/袋 400袋")
    assert items[0].spec == "25kg/袋"
    assert extract_items("采购大米 5吨")[0].spec is None


def test_origin_words_are_not_spec() -> None:
    items = extract_items("收汉源花椒 大红袍 一级 500公斤，95元/斤")
    assert items == [Item("花椒", "大红袍 一级", Decimal(500), "公斤", Decimal(95), "元/斤")]


def test_contact_and_deadline_lines_are_not_items() -> None:
    text = "采购清单：\n黄芪 5吨\n党参 3吨\n交货时间：6月30日前\n联系人：张经理 13912345678\n地址：园区3号仓库"
    assert nqu(text) == [("黄芪", D(5), "吨"), ("党参", D(3), "吨")]


def test_key_value_block() -> None:
    text = "品名：黄芪\n规格：统货\n数量：5吨\n单价：28元/公斤\n品名：党参 规格：选货 数量：3吨"
    assert extract_items(text) == [
        Item("黄芪", "统货", Decimal(5), "吨", Decimal(28), "元/公斤"),
        Item("党参", "选货", Decimal(3), "吨"),
    ]


def test_table_with_unit_column() -> None:
    text = "品名|规格|数量|单位|单价\n黄芪|统货|5|吨|28元/公斤\n党参|选货|3|吨|"
    assert extract_items(text) == [
        Item("黄芪", "统货", Decimal(5), "吨", Decimal(28), "元/公斤"),
        Item("党参", "选货", Decimal(3), "吨"),
    ]


def test_table_with_space_separated_rows() -> None:
    text = "序号 品名 规格 数量\n1 黄芪 切片 2吨\n2 党参 中条 1.5吨\n3 陈皮 三年陈 500kg"
    assert nqu(text) == [("黄芪", D(2), "吨"), ("党参", D("1.5"), "吨"), ("陈皮", D(500), "kg")]


def test_quoted_reply_takes_the_name_from_the_quote() -> None:
    text = "「汉源老周-花椒：出售今年新花椒，大红袍，有10吨…」\n- - - - - - - - - - - - - - -\n我要5吨，60一斤能走吗？"
    items = extract_items(text)
    assert [(i.name, i.quantity, i.unit, i.price, i.price_unit) for i in items] == [
        ("花椒", Decimal(5), "吨", Decimal(60), "元/斤")
    ]
    assert nqu_with_quote("我要5吨", "出售今年新花椒，有10吨") == [("花椒", D(5), "吨")]


def nqu_with_quote(text: str, quote: str) -> list[tuple[str, Decimal | None, str | None]]:
    return [(i.name, i.quantity, i.unit) for i in extract_items(text, quote=quote)]


def test_vocabulary_classes() -> None:
    vocab = vocabulary()
    assert set(vocab) == {"herb", "product", "spec", "unit", "origin"}
    assert {"川芎", "川穹", "芎䓖", "黄芪", "黄笺", "茯苓", "云苓", "山药", "淮山", "白术", "白朮"} <= vocab["herb"]
    assert len({line for line in vocab["herb"]}) >= 300
    assert {"不锈钢管", "纸箱", "托盘", "大米", "电机"} <= vocab["product"]
    assert {"统货", "选货", "个子", "切片", "一等", "特级", "鲜", "干"} <= vocab["spec"]
    assert {"吨", "斤", "公斤", "kg", "件", "箱", "台", "套", "个", "米", "托", "车"} <= vocab["unit"]
    assert {"甘肃", "岷县", "川", "亳州"} <= vocab["origin"]
    vocab["herb"].clear()  # callers get copies
    assert "川芎" in vocabulary()["herb"]


def test_dev_set_extraction() -> None:
    """Items, deadlines and phones on the labelled dev set (the held-out set is never read here)."""
    import json
    from datetime import datetime
    from pathlib import Path

    from nlp.dates import resolve_deadline
    from nlp.phones import extract_phone

    path = Path(__file__).resolve().parents[1] / "data" / "labelled" / "dev.jsonl"
    if not path.exists():
        pytest.skip("dev.jsonl not present")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = deadline_ok = phone_ok = 0
    for row in rows:
        now = datetime.fromisoformat(row["ts"])
        if row["label"] == "procurement":
            gold = [
                (i["name"], D(i["quantity"]) if i["quantity"] is not None else None, i["unit"]) for i in row["items"]
            ]
            for item in nqu(row["text"]):
                if item in gold:
                    gold.remove(item)
                    tp += 1
                else:
                    fp += 1
            fn += len(gold)
        # the analyzer asks for deadlines on procurement, policy and meeting messages only
        got = resolve_deadline(row["text"], now) if row["label"] in ("procurement", "policy", "meeting") else None
        deadline_ok += (got.isoformat() if got else None) == row["deadline"]
        phone_ok += extract_phone(row["text"]) == row["contact_phone"]
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    assert f1 >= 0.78  # dev's annotator drops material words from names (托盘 for 木托盘); the extractor keeps them
    assert deadline_ok / len(rows) >= 0.97
    assert phone_ok / len(rows) >= 0.97


def test_pack_size_spec_is_not_part_of_the_name() -> None:
    from nlp.extract import extract_items

    got = extract_items("求购：玉米淀粉 25kg/袋 3吨；酱油 10瓶/箱 50箱")
    assert [(i.name, i.spec) for i in got] == [("玉米淀粉", "25kg/袋"), ("酱油", "10瓶/箱")]


def test_trade_names_as_written() -> None:
    from nlp.extract import extract_items

    got = extract_items("收干辣椒 5吨、青菜头 20吨、枸杞子 300公斤；模具钢 2吨")
    assert [i.name for i in got] == ["干辣椒", "青菜头", "枸杞", "模具钢"]


def test_pack_count_spec_and_kv_block_named_above() -> None:
    from nlp.extract import extract_items

    got = extract_items("要纯净水 380ml*24瓶 200件")
    assert [(i.name, i.spec, i.unit) for i in got] == [("纯净水", "380ml*24瓶", "件")]
    got = extract_items("收购党参\n规格：统货\n数量：3吨\n价格：面议")
    assert [(i.name, i.spec, int(i.quantity or 0), i.unit) for i in got] == [("党参", "统货", 3, "吨")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("采购圆钢 Q235 30吨，Q345 12吨，月底到厂", [("圆钢", D(30), "吨"), ("圆钢", D(12), "吨")]),  # grade codes
        ("需要厢式货车 7.6米 国六 3台", [("厢式货车", D(3), "台")]),  # a size, then the count
        ("采购摄像头 400万像素 60个", [("摄像头", D(60), "个")]),  # a rating is a spec
        ("采购电机 7.5千瓦 20台", [("电机", D(20), "台")]),
        ("收菜籽油 30吨，分三批到货", [("菜籽油", D(30), "吨")]),  # 分三批 is a schedule
        ("采购玻璃瓶 8011型 5万个", [("玻璃瓶", D(50000), "个")]),  # a model code is not part of the name
    ],
)
def test_codes_ratings_and_schedules_are_not_items(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("采购 花椒 汉源红花椒 一级 500公斤", [("花椒", D(500), "公斤")]),  # the first word names it
        ("收 黄连 鸡爪连 三吨", [("黄连", D(3), "吨")]),  # a trade name in the spec, not 鸡爪
        ("求购 编织袋 装大米50斤的 2万条", [("编织袋", D(20000), "条")]),
        ("需要 不锈钢储罐 5吨的 2个", [("不锈钢储罐", D(2), "个")]),  # a capacity beside a count is a spec
        ("采购 叉车 3吨 锂电 5台", [("叉车", D(5), "台")]),
        ("采购 玻璃瓶 500ml 高白料 十万个", [("玻璃瓶", D(100000), "个")]),
        ("采购切削液 20桶、导轨油 10桶", [("切削液", D(20), "桶"), ("导轨油", D(10), "桶")]),  # 导轨 + 油
        ("急收 后朴 1吨，天马 200公斤", [("厚朴", D(1), "吨"), ("天麻", D(200), "公斤")]),  # homophone typos
    ],
)
def test_name_is_the_first_word_and_measures_are_specs(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_bracketed_note_in_a_key_value_name_is_not_part_of_it() -> None:
    text = "品名：食用盐（加碘）\n规格：25kg/袋\n数量：5吨"
    assert nqu(text) == [("食用盐", D(5), "吨")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("询价 麦冬 一级 1000kg / 玄参 统货 2000kg", [("麦冬", D(1000), "kg"), ("玄参", D(2000), "kg")]),  # slash
        ("常年收购辣椒（二荆条、小米辣）两百吨", [("辣椒", D(200), "吨")]),  # names in a note are not the name
        ("需要 月饼礼盒 6粒装 3万套", [("月饼礼盒", D(30000), "套")]),  # a pack size; the name as written
        ("要找GPS定位器大概要一百个装车上用的", [("GPS定位器", D(100), "个")]),
    ],
)
def test_separators_notes_and_pack_sizes(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("采购 冷库保温板 聚氨酯 100mm 3000平方", [("冷库保温板", D(3000), "平方")]),  # the word as written
        ("求购 川字型塑料托盘 1200×1000 500个", [("塑料托盘", D(500), "个")]),  # the layout (川字型) is a spec
        ("我们需要菜籽油 20吨", [("菜籽油", D(20), "吨")]),  # sentence words are not part of it
        ("收二手电动三轮车 20台", [("电动三轮车", D(20), "台")]),  # the condition goes, the drive stays
        ("求购岷县当归 2吨", [("当归", D(2), "吨")]),  # herbs stay canonical
        ("采购 玻璃酒瓶 500ml 十万个", [("玻璃酒瓶", D(100000), "个")]),  # a known name starting the word
        ("采购 菜籽油一级 20吨", [("菜籽油", D(20), "吨")]),  # a spec written on the end stays a spec
        ("通达仓储采购木托盘：1200*1000 500个", [("木托盘", D(500), "个")]),  # after the verb
        ("需要 郫县豆瓣 一级 十吨", [("郫县豆瓣", D(10), "吨")]),  # a product named after its place
    ],
)
def test_product_named_as_the_buyer_wrote_it(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_a_grade_code_opening_a_clause_names_the_product_before() -> None:
    assert nqu("求购 模具钢 H13 锻件 20吨，S136 预硬 5吨") == [("模具钢", D(20), "吨"), ("模具钢", D(5), "吨")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@精工轴承-孔经理 孔经理 有没有P20模具钢的渠道 我要10吨", [("模具钢", D(10), "吨")]),  # not the nickname
        ("采购论胎 12R22.5 全钢 100条", [("轮胎", D(100), "条")]),  # a typo; 全钢 is a spec
        ("收猪后退肉 10吨 要鲜的", [("猪后腿肉", D(10), "吨")]),
        ("另需地牛 3吨 10台", [("地牛", D(10), "台")]),  # the trade name as written
        ("收干海椒 5吨，鲜鸡蛋 200箱", [("干辣椒", D(5), "吨"), ("鸡蛋", D(200), "箱")]),  # regional names, 鲜 eggs
        ("求购矽钢片 3吨，苕粉 500斤", [("硅钢片", D(3), "吨"), ("红薯粉条", D(500), "斤")]),
        # who wants it or has it is no part of the name (客户要, 谁家有, 你们的)
        ("急！！客户要粽叶 干箬叶9cm宽 30万片", [("粽叶", D(300000), "片")]),
        ("谁家有轮胎 295/80R22.5 全钢的，要四十条", [("轮胎", D(40), "条")]),
        ("你们的挂面1kg装 再要两千五百袋", [("挂面", D(2500), "袋")]),
        ("我们家的有机肥 20吨", [("有机肥", D(20), "吨")]),
        # a size or code glued to an unknown product's name is its spec
        ("求购导向套φ50 200个，蜂窝纸板1200mm 300张", [("导向套", D(200), "个"), ("蜂窝纸板", D(300), "张")]),
        ("急要 Y型圈φ63 300个，牛卡纸170g 五十吨", [("Y型圈", D(300), "个"), ("牛卡纸", D(50), "吨")]),
        # the amount before the goods: a known material or build after it stays in the name, other words do not
        ("急需200个木托盘", [("木托盘", D(200), "个")]),
        ("求购：20斤装土陶泡菜坛 一千个", [("泡菜坛", D(1000), "个")]),
        ("我们仓库到货多，临时租2台电动叉车", [("电动叉车", D(2), "台")]),  # not the 仓库 of the clause before
        # how much, a route or a trial is no name
        ("想收一台二手真空包装机，双室 DZ-600的，一台就够，有的发图片", [("真空包装机", D(1), "台")]),
        ("找一台25吨汽车吊，一个台班就够", [("汽车吊", D(1), "台")]),
    ],
)
def test_mentions_typos_and_trade_names(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("采购 食用盐 未加碘 2吨", [("食用盐", D(2), "吨")]),  # an unknown product: the first word, not all words
        ("采购：锂电芯 280Ah 5000只\nBMS 16串 100A 300套", [("锂电芯", D(5000), "只"), ("BMS", D(300), "套")]),
        ("询价：新能源物流车（4.5吨 纯电 厢式）20台", [("新能源物流车", D(20), "台")]),  # 新 starts a word here
        ("收鲜青菜头 50吨", [("青菜头", D(50), "吨")]),  # fresh/frozen/dried lead a product word as a grade
        ("采购：牛皮纸 120g 10吨，淋膜纸 80g 5吨", [("牛皮纸", D(10), "吨"), ("淋膜纸", D(5), "吨")]),  # kraft paper
        ("询价：厚朴花 300公斤，广金钱草 5吨", [("厚朴花", D(300), "公斤"), ("广金钱草", D(5), "吨")]),  # own entries
        ("白只 选货 1吨", [("白芷", D(1), "吨")]),  # a homophone typo
    ],
)
def test_unknown_products_and_part_herbs(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("询价：SKF深沟球轴承 6205-2RS 500套", [("深沟球轴承", D(500), "套")]),  # a brand is a spec
        ("西门子触摸屏 KTP700 6台，明纬开关电源 20个", [("触摸屏", D(6), "台"), ("开关电源", D(20), "个")]),
        ("我们厂要一批牛油 20吨，还有菜籽油 5吨", [("牛油", D(20), "吨"), ("菜籽油", D(5), "吨")]),  # sentence words
        ("纸箱 五层瓦楞 12罐装 印刷两色 1.7万个", [("纸箱", D(17000), "个")]),  # a pack size is a spec
        ("要找那个GPS定位器大概要一百个装车上用的", [("GPS定位器", D(100), "个")]),  # 装车: to fit, not a pack
        ("黄芪苗 要够种50亩的，大概1.5万斤", [("黄芪苗", D(15000), "斤")]),  # land area is not a quantity of goods
    ],
)
def test_brands_sentence_words_packs_and_areas(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_colloquial_price_with_jiao() -> None:
    (item,) = extract_items("鲜生姜 黄姜 30吨，价格3块5左右一斤")
    assert (item.quantity, item.unit, item.price) == (D(30), "吨", D("3.5"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("急求：叉车 3吨 柴油 二手的也行，要2台", [("叉车", D(2), "台")]),  # the count in a clause of its own
        ("要一批 防撞护栏 1米高 共约150米", [("防撞护栏", D(150), "米")]),  # 1米高 is a dimension
        ("焊丝 ER50-6 十五公斤一盘 要贰佰盘", [("焊丝", D(200), "盘")]),  # a pack size per reel
        ("询价：304不锈钢储油罐 50立方 立式 带保温 2个", [("储油罐", D(2), "个")]),  # a volume beside a count
    ],
)
def test_measures_that_describe_the_counted_item(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "品名/规格/数量/单价\n1. 玻璃瓶/260ml/8万个/0.68元\n2. 收缩膜标签/95×180mm/8万张/0.08元",
            [("玻璃瓶", D(80000), "个"), ("收缩膜标签", D(80000), "张")],
        ),  # a table split on "/", names as written
        ("收二荆条鲜辣椒，今年要10-15万斤", [("辣椒", D(100000), "斤")]),  # a range: the buyer's minimum
        ("冷轧板 SPCC 1.0mm 约50吨/月", [("冷轧板", D(50), "吨")]),  # a monthly amount
        ("收鸡蛋，每周2吨", [("鸡蛋", D(2), "吨")]),  # 每周2 is not a weekday
        ("川字塑料拖盘 1200×1000 ×300个", [("塑料托盘", D(300), "个")]),  # "×300个" after a size; a typo
        ("鸡蛋 约3吨（每周1吨 连续3周）", [("鸡蛋", D(3), "吨")]),  # a breakdown in a note
    ],
)
def test_tables_ranges_rates_and_notes(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "求购模具钢：\n①P20 预硬 规格 400×300 12块\n②718H 500×400 6块",
            [("模具钢", D(12), "块"), ("模具钢", D(6), "块")],
        ),
        ("采购轮胎：\n- 12R22.5 全钢 18层 120条\n- 295/80R22.5 60条", [("轮胎", D(120), "条"), ("轮胎", D(60), "条")]),
        ("需要9.6米冷藏车 3台，成都到重庆，每周两趟", [("冷藏车", D(3), "台")]),  # a frequency is not an amount
        ("要买激光切割机要两台然后还要一台折弯机", [("激光切割机", D(2), "台"), ("折弯机", D(1), "台")]),
    ],
)
def test_lines_of_specs_under_a_named_header(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "包材询价：\n马口铁罐 425g 20万个\n易拉盖 直径73mm 20万个",
            [("马口铁罐", D(200000), "个"), ("易拉盖", D(200000), "个")],
        ),
        ("液压登车桥 载重8吨 4台", [("液压登车桥", D(4), "台")]),  # a measurement after the product is its spec
        ("减速机 RV63 速比1:30 配0.75kW电机 15台", [("减速机", D(15), "台")]),  # 1:30 is a ratio, not a clause
        ("监控采购：海康 400万 球机 20个，32路硬盘录像机 2台", [("球机", D(20), "个"), ("硬盘录像机", D(2), "台")]),
    ],
)
def test_measurements_ratios_brands_and_channel_counts(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "机器人项目再补：安全光栅 20光轴 4对，安全门锁 D4NS 6个",
            [("安全光栅", D(4), "对"), ("安全门锁", D(6), "个")],
        ),
        ("采购标准件：顶针 SKD61 Φ6×200 1000支", [("顶针", D(1000), "支")]),  # a category above, the product here
        ("电缆要一批：YJV 3*95+1*50 500米", [("电缆", D(500), "米")]),  # a model code does not name it
        ("有没有做保温箱的？我们要EPS泡沫保温箱 60L 2000个", [("泡沫保温箱", D(2000), "个")]),  # named where asked for
    ],
)
def test_the_clause_of_the_quantity_names_its_product(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("饮片厂采购：\n①炙甘草 片 400kg\n②法半夏 200kg", [("甘草", D(400), "kg"), ("半夏", D(200), "kg")]),
        ("有客户要白芷种子500斤", [("白芷种子", D(500), "斤")]),  # seed, seedling, flour: another product
        ("急找葛根粉 纯的 500斤", [("葛根粉", D(500), "斤")]),
        ("收黑枸杞 50斤", [("黑枸杞", D(50), "斤")]),  # a variety sold as its own commodity
        ("帮朋友问：黄苓片 1吨、甘艸 800kg", [("黄芩", D(1), "吨"), ("甘草", D(800), "kg")]),  # typo, variant
    ],
)
def test_processed_herbs_seeds_and_flours(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1）食用碱 500kg 2）小苏打 25kg/袋 40袋", [("食用碱", D(500), "kg"), ("小苏打", D(40), "袋")]),  # one line
        ("序号  品名      规格              数量\n1     玉米淀粉  食品级 25kg/袋    8吨", [("玉米淀粉", D(8), "吨")]),
        ("Item: 当归片\nSpec: 2mm 岷县\nQty: 800kg", [("当归", D(800), "kg")]),  # English keys
        ("巴蜀香肠厂要：猪肥膘5吨", [("猪肥膘", D(5), "吨")]),  # a business's name is not the goods
        ("客户要粽子礼盒装2000盒", [("粽子", D(2000), "盒")]),  # a pack is not the goods
        ("|品名|规格|数量|\n|塑料周转筐|600×400|2000个|", [("塑料周转筐", D(2000), "个")]),  # a cell as written
        ("采购品名：马铃薯全粉\n数量：15吨", [("马铃薯全粉", D(15), "吨")]),
        ("收 牛後腿肉 冷凍 8噸，红薯淀份 2吨", [("牛后腿肉", D(8), "噸"), ("红薯淀粉", D(2), "吨")]),
    ],
)
def test_list_layouts_businesses_packs_and_partial_aliases(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("差 粽叶 一级 宽叶 8万片", [("粽叶", D(80000), "片")]),  # a one-character word names nothing
        ("仓库要 木托盘 熏蒸 1200*1000 500个", [("木托盘", D(500), "个")]),  # who wants it is no name
        ("线手套 600g 200打，灭火器 4kg干粉 60具", [("线手套", D(200), "打"), ("灭火器", D(60), "具")]),
        ("紅糖 古法 散裝 3公噸", [("红糖", D(3), "公噸")]),
        ("求购 点焊机 双脉冲 2台，二水硫酸钙 1吨", [("点焊机", D(2), "台"), ("二水硫酸钙", D(1), "吨")]),
    ],
)
def test_short_words_subjects_units_and_words_that_are_no_typos(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_a_first_delivery_is_not_another_item() -> None:
    assert nqu("食用盐 精制 25kg装 100吨，是全年用量，先送20吨") == [("食用盐", D(100), "吨")]


def test_sentence_words_before_an_unknown_product() -> None:
    assert nqu("食品级 二水硫酸钙 1吨，还有消泡剂 50公斤") == [("二水硫酸钙", D(1), "吨"), ("消泡剂", D(50), "公斤")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "食用盐 精制 25kg/袋 20吨 味精 99% 10吨 到厂价",
            [("食用盐", D(20), "吨"), ("味精", D(10), "吨")],
        ),  # no commas
        ("肠衣 要天然猪肠衣 五十把 还要腌料 花椒面 二十斤", [("猪肠衣", D(50), "把"), ("花椒面", D(20), "斤")]),
        ("求购二手托盘 1200*1000 300个左右 7块以内 下周内要", [("托盘", D(300), "个")]),  # 7块以内 is a price
    ],
)
def test_lists_typed_without_punctuation(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("哪个有土猪后腿肉嘛 我要整两百斤", [("猪后腿肉", D(200), "斤")]),  # who has it / a particle
        ("仓库还缺货架：重型横梁式货架 120组", [("货架", D(120), "组")]),
        ("紧固件补货 内六角螺丝 M8*25 两万颗", [("内六角螺丝", D(20000), "颗")]),  # a header phrase
        ("还要柏树枝 熏腊肉用的 一千斤", [("柏树枝", D(1000), "斤")]),  # a purpose; 树枝 is a word, no typo
        ("我们要六轴机器人 负载20kg 臂展1.8米左右 3台", [("机器人", D(3), "台")]),  # ratings
        ("空压机 37kW 1台 再配冷干机1台", [("空压机", D(1), "台"), ("冷干机", D(1), "台")]),
    ],
)
def test_talkative_buyers(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_an_article_and_a_price_each_are_no_amounts() -> None:
    assert nqu("冷风机 3台 压缩机组 1套 新建一个-18度的冷库") == [("冷风机", D(3), "台"), ("压缩机组", D(1), "套")]
    assert nqu("塑料托盘 新料 要五百个 九脚的也行 一百二一个") == [("塑料托盘", D(500), "个")]


def test_a_size_glued_to_the_name_does_not_hide_its_material() -> None:
    assert nqu("需要木托盘1200*1000 川字型 800个") == [("木托盘", D(800), "个")]  # as with a blank between
    assert nqu("需要木托盘 1200*1000 川字型 800个") == [("木托盘", D(800), "个")]


def test_an_unknown_product_noun_named_first_beats_a_material_after_it() -> None:
    assert nqu("保温袋 无纺布+铝箔 40*30*20 印logo 2万个") == [("保温袋", D(20000), "个")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("老彭收牛肉：黄牛 后腿 冻品 5吨，牛油 块 2吨", [("牛肉", D(5), "吨"), ("牛油", D(2), "吨")]),  # who buys
        (
            "一是铝合金压铸件 5000件，二是橡胶密封圈 2万个",
            [("铝合金压铸件", D(5000), "件"), ("橡胶密封圈", D(20000), "个")],
        ),
        ("刘姐这边要鸡精 1公斤装的 200袋 再来那个老抽 1.9升的 120瓶", [("鸡精", D(200), "袋"), ("老抽", D(120), "瓶")]),
        ("收缩膜标签 8万张", [("收缩膜标签", D(80000), "张")]),  # 收缩 is no 收 (to buy)
        ("第25周需求：丹叁 统片 2吨；金艮花 一级 400公斤", [("丹参", D(2), "吨"), ("金银花", D(400), "公斤")]),
    ],
)
def test_spoken_lists_and_look_alike_typos(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_a_count_in_words_before_the_name_is_no_part_of_it() -> None:
    assert nqu("再买两组电瓶48V 600Ah，月底前能到吗") == [("电瓶", D(2), "组")]
    assert nqu("200个木托盘") == [("木托盘", D(200), "个")]
