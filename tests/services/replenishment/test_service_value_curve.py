"""The dashboard's service level against stock value, from a real recompute of the ledger."""

from statistics import NormalDist

import pytest
from sqlalchemy import select

from tests.builders import make_item
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from webapp.extensions import db
from webapp.models import ReplenishmentResult
from webapp.services.replenishment import recompute, service_value_curves


@pytest.fixture
def shop(app):
    """静岡煎茶 sells 4 or 8 a day (380 yen), the retro clock 1 on odd days (4,800 yen); 28 days of history."""
    site, tea = tea_shop(lead_time_days=3, review_interval_days=1)
    clock = make_item("RETRO-CLOCK", "レトロ置時計", "4901234567894", unit_cost="4800", lead_time_days=7)
    daily_sales(tea.id, "A-01-01", opening=500, per_day=[4, 8] * 14)
    daily_sales(clock.id, "B-02-01", opening=40, per_day=[1, 0] * 14)
    recompute(today=TODAY, period_days=28)
    return {"site": site, "tea": tea, "clock": clock}


def test_each_level_costs_z_sigma_root_l_plus_r_of_stock_value_per_class(shop):
    curves = service_value_curves()
    rows = {r.item_id: r for r in db.session.scalars(select(ReplenishmentResult))}
    tea, clock = rows[shop["tea"].id], rows[shop["clock"].id]
    # sigma x sqrt(L + R) x cost: the tea over 3 + 1 days, the clock over 7 + 1.
    per_z = {"tea": float(tea.std_daily) * 2.0 * 380, "clock": float(clock.std_daily) * 8**0.5 * 4800}
    k = curves["levels"].index(0.99)
    z99 = NormalDist().inv_cdf(0.99)
    expected = {}
    for row, name in ((tea, "tea"), (clock, "clock")):
        expected[row.abc_class] = expected.get(row.abc_class, 0.0) + z99 * per_z[name]
    expected["*"] = z99 * sum(per_z.values())
    assert {c["abc"]: pytest.approx(c["safety"][k], rel=1e-3) for c in curves["classes"]} == expected


def test_99_percent_costs_more_than_95_and_the_curve_never_falls(shop):
    everything = service_value_curves()["classes"][-1]
    assert everything["abc"] == "*"
    assert everything["extra_99_over_95"] > 0
    assert all(a < b for a, b in zip(everything["safety"], everything["safety"][1:], strict=False))
    assert everything["today"] > 0 and everything["cycle"] > 0


def test_no_results_yet_gives_no_curves(app):
    assert service_value_curves()["classes"] == []
