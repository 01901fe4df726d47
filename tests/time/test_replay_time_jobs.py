"""Replaying eight days of chat posts, at their virtual times, the reminders and digests the live bot
would have posted; a second replay on the same ledger posts nothing new."""

from __future__ import annotations

import json
from pathlib import Path

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "tests" / "data" / "time_jobs_replay.jsonl"

EXPECTED = [  # (local time, group, kind, start of the text)
    ("06-08 18:00", "room-food", "digest", "【每日简报】6月8日（周一）食品加工产业集群群"),
    ("06-08 18:00", "room-pharma", "digest", "【每日简报】6月8日（周一）医药健康产业集群群"),
    ("06-09 08:00", "room-pharma", "procurement_reminder", "【采购提醒】P1 川芎 15吨 采购明天（6月10日）截止"),
    ("06-09 09:00", "room-pharma", "reminder", "【提醒】提交季度报表"),
    ("06-09 18:00", "room-pharma", "digest", "【每日简报】6月9日（周二）"),
    ("06-10 13:00", "room-pharma", "meeting_reminder", "【会议提醒】稳岗返还政策宣讲会将于 6月10日 15:00"),
    ("06-10 18:00", "room-pharma", "digest", "【每日简报】6月10日（周三）"),
    ("06-10 20:00", "room-food", "sla_reminder", "【答复时限提醒】"),
    ("06-10 20:00", "room-pharma", "sla_reminder", "【答复时限提醒】"),
    ("06-11 08:00", "room-food", "sla_reminder", "【诉求催办】"),
    ("06-11 08:00", "room-pharma", "sla_reminder", "【诉求催办】"),
    ("06-11 18:00", "room-pharma", "digest", "【每日简报】6月11日（周四）"),  # food: #2 answered, nothing to say
    ("06-12 08:00", "room-pharma", "sla_reminder", "【诉求催办】"),
    ("06-12 18:00", "room-pharma", "digest", "【每日简报】6月12日（周五）"),
    ("06-15 08:00", "room-pharma", "sla_reminder", "【诉求催办】"),  # nothing at the weekend
    ("06-15 09:00", "room-food", "digest", "【每周简报】6月8日—6月14日 食品加工产业集群群"),
    ("06-15 09:00", "room-pharma", "digest", "【每周简报】6月8日—6月14日 医药健康产业集群群"),
    ("06-15 18:00", "room-pharma", "digest", "【每日简报】6月15日（周一）"),
    ("06-16 08:00", "room-pharma", "sla_reminder", "【诉求督办】"),
]


def _config(tmp: Path) -> Path:
    """The shipped config with working-day limits running to the end of their last day (答复时限 …24:00), the
    timing this schedule was written for (tests/time/test_sla_calendar.py checks both)."""
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    assert "working_days_end: same_time" in text
    path = tmp / "config.yaml"
    path.write_text(text.replace("working_days_end: same_time", "working_days_end: end_of_day"), encoding="utf-8")
    return path


def _replay(db_url: str, out: Path) -> list[dict]:
    args = ["--config", str(_config(out.parent)), "--db", db_url, "replay", str(LOG), "--out", str(out)]
    assert main(args) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_replay_posts_reminders_and_digests_at_their_virtual_times(db_url: str, tmp_path: Path) -> None:
    rows = _replay(db_url, tmp_path / "out.jsonl")
    timed = [r for r in rows if r["kind"] != "reply"]
    got = [(r["ts"][5:16].replace("T", " "), r["group_id"], r["kind"], r["text"]) for r in timed]
    assert [(t, g, k) for t, g, k, _ in got] == [(t, g, k) for t, g, k, _ in EXPECTED]
    for (_, _, _, text), (_, _, _, start) in zip(got, EXPECTED, strict=True):
        assert text.startswith(start), (text, start)
    by_kind = {(r["ts"][5:16], r["group_id"]): r for r in timed if r["kind"] == "sla_reminder"}
    pharma_reminders = [r["text"] for k, r in sorted(by_kind.items()) if k[1] == "room-pharma"]
    assert ["第 1 次催办" in pharma_reminders[1], "第 2 次催办" in pharma_reminders[2]] == [True, True]
    assert "第 3 次催办" in pharma_reminders[3] and "已催办 3 次仍未答复" in pharma_reminders[4]
    escalation = by_kind[("06-16T08:00", "room-pharma")]
    assert escalation["mentions"] == ["wxid_swj_wang", "wxid_admin_zhao"]
    assert by_kind[("06-11T08:00", "room-food")]["mentions"] == ["wxid_gwh_liu"]
    replies = [r["text"] for r in rows if r["kind"] == "reply"]
    assert any("将在 6月9日 09:00 在本群提醒：提交季度报表" in t for t in replies)
    show = next(t for t in replies if t.startswith("@管理员-赵主任 诉求 #1"))
    assert "督办" in show  # the audit trail records the escalation


def test_replaying_again_posts_nothing_new(db_url: str, tmp_path: Path) -> None:
    first = _replay(db_url, tmp_path / "a.jsonl")
    assert _replay(db_url, tmp_path / "b.jsonl") == first
