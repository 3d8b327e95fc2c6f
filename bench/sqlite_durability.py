"""What SQLITE_SYNCHRONOUS=FULL costs: scans per second through the scan service, one scan per
transaction (the single-scan API's path) and 1,000 per transaction (the batch path), with NORMAL
and with FULL, each on a fresh database in a folder on the real disk (not tmpfs). Usage:
    .venv/bin/python bench/sqlite_durability.py [--single 500] [--batches 10] [--dir /work/bench-tmp] [--rounds 2]
"""

import argparse
import os
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime

from common import ROOT, prepared_database

NOW = datetime(2026, 11, 20, 0, 0, tzinfo=UTC)


def scans(n: int):
    from webapp.services.scanning import ScanIn

    return [
        ScanIn(
            scan_id=uuid.uuid4(), mode="receive", code="4901234567894", quantity=1, occurred_at=NOW, location="A-01-01"
        )
        for _ in range(n)
    ]


def scans_per_second(url: str, per_transaction: int, transactions: int) -> float:
    """Apply `transactions` batches of `per_transaction` scans (one batch more warms up first)."""
    from webapp import create_app
    from webapp.extensions import db
    from webapp.services.scanning import Actor, apply_scans

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    work = [scans(per_transaction) for _ in range(transactions + 1)]
    with app.app_context():
        actor = Actor(user_id=1, role="worker")
        start = 0.0
        for n, batch in enumerate(work):
            if n == 1:
                start = time.perf_counter()
            assert all(o.status == "applied" for o in apply_scans(batch, actor))
        elapsed = time.perf_counter() - start
        assert (
            db.session.execute(db.text("PRAGMA synchronous")).scalar()
            == {"NORMAL": 1, "FULL": 2}[os.environ["SQLITE_SYNCHRONOUS"]]
        )
        db.engine.dispose()
    return per_transaction * transactions / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--single", type=int, default=500, help="timed one-scan transactions")
    parser.add_argument("--batches", type=int, default=10, help="timed 1,000-scan transactions")
    parser.add_argument("--dir", default=str(ROOT / "instance"), help="where the databases go (a real disk)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each mode, alternated; the median is shown")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    results = {mode: {"single": [], "batch": []} for mode in ("NORMAL", "FULL")}
    for _ in range(args.rounds):
        for mode in results:
            os.environ["SQLITE_SYNCHRONOUS"] = mode
            folder = tempfile.mkdtemp(prefix="bench-durability-", dir=args.dir)
            try:
                url, _token = prepared_database(f"sqlite:///{folder}/bench.sqlite3")
                results[mode]["single"].append(scans_per_second(url, 1, args.single))
                results[mode]["batch"].append(scans_per_second(url, 1000, args.batches))
            finally:
                shutil.rmtree(folder)
    print(f"{'mode':8} {'single scans/s':>15} {'batch scans/s':>15}")
    for mode, runs in results.items():
        print(f"{mode:8} {statistics.median(runs['single']):15.0f} {statistics.median(runs['batch']):15.0f}")
    normal, full = results["NORMAL"], results["FULL"]
    for path in ("single", "batch"):
        ratio = statistics.median(full[path]) / statistics.median(normal[path])
        print(f"FULL/NORMAL on the {path} path: {ratio:.2f}")


if __name__ == "__main__":
    main()
