"""`LazyPattern` compiles on first use and then behaves as the compiled pattern."""

from __future__ import annotations

import re

import pytest

from nlp.lazyrx import LazyPattern


def test_it_compiles_only_when_first_used_and_then_is_the_compiled_pattern() -> None:
    lazy = LazyPattern(r"(?:修好|办好)了")
    assert lazy.pattern == r"(?:修好|办好)了"
    assert isinstance(lazy.search, type(LazyPattern("x").search))  # still the first-call stand-in
    m = lazy.search("路灯今天已经修好了")
    assert m is not None and m.group() == "修好了"
    compiled = re.compile(r"(?:修好|办好)了")
    assert lazy.search.__self__ == compiled  # its methods are now the compiled pattern's own
    assert lazy.findall("修好了，办好了") == ["修好了", "办好了"]
    assert lazy.sub("X", "办好了") == "X"


def test_an_invalid_pattern_fails_when_first_used() -> None:
    lazy = LazyPattern("(")
    with pytest.raises(re.error):
        lazy.search("x")
