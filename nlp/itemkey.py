"""The scan key of an item list made plain before amounts and names are looked for: fields joined by slashes
(郫县豆瓣/一级/2吨) are split, and notes in brackets (每公斤40支以内, 根茎为主) are blanked when their line has
another number. Positions never move: every change replaces characters one for one."""

from __future__ import annotations

import re

__all__ = ["NOTE", "plain_key"]

# a clause of two or more fields joined by slashes; a slash after a unit or money (元/公斤, 吨/月) is no field's
_FIELD_SLASH = re.compile(r"(?<=[\u4e00-\u9fff])(?<![元块毛角吨斤箱个件袋包桶瓶盒台套条张卷米])/(?=[\u4e00-\u9fff\d])")
_FIELDS = re.compile(r"[^；;，,。\n]*?(?:[\u4e00-\u9fff]/[^；;，,。\n/]*){2,}")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾]")
NOTE = re.compile(r"(?<=[\u4e00-\u9fffa-z])[（(][^（）()\n]{1,20}[）)]")


def plain_key(key: str) -> str:
    """`key` with slash-joined fields split and notes blanked (same length, same positions)."""
    if key.count("/") >= 2:  # 郫县豆瓣/一级/2吨 (黄芪/党参/当归 各2吨 names three products)
        key = _FIELDS.sub(lambda m: m.group() if "各" in m.group() else _FIELD_SLASH.sub(" ", m.group()), key)
    if "(" in key or "（" in key:
        key = NOTE.sub(lambda m: _blank_note(key, m), key)
    return key


def _blank_note(key: str, m: re.Match[str]) -> str:
    """A note's blanks, or the note itself when its line has no other number (冷风机 若干（约30台））."""
    a, b = m.span()
    line = key[key.rfind("\n", 0, a) + 1 : a] + key[b : (key.find("\n", b) + 1 or len(key) + 1) - 1]
    return " " * (b - a) if _NUMERAL.search(line) else m.group(0)
