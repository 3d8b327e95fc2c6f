"""CSV import from Japanese Excel: Shift_JIS and BOM'd UTF-8 import alike; every problem of every row is reported."""

from sqlalchemy import select

from tests.builders import make_supplier
from webapp.domain.text_encoding import decode_csv
from webapp.extensions import db
from webapp.models import Item
from webapp.services.catalog import import_csv

HEADER = "code,name,name_en,stock_class,category,unit,unit_cost,unit_price,lead_time_days,min_order_qty,order_multiple,supplier_code\n"
ITEMS = (
    HEADER
    + "TEA-SENCHA,静岡煎茶 100g,Shizuoka sencha,product,supermarket,bag,380,864,2,24,12,SUP-KIKUCHI\n"
    + 'MUG-1,髙島屋マグカップ ①,Mug,product,general,pcs,"1,200",2480,5,1,1,SUP-KIKUCHI\n'
)


def names() -> dict:
    return {i.code: i.name for i in db.session.scalars(select(Item))}


def test_a_shift_jis_file_from_excel_imports_its_japanese_names(app):
    make_supplier(name="株式会社山田商事")
    text, encoding = decode_csv(ITEMS.encode("cp932"))
    report = import_csv("items", text)
    assert (encoding, report["errors"], report["created"]) == ("cp932", [], 2)
    assert names() == {"TEA-SENCHA": "静岡煎茶 100g", "MUG-1": "髙島屋マグカップ ①"}


def test_a_utf8_file_with_a_bom_imports_with_its_first_column_intact(app):
    make_supplier()
    text, _encoding = decode_csv(ITEMS.encode("utf-8-sig"))
    assert import_csv("items", text)["errors"] == []
    assert set(names()) == {"TEA-SENCHA", "MUG-1"}


def test_every_problem_of_every_bad_row_is_reported_and_nothing_is_imported(app):
    make_supplier()
    bad = (
        ITEMS
        + "CLOCK,レトロ置時計,,gadget,general,pcs,abc,2480,five,0,1,SUP-NOBODY\n"
        + ",名前だけ,,product,general,pcs,-5,0,2,1,1,\n"
    )
    report = import_csv("items", bad)
    assert [(e["row"], e["field"], e["code"]) for e in report["errors"]] == [
        (4, "stock_class", "bad_stock_class"),
        (4, "supplier_code", "unknown_supplier"),
        (4, "unit_cost", "not_number"),
        (4, "lead_time_days", "not_whole_number"),
        (4, "min_order_qty", "below_minimum"),
        (5, "code", "required"),
        (5, "unit_cost", "below_minimum"),
    ]
    assert report["errors"][4]["params"] == {"low": 1} and names() == {}


def test_a_quantity_beyond_any_column_is_a_problem_not_a_database_error(app):
    make_supplier()
    report = import_csv("items", HEADER + "TEA,煎茶,,product,general,bag,1,1,99999999999,1,1,\n")
    assert [(e["field"], e["code"]) for e in report["errors"]] == [("lead_time_days", "above_maximum")]
