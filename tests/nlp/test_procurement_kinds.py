"""Procurement signals beyond dictionary items: lists of amounts written on one line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer

NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture(scope="module")
def an() -> Analyzer:
    return Analyzer.default()


@pytest.mark.parametrize(
    "text",
    [
        "铝棒 6061 Φ50 12段，Φ80 6段，Φ100 4段",  # no dictionary product, no buying word
        "铜排 TMY 40×4 12段，50×5 8段，60×6 6段",
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
    ],
)
def test_amounts_that_are_not_a_buyers_list(an: Analyzer, text: str) -> None:
    assert an.analyze(text, now=NOW, role="enterprise").label != "procurement"
