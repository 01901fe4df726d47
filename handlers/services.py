"""Long-lived objects handlers use, built once at start-up by ``bot/app.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from handlers.people import Directory
from handlers.policy import Policy
from handlers.sla import SlaClock
from nlp.types import Analysis


class TextAnalyzer(Protocol):
    """What handlers need from the NLP layer."""

    def analyze(self, text: str, *, now, role: str = "unknown", mentions=()) -> Analysis: ...


@dataclass
class Services:
    """Shared, read-only services: policy from config, the analyzer, who-is-who, SLA clock."""

    policy: Policy
    analyzer: TextAnalyzer
    directory: Directory
    sla: SlaClock

    @classmethod
    def build(cls, policy: Policy, analyzer: TextAnalyzer) -> Services:
        """Assemble the services from the policy."""
        return cls(policy=policy, analyzer=analyzer, directory=Directory(policy), sla=SlaClock(policy))
