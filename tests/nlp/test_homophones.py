"""Homophone typos in item names (nlp/homophones.py) and the pinyin table behind them."""

from __future__ import annotations

import pytest

from nlp.extract import extract_items
from nlp.homophones import correct
from nlp.vocab import DICTS


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("鱼星草", "鱼腥草"),  # a herb typed by its sound
        ("白址", "白芷"),
        ("黄旗", "黄芪"),
        ("不秀钢板", "不锈钢板"),  # a misspelt spec word inside a product name
        ("拖盘", "托盘"),
        ("铝行材", "铝型材"),
        ("电揽", "电缆"),
        ("周转相", "周转箱"),
        ("党申", "党参"),  # 参 is shen in every herb, though can (参加) is its common reading
        ("西洋生", "西洋参"),  # sheng for shen: the merged -n/-ng of southwestern speech
    ],
)
def test_homophone_typos_are_corrected(typed: str, meant: str) -> None:
    assert correct(typed) == meant


@pytest.mark.parametrize(
    "name",
    [
        "包装带",  # strapping, not 包装袋: another head noun is another product
        "安全鞋",  # 全鞋 sounds like the herb 全蝎, but a herb is a whole name
        "冷冻鸡腿",  # known words as written
        "内六角圆柱头螺钉",
        "新能源物流车",
        "早籼米",
        "PP粒子",  # 粒子 sounds like 李子, but a two-character word is replaced only as a whole name
        "防静电托盘",  # 电托 is no 电池: 池 is never read tuo in a product
    ],
)
def test_correct_names_are_left_alone(name: str) -> None:
    assert correct(name) == name


def test_known_aliases_become_canonical() -> None:
    assert correct("川穹") == "川芎"


def test_typos_are_corrected_in_extracted_items() -> None:
    items = extract_items("收购鱼星草 鲜品 每天3吨，另收 304 不秀钢板 2.0mm 8吨")
    assert [(it.name, it.quantity) for it in items] == [("鱼腥草", 3), ("不锈钢板", 8)]


def test_pinyin_table_covers_every_dictionary_character() -> None:
    """Rebuild nlp/dicts/pinyin.txt (tools/build_pinyin_table.py) after adding characters to a dictionary."""
    table = {
        line.split()[0] for line in (DICTS / "pinyin.txt").read_text(encoding="utf-8").splitlines() if line[:1] != "#"
    }
    chars = {c for p in DICTS.glob("*.txt") for c in p.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff"}
    assert chars - table == set()


def test_a_real_word_inside_a_name_is_no_typo() -> None:
    assert correct("柏树枝") == "柏树枝"  # 树枝 sounds like 树脂 but is a word
    assert correct("红薯淀份") == "红薯淀粉"
