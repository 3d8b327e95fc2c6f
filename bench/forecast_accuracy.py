"""The engine's forecasts beside statsforecast's on the same generated series: MASE and wall time.

Run: .venv/bin/python bench/forecast_accuracy.py --series 10000 [--days 730] [--horizon 28]
Series: the service-level simulation's ten families (tests/unit/service_level_families.py), in
equal shares, `days` of history then `horizon` days to score against (seed fixed). The engine:
domain.forecast_choice.choose_forecasts over all rows at once (one process, numpy). statsforecast
(a bench/test dependency only): AutoETS (season length 7) on every series, and, for the
intermittent ones (30 % or more of their days without demand), CrostonOptimized and TSB; the
"statsforecast best practice" line takes CrostonOptimized for intermittent series and AutoETS for
the rest. Both see the same raw series from each row's first movement (a new item's empty days
are left out for both). MASE: mean absolute error over the horizon divided by the in-sample mean
|d_t - d_(t-1)|, averaged over the series (series with a flat history are left out of the means).
statsforecast runs with n_jobs=1, as the engine uses one core. --sf-every K runs statsforecast on
every K-th series only (all families alike): the MASE lines are then all over that sample, and
statsforecast's time is given as measured and scaled by K to the whole set (it is linear in the
number of series: one fit each).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit"))

from service_level_families import FAMILIES

from webapp.domain.forecast_accuracy import mase_of, naive_scale
from webapp.domain.forecast_choice import NAMES, ForecastMethod, choose_forecasts

SEED = 20261204
INTERMITTENT_ZEROS = 0.3


def generate(series: int, days: int, horizon: int):
    """(rows x days + horizon) demand, each row's first day of history, and its family's name."""
    rng = np.random.default_rng(SEED)
    names = list(FAMILIES)
    per = -(-series // len(names))
    blocks, family = [], []
    for name in names:
        blocks.append(FAMILIES[name](rng, per, days + horizon, days))
        family += [name] * per
    y = np.concatenate(blocks)[:series]
    family = np.array(family[:series])
    moved = y[:, :days] > 0
    start = np.where(moved.any(axis=1), moved.argmax(axis=1), days)
    return y, start, family


def statsforecast_forecasts(y, start, days, horizon, intermittent, sample):
    """AutoETS for every series; CrostonOptimized and TSB for the intermittent ones. Forecasts and seconds."""
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import TSB, AutoETS, CrostonOptimized

    def frame(rows):
        ids, ds, vals = [], [], []
        for r in rows:
            n = days - start[r]
            ids.append(np.full(n, r))
            ds.append(np.arange(start[r], days))
            vals.append(y[r, start[r] : days])
        return pd.DataFrame(
            {
                "unique_id": np.concatenate(ids),
                "ds": pd.Timestamp("2024-01-01") + pd.to_timedelta(np.concatenate(ds), unit="D"),
                "y": np.concatenate(vals),
            }
        )

    def run(models, rows):
        sf = StatsForecast(models=models, freq="D", n_jobs=1)
        began = time.perf_counter()
        out = sf.forecast(df=frame(rows), h=horizon)
        took = time.perf_counter() - began
        out = out.reset_index() if "unique_id" not in out.columns else out
        result = {}
        for name in [c for c in out.columns if c not in ("unique_id", "ds")]:
            m = np.full((y.shape[0], horizon), np.nan)
            ordered = out.sort_values(["unique_id", "ds"])
            ids = ordered["unique_id"].to_numpy().astype(int).reshape(-1, horizon)[:, 0]
            m[ids] = ordered[name].to_numpy().reshape(-1, horizon)
            result[name] = m
        return result, took

    rows = sample[start[sample] < days - 2]
    # numba compiles statsforecast's models on first use: compile on three series, untimed.
    run([AutoETS(season_length=7)], rows[:3])
    run([CrostonOptimized(), TSB(alpha_d=0.1, alpha_p=0.1)], rows[:3])
    ets, t_ets = run([AutoETS(season_length=7)], rows)
    inter_rows = rows[intermittent[rows]]
    inter, t_inter = run([CrostonOptimized(), TSB(alpha_d=0.1, alpha_p=0.1)], inter_rows)
    return {**ets, **inter}, {"AutoETS": t_ets, "CrostonOptimized + TSB": t_inter}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--series", type=int, default=1000, help="number of series (10,000 for the README figures)")
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--horizon", type=int, default=28)
    ap.add_argument("--engine-only", action="store_true", help="skip statsforecast")
    ap.add_argument(
        "--sf-every", type=int, default=1, help="statsforecast on every K-th series only (time scaled by K)"
    )
    a = ap.parse_args()
    y, start, family = generate(a.series, a.days, a.horizon)
    history, future = y[:, : a.days], y[:, a.days :]
    scale = naive_scale(history, start)
    own = np.maximum(a.days - start, 1)
    zeros = ((history == 0) & (np.arange(a.days)[None, :] >= start[:, None])).sum(axis=1) / own
    intermittent = zeros >= INTERMITTENT_ZEROS

    began = time.perf_counter()
    chosen = choose_forecasts(history, start, horizon=a.horizon)
    t_engine = time.perf_counter() - began
    results = {"engine (chosen on the holdout)": chosen.forecast}
    times = {"engine (chosen on the holdout)": t_engine}
    sample = np.arange(0, a.series, max(a.sf_every, 1))
    if not a.engine_only:
        sf, sf_times = statsforecast_forecasts(y, start, a.days, a.horizon, intermittent, sample)
        results["AutoETS"] = sf["AutoETS"]
        best = sf["AutoETS"].copy()
        best[intermittent] = sf["CrostonOptimized"][intermittent]
        results["statsforecast: CrostonOptimized if intermittent, else AutoETS"] = best
        tsb = sf["AutoETS"].copy()
        tsb[intermittent] = sf["TSB"][intermittent]
        results["statsforecast: TSB if intermittent, else AutoETS"] = tsb
        k = max(a.sf_every, 1)
        times["AutoETS"] = sf_times["AutoETS"] * k
        both = (sf_times["AutoETS"] + sf_times["CrostonOptimized + TSB"]) * k
        print(f"statsforecast on {sample.size} series in {sum(sf_times.values()):.1f} s, x {k} for the whole set")
        times["statsforecast: CrostonOptimized if intermittent, else AutoETS"] = both
        times["statsforecast: TSB if intermittent, else AutoETS"] = both

    ok = np.isfinite(scale)
    if not a.engine_only:
        in_sample = np.zeros(a.series, dtype=bool)
        in_sample[sample] = True
        ok &= in_sample
        print(f"engine on all {a.series} series: MASE {np.nanmean(mase_of(chosen.forecast, future, scale)):.3f}")
    print(f"{a.series} series x {a.days} days, horizon {a.horizon}; {int(intermittent.sum())} intermittent")
    print(f"{'forecast':64s} {'MASE':>7s} {'seconds':>9s}")
    mases = {}
    for name, f in results.items():
        m = mase_of(f, future, scale)
        mases[name] = m
        print(f"{name:64s} {np.nanmean(m[ok]):7.3f} {times[name]:9.2f}")
    print("\nMASE by family")
    short = {k: k.split(":")[0].split(" (")[0] for k in results}
    print(f"{'family':20s} " + " ".join(f"{short[k][:14]:>14s}" for k in results))
    for fam in FAMILIES:
        sel = (family == fam) & ok
        print(f"{fam:20s} " + " ".join(f"{np.nanmean(mases[k][sel]):14.3f}" for k in results))
    plain = ok & (family != "one outlier")
    print("\nMASE without the one-outlier family (statsforecast is given the raw spike):")
    for name in results:
        print(f"{name:64s} {np.nanmean(mases[name][plain]):7.3f}")
    counts = np.bincount(chosen.method, minlength=len(ForecastMethod))
    print("\nengine's methods: " + ", ".join(f"{NAMES[ForecastMethod(i)]} {c}" for i, c in enumerate(counts) if c))


if __name__ == "__main__":
    main()
