"""A leading look-ahead for large regex alternations: the characters any match can start with.

Python's engine tries every branch at every position; `(?=[...])` lets it skip positions where no match can start.
The class is derived from the parsed pattern, so matches are unchanged; when it cannot be derived (a branch that
may match empty, `.`, a negated class, flags), the pattern is returned as it is.
"""

from __future__ import annotations

import re
import re._compiler as K
import re._constants as C
import re._parser as P


def _first(items) -> tuple[set[str], bool] | None:
    """(first-character class items, may match empty) of a parsed sequence; None when unknown."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(re.escape(chr(av)))
            return out, False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(re.escape(chr(iav)))
                elif iop is C.RANGE:
                    out.add(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
                elif iop is C.CATEGORY and iav in _CATS:
                    out.add(_CATS[iav])
                else:
                    return None
            return out, False
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue
        if op is C.SUBPATTERN:
            sub = None if av[1] or av[2] else _first(av[3])  # no scoped flags such as (?i:...)
        elif op is C.BRANCH:
            sub = (set(), False)
            for branch in av[1]:
                got = _first(branch)
                if got is None:
                    return None
                sub = (sub[0] | got[0], sub[1] or got[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            got = _first(av[2])
            sub = None if got is None else (got[0], got[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        out |= sub[0]
        if not sub[1]:
            return out, False
    return out, True


_PLAIN_FLAGS = P.parse("a").state.flags
_CATS = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}


def with_first_chars(pattern: str) -> str:
    """`pattern` behind a look-ahead for its possible first characters (or unchanged, see the module)."""
    parsed = P.parse(pattern)
    if parsed.state.flags != _PLAIN_FLAGS:  # inline flags such as (?i) must stay at the start
        return pattern
    got = _first(list(parsed))
    if got is None or got[1] or not got[0]:
        return pattern
    return "(?=[" + "".join(sorted(got[0])) + "])(?:" + pattern + ")"


def alternation_with_leads(parts: list[str], group: int = 5) -> str:
    """`(?:p1)|(?:p2)|…` behind `with_first_chars`, each part that does not start with a literal or a class also
    behind its own look-ahead: at a position the engine then skips such a part with one class test instead of trying
    its inner alternatives one by one (a part starting with a literal or a class is skipped that way already).

    More than `group` parts go in runs of `group`, each behind the look-ahead of its parts: one class test skips a
    run. The parts keep their order, so the leftmost-first choice among them, and every match, is unchanged.
    """
    out = []
    for part in parts:
        parsed = P.parse(part)
        starts_plain = bool(parsed.data) and parsed.data[0][0] in (C.LITERAL, C.IN)
        out.append(f"(?:{part if starts_plain else with_first_chars(part)})")
    if len(out) > group:
        out = [f"(?:{with_first_chars('|'.join(out[i : i + group]))})" for i in range(0, len(out), group)]
    return with_first_chars("|".join(out))


def with_first_chars_if_unprefixed(pattern: str) -> str:
    """`with_first_chars(pattern)`, unless the engine finds the starts itself: a literal or character-class prefix
    (it then scans for it in C, which a look-ahead would prevent) or an anchor."""
    parsed = P.parse(pattern)
    flags = parsed.state.flags
    if not parsed.data or parsed.data[0][0] is C.AT:
        return pattern
    if K._get_literal_prefix(parsed, flags)[0] or K._get_charset_prefix(parsed, flags):
        return pattern
    return with_first_chars(pattern)


def run_guard(digits: tuple[int, str] | None = None, blanks: str = "") -> str:
    """A look-ahead that rejects at once the positions inside digit runs (phone numbers) or blank runs where no match
    can start, instead of trying every branch of the pattern there (or backtracking over the blanks).

    `digits` = (n, class): a match that begins with a digit has at most n of them, optional blanks, then a character
    of `class` (regex class syntax, no digit or blank in it); `blanks` = class: a match that begins with blanks has a
    character of `class` right after them. The matches are unchanged when these premises hold for every branch of
    the guarded pattern.
    """
    alts = ["(?![" + (r"\d" if digits else "") + (r"\s" if blanks else "") + "])"]
    if digits:
        alts.append(rf"\d{{1,{digits[0]}}}+\s*+[{digits[1]}]")  # possessive: the class holds no digit or blank
    if blanks:
        alts.append(rf"\s++[{blanks}]")
    return "(?=" + "|".join(alts) + ")"
