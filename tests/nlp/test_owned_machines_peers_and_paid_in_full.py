"""Session 31, second round: machines just added (新上两台冻干机) are owned, not bought; a short-handed company
asking the labour office for workers raises a request; peers' questions (有没有跑新疆专线的车队,
其他家有没有遇到过, 铁路冷链集装箱有没有人在用…稳不稳定) and "我问下客户" are chatter; a refund paid in full
(退稅全部到齊) confirms, an instruction to apply once bought (买了带发票…到农机站申请) does not; 技改补贴
is 经信局's."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer
from nlp.threads import asks_progress, asks_recheck

NOW = datetime(2032, 10, 1, 10, 0)
ENT, OFF = "enterprise", "official"


@pytest.mark.parametrize(
    ("text", "mentions", "label"),
    [
        (
            "@供电公司-张工 张工，我们新上两台冻干机，变压器315要增容到630kVA，申请交了，节前能不能先来现场勘查？",
            ("供电公司-张工",),
            "request",
        ),
        (
            "@人社局-周振 周科，博远年底接了个大单，SMT操作工缺30个左右，有没有办法帮忙对接一下？急[流泪]",
            ("人社局-周振",),
            "request",
        ),
        ("有没有跑新疆专线的车队？平台上有几票货想找长期合作的", (), "chatter"),
        ("昨晚凌晨两点多冷库片区突然停了半个小时，其他家有没有遇到过？我还以为是我们自己的问题", (), "chatter"),
        ("请教一下各位，铁路冷链集装箱有没有人在用？从青白江发广州那条线，温控稳不稳定", (), "chatter"),
        ("好的彭科 清真这个还真没想到 我问下客户", (), "chatter"),
        ("G108上今早好多团雾，能见度不到五十米，跑车的兄弟伙慢点开", (), "chatter"),
    ],
)
def test_label(an: Analyzer, text: str, mentions: tuple, label: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == label


@pytest.mark.parametrize(
    ("text", "role", "resolution"),
    [
        ("收到了，退稅全部到齊，感謝鄭科🙏", ENT, True),
        ("看到了！城区可以跑了 谢谢陈科 [强][强]", ENT, True),
        ("沉淀池今天弄好了，水都回用了。环保的同志今天来复查说可以了，谢谢哈！", ENT, True),
        ("整改完了，下周来复查", ENT, False),  # the re-inspection is still to come
        ("@何大姐 辣椒烘干机在补贴目录里，指标还有。买了带发票、合格证到农机站申请，节后就能办。", OFF, False),
    ],
)
def test_resolution(an: Analyzer, text: str, role: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=role).resolution is resolution


@pytest.mark.parametrize(
    "text",
    [
        "周转箱定了众诚的，手环也买齐了，谢谢潘总",
        "体温计也配齐了，采购清单可以关了",
        "冰板和保温箱都到了，够用了，谢谢帮忙找货的朋友",
    ],
)
def test_the_list_settled(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role=ENT).need_met


def test_a_renovation_subsidy_goes_to_the_economy_office(an: Analyzer) -> None:
    text = "我们想把冷库液氨制冷改成氟利昂的，投入大概200万，这种安全改造有没有技改补贴？找哪个部门？"
    assert an.route(text) == "经信局"


def test_submitted_and_asked_to_check() -> None:
    assert asks_recheck("汤圆线的变更材料网上交了，节后麻烦安排核查")
    assert asks_recheck("标签样稿已经发到邮箱了，麻烦有空帮忙看哈")
    assert not asks_recheck("材料交了吗？")
    assert asks_progress("方案我们看了，没问题，啥时候能施工？")
