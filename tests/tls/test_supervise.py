"""The launcher's supervision: the shop's two servers live and stop together."""

import os
import signal
import sys
import threading
import time

import pytest

from webapp.serving.commands import Command
from webapp.serving.supervise import supervise


def sleeper(name: str, seconds: float = 60) -> Command:
    return Command(name, [sys.executable, "-c", f"import time; time.sleep({seconds})"])


def children_of_this_process() -> set[int]:
    return {int(p) for p in os.listdir("/proc") if p.isdigit() and _parent(p) == os.getpid()}


def _parent(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stop_signal_stops_both_servers_and_exits_cleanly(signum):
    before = children_of_this_process()  # a browser driver of other tests may be one
    threading.Timer(0.5, os.kill, (os.getpid(), signum)).start()
    started = time.monotonic()
    assert supervise([sleeper("https"), sleeper("http (setup page)")]) == 0
    assert time.monotonic() - started < 10
    assert children_of_this_process() <= before  # nothing of ours left running


def test_one_server_dying_stops_the_other(capsys):
    before = children_of_this_process()
    started = time.monotonic()
    assert supervise([sleeper("https", 0.3), sleeper("http (setup page)")]) == 1
    assert time.monotonic() - started < 10
    assert "https server stopped (exit 0); stopping the others" in capsys.readouterr().err
    assert children_of_this_process() <= before


def test_a_dying_scheduler_is_started_again_and_the_servers_keep_serving(capsys):
    before = children_of_this_process()
    threading.Timer(2.5, os.kill, (os.getpid(), signal.SIGTERM)).start()
    started = time.monotonic()
    scheduler = Command("scheduler", [sys.executable, "-c", "import time; time.sleep(0.2)"], restart=True)
    assert supervise([sleeper("https"), scheduler]) == 0  # ended by the signal, not by the scheduler dying
    assert time.monotonic() - started < 10
    err = capsys.readouterr().err
    assert "scheduler stopped (exit 0); starting it again in 1 s" in err
    assert "starting it again in 5 s" in err  # it died again soon after its restart: a longer pause
    assert "stopping the others" not in err
    assert children_of_this_process() <= before
