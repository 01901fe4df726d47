"""A planned pattern run compiled into one small function (feature names and the trigger tests become literals)."""

from __future__ import annotations

import re
from collections.abc import Callable, KeysView
from functools import cache
from typing import Any

from nlp.rxneed import needed

__all__ = ["PatternRun", "compile_run"]

#: run(text, present, keys): search the text when a trigger holds; on a match set the feature (and its alias)
PatternRun = Callable[[str, dict[str, object], KeysView[str]], None]


def compile_run(
    name: str,
    pat: re.Pattern[str],
    single: frozenset[str] | None,
    multi: tuple[frozenset[str], ...],
    alias: str | None,
) -> PatternRun:
    """The run of one pattern: searched when `single` is None, a feature of `single` is present, or all the
    features of one set of `multi` are; the first match is the evidence of `name` (and of `alias` if unset).

    `if "ask" in keys or ("item" in keys and "qty" in keys):` is a few bytecodes where set operations on the
    trigger sets cost several times more. When every match holds one of a few strings, the run first looks for them.
    """
    lines = ["def run(text, present, keys, search=search):"]
    if single is not None:
        tests = [f"{f!r} in keys" for f in sorted(single)]
        tests += ["(" + " and ".join(f"{f!r} in keys" for f in sorted(t)) + ")" for t in multi]
        lines.append(f"    if not ({' or '.join(tests) or 'False'}):")
        lines.append("        return")
    need = _few_needed(pat.pattern)
    if need:  # a text holding none of these strings cannot match (nlp/rxneed.py): no search
        lines.append(f"    if not ({' or '.join(f'{w!r} in text' for w in need)}):")
        lines.append("        return")
    lines.append("    m = search(text)")
    lines.append("    if m is not None:")
    lines.append(f"        present[{name!r}] = m.group()")
    if alias:
        lines.append(f"        present.setdefault({alias!r}, m.group())")
    namespace: dict[str, Any] = {"search": pat.search}
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
