"""Configuration loading and validation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_project_config_loads_with_departments_and_people() -> None:
    s = load_settings(ROOT / "config.yaml", env={})
    assert s.bot.timezone == "Asia/Shanghai"
    assert s.storage.url == "sqlite:///data/clusterbot.db"
    assert "room-pharma" in s.groups and s.groups["room-pharma"].cluster == "医药健康"
    assert {d.name for d in s.departments} >= {"商务局", "税务局", "交通运输局", "园区管委会"}
    assert s.people.officials["wxid_swj_wang"].department == "商务局"
    assert s.sla.first_response.working_days == 2


def test_environment_overrides_database_url_and_secrets(tmp_path: Path) -> None:
    env = {"CLUSTERBOT_DATABASE_URL": "sqlite:///x.db", "WECHATY_PUPPET_SERVICE_TOKEN": "tok"}
    s = load_settings(ROOT / "config.yaml", env=env)
    assert s.storage.url == "sqlite:///x.db"
    assert s.wechaty.token == "tok"


@pytest.mark.parametrize(
    ("yaml_text", "field"),
    [
        ("bot:\n  timezone: Mars/Olympus\n", "bot.timezone"),
        ("sla:\n  first_response: soon\n", "sla.first_response"),
        ("groups:\n  r1: {cluster: x}\n", "groups.r1.name"),
        ("people:\n  officials:\n    w1: {department: 不存在局}\n", "people.officials.w1.department"),
        ("outbox:\n  global_per_minute: 0\n", "outbox.global_per_minute"),
        ("storage:\n  urll: x\n", "storage.urll"),
    ],
)
def test_bad_config_names_the_field(tmp_path: Path, yaml_text: str, field: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(path, env={})
    assert field in str(exc.value)


def test_duration_accepts_hours_and_working_days(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("sla:\n  first_response: 24h\n  resolution: {working_days: 5}\n", encoding="utf-8")
    s = load_settings(path, env={})
    assert s.sla.first_response.hours == 24
    assert s.sla.resolution.working_days == 5


def test_bad_config_stops_cli_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("bot:\n  timezone: 42\n  name: [1, 2]\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--config", str(path), "db", "upgrade"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert "bot.name" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_invalid_yaml_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("bot: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="YAML"):
        load_settings(path, env={})
