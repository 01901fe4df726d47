"""Configuration: config.yaml loaded once into validated pydantic models.

Environment variables override secrets and the database URL:
``CLUSTERBOT_DATABASE_URL``, ``CLUSTERBOT_WEB_TOKEN``, ``WECHATY_PUPPET_SERVICE_TOKEN``,
``WECHATY_PUPPET_SERVICE_ENDPOINT``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError

from handlers.policy import Policy, _Model


class ConfigError(Exception):
    """A bad configuration file; the message names the field and the problem."""


class StorageSection(_Model):
    url: str = "sqlite:///data/clusterbot.db"
    """SQLAlchemy URL; SQLite is the embedded default, PostgreSQL the production store."""
    echo: bool = False


class GroupConfig(_Model):
    name: str
    cluster: str = ""
    enabled: bool = True


class OutboxSection(_Model):
    per_group_interval_seconds: float = Field(default=3.0, ge=0)
    global_per_minute: int = Field(default=20, ge=1)
    jitter_seconds: float = Field(default=1.0, ge=0)
    max_attempts: int = Field(default=5, ge=1)
    dedupe_window_seconds: float = Field(default=60, ge=0)


class WechatySection(_Model):
    token: str | None = None
    endpoint: str | None = None


class WebSection(_Model):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    token: str | None = None
    """Admin login token (env CLUSTERBOT_WEB_TOKEN)."""
    viewer_token: str | None = None
    dashboard: bool = True
    """Serve the ledger dashboard on host:port beside the Wechaty transport too."""


class Settings(Policy):
    """The whole configuration: the handlers' policy plus wiring (storage, groups, transports, web)."""

    storage: StorageSection = Field(default_factory=StorageSection)
    groups: dict[str, GroupConfig] = Field(default_factory=dict)
    outbox: OutboxSection = Field(default_factory=OutboxSection)
    wechaty: WechatySection = Field(default_factory=WechatySection)
    web: WebSection = Field(default_factory=WebSection)
    transport: Literal["auto", "console", "wechaty", "web"] = "auto"


_ENV = {
    "CLUSTERBOT_DATABASE_URL": ("storage", "url"),
    "CLUSTERBOT_WEB_TOKEN": ("web", "token"),
    "CLUSTERBOT_WEB_VIEWER_TOKEN": ("web", "viewer_token"),
    "WECHATY_PUPPET_SERVICE_TOKEN": ("wechaty", "token"),
    "WECHATY_PUPPET_SERVICE_ENDPOINT": ("wechaty", "endpoint"),
}


def _format_error(exc: ValidationError, source: str) -> str:
    lines = [f"配置文件有误 / invalid configuration in {source}:"]
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
        lines.append(f"  - {loc}: {err['msg']}")
    return "\n".join(lines)


def load_settings(path: str | Path | None = "config.yaml", env: dict[str, str] | None = None) -> Settings:
    """Load and validate the configuration; raise ConfigError naming the bad field."""
    env = dict(os.environ) if env is None else env
    data: dict[str, Any] = {}
    source = str(path) if path else "(defaults)"
    if path is not None and Path(path).exists():
        try:
            loaded = yaml.safe_load(Path(path).read_text("utf-8"))
        except yaml.YAMLError as exc:
            raise ConfigError(f"配置文件不是合法的 YAML / {source} is not valid YAML: {exc}") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{source}: the top level must be a mapping of sections")
        data = loaded or {}
    elif path is not None and str(path) != "config.yaml":
        raise ConfigError(f"找不到配置文件 / config file not found: {source}")
    for var, (section, key) in _ENV.items():
        if env.get(var):
            sect = data.setdefault(section, {})
            if not isinstance(sect, dict):
                raise ConfigError(f"{source}: section {section!r} must be a mapping")
            sect[key] = env[var]
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_error(exc, source)) from exc
