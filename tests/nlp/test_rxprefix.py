"""The first-character look-ahead keeps every match of a pattern and leaves underivable patterns alone."""

import re

import pytest

from nlp.rxprefix import with_first_chars

TEXTS = ["修好了", "已经 处理完毕", "a-b]c\\d 12月3日", "没有", "", "  下午3点\n来修", "^x", "好啦！明天再说"]


@pytest.mark.parametrize(
    "pattern",
    [r"(?:修|换)好", r"(?<!申)请|须|\d+日", r"(?:已|刚)?(?:完成|好)", r"[\-\]^\\]x?", r"\s*下午", r"没有$|吗"],
)
def test_same_matches(pattern: str) -> None:
    fast = re.compile(with_first_chars(pattern))
    assert fast.pattern != pattern
    slow = re.compile(pattern)
    for t in TEXTS:
        assert [(m.span(), m.groups()) for m in fast.finditer(t)] == [(m.span(), m.groups()) for m in slow.finditer(t)]


@pytest.mark.parametrize("pattern", [r"a?", r".x", r"[^a]b", r"(?i)ab", r"(?i:a)b", r"(?!)|x", r"\Dx"])
def test_left_alone(pattern: str) -> None:
    assert with_first_chars(pattern) == pattern
