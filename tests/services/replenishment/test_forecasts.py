"""The nightly run stores each row's forecast with its method, and scores the days that have passed against actual."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.builders import make_item
from tests.services.replenishment.test_replenishment_data import TODAY, at, bin_id, daily_sales, post, tea_shop
from webapp.domain.forecast_choice import HORIZON_DAYS
from webapp.extensions import db
from webapp.models import Forecast, ForecastFit
from webapp.services.replenishment import forecast_dashboard, item_forecasts, recompute
from webapp.services.replenishment.forecasts import ACCURACY_DAYS

STEADY = [4, 6] * 45  # 5 a day over 90 days


def fit_of(item_id) -> ForecastFit:
    return db.session.scalar(select(ForecastFit).where(ForecastFit.item_id == item_id))


def stored(item_id) -> list[Forecast]:
    return list(db.session.scalars(select(Forecast).where(Forecast.item_id == item_id).order_by(Forecast.day)))


def sell(item_id, day, quantity, location="A-01-01"):
    post(
        [
            {
                "type": "pick",
                "item_id": item_id,
                "location_id": bin_id(location),
                "quantity": -quantity,
                "occurred_at": at(day),
            }
        ]
    )


def test_the_nightly_run_stores_the_next_28_days_with_the_method_chosen_on_the_holdout(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=900, per_day=STEADY)

    summary = recompute(today=TODAY, period_days=90)

    rows = stored(tea.id)
    assert summary["forecast_rows"] == HORIZON_DAYS
    assert [r.day for r in rows] == [TODAY + timedelta(days=h + 1) for h in range(HORIZON_DAYS)]
    fit = fit_of(tea.id)
    assert fit.method == rows[0].method == "level" and fit.history_days == 90
    assert all(r.made_on == TODAY and r.actual is None for r in rows)
    assert sum(r.quantity for r in rows) == pytest.approx(5 * 28, rel=0.1)
    assert fit.holdout_mae == pytest.approx(1.0, abs=0.3) and fit.runner_up is not None


def test_a_later_run_scores_the_day_that_passed_and_replaces_the_days_still_ahead(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=900, per_day=STEADY)
    recompute(today=TODAY, period_days=90)
    first_forecast = stored(tea.id)[0].quantity
    sell(tea.id, TODAY + timedelta(days=1), 8)
    sell(tea.id, TODAY + timedelta(days=2), 3)

    recompute(today=TODAY + timedelta(days=2), period_days=90)

    rows = stored(tea.id)
    scored = [r for r in rows if r.actual is not None]
    assert [(r.day, r.actual) for r in scored] == [(TODAY + timedelta(days=1), 8.0)]
    assert scored[0].quantity == first_forecast and scored[0].made_on == TODAY
    # The second day is today's and not over: kept from the first run, not scored yet.
    assert rows[1].day == TODAY + timedelta(days=2) and rows[1].actual is None and rows[1].made_on == TODAY
    assert len(rows) == 2 + HORIZON_DAYS
    assert {r.made_on for r in rows[2:]} == {TODAY + timedelta(days=2)}
    fit = fit_of(tea.id)
    assert fit.accuracy_days == 1
    assert fit.mae == pytest.approx(abs(8 - first_forecast))
    assert fit.bias == pytest.approx(first_forecast - 8)
    assert fit.mase == pytest.approx(abs(8 - first_forecast) / fit.scale)


def test_forecasts_older_than_the_accuracy_window_are_pruned(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=900, per_day=STEADY)
    recompute(today=TODAY, period_days=90)
    later = TODAY + timedelta(days=ACCURACY_DAYS + 2)

    recompute(today=later, period_days=90)

    days = [r.day for r in stored(tea.id)]
    assert min(days) >= later - timedelta(days=ACCURACY_DAYS)
    assert db.session.scalar(select(func.count()).select_from(Forecast)) == len(days) == 27 + HORIZON_DAYS


def test_a_forecast_that_ran_low_for_three_weeks_is_listed_as_drifted_with_its_accuracy_by_method_and_class(app):
    site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=5000, per_day=STEADY + [15] * 21)
    latte = make_item("LATTE-MATCHA", "抹茶ラテ 10本入", "4901234567894", lead_time_days=3, review_interval_days=1)
    daily_sales(latte.id, "A-01-02", opening=5000, per_day=STEADY + [4, 6] * 10 + [5])
    # What the nightly runs of the last 20 days stored: 5 a day for both (then a new customer came for tea).
    earlier = [
        {
            "item_id": i,
            "site_id": site.id,
            "day": TODAY - timedelta(days=d),
            "made_on": TODAY - timedelta(days=d + 1),
            "method": "level",
            "quantity": 5.0,
        }
        for i in (tea.id, latte.id)
        for d in range(1, 21)
    ]
    db.session.execute(Forecast.__table__.insert(), earlier)
    db.session.commit()

    recompute(today=TODAY, period_days=120)

    tea_fit, latte_fit = fit_of(tea.id), fit_of(latte.id)
    assert tea_fit.accuracy_days == 20 and tea_fit.bias == pytest.approx(-10.0)
    assert tea_fit.tracking_signal == pytest.approx(-20.0) and tea_fit.drifted
    assert not latte_fit.drifted and latte_fit.mae == pytest.approx(1.0, abs=0.1)
    board = forecast_dashboard()
    assert [d["item_code"] for d in board["drifted"]] == ["TEA-SENCHA"]
    by_method = {g["key"]: g for g in board["by_method"]}
    assert by_method["level"]["days"] == 40
    assert by_method["level"]["bias"] == pytest.approx((-10 * 20 + 0) / 40)
    assert by_method["level"]["mae"] == pytest.approx((10 * 20 + 1 * 20) / 40)
    assert {g["key"] for g in board["by_class"]} <= {"A", "B", "C"}
    assert sum(g["days"] for g in board["by_class"]) == 40
    page = item_forecasts(tea.id)[site.id]
    assert page["fit"].drifted and len(page["ahead"]) == HORIZON_DAYS


def test_an_item_received_but_never_sold_stores_no_forecast_days_and_says_none(app):
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=900, per_day=STEADY)
    latte = make_item("LATTE-MATCHA", "抹茶ラテ 10本入", "4901234567894", lead_time_days=3, review_interval_days=1)
    daily_sales(latte.id, "A-01-02", opening=120, per_day=[0] * 60)

    summary = recompute(today=TODAY, period_days=90)

    assert fit_of(latte.id).method == "none" and fit_of(latte.id).next_days_total == 0
    assert stored(latte.id) == [] and summary["forecast_rows"] == HORIZON_DAYS
