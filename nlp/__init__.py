"""clusterbot NLP: message classification, routing and extraction (pure functions, no I/O besides data)."""

from nlp.analyzer import Analyzer, LazyAnalysis, classify_record, explain
from nlp.roles import parse_nickname
from nlp.route import department_of
from nlp.types import LABELS, Analysis, Item, Label, MeetingInfo, RuleHit

__all__ = [
    "LABELS",
    "Analysis",
    "Analyzer",
    "Item",
    "Label",
    "LazyAnalysis",
    "MeetingInfo",
    "RuleHit",
    "classify_record",
    "department_of",
    "explain",
    "parse_nickname",
]
