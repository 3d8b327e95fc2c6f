"""The launcher supervises the scheduler beside the servers: one process, started and stopped with them."""

import os
import signal
import sys
import threading
import time

from tests.tls.test_supervise import children_of_this_process, sleeper
from webapp.serving.commands import Command, scheduler_command, serving_commands
from webapp.serving.settings import read_settings
from webapp.serving.supervise import supervise


def test_the_launcher_runs_one_scheduler_beside_the_servers_however_many_workers():
    commands = serving_commands(read_settings({"WORKERS": "4"}), "c.pem", "k.pem", "https://kura:8443")
    assert [c.name for c in commands] == ["https", "http (setup page)", "scheduler"]
    assert commands[-1].argv == [sys.executable, "-m", "flask", "--app", "wsgi", "scheduler"]


def test_scheduler_0_leaves_the_periodic_jobs_to_another_host():
    commands = serving_commands(read_settings({"SCHEDULER": "0"}), "c.pem", "k.pem", "https://kura:8443")
    assert "scheduler" not in [c.name for c in commands]


def test_the_supervised_scheduler_starts_plans_the_nightly_backup_and_stops_on_sigterm(database_url, tmp_path, capfd):
    backups = tmp_path / "backups"
    env = {"DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path), "BACKUP_DIR": str(backups)}
    scheduler = Command("scheduler", scheduler_command().argv, env)
    before = children_of_this_process()

    def stop_once_running():
        deadline = time.monotonic() + 60
        # Its first look at the settings makes the backup folder; give it a moment more to log and start.
        while not backups.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=stop_once_running, daemon=True).start()
    assert supervise([sleeper("https"), scheduler]) == 0
    err = capfd.readouterr().err
    assert "scheduler: nightly-backup: next run at" in err and "02:30:00+09:00" in err
    assert "scheduler: started (time zone Asia/Tokyo)" in err and "scheduler: stopped" in err
    assert children_of_this_process() <= before
