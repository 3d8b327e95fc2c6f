"""Replenishment engine cost on 100,000 item x site rows x 365 days, beside one bare numpy pass.

Run: .venv/bin/python bench/engine_stats.py [rows] [days]
Prints the best of several runs (time.perf_counter) of D.sum(axis=1), of the demand
statistics, of the statistics plus every reorder number (articles' and recommended,
periodic method for every row; then with the weekly rhythm split out of the spread), and of the full plan with the history quantile for the
intermittent rows, and of the data hygiene pass (returns netted, outliers capped: run by the nightly
engine before the plan); then the extra peak memory of each (tracemalloc, which numpy reports
its buffers to), against the matrix's own size; the peak includes the result arrays.
Targets: <= 2.5x the bare pass and an extra peak under a tenth of the matrix. Runs are
interleaved, but a busy machine still moves the ratios: measure on a quiet one.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from webapp.domain.demand import demand_stats
from webapp.domain.demand_hygiene import clean_demand
from webapp.domain.reorder_plan import Method, plan_reorders

SEED = 20240601
RUNS = 15


def realistic_demand(rows: int, days: int, rng: np.random.Generator) -> np.ndarray:
    """Daily demand: 60% steady sellers (Poisson, weekly rhythm), 25% intermittent, 15% lumpy."""
    demand = np.empty((rows, days))
    kind = rng.choice(3, rows, p=[0.60, 0.25, 0.15])
    level = rng.lognormal(1.0, 1.0, rows)  # typical units a day, long-tailed across items
    chance = rng.uniform(0.05, 0.5, rows)  # share of days with a sale for sparse items
    weekday = np.array([1.0, 0.9, 0.9, 1.0, 1.2, 1.5, 0.5])[np.arange(days) % 7]
    for start in range(0, rows, 5000):
        part = slice(start, min(start + 5000, rows))
        k, mean, p = kind[part, None], level[part, None], chance[part, None]
        steady = rng.poisson(mean * weekday)
        sale = rng.random(steady.shape) < p
        intermittent = sale * (1 + rng.poisson(mean, steady.shape))
        lumpy = sale * rng.geometric(1 / (1 + 3 * mean), steady.shape)
        demand[part] = np.where(k == 0, steady, np.where(k == 1, intermittent, lumpy))
    return demand


def best_times(cases: dict, runs: int) -> dict[str, float]:
    """Best wall time in seconds of each case; runs are interleaved so load on the machine hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, call in cases.items():
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    return {name: min(t) for name, t in times.items()}


def extra_peak(call) -> int:
    """Peak bytes allocated during call beyond what was allocated before it."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    result = call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak - before


def main(rows: int = 100_000, days: int = 365) -> None:
    rng = np.random.default_rng(SEED)
    demand = realistic_demand(rows, days, rng)
    settings = dict(
        lead_time=rng.integers(1, 15, rows).astype(float),
        service_level=rng.choice([0.90, 0.95, 0.99], rows),
        on_hand=rng.integers(0, 200, rows).astype(float),
        on_order=np.where(rng.random(rows) < 0.2, 50.0, 0.0),
        review=1.0,
        coverage=np.where(rng.random(rows) < 0.5, 21.0, np.nan),
        order_multiple=rng.choice([1.0, 6.0, 12.0], rows),
        min_order=rng.choice([0.0, 24.0], rows),
    )
    fast = {
        "bare pass D.sum(axis=1)": lambda: demand.sum(axis=1),
        "demand statistics": lambda: demand_stats(demand),
        "statistics + reorder numbers": lambda: plan_reorders(demand, **settings, empirical=False, weekly=False),
        "+ weekly rhythm split": lambda: plan_reorders(demand, **settings, empirical=False),
    }
    full = {
        "full plan (history quantile)": lambda: plan_reorders(demand, **settings),
        "data hygiene (clean_demand)": lambda: clean_demand(demand),
    }
    seconds = best_times(fast, RUNS) | best_times(full, 3)
    methods = np.bincount(plan_reorders(demand, **settings).method, minlength=len(Method))
    print(f"matrix: {rows:,} rows x {days} days float64 = {demand.nbytes / 1e6:,.1f} MB; seed {SEED}")
    print("methods: " + ", ".join(f"{m.name.lower()} {methods[m]:,}" for m in Method))
    print(f"\n{'case':32s} {'best time':>12s} {'x bare':>8s} {'extra peak':>12s} {'/ matrix':>9s}")
    base = seconds["bare pass D.sum(axis=1)"]
    for name, call in (fast | full).items():
        peak = extra_peak(call)
        print(
            f"{name:32s} {seconds[name] * 1e3:9.1f} ms {seconds[name] / base:7.2f}x "
            f"{peak / 1e6:9.1f} MB {peak / demand.nbytes:8.3f}"
        )
    sparse = methods[Method.EMPIRICAL]
    extra = seconds["full plan (history quantile)"] - seconds["statistics + reorder numbers"]
    print(f"\nhistory quantile: {extra / max(sparse, 1) * 1e6:.1f} us per intermittent row ({sparse:,} rows)")
    outliers = clean_demand(demand).outlier_rows.size
    print(f"outlier days capped: {outliers:,} ({outliers / demand.size:.2e} of all row-days)")
    print(f"best of {RUNS} interleaved runs (full plan and hygiene: best of 3)")
    print("targets: statistics + reorder numbers <= 2.5x bare; extra peak < 0.100 of the matrix")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
