"""The stock CSV an office downloads cannot run a formula in Excel, whatever an item's name or note says."""

import csv
import io

from tests.builders import make_item, make_site, make_user
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales
from tests.web.helpers import PASSWORD, log_in
from webapp.services.stock import StockFilter, stock_csv, stock_table

HYPERLINK = '=HYPERLINK("http://x","y")'
DDE = "+cmd|' /C calc'!A0"


def hostile_shop():
    """An item whose name and note were typed to run in Excel, picked below zero this month (6 out of 2)."""
    make_site()
    item = make_item("EVIL-1", HYPERLINK, "4901234567894", note=DDE)
    daily_sales(item.id, "A-01-01", opening=2, per_day=[3, 2, 1])
    return item


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_stock_csv_quotes_a_formula_name_and_a_dde_note_and_keeps_negative_numbers(app):
    hostile_shop()
    rows = rows_of(stock_csv(stock_table(StockFilter(TODAY.replace(day=1), TODAY)), ["-header"] + ["x"] * 12))
    assert rows[0][0] == "'-header"
    (line,) = rows[1:]
    assert line[1] == "'" + HYPERLINK and line[12] == "'" + DDE
    assert line[0] == "EVIL-1"
    assert line[6] == "6" and line[8] == "-4"  # issued, and a current stock below zero: still a number


def test_the_office_download_is_neutralised_too(app, client):
    hostile_shop()
    make_user("kobayashi", "owner", PASSWORD)
    log_in(client, "kobayashi")
    response = client.get(f"/office/stock.csv?from={TODAY.replace(day=1)}&to={TODAY}")
    assert response.status_code == 200
    (line,) = rows_of(response.data)[1:]
    assert line[1] == "'" + HYPERLINK and line[12] == "'" + DDE and line[8] == "-4"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows_of(response.data) for cell in row)
