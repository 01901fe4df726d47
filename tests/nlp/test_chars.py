"""Character-class set tests and maps agree with frozenset operations and str.translate."""

import random

import pytest

from nlp.chars import CharMap, CharSet
from nlp.numbers import FULLWIDTH, NORMALIZE_LITE

SETS = ["不无用撤取诉申需", "0123456789gm*x×", "𠀀𡈽丟並", "]^-\\[a"]
TEXTS = ["", "不用了", "电话13812340000", "𠀀x", "😀丟", "a-b]", "^", "採購", "　１２，３"]


def _texts() -> list[str]:
    rnd = random.Random(3)
    alphabet = "".join(SETS) + "的了是，。 \n😀１２：𠀁"
    return TEXTS + ["".join(rnd.choices(alphabet, k=rnd.randint(0, 12))) for _ in range(500)]


@pytest.mark.parametrize("chars", SETS)
def test_charset_agrees_with_frozenset(chars: str) -> None:
    cs, fs = CharSet(chars), frozenset(chars)
    for t in _texts():
        assert cs.any_in(t) == (not fs.isdisjoint(t))
        assert cs.found_in(t) == fs.intersection(t)


@pytest.mark.parametrize("table", [NORMALIZE_LITE, FULLWIDTH, {ord("𠀀"): "a", ord("b"): ord("c")}])
def test_charmap_agrees_with_translate(table: dict) -> None:
    cm = CharMap(table)
    for t in _texts():
        assert cm(t) == t.translate(table)


def test_charmap_refuses_chains() -> None:
    with pytest.raises(ValueError):
        CharMap({ord("a"): "b", ord("b"): "c"})


def test_plain_texts_skip_astral_and_emoji_lookups() -> None:
    from nlp.normalize import _NEEDS_NFKC, strip_stickers

    cs = CharSet(SETS[2])
    for t in [*_texts(), "〰好的〽", "收到[强]"]:
        if not _NEEDS_NFKC.search(t):
            assert cs.any_in(t, astral=False) == cs.any_in(t)
            assert strip_stickers(t, plain=True) == strip_stickers(t)
