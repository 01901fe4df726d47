"""Quantities written with Arabic and Chinese numerals (nlp.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.numbers import clean_decimal, parse_number, split_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5", "5"),
        ("1.5", "1.5"),
        ("1,200", "1200"),
        ("１２", "12"),  # full-width digits
        ("五", "5"),
        ("十", "10"),
        ("十二", "12"),
        ("二十", "20"),
        ("一百零五", "105"),
        ("一千二百", "1200"),
        ("三十万", "300000"),
        ("一亿二千万", "120000000"),
        ("两", "2"),
        ("半", "0.5"),
        # financial forms
        ("贰", "2"),
        ("壹拾贰", "12"),
        ("叁佰", "300"),
        ("伍仟", "5000"),
        ("陆万", "60000"),
        ("柒", "7"),
        ("捌", "8"),
        ("玖", "9"),
        ("肆拾", "40"),
        # multipliers on Arabic numbers
        ("3万", "30000"),
        ("1.5万", "15000"),
        ("3千", "3000"),
        ("2百", "200"),
        ("3万5", "35000"),
        # colloquial trailing digit
        ("一万五", "15000"),
        ("三千五", "3500"),
        ("两百五", "250"),
        # approximate
        ("十来", "10"),
        ("二十多", "20"),
        ("百余", "100"),
        ("五六", "5"),
        # digit strings
        ("二〇二六", "2026"),
    ],
)
def test_parse_number(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "几十", "几百", "吨", "abc"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_is_clean() -> None:
    value = parse_number("1.5万")
    assert value is not None
    assert str(value) == "15000"
    assert str(parse_number("0.50")) == "0.5"


@pytest.mark.parametrize(
    ("text", "value", "rest"),
    [
        ("3万斤", "30000", "斤"),
        ("五吨", "5", "吨"),
        ("贰吨", "2", "吨"),
        ("一千二百件", "1200", "件"),
        ("十来吨", "10", "吨"),
        ("1.5万", "15000", ""),
        ("五吨半", "5.5", "吨"),
        ("半吨", "0.5", "吨"),
        ("5千克", "5", "千克"),
        ("3千公斤", "3000", "公斤"),
        ("500 kg", "500", "kg"),
    ],
)
def test_split_quantity(text: str, value: str, rest: str) -> None:
    assert split_quantity(text) == (Decimal(value), rest)


def test_split_quantity_without_number() -> None:
    assert split_quantity("吨") == (None, "吨")


def test_clean_decimal() -> None:
    assert str(clean_decimal(Decimal("15000.0"))) == "15000"
    assert str(clean_decimal(Decimal("2.50"))) == "2.5"
