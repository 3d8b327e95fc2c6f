"""The office pages as a manager sees them: stock list with filters and CSV, item page, dashboard, suggestions."""

import csv
import io
import re

import pytest

from tests.builders import make_user
from tests.web.helpers import PASSWORD, log_in
from webapp.services.catalog import seed_demo
from webapp.services.replenishment import recompute


@pytest.fixture
def office(app, client):
    seed_demo()
    recompute()
    make_user("kobayashi", "owner", PASSWORD)
    make_user("sato", "worker", PASSWORD)
    log_in(client, "kobayashi")
    return client


def test_a_worker_may_not_open_the_office(app, client):
    seed_demo()
    make_user("sato", "worker", PASSWORD)
    log_in(client, "sato")
    assert client.get("/office/stock").status_code == 403


def test_the_stock_list_shows_the_articles_columns_and_filters(office):
    page = office.get("/office/stock?lang=ja").get_data(as_text=True)
    assert "RETRO-CLOCK" in page and "every 30s" in page
    low = office.get("/office/stock?below=1", headers={"HX-Request": "true"})
    assert "HX-Request" in low.headers["Vary"] and "<html" not in low.get_data(as_text=True)
    materials = office.get("/office/stock?class=material&q=BOX").get_data(as_text=True)
    assert "BOX-60" in materials and "RETRO-CLOCK" not in materials


def test_the_stock_csv_is_utf8_with_a_bom_and_japanese_names(office):
    response = office.get("/office/stock.csv?q=TEA")
    assert response.data.startswith(b"\xef\xbb\xbf") and "text/csv" in response.headers["Content-Type"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows[0]) == 13 and {r[0] for r in rows[1:]} == {"TEA-SENCHA", "TEA-HOJI"}
    assert "静岡煎茶 100g" in {r[1] for r in rows[1:]}


def test_the_item_page_draws_the_chart_and_explains_the_reorder_point(office):
    from sqlalchemy import select

    from webapp.extensions import db
    from webapp.models import Item

    tea = db.session.scalar(select(Item).where(Item.code == "TEA-SENCHA"))
    page = office.get(f"/office/items/{tea.id}").get_data(as_text=True)
    assert "<svg" in page and "stock-path" in page and "level-rop" in page
    assert "z = 1.645" in page or "z = 1.645".replace(".", ",") in page


def test_the_dashboard_and_the_suggestions_render(office):
    dashboard = office.get("/office/").get_data(as_text=True)
    assert "kpi-value" in dashboard and "<svg" in dashboard
    suggestions = office.get("/office/suggestions").get_data(as_text=True)
    assert "Draft" in suggestions or "発注" in suggestions
    assert office.get("/office/alerts").status_code == 200
    assert office.get("/office/import").status_code == 200
    assert office.get("/office/notifications").status_code == 200


def test_recompute_and_drafting_from_the_pages(office):
    token = re.search(r'name="csrf-token" content="([^"]+)"', office.get("/office/").get_data(as_text=True)).group(1)
    assert office.post("/office/recompute", data={"csrf_token": token}).status_code == 303
    assert office.post("/office/suggestions/draft", data={"csrf_token": token}).status_code == 303
    again = office.get("/office/suggestions").get_data(as_text=True)
    assert "On a draft order" in again or "下書き" in again


def test_recompute_goes_back_to_the_page_it_came_from_but_never_to_another_site(office):
    token = re.search(r'name="csrf-token" content="([^"]+)"', office.get("/office/").get_data(as_text=True)).group(1)
    back = office.post("/office/recompute", data={"csrf_token": token, "next": "/office/suggestions"})
    assert back.status_code == 303 and back.headers["Location"].endswith("/office/suggestions")
    for elsewhere in ("https://evil.example/office", "//evil.example/", "/\\evil.example"):
        answer = office.post("/office/recompute", data={"csrf_token": token, "next": elsewhere})
        assert answer.status_code == 303 and answer.headers["Location"].endswith("/office/"), elsewhere
