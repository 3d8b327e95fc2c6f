"""The stock list of the articles: opening, received, issued and current stock for a period, per item and site."""

import csv
import io
from datetime import timedelta

from tests.builders import make_item
from tests.services.replenishment.test_replenishment_data import TODAY, at, bin_id, daily_sales, post, tea_shop
from webapp.services.replenishment import recompute
from webapp.services.stock import StockFilter, stock_csv, stock_table

WEEK_AGO = TODAY - timedelta(days=6)


def shop(app):
    _site, tea = tea_shop()
    clock = make_item("RETRO-CLOCK", "レトロ置時計", "4901234567894", stock_class="product", max_stock=20)
    box = make_item("BOX-60", "段ボール箱 60サイズ", "4912345000293", stock_class="material", reorder_point=50)
    daily_sales(tea.id, "A-01-01", opening=100, per_day=[3] * 14)
    post(
        [
            {
                "type": "receive",
                "item_id": clock.id,
                "location_id": bin_id("A-01-02"),
                "quantity": 30,
                "occurred_at": at(TODAY, 9),
            },
            {
                "type": "receive",
                "item_id": box.id,
                "location_id": bin_id("B-02-01"),
                "quantity": 40,
                "occurred_at": at(WEEK_AGO, 9),
            },
            {
                "type": "adjust",
                "item_id": box.id,
                "location_id": bin_id("B-02-01"),
                "quantity": -2,
                "occurred_at": at(TODAY, 9),
                "note": "破損 damaged",
            },
        ]
    )
    return tea, clock, box


def test_the_period_columns_add_up_to_the_current_stock(app):
    shop(app)
    rows = {r["item_code"]: r for r in stock_table(StockFilter(WEEK_AGO, TODAY))}
    tea = rows["TEA-SENCHA"]
    assert (tea["opening"], tea["received"], tea["issued"], tea["current"]) == (100 - 3 * 7, 0, 21, 58)
    box = rows["BOX-60"]
    assert (box["opening"], box["received"], box["issued"], box["adjusted"], box["current"]) == (0, 40, 0, -2, 38)
    assert box["below_rop"] and box["order_qty"] > 0


def test_filters_for_class_text_below_reorder_point_and_overstock(app):
    shop(app)
    codes = lambda **kw: [r["item_code"] for r in stock_table(StockFilter(WEEK_AGO, TODAY, **kw))]  # noqa: E731
    assert codes(stock_class="material") == ["BOX-60"]
    assert codes(q="煎茶") == ["TEA-SENCHA"] and codes(q="4901234567894") == ["RETRO-CLOCK"]
    assert codes(below_rop=True) == ["BOX-60"]
    assert codes(overstock=True) == ["RETRO-CLOCK"]
    assert codes(sort="current", descending=True) == ["TEA-SENCHA", "BOX-60", "RETRO-CLOCK"]


def test_the_engine_reorder_point_replaces_the_item_field_once_computed(app):
    _tea, _clock, _box = shop(app)
    recompute(today=TODAY, period_days=14)
    row = next(r for r in stock_table(StockFilter(WEEK_AGO, TODAY)) if r["item_code"] == "TEA-SENCHA")
    assert row["reorder_point"] >= 9 and row["safety_stock"] >= 0  # 3 a day x 3 days, plus protection


def test_the_csv_opens_in_excel_with_japanese_names(app):
    shop(app)
    data = stock_csv(stock_table(StockFilter(WEEK_AGO, TODAY)), ["品目コード", "品目名"] + ["x"] * 11)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:2] == ["品目コード", "品目名"] and rows[1][:2] == ["BOX-60", "段ボール箱 60サイズ"]
