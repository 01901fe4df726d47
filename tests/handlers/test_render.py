"""Rendering ledger lines: a request's gist in one line."""

from __future__ import annotations

from handlers.render import shorten

DIVIDER = "- - - - - - - - - - - - - - -"
QUOTED = f"「商务局-王科长：【中药材产销对接会】时间：6月17日上午9:30……」\n{DIVIDER}\n王科长，对接会上没得收党参的"


def test_a_quoted_reply_is_summed_up_by_its_new_text() -> None:
    assert shorten(QUOTED, 30) == "王科长，对接会上没得收党参的"


def test_a_long_text_is_cut_to_one_line_with_an_ellipsis() -> None:
    got = shorten("园区东门的道闸坏了三天了，\n货车进出要人工抬杆，太耽误事了", 12)
    assert got == "园区东门的道闸坏了三天…" and len(got) == 12


def test_a_quote_with_no_new_text_is_kept() -> None:
    only_quote = f"「商务局-王科长：明天开会」\n{DIVIDER}\n"
    assert shorten(only_quote).startswith("「商务局-王科长")
