"""The keyword automaton: every keyword class of the classifier, and optionally other words with a payload (the
routing remit words and department names), found in one Aho-Corasick pass over a message."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import reduce
from itertools import chain
from operator import itemgetter, or_
from pathlib import Path

import ahocorasick
import yaml

RULES = Path(__file__).parent / "rules"
MASK_CLASS = "not_words"  # words holding a keyword that mean something else (我们去年 is no 我们去)
ALIAS_SOURCES: dict[str, set[str]] = {}  # feature -> keyword classes aliased to it (filled on load)
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_THIRD = itemgetter(2)


def load_yaml(name: str) -> dict:
    """Load one rules file from nlp/rules."""
    with open(RULES / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class Matches(list):
    """Keyword matches `(word, classes)` of one text; evidence for a class is filtered on demand."""

    __slots__ = ()

    def words(self, cls: str | None = None) -> list[str]:
        """Distinct matched words of class `cls` or of a class aliased to it (all words when none)."""
        if not cls:
            return list(dict.fromkeys([w for w, _ in self]))
        aliased = ALIAS_SOURCES.get(cls)
        if aliased:
            wanted = {cls, *aliased}
            out = [w for w, cs in self if not wanted.isdisjoint(cs)]
        else:
            out = [w for w, cs in self if cls in cs]
        return list(dict.fromkeys(out or [w for w, _ in self]))


def _whole_word(text: str, end: int, size: int) -> bool:
    """The Latin word ending at text[end] is not part of a longer Latin word."""
    start = end - size + 1
    before = text[start - 1] if start > 0 else " "
    after = text[end + 1] if end + 1 < len(text) else " "
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def utf8_latin(text: str) -> str:
    """The UTF-8 bytes of `text` as a string of code points 0-255.

    The automaton runs over these: a node's transitions are searched one by one, and the root of a CJK
    vocabulary has over a thousand characters but only a few dozen lead bytes. UTF-8 is self-synchronising, so a
    keyword's bytes occur in a text's bytes exactly where the keyword occurs in the text.
    """
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


class Lexicon:
    """All keyword classes in one Aho-Corasick automaton (over UTF-8 bytes), with the payload words beside them.

    An automaton value is `((word, classes) or None, payload or None, gate bits)`. The words of the class
    `not_words` hold a keyword of another class but mean something else (我们去年 holds 我们去): a keyword found only
    inside one of them is no match, and the class itself is never reported. `gates` maps other strings to bits
    (int flags): `scan_gates` reports the bits of the strings that occur.
    """

    def __init__(
        self,
        classes: dict[str, list[str]],
        payloads: Mapping[str, object] | None = None,
        gates: Mapping[str, int] | None = None,
    ) -> None:
        self.automaton = ahocorasick.Automaton()
        table: dict[str, set[str]] = {}
        for cls, words in classes.items():
            for word in words:
                w = unicodedata.normalize("NFKC", str(word))
                if w:
                    table.setdefault(w, set()).add(cls)
        extra = dict(payloads or {})
        bits = {w: b for w, b in (gates or {}).items() if w and b}
        # the bit above every gate bit marks the `not_words` words: `scan_gates` sees one in the same reduction
        self._mask_bit = 1 << max((b.bit_length() for b in bits.values()), default=0)
        for word in [w for w, cs in table.items() if MASK_CLASS in cs]:
            if table.pop(word) != {MASK_CLASS} or word in extra:
                raise ValueError(f"{MASK_CLASS}: {word!r} is also a word of another class")
            mask = (None, _Mask(len(utf8_latin(word))), bits.pop(word, 0) | self._mask_bit)
            self.automaton.add_word(utf8_latin(word), mask)
        self._latin = frozenset(w for w in table if w.isascii() and w.isalpha())  # matched as whole words only
        # a gate string that is a Latin keyword may be dropped with it (not a whole word): its bits are always set
        self.gates_always = reduce(or_, (b for w, b in bits.items() if w in self._latin), 0)
        # the bit above the mask bit marks the Latin keywords: `scan_gates` filters the hits only when one is found
        self._latin_bit = self._mask_bit << 1
        for word, classes_of in table.items():
            latin = self._latin_bit if word in self._latin else 0
            entry = ((word, tuple(sorted(classes_of))), extra.pop(word, None), bits.pop(word, 0) | latin)
            self.automaton.add_word(utf8_latin(word), entry)
        for word, payload in extra.items():
            self.automaton.add_word(utf8_latin(word), (None, payload, bits.pop(word, 0)))
        for word, b in bits.items():
            self.automaton.add_word(utf8_latin(word), (None, None, b))
        self.automaton.make_automaton()
        self.classes = frozenset(c for cs in table.values() for c in cs)

    def _keep(self, text: str, hit: tuple[int, tuple]) -> bool:
        keyword = hit[1][0]
        return keyword is None or keyword[0] not in self._latin or _whole_word(text, hit[0], len(keyword[0]))

    def scan(self, text: str) -> dict[str, Matches]:
        """Map each class found in the text to the matches (one shared `Matches` list for all classes)."""
        return self.scan_payloads(text)[0]

    def scan_payloads(self, text: str) -> tuple[dict[str, Matches], list[object]]:
        """`scan(text)`, and the payloads of the payload words found, in the order of their matches."""
        return self.scan_gates(text)[:2]  # type: ignore[return-value]

    def scan_gates(self, text: str) -> tuple[dict[str, Matches], list[object], int]:
        """`scan_payloads(text)`, and the gate bits of the gate strings found (with `gates_always`)."""
        if not text:
            return {}, [], self.gates_always
        data = text.encode("utf-8", "surrogatepass").decode("latin-1")  # utf8_latin(text), inline
        values = list(map(_SECOND, self.automaton.iter(data)))
        gates = reduce(or_, map(_THIRD, values), self.gates_always)  # before the masks: a gate is no keyword
        if gates & self._latin_bit:  # a Latin keyword was found: "PP" is a spec, not the middle of "APP"
            # exact: the filter drops only Latin keywords, so without one found it would have kept every hit
            values = [h[1] for h in self.automaton.iter(data) if self._keep(data, h)]
            gates = reduce(or_, map(_THIRD, values), self.gates_always) & ~self._latin_bit
        if gates & self._mask_bit:  # a `not_words` word was found (only those carry the bit)
            values, payloads = self._unmasked(data)
            gates ^= self._mask_bit
        else:
            payloads = list(filter(None, map(_SECOND, values)))
        matches = Matches(filter(None, map(_FIRST, values)))
        return dict.fromkeys(chain.from_iterable(map(_SECOND, matches)), matches), payloads, gates

    def _unmasked(self, data: str) -> tuple[list[tuple], list[object]]:
        """The automaton values of `data` (UTF-8 bytes as code points) but those inside a `not_words` word."""
        hits = [h for h in self.automaton.iter(data) if self._keep(data, h)]
        masks = [(end - h.size, end) for end, (_, h, _) in hits if type(h) is _Mask]
        values = []
        for end, value in hits:
            if type(value[1]) is _Mask:
                continue
            size = len(utf8_latin(value[0][0])) if value[0] else 0
            if not any(a < end - size + 1 and end <= b for a, b in masks) or not value[0]:
                values.append(value)
        return values, list(filter(None, map(_SECOND, values)))


class _Mask:
    """The payload of a `not_words` word: its length in UTF-8 bytes."""

    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        self.size = size
