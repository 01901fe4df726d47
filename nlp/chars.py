"""Character-set tests and 1:1 character maps for short texts, by compiled character classes.

`frozenset.isdisjoint(text)`, `frozenset.intersection(text)` and `str.translate` make a string or int object for
every CJK character of the text; a regex character class scans it in C. These give the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["CharMap", "CharSet"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class CharSet:
    """A fixed set of characters, looked for in texts with one compiled character class."""

    def __init__(self, chars: Iterable[str]) -> None:
        self.chars = frozenset(chars)
        bmp = "".join(re.escape(c) for c in sorted(self.chars) if ord(c) <= 0xFFFF)
        self._bmp = re.compile(f"[{bmp}]") if bmp else None
        # a class holding characters beyond the BMP is tested item by item: those go through a set instead
        self._astral = frozenset(c for c in self.chars if ord(c) > 0xFFFF)
        # one pass for both: the set's BMP characters or any character beyond the BMP (a range, tested fast)
        self._either = re.compile(f"[{bmp}]|{_ASTRAL.pattern}" if bmp else _ASTRAL.pattern) if self._astral else None

    def any_in(self, text: str, astral: bool = True) -> bool:
        """True when a character of `text` is in the set (`not chars.isdisjoint(text)`).

        `astral=False` says that `text` has no character beyond the BMP (they are not looked for).
        """
        if astral and self._either is not None:
            first = self._either.search(text)
            if first is None:
                return False  # neither a BMP character of the set nor any character beyond the BMP
            if first.group() in self.chars:
                return True
        if self._bmp is not None and self._bmp.search(text) is not None:
            return True
        return astral and bool(self._astral) and not self._astral.isdisjoint(_ASTRAL.findall(text))

    def found_in(self, text: str) -> frozenset[str]:
        """The characters of the set that occur in `text` (`chars.intersection(text)`)."""
        found = frozenset(self._bmp.findall(text)) if self._bmp is not None else frozenset()
        if self._astral:
            found |= self._astral.intersection(_ASTRAL.findall(text))
        return found


class CharMap:
    """`text.translate(table)` for a table of characters to single characters, replacing only those that occur.

    No target may itself be a key (the replacements are made one after another).
    """

    def __init__(self, table: Mapping[int, int | str]) -> None:
        pairs = {chr(k): chr(v) if isinstance(v, int) else v for k, v in table.items()}
        self.table = {k: v for k, v in pairs.items() if v != k}
        if any(len(v) != 1 or v in self.table for v in self.table.values()):
            raise ValueError("CharMap needs single-character targets that are not keys")
        self.keys = CharSet(self.table)

    def __call__(self, text: str) -> str:
        """The translated text (`text` itself when no key occurs)."""
        keys = self.keys  # the keys found, as found_in gives them (a plain set when none is beyond the BMP)
        found = keys.found_in(text) if keys._astral or keys._bmp is None else set(keys._bmp.findall(text))
        for c in found:
            text = text.replace(c, self.table[c])
        return text
