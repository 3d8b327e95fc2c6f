"""Read side of the stored forecasts: accuracy per method and per ABC class, drifted rows, an item's forecast and why."""

from sqlalchemy import and_, func, select

from ...domain.forecast_accuracy import DRIFT_LIMIT, DRIFT_MIN_DAYS
from ...domain.forecast_choice import HOLDOUT_DAYS, MIN_HOLDOUT_HISTORY
from ...extensions import db
from ...models import Forecast, ForecastFit, Item, ReplenishmentResult, Site
from .forecasts import ACCURACY_DAYS


def _grouped(key, site_id: int | None) -> list[dict]:
    """MAE, bias and MASE pooled over every scored day of the stored forecasts, by `key`."""
    err = Forecast.actual - Forecast.quantity
    stmt = (
        select(
            key,
            func.count(),
            func.avg(func.abs(err)),
            func.avg(Forecast.quantity - Forecast.actual),
            func.avg(func.abs(err) / ForecastFit.scale),
        )
        .join(ForecastFit, and_(ForecastFit.item_id == Forecast.item_id, ForecastFit.site_id == Forecast.site_id))
        .join(
            ReplenishmentResult,
            and_(ReplenishmentResult.item_id == Forecast.item_id, ReplenishmentResult.site_id == Forecast.site_id),
        )
        .where(Forecast.actual.is_not(None))
        .group_by(key)
        .order_by(key)
    )
    if site_id:
        stmt = stmt.where(Forecast.site_id == site_id)
    return [
        {"key": k, "days": n, "mae": float(mae), "bias": float(bias), "mase": None if mase is None else float(mase)}
        for k, n, mae, bias, mase in db.session.execute(stmt)
    ]


def forecast_dashboard(site_id: int | None = None, limit: int = 8) -> dict:
    """Accuracy of the stored day-ahead forecasts by method and by ABC class, and the rows that have drifted."""
    drifted = select(ForecastFit, Item, Site).join(Item, ForecastFit.item_id == Item.id)
    drifted = drifted.join(Site, ForecastFit.site_id == Site.id).where(ForecastFit.drifted.is_(True))
    if site_id:
        drifted = drifted.where(ForecastFit.site_id == site_id)
    rows = db.session.execute(drifted.order_by(func.abs(ForecastFit.tracking_signal).desc()).limit(limit)).all()
    return {
        "by_method": _grouped(Forecast.method, site_id),
        "by_class": _grouped(ReplenishmentResult.abc_class, site_id),
        "drifted": [
            {
                "item_id": i.id,
                "item_code": i.code,
                "item_name": i.name,
                "item_name_en": i.name_en,
                "site_code": s.code,
                "tracking_signal": f.tracking_signal,
                "bias": f.bias,
                "method": f.method,
            }
            for f, i, s in rows
        ],
        "drift_limit": DRIFT_LIMIT,
        "drift_min_days": DRIFT_MIN_DAYS,
        "accuracy_days": ACCURACY_DAYS,
    }


def item_forecasts(item_id: int) -> dict[int, dict]:
    """Site id -> the item's forecast choice and accuracy there, with the days ahead of its last run."""
    fits = db.session.scalars(select(ForecastFit).where(ForecastFit.item_id == item_id))
    out = {
        f.site_id: {"fit": f, "ahead": [], "holdout_days": HOLDOUT_DAYS, "min_history": MIN_HOLDOUT_HISTORY}
        for f in fits
    }
    stored = db.session.execute(
        select(Forecast.site_id, Forecast.day, Forecast.made_on, Forecast.quantity)
        .where(Forecast.item_id == item_id)
        .order_by(Forecast.site_id, Forecast.day)
    ).all()
    latest = {}
    for site_id, _day, made_on, _q in stored:
        latest[site_id] = max(latest.get(site_id, made_on), made_on)
    for site_id, day, _made_on, quantity in stored:
        if site_id in out and day > latest[site_id]:
            out[site_id]["ahead"].append((day, quantity))
    return out
