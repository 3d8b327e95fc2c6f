"""Run the gunicorn processes side by side: a signal stops them all, and one dying stops the other."""

import contextlib
import ctypes
import signal
import subprocess
import sys
import time

from .commands import ROOT, Command, environment

STOP_WAIT_SECONDS = 15


def _die_with_parent():  # pragma: no cover - runs in the child between fork and exec
    """Linux: the child gets SIGTERM if the launcher is killed outright, so no server is left behind."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def supervise(commands: list[Command]) -> int:
    """Start every command and wait; 0 after SIGINT/SIGTERM/SIGHUP, 1 when a process ended on its own."""
    stop = {"signal": None}

    def on_signal(signum, _frame):
        stop["signal"] = signum

    # SIGHUP too: a closed terminal stops the shop's servers instead of leaving gunicorn reloading on its own.
    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    preexec = _die_with_parent if sys.platform.startswith("linux") else None
    running: list[tuple[Command, subprocess.Popen]] = []
    try:
        for command in commands:
            process = subprocess.Popen(command.argv, env=environment(command), cwd=ROOT, preexec_fn=preexec)
            running.append((command, process))
        while stop["signal"] is None and all(p.poll() is None for _, p in running):
            time.sleep(0.2)
    finally:
        ended = [(command, process.poll()) for command, process in running if process.poll() is not None]
        _stop_all([p for _, p in running])
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stop["signal"] is not None:
        return 0
    for command, code in ended:
        print(f"{command.name} server stopped (exit {code}); stopping the others", file=sys.stderr)
    return 1


def _stop_all(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_WAIT_SECONDS
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
