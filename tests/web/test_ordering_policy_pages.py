"""The ordering policy on the item form and page, the EOQ costs on the company page, the dashboard's
service level against stock value, a learned lead time on the item page: in both languages."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from tests.builders import make_supplier
from tests.services.replenishment.test_learned_lead_times import five_orders
from tests.services.replenishment.test_replenishment_data import TODAY, daily_sales, tea_shop
from tests.web.test_item_setup_pages import TEA_FORM, signed_in
from tests.workflow_fixtures import build_world
from webapp.extensions import db
from webapp.models import CompanyProfile, Item, Supplier
from webapp.services.purchasing import save_eoq_settings
from webapp.services.replenishment import recompute


def test_the_item_form_saves_the_fixed_quantity_policy_with_the_eoq(client):
    token = signed_in(client, "manager")
    _site, tea = tea_shop()
    form = TEA_FORM | {"csrf_token": token, "version": "1", "code": "TEA-SENCHA", "order_policy": "s_Q", "use_eoq": "1"}
    editing = client.get(f"/office/items/{tea.id}/edit").get_data(as_text=True)
    assert "発注方式" in editing and "(s, Q): 発注点で決まった数量 Q を発注（定量発注）" in editing
    assert client.post(f"/office/items/{tea.id}/edit", data=form | {"fixed_order_qty": "60"}).status_code == 303
    db.session.expire_all()
    saved = db.session.get(Item, tea.id)
    assert (saved.order_policy, saved.use_eoq, saved.fixed_order_qty) == ("s_Q", True, 60)


def test_an_unknown_policy_on_the_form_is_a_422_and_changes_nothing(client):
    token = signed_in(client, "manager", "en")
    _site, tea = tea_shop()
    form = TEA_FORM | {"csrf_token": token, "version": "1", "code": "TEA-SENCHA", "order_policy": "EOQ"}
    refused = client.post(f"/office/items/{tea.id}/edit", data=form)
    assert refused.status_code == 422 and "Not one of the choices." in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Item, tea.id).order_policy == "s_S"


def test_the_item_page_offers_the_eoq_once_the_company_page_sets_the_costs(client):
    token = signed_in(client, "owner")
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=300, per_day=[5] * 28)
    recompute(today=TODAY, period_days=28)
    page = client.get(f"/office/items/{tea.id}").get_data(as_text=True)
    assert "経済的発注量なし" in page
    saved = client.post(
        "/workflows/office/company",
        data={"csrf_token": token, "form": "eoq", "ordering_cost": "2,000", "holding_rate_percent": "25"},
    )
    assert saved.status_code == 303
    page = client.get(f"/office/items/{tea.id}").get_data(as_text=True)
    assert "経済的発注量: 277.2" in page  # sqrt(2 x 1825 x 2000 / (0.25 x 380))


def test_eoq_costs_out_of_range_are_refused_in_the_pages_language(client):
    token = signed_in(client, "owner")
    save_eoq_settings("1500", "20")
    refused = client.post(
        "/workflows/office/company",
        data={"csrf_token": token, "form": "eoq", "ordering_cost": "12000000", "holding_rate_percent": "abc"},
    )
    assert refused.status_code == 422
    assert "1回の発注費用は0〜1,000,000円" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(CompanyProfile, 1).ordering_cost == Decimal(1500)


def test_the_dashboard_shows_what_each_service_level_costs_in_both_languages(client):
    signed_in(client, "manager")
    _site, tea = tea_shop()
    daily_sales(tea.id, "A-01-01", opening=300, per_day=[4, 8] * 14)
    recompute(today=TODAY, period_days=28)
    ja = client.get("/office/").get_data(as_text=True)
    assert "サービス率と在庫金額" in ja and "99.5%" in ja and "95%から99%に上げると" in ja
    client.set_cookie("lang", "en")
    en = client.get("/office/").get_data(as_text=True)
    assert "Service level against stock value" in en and "Going from 95 % to 99 %" in en


def test_the_item_page_says_how_many_receipts_the_lead_time_was_learned_from(client):
    world = build_world()
    signed_in(client, "owner", "en")
    five_orders(world)
    daily_sales(world["clock"].id, "A-01-01", opening=200, per_day=[2] * 28)
    recompute(today=date(2026, 11, 20), period_days=28)
    page = client.get(f"/office/items/{world['clock'].id}").get_data(as_text=True)
    assert "Lead time learned from 5 receipts: 4.4 ± 1.1 days (set: 7 days)" in page
    assert db.session.scalar(select(Item.lead_time_days).where(Item.id == world["clock"].id)) == 7


def test_the_suggestions_page_says_a_fixed_quantity_is_ordered_q_at_a_time(client):
    signed_in(client, "manager")
    _site, tea = tea_shop(order_policy="s_Q", fixed_order_qty=100, order_multiple=12, min_order_qty=24)
    daily_sales(tea.id, "A-01-01", opening=150, per_day=[5] * 28)
    recompute(today=TODAY, period_days=28)
    page = client.get("/office/suggestions").get_data(as_text=True)
    assert "が発注点" in page and "1回 100 ずつ発注（12 単位、最低 24）" in page and ">108 " in page


def test_the_supplier_form_keeps_its_own_cost_of_one_order_or_none(client):
    token = signed_in(client, "manager")
    supplier = make_supplier("YAMADA", "株式会社山田商事")
    form = {"csrf_token": token, "code": "YAMADA", "name": "株式会社山田商事", "lead_time_days": "5", "language": "ja"}
    assert client.post(f"/office/suppliers/{supplier.id}", data=form | {"ordering_cost": "3,500"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Supplier, supplier.id).ordering_cost == Decimal(3500)
    page = client.get(f"/office/suppliers/{supplier.id}").get_data(as_text=True)
    assert "1回の発注費用（円、経済的発注量用）" in page and 'value="3500"' in page
    assert client.post(f"/office/suppliers/{supplier.id}", data=form | {"ordering_cost": ""}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Supplier, supplier.id).ordering_cost is None
