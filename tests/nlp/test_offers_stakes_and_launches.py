"""Session 30: an official giving something ("你先拿200株去试") or listing the main problems found (主要问题：…) is no
buyer; a road's stake numbers (K3+000至K6+200) are no quantity; "各位老板，出售…5000个起订" is a seller's offer, in
the text alone too; "豆瓣我们岷江有" answers a buyer; a requester's launch made possible by the fix, thanked, is a
resolution; an order placed with a supplier meets the need; PE and PP are specs of an item's name, 冷藏
part of it; asking whether a promised change began follows up a request; 医保定点 is no canonical office's."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.extract import extract_items
from nlp.threads import asks_progress

TZ = timezone(timedelta(hours=8))
NOW = datetime(2031, 3, 11, 10, 0, tzinfo=TZ)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.default()


@pytest.mark.parametrize(
    ("text", "role", "mentions"),
    [
        (
            "@椒香合作社-马大哥 马哥，县里今年辣椒良种补贴每亩120元，要求连片50亩以上，品种可以试下川腾10号，"
            "农技中心下周有试验苗，你先拿200株去试",
            "official",
            ("椒香合作社-马大哥",),
        ),
        (
            "@华冷物流-甘经理 今天下午到华冷冷库现场看了，主要问题：1.氨泄漏报警探头有2个失效；"
            "2.机房防爆风机不能联动。整改意见书明天发你",
            "official",
            ("华冷物流-甘经理",),
        ),
        (
            "@速达物流-彭经理 之前说的X108修补时间定了：3月19日至21日施工K3+000至K6+200段，半幅通行，大货车建议绕行",
            "official",
            ("速达物流-彭经理",),
        ),
    ],
)
def test_an_official_giving_or_reporting_is_no_buyer(
    analyzer: Analyzer, text: str, role: str, mentions: tuple[str, ...]
) -> None:
    a = analyzer.analyze(text, now=NOW, role=role, mentions=mentions)
    assert a.label != "procurement"
    assert a.items == []


@pytest.mark.parametrize("role", ["enterprise", "unknown"])
@pytest.mark.parametrize(
    "text",
    [
        "各位老板，出售食品级真空包装袋、铝箔袋、自立袋，可印logo，5000个起订，量大还有优惠，要的私聊 15283196607",
        "宋姐豆瓣我们岷江有，500g玻璃瓶的，明天把样品送过来",
        "纸箱我家有，三层五层都做，1000个起订",
    ],
)
def test_a_sellers_offer_or_reply_is_chatter(analyzer: Analyzer, text: str, role: str) -> None:
    assert analyzer.analyze(text, now=NOW, role=role).label == "chatter"


def test_addressing_everyone_is_no_officials_voice(analyzer: Analyzer) -> None:
    assert analyzer.voice.infer("各位老板,出售真空包装袋") is None
    assert analyzer.voice.infer("赵经理,材料带齐到窗口办理") == "official"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("@住建局-吴工 消防验收意见书拿到了，二期仓库今天正式启用，谢谢吴工！", True),
        ("检测报告拿到了，新产线今天正式启用，感谢市监局", True),
        ("【通知】区政务服务网上大厅已上线，企业可在线申报", False),  # news for everyone, thanked by no one
        ("系统已开通，大家可以登录试试", False),
    ],
)
def test_a_launch_the_fix_made_possible_thanked_is_a_resolution(analyzer: Analyzer, text: str, flag: bool) -> None:
    role = "enterprise" if flag else "official"
    assert analyzer.analyze(text, now=NOW, role=role).resolution is flag


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("邱老板的机箱样品看了，挺好，200套就交给鼎盛做了，这个需求够了 [强]", True),
        ("纸箱全部交给宏达来做了，谢谢各位报价", True),
        ("这个需求够了吗？", False),
        ("我们想把包装交给专业的公司做，有推荐的吗", False),
    ],
)
def test_an_order_placed_with_a_supplier_meets_the_need(analyzer: Analyzer, text: str, met: bool) -> None:
    assert analyzer.analyze(text, now=NOW, role="enterprise").need_met is met


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("PE自封袋 20×30cm 1万个，PP打包带 200卷", ["自封袋", "打包带"]),
        ("冷藏保温箱 EPP 60L 200个", ["冷藏保温箱"]),
        ("冷藏集装箱 20尺 二手 3个", ["冷藏集装箱"]),
        ("塑料托盘 1200×1000 500个", ["塑料托盘"]),  # a material (塑料) stays
    ],
)
def test_resin_codes_are_specs_refrigeration_is_part_of_the_name(text: str, names: list[str]) -> None:
    assert [i.name for i in extract_items(text)] == names


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("@区交通运输局-陈立 陈科，今天开始末班车延后了吧？我好通知员工", True),
        ("下周一起是不是就开始执行了吗", True),
        ("从下个月开始我们要扩产，能不能帮忙协调用地", False),
    ],
)
def test_asking_whether_a_promised_change_began(text: str, asks: bool) -> None:
    assert asks_progress(text) is asks


def test_medical_insurance_designation_is_no_canonical_offices(analyzer: Analyzer) -> None:
    text = "请问下各位领导，我们康养中心想申请医保定点，这个是找哪个部门？群里有医保局的同志吗？"
    assert analyzer.route(text) is None
    assert analyzer.route("新招的员工社保和医保怎么交，能不能帮我们问下人社局") == "人社局"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("今天赶场 白纸收购价八块五一斤 比上个礼拜涨了五毛", "enterprise"),  # a price per 斤, no amount bought
        ("谁有靠谱的货车司机推荐，我们缺两个长期跑川渝线的", "enterprise"),  # people to hire
        ("五一单量估计要翻倍，骑手还差8个，有介绍的吗", "enterprise"),
        ("自家果园的枇杷下个月就熟了，需要员工福利的老板可以找我订，10斤装一箱", "enterprise"),
        ("唐经理你好我们是川北粮油的菜籽油我们有压榨一级的五升桶装八百桶没得问题价格我私聊你哈", "enterprise"),
        (
            "@百草园合作社-曾社长 热泵烘干机在农机补贴目录里，按目录分档定额补，一般一台几千到一万多，看型号。",
            "official",
        ),  # a price per machine
    ],
)
def test_prices_per_unit_hiring_and_offers_are_no_lists(analyzer: Analyzer, text: str, role: str) -> None:
    assert analyzer.analyze(text, now=NOW, role=role).label != "procurement"


def test_a_bought_amount_with_its_price_is_still_a_list(analyzer: Analyzer) -> None:
    a = analyzer.analyze("收购：新产菜籽 约800吨，收购价3.1元/斤，联系 133 0838 2657", now=NOW, role="enterprise")
    assert a.label == "procurement"
    assert [(i.quantity, i.unit) for i in a.items] == [(800, "吨")]


@pytest.mark.parametrize(
    "text",
    [
        "马主任 落大雨了 我们厂后头围墙边上那个排水沟漫起来了 水往车间里头灌 快点喊人来帮下忙 电话打不通",  # no fix
        "园区北门那个道闸坏了三天了，一直抬起的，外面的车随便进来停，我们员工的车位都被占完了",  # 占完 is no fix
        "何科长 我们酒厂营业执照的法人要换成我儿子 要哪些手续 我老了跑不动了",  # asks a procedure, tired or not
    ],
)
def test_floods_taken_spaces_and_an_old_mans_procedure_are_requests(analyzer: Analyzer, text: str) -> None:
    a = analyzer.analyze(text, now=NOW, role="enterprise")
    assert a.label == "request"
    assert not a.resolution


def test_a_diagnosis_is_nothing_broken(analyzer: Analyzer) -> None:
    assert analyzer.analyze("服务券领了，拿来做数字化诊断刚好", now=NOW, role="enterprise").label == "chatter"
    assert analyzer.analyze("停了一天的水终于来了，谢谢", now=NOW, role="enterprise").resolution
