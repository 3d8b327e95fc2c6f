"""Helpers for bench scripts: a migrated database with a small shop, and servers to measure."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepared_database(url: str | None = None) -> tuple[str, str]:
    """Migrate a database (a temp SQLite file by default) and give it a site, an item and a token."""
    from flask_migrate import upgrade

    from webapp import create_app
    from webapp.extensions import db
    from webapp.services import catalog
    from webapp.services.accounts import create_token, create_user

    url = url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-')}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        site = catalog.create_site("TKY", "東京倉庫")
        catalog.create_location(site, "A-01-01", walk_seq=10)
        catalog.create_item(
            {"code": "RETRO-CLOCK", "name": "レトロ置時計", "unit_cost": 1200}, [{"code": "4901234567894"}]
        )
        create_user("bench", "bench-password", "worker")
        token = create_token("bench", "bench")
        db.engine.dispose()
    return url, token


def start_gunicorn(target: str, port: int, workers: int, env: dict | None = None) -> subprocess.Popen:
    """Start gunicorn with sync workers and wait until it answers."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            target,
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--backlog",
            "2048",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return proc
        except urllib.error.HTTPError:
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"gunicorn {target} did not start")
