"""The 台账 export: workbook layout, CSV, and /export (导出) from the chat."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.testing import Harness
from handlers.workbook import COLUMNS, csv_text, ledger_entries, xlsx_bytes
from storage.db import unit_of_work
from storage.ledger import list_requests

LAMP = "厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下"


@pytest.fixture(autouse=True)
def _export_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLUSTERBOT_EXPORT_DIR", str(tmp_path / "exports"))
    return tmp_path / "exports"


async def _ledger(harness: Harness) -> None:
    await harness.feed(LAMP, sender="wxid_ck_li", name="川康药业-李总")
    await harness.feed("大家好", sender="wxid_gwh_liu", name="园区管委会-刘主任")
    await harness.feed("/resolve 1 已修好", sender="wxid_admin_zhao", name="管理员")


async def test_workbook_has_government_columns_frozen_header_and_values(harness: Harness) -> None:
    await _ledger(harness)
    with unit_of_work(harness.engine) as s:
        entries = ledger_entries(
            session=s, requests=list_requests(session=s), sla=harness.app.services.sla, now=harness.clock.now()
        )
    wb = load_workbook(io.BytesIO(xlsx_bytes(entries)))
    ws = wb.active
    assert tuple(c.value for c in ws[1]) == COLUMNS
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    row = [c.value for c in ws[2]]
    assert row[0] == 1 and row[1] == "川康药业" and row[2] == LAMP
    assert row[3] == "园区配套" and row[4] == "园区管委会"
    assert row[5].year == 2026 and ws.cell(2, 6).number_format == "yyyy-mm-dd hh:mm"
    assert row[6].endswith("前办结")
    assert "办结" in row[7] and row[8] == "已办结" and row[9] is not None


async def test_csv_has_the_same_columns_and_a_bom(harness: Harness) -> None:
    await harness.feed(LAMP, sender="wxid_ck_li", name="川康药业-李总")
    with unit_of_work(harness.engine) as s:
        entries = ledger_entries(
            session=s, requests=list_requests(session=s), sla=harness.app.services.sla, now=harness.clock.now()
        )
    text = csv_text(entries)
    assert text.startswith("\ufeff序号,企业,诉求内容,类型,责任单位,登记时间,办理时限,办理进展,状态,办结时间,回访情况")
    assert "待答复" in text and "前答复" in text


async def test_export_command_sends_the_workbook_privately_to_the_admin(harness: Harness, _export_dir: Path) -> None:
    await harness.feed(LAMP, sender="wxid_ck_li", name="川康药业-李总")
    sent = await harness.feed("/导出", sender="wxid_admin_zhao", name="管理员")
    in_group = [m for m in sent if m.room_id == "room-pharma"]
    private = [m for m in sent if m.room_id == "wxid_admin_zhao"]
    assert len(in_group) == 1 and "私聊" in in_group[0].text
    [file_msg] = [m for m in private if m.file_path]
    path = Path(file_msg.file_path)
    assert path.parent == _export_dir.resolve() and path.suffix == ".xlsx"
    ws = load_workbook(path).active
    assert ws["C2"].value == LAMP


async def test_export_csv_in_a_private_chat(harness: Harness) -> None:
    await harness.feed(LAMP, sender="wxid_ck_li", name="川康药业-李总")
    sent = await harness.feed("/export csv", sender="wxid_admin_zhao", name="管理员", room="")
    [file_msg] = [m for m in sent if m.file_path]
    assert file_msg.room_id == "wxid_admin_zhao" and file_msg.file_path.endswith(".csv")
    assert LAMP in Path(file_msg.file_path).read_text("utf-8")


async def test_export_is_for_admins_only(harness: Harness) -> None:
    sent = await harness.feed("/export", sender="wxid_ck_li", name="川康药业-李总")
    assert len(sent) == 1 and sent[0].file_path is None and "管理员" in sent[0].text
