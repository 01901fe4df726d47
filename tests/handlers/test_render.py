"""Rendering ledger lines: a request's gist in one line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from handlers.render import items_summary, shorten
from storage.models import ProcurementItem

DIVIDER = "- - - - - - - - - - - - - - -"
QUOTED = f"「商务局-王科长：【中药材产销对接会】时间：6月17日上午9:30……」\n{DIVIDER}\n王科长，对接会上没得收党参的"


def test_a_quoted_reply_is_summed_up_by_its_new_text() -> None:
    assert shorten(QUOTED, 30) == "对接会上没得收党参的"


@pytest.mark.parametrize(
    ("text", "gist"),
    [
        ("@经信局-林科 林科，今年智能化改造补贴啥时候开始报？", "今年智能化改造补贴啥时候开始报？"),
        ("各位领导好，我们合作社今年麦冬丰收", "我们合作社今年麦冬丰收"),
        ("@市监局-赵科\u2005赵科您好，我们想给本地川芎申请地理标志", "我们想给本地川芎申请地理标志"),
        ("林科好", "林科好"),  # nothing left but the greeting: kept
        ("张总说的对，这个价格太高了", "张总说的对，这个价格太高了"),  # a name in a sentence, not an address
    ],
)
def test_who_a_request_is_addressed_to_is_left_out_of_its_summary(text: str, gist: str) -> None:
    assert shorten(text, 40) == gist


def test_a_long_text_is_cut_to_one_line_with_an_ellipsis() -> None:
    got = shorten("园区东门的道闸坏了三天了，\n货车进出要人工抬杆，太耽误事了", 12)
    assert got == "园区东门的道闸坏了三天…" and len(got) == 12


def test_a_quote_with_no_new_text_is_kept() -> None:
    only_quote = f"「商务局-王科长：明天开会」\n{DIVIDER}\n"
    assert shorten(only_quote).startswith("「商务局-王科长")


def test_a_name_listed_twice_says_which_by_its_spec() -> None:
    items = [
        ProcurementItem(list_id=1, name="轴承", spec="6205-2RS", quantity=Decimal(3000), unit="套"),
        ProcurementItem(list_id=1, name="轴承", spec="6308", quantity=Decimal(1500), unit="套"),
        ProcurementItem(list_id=1, name="润滑脂", spec="锂基 2号", quantity=Decimal(20), unit="桶"),
    ]
    assert items_summary(items) == "轴承 6205-2RS 3000套、轴承 6308 1500套、润滑脂 20桶"
