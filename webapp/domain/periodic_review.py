"""Reorder point that keeps its promised cycle service level when stock is reviewed periodically.

The articles' ROP = d*L + z*sigma*sqrt(L+R) assumes the position is seen the moment it
reaches the ROP. Reviewed every R days, the position is already below the ROP by the
time an order goes out (the undershoot U), so the order must cover D(L) + U, not D(L).
With renewal theory, U has density P(D_R > u) / E[D_R] where D_R is the demand of one
review interval: E[U] = E[D_R^2] / (2 E[D_R]), E[U^2] = E[D_R^3] / (3 E[D_R]). The third
moment comes from a gamma fit of D_R (mean d*R, variance sigma^2*R), and D(L) + U is
taken as normal. tests/unit/test_service_level_simulation.py checks the result by simulation.
"""

from __future__ import annotations

import numpy as np


def undershoot_moments(daily_demand, sigma, review) -> tuple[np.ndarray, np.ndarray]:
    """Mean and variance of the undershoot below the reorder point at an R-day review (units, units^2).

    Both are 0 under continuous review (R = 0) and NaN for rows without demand (d = 0).
    """
    d = np.asarray(daily_demand, dtype=np.float64)
    review = np.asarray(review, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.square(sigma) / d  # gamma scale of D_R
    # With a = E[D_R] + scale: E[U] = a / 2 and E[U^2] = a (a + scale) / 3, so Var[U] = a (a + 4 scale) / 12.
    a = d * review
    a += scale
    var_u = scale
    var_u *= 4
    var_u += a
    var_u *= a
    var_u /= 12
    mean_u = a
    mean_u /= 2
    if np.any(review <= 0):
        continuous = review <= 0
        mean_u, var_u = np.where(continuous, 0.0, mean_u), np.where(continuous, 0.0, var_u)
    return mean_u, var_u


def periodic_reorder_point(
    daily_demand, sigma, lead_time, review, z, history_days=np.inf, lead_variance=None, lead_time_std=None
) -> np.ndarray:
    """ROP = d*L + E[U] + z*sqrt(sigma^2*L*(1 + L/n) + Var[U]) (units): lead-time demand plus the undershoot.

    The L/n term is the uncertainty of a mean estimated from n = history_days days: the
    error of d*L has variance L^2 sigma^2 / n, which matters for long lead times on short
    histories (60 days of lead time on 90 days of history: 1.67x the variance).
    lead_variance (per row, NaN: not known) replaces sigma^2*L where the weekly rhythm is
    split out (weekday_profile.lead_time_variance). lead_time_std (per row, days; None or 0: a
    fixed lead time) adds d^2 sigma_L^2, the demand of the days a late delivery adds
    (sigma_LT^2 = L sigma_d^2 + d^2 sigma_L^2, lead_times.py).
    """
    mean_u, var_u = undershoot_moments(daily_demand, sigma, review)
    spread = np.square(sigma) * lead_time
    if lead_variance is not None:
        spread = np.where(np.isnan(lead_variance), spread, lead_variance)
    spread *= 1.0 + np.divide(lead_time, history_days)
    if lead_time_std is not None and np.any(lead_time_std):
        spread += np.square(np.multiply(daily_demand, lead_time_std))
    spread += var_u
    spread = np.sqrt(spread) * z
    rop = np.multiply(daily_demand, lead_time)
    rop += mean_u
    rop += spread
    return rop
