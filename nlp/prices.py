"""Prices in a procurement text: 28元/公斤, 单价120元, 3.5万元/吨, 60一斤, 3块5左右一斤 (nlp/extract.py uses these)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from nlp.vocab import lexicon

__all__ = ["Found", "Price", "assign_prices", "find_prices", "price_re", "units_alt"]


@cache
def units_alt() -> str:
    """Regex alternation of quantity units, longest first."""
    return "|".join(re.escape(u) for u in lexicon().units)


@cache
def price_re() -> re.Pattern[str]:
    """Prices: 28元/公斤, 单价120元, 3.5万元/吨, 60一斤, 3块5左右一斤, ¥45/个, 预算8万元."""
    u = units_alt()
    return re.compile(
        r"(?=[\s\d单价报收采到出含均预限目每:：为是在约大概¥￥])"  # the first character of any match
        r"(?P<kw>单价|价格|价钱|价位|报价|收购价|采购价|到厂价|出厂价|含税价|均价|预算|限价|目标价|价)?"
        # possessive: giving back blanks or cue characters never lets the number match (no backtracking over blanks)
        r"(?:\s*+每(?:" + u + r"))?\s*+[:：为是在约大概]*+\s*+[¥￥]?\s*+"
        r"(?<![\d.])(?P<p>\d+(?:\.\d+)?)(?:\s*[-~～到至]\s*\d+(?:\.\d+)?)?\s*"
        r"(?P<cur>万元|元钱|元|块钱|块|万|圆)?(?P<jiao>(?<=块)\d(?![\d.]))?(?:左右|上下)?"
        r"(?:\s*(?P<sep>/|每|一)\s*(?P<pu>" + u + r"))?(?![\d.])"
    )


@dataclass(slots=True)
class Price:
    start: int
    end: int
    value: Decimal
    unit: str | None


_PRICE_AFTER = re.compile(r"\s*(?:以内|以下|左右|钱)")
# every accepted price holds a keyword (…价, 预算), a currency (元, 块, 万, 圆) or a per-unit separator (/, 每, 一)
_PRICE_GATE = re.compile(r"[价预元块万圆/每一]")


def find_prices(key: str, orig: str) -> list[Price]:
    """Price spans in `key` (Simplified, lower-cased) with values and price units as written in `orig`."""
    out: list[Price] = []
    if not _PRICE_GATE.search(key):
        return out
    for m in price_re().finditer(key):
        kw, cur, sep = m.group("kw"), m.group("cur"), m.group("sep")
        if cur in ("万", "块") and not sep and not kw and not (cur == "块" and _PRICE_AFTER.match(key, m.end())):
            continue  # 7块以内, 7块左右: a price all the same
        if not (cur or kw or (sep and sep != "一") or (sep == "一" and m.group("pu"))):
            continue
        pu = m.group("pu")
        unit = cur.replace("钱", "") if cur else ("元" if sep else None)
        if cur == "万" and (kw or sep):
            unit = "万"
        if pu and unit:
            unit += "/" + orig[m.start("pu") : m.end("pu")]
        start = m.start("kw") if kw else m.start("p")
        value = Decimal(m.group("p")) + (Decimal(m.group("jiao")) / 10 if m.group("jiao") else 0)  # 3块5 = 3.5
        out.append(Price(start, m.end(), value, unit))
    return out


@dataclass(slots=True)
class Found:
    """An item found in a procurement text: where its quantity is, what it is, and its price once assigned."""

    pos: int  # quantity start (ordering and price assignment)
    end: int
    name: str
    spec: str | None
    qty: object
    unit: str | None
    price: Price | None = None


def assign_prices(found: list[Found], prices: list[Price], key: str) -> None:
    """Give each price to the item it follows on its line (or to the next item): items sharing one quantity
    ("当归、党参各2吨 28元/公斤") share the price."""
    for p in prices:
        before = [f for f in found if f.end <= p.start and f.price is None]
        if before:
            line_of = key.count("\n", 0, p.start)
            cand = before[-1]
            same_line = key.count("\n", 0, cand.pos) == line_of
            if same_line or not any(key.count("\n", 0, f.pos) == line_of for f in found):
                for f in found:  # items sharing one quantity ("当归、党参各2吨") share the price too
                    if f.pos == cand.pos and f.price is None:
                        f.price = p
                continue
        after = [f for f in found if f.pos >= p.end and f.price is None]
        if after:
            after[0].price = p
