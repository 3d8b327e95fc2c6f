"""The nightly engine's numpy part on 100,000 item x site rows x 730 days: hygiene, shift and trend, the full plan.

Run: .venv/bin/python bench/engine_nightly.py [rows] [days]
One run of each step (time.perf_counter) on bench/engine_stats.py's realistic demand, and the
process's peak resident memory (the matrix itself included). The ledger query and the
storing of results are not in it (bench/engine_end_to_end.py measures those).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine_stats import SEED, realistic_demand

from webapp.domain.demand_hygiene import clean_demand
from webapp.domain.demand_shift import adapted_history
from webapp.domain.reorder_plan import plan_reorders


def main(rows: int = 100_000, days: int = 730) -> None:
    rng = np.random.default_rng(SEED)
    demand = realistic_demand(rows, days, rng)
    lead = rng.integers(1, 15, rows).astype(float)
    level = rng.choice([0.90, 0.95, 0.99], rows)
    steps = {}
    start = time.perf_counter()
    clean = clean_demand(demand)
    steps["hygiene (own start, returns, outliers)"] = time.perf_counter() - start
    start = time.perf_counter()
    own, trend = adapted_history(clean.demand, clean.history_days)
    steps["level shift and trend"] = time.perf_counter() - start
    start = time.perf_counter()
    plan = plan_reorders(clean.demand, lead_time=lead, service_level=level, on_hand=0, history_days=own, trend=trend)
    steps["plan (weekly split, history quantile)"] = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"matrix: {rows:,} rows x {days} days = {demand.nbytes / 1e9:.2f} GB; seed {SEED}")
    for name, seconds in steps.items():
        print(f"{name:40s} {seconds:7.2f} s")
    print(f"{'total':40s} {sum(steps.values()):7.2f} s; peak resident memory {peak / 1e9:.2f} GB")
    print(
        f"rows cut at a level shift {np.count_nonzero(own < clean.history_days):,}; with a trend {np.count_nonzero(trend):,}"
    )
    print(f"methods: {np.bincount(plan.method, minlength=4).tolist()} (no demand, periodic, empirical, manual)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
