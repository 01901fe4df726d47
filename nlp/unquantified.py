"""Lines of a buyer's list that name goods without an amount (询价，数量待定: "前胡 白花前胡 片 统货").

A list sent for quotes often leaves the amounts open, line by line or all at once. Such a line still names an
item: its name and spec are kept, its quantity and unit are None. Only lines of a list count: the message has
two or more lines, the line opens with a known name (after its marker), holds no amount, is no title (it does
not end in a colon) and is not about price, contact or delivery.
"""

from __future__ import annotations

import re

from nlp.itemscan import SKIP_CLAUSE, qty_re, spec_of
from nlp.naming import extend
from nlp.vocab import match_names

_TITLE_END = re.compile(r"[:：]\s*$")
_WORD = re.compile(r"\S+")


def unquantified_lines(orig: str, simp: str, key: str) -> list[tuple[int, tuple[str, str | None]]]:
    """(position, (name, spec)) for each line of a list naming goods with no amount."""
    if key.count("\n") < 1:
        return []
    out: list[tuple[int, tuple[str, str | None]]] = []
    rx = qty_re()
    start = 0
    for line in key.split("\n"):
        end = start + len(line)
        a, b = start, end
        start = end + 1
        first = _WORD.search(key, a, b)
        if first is None or _TITLE_END.search(line) or rx.search(line):
            continue
        if SKIP_CLAUSE.search(first.group()):
            continue
        names = match_names(key, first.start(), first.end())  # in the line's first word (行星减速机: 减速机)
        if not names:
            continue
        na, nb, canonical = max(names, key=lambda n: n[1] - n[0])
        name, na, nb = extend(key, simp, na, nb, canonical)
        out.append((na, (name, spec_of(orig, key, na, b, [(na, nb)]))))
    return out
