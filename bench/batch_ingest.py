"""Batch ingest: 1,000-scan batches into a database already holding 1,000,000 scans, through the
scan service, beside the same work done with raw sqlite3 (idempotent insert of scans and movements,
atomic stock update, one transaction per batch) on a copy of the same file. Usage:
    .venv/bin/python bench/batch_ingest.py [--preload 1000000] [--batches 50] [--uuid v7|v4]
"""

import argparse
import random
import shutil
import sqlite3
import time
import uuid
from datetime import UTC, datetime

import uuid6
from common import prepared_database

NOW = datetime(2026, 11, 20, 0, 0, tzinfo=UTC)
STAMP = "2026-11-20 00:00:00.000000"


def make_id(kind: str) -> uuid.UUID:
    return uuid6.uuid7() if kind == "v7" else uuid.uuid4()


def preload(path: str, n: int, kind: str) -> None:
    """Fill the scans and movements tables with n applied receipts (raw sqlite3, fast)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    chunk = 50_000
    for start in range(0, n, chunk):
        ids = [make_id(kind).hex for _ in range(min(chunk, n - start))]
        con.executemany(
            "INSERT INTO scans (scan_id, mode, code, code_key, quantity, lot, status, message, occurred_at, "
            "recorded_at, item_id, location_id, site_id, user_id) VALUES (?, 'receive', '4901234567894', "
            "'04901234567894', 1, '', 'applied', '', ?, ?, 1, 2, 1, 1)",
            [(i, STAMP, STAMP) for i in ids],
        )
        con.executemany(
            "INSERT INTO movements (type, item_id, location_id, lot, quantity, unit_cost, scan_id, occurred_at, "
            "recorded_at, note, user_id) VALUES ('receive', 1, 2, '', 1, 0, ?, ?, ?, '', 1)",
            [(i, STAMP, STAMP) for i in ids],
        )
        con.commit()
    con.execute("UPDATE stock_levels SET quantity = quantity + ? WHERE item_id = 1 AND location_id = 2", (n,))
    con.execute("INSERT OR IGNORE INTO stock_levels (item_id, location_id, lot, quantity) VALUES (1, 2, '', ?)", (n,))
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def batches(count: int, kind: str):
    rng = random.Random(7)
    return [[(make_id(kind), rng.choice((1, 1, 2, 3))) for _ in range(1000)] for _ in range(count)]


def run_service(url: str, work) -> float:
    from webapp import create_app
    from webapp.extensions import db
    from webapp.services.scanning import Actor, ScanIn, apply_scans

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        actor = Actor(user_id=1, role="worker")
        start = 0.0
        for n, batch in enumerate(work):
            if n == 1:  # the first batch warms up (statement compilation, caches) and is not timed
                start = time.perf_counter()
            scans = [
                ScanIn(
                    scan_id=sid, mode="receive", code="4901234567894", quantity=q, occurred_at=NOW, location="A-01-01"
                )
                for sid, q in batch
            ]
            outcomes = apply_scans(scans, actor)
            assert all(o.status == "applied" for o in outcomes)
        elapsed = time.perf_counter() - start
        db.engine.dispose()
    return elapsed


def run_raw(path: str, work) -> float:
    """The same writes with the sqlite3 module, done as fast as it allows: the floor to compare with."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    start = 0.0
    for n, batch in enumerate(work):
        if n == 1:  # timed like the service: from the second batch on
            start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        ids = [sid.hex for sid, _ in batch]
        known = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            known.update(
                r[0]
                for r in con.execute(
                    f"SELECT scan_id FROM scans WHERE scan_id IN ({','.join('?' * len(chunk))})",  # noqa: S608 (placeholders only)
                    chunk,
                )
            )
        fresh = [(sid.hex, q) for sid, q in batch if sid.hex not in known]
        con.executemany(
            "INSERT INTO scans (scan_id, mode, code, code_key, quantity, lot, status, message, occurred_at, "
            "recorded_at, item_id, location_id, site_id, user_id) VALUES (?, 'receive', '4901234567894', "
            "'04901234567894', ?, '', 'applied', '', ?, ?, 1, 2, 1, 1) ON CONFLICT DO NOTHING",
            [(sid, q, STAMP, STAMP) for sid, q in fresh],
        )
        con.executemany(
            "INSERT INTO movements (type, item_id, location_id, lot, quantity, unit_cost, scan_id, occurred_at, "
            "recorded_at, note, user_id) VALUES ('receive', 1, 2, '', ?, 0, ?, ?, ?, '', 1)",
            [(q, sid, STAMP, STAMP) for sid, q in fresh],
        )
        con.execute(
            "UPDATE stock_levels SET quantity = quantity + ? WHERE item_id = 1 AND location_id = 2 AND lot = ''",
            (sum(q for _, q in fresh),),
        )
        con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--preload", type=int, default=1_000_000)
    parser.add_argument("--batches", type=int, default=50, help="timed batches (one more warms up)")
    parser.add_argument("--uuid", choices=("v7", "v4"), default="v7")
    args = parser.parse_args()
    url, _token = prepared_database()
    path = url.removeprefix("sqlite:///")
    t0 = time.perf_counter()
    preload(path, args.preload, args.uuid)
    print(f"preloaded {args.preload:,} scans and movements in {time.perf_counter() - t0:.1f}s")
    raw_path = path.replace("bench.sqlite3", "raw.sqlite3")
    shutil.copyfile(path, raw_path)
    work = batches(args.batches + 1, args.uuid)
    raw = run_raw(raw_path, work)
    service = run_service(url, work)
    n = args.batches * 1000
    print(f"uuid {args.uuid}; {args.batches} batches of 1,000 scans into {args.preload:,} existing scans (SQLite file)")
    print(f"raw sqlite3        {n / raw:9,.0f} scans/s")
    print(f"scan service       {n / service:9,.0f} scans/s")
    print(f"ratio service/raw: {raw / service:.2f}  (aim: >= 0.5)")


if __name__ == "__main__":
    main()
