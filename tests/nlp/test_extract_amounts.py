"""Item extraction: which numbers are amounts of the goods (totals, frequencies, earlier orders, prices, packs,
grades and ratings are not)."""

from __future__ import annotations

import pytest

from tests.nlp.test_extract import D, nqu


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("劳保鞋 39-43码 各20双 共100双", [("劳保鞋", D(100), "双")]),  # the total, not one size's share
        ("纸箱 3万个，箱子3块左右", [("纸箱", D(30000), "个")]),  # a price in 块
        ("大巴 4台，早晚各一趟", [("大巴", D(4), "台")]),  # a frequency
        ("菜籽油 二十吨 上次十五吨不够用", [("菜籽油", D(20), "吨")]),  # an earlier order
        ("空调清洗 12台次", [("空调清洗", D(12), "台次")]),
        ("再拿两组48V 200Ah的蓄电池", [("蓄电池", D(2), "组")]),  # a count, then a size
        ("要三台4米2厢车，一台900", [("厢式货车", D(3), "台")]),  # a price each after the count; 厢车 is 厢式货车
        ("工作服 春秋款 两件套 200套", [("工作服", D(200), "套")]),  # 两件套 is a set, not two of them
        ("螺纹钢 Φ16 12米定尺 20吨", [("螺纹钢", D(20), "吨")]),  # a cut length
        ("粽子 4枚礼盒 600盒", [("粽子", D(600), "盒")]),  # a pack of four
        ("三七 文山 30头 统货 50kg", [("三七", D(50), "kg")]),  # heads per 500 g: a grade
        ("三七 规格是四十头的 要两百公斤", [("三七", D(200), "公斤")]),
        ("电动堆高车 2吨 起升4.5米 叁台", [("电动堆高车", D(3), "台")]),  # a lift height
        ("需要 5吨叉车 3台 月租", [("叉车", D(3), "台")]),  # a rating glued to the product
        ("豆瓣酱 1kg 樽装 2000樽", [("豆瓣酱", D(2000), "樽")]),
        ("下周二要一台 随车吊 8吨", [("随车吊", D(1), "台")]),  # a weekday is no name
        ("要两台 电动 叉车 3吨", [("叉车", D(2), "台")]),  # a count, the product and its rating
        ("猪肉 五十斤 还要 鲜花椒 二十斤", [("猪肉", D(50), "斤"), ("花椒", D(20), "斤")]),  # two products
        # chat shorthand: 3w = 3万, 5K = 5千 before a count; not a weight (5kg) or a rating (30w)
        ("纸箱 1.5w个 月底要", [("纸箱", D(15000), "个")]),
        ("MCU STM32F103C8T6 5K pcs", [("MCU", D(5000), "pcs")]),
        ("大米 5kg装 200袋", [("大米", D(200), "袋")]),
        ("LED灯 30w 100个", [("LED灯", D(100), "个")]),
        # a later clause with only another spec wants more of the goods before
        ("45#圆钢 φ60 要5吨，φ80 要3吨，有现货没", [("圆钢", D(5), "吨"), ("圆钢", D(3), "吨")]),
        ("冷轧板 SPCC 30吨，1.5厚的也要15吨", [("冷轧板", D(30), "吨"), ("冷轧板", D(15), "吨")]),
        ("轴承 6205-2RS 200套，另外6305-ZZ 100套", [("轴承", D(200), "套"), ("轴承", D(100), "套")]),
        # what the buyer already got is no amount wanted when more is still needed
        ("牛油收到十吨了 还差五吨 有的联系", [("牛油", D(5), "吨")]),
        # an amount the writer took back (voice input corrects itself) is not wanted
        ("要收黄芪 要一百二十吨 不对是十二吨 甘肃陇西的二等片", [("黄芪", D(12), "吨")]),
        ("求购当归 5吨，说错了，是3吨", [("当归", D(3), "吨")]),
        ("当归 5吨 不对的不要", [("当归", D(5), "吨")]),
        ("托盘到了300个，还缺200个", [("托盘", D(200), "个")]),
        ("要冷轧板1.5个厚 贰拾吨", [("冷轧板", D(20), "吨")]),  # 1.5个厚 is a thickness (mm)
    ],
)
def test_which_numbers_are_amounts(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("求 冷链专线 成都→昆明 13米 每周3趟", [("冷链专线", D(3), "趟")]),  # trips are the only amount
        ("需要9.6米冷藏车 2台，每周两趟", [("冷藏车", D(2), "台")]),  # trips beside the count of trucks
        ("再补三个品种：川芎 统货 500公斤", [("川芎", D(500), "公斤")]),  # 三个品种 is no amount
        ("大华 400万 半球机 30个", [("半球机", D(30), "个")]),  # 400万 pixels, not 筒/个
        ("租冷库 -18℃ 500吨位", [("冷库", D(500), "吨位")]),
        ("收苦瓜 30吨，个头半斤以上", [("苦瓜", D(30), "吨")]),  # a size per piece
        ("要两台叉车，3吨电动的", [("叉车", D(2), "台")]),  # what kind, not how much
        ("地牛 6台 要加长的1.5米", [("地牛", D(6), "台")]),
        ("配件要一批：皮带 A型 40根，B型 20根", [("皮带", D(40), "根"), ("皮带", D(20), "根")]),
        ("压板 8寸 30块，6寸 20块", [("压板", D(30), "块"), ("压板", D(20), "块")]),  # a size alone names nothing
        ("雨布 9.6米车用 20块，17.5米车用 8块", [("雨布", D(20), "块"), ("雨布", D(8), "块")]),
        ("纸杯要一批：双层 加厚 500ml 5万个", [("纸杯", D(50000), "个")]),  # named before the colon
        ("收当归，全归，要二等以上（每公斤40支以内），量8吨", [("当归", D(8), "吨")]),  # a grade in a note
        ("要鱼腥草 鲜品 50吨（根茎为主），干品 5吨", [("鱼腥草", D(50), "吨"), ("鱼腥草", D(5), "吨")]),
        ("冷风机 DD系列 若干（约30台）", [("冷风机", D(30), "台")]),  # the line's only amount is in the note
        ("糯米 一吨", [("糯米", D(1), "吨")]),  # 米 ends the name; it is no measure before 一
        ("再补充一个，收丹参统货2万斤，陕西货也行", [("丹参", D(20000), "斤")]),  # one more message
        ("要漆包线 QZY-2/180 1.0mm 3吨，两个礼拜内要", [("漆包线", D(3), "吨")]),  # 两个礼拜 is a time
        ("租冷库 2000平 带月台", [("冷库", D(2000), "平")]),  # floor area in 平
        ("采购塑料托盘：川字型 1200×1000 500个，静载4吨、动载1.2吨", [("塑料托盘", D(500), "个")]),  # load ratings
        ("要一批包装用的纸箱 5000个", [("纸箱", D(5000), "个")]),  # what it is for is no part of the name
        ("帮朋友收菜籽 200吨", [("菜籽", D(200), "吨")]),  # for whom is no part of the name
        ("山药 毛山药 片 一吨二，薏米 2吨", [("山药", D("1.2"), "吨"), ("薏苡仁", D(2), "吨")]),  # 一吨二 is 1.2 t
        ("辣椒 3吨二荆条 5吨", [("辣椒", D(3), "吨"), ("辣椒", D(5), "吨")]),  # 二 starts a variety here
        ("询价 精铸件 304不锈钢 按图 共8个料号 合计4000件", [("精铸件", D(4000), "件")]),  # part numbers
        ("17.5米平板 每周3车 拉配电柜", [("配电柜", D(3), "车")]),  # 拉 is the verb, not part of the name
        ("端午要做粽子 5000个", [("粽子", D(5000), "个")]),
        ("找车：成都→西安 9.6米高栏 两台，拉建材30吨", [("高栏车", D(2), "台")]),  # the load is no item
        ("求车：6.8米厢车一台，成都—达州，家具 8方左右", [("厢式货车", D(1), "台")]),
        ("采购清单：\n9.6米高栏 2台\n钢材 30吨", [("高栏车", D(2), "台"), ("钢材", D(30), "吨")]),  # a line each
    ],
)
def test_trips_kinds_sizes_and_names_before_the_colon(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收二手挖机 20吨 柴油的 两台", [("挖机", D(2), "台")]),  # what kind, then how many
        ("黄精收了15吨了，还差5吨 继续收", [("黄精", D(5), "吨")]),  # what is already bought
        ("鹿茸片 花鹿 300克，人参 林下 2公斤", [("鹿茸", D(300), "克"), ("人参", D(2), "公斤")]),  # 300克 alone
        ("收鲜天麻，每个100克以上，要3000斤", [("天麻", D(3000), "斤")]),  # the size of each piece
        ("9.6米的高栏车 2台", [("高栏车", D(2), "台")]),  # the length of the goods
    ],
)
def test_kinds_earlier_purchases_and_piece_sizes(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("买点防虫网 40目 三千平方 还有竹竿 一千根", [("防虫网", D(3000), "平方"), ("竹竿", D(1000), "根")]),
        ("收今年新花生 带壳 五十吨", [("花生", D(50), "吨")]),  # 今年新 is no part of the name
        ("种重楼要用的 有机肥 两千袋", [("有机肥", D(2000), "袋")]),  # the sentence names what it is for
        ("黄芪种 一级 两百斤", [("黄芪种", D(200), "斤")]),  # the seed is a product of its own
        ("烤箱 三层六盘 电的 2台", [("烤箱", D(2), "台")]),  # 六盘 after 三层 is a size
    ],
)
def test_lists_years_purposes_seeds_and_trays(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_a_clause_of_codes_and_limits_takes_the_goods_named_before_it() -> None:
    text = "本厂收购优质早稻：中早39 水分13.5%以内 出米率68%以上 收300吨"
    assert nqu(text) == [("稻谷", D(300), "吨")]  # 早稻/中稻/晚稻 are paddy: the annotators write 稻谷 (8 of 10)


def test_a_slash_table_whose_prices_hold_a_slash() -> None:
    text = "采购计划\n品名/规格/数量/参考价\n1.川芎/统个/20吨/18元/kg\n2.白芷/川白芷统货/15吨/12元/kg"
    assert nqu(text) == [("川芎", D(20), "吨"), ("白芷", D(15), "吨")]


def test_a_block_without_a_name_key_takes_the_product_named_above_it() -> None:
    text = "成都一家连锁火锅店要菜籽油\n规格：5L桶装 一级压榨\n数量：每月2000桶，先签三个月\n价格：88元/桶"
    assert nqu(text) == [("菜籽油", D(2000), "桶")]  # per month: the number, as for 约50吨/月


def test_cables_written_by_their_type_code() -> None:
    text = "采购电缆：\nYJV 3*95+1*50  800米\nBVR 6平方 50卷\nYJV电缆 4*25 300米"
    assert nqu(text) == [("电缆", D(800), "米"), ("电线", D(50), "卷"), ("YJV电缆", D(300), "米")]
    assert nqu("RV减速机 RV-40E 200台") == [("RV减速机", D(200), "台")]  # RV is no wire here
    text = "周一要：\n正泰 NXB-63 C16 小型断路器 2000只\nBV2.5 红色 40卷\nYJV22 3*95 100米"
    assert nqu(text) == [("小型断路器", D(2000), "只"), ("电线", D(40), "卷"), ("电缆", D(100), "米")]  # not 断路器
    assert nqu("收硬麦（红麦），容重780以上，要200吨") == [("小麦", D(200), "吨")]


def test_words_most_annotators_drop_from_a_name() -> None:
    assert nqu("谁有 硬质合金立铣刀 D10 要20把") == [("立铣刀", D(20), "把")]
    assert nqu("收红心猕猴桃 30吨") == [("猕猴桃", D(30), "吨")]
    assert nqu("手工挂面 3000袋，夏季工作服 200套") == [("挂面", D(3000), "袋"), ("工作服", D(200), "套")]
    assert nqu("土豆 5吨") == [("土豆", D(5), "吨")]  # 土 only as a word of its own
    assert nqu("EPP保温箱 60L 500个，六轴焊接机器人 4台") == [("保温箱", D(500), "个"), ("焊接机器人", D(4), "台")]


def test_counts_without_a_unit_in_tables_and_list_lines() -> None:
    table = "品名\t型号\t数量\n伺服驱动器\t松下 MADLN15SE\t10\n编码器\t欧姆龙 E6B2\t25"
    assert nqu(table) == [("伺服驱动器", D(10), None), ("编码器", D(25), None)]
    lines = "补充：\nPLC S7-1200 CPU1214C ×5\nKTP700 触摸屏 ×5\n伺服电机 SV660N ×12台"
    assert nqu(lines) == [("PLC", D(5), None), ("触摸屏", D(5), None), ("伺服电机", D(12), "台")]
    assert nqu("明天要 40尺高柜 6个，腾椒油 500kg") == [("集装箱", D(6), "个"), ("藤椒油", D(500), "kg")]


def test_fields_joined_by_slashes() -> None:
    text = "收 郫县豆瓣/一级/2吨；永川豆豉/散装/500公斤；冰糖/单晶/1吨。成都客户要"
    assert nqu(text) == [("郫县豆瓣", D(2), "吨"), ("豆豉", D(500), "公斤"), ("冰糖", D(1), "吨")]
    assert nqu("黄芪/党参/当归 各2吨，要甘肃的") == [("黄芪", D(2), "吨"), ("党参", D(2), "吨"), ("当归", D(2), "吨")]
    assert nqu("当归 500g/袋 20袋") == [("当归", D(20), "袋")]  # a pack size, not fields
