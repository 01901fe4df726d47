"""Procurement signals beyond dictionary items: lists of amounts written on one line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    "text",
    [
        "铝棒 6061 Φ50 12段，Φ80 6段，Φ100 4段",  # no dictionary product, no buying word
        "铜排 TMY 40×4 12段，50×5 8段，60×6 6段",
        "线切割 钼丝 0.18mm 20卷，铜丝 0.25 慢走丝 10卷。急",  # two amounts in two clauses
        "谁有 硬质合金立铣刀 D10*75L 4刃 要20把，D6的也要20把",  # 谁有 … 要20把 is a buyer, not a peer question
        "变频器 ABB ACS580 22kW 4台，施耐德 30kW 2台，原装带合格证，報價請附交期",  # asks suppliers to quote
    ],
)
def test_amounts_in_one_line_are_a_list(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "procurement"


@pytest.mark.parametrize(
    "text",
    [
        "今天发了3车，到了2车，还剩5车在路上",  # what happened
        "今天发3车，明天到2车，还剩5车",
        "我们库存还有：S136 6块，718H 4块，H13 10段，需要的联系",  # an offer
        "上周加班3天，每天多干2小时，工资才多200块",
        "充电桩昨天送上电了，6个桩全部调试通过，10台车今天正式上路",  # a fix reported
        # an application handed in to an office: the goods in it are the project's, the ask is to speed it up
        "国网的左工 我们新建的冷库要装8个直流快充桩给冷藏车充电 报装材料交了 能不能加快一点 双十一等着用",
        "冉经理 我们新厂房要装两台800kVA的变压器 报装申请交了快一个月了 一直没人来现场勘查 工期真的等不起了",
    ],
)
def test_amounts_that_are_not_a_buyers_list(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label != "procurement"


def test_a_table_with_a_header_row_is_a_list(an: Analyzer) -> None:
    rows = [
        "序号\t物料名称\t规格型号\t单位\t数量\t备注",
        "1\t六角螺栓\tM12*40\t个\t20000\t",
        "2\t平垫圈\t12\t个\t40000\t",
    ]
    a = an.analyze("\n".join([*rows, "报价请发 吴"]), now=NOW, role="enterprise")
    assert a.label == "procurement"
    got = [(i.name, int(i.quantity or 0), i.unit) for i in a.items]
    assert got == [("六角螺栓", 20000, "个"), ("平垫圈", 40000, "个")]


def test_tables_with_full_width_bars_and_price_columns(an: Analyzer) -> None:
    text = "名称｜规格｜数量｜单价上限\n木托盘｜1200×1000｜800片｜65元/片\n塑料托盘｜1200×1000 川字｜300片｜140元/片"
    items = an.analyze(text, now=NOW, role="enterprise").items
    assert [(i.name, int(i.quantity or 0)) for i in items] == [("木托盘", 800), ("塑料托盘", 300)]
    text = "|品名|规格|数量|到店价|\n|三七粉|文山 20头 超细粉|500罐|168元/罐|"
    assert [(i.name, int(i.quantity or 0), i.unit) for i in an.analyze(text, now=NOW, role="enterprise").items] == [
        ("三七粉", 500, "罐")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "LED工矿灯 150W 80盏，仓库用的，要防眩光，品牌无所谓，含安装，报价发我",  # 盏
        "品名\t型号\t数量\n伺服驱动器\t松下 MADLN15SE\t10\n编码器\t欧姆龙 E6B2\t25\n请尽快报价，6/26前到",
        "节后要租仓库 2000平 带月台 园区附近 租3个月，有空库的老板联系",  # floor area in 平
    ],
)
def test_lamps_tables_to_quote_and_floor_area(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "procurement"


@pytest.mark.parametrize(
    "text",
    [
        # 配送 (delivery), 备案 (filing), 设备 (equipment) and 配合 (co-operate) hold no buying verb
        "各物流企业注意：6月8日至14日开展货车通行专项整治，未办理城市配送车辆备案的4.5吨以下货车白天禁止进入二环内",
        "请各企业配合做好园区内3台以上叉车的安全检查，周五前报送",
        "特种设备5台以上的企业，请于月底前报送安全管理员名单",
    ],
)
def test_an_officials_notice_with_a_vehicle_class_is_no_list(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="official").label == "policy"
    assert "need_qty" not in an.features.extract(text, "official", None, [], {}).present


@pytest.mark.parametrize(
    ("text", "mentions", "names"),
    [
        # 急采 buys, and "those who have stock call me" is a buyer's line, not a seller's 有货
        (
            "急采：工业除湿机 20L/h以上 6台，防静电周转箱 600*400*280 300个，有货的电话我",
            (),
            ["工业除湿机", "防静电周转箱"],
        ),
        # a buy demand addressed to one person; 你们那个 points at the goods, it is no part of their name
        ("@麻辣世家-蒋姐 蒋姐，给我来500斤你们那个牛油火锅底料，下周要", ("麻辣世家-蒋姐",), ["牛油火锅底料"]),
    ],
)
def test_buyers_lines(an: Analyzer, text: str, mentions: tuple[str, ...], names: list[str]) -> None:
    a = an.analyze(text, now=NOW, role="enterprise", mentions=mentions)
    assert a.label == "procurement"
    assert [i.name for i in a.items] == names


@pytest.mark.parametrize("text", ["昨天敖平收鲜的两块八一斤", "收的 十七八一公斤", "收购价 3块5一斤"])
def test_a_price_a_jin_is_no_wanted_amount(an: Analyzer, text: str) -> None:
    """两块八一斤 is 2.8 a jin, not eighty-one jin wanted."""
    assert "need_qty" not in an.features.extract(text, "enterprise", None, [], {}).present


def test_a_table_headed_设备_with_a_rental_term_column(an: Analyzer) -> None:
    rows = ["设备｜规格｜数量｜租期", "模温机｜油温 9KW｜4台｜3个月", "冷水机｜风冷 10HP｜2台｜3个月"]
    text = "\n".join(["模温机和冷水机租赁需求", *rows, "6月20日前到位"])
    a = an.analyze(text, now=NOW, role="enterprise")
    assert [(i.name, i.spec, int(i.quantity or 0), i.unit) for i in a.items] == [
        ("模温机", "油温 9KW", 4, "台"),
        ("冷水机", "风冷 10HP", 2, "台"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a buying verb and the goods, the amount in a later clause: 量大从优 and 有货 do not make it an offer
        "收党参，统货八吨，要今年新货、无硫的，价格随行就市，量大从优。有货的打电话 135 5694 8871",
        "收新麦冬，含水12%以内，颗粒均匀，300斤，月底前入库",
        # whoever has the goods is to call: the sender buys
        "急求！干花椒 3吨，要大红袍，颗粒饱满，端午前要到。哪个有货喊我",
        "有个老板托我收丹参，统货 五吨，要干度够的，有货的乡亲找我",
    ],
)
def test_a_buyer_whatever_offer_words_follow(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label == "procurement"


@pytest.mark.parametrize(
    "text",
    [
        "收到，谢谢，明天把那2吨的发票开过来",  # 收到 is no buying verb
        "收费标准，按每车300元",
        "今天成都到重庆还有一台9米6回程空车，有货的联系",  # a truck looking for cargo: an offer
    ],
)
def test_not_a_buyer(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label != "procurement"


def test_vehicles_just_arrived_are_no_list(an: Analyzer) -> None:
    """新到了5台冷藏车: bought already; the ask is for a registration."""
    text = (
        "@交通局-陈科 陈科早，我们节前新到了5台冷藏车，要跑城区配送，城市配送车辆备案现在咋弄？能不能赶在国庆前办下来"
    )
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_an_officials_quoted_answer_stating_a_threshold_is_no_list(an: Analyzer) -> None:
    """占地要在6000平方米以上 is a condition of the relief, not an amount wanted."""
    text = (
        "「华通仓储-赵姐：想问下税务局，自有仓储用地的城镇土地使用税能不能减半征收？」\n- - - - - - - - - - - - - - -\n"
        "赵姐，这个优惠延续到2027年底，大宗商品仓储设施用地按税额标准的50%计征，仓储设施占地要在6000平方米以上。"
    )
    assert an.analyze(text, now=NOW, role="official").label == "answer"


def test_people_wanted_are_no_goods(an: Analyzer) -> None:
    """普工还缺60多个: staff, a matter for 人社局, not a buyer's list."""
    text = "周科，我们普工还缺60多个，端午后订单要上量，能不能帮忙对接下职校或者劳务输出地？"
    assert an.analyze(text, now=NOW, role="enterprise").label == "request"


def test_workers_wanted_with_a_machine_named_are_no_goods(an: Analyzer) -> None:
    """缺30个数控车床操作工: staff to hire (数控车床 says which), not thirty lathes bought."""
    text = (
        "@人社局-周科 周科，我们年后要扩产，缺30个数控车床操作工，"
        "春节前就想把人定下来，有没有招聘会或者用工对接的渠道？"
    )
    assert an.analyze(text, now=NOW, role="enterprise", mentions=["人社局-周科"]).label == "request"


def test_a_buyers_price_ceiling_is_no_market_talk(an: Analyzer) -> None:
    """9块一斤以内: the most a buyer pays, in a list; not a price quoted in market talk."""
    text = "年底最后一批了：白芷（川白芷 统货）3吨，9块一斤以内；麦冬（川麦冬 一级）1吨；黄芩（条芩）2吨。月底前到厂"
    assert an.analyze(text, now=NOW, role="enterprise").label == "procurement"
