"""Demand families for the service-level simulation, each a (rows x days) matrix generator."""

import numpy as np

WEEKDAY = np.array([0.6, 0.8, 0.8, 1.0, 1.2, 1.8, 1.8]) / 1.142857142857143


def _sparse(rng, shape, chance, sizes):
    return np.where(rng.random(shape) < chance, sizes, 0).astype(float)


def steady(rng, rows, days, history):
    return rng.poisson(10, (rows, days)).astype(float)


def slow(rng, rows, days, history):
    return rng.poisson(0.5, (rows, days)).astype(float)


def lumpy(rng, rows, days, history):
    return _sparse(rng, (rows, days), 0.3, rng.geometric(1 / 8, (rows, days)))


def intermittent(rng, rows, days, history):
    return _sparse(rng, (rows, days), 0.2, 1 + rng.poisson(2, (rows, days)))


def very_intermittent(rng, rows, days, history):
    return _sparse(rng, (rows, days), 0.05, rng.geometric(1 / 5, (rows, days)))


def weekly_seasonal(rng, rows, days, history):
    return rng.poisson(10 * WEEKDAY[np.arange(days) % 7], (rows, days)).astype(float)


def trend(rng, rows, days, history):
    """5 a day a year before the simulation starts, growing by 5 a day every year."""
    return rng.poisson(5 * (1 + np.arange(days) / 365), (rows, days)).astype(float)


def step_change(rng, rows, days, history):
    """10 a day, then 20 a day from 30 days before the simulation starts (a new customer)."""
    mean = np.where(np.arange(days) < history - 30, 10.0, 20.0)
    return rng.poisson(mean, (rows, days)).astype(float)


def new_item(rng, rows, days, history):
    """A new item in an established shop: nothing until 60 days before the simulation, then 10 a day."""
    demand = rng.poisson(10, (rows, days)).astype(float)
    demand[:, : history - 60] = 0.0
    return demand


def one_outlier(rng, rows, days, history):
    """20 a day, with one order of 2,000 somewhere in the history."""
    demand = rng.poisson(20, (rows, days)).astype(float)
    demand[np.arange(rows), rng.integers(0, history, rows)] = 2000.0
    return demand


FAMILIES = {
    "steady": steady,
    "slow": slow,
    "lumpy": lumpy,
    "intermittent": intermittent,
    "very intermittent": very_intermittent,
    "weekly seasonal": weekly_seasonal,
    "trend": trend,
    "step change": step_change,
    "new item": new_item,
    "one outlier": one_outlier,
}
# Demand that changes under the engine's feet: re-planned every week, as the nightly run would.
MOVING = {"trend", "step change", "new item"}
