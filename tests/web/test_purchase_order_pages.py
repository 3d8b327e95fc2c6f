"""Purchase-order office pages: drafts listed first, a draft edited and confirmed, the PDF button, refusals in Japanese."""

import re

import pytest
from sqlalchemy import select

from tests.builders import make_item, make_site, make_supplier, make_user
from tests.e2e.helpers import PASSWORD
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from webapp.extensions import db
from webapp.models import Task, User
from webapp.services.purchasing import create_purchase_order
from webapp.services.replenishment import recompute

LIST = "/workflows/office/purchase-orders"


@pytest.fixture
def office(app, client):
    make_site()
    supplier = make_supplier("SUP-YAMADA", "株式会社山田商事")
    make_item(supplier_id=supplier.id)
    make_item("SENCHA-100", "静岡煎茶 100g", "4912345678904", order_multiple=6, min_order_qty=12, unit_cost="540")
    make_user("suzuki", "manager", PASSWORD)
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"username": "suzuki", "password": PASSWORD, "csrf_token": token_in(page)})
    client.set_cookie("lang", "ja")
    return client


def token_in(page: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def draft(lines=(("4901234567894", 10),)):
    manager = db.session.scalar(select(User.id).where(User.username == "suzuki"))
    return create_purchase_order("TKY", "SUP-YAMADA", list(lines), manager, draft=True)


def post(office, url, **data):
    token = token_in(office.get(LIST).get_data(as_text=True))
    return office.post(url, data={"csrf_token": token, **data})


def test_the_list_shows_drafts_by_default_and_filters_by_stage(office):
    po = draft()
    number = db.session.get(Task, po).number
    page = office.get(LIST).get_data(as_text=True)
    assert number in page and "下書き" in page and "株式会社山田商事" in page
    sent = office.get(LIST, query_string={"stage": "sent"}).get_data(as_text=True)
    assert number not in sent and "この段階の発注はありません。" in sent


def test_drafting_from_the_suggestions_lands_on_the_drafts_just_made(app, client):
    _site, tea = tea_shop(supplier_id=make_supplier().id, order_multiple=12, min_order_qty=24)
    daily_sales(tea.id, "A-01-01", opening=150, per_day=[5] * 28)  # 10 left: below its reorder point
    recompute(today=TODAY, period_days=28)
    make_user("suzuki", "manager", PASSWORD)
    client.set_cookie("lang", "ja")
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"username": "suzuki", "password": PASSWORD, "csrf_token": token_in(page)})
    token = token_in(client.get("/office/").get_data(as_text=True))
    r = client.post("/office/suggestions/draft", data={"csrf_token": token}, follow_redirects=True)
    assert r.request.path == LIST and r.request.args["stage"] == "draft"
    page = r.get_data(as_text=True)
    assert db.session.scalar(select(Task.number).where(Task.status == "draft")) in page
    assert "1 件の発注書の下書きを作りました。" in page


def test_a_draft_line_is_edited_in_whole_packs_then_the_order_confirmed_and_printed(office):
    po = draft()
    url = f"{LIST}/{po}"
    assert (
        post(office, f"{url}/add-line", item="4912345678904", quantity="5", expected_date="2026-12-10").status_code
        == 303
    )
    page = office.get(url).get_data(as_text=True)
    assert 'value="12"' in page and "静岡煎茶 100g" in page
    assert post(office, f"{url}/confirm").status_code == 303
    page = office.get(url).get_data(as_text=True)
    assert 'data-stage="confirmed"' in page and f"{url}/pdf" in page and 'name="quantity"' not in page
    pdf = office.get(f"{url}/pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert post(office, f"{url}/sent", channel="phone").status_code == 303
    page = office.get(url).get_data(as_text=True)
    assert 'data-stage="sent"' in page and "電話" in page and "suzuki" in page


def test_a_refused_step_is_a_clear_japanese_message_and_changes_nothing(office):
    po = draft()
    url = f"{LIST}/{po}"
    r = post(office, f"{url}/sent", channel="phone")
    assert r.status_code == 409 and "確定した発注だけを送信済みにできます。" in r.get_data(as_text=True)
    line = db.session.get(Task, po).lines[0].id
    r = post(office, f"{url}/line", line=str(line), quantity="0")
    assert r.status_code == 422 and "Only" not in r.get_data(as_text=True)
    r = post(office, f"{url}/line", line=str(line), quantity="3", expected_date="2026-13-45")
    assert r.status_code == 422 and "2026-12-10" in r.get_data(as_text=True)
    assert db.session.get(Task, po).lines[0].quantity == 10


def test_the_company_block_is_saved_and_a_supplier_switched_to_english(office):
    r = post(
        office,
        "/workflows/office/company",
        name="有限会社たなおろし雑貨店",
        fax="03-1234-5679",
        standard_tax_percent="10",
    )
    assert r.status_code == 303
    page = office.get("/workflows/office/company").get_data(as_text=True)
    assert "有限会社たなおろし雑貨店" in page
    r = post(office, "/workflows/office/company", name="x", standard_tax_percent="150")
    assert r.status_code == 422
    supplier = db.session.scalar(select(Task.supplier_id).limit(1)) or 1
    assert post(office, "/workflows/office/company", supplier=str(supplier), language="en").status_code == 303
    assert 'value="en" selected' in office.get("/workflows/office/company").get_data(as_text=True)
