"""Workflow pages: the phone screens render in both languages; office pages make, review and approve."""

import re

import pytest

from tests.builders import make_item, make_site, make_user
from tests.e2e.helpers import PASSWORD
from webapp.domain.labels import code128_modules, ean13_modules


@pytest.fixture
def office(app, client):
    make_site()
    make_item()
    make_user("suzuki", "manager", PASSWORD)
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"username": "suzuki", "password": PASSWORD, "csrf_token": token_in(page)})
    return client


def token_in(page: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def csrf(client, url):
    return token_in(client.get(url).get_data(as_text=True))


@pytest.mark.parametrize("lang, word", [("ja", "ピッキング"), ("en", "Pick lists")])
def test_the_task_hub_speaks_both_languages(office, lang, word):
    office.set_cookie("lang", lang)
    page = office.get("/workflows/").get_data(as_text=True)
    assert word in page and "wf-i18n" in page


def test_a_manager_makes_an_order_from_the_form_and_sees_its_lines(office):
    token = csrf(office, "/workflows/office/purchase-orders")
    r = office.post(
        "/workflows/office/purchase-orders",
        data={"csrf_token": token, "site": "TKY", "party": "", "lines": "4901234567894, 10"},
    )
    assert r.status_code == 303
    page = office.get(r.headers["Location"]).get_data(as_text=True)
    assert "レトロ置時計" in page and 'data-state="waiting"' in page


def test_a_bad_form_line_is_shown_not_crashed(office):
    token = csrf(office, "/workflows/office/pick-lists")
    r = office.post("/workflows/office/pick-lists", data={"csrf_token": token, "site": "TKY", "lines": "NOPE, 2"})
    assert r.status_code == 200 and "unknown item" in r.get_data(as_text=True)


def test_label_sheet_draws_bins_and_items_with_their_codes(office):
    page = office.get("/workflows/labels?site=TKY").get_data(as_text=True)
    assert 'data-code="A-01-01"' in page and 'data-code="4901234567894"' in page
    assert page.count("<svg") == 5  # receiving bin, three shelf bins, one item


def test_barcode_modules_have_the_standard_shape():
    assert ean13_modules("4901234567894").startswith("101") and len(ean13_modules("490123456789")) == 95
    assert len(code128_modules("A-01-01")) == 11 * 9 + 13  # start, 7 characters, check, then the stop
