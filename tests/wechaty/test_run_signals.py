"""`clusterbot run` stops cleanly and promptly on SIGTERM/SIGINT (a real process: signals need one)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


async def start_run(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None, verbose: bool = False
) -> asyncio.subprocess.Process:
    """`clusterbot run ...` on a fresh SQLite file, stdin kept open (as in a terminal)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *(["-v"] if verbose else []),
        "--config",
        str(ROOT / "config.yaml"),
        "--db",
        f"sqlite:///{tmp_path / 'run.db'}",
        "run",
        *args,
        cwd=str(tmp_path),
        env={**os.environ, "CACHE_DIR": str(tmp_path / "wechaty"), **(env or {})},
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop_and_time(proc: asyncio.subprocess.Process, sig: signal.Signals) -> tuple[int, float, str]:
    """Send `sig`; return the exit code, the seconds it took, and stderr."""
    assert proc.stderr is not None
    t0 = time.monotonic()
    proc.send_signal(sig)
    try:
        await asyncio.wait_for(proc.wait(), 15)  # stdin stays open: no EOF to help
    finally:
        if proc.returncode is None:
            proc.kill()
    seconds = time.monotonic() - t0
    return proc.returncode or 0, seconds, (await proc.stderr.read()).decode()


async def test_console_run_stops_on_sigterm_while_waiting_for_input(tmp_path: Path) -> None:
    proc = await start_run(tmp_path, "--transport", "console")
    assert proc.stdout is not None
    banner = await asyncio.wait_for(proc.stdout.readline(), 30)
    assert "已进入" in banner.decode()
    code, seconds, err = await stop_and_time(proc, signal.SIGTERM)
    assert code == 0, err
    assert seconds < 5
    assert "正在停止" in err
