"""The stock list and the item page show stock by lot and expiry, an expired lot named so in words."""

import pytest

from tests.builders import make_user
from tests.fefo_fixtures import days_from_today, receive_lot
from tests.web.helpers import PASSWORD, log_in
from tests.workflow_fixtures import build_world
from webapp.extensions import db
from webapp.models import Location


@pytest.fixture
def office(app, client):
    w = build_world()
    w["clock"].category = "manufacturing_parts"
    db.session.execute(Location.__table__.update().where(Location.code == "C-03-01").values(kind="quarantine"))
    db.session.commit()
    receive_lot(w["worker"], "A-01-01", 5, "P-OLD", days_from_today(-2))
    receive_lot(w["worker"], "A-01-02", 7, "P-SOON", days_from_today(20))
    receive_lot(w["worker"], "B-02-01", 9, "P-LATER", days_from_today(200))
    receive_lot(w["worker"], "C-03-01", 1, "P-HELD", days_from_today(-9))
    make_user("kobayashi", "owner", PASSWORD)
    log_in(client, "kobayashi")
    return w, client


def test_the_item_page_lists_each_lot_with_its_expiry_and_says_expired_in_words(office):
    w, client = office
    client.set_cookie("lang", "en")
    page = client.get(f"/office/items/{w['clock'].id}").get_data(as_text=True)
    old = page[page.index("P-OLD") : page.index("</tr>", page.index("P-OLD"))]
    assert days_from_today(-2).isoformat() in old and "Expired" in old
    soon = page[page.index("P-SOON") : page.index("</tr>", page.index("P-SOON"))]
    assert "Expires soon" in soon and "Expired" not in soon
    later = page[page.index("P-LATER") : page.index("</tr>", page.index("P-LATER"))]
    assert "Expire" not in later
    held = page[page.index("P-HELD") : page.index("</tr>", page.index("P-HELD"))]
    assert "Quarantine" in held


def test_the_stock_list_shows_lots_by_expiry_earliest_first_in_japanese(office):
    _, client = office
    client.set_cookie("lang", "ja")
    page = client.get("/office/stock").get_data(as_text=True)
    assert "賞味期限順のロット" in page
    assert page.index("P-HELD") < page.index("P-OLD") < page.index("P-SOON") < page.index("P-LATER")
    old = page[page.index("P-OLD") : page.index("</tr>", page.index("P-OLD"))]
    assert "期限切れ" in old
