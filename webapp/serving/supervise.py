"""Run the shop's processes side by side: a signal stops them all, a server dying stops the others,
and a helper that dies (the scheduler) is started again after a pause that grows while it keeps dying."""

import contextlib
import ctypes
import signal
import subprocess
import sys
import time

from .commands import ROOT, Command, environment

STOP_WAIT_SECONDS = 15
RESTART_PAUSES = (1, 5, 30, 60)  # seconds before the 1st, 2nd, 3rd and every later restart
STEADY_SECONDS = 300  # a helper that ran this long before dying starts over at the first pause


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
    helpers = _Helpers()

    def start(command: Command) -> subprocess.Popen:
        return subprocess.Popen(command.argv, env=environment(command), cwd=ROOT, preexec_fn=preexec)

    try:
        running = [(command, start(command)) for command in commands]
        while stop["signal"] is None:
            if any(p.poll() is not None for c, p in running if not c.restart):
                break
            running = [(c, helpers.check(c, p, start) if c.restart else p) for c, p in running]
            time.sleep(0.2)
    finally:
        ended = [(c, p.poll()) for c, p in running if p.poll() is not None and not c.restart]
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


class _Helpers:
    """Restarts of helper processes: when each died, how many times in a row, when it may start again."""

    def __init__(self):
        self.deaths: dict[str, int] = {}
        self.started: dict[str, float] = {}
        self.due: dict[str, float] = {}

    def check(self, command: Command, process: subprocess.Popen, start) -> subprocess.Popen:
        """The helper's process as it should be now: itself, or a new one once its pause is over."""
        now = time.monotonic()
        self.started.setdefault(command.name, now)
        if process.poll() is None:
            return process
        if command.name not in self.due:
            ran = now - self.started[command.name]
            deaths = 0 if ran >= STEADY_SECONDS else self.deaths.get(command.name, 0)
            self.deaths[command.name] = deaths + 1
            pause = RESTART_PAUSES[min(deaths, len(RESTART_PAUSES) - 1)]
            self.due[command.name] = now + pause
            print(f"{command.name} stopped (exit {process.poll()}); starting it again in {pause} s", file=sys.stderr)
        if now < self.due[command.name]:
            return process
        del self.due[command.name]
        self.started[command.name] = now
        return start(command)
