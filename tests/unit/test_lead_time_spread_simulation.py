"""Simulated: a reorder point with the lead time's spread (d^2 sigma_L^2) keeps its cycle service level.

Continuous review, so each cycle runs out exactly when the demand over the realised lead time exceeds
the reorder point. Demand is a Poisson process of d a day; lead times are gamma-distributed around
the learned mean. 200,000 cycles per cell, seed 20261204. Prints the table the README states.
"""

import numpy as np
import pytest

from webapp.domain.periodic_review import periodic_reorder_point
from webapp.domain.replenishment import service_factor

CYCLES = 200_000
CELLS = [(d, mean, sd) for d in (2.0, 20.0) for mean, sd in ((5.0, 1.0), (5.0, 2.0), (14.0, 3.0))]
TARGETS = (0.90, 0.95, 0.99)


def achieved(d, mean, sd, target, with_spread, rng) -> float:
    lead = rng.gamma((mean / sd) ** 2, sd**2 / mean, CYCLES)
    demand = rng.poisson(d * lead)
    z = service_factor(target)
    rop = periodic_reorder_point(d, np.sqrt(d), mean, 0.0, z, np.inf, None, sd if with_spread else None)
    return float(np.mean(demand <= np.ceil(rop)))


@pytest.fixture(scope="module")
def table():
    rng = np.random.default_rng(20261204)
    out = {}
    for d, mean, sd in CELLS:
        for target in TARGETS:
            out[(d, mean, sd, target)] = (
                achieved(d, mean, sd, target, True, rng),
                achieved(d, mean, sd, target, False, rng),
            )
    print("\nd   L ± sL    target: with d²σL² / L alone")
    for d, mean, sd in CELLS:
        cells = "  ".join(f"{t:.2f}: {out[(d, mean, sd, t)][0]:.3f} / {out[(d, mean, sd, t)][1]:.3f}" for t in TARGETS)
        print(f"{d:<4g}{mean:g} ± {sd:g}   {cells}")
    return out


def test_the_spread_term_keeps_the_target_within_two_points(table):
    for (_d, _mean, _sd, target), (with_spread, _alone) in table.items():
        assert with_spread >= target - 0.02


def test_leaving_the_lead_time_spread_out_falls_well_short_for_fast_movers(table):
    for (d, _mean, _sd, target), (with_spread, alone) in table.items():
        if d == 20.0:
            assert alone < target - 0.04 < with_spread
