"""Parse quantities written with Arabic or Chinese numerals (incl. financial forms and 万/千 multipliers)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from nlp.chars import CharMap

__all__ = [
    "FULLWIDTH",
    "NORMALIZE_LITE",
    "NUMBER_DIGITS_THEN",
    "NUMBER_RE",
    "T2S_LITE",
    "clean_decimal",
    "fullwidth_to_ascii",
    "normalize_lite",
    "parse_number",
    "split_quantity",
]

# Full-width digits and punctuation → ASCII (callers may not have normalised yet).
FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，：；／（）－＋％～　ｋｇＫＧｍｌＬ",
    "0123456789.,:;/()-+%~ kgKGmlL",
)

#: Traditional → Simplified for the characters that matter to numbers, units, dates and cue words
#: (1:1, so positions are kept). Names are converted by the caller or by nlp.vocab.
T2S_LITE = str.maketrans(
    "週號個內後點時報貨開會議舉參禮這兩幾萬億於從裡們為與並臺張隻條組輛車箱捲噸單價錢斤塊對雙種類須請時間"
    "截屆屬應說聯繫電話機約邊東區縣鎮產銷購買採詢進備務發運費預訂現長當線網際實驗還沒氣"
    "傳達歲節週晚頭項級選統貨號碼壹貳參陸",
    "周号个内后点时报货开会议举参礼这两几万亿于从里们为与并台张只条组辆车箱卷吨单价钱斤块对双种类须请时间"
    "截届属应说联系电话机约边东区县镇产销购买采询进备务发运费预订现长当线网际实验还没气"
    "传达岁节周晚头项级选统货号码壹贰参陆",
)

#: FULLWIDTH and T2S_LITE in one table (one translate call).
NORMALIZE_LITE = {**FULLWIDTH, **T2S_LITE}
_LITE = CharMap(NORMALIZE_LITE)
_FULLWIDTH = CharMap(FULLWIDTH)


def normalize_lite(text: str) -> str:
    """`text.translate(NORMALIZE_LITE)`, replacing only the characters that occur."""
    return _LITE(text)


def fullwidth_to_ascii(text: str) -> str:
    """`text.translate(FULLWIDTH)`, replacing only the characters that occur."""
    return _FULLWIDTH(text)


_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_APPROX = "来多余几"

_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN_DIGIT = "零〇一二三四五六七八九两壹贰貳叁肆伍陆陸柒捌玖兩"
# 千/百 are not multipliers when they start a unit (千克, 千米, 百克).
_MUL = r"(?:[十拾万萬亿億]|[百佰千仟](?![克米瓦]))"
_CN = rf"(?:[{_CN_DIGIT}]|{_MUL})"
#: Regex source for one number token: "3", "1.5万", "1,200", "一千二百", "贰", "十来", "3万5".
NUMBER_RE = (
    rf"(?:{_AR}(?:{_MUL}+(?:\d+{_MUL}*)*)?|(?:[{_CN_DIGIT}]|[十拾百佰千仟](?![克米瓦])){_CN}*)(?:[{_APPROX}](?!\d))?"
)
#: What may follow the (whole) digit run of a NUMBER_RE match inside it: thousands, decimals, 万/千…, 来/多…
NUMBER_DIGITS_THEN = rf",\d{{3}}|\.\d|[十拾万萬亿億百佰千仟{_APPROX}]"
_NUMBER_FULL = re.compile(rf"(?:{NUMBER_RE})|半")
_LEADING = re.compile(rf"\s*({NUMBER_RE}|半)\s*(.*)", re.S)
_TOKEN = re.compile(r"\d+(?:\.\d+)?|.")


def clean_decimal(value: Decimal) -> Decimal:
    """Return `value` without exponent or trailing zeros (15000.0 → 15000, 0.50 → 0.5)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _parse_chinese(s: str) -> Decimal | None:
    tokens = _TOKEN.findall(s)
    if not tokens:
        return None
    # A run of bare digits without any unit: "二〇二六" → 2026, "五" → 5.
    if all(t in _DIGITS for t in tokens):
        if len(tokens) == 2 and "零" not in s and "〇" not in s:
            return Decimal(_DIGITS[tokens[0]])  # "五六吨": a range, take the lower bound
        return Decimal("".join(str(_DIGITS[t]) for t in tokens))
    total = Decimal(0)
    section = Decimal(0)
    digit: Decimal | None = None
    last_unit = 0
    zero_seen = False
    for tok in tokens:
        if tok in _DIGITS or tok[0].isdigit():
            value = Decimal(_DIGITS[tok]) if tok in _DIGITS else Decimal(tok)
            if value == 0 and tok in _DIGITS:
                zero_seen = True
                digit = None
                continue
            digit = value if digit is None else digit * 10 + value
        elif tok in _UNITS:
            section += (digit if digit is not None else Decimal(1)) * _UNITS[tok]
            digit, last_unit, zero_seen = None, _UNITS[tok], False
        elif tok in _BIG:
            big = _BIG[tok]
            section += digit or 0
            if section == 0:
                section = Decimal(1)
            if big > 10_000:
                total = (total + section) * big
            else:
                total += section * big
            section, digit, last_unit, zero_seen = Decimal(0), None, big, False
        else:
            return None
    if digit is not None:
        if last_unit >= 100 and not zero_seen and digit < 10:
            digit *= last_unit // 10  # colloquial "一万五" = 15000, "三千五" = 3500
        section += digit
    return total + section


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    """Parse one number token: "3" → 3, "1.5万" → 15000, "一千二百" → 1200, "贰" → 2, "十来" → 10, "半" → 0.5."""
    s = text.strip().translate(FULLWIDTH).replace(",", "")
    if not s:
        return None
    if s == "半":
        return Decimal("0.5")
    if s[-1] in _APPROX:
        s = s[:-1]
        if not s:
            return None
    if s.startswith("几") or "几" in s:
        return None
    try:
        if s.replace(".", "", 1).isdigit():
            return clean_decimal(Decimal(s))
        value = _parse_chinese(s)
    except InvalidOperation:
        return None
    return None if value is None else clean_decimal(value)


