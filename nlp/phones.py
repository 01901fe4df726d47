"""Find a contact phone number (mobile or landline with area code) in a message."""

from __future__ import annotations

import re

from nlp.numbers import normalize_lite
from nlp.rxprefix import with_first_chars

__all__ = ["extract_phone", "extract_phones"]

_SEP = r"[ \t\-.·—_]?"
# Mobile: 1[3-9]X XXXX XXXX with optional separators, optional +86 / 0086 / 86- prefix.
_MOBILE = rf"(?:(?:\+|00)?86{_SEP}\s?)?(?P<mobile>1[3-9]\d(?:{_SEP}\d){{8}})"
# Landline: (0AA[A]) NNNN NNNN, 0AAA-NNNNNNN, 0816-2551 230.
_LANDLINE = (
    r"(?P<landline>[(（]?0(?:10|2\d|[3-9]\d{2})[)）]?[ \t\-—]?"
    r"[1-9](?:[ \t\-]?\d){6,7})"  # 7 or 8 digits, grouped as written (2551 230, 2345-6789)
)
_HOTLINE = r"(?P<hotline>[48]00[ \t\-]?\d{3}[ \t\-]?\d{4})"
_PHONE = re.compile(  # behind a look-ahead for the first characters (nlp/rxprefix.py): the same matches, faster
    with_first_chars(rf"(?<![\d.\-])(?:{_MOBILE}|{_LANDLINE}|{_HOTLINE})(?![\d.]*\d)(?!\s*[年月日号元万吨斤件个])")
)
_HAS_DIGITS = re.compile(r"[0-9０-９]{3}")
_NON_DIGIT = re.compile(r"\D")
_NOT_PHONE_BEFORE = re.compile(
    r"(?:订单|单号|编号|运单|快递|身份证|证号|账号|帐号|卡号|税号|批号|合同号|代码|信用代码|条码|工号|货号|型号|号码段|QQ|qq|No\.?|NO\.?|#)"
    r"[号码:：\s]*$"
)
_PHONE_CUE = re.compile(r"(?:电话|手机|联系|热线|座机|致电|tel|Tel|TEL|☎|📞|📱|微信|V信|vx|VX|咨询)")


def _candidates(text: str) -> list[tuple[int, str]]:
    s = normalize_lite(text)
    out: list[tuple[int, str]] = []
    for m in _PHONE.finditer(s):
        before = s[max(0, m.start() - 8) : m.start()]
        if _NOT_PHONE_BEFORE.search(before):
            continue
        raw = m.group("mobile") or m.group("landline") or m.group("hotline")
        digits = _NON_DIGIT.sub("", raw)
        if m.group("landline") and not 10 <= len(digits) <= 12:
            continue
        cue = 1 if _PHONE_CUE.search(s[max(0, m.start() - 12) : m.start()]) else 0
        out.append((cue, digits))
    return out


def extract_phones(text: str) -> list[str]:
    """All phone numbers in `text`, digits only, in order of appearance (duplicates removed)."""
    if not _HAS_DIGITS.search(text):
        return []
    seen: list[str] = []
    for _, digits in _candidates(text):
        if digits not in seen:
            seen.append(digits)
    return seen


def extract_phone(text: str) -> str | None:
    """The contact phone in `text` as digits only (mobile: 11 digits, +86 stripped; landline with area code).

    A number right after a phone cue (电话/联系/手机…) wins; otherwise the first one.
    """
    if not _HAS_DIGITS.search(text):
        return None
    cands = _candidates(text)
    if not cands:
        return None
    for cue, digits in cands:
        if cue:
            return digits
    return cands[0][1]
