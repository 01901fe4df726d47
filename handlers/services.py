"""Long-lived objects handlers use, built once at start-up by ``bot/app.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from handlers.people import Directory, RoomOfficials
from handlers.policy import Policy
from handlers.sla import SlaClock
from nlp.types import Analysis


class TextAnalyzer(Protocol):
    """What handlers need from the NLP layer."""

    def analyze(
        self, text: str, *, now, role: str = "unknown", mentions=(), officials=None, open_request=None, sender=None
    ) -> Analysis: ...

    def route(self, text: str, *, mentions=(), officials=None) -> str | None: ...

    def no_single_owner(self, text: str) -> bool: ...


@dataclass
class Services:
    """Shared services: policy from config, the analyzer, who-is-who, SLA clock, each group's officials."""

    policy: Policy
    analyzer: TextAnalyzer
    directory: Directory
    sla: SlaClock
    officials: RoomOfficials

    @classmethod
    def build(cls, policy: Policy, analyzer: TextAnalyzer) -> Services:
        """Assemble the services from the policy."""
        directory = Directory(policy)
        return cls(policy, analyzer, directory, SlaClock(policy), RoomOfficials(directory))
