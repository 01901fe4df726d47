"""Word segmentation with a private jieba instance and the project's user dictionaries.

The global `jieba.dt` is never touched. The built model (jieba's dictionary plus our user words and the
set of non-noun words used for topic extraction) is cached with `marshal` in a cache directory keyed by a
hash of every input, so a warm start costs one file read.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import marshal
import os
import re
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

DICTS = Path(__file__).parent / "dicts"
_ROAD_CODE = re.compile(r"[GSXYZCgsxyzc]\d{2,4}")  # national, provincial, county … road numbers
_NOUN_TAGS = ("n", "vn", "an", "j", "s")  # tag prefixes that count as content nouns
_MIN_FREQ = 5  # jieba dictionary words rarer than this are left out: 137k of 349k words, 3x faster load
_CACHE_VERSION = f"2-min{_MIN_FREQ}"


def _read_words(path: Path) -> list[tuple[str, int | None, str | None]]:
    """Parse a jieba-style user dictionary: `word [freq] [tag]`, `#` comments."""
    out: list[tuple[str, int | None, str | None]] = []
    if not path.exists():
        return out
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        out.append((parts[0], freq, tag))
    return out


def user_words(departments: Iterable[dict] = ()) -> list[tuple[str, int | None, str | None]]:
    """All user-dictionary words: domain terms, department names/aliases, extraction vocabulary."""
    words = _read_words(DICTS / "domain.txt")
    for dept in departments:
        words.append((dept["name"], None, "nt"))
        words.extend((alias, None, "nt") for alias in dept.get("aliases", ()) if len(alias) > 1)
    try:
        from nlp.extract import vocabulary

        for cls, vocab in sorted(vocabulary().items()):
            tag = "nz" if cls not in {"units", "unit"} else "q"
            words.extend((w, None, tag) for w in sorted(vocab) if len(w) > 1)
    except Exception:  # extraction not available yet: the domain dictionary still works
        pass
    return words


def cache_dir() -> Path:
    """Directory for the built model: $CLUSTERBOT_CACHE, else <tmp>/clusterbot-cache."""
    return Path(os.environ.get("CLUSTERBOT_CACHE") or Path(tempfile.gettempdir()) / "clusterbot-cache")


class Tokenizer:
    """Lazy, thread-safe wrapper around a private `jieba.Tokenizer` with user dictionaries."""

    def __init__(self, departments: Iterable[dict] = ()) -> None:
        self._departments = list(departments)
        self._lock = threading.Lock()
        self._jieba: object | None = None
        self._non_nouns: frozenset[str] = frozenset()
        self._user: frozenset[str] = frozenset()
        self._stop: frozenset[str] = frozenset()

    @property
    def ready(self) -> bool:
        """True once the model is loaded."""
        return self._jieba is not None

    def _build(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        words = user_words(self._departments)
        main_dict = Path(jieba.__file__).parent / "dict.txt"
        key = hashlib.sha1(
            json.dumps([_CACHE_VERSION, str(main_dict), main_dict.stat().st_mtime, words]).encode()
        ).hexdigest()[:16]
        path = cache_dir() / f"jieba-{key}.marshal"
        tk = jieba.Tokenizer(str(main_dict))
        tk.tmp_dir = str(cache_dir())
        tk.cache_file = "jieba-main.cache"
        loaded = None
        try:
            with open(path, "rb") as fh:
                loaded = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            loaded = None
        if loaded is None:
            freq, total, non_nouns = self._compile(jieba, tk, main_dict, words)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                with open(tmp, "wb") as fh:
                    marshal.dump((freq, total, non_nouns), fh)
                os.replace(tmp, path)
                for old in path.parent.glob("jieba-*.marshal"):
                    if old != path:
                        old.unlink(missing_ok=True)
            except OSError:
                pass
        else:
            freq, total, non_nouns = loaded
        tk.FREQ, tk.total, tk.initialized = freq, total, True
        self._non_nouns = frozenset(non_nouns)
        self._user = frozenset(w for w, _, _ in words)
        self._stop = frozenset(w for w, _, _ in _read_words(DICTS / "stopwords.txt"))
        self._jieba = tk

    @staticmethod
    def _compile(jieba: object, tk: object, main_dict: Path, words: list) -> tuple[dict, int, list[str]]:
        kept: list[str] = []
        non_nouns: set[str] = set()
        with open(main_dict, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) < _MIN_FREQ:
                    continue
                kept.append(line)
                if len(parts) == 3 and not parts[2].startswith(_NOUN_TAGS):
                    non_nouns.add(parts[0])
        freq, total = tk.gen_pfdict(io.BytesIO("".join(kept).encode("utf-8")))  # type: ignore[attr-defined]
        tk.FREQ, tk.total, tk.initialized = freq, total, True  # type: ignore[attr-defined]
        for word, wfreq, tag in words:
            tk.add_word(word, wfreq, tag)  # type: ignore[attr-defined]
            non_nouns.discard(word)
            if tag and not tag.startswith((*_NOUN_TAGS, "q")):
                non_nouns.add(word)
        return tk.FREQ, tk.total, sorted(non_nouns)  # type: ignore[attr-defined]

    def _model(self) -> object:
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    self._build()
        return self._jieba

    def warm_up(self) -> None:
        """Load the model now (e.g. in a background thread at start-up)."""
        self._model()

    def cut(self, text: str) -> list[str]:
        """Segment text (dictionary only, no HMM: deterministic)."""
        return list(self._model().cut(text, HMM=False))  # type: ignore[attr-defined]

    def topics(self, text: str) -> frozenset[str]:
        """Content keywords: user-dictionary words and dictionary nouns of ≥2 characters, minus stop words, and road
        numbers (X156, G350: which road a report is about)."""
        self._model()
        stop, non_nouns, user = self._stop, self._non_nouns, self._user
        return frozenset(
            w
            for w in self.cut(text)
            if len(w) > 1
            and w not in stop
            and (w in user or w not in non_nouns)
            and (not w.isascii() or _ROAD_CODE.fullmatch(w) is not None)
        )

    def is_word(self, word: str) -> bool:
        """True when the word is in the model's dictionary (including user words)."""
        return bool(self._model().FREQ.get(word))  # type: ignore[attr-defined]
