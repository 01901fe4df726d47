"""Thin adapter over the extraction modules (items, phones, dates, meetings, vocabulary).

The extraction functions are owned elsewhere; this module resolves them once, lazily, and degrades to
"nothing found" when a module is not there, so classification never depends on extraction being present.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from nlp.types import Item, MeetingInfo

_PLACES = {
    "extract_items": ("nlp.extract",),
    "extract_phone": ("nlp.phones", "nlp.extract"),
    "resolve_deadline": ("nlp.dates", "nlp.extract"),
    "extract_meeting": ("nlp.extract", "nlp.when", "nlp.dates"),
    "vocabulary": ("nlp.vocab", "nlp.extract"),
}
DICTS = Path(__file__).parent / "dicts"
_ITEM_CLASSES = ("herbs", "herb", "products", "product", "items")
_SPEC_CLASSES = ("specs", "spec")


@cache
def _function(name: str) -> Callable[..., Any] | None:
    for module in _PLACES[name]:
        try:
            fn = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if fn is not None:
            return fn
    return None


def items(text: str) -> list[Item]:
    """Procurement items (empty when extraction is unavailable or fails)."""
    fn = _function("extract_items")
    if fn is None:
        return []
    try:
        return list(fn(text))
    except Exception:
        return []


def phone(text: str) -> str | None:
    """A contact phone number, digits only."""
    fn = _function("extract_phone")
    try:
        return fn(text) if fn else None
    except Exception:
        return None


def deadline(text: str, now: datetime) -> date | None:
    """The delivery / submission deadline resolved against `now`."""
    fn = _function("resolve_deadline")
    try:
        return fn(text, now) if fn else None
    except Exception:
        return None


def meeting(text: str, now: datetime) -> MeetingInfo | None:
    """Date, time and place of a gathering."""
    fn = _function("extract_meeting")
    try:
        return fn(text, now) if fn else None
    except Exception:
        return None


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    """The extraction vocabulary by class (empty when extraction is unavailable)."""
    fn = _function("vocabulary")
    try:
        if fn is not None:
            return {k: frozenset(v) for k, v in fn().items()}
    except Exception:
        pass
    return _dict_files()


def _dict_files() -> dict[str, frozenset[str]]:
    """Fallback: read the extraction dictionaries (whitespace-separated words per line)."""
    out: dict[str, frozenset[str]] = {}
    for cls in ("herbs", "products", "specs"):
        path = DICTS / f"{cls}.txt"
        if path.exists():
            words = {
                w
                for line in path.read_text(encoding="utf-8").splitlines()
                if not line.lstrip().startswith("#")
                for w in line.split()
            }
            out[cls] = frozenset(words)
    return out


def vocabulary_classes() -> dict[str, list[str]]:
    """Keyword classes for the classifier: "item" (herbs, products) and "spec_word"."""
    vocab = vocabulary()
    item = sorted({w for k in _ITEM_CLASSES for w in vocab.get(k, ()) if len(w) > 1})
    spec = sorted({w for k in _SPEC_CLASSES for w in vocab.get(k, ()) if len(w) > 1})
    return {"item": item, "spec_word": spec}
