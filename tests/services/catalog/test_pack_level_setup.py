"""An item's packs set up whole: 緑茶 in inners of 6 and cases of 24; its case code stands for exactly one case."""

import pytest
from sqlalchemy import select

from tests.builders import make_item
from webapp.errors import InvalidInput
from webapp.extensions import db
from webapp.models import Barcode, Item
from webapp.services.catalog import add_barcode, create_item, update_item

TEA_CASE, TEA_INNER = "14987654321091", "24987654321098"  # GTIN-14s built on the JAN 4987654321094


@pytest.fixture
def tea(app):
    return make_item("GREEN-TEA", "緑茶 500ml", "4987654321094", name_en="Green tea 500 ml", unit_cost="80")


def fresh(item_id):
    db.session.expire_all()
    return db.session.get(Item, item_id)


def test_pack_levels_are_kept_and_recorded_with_the_item(tea):
    update_item(tea.id, {"inner_qty": "6", "case_qty": 24, "order_in": "case"})
    item = fresh(tea.id)
    assert (item.inner_qty, item.case_qty, item.order_in) == (6, 24, "case")
    update_item(tea.id, {"inner_qty": "", "case_qty": "", "order_in": "each"})  # an empty field takes a level away
    item = fresh(tea.id)
    assert (item.inner_qty, item.case_qty, item.order_in) == (None, None, "each")


@pytest.mark.parametrize(
    ("fields", "code", "field", "problem"),
    [
        ({"inner_qty": 6, "case_qty": 20}, "case_not_multiple_of_inner", "case_qty", "not a multiple of the inner"),
        ({"inner_qty": 12, "case_qty": 12}, "case_not_multiple_of_inner", "case_qty", "not a multiple of the inner"),
        ({"case_qty": 1}, "invalid", "case_qty", "out of range"),
        ({"inner_qty": 100_001}, "invalid", "inner_qty", "out of range"),
        ({"case_qty": "1.5"}, "invalid", "case_qty", "not a whole number"),
        ({"order_in": "case"}, "no_case_level", "order_in", "no such pack"),
        ({"order_in": "pallet"}, "invalid", "order_in", "unknown choice"),
    ],
)
def test_pack_levels_that_do_not_fit_are_refused_and_nothing_changes(tea, fields, code, field, problem):
    with pytest.raises(InvalidInput) as refused:
        update_item(tea.id, fields)
    assert refused.value.code == code and refused.value.fields == {field: [problem]}
    item = fresh(tea.id)
    assert (item.inner_qty, item.case_qty, item.order_in) == (None, None, "each")


def test_a_new_item_with_a_case_it_cannot_order_in_is_not_created(app):
    with pytest.raises(InvalidInput):
        create_item({"code": "SENCHA", "name": "静岡煎茶 100g", "inner_qty": 10, "order_in": "case"})
    assert db.session.scalar(select(Item).where(Item.code == "SENCHA")) is None


def test_a_case_code_stands_for_exactly_one_case_of_the_item(tea):
    update_item(tea.id, {"inner_qty": 6, "case_qty": 24})
    with pytest.raises(InvalidInput) as refused:
        add_barcode(tea.id, TEA_CASE, 12)
    assert refused.value.code == "pack_qty_not_a_level"
    add_barcode(tea.id, TEA_CASE, 24)
    add_barcode(tea.id, TEA_INNER, 6)
    packs = dict(db.session.execute(select(Barcode.raw, Barcode.pack_qty).where(Barcode.item_id == tea.id)).all())
    assert packs == {"4987654321094": 1, TEA_CASE: 24, TEA_INNER: 6}


def test_a_pack_level_is_not_changed_away_from_under_its_barcode(tea):
    update_item(tea.id, {"case_qty": 24})
    add_barcode(tea.id, TEA_CASE, 24)
    with pytest.raises(InvalidInput) as refused:
        update_item(tea.id, {"case_qty": 12})
    assert refused.value.code == "pack_code_stranded" and fresh(tea.id).case_qty == 24


def test_an_item_without_pack_levels_keeps_its_old_free_pack_codes(tea):
    add_barcode(tea.id, TEA_CASE, 12)  # no levels set: any units per scan, as before pack levels existed
    with pytest.raises(InvalidInput) as refused:
        update_item(tea.id, {"case_qty": 24})
    assert refused.value.code == "pack_code_stranded"
    update_item(tea.id, {"case_qty": 12})
    assert fresh(tea.id).case_qty == 12


def test_an_imported_case_code_must_stand_for_one_of_the_items_packs(tea):
    from webapp.services.catalog import import_csv

    update_item(tea.id, {"inner_qty": 6, "case_qty": 24})
    report = import_csv("barcodes", f"item_code,barcode,pack_qty\nGREEN-TEA,{TEA_CASE},12\n")
    assert [(e["row"], e["field"], e["code"], e["message"]) for e in report["errors"]] == [
        (2, "pack_qty", "pack_not_a_level", "not one of the item's packs: 1, 6, 24")
    ]
    assert import_csv("barcodes", f"item_code,barcode,pack_qty\nGREEN-TEA,{TEA_CASE},24\n")["errors"] == []
    assert db.session.scalar(select(Barcode.pack_qty).where(Barcode.raw == TEA_CASE)) == 24
