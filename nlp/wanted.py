"""Which of a list's amounts the buyer still wants: not one taken back, not what already came."""

from __future__ import annotations

import re

_STILL_NEED = re.compile(r"还差|还缺|还要|还需|再要")
_GOT_BEFORE = re.compile(r"(?:收|买|到|来|发|进)(?:到)?了\s*$")
# between an amount and the one that replaces it (一百二十吨 不对是十二吨, 5吨，说错了，是3吨)
_TAKEN_BACK = re.compile(r"\s*[,，]?\s*(?:不对|说错了|错了|更正)\s*[,，:：]?\s*(?:应该)?[是为]?\s*")
# an amount changed to another (由40台调整为60台, 从5吨改成8吨, 5吨改8吨): the new one is wanted
_CHANGED_TO = re.compile(r"\s*[,，]?\s*(?:调整|改|增加|减少|减|加|提高|降低|变更|变)(?:为|成|到)?\s*")


def wanted_amounts(key: str, qtys: list[re.Match[str]]) -> list[re.Match[str]]:
    """The amounts wanted: not one the writer took back (一百二十吨 不对是十二吨); when a later one is still needed
    (还差五吨), not those already got (收到十吨了)."""
    if len(qtys) > 1 and ("对" in key or "错" in key or "更正" in key):  # every _TAKEN_BACK word holds one of them
        qtys = [m for m, n in zip(qtys, [*qtys[1:], None], strict=True) if not n or not _taken_back(key, m, n)]
    if len(qtys) > 1 and ("改" in key or "调整" in key or "为" in key or "成" in key or "到" in key):
        qtys = [m for m, n in zip(qtys, [*qtys[1:], None], strict=True) if not n or not _changed_to(key, m, n)]
    if len(qtys) < 2 or not ("还" in key or "再" in key):  # every _STILL_NEED word holds one of them
        return qtys
    if not any(_STILL_NEED.search(key, max(0, m.start() - 4), m.start()) for m in qtys[1:]):
        return qtys
    return [m for m in qtys if not _got_already(key, m)]


def _taken_back(key: str, m: re.Match[str], n: re.Match[str]) -> bool:
    return m.group("unit") == n.group("unit") and _TAKEN_BACK.fullmatch(key, m.end(), n.start()) is not None


def _changed_to(key: str, m: re.Match[str], n: re.Match[str]) -> bool:
    return m.group("unit") == n.group("unit") and _CHANGED_TO.fullmatch(key, m.end(), n.start()) is not None


def _got_already(key: str, m: re.Match[str]) -> bool:
    return key[m.end() : m.end() + 1] == "了" or _GOT_BEFORE.search(key, max(0, m.start() - 4), m.start()) is not None
