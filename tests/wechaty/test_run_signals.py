"""`clusterbot run` stops cleanly and promptly on SIGTERM/SIGINT (a real process: signals need one)."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from tests.wechaty.cli_process import start_run, stop_and_time
from tests.wechaty.node_gateway import free_port


async def test_console_run_stops_on_sigterm_while_waiting_for_input(tmp_path: Path) -> None:
    proc = await start_run(tmp_path, "--transport", "console")
    assert proc.stdout is not None
    banner = await asyncio.wait_for(proc.stdout.readline(), 30)
    assert "已进入" in banner.decode()
    code, seconds, err = await stop_and_time(proc, signal.SIGTERM)
    assert code == 0, err
    assert seconds < 5
    assert "正在停止" in err


async def test_web_run_stops_on_sigint(tmp_path: Path) -> None:
    port = free_port()
    proc = await start_run(tmp_path, "--transport", "web", "--port", str(port))
    assert proc.stdout is not None
    banner = await asyncio.wait_for(proc.stdout.readline(), 30)
    assert f"127.0.0.1:{port}" in banner.decode()
    code, seconds, err = await stop_and_time(proc, signal.SIGINT)
    assert code == 0, err
    assert seconds < 5