def split_quantity(text: str) -> tuple[Decimal | None, str]:
    """Split a leading number from the rest: "3万斤" → (30000, "斤"); "五吨半" → (5.5, "吨"); else (None, text)."""
    s = text.translate(FULLWIDTH)
    m = _LEADING.match(s)
    if not m:
        return None, text.strip()
    value = parse_number(m.group(1))
    rest = m.group(2).strip()
    if value is not None and rest.endswith("半") and len(rest) > 1:
        value, rest = value + Decimal("0.5"), rest[:-1].strip()
    return value, rest


_RANGE_LOW = re.compile(r"(\d+(?:\.\d+)?)\s*[-~～到至]\s*$")
_RANGE_MARKS = frozenset("-~～到至")
_LEAD_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# 三到四百吨: one Chinese digit, then another leading the amount (not 十, which 十到二十 would need read as a whole)
_RANGE_LOW_CN = re.compile(r"(?<![一二两三四五六七八九十百千万])([一二两三四五六七八九])\s*[到至~～-]\s*$")
_LEAD_CN = re.compile(r"[一二两三四五六七八九](?=[十百千万]|$)")


def lower_bound(key: str, start: int, num: str) -> Decimal | None:
    """The low end of a range written before the quantity: 10-15万斤 → 100000, 三到四百吨 → 300 (a buyer's minimum)."""
    low = _range_low(key, start)
    if low is None:
        return None
    lead = _LEAD_DIGITS.match(num) or _LEAD_CN.match(num)
    value = parse_number(num)
    if not lead or value is None:
        return None
    bottom, top = parse_number(low.group(1)), parse_number(lead.group())
    if bottom is None or not top or bottom >= top:
        return None
    return bottom * value / top


def range_start(key: str, start: int) -> int | None:
    """Where a range written before the quantity at `start` begins (the 10 of 10-15万斤), if one is."""
    low = _range_low(key, start)
    return low.start() if low else None


def _range_low(key: str, start: int) -> re.Match[str] | None:
    if key[max(0, start - 12) : start].rstrip()[-1:] not in _RANGE_MARKS:
        return None  # no range mark right before the quantity: neither pattern can match
    return _RANGE_LOW.search(key, max(0, start - 12), start) or _RANGE_LOW_CN.search(key, max(0, start - 4), start)
