"""Shared fixtures: settings, a fresh database per test (SQLite, and PostgreSQL when available),
the analyzer built once, a harness; and a guard that fails any network call outside localhost."""

from __future__ import annotations

import os
import socket
import tempfile
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

os.environ.setdefault("CACHE_DIR", tempfile.mkdtemp(prefix="wechaty-cache-"))

from bot.config import Settings, load_settings
from storage.db import make_engine, upgrade

ROOT = Path(__file__).resolve().parents[1]
TZ = ZoneInfo("Asia/Shanghai")
PG_URL = os.environ.get("CLUSTERBOT_TEST_PG_URL")
REQUIRE_PG = os.environ.get("CLUSTERBOT_REQUIRE_PG") == "1"

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    inet = self.family in (socket.AF_INET, socket.AF_INET6)
    if inet and isinstance(host, str) and not (host.startswith("127.") or host in {"localhost", "::1", "0.0.0.0"}):
        raise RuntimeError(f"tests are offline: refused network connection to {host}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def settings() -> Settings:
    """The project's own config.yaml with the environment ignored."""
    return load_settings(ROOT / "config.yaml", env={})


def _new_pg_schema() -> str:
    """A fresh schema on the test server, returned as a URL whose search_path points at it."""
    assert PG_URL
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


def _drop_pg_schema(url: str) -> None:
    schema = url.rsplit("%3D", 1)[1]
    admin = make_engine(PG_URL or "")
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL: SQLite, and PostgreSQL (skipped only when no server is configured)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("CLUSTERBOT_REQUIRE_PG=1 but CLUSTERBOT_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server: set CLUSTERBOT_TEST_PG_URL (tests/run.sh starts one)")
    url = _new_pg_schema()
    yield url
    _drop_pg_schema(url)


@pytest.fixture
def db_url_engine(db_url: str) -> Iterator[Engine]:
    """A migrated, empty database on the parametrised backend."""
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def engine(db_url_engine: Engine) -> Engine:
    """Alias: the parametrised database engine."""
    return db_url_engine


@pytest.fixture(scope="session")
def analyzer():
    """The real NLP analyzer, built once for the whole test session."""
    from nlp import Analyzer

    return Analyzer()


@pytest.fixture
def start() -> datetime:
    """A Monday morning in June 2026 (a normal working week)."""
    return datetime(2026, 6, 8, 9, 0, tzinfo=TZ)


@pytest.fixture
def harness(settings: Settings, engine: Engine, analyzer, start: datetime):
    """The bot on an in-memory transport and a virtual clock."""
    from bot.testing import Harness

    return Harness(settings, engine, start=start, analyzer=analyzer)
