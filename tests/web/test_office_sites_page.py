"""The office's sites and bins page: create, rename, in-place bin fields, refusals in the manager's language."""

import pytest
from sqlalchemy import select

from tests.builders import actor, make_item, make_site, make_user, scan
from tests.web.helpers import PASSWORD, log_in
from webapp.extensions import db
from webapp.models import Location, Site
from webapp.services.scanning import apply_scans


@pytest.fixture
def office(app, client):
    make_user("kobayashi", "owner", PASSWORD)
    return {"client": client, "csrf": log_in(client, "kobayashi")}


def _bin(code: str) -> Location:
    return db.session.scalar(select(Location).where(Location.code == code))


def post(office, url, lang="ja", headers=None, **form):
    return office["client"].post(
        url, data={"csrf_token": office["csrf"], **form}, headers={"Accept-Language": lang, **(headers or {})}
    )


def test_an_owner_creates_a_site_and_its_bins_from_the_page(office):
    answer = post(office, "/office/sites", code="OSK", name="大阪倉庫", kind="warehouse")
    assert answer.status_code == 303
    site = db.session.scalar(select(Site).where(Site.code == "OSK"))
    assert (
        post(office, f"/office/sites/{site.id}/bins", code="OSK-A-01", name="A棚", zone="A", walk_seq="10").status_code
        == 303
    )
    page = office["client"].get("/office/sites").get_data(as_text=True)
    assert "大阪倉庫" in page and 'data-code="OSK-A-01"' in page and 'data-code="OSK-RCV"' in page
    assert "/workflows/labels?what=bins&amp;bins=OSK-A-01" in page


def test_a_duplicate_site_code_is_a_422_in_japanese_and_in_english(office):
    make_site("TKY")
    ja = post(office, "/office/sites", code="TKY", name="東京第二倉庫")
    en = post(office, "/office/sites", lang="en", code="TKY", name="Tokyo 2")
    assert ja.status_code == en.status_code == 422
    assert "そのコードはすでに使われています" in ja.get_data(as_text=True)
    assert "That code is already used" in en.get_data(as_text=True)
    assert db.session.scalar(select(Site.name).where(Site.code == "TKY")) == "東京倉庫"


def test_a_duplicate_bin_code_keeps_what_was_typed(office):
    site = make_site("TKY", bins=("A-01-01",))
    answer = post(office, f"/office/sites/{site.id}/bins", code="A-01-01", name="二重の棚")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422 and 'value="二重の棚"' in page


def test_a_bin_field_saves_on_change_and_answers_its_row(office):
    make_site("TKY", bins=("A-01-01",))
    shelf = _bin("A-01-01")
    answer = post(office, f"/office/bins/{shelf.id}", headers={"HX-Request": "true"}, field="walk_seq", walk_seq="35")
    row = answer.get_data(as_text=True)
    assert answer.status_code == 200 and row.startswith('<form class="bin-row"') and 'value="35"' in row
    assert _bin("A-01-01").walk_seq == 35


def test_a_bad_walk_order_is_refused_in_the_row_and_changes_nothing(office):
    make_site("TKY", bins=("A-01-01",))
    shelf = _bin("A-01-01")
    answer = post(office, f"/office/bins/{shelf.id}", headers={"HX-Request": "true"}, field="walk_seq", walk_seq="abc")
    assert answer.status_code == 422 and "0から999999" in answer.get_data(as_text=True)
    assert _bin("A-01-01").walk_seq == 10


def test_deactivating_a_bin_with_stock_is_refused_naming_the_stock(office):
    make_site("TKY", bins=("A-01-01",))
    make_item("TOWEL-IMABARI", "今治タオル", "4901234567894", name_en="Imabari towel")
    worker = make_user("sato", "worker")[0]
    apply_scans([scan("receive", code="4901234567894", quantity=6, location="A-01-01")], actor(worker))
    shelf = _bin("A-01-01")
    answer = post(office, f"/office/bins/{shelf.id}/active", headers={"HX-Request": "true"}, active="0")
    text = answer.get_data(as_text=True)
    assert answer.status_code == 422 and "今治タオル（TOWEL-IMABARI）6" in text and "A-01-01" in text
    assert _bin("A-01-01").active
    english = post(office, f"/office/bins/{shelf.id}/active", lang="en", active="0")
    assert english.status_code == 422 and "still holds stock: Imabari towel (TOWEL-IMABARI) 6" in english.get_data(
        as_text=True
    )


def test_a_site_with_active_bins_is_not_deactivated(office):
    site = make_site("TKY", bins=("A-01-01",))
    answer = post(office, f"/office/sites/{site.id}/active", active="0")
    assert answer.status_code == 422 and "A-01-01" in answer.get_data(as_text=True)
    post(office, f"/office/bins/{_bin('A-01-01').id}/active", active="0")
    assert post(office, f"/office/sites/{site.id}/active", active="0").status_code == 303
    assert not db.session.get(Site, site.id).active


def test_a_worker_may_not_open_or_change_sites(app, client):
    site = make_site("TKY")
    make_user("sato", "worker", PASSWORD)
    token = log_in(client, "sato")
    assert client.get("/office/sites").status_code == 403
    answer = client.post(f"/office/sites/{site.id}", data={"csrf_token": token, "name": "乗っ取り"})
    assert answer.status_code == 403 and db.session.get(Site, site.id).name == "東京倉庫"


def test_the_bins_screen_offers_a_quarantine_bin_and_makes_one(office):
    site = make_site("TKY", bins=("A-01-01",))
    page = office["client"].get("/office/sites").get_data(as_text=True)
    assert '<option value="quarantine"' in page and "隔離棚（ピッキング対象外）" in page
    answer = post(office, f"/office/sites/{site.id}/bins", code="Q-01", name="隔離棚", kind="quarantine")
    assert answer.status_code == 303 and _bin("Q-01").kind == "quarantine"
