"""Session 29: a quantity bounded by 以上/以下/以内 and followed by what applies to it (10吨以下填登记表, 50盒以上8折)
is a threshold, not an amount asked for (年用量50吨以上，… is); square metres written ㎡ (m2 after NFKC) and tons
written T are amounts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from nlp import Analyzer
from nlp.normalize import normalize

NOW = datetime(2028, 11, 20, 15, 0, tzinfo=timezone(timedelta(hours=8)))


def _present(an: Analyzer, text: str, role: str = "enterprise") -> dict[str, str]:
    return an.features.extract(normalize(text).text, role, None, [], {}).present


@pytest.mark.parametrize(
    "text",
    [
        "10吨以下填登记表就行，10吨以上要做报告表",
        "50盒以上8折",
        "液氨储量十吨以上才构成重大危险源",
        "单果150g以内的不要",
        "5台及以上的企业请报送",
    ],
)
def test_a_threshold_is_no_amount(an: Analyzer, text: str) -> None:
    assert "qty" not in _present(an, text)


@pytest.mark.parametrize(
    "text",
    [
        "常温仓 2000㎡左右，8月15日前要能入库",
        "常温仓 2000m²左右",
        "红心猕猴桃 给我备1.5T",
        "冷库板 800平方米",
        "本公司需常年采购天麻，年用量50吨以上，欢迎合作社联系",  # at least that much: an amount wanted
    ],
)
def test_square_metres_and_tons_written_t_are_amounts(an: Analyzer, text: str) -> None:
    assert "qty" in _present(an, text)


def test_a_threshold_beside_an_amount_still_leaves_the_amount(an: Analyzer) -> None:
    text = "求购塑料托盘 1200×1000 川字 500个，承重动载1吨以上，有厂家的联系我"
    assert "qty" in _present(an, text)
    assert an.analyze(text, now=NOW).label == "procurement"


def test_an_officials_reply_naming_thresholds_is_an_answer(an: Analyzer) -> None:
    text = (
        "@鑫达钣金-陈姐 粉末喷涂属于名录里的“金属制品表面处理”，年用粉量10吨以下填登记表就行，"
        "10吨以上要做报告表。你们先算一下年用量，有问题可以来分局当面聊。"
    )
    result = an.analyze(text, now=NOW, role="official")
    assert result.label == "answer"
    assert result.items == []
