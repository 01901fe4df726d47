"""Picks between the words that may name an item: the product a variety is a kind of (干辣椒 二荆条), the lone word
between two amounts (带皮 3吨 猪后腿 2吨), finished goods named with their resin (PP打包带)."""

from __future__ import annotations

import re
from dataclasses import replace

from nlp.itemscan import is_spec_text
from nlp.types import Item

_LONE_WORD = re.compile(r"\s+[\u4e00-\u9fff]{2,6}\s*")


def lone_word(key: str, lo: int, q_start: int) -> bool:
    """Between the amount before and this one a single word that is no spec (带皮 3吨 猪后腿 2吨): its name."""
    return _LONE_WORD.fullmatch(key, lo, q_start) is not None and not is_spec_text(key[lo:q_start].strip())


def variety_of(key: str, names: list, n: tuple | None, cut: int) -> tuple | None:
    """A variety named right after the product it is a kind of (干辣椒 二荆条: 二荆条 is a 辣椒, and the product
    written is 干辣椒): the product."""
    if n is None:
        return None
    before = [m for m in names if cut <= m[0] and m[1] <= n[0] and not key[m[1] : n[0]].strip()]
    return next((m for m in before if n[2] != m[2] and n[2] in m[2]), n)


# a resin named before finished goods (PP打包带, ABS安全帽, PP奶茶杯): what the goods are made of, a spec; not before
# the resin itself (PP颗粒, PP料, PP棉滤芯)
_RESIN_GOODS = re.compile(r"(PP|ABS|PC)([\u4e00-\u9fff]{2,6})")
_RESIN_FORMS = ("颗粒", "粒", "料", "粉", "棉", "共聚", "均聚", "改性", "原料", "薄膜", "膜")


def without_resin(it: Item) -> Item:
    """The item named by the goods, its resin moved to the spec (PP奶茶杯 → 奶茶杯, spec PP)."""
    m = _RESIN_GOODS.fullmatch(it.name or "")
    if m is None or m.group(2).startswith(_RESIN_FORMS):
        return it
    return replace(it, name=m.group(2), spec=f"{m.group(1)} {it.spec}" if it.spec else m.group(1))
