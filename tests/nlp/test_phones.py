"""Contact phone numbers (nlp.phones)."""

from __future__ import annotations

import pytest

from nlp.phones import extract_phone, extract_phones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mobiles with any separators
        ("联系电话13912345678", "13912345678"),
        ("有货联系 139 1234 5678", "13912345678"),
        ("电话139-1234-5678", "13912345678"),
        ("电话 139.1234.5678", "13912345678"),
        ("手机：1391234 5678", "13912345678"),
        ("+86 139 1234 5678 王总", "13912345678"),
        ("+8613912345678", "13912345678"),
        ("0086-13912345678", "13912345678"),
        ("8613912345678", "13912345678"),
        ("联系人李经理 138 8160 2357", "13881602357"),
        ("电话：１３９１２３４５６７８", "13912345678"),  # full-width digits
        ("聯繫電話 136 9012 7788", "13690127788"),  # Traditional cue words
        ("电话 177-8092-3345", "17780923345"),
        # landlines with area code
        ("电话：0816-2345678", "08162345678"),
        ("联系 (028)8765 4321", "02887654321"),
        ("联系（028）87654321", "02887654321"),
        ("电话 028-6688 1234", "02866881234"),
        ("咨询 010-65123456", "01065123456"),
        ("热线 0816 2201188", "08162201188"),
        ("客服 400-123-4567", "4001234567"),
    ],
)
def test_extract_phone(text: str, expected: str) -> None:
    assert extract_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "收3万斤 价格28元/公斤",
        "求购黄芪 13900斤",
        "订单号13912345678已发货",
        "运单号：139123456789",
        "身份证 510102199001011234",
        "统一社会信用代码 91510100MA61234567",
        "2026-06-12 09:00 开会",
        "6月30日前交货，数量 12000斤，单价 13.5元",
        "账号：6222021234567890123",
        "今天气温 35度",
        "13912345678吨",
        "",
    ],
)
def test_no_phone(text: str) -> None:
    assert extract_phone(text) is None


def test_cue_wins_over_first_number() -> None:
    text = "王总 13812345678 在外地，有事请打电话 13987654321"
    assert extract_phone(text) == "13987654321"


def test_first_number_without_cue() -> None:
    assert extract_phone("张总 13812345678，李总 13987654321") == "13812345678"


def test_a_landline_grouped_four_and_three() -> None:
    assert extract_phone("有GSP资质的供应商请联系 0816-2551 230") == "08162551230"
    assert extract_phone("电话0831-5528 617") == "08315528617"
    assert extract_phone("订单号 0816-2551 230") is None


def test_extract_phones_lists_all_once() -> None:
    text = "15812345678/15887654321，座机 0816-2345678，再说一遍 15812345678"
    assert extract_phones(text) == ["15812345678", "15887654321", "08162345678"]
