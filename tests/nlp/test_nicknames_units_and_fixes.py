"""Officials named by the district and a bureau's short name, tons written T, fixes told as relief, a buyer's list
all bought, words holding 活动 that are no event, offers of a supply channel, and a building of the analyzer that
leaves the extraction module for the first list (session 28)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from nlp import Analyzer, extraction
from nlp.roles import parse_nickname
from nlp.route import load_departments

NOW = datetime(2028, 9, 20, 10, 0, tzinfo=timezone(timedelta(hours=8)))
ROOT = Path(__file__).resolve().parents[2]


def _an(text: str, role: str = "enterprise"):
    return Analyzer.default().analyze(text, now=NOW, role=role)


@pytest.mark.parametrize(
    ("nickname", "department"),
    [
        ("青溪税务小叶", "税务局"),  # the district's name, the bureau's short name, the person
        ("区税务小叶", "税务局"),
        ("青溪税务-小叶", "税务局"),
        ("税务小刘", "税务局"),
        ("老王税务", None),  # a person's name, then a trade: no office
        ("华联物流小王", None),
    ],
)
def test_an_office_named_after_its_district(nickname: str, department: str | None) -> None:
    assert parse_nickname(nickname, load_departments())[2] == department


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收丹参 1.5t，白芍 2T", [("丹参", "t"), ("白芍", "T")]),  # the ton as written (most annotators keep it)
        ("钢板 Q235 3T 厚度5mm", [("钢板", "T")]),
        ("冻鸡腿 500KG", [("鸡腿", "KG")]),  # kilograms stay as written
        ("T恤 500件", [("T恤", "件")]),
    ],
)
def test_a_ton_written_t(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(i.name, i.unit) for i in extraction.items(text)] == expected


# (text, role, label, the flag it must carry or "-", what it must be)
CASES = [
    ("收到报告了，终于放心了，谢谢张科！[抱拳]", "enterprise", "chatter", "resolution", True),
    (
        "今天员工体检二十八个人全部做完了，医生八点不到就来了，谢谢疾控的同志们",
        "enterprise",
        "chatter",
        "resolution",
        True,
    ),
    ("那个县道的事终于有回音了，谢谢马科", "enterprise", "chatter", "resolution", False),  # an answer, not a fix
    ("今天食堂开到1点了，终于吃上热饭了[呲牙]", "enterprise", "chatter", "resolution", True),
    ("伺服电机和丝杠也到位了，采购单全部配齐，感谢各位老板", "enterprise", "chatter", "need_met", True),
    (
        "研发费用加计扣除比例是100%，注意研发活动要单独设辅助账，10月份预缴申报时就可以选择享受",
        "official",
        "answer",
        "-",
        True,
    ),
    ("潘经理，Molex我们有代理渠道，JST那个要问一下，下午回你", "enterprise", "chatter", "-", True),
    ("电费又涨咯，这个月冷库电费比上个月多了一万多，这日子没法过咯", "enterprise", "chatter", "-", True),
]


@pytest.mark.parametrize(("text", "role", "label", "flag", "value"), CASES)
def test_label_and_flag(text: str, role: str, label: str, flag: str, value: bool) -> None:
    a = _an(text, role)
    assert a.label == label
    if flag != "-":
        assert getattr(a, flag) is value


def test_an_ask_across_land_power_and_subsidies_has_no_single_owner() -> None:
    text = "我们合作社想在村头修个冷库带烘干房，要两亩地，还要拉动力电，听说还有补贴，到底该找哪个部门哦？"
    assert Analyzer.default().route(text) is None


def test_building_the_analyzer_leaves_the_extraction_module_for_the_first_list() -> None:
    code = (
        "import sys\nfrom datetime import datetime\nfrom nlp import Analyzer\n"
        "a = Analyzer()\na.analyze('厂门口的路灯坏了，麻烦园区帮忙看看', now=datetime.now(), role='enterprise')\n"
        "before = 'nlp.extract' in sys.modules\n"
        "items = a.analyze('求购当归 3吨', now=datetime.now(), role='enterprise').items\n"
        "print(before, 'nlp.extract' in sys.modules, [i.name for i in items])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "['当归']"]
