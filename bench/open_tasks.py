"""GET /api/v1/tasks/open on the demo shop (`flask seed-demo`): how long the phone's offline task list takes.

Through the app's WSGI interface (no network), on a fresh SQLite file or the database given. Usage:
    .venv/bin/python bench/open_tasks.py [--url postgresql+psycopg://...] [--requests 50] [--tasks 0]
`--tasks N` adds N open pick lists, N purchase orders and N counts at Tokyo (10 lines each), a busy day.
"""

import argparse
import statistics
import tempfile
import time

import common  # noqa: F401  (puts the repository on sys.path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=None)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--tasks", type=int, default=0)
    args = parser.parse_args()
    from flask_migrate import upgrade

    from webapp import create_app
    from webapp.extensions import db
    from webapp.models import Item
    from webapp.services import picking, purchasing, stocktake
    from webapp.services.accounts import create_token, create_user
    from webapp.services.catalog import seed_demo

    url = args.url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-')}/demo.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        seeded = seed_demo()
        owner = create_user("bench-owner", "bench-password", "owner")
        token = create_token("bench-owner", "bench")
        codes = list(db.session.scalars(db.select(Item.code).order_by(Item.id)))
        for n in range(args.tasks):
            lines = [(codes[(n + k) % len(codes)], 1) for k in range(10)]
            picking.create_pick_list("TKY", lines, owner, f"SO-{n:04d}")
            purchasing.create_purchase_order("TKY", None, [(c, 24) for c, _q in lines], owner)
            stocktake.start_count("TKY", owner, scope="items", items=[c for c, _q in lines])
    headers = {"Authorization": f"Bearer {token}"}
    client = app.test_client()
    first = client.get("/api/v1/tasks/open", headers=headers)
    tasks = first.get_json()["tasks"]
    lines = sum(len(t.get("lines", [])) for t in tasks)
    times = []
    for _ in range(args.requests):
        start = time.perf_counter()
        answer = client.get("/api/v1/tasks/open", headers=headers)
        times.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200
    times.sort()
    print(f"demo shop: {seeded}")
    print(f"/tasks/open: {len(tasks)} tasks, {lines} lines, {len(first.data) / 1024:.0f} KB")
    print(
        f"{args.requests} requests: median {statistics.median(times):.0f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms, max {times[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
