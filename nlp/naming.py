"""Which words of a clause name the item, beyond the nearest dictionary name before the quantity.

- In a clause written as 名称 规格… 数量 (words separated by spaces), the name is the first word: a known
  name there beats one found in a later spec word (二荆条, 锻件, 火锅底料500g, 鸡爪连).
- A known name written against a product noun names that noun's product (导轨油, PCB板).
Modifiers written before a name (material, drive, grade, condition: 不锈钢, 电动, 二手) stay in the spec.
"""

from __future__ import annotations

import re

from nlp.vocab import ascii_lower, to_simplified

_HEAD_SUFFIX = frozenset("油板袋膜箱罐盒瓶桶机柜车管线架剂液布带绳钉网")
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffa-z]")
_WORD = re.compile(r"\S+")
_SEP = frozenset("，,、；;。！!？?\n:：|\t")
_VERB_ONLY = re.compile(
    r"(?:[①-⑳]|\d{1,2}[.、)）])?(?:长期|常年|大量|急|现|另外|还|再|想|要|需|拟|计划)?"
    r"(?:求购|收购|采购|订购|寻购|购买|询价|求|收|需要|需求|急需|急收|要|找|买|订|采|採購|詢價)?[:：]?"
)
_Name = tuple[int, int, str]


def first_word_name(key: str, names: list[_Name], lo: int, chosen: _Name | None) -> _Name | None:
    """The name of a 名称 规格… 数量 clause: a known name in its first word when `chosen` lies in a later word."""
    if chosen is None:
        return None
    a = lo
    for i in range(chosen[0] - 1, lo - 1, -1):
        if key[i] in _SEP:
            a = i + 1
            break
    words = [w for w in _WORD.finditer(key, a, chosen[1]) if not _VERB_ONLY.fullmatch(w.group())]
    if len(words) < 2 or words[0].start() <= chosen[0] < words[0].end():
        return chosen
    first = words[0]
    inside = [n for n in names if first.start() <= n[0] and n[1] <= first.end()]
    return max(inside, key=lambda n: n[1] - n[0]) if inside else chosen


def extend(key: str, simp: str, start: int, end: int, canonical: str) -> tuple[str, int, int]:
    """A known name written against a product noun (导轨油, PCB板) names that product; else unchanged."""
    if key[start:end] != ascii_lower(to_simplified(canonical)):
        return canonical, start, end
    if end < len(key) and key[end] in _HEAD_SUFFIX and (end + 1 == len(key) or not _CJK_OR_LATIN.match(key[end + 1])):
        return canonical + simp[end], start, end + 1
    return canonical, start, end
