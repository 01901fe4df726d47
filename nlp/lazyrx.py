"""`LazyPattern`: a regex compiled on its first use.

The classifier holds a few hundred regexes (patterns.yaml, resolution.yaml) and any one message needs few of them:
compiling them all when the analyzer is built is most of its start-up time. A `LazyPattern` has the compiled
pattern's `pattern` and `flags` at once, and its methods compile it on the first call, then are the compiled
pattern's own bound methods (no extra call later).
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

__all__ = ["LazyPattern"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A stand-in for `re.compile(pattern, flags)` that compiles when first searched."""

    __slots__ = ("flags", "pattern", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        for name in _METHODS:
            setattr(self, name, partial(self._first_call, name))

    def _first_call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        compiled = self.compiled()
        return getattr(compiled, name)(*args, **kwargs)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiling it now if not yet); its methods become this object's."""
        compiled = re.compile(self.pattern, self.flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
