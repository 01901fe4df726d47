"""Who is speaking, from the wording alone (nlp/rules/voice.yaml): used when the sender's role is unknown."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

_RULES = Path(__file__).parent / "rules" / "voice.yaml"


class Voice:
    """Infers "official" or "enterprise" from wording; None when the text says neither or both."""

    def __init__(self, path: Path = _RULES) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.official = re.compile("|".join(f"(?:{p})" for p in data["official"]))
        self.enterprise = re.compile("|".join(f"(?:{p})" for p in data["enterprise"]))
        self.completion = re.compile(data["completion"])
        self.thanks = re.compile(data["thanks"])

    def infer(self, text: str) -> str | None:
        """The role the wording implies, if exactly one."""
        enterprise = self.enterprise.search(text) is not None
        official = self.official.search(text) is not None or (
            not enterprise and self.completion.search(text) is not None and self.thanks.search(text) is None
        )
        if official == enterprise:
            return None
        return "official" if official else "enterprise"


@lru_cache(maxsize=1)
def default_voice() -> Voice:
    """The shared voice rules (built once)."""
    return Voice()
