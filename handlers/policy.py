"""Policy sections of the configuration that handlers read (who is who, SLAs, reminders, digests).

Loading happens in ``bot/config.py``; ``bot.config.Settings`` extends ``Policy`` with the
wiring-only sections (storage, transports, web).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

import nlp.types as nlp_types


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BotSection(_Model):
    name: str = "园区助手"
    """The bot's display name in replies."""
    timezone: str = "Asia/Shanghai"
    """IANA timezone used for working days, quiet hours, digests and relative dates."""
    command_prefixes: list[str] = Field(default_factory=lambda: ["/", "／"])
    act_on_unknown_groups: bool = False
    """Messages from groups not listed under `groups` are stored; act on them only if true."""
    welcome_text: str | None = "欢迎加入！请把群昵称改为「单位-姓名」，例如「川康药业-李总」，方便登记和办理诉求。"

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {v!r}") from exc
        return v

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class OfficialConfig(_Model):
    name: str = ""
    department: str


class EnterpriseConfig(_Model):
    name: str = ""
    company: str


class PeopleSection(_Model):
    admins: list[str] = Field(default_factory=list)
    """WeChat ids of the ledger administrators."""
    officials: dict[str, OfficialConfig] = Field(default_factory=dict)
    enterprises: dict[str, EnterpriseConfig] = Field(default_factory=dict)


class DepartmentConfig(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    remit: str = ""


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(h|hours?|小时|wd|working[ _]days?|工作日|d|days?|天)\s*$", re.I)


class Duration(_Model):
    """A time limit in hours or in working days (Chinese statutory calendar)."""

    hours: float | None = Field(default=None, gt=0)
    working_days: int | None = Field(default=None, gt=0)

    @model_validator(mode="before")
    @classmethod
    def _parse_text(cls, v: Any) -> Any:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return {"hours": v}
        if isinstance(v, str):
            m = _DURATION.match(v)
            if not m:
                raise ValueError(f"cannot read duration {v!r}; write e.g. '24h' or '2 working days'")
            n, unit = float(m.group(1)), m.group(2).lower()
            if unit in {"d", "day", "days", "天"}:
                return {"hours": n * 24}
            if unit.startswith(("h", "小")):
                return {"hours": n}
            return {"working_days": int(n)}
        return v

    @model_validator(mode="after")
    def _exactly_one(self) -> Duration:
        if (self.hours is None) == (self.working_days is None):
            raise ValueError("give exactly one of hours or working_days")
        return self


class SlaLimits(_Model):
    first_response: Duration = Field(default_factory=lambda: Duration(working_days=2))
    resolution: Duration = Field(default_factory=lambda: Duration(working_days=10))


class SlaSection(SlaLimits):
    working_days_end: Literal["same_time", "end_of_day"] = "end_of_day"
    """A limit in working days runs out at the time of day it started (2 working days after Monday 10:00 is
    Wednesday 10:00), or at the end of its last working day (Wednesday 24:00)."""
    per_department: dict[str, SlaLimits] = Field(default_factory=dict)
    extra_holidays: list[str] = Field(default_factory=list)
    """Additional non-working dates (YYYY-MM-DD) on top of the statutory calendar."""
    extra_workdays: list[str] = Field(default_factory=list)


class RemindersSection(_Model):
    warn_before_hours: float = Field(default=4, ge=0)
    escalate_after: int = Field(default=3, ge=1)
    """After this many reminders for a request, escalate (督办) to the admins."""
    repeat_after_escalation_days: int = Field(default=7, ge=1)
    """After 督办 the admins follow the request up: the group is reminded of it at most once in this many days."""
    quiet_start: str = "21:00"
    quiet_end: str = "08:00"
    check_every_minutes: int = Field(default=30, ge=1, le=1440)
    """Reminder rounds run on this grid (minutes from local midnight)."""
    workdays_only: bool = True
    """Remind and escalate (催办/督办) only on working days of the statutory calendar."""
    procurement_day_before: bool = True
    meeting_before_hours: float = Field(default=2, ge=0)

    @field_validator("quiet_start", "quiet_end")
    @classmethod
    def _hhmm(cls, v: str) -> str:
        if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", v.strip()):
            raise ValueError(f"write a time of day as HH:MM, not {v!r}")
        return v.strip()


class DigestSchedule(_Model):
    enabled: bool = True
    cron: str
    """Cron expression in the bot's timezone, e.g. '0 18 * * mon-fri' (day numbers as in crontab: 0=Sunday)."""

    @field_validator("cron")
    @classmethod
    def _cron(cls, v: str) -> str:
        from handlers.schedule import cron_trigger

        try:
            cron_trigger(v, ZoneInfo("UTC"))
        except ValueError as exc:
            raise ValueError(f"bad cron expression {v!r}: {exc}") from exc
        return v


class DigestsSection(_Model):
    daily: DigestSchedule = Field(default_factory=lambda: DigestSchedule(cron="0 18 * * mon-fri"))
    weekly: DigestSchedule = Field(default_factory=lambda: DigestSchedule(cron="0 9 * * mon"))
    send_empty: bool = False
    grace_minutes: int = Field(default=180, ge=0)
    top_overdue: int = Field(default=5, ge=1, le=50)


def default_departments() -> list[DepartmentConfig]:
    """The canonical departments shipped with the NLP dictionaries."""
    raw = (Path(nlp_types.__file__).with_name("dicts") / "departments.json").read_text("utf-8")
    return [DepartmentConfig(**d) for d in json.loads(raw)["departments"]]


class Policy(_Model):
    """The configuration sections handlers depend on."""

    bot: BotSection = Field(default_factory=BotSection)
    people: PeopleSection = Field(default_factory=PeopleSection)
    departments: list[DepartmentConfig] = Field(default_factory=lambda: default_departments())
    sla: SlaSection = Field(default_factory=SlaSection)
    reminders: RemindersSection = Field(default_factory=RemindersSection)
    digests: DigestsSection = Field(default_factory=DigestsSection)
    permissions: dict[str, list[str]] = Field(default_factory=dict)
    """Optional per-command override of who may use it: role names (admin, official, enterprise,
    requester, department, everyone), any of which suffices."""

    @model_validator(mode="after")
    def _departments_known(self) -> Policy:
        names = {d.name for d in self.departments}
        for wxid, off in self.people.officials.items():
            if off.department not in names and not any(off.department in d.aliases for d in self.departments):
                raise ValueError(f"people.officials.{wxid}.department: unknown department {off.department!r}")
        for dep in self.sla.per_department:
            if dep not in names:
                raise ValueError(f"sla.per_department.{dep}: unknown department")
        roles = {"admin", "official", "enterprise", "requester", "department", "everyone"}
        for cmd, allowed in self.permissions.items():
            bad = [r for r in allowed if r not in roles]
            if bad:
                raise ValueError(f"permissions.{cmd}: unknown role(s) {bad}; use {sorted(roles)}")
        return self
