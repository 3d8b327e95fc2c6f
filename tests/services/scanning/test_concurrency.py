"""Many writers at once: 16 threads, then 4 gunicorn workers over HTTP, end with the exact stock."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.builders import actor, make_item, make_site, make_user, scan, scan_json
from webapp.extensions import db
from webapp.models import Movement, StockLevel
from webapp.services.scanning import apply_scans
from webapp.services.stock import ledger_mismatches

ROOT = Path(__file__).resolve().parents[3]


def level_of_bin(code="A-01-01") -> int:
    from webapp.models import Location

    return db.session.scalar(select(func.sum(StockLevel.quantity)).join(Location).where(Location.code == code))


def scans_for_one_writer(n=200):
    """Alternate receipts of 2 and picks of 1: 200 scans net +100."""
    return [
        scan("receive" if i % 2 == 0 else "pick", quantity=2 if i % 2 == 0 else 1, location="A-01-01") for i in range(n)
    ]


@pytest.mark.slow
def test_sixteen_threads_posting_200_scans_each_end_with_the_exact_stock(app):
    make_site()
    make_item()
    user_id, _ = make_user()
    writers = [scans_for_one_writer() for _ in range(16)]
    batches = [w[i : i + 20] for w in writers for i in range(0, 200, 20)]
    errors = []

    def run(my_batches):
        try:
            with app.app_context():
                for batch in my_batches:
                    assert all(o.status == "applied" for o in apply_scans(batch, actor(user_id)))
                db.session.remove()
        except Exception as exc:  # surfaced below: a thread's assert must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(batches[t * 10 : (t + 1) * 10],)) for t in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert level_of_bin() == 16 * 100
    assert db.session.scalar(select(func.count()).select_from(Movement)) == 16 * 200
    assert ledger_mismatches() == []

    # Every batch sent again, concurrently: nothing changes.
    resent = []

    def resend(my_batches):
        with app.app_context():
            for batch in my_batches:
                resent.extend(o.status for o in apply_scans(batch, actor(user_id)))
            db.session.remove()

    threads = [threading.Thread(target=resend, args=(batches[t * 10 : (t + 1) * 10],)) for t in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(resent) == {"duplicate"} and len(resent) == 16 * 200
    assert level_of_bin() == 16 * 100
    assert db.session.scalar(select(func.count()).select_from(Movement)) == 16 * 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, token: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.mark.slow
def test_four_gunicorn_workers_over_http_end_with_the_exact_stock(app, database_url, tmp_path):
    make_site()
    make_item()
    _, token = make_user()
    db.session.remove()
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "concurrency-test"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "wsgi:app",
            "--workers",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/openapi.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        clients = [
            [
                scan_json("receive" if i % 2 == 0 else "pick", quantity=2 if i % 2 == 0 else 1, location="A-01-01")
                for i in range(200)
            ]
            for _ in range(4)
        ]
        statuses = []

        def run(bodies):
            for body in bodies:
                statuses.append(_post(f"{base}/scans", token, body)[0])

        threads = [threading.Thread(target=run, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert statuses.count(201) == 800
        # Every scan sent again as batches: all duplicates, nothing changes.
        for c in clients:
            status, body = _post(f"{base}/scans/batch", token, {"scans": c})
            assert status == 200 and {r["status"] for r in body["results"]} == {"duplicate"}
    finally:
        server.terminate()
        server.wait(timeout=30)
    db.session.remove()
    assert level_of_bin() == 4 * 100
    assert db.session.scalar(select(func.count()).select_from(Movement)) == 800
    assert ledger_mismatches() == []
