"""Session 39, second round: thanks or a nudge followed by another ask (另外…, 顺便问下…) is a request; a grower's
plea to find buyers is one though they despair, and 收购商 buys nothing of the writer's; "找供电所还是找园区" asks how;
a squatted trademark is a trouble; "要不要单独标" asks; a brand sought among members (哪个牌子耐用), a seller's
price asked of a member (阿龙你种苗啥价？), a lab's advert (加急, 欢迎咨询), a writer who will ask an office themselves
and a maker's minimum order (起订500个) are chatter; a crane's inspection is 市场监管局's. Grades one after another
(P20 2吨 H13 1.5吨) are the product before; "还有豆瓣 十吨" starts a new item; 胆南星 and 二氧化碳气 are named;
a contract signed (签完了) is done; a plan put off (先不弄了…等明年) and a need met by a neighbour withdraw; an
introduction (严所（城东供电所）) tells which office a member works for."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal as D

import pytest

from bot.config import load_settings
from nlp import Analyzer
from nlp.extract import extract_items
from nlp.roles import introduced_as
from nlp.withdrawal import dropped_or_met_alone, withdraws

NOW = datetime(2036, 9, 10, 10, 0)
ENT = "enterprise"


@pytest.mark.parametrize(
    ("text", "label", "department"),
    [
        (
            "危货许可拿到了 谢谢罗科[抱拳] 另外我们还想在经营范围里加个第三类医疗器械的仓储 "
            "这个是变更执照还是单独办备案",
            "request",
            "行政审批局",
        ),
        (
            "钟科 特检院明天就来检了 谢谢帮忙协调[抱拳] 顺便问下 我们车间那几台压力罐是不是也要一起检",
            "request",
            "市场监管局",
        ),
        (
            "今年白芷收了八十多吨 收购商来了就压到9块多一公斤 去年还13 种的人都不想干了 "
            "政府这边有没有啥子渠道帮我们对接下药厂嘛",
            "request",
            "商务局",
        ),
        ("我们停车场想装20个快充桩 给自己的电动货车用 报装是找供电所还是找园区", "request", "供电公司"),
        ("我们两台10吨的桥式起重机 年检证快到期了 以前检的单位说今年不归他们了 现在该找哪个", "request", "市场监管局"),
        (
            "我们商标被人抢注了 就是用了十几年的“蓉草”两个字 外地一家公司注册的 现在还发函说我们侵权 [流泪]",
            "request",
            None,
        ),
        ("何科 我们流心奶黄的 标签上要不要单独标“含乳制品”的致敏物提示 前年被客户提过这个问题", "request", None),
        ("有没有朋友用过国产的激光切割机 3015的 哪个牌子耐用点 想换一台", "chatter", None),
        ("阿龙你种苗啥价？", "chatter", None),
        (
            "众信检测：承接CMA/CNAS资质的材料检测、盐雾试验、尺寸三坐标检测，节后报告加急3天出，欢迎咨询📞",
            "chatter",
            None,
        ),
        ("那太好了 我先问问供电所能不能改，改不了就找你", "chatter", None),
        (
            "【众诚包装】5月特价：五层瓦楞纸箱 定做 起订500个，单价低至2.3元；"
            "气泡膜 1.2米宽 50米/卷 38元；需要的老板私聊📦",
            "chatter",
            None,
        ),
    ],
)
def test_labels(an: Analyzer, text: str, label: str, department: str | None) -> None:
    a = an.analyze(text, now=NOW, role=ENT)
    assert a.label == label
    if department:
        assert a.department == department


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "宏远模具采购 模具钢 P20 2吨 H13 1.5吨 Cr12MoV 一千公斤 铜电极 红铜 300kg",
            [("模具钢", 2, "吨"), ("模具钢", D("1.5"), "吨"), ("模具钢", 1000, "公斤"), ("铜电极", 300, "kg")],
        ),
        (
            "牛油不够了再要三十吨一级牛油 还有豆瓣 十吨 老姜 五吨",
            [("牛油", 30, "吨"), ("豆瓣", 10, "吨"), ("老姜", 5, "吨")],
        ),
        ("麻烦各位报个价\n半夏 姜半夏 200kg\n胆南星 50kg", [("半夏", 200, "kg"), ("胆南星", 50, "kg")]),
        ("焊丝 ER50-6 1.2mm 15吨 二氧化碳气 瓶装 三百瓶", [("焊丝", 15, "吨"), ("二氧化碳", 300, "瓶")]),
    ],
)
def test_items(text: str, expected: list) -> None:
    assert [(i.name, i.quantity, i.unit) for i in extract_items(text)] == [(n, D(q), u) for n, q, u in expected]


def test_a_contract_signed_is_done(an: Analyzer) -> None:
    assert an.analyze("续贷合同今天签完了，500万一分没少，太感谢熊主任了🙏🙏", now=NOW, role=ENT).resolution


def test_a_plan_put_off_and_a_need_met_by_a_neighbour_withdraw() -> None:
    assert dropped_or_met_alone("@严所 严所，充电桩的事先不弄了，老板说等明年新厂房建好再一起装，谢谢啊")
    met = "@农技站-蒲站长 蒲站长 那个天麻的事不用过来了哈，隔壁老周来看过了，说盖得可以"
    assert withdraws(met) and dropped_or_met_alone(met)


def test_an_introduction_tells_the_office() -> None:
    deps = [d.model_dump() for d in load_settings().departments]
    intro = (
        "新进群的几位领导介绍一下：邵科长（区经信局企业服务科）、贺主任（园区管委会）、"
        "严所（城东供电所）、小岑（区科技局高新科）"
    )
    assert [introduced_as(intro, n, deps) for n in ("邵科长", "贺主任", "严所", "小岑")] == [
        "经信局",
        "园区管委会",
        "供电公司",
        "科技局",
    ]
    assert introduced_as(intro, "周科", deps) is None
