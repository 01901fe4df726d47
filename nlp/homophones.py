"""Homophone typos in item names: 鱼星草 → 鱼腥草, 不秀钢板 → 不锈钢板, 白址 → 白芷, 电揽 → 电缆.

People type Chinese by its sound, so the usual typo is another character read the same way. A part of a name
that is not a known word but sounds like one (toneless pinyin, dicts/pinyin.txt) and shares a character with
it is replaced by that word, unless the typed word ends in another product noun (naming.HEAD_NOUNS): 包装带
(strapping) is not 包装袋 (a bag), but 电揽 is 电缆. Southwestern speech also merges -n/-ng, z/zh, c/ch, s/sh
and n/l, as Chinese input methods' fuzzy pinyin does; those count as the same sound in names of three
characters or more.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

from nlp.naming import HEAD_NOUNS
from nlp.vocab import DICTS, dict_rows, lexicon

_MAX_KEYS = 16  # sound keys per word at most (heteronyms multiply)
_COMMON = 20  # jieba frequency from which a two-character word counts as a real word
_FUZZY = ((re.compile(r"^zh"), "z"), (re.compile(r"^ch"), "c"), (re.compile(r"^sh"), "s"), (re.compile(r"^n"), "l"))
_CJK = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _readings() -> dict[str, tuple[str, ...]]:
    """Each character's toneless readings, most common first."""
    out: dict[str, tuple[str, ...]] = {}
    for line in (DICTS / "pinyin.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ch, *readings = line.split()
            out[ch] = tuple(readings)
    return out


@cache
def _fuzzy(reading: str) -> str:
    """The reading with the merged sounds of fuzzy pinyin (zh→z, ch→c, sh→s, n→l, -ng→-n)."""
    for rx, repl in _FUZZY:
        reading = rx.sub(repl, reading)
    return reading[:-1] if reading.endswith("ng") else reading


def _keys(word: str, fuzzy: bool) -> list[tuple[str, ...]]:
    """The sound keys of a known word: one per combination of its characters' readings (capped), as we do
    not know which reading the word uses."""
    table = _readings()
    options = []
    for ch in word:
        readings = table.get(ch)
        if not readings:
            return []
        readings = readings[:2]  # the rare readings of a character (泵 liu) would make false matches
        options.append(tuple(dict.fromkeys(map(_fuzzy, readings))) if fuzzy else readings)
    keys = []
    for key in product(*options):
        keys.append(key)
        if len(keys) >= _MAX_KEYS:
            break
    return keys


@cache
def _common_words() -> frozenset[str]:
    """Two-character words of jieba's dictionary with some use (read on the first need, ~0.15 s)."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 2 and parts[1].isdigit() and int(parts[1]) >= _COMMON:
                out.add(parts[0])
    return frozenset(out)


def _same_sound(typed: str, meant: str) -> bool:
    """The typed character's common reading is one of the meant character's readings (no fuzzy merging)."""
    reading = _typed(typed)
    return reading is not None and reading[0] in _readings().get(meant, ())


@cache
def _typed(ch: str) -> tuple[str, str] | None:
    """What a typed character sounds like: its common reading, exact and fuzzy."""
    readings = _readings().get(ch)
    return (readings[0], _fuzzy(readings[0])) if readings else None


@cache
def _index() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str], frozenset[str]]:
    """Exact and fuzzy sound keys of the known words (names of herbs and products; spec words of 3+ characters)."""
    lex = lexicon()
    canonical = {w: c for w, c in lex.names.items() if _CJK.fullmatch(w) and len(w) >= 2}  # typos and aliases too
    specs = {w for row in dict_rows("modifiers.txt") for w in row} | set(lex.specs)
    canonical |= {w: w for w in specs if _CJK.fullmatch(w) and len(w) >= 3}
    exact: dict[tuple[str, ...], str] = {}
    fuzzy: dict[tuple[str, ...], str] = {}
    for table, is_fuzzy in ((exact, False), (fuzzy, True)):
        for w, c in sorted(canonical.items()):
            for key in _keys(w, is_fuzzy):
                table[key] = "" if table.get(key, c) != c else c  # "" when two different words sound alike
    return exact, fuzzy, frozenset(canonical)


def _sounds_like(window: str) -> str | None:
    """The known word that `window` sounds like, if exactly one does."""
    exact, fuzzy, _ = _index()
    sounds = [_typed(ch) for ch in window]
    if None in sounds:
        return None
    word = exact.get(tuple(s[0] for s in sounds))  # type: ignore[index]
    if word is None and len(window) >= 3:
        word = fuzzy.get(tuple(s[1] for s in sounds))  # type: ignore[index]
    return word if word and any(map(word.__contains__, window)) else None  # a typo keeps a character


def _in_real_word(name: str, start: int, window: str) -> bool:
    """The two characters at `start` are a common word, or one of them makes one with its other neighbour."""
    common = _common_words()
    return window in common or name[start + 1 : start + 3] in common or name[max(0, start - 1) : start + 1] in common


@lru_cache(maxsize=4096)
def correct(name: str) -> str:
    """`name` with one misspelt part replaced by the known word it sounds like (unchanged when none; remembered by
    name: a name's fix depends on the dictionaries alone)."""
    names = lexicon().names
    if not name or name in names:
        return names.get(name, name)
    known, kind = _index()[2], lexicon().kind
    for size in range(min(len(name), 6), 1, -1):
        for start in range(len(name) - size + 1):
            window = name[start : start + size]
            if window in known or not _CJK.fullmatch(window):
                continue
            word = _sounds_like(window)
            herb = kind.get(word) == "herb"
            if word and size >= 3 and word[0] != window[0] and not herb:
                continue  # 点焊机 is not 电焊机: a longer product word misspelt at its first character is rare
            if word and size == 2 and size != len(name) and _in_real_word(name, start, window):
                continue  # 柏树枝 holds 树枝, a word in its own right, not a misspelt 树脂; 仓库维修 holds 维修
            if word and size != len(name) and (herb or (size == 2 and word[0] != window[0])):
                continue  # a herb is a whole name, and so is a two-character word unless only its second
                # character is misspelt: 安全鞋 holds no 全蝎, PP粒子 no 李子, but 红薯淀份 is 红薯淀粉
            if word and window[-1] in HEAD_NOUNS and word[-1] != window[-1] and not herb:
                continue  # another head noun is another product (包装带 is not 包装袋); herbs have no head noun
            if word and size >= 3 and word[:-1] == window[:-1] and not herb and not _same_sound(window[-1], word[-1]):
                continue  # a head noun alike only in fuzzy sound: another product (充电钻, not 充电桩)
            if word and word != window:
                fixed = name[:start] + word + name[start + size :]
                return names.get(fixed, fixed)  # 鱼腥草, 白芷: the canonical name when the whole is one
    return name
