"""An amount given "each" (各): the names or the variants of one product it is given for.

"收黄芪 川牛膝 各一吨" wants a ton of each herb; "钢板，12mm 和 16mm 各50吨" and "粽子（鲜肉、蛋黄）各3000个" want
fifty tons of each thickness and 3000 of each filling: one item per variant, each with its own spec.
"""

from __future__ import annotations

import re
from itertools import pairwise

from nlp.itemscan import SEP
from nlp.quantities import name_in

EACH = re.compile(r"各(?:要|需要|需|来|订)?\s*$")
_PART = re.compile(rf"[^、，,/+＋和及与跟{SEP}]+")
# variants of one product are listed with 、 / 和 …; a clause separator (，) ends the list
_VARIANT = re.compile(r"[^、/和及与跟，,；;。（）()\s][^、/和及与跟，,；;。（）()]*")
_LIST_SEP = re.compile(r"[、/和及与跟]")
_NOTE = re.compile(r"[（(]([^）)]*)[）)]")
_FILLER = re.compile(r"^[啊呃嗯哦喔]+")
_CODES = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]*\d[0-9A-Za-z.\-*]*(?:\s+[A-Za-z]*\d[0-9A-Za-z.\-*]*)+\s*$")

Name = tuple[str, int, int]


def each_names(key: str, names: list[tuple[int, int, str]], lo: int, end: int) -> list[Name]:
    """The dictionary names the amount at `end` (just after 各) is given for: one per listed part of [lo, end),
    several in a part when only spaces part them (平垫弹垫各5000个, 黄芪 川牛膝 各一吨)."""
    out: list[Name] = []
    for part in _PART.finditer(key, lo, end):
        pa, pb = part.span()
        inside = sorted(n for n in names if pa <= n[0] and n[1] <= pb)
        if len(inside) > 1 and all(not key[a[1] : b[0]].strip() for a, b in pairwise(inside)):
            out.extend((n[2], n[0], n[1]) for n in inside)
            continue
        n = name_in(names, pa, pb)
        if n:
            out.append((n[2], n[0], n[1]))
    return out


def variants(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The variants listed in [start, end) before 各 (12mm 和 16mm, 鲜肉、蛋黄, Z14 Z18), when there are two or more,
    and where their list starts; ([], end) when there is none."""
    span = text[start:end]
    cut = max(span.rfind(c) for c in "，,；;：:") + 1
    listed = span[cut:]
    if "（" in listed or "(" in listed:  # 粽子（鲜肉、蛋黄）真空装: the list is in the note
        inner = _NOTE.search(listed)
        if inner and _LIST_SEP.search(inner.group(1)):
            return _parts(inner.group(1)), start + cut + inner.start()
    if _LIST_SEP.search(listed) and not _LIST_SEP.search(listed.strip()[-1:]):
        head = listed[: _LIST_SEP.search(listed).start()].rstrip()  # 求购电子线 红、黑: the list is 红、黑
        first = head.rfind(" ") + 1
        parts = _parts(listed[first:])
        return (parts, start + cut + first) if len(parts) >= 2 else ([], end)
    codes = _CODES.search(listed)  # 生铁 Z14 Z18 各一百吨: grades written side by side
    if codes:
        return codes.group().split(), start + cut + codes.start()
    return [], end


def _parts(listed: str) -> list[str]:
    parts = [_FILLER.sub("", p.group()).strip() for p in _VARIANT.finditer(listed)]
    return [p for p in parts if p]


def variant_spec(spec: str | None, variant: str, others: list[str]) -> str | None:
    """`spec` of one variant: the other variants' words taken out ("鲜肉 蛋黄 真空装" → "鲜肉 真空装")."""
    if not spec:
        return variant
    words = [w for w in spec.split() if w not in others or w == variant]
    if variant not in words and variant not in spec:
        words.insert(0, variant)
    return " ".join(words) or None
