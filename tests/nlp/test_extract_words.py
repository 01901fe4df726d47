"""Item extraction: words that are never the goods (people, sentences, brands, colours) and amounts that are
never orders (piece sizes, steel grades, price asks, ratings)."""

from __future__ import annotations

import pytest

from nlp.extract import extract_items
from tests.nlp.test_extract import D, nqu


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("刘老板 花椒给我留300斤", [("花椒", D(300), "斤")]),  # whom it is said to is not the goods
        ("周哥 干货给我留200斤", []),  # a sentence (给我留) names nothing
        ("王姐 你上回说的那个靠得住不，我也要 双星 12R22.5 30条", []),  # a brand and a size only
        ("阿伟 白芍来5吨", [("白芍", D(5), "吨")]),
        ("李总 要一批包装箱 2000个", [("包装箱", D(2000), "个")]),
        # goods named after a buying verb are the goods, not a product named before it
        ("今年泡菜坛子要装满😁 收红皮萝卜 二十吨", [("红皮萝卜", D(20), "吨")]),
        ("端午要做粽子 急收 长糯米 一吨", [("糯米", D(1), "吨")]),
        ("有没有人出 白止 当皈 的，我这边客户要：白止 2吨 当皈 1吨", [("白芷", D(2), "吨"), ("当归", D(1), "吨")]),
    ],
)
def test_people_and_sentences_are_not_products(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the premises that want the goods are not the goods, and the verb phrase is no spec
        ("我們倉庫要採購防爆燈 LED 100W 60套，月底前裝好", [("防爆灯", "LED 100W", D(60), "套")]),
        ("我们冷库要买温度计 20个", [("温度计", None, D(20), "个")]),
        ("我们工厂要采购防爆灯 60套", [("防爆灯", None, D(60), "套")]),
        ("常温仓库 要 2000平 7月起租", [("仓库", "常温 7月起租", D(2000), "平")]),  # here the premises are the goods
    ],
)
def test_who_wants_it_is_neither_name_nor_spec(text: str, expected: list) -> None:
    assert [(i.name, i.spec, i.quantity, i.unit) for i in extract_items(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三丰 游标卡尺 0-200mm 12把", [("游标卡尺", D(12), "把")]),  # a brand first, then the product
        ("嘉实多 全合成 齿轮油 200L/桶 6桶", [("齿轮油", D(6), "桶")]),
        ("瓶盖 63口 银色 5万个", [("瓶盖", D(50000), "个")]),  # the mouth size and the colour are specs
        ("餐盒 PP 方形 1000ml 2万套", [("餐盒", D(20000), "套")]),
        # a named dimension and its value is a spec: the next amount is more of the same goods
        ("Q235B热轧钢板 δ=12mm 20吨，δ=16mm 15吨", [("钢板", D(20), "吨"), ("钢板", D(15), "吨")]),
        ("钢板 厚12mm 20吨，厚16mm 15吨", [("钢板", D(20), "吨"), ("钢板", D(15), "吨")]),
        ("模具钢：\nH13 板料 厚80 宽300 长500 10块", [("模具钢", D(10), "块")]),
        # a spec word opening with a numeral holds no amount: 四粒红 is a peanut variety, not four grains
        ("收花生 四粒紅 去殼 5噸，每斤5.8元", [("花生", D(5), "噸")]),
        ("陈皮 三年陈 新会 200斤", [("陈皮", D(200), "斤")]),
        ("3、麦冬 三台产 中条 2吨", [("麦冬", D(2), "吨")]),  # 三台 (where it grew), not three units
        ("要三台叉车", [("叉车", D(3), "台")]),
        ("要三七 二十一斤", [("三七", D(21), "斤")]),  # twenty-one, not a price each (一百二一个)
        # 再加 (one more) before a model code: more of the goods before
        ("客户要YE3-7.5kW-4P的三相异步电机50台，再加YE3-15kW-4P的20台", [("电机", D(50), "台"), ("电机", D(20), "台")]),
    ],
)
def test_brands_colours_and_shapes_are_specs(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收苹果 红富士 75-85g 二级 30吨", [("苹果", D(30), "吨")]),  # the weight of one fruit is a spec
        ("找一下你那批316板还有没，3.0的要15张", []),  # 316板 is a stainless sheet, not 316 of them
        ("茯苓多少钱一斤", []),  # a price each asked, not one jin bought
        ("要3台 徐工 装载机 带破碎锤", [("装载机", D(3), "台")]),  # a count before the name: the first product
        ("东风 天锦 240马力 冷藏车 2台", [("冷藏车", D(2), "台")]),  # horsepower is a rating
        ("大约 50 个托位，冷冻", [("托位", D(50), "个")]),  # a unit written apart is not part of the name
    ],
)
def test_sizes_grades_asks_and_counts_before_names(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("蜂蜜 土蜂蜜 每个月要两千斤 价钱三块五一两", [("蜂蜜", D(2000), "斤")]),  # prices in words are no amounts
        ("收鲜花椒 五万斤 一块八到两块一斤", [("花椒", D(50000), "斤")]),
        ("纸碗 带盖 五万套 六毛以内一套", [("纸碗", D(50000), "套")]),
        ("标签 300克装 十万张 2公斤装 五万张", [("标签", D(100000), "张"), ("标签", D(50000), "张")]),  # packs
        ("电线：BV 2.5平方 20卷，BV 4平方 红黄蓝 各10卷", [("电线", D(20), "卷"), ("电线", D(10), "卷")]),  # colours
        ("六角螺母 M12 3000个（带平垫弹垫），圆螺母 1000个", [("六角螺母", D(3000), "个"), ("圆螺母", D(1000), "个")]),
        ("模具钢 P20 8块，738H 600*500*90 3块", [("模具钢", D(8), "块"), ("模具钢", D(3), "块")]),  # a grade code
        ("电线：BVR 6平方 800米，BVR 10平方 300米", [("电线", D(800), "米"), ("电线", D(300), "米")]),
        ("锂电芯 3.2V 100Ah 2000只，BMS 8串 60A 250套", [("锂电芯", D(2000), "只"), ("BMS", D(250), "套")]),
        ("品名：白砂糖\n数量：30吨/月，长期", [("白砂糖", D(30), "吨")]),  # a monthly amount in a key-value block
    ],
)
def test_prices_in_words_packs_colours_and_codes(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("要两台平板车，每台装25吨，后天走", [("平板车", D(2), "台")]),  # a load per truck is no amount
        ("找一台吊车，设备重18吨，明天上午", [("吊车", D(1), "台")]),
        ("要一台3吨电动葫芦，起升高度12米", [("电动葫芦", D(1), "台")]),  # the count, then the size
        ("转发一条需求：冷冻鸡腿 5吨", [("鸡腿", D(5), "吨")]),  # 一条需求 is no amount
        ("各位老板，12R22.5 钢丝胎 18层级 要20条", [("钢丝胎", D(20), "条")]),  # the goods before 要
        ("MCU STM32F103C8T6 ST原装 3000pcs", [("MCU", D(3000), "pcs")]),  # a Latin name and a Latin unit
        ("空开 iC65N 3P C32 40个", [("空气开关", D(40), "个")]),  # a trade short form
        ("求车：4.2米厢车一台，明天成都到绵阳", [("厢式货车", D(1), "台")]),  # a size glued to the vehicle
        ("油管PA6×4 黑色 10卷", [("油管", D(10), "卷")]),  # a size code glued to the product
        ("冷库货架 冷库通道用 镀锌 200组", [("冷库货架", D(200), "组")]),  # a purpose is no name
        ("活塞式 7.5kW 永磁变频 2台", []),  # a build and a drive name nothing
        ("收早稻 中早39 水分13%以内 收200吨", [("稻谷", D(200), "吨")]),  # 早稻 is 稻谷 (the annotators); not the code
        ("工作服 夏季 藏青色 80套，120顶安全帽", [("工作服", D(80), "套"), ("安全帽", D(120), "顶")]),
    ],
)
def test_loads_sizes_builds_and_words_after_an_amount(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("丝锥 M6 螺旋 200支\nM8 同款 150支", [("丝锥", D(200), "支"), ("丝锥", D(150), "支")]),  # as above
        ("法兰 DN50 PN16 40片\nDN80 同上 20片", [("法兰", D(40), "片"), ("法兰", D(20), "片")]),
        ("要面粉 高筋 25kg 60包，低筋 30包", [("面粉", D(60), "包"), ("面粉", D(30), "包")]),  # a grade is a spec
        ("再来点保鲜膜 30cm 200卷", [("保鲜膜", D(200), "卷")]),  # 再来点 is the sentence
        ("二十箱 复印纸 80g", [("复印纸", D(20), "箱")]),  # the sheet weight is a spec
        ("生物有机肥 颗粒 300袋", [("生物有机肥", D(300), "袋")]),  # 生物 is no 生 (raw)
        ("防暑：藿香正气水 10支/盒 200盒", [("藿香正气水", D(200), "盒")]),  # a medicine, not the herb
        ("模具钢\nCr12MoV 板料 50x200x300 8块", [("模具钢", D(8), "块")]),  # a stock form is a spec
    ],
)
def test_same_as_above_grades_forms_and_medicines(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_fuzzy_sound_does_not_turn_one_tool_into_another() -> None:
    assert nqu("充电钻 18V 双电 6套") == [("充电钻", D(6), "套")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("圆钢 Φ60 壹吨 Φ90 贰吨", [("圆钢", D(1), "吨"), ("圆钢", D(2), "吨")]),  # one unit twice: two amounts
        ("应急灯 双头 60个\n急救箱 20个", [("应急灯", D(60), "个"), ("急救箱", D(20), "个")]),  # 急 in a name
        ("请问哪家有 定位销 Φ10×40 要 三百个", [("定位销", D(300), "个")]),  # a question is no name
        ("急需 顶针 500支", [("顶针", D(500), "支")]),
        ("外六角 M10×30 8.8级 2万颗", [("外六角", D(20000), "颗")]),  # 六角 is no price
    ],
)
def test_one_unit_twice_urgent_names_and_questions(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the herb: its processing (炒, 酒, 制) is the spec, as most annotators write it (制黄精 → 黄精, 7 of 7)
        ("收：\n炒白术 1吨\n酒白芍 200kg", [("白术", D(1), "吨"), ("白芍", D(200), "kg")]),
        ("5. 炒酸枣仁 1kg/袋 150袋", [("酸枣仁", D(150), "袋")]),
        ("蜜炙黄芪 1吨", [("黄芪", D(1), "吨")]),  # processing is a spec, as 炒白术 is 白术
        ("M10平垫弹垫各3000个", [("平垫", D(3000), "个"), ("弹垫", D(3000), "个")]),  # two names, each amount
        ("找车：成都→重庆 9.6米高栏 两台", [("高栏车", D(2), "台")]),  # a route is no name
        ("BV 4平方 红蓝双色 8卷", [("电线", D(8), "卷")]),  # colours are a spec
        ("空心胶囊 1号 明胶 30万粒", [("空心胶囊", D(300000), "粒")]),  # the product, not its material
        ("工控机 5台，UPS 山特 C3K 2台", [("工控机", D(5), "台"), ("UPS", D(2), "台")]),  # one Latin word names it
        ("三角木 轮挡 40个", [("三角木", D(40), "个")]),  # 三角 is no brand here
        ("土鸡 200只，鹅 50只", [("土鸡", D(200), "只"), ("鹅", D(50), "只")]),  # one character, goods on its own
        ("差 粽叶 5万片", [("粽叶", D(50000), "片")]),  # 差 is no goods
        ("▪️电动叉车 2吨 3台\n▪️液压搬运车 10台", [("电动叉车", D(3), "台"), ("手动液压搬运车", D(10), "台")]),  # bullets
    ],
)
def test_processed_herbs_glued_names_routes_and_latin_names(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今晚要一台9米6平板，德阳装设备去成都", [("平板", D(1), "台")]),  # 今晚 is no name
        ("后天要2台13米高栏去新疆，装钢材", [("高栏车", D(2), "台")]),  # where it goes is no name
        ("爱普生 L3258 墨水 4色 各10瓶", [("墨水", D(10), "瓶")]),  # a printer brand is a spec
        ("力士乐 柱塞泵 A10VSO71 2台", [("柱塞泵", D(2), "台")]),
        ("成都-昆明 高栏 每月 15车", [("高栏车", D(15), "车")]),  # the cities of a route are no names
    ],
)
def test_times_destinations_and_more_brands(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("温度记录仪 带打印 20个，蓄冷板 -18℃ 60块", [("温度记录仪", D(20), "个"), ("蓄冷板", D(60), "块")]),
        ("篷布 加厚PVC 13*7米 30张", [("篷布", D(30), "张")]),
        ("收 豆豉 散装 500公斤，咸鸭蛋 5万枚", [("豆豉", D(500), "公斤"), ("咸鸭蛋", D(50000), "枚")]),
        ("行车记录仪 双镜头 100台", [("行车记录仪", D(100), "台")]),  # 镜头 is a spec here
    ],
)
def test_more_consumables_parts_and_ingredients(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_specs_keep_layouts_and_drop_whole_origins() -> None:
    from nlp import extraction

    assert [i.spec for i in extraction.items("塑料托盘 川字型 500个")] == ["川字型"]  # not 川 (Sichuan) + 字型
    assert [i.spec for i in extraction.items("川芎 川产 统个 3吨")] == ["统个"]  # 川产 is an origin, whole


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a new numbered line names a new item, though 不锈钢 reads like a spec
        (
            "急采一批料：\n① 铝合金板材 6061-T6 20mm厚 1.2吨\n② 不锈钢圆棒 304 Φ30 500公斤",
            [("铝合金板材", D("1.2"), "吨"), ("不锈钢圆棒", D(500), "公斤")],
        ),
        # a grade or a code opening the next line still counts the goods before
        ("黄芪 统货 2吨\n选货 1吨", [("黄芪", D(2), "吨"), ("黄芪", D(1), "吨")]),
        ("模具钢 H13 20吨\nS136 5吨", [("模具钢", D(20), "吨"), ("模具钢", D(5), "吨")]),
        ("采购模具钢：\nSKD11 板料 6块\nNAK80 4块", [("模具钢", D(6), "块"), ("模具钢", D(4), "块")]),
    ],
)
def test_the_next_line_of_a_list(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a BOM of chips: each line is named by its part number, as written; one chip is no grade of another
        (
            "物料询价：\nSTM32F103C8T6 5000片\nCH340G 3000片\nAMS1117-3.3 1万片",
            [("STM32F103C8T6", D(5000), "片"), ("CH340G", D(3000), "片"), ("AMS1117-3.3", D(10000), "片")],
        ),
        (
            "BOM缺料：\nLM358DR SOP8 2000pcs\nNE555P DIP8 500pcs",
            [("LM358DR", D(2000), "pcs"), ("NE555P", D(500), "pcs")],
        ),
        # a product named before still names the codes after it
        ("贴片电阻 0603 10K 20万颗\nRC0805JR 5万颗", [("贴片电阻", D(200000), "颗"), ("贴片电阻", D(50000), "颗")]),
    ],
)
def test_a_list_of_part_numbers(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part left out is a spec of the goods named above, not goods of its own
        (
            "客户要一批周转箱：\n600*400*280 带盖 3000个\n400*300*150 不带盖 2000个",
            [("周转箱", D(3000), "个"), ("周转箱", D(2000), "个")],
        ),
        # what the buyer does next (再问一个, 先做) names nothing; the word after it does
        ("再问一个 绝缘纸 0.25mm 500公斤，槽楔 DMD 1吨", [("绝缘纸", D(500), "公斤"), ("槽楔", D(1), "吨")]),
        # 配 (to go with) is not part of the goods; 配电柜 (a distribution cabinet) is a product
        ("伺服电机 750W 60套，配驱动器 ASD-B3 60套", [("伺服电机", D(60), "套"), ("驱动器", D(60), "套")]),
        ("要配电柜 3台", [("配电柜", D(3), "台")]),
        # what the goods are for is a spec: the oil is what the bottles hold, 机用 a kind of the film above
        ("求购：菜籽油灌装用 5L PET油壶 20000个，带提手", [("油壶", D(20000), "个")]),
        ("缠绕膜 手用 50cm宽 300卷\n机用 20微 100卷", [("缠绕膜", D(300), "卷"), ("缠绕膜", D(100), "卷")]),
    ],
)
def test_words_about_the_goods_are_not_goods(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a product named on the line above its amounts keeps the words the buyer wrote against it
        ("收 Q235B 热轧钢板\nδ10mm 30吨\nδ20mm 20吨", [("热轧钢板", D(30), "吨"), ("热轧钢板", D(20), "吨")]),
        # a title or a deal glued after the goods is no part of them
        ("电缆询价：\nYJV 3*95 800米", [("电缆", D(800), "米")]),
        ("冷藏车出租 4台 本月", [("冷藏车", D(4), "台")]),
        # who also wants, which time, what is added: words of the sentence, not goods
        ("我们也要点油 大豆油 一级 浸出 5吨", [("大豆油", D(5), "吨")]),
        ("长期收废铜，这次要10吨", [("废铜", D(10), "吨")]),
        ("临时加个 深沟球轴承 6204-2Z 500套", [("深沟球轴承", D(500), "套")]),
        ("我们也收东西😂 BOPP薄膜 20μ 10吨", [("BOPP薄膜", D(10), "吨")]),
        # a particle glued to the goods (也, 那) and the rest of a date before an amount are no part of a name
        ("收玻璃瓶 500ml 十万个 配套铝盖也要十万个", [("玻璃瓶", D(100000), "个"), ("铝盖", D(100000), "个")]),
        ("750W伺服那12套到了", [("伺服", D(12), "套")]),
        ("找冷库：7月份起租 -18℃冻库 500吨库容", [("冷库", D(500), "吨")]),
        # who buys, a rate and an unnamed buyer are no goods: 华鼎要两台插车 buys 叉车; 每柜, 日均, 某企业 name nothing
        ("华鼎要两台插车，3吨柴油的，杭叉或合力", [("叉车", D(2), "台")]),
        ("铁海联运 40HQ 6柜，货是机械配件，每柜约22吨", [("铁海联运", D(6), "柜")]),
        ("城配外包：成都市区门店配送，日均约35车次", []),
    ],
)
def test_headers_titles_and_sentence_words(text: str, expected: list) -> None:
    assert nqu(text) == expected


