"""Setting up items and suppliers: every field bounded the same way for the API and the office, each change audited."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.builders import make_item, make_supplier, make_user
from webapp.errors import Conflict, InvalidInput
from webapp.extensions import db
from webapp.models import AuditEvent, Item, Supplier
from webapp.services.catalog import (
    create_item,
    create_supplier,
    list_suppliers,
    set_item_active,
    update_item,
    update_supplier,
)

TEA = {"code": "SENCHA-100", "name": "静岡煎茶 100g", "name_en": "Shizuoka sencha 100 g", "unit": "袋"}


@pytest.fixture
def manager(app):
    return make_user("suzuki", "manager")[0]


def _events(kind: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.object_kind == kind).order_by(AuditEvent.id)))


def test_an_item_typed_into_a_form_is_read_bounded_and_recorded(manager):
    supplier = make_supplier()
    fields = TEA | {"unit_cost": "1,280", "unit_price": "1980", "service_level": Decimal("0.97"), "lead_time_days": "5",
                    "max_stock": "", "supplier_id": str(supplier.id), "reduced_tax": True}  # fmt: skip
    item = db.session.get(Item, create_item(fields, [{"code": "4901234567894"}], user_id=manager))
    assert (item.unit_cost, item.unit_price, item.lead_time_days) == (Decimal(1280), Decimal(1980), 5)
    assert item.max_stock is None and item.supplier_id == supplier.id and item.reduced_tax
    assert [b.raw for b in item.barcodes] == ["4901234567894"]
    [created] = _events("item")
    assert created.action == "create" and created.user_id == manager and created.object_label == "SENCHA-100"
    assert created.changes["unit_price"] == {"old": None, "new": "1980"}


def test_a_duplicate_item_code_is_refused_and_nothing_is_recorded(manager):
    make_item("SENCHA-100", "静岡煎茶 100g", None)
    with pytest.raises(Conflict) as refused:
        create_item(TEA, user_id=manager)
    assert refused.value.fields == {"code": ["already used"]}
    assert db.session.scalar(select(func.count()).select_from(Item)) == 1 and _events("item") == []


def test_a_jan_with_a_wrong_check_digit_refuses_the_whole_new_item(manager):
    with pytest.raises(InvalidInput) as refused:
        create_item(TEA, [{"code": "4901234567890"}], user_id=manager)
    assert refused.value.code == "bad_check_digit" and "barcodes_in" in refused.value.fields
    assert db.session.scalar(select(func.count()).select_from(Item)) == 0


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("unit_price", "-1", "out of range"),
        ("unit_cost", "千円", "not a number"),
        ("service_level", Decimal("0.4"), "out of range"),
        ("service_level", Decimal("1"), "out of range"),
        ("lead_time_days", "366", "out of range"),
        ("min_order_qty", "0", "out of range"),
        ("order_multiple", "2.5", "not a whole number"),
        ("name", "", "required"),
        ("name_en", "x" * 201, "too long"),
        ("stock_class", "service", "unknown choice"),
        ("safety_stock", "NaN", "not a number"),
    ],
)
def test_a_field_out_of_its_bounds_is_named_and_the_item_is_not_changed(manager, field, value, problem):
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    with pytest.raises(InvalidInput) as refused:
        update_item(item.id, {field: value}, user_id=manager)
    assert refused.value.fields == {field: [problem]}
    db.session.expire_all()
    assert db.session.get(Item, item.id).version == 1 and _events("item") == []


def test_an_edit_records_only_the_fields_that_changed_with_old_and_new(manager):
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    update_item(item.id, {"name": "静岡煎茶 100g", "reorder_point": "12", "service_level": Decimal("0.99")}, 1, manager)
    [edit] = _events("item")
    assert set(edit.changes) == {"reorder_point", "service_level"}
    assert edit.changes["reorder_point"]["new"] == 12 and edit.changes["service_level"]["new"] == "0.99"


def test_an_edit_over_someone_elses_change_is_refused(manager):
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    update_item(item.id, {"reorder_point": 12}, 1, manager)
    with pytest.raises(Conflict):
        update_item(item.id, {"reorder_point": 20}, 1, manager)
    assert db.session.get(Item, item.id).reorder_point == 12


def test_renaming_an_item_code_to_one_taken_is_refused(manager):
    make_item("SENCHA-100", "静岡煎茶 100g", None)
    other = make_item("GENMAI-200", "玄米茶 200g", None)
    with pytest.raises(Conflict):
        update_item(other.id, {"code": "SENCHA-100"}, user_id=manager)


def test_deactivating_and_reactivating_an_item_is_recorded(manager):
    item = make_item("SENCHA-100", "静岡煎茶 100g", None)
    set_item_active(item.id, False, manager)
    set_item_active(item.id, True, manager)
    assert [e.changes["active"] for e in _events("item")] == [{"old": True, "new": False}, {"old": False, "new": True}]


def test_a_supplier_with_contact_fax_and_minimum_order_is_created_and_edited(manager):
    supplier_id = create_supplier(
        {"code": "YAMADA", "name": "株式会社山田商事", "contact": "山田 花子", "email": "order@yamada.example.jp",
         "phone": "03-1234-5678", "fax": "03-1234-5679", "lead_time_days": "4", "min_order_amount": "10,000"},
        user_id=manager,
    )  # fmt: skip
    update_supplier(supplier_id, {"fax": "", "min_order_amount": "5000", "language": "en"}, user_id=manager)
    supplier = db.session.get(Supplier, supplier_id)
    assert (supplier.contact, supplier.fax, supplier.min_order_amount) == ("山田 花子", None, Decimal(5000))
    assert supplier.language == "en" and [s.code for s in list_suppliers()] == ["YAMADA"]
    created, edited = _events("supplier")
    assert created.action == "create" and edited.changes["fax"] == {"old": "03-1234-5679", "new": None}


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({"code": "YAMADA", "name": "山田商事", "email": "yamada-at-example"}, {"email": ["not an e-mail address"]}),
        ({"code": "YAMADA", "name": "山田商事", "min_order_amount": "-100"}, {"min_order_amount": ["out of range"]}),
        ({"code": "YAMADA", "name": ""}, {"name": ["required"]}),
        ({"code": "YAMADA", "name": "山田商事", "fax": "0" * 41}, {"fax": ["too long"]}),
    ],
)
def test_a_supplier_field_that_does_not_fit_is_named_and_nothing_saved(manager, fields, problems):
    with pytest.raises(InvalidInput) as refused:
        create_supplier(fields, user_id=manager)
    assert refused.value.fields == problems
    assert list_suppliers() == [] and _events("supplier") == []


def test_a_duplicate_supplier_code_is_refused(manager):
    make_supplier("YAMADA", "株式会社山田商事")
    with pytest.raises(Conflict):
        create_supplier({"code": "YAMADA", "name": "山田物産"}, user_id=manager)
    other = create_supplier({"code": "KIKUCHI", "name": "菊池商事"}, user_id=manager)
    with pytest.raises(Conflict):
        update_supplier(other, {"code": "YAMADA"}, user_id=manager)
