"""The command line: help everywhere, clear errors, the classify and ledger interfaces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
CFG = str(ROOT / "config.yaml")


@pytest.mark.parametrize(
    "argv", [[], ["run"], ["replay"], ["classify"], ["eval"], ["ledger"], ["db"], ["db", "upgrade"]]
)
def test_every_command_has_help(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--help"])
    assert exc.value.code == 0
    assert "usage: clusterbot" in capsys.readouterr().out


def test_unknown_option_is_a_clear_error() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ledger", "--colour", "red"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 2
    assert "unrecognized arguments: --colour red" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_file_and_bad_time_are_reported(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["replay", "/nonexistent.jsonl"])
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["ledger", "--now", "2026-06-01T09:00"])
    assert "UTC offset" in capsys.readouterr().err


def test_classify_writes_one_result_per_line_in_order(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "求购川芎个子 15吨，6月30日前交货，电话 139-8888-6666", "ts": "2026-06-08T10:00:00+08:00"},
        {"id": "b", "text": "厂门口的路灯坏了一个月了，麻烦园区管委会尽快修一下"},
        {"id": "c", "text": "收到👍"},
    ]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert main(["--config", CFG, "classify", str(src), "--now", "2026-06-08T10:00:00+08:00"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    for o in out:
        assert set(o) == {"id", "label", "department", "items", "deadline", "contact_phone"}
    assert out[0]["label"] == "procurement"
    assert out[0]["deadline"] == "2026-06-30" and out[0]["contact_phone"] == "13988886666"
    assert out[1]["label"] == "request" and out[1]["department"] == "园区管委会"
    assert out[2] == {
        "id": "c",
        "label": "chatter",
        "department": None,
        "items": [],
        "deadline": None,
        "contact_phone": None,
    }


def test_classify_reports_bad_lines_and_goes_on(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "收到"}\nnot json\n{"id": 3, "text": "你好"}\n', encoding="utf-8")
    assert main(["--config", CFG, "classify", str(src)]) == 0
    captured = capsys.readouterr()
    assert "in.jsonl:2" in captured.err
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == [1, None, 3]


def test_ledger_csv_and_db_upgrade(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    assert main(["--config", CFG, "--db", db, "db", "upgrade"]) == 0
    assert main(["--config", CFG, "--db", db, "ledger", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[-1]
    assert header.startswith("no,group_id,requester_id,requester,text,department,status")


def _labelled(path: Path, rows: list[dict]) -> Path:
    base = {"ts": "2026-06-10T09:00:00+08:00", "mentions": [], "resolution": False, "department": None, "items": []}
    base |= {"deadline": None, "contact_phone": None}
    path.write_text("\n".join(json.dumps({**base, **r}, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_eval_of_several_sets_prints_a_line_each_with_the_targets_missed(tmp_path: Path, capsys) -> None:
    good = _labelled(
        tmp_path / "good.jsonl",
        [
            {
                "id": "g1",
                "text": "厂门口的路灯坏了，麻烦园区看看",
                "label": "request",
                "department": "园区管委会",
                "sender": "华瑞电子-严总",
                "role": "enterprise",
            },
            {"id": "g2", "text": "收到", "label": "chatter", "sender": "华瑞电子-严总", "role": "enterprise"},
        ],
    )
    bad = _labelled(
        tmp_path / "bad.jsonl",
        [{"id": "b1", "text": "大家早上好", "label": "request", "department": "园区管委会", "role": "enterprise"}],
    )
    assert main(["--config", CFG, "eval", str(good), str(bad)]) == 0
    out = capsys.readouterr().out.splitlines()
    line = {row.split()[0]: row for row in out[1:3]}
    assert "✗" not in line["good"] and "✗ macro request" in line["bad"]
    assert (
        out[-1]
        == "sets meeting each target: macro 1/2, request 1/2, c>r 2/2, routing 1/2, items 2/2, deadline 2/2, phone 2/2"
    )
    assert main(["--config", CFG, "eval", "--text-only", str(good)]) == 0
    assert "macro-F1 1.000" in capsys.readouterr().out  # one set: the full report
