"""A fortnight of four cluster groups, written with the outcomes a correct ledger should reach by an author who read
only LABELS.md and departments.json (tests/data/scenarios/scn1): replayed through the whole bot, the ledger must
hold every request it expects with its department, final status and co-requesters, and each list it expects, closed
or not. Two messages a person reads as chatter are still taken for requests (a joke phrased as an ask, a peer's
tip); no others may be."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlmodel import select

from bot.cli import main
from storage.db import make_engine, unit_of_work
from storage.ledger import co_requesters, list_requests
from storage.models import ProcurementList, RawMessage

ROOT = Path(__file__).resolve().parents[2]
SCN = ROOT / "tests" / "data" / "scenarios" / "scn1"
KNOWN_EXTRA = 2  # 许经理 明天停电能不能顺便把我们电费也停一个月 哈哈哈; 花椒可以问下汉源那边的合作社


def _at(ts: str) -> datetime:
    return datetime.fromisoformat(ts)


def test_a_fortnight_of_chat_gives_the_ledger_its_author_expected(db_url: str, tmp_path: Path) -> None:
    args = ["--config", str(ROOT / "config.yaml"), "--db", db_url, "replay", str(SCN / "chat.jsonl")]
    assert main([*args, "--out", str(tmp_path / "out.jsonl")]) == 0
    expected = json.loads((SCN / "expected.json").read_text(encoding="utf-8"))
    engine = make_engine(db_url)
    with unit_of_work(engine) as s:
        raw = {(r.sender_id, r.ts.timestamp()): r.id for r in s.exec(select(RawMessage))}
        requests = {r.source_message_id: r for r in list_requests(session=s)}
        got, want = [], []
        for e in expected["requests"]:
            req = requests.get(raw[(e["sender_id"], _at(e["ts"]).timestamp())])
            assert req is not None, e["ts"]
            co = sorted(c.wechat_id for c in co_requesters(session=s, request_id=req.id or 0))
            got.append((e["ts"], req.department, req.status, co))
            want.append((e["ts"], e["department"], e["final_status"], sorted(e.get("co_requesters") or [])))
        assert got == want
        assert len(requests) - len(expected["requests"]) <= KNOWN_EXTRA
        lists = {p.source_message_id: p for p in s.exec(select(ProcurementList))}
        closed = [
            bool(lists[raw[(p["sender_id"], _at(p["ts"]).timestamp())]].closed_at) for p in expected["procurement"]
        ]
        assert closed == [bool(p["closed"]) for p in expected["procurement"]]
    engine.dispose()
