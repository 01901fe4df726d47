"""Text normalisation: width, Traditional→Simplified, stickers/emoji, @mentions and quoted replies."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.chars import CharMap, CharSet

DICTS = Path(__file__).parent / "dicts"

_CIRCLED = {chr(0x2460 + i): f"{i + 1}." for i in range(20)}  # ①..⑳ → "1." (NFKC would glue "1")
_CIRCLED_RE = re.compile("[\u2460-\u2473]")
_WIDE = CharMap({i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})
_NEEDS_NFKC = re.compile(r"[^\x00-\x7f\u3000-\u303f\u4e00-\u9fff]")

# WeChat sticker codes like [强] [捂脸] [图片] [OK]: 1-6 CJK/latin characters in square brackets.
_STICKER_RE = re.compile(r"\[[A-Za-z\u4e00-\u9fff]{1,6}\]")
_EMOJI_RE = re.compile(
    "[\U0001f000-\U0001faff\U0001fc00-\U0001ffff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff"
    "\ufe0f\u200d\u20e3\u3030\u303d\u3297\u3299\u2190-\u21ff\u25a0-\u25ff]+"
)
_MENTION_STOP = r"\s@,.!?;:，。！？；：、()（）\[\]【】「」“”\"'《》<>"
_NOT_EMAIL = r"(?<![A-Za-z0-9_.+\-])"  # an @ after these is inside an e-mail address (kj_j@163.com)
_MENTION_RE = re.compile(rf"{_NOT_EMAIL}@([^{_MENTION_STOP}]{{1,24}})")
_DIVIDER_RE = re.compile(r"^\s*(?:(?:-\s*){4,}|(?:[—=_－]\s*){3,})\s*$")
_QUOTE_RE = re.compile(r"^\s*「(.*?)」\s*$", re.S)
_QUOTE_HEAD_RE = re.compile(r"^\s*「([^」]*)」\s*\n(.+)$", re.S)
_SENDER_RE = re.compile(r"^([^:：\n「」]{1,30})[:：](.*)$", re.S)
# the blank runs that clean_spaces changes: two or more blanks, or one that is not a plain space
# (`[ …]{2,}|[\t…]` written to start with one class: the engine then scans for it in C, same matches)
_BLANK, _ODD_BLANK = r"[ \t\u00a0\u2000-\u200b\u3000]", r"[\t\u00a0\u2000-\u200b\u3000]"
_SPACES_RE = re.compile(rf"{_BLANK}(?:{_BLANK}+|(?<={_ODD_BLANK}))")


@dataclass(slots=True)
class Normalized:
    """A message split into its parts; `text` is what gets classified."""

    text: str  # normalised new text without quote, stickers, emoji and @mentions
    quote: str | None = None  # quoted message content (without the sender)
    quote_sender: str | None = None
    mentions: list[str] = field(default_factory=list)  # nicknames @-mentioned in the text
    stickers: list[str] = field(default_factory=list)  # sticker codes and emoji removed
    traditional: bool = False
    body: str = ""  # normalised new text with @mentions removed but nothing else


def to_half_width(text: str) -> str:
    """NFKC: full-width letters/digits/punctuation to half width (circled list numbers kept as "1.")."""
    return _half_width(text)[0]


def _half_width(text: str) -> tuple[str, bool]:
    """`to_half_width(text)`, and True when it holds only ASCII, CJK punctuation and CJK ideographs."""
    odd = _NEEDS_NFKC.findall(text)
    if not odd:
        return text, True
    wide = set(odd)
    if wide <= _WIDE.keys.chars:  # the common case: a few full-width punctuation marks, all mapped to ASCII
        for c in wide:
            text = text.replace(c, _WIDE.table[c])
        return text.replace("\u3000", " ") if "\u3000" in text else text, True  # as _WIDE(text) does
    text = _WIDE(text)
    if not _NEEDS_NFKC.search(text):
        return text, True
    if _CIRCLED_RE.search(text):
        text = _CIRCLED_RE.sub(lambda m: _CIRCLED[m.group()], text)
    return unicodedata.normalize("NFKC", text), False


@lru_cache(maxsize=1)
def _traditional() -> CharSet:
    return CharSet(_traditional_chars())


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    import opencc

    base = Path(opencc.__file__).parent / "dictionary"
    ts: set[str] = set()
    with open(base / "TSCharacters.txt", encoding="utf-8") as fh:
        for line in fh:
            key, _, val = line.rstrip("\n").partition("\t")
            if val and val.split()[0] != key:
                ts.add(key)
    with open(base / "STCharacters.txt", encoding="utf-8") as fh:
        simplified = {line.partition("\t")[0] for line in fh}
    return frozenset(ts - simplified)


@lru_cache(maxsize=1)
def _protected() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for raw in (DICTS / "t2s_protect.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        table[parts[0]] = parts[1] if len(parts) > 1 else parts[0]
    words = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), table


_CC_LOCK = threading.Lock()
_CC: list[object] = []


def _converter() -> object:
    if not _CC:
        with _CC_LOCK:
            if not _CC:
                from opencc import OpenCC

                _CC.append(OpenCC("t2s"))
    return _CC[0]


def has_traditional(text: str) -> bool:
    """True when the text contains at least one Traditional-only character."""
    return _traditional().any_in(text)


def to_simplified(text: str) -> str:
    """Traditional→Simplified (OpenCC t2s) only when needed, keeping protected domain words intact."""
    if not has_traditional(text):
        return text
    return _t2s(text)


@lru_cache(maxsize=4096)
def _t2s(text: str) -> str:
    """OpenCC is slow (~0.2 ms a message); reposted and forwarded Traditional messages are converted once."""
    pattern, table = _protected()
    saved: list[str] = []

    def hide(m: re.Match[str]) -> str:
        saved.append(table[m.group()])
        return chr(0xE000 + len(saved) - 1)

    hidden = pattern.sub(hide, text)
    out: str = _converter().convert(hidden)  # type: ignore[attr-defined]
    if saved:
        out = re.sub("[\ue000-\ue0ff]", lambda m: saved[ord(m.group()) - 0xE000], out)
    return out


def strip_stickers(text: str, plain: bool = False) -> tuple[str, list[str]]:
    """Remove WeChat sticker codes and emoji; return the text and what was removed.

    `plain`: the text holds only ASCII, CJK punctuation and ideographs (of the emoji, only 〰 and 〽 can occur).
    """
    found: list[str] = []
    if "[" in text:
        found.extend(_STICKER_RE.findall(text))
        text = _STICKER_RE.sub(" ", text)
    if (not plain or "\u3030" in text or "\u303d" in text) and _EMOJI_RE.search(text):
        found.extend(_EMOJI_RE.findall(text))
        text = _EMOJI_RE.sub(" ", text)
    return text, found


def split_mentions(text: str, known: Iterable[str] = ()) -> tuple[str, list[str]]:
    """Remove `@nickname` mentions; known display names are matched first (they may contain spaces)."""
    if "@" not in text:
        return text, []
    names: list[str] = []
    for name in sorted({to_half_width(k) for k in known if k}, key=len, reverse=True):
        tag = "@" + name
        if tag in text:
            text, n = re.subn(_NOT_EMAIL + re.escape(tag), " ", text)
            if n:
                names.append(name)
    for m in _MENTION_RE.finditer(text):
        names.append(m.group(1))
    return _MENTION_RE.sub(" ", text), names


def split_quote(text: str) -> tuple[str, str | None, str | None]:
    """Split a WeChat quoted reply into (new text, quote content, quote sender)."""
    if "「" not in text and "\n" not in text:
        return text, None, None
    lines = text.split("\n")
    idx = next((i for i, ln in enumerate(lines) if _DIVIDER_RE.match(ln)), -1)
    if idx >= 0:
        before = "\n".join(lines[:idx]).strip()
        after = "\n".join(lines[idx + 1 :]).strip()
        qa, qb = _QUOTE_RE.match(after), _QUOTE_RE.match(before)
        if qa and not qb:
            new, quote = before, qa.group(1)
        elif qb:
            new, quote = after, qb.group(1)
        elif before and after:
            new, quote = after, before  # plain divider: quote first, as WeChat shows it
        else:
            new, quote = before or after, None
    else:
        m = _QUOTE_HEAD_RE.match(text)
        if not m:
            return text, None, None
        quote, new = m.group(1), m.group(2).strip()
    if quote is None:
        return new, None, None
    sm = _SENDER_RE.match(quote.strip())
    if sm:
        return new, sm.group(2).strip(), sm.group(1).strip()
    return new, quote.strip(), None


def clean_spaces(text: str) -> str:
    """Collapse runs of blanks, trim each line and drop empty lines."""
    if "\n" not in text:
        return _SPACES_RE.sub(" ", text).strip()
    lines = (_SPACES_RE.sub(" ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


_CANTONESE = re.compile("[哋冇唔咗嘅喺佢]|[仲只就真]系|好返")
_CANTONESE_IS = re.compile("([仲只就唔真])系")  # 仲系 (还是), 只系 (只是), 唔系 (不是), 真系 (真是)
_IS_LEAD = {"仲": "还", "只": "只", "就": "就", "唔": "不", "真": "真"}
_CANTONESE_WORDS = str.maketrans({"哋": "们", "冇": "没", "唔": "不", "咗": "了", "嘅": "的", "喺": "在", "佢": "他"})


def to_mandarin(text: str) -> str:
    """Cantonese function words (Simplified) read as the Mandarin ones every word list writes: 我哋都冇网 → 我们都没网,
    门禁坏咗 → 门禁坏了, 仲系冇电 → 还是没电, 唔该 (thank you) → 谢谢."""
    if _CANTONESE.search(text) is None:
        return text
    text = text.replace("唔该", "谢谢").replace("好返", "好")  # 网今日下午好返了: back to normal
    text = _CANTONESE_IS.sub(lambda m: _IS_LEAD[m.group(1)] + "是", text)
    return text.translate(_CANTONESE_WORDS)


def normalize(text: str, mentions: Iterable[str] = ()) -> Normalized:
    """Full normalisation of one raw message (see module docstring)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, plain = _half_width(text)
    trad = _traditional().any_in(text, astral=not plain)  # a plain text has no character beyond the BMP
    if trad:
        text = to_simplified(text)
        plain = plain and not _NEEDS_NFKC.search(text)
    if "俺" in text:  # the northern "I/we" (俺家也是, 俺们): read as 我, as every word list writes it
        text = text.replace("俺", "我")
    text = to_mandarin(text)
    # each step only when its mark is there (the tests the functions open with, inline: most messages have none)
    new, quote, sender = split_quote(text) if "「" in text or "\n" in text else (text, None, None)
    body, names = split_mentions(new, mentions) if "@" in new else (new, [])
    if "[" in body or not plain or "\u3030" in body or "\u303d" in body:
        clean, stickers = strip_stickers(body, plain)
    else:
        clean, stickers = body, []
    body = clean_spaces(body)
    clean = clean_spaces(clean) if stickers or names else body
    if quote is not None:
        quote = clean_spaces(strip_stickers(split_mentions(quote)[0], plain)[0])
    # positional, in field order (text, quote, quote_sender, mentions, stickers, traditional, body): a call with
    # keywords costs twice as much on this path
    return Normalized(clean, quote, sender, names, stickers, trad, body)
