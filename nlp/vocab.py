"""Extraction vocabulary from nlp/dicts/*.txt (herbs, products, specs, units, origins), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nlp.chars import CharSet
from nlp.numbers import T2S_LITE

__all__ = ["Lexicon", "ascii_lower", "lexicon", "match_names", "to_simplified", "vocabulary"]

DICTS = Path(__file__).with_name("dicts")
_UPPER_RE = re.compile("[A-Z]")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_EXTRA_T2S = {"朮": "术", "蔘": "参", "窮": "穷", "茋": "芪", "雲": "云", "懷": "怀", "藥": "药"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lookup tables; keys are Simplified and ASCII-lower-cased."""

    names: dict[str, str]  # alias or canonical → canonical name
    last_chars: frozenset[str]  # last character of every alias (fast skip in match_names)
    kind: dict[str, str]  # canonical → "herb" | "product"
    max_name: int
    specs: frozenset[str]
    max_spec: int
    units: tuple[str, ...]  # longest first
    unit_set: frozenset[str]
    origins: frozenset[str]
    max_origin: int
    raw: dict[str, set[str]]  # for vocabulary(): as written in the files


def ascii_lower(s: str) -> str:
    """Lower-case ASCII letters only (keeps length and CJK untouched)."""
    return s.translate(_LOWER) if _UPPER_RE.search(s) else s


@cache
def _t2s_table() -> dict[int, str]:
    table: dict[int, str] = {k: chr(v) if isinstance(v, int) else v for k, v in T2S_LITE.items()}  # type: ignore[misc]
    try:
        import opencc  # type: ignore[import-untyped]

        path = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
                table[ord(parts[0])] = parts[1]
    except (ImportError, OSError):  # pragma: no cover - the lite table still covers the common characters
        pass
    for k, v in _EXTRA_T2S.items():
        table[ord(k)] = v
    return table


@cache
def _t2s_chars() -> CharSet:
    return CharSet(chr(k) for k, v in _t2s_table().items() if v != chr(k))  # identity entries change nothing


def to_simplified(s: str) -> str:
    """Character-by-character Traditional → Simplified (same length, so positions are kept)."""
    return s.translate(_t2s_table()) if _t2s_chars().any_in(s) else s


def dict_rows(name: str) -> list[list[str]]:
    """The whitespace-separated words of each line of a file in nlp/dicts, without # comments."""
    rows: list[list[str]] = []
    for line in (DICTS / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(line.split())
    return rows


@cache
def lexicon() -> Lexicon:
    """Load the dictionaries once."""
    names: dict[str, str] = {}
    kind: dict[str, str] = {}
    raw: dict[str, set[str]] = {"herb": set(), "product": set(), "spec": set(), "unit": set(), "origin": set()}
    for fname, k in (("herbs.txt", "herb"), ("products.txt", "product")):
        for row in dict_rows(fname):
            canonical = row[0]
            kind.setdefault(canonical, k)
            for alias in row:
                raw[k].add(alias)
                names.setdefault(ascii_lower(to_simplified(alias)), canonical)
    spec_rows = [*dict_rows("specs.txt"), *dict_rows("brands.txt")]
    specs = {ascii_lower(to_simplified(w)) for row in spec_rows for w in row}
    raw["spec"] = {w for row in spec_rows for w in row}
    units = {w for row in dict_rows("units.txt") for w in row}
    raw["unit"] = set(units)
    origins = {w for row in dict_rows("origins.txt") for w in row}
    raw["origin"] = set(origins)
    return Lexicon(
        names=names,
        last_chars=frozenset(a[-1] for a in names),
        kind=kind,
        max_name=max(map(len, names)),
        specs=frozenset(specs),
        max_spec=max(map(len, specs)),
        units=tuple(sorted({ascii_lower(u) for u in units}, key=len, reverse=True)),
        unit_set=frozenset(ascii_lower(u) for u in units),
        origins=frozenset(origins),
        max_origin=max(map(len, origins)),
        raw=raw,
    )


def match_names(key: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """Backward maximum matching of product names in key[lo:hi]: [(start, end, canonical)], rightmost first.

    `key` must be Simplified and ASCII-lower-cased. Latin names only match on letter boundaries.
    Only positions after a possible last character are tried, and there only the lengths of the names
    ending in that character (longest first), which gives the same matches as trying every length.
    """
    names = lexicon().names
    lengths, last_re = _by_last_char()
    hi = len(key) if hi is None else hi
    out: list[tuple[int, int, str]] = []
    ends = [m.end() for m in last_re.finditer(key, lo, hi)]
    end = hi
    for cand_end in reversed(ends):
        if cand_end > end:
            continue  # inside a name already matched
        end = cand_end
        room = end - lo
        for size in lengths[key[end - 1]]:
            if size <= room:
                canonical = names.get(key[end - size : end])
                # only a name starting or ending in an ASCII character can break a Latin word
                if canonical is not None and (
                    not (key[end - size].isascii() or key[end - 1].isascii()) or _latin_ok(key, end - size, end)
                ):
                    out.append((end - size, end, canonical))
                    end -= size
                    break
    return out


@cache
def _by_last_char() -> tuple[dict[str, tuple[int, ...]], re.Pattern[str]]:
    """Name lengths (longest first) by last character, and a regex matching where a name may end: the last
    character of a one-character name, or the last character of a longer name after a character that is the
    second-last of some longer name (the positions it skips end no name)."""
    lengths: dict[str, set[int]] = {}
    for alias in lexicon().names:
        lengths.setdefault(alias[-1], set()).add(len(alias))
    longer = [a for a in lexicon().names if len(a) > 1]
    single = _char_class({a for a in lexicon().names if len(a) == 1})
    # the last character first, then the one before it behind: the engine skips to candidate characters fast
    ends = rf"{_char_class({a[-1] for a in longer})}(?<={_char_class({a[-2] for a in longer})}.)"
    last_re = re.compile(f"{ends}|{single}" if single else ends, re.DOTALL)
    return {c: tuple(sorted(v, reverse=True)) for c, v in lengths.items()}, last_re


def _char_class(chars: set[str]) -> str:
    return f"[{re.escape(''.join(sorted(chars)))}]" if chars else ""


def _is_latin(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _latin_ok(key: str, start: int, end: int) -> bool:
    if _is_latin(key[start]) and start > 0 and _is_latin(key[start - 1]):
        return False
    return not (_is_latin(key[end - 1]) and end < len(key) and _is_latin(key[end]))


def vocabulary() -> dict[str, set[str]]:
    """All extraction words by class, for the tokenizer's user dictionary.

    Keys: "herb", "product", "spec", "unit", "origin"; herb/product include every alias and typo.
    """
    return {k: set(v) for k, v in lexicon().raw.items()}
