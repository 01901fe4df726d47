"""Names from the lines around a quantity: a product named on a line above ("黄芪采购需求：" over "统货 5吨"), a
title naming the goods of the lines under it ("采购模具钢：" over "H13 退火态 8块"), the product opening a line."""

from __future__ import annotations

import re

from nlp.itemscan import fallback_name
from nlp.naming import HEAD_NOUNS, extend
from nlp.quantities import name_in
from nlp.vocab import lexicon, match_names


def header_name(
    key: str, simp: str, names: list[tuple[int, int, str]], qtys: list[re.Match[str]], line_start: int
) -> str | None:
    """A product named on an earlier line without a quantity ("黄芪采购需求：" above "统货 5吨")."""
    end = line_start - 1
    while end > 0:
        start = key.rfind("\n", 0, end) + 1
        if any(start <= q.start() < end for q in qtys):
            return None
        n = name_in(names, start, end)
        if n:
            return extend(key, simp, n[0], n[1], n[2])[0]  # 收 Q235B 热轧钢板 above "δ10mm 30吨": as written
        end = start - 1
    return None


def titled_by(key: str, simp: str, names: list[tuple[int, int, str]], word: str, line_start: int) -> str | None:
    """The known product a title line names ("采购模具钢：", "帮电商客户找纸箱：") when a line under it counts an
    unknown word that is no product noun after a code or a spec (H13 退火态, 五层瓦楞 加硬): the title's goods."""
    if word in lexicon().names or word[-1] in HEAD_NOUNS or any(n[1] == len(word) for n in match_names(word)):
        return None  # a product: known, or ending in a product noun or a known name (外六角螺栓)
    end = line_start - 1
    start = key.rfind("\n", 0, end) + 1
    title = key[start:end].rstrip()
    if not title.endswith((":", "：")):
        return None
    n = name_in(names, start, end)
    return extend(key, simp, n[0], n[1], n[2])[0] if n else None


def line_head(key: str, simp: str, names: list[tuple[int, int, str]], line_start: int, lo: int) -> str | None:
    """The product named earlier on the line of a quantity with only specs before it: 采购黄桃，…，需求量80吨;
    打包盒要一批：PP 一次性 10万套."""
    n = name_in(names, line_start, lo)
    if n:
        return extend(key, simp, n[0], n[1], n[2])[0]
    colon = max(key.rfind("：", line_start, lo), key.rfind(":", line_start, lo))
    return fallback_name(key, simp, line_start, colon)[0] if colon > line_start else None
