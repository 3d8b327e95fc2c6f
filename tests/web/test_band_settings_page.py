"""The days-of-stock bands page: a manager sets a category's band, refusals in the page's language, workers kept out."""

import pytest

from tests.builders import make_user
from tests.web.helpers import PASSWORD, log_in
from webapp.services.replenishment import category_bands


@pytest.fixture
def office(app, client):
    make_user("tanaka", "manager", PASSWORD)
    return {"client": client, "csrf": log_in(client, "tanaka")}


def post(office, category, lang="ja", **form):
    return office["client"].post(
        f"/office/bands/{category}", data={"csrf_token": office["csrf"], **form}, headers={"Accept-Language": lang}
    )


def test_the_page_lists_every_banded_category_with_its_band_in_japanese(office):
    page = office["client"].get("/office/bands", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert "在庫日数の目安" in page and "生鮮食品" in page and 'id="band-fresh_food"' in page
    assert 'value="2"' in page and 'value="7"' in page and "標準の目安です。" in page


def test_a_manager_sets_a_band_and_the_item_form_shows_it(office):
    answer = post(office, "fresh_food", low_days="3", high_days="10")
    assert answer.status_code == 303 and answer.location.endswith("#band-fresh_food")
    assert category_bands()["fresh_food"] == (3, 10)
    page = office["client"].get(answer.location, headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert "保存しました。" in page and "2〜7 日に戻す" in page
    form = office["client"].get("/office/items/new", headers={"Accept-Language": "ja"}).get_data(as_text=True)
    assert "在庫 3〜10 日分" in form and "/office/bands" in form


def test_a_band_upside_down_is_refused_in_the_managers_language_and_kept_as_typed(office):
    answer = post(office, "fresh_food", low_days="9", high_days="4")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422 and "上限は下限より大きくしてください。" in page and 'value="9"' in page
    english = post(office, "fresh_food", lang="en", low_days="x", high_days="4").get_data(as_text=True)
    assert "Enter whole days (0, 1, 2...)." in english
    assert category_bands()["fresh_food"] == (2, 7)


def test_going_back_to_the_reference_band(office):
    post(office, "apparel", low_days="20", high_days="45")
    assert post(office, "apparel", reset="1").status_code == 303 and category_bands()["apparel"] == (30, 60)


def test_an_unknown_category_is_refused_and_a_worker_cannot_open_the_page(office, client):
    assert post(office, "general", low_days="1", high_days="5").status_code == 422
    assert post(office, "x" * 500, low_days="1", high_days="5").status_code == 422
    client.get("/logout")
    make_user("sato", "worker", PASSWORD)
    log_in(client, "sato")
    assert client.get("/office/bands").status_code in (302, 403)
