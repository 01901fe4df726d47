"""A buyer's message made ready for item reading: the quoted reply split off, list markers blanked."""

from __future__ import annotations

import re

_QUOTE_SPLIT = re.compile(r"\n\s*(?:-\s*){6,}\n?")
_MARKER = re.compile(
    r"(?m)^[ \t]*(?:[(（]?\d{1,2}[)）、](?!\d)|\d{1,2}\.(?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}[、.．]"
    r"|[-•·*●◆▪■▫□➤►▶🔹🔸]\ufe0f?|"
    r"\d{1,2}(?=[ \t]+\D))"
)
_ONE_LINE_LIST = re.compile(r"\s*1\s*[)）]")
_INLINE_MARKER = re.compile(r"(?<=\s)(?:[2-9]|1\d)\s*[)）](?=\s*[\u4e00-\u9fffA-Za-z])")


def split_quote(text: str) -> tuple[str, str | None]:
    """The new text and the quoted reply (「…」 + a dashed line) before it, if any."""
    m = _QUOTE_SPLIT.search(text)
    if not m:
        return text, None
    return text[m.end() :], text[: m.start()]


def blank_markers(body: str) -> str:
    """List markers ("1.", "①", "-") at line starts replaced by as many blanks; in a list written on one line
    ("1）食用碱 500kg 2）小苏打 40袋") the later markers become separators."""
    if _ONE_LINE_LIST.match(body):
        body = _INLINE_MARKER.sub(lambda m: "；" + " " * (len(m.group(0)) - 1), body)
    if "\n" in body:
        return _MARKER.sub(lambda m: " " * len(m.group(0)), body)
    m = _MARKER.match(body)  # a single line: only its start can hold one
    return body if m is None else " " * m.end() + body[m.end() :]