def test_a_grade_keeps_its_deng() -> None:
    """二等 is a grade; 等 (etc.) after a list of goods is not part of the spec."""
    assert [i.spec for i in extract_items("党参 二等 1.5吨，纸箱 胶带等 2000个")] == ["二等", "胶带"]


def test_a_list_sent_for_quotes_without_amounts() -> None:
    """询价，数量待定: each line names an item, its amount left open."""
    items = extract_items(
        "补充询价，数量待定，先报单价：\n1、前胡 白花前胡 片 统货\n2、枳壳 江枳壳 片 一等\n3、减速机 速比10\n请报价"
    )
    assert [(i.name, i.spec, i.quantity, i.unit) for i in items] == [
        ("前胡", "白花前胡 片 统货", None, None),
        ("枳壳", "江枳壳 片 一等", None, None),
        ("减速机", "速比10", None, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "宏达电机采购：\n深沟球轴承 6205 5000套\n漆包线 1.0 3吨",  # the company's line is no item beside amounts
        "询价：伺服电机 750W",  # one line: no list
    ],
)
def test_no_open_amount_items_beside_amounts_or_alone(text: str) -> None:
    assert all(i.quantity is not None for i in extract_items(text))
    assert "宏达电机" not in [i.name for i in extract_items(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a size, a flavour or the weight of one after the goods: more of the same goods, not goods of their own
        ("洁净服 连体 白色 L码100套 XL码100套", [("洁净服", D(100), "套"), ("洁净服", D(100), "套")]),
        (
            "农家腊肉 烟熏 500斤，香肠 麻辣 300斤、甜味 200斤",
            # 农家 goes to the spec (session 32: the annotators drop it from the name)
            [("腊肉", D(500), "斤"), ("香肠", D(300), "斤"), ("香肠", D(200), "斤")],
        ),
        ("收鲜鸭蛋 做咸蛋用\n单枚60g以上 3万枚", [("鸭蛋", D(30000), "枚")]),
        ("灰铁铸件 月需求8000件，单件重约6.5kg", [("灰铁铸件", D(8000), "件")]),
        # a line under a title counts the title's goods when its word is a state or a build after a code
        ("采购模具钢：\nH13 退火态 200*400*2000 8块\n718H 预硬 5块", [("模具钢", D(8), "块"), ("模具钢", D(5), "块")]),
        ("帮电商客户找纸箱：\n五层瓦楞 加硬 40*30*25cm 3万个", [("纸箱", D(30000), "个")]),
        # but a product of its own under a title stays itself
        ("急需以下标准件：\nM8×25 外六角螺拴 镀锌 5000套", [("外六角螺栓", D(5000), "套")]),
        # a table row with more words than columns: the 规格 column holds the rest
        (
            "序号 品名 规格 数量\n1 黄连 味连 单支 300kg\n2 甘草 片 内蒙 1吨",
            [("黄连", D(300), "kg"), ("甘草", D(1), "吨")],
        ),
    ],
)
def test_specs_under_titles_and_in_wide_rows(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("急收 PP颗粒 20吨 注塑级", [("PP颗粒", D(20), "吨")]),  # resin pellets, not a spec (PP) and a form (颗粒)
        ("下周还要低筋粉150袋", [("低筋面粉", D(150), "袋")]),  # 低筋粉 is 低筋面粉, not a grade and a form
        # 均聚 is a resin grade, no goods: the resin is PP, written in capitals (the annotators' name for it)
        ("PP 均聚 T30S 20吨\n黑色母 500公斤", [("PP", D(20), "吨"), ("黑色母", D(500), "公斤")]),
    ],
)
def test_goods_written_as_grade_and_form(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2、往复式切药机 1台", [("往复式切药机", D(1), "台")]),  # 往复 (reciprocating) is no route (往…)
        ("激光切割机 6kW 2台\n有意向的请报名，后续统一组织对接", [("激光切割机", D(2), "台")]),  # 统一组织: no 一组
        ("顺便问一哈 哪个有生石灰卖 要两吨", [("生石灰", D(2), "吨")]),  # a sentence and a sale verb, not goods
        ("合作社要买两台空气能烘干机，每批能烘3吨鲜货的那种", [("空气能烘干机", D(2), "台")]),
    ],
)
def test_words_of_the_sentence_around_the_goods(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("帮朋友发一个，成都一家火锅底料厂要：\n牛油 一级 10吨", [("牛油", D(10), "吨")]),  # 发一个: one more post
        ("电动堆高车 1.6吨 提升3.5米 4台", [("电动堆高车", D(4), "台")]),  # 提升3.5米: the lift height
        ("招外协车辆：6.8米高栏 5台，按趟结算，6.8米 650一趟", [("高栏车", D(5), "台")]),  # 650一趟: a price a trip
        ("日均配送量 35吨左右\n需要冷藏车 8台", [("冷藏车", D(8), "台")]),  # how much, not what
    ],
)
def test_posts_heights_prices_and_volumes_are_no_goods(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("需求更新：750W伺服电机数量由40台调整为60台，其他不变", [("伺服电机", D(60), "台")]),
        ("黄芪由5吨改为8吨", [("黄芪", D(8), "吨")]),
    ],
)
def test_an_amount_changed_to_another_wants_the_new_one(text: str, expected: list) -> None:
    assert nqu(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "冬笋还差3吨，另外要玻璃罐（500ml）三万个",
            [("冬笋", D(3), "吨"), ("玻璃罐", D(30000), "个")],
        ),  # 还差: to come
        ("收购新鲜冬笋 8吨，每斤6块，毛重", [("冬笋", D(8), "吨")]),  # 每斤6块: a price, not six pieces
        ("收 猪二刀肉 50吨，12月1号开始每天送3吨左右", [("猪二刀肉", D(50), "吨")]),  # a delivery rate
        ("鹿角胶 50盒，龟甲胶 50盒", [("鹿角胶", D(50), "盒"), ("龟甲胶", D(50), "盒")]),  # not 龟甲 + 胶
        ("要：阿胶糕（礼盒装）100盒", [("阿胶糕", D(100), "盒")]),
        ("补货：灵芝孢子粉（破壁）20盒", [("灵芝孢子粉", D(20), "盒")]),
        ("收化橘红 200斤、橘红 100斤", [("化橘红", D(200), "斤"), ("橘红", D(100), "斤")]),  # two pharmacopoeia entries
        ("竹荪 100斤", [("竹荪", D(100), "斤")]),  # a mushroom, not 竹笋 misspelt
    ],
)
def test_what_is_still_missing_prices_rates_and_distinct_medicines(text: str, expected: list) -> None:
    assert nqu(text) == expected
