"""Replay: the sample multi-day log gives the expected ledger and replies, on SQLite and PostgreSQL;
kill -9 mid-replay and a rerun give the same ledger with no duplicate rows or replies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "sample_replay.jsonl"
NOW = "2026-06-12T12:00:00+08:00"


def _ledger(db_url: str, capsys, now: str = NOW) -> list[dict]:
    capsys.readouterr()
    assert main(["--config", str(ROOT / "config.yaml"), "--db", db_url, "ledger", "--now", now]) == 0
    return json.loads(capsys.readouterr().out)


def test_sample_log_gives_expected_ledger_and_replies(db_url: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["--config", str(ROOT / "config.yaml"), "--db", db_url, "replay", str(SAMPLE), "--out", str(out)]) == 0
    ledger = _ledger(db_url, capsys)
    summary = [(r["no"], r["status"], r["department"], r["overdue"]) for r in ledger]
    assert summary == [
        (1, "resolved", "商务局", False),  # answered by @mention, then resolved by an admin
        (2, "open", "交通运输局", True),  # answered, then "还没解决" reopened it; past its 2 working days
        (3, "resolved", "园区管委会", False),  # completion report, then the requester's confirmation
        (4, "open", "税务局", True),  # never answered
        (5, "open", "自然资源局", True),  # assigned by an admin with an alias; Wed 10:00 + 2 working days < Fri noon
    ]
    assert ledger[0]["message_id"] == "s001" and ledger[0]["requester_id"] == "wxid_ck_li"
    replies = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in replies]
    assert any("已登记诉求 #1，转 商务局" in t for t in texts)
    assert any("加入诉求 #1" in t for t in texts)  # "同问" → co-requester, not a new request
    assert any("/stats 仅限管理员" in t for t in texts)  # a non-admin tried an admin command
    assert any("#3 部门已反馈办理完成" in t and "未解决" in t for t in texts)
    assert any("#2 已重新打开" in t for t in texts)
    assert any("已登记采购清单" in t and "13988886666" in t for t in texts)
    assert len(texts) == len(set(texts))
    assert all(datetime.fromisoformat(r["ts"]).utcoffset() == timedelta(hours=8) for r in replies)


def test_replay_is_idempotent(db_url: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    args = ["--config", str(ROOT / "config.yaml"), "--db", db_url, "replay", str(SAMPLE), "--out", str(out)]
    assert main(args) == 0
    first_ledger, first_out = _ledger(db_url, capsys), out.read_text(encoding="utf-8")
    assert main(args) == 0
    assert _ledger(db_url, capsys) == first_ledger
    assert out.read_text(encoding="utf-8") == first_out


def test_bad_replay_lines_are_reported_and_skipped(tmp_path: Path, capsys) -> None:
    log = tmp_path / "log.jsonl"
    good = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    log.write_text(
        "\n".join([good, "{not json", '{"ts": "yesterday", "group_id": "g", "sender_id": "s", "text": "x"}', ""])
        + '{"group_id": "g", "sender_id": "s", "text": "hi"}\n',
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["--config", str(ROOT / "config.yaml"), "--db", db, "replay", str(log)]) == 0
    err = capsys.readouterr().err
    assert "log.jsonl:2" in err and "not valid JSON" in err
    assert "log.jsonl:3" in err and "ISO 8601" in err
    assert "log.jsonl:4" in err and "missing field(s): ts" in err
    assert len(_ledger(db, capsys)) == 1


def _big_log(path: Path, n: int = 300) -> None:
    start = datetime.fromisoformat("2026-06-08T09:00:00+08:00")
    lines = []
    for i in range(n):
        text = (
            f"我们厂区第{i}号路灯坏了好几天了，麻烦管委会派人修一下"
            if i % 3 == 0
            else ("收到" if i % 3 == 1 else f"求购黄芪统货 {i % 9 + 1}吨，月底前到货，电话 13912345678")
        )
        lines.append(
            json.dumps(
                {
                    "ts": (start + timedelta(minutes=7 * i)).isoformat(),
                    "group_id": "room-logistics",
                    "sender_id": f"wx{i % 11}",
                    "sender": f"企业{i % 11}-经理",
                    "text": text,
                },
                ensure_ascii=False,
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_kill_9_mid_replay_then_rerun_gives_same_ledger(db_url: str, tmp_path: Path, capsys) -> None:
    from sqlalchemy import text

    from storage.db import make_engine

    log = tmp_path / "big.jsonl"
    _big_log(log)
    cfg = str(ROOT / "config.yaml")
    clean_db = f"sqlite:///{tmp_path / 'clean.db'}"
    assert main(["--config", cfg, "--db", clean_db, "replay", str(log), "--out", str(tmp_path / "clean.out")]) == 0
    expected = _ledger(clean_db, capsys)

    cmd = [sys.executable, "-m", "bot.cli", "--config", cfg, "--db", db_url, "replay", str(log)]
    out = tmp_path / "crash.out"
    proc = subprocess.Popen([*cmd, "--out", str(out)], cwd=tmp_path, env=dict(os.environ))
    engine = make_engine(db_url)
    deadline = time.monotonic() + 60
    handled = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with engine.connect() as conn:
                handled = conn.execute(text("select count(*) from raw_message")).scalar_one()
        except Exception:
            handled = 0
        if handled >= 40:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    engine.dispose()
    assert 0 < handled < 300, "the replay must be killed part-way"
    assert subprocess.run([*cmd, "--out", str(out)], cwd=tmp_path, env=dict(os.environ)).returncode == 0
    assert _ledger(db_url, capsys) == expected
    replies = out.read_text(encoding="utf-8").splitlines()
    assert len(replies) == len((tmp_path / "clean.out").read_text(encoding="utf-8").splitlines())
    assert len(replies) == len(set(replies))


def test_two_group_scenario_with_people_known_only_by_nickname(db_url: str, capsys) -> None:
    """Nobody here is in config.yaml: roles come from the "单位-姓名" nicknames."""
    log = ROOT / "tests" / "data" / "scenario_two_groups.jsonl"
    assert main(["--config", str(ROOT / "config.yaml"), "--db", db_url, "replay", str(log)]) == 0
    ledger = _ledger(db_url, capsys, now="2026-09-11T18:00:00+08:00")
    assert [(r["no"], r["group_id"], r["status"], r["department"], r["overdue"]) for r in ledger] == [
        (1, "g-food", "resolved", "行政审批局", False),  # answered by @mention, confirmed by the requester
        (2, "g-mfg", "resolved", "园区管委会", False),  # completion report, then the requester's confirmation
        (3, "g-mfg", "answered", "税务局", False),  # answered; "明白了，谢谢" is thanks for an answer, not a fix
        (4, "g-food", "open", "商务局", True),  # answered, then "问题还没解决" reopened it past its deadline
        (5, "g-mfg", "open", "经信局", True),  # gas pressure → 经信局; its 2 working days ran out Fri 09:00
        (6, "g-food", "open", "交通运输局", False),  # a bus stop outside the park
    ]
