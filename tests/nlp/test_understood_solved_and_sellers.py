"""Session 32, second round: "明白了，那我们就…，谢谢X" and "好了，明白了，谢谢X" settle a question; "问题解决" and
"这事圆满了/落实了" say it is solved without 了; "系统换了找不到入口" and "问题解决不了" are no fix; "这单够了/这单齐了"
and "清单上的料已经齐了" meet a buyer's need; 要是 and 要了 want nothing; 出清, 常年供货, 欢迎各位老板询价 are sellers;
哪位懂X的, 有没有人了解 and 有没有哪个烘房可以代烘的 ask peers; a notice's 要提前报名不 or 可以来两个人吗 asks
nothing of an office; a peer called 吴老四 is spoken to as a peer; 定尺6米 and 单重20-80kg are sizes, not amounts."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Analyzer, extraction
from nlp.threads import asks_progress

NOW = datetime(2033, 6, 15, 10, 0)
ENT = "enterprise"


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("明白了，那就7月再报，谢谢刘科[抱拳]", True),
        ("好了，明白了，谢谢蒋科 [强]", True),
        ("好了 明白了 谢谢唐科！", True),
        ("明白了，是我们会计算错了，问题解决，谢谢郑科🙏", True),
        ("问题解决，谢谢郑科", True),  # no 了 anywhere
        ("今天招聘会收了二十多份简历，调度客服岗位基本能招满，谢谢周科安排，这事圆满了[强]", True),
        ("钱到账了，这事总算落地，谢谢何科和金融办[抱拳]", True),
        ("明白了，谢谢陈科", False),  # a plain thanks for an explanation stays a thanks
        ("@交通局-陈科 陈科，我们平台的道路运输经营许可今年年审，系统换了找不到入口，急死了", False),
        ("这个问题解决不了，还得再想办法", False),
        ("这个问题解决了吗？", False),
    ],
)
def test_settled(an: Analyzer, text: str, resolution: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).resolution is resolution


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("保温箱和冰袋都到了，记录仪也买好了，这单够了，谢谢丁老板和各位", True),
        ("老孔的洋葱生姜早上到了，货不错，这单齐了", True),
        ("冷轧板和镀锌板都到厂了，清单上的料已经齐了，谢谢各位 [抱拳]", True),
        ("这单够了吗？", False),
    ],
)
def test_need_met(an: Analyzer, text: str, met: bool) -> None:
    assert an.analyze(text, now=NOW, role=ENT).need_met is met


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("阿强昨晚吓惨了吧，两百吨冻品要是化了，一年白干", "chatter"),
        ("出清一批库存，需要的老板联系：\n· 数控刀片 CNMG120408 200盒 18元/片\n· 三爪卡盘 K11-250 3个", "chatter"),
        ("本厂常年供货，欢迎各位老板询价🙏\n1、五层瓦楞纸箱，最低500个起做\n2、珍珠棉EPE 2mm～50mm", "chatter"),
        ("白芷我有，切片的统货一吨五，@阿彬 要的话明天来看货", "chatter"),
        ("哪位懂抖音直播的？我们想把剩下的粽子在直播间清一清", "chatter"),
        ("有没有人了解，预制菜现在去商超进场费大概多少？", "chatter"),
        ("今年雨水太多了，厚朴晒也晒不干。有没有哪个烘房可以代烘的？价钱好说", "chatter"),
        ("郑科，这个要提前报名不？", "chatter"),
        ("吴主任，座谈会我们可以来两个人吗", "chatter"),
        ("吴老四，我前年在那边种的时候问过，林下种植不改变林地用途的好像不用审批，不过最好还是问清楚", "chatter"),
        ("@税务局-郑科 郑科，我们收购农户的粽叶和糯米，自己开农产品收购发票，进项抵扣按9%还是10%？", "request"),
    ],
)
def test_label(an: Analyzer, text: str, label: str) -> None:
    mentions = [text[1:].split(" ", 1)[0]] if text.startswith("@") else []
    assert an.analyze(text, now=NOW, role=ENT, mentions=mentions).label == label


def test_waiting_how_long_asks_after_the_request() -> None:
    assert asks_progress("蒋科，燃气公司昨天来测了，说要换调压箱，那要等好久嘛？")


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "序号\t名称\t材质/规格\t需求量\n1\t灰铁铸件\tHT250 单重20-80kg\t60吨\n2\t锻造法兰\t42CrMo 调质\t800件",
            [("灰铁铸件", 60, "吨"), ("锻造法兰", 800, "件")],
        ),
        ("钢管 定尺6米 100根", [("钢管", 100, "根")]),
    ],
)
def test_sizes_are_no_amounts(text: str, items: list[tuple[str, float, str]]) -> None:
    assert [(i.name, float(i.quantity or 0), i.unit) for i in extraction.items(text)] == items
