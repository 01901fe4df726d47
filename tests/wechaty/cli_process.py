"""`clusterbot run` as a real process (signals need one): start it, signal it, time its exit."""

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
