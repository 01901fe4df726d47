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
_SCHEMAS: dict[int, str] = {}


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


def _fresh_pg() -> Engine:
    assert PG_URL
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    engine = make_engine(PG_URL)
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _search_path(dbapi_conn, _rec) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f'SET search_path TO "{schema}"')
        cur.close()
        dbapi_conn.commit()

    _SCHEMAS[id(engine)] = schema
    return engine


def _drop_pg(engine: Engine) -> None:
    schema = _SCHEMAS.pop(id(engine))
    engine.dispose()
    admin = make_engine(PG_URL or "")
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database: SQLite, and PostgreSQL (skipped only when no server is configured)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("CLUSTERBOT_REQUIRE_PG=1 but CLUSTERBOT_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server: set CLUSTERBOT_TEST_PG_URL (the CI script starts one)")
    engine = _fresh_pg()
    upgrade(engine)
    yield engine
    _drop_pg(engine)


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
