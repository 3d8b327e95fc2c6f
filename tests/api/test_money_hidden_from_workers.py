"""A worker's token sees no cost, price or value anywhere in the API; a manager's sees them where they are."""

import pytest

from tests.route_walk import busy_shop, get_urls
from tests.web.helpers import log_in

# The money fields the API answers with today, named here on their own so the test does not trust the filter's list.
MONEY = {"unit_cost", "unit_price", "amount", "total", "value", "variance_value"}


def keys_of(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in keys_of(v)}
    if isinstance(data, list):
        return {k for v in data for k in keys_of(v)}
    return set()


@pytest.fixture
def shop(app):
    return busy_shop()


def answers(client, shop, role: str, urls) -> dict:
    token = shop["users"][role][1]
    return {url: client.get(url, headers={"Authorization": f"Bearer {token}"}) for url in urls}


def test_no_get_route_gives_a_worker_money_that_it_gives_a_manager(app, client, shop):
    urls = [u for u in get_urls(app, shop["ids"], "/api/") if not u.endswith(("openapi.json", "/pdf"))]
    worker = {u: r for u, r in answers(client, shop, "worker", urls).items() if r.status_code == 200 and r.is_json}
    manager = answers(client, shop, "manager", worker)
    seen_by_manager = set()
    for url, answer in worker.items():
        theirs = keys_of(manager[url].get_json())
        seen_by_manager |= theirs & MONEY
        assert not keys_of(answer.get_json()) & MONEY, url
        assert keys_of(answer.get_json()) <= theirs, url  # a blind count shows a worker less still
    assert {"/api/v1/items", "/api/v1/movements", "/api/v1/reference"} <= set(worker)
    assert {"unit_cost", "unit_price", "value"} <= seen_by_manager


def test_a_worker_sees_an_items_name_and_order_settings_but_not_its_cost_or_price(client, shop):
    worker, manager = (
        answers(client, shop, r, [f"/api/v1/items/{shop['ids']['item_id']}"]) for r in ("worker", "manager")
    )
    (mine,), (theirs,) = (a.values() for a in (worker, manager))
    assert theirs.get_json()["unit_cost"] == "380.0000" and theirs.get_json()["unit_price"] == "864.0000"
    assert mine.get_json()["name"] == "静岡煎茶 100g" and "unit_cost" not in mine.get_json()
    assert (
        "unit_price" not in mine.get_json() and mine.get_json()["min_order_qty"] == theirs.get_json()["min_order_qty"]
    )


def test_no_page_a_worker_can_open_shows_a_yen_amount(app, client, shop):
    log_in(client, "worker-kimura")
    pages = [u for u in get_urls(app, shop["ids"]) if not u.startswith("/api/") and not u.endswith((".csv", "/pdf"))]
    opened = {u: client.get(u) for u in pages}
    shown = [u for u, r in opened.items() if r.status_code == 200 and r.mimetype == "text/html"]
    assert "/" in shown and "/lookup" in shown and "/workflows/" in shown
    assert [
        u for u in shown if "¥" in opened[u].get_data(as_text=True) or "円" in opened[u].get_data(as_text=True)
    ] == []
