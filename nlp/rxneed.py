"""An exact pre-test for a large regex: strings one of which every match must contain.

`needed(pattern)` derives them from the parsed pattern (look-arounds are skipped: they consume nothing, so the text a
match consumes is still the concatenation of the other parts); None when no such set can be derived. A text holding
none of the strings cannot match. `PartGate` uses this to test a large alternation part by part: an Aho-Corasick pass
finds the parts that may match, and only those are searched (same answer, a fraction of the time).
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

import ahocorasick

from nlp.keywords import utf8_latin

_SECOND = itemgetter(1)

__all__ = ["PartGate", "needed"]

_Seq = Iterable[tuple[Any, Any]]  # a parsed sequence: (opcode, argument) pairs
_CAP = 256  # largest finite language kept while concatenating
_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _cat(a: set[str], b: set[str]) -> set[str] | None:
    if len(a) * len(b) > _CAP:
        return None
    return {x + y for x in a for y in b}


def _lang(items: _Seq) -> set[str] | None:
    """The finite set of strings a parsed sequence consumes (look-arounds as empty), or None."""
    out: set[str] | None = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            part: set[str] | None = {chr(av)}
        elif op is C.IN:
            part = _class(av)
        elif op is C.SUBPATTERN:
            part = None if av[1] or av[2] else _lang(av[3])
        elif op is C.BRANCH:
            alts = [_lang(b) for b in av[1]]
            part = None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS and av[1] <= 2:
            inner = _lang(av[2])
            part = None if inner is None else _power(inner, av[0], av[1])
        else:
            part = None
        if part is None or out is None:
            return None
        out = _cat(out, part)
    return out


def _power(inner: set[str], lo: int, hi: int) -> set[str] | None:
    """The strings of `inner` repeated lo to hi times."""
    out: set[str] = set()
    power: set[str] | None = {""}
    for k in range(hi + 1):
        if power is None:
            return None
        if k >= lo:
            out |= power
        power = _cat(power, inner)
    return out


def _class(av: _Seq) -> set[str] | None:
    chars: set[str] = set()
    for op, v in av:
        if op is C.LITERAL:
            chars.add(chr(v))
        elif op is C.RANGE and v[1] - v[0] < 16:
            chars.update(map(chr, range(v[0], v[1] + 1)))
        else:
            return None
    return chars


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two needed sets: longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    ka, kb = (-min(map(len, a)), len(a)), (-min(map(len, b)), len(b))
    return a if ka <= kb else b


def _need(items: _Seq) -> set[str] | None:
    """Strings one of which every match of a parsed sequence contains, or None."""
    best: set[str] | None = None
    run: set[str] | None = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        got = _lang([(op, av)])
        longer = None if got is None or run is None else _cat(run, got)
        if longer is not None:
            run = longer
            continue
        if run and "" not in run:
            best = _better(best, run)
        run = got if got is not None else {""}
        if got is None:
            best = _better(best, _inner_need(op, av))
    if run and "" not in run:
        best = _better(best, run)
    return best


def _inner_need(op: object, av: Any) -> set[str] | None:
    if op is C.SUBPATTERN and not av[1] and not av[2]:
        return _need(av[3])
    if op is C.BRANCH:
        alts = [_need(b) for b in av[1]]
        return None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
    if op in _REPEATS and av[0] >= 1:
        return _need(av[2])
    return None


def needed(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` (no inline flags) contains; None when unknown."""
    parsed = P.parse(pattern)
    if parsed.state.flags != P.parse("a").state.flags:
        return None
    got = _need(list(parsed))
    return None if not got or "" in got else frozenset(got)


class PartGate:
    """Whether any part of the alternation `(?:p1)|(?:p2)|…` matches a text (`has`), testing only the parts whose
    needed strings occur in it: one automaton pass, then a few small searches instead of one over every part."""

    def __init__(self, parts: list[str]) -> None:
        self.parts = [re.compile(f"(?:{p})") for p in parts]
        needs = [needed(p) for p in parts]
        self.always = frozenset(i for i, n in enumerate(needs) if n is None)
        owners: dict[str, set[int]] = {}
        for i, n in enumerate(needs):
            for s in n or ():
                owners.setdefault(s, set()).add(i)
        self.automaton = ahocorasick.Automaton()
        for s, idx in owners.items():
            self.automaton.add_word(utf8_latin(s), frozenset(idx))
        if owners:
            self.automaton.make_automaton()
        self._built = self.automaton.kind == ahocorasick.AHOCORASICK

    def has(self, text: str, skip: int = 0) -> bool:
        """Some part from index `skip` on matches `text` (`skip` leaves out the first parts)."""
        found = self.always
        if self._built:  # the parts' index sets of the strings found, joined in C
            found = found.union(*map(_SECOND, self.automaton.iter(utf8_latin(text))))
        parts = self.parts
        for i in found:  # noqa: SIM110 (a plain loop: cheaper than any() over a generator)
            if i >= skip and parts[i].search(text):
                return True
        return False
