"""clusterbot NLP: message classification, routing and extraction (pure functions, no database).

    from nlp import Analyzer
    a = Analyzer.default().analyze(text, now=ts, role="enterprise", mentions=["商务局-王科长"])
    a.label, a.department, a.items, a.deadline, a.contact_phone, a.resolution, a.topics, explain(a)

Rules and vocabularies are data files in nlp/rules and nlp/dicts (see nlp/rules/README.md).
"""

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
