"""Fixtures shared by the NLP tests."""

from __future__ import annotations

import pytest

from nlp import Analyzer


@pytest.fixture(scope="session")
def an() -> Analyzer:
    """The default analyzer, built once (its tokenizer and rules load at first use)."""
    return Analyzer.default()
