"""A planned pattern run compiled into one small function (feature names and the trigger tests become literals)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from nlp.rxneed import needed

__all__ = ["PatternRun", "RunPlan", "compile_run", "needed_strings"]

#: run(text, present): search the text when a trigger holds; on a match set the feature (and its alias)
PatternRun = Callable[[str, dict[str, object]], None]


def compile_run(
    name: str,
    pat: re.Pattern[str],
    single: frozenset[str] | None,
    multi: tuple[frozenset[str], ...],
    alias: str | None,
    look: bool = True,
) -> PatternRun:
    """The run of one pattern: searched when `single` is None, a feature of `single` is present, or all the
    features of one set of `multi` are; the first match is the evidence of `name` (and of `alias` if unset).

    `if "ask" in present or ("item" in present and "qty" in present):` is a few bytecodes where set operations on the
    trigger sets cost several times more. When every match holds one of a few strings, the run first looks for them
    (unless `look` is False: the caller gates the run on them).
    """
    lines = ["def run(text, present, pat=pat):"]
    if single is not None:
        tests = [f"{f!r} in present" for f in sorted(single)]
        tests += ["(" + " and ".join(f"{f!r} in present" for f in sorted(t)) + ")" for t in multi]
        lines.append(f"    if not ({' or '.join(tests) or 'False'}):")
        lines.append("        return")
    need = _few_needed(pat.pattern) if look else ()
    if need:  # a text holding none of these strings cannot match (nlp/rxneed.py): no search
        lines.append(f"    if not ({' or '.join(f'{w!r} in text' for w in need)}):")
        lines.append("        return")
    lines.append("    m = pat.search(text)")  # not a bound `search`: a LazyPattern's becomes the compiled one's
    lines.append("    if m is not None:")
    lines.append(f"        present[{name!r}] = m.group()")
    if alias:
        lines.append(f"        present.setdefault({alias!r}, m.group())")
    namespace: dict[str, Any] = {"pat": pat}
    exec(compile("\n".join(lines), f"<pattern run {name!r}>", "exec"), namespace)
    return namespace["run"]


_MAX_NEEDED = 8  # more substring tests than this cost about as much as the search they would spare


@cache
def _few_needed(pattern: str) -> tuple[str, ...]:
    """The strings one of which every match of `pattern` holds (none that holds another), when there are few."""
    got = needed(pattern)
    if got is None:
        return ()
    least = sorted(w for w in got if not any(v != w and v in w for v in got))
    return tuple(least) if len(least) <= _MAX_NEEDED else ()


def needed_strings(patterns: list[tuple]) -> tuple[dict[str, int], frozenset[int]]:
    """Gate strings for the keyword automaton: string -> the bits of the patterns (by index) that need it, and the
    indexes of the patterns so gated. A pattern is gated when every match holds one of its needed strings
    (nlp/rxneed.py: exact) and each of them is two characters or more (a single character would add many hits)."""
    out: dict[str, int] = {}
    gated: set[int] = set()
    for i, (_, pat, *_rest) in enumerate(patterns):
        strings = needed(pat.pattern)
        if strings and all(len(s) >= 2 for s in strings):
            gated.add(i)
            for s in strings:
                out[s] = out.get(s, 0) | 1 << i
    return out, frozenset(gated)


_RUNS_CACHE_MAX = 4096
_DIGIT_RE = re.compile(r"\d")


class RunPlan:
    """The planned pattern runs with their gates, each run at the bit of its pattern's index.

    A run is skipped when its gate is closed: a gate character (a character every match starts with), a digit
    (patterns that need one), or a needed string (every match holds one of them). The keyword automaton reports
    which needed strings and gate characters occur, see `Lexicon.scan_gates`.
    """

    def __init__(self, runs: list[tuple[int, PatternRun, bool, frozenset[str] | None]], char_base: int) -> None:
        """`runs`: (pattern index, run, needs a digit, gate characters or None), in pattern order; the gate bits
        passed to `select` hold the bit `char_base + i` when a gate character of pattern i occurs."""
        self.runs = runs
        self._char_base = char_base
        self._run_mask = (1 << char_base) - 1  # the runs' bits lie below char_base
        self._always_open = self._digit_runs = 0  # the runs without a gate; the runs that need a digit
        for i, _, needs_digit, gate in runs:
            self._always_open |= (gate is None) << i
            self._digit_runs |= needs_digit << i
        self._cache: dict[int, tuple[PatternRun, ...]] = {}

    def select(self, text: str, needs: int) -> tuple[PatternRun, ...]:
        """The runs whose gates `text` passes, in pattern order; `needs` has the bit of every pattern whose needed
        strings may occur (a closed bit: none occurs, so the pattern cannot match) and, from `char_base` on, the
        bit of every pattern one of whose gate characters occurs.

        The selection depends only on which runs are open (a bit a run); it is cached by them.
        """
        bits = (self._always_open | needs >> self._char_base) & needs & self._run_mask
        if bits & self._digit_runs and _DIGIT_RE.search(text) is None:  # like \d, any Unicode digit
            bits &= ~self._digit_runs
        runs = self._cache.get(bits)
        if runs is None:
            runs = tuple(run for i, run, _, _ in self.runs if bits >> i & 1)
            if len(self._cache) >= _RUNS_CACHE_MAX:
                self._cache.clear()
            self._cache[bits] = runs
        return runs
