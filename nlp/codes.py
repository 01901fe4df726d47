"""Products named by a code: a grade code naming the product before it (模具钢 H13 20吨，S136 5吨), cable and wire
type codes (YJV 3*95 → 电缆), bearing models (6204-2RS → 轴承) and electronic part numbers (STM32F103C8T6)."""

from __future__ import annotations

import re

from nlp.itemscan import is_spec_text
from nlp.quantities import clause_start

_GRADE_CODE = re.compile(r"[a-z]{1,4}-?\d{2,5}[a-z]?")  # a grade or model code: s136, h13, q235b
_OTHER_CODE = re.compile(r"\d{2,5}-?[a-z]{1,3}\d?|\d{4}-\d[a-z]{1,3}|[a-z]{2,5}")  # 718h, 6305-zz, 6205-2rs, yjv


def names_previous(word: str, prev_spec: str | None, rest: str) -> bool:
    """A code opening a clause is a grade of the product before: 模具钢 H13 20吨，S136 5吨. Other codes (718H,
    YJV) only when the rest of the clause is specs (718H 500×400 4块), and a code of letters only when that
    product's spec has it too (YJV after 电缆 YJV-0.6/1kV; BMS after 电芯 is a product of its own)."""
    if _GRADE_CODE.fullmatch(word):
        return True
    if not _OTHER_CODE.fullmatch(word) or (rest.strip() and not is_spec_text(rest)):
        return False
    return not word.isalpha() or word in (prev_spec or "").lower()


def names_after(key: str, lo: int, q_start: int, q_end: int) -> bool:
    """A quantity opening its clause and glued to the word after it counts that word (50顶遮阳帽)."""
    glued = q_end < len(key) and "\u4e00" <= key[q_end] <= "\u9fff"
    return glued and not key[clause_start(key, lo, q_start) : q_start].strip()


_BUY_END = re.compile(r"(?:要|需要|采购|求购|收购|想买|要买|订|租|买)\s*$")


def bought_after(key: str, name_end: int, q_start: int, q_end: int) -> bool:
    """The word before the quantity is followed by a buying verb, and the quantity by a word glued to it
    (华鼎要两台插车): the word before names the buyer, the one after the goods."""
    glued = q_end < len(key) and "\u4e00" <= key[q_end] <= "\u9fff"
    return glued and _BUY_END.search(key, name_end, q_start) is not None


# A cable written only by its type code (YJV 3*95 800米) is named by what it is, as buyers' lists are annotated;
# a code glued to the word (YJV电缆) stays as written.
_CABLE_CODE = re.compile(r"(?:YJV|YJLV|KVV|RVV|ZR-YJV)\d*P?|(?P<wire>BVR|BVV|BV|RV)", re.IGNORECASE)


# a rolling bearing's model with its seal or shield suffix (6204-2RS, 6205ZZ, 6305-2Z)
_BEARING_CODE = re.compile(r"\d{4,5}-?(?:2rs1?|2rz|zz|2z|rs|rz)(?![a-z0-9])", re.IGNORECASE)


def code_product(word: str) -> str | None:
    """电线 or 电缆 for a clause opening with a wire or cable code (BV2.5 红色 40卷, YJV22 3*95), 轴承 for a bearing
    model (6204-2RS 2000套), else None."""
    if _BEARING_CODE.match(word):
        return "轴承"
    m = _CABLE_CODE.match(word)
    if m is None or word[m.end() : m.end() + 1].isalpha():
        return None
    return "电线" if m.group("wire") else "电缆"


def named_by_code(name: str) -> str:
    """电缆 for a power-cable code (YJV, KVV), 电线 for a wire code (BVR, BV); any other name unchanged."""
    m = _CABLE_CODE.fullmatch(name) if name and name[0].isascii() else None
    return name if m is None else ("电线" if m.group("wire") else "电缆")


# an electronic part number opening a BOM line: two letters or more, then digits (ch340g, ams1117-3.3)
_PART_NUMBER = re.compile(r"[a-z]{2,5}\d{2,}[a-z0-9]*(?:-\d+(?:\.\d+)?)?(?=\s|$)")


def part_number(simp: str, key: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The electronic part number opening key[lo:hi] as written in `simp` (STM32F103C8T6 LQFP48 3000pcs)."""
    m = _PART_NUMBER.match(key, lo + len(key[lo:hi]) - len(key[lo:hi].lstrip()), hi)
    return (simp[m.start() : m.end()], m.start(), m.end()) if m else None


def is_part_number(name: str) -> bool:
    """An electronic part number written as the product (STM32F103C8T6, CH340G): no grade of anything."""
    return _PART_NUMBER.fullmatch(name.lower()) is not None


# a model, grade or size code glued to the end of a name (乳化液DX-4, 冷轧板SPCC, 防寒棉服XL, 木托盘1200): a spec;
# letters alone only for materials and sizes (手持PDA, 贴片LED, 维生素C keep theirs)
_TAIL_CODE = re.compile(r"(?<=[\u4e00-\u9fff])[A-Za-z0-9][A-Za-z0-9\-./*×]*$")
_LETTER_CODES = frozenset({"PVC", "PP", "PE", "PET", "EPS", "EPP", "ABS", "PU", "SPCC", "SPHC", "XL", "XXL", "XXXL"})


def split_tail_code(name: str) -> tuple[str, str | None]:
    """The name without a code glued to its end, and the code (None when there is none)."""
    m = _TAIL_CODE.search(name)
    if m is None or m.start() < 2:
        return name, None
    code = m.group()
    if not any(c.isdigit() for c in code) and code.upper() not in _LETTER_CODES:
        return name, None
    return name[: m.start()], code


_GRADE = re.compile(r"\s*(?:[a-z]{1,4}\d{1,4}[a-z0-9]*|\d{3,4}[a-z]{0,2})\s*")  # h13, cr12mov, 718h


def is_grade(key: str, lo: int, hi: int) -> bool:
    """key[lo:hi] is one grade code alone (H13 of "模具钢 P20 2吨 H13 1.5吨"): a grade of the product before."""
    return _GRADE.fullmatch(key, lo, hi) is not None
